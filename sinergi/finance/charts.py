"""Server-rendered inline SVG charts: a proportion bar and horizontal bars, with nothing to load.

Presentation is in SVG attributes (fill, width), not style attributes, so the strict Content-Security-
Policy of public pages allows them. Each chart has a title for screen readers; the page always shows the
same numbers in a table beside it, so the chart adds nothing a reader of the table lacks.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# Distinguishable on white and in greyscale print, in the order parts are drawn.
PALETTE = ["#1b5e20", "#f9a825", "#1565c0", "#c62828", "#6a1b9a", "#00838f", "#ef6c00", "#546e7a"]


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def proportion_bar(parts, title: str):
    """One bar split into `parts` [(label, amount)], each part as wide as its share."""
    total = sum(amount for _label, amount in parts) or 1
    x = 0.0
    rects = []
    for index, (label, amount) in enumerate(parts):
        width = 1000 * amount / total
        rects.append(
            format_html(
                '<rect x="{}" y="0" width="{}" height="40" fill="{}"><title>{}</title></rect>',
                f"{x:.1f}",
                f"{width:.1f}",
                colour(index),
                label,
            )
        )
        x += width
    return format_html(
        '<svg class="apb-chart" viewBox="0 0 1000 40" preserveAspectRatio="none" role="img" width="100%" height="40"'
        ' aria-label="{}"><title>{}</title>{}</svg>',
        title,
        title,
        mark_safe("".join(rects)),  # noqa: S308  (each part built by format_html above)
    )


def bars(rows, title: str, value_label=None):
    """Horizontal bars [(label, amount, realised or None)]: the amount, and what was realised over it."""
    largest = max((amount for _l, amount, _r in rows), default=0) or 1
    # A narrow drawing (400 units): on a 360 px phone its 15-unit labels are still ~12 px.
    row_height, label_width, width = 38, 0, 400
    parts = []
    for index, (label, amount, realised) in enumerate(rows):
        y = index * row_height
        bar = (width - label_width) * amount / largest
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="15" fill="#1f2328">{}</text>'
                '<rect x="0" y="{}" width="{}" height="14" fill="#a5d6a7"><title>{}</title></rect>',
                y + 15,
                label,
                y + 20,
                f"{bar:.1f}",
                value_label(amount) if value_label else amount,
            )
        )
        if realised is not None:
            parts.append(
                format_html(
                    '<rect x="0" y="{}" width="{}" height="14" fill="#1b5e20"></rect>',
                    y + 20,
                    f"{(width - label_width) * realised / largest:.1f}",
                )
            )
    height = max(row_height * len(rows), 1)
    return format_html(
        '<svg class="apb-chart" viewBox="0 0 400 {}" role="img" width="100%" aria-label="{}"><title>{}</title>{}</svg>',
        height,
        title,
        title,
        mark_safe("".join(str(p) for p in parts)),  # noqa: S308  (each part built by format_html above)
    )
