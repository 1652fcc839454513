"""The village's index in the Wagtail admin, mounted at /admin/indeks-desa/ (namespace "monitoring_operator")."""

from django.urls import path

from sinergi.monitoring import admin_views as views

app_name = "monitoring_operator"
urlpatterns = [
    path("<int:village_id>/", views.VillageIndexView.as_view(), name="village"),
    path("<int:village_id>/hitung-ulang/", views.RecomputeView.as_view(), name="recompute"),
]
