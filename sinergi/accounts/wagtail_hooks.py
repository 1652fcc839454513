from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sinergi.accounts.views import LockoutsView, can_unlock


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("kunci-masuk/", LockoutsView.as_view(), name="sinergi_lockouts")]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Kunci masuk"), reverse("sinergi_lockouts"), name="lockouts", icon_name="lock", order=650
    )


@hooks.register("register_admin_viewset")
def register_district_viewers():
    from sinergi.accounts.admin_viewers import DistrictViewerViewSet

    return DistrictViewerViewSet("district_viewers")
