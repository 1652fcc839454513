"""No image published by Sinergi says where it was taken or with which camera.

An operator's phone photo carries GPS coordinates and the camera's make and model in its EXIF, and
Wagtail's JPEG and WebP renditions copy the original's EXIF. So every original is stored cleaned
(sinergi.core.images), whichever door it came through, and so is every rendition the public
templates ask for.
"""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from sinergi.core.tests import helpers as h

pytestmark = pytest.mark.django_db

Image = get_image_model()

MAKE, MODEL, ORIENTATION, GPS_IFD = 0x010F, 0x0110, 0x0112, 0x8825
# Every filter spec a public template or the rich-text image format uses (grep `{% image`,
# `srcset_image` and the "fullwidth" embed format in sinergi/).
PUBLIC_SPECS = [
    "fill-1200x630|format-jpeg",  # og:image (base.html)
    "width-480|format-webp",  # news page main image srcset
    "width-960|format-webp",
    "width-1280|format-webp",
    "width-800",  # "fullwidth" image embedded in article text (KIM articles' other photos)
    "fill-400x267|format-webp",  # cards, gallery
    "fill-160x200|format-webp",  # village head
    "fill-120x150|format-webp",  # officials
    "fill-96x96|format-webp",  # logo
]


def phone_photo(fmt="JPEG") -> bytes:
    """A landscape picture (red left half, blue right) the phone stored lying down, with GPS and camera."""
    picture = PILImage.new("RGB", (600, 400), (20, 40, 200))
    picture.paste((210, 30, 30), (0, 0, 300, 400))
    exif = PILImage.Exif()
    exif[MAKE] = "KameraRahasia"
    exif[MODEL] = "ModelRahasia X1"
    exif[ORIENTATION] = 6  # turn 90° clockwise to show it upright: the red half on top
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (0.0, 30.0, 15.5), 3: "E", 4: (117.0, 10.0, 0.0)})
    buffer = io.BytesIO()
    picture.save(buffer, fmt, exif=exif)
    return buffer.getvalue()


def leaks(content: bytes) -> list[str]:
    """What of the phone's metadata the stored bytes still carry."""
    found = [marker for marker in ("KameraRahasia", "ModelRahasia") if marker.encode() in content]
    with PILImage.open(io.BytesIO(content)) as stored:
        exif = stored.getexif()
        found += [name for tag, name in ((MAKE, "Make"), (MODEL, "Model")) if tag in exif]
        if exif.get_ifd(GPS_IFD) or GPS_IFD in exif:
            found.append("GPS")
    return found


def read(field_file) -> bytes:
    with field_file.storage.open(field_file.name, "rb") as f:
        return f.read()


def upload_through(door, client, collection_id, content, name="dari-hp.jpg") -> None:
    upload = h.upload(name, content)
    if door == "multiple":  # the admin's "Tambah gambar" page
        response = client.post(
            reverse("wagtailimages:add_multiple"), {"collection": collection_id, "files[]": upload}
        )
        assert json.loads(response.content)["success"], response.content
    elif door == "chooser":  # the upload tab of the image chooser in the page editor
        data = {
            "image-chooser-upload-title": "Dari HP",
            "image-chooser-upload-collection": collection_id,
            "image-chooser-upload-file": upload,
        }
        response = client.post(reverse("wagtailimages_chooser:create"), data)
        assert json.loads(response.content)["step"] == "chosen", response.content
    else:
        data = {"title": "Dari HP", "collection": collection_id, "file": upload}
        assert client.post(reverse("wagtailimages:add"), data).status_code == 302


@pytest.mark.parametrize("door", ["multiple", "chooser", "form"])
def test_a_phone_photo_uploaded_in_the_admin_publishes_no_location_or_camera_in_any_size(
    operator_client, sebuntal, door
):
    upload_through(door, operator_client, sebuntal.collection_id, phone_photo())

    image = Image.objects.get(collection=sebuntal.collection)
    original = read(image.file)
    assert leaks(original) == []
    with PILImage.open(io.BytesIO(original)) as stored:
        assert stored.size == (image.width, image.height) == (400, 600)  # upright
        assert stored.getpixel((200, 100))[0] > 180  # the red half is on top
        assert stored.getpixel((200, 500))[2] > 170
    assert image.file_size == len(original)  # what the admin shows is the stored file
    for spec in PUBLIC_SPECS:
        rendition = image.get_rendition(spec)
        assert leaks(read(rendition.file)) == [], spec
        assert rendition.height >= rendition.width or spec.startswith("fill"), spec  # upright too


def test_a_png_keeps_its_transparency_and_loses_its_metadata(operator_client, sebuntal):
    logo = PILImage.new("RGBA", (40, 40), (0, 0, 0, 0))
    logo.paste((200, 0, 0, 255), (10, 10, 30, 30))
    exif = PILImage.Exif()
    exif[MAKE] = "KameraRahasia"
    buffer = io.BytesIO()
    logo.save(buffer, "PNG", exif=exif)

    upload_through("multiple", operator_client, sebuntal.collection_id, buffer.getvalue(), "logo.png")

    stored = read(Image.objects.get(collection=sebuntal.collection).file)
    assert leaks(stored) == []
    with PILImage.open(io.BytesIO(stored)) as image:
        assert image.format == "PNG" and image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0 and image.getpixel((20, 20)) == (200, 0, 0, 255)


def test_an_image_saved_by_code_is_cleaned_too(sebuntal):
    """The demo loader and the KIM article copy save files without a form: the model cleans them."""
    image = Image(title="Dari kode", collection=sebuntal.collection)
    image.file.save("kode.jpg", ContentFile(phone_photo()), save=False)
    image.save()

    assert leaks(read(image.file)) == []
    assert (image.width, image.height) == (400, 600)


def test_a_decompression_bomb_is_still_refused_with_a_clear_message(operator_client, sebuntal):
    response = operator_client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": sebuntal.collection_id, "files[]": h.upload("bom.png", h.bomb_png_bytes(8000, 8000))},
    )

    payload = json.loads(response.content)
    assert not payload["success"]
    assert "Gambar terlalu besar" in payload["error_message"]
    assert not Image.objects.filter(collection=sebuntal.collection).exists()


def test_deleting_an_image_deletes_its_file_and_its_renditions(sebuntal, django_capture_on_commit_callbacks):
    image = Image(title="Sementara", collection=sebuntal.collection)
    image.file.save("sementara.jpg", ContentFile(phone_photo()), save=False)
    image.save()
    rendition = image.get_rendition("width-800")
    storage, names = image.file.storage, [image.file.name, rendition.file.name]
    assert all(storage.exists(name) for name in names)

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert [name for name in names if storage.exists(name)] == []


def test_an_image_stored_before_cleaning_is_cleaned_by_the_command_with_its_renditions(
    sebuntal, django_capture_on_commit_callbacks
):
    old_name = default_storage.save("original_images/lama.jpg", ContentFile(phone_photo()))
    # As an older version stored it: a name given as it is is a file already stored, not cleaned.
    image = Image.objects.create(
        title="Lama", collection=sebuntal.collection, file=old_name, width=600, height=400
    )
    old_rendition = image.get_rendition("width-800")
    assert leaks(read(old_rendition.file)) != []

    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_image_metadata", stdout=io.StringIO())

    image.refresh_from_db()
    assert leaks(read(image.file)) == [] and (image.width, image.height) == (400, 600)
    assert not image.file.storage.exists(old_name)
    assert not image.file.storage.exists(old_rendition.file.name)
    assert leaks(read(image.get_rendition("width-800").file)) == []
