"""A citizen asks for information, gets a number, a receipt and a tracking page; objects; and the
register and the report show it without personal data."""

import io
import re

import pytest
from django.core import mail
from django.test import override_settings
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from sinergi.casework import tracking
from sinergi.ppid.request_models import InformationRequest, Objection
from sinergi.ppid.tests.request_helpers import NIK, act_on_request, form_data, make_request, page_url

pytestmark = pytest.mark.django_db

R = InformationRequest.State


def submit(client, village, **changes):
    return client.post(f"{page_url(village)}permohonan/", form_data(**changes))


def test_a_citizen_gets_a_number_a_receipt_and_an_email_without_the_nik(
    client, sebuntal, operator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, sebuntal)
    assert response.status_code == 302
    with scopes_disabled():
        case = InformationRequest.objects.get()
    assert case.reference == f"001/PPID-SBT/{case.year}"
    assert case.state == R.REGISTERED and case.due_date and case.nik == NIK
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    text = receipt.content.decode()
    assert case.reference in text and tracking.display_code(case.tracking_code) in text
    assert "@media print" in text and "size:A4" in text
    assert NIK not in text and "Siti Aminah" not in text
    assert "no-store" in receipt["Cache-Control"]
    citizen = [m for m in mail.outbox if m.to == ["siti@contoh.id"]]
    assert len(citizen) == 1 and case.reference in citizen[0].body
    assert all(NIK not in m.body and NIK not in m.subject for m in mail.outbox)
    assert any(m.to == ["operator@sebuntal.test"] for m in mail.outbox)
    second = submit(client, sebuntal)
    with scopes_disabled():
        assert (
            InformationRequest.objects.get(
                tracking_code=tracking.normalise_code(second["Location"].split("/")[-2])
            ).number
            == 2
        )


def test_bad_input_gets_a_message_and_keeps_what_was_typed(client, sebuntal):
    response = submit(client, sebuntal, nik="1234", consent=None, information="<b>APB Desa</b>")
    assert response.status_code == 400
    text = response.content.decode()
    assert "NIK tidak valid" in text and "persetujuan" in text
    assert "&lt;b&gt;APB Desa&lt;/b&gt;" in text and "<b>APB Desa</b>" not in text
    with scopes_disabled():
        assert not InformationRequest.objects.exists()


def test_an_organisation_needs_no_nik_but_someone_needs_a_contact(client, sebuntal):
    assert submit(client, sebuntal, nik="", organisation="LSM Pantau Desa").status_code == 302
    response = submit(client, sebuntal, phone="", email="", delivery="langsung")
    assert response.status_code == 400 and "telepon atau e-mail" in response.content.decode()


def test_spam_is_held_not_lost_and_not_public(client, sebuntal):
    response = submit(client, sebuntal, information="Main slotgacor di https://a.xyz dan https://b.xyz")
    assert response.status_code == 302
    with scopes_disabled():
        case = InformationRequest.objects.get()
    assert case.state == R.HELD and "judi_online" in case.held_reason
    assert case.reference not in client.get(f"{page_url(sebuntal)}register/").content.decode()


@override_settings(CASEWORK_SUBMISSIONS_PER_HOUR={"ppid_request": 2})
def test_the_rate_limit_refuses_with_a_message_and_keeps_the_text(client, sebuntal):
    submit(client, sebuntal)
    submit(client, sebuntal)
    response = submit(client, sebuntal, information="Daftar penerima BLT 2026")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Terlalu banyak kiriman" in text and "Daftar penerima BLT 2026" in text


def test_an_unknown_code_is_a_kind_404_and_guessing_is_throttled(client, sebuntal):
    url = f"{page_url(sebuntal)}lacak/"
    response = client.get(f"{url}ABCD-1234-EFGH/")
    assert response.status_code == 404 and "tidak menemukan" in response.content.decode()
    for _n in range(20):
        client.get(f"{url}ABCD-1234-EFG{_n % 10}/")
    assert client.get(f"{url}ABCD-1234-EFGH/").status_code == 429


