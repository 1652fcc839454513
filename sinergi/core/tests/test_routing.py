"""Public pages are routed in a fixed number of queries, with Wagtail's rules kept."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from sinergi.core.tests.factories import make_news, section
from sinergi.villages.models import NewsIndexPage


def _route(path):
    request = RequestFactory().get(path)
    with CaptureQueriesContext(connection) as queries:
        page, args, _kwargs = Page.route_for_request(request, path)
    return page, args, len(queries)


def test_a_deep_page_is_found_with_as_few_queries_as_a_shallow_one(sebuntal):
    article = make_news(sebuntal, "Jalan usaha tani selesai dibangun")
    Site.find_for_request(RequestFactory().get("/"))  # the site lookup is not the router's cost
    home, _args, home_queries = _route(sebuntal.page.url)
    found, _args, article_queries = _route(article.url)
    assert home.pk == sebuntal.page.pk and found.pk == article.pk
    assert type(found).__name__ == "NewsPage"
    # Base rows of the whole path in one query, the page reached as its own type in another (Wagtail
    # asked two per level: eight for an article).
    assert article_queries == home_queries <= 4


def test_a_page_type_with_routes_answers_for_them_before_its_children(client, sebuntal):
    home = sebuntal.page.url
    assert client.get(f"{home}cari/", {"q": "desa"}).status_code == 200
    news = section(sebuntal, NewsIndexPage)
    assert client.get(f"{news.url}rss/").status_code == 200


def test_unknown_unpublished_and_foreign_paths_are_not_found(client, sebuntal, santan_ulu):
    article = make_news(sebuntal, "Rapat desa")
    assert client.get(article.url).status_code == 200
    assert client.get(f"{sebuntal.page.url}tidak-ada/").status_code == 404
    assert client.get(f"{article.url}tidak-ada/").status_code == 404
    # The same slug under another village's news is another page, not this one.
    other_news = section(santan_ulu, NewsIndexPage)
    assert client.get(f"{other_news.url}{article.slug}/").status_code == 404
    draft = make_news(sebuntal, "Rencana yang ditarik")
    draft.unpublish()
    assert client.get(draft.url).status_code == 404


def test_a_pages_children_read_as_a_path_range_are_wagtails_children(sebuntal):
    from sinergi.core.pages import child_range

    def children_of(page):
        return Page.objects.filter(**child_range(page))

    article = make_news(sebuntal, "Jalan usaha tani selesai dibangun")
    news = section(sebuntal, NewsIndexPage)
    for page in (Page.objects.get(depth=2), sebuntal.page.get_parent(), sebuntal.page, news, article):
        expected = list(Page.objects.child_of(page).order_by("path").values_list("pk", flat=True))
        assert list(children_of(page).order_by("path").values_list("pk", flat=True)) == expected
    assert list(children_of(news).values_list("pk", flat=True)) == [article.pk]
