"""The KIM registry in the admin: KIMs, their members, and the regency's classifications and rules."""

import pytest
from django.urls import reverse
from django_scopes import scope
from wagtail.documents import get_document_model

from sinergi.core.tests.helpers import HTML_BYTES, PDF_BYTES, harvest_form, upload
from sinergi.kim.models import Activity, Kim, KimClassification, KimMember, KimSettings

pytestmark = pytest.mark.django_db


def form_data(client, url, form_id="w-editor-form", **changes):
    """What the browser would post from the page's form, with `changes` typed in."""
    response = client.get(url)
    assert response.status_code == 200
    data = harvest_form(response.content.decode(), form_id)
    data.update({name: value if isinstance(value, list) else [value] for name, value in changes.items()})
    return data


def errors_of(response):
    return response.context["form"].errors


@pytest.fixture
def classes(regency, santan_ulu):
    from sinergi.regions.models import Regency

    ours = [
        KimClassification.objects.create(regency=regency, name=n, order=i)
        for i, n in enumerate(["Pemula", "Madya"])
    ]
    elsewhere = Regency.objects.create(code="64.03", name="Kabupaten Lain", province_name="Kalimantan Timur")
    foreign = KimClassification.objects.create(regency=elsewhere, name="Utama")
    return ours, foreign


# --------------------------------------------------------------------------- KIM


def test_an_operator_registers_a_kim_with_a_decree_scan(operator_client, sebuntal, classes):
    ours, _foreign = classes
    url = reverse("kim_admin:kim_create")
    data = form_data(
        operator_client, url, name="KIM Sebuntal Bersatu", decree_number="141/12/SK/2024",
        decree_date="2024-03-01", classification=str(ours[1].pk), phone="0812 3456 7890",
        website="kim-sebuntal.desa.id", is_active="on",
    )  # fmt: skip
    data["decree_upload"] = upload("sk-kim.pdf", PDF_BYTES, "application/pdf")

    response = operator_client.post(url, data)

    assert response.status_code == 302
    with scope(village=sebuntal):
        kim = Kim.objects.get()
    assert (kim.village, kim.classification, kim.decree_number) == (sebuntal, ours[1], "141/12/SK/2024")
    assert kim.website == "https://kim-sebuntal.desa.id"
    document = kim.decree_document
    assert document.collection == sebuntal.collection
    assert document.title == "SK KIM Sebuntal Bersatu"
    assert response["Location"] == reverse("kim_admin:kim_detail", args=[kim.pk])
    page = operator_client.get(response["Location"]).content.decode()
    assert "141/12/SK/2024" in page and "Madya" in page


def test_an_operator_only_chooses_classifications_of_their_regency(operator_client, sebuntal, classes):
    _ours, foreign = classes
    url = reverse("kim_admin:kim_create")
    page = operator_client.get(url).content.decode()
    assert "Pemula" in page and "Utama" not in page

    response = operator_client.post(
        url, form_data(operator_client, url, name="KIM X", classification=str(foreign.pk))
    )
    assert "classification" in errors_of(response)


def test_a_decree_that_is_really_a_web_page_is_refused(operator_client, sebuntal):
    url = reverse("kim_admin:kim_create")
    data = form_data(operator_client, url, name="KIM Sebuntal Bersatu")
    data["decree_upload"] = upload("sk.pdf", HTML_BYTES, "application/pdf")
    response = operator_client.post(url, data)
    assert response.status_code == 200
    assert "decree_upload" in errors_of(response)
    with scope(village=sebuntal):
        assert not Kim.objects.exists()
    assert not get_document_model().objects.filter(collection=sebuntal.collection).exists()


def test_an_existing_document_of_another_village_cannot_be_chosen(operator_client, kim, santan_ulu):
    from django.core.files.base import ContentFile

    other = get_document_model()(title="SK tetangga", collection=santan_ulu.collection)
    other.file.save("sk.pdf", ContentFile(PDF_BYTES), save=True)
    url = reverse("kim_admin:kim_edit", args=[kim.pk])
    response = operator_client.post(url, form_data(operator_client, url, decree_document=str(other.pk)))
    assert "decree_document" in errors_of(response)


def test_editing_keeps_the_kim_in_its_village(operator_client, kim, sebuntal):
    url = reverse("kim_admin:kim_edit", args=[kim.pk])
    data = form_data(operator_client, url, name="KIM Sebuntal Bersatu Jaya", address="Jl. Poros RT 04")
    assert "village" not in data
    assert operator_client.post(url, data).status_code == 302
    kim.refresh_from_db()
    assert (kim.name, kim.address, kim.village) == ("KIM Sebuntal Bersatu Jaya", "Jl. Poros RT 04", sebuntal)


def test_a_regency_admin_chooses_the_village_of_a_new_kim(client, regency_admin, santan_ulu):
    client.force_login(regency_admin)
    url = reverse("kim_admin:kim_create")
    response = client.post(
        url, form_data(client, url, name="KIM Santan Ulu Maju", village=str(santan_ulu.pk))
    )
    assert response.status_code == 302
    with scope(village=santan_ulu):
        assert Kim.objects.get().name == "KIM Santan Ulu Maju"


