"""Wagtail hooks of the index dashboards (imported by MonitoringConfig.ready, apart from the app's own
wagtail_hooks so that the two halves of the app stay in separate files)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sinergi.accounts.access import may_view_index
from sinergi.monitoring import dashboard_views as views

urlpatterns = [
    path("", views.DashboardView.as_view(), name="index"),
    path("desa/<int:village_id>/", views.VillageIndexView.as_view(), name="village"),
    path("unduh/<str:kind>.<str:fmt>", views.ExportView.as_view(), name="export"),
    path("laporan/<int:district_id>/", views.ReportView.as_view(), name="report"),
]


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return [
        path(
            "dasbor-indeks/", include((urlpatterns, "monitoring_dashboard"), namespace="monitoring_dashboard")
        )
    ]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_index(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("Indeks desa"),
        reverse("monitoring_dashboard:index"),
        name="index-dashboard",
        icon_name="table",
        order=150,
    )
