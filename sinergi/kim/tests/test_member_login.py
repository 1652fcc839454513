"""A member signs in at /kim/masuk/ with their phone number (any way of writing it), e-mail or username."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django_scopes import scope

from sinergi.kim.tests.member_helpers import PASSWORD, make_member

pytestmark = pytest.mark.django_db
LOGIN = "/kim/masuk/"
WRONG = "Nama pengguna/nomor HP/surel atau kata sandi salah."


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def andi(kim):
    return make_member(kim, "Andi Saputra", phone="0813-5555-0101", email="andi@contoh.id")


def sign_in(identifier, password=PASSWORD, client=None, address="203.0.113.20"):
    client = client or Client()
    response = client.post(LOGIN, {"username": identifier, "password": password}, REMOTE_ADDR=address)
    return client, response


@pytest.mark.parametrize(
    "identifier", ["081355550101", "0813-5555-0101", "+6281355550101", "+62 813 5555 0101", "6281355550101"]
)
def test_it_signs_in_with_the_phone_number_in_every_format(andi, identifier):
    client, response = sign_in(identifier)

    assert response.status_code == 302
    assert response["Location"] == "/kim/"
    assert int(client.session["_auth_user_id"]) == andi.user_id
    assert "Halo, Andi Saputra" in client.get("/kim/").content.decode()


@pytest.mark.parametrize("identifier", ["andi@contoh.id", "  Andi@Contoh.ID "])
def test_it_signs_in_with_the_email_address(andi, identifier):
    client, response = sign_in(identifier)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == andi.user_id


def test_it_finds_an_older_account_through_the_members_phone(member, lead):
    # conftest's member: username "kim.andi", phone 081234567890, and a lead with the same phone.
    client, response = sign_in("081234567890")
    assert response.status_code == 200  # two members share the number: nobody is signed in
    assert "_auth_user_id" not in client.session

    with scope(village=member.village):
        member.kim.members.exclude(pk=member.pk).update(phone="")
    client, response = sign_in("+6281234567890")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == member.user_id


def test_a_wrong_password_says_so_in_indonesian_and_signs_nobody_in(andi):
    client, response = sign_in("081355550101", "sandi-keliru")

    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_unknown_number_gets_the_same_message(andi):
    _client, response = sign_in("081399990000")
    assert WRONG in response.content.decode()


def test_a_member_signs_in_with_the_username_make_demo_prints(member):
    # conftest's member has the account "kim.andi", like the demo's "kim.sebuntal".
    client, response = sign_in("kim.andi")

    assert response.status_code == 302
    assert response["Location"] == "/kim/"
    assert int(client.session["_auth_user_id"]) == member.user_id


def test_a_staff_username_does_not_sign_in_at_kim(operator):
    client, response = sign_in(operator.username)
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_for_a_username_are_counted_and_locked_by_axes(member):
    for _n in range(4):
        _client, response = sign_in("kim.andi", "sandi-keliru")
        assert WRONG in response.content.decode()
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"kim.andi"}

    _client, response = sign_in("kim.andi", "sandi-keliru")
    assert response.status_code == 429
    client, response = sign_in("kim.andi", PASSWORD, address="192.0.2.50")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_unknown_username_gets_the_same_message_as_a_wrong_password(andi):
    _client, response = sign_in("andi", "sandi-keliru")
    assert WRONG in response.content.decode()


def test_an_inactive_member_cannot_sign_in(andi):
    andi.is_active = False
    andi.save()
    client, response = sign_in("081355550101")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_members_of_a_kim_set_inactive_neither_sign_in_nor_send(andi, kim):
    signed_in_before, response = sign_in("081355550101")
    assert response.status_code == 302
    kim.is_active = False
    kim.save()

    assert signed_in_before.get("/kim/").status_code == 403  # "bukan akun anggota KIM yang aktif"
    refused = signed_in_before.post("/kim/laporan/baru/", {"title": "Laporan", "action": "submit"})
    assert refused.status_code == 403
    client, response = sign_in("081355550101", address="203.0.113.21")
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_failures_are_counted_by_axes_under_one_name_whatever_the_format(andi):
    for identifier in ["081355550101", "+6281355550101", "6281355550101", "0813 5555 0101"]:
        sign_in(identifier, "sandi-keliru")
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"+6281355550101"}

    # The fifth failure locks the account: the member login shows the lockout message, status 429.
    _client, response = sign_in("081355550101", "sandi-keliru")
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    client, response = sign_in("081355550101", PASSWORD, address="192.0.2.50")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_goes_back_to_the_page_asked_for_but_only_inside_kim(andi):
    client = Client()
    response = client.get("/kim/laporan/baru/")
    assert response.status_code == 302
    assert response["Location"].startswith("/kim/masuk/?next=/kim/laporan/baru/")

    response = client.post(
        LOGIN + "?next=/kim/laporan/baru/",
        {"username": "081355550101", "password": PASSWORD, "next": "/kim/laporan/baru/"},
    )
    assert response["Location"] == "/kim/laporan/baru/"

    _client, response = sign_in("081355550101")
    client = Client()
    response = client.post(
        LOGIN, {"username": "081355550101", "password": PASSWORD, "next": "https://jahat.example/"}
    )
    assert response["Location"] == "/kim/"


def test_sign_out(andi):
    client, _response = sign_in("081355550101")
    response = client.post("/kim/keluar/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/kim/").status_code == 302
    assert client.get("/kim/keluar/").status_code == 405  # signing out is a POST, never a link


def test_a_staff_account_is_not_a_member(operator_client):
    response = operator_client.get("/kim/")
    assert response.status_code == 403
    assert "Khusus anggota KIM" in response.content.decode()


def test_a_member_changes_their_password(andi):
    client, _response = sign_in("081355550101")
    response = client.post(
        "/kim/sandi/",
        {
            "old_password": PASSWORD,
            "new_password1": "kopi-tubruk-pagi-hari",
            "new_password2": "kopi-tubruk-pagi-hari",
        },
    )
    assert response.status_code == 302
    assert client.get("/kim/").status_code == 200  # still signed in
    _client, response = sign_in("081355550101", "kopi-tubruk-pagi-hari")
    assert response.status_code == 302
