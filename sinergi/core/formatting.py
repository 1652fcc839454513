"""Indonesian formats for dates, times and money (docs/domain.md, "Formats")."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from lokal import format_rupiah

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# Indonesia's three time zones by their IANA names (Undang-Undang: Keppres 41/1987).
ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def zone_abbreviation() -> str:
    return ZONE_ABBREVIATIONS.get(settings.TIME_ZONE, settings.TIME_ZONE)


def _as_local_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(local_zone())
        return value.date()
    return value


def long_date(value, with_day: bool = False) -> str:
    """17 Agustus 2025, or Minggu, 17 Agustus 2025."""
    if value is None:
        return ""
    day = _as_local_date(value)
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if with_day:
        text = f"{DAYS[day.weekday()]}, {text}"
    return text


def short_date(value) -> str:
    """17/08/25."""
    if value is None:
        return ""
    day = _as_local_date(value)
    return day.strftime("%d/%m/%y")


def time_of_day(value) -> str:
    """15.30 WITA."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(local_zone())
        value = value.time()
    return f"{value.hour:02d}.{value.minute:02d} {zone_abbreviation()}"


def rupiah(amount) -> str:
    """Rp 1.250.000; decimals only when there is a fraction: Rp 1.250.000,50."""
    if amount is None or amount == "":
        return ""
    value = Decimal(str(amount))
    has_fraction = value != value.to_integral_value()
    digits = format_rupiah(value, decimals=has_fraction, symbol=False)
    return f"Rp {digits}"


# Large amounts in words, as budget infographics print them (Rp 1,25 miliar, Rp 850 juta).
RUPIAH_WORDS = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))


def rupiah_short(amount) -> str:
    """Rp 1,25 miliar / Rp 850 juta / Rp 1,3 triliun; below a million the full amount (Rp 750.000)."""
    if amount is None or amount == "":
        return ""
    value = Decimal(str(amount))
    sign = "-" if value < 0 else ""
    value = abs(value)
    for size, word in RUPIAH_WORDS:
        scaled = (value / size).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if scaled >= 1:  # 999.999.999 rounds to "1 miliar", not "1.000 juta"
            digits = format(scaled.normalize(), "f").replace(".", ",")
            return f"{sign}Rp {digits} {word}"
    return f"{sign}{rupiah(value)}"


def excerpt(text, length: int = 160) -> str:
    """`text` cut to at most `length` characters at a word boundary, with an ellipsis when cut.

    A single word longer than `length` (a pasted link, say) is cut where it must be.
    """
    text = " ".join(str(text or "").split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    space = cut.rfind(" ")
    if space > length // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:–-") + "…"


def coordinates(latitude, longitude) -> str:
    """A position as people read it: "0,2874° LU, 117,4689° BT" (four decimals: about 11 m)."""
    if latitude is None or longitude is None:
        return ""

    def part(value, positive: str, negative: str) -> str:
        number = f"{abs(float(value)):.4f}".replace(".", ",")
        return f"{number}° {positive if float(value) >= 0 else negative}"

    return f"{part(latitude, 'LU', 'LS')}, {part(longitude, 'BT', 'BB')}"
