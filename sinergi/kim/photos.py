"""Report photos: only real JPEG/PNG/WebP (HEIC when pillow-heif is present), within size and pixel
limits, re-encoded so that no metadata (GPS location, camera, owner) survives, and resized to a
sensible maximum so a village's storage does not fill with 12-megapixel originals.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

try:  # HEIC from iPhones, if the optional reader is installed
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIC_SUPPORTED = True
except ImportError:  # pragma: no cover - depends on the machine
    HEIC_SUPPORTED = False

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"} | ({"HEIF", "HEIC"} if HEIC_SUPPORTED else set())
MAX_EDGE = 2000  # pixels on the longest side after resizing


@dataclass(frozen=True)
class CleanPhoto:
    """A photo that has been through clean_photo (decoded, checked, re-encoded without metadata).

    Only clean_photo makes these; everything that stores a photo takes a CleanPhoto as it is and
    passes anything else through clean_photo first (`ensure_clean`), so a photo is decoded once.
    """

    content: ContentFile
    format: str
    width: int
    height: int


def max_upload_bytes() -> int:
    return getattr(settings, "KIM_PHOTO_MAX_UPLOAD_MB", 10) * 1024 * 1024


def max_pixels() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)


def clean_photo(uploaded) -> CleanPhoto:
    """Validate an uploaded photo and return a metadata-free copy; raise ValidationError otherwise."""
    name = getattr(uploaded, "name", "foto")
    if uploaded.size > max_upload_bytes():
        raise ValidationError(
            _("Foto %(name)s terlalu besar (maksimal %(mb)s MB)."),
            params={"name": name, "mb": max_upload_bytes() // (1024 * 1024)},
            code="too_large",
        )
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as probe:
            fmt = (probe.format or "").upper()
            width, height = probe.size
    except Image.DecompressionBombError:
        # Pillow refuses to even open an image far above the pixel limit: too large, not unreadable.
        raise ValidationError(
            _(
                "Foto %(name)s terlalu besar: lebih dari %(max)s juta piksel. "
                "Perkecil ukurannya (misalnya kirim ulang dari galeri ponsel) lalu coba lagi."
            ),
            params={"name": name, "max": f"{max_pixels() / 1_000_000:g}".replace(".", ",")},
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise ValidationError(
            _("%(name)s bukan foto yang bisa dibaca. Gunakan JPG, PNG atau WebP."), params={"name": name},
            code="not_an_image",
        ) from None  # fmt: skip
    if fmt not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("Format %(format)s pada %(name)s tidak diterima. Gunakan JPG, PNG atau WebP."),
            params={"format": fmt or "?", "name": name},
            code="format",
        )
    if width * height > max_pixels():
        raise ValidationError(
            _("Foto %(name)s terlalu besar (%(pixels)s piksel, maksimal %(max)s)."),
            params={"name": name, "pixels": width * height, "max": max_pixels()},
            code="too_many_pixels",
        )
    uploaded.seek(0)
    try:
        return _reencode(uploaded, fmt)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        # Passes the first look, breaks while decoding (a truncated JPEG, for one).
        raise ValidationError(
            _("%(name)s bukan foto yang bisa dibaca. Gunakan JPG, PNG atau WebP."), params={"name": name},
            code="not_an_image",
        ) from None  # fmt: skip


def ensure_clean(photo) -> CleanPhoto:
    """`photo` if clean_photo already made it, else clean_photo(photo) (which may raise ValidationError)."""
    if isinstance(photo, CleanPhoto):
        return photo
    return clean_photo(photo)


def _fitted(size: tuple[int, int]) -> tuple[int, int]:
    """The size a photo of `size` is stored at: within MAX_EDGE on its longest side, never enlarged."""
    scale = min(1.0, MAX_EDGE / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _reencode(uploaded, fmt: str) -> CleanPhoto:
    with Image.open(uploaded) as image:
        if fmt in ("JPEG", "MPO"):
            # Let the JPEG decoder scale down (by 1/2, 1/4 or 1/8) to no less than the stored size: a
            # 12-megapixel phone photo then decodes in a fraction of the time and memory.
            image.draft(None, _fitted(image.size))
        image.load()
        image = ImageOps.exif_transpose(image)  # keep the orientation the phone meant, then drop EXIF
        has_alpha = image.mode in ("RGBA", "LA", "P") and fmt == "PNG"
        image = image.convert("RGBA" if has_alpha else "RGB")
        image.thumbnail((MAX_EDGE, MAX_EDGE))
        out = io.BytesIO()
        # A fresh image with only pixel data: no EXIF, XMP, ICC comments or GPS.
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
        if has_alpha:
            clean.save(out, "PNG", optimize=True)
            out_format = "PNG"
        else:
            clean.save(out, "JPEG", quality=85, optimize=True, progressive=True)
            out_format = "JPEG"
    return CleanPhoto(ContentFile(out.getvalue()), out_format, clean.size[0], clean.size[1])
