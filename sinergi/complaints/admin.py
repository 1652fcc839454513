"""The regency admin's complaint rules: the categories and the targets/area, on the casework pattern."""

from django.utils.translation import gettext_lazy as _

from sinergi.casework.admin import RegencyRulesViewSet
from sinergi.complaints.models import ComplaintCategory, ComplaintSettings


class ComplaintCategoryViewSet(RegencyRulesViewSet):
    model = ComplaintCategory
    icon = "tag"
    menu_label = _("Kategori pengaduan")
    form_fields = ["regency", "name", "slug", "order", "active"]
    list_display = ["name", "slug", "order", "active", "regency"]
    list_filter = ["active"]


class ComplaintSettingsViewSet(RegencyRulesViewSet):
    model = ComplaintSettings
    icon = "time"
    menu_label = _("Pengaturan pengaduan")
    form_fields = [
        "regency",
        "verify_days",
        "reply_days",
        "reopen_days",
        "south",
        "north",
        "west",
        "east",
        "area_source",
    ]
    list_display = ["regency", "verify_days", "reply_days"]