def test_an_operator_cannot_create_a_kim_in_another_village(operator_client, santan_ulu):
    url = reverse("kim_admin:kim_create")
    response = operator_client.post(
        url, form_data(operator_client, url, name="KIM Palsu", village=str(santan_ulu.pk))
    )
    assert "village" in errors_of(response)
    with scope(village=santan_ulu):
        assert not Kim.objects.exists()


def test_the_kim_page_lists_members_and_activities(operator_client, kim, member, lead):
    with scope(village=kim.village):
        Activity.objects.create(
            kim=kim, kind=Activity.Kind.DISSEMINATION, place="Posyandu Melati", people_reached=35,
            description="Sosialisasi APBDes di Posyandu Melati.", recorded_by=lead,
        )  # fmt: skip
    page = operator_client.get(reverse("kim_admin:kim_detail", args=[kim.pk])).content.decode()
    assert "Andi Saputra" in page and "Rina Wati" in page and "Ketua" in page
    assert "Sosialisasi APBDes di Posyandu Melati." in page
    activities = operator_client.get(reverse("kim_admin:activities", args=[kim.pk])).content.decode()
    assert "Diseminasi" in activities and "Posyandu Melati" in activities


# --------------------------------------------------------------------------- members


def test_adding_a_member_normalises_the_phone_number(operator_client, kim):
    url = reverse("kim_admin:member_create", args=[kim.pk])
    data = form_data(operator_client, url, name="Siti Aminah", position="sekretaris", phone="0813-5555 1234")
    assert operator_client.post(url, data).status_code == 302
    with scope(village=kim.village):
        member = KimMember.objects.get(name="Siti Aminah")
    # The member side's format: members sign in with this number, typed any usual way.
    assert (member.phone, member.position, member.village_id) == (
        "0813-5555-1234",
        "sekretaris",
        kim.village_id,
    )


def test_a_phone_number_belongs_to_one_member_of_any_kim(operator_client, kim, other_member):
    url = reverse("kim_admin:member_create", args=[kim.pk])
    # other_member (Santan Ulu) has 081234567890, typed differently here.
    response = operator_client.post(
        url, form_data(operator_client, url, name="Siti", phone="+62 812-3456-7890")
    )
    assert "sudah terdaftar" in errors_of(response)["phone"][0]


def test_a_landline_is_not_a_members_phone(operator_client, kim):
    url = reverse("kim_admin:member_create", args=[kim.pk])
    response = operator_client.post(url, form_data(operator_client, url, name="Siti", phone="(0541) 661234"))
    assert "Nomor HP tidak sah" in errors_of(response)["phone"][0]


def test_a_wrong_phone_number_is_refused_with_a_clear_message(operator_client, kim):
    url = reverse("kim_admin:member_create", args=[kim.pk])
    response = operator_client.post(url, form_data(operator_client, url, name="Siti", phone="12345"))
    assert "Nomor HP tidak sah" in errors_of(response)["phone"][0]


def test_a_kim_has_one_active_chair(operator_client, kim, lead):
    url = reverse("kim_admin:member_create", args=[kim.pk])
    response = operator_client.post(url, form_data(operator_client, url, name="Budi", position="ketua"))
    assert "sudah punya ketua aktif (Rina Wati)" in errors_of(response)["position"][0]


def test_the_regency_rule_against_civil_servants(operator_client, kim, regency):
    KimSettings.objects.update_or_create(regency=regency, defaults={"forbid_civil_servants": True})
    url = reverse("kim_admin:member_create", args=[kim.pk])
    page = operator_client.get(url).content.decode()
    assert "Apakah anggota ini ASN/PNS?" in page

    response = operator_client.post(
        url, form_data(operator_client, url, name="Pak Camat", civil_servant="ya")
    )
    assert "tidak boleh ASN/PNS" in errors_of(response)["civil_servant"][0]
    # It must be answered, not skipped.
    response = operator_client.post(url, form_data(operator_client, url, name="Pak Camat"))
    assert "civil_servant" in errors_of(response)

    response = operator_client.post(
        url, form_data(operator_client, url, name="Bu Warga", civil_servant="tidak")
    )
    assert response.status_code == 302
    with scope(village=kim.village):
        assert KimMember.objects.get(name="Bu Warga").is_civil_servant is False


def test_without_the_rule_the_form_records_civil_servant_status(operator_client, kim):
    url = reverse("kim_admin:member_create", args=[kim.pk])
    assert "Apakah anggota ini ASN/PNS?" not in operator_client.get(url).content.decode()
    operator_client.post(url, form_data(operator_client, url, name="Pak Guru", is_civil_servant="on"))
    with scope(village=kim.village):
        assert KimMember.objects.get(name="Pak Guru").is_civil_servant is True


