import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from sinergi.core.tests.factories import make_image
from sinergi.core.uploads import validate_document_content


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_a_real_pdf_is_accepted():
    validate_document_content(upload("perdes.pdf", b"%PDF-1.7\n..."))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("perdes.pdf", b"<html><script>alert(1)</script></html>", "berisi kode"),
        ("laporan.pdf", b"MZ\x90\x00executable", "berisi kode"),
        ("data.csv", b"<?php system($_GET['c']); ?>", "berisi kode"),
        ("gambar.pdf", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "berisi kode"),
        ("apbdes.xlsx", b"%PDF-1.4 not a spreadsheet", "tidak sesuai"),
        ("surat.docx", b"just some text", "tidak sesuai"),
        ("shell.phtml", b"hello", "tidak diizinkan"),
    ],
)
def test_documents_are_judged_by_content_not_by_name(name, content, message):
    with pytest.raises(ValidationError) as info:
        validate_document_content(upload(name, content))
    assert message in str(info.value)


@pytest.mark.django_db
def test_stored_image_names_are_never_the_uploaders(sebuntal):
    image = make_image(sebuntal.collection)
    assert "foto" not in image.file.name
    assert image.file.name.startswith("original_images/") and image.file.name.endswith(".jpg")


@pytest.mark.django_db
def test_stored_document_names_are_never_the_uploaders(sebuntal):
    document = get_document_model().objects.create(
        title="Perdes", collection=sebuntal.collection, file=upload("../../index.php.pdf", b"%PDF-1.4")
    )
    assert "index" not in document.file.name and ".." not in document.file.name
    assert document.file.name.startswith("documents/") and document.file.name.endswith(".pdf")
    assert io.BytesIO(document.file.read()).read().startswith(b"%PDF")
