"""A regency's or village's search finds the same pages, in the same order, as Wagtail's own search,
while its cost follows the pages searched (on PostgreSQL each page looks up its own index entry:
core.search_backend.page_driven_compiler)."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from sinergi.core.pages import listable
from sinergi.core.search import RESULTS_PER_PAGE, search_pages
from sinergi.core.tests.factories import make_news

pytestmark = pytest.mark.django_db

# The query and the number of articles it finds in the regency (Sebuntal's and Santan Ulu's).
QUERIES = {
    "musyawarah": 3,
    "musyawarah jalan": 3,
    '"jalan usaha tani"': 2,
    "balita posyandu": 1,
    "tidak-ada-kata-ini": 0,
}


TITLES = {
    "sebuntal": ["Musyawarah desa membahas jalan usaha tani", "Jalan usaha tani selesai dibangun"],
    "santan_ulu": ["Musyawarah perencanaan pembangunan", "Posyandu menimbang balita"],
}
INTROS = [
    "Warga musyawarah di balai desa.",
    "Musyawarah tahun lalu memutuskannya.",
    "Jalan dibahas.",
    "Kader hadir.",
]


@pytest.fixture
def articles(sebuntal, santan_ulu):
    titles = [*TITLES["sebuntal"], *TITLES["santan_ulu"]]
    villages = [sebuntal, sebuntal, santan_ulu, santan_ulu]
    for village, title, intro in zip(villages, titles, INTROS, strict=True):
        make_news(village, title, intro=intro)
    return set(titles)


def searchable(root):
    pages = Page.objects.descendant_of(root, inclusive=True)
    return pages.filter(pk__in=listable(pages).values("pk"))


@pytest.mark.parametrize("query", QUERIES)
def test_a_search_within_finds_what_wagtails_search_finds_in_the_same_order(
    articles, regency, sebuntal, query
):
    backend = get_search_backend()
    for root in (regency.page, sebuntal.page):
        ours = backend.search_pages_within(query, searchable(root))
        theirs = backend.search(query, searchable(root))

        assert [p.pk for p in ours] == [p.pk for p in theirs], (root.title, query)
        assert ours.count() == theirs.count()
        # As the public pages search (on PostgreSQL the visibility rule is then tested per page).
        shown = search_pages(
            RequestFactory().get("/cari/"), Page.objects.descendant_of(root, inclusive=True), query
        )
        assert [p.pk for p in shown.object_list] == [p.pk for p in theirs[:RESULTS_PER_PAGE]]
        assert shown.paginator.count == theirs.count()
    found = [
        p.title for p in backend.search_pages_within(query, searchable(regency.page)) if p.title in articles
    ]
    assert len(found) == QUERIES[query], found


def test_a_village_search_keeps_to_its_village(client, articles):
    html = client.get("/marang-kayu/sebuntal/cari/?q=musyawarah").content.decode()

    assert "Musyawarah desa membahas jalan usaha tani" in html
    assert "Musyawarah perencanaan pembangunan" not in html  # Santan Ulu's
    assert "Musyawarah perencanaan pembangunan" in client.get("/cari/?q=musyawarah").content.decode()
