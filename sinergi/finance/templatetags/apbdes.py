"""Template filters of the APBDes pages: short rupiah and percentages in Indonesian notation."""

from django import template

from sinergi.core.formatting import rupiah, rupiah_short

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


def signed_rupiah(value) -> str:
    """A deficit as budget reports print it: (Rp 34.713.000); anything else as rupiah()."""
    if value is not None and value != "" and value < 0:
        return f"({rupiah(-value)})"
    return rupiah(value)


@register.filter
def rupiah_apbdes(value):
    return signed_rupiah(value)
