"""The DIP's admin screens: the catalogue in "Aturan layanan warga", the operator's DIP in the menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sinergi.accounts.access import manages_any_village
from sinergi.casework.admin import add_rule_screen
from sinergi.ppid import dip_admin

add_rule_screen(dip_admin.DipCatalogueViewSet("ppid_dip_catalogue"))


@hooks.register("register_admin_urls")
def register_dip_admin_urls():
    return [path("ppid-dip/", include((dip_admin.urlpatterns, "ppid_dip_admin"), namespace="ppid_dip_admin"))]


class VillageManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_any_village(request.user)


@hooks.register("register_admin_menu_item")
def register_dip_menu_item():
    return VillageManagerMenuItem(
        _("Daftar Informasi Publik"),
        reverse("ppid_dip_admin:index"),
        name="ppid-dip",
        icon_name="list-ul",
        order=170,
    )
