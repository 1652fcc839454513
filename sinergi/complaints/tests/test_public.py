"""The citizen's side: the form, the receipt, tracking, the public list, the case page, photos, feed."""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_scopes import scope
from PIL import Image

from sinergi.casework.guard import started_token
from sinergi.casework.tracking import display_code
from sinergi.complaints.models import Complaint, ComplaintPhoto
from sinergi.complaints.tests.factories import category, make_case, page_of
from sinergi.kim.tests.member_helpers import jpeg

pytestmark = pytest.mark.django_db
S = Complaint.State


@pytest.fixture(autouse=True)
def _fast_form(settings):
    settings.CASEWORK_MIN_FILL_SECONDS = 0


def form_data(village, **extra):
    return {
        "kind": "pengaduan",
        "category": str(category(village).pk),
        "title": "Gorong-gorong di RT 05 tersumbat",
        "description": "Setiap hujan air meluap ke jalan dan rumah warga.",
        "location_text": "RT 05 depan masjid",
        "latitude": "",
        "longitude": "",
        "name": "Siti Aminah",
        "email": "siti@contoh.id",
        "phone": "",
        "may_publish": "on",
        "mulai": started_token(),
        "situs_web": "",
        **extra,
    }


def url(village, name="", *args):
    page = page_of(village)
    return page.url + (page.reverse_subpage(name, args=args) if name else "")


def send(client, village, **extra):
    return client.post(url(village, "new"), form_data(village, **extra))


def test_a_complaint_is_numbered_tracked_and_acknowledged(
    client, sebuntal, operator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, sebuntal)
    assert response.status_code == 302
    with scope(village=sebuntal.pk):
        case = Complaint.objects.get()
    assert case.reference.endswith(f"/ADU-SBT/{case.year}") and len(case.tracking_code) == 12
    assert case.verify_due and case.reply_due and case.verify_due < case.reply_due
    receipt = client.get(response["Location"])
    body = receipt.content.decode()
    assert display_code(case.tracking_code) in body and case.reference in body
    assert "private" in receipt["Cache-Control"]
    to_citizen = [m for m in mail.outbox if m.to == ["siti@contoh.id"]]
    assert to_citizen and display_code(case.tracking_code) in to_citizen[0].body
    assert "Siti" not in to_citizen[0].body  # no personal data in the e-mail
    assert any(m.to == [operator.email] for m in mail.outbox)


def test_the_form_needs_no_javascript_and_keeps_what_was_typed_on_error(client, sebuntal):
    page = client.get(url(sebuntal, "new")).content.decode()
    assert "<script>" not in page and 'enctype="multipart/form-data"' in page
    response = send(client, sebuntal, title="", latitude="9.5", longitude="117.1")
    body = response.content.decode()
    assert response.status_code == 200
    assert "di luar wilayah kabupaten" in body
    assert "Setiap hujan air meluap" in body  # what was typed stays
    with scope(village=sebuntal.pk):
        assert not Complaint.objects.exists()


def test_a_point_inside_the_regency_is_kept_and_shown_as_a_map_link(client, sebuntal):
    send(client, sebuntal, latitude="0.0712", longitude="117.4501")
    with scope(village=sebuntal.pk):
        case = Complaint.objects.get()
    assert str(case.latitude) == "0.071200" and "openstreetmap.org" in case.map_url


def test_photos_lose_their_metadata_and_are_public_only_with_the_case(client, sebuntal, operator):
    photo = SimpleUploadedFile("gorong.jpg", jpeg(gps=True), content_type="image/jpeg")
    data = form_data(sebuntal, photos=photo)
    assert client.post(url(sebuntal, "new"), data).status_code == 302
    with scope(village=sebuntal.pk):
        case = Complaint.objects.get()
        stored = ComplaintPhoto.objects.get(complaint=case)
    photo_url = url(sebuntal, "photo", case.year, case.number, stored.pk)
    assert client.get(photo_url).status_code == 404  # not verified yet: not public
    from sinergi.complaints.workflow import act

    act(case, "verify", roles={"operator"})
    response = Client().get(photo_url)
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    content = b"".join(response.streaming_content)
    image = Image.open(io.BytesIO(content))
    assert not image.getexif() and b"KameraRahasia" not in content


