"""The index dashboards' queries: every village of the kecamatan a person may read, with its latest score.

A fixed number of queries for any number of villages: the villages (one query), their latest scores
(one, a correlated subquery on the (village, day) index), the scores of about a month earlier (one)
and, for one village, its year of scores, its items and its rules' titles. Sorting, filtering by
band and paging happen on those rows in Python: a few thousand small rows cost less than a query
per column, and sorting by a block or a KIM figure (JSON values) needs no database-specific SQL.

Who reads which kecamatan is `accounts.access.viewable_district_ids`; the callers open
`viewable_scope(user)` around these functions, and every query here also names the kecamatan
explicitly.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from sinergi.monitoring.bands import BANDS, BY_CODE
from sinergi.monitoring.models import BLOCKS, Rule, Score, ScoreItem
from sinergi.regions.models import District, Village

CHANGE_DAYS = 30  # "change since last month": the latest score at least this many days old
TREND_MONTHS = 12
FACT_KEYS = ("kim_reports_submitted_30d", "kim_reports_published_30d", "kim_activities_30d")
BAND_RANK = {band.code: rank for rank, band in enumerate(reversed(BANDS))}  # tidak=0 … informatif=4


@dataclass
class Row:
    village_id: int
    name: str
    district_id: int
    district_name: str
    code: str = ""
    day: dt.date | None = None
    score_id: int | None = None
    total: Decimal | None = None
    band: str = ""
    blocks: dict = field(default_factory=dict)  # "A" -> Decimal
    facts: dict = field(default_factory=dict)
    previous: Decimal | None = None

    @property
    def band_label(self):
        band = BY_CODE.get(self.band)
        return band.label if band else ""

    @property
    def change(self) -> Decimal | None:
        if self.total is None or self.previous is None:
            return None
        return self.total - self.previous

    @property
    def block_list(self) -> list:
        return [self.blocks.get(b) for b in BLOCKS]

    @property
    def last_news(self) -> dt.date | None:
        value = self.facts.get("last_news_date")
        try:
            return dt.date.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            return None

    def fact(self, key):
        return self.facts.get(key)


# Column key -> (label, value for sorting). A missing value always sorts last.
COLUMNS = {
    "desa": (_("Desa"), lambda r: r.name.lower()),
    "kecamatan": (_("Kecamatan"), lambda r: (r.district_name.lower(), r.name.lower())),
    "nilai": (_("Nilai"), lambda r: r.total),
    "kategori": (_("Kategori"), lambda r: BAND_RANK.get(r.band)),
    "perubahan": (_("Perubahan sebulan"), lambda r: r.change),
    **{f"blok_{b.lower()}": (b, (lambda block: lambda r: r.blocks.get(block))(b)) for b in BLOCKS},
    "kim_dikirim": (_("Laporan KIM dikirim (30 hari)"), lambda r: r.facts.get("kim_reports_submitted_30d")),
    "kim_terbit": (_("Laporan KIM terbit (30 hari)"), lambda r: r.facts.get("kim_reports_published_30d")),
    "kim_kegiatan": (_("Kegiatan KIM (30 hari)"), lambda r: r.facts.get("kim_activities_30d")),
    "berita": (_("Berita terakhir"), lambda r: r.last_news),
}
DEFAULT_SORT = "-nilai"


def parse_sort(value: str) -> tuple[str, bool]:
    """('nilai', True) for "-nilai"; an unknown column falls back to the default."""
    value = value or DEFAULT_SORT
    key, descending = value.removeprefix("-"), value.startswith("-")
    if key not in COLUMNS:
        return parse_sort(DEFAULT_SORT)
    return key, descending


def sort_rows(rows: list[Row], sort: str) -> list[Row]:
    key, descending = parse_sort(sort)
    value = COLUMNS[key][1]
    present = [r for r in rows if value(r) is not None]
    absent = [r for r in rows if value(r) is None]
    # Ties keep a stable, readable order: by kecamatan and name.
    present.sort(key=lambda r: (r.district_name.lower(), r.name.lower()))
    present.sort(key=value, reverse=descending)
    absent.sort(key=lambda r: (r.district_name.lower(), r.name.lower()))
    return present + absent


def districts(district_ids) -> list[District]:
    """The kecamatan whose villages may be read (ALL = None: every kecamatan)."""
    rows = District.objects.order_by("name")
    return list(rows if district_ids is None else rows.filter(pk__in=district_ids))


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except (ArithmeticError, ValueError, TypeError):
        return None


def latest_scores(village_filter: dict, on: dt.date | None = None):
    """For each village matching `village_filter` (keyword filters on Village), its latest Score (on or
    before `on`), as a queryset of Score rows: one query when evaluated."""
    same_village = Score.objects.filter(village=OuterRef("village"))
    if on is not None:
        same_village = same_village.filter(day__lte=on)
    latest_day = same_village.order_by("-day").values("day")[:1]
    scores = Score.objects.filter(**{f"village__{k}": v for k, v in village_filter.items()})
    if on is not None:
        scores = scores.filter(day__lte=on)
    return scores.filter(day=Subquery(latest_day))


def rows(district_ids, today: dt.date) -> list[Row]:
    """Every village of the given kecamatan (None: all) with its latest score and the one a month
    before. Three queries whatever the number of villages."""
    village_filter = {} if district_ids is None else {"district_id__in": list(district_ids)}
    villages = (
        Village.objects.filter(**village_filter)
        .order_by("district__name", "name")
        .values_list("pk", "code", "name", "kind", "district_id", "district__name")
    )
    kinds = dict(Village.Kind.choices)
    result = {
        pk: Row(pk, f"{kinds.get(kind, '')} {name}".strip(), district_id, district_name, code)
        for pk, code, name, kind, district_id, district_name in villages
    }
    for score_id, village_id, day, total, band, blocks, facts in latest_scores(village_filter).values_list(
        "pk", "village_id", "day", "total", "band", "blocks", "facts"
    ):
        row = result.get(village_id)
        if row is None:
            continue
        row.score_id, row.day, row.total, row.band = score_id, day, total, band
        row.blocks = {b: _decimal(v) for b, v in (blocks or {}).items()}
        row.facts = facts or {}
    month_ago = today - dt.timedelta(days=CHANGE_DAYS)
    for village_id, total in latest_scores(village_filter, on=month_ago).values_list("village_id", "total"):
        if village_id in result:
            result[village_id].previous = total
    return list(result.values())


def filter_rows(all_rows: list[Row], district_id: int | None = None, band: str = "") -> list[Row]:
    if district_id is not None:
        all_rows = [r for r in all_rows if r.district_id == district_id]
    if band == "belum":
        return [r for r in all_rows if r.total is None]
    if band:
        all_rows = [r for r in all_rows if r.band == band]
    return all_rows


@dataclass
class DistrictBands:
    district_id: int
    name: str
    counts: list  # one count per band, BANDS order (informatif first)
    unscored: int

    @property
    def total(self) -> int:
        return sum(self.counts) + self.unscored


def distribution(all_rows: list[Row]) -> list[DistrictBands]:
    """How many villages of each kecamatan are in each band (and how many have no score yet)."""
    by_district: dict[int, DistrictBands] = {}
    for row in all_rows:
        entry = by_district.setdefault(
            row.district_id, DistrictBands(row.district_id, row.district_name, [0] * len(BANDS), 0)
        )
        if row.band in BY_CODE:
            entry.counts[[b.code for b in BANDS].index(row.band)] += 1
        else:
            entry.unscored += 1
    return sorted(by_district.values(), key=lambda d: d.name.lower())


# --------------------------------------------------------------------------- one village


@dataclass
class MonthPoint:
    month: dt.date  # the first day of the month
    day: dt.date | None
    total: Decimal | None
    band: str

    @property
    def band_label(self):
        band = BY_CODE.get(self.band)
        return band.label if band else ""


def month_starts(today: dt.date, months: int = TREND_MONTHS) -> list[dt.date]:
    """The first days of the last `months` months, oldest first, ending with this month."""
    year, month = today.year, today.month
    starts = []
    for _i in range(months):
        starts.append(dt.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return starts[::-1]


def trend(village_id: int, today: dt.date, months: int = TREND_MONTHS) -> list[MonthPoint]:
    """The village's score at the end of each of the last `months` months (its last score of that month;
    this month: its latest). One query."""
    starts = month_starts(today, months)
    last_of_month: dict[dt.date, tuple] = {}
    for day, total, band in (
        Score.objects.filter(village_id=village_id, day__gte=starts[0], day__lte=today)
        .order_by("day")
        .values_list("day", "total", "band")
    ):
        last_of_month[day.replace(day=1)] = (day, total, band)
    return [MonthPoint(m, *last_of_month.get(m, (None, None, ""))) for m in starts]


def trends(village_ids: list[int], today: dt.date, months: int = TREND_MONTHS) -> dict[int, list[MonthPoint]]:
    """`trend` for many villages in one query (the meeting report)."""
    starts = month_starts(today, months)
    last: dict[int, dict] = {pk: {} for pk in village_ids}
    for village_id, day, total, band in (
        Score.objects.filter(village_id__in=village_ids, day__gte=starts[0], day__lte=today)
        .order_by("day")
        .values_list("village_id", "day", "total", "band")
    ):
        last[village_id][day.replace(day=1)] = (day, total, band)
    return {
        pk: [MonthPoint(m, *months_seen.get(m, (None, None, ""))) for m in starts]
        for pk, months_seen in last.items()
    }


@dataclass
class ItemLine:
    check_id: str
    block: str
    title: str
    points: Decimal
    max_points: Decimal
    status: str
    status_label: str
    missing_text: str
    fix_url: str

    @property
    def gain(self) -> Decimal:
        return self.max_points - self.points


def items(score: Score) -> list[ItemLine]:
    """The score's items with their rules' titles, the largest gain first. Two queries."""
    titles = dict(Rule.objects.filter(ruleset_id=score.ruleset_id).values_list("check_id", "title"))
    statuses = dict(ScoreItem.Status.choices)
    lines = [
        ItemLine(
            i.check_id,
            i.block,
            titles.get(i.check_id, i.check_id),
            i.points,
            i.max_points,
            i.status,
            statuses.get(i.status, i.status),
            i.missing_text,
            i.fix_url,
        )
        for i in ScoreItem.objects.filter(score=score).order_by("block", "check_id")
    ]
    lines.sort(key=lambda line: line.gain, reverse=True)
    return lines


def missing_items(score_ids: list[int], per_score: int | None = None) -> dict[int, list[ItemLine]]:
    """For several scores, their items that still lack points (largest gain first), with titles.
    Two queries; `per_score` keeps the top ones only."""
    found: dict[int, list] = {pk: [] for pk in score_ids}
    rows_ = list(
        ScoreItem.objects.filter(score_id__in=score_ids)
        .exclude(status=ScoreItem.Status.OK)
        .values_list(
            "score_id",
            "score__ruleset_id",
            "check_id",
            "block",
            "points",
            "max_points",
            "status",
            "missing_text",
            "fix_url",
        )
    )
    ruleset_ids = {r[1] for r in rows_}
    titles = {
        (ruleset_id, check_id): title
        for ruleset_id, check_id, title in Rule.objects.filter(ruleset_id__in=ruleset_ids).values_list(
            "ruleset_id", "check_id", "title"
        )
    }
    statuses = dict(ScoreItem.Status.choices)
    for score_id, ruleset_id, check_id, block, points, max_points, status, text, url in rows_:
        if max_points - points <= 0:
            continue
        found[score_id].append(
            ItemLine(
                check_id,
                block,
                titles.get((ruleset_id, check_id), check_id),
                points,
                max_points,
                status,
                statuses.get(status, status),
                text,
                url,
            )
        )
    for lines in found.values():
        lines.sort(key=lambda line: (-line.gain, line.block, line.check_id))
        if per_score is not None:
            del lines[per_score:]
    return found
