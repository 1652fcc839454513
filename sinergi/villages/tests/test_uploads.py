"""Uploads through the Wagtail admin refuse what is not a safe image or document, and lose nothing.

Every way the admin accepts a file is tried: the single upload form, the multiple uploader (what
operators normally use) and the upload tab of the chooser opened from a page editor. The admin
speaks Indonesian (LANGUAGE_CODE "id-id"): image messages are Sinergi's own (sinergi.core.forms),
document extension messages are Django's Indonesian translation.
"""

import functools
import html
import io
import json
import re
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from sinergi.core.tests import helpers as h

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()

ERROR_PARAGRAPH = re.compile(r'class="error-message"[^>]*>(.*?)</p>', re.S)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # The persona fixtures hash a password; the production hasher costs ~0.3 s per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return tmp_path


@functools.cache
def _bomb(width, height):
    return h.bomb_png_bytes(width, height)


# --------------------------------------------------------------------------- the three upload doors


@dataclass
class Outcome:
    status: int
    accepted: bool
    errors: str  # the text of the form errors shown to the operator, "" when none


def _errors_in(markup: str) -> str:
    return " ".join(html.unescape(m).strip() for m in ERROR_PARAGRAPH.findall(markup))


def _post_form(client, url_name, prefix, name, content, collection_id, *, title="Unggahan"):
    data = {
        f"{prefix}title": title,
        f"{prefix}collection": collection_id,
        f"{prefix}file": h.upload(name, content),
    }
    response = client.post(reverse(url_name), data)
    if response.status_code == 302:
        return Outcome(302, True, "")
    if response["Content-Type"].startswith("application/json"):  # chooser modal
        payload = json.loads(response.content)
        accepted = payload.get("step") != "reshow_creation_form"
        return Outcome(response.status_code, accepted, _errors_in(payload.get("htmlFragment", "")))
    return Outcome(response.status_code, False, _errors_in(response.content.decode()))


def _post_multiple(client, url_name, name, content, collection_id):
    response = client.post(
        reverse(url_name), {"collection": collection_id, "files[]": h.upload(name, content)}
    )
    if response.status_code != 200:
        return Outcome(response.status_code, False, "")
    payload = json.loads(response.content)
    return Outcome(200, bool(payload.get("success")), payload.get("error_message", ""))


IMAGE_DOORS = {
    "form": lambda c, n, b, col: _post_form(c, "wagtailimages:add", "", n, b, col),
    "multiple": lambda c, n, b, col: _post_multiple(c, "wagtailimages:add_multiple", n, b, col),
    "chooser": lambda c, n, b, col: _post_form(
        c, "wagtailimages_chooser:create", "image-chooser-upload-", n, b, col
    ),
}
DOCUMENT_DOORS = {
    "form": lambda c, n, b, col: _post_form(c, "wagtaildocs:add", "", n, b, col),
    "multiple": lambda c, n, b, col: _post_multiple(c, "wagtaildocs:add_multiple", n, b, col),
    "chooser": lambda c, n, b, col: _post_form(
        c, "wagtaildocs_chooser:create", "document-chooser-upload-", n, b, col
    ),
}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def existing_image(sebuntal):
    content = h.png_bytes(16, 12, colour=(200, 30, 30))
    image = Image.objects.create(
        title="Kantor Desa Sebuntal",
        file=ImageFile(ContentFile(content), name="kantor-desa.png"),
        collection=sebuntal.collection,
    )
    return image, _read(image.file)  # what is stored: the upload re-encoded without metadata


@pytest.fixture
def existing_document(sebuntal):
    document = Document.objects.create(
        title="APBDes Sebuntal 2025",
        file=ContentFile(h.PDF_BYTES, name="apbdes-2025.pdf"),
        collection=sebuntal.collection,
    )
    return document, h.PDF_BYTES


def _read(field_file) -> bytes:
    with field_file.storage.open(field_file.name, "rb") as f:
        return f.read()


def _stored_files(media_root):
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- images


@pytest.mark.parametrize("door", IMAGE_DOORS)
def test_operator_can_upload_an_image_into_their_village_collection(operator_client, sebuntal, door):
    before = Image.objects.filter(collection=sebuntal.collection).count()
    colour = {"form": (10, 60, 10), "multiple": (10, 10, 60), "chooser": (60, 10, 10)}[door]

    outcome = IMAGE_DOORS[door](
        operator_client, "balai.png", h.png_bytes(colour=colour), sebuntal.collection_id
    )

    assert outcome.accepted, outcome
    assert Image.objects.filter(collection=sebuntal.collection).count() == before + 1


NOT_AN_IMAGE = {
    "php-renamed-jpg": ("shell.jpg", h.PHP_BYTES),
    "html-renamed-jpg": ("halaman.jpg", h.HTML_BYTES),
    "html-renamed-png": ("halaman.png", h.HTML_BYTES),
}


