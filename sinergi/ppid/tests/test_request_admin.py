"""The operator's queue and decisions, the home panel, and the regency's figures."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from sinergi.core.tests import helpers as h
from sinergi.ppid.request_models import InformationRequest
from sinergi.ppid.request_reports import regency_figures
from sinergi.ppid.tests.request_helpers import NIK, make_request

pytestmark = pytest.mark.django_db

R = InformationRequest.State


def overdue(case):
    with scopes_disabled():
        InformationRequest.objects.filter(pk=case.pk).update(
            due_date=timezone.localdate() - datetime.timedelta(days=2)
        )


def test_the_queue_puts_overdue_first_and_masks_the_nik(operator_client, sebuntal):
    fresh = make_request(sebuntal)
    late = make_request(sebuntal)
    overdue(late)
    queue = operator_client.get(reverse("ppid_requests:queue")).content.decode()
    assert queue.index(late.reference) < queue.index(fresh.reference) and "TERLAMBAT" in queue
    detail = operator_client.get(reverse("ppid_requests:request", args=[fresh.pk])).content.decode()
    assert NIK not in detail and "6402" in detail and "****" in detail
    home = operator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Permohonan informasi (PPID)" in home and "Terlambat: 1 permohonan" in home


def test_another_village_operator_finds_nothing(other_operator_client, sebuntal):
    case = make_request(sebuntal)
    assert other_operator_client.get(reverse("ppid_requests:request", args=[case.pk])).status_code == 404
    response = other_operator_client.post(
        reverse("ppid_requests:request", args=[case.pk]), {"action": "grant"}
    )
    assert response.status_code == 404
    assert case.reference not in other_operator_client.get(reverse("ppid_requests:queue")).content.decode()


def _act(client, case, action, **data):
    with scopes_disabled():
        seen = InformationRequest.objects.get(pk=case.pk).updated_at.isoformat()
    return client.post(
        reverse("ppid_requests:request", args=[case.pk]), {"action": action, "seen": seen, **data}
    )


def test_the_operator_answers_with_a_document(operator_client, sebuntal):
    case = make_request(sebuntal)
    pdf = SimpleUploadedFile("apbdes-2026.pdf", h.PDF_BYTES, content_type="application/pdf")
    response = _act(operator_client, case, "grant", comment="APB Desa terlampir.", documents=pdf)
    assert response.status_code == 302
    with scopes_disabled():
        case = InformationRequest.objects.get(pk=case.pk)
        assert case.state == R.GRANTED and case.documents.count() == 1


def test_a_disguised_file_is_refused_and_the_typed_answer_kept(operator_client, sebuntal):
    case = make_request(sebuntal)
    fake = SimpleUploadedFile(
        "apbdes.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    response = _act(operator_client, case, "grant", comment="Jawaban saya yang panjang.", documents=fake)
    assert response.status_code == 400
    assert "Jawaban saya yang panjang." in response.content.decode()
    with scopes_disabled():
        assert InformationRequest.objects.get(pk=case.pk).state == R.REGISTERED


def test_a_double_click_changes_nothing_the_second_time(operator_client, sebuntal):
    case = make_request(sebuntal)
    with scopes_disabled():
        seen = InformationRequest.objects.get(pk=case.pk).updated_at.isoformat()
    url = reverse("ppid_requests:request", args=[case.pk])
    operator_client.post(url, {"action": "extend", "seen": seen, "comment": "Perlu waktu."})
    operator_client.post(url, {"action": "extend", "seen": seen, "comment": "Perlu waktu."})
    with scopes_disabled():
        assert InformationRequest.objects.get(pk=case.pk).events.filter(action="extend").count() == 1


def test_the_regency_sees_every_village_overdue_on_top(client, regency_admin, sebuntal, santan_ulu):
    make_request(sebuntal)
    overdue(make_request(santan_ulu))
    client.force_login(regency_admin)
    page = client.get(reverse("ppid_requests:regency") + "?urut=permohonan").content.decode()
    assert page.index("Santan Ulu") < page.index("Sebuntal")
    download = client.get(reverse("ppid_requests:regency") + "?format=xlsx")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")


def test_an_operator_may_not_open_the_regency_figures(operator_client):
    assert operator_client.get(reverse("ppid_requests:regency")).status_code == 403


def test_regency_figures_take_the_same_queries_for_more_requests_and_villages(
    regency, sebuntal, santan_ulu, django_assert_num_queries
):
    year = timezone.localdate().year
    make_request(sebuntal)
    with django_assert_num_queries(0) as few:
        pass
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        regency_figures(regency, year)
    for village in (sebuntal, santan_ulu):
        for _n in range(3):
            make_request(village)
    with CaptureQueriesContext(connection) as many:
        rows = regency_figures(regency, year)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert sum(r.total for r in rows) == 7


def test_the_queue_takes_the_same_queries_for_more_requests(
    operator_client, sebuntal, django_assert_max_num_queries
):
    make_request(sebuntal)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("ppid_requests:queue")
    operator_client.get(url)
    with CaptureQueriesContext(connection) as few:
        operator_client.get(url)
    for _n in range(5):
        make_request(sebuntal)
    with CaptureQueriesContext(connection) as many:
        operator_client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_queue_is_paged_and_keeps_its_filter(operator_client, sebuntal, monkeypatch):
    from sinergi.ppid import request_admin

    monkeypatch.setattr(request_admin, "PER_PAGE", 2)
    cases = [make_request(sebuntal) for _n in range(3)]
    url = reverse("ppid_requests:queue")
    first = operator_client.get(url).content.decode()
    second = operator_client.get(url, {"p": 2}).content.decode()
    on_first = [c.reference for c in cases if c.reference in first]
    on_second = [c.reference for c in cases if c.reference in second]
    assert len(on_first) == 2 and len(on_second) == 1 and not set(on_first) & set(on_second)
    state = cases[0].state
    filtered = operator_client.get(url, {"status": state}).content.decode()
    assert f"status={state}&amp;p=2" in filtered or f"p=2&amp;status={state}" in filtered
