"""Template filters of the APBDes pages: short rupiah and percentages in Indonesian notation."""

from django import template

from sinergi.core.formatting import rupiah_short

register = template.Library()


@register.filter
def rupiah_singkat(value):
    """Rp 1,25 miliar."""
    return rupiah_short(value)


@register.filter
def persen(value):
    """85,3% (None: an en dash, nothing reported)."""
    if value is None:
        return "–"
    return f"{value}".replace(".", ",") + "%"
