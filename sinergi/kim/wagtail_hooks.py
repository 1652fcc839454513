"""KIM in the Wagtail admin: URLs, menu items (with the number of waiting reports) and the home panel."""

from django.db.models import Count, Min, Q
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from sinergi.accounts.access import administered_regencies, managed_scope, manages_any_village
from sinergi.kim import admin_urls
from sinergi.kim.admin_views import waiting_label
from sinergi.kim.models import Notification, Report

NOTIFICATIONS_ON_HOME = 5


@hooks.register("register_admin_urls")
def register_kim_admin_urls():
    return [path("kim/", include((admin_urls, "kim_admin"), namespace="kim_admin"))]


def waiting_reports(user) -> dict:
    """{"count": n, "oldest": submitted_at or None} over the villages `user` manages; one query."""
    with managed_scope(user):
        return Report.objects.filter(state=Report.State.SUBMITTED).aggregate(
            count=Count("pk"), oldest=Min("submitted_at")
        )


class VillageManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_any_village(request.user)


class ReportQueueMenuItem(VillageManagerMenuItem):
    """ "Laporan KIM", with the number of reports waiting for a decision after the label."""

    def render_component(self, request):
        component = super().render_component(request)
        count = waiting_reports(request.user)["count"]
        if count:
            component.label = f"{self.label} ({count})"
        return component


class RegencyRulesMenuItem(MenuItem):
    def is_shown(self, request):
        return administered_regencies(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_report_queue_menu_item():
    return ReportQueueMenuItem(
        _("Laporan KIM"), reverse("kim_admin:queue"), name="kim-reports", icon_name="form", order=150
    )


@hooks.register("register_admin_menu_item")
def register_kim_list_menu_item():
    return VillageManagerMenuItem(
        _("Daftar KIM"), reverse("kim_admin:kim_list"), name="kim-registry", icon_name="group", order=160
    )


@hooks.register("register_settings_menu_item")
def register_regency_rules_menu_item():
    return RegencyRulesMenuItem(
        _("Aturan KIM"), reverse("kim_admin:regencies"), name="kim-rules", icon_name="cog", order=640
    )


class WaitingReportsPanel(Component):
    """On the admin home: how many KIM reports wait for a decision, for how long the oldest has, and the
    operator's unread KIM notifications."""

    name = "kim_waiting_reports"
    template_name = "kim/admin/home_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        waiting = waiting_reports(self.user)
        with managed_scope(self.user):
            # The operator's in-app notifications (new reports, reminders), also sent by e-mail. Those about
            # a report that has been decided since (by this or another operator) no longer call for action.
            unread = list(
                Notification.objects.filter(user=self.user, read_at__isnull=True).exclude(
                    Q(report__isnull=False) & ~Q(report__state=Report.State.SUBMITTED)
                )[: NOTIFICATIONS_ON_HOME + 1]
            )
        return {
            "count": waiting["count"],
            "oldest": waiting_label(waiting["oldest"], timezone.now()) if waiting["oldest"] else "",
            "queue_url": reverse("kim_admin:queue") + "?status=submitted",
            "notifications": unread[:NOTIFICATIONS_ON_HOME],
            "more_notifications": len(unread) > NOTIFICATIONS_ON_HOME,
            "read_url": reverse("kim_admin:notifications_read"),
            # Components render with their own context: the "mark read" form needs the page's token.
            "csrf_token": (parent_context or {}).get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_waiting_reports_panel(request, panels):
    if manages_any_village(request.user):
        panels.append(WaitingReportsPanel(request.user))