def test_deactivating_a_member_also_stops_their_sign_in(operator_client, member, client):
    url = reverse("kim_admin:member_active", args=[member.pk])
    assert operator_client.post(url, {"active": "0"}).status_code == 302
    member.refresh_from_db()
    member.user.refresh_from_db()
    assert not member.is_active and not member.user.is_active

    operator_client.post(url, {"active": "1"})
    member.refresh_from_db()
    member.user.refresh_from_db()
    assert member.is_active and member.user.is_active


def test_resetting_a_password_ends_the_old_one_and_shows_an_invitation_once(operator_client, member):
    from django.test import Client

    from sinergi.kim.invitations import accept_invitation, find_by_code, find_by_token
    from sinergi.kim.tests.conftest import PASSWORD

    phone = Client()
    phone.force_login(member.user)  # the member's open session on their phone
    assert phone.get(reverse("kim:home")).status_code == 200
    url = reverse("kim_admin:member_invitation", args=[member.pk])
    response = operator_client.post(url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    member.user.refresh_from_db()
    assert not member.user.has_usable_password()
    assert not member.user.check_password(PASSWORD)
    assert phone.get(reverse("kim:home")).status_code == 302  # signed out everywhere

    token = response.context["link"].rstrip("/").rsplit("/", 1)[-1]
    code = response.context["code"]
    assert code in response.content.decode()
    invitation = find_by_token(token)
    assert invitation.member == member and invitation.is_usable
    assert find_by_code("0812 3456 7890", code) == invitation
    accept_invitation(invitation, "kata-sandi-baru-yang-panjang")
    member.user.refresh_from_db()
    assert member.user.check_password("kata-sandi-baru-yang-panjang")

    assert operator_client.get(url).status_code == 404  # POST only


def test_a_member_without_an_account_gets_an_invitation(operator_client, kim):
    with scope(village=kim.village):
        member = KimMember.objects.create(kim=kim, name="Siti Aminah", phone="0813-5555-1234")
    response = operator_client.post(reverse("kim_admin:member_invitation", args=[member.pk]))
    assert response.status_code == 200
    assert response.context["is_reset"] is False
    assert len(response.context["code"]) == 6


def test_a_member_without_phone_or_email_cannot_be_invited(operator_client, kim):
    with scope(village=kim.village):
        member = KimMember.objects.create(kim=kim, name="Pak Tua")
    response = operator_client.post(reverse("kim_admin:member_invitation", args=[member.pk]), follow=True)
    assert any("nomor HP atau surel" in str(m) for m in response.context["messages"])


def test_an_operators_own_account_is_not_reset_as_a_member(operator_client, kim, operator):
    from sinergi.kim.tests.conftest import PASSWORD

    with scope(village=kim.village):
        member = KimMember.objects.create(
            kim=kim, name="Operator juga anggota", phone="0813-1111-2222", user=operator
        )
    operator_client.post(reverse("kim_admin:member_invitation", args=[member.pk]))
    operator.refresh_from_db()
    assert operator.check_password(PASSWORD)


# --------------------------------------------------------------------------- regency rules


def test_a_regency_admin_manages_classifications_and_settings(client, regency_admin, regency):
    client.force_login(regency_admin)
    assert client.get(reverse("kim_admin:regencies"))["Location"] == reverse(
        "kim_admin:regency_rules", args=[regency.pk]
    )

    url = reverse("kim_admin:classification_create", args=[regency.pk])
    assert client.post(url, form_data(client, url, name="Utama", order="3")).status_code == 302
    classification = KimClassification.objects.get(regency=regency, name="Utama")
    response = client.post(url, form_data(client, url, name="utama", order="4"))
    assert "name" in errors_of(response)

    edit = reverse("kim_admin:classification_edit", args=[classification.pk])
    client.post(edit, form_data(client, edit, name="Utama Mandiri"))
    classification.refresh_from_db()
    assert classification.name == "Utama Mandiri"

    rules = reverse("kim_admin:regency_rules", args=[regency.pk])
    data = form_data(client, rules, "kim-settings-form", forbid_civil_servants="on", review_reminder_days="5")
    assert client.post(rules, data).status_code == 302
    settings = KimSettings.for_regency(regency)
    assert (settings.forbid_civil_servants, settings.review_reminder_days) == (True, 5)

    delete = reverse("kim_admin:classification_delete", args=[classification.pk])
    assert "Ya, hapus" in client.get(delete).content.decode()
    client.post(delete)
    assert not KimClassification.objects.filter(pk=classification.pk).exists()


def test_a_village_operator_cannot_change_the_regency_rules(operator_client, regency):
    assert operator_client.get(reverse("kim_admin:regency_rules", args=[regency.pk])).status_code == 403
    response = operator_client.post(
        reverse("kim_admin:regency_rules", args=[regency.pk]), {"review_reminder_days": "30"}
    )
    assert response.status_code == 403
    assert KimSettings.for_regency(regency).review_reminder_days == 3
