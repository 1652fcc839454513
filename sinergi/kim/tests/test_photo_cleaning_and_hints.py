import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sinergi.core.tests.helpers import bomb_png_bytes
from sinergi.kim.photos import clean_photo
from sinergi.kim.services import writing_hints


def test_a_truncated_jpeg_is_refused_with_its_name_not_a_crash():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 30, 30)).save(buffer, "JPEG")
    truncated = buffer.getvalue()[: len(buffer.getvalue()) // 2]
    with pytest.raises(ValidationError) as info:
        clean_photo(SimpleUploadedFile("posyandu.jpg", truncated))
    assert "posyandu.jpg bukan foto yang bisa dibaca" in " ".join(info.value.messages)


def test_the_who_hint_sees_a_capitalised_word_at_the_start_of_a_sentence():
    hints = {h.key: h.ok for h in writing_hints("Judul", "Warga datang ke balai.", 0)}
    assert hints["who"] is True


def _two_colour_jpeg(size, exif=None) -> bytes:
    """Red on the left half, blue on the right: what a resize or a wrong rotation would move."""
    image = Image.new("RGB", size, (20, 40, 200))
    image.paste((210, 30, 30), (0, 0, size[0] // 2, size[1]))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, **({"exif": exif} if exif is not None else {}))
    return buffer.getvalue()


def test_a_phone_camera_photo_is_stored_at_2000_pixels_with_its_picture_intact():
    photo = clean_photo(SimpleUploadedFile("kamera.jpg", _two_colour_jpeg((4000, 3000))))
    stored = Image.open(photo.content)
    assert (photo.width, photo.height) == stored.size == (2000, 1500)
    red, blue = stored.getpixel((500, 750)), stored.getpixel((1500, 750))
    assert red[0] > 180 and red[2] < 60 and blue[2] > 170 and blue[0] < 60


def test_a_photo_taken_upright_stays_upright_and_a_small_one_is_not_enlarged():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera stored it lying down; turn 90° clockwise to show it
    photo = clean_photo(SimpleUploadedFile("tegak.jpg", _two_colour_jpeg((3000, 2000), exif)))
    stored = Image.open(photo.content)
    assert stored.size == (1333, 2000)  # upright, longest side 2000
    top, bottom = stored.getpixel((666, 300)), stored.getpixel((666, 1700))
    assert top[0] > 180 and bottom[2] > 170  # the left (red) half is now on top
    assert not stored.getexif()

    small = clean_photo(SimpleUploadedFile("kecil.jpg", _two_colour_jpeg((640, 480))))
    assert (small.width, small.height) == (640, 480)


def test_a_photo_far_above_the_pixel_limit_is_called_too_large_not_unreadable(settings):
    """20000 x 20000 pixels: Pillow refuses it on open (decompression bomb); the member must read why."""
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
    with pytest.raises(ValidationError) as info:
        clean_photo(SimpleUploadedFile("spanduk.png", bomb_png_bytes(20_000, 20_000)))
    message = " ".join(info.value.messages)
    assert "Foto spanduk.png terlalu besar: lebih dari 40 juta piksel." in message
    assert "bukan foto yang bisa dibaca" not in message
    assert info.value.error_list[0].code == "too_many_pixels"
