from urllib.parse import quote

from django import template

from sinergi.core import formatting

register = template.Library()


@register.filter
def tanggal(value):
    return formatting.long_date(value)


@register.filter
def tanggal_hari(value):
    return formatting.long_date(value, with_day=True)


@register.filter
def tanggal_pendek(value):
    return formatting.short_date(value)


@register.filter
def jam(value):
    return formatting.time_of_day(value)


@register.filter
def rupiah(value):
    return formatting.rupiah(value)


@register.filter
def urlquote(value):
    return quote(str(value), safe="")
