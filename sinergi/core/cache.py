"""Whole-page cache for anonymous visitors of public pages.

Django's cache middleware does the work; we only decide what may be cached (anonymous GET of public
pages, never the admin or anything with a session) and make invalidation cheap: the cache key prefix
carries generation numbers, and a change moves a generation on, so stale pages simply stop being
found. With several server processes the cache must be shared (REDIS_URL) for invalidation to reach
all of them.

Invalidation is scoped, so that publishing in one village does not empty every other village's
cached pages (docs/architecture.md, "Page cache"):

- a page published or unpublished inside a village's website (tree depth >= VILLAGE_DEPTH) moves on
  the generations of that village, of its kecamatan and of the portal;
- anything else (a kecamatan or portal page, a move, a deletion, a privacy or slug change) moves on
  the global generation, which is part of every key.

A request finds its scope from its path alone, without a query: `/<kecamatan>/<desa>/...` is in a
village's scope and `/<kecamatan>/...` in a kecamatan's once a page at that depth has been served
for that host and path (registered in the cache when it is first rendered); every other path (the
portal home, search, the sitemap, a village's own domain) is in the portal's scope, which every
publish moves on. An unregistered path therefore only loses cache hits, never freshness.

The generations move on only once the change is committed: moved inside the transaction, a visitor
reading the old data meanwhile would cache the old page under the new generation for its whole life.
Scope generations are random tokens rather than counters, so one lost to eviction comes back as a new
value (a miss), never as an old one. Browsers are told to revalidate every time (`max-age=0,
must-revalidate` with an ETag), answered with 304 when nothing changed, so a correction is seen at
once while the server keeps its copy.

In front of the app servers, nginx keeps the same anonymous pages for PROXY_CACHE_SECONDS (a
"microcache", deploy/nginx/sinergi.conf): a response says so with `X-Accel-Expires`, which nginx
reads and removes. Only a response that is safe for anyone gets it: an anonymous GET of a public page,
200, setting no cookie (a page that used a CSRF token sets the token's cookie every time), so a
signed-in person's page, a form with its token or a KIM member's page are never shared; nginx also
keeps one copy per `Vary` (Cookie among them) and passes by any request with a session cookie. A
publish is seen through nginx within those seconds.
"""

import hashlib
import secrets
import threading

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import get_conditional_response, set_response_etag

from sinergi.core.pages import DISTRICT_DEPTH, VILLAGE_DEPTH

GENERATION_KEY = "sinergi:public-page-generation"
PORTAL_GENERATION_KEY = "sinergi:gen:portal"
# Scope generations and registrations expire (and may be evicted): a lost one only costs cache misses,
# and the keys made for paths that are no page do not pile up.
SCOPE_KEY_SECONDS = 24 * 3600
UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/", "/kim/")


def _digest(*parts: str) -> str:
    """A short, key-safe name for slugs and hosts (any characters, any length)."""
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=12).hexdigest()


def _district_generation_key(district: str) -> str:
    return f"sinergi:gen:d:{_digest(district)}"


def _village_generation_key(district: str, village: str) -> str:
    return f"sinergi:gen:v:{_digest(district, village)}"


def _district_scope_key(host: str, district: str) -> str:
    return f"sinergi:scope:d:{_digest(host, district)}"


def _village_scope_key(host: str, district: str, village: str) -> str:
    return f"sinergi:scope:v:{_digest(host, district, village)}"


def _token() -> str:
    return secrets.token_hex(6)


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


def invalidate_pages_of(page) -> None:
    """After `page` was published or unpublished: refresh what can show it, once the change commits.

    Inside a village's website: that village's pages, its kecamatan's and the portal's. Anything else
    (a kecamatan or portal page) may show in every page's menus and breadcrumbs: everything.
    """
    segments = [part for part in (page.url_path or "").split("/") if part]
    if page.depth < VILLAGE_DEPTH or len(segments) < VILLAGE_DEPTH - 1:
        invalidate_public_pages()
        return
    # url_path is "/<portal>/<kecamatan>/<desa>/...": the portal page is the first segment.
    district, village = segments[DISTRICT_DEPTH - 2], segments[VILLAGE_DEPTH - 2]
    keys = [
        _village_generation_key(district, village),
        _district_generation_key(district),
        PORTAL_GENERATION_KEY,
    ]
    transaction.on_commit(lambda: cache.set_many({key: _token() for key in keys}, timeout=SCOPE_KEY_SECONDS))


