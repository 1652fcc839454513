"""Whole-page cache for anonymous visitors of public pages.

Django's cache middleware does the work; we only decide what may be cached (anonymous GET of public
pages, never the admin or anything with a session) and make invalidation cheap: the cache key prefix
carries a generation number that `invalidate_public_pages` increments whenever content is published,
so stale pages simply stop being found. With several server processes the cache must be shared
(REDIS_URL) for invalidation to reach all of them.

The generation moves on only once the change is committed: bumped inside the transaction, a visitor
reading the old data meanwhile would cache the old page under the new generation for its whole life.
Browsers are told to revalidate every time (`max-age=0, must-revalidate` with an ETag), answered
with 304 when nothing changed, so a correction is seen at once while the server keeps its copy.
"""

import threading

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import get_conditional_response, set_response_etag

GENERATION_KEY = "sinergi:public-page-generation"
UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/", "/kim/")


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def invalidate_public_pages() -> None:
    """Stop serving cached public pages once the current transaction commits (at once outside one)."""
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _cacheable(request) -> bool:
    if settings.PUBLIC_PAGE_CACHE_SECONDS <= 0:
        return False
    if request.method not in ("GET", "HEAD") or request.path.startswith(UNCACHED_PREFIXES):
        return False
    # Signed-in people get the Wagtail user bar and their own messages: never share their pages.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


_local = threading.local()


class _PerRequestPrefix:
    """Django's cache middleware reads `self.key_prefix`; keep it per thread, set per request."""

    @property
    def key_prefix(self):
        return getattr(_local, "key_prefix", "")

    @key_prefix.setter
    def key_prefix(self, value):
        _local.key_prefix = value


class PublicPageCacheFetchMiddleware(_PerRequestPrefix, FetchFromCacheMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self.cache_timeout = settings.PUBLIC_PAGE_CACHE_SECONDS

    def process_request(self, request):
        if not _cacheable(request):
            request._cache_update_cache = False
            return None
        # The generation seen before rendering: content published meanwhile lands in a newer one.
        request.page_cache_prefix = self.key_prefix = f"page{_generation()}"
        cached = super().process_request(request)
        return _revalidated(request, cached) if cached is not None else None


class PublicPageCacheUpdateMiddleware(_PerRequestPrefix, UpdateCacheMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self.cache_timeout = settings.PUBLIC_PAGE_CACHE_SECONDS

    def process_response(self, request, response):
        if not getattr(request, "_cache_update_cache", False):
            return response
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            return response
        self.key_prefix = request.page_cache_prefix
        if response.has_header("Cache-Control"):
            return super().process_response(request, response)  # the view chose its own caching
        if not response.streaming and response.status_code == 200:
            set_response_etag(response)  # stored with the page, so cached copies answer 304 too
        response = super().process_response(request, response)
        return _revalidated(request, response)


def _revalidated(request, response):
    """The browser's copy must be checked every time; 304 when it is still the current page."""
    if response.status_code != 200 or response.streaming:
        return response
    response["Cache-Control"] = "max-age=0, must-revalidate"
    del response["Expires"]
    return get_conditional_response(request, etag=response.get("ETag"), response=response)