@pytest.mark.parametrize("door", IMAGE_DOORS)
@pytest.mark.parametrize("case", NOT_AN_IMAGE)
def test_it_refuses_a_file_that_is_not_an_image(operator_client, sebuntal, media, case, door):
    name, content = NOT_AN_IMAGE[case]
    files_before = _stored_files(media)
    count = Image.objects.count()

    outcome = IMAGE_DOORS[door](operator_client, name, content, sebuntal.collection_id)

    assert not outcome.accepted
    assert "Berkas ini bukan gambar" in outcome.errors
    assert Image.objects.count() == count
    assert _stored_files(media) == files_before


@pytest.mark.parametrize("door", IMAGE_DOORS)
def test_it_refuses_an_svg_image(operator_client, sebuntal, door):
    count = Image.objects.count()

    outcome = IMAGE_DOORS[door](operator_client, "logo.svg", h.SVG_BYTES, sebuntal.collection_id)

    assert not outcome.accepted
    assert "Format gambar tidak didukung" in outcome.errors
    assert "JPG, PNG atau WebP" in outcome.errors
    assert Image.objects.count() == count


@pytest.mark.parametrize("door", IMAGE_DOORS)
def test_it_refuses_an_svg_disguised_as_a_png(operator_client, sebuntal, door):
    count = Image.objects.count()

    outcome = IMAGE_DOORS[door](operator_client, "logo.png", h.SVG_BYTES, sebuntal.collection_id)

    assert not outcome.accepted
    assert "Isi berkas tidak sesuai dengan namanya (.png berisi svg)" in outcome.errors
    assert Image.objects.count() == count


@pytest.mark.parametrize("door", IMAGE_DOORS)
def test_it_refuses_an_image_larger_than_the_upload_limit(operator_client, sebuntal, settings, door):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    content = h.jpeg_bytes(200, 200)
    assert len(content) > 1000
    count = Image.objects.count()

    outcome = IMAGE_DOORS[door](operator_client, "besar.jpg", content, sebuntal.collection_id)

    assert not outcome.accepted
    assert "Berkas terlalu besar" in outcome.errors
    assert "1000" in outcome.errors
    assert Image.objects.count() == count


@pytest.mark.parametrize("door", IMAGE_DOORS)
def test_it_refuses_a_decompression_bomb(operator_client, sebuntal, settings, door):
    """8000 x 8000 pixels (64 MP, above the 40 MP limit) in an 8 KB PNG."""
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    bomb = _bomb(8000, 8000)
    assert len(bomb) < 20_000
    count = Image.objects.count()

    outcome = IMAGE_DOORS[door](operator_client, "bom.png", bomb, sebuntal.collection_id)

    assert not outcome.accepted
    assert "Gambar terlalu besar" in outcome.errors
    assert "64000000" in outcome.errors
    assert "40000000" in outcome.errors
    assert Image.objects.count() == count


@pytest.mark.parametrize("door", IMAGE_DOORS)
def test_it_refuses_a_huge_decompression_bomb_with_a_message(client, operator, sebuntal, door):
    """20000 x 20000 pixels (400 MP) in a 48 KB PNG.

    Above twice its own limit Pillow raises DecompressionBombError before Wagtail's pixel check can
    word a message; with Wagtail's plain field that was an HTTP 500 (sinergi.core.forms catches it).
    """
    client.force_login(operator)
    client.raise_request_exception = False
    count = Image.objects.count()

    outcome = IMAGE_DOORS[door](client, "bom-besar.png", _bomb(20_000, 20_000), sebuntal.collection_id)

    assert Image.objects.count() == count  # refused either way
    assert outcome.status == 200, f"HTTP {outcome.status}"
    assert "Gambar terlalu besar" in outcome.errors
    assert "40000000" in outcome.errors


def test_refused_image_uploads_lose_nothing_already_saved(
    operator_client, sebuntal, existing_image, existing_document, settings
):
    image, image_bytes = existing_image
    document, document_bytes = existing_document
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    bad_files = [
        ("kantor-desa.png", h.HTML_BYTES),  # same name as the saved image
        ("shell.jpg", h.PHP_BYTES),
        ("logo.svg", h.SVG_BYTES),
        ("bom.png", _bomb(8000, 8000)),
        ("besar.jpg", h.jpeg_bytes(200, 200)),
    ]
    for door in IMAGE_DOORS.values():
        for name, content in bad_files:
            assert not door(operator_client, name, content, sebuntal.collection_id).accepted, name
    for door in DOCUMENT_DOORS.values():
        assert not door(operator_client, "apbdes-2025.html", h.HTML_BYTES, sebuntal.collection_id).accepted

    assert list(Image.objects.filter(collection=sebuntal.collection)) == [image]
    assert list(Document.objects.filter(collection=sebuntal.collection)) == [document]
    image.refresh_from_db()
    document.refresh_from_db()
    assert _read(image.file) == image_bytes
    assert _read(document.file) == document_bytes