def _scope_prefix(request) -> tuple[str, dict]:
    """The key prefix of this request's page (its scope's generations), and the scope it is in.

    For a path whose scope is not known yet, the prefixes it would have as a kecamatan's or village's
    page are worked out too, from the generations seen now: once rendered, the page is stored under
    the one that fits (see _register_scope), so the next request is already a hit.
    """
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: CommonMiddleware answers it before; never cache it
        host = ""
    parts = request.path.split("/", 3)
    district = parts[1] if len(parts) > 2 else ""  # "/a/..." -> "a"; "/a" has no scope of its own
    village = parts[2] if len(parts) > 3 else ""
    keys = {"portal": PORTAL_GENERATION_KEY}
    if district:
        keys["district"] = _district_generation_key(district)
        keys["district_scope"] = _district_scope_key(host, district)
    if district and village:
        keys["village"] = _village_generation_key(district, village)
        keys["village_scope"] = _village_scope_key(host, district, village)
    found = cache.get_many([GENERATION_KEY, *keys.values()])
    generation = found.get(GENERATION_KEY) or _generation()

    def prefix(kind: str) -> str:
        key = keys[kind]
        return f"page{generation}.{kind[0]}{found.get(key) or _initial(key)}"

    scope = {"host": host, "district": district, "village": village, "known": ""}
    if village and found.get(keys["village_scope"]):
        scope["known"] = "village"
        return prefix("village"), scope
    if village:
        scope["village_prefix"] = prefix("village")
    if district and found.get(keys["district_scope"]):
        scope["known"] = "district"
        return prefix("district"), scope
    if district:
        scope["district_prefix"] = prefix("district")
    return prefix("portal"), scope


def _initial(key: str) -> str:
    """A scope generation that is not (or no longer) in the cache: a new token, shared by all."""
    cache.add(key, _token(), timeout=SCOPE_KEY_SECONDS)
    return cache.get(key) or _token()


def _register_scope(request) -> str | None:
    """After rendering a page of a kecamatan or a village for this host and path: remember the scope
    of the path, and return the prefix the page is to be stored under (None: keep the request's)."""
    scope = getattr(request, "page_cache_scope", None)
    page = getattr(request, "sinergi_served_page", None)
    if not scope or page is None or scope["known"] == "village" or page.depth < DISTRICT_DEPTH:
        return None
    segments = [part for part in (page.url_path or "").split("/") if part]
    # url_path is "/<portal>/<kecamatan>/<desa>/...": the page must have been served under the
    # portal's own site (the path starts with its kecamatan), not under a village's own domain.
    if len(segments) < DISTRICT_DEPTH - 1 or segments[DISTRICT_DEPTH - 2] != scope["district"]:
        return None
    host, district, village = scope["host"], scope["district"], scope["village"]
    in_village = page.depth >= VILLAGE_DEPTH and len(segments) >= VILLAGE_DEPTH - 1
    if in_village and segments[VILLAGE_DEPTH - 2] == village:
        cache.set(_district_scope_key(host, district), 1, timeout=SCOPE_KEY_SECONDS)
        cache.set(_village_scope_key(host, district, village), 1, timeout=SCOPE_KEY_SECONDS)
        return scope.get("village_prefix")
    if scope["known"] == "district":
        return None
    cache.set(_district_scope_key(host, district), 1, timeout=SCOPE_KEY_SECONDS)
    return scope.get("district_prefix")


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
        # The generations seen before rendering: content published meanwhile lands in newer ones.
        request.page_cache_prefix, request.page_cache_scope = _scope_prefix(request)
        self.key_prefix = request.page_cache_prefix
        cached = super().process_request(request)
        return _for_proxy(_revalidated(request, cached)) if cached is not None else None


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
            self.key_prefix = _register_scope(request) or self.key_prefix
        response = super().process_response(request, response)
        return _for_proxy(_revalidated(request, response))


def _for_proxy(response):
    """Let nginx keep the response for PROXY_CACHE_SECONDS when anyone may be given it."""
    seconds = getattr(settings, "PROXY_CACHE_SECONDS", 0)
    if seconds > 0 and response.status_code == 200 and not response.streaming and not response.cookies:
        response["X-Accel-Expires"] = str(seconds)
        # Django's cache says how old its copy is (Age); nginx would count that against the seconds
        # above and keep nothing once the copy is older than them.
        del response["Age"]
    return response


def _revalidated(request, response):
    """The browser's copy must be checked every time; 304 when it is still the current page."""
    if response.status_code != 200 or response.streaming:
        return response
    response["Cache-Control"] = "max-age=0, must-revalidate"
    del response["Expires"]
    return get_conditional_response(request, etag=response.get("ETag"), response=response)
