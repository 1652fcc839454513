"""Counting how often something happens, shared by every worker process: the throttles of sign-ins,
KIM sends, and the public forms of PPID requests and complaints.

Counters live in their own store, never in the page cache (where page traffic could evict them): the
"throttle" cache alias on Redis when REDIS_URL is set, else RateCounter rows in the database. Both
count atomically. When Redis cannot be reached, throttles allow for a short grace period
(THROTTLE_OUTAGE_GRACE_SECONDS) and log it; after that, sign-in throttles (`fail_closed=True`) refuse
with ThrottleUnavailable while the others keep allowing.
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

from sinergi.core.models import RateCounter

HOUR = 3600

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
        used = caches[THROTTLE_ALIAS].get(f"sinergi:limit:{key}:{bucket}", 0)
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
        used = _hit_cache(f"sinergi:limit:{key}:{bucket}", window)
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
