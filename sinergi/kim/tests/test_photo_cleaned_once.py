"""Each uploaded photo is decoded and re-encoded once per send, and nothing uncleaned is ever stored.

`sinergi.core.images._reencode` is the step that decodes a whole photo and writes the clean copy;
clean_image looks it up at call time, so wrapping it counts every full decode, whoever asked for it.
"""

import io
import uuid
from unittest import mock

import pytest
from django_scopes import scope
from PIL import Image

from sinergi.core import images
from sinergi.core.images import CleanPhoto
from sinergi.kim.models import Activity
from sinergi.kim.photos import clean_photo
from sinergi.kim.services import save_report
from sinergi.kim.tests.member_helpers import NEW_REPORT, jpeg, photo, report_data, reports_of, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def reencode():
    with mock.patch.object(images, "_reencode", wraps=images._reencode) as wrapped:
        yield wrapped


def decoded(reencode) -> list[str]:
    """The names of the photos decoded and re-encoded, one entry a decode."""
    return [call.args[0].name for call in reencode.call_args_list]


def stored_bytes(stored) -> bytes:
    stored.file.open("rb")
    try:
        return stored.file.read()
    finally:
        stored.file.close()


def test_each_photo_of_a_report_send_is_decoded_once(member_client, member, reencode):
    names = ["satu.jpg", "dua.jpg", "tiga.jpg"]
    response = member_client.post(
        NEW_REPORT, {**report_data(), "photos": [photo(n, jpeg(gps=True)) for n in names]}
    )

    assert response.status_code == 302
    assert decoded(reencode) == names
    [report] = reports_of(member)
    stored = list(report.photos.all())
    assert len(stored) == 3
    for item in stored:
        content = stored_bytes(item)
        assert b"KameraRahasia" not in content and not Image.open(io.BytesIO(content)).getexif()


def test_a_refused_photo_is_named_in_indonesian_and_the_others_are_decoded_once_and_kept(
    member_client, member, reencode
):
    response = member_client.post(
        NEW_REPORT, {**report_data(), "photos": [photo("baik.jpg"), photo("rusak.jpg", b"bukan gambar")]}
    )

    assert response.status_code == 200  # the form again, the report saved as a draft
    assert "rusak.jpg bukan foto yang bisa dibaca. Gunakan JPG, PNG atau WebP." in text_of(response)
    assert decoded(reencode) == ["baik.jpg"]  # the unreadable one never got as far as decoding
    assert len(reports_of(member)[0].photos.all()) == 1


def test_each_photo_of_an_activity_is_decoded_once(member_client, member, reencode):
    data = {
        "kind": "diseminasi",
        "date": "2025-08-17",
        "place": "Balai Desa Sebuntal",
        "people_reached": "45",
        "description": "Sosialisasi jadwal posyandu.",
        "photos": [photo("kegiatan-1.jpg"), photo("kegiatan-2.jpg", jpeg(90, 60))],
    }
    assert member_client.post("/kim/kegiatan/", data).status_code == 302
    assert decoded(reencode) == ["kegiatan-1.jpg", "kegiatan-2.jpg"]
    with scope(village=member.village):
        stored = sorted((p.width, p.height, p.format) for p in Activity.objects.get().photos.all())
    assert stored == [(64, 48, "JPEG"), (90, 60, "JPEG")]


def test_save_report_cleans_a_raw_upload_itself(member, reencode):
    original = jpeg(gps=True)
    upload = photo("langsung.jpg", original)
    report = save_report(
        member, client_key=uuid.uuid4(), fields={"title": "Langsung"}, photos=[upload]
    ).report

    assert decoded(reencode) == ["langsung.jpg"]
    with scope(village=member.village):
        content = stored_bytes(report.photos.get())
    assert content != original
    assert b"KameraRahasia" not in content and not Image.open(io.BytesIO(content)).getexif()


def test_save_report_stores_an_already_cleaned_photo_without_decoding_it_again(member, reencode):
    cleaned = clean_photo(photo("sudah-bersih.jpg", jpeg(gps=True)))
    assert isinstance(cleaned, CleanPhoto)
    expected = cleaned.content.read()
    report = save_report(
        member, client_key=uuid.uuid4(), fields={"title": "Sudah bersih"}, photos=[cleaned]
    ).report

    assert decoded(reencode) == ["sudah-bersih.jpg"]  # clean_photo's own decode, no second one
    with scope(village=member.village):
        stored = report.photos.get()
    assert stored_bytes(stored) == expected
    assert (stored.format, stored.width, stored.height) == (cleaned.format, cleaned.width, cleaned.height)
