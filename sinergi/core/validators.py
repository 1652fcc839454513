from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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
