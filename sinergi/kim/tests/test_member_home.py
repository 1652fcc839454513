"""The member's home (/kim/), notifications and the dissemination log."""

import datetime as dt
import io

import pytest
from django.test import Client
from django_scopes import scope
from PIL import Image

from sinergi.kim.models import Activity, Notification
from sinergi.kim.tests.conftest import write_report
from sinergi.kim.tests.member_helpers import jpeg, photo, text_of
from sinergi.kim.workflow import do_transition

pytestmark = pytest.mark.django_db


def test_home_groups_the_reports_by_state(member_client, member, operator):
    write_report(member, title="Draf tentang posyandu balita")
    sent = do_transition(write_report(member, title="Laporan panen padi"), "submit", by=member.user)
    revise = do_transition(write_report(member, title="Laporan rapat RT"), "submit", by=member.user)
    do_transition(revise, "request_revision", by=operator, comment="Lengkapi")
    rejected = do_transition(write_report(member, title="Laporan ditolak"), "submit", by=member.user)
    do_transition(rejected, "reject", by=operator, comment="Bukan berita desa")

    page = text_of(member_client.get("/kim/"))

    order = [
        page.index(label)
        for label in ("Draf (1)", "Menunggu Verifikasi (1)", "Perlu Revisi (1)", "Ditolak (1)")
    ]
    assert order == sorted(order)
    assert "Draf tentang posyandu balita" in page and "Laporan panen padi" in page
    assert "Diterbitkan (" not in page  # empty groups are left out
    assert "Kirim Berita" in page
    assert sent.submitted_at is not None


def test_notifications_are_listed_and_marked_read(
    member_client, member, operator, django_capture_on_commit_callbacks
):
    report = do_transition(write_report(member), "submit", by=member.user)
    with django_capture_on_commit_callbacks(execute=True):
        do_transition(report, "request_revision", by=operator, comment="Tambahkan foto")

    home = member_client.get("/kim/").content.decode()
    assert "perlu revisi" in home and "Notifikasi baru" in home
    page = member_client.get("/kim/notifikasi/")
    assert "perlu revisi. Catatan desa: Tambahkan foto" in text_of(page)
    assert f'href="/kim/laporan/{report.pk}/"' in page.content.decode()

    with scope(village=member.village):
        notification = Notification.objects.get(user=member.user)
    member_client.post("/kim/notifikasi/baca/", {"id": notification.pk})
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "Tandai semua sudah dibaca" not in member_client.get("/kim/notifikasi/").content.decode()


def test_marking_read_touches_only_ones_own_notifications(
    member_client, member, lead, operator, django_capture_on_commit_callbacks
):
    report = do_transition(write_report(lead), "submit", by=lead.user)
    with django_capture_on_commit_callbacks(execute=True):
        do_transition(report, "reject", by=operator, comment="x")
    member_client.post("/kim/notifikasi/baca/")
    with scope(village=member.village):
        assert Notification.objects.get(user=lead.user).read_at is None


def test_an_activity_is_logged_with_cleaned_photos(member_client, member):
    response = member_client.post(
        "/kim/kegiatan/",
        {
            "kind": "diseminasi",
            "date": "2025-08-17",
            "place": "Balai Desa Sebuntal",
            "people_reached": "45",
            "description": "Sosialisasi jadwal posyandu.",
            "photos": [photo("kegiatan.jpg", jpeg(gps=True))],
        },
    )
    assert response.status_code == 302
    with scope(village=member.village):
        activity = Activity.objects.get()
        stored = activity.photos.get()
    assert activity.kim == member.kim and activity.recorded_by == member
    assert activity.people_reached == 45 and activity.date == dt.date(2025, 8, 17)
    stored.file.open("rb")
    content = stored.file.read()
    assert b"KameraRahasia" not in content and not Image.open(io.BytesIO(content)).getexif()
    page = member_client.get("/kim/kegiatan/")
    assert "Balai Desa Sebuntal" in text_of(page)
    assert member_client.get(f"/kim/kegiatan/foto/{stored.pk}/").status_code == 200


def test_an_activity_with_a_bad_photo_or_too_many_is_not_saved(member_client, member):
    data = {
        "kind": "diskusi",
        "date": "2025-08-17",
        "place": "Masjid",
        "people_reached": "10",
        "description": "Diskusi.",
    }
    response = member_client.post("/kim/kegiatan/", {**data, "photos": [photo("rusak.jpg", b"bukan foto")]})
    assert "rusak.jpg" in text_of(response) and "Masjid" in response.content.decode()
    response = member_client.post("/kim/kegiatan/", {**data, "photos": [photo(f"{n}.jpg") for n in range(6)]})
    assert "Maksimal 5 foto" in text_of(response)
    with scope(village=member.village):
        assert not Activity.objects.exists()


def test_activity_photos_of_another_kim_are_not_served(member_client, other_member):
    other = Client()
    other.force_login(other_member.user)
    other.post(
        "/kim/kegiatan/",
        {"kind": "diskusi", "date": "2025-08-17", "place": "Balai", "people_reached": "3", "description": "x",
         "photos": [photo()]},
    )  # fmt: skip
    with scope(village=other_member.village):
        stored = Activity.objects.get().photos.get()
    assert member_client.get(f"/kim/kegiatan/foto/{stored.pk}/").status_code == 404
