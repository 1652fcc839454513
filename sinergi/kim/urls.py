"""Member-facing KIM pages (the newsroom on the phone), under /kim/."""

from django.urls import path

from sinergi.kim import views

app_name = "kim"
urlpatterns = [
    path("", views.home, name="home"),
    path("masuk/", views.login_view, name="login"),
    path("keluar/", views.logout_view, name="logout"),
    path("sandi/", views.password_change, name="password"),
    path("undangan/", views.invitation_code, name="invitation_code"),
    path("undangan/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("notifikasi/", views.notifications, name="notifications"),
    path("notifikasi/baca/", views.notifications_read, name="notifications_read"),
    path("laporan/baru/", views.report_new, name="report_new"),
    path("laporan/<int:pk>/", views.report_detail, name="report_detail"),
    path("laporan/<int:pk>/ubah/", views.report_edit, name="report_edit"),
    path("laporan/<int:pk>/foto/<int:photo_pk>/", views.report_photo, name="report_photo"),
    path("petunjuk/", views.hints, name="hints"),
    path("kegiatan/", views.activities, name="activities"),
    path("kegiatan/foto/<int:pk>/", views.activity_photo, name="activity_photo"),
    path("anggota/", views.members, name="members"),
    path("anggota/baru/", views.member_add, name="member_add"),
    path("anggota/<int:pk>/undang/", views.member_invite, name="member_invite"),
    path("sw.js", views.service_worker, name="service_worker"),
]
