"""/sitemap.xml is an index of sitemap files of at most SITEMAP_MAX_URLS addresses each."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sinergi.core.tests.factories import make_news

LOC = re.compile(r"<loc>([^<]+)</loc>")


def _locations(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return LOC.findall(response.content.decode())


def test_the_index_lists_files_that_together_hold_every_public_page_once(client, sebuntal, settings):
    settings.SITEMAP_MAX_URLS = 40
    make_news(sebuntal, "Berita Untuk Peta Situs")

    index = client.get("/sitemap.xml")
    assert "<sitemapindex" in index.content.decode()
    files = _locations(index)
    assert len(files) > 2  # the test regency has some 360 public pages
    assert files[0] == "http://testserver/sitemap-halaman.xml"
    assert files[1] == "http://testserver/sitemap-halaman.xml?p=2"

    pages = []
    for url in files:
        in_file = _locations(client.get(url.removeprefix("http://testserver")))
        assert 0 < len(in_file) <= 40
        pages += in_file
    assert len(pages) == len(set(pages))
    paths = {re.sub(r"^https?://[^/]+", "", url) for url in pages}
    assert "/marang-kayu/sebuntal/berita/berita-untuk-peta-situs/" in paths
    assert "/" in paths


def test_every_sitemap_file_costs_the_same_queries(client, sebuntal, settings):
    settings.SITEMAP_MAX_URLS = 40
    client.get("/sitemap-halaman.xml?p=3")  # the site's root paths, cached once for every request
    counts = set()
    for page in (1, 2, 5):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/sitemap-halaman.xml?p={page}").status_code == 200
        counts.add(len(queries))
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sitemap.xml").status_code == 200
    assert len(counts) == 1
    assert counts.pop() <= 4
    assert len(queries) <= 4


def test_a_file_beyond_the_last_or_an_unknown_section_is_not_found(client, db, settings):
    settings.SITEMAP_MAX_URLS = 40
    assert client.get("/sitemap-halaman.xml?p=999").status_code == 404
    assert client.get("/sitemap-lain.xml").status_code == 404


def test_each_address_is_the_one_wagtail_gives_the_page(client, sebuntal):
    """The file makes its addresses from the rows (sinergi.core.sitemaps.SiteAddresses): the same as
    Wagtail's Page.get_full_url, with a village on a domain of its own and a slug that needs quoting."""
    from django.test import RequestFactory
    from wagtail.models import Page, Site

    from sinergi.core.pages import listable, without_empty_sections

    Site.objects.create(hostname="sebuntal.example.id", port=443, root_page=sebuntal.page)
    article = make_news(sebuntal, "Kabar Dari Kebun")
    article.slug = "kabar-señor-kebun"
    article.save_revision().publish()

    in_file = _locations(client.get("/sitemap-halaman.xml"))

    request = RequestFactory().get("/")
    root = Site.find_for_request(request).root_page
    pages = without_empty_sections(listable(Page.objects.descendant_of(root, inclusive=True))).order_by(
        "path"
    )
    expected = [page.get_full_url(request) for page in pages]
    assert len(expected) > 100
    assert in_file == expected
    assert any(url.endswith("/marang-kayu/sebuntal/berita/kabar-se%C3%B1or-kebun/") for url in in_file)
    assert not any("sebuntal.example.id" in url for url in in_file)  # the portal's site, not the village's
