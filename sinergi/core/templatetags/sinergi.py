"""Sinergi's template filters: dates, Rupiah, phone links... Django's admin templates load them
(`{% load sinergi %}`) and the public site's Jinja2 environment (sinergi/core/jinja.py) has them by the
same names."""

from urllib.parse import quote

from django import template
from lokal import parse_phone

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
def page_date(page):
    """The date of a dated page (an article, an announcement), None for the others. `page.date` in a
    template costs a `dir()` of the whole page class on every page without one (Django's engine looks
    whether the missing attribute is a property that raised)."""
    return getattr(page, "date", None)


@register.filter
def ringkas(value, length=160):
    """Cut on a word boundary (Django's truncatechars cuts mid-word)."""
    return formatting.excerpt(value, int(length))


@register.filter
def koordinat(latitude, longitude):
    return formatting.coordinates(latitude, longitude)


@register.filter
def urlquote(value):
    return quote(str(value), safe="")


def _phone_digits(value) -> str:
    """The number as international digits only (6281234567890), or "" if it is not a valid number.

    Links are built from these digits alone, never from the stored text: a value saved before the
    model validated phone numbers (or written around it) is shown as text, not linked.
    """
    info = parse_phone(str(value or "").strip()) if value else None
    if not info or not info.valid or not info.e164:
        return ""
    digits = info.e164.removeprefix("+")
    return digits if digits.isascii() and digits.isdigit() else ""


@register.filter
def tel_href(value) -> str:
    digits = _phone_digits(value)
    return f"tel:+{digits}" if digits else ""


@register.filter
def whatsapp_href(value) -> str:
    digits = _phone_digits(value)
    return f"https://wa.me/{digits}" if digits else ""
