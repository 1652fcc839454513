"""The bands a score out of 100 falls in.

Source: Komisi Informasi Pusat, the qualification bands of its yearly evaluation of public bodies'
information disclosure (Monitoring dan Evaluasi Keterbukaan Informasi Publik; Peraturan Komisi
Informasi No. 1 Tahun 2022 tentang Monitoring dan Evaluasi Keterbukaan Informasi Publik):
Informatif 90-100, Menuju Informatif 80-89,9, Cukup Informatif 60-79,9, Kurang Informatif 40-59,9,
Tidak Informatif below 40.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SOURCE = "Peraturan Komisi Informasi No. 1 Tahun 2022 (Monev Keterbukaan Informasi Publik)"


@dataclass(frozen=True)
class Band:
    code: str
    label: Promise
    minimum: Decimal  # the lowest total in the band (inclusive)


# Highest first; `band_for` takes the first band whose minimum the total reaches.
BANDS = (
    Band("informatif", _("Informatif"), Decimal("90")),
    Band("menuju_informatif", _("Menuju Informatif"), Decimal("80")),
    Band("cukup_informatif", _("Cukup Informatif"), Decimal("60")),
    Band("kurang_informatif", _("Kurang Informatif"), Decimal("40")),
    Band("tidak_informatif", _("Tidak Informatif"), Decimal("0")),
)
BY_CODE = {band.code: band for band in BANDS}
CHOICES = [(band.code, band.label) for band in BANDS]


def band_for(total: Decimal) -> Band:
    """The band of a total out of 100 (79.99 is Cukup Informatif; 80 is Menuju Informatif)."""
    total = Decimal(total)
    for band in BANDS:
        if total >= band.minimum:
            return band
    return BANDS[-1]


def band_label(code: str):
    band = BY_CODE.get(code)
    return band.label if band else code
