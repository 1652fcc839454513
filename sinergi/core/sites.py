"""Which Wagtail site answers a request, without a query on every request.

Wagtail looks the site up in the database for each request (`Site.find_for_request`). The sites
change rarely (a village given its own domain), so each process keeps the answer per host and port,
checked against a token in the shared cache that any change to a site replaces once it commits; with
the cache unreachable every request asks the database, as Wagtail does. The kept answer is only the
site's fields: each request gets its own Site object and, for a public page, its root page read fresh
(a prepared query, core/prepared.py), so no page is ever shared between requests.
"""

import secrets
import threading
import time

from django.core.cache import cache
from django.db import transaction
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.views import serve

from sinergi.core.pages import read_specific

SITES_TOKEN_KEY = "sinergi:sites"
# A process re-reads a host's site at least this often, even when no change reached the cache.
LOCAL_SECONDS = 60
# Hosts come from the request: bound what a process keeps for them.
MAX_HOSTS = 1000
FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")

_answers: dict[tuple[str, int], tuple[str, float, dict | None, int | None]] = {}
_lock = threading.Lock()


def sites_changed() -> None:
    """Every process reads its sites again, once the current transaction commits."""
    transaction.on_commit(lambda: cache.set(SITES_TOKEN_KEY, secrets.token_hex(6), timeout=None))


def _token() -> str | None:
    token = cache.get(SITES_TOKEN_KEY)
    if token is None:
        cache.add(SITES_TOKEN_KEY, secrets.token_hex(6), timeout=None)
        token = cache.get(SITES_TOKEN_KEY)
    return token


def site_for_request(request, with_root_page: bool = True) -> Site | None:
    """The site Wagtail would pick for `request` (its own rules, `get_site_for_hostname`)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = int(request.get_port())
    key = (hostname, port)
    token = _token()
    now = time.monotonic()
    answer = _answers.get(key)
    if token is None or answer is None or answer[0] != token or answer[1] < now:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            site = None
        fields = None if site is None else {name: getattr(site, name) for name in FIELDS}
        root_type = None if site is None else site.root_page.content_type_id
        if token is not None:
            with _lock:
                if len(_answers) >= MAX_HOSTS:
                    _answers.clear()
                _answers[key] = (token, now + LOCAL_SECONDS, fields, root_type)
        if site is None or not with_root_page:
            return site
    else:
        _, _, fields, root_type = answer
        if fields is None:
            return None
    site = Site(**fields)
    if with_root_page and root_type is not None:
        site.root_page = read_specific(root_type, fields["root_page_id"])
    return site


class SiteMiddleware:
    """Puts the request's site where Wagtail looks for it first (`request._wagtail_site`), once the
    view is known (after the page cache has answered what it could): with its root page for the
    view that serves pages, without for any other (read when asked for, as Wagtail would)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for_request(request, with_root_page=view_func is serve)
        return None
