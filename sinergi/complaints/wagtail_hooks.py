"""Complaints in the Wagtail admin: URLs, the menu item (with the number of waiting cases), the home
panel with counts and ages, and the regency's rule screens."""

from django.db.models import Count, Min, Q
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from sinergi.accounts.access import is_regency_admin, managed_scope, manages_any_village
from sinergi.casework.admin import add_rule_screen
from sinergi.complaints import admin_urls
from sinergi.complaints.admin import ComplaintCategoryViewSet, ComplaintSettingsViewSet
from sinergi.complaints.admin_views import overdue_q
from sinergi.complaints.models import Complaint

add_rule_screen(ComplaintCategoryViewSet("complaints_categories"))
add_rule_screen(ComplaintSettingsViewSet("complaints_settings"))


@hooks.register("register_admin_urls")
def register_complaints_admin_urls():
    return [path("pengaduan/", include((admin_urls, "complaints_admin"), namespace="complaints_admin"))]


def waiting_complaints(user) -> dict:
    """Counts and the oldest waiting case over the villages `user` manages; one query."""
    today = timezone.localdate()
    with managed_scope(user):
        return Complaint.objects.aggregate(
            n_waiting=Count("pk", filter=Q(state=Complaint.State.RECEIVED, held=False)),
            n_held=Count("pk", filter=Q(held=True)),
            n_in_progress=Count(
                "pk", filter=Q(state__in=[Complaint.State.VERIFIED, Complaint.State.IN_PROGRESS])
            ),
            n_overdue=Count("pk", filter=overdue_q(today)),
            n_forwarded=Count("pk", filter=~Q(forwarded_to="") & ~Q(state=Complaint.State.RESOLVED)),
            n_oldest=Min("received_at", filter=Q(state=Complaint.State.RECEIVED, held=False)),
        )


class ComplaintsMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_any_village(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        count = waiting_complaints(request.user)["n_waiting"]
        if count:
            component.label = f"{self.label} ({count})"
        return component


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return is_regency_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_complaints_menu_item():
    return ComplaintsMenuItem(
        _("Pengaduan warga"),
        reverse("complaints_admin:queue"),
        name="complaints",
        icon_name="mail",
        order=170,
    )


@hooks.register("register_reports_menu_item")
def register_figures_menu_item():
    return FiguresMenuItem(
        _("Angka pengaduan"),
        reverse("complaints_admin:figures"),
        name="complaints-figures",
        icon_name="table",
    )


class ComplaintsPanel(Component):
    name = "complaints_waiting"
    template_name = "complaints/admin/home_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        from sinergi.kim.admin_views import waiting_label

        counts = waiting_complaints(self.user)
        return {
            **{key.removeprefix("n_"): value for key, value in counts.items()},
            "oldest_label": waiting_label(counts["n_oldest"]) if counts["n_oldest"] else "",
            "queue_url": reverse("complaints_admin:queue"),
        }


@hooks.register("construct_homepage_panels")
def add_complaints_panel(request, panels):
    if manages_any_village(request.user):
        panels.append(ComplaintsPanel(request.user))