@pytest.mark.parametrize(
    ("name", "content"),
    [("shell.jpg", h.PHP_BYTES), ("logo.svg", h.SVG_BYTES), ("logo.png", h.SVG_BYTES)],
)
def test_editing_an_image_with_a_bad_replacement_file_keeps_the_old_file(
    operator_client, sebuntal, existing_image, name, content
):
    image, original = existing_image
    old_name = image.file.name

    response = operator_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Judul baru", "collection": sebuntal.collection_id, "file": h.upload(name, content)},
    )

    assert response.status_code == 200
    assert _errors_in(response.content.decode())
    image.refresh_from_db()
    assert image.title == "Kantor Desa Sebuntal"
    assert image.file.name == old_name
    assert _read(image.file) == original


def test_operator_can_replace_an_image_file_with_a_valid_one(operator_client, sebuntal, existing_image):
    """The positive side of the test above: the edit form does accept a real replacement."""
    image, _original = existing_image
    replacement = h.png_bytes(20, 20, colour=(0, 0, 120))

    response = operator_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Kantor baru",
            "collection": sebuntal.collection_id,
            "file": h.upload("baru.png", replacement),
        },
    )

    assert response.status_code == 302, _errors_in(response.content.decode())
    image.refresh_from_db()
    assert image.title == "Kantor baru"
    with PILImage.open(io.BytesIO(_read(image.file))) as stored:  # re-encoded, so compare the picture
        assert stored.size == (20, 20) and stored.convert("RGB").getpixel((10, 10)) == (0, 0, 120)


# --------------------------------------------------------------------------- documents


@pytest.mark.parametrize("door", DOCUMENT_DOORS)
def test_operator_can_upload_a_pdf_into_their_village_collection(operator_client, sebuntal, door):
    before = Document.objects.filter(collection=sebuntal.collection).count()

    outcome = DOCUMENT_DOORS[door](operator_client, "perdes-1-2025.pdf", h.PDF_BYTES, sebuntal.collection_id)

    assert outcome.accepted, outcome
    assert Document.objects.filter(collection=sebuntal.collection).count() == before + 1


BAD_DOCUMENT_NAMES = [
    "laporan.html",
    "laporan.htm",
    "LAPORAN.HTML",
    "laporan.pdf.html",
    "laporan.xhtml",
    "laporan.shtml",
    "laporan.svg",
    "laporan.js",
    "shell.php",
    "shell.phtml",
    "setup.exe",
    "skrip.sh",
    "makro.bat",
]


@pytest.mark.parametrize("door", DOCUMENT_DOORS)
@pytest.mark.parametrize("name", BAD_DOCUMENT_NAMES)
def test_it_refuses_a_document_with_an_executable_or_html_extension(
    operator_client, sebuntal, media, name, door
):
    files_before = _stored_files(media)
    count = Document.objects.count()

    outcome = DOCUMENT_DOORS[door](operator_client, name, h.HTML_BYTES, sebuntal.collection_id)

    assert not outcome.accepted
    extension = name.rsplit(".", 1)[1].lower()
    # Django's FileExtensionValidator, translated: 'Ekstensi berkas "html" tidak diizinkan. ...'
    assert "Ekstensi berkas" in outcome.errors
    assert f"“{extension}” tidak diizinkan" in outcome.errors
    assert Document.objects.count() == count
    assert _stored_files(media) == files_before


DISGUISED_DOCUMENTS = {
    "html-as-pdf": ("laporan.pdf", h.HTML_BYTES),
    "php-as-csv": ("data.csv", h.PHP_BYTES),
    "svg-as-docx": ("surat.docx", h.SVG_BYTES),
    "exe-as-xls": ("anggaran.xls", b"MZ\x90\x00" + b"\x00" * 60),
}


@pytest.mark.parametrize("door", DOCUMENT_DOORS)
@pytest.mark.parametrize("case", DISGUISED_DOCUMENTS)
def test_it_refuses_active_content_behind_an_allowed_document_extension(
    operator_client, sebuntal, media, case, door
):
    name, content = DISGUISED_DOCUMENTS[case]
    files_before = _stored_files(media)
    count = Document.objects.count()

    outcome = DOCUMENT_DOORS[door](operator_client, name, content, sebuntal.collection_id)

    assert not outcome.accepted
    assert "berisi kode" in outcome.errors
    assert Document.objects.count() == count
    assert _stored_files(media) == files_before


def test_it_refuses_a_document_larger_than_the_upload_limit(operator_client, sebuntal, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    count = Document.objects.count()

    outcome = DOCUMENT_DOORS["form"](
        operator_client, "besar.pdf", h.PDF_BYTES + b"%" * 2000, sebuntal.collection_id
    )

    assert not outcome.accepted
    assert outcome.errors
    assert Document.objects.count() == count


def test_editing_a_document_with_a_bad_replacement_file_keeps_the_old_file(
    operator_client, sebuntal, existing_document
):
    document, original = existing_document
    old_name = document.file.name

    response = operator_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Judul baru",
            "collection": sebuntal.collection_id,
            "file": h.upload("apbdes.html", h.HTML_BYTES),
        },
    )

    assert response.status_code == 200
    assert "tidak diizinkan" in _errors_in(response.content.decode())
    document.refresh_from_db()
    assert document.title == "APBDes Sebuntal 2025"
    assert document.file.name == old_name
    assert _read(document.file) == original
