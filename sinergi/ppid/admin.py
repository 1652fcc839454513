"""The regency admin's PPID settings screen (where disputes go), on the casework pattern."""

from django.utils.translation import gettext_lazy as _

from sinergi.casework.admin import RegencyRulesViewSet
from sinergi.ppid.models import PpidRegencySettings


class PpidSettingsViewSet(RegencyRulesViewSet):
    model = PpidRegencySettings
    icon = "info-circle"
    menu_label = _("Pengaturan PPID")
    form_fields = [
        "regency",
        "commission_name",
        "commission_address",
        "commission_url",
        "commission_email",
        "commission_phone",
    ]
    list_display = ["regency", "commission_name"]
