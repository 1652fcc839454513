"""The register of requests (Buku Register Permohonan Informasi Publik) and the yearly service report
(Laporan Layanan Informasi Publik), per village and for a whole regency, as pages and as Excel.

The register shown to the public and exported carries no personal data: no name, NIK, address,
phone or e-mail (docs/security.md, "PPID requests: personal data"). The figures are read with a fixed
number of queries however many villages and requests there are.
"""

import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled
from openpyxl import Workbook
from openpyxl.styles import Font

from sinergi.casework.calendar import WorkingCalendar
from sinergi.ppid import request_law as law
from sinergi.ppid.request_models import InformationRequest, Objection

R = InformationRequest.State
O = Objection.State  # noqa: E741
NOT_COUNTED = (R.NEW, R.HELD)


def register_rows(village, year: int) -> list:
    """The village's requests of `year` in register order, without personal data."""
    with scope(village=village.pk):
        return list(
            InformationRequest.objects.filter(village=village, year=year)
            .exclude(state__in=NOT_COUNTED)
            .only(
                "number", "reference", "received_at", "information", "state", "due_date", "answered_at",
                "extended_at", "exemption_grounds", "village_id",
            )
            .order_by("number")
        )  # fmt: skip


def register_workbook(village, year: int, rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Register")[:31]
    sheet.append(
        [
            _("Buku Register Permohonan Informasi Publik %(village)s tahun %(year)s")
            % {"village": village, "year": year}
        ]
    )
    sheet["A1"].font = Font(bold=True)
    header = [
        _("No. registrasi"), _("Tanggal diterima"), _("Informasi yang diminta"), _("Status"),
        _("Batas waktu"), _("Diperpanjang"), _("Tanggal dijawab"), _("Dasar pengecualian"),
    ]  # fmt: skip
    sheet.append(header)
    for row in rows:
        sheet.append(
            [
                row.reference,
                timezone.localtime(row.received_at).date(),
                _sheet_text(row.information),
                row.get_state_display(),
                row.due_date,
                _("ya") if row.extended_at else "",
                timezone.localtime(row.answered_at).date() if row.answered_at else None,
                "; ".join(law.exemption_labels(row.exemption_grounds)),
            ]
        )
    return _save(book)


def _sheet_text(text: str) -> str:
    """Text a citizen typed, made harmless in a spreadsheet (no formula injection)."""
    text = text or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _save(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class Figures:
    village_id: int
    name: str = ""
    url: str = ""
    total: int = 0
    states: Counter = field(default_factory=Counter)
    grounds: Counter = field(default_factory=Counter)
    answer_days: list = field(default_factory=list)
    overdue: int = 0
    objections: int = 0
    objection_states: Counter = field(default_factory=Counter)

    @property
    def granted(self):
        return self.states[R.GRANTED]

    @property
    def partly_granted(self):
        return self.states[R.PARTLY_GRANTED]

    @property
    def refused(self):
        return self.states[R.REFUSED]

    @property
    def not_held(self):
        return self.states[R.NOT_HELD]

    @property
    def open(self):
        return self.states[R.REGISTERED] + self.states[R.EXTENDED]

    @property
    def extended(self):
        return self.states[R.EXTENDED]

    @property
    def average_days(self):
        return round(sum(self.answer_days) / len(self.answer_days), 1) if self.answer_days else None

    @property
    def longest_days(self):
        return max(self.answer_days) if self.answer_days else None

    @property
    def ground_labels(self):
        return [(str(law.EXEMPTION_GROUNDS.get(g, g)), n) for g, n in sorted(self.grounds.items())]

    @property
    def upheld(self):
        return self.objection_states[O.UPHELD]

    @property
    def dismissed(self):
        return self.objection_states[O.DISMISSED]

    @property
    def late_objections(self):
        return self.objection_states[O.LATE]

    @property
    def pending_objections(self):
        return self.objection_states[O.REGISTERED]


def _figures(village_ids, year: int, calendar) -> dict[int, Figures]:
    """Figures of `year` for the villages; two queries (plus the calendar's one)."""
    today = timezone.localdate()
    figures = {vid: Figures(village_id=vid) for vid in village_ids}
    with scopes_disabled():
        rows = (
            InformationRequest.objects.filter(village_id__in=village_ids, year=year)
            .exclude(state__in=NOT_COUNTED)
            .values_list("village_id", "state", "received_at", "answered_at", "due_date", "exemption_grounds")
        )
        for village_id, state, received_at, answered_at, due_date, grounds in rows:
            f = figures[village_id]
            f.total += 1
            f.states[state] += 1
            if state == R.REFUSED:
                f.grounds.update(grounds or [])
            if answered_at:
                f.answer_days.append(calendar.working_days_taken(received_at, answered_at))
            elif due_date and due_date < today:
                f.overdue += 1
        objections = (
            Objection.objects.filter(village_id__in=village_ids, year=year)
            .exclude(state__in=(O.NEW, O.HELD))
            .values_list("village_id", "state")
        )
        for village_id, state in objections:
            figures[village_id].objections += 1
            figures[village_id].objection_states[state] += 1
    return figures


def village_report(village, year: int) -> Figures:
    calendar = WorkingCalendar(village.district.regency)
    report = _figures([village.pk], year, calendar)[village.pk]
    report.name = str(village)
    return report


SORTS = {
    "desa": lambda f: f.name,
    "permohonan": lambda f: -f.total,
    "terlambat": lambda f: -f.overdue,
    "rata": lambda f: -(f.average_days or 0),
    "keberatan": lambda f: -f.objections,
}


def regency_figures(regency, year: int, sort: str = "desa") -> list[Figures]:
    """Every village of `regency`, overdue ones on top, then in the chosen order; fixed query count."""
    from sinergi.regions.models import Village

    villages = list(
        Village.objects.filter(district__regency=regency).order_by("name").values_list("pk", "name", "kind")
    )
    kinds = dict(Village.Kind.choices)
    calendar = WorkingCalendar(regency)
    figures = _figures([pk for pk, _n, _k in villages], year, calendar)
    for pk, name, kind in villages:
        figures[pk].name = f"{kinds.get(kind, '')} {name}".strip()
    key = SORTS.get(sort, SORTS["desa"])
    return sorted(figures.values(), key=lambda f: (f.overdue == 0, key(f), f.name))


def report_workbook(title_place, year: int, rows: list[Figures]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Laporan")[:31]
    sheet.append(
        [
            _("Laporan Layanan Informasi Publik %(place)s tahun %(year)s")
            % {"place": title_place, "year": year}
        ]
    )
    sheet["A1"].font = Font(bold=True)
    sheet.append(
        [
            _("Desa"), _("Permohonan"), _("Dikabulkan"), _("Dikabulkan sebagian"), _("Ditolak"),
            _("Tidak dikuasai"), _("Dalam proses"), _("Terlambat"), _("Rata-rata hari kerja menjawab"),
            _("Paling lama (hari kerja)"), _("Keberatan"), _("Keberatan dikabulkan"), _("Keberatan ditolak"),
            _("Keberatan terlambat diajukan"), _("Alasan penolakan"),
        ]
    )  # fmt: skip
    for f in rows:
        sheet.append(
            [
                f.name, f.total, f.granted, f.partly_granted, f.refused, f.not_held, f.open, f.overdue,
                f.average_days, f.longest_days, f.objections, f.upheld, f.dismissed, f.late_objections,
                "; ".join(f"{label}: {n}" for label, n in f.ground_labels),
            ]
        )  # fmt: skip
    return _save(book)


def per_village(rows) -> dict:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.village_id].append(row)
    return grouped
