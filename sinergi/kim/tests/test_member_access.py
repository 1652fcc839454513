"""A member sees and edits only their own reports, and only while the village has not decided."""

import pytest
from django.test import Client
from django_scopes import scope

from sinergi.kim.models import Report
from sinergi.kim.tests.conftest import write_report
from sinergi.kim.tests.member_helpers import JSON, photo, report_data, reports_of
from sinergi.kim.workflow import do_transition

pytestmark = pytest.mark.django_db
S = Report.State


def signed_in(member):
    client = Client()
    client.force_login(member.user)
    return client


@pytest.fixture
def report_with_photo(member):
    client = signed_in(member)
    client.post("/kim/laporan/baru/", {**report_data(), "photos": [photo("rahasia.jpg")]})
    [report] = reports_of(member)
    return report


def urls_of(report):
    photo_pk = report.photos.first().pk
    return [
        f"/kim/laporan/{report.pk}/",
        f"/kim/laporan/{report.pk}/ubah/",
        f"/kim/laporan/{report.pk}/foto/{photo_pk}/",
    ]


def test_the_author_sees_their_report_and_its_photo(member, report_with_photo):
    client = signed_in(member)
    for url in urls_of(report_with_photo):
        assert client.get(url).status_code == 200, url
    served = client.get(urls_of(report_with_photo)[2])
    assert served["Content-Type"] == "image/jpeg"
    assert "private" in served["Cache-Control"]


@pytest.mark.parametrize("intruder", ["lead", "other_member"])
def test_another_member_or_another_village_gets_a_404(request, report_with_photo, intruder):
    client = signed_in(request.getfixturevalue(intruder))
    report_url, edit_url, photo_url = urls_of(report_with_photo)
    for url in (report_url, edit_url):
        assert client.get(url).status_code == 404, url
    # The KIM lead may see the photos of the KIM's reports (test_photo_privacy); no one else may.
    assert client.get(photo_url).status_code == (200 if intruder == "lead" else 404)
    data = report_data(client_key=str(report_with_photo.client_key), title="Diubah orang lain")
    assert client.post(f"/kim/laporan/{report_with_photo.pk}/ubah/", data).status_code == 404
    report_with_photo.refresh_from_db()
    assert report_with_photo.title != "Diubah orang lain"


def test_the_same_client_key_from_another_member_makes_their_own_report(member, lead, report_with_photo):
    data = report_data(client_key=str(report_with_photo.client_key), title="Laporan ketua sendiri")
    signed_in(lead).post("/kim/laporan/baru/", data)
    report_with_photo.refresh_from_db()
    assert report_with_photo.title != "Laporan ketua sendiri"
    assert [r.title for r in reports_of(lead)] == ["Laporan ketua sendiri"]


def test_anonymous_visitors_are_sent_to_sign_in(report_with_photo):
    report_url, edit_url, photo_url = urls_of(report_with_photo)
    for url in (report_url, edit_url):
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/kim/masuk/")
    assert Client().get(photo_url).status_code == 404  # a private file does not even admit it exists
    assert Client().post("/kim/laporan/baru/", report_data(), **JSON).status_code == 401


@pytest.mark.parametrize("decision", ["approve_publish", "reject"])
def test_editing_is_refused_once_the_village_decided(member, operator, decision):
    report = do_transition(write_report(member), "submit", by=member.user)
    do_transition(report, decision, by=operator, comment="Terima kasih")
    client = signed_in(member)
    url = f"/kim/laporan/{report.pk}/ubah/"

    assert client.get(url).status_code == 403
    response = client.post(url, report_data(title="Diubah sesudah keputusan"))
    assert response.status_code == 403
    assert "tidak bisa diubah lagi" in response.content.decode()
    assert client.post(url, report_data(title="Diubah sesudah keputusan"), **JSON).status_code == 409
    with scope(village=member.village):
        assert Report.objects.get(pk=report.pk).title != "Diubah sesudah keputusan"
    detail = client.get(f"/kim/laporan/{report.pk}/").content.decode()
    assert f'href="/kim/laporan/{report.pk}/ubah/"' not in detail


def test_a_submitted_report_can_still_be_corrected(member):
    report = do_transition(write_report(member), "submit", by=member.user)
    client = signed_in(member)
    response = client.post(
        f"/kim/laporan/{report.pk}/ubah/",
        report_data(title="Judul yang sudah dibetulkan oleh penulis", action="draft"),
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.title == "Judul yang sudah dibetulkan oleh penulis"
    assert report.state == S.SUBMITTED


def test_the_report_page_shows_the_state_and_the_timeline_with_the_operators_note(member, operator):
    report = do_transition(write_report(member), "submit", by=member.user)
    do_transition(report, "request_revision", by=operator, comment="Tolong tambahkan nama ketua RT.")

    page = signed_in(member).get(f"/kim/laporan/{report.pk}/").content.decode()

    assert "Perlu Revisi" in page
    assert "Minta revisi" in page and "Tolong tambahkan nama ketua RT." in page
    assert "Kirim ke desa" in page  # the member's own step, labelled as in the workflow
    assert "Petunjuk menulis" in page
    assert f'href="/kim/laporan/{report.pk}/ubah/"' in page
