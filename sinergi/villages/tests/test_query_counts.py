"""Public pages use a fixed number of queries, whatever the number of villages or articles."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sinergi.core.tests.factories import make_image, make_news
from sinergi.regions.provisioning import provision_regency

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def queries_for(client, url, empty_cache=True) -> int:
    assert client.get(url).status_code == 200  # warm-up: renditions are created once
    if empty_cache:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_articles(village, count, start=0):
    image = make_image(village.collection, width=900, height=600)
    articles = [
        make_news(village, f"Artikel nomor {n}", date=dt.date(2025, 1, 1) + dt.timedelta(days=n), image=image)
        for n in range(start, start + count)
    ]
    return articles[-1]


def test_village_home_article_and_news_index_do_not_grow_with_articles(client, sebuntal):
    article = add_articles(sebuntal, 2)
    before = {
        url: queries_for(client, url)
        for url in ("/marang-kayu/sebuntal/", article.url, "/marang-kayu/sebuntal/berita/")
    }

    article = add_articles(sebuntal, 12, start=2)
    before[article.url] = before.pop(next(u for u in before if "/artikel-nomor-" in u))
    after = {url: queries_for(client, url) for url in before}

    assert after == before


def test_portal_home_does_not_grow_with_villages_or_articles(client, sebuntal, santan_ulu):
    add_articles(sebuntal, 2)
    before = queries_for(client, "/")

    add_articles(santan_ulu, 6)
    provision_regency("64.02", district_codes=["64.02.15"])  # another kecamatan with its villages
    after = queries_for(client, "/")

    assert after == before


def test_exact_query_budgets(client, sebuntal):
    article = add_articles(sebuntal, 3)
    budgets = {
        "/marang-kayu/sebuntal/": queries_for(client, "/marang-kayu/sebuntal/"),
        "article": queries_for(client, article.url),
        "/marang-kayu/sebuntal/berita/": queries_for(client, "/marang-kayu/sebuntal/berita/"),
        "/": queries_for(client, "/"),
    }
    # Measured with an empty cache (site root paths re-read): the site, its root, the path's rows, the
    # page reached with the relations its template shows (a village home's village, logo and banner;
    # an article's image and category), its view restrictions in one query, then the page's own
    # listings. The portal is read with its regency and the regency's identity (the footer): one query.
    # The pictures of the page and its site's home (logo, crest, an article's image) have their
    # renditions read in one query (core.models.want_renditions), not one lookup each.
    ceilings = {"/marang-kayu/sebuntal/": 11, "article": 11, "/marang-kayu/sebuntal/berita/": 12, "/": 9}
    assert all(budgets[page] <= ceiling for page, ceiling in ceilings.items()), budgets

    # Every request after a process's first: the site and the sites' root paths come from the cache
    # (core/sites.py, Wagtail's own), so only the page's rows are read, and the pictures' renditions
    # in one query (that query instead of a cache read and a cache write per picture).
    warm = {
        page: queries_for(client, article.url if page == "article" else page, empty_cache=False)
        for page in budgets
    }
    warm_ceilings = {"/marang-kayu/sebuntal/": 9, "article": 9, "/marang-kayu/sebuntal/berita/": 10, "/": 7}
    assert all(warm[page] <= ceiling for page, ceiling in warm_ceilings.items()), warm


def test_kecamatan_search_and_sitemap_do_not_grow_with_villages_or_regencies(client, sebuntal):
    add_articles(sebuntal, 2)
    urls = [
        "/marang-kayu/",
        "/cari/?q=artikel",
        "/marang-kayu/sebuntal/cari/?q=artikel",
        "/sitemap.xml",
        "/sitemap-halaman.xml",
    ]
    before = {url: queries_for(client, url) for url in urls}

    provision_regency("64.02", district_codes=["64.02.15"])  # more villages in the same portal
    provision_regency("91.71", district_codes=["91.71.05"])  # and another regency's portal
    after = {url: queries_for(client, url) for url in urls}

    assert after == before


def test_a_village_page_without_a_picture_shows_the_homes_banner_for_one_query(client, sebuntal):
    """Every page of a village below its home shows the home's banner as its og:image when it has no
    picture of its own: the banner comes with the home's row (read for the header) and its rendition
    with the page's other pictures', one query in all; it had cost the banner's row and a lookup."""
    from sinergi.villages.models import VillageHomePage

    profile = "/marang-kayu/sebuntal/profil/"
    without = queries_for(client, profile)
    home = VillageHomePage.objects.get(pk=sebuntal.page_id)
    home.banner = make_image(sebuntal.collection, width=1600, height=900)
    home.save_revision().publish()

    with_banner = queries_for(client, profile)
    content = client.get(profile).content
    assert b'property="og:image"' in content and b'content="summary_large_image"' in content
    assert with_banner == without + 1


@pytest.mark.parametrize(
    "url",
    [
        "/marang-kayu/sebuntal/pengaduan/",
        "/marang-kayu/sebuntal/pengaduan/kirim/",
        "/marang-kayu/sebuntal/ppid/permohonan/",
    ],
)
def test_service_pages_read_their_portal_village_and_regency_once(client, sebuntal, url):
    """A page with routes of its own (complaints, PPID forms) reuses what its frame reads: the portal
    routing started from, and the village, kecamatan and regency read with the village home."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    sql = [query["sql"] for query in captured.captured_queries]
    assert sum('FROM "portal_portalpage"' in query for query in sql) == 1, sql
    for table in ("regions_village", "regions_district", "regions_regency"):
        assert not [query for query in sql if query.split(" FROM ")[1].startswith(f'"{table}"')], (table, sql)


@pytest.mark.parametrize("url", ["/cari/?q=zebrakuda", "/marang-kayu/sebuntal/cari/?q=zebrakuda"])
def test_a_sites_search_reads_its_frame_not_the_listings_of_its_home(client, sebuntal, url):
    """The search results are shown in the site's frame (header, menu, footer with the regency); the
    home's own listings (news, announcements, agenda, kecamatan) are not on that page and not read."""
    add_articles(sebuntal, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and "zebrakuda" in html
    assert "Kabupaten Kutai Kartanegara" in html  # the footer's regency
    listings = (
        "villages_newspage",
        "villages_announcementpage",
        "villages_agendapage",
        "portal_districtpage",
    )
    read = [q["sql"] for q in captured if any(table in q["sql"] for table in listings)]
    assert read == []


@pytest.mark.parametrize("route", ["permohonan/", "lacak/", "keberatan/", "register/", "laporan/"])
def test_the_ppid_request_pages_read_their_frame_not_the_ppid_profile(client, sebuntal, route):
    """The PPID profile's officials and the information commission's address are on the PPID page
    itself; the request form, tracking, objection, register and report pages do not read them."""
    url = f"/marang-kayu/sebuntal/ppid/{route}"
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    profile = ("villages_official", "ppid_ppidregencysettings")
    assert [q["sql"] for q in captured if any(table in q["sql"] for table in profile)] == []
