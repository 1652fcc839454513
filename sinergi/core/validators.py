from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lokal import parse_phone

from sinergi.core.colours import HEX_COLOUR, contrast_ratio

# White text sits on the brand colour in the header and buttons; AA needs 4.5:1 for normal text.
MIN_CONTRAST_WITH_WHITE = 4.5


def validate_brand_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Tulis warna sebagai kode heksadesimal, misalnya #1B5E20."))
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < MIN_CONTRAST_WITH_WHITE:
        raise ValidationError(
            _(
                "Warna ini terlalu terang: teks putih di atasnya sulit dibaca (kontras %(ratio).1f:1, "
                "minimal 4,5:1). Pilih warna yang lebih gelap."
            ),
            params={"ratio": ratio},
        )


def validate_phone_number(value: str) -> None:
    """An Indonesian telephone number: mobile (08…, +62 8…, 62 8…) or landline with its area code (0541 …)."""
    if not value:
        return
    info = parse_phone(value)
    if not info.valid:
        reason = info.errors[0].message if info.errors else _("bukan nomor telepon")
        raise ValidationError(
            _("Nomor telepon tidak sah (%(reason)s). Contoh: 0812 3456 7890 atau 0541 661234."),
            params={"reason": reason},
            code="invalid_phone",
        )


def normalised_phone_number(value: str) -> str:
    """How a valid number is stored and shown (0812-3456-7890, (0541) 661234); anything else as it is."""
    value = (value or "").strip()
    info = parse_phone(value) if value else None
    return info.national if info and info.valid and info.national else value
