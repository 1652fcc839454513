"""The operator fills its village's DIP in the admin; nobody reaches another village's entries."""

import pytest
from django.urls import reverse
from django.utils import timezone

from sinergi.core.tests.factories import section
from sinergi.ppid.tests.dip_helpers import dip_url, document, entry
from sinergi.villages.models import ProfilePage

pytestmark = pytest.mark.django_db


def test_an_operator_of_one_village_goes_straight_to_its_dip(operator_client, sebuntal):
    response = operator_client.get(reverse("ppid_dip_admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("ppid_dip_admin:village", kwargs={"village_id": sebuntal.pk})
    body = operator_client.get(response["Location"]).content.decode()
    assert "Anggaran Pendapatan dan Belanja Desa (APB Desa)" in body
    assert "Informasi dikecualikan" in body


def test_the_regency_admin_sees_every_village_of_its_regency(client, regency_admin, sebuntal, santan_ulu):
    client.force_login(regency_admin)
    body = client.get(reverse("ppid_dip_admin:index")).content.decode()
    assert sebuntal.display_name in body and santan_ulu.display_name in body


def test_the_operator_links_a_document_and_the_public_page_shows_it_dated_today(
    operator_client, client, sebuntal
):
    row = entry(sebuntal, "apb-desa")
    apb = document(sebuntal, "APB Desa 2026")
    url = reverse("ppid_dip_admin:entry", kwargs={"entry_id": row.pk})
    assert operator_client.get(url).status_code == 200
    response = operator_client.post(url, {"page": "", "document": apb.pk, "note": "", "updated_on": ""})
    assert response.status_code == 302
    row = entry(sebuntal, "apb-desa")
    assert row.document_id == apb.pk and row.updated_on == timezone.localdate()
    client.logout()
    assert apb.url in client.get(dip_url(sebuntal)).content.decode()


def test_the_form_refuses_another_villages_page_or_document_and_a_future_date(
    operator_client, sebuntal, santan_ulu
):
    row = entry(sebuntal, "apb-desa")
    url = reverse("ppid_dip_admin:entry", kwargs={"entry_id": row.pk})
    theirs = document(santan_ulu, "APB Santan Ulu")
    their_page = section(santan_ulu, ProfilePage)
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    for data in (
        {"page": "", "document": theirs.pk, "note": "", "updated_on": ""},
        {"page": their_page.pk, "document": "", "note": "", "updated_on": ""},
        {"page": "", "document": "", "note": "", "updated_on": tomorrow.isoformat()},
    ):
        response = operator_client.post(url, data)
        assert response.status_code == 200, data
        assert "periksa isian" in response.content.decode()
    row = entry(sebuntal, "apb-desa")
    assert row.document_id is None and row.page_id is None and row.updated_on is None


def test_another_villages_operator_gets_404_and_changes_nothing(other_operator_client, sebuntal):
    row = entry(sebuntal, "apb-desa")
    for url in (
        reverse("ppid_dip_admin:village", kwargs={"village_id": sebuntal.pk}),
        reverse("ppid_dip_admin:entry", kwargs={"entry_id": row.pk}),
    ):
        assert other_operator_client.get(url).status_code == 404
    response = other_operator_client.post(
        reverse("ppid_dip_admin:entry", kwargs={"entry_id": row.pk}),
        {"page": "", "document": "", "note": "diubah", "updated_on": ""},
    )
    assert response.status_code == 404
    assert entry(sebuntal, "apb-desa").note == ""


def test_pasted_html_in_a_note_is_shown_as_text(operator_client, client, sebuntal):
    row = entry(sebuntal, "apb-desa")
    url = reverse("ppid_dip_admin:entry", kwargs={"entry_id": row.pk})
    apb = document(sebuntal)
    note = "<b>Perubahan</b><script>alert(1)</script>"
    operator_client.post(url, {"page": "", "document": apb.pk, "note": note, "updated_on": ""})
    assert entry(sebuntal, "apb-desa").note == note
    admin_body = operator_client.get(reverse("ppid_dip_admin:village", kwargs={"village_id": sebuntal.pk}))
    client.logout()
    body = client.get(dip_url(sebuntal)).content.decode()
    assert "&lt;b&gt;Perubahan&lt;/b&gt;&lt;script&gt;" in body
    assert "<script>alert(1)" not in body
    assert "<script>alert(1)" not in admin_body.content.decode()
