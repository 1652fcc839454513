"""Server-rendered SVG for the index dashboards: bands per kecamatan and a village's 12-month trend.

Nothing to load, no script; presentation in SVG attributes (the admin's CSP allows them). Every chart
has a title for screen readers, and its page shows the same numbers in a table beside it.
"""

from decimal import Decimal

from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from sinergi.monitoring.bands import BANDS

# One colour per band, informatif first (green to red), distinguishable in greyscale print; grey: no score.
BAND_COLOURS = {
    "informatif": "#1b5e20",
    "menuju_informatif": "#66bb6a",
    "cukup_informatif": "#f9a825",
    "kurang_informatif": "#ef6c00",
    "tidak_informatif": "#c62828",
}
UNSCORED_COLOUR = "#9e9e9e"


def band_colour(code: str) -> str:
    return BAND_COLOURS.get(code, UNSCORED_COLOUR)


def band_distribution(districts) -> str:
    """One stacked bar per kecamatan (`dashboard.DistrictBands`), each part a band's share of its villages."""
    label_width, bar_width, row_height = 220, 560, 30
    height = row_height * len(districts) + 40
    parts = []
    for index, district in enumerate(districts):
        y = index * row_height
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="14" fill="#1f2328">{}</text>', y + 19, district.name[:28]
            )
        )
        x = float(label_width)
        total = district.total or 1
        segments = [(band.code, band.label, n) for band, n in zip(BANDS, district.counts, strict=True)]
        segments.append(("", _("Belum dinilai"), district.unscored))
        for code, label, count in segments:
            if not count:
                continue
            width = bar_width * count / total
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="20" fill="{}"><title>{}: {} {}</title></rect>',
                    f"{x:.1f}",
                    y + 4,
                    f"{width:.1f}",
                    band_colour(code),
                    label,
                    count,
                    _("desa"),
                )
            )
            x += width
    legend_y = row_height * len(districts) + 20
    legend = []
    x = 0
    for code, label in [*((b.code, b.label) for b in BANDS), ("", _("Belum dinilai"))]:
        legend.append(
            format_html(
                '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
                '<text x="{}" y="{}" font-size="12" fill="#1f2328">{}</text>',
                x,
                legend_y,
                band_colour(code),
                x + 16,
                legend_y + 11,
                label,
            )
        )
        x += 16 + 8 * len(str(label)) + 12
    title = _("Sebaran kategori desa per kecamatan")
    return format_html(
        '<svg class="idx-chart" viewBox="0 0 {} {}" role="img" aria-label="{}" width="100%"><title>{}</title>{}{}</svg>',
        max(label_width + bar_width, x),
        height,
        title,
        title,
        mark_safe("".join(parts)),  # noqa: S308  (each part built by format_html above)
        mark_safe("".join(legend)),  # noqa: S308
    )


def trend_bars(points, small: bool = False) -> str:
    """Twelve bars, one per month (`dashboard.MonthPoint`), each as high as that month's score out of 100."""
    bar, gap, top = (14, 4, 40) if small else (40, 12, 200)
    label_space = 0 if small else 34
    width = len(points) * (bar + gap)
    parts = []
    for index, point in enumerate(points):
        x = index * (bar + gap)
        month = date_format(point.month, "M y")
        if point.total is None:
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="1" fill="{}"><title>{}: {}</title></rect>',
                    x,
                    top - 1,
                    bar,
                    UNSCORED_COLOUR,
                    month,
                    _("belum dinilai"),
                )
            )
        else:
            height = float(top * min(Decimal(point.total), Decimal(100)) / 100)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                    x,
                    f"{top - height:.1f}",
                    bar,
                    f"{height:.1f}",
                    band_colour(point.band),
                    month,
                    point.total,
                )
            )
        if not small:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="11" fill="#1f2328" text-anchor="middle">{}</text>',
                    x + bar / 2,
                    top + 16,
                    date_format(point.month, "M"),
                )
            )
            if point.total is not None:
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" font-size="11" fill="#1f2328" text-anchor="middle">{}</text>',
                        x + bar / 2,
                        top + 30,
                        f"{point.total:.0f}",
                    )
                )
    title = _("Nilai indeks 12 bulan terakhir")
    return format_html(
        '<svg class="idx-trend" viewBox="0 0 {} {}" role="img" aria-label="{}" width="{}" height="{}"><title>{}</title>{}</svg>',
        width,
        top + label_space,
        title,
        width,
        top + label_space,
        title,
        mark_safe("".join(parts)),  # noqa: S308  (each part built by format_html above)
    )
