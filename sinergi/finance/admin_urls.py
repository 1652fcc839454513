"""URLs of the APBDes pages in the Wagtail admin, mounted at /admin/apbdes/ (namespace "apbdes_admin")."""

from django.urls import path

from sinergi.finance import admin_views as views
from sinergi.finance import entry_views

app_name = "apbdes_admin"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("templat/", views.TemplateDownloadView.as_view(), name="template"),
    path("impor/", views.ImportView.as_view(), name="import"),
    path("impor/<int:import_id>/", views.PreviewView.as_view(), name="preview"),
    path("baru/", entry_views.NewDraftView.as_view(), name="draft_create"),
    path("versi/<int:version_id>/", views.VersionView.as_view(), name="version"),
    path(
        "versi/<int:version_id>/baris/<slug:part>/", entry_views.AccountsView.as_view(), name="version_lines"
    ),
    path(
        "versi/<int:version_id>/kegiatan/tambah/", entry_views.ActivityView.as_view(), name="activity_create"
    ),
    path(
        "versi/<int:version_id>/kegiatan/<int:budget_activity_id>/",
        entry_views.ActivityView.as_view(),
        name="activity_edit",
    ),
    path(
        "versi/<int:version_id>/kegiatan/<int:budget_activity_id>/hapus/",
        entry_views.DeleteActivityView.as_view(),
        name="activity_delete",
    ),
    path(
        "versi/<int:version_id>/realisasi-baru/",
        entry_views.NewRealisationView.as_view(),
        name="realisation_create",
    ),
    path("versi/<int:version_id>/perdes/", views.PerdesView.as_view(), name="version_perdes"),
    path("versi/<int:version_id>/terbitkan/", views.PublishVersionView.as_view(), name="version_publish"),
    path("versi/<int:version_id>/hapus/", views.DeleteVersionView.as_view(), name="version_delete"),
    path("realisasi/<int:realisation_id>/", views.RealisationView.as_view(), name="realisation"),
    path(
        "realisasi/<int:realisation_id>/isi/",
        entry_views.RealisedEntryView.as_view(),
        name="realisation_entry",
    ),
    path(
        "realisasi/<int:realisation_id>/terbitkan/",
        views.PublishRealisationView.as_view(),
        name="realisation_publish",
    ),
    path(
        "realisasi/<int:realisation_id>/hapus/",
        views.DeleteRealisationView.as_view(),
        name="realisation_delete",
    ),
    path("kabupaten/", views.RegencyView.as_view(), name="regency"),
    path("kode/", views.CodeListView.as_view(), name="codes"),
    path("kode/tambah/", views.CodeEditView.as_view(), name="code_create"),
    path("kode/<int:code_id>/ubah/", views.CodeEditView.as_view(), name="code_edit"),
]
