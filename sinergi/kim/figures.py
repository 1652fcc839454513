"""How each KIM is doing, per month: reports sent, published, sent back, rejected, how long the village
took to decide, and dissemination activities logged.

Everything comes from three grouped queries over the whole period (events, decision times,
activities), whatever the number of KIMs. Queries run in the caller's django-scopes scope, so the
figures only ever cover the villages the caller may see.

Definitions (the same on screen and in the exports):
- submitted: reports sent to the village for the first time in the month (a resubmission after a
  revision is the same report, not a new one);
- published: reports that became published (approved and published, or their news draft published);
- sent back: revision requests made by the village;
- rejected: reports rejected;
- median decision time: for every decision of the month (revision request, approval, rejection), the
  time since the report's latest submission; the median of those;
- activities: dissemination activities dated in the month.
"""

import csv
import datetime as dt
import io
import statistics
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.core.formatting import MONTHS, local_zone
from sinergi.kim.models import Activity, Report, ReportEvent

DECISIONS = ("request_revision", "approve_publish", "approve_draft", "reject")
YEAR_MONTHS = 12  # "12 bulan terakhir": this month and the eleven before it


@dataclass
class Figures:
    submitted: int = 0
    published: int = 0
    sent_back: int = 0
    rejected: int = 0
    activities: int = 0
    decision_times: list[dt.timedelta] = field(default_factory=list)

    @property
    def median_decision_time(self) -> dt.timedelta | None:
        if not self.decision_times:
            return None
        return dt.timedelta(seconds=statistics.median(d.total_seconds() for d in self.decision_times))

    @property
    def median_decision_hours(self) -> float | None:
        median = self.median_decision_time
        return None if median is None else round(median.total_seconds() / 3600, 1)

    def add(self, other: "Figures") -> None:
        self.submitted += other.submitted
        self.published += other.published
        self.sent_back += other.sent_back
        self.rejected += other.rejected
        self.activities += other.activities
        self.decision_times.extend(other.decision_times)


# --------------------------------------------------------------------------- months


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def last_months(today: dt.date, count: int = YEAR_MONTHS) -> list[dt.date]:
    """The first days of the `count` months ending with today's month, oldest first."""
    current = month_start(today)
    return [add_months(current, -n) for n in range(count - 1, -1, -1)]


def month_label(month: dt.date) -> str:
    return f"{MONTHS[month.month - 1]} {month.year}"


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=local_zone())


def _as_month(value) -> dt.date:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(local_zone())
        value = value.date()
    return month_start(value)


# --------------------------------------------------------------------------- the three queries


