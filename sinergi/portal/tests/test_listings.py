"""The portal home and the kecamatan pages stay the same size and cost whatever the number of villages:
the portal lists the kecamatan (with their number of villages), a kecamatan page its villages a page
at a time."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from sinergi.portal import models as portal_models
from sinergi.regions.provisioning import provision_regency

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def four_per_page(monkeypatch):
    monkeypatch.setattr(portal_models, "VILLAGES_PER_PAGE", 4)


def village_links(html, kecamatan="marang-kayu"):
    return re.findall(rf'<a href="(/{kecamatan}/[^/"]+/)">', html)


def queries(client, url) -> int:
    assert client.get(url).status_code == 200  # warm-up
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_a_kecamatan_page_lists_its_villages_a_page_at_a_time(client, four_per_page):
    first = client.get("/marang-kayu/").content.decode()
    second = client.get("/marang-kayu/?halaman=2").content.decode()
    last = client.get("/marang-kayu/?halaman=3").content.decode()

    # Marang Kayu has 11 villages: 4 + 4 + 3, each listed once, in Kemendagri code order.
    pages = [village_links(first), village_links(second), village_links(last)]
    assert [len(links) for links in pages] == [4, 4, 3]
    assert len({link for links in pages for link in links}) == 11
    assert "/marang-kayu/sebuntal/" in pages[0]  # 64.02.17.2001, the first code
    assert "Halaman 1 dari 3" in first and 'href="?halaman=2"' in first and "Berikutnya" in first
    assert "Sebelumnya" not in first
    assert 'href="?halaman=2"' in last and "Sebelumnya" in last and "Berikutnya" not in last
    assert client.get("/marang-kayu/?halaman=4").status_code == 404


def test_a_kecamatan_page_leaves_out_a_private_or_unpublished_village(client, sebuntal, santan_ulu):
    PageViewRestriction.objects.create(page=sebuntal.page, restriction_type=PageViewRestriction.LOGIN)
    santan_ulu.page.unpublish()

    links = village_links(client.get("/marang-kayu/").content.decode())

    assert len(links) == 9  # Marang Kayu's 11, less the two
    assert "/marang-kayu/sebuntal/" not in links and "/marang-kayu/santan-ulu/" not in links


def test_a_kecamatan_with_few_villages_shows_no_page_links(client):
    html = client.get("/marang-kayu/").content.decode()

    assert len(village_links(html)) == 11
    assert "Halaman 1 dari" not in html and "Berikutnya" not in html


def test_a_kecamatan_page_costs_the_same_queries_with_many_villages(
    client, four_per_page, django_assert_num_queries
):
    provision_regency("64.02", district_codes=["64.02.15"])  # Sanga Sanga: 5 villages, 2 pages
    few = queries(client, "/sanga-sanga/?halaman=2")
    provision_regency("64.02", district_codes=["64.02.11"])  # Muara Kaman: 20 villages, 5 pages

    client.get("/muara-kaman/?halaman=3")
    cache.clear()
    with django_assert_num_queries(few):
        response = client.get("/muara-kaman/?halaman=3")
    assert len(village_links(response.content.decode(), "muara-kaman")) == 4


def test_the_portal_lists_the_kecamatan_with_their_number_of_public_villages(client, sebuntal):
    PageViewRestriction.objects.create(page=sebuntal.page, restriction_type=PageViewRestriction.LOGIN)

    html = client.get("/").content.decode()

    assert 'href="/marang-kayu/"' in html and 'href="/tenggarong/"' in html
    assert "(10 desa/kelurahan)" in html  # Marang Kayu's 11, less the private one
    assert "(14 desa/kelurahan)" in html  # Tenggarong
    # The villages themselves are on the kecamatan pages (and found with the search), not here.
    assert not village_links(html) and "/marang-kayu/santan-ulu/" not in html
    assert 'action="/cari/"' in html


def test_the_portal_costs_the_same_queries_with_many_more_villages(client, django_assert_num_queries):
    few = queries(client, "/")
    provision_regency("64.02", district_codes=["64.02.11", "64.02.12"])  # 39 more villages

    client.get("/")
    cache.clear()
    with django_assert_num_queries(few):
        html = client.get("/").content.decode()
    assert "(20 desa/kelurahan)" in html and "(19 desa/kelurahan)" in html
