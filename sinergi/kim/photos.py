"""Report and activity photos: cleaned by the one image cleaner (sinergi.core.images), within KIM's
per-photo size limit."""

from django.conf import settings

from sinergi.core.images import HEIC_SUPPORTED, PHOTO_MAX_EDGE, CleanPhoto, clean_image
from sinergi.core.images import ensure_clean as _ensure_clean

__all__ = ["HEIC_SUPPORTED", "MAX_EDGE", "CleanPhoto", "clean_photo", "ensure_clean", "max_upload_bytes"]

MAX_EDGE = PHOTO_MAX_EDGE


def max_upload_bytes() -> int:
    return getattr(settings, "KIM_PHOTO_MAX_UPLOAD_MB", 10) * 1024 * 1024


def clean_photo(uploaded) -> CleanPhoto:
    """Validate an uploaded photo and return a metadata-free copy; raise ValidationError otherwise."""
    return clean_image(uploaded, max_bytes=max_upload_bytes(), max_edge=PHOTO_MAX_EDGE)


def ensure_clean(photo) -> CleanPhoto:
    """`photo` if clean_photo already made it, else clean_photo(photo) (which may raise ValidationError)."""
    return _ensure_clean(photo, max_bytes=max_upload_bytes(), max_edge=PHOTO_MAX_EDGE)