def monthly_figures(
    first_month: dt.date, last_month: dt.date, kim_ids=None
) -> dict[int, dict[dt.date, Figures]]:
    """{kim id: {first day of month: Figures}} for the months from first_month to last_month inclusive.

    Only KIMs and months with something to count appear. `kim_ids` narrows to some KIMs; the
    current django-scopes scope always applies.
    """
    start = _local_midnight(month_start(first_month))
    end = _local_midnight(add_months(month_start(last_month), 1))
    zone = local_zone()
    result: dict[int, dict[dt.date, Figures]] = {}

    def cell(kim_id, month) -> Figures:
        return result.setdefault(kim_id, {}).setdefault(_as_month(month), Figures())

    events = ReportEvent.objects.filter(created_at__gte=start, created_at__lt=end)
    activities = Activity.objects.filter(date__gte=start.date(), date__lt=end.date())
    if kim_ids is not None:
        events = events.filter(report__kim_id__in=list(kim_ids))
        activities = activities.filter(kim_id__in=list(kim_ids))

    # 1. Counts of events, by KIM and month.
    counted = (
        events.annotate(month=TruncMonth("created_at", tzinfo=zone))
        .values("report__kim_id", "month")
        .annotate(
            submitted=Count("pk", filter=Q(action="submit", from_state=Report.State.DRAFT)),
            published=Count("pk", filter=Q(to_state=Report.State.PUBLISHED)),
            sent_back=Count("pk", filter=Q(action="request_revision")),
            rejected=Count("pk", filter=Q(action="reject")),
        )
        .order_by()
    )
    for row in counted:
        figures = cell(row["report__kim_id"], row["month"])
        figures.submitted += row["submitted"]
        figures.published += row["published"]
        figures.sent_back += row["sent_back"]
        figures.rejected += row["rejected"]

    # 2. Decision times: the timelines (submissions and decisions) of the reports decided in the period.
    decided = events.filter(action__in=DECISIONS).values("report_id")
    timeline = (
        ReportEvent.objects.filter(
            report_id__in=decided, action__in=("submit", *DECISIONS), created_at__lt=end
        )
        .order_by("report_id", "created_at", "pk")
        .values_list("report_id", "report__kim_id", "action", "created_at")
    )
    current_report, submitted_at = None, None
    for report_id, kim_id, action, created_at in timeline:
        if report_id != current_report:
            current_report, submitted_at = report_id, None
        if action == "submit":
            submitted_at = created_at
        elif submitted_at is not None:
            if created_at >= start:
                cell(kim_id, created_at).decision_times.append(created_at - submitted_at)
            submitted_at = None

    # 3. Activities, by KIM and month of the activity.
    for row in (
        activities.annotate(month=TruncMonth("date"))
        .values("kim_id", "month")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        cell(row["kim_id"], row["month"]).activities += row["n"]
    return result


# --------------------------------------------------------------------------- the regency table


@dataclass
class KimRow:
    kim: object  # a Kim with `village__district` selected and `active_members` annotated
    month: Figures
    year: Figures


def kim_rows(kims, today: dt.date | None = None) -> list[KimRow]:
    """One row per KIM: this month's figures and the totals of the last 12 months."""
    today = today or timezone.localdate()
    months = last_months(today)
    per_kim = monthly_figures(months[0], months[-1], kim_ids=None)
    rows = []
    for kim in kims:
        by_month = per_kim.get(kim.pk, {})
        year = Figures()
        for figures in by_month.values():
            year.add(figures)
        rows.append(KimRow(kim, by_month.get(months[-1], Figures()), year))
    return rows


def _figure_key(period: str, name: str):
    return lambda row: getattr(getattr(row, period), name)


SORT_KEYS = {
    "kim": lambda row: row.kim.name.lower(),
    "desa": lambda row: (row.kim.village.district.name, row.kim.village.name, row.kim.name.lower()),
    "anggota": lambda row: row.kim.active_members,
    **{
        f"{prefix}_{name}": _figure_key(period, attribute)
        for prefix, period in (("bulan", "month"), ("tahun", "year"))
        for name, attribute in (
            ("masuk", "submitted"),
            ("terbit", "published"),
            ("revisi", "sent_back"),
            ("tolak", "rejected"),
            ("median", "median_decision_hours"),
            ("kegiatan", "activities"),
        )
    },
}
DEFAULT_SORT = "desa"


def sort_rows(rows: list[KimRow], sort: str) -> tuple[list[KimRow], str]:
    """Rows sorted by `sort` (a SORT_KEYS name, "-" in front for descending); unknown names fall back.

    Rows without a value (no median yet) stay at the bottom in both directions.
    """
    name = sort.lstrip("-")
    if name not in SORT_KEYS:
        sort, name = DEFAULT_SORT, DEFAULT_SORT
    key = SORT_KEYS[name]
    known = [row for row in rows if key(row) is not None]
    unknown = [row for row in rows if key(row) is None]
    return sorted(known, key=key, reverse=sort.startswith("-")) + unknown, sort


def duration_label(value: dt.timedelta | None) -> str:
    """5 menit, 7 jam, 2 hari 3 jam."""
    if value is None:
        return "–"
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        text = _("%(n)s hari") % {"n": days}
        return f"{text} {_('%(n)s jam') % {'n': hours}}" if hours else text
    if hours:
        return _("%(n)s jam") % {"n": hours}
    return _("%(n)s menit") % {"n": minutes}


# --------------------------------------------------------------------------- exports


def export_header(today: dt.date) -> list[str]:
    month = month_label(month_start(today))
    per_period = [
        _("Laporan masuk"),
        _("Diterbitkan"),
        _("Diminta revisi"),
        _("Ditolak"),
        _("Median waktu keputusan (jam)"),
        _("Kegiatan"),
    ]
    return [
        _("Kecamatan"),
        _("Kode desa"),
        _("Desa/kelurahan"),
        _("KIM"),
        _("Klasifikasi"),
        _("Aktif"),
        _("Anggota aktif"),
        *[f"{label} — {month}" for label in per_period],
        *[f"{label} — {_('12 bulan terakhir')}" for label in per_period],
    ]


def _period_values(figures: Figures) -> list:
    return [
        figures.submitted,
        figures.published,
        figures.sent_back,
        figures.rejected,
        figures.median_decision_hours,
        figures.activities,
    ]


def export_rows(rows: list[KimRow]) -> list[list]:
    return [
        [
            row.kim.village.district.name,
            row.kim.village.code,
            row.kim.village.display_name,
            row.kim.name,
            row.kim.classification.name if row.kim.classification else "",
            _("ya") if row.kim.is_active else _("tidak"),
            row.kim.active_members,
            *_period_values(row.month),
            *_period_values(row.year),
        ]
        for row in rows
    ]


def as_csv(rows: list[KimRow], today: dt.date) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(export_header(today))
    for values in export_rows(rows):
        writer.writerow(["" if v is None else v for v in values])
    # A byte-order mark so that spreadsheet programs read the names as UTF-8.
    return "\ufeff" + out.getvalue()


def as_xlsx(rows: list[KimRow], today: dt.date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "KIM"
    sheet.append(export_header(today))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in export_rows(rows):
        sheet.append(values)
    sheet.freeze_panes = "E2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