def test_too_many_photos_or_a_fake_photo_is_refused_with_a_message(client, sebuntal):
    photos = [SimpleUploadedFile(f"f{n}.jpg", jpeg(), content_type="image/jpeg") for n in range(4)]
    response = client.post(url(sebuntal, "new"), {**form_data(sebuntal), "photos": photos})
    assert "Maksimal 3 foto" in response.content.decode()
    fake = SimpleUploadedFile("x.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    response = client.post(url(sebuntal, "new"), {**form_data(sebuntal), "photos": fake})
    assert "bukan foto yang bisa dibaca" in response.content.decode()


def test_gambling_spam_is_held_never_public_and_stays_for_the_operator(client, sebuntal):
    send(
        client,
        sebuntal,
        title="Slot gacor maxwin hari ini",
        description="Daftar di situs g4c0r, deposit pulsa.",
    )
    with scope(village=sebuntal.pk):
        case = Complaint.objects.get()
    assert case.held and "judi_online" in case.held_reason
    from sinergi.complaints.workflow import act

    act(case, "verify", roles={"operator"})  # even verified, a held case is not public
    assert "Slot gacor" not in client.get(url(sebuntal)).content.decode()
    assert client.get(url(sebuntal, "case", case.year, case.number)).status_code == 404


def test_a_bot_filling_the_honeypot_is_held(client, sebuntal):
    send(client, sebuntal, situs_web="http://spam.example")
    with scope(village=sebuntal.pk):
        assert Complaint.objects.get().held_reason.startswith("honeypot")


def test_the_rate_limit_refuses_and_keeps_the_text(client, sebuntal, settings):
    settings.CASEWORK_SUBMISSIONS_PER_HOUR = {"complaint": 2}
    for _n in range(2):
        assert send(client, sebuntal).status_code == 302
    response = send(client, sebuntal, description="Teks ketiga yang tidak boleh hilang.")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Terlalu banyak kiriman" in body and "Teks ketiga yang tidak boleh hilang." in body
    with scope(village=sebuntal.pk):
        assert Complaint.objects.count() == 2


def test_the_public_list_shows_only_allowed_and_accepted_cases_without_hidden_names(client, sebuntal):
    make_case(sebuntal, "Jembatan RT 2 patah", state=S.VERIFIED, name="Rahasia Nama")
    make_case(sebuntal, "Bantuan beras terlambat", state=S.IN_PROGRESS, name="Ani", show_name=True)
    make_case(sebuntal, "Belum diperiksa")
    make_case(sebuntal, "Tidak boleh tampil", state=S.VERIFIED, may_publish=False)
    make_case(sebuntal, "Ditolak desa", state=S.REJECTED)
    body = client.get(url(sebuntal)).content.decode()
    assert "Jembatan RT 2 patah" in body and "Bantuan beras terlambat" in body and "Ani" in body
    for hidden in ("Belum diperiksa", "Tidak boleh tampil", "Ditolak desa", "Rahasia Nama"):
        assert hidden not in body


def test_the_list_filters_by_category_and_status(client, sebuntal):
    make_case(sebuntal, "Jalan rusak", state=S.VERIFIED)
    make_case(sebuntal, "Puskesmas tutup", state=S.RESOLVED, category_slug="kesehatan")
    body = client.get(url(sebuntal), {"kategori": "kesehatan"}).content.decode()
    assert "Puskesmas tutup" in body and "Jalan rusak" not in body
    body = client.get(url(sebuntal), {"status": "diverifikasi"}).content.decode()
    assert "Jalan rusak" in body and "Puskesmas tutup" not in body


def test_the_feed_lists_public_cases(client, sebuntal):
    make_case(sebuntal, "Jalan rusak di RT 7", state=S.VERIFIED)
    make_case(sebuntal, "Masih menunggu")
    response = client.get(url(sebuntal, "feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "Jalan rusak di RT 7" in body and "Masih menunggu" not in body


def test_public_pages_use_a_fixed_number_of_queries(
    client, sebuntal, settings, django_assert_max_num_queries
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # count what rendering costs, not the cache
    make_case(sebuntal, "Pertama", state=S.VERIFIED)
    first = make_case(sebuntal, "Kedua", state=S.IN_PROGRESS)
    client.get(url(sebuntal))  # categories stored, caches warm
    counts = {}
    for label, target in (
        ("list", url(sebuntal)),
        ("case", url(sebuntal, "case", first.year, first.number)),
        ("form", url(sebuntal, "new")),
        ("feed", url(sebuntal, "feed")),
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(target).status_code == 200
        counts[label] = len(queries)
    for n in range(15):
        make_case(sebuntal, f"Tambahan {n}", state=S.IN_PROGRESS, photos=(), show_name=True)
    for label, target in (
        ("list", url(sebuntal)),
        ("case", url(sebuntal, "case", first.year, first.number)),
        ("form", url(sebuntal, "new")),
        ("feed", url(sebuntal, "feed")),
    ):
        with django_assert_max_num_queries(counts[label]):
            assert client.get(target).status_code == 200
    assert max(counts.values()) <= 25, counts


def test_tracking_shows_the_whole_timeline_and_lets_the_citizen_act(client, sebuntal):
    case = make_case(sebuntal, state=S.RESOLVED)
    track = url(sebuntal, "track", case.tracking_code)
    body = client.get(track).content.decode()
    assert "Tanggapan follow_up" in body and "Tanggapan resolve" in body
    assert client.post(track, {"tindakan": "reopen", "comment": "Masih meluap kemarin."}).status_code == 302
    with scope(village=sebuntal.pk):
        fresh = Complaint.objects.get(pk=case.pk)
    assert fresh.state == S.IN_PROGRESS
    assert client.post(track, {"tindakan": "add_info", "comment": "Foto menyusul."}).status_code == 302
    body = client.get(track).content.decode()
    assert "Masih meluap kemarin." in body and "Foto menyusul." in body
    # The operator's transitions are not the citizen's to take.
    client.post(track, {"tindakan": "resolve", "comment": "x"})
    with scope(village=sebuntal.pk):
        assert Complaint.objects.get(pk=case.pk).state == S.IN_PROGRESS


def test_typed_codes_are_forgiving_and_unknown_ones_get_a_kind_404_then_a_limit(client, sebuntal):
    case = make_case(sebuntal)
    typed = display_code(case.tracking_code).lower().replace("-", " ")
    response = client.get(url(sebuntal, "track_form"), {"kode": typed})
    assert response.status_code == 302 and case.tracking_code in response["Location"]
    missing = client.get(url(sebuntal, "track", "0000000000ZZ"))
    assert missing.status_code == 404 and "tidak menemukan" in missing.content.decode()
    for _n in range(25):
        client.get(url(sebuntal, "track", "0000000000ZZ"))
    assert client.get(url(sebuntal, "track", case.tracking_code)).status_code == 429


def test_a_code_of_another_village_is_not_found_here(client, sebuntal, santan_ulu):
    case = make_case(santan_ulu)
    assert client.get(url(sebuntal, "track", case.tracking_code)).status_code == 404


def test_the_merged_citizen_follows_the_surviving_case(client, sebuntal):
    from sinergi.complaints.workflow import act

    survivor = make_case(sebuntal, "Jalan poros berlubang", state=S.IN_PROGRESS)
    duplicate = make_case(sebuntal, "Lubang di jalan poros")
    act(duplicate, "merge", roles={"operator"}, into=survivor)
    body = client.get(url(sebuntal, "track", duplicate.tracking_code)).content.decode()
    assert survivor.reference in body and "Tanggapan follow_up" in body


def test_saya_juga_counts_once_per_browser(client, sebuntal):
    case = make_case(sebuntal, state=S.VERIFIED)
    target = url(sebuntal, "affected", case.year, case.number)
    client.post(target)
    client.post(target)
    Client().post(target)
    with scope(village=sebuntal.pk):
        assert Complaint.objects.get(pk=case.pk).affected_count == 2
    hidden = make_case(sebuntal, "Belum publik")
    assert client.post(url(sebuntal, "affected", hidden.year, hidden.number)).status_code == 404


def test_form_and_tracking_pages_never_come_from_the_shared_cache(sebuntal, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    case = make_case(sebuntal, state=S.VERIFIED)
    tokens = set()
    for _n in range(2):
        body = Client().get(url(sebuntal, "new")).content.decode()
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1))
    assert len(tokens) == 2
    first = Client().get(url(sebuntal, "track", case.tracking_code))
    assert "private" in first["Cache-Control"]
    case_page = Client().get(url(sebuntal, "case", case.year, case.number))
    assert "private" in case_page["Cache-Control"]


def test_hostile_text_is_shown_as_text(client, sebuntal):
    hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    case = make_case(sebuntal, hostile, state=S.VERIFIED, description=hostile, location_text=hostile)
    for target in (
        url(sebuntal),
        url(sebuntal, "case", case.year, case.number),
        url(sebuntal, "track", case.tracking_code),
    ):
        body = client.get(target).content.decode()
        assert "<script>alert" not in body and "<img src=x" not in body
        assert "&lt;script&gt;" in body
