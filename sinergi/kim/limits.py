"""Limits on what a KIM member sends: the size of one request and how often they may send.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE and FILE_UPLOAD_MAX_MEMORY_SIZE do not cap multipart files (files
over the memory limit simply go to a temporary file), so the report form checks the declared
Content-Length before anything reads the body and answers 413. The front web server should refuse
even earlier with the same figure (nginx `client_max_body_size 110m;`, docs/deployment.md).

The counting itself (Redis or database rows, the outage grace) is sinergi/core/throttle.py.
"""

from django.conf import settings

from sinergi.kim.photos import max_upload_bytes
from sinergi.kim.services import MAX_PHOTOS

# Room for the text fields and the multipart envelope on top of the photos.
REQUEST_MARGIN_BYTES = 5 * 1024 * 1024


def max_request_bytes() -> int:
    """Ten photos at the per-photo limit, plus the text: the largest honest report."""
    return getattr(settings, "KIM_MAX_REQUEST_BYTES", MAX_PHOTOS * max_upload_bytes() + REQUEST_MARGIN_BYTES)


def request_too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > max_request_bytes()


def reports_per_hour() -> int:
    return getattr(settings, "KIM_REPORTS_PER_HOUR", 20)


def drafts_per_hour() -> int:
    # Drafts are not sends to the village, but each may carry 10 photos: a looser cap of its own
    # keeps a stuck retry loop or a stolen session from filling the village's storage.
    return getattr(settings, "KIM_DRAFTS_PER_HOUR", 60)


def hints_per_hour() -> int:
    return getattr(settings, "KIM_HINTS_PER_HOUR", 600)


def invitation_code_tries_per_hour() -> int:
    """Wrong 6-digit codes allowed per phone/e-mail (and 4x that per address) in an hour."""
    return getattr(settings, "KIM_INVITATION_CODE_TRIES_PER_HOUR", 5)
