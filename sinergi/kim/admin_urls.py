"""URLs of the KIM pages in the Wagtail admin, mounted at /admin/kim/ (namespace "kim_admin").

`queue` and `report_detail` are named in sinergi.kim.notifications: keep those names.
"""

from django.urls import path

from sinergi.kim import admin_views as views

app_name = "kim_admin"
urlpatterns = [
    path("", views.ReportQueueView.as_view(), name="queue"),
    path("laporan/<int:report_id>/", views.ReportDetailView.as_view(), name="report_detail"),
    path(
        "laporan/<int:report_id>/foto/<int:photo_id>/", views.ReportPhotoView.as_view(), name="report_photo"
    ),
    path("notifikasi/baca/", views.NotificationsReadView.as_view(), name="notifications_read"),
    path("daftar/", views.KimListView.as_view(), name="kim_list"),
    path("daftar/tambah/", views.KimCreateView.as_view(), name="kim_create"),
    path("daftar/<int:kim_id>/", views.KimDetailView.as_view(), name="kim_detail"),
    path("daftar/<int:kim_id>/ubah/", views.KimEditView.as_view(), name="kim_edit"),
    path("daftar/<int:kim_id>/kegiatan/", views.ActivityListView.as_view(), name="activities"),
    path("kegiatan/<int:activity_id>/tinjau/", views.ActivityReviewView.as_view(), name="activity_review"),
    path("daftar/<int:kim_id>/anggota/tambah/", views.MemberCreateView.as_view(), name="member_create"),
    path("anggota/<int:member_id>/ubah/", views.MemberEditView.as_view(), name="member_edit"),
    path("anggota/<int:member_id>/status/", views.MemberActiveView.as_view(), name="member_active"),
    path("anggota/<int:member_id>/undangan/", views.MemberInvitationView.as_view(), name="member_invitation"),
    path("kabupaten/", views.RegencyListView.as_view(), name="regencies"),
    path("kabupaten/<int:regency_id>/", views.RegencyRulesView.as_view(), name="regency_rules"),
    path(
        "kabupaten/<int:regency_id>/klasifikasi/tambah/",
        views.ClassificationCreateView.as_view(),
        name="classification_create",
    ),
    path(
        "klasifikasi/<int:classification_id>/ubah/",
        views.ClassificationEditView.as_view(),
        name="classification_edit",
    ),
    path(
        "klasifikasi/<int:classification_id>/hapus/",
        views.ClassificationDeleteView.as_view(),
        name="classification_delete",
    ),
]
