"""The index in the Wagtail admin: the operator's home panel "Apa yang masih kurang" and its URLs."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from sinergi.accounts.access import ALL, is_regency_admin, managed_village_ids
from sinergi.monitoring import admin_urls
from sinergi.monitoring.admin_views import RulesView
from sinergi.monitoring.panel import village_index
from sinergi.regions.models import Village

# The panel is for the operator of a village or a few; the regency sees every village on its dashboard.
PANEL_MAX_VILLAGES = 3
PANEL_ITEMS = 5


@hooks.register("register_admin_urls")
def register_monitoring_admin_urls():
    rules = ([path("", RulesView.as_view(), name="rules")], "monitoring_rules")
    return [
        path("indeks-desa/", include((admin_urls, "monitoring_operator"), namespace="monitoring_operator")),
        path("indeks-aturan/", include(rules, namespace="monitoring_rules")),
    ]


class MissingPanel(Component):
    name = "index_missing"
    template_name = "monitoring/admin/home_panel.html"
    order = 40

    def __init__(self, villages):
        self.villages = villages

    def get_context_data(self, parent_context=None):
        request = parent_context.get("request") if parent_context else None
        return {
            "indexes": [village_index(village, limit=PANEL_ITEMS) for village in self.villages],
            "next": request.get_full_path() if request else "",
            # A component renders with its own context: without this the recompute form's
            # {% csrf_token %} is empty and the browser's POST is refused (403, CSRF).
            "csrf_token": parent_context.get("csrf_token") if parent_context else None,
        }


@hooks.register("construct_homepage_panels")
def add_missing_panel(request, panels):
    ids = managed_village_ids(request.user)
    if ids is ALL or not ids or len(ids) > PANEL_MAX_VILLAGES:
        return
    villages = list(Village.objects.filter(pk__in=ids).order_by("name"))
    panels.insert(0, MissingPanel(villages))


class RegencyAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_regency_admin(request.user)


@hooks.register("register_settings_menu_item")
def register_rules_menu_item():
    return RegencyAdminMenuItem(
        _("Aturan indeks keterbukaan"), reverse("monitoring_rules:rules"), icon_name="cogs", order=900
    )
