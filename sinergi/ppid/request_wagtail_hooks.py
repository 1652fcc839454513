"""PPID requests in the Wagtail admin: URLs, the menu item (with open requests) and the home panel."""

import sys

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from sinergi.accounts.access import administered_regencies, manages_any_village
from sinergi.ppid.request_admin import dashboard_counts


@hooks.register("register_admin_urls")
def register_ppid_request_urls():
    return [path("ppid/", include((sys.modules["sinergi.ppid.request_admin"], "ppid_requests")))]


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_any_village(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        counts = dashboard_counts(request.user)["requests"]
        if counts["open"] or counts["held"]:
            component.label = f"{self.label} ({counts['open'] + counts['held']})"
        return component


class RegencyMenuItem(MenuItem):
    def is_shown(self, request):
        return administered_regencies(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_ppid_queue_menu_item():
    return QueueMenuItem(
        _("Permohonan informasi"), reverse("ppid_requests:queue"), name="ppid-requests", icon_name="info-circle",
        order=170,
    )  # fmt: skip


@hooks.register("register_admin_menu_item")
def register_ppid_regency_menu_item():
    return RegencyMenuItem(
        _("PPID se-kabupaten"), reverse("ppid_requests:regency"), name="ppid-regency", icon_name="table",
        order=175,
    )  # fmt: skip


class PpidRequestsPanel(Component):
    name = "ppid_requests"
    template_name = "ppid/request/admin/home_panel.html"
    order = 55

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {**dashboard_counts(self.user), "queue_url": reverse("ppid_requests:queue")}


@hooks.register("construct_homepage_panels")
def add_ppid_requests_panel(request, panels):
    if manages_any_village(request.user):
        panels.append(PpidRequestsPanel(request.user))
