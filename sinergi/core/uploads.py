"""Upload rules shared by images and documents.

Stored names are never the uploader's: a file called `index.php.jpg` or `../../x` becomes a random
name with the extension matching what the content really is. Documents are checked by content, not
by name, and anything a browser could run (HTML, SVG, scripts, executables) is refused.
"""

import os
import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Leading bytes of the document formats we accept (WAGTAILDOCS_EXTENSIONS).
_PDF = b"%PDF-"
_ZIP = b"PK\x03\x04"  # docx, xlsx, odt, ods
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # doc, xls
DOCUMENT_SIGNATURES = {
    "pdf": (_PDF,),
    "docx": (_ZIP,),
    "xlsx": (_ZIP,),
    "odt": (_ZIP,),
    "ods": (_ZIP,),
    "doc": (_OLE,),
    "xls": (_OLE,),
    "csv": (),  # plain text: checked by the text rule below
}
# Content a browser or a server could execute, whatever the file is called.
_ACTIVE_MARKERS = (b"<html", b"<!doctype", b"<script", b"<svg", b"<?php", b"<?=", b"<iframe", b"<body", b"<%")
_EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")


def random_name(folder: str, extension: str) -> str:
    return os.path.join(folder, f"{uuid.uuid4().hex}.{extension.lower().lstrip('.')}")


def extension_of(filename: str) -> str:
    return os.path.splitext(filename or "")[1].lower().lstrip(".")


def looks_active(head: bytes) -> bool:
    lowered = head.lower()
    return head.startswith(_EXECUTABLE_MAGIC) or any(marker in lowered for marker in _ACTIVE_MARKERS)


def validate_document_content(uploaded) -> None:
    """Refuse a document whose bytes are not what its extension claims, or that could run."""
    extension = extension_of(uploaded.name)
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(position)
    if looks_active(head):
        raise ValidationError(
            _("Berkas ini berisi kode (HTML, skrip atau program) dan tidak boleh diunggah."),
            code="active_content",
        )
    signatures = DOCUMENT_SIGNATURES.get(extension)
    if signatures is None:
        raise ValidationError(_("Jenis berkas ini tidak diizinkan."), code="extension")
    if signatures and not head.startswith(signatures):
        raise ValidationError(
            _("Isi berkas tidak sesuai dengan jenisnya (.%(ext)s). Unggah berkas %(ext)s yang asli."),
            params={"ext": extension},
            code="mismatch",
        )
    if not signatures:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            try:
                head.decode("latin-1")
            except UnicodeDecodeError:
                raise ValidationError(_("Berkas CSV harus berupa teks."), code="not_text") from None
