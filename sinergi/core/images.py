"""The one place where an image that enters Sinergi is cleaned, by whatever path it comes.

Only real JPEG/PNG/WebP (HEIC when pillow-heif is present) within size and pixel limits are accepted;
each is turned upright (EXIF orientation), re-encoded from its pixels alone so that no metadata (GPS
location, camera make and model, owner) survives, and resized to a sensible maximum. The storage
fields below run this on every save, so a path that forgets to clean first still stores a clean file.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail.images.models import WagtailImageField, WagtailImageFieldFile
from wagtail.utils.file import hash_filelike

try:  # HEIC from iPhones, if the optional reader is installed
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIC_SUPPORTED = True
except ImportError:  # pragma: no cover - depends on the machine
    HEIC_SUPPORTED = False

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"} | ({"HEIF", "HEIC"} if HEIC_SUPPORTED else set())
PHOTO_MAX_EDGE = 2000  # pixels on the longest side of a KIM photo
LIBRARY_MAX_EDGE = 4000  # the image library keeps more: a header photo may be cropped and shown wide


@dataclass(frozen=True)
class CleanPhoto:
    """An image that has been through clean_image (decoded, checked, re-encoded without metadata).

    Only clean_image makes these; its `content` carries the CleanPhoto back (`content.clean_image`),
    so storing it does not decode the picture a second time.
    """

    content: ContentFile
    format: str
    width: int
    height: int


def max_pixels() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)


def _unreadable(name):
    return ValidationError(
        _("%(name)s bukan foto yang bisa dibaca. Gunakan JPG, PNG atau WebP."), params={"name": name},
        code="not_an_image",
    )  # fmt: skip


def clean_image(uploaded, *, max_bytes: int | None = None, max_edge: int = PHOTO_MAX_EDGE) -> CleanPhoto:
    """Validate an uploaded image and return an upright, metadata-free copy; raise ValidationError otherwise."""
    name = getattr(uploaded, "name", None) or "foto"
    if max_bytes is not None and uploaded.size > max_bytes:
        raise ValidationError(
            _("Foto %(name)s terlalu besar (maksimal %(mb)s MB)."),
            params={"name": name, "mb": max_bytes // (1024 * 1024)},
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
        raise _unreadable(name) from None
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
        return _reencode(uploaded, fmt, max_edge)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        # Passes the first look, breaks while decoding (a truncated JPEG, for one).
        raise _unreadable(name) from None


def ensure_clean(image, **limits) -> CleanPhoto:
    """`image` if clean_image already made it (or its content), else clean_image(image, **limits)."""
    if isinstance(image, CleanPhoto):
        return image
    already = getattr(image, "clean_image", None)
    if isinstance(already, CleanPhoto):
        return already
    return clean_image(image, **limits)


def _fitted(size: tuple[int, int], max_edge: int) -> tuple[int, int]:
    """The size an image of `size` is stored at: within max_edge on its longest side, never enlarged."""
    scale = min(1.0, max_edge / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _reencode(uploaded, fmt: str, max_edge: int) -> CleanPhoto:
    with Image.open(uploaded) as image:
        if fmt in ("JPEG", "MPO"):
            # Let the JPEG decoder scale down (by 1/2, 1/4 or 1/8) to no less than the stored size: a
            # 12-megapixel phone photo then decodes in a fraction of the time and memory.
            image.draft(None, _fitted(image.size, max_edge))
        image.load()
        image = ImageOps.exif_transpose(image)  # keep the orientation the phone meant, then drop EXIF
        has_alpha = fmt in ("PNG", "WEBP") and (
            image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
        )
        image = image.convert("RGBA" if has_alpha else "RGB")
        image.thumbnail((max_edge, max_edge))
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
    extension = "png" if out_format == "PNG" else "jpg"
    content = ContentFile(out.getvalue(), name=f"foto.{extension}")
    photo = CleanPhoto(content, out_format, clean.size[0], clean.size[1])
    content.clean_image = photo
    return photo


class _CleaningFieldFile:
    """Every file stored through the field is cleaned first (unless clean_image made it already)."""

    def save(self, name, content, save=True):
        photo = ensure_clean(content, max_edge=self.field.max_edge)
        self.file = photo.content  # the upload_to functions name the file after what it now is
        self.field.record(self.instance, photo)
        super().save(name, photo.content, save=save)


class CleanedImageFieldFile(_CleaningFieldFile, WagtailImageFieldFile):
    pass


class CleanedImageField(WagtailImageField):
    """The image library's original file (Wagtail's `file`): stored only once cleaned."""

    attr_class = CleanedImageFieldFile
    max_edge = LIBRARY_MAX_EDGE

    def record(self, instance, photo: CleanPhoto):
        # Wagtail filled these from the upload before it was cleaned; they describe the stored file.
        instance.file_size = photo.content.size
        instance.file_hash = hash_filelike(photo.content)


class CleanedPhotoFieldFile(_CleaningFieldFile, FieldFile):
    pass


class CleanedPhotoField(models.FileField):
    """A KIM photo's file: stored only once cleaned; the row's format, width and height follow it."""

    attr_class = CleanedPhotoFieldFile
    max_edge = PHOTO_MAX_EDGE

    def record(self, instance, photo: CleanPhoto):
        instance.format, instance.width, instance.height = photo.format, photo.width, photo.height
