"""A member sent back or turned down reads why first, on the report and on the form to fix it."""

import pytest

from sinergi.kim.tests.conftest import write_report
from sinergi.kim.tests.member_helpers import text_of
from sinergi.kim.workflow import do_transition

pytestmark = pytest.mark.django_db


def test_the_revision_request_is_shown_above_the_report_and_on_the_form(member_client, member, operator):
    report = do_transition(write_report(member), "submit", by=member.user)
    do_transition(report, "request_revision", by=operator, comment="Sebutkan nama <b>ketua RT</b>.")

    # On the report, before its text; on the form, before the fields to change.
    for url, comes_before in (
        (f"/kim/laporan/{report.pk}/", '<div class="report-body'),
        (f"/kim/laporan/{report.pk}/ubah/", '<form id="kim-report-form"'),
    ):
        html = member_client.get(url).content.decode()
        at = html.index('id="kim-village-says"')
        assert at < html.index(comes_before)
        assert "Desa meminta revisi:" in html[at : at + 300]
        assert "Sebutkan nama &lt;b&gt;ketua RT&lt;/b&gt;." in html[at : at + 400]  # as text, never HTML


def test_the_latest_request_is_the_one_shown_and_it_goes_once_resubmitted(member_client, member, operator):
    report = do_transition(write_report(member), "submit", by=member.user)
    do_transition(report, "request_revision", by=operator, comment="Tambahkan tanggal.")
    report = do_transition(report, "submit", by=member.user)
    assert "Desa meminta revisi" not in text_of(member_client.get(f"/kim/laporan/{report.pk}/"))

    do_transition(report, "request_revision", by=operator, comment="Tambahkan jumlah warga.")
    page = text_of(member_client.get(f"/kim/laporan/{report.pk}/"))
    assert "Desa meminta revisi: Tambahkan jumlah warga." in page


def test_a_rejection_shows_its_reason(member_client, member, operator):
    report = do_transition(write_report(member), "submit", by=member.user)
    do_transition(report, "reject", by=operator, comment="Bukan kegiatan di desa ini.")
    page = text_of(member_client.get(f"/kim/laporan/{report.pk}/"))
    assert "Alasan penolakan dari desa: Bukan kegiatan di desa ini." in page
    assert "Ubah" not in page.split("Riwayat")[0]  # a rejected report is no longer editable
