"""Limits on what a KIM member sends: the size of one request and how often they may send.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE and FILE_UPLOAD_MAX_MEMORY_SIZE do not cap multipart files (files
over the memory limit simply go to a temporary file), so the report form checks the declared
Content-Length before anything reads the body and answers 413. The front web server should refuse
even earlier with the same figure (nginx `client_max_body_size 110m;`, docs/deployment.md).

Counters live in their own store, never in the page cache (where page traffic could evict them): the
"throttle" cache alias on Redis when REDIS_URL is set, else RateCounter rows in the database. Both
count atomically and are shared by every worker process. When Redis cannot be reached, throttles
allow for a short grace period (THROTTLE_OUTAGE_GRACE_SECONDS) and log it; after that, sign-in
throttles (`fail_closed=True`) refuse with ThrottleUnavailable while the others keep allowing.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError

from sinergi.kim.models import RateCounter
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


def drafts_per_hour() -> int:
    # Drafts are not sends to the village, but each may carry 10 photos: a looser cap of its own
    # keeps a stuck retry loop or a stolen session from filling the village's storage.
    return getattr(settings, "KIM_DRAFTS_PER_HOUR", 60)


def hints_per_hour() -> int:
    return getattr(settings, "KIM_HINTS_PER_HOUR", 600)


def invitation_code_tries_per_hour() -> int:
    """Wrong 6-digit codes allowed per phone/e-mail (and 4x that per address) in an hour."""
    return getattr(settings, "KIM_INVITATION_CODE_TRIES_PER_HOUR", 5)


THROTTLE_ALIAS = "throttle"
logger = logging.getLogger(__name__)


class ThrottleUnavailable(Exception):
    """The throttle store has been unreachable for longer than the grace period: refuse sign-ins."""

    message = _(
        "Layanan sedang terganggu sehingga percobaan masuk belum bisa diperiksa. Coba lagi beberapa menit lagi."
    )


def outage_grace_seconds() -> int:
    return getattr(settings, "THROTTLE_OUTAGE_GRACE_SECONDS", 60)


# When this process first failed to reach the throttle store in the current outage (None: reachable).
_outage_since: float | None = None


def _uses_cache() -> bool:
    return THROTTLE_ALIAS in settings.CACHES


def _bucket(name: str, window: int) -> tuple[str, int]:
    return f"{name}:{window}", int(time.time() // window)


def _store_failed(error: Exception, name: str, fail_closed: bool) -> None:
    """Record an unreachable store; raise ThrottleUnavailable for sign-ins once the grace is over."""
    global _outage_since
    now = time.monotonic()
    if _outage_since is None:
        _outage_since = now
    over = now - _outage_since > outage_grace_seconds()
    refused = fail_closed and over
    logger.warning(
        "Throttle store unreachable (%s) for %ds; %s %r",
        error, now - _outage_since, "refusing" if refused else "allowing", name,
    )  # fmt: skip
    if refused:
        raise ThrottleUnavailable(str(ThrottleUnavailable.message))


def _store_reached() -> None:
    global _outage_since
    _outage_since = None


def count(name: str, window: int = HOUR, *, fail_closed: bool = False) -> int:
    """How many times `name` was hit in the current window."""
    key, bucket = _bucket(name, window)
    if not _uses_cache():
        row = RateCounter.objects.filter(name=key, window=bucket).values_list("count", flat=True).first()
        return row or 0
    try:
        used = caches[THROTTLE_ALIAS].get(f"sinergi:kim:limit:{key}:{bucket}", 0)
    except RedisError as error:
        _store_failed(error, name, fail_closed)
        return 0
    _store_reached()
    return used


def hit(name: str, limit: int, window: int = HOUR, *, fail_closed: bool = False) -> bool:
    """Count one more use of `name`; False when that goes over `limit` in the current window."""
    key, bucket = _bucket(name, window)
    if not _uses_cache():
        return _hit_database(key, bucket, window) <= limit
    try:
        used = _hit_cache(f"sinergi:kim:limit:{key}:{bucket}", window)
    except RedisError as error:
        _store_failed(error, name, fail_closed)
        return True
    _store_reached()
    return used <= limit


def _hit_cache(key: str, window: int) -> int:
    store = caches[THROTTLE_ALIAS]
    store.add(key, 0, timeout=window)
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, timeout=window)
        return 1


def _hit_database(key: str, bucket: int, window: int) -> int:
    expires = timezone.now() + timedelta(seconds=window)
    with transaction.atomic():
        RateCounter.objects.get_or_create(name=key, window=bucket, defaults={"expires_at": expires})
        # The row lock taken by this UPDATE makes a concurrent hit wait and then count on top.
        RateCounter.objects.filter(name=key, window=bucket).update(count=F("count") + 1)
        return RateCounter.objects.values_list("count", flat=True).get(name=key, window=bucket)


def prune(now=None) -> int:
    """Delete counters whose window has passed; returns how many."""
    return RateCounter.objects.filter(expires_at__lt=now or timezone.now()).delete()[0]
