"""Invitations: a one-time link or a 6-digit code, valid 7 days, stored hashed; the lead invites their own KIM."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone
from django_scopes import scope

from sinergi.kim import limits
from sinergi.kim.invitations import InvitationError, create_invitation, hash_token
from sinergi.kim.models import Invitation, KimMember
from sinergi.kim.tests.member_helpers import PASSWORD, make_member

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "sungai-mahakam-biru"


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def budi(kim):
    return make_member(kim, "Budi Santoso", phone="0812-7777-0202", account=False)


@pytest.fixture
def ketua(kim):
    return make_member(kim, "Rina Wati", phone="0813-1111-0001", position=KimMember.Position.CHAIR)


def lead_client(ketua):
    client = Client()
    client.force_login(ketua.user)
    return client


def accept(token, password=NEW_PASSWORD, client=None):
    client = client or Client()
    return client, client.post(f"/kim/undangan/{token}/", {"password1": password, "password2": password})


def test_an_invitation_is_stored_hashed_and_expires_in_seven_days(budi, operator):
    invitation, token, code = create_invitation(budi, by=operator)

    assert re.fullmatch(r"\d{6}", code)
    assert len(token) >= 40
    assert invitation.token_hash == hash_token(token)
    assert token not in invitation.token_hash and code not in invitation.code_hash
    assert invitation.created_by == operator
    assert abs(invitation.expires_at - (timezone.now() + dt.timedelta(days=7))) < dt.timedelta(minutes=1)


def test_accepting_the_link_makes_the_account_and_signs_in(budi, operator):
    _invitation, token, _code = create_invitation(budi, by=operator)

    page = Client().get(f"/kim/undangan/{token}/")
    assert page.status_code == 200
    assert "Budi Santoso" in page.content.decode()
    assert page["Referrer-Policy"] == "no-referrer"

    client, response = accept(token)

    assert response.status_code == 302
    assert response["Location"] == "/kim/"
    budi.refresh_from_db()
    assert budi.user.username == "+6281277770202"
    assert budi.user.check_password(NEW_PASSWORD)
    assert int(client.session["_auth_user_id"]) == budi.user_id
    # ... and the member signs in later with the phone number.
    response = Client().post("/kim/masuk/", {"username": "081277770202", "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_an_invitation_is_accepted_once_not_twice(budi, operator):
    _invitation, token, _code = create_invitation(budi, by=operator)
    accept(token)

    _client, response = accept(token, "kata-sandi-penyusup-lain")

    assert response.status_code == 410
    assert "sudah dipakai atau sudah kedaluwarsa" in response.content.decode()
    budi.refresh_from_db()
    assert budi.user.check_password(NEW_PASSWORD)


def test_an_expired_invitation_is_refused(budi, operator):
    invitation, token, code = create_invitation(budi, by=operator)
    with scope(village=budi.village):
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - dt.timedelta(seconds=1)
        )

    _client, response = accept(token)
    assert response.status_code == 410
    response = Client().post(
        "/kim/undangan/",
        {"identifier": "081277770202", "code": code, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert "tidak cocok, atau undangan sudah kedaluwarsa" in response.content.decode()
    budi.refresh_from_db()
    assert budi.user is None


def test_an_unknown_link_is_a_404(db):
    assert Client().get("/kim/undangan/bukan-token-yang-benar/").status_code == 404


def test_a_new_invitation_ends_the_earlier_one(budi, operator):
    _first, old_token, _code = create_invitation(budi, by=operator)
    create_invitation(budi, by=operator)
    assert accept(old_token)[1].status_code == 410


def test_the_password_must_pass_the_validators(budi, operator):
    _invitation, token, _code = create_invitation(budi, by=operator)
    _client, response = accept(token, "12345")
    assert response.status_code == 200
    assert "terlalu pendek" in response.content.decode() or "too short" in response.content.decode()
    response = Client().post(
        f"/kim/undangan/{token}/", {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"}
    )
    assert "Kedua kata sandi tidak sama." in response.content.decode()
    budi.refresh_from_db()
    assert budi.user is None  # nothing used up: the invitation still works
    assert accept(token)[1].status_code == 302


@pytest.mark.parametrize("identifier", ["081277770202", "+62 812 7777 0202", "6281277770202"])
def test_accepting_with_phone_and_code(budi, operator, identifier):
    _invitation, _token, code = create_invitation(budi, by=operator)
    client = Client()
    response = client.post(
        "/kim/undangan/",
        {"identifier": identifier, "code": code, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    budi.refresh_from_db()
    assert int(client.session["_auth_user_id"]) == budi.user_id


def test_accepting_with_email_and_code(kim, operator):
    sari = make_member(kim, "Sari", email="sari@contoh.id", account=False)
    _invitation, _token, code = create_invitation(sari, by=operator)
    response = Client().post(
        "/kim/undangan/",
        {"identifier": "Sari@Contoh.id", "code": code, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    sari.refresh_from_db()
    assert sari.user.username == "sari@contoh.id"


def test_wrong_codes_are_throttled(budi, operator):
    _invitation, _token, code = create_invitation(budi, by=operator)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    data = {"identifier": "081277770202", "code": wrong, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    for _n in range(limits.invitation_code_tries_per_hour()):
        assert "tidak cocok" in Client().post("/kim/undangan/", data).content.decode()

    response = Client().post("/kim/undangan/", {**data, "code": code})  # now even the right code waits

    assert response.status_code == 429
    assert "Terlalu banyak kode yang salah" in response.content.decode()
    budi.refresh_from_db()
    assert budi.user is None


def test_a_reinvitation_resets_the_password_of_an_existing_account(kim, operator):
    andi = make_member(kim, "Andi", phone="0813-5555-0101")
    _invitation, token, _code = create_invitation(andi, by=operator)
    accept(token)
    user = get_user_model().objects.get(pk=andi.user_id)
    assert user.check_password(NEW_PASSWORD)
    assert get_user_model().objects.filter(username="+6281355550101").count() == 1


def test_a_member_without_phone_or_email_cannot_be_invited(kim, operator):
    nobody = make_member(kim, "Tanpa Kontak", account=False)
    with pytest.raises(InvitationError):
        create_invitation(nobody, by=operator)


# --------------------------------------------------------------------------- the lead


def test_the_lead_lists_their_own_members_only(ketua, budi, other_member):
    response = lead_client(ketua).get("/kim/anggota/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Budi Santoso" in page and "Belum punya akun." in page
    assert other_member.name not in page


def test_a_member_who_is_not_the_lead_cannot_manage_members(kim, budi):
    andi = make_member(kim, "Andi", phone="0813-5555-0101")
    client = Client()
    client.force_login(andi.user)
    assert client.get("/kim/anggota/").status_code == 403
    assert (
        client.post(
            "/kim/anggota/baru/", {"name": "X", "position": "anggota", "phone": "081299990000"}
        ).status_code
        == 403
    )
    assert client.post(f"/kim/anggota/{budi.pk}/undang/").status_code == 403
    with pytest.raises(PermissionDenied):
        create_invitation(budi, by=andi.user)


def test_the_lead_adds_a_member_and_sees_the_link_and_code_once(ketua, kim):
    client = lead_client(ketua)
    response = client.post(
        "/kim/anggota/baru/",
        {"name": "Citra Lestari", "position": "anggota", "phone": "+62 812 4444 0303", "email": ""},
    )

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    code = re.search(r'id="kim-invite-code">(\d{6})<', page).group(1)
    link = re.search(r'value="(http://testserver/kim/undangan/[^"/]+/)"', page).group(1)
    with scope(village=kim.village):
        citra = KimMember.objects.get(name="Citra Lestari")
    assert citra.kim == kim and citra.phone == "0812-4444-0303"
    assert code and link

    # Shown once: the list page does not show them again.
    listing = client.get("/kim/anggota/").content.decode()
    assert code not in listing and link not in listing
    assert "Undangan berlaku sampai" in listing

    # The link works for Citra.
    _c, accepted = accept(link.replace("http://testserver", "").split("/")[-2])
    assert accepted.status_code == 302


def test_the_lead_cannot_appoint_a_ketua_or_reuse_a_phone(ketua, budi):
    client = lead_client(ketua)
    response = client.post(
        "/kim/anggota/baru/", {"name": "Dua", "position": "ketua", "phone": "081200001111"}
    )
    assert response.status_code == 400
    response = client.post(
        "/kim/anggota/baru/", {"name": "Dua", "position": "anggota", "phone": "+6281277770202"}
    )
    assert "sudah terdaftar" in response.content.decode()
    response = client.post("/kim/anggota/baru/", {"name": "Dua", "position": "anggota"})
    assert "Isi nomor HP atau surel" in response.content.decode()


def test_the_lead_invites_only_members_of_their_own_kim(ketua, budi, other_member):
    client = lead_client(ketua)
    response = client.post(f"/kim/anggota/{budi.pk}/undang/")
    assert response.status_code == 200
    assert re.search(r'id="kim-invite-code">\d{6}<', response.content.decode())

    assert client.post(f"/kim/anggota/{other_member.pk}/undang/").status_code == 404
    assert client.get(f"/kim/anggota/{budi.pk}/undang/").status_code == 405
    with pytest.raises(PermissionDenied):
        create_invitation(other_member, by=ketua.user)


def test_an_operator_invites_through_the_same_function(budi, operator, other_operator):
    invitation, _token, _code = create_invitation(budi, by=operator)
    assert invitation.member == budi
    with pytest.raises(PermissionDenied):
        create_invitation(budi, by=other_operator)


def test_the_lead_signs_in_with_the_conftest_password(ketua):
    response = Client().post("/kim/masuk/", {"username": "0813 1111 0001", "password": PASSWORD})
    assert response.status_code == 302


def test_the_leads_reset_locks_the_old_password_and_its_sessions_at_once(ketua, kim):
    andi = make_member(kim, "Andi Pratama", phone="0813-5555-0202")
    andi_phone = Client()
    assert (
        andi_phone.post("/kim/masuk/", {"username": "0813 5555 0202", "password": PASSWORD}).status_code
        == 302
    )
    assert andi_phone.get("/kim/").status_code == 200

    response = lead_client(ketua).post(f"/kim/anggota/{andi.pk}/undang/")

    assert response.status_code == 200
    assert "Kata sandi lama Andi Pratama sudah tidak berlaku" in response.content.decode()
    assert andi_phone.get("/kim/").status_code == 302  # the lost phone is signed out
    refused = Client().post("/kim/masuk/", {"username": "0813 5555 0202", "password": PASSWORD})
    assert refused.status_code == 200  # the old password no longer signs in


def test_no_one_resets_a_staff_account_through_a_kim_invitation(ketua, kim, operator):
    # The village operator is also on the KIM's list: the ketua must not choose the operator's password.
    with scope(village=kim.village):
        staff_member = make_member(kim, "Operator Yang Juga Anggota", phone="0813-5555-0303", account=False)
        staff_member.user = operator
        staff_member.save()
    before = get_user_model().objects.get(pk=operator.pk).password

    response = lead_client(ketua).post(f"/kim/anggota/{staff_member.pk}/undang/", follow=True)

    assert "Akun anggota ini juga akun staf" in response.content.decode()
    assert get_user_model().objects.get(pk=operator.pk).password == before
    with scope(village=kim.village):
        assert not Invitation.objects.filter(member=staff_member).exists()
    with pytest.raises(InvitationError, match="akun staf"):
        create_invitation(staff_member, by=operator)  # not through the admin either