def test_a_code_of_another_village_is_not_found_here(client, sebuntal, santan_ulu):
    case = make_request(santan_ulu)
    assert client.get(f"{page_url(sebuntal)}lacak/{case.tracking_code}/").status_code == 404
    assert client.get(f"{page_url(santan_ulu)}lacak/{case.tracking_code.lower()}/").status_code == 200


def test_the_tracking_page_shows_state_deadline_and_answer_in_fixed_queries(
    client, sebuntal, operator, django_assert_max_num_queries
):
    case = make_request(sebuntal)
    url = f"{page_url(sebuntal)}lacak/{tracking.display_code(case.tracking_code)}/"
    client.get(url)
    with django_assert_max_num_queries(25) as first:
        response = client.get(url)
    assert case.get_state_display() in response.content.decode()
    act_on_request(case, "grant", user=operator, comment="Terlampir <i>APB Desa</i> 2026.")
    with django_assert_max_num_queries(len(first.captured_queries) + 4):
        response = client.get(url)
    text = response.content.decode()
    assert "Terlampir &lt;i&gt;APB Desa&lt;/i&gt; 2026." in text and "Ajukan keberatan" in text
    assert NIK not in text and "Siti Aminah" not in text and "081234567890" not in text


def test_the_form_is_served_with_a_fixed_number_of_queries(client, sebuntal, django_assert_max_num_queries):
    url = f"{page_url(sebuntal)}permohonan/"
    client.get(url)
    # Wagtail's route to the page, the village's site chrome, the regency's PPID settings and the
    # village's officials (the PPID named on the page): the same whatever the number of requests.
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
    assert "private" in response["Cache-Control"] and "<script" not in response.content.decode()


def test_a_citizen_objects_from_the_tracking_page(client, sebuntal, operator):
    case = make_request(sebuntal)
    act_on_request(case, "refuse", user=operator, comment="Rahasia pribadi.", grounds=["17h"])
    code = tracking.display_code(case.tracking_code)
    response = client.post(
        f"{page_url(sebuntal)}keberatan/",
        form_data(kode=code.lower(), grounds=["35a"], reasons="Informasi ini bukan rahasia pribadi."),
    )
    assert response.status_code == 302
    with scopes_disabled():
        objection = Objection.objects.get()
    assert objection.state == Objection.State.REGISTERED and objection.reference.endswith(
        f"/KEB-SBT/{objection.year}"
    )
    page = client.get(response["Location"]).content.decode()
    assert objection.reference in page and "Pasal 17 huruf h" in page
    again = client.post(
        f"{page_url(sebuntal)}keberatan/", form_data(kode=code, grounds=["35a"], reasons="Lagi.")
    )
    assert again.status_code == 400 and "sudah tercatat" in again.content.decode()


def test_the_register_hides_personal_data_and_downloads_as_excel(client, sebuntal):
    make_request(sebuntal, information='=HYPERLINK("http://x")')
    page = client.get(f"{page_url(sebuntal)}register/")
    text = page.content.decode()
    assert page.status_code == 200 and "001/PPID-SBT" in text
    assert "Siti Aminah" not in text and NIK not in text and "RT 03" not in text
    download = client.get(f"{page_url(sebuntal)}register/unduh/")
    sheet = load_workbook(io.BytesIO(download.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("001/PPID-SBT" in c for c in cells)
    assert not any("Siti" in c or NIK in c or "081234567890" in c for c in cells)
    assert not any(c.startswith("=") for c in cells)


def test_the_yearly_report_counts_outcomes_and_answer_times(client, sebuntal, operator):
    for action in ("grant", "partly_grant", "refuse", "not_held"):
        act_on_request(
            make_request(sebuntal),
            action,
            user=operator,
            comment="Jawaban.",
            grounds=["17h"],
            held_elsewhere="Dinas PMD",
        )
    make_request(sebuntal)
    page = client.get(f"{page_url(sebuntal)}laporan/")
    text = re.sub(r"\s+", " ", page.content.decode())
    assert "<td data-total>5</td>" in text and "Pasal 17 huruf h" in text and "0 hari kerja" in text
    download = client.get(f"{page_url(sebuntal)}laporan/unduh/")
    sheet = load_workbook(io.BytesIO(download.content)).active
    assert [c.value for c in sheet[3]][1:8] == [5, 1, 1, 1, 1, 1, 0]
