"""URLs of complaints in the Wagtail admin, mounted at /admin/pengaduan/ (namespace "complaints_admin")."""

from django.urls import path

from sinergi.complaints import admin_views as views

app_name = "complaints_admin"
urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("<int:complaint_id>/", views.CaseView.as_view(), name="case"),
    path("<int:complaint_id>/hapus/", views.DeleteHeldView.as_view(), name="delete_held"),
    path("<int:complaint_id>/foto/<int:complaint_photo_id>/", views.PhotoView.as_view(), name="photo"),
    path("angka/", views.FiguresView.as_view(), name="figures"),
]
