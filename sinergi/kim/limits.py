"""Limits on what a KIM member sends: the size of one request and how often they may send.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE and FILE_UPLOAD_MAX_MEMORY_SIZE do not cap multipart files (files
over the memory limit simply go to a temporary file), so the report form checks the declared
Content-Length before anything reads the body and answers 413. The front web server should refuse
even earlier with the same figure (nginx `client_max_body_size 110m;`, docs/deployment.md).

Counters live in Django's cache: per process with the default local-memory cache, shared by every
worker once REDIS_URL is set (production).
"""

import time

from django.conf import settings
from django.core.cache import cache

from sinergi.kim.photos import max_upload_bytes
from sinergi.kim.services import MAX_PHOTOS

# Room for the text fields and the multipart envelope on top of the photos.
REQUEST_MARGIN_BYTES = 5 * 1024 * 1024
HOUR = 3600


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


def hints_per_hour() -> int:
    return getattr(settings, "KIM_HINTS_PER_HOUR", 600)


def invitation_code_tries_per_hour() -> int:
    """Wrong 6-digit codes allowed per phone/e-mail (and 4x that per address) in an hour."""
    return getattr(settings, "KIM_INVITATION_CODE_TRIES_PER_HOUR", 5)


def _bucket_key(name: str, window: int) -> str:
    return f"sinergi:kim:limit:{name}:{int(time.time() // window)}"


def count(name: str, window: int = HOUR) -> int:
    """How many times `name` was hit in the current window."""
    return cache.get(_bucket_key(name, window), 0)


def hit(name: str, limit: int, window: int = HOUR) -> bool:
    """Count one more use of `name`; False when that goes over `limit` in the current window."""
    key = _bucket_key(name, window)
    cache.add(key, 0, timeout=window)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        used = 1
    return used <= limit
