"""What a public page's links and its site cost, and that they stay Wagtail's: page addresses without
a reverse() per link, breadcrumbs from the pages routing read, the request's site kept per process."""

import re

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from sinergi.core.pages import page_url, url_parts
from sinergi.core.tests.factories import make_news


def _requests():
    factory = RequestFactory()
    return [factory.get("/"), factory.get("/", HTTP_HOST="sebuntal.example.id")]


def test_every_page_has_the_address_wagtail_gives_it_from_any_site(sebuntal, settings):
    settings.ALLOWED_HOSTS = ["testserver", "sebuntal.example.id"]
    Site.objects.create(hostname="sebuntal.example.id", port=80, root_page=sebuntal.page)
    article = make_news(sebuntal, "Kabar Dari Kebun")
    article.slug = "kabar-señor-kebun"
    article.save_revision().publish()

    pages = list(Page.objects.filter(depth__gte=2).order_by("path"))
    specific = list(Page.objects.filter(depth__gte=2).order_by("path").specific())
    assert len(pages) > 300
    for request in _requests():
        for base, page in zip(pages, specific, strict=True):
            expected = Page.get_url(base, request)
            assert page_url(base, request) == expected
            assert page_url(page, request) == expected
            assert url_parts(page, request) == Page.get_url_parts(base, request)
    # Seen from the village's own domain, the portal is on another site; the village's pages are local.
    own = _requests()[1]
    portal = page_url(pages[0], own)
    assert portal.startswith("http") and not portal.startswith("http://sebuntal.example.id")
    assert page_url(Page.objects.get(pk=article.pk), own) == "/berita/kabar-se%C3%B1or-kebun/"


def test_an_article_links_its_ancestors_in_the_breadcrumbs_without_reading_them_again(client, sebuntal):
    article = make_news(sebuntal, "Kabar Jejak Halaman")
    response = client.get(article.url)
    crumbs = re.search(r'<nav class="wrap crumbs".*?</nav>', response.content.decode(), re.S).group(0)
    expected = [
        (Page.get_url(page), page.title)
        for page in Page.objects.get(pk=article.pk).get_ancestors().filter(depth__gte=2)
    ]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == expected
    assert [title for _, title in expected][-2:] == [sebuntal.page.title, "Berita"]


def test_the_site_is_read_once_per_process_until_a_site_changes(
    client, sebuntal, settings, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["testserver", "sebuntal.example.id"]
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # every request renders
    article = make_news(sebuntal, "Kabar Situs")
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]

    # The village gets a domain of its own: the next request on that host is answered by it.
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="sebuntal.example.id", port=80, root_page=sebuntal.page)
    response = client.get("/berita/kabar-situs/", HTTP_HOST="sebuntal.example.id")
    assert response.status_code == 200
    assert "Kabar Situs" in response.content.decode()
    # And when the domain is taken away again, the host falls back to the default site.
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.filter(hostname="sebuntal.example.id").get().delete()
    assert client.get("/berita/kabar-situs/", HTTP_HOST="sebuntal.example.id").status_code == 404


def test_a_site_is_read_from_the_database_when_the_cache_cannot_say_it_is_current(
    client, sebuntal, monkeypatch, settings
):
    from sinergi.core import sites

    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(sites, "_token", lambda: None)  # the shared cache unreachable
    article = make_news(sebuntal, "Kabar Tanpa Cache")
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        assert [q for q in queries if "wagtailcore_site" in q["sql"]], [q["sql"][:120] for q in queries]
