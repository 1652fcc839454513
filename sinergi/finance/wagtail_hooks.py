"""APBDes in the Wagtail admin: its URLs and menu items (operators; the regency's view and code table)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sinergi.accounts.access import is_regency_admin, manages_any_village
from sinergi.finance import admin_urls


@hooks.register("register_admin_urls")
def register_finance_admin_urls():
    return [path("apbdes/", include((admin_urls, "apbdes_admin"), namespace="apbdes_admin"))]


class VillageManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_any_village(request.user)


class RegencyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_regency_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_apbdes_menu_item():
    return VillageManagerMenuItem(
        _("APBDes"), reverse("apbdes_admin:index"), name="apbdes", icon_name="table", order=170
    )


@hooks.register("register_admin_menu_item")
def register_apbdes_regency_menu_item():
    return RegencyMenuItem(
        _("APBDes se-kabupaten"),
        reverse("apbdes_admin:regency"),
        name="apbdes-regency",
        icon_name="table",
        order=171,
    )


@hooks.register("register_settings_menu_item")
def register_apbdes_codes_menu_item():
    return RegencyMenuItem(
        _("Kode APBDes"), reverse("apbdes_admin:codes"), name="apbdes-codes", icon_name="list-ul", order=650
    )
