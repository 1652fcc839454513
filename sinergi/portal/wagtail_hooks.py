"""The regency's identity screen (Pengaturan → Identitas kabupaten): regency admins fill in who runs
the regency's sites; every site's footer shows it."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from sinergi.casework.admin import RegencyRulesViewSet
from sinergi.regions.models import RegencyIdentity


class RegencyIdentityViewSet(RegencyRulesViewSet):
    model = RegencyIdentity
    icon = "site"
    menu_label = _("Identitas kabupaten")
    add_to_settings_menu = True
    form_fields = [
        "regency",
        "office_name",
        "crest",
        "address",
        "phone",
        "email",
        "website",
        "ppid_url",
        "facebook_url",
        "instagram_url",
        "youtube_url",
        "x_url",
    ]
    list_display = ["office_name", "regency"]


@hooks.register("register_admin_viewset")
def register_regency_identity():
    return RegencyIdentityViewSet("regency_identity")
