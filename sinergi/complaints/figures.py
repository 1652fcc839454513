"""The regency's figures of complaints, per village and month.

Received, verified (ever accepted as a real case), resolved, rejected (and why), held by the spam
guard, the median number of working days to the first public reply and to resolution (counted with
the regency's working-day calendar, the same as the PPID's), and the share of resolved cases that
were resolved by the expected date the village gave in its follow-up.

The number of queries does not grow with villages or cases: one for the cases, one for the
villages, and one holiday table per regency.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.accounts.access import managed_scope, managed_villages
from sinergi.casework.calendar import WorkingCalendar
from sinergi.complaints.models import Complaint

S = Complaint.State
COLUMNS = [
    ("village", _("Desa/kelurahan")),
    ("district", _("Kecamatan")),
    ("month", _("Bulan")),
    ("received", _("Diterima")),
    ("verified", _("Diverifikasi")),
    ("resolved", _("Selesai")),
    ("rejected", _("Ditolak")),
    ("rejected_why", _("Alasan penolakan")),
    ("held", _("Ditahan (spam)")),
    ("median_reply_days", _("Median hari kerja sampai tanggapan pertama")),
    ("median_resolve_days", _("Median hari kerja sampai selesai")),
    ("on_time_share", _("Selesai tepat waktu (%)")),
]
SORTABLE = {key for key, _label in COLUMNS if key != "rejected_why"}


@dataclass
class Row:
    village: str
    district: str
    month: str
    received: int = 0
    verified: int = 0
    resolved: int = 0
    rejected: int = 0
    held: int = 0
    reasons: dict = field(default_factory=lambda: defaultdict(int))
    reply_days: list = field(default_factory=list)
    resolve_days: list = field(default_factory=list)
    on_time: int = 0
    with_expected: int = 0

    @property
    def rejected_why(self) -> str:
        labels = dict(Complaint.Rejection.choices)
        return ", ".join(f"{labels.get(k, k)}: {n}" for k, n in sorted(self.reasons.items()))

    @property
    def median_reply_days(self):
        return statistics.median(self.reply_days) if self.reply_days else None

    @property
    def median_resolve_days(self):
        return statistics.median(self.resolve_days) if self.resolve_days else None

    @property
    def on_time_share(self):
        return round(100 * self.on_time / self.with_expected) if self.with_expected else None


def compute(user) -> list[Row]:
    """The rows of every village `user` manages (every village of a regency admin's regencies)."""
    villages = {v.pk: v for v in managed_villages(user)}
    calendars = {}
    with managed_scope(user):
        cases = Complaint.objects.values_list(
            "village_id",
            "received_at",
            "state",
            "held",
            "rejection",
            "verified_at",
            "first_reply_at",
            "resolved_at",
            "expected_on",
        )
        rows: dict[tuple, Row] = {}
        for (
            village_id,
            received_at,
            state,
            held,
            rejection,
            verified_at,
            reply_at,
            resolved_at,
            expected,
        ) in cases:
            village = villages.get(village_id)
            if village is None:
                continue
            regency = village.district.regency
            calendar = calendars.get(regency.pk)
            if calendar is None:
                calendar = calendars[regency.pk] = WorkingCalendar(regency)
            month = timezone.localtime(received_at).strftime("%Y-%m")
            row = rows.get((village_id, month))
            if row is None:
                row = rows[village_id, month] = Row(village.name, village.district.name, month)
            row.received += 1
            row.held += held
            row.verified += verified_at is not None
            if state == S.REJECTED:
                row.rejected += 1
                row.reasons[rejection or "-"] += 1
            if reply_at is not None:
                row.reply_days.append(calendar.working_days_taken(received_at, reply_at))
            if resolved_at is not None and state == S.RESOLVED:
                row.resolved += 1
                row.resolve_days.append(calendar.working_days_taken(received_at, resolved_at))
                if expected is not None:
                    row.with_expected += 1
                    row.on_time += timezone.localdate(resolved_at) <= expected
    return sorted(rows.values(), key=lambda r: (r.district, r.village, r.month))


def cell(row: Row, key: str):
    value = getattr(row, key)
    return "" if value is None else value


def sort(rows: list[Row], key: str) -> list[Row]:
    """Sort by a column ("-received": descending); empty values last."""
    descending = key.startswith("-")
    key = key.lstrip("-")
    if key not in SORTABLE:
        return rows
    present = [r for r in rows if getattr(r, key) is not None]
    missing = [r for r in rows if getattr(r, key) is None]
    return sorted(present, key=lambda r: getattr(r, key), reverse=descending) + missing
