"""Publishing in one village refreshes that village, its kecamatan and the portal, and leaves every
other village's cached pages in the cache (sinergi/core/cache.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from sinergi.core.tests.factories import make_news
from sinergi.regions.models import Village

pytestmark = pytest.mark.django_db
SEBUNTAL_HOME = "/marang-kayu/sebuntal/"
SEBUNTAL_NEWS = "/marang-kayu/sebuntal/berita/"
MARANG_KAYU = "/marang-kayu/"
PORTAL = "/"


def queries_for(client, path, **extra) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **extra)
    assert response.status_code == 200, path
    return len(captured), response.content.decode()


def warm(client, path, **extra) -> None:
    """Render until the page is served from the cache: the first render registers the path's scope,
    the second is stored under it."""
    for _ in range(3):
        if queries_for(client, path, **extra)[0] == 0:
            return
    raise AssertionError(f"{path} is never served from the cache")


@pytest.fixture
def other_villages(santan_ulu):
    """A village of the same kecamatan and one of another kecamatan (Tenggarong), as page paths."""
    elsewhere = Village.objects.select_related("page").filter(code__startswith="64.02.06.").first()
    return [santan_ulu.page.url, elsewhere.page.url]


def test_publishing_in_one_village_keeps_the_other_villages_pages_cached(
    client, sebuntal, other_villages, django_capture_on_commit_callbacks
):
    paths = [*other_villages, f"{other_villages[0]}berita/"]
    for path in paths:
        warm(client, path)
    with django_capture_on_commit_callbacks(execute=True):
        make_news(sebuntal, "Kabar Hanya Sebuntal")
    for path in paths:
        count, html = queries_for(client, path)
        assert count == 0, f"{path} was emptied from the cache by a publish in another village"
        assert "Kabar Hanya Sebuntal" not in html


def test_publishing_in_a_village_refreshes_its_pages_its_kecamatan_and_the_portal(
    client, sebuntal, django_capture_on_commit_callbacks
):
    for path in (SEBUNTAL_HOME, SEBUNTAL_NEWS, MARANG_KAYU, PORTAL):
        warm(client, path)
    with django_capture_on_commit_callbacks(execute=True):
        make_news(sebuntal, "Jembatan Baru Diresmikan")
    for path in (SEBUNTAL_HOME, SEBUNTAL_NEWS, MARANG_KAYU, PORTAL):
        assert "Jembatan Baru Diresmikan" in queries_for(client, path)[1], path


def test_unpublishing_a_village_article_takes_it_off_its_listings_at_once(
    client, sebuntal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        news = make_news(sebuntal, "Berita Yang Ditarik")
    for path in (SEBUNTAL_NEWS, MARANG_KAYU, PORTAL):
        warm(client, path)
        assert "Berita Yang Ditarik" in queries_for(client, path)[1]
    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
    for path in (SEBUNTAL_NEWS, MARANG_KAYU, PORTAL):
        assert "Berita Yang Ditarik" not in queries_for(client, path)[1], path


def test_a_kecamatan_page_change_refreshes_the_pages_of_its_villages(
    client, sebuntal, other_villages, django_capture_on_commit_callbacks
):
    district_page = sebuntal.page.get_parent().specific
    for path in (SEBUNTAL_HOME, *other_villages):
        warm(client, path)
    district_page.title = "Kecamatan Marang Kayu Baru"
    with django_capture_on_commit_callbacks(execute=True):
        district_page.save_revision().publish()
    for path in (SEBUNTAL_HOME, *other_villages):
        # Menus and breadcrumbs may show it anywhere: every page is rendered again.
        assert queries_for(client, path)[0] > 0, path


def test_a_village_on_its_own_domain_sees_its_news_at_once(
    client, santan_ulu, settings, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "santanulu.desa.test"]
    Site.objects.create(
        hostname="santanulu.desa.test", port=80, root_page=santan_ulu.page, site_name="Santan Ulu"
    )
    for path in ("/", "/berita/"):
        warm(client, path, HTTP_HOST="santanulu.desa.test")
    with django_capture_on_commit_callbacks(execute=True):
        make_news(santan_ulu, "Kabar Dari Domain Sendiri")
    for path in ("/", "/berita/"):
        assert "Kabar Dari Domain Sendiri" in queries_for(client, path, HTTP_HOST="santanulu.desa.test")[1]


def test_a_path_seen_for_the_first_time_is_still_fresh(client, sebuntal, django_capture_on_commit_callbacks):
    """Before its scope is known a village path is keyed like the portal: any publish refreshes it."""
    queries_for(client, SEBUNTAL_NEWS)  # rendered once, stored under the portal's generation
    with django_capture_on_commit_callbacks(execute=True):
        make_news(sebuntal, "Kabar Pertama Kali")
    assert "Kabar Pertama Kali" in queries_for(client, SEBUNTAL_NEWS)[1]
