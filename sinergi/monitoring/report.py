"""The meeting report (PDF, A4) of one kecamatan: each village's score, band, 12-month trend, its five
largest missing items and its KIM's figures, for a coordination meeting such as the one of
5 October 2023 with the villages of Marang Kayu.

Drawn with fpdf2 in pure Python, in the Atkinson Hyperlegible TrueType faces the APBDes poster uses
(`finance.poster.FONT_FILES`, from the fontpkg-atkinson-hyperlegible dependency): a Unicode font, so
a village name or an operator's text (Indonesian, pasted dashes and curly quotes, Latin accents)
prints as typed; a character the font lacks is left out (fpdf2 logs a warning), never a failure. Queries: the villages, their latest
scores and those of a month earlier (`dashboard.rows`), their trends (one) and their missing items
(two): a fixed number whatever the number of villages.
"""

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _
from fpdf import FPDF

from sinergi.core.formatting import long_date
from sinergi.finance.poster import FONT, FONT_FILES
from sinergi.monitoring import dashboard
from sinergi.monitoring.bands import BANDS
from sinergi.monitoring.dashboard_charts import UNSCORED_COLOUR, band_colour

TOP_MISSING = 5
MARGIN = 15
WIDTH = 210 - 2 * MARGIN
INK = "#1f2328"
MUTED = "#57606a"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


class ReportPdf(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 5)
        self.add_font(FONT, "", FONT_FILES[False])
        self.add_font(FONT, "B", FONT_FILES[True])

    def footer(self):
        self.set_y(-MARGIN)
        self.set_font(FONT, "", 8)
        self.set_text_color(*_rgb(MUTED))
        self.cell(0, 5, f"{self.footer_text} · {_('halaman')} {self.page_no()}/{{nb}}", align="C")

    def write_line(self, text: str, size: float = 10, bold: bool = False, colour: str = INK, height=None):
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*_rgb(colour))
        self.multi_cell(0, height or size * 0.5, text, new_x="LMARGIN", new_y="NEXT")


def _number(value) -> str:
    if value is None:
        return "—"
    return f"{Decimal(value):.2f}".replace(".", ",")


def _change(value) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else ""
    return sign + _number(value)


def _trend(pdf: ReportPdf, x: float, y: float, points) -> None:
    """Twelve small bars, one per month, 10 mm high for 100 points."""
    bar, gap, top = 3.0, 1.0, 10.0
    for index, point in enumerate(points):
        left = x + index * (bar + gap)
        if point.total is None:
            pdf.set_fill_color(*_rgb(UNSCORED_COLOUR))
            pdf.rect(left, y + top - 0.3, bar, 0.3, style="F")
            continue
        height = top * float(min(Decimal(point.total), Decimal(100))) / 100
        pdf.set_fill_color(*_rgb(band_colour(point.band)))
        pdf.rect(left, y + top - height, bar, max(height, 0.3), style="F")


def village_section(pdf: ReportPdf, row, points, missing) -> None:
    if pdf.will_page_break(62):
        pdf.add_page()
    pdf.ln(3)
    top = pdf.get_y()
    pdf.set_draw_color(*_rgb("#d0d7de"))
    pdf.line(MARGIN, top, MARGIN + WIDTH, top)
    pdf.ln(2)
    pdf.write_line(row.name, 13, bold=True)
    if row.total is None:
        pdf.write_line(_("Belum dinilai."), 10, colour=MUTED)
        return
    pdf.write_line(
        _("Nilai %(total)s · %(band)s · perubahan sebulan %(change)s · dinilai %(day)s")
        % {
            "total": _number(row.total),
            "band": row.band_label,
            "change": _change(row.change),
            "day": long_date(row.day),
        },
        10,
    )
    pdf.write_line(
        _("Blok: %(blocks)s")
        % {"blocks": ", ".join(f"{b} {_number(v)}" for b, v in sorted(row.blocks.items()))},
        9,
        colour=MUTED,
    )
    facts = row.facts
    pdf.write_line(
        _(
            "KIM (30 hari): %(submitted)s laporan dikirim, %(published)s diterbitkan, %(activities)s kegiatan; "
            "berita terakhir: %(news)s"
        )
        % {
            "submitted": facts.get("kim_reports_submitted_30d", "—"),
            "published": facts.get("kim_reports_published_30d", "—"),
            "activities": facts.get("kim_activities_30d", "—"),
            "news": long_date(row.last_news) if row.last_news else _("belum ada"),
        },
        9,
    )
    y = pdf.get_y() + 1
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(*_rgb(MUTED))
    pdf.text(MARGIN, y + 4, _("Tren 12 bulan:"))
    _trend(pdf, MARGIN + 24, y, points)
    months = [f"{_number(p.total)}" if p.total is not None else "—" for p in points[-3:]]
    pdf.text(
        MARGIN + 24 + 12 * 4 + 3, y + 9, _("3 bulan terakhir: %(values)s") % {"values": " · ".join(months)}
    )
    pdf.set_y(y + 12)
    if missing:
        pdf.write_line(_("Lima kekurangan terbesar:"), 9, bold=True)
        for index, line in enumerate(missing, start=1):
            text = f"{index}. {line.title} (+{_number(line.gain)} {_('poin')})"
            if line.missing_text:
                text += f": {line.missing_text}"
            pdf.write_line(text, 9, height=4.4)
    else:
        pdf.write_line(_("Tidak ada kekurangan: semua butir terpenuhi."), 9)


def render(district, today: dt.date, regency_name: str = "") -> bytes:
    """The report of `district` (a regions.District), as PDF bytes."""
    rows = dashboard.sort_rows(dashboard.rows([district.pk], today), "-nilai")
    trends = dashboard.trends([r.village_id for r in rows], today)
    missing = dashboard.missing_items([r.score_id for r in rows if r.score_id], per_score=TOP_MISSING)

    title = _("Indeks keterbukaan desa — Kecamatan %(name)s") % {"name": district.name}
    pdf = ReportPdf(footer_text=f"{title} · {long_date(today)}")
    pdf.set_title(title)
    pdf.set_author(regency_name or "Sinergi")
    pdf.add_page()
    pdf.write_line(title, 16, bold=True, height=8)
    pdf.write_line(
        _("%(regency)s · laporan untuk rapat koordinasi · dicetak %(day)s")
        % {"regency": regency_name or str(district.regency), "day": long_date(today)},
        10,
        colour=MUTED,
    )
    pdf.ln(2)
    scored = [r for r in rows if r.total is not None]
    counts = {band.code: 0 for band in BANDS}
    for r in scored:
        counts[r.band] = counts.get(r.band, 0) + 1
    pdf.write_line(
        _("%(scored)s dari %(count)s desa sudah dinilai.") % {"scored": len(scored), "count": len(rows)}, 10
    )
    pdf.write_line(" · ".join(f"{band.label}: {counts[band.code]}" for band in BANDS), 10)
    pdf.write_line(
        _(
            "Nilai 0–100 dari enam blok (A informasi berkala, B APBDes, C PPID, D kesegaran dan KIM, "
            "E teknis, F serta-merta); kategori menurut Komisi Informasi: Informatif ≥ 90, Menuju "
            "Informatif ≥ 80, Cukup Informatif ≥ 60, Kurang Informatif ≥ 40, Tidak Informatif < 40."
        ),
        8,
        colour=MUTED,
        height=4,
    )
    for row in rows:
        village_section(pdf, row, trends.get(row.village_id, []), missing.get(row.score_id, []))
    return bytes(pdf.output())
