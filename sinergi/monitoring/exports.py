"""Downloads of the index for the regency and the kecamatan: scores with block scores, and missing items.

CSV is streamed row by row (`StreamingHttpResponse`); the Excel file is written by openpyxl's
write-only workbook (rows are not kept as cell objects) from the same row generator. The villages'
scores are read in one query; the missing items in batches of `BATCH` scores (`.iterator()` with a
chunk size), so a big regency's items are never all in memory at once.
"""

import csv
import io
from collections.abc import Iterator

from django.utils.translation import gettext as _
from openpyxl import Workbook

from sinergi.monitoring.models import BLOCKS, Rule, ScoreItem

BATCH = 2000


def score_header() -> list[str]:
    return [
        _("Kode desa"),
        _("Desa"),
        _("Kecamatan"),
        _("Tanggal nilai"),
        _("Nilai"),
        _("Kategori"),
        _("Perubahan sebulan"),
        *[_("Blok %(block)s") % {"block": b} for b in BLOCKS],
        _("Laporan KIM dikirim (30 hari)"),
        _("Laporan KIM terbit (30 hari)"),
        _("Kegiatan KIM (30 hari)"),
        _("Berita terakhir"),
    ]


def score_rows(rows: list) -> Iterator[list]:
    for r in rows:
        yield [
            r.code,
            r.name,
            r.district_name,
            r.day.isoformat() if r.day else "",
            r.total,
            str(r.band_label) if r.band else _("Belum dinilai"),
            r.change,
            *[r.blocks.get(b) for b in BLOCKS],
            r.facts.get("kim_reports_submitted_30d"),
            r.facts.get("kim_reports_published_30d"),
            r.facts.get("kim_activities_30d"),
            r.facts.get("last_news_date") or "",
        ]


def missing_header() -> list[str]:
    return [
        _("Kode desa"),
        _("Desa"),
        _("Kecamatan"),
        _("Tanggal nilai"),
        _("Blok"),
        _("Kode pemeriksaan"),
        _("Butir"),
        _("Status"),
        _("Poin"),
        _("Poin maksimum"),
        _("Poin yang dapat diraih"),
        _("Yang kurang"),
    ]


def missing_rows(rows: list) -> Iterator[list]:
    """Every item still short of its points, of every scored village in `rows` (in their order)."""
    scored = {r.score_id: r for r in rows if r.score_id is not None}
    score_ids = list(scored)
    statuses = dict(ScoreItem.Status.choices)
    titles: dict = {}
    for start in range(0, len(score_ids), BATCH):
        batch = score_ids[start : start + BATCH]
        items = (
            ScoreItem.objects.filter(score_id__in=batch)
            .exclude(status=ScoreItem.Status.OK)
            .order_by("score_id", "block", "check_id")
            .values_list(
                "score_id",
                "score__ruleset_id",
                "block",
                "check_id",
                "status",
                "points",
                "max_points",
                "missing_text",
            )
        )
        for score_id, ruleset_id, block, check_id, status, points, max_points, text in items.iterator(
            chunk_size=BATCH
        ):
            if max_points - points <= 0:
                continue
            if ruleset_id not in titles:
                titles[ruleset_id] = dict(
                    Rule.objects.filter(ruleset_id=ruleset_id).values_list("check_id", "title")
                )
            r = scored[score_id]
            yield [
                r.code,
                r.name,
                r.district_name,
                r.day.isoformat() if r.day else "",
                block,
                check_id,
                titles[ruleset_id].get(check_id, check_id),
                str(statuses.get(status, status)),
                points,
                max_points,
                max_points - points,
                text,
            ]


class _Echo:
    def write(self, value):
        return value


def csv_stream(header: list, rows: Iterator[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so that Excel opens the UTF-8 file with its accents
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow(["" if v is None else v for v in row])


def xlsx_bytes(title: str, header: list, rows: Iterator[list]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
