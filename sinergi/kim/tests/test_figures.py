"""KIM figures per month on a small known dataset, the regency list built on them, and its exports."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from sinergi.core.formatting import local_zone
from sinergi.kim import figures
from sinergi.kim.models import Activity, Kim, Report, ReportEvent
from sinergi.kim.tests.conftest import write_report
from sinergi.kim.workflow import do_transition

pytestmark = pytest.mark.django_db
HOUR = dt.timedelta(hours=1)

TODAY = timezone.localdate()
THIS_MONTH = figures.month_start(TODAY)
M1 = figures.add_months(THIS_MONTH, -2)  # two full months before this one
M2 = figures.add_months(THIS_MONTH, -1)
_real_localdate = timezone.localdate


@pytest.fixture(autouse=True)
def the_day_this_module_was_read(monkeypatch):
    """The months above are fixed when the module is read: a run that crosses local midnight (16.00 UTC
    in WITA) at the end of a month keeps that day for the views and helpers it calls, instead of
    counting in a month the constants do not name."""

    def localdate(value=None, timezone=None):
        return TODAY if value is None else _real_localdate(value, timezone)

    monkeypatch.setattr(timezone, "localdate", localdate)


def local(month, day, hour=8, minute=0):
    return dt.datetime(month.year, month.month, day, hour, minute, tzinfo=local_zone())


def step(report, action, by, when, comment="catatan"):
    """Take `action` now, then move it (and the report's dates) to `when`."""
    report = do_transition(report, action, by=by, comment=comment)
    with scope(village=report.village_id):
        ReportEvent.objects.filter(pk=ReportEvent.objects.filter(report=report).latest("pk").pk).update(
            created_at=when
        )
    return report


def activity(kim, day, place="Posyandu Melati"):
    with scope(village=kim.village_id):
        return Activity.objects.create(
            kim=kim, kind=Activity.Kind.DISSEMINATION, date=day, place=place, description="Sosialisasi."
        )


@pytest.fixture
def dataset(member, other_member, operator, other_operator):
    """Sebuntal's KIM in M1 and M2; Santan Ulu's KIM in M1 (see the expected numbers in the tests)."""
    author = member.user
    last_day_of_m1 = (M2 - dt.timedelta(days=1)).day

    r1 = step(write_report(member, "Satu"), "submit", author, local(M1, 2, 8))
    r1 = step(r1, "request_revision", operator, local(M1, 2, 10))  # 2 hours
    r1 = step(r1, "submit", author, local(M1, 3, 9))  # a resubmission: not a new report
    r1 = step(r1, "approve_publish", operator, local(M1, 3, 13))  # 4 hours

    r2 = step(write_report(member, "Dua"), "submit", author, local(M1, 10, 8))
    step(r2, "reject", operator, local(M1, 11, 8))  # 24 hours

    r3 = step(write_report(member, "Tiga"), "submit", author, local(M1, last_day_of_m1, 22))
    r3 = step(r3, "approve_draft", operator, local(M2, 1, 6))  # 8 hours, decided in M2
    step(r3, "publish_news", operator, local(M2, 2, 9))  # published in M2

    # 03.00 WITA on the 1st is still the previous day in UTC: it belongs to M2 here.
    step(write_report(member, "Empat"), "submit", author, local(M2, 1, 3))  # still waiting

    r5 = step(write_report(other_member, "Lima"), "submit", other_member.user, local(M1, 15, 8))
    step(r5, "approve_publish", other_operator, local(M1, 15, 9))  # 1 hour

    activity(member.kim, local(M1, 5).date())
    activity(member.kim, local(M1, 20).date(), "Balai Desa")
    activity(member.kim, local(M2, 7).date())
    activity(member.kim, figures.add_months(THIS_MONTH, -13))  # older than 12 months
    activity(member.kim, timezone.localdate(), "Masjid Nurul Bahri")  # this month
    return member.kim, other_member.kim


def test_figures_per_kim_and_month(dataset):
    kim, other = dataset
    with scopes_disabled():
        result = figures.monthly_figures(M1, M2)

    march, april = result[kim.pk][M1], result[kim.pk][M2]
    assert (march.submitted, march.published, march.sent_back, march.rejected, march.activities) == (
        3,
        1,
        1,
        1,
        2,
    )
    assert sorted(march.decision_times) == [2 * HOUR, 4 * HOUR, 24 * HOUR]
    assert march.median_decision_time == 4 * HOUR
    assert (april.submitted, april.published, april.sent_back, april.rejected, april.activities) == (
        1,
        1,
        0,
        0,
        1,
    )
    assert april.decision_times == [8 * HOUR]
    assert set(result[other.pk]) == {M1}
    assert result[other.pk][M1].median_decision_hours == 1.0


def test_the_figures_follow_the_scope(dataset):
    kim, _other = dataset
    with scope(village=[kim.village_id]):
        result = figures.monthly_figures(M1, M2)
    assert set(result) == {kim.pk}


def test_rows_give_this_month_and_the_last_twelve(dataset):
    kim, _other = dataset
    with scopes_disabled():
        kims = list(Kim.objects.filter(pk=kim.pk))
        (row,) = figures.kim_rows(kims, today=M2 + dt.timedelta(days=14))
    assert (row.month.submitted, row.month.published, row.month.median_decision_hours) == (1, 1, 8.0)
    assert (row.year.submitted, row.year.published, row.year.sent_back, row.year.rejected) == (4, 2, 1, 1)
    assert row.year.median_decision_time == 6 * HOUR  # median of 2, 4, 8 and 24 hours
    assert row.year.activities == 3  # the one 13 months back is out

    with scopes_disabled():
        (row,) = figures.kim_rows(kims, today=figures.add_months(M1, 12))
    assert row.year.submitted == 1  # M1 left the window, M2 is still in


def test_sorting_puts_unknown_medians_last_both_ways(dataset, regency_admin):
    kim, other = dataset
    with scopes_disabled():
        kims = list(Kim.objects.all())
        rows = figures.kim_rows(kims, today=M2 + dt.timedelta(days=1))
    by_month_median, _sort = figures.sort_rows(rows, "bulan_median")
    assert [r.kim for r in by_month_median] == [kim, other]  # Santan Ulu decided nothing in M2
    by_month_median, _sort = figures.sort_rows(rows, "-bulan_median")
    assert [r.kim for r in by_month_median] == [kim, other]
    by_year_published, sort = figures.sort_rows(rows, "-tahun_terbit")
    assert (by_year_published[0].kim, sort) == (kim, "-tahun_terbit")
    assert figures.sort_rows(rows, "nonsense")[1] == figures.DEFAULT_SORT


def test_the_regency_list_shows_and_exports_the_numbers(client, regency_admin, dataset):
    kim, other = dataset
    client.force_login(regency_admin)
    url = reverse("kim_admin:kim_list")

    response = client.get(url, {"sort": "-tahun_masuk"})
    assert [row.kim.pk for row in response.context["rows"]] == [kim.pk, other.pk]
    sebuntal = response.context["rows"][0]
    assert (sebuntal.year.submitted, sebuntal.year.published, sebuntal.month.activities) == (4, 2, 1)
    assert "6 jam" in response.content.decode()

    exported = client.get(url, {"format": "csv", "sort": "-tahun_masuk"})
    assert exported["Content-Type"].startswith("text/csv")
    assert "attachment" in exported["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    header, first = rows[0], rows[1]
    record = dict(zip(header, first, strict=True))
    assert record["KIM"] == "KIM Sebuntal Bersatu"
    assert record["Kode desa"] == "64.02.17.2001"
    assert record["Laporan masuk — 12 bulan terakhir"] == "4"
    assert record["Diterbitkan — 12 bulan terakhir"] == "2"
    assert record["Diminta revisi — 12 bulan terakhir"] == "1"
    assert record["Ditolak — 12 bulan terakhir"] == "1"
    assert record["Median waktu keputusan (jam) — 12 bulan terakhir"] == "6.0"
    assert record[f"Kegiatan — {figures.month_label(THIS_MONTH)}"] == "1"

    from openpyxl import load_workbook

    workbook = client.get(url, {"format": "xlsx", "sort": "-tahun_masuk"})
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    record = dict(zip(values[0], values[1], strict=True))
    assert record["KIM"] == "KIM Sebuntal Bersatu"
    assert record["Laporan masuk — 12 bulan terakhir"] == 4
    assert record["Median waktu keputusan (jam) — 12 bulan terakhir"] == 6.0


def _list_queries(client):
    url = reverse("kim_admin:kim_list")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), len(response.context["rows"])


def test_the_list_costs_the_same_queries_for_2_or_8_kims(client, regency_admin, dataset, operator):
    from sinergi.regions.models import Village

    client.force_login(regency_admin)
    few, shown = _list_queries(client)
    assert shown == 2
    for village in Village.objects.filter(code__startswith="64.02.17.").exclude(
        code__in=["64.02.17.2001", "64.02.17.2002"]
    )[:6]:
        with scope(village=village):
            kim = Kim.objects.create(village=village, name=f"KIM {village.name}")
            activity(kim, timezone.localdate())
            member = kim.members.create(name="Anggota", user=None)
            Report.objects.create(village=village, kim=kim, author=member, title="Laporan", body="Isi")
    many, shown = _list_queries(client)
    assert shown == 8
    assert few == many
