"""bench/scale.py's queries column counts the SQL of one request (it printed 0 when it read Django's
query log after the timed requests that followed, each of which empties it); its publishing row publishes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.scale import page_figures, publish_figures

pytestmark = pytest.mark.django_db


def test_the_scale_bench_reports_the_queries_of_a_page(client, sebuntal, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0

    figures = page_figures(client, "/marang-kayu/sebuntal/", requests=3)

    with CaptureQueriesContext(connection) as captured:
        client.get("/marang-kayu/sebuntal/")
    assert figures["status"] == 200
    assert figures["queries"] == len(captured.captured_queries) > 0
    assert figures["median_ms"] > 0


def test_the_scale_bench_reports_the_queries_and_time_of_publishing_an_article(sebuntal):
    from sinergi.villages.models import NewsIndexPage, NewsPage

    news = NewsIndexPage.objects.child_of(sebuntal.page).get()
    before = NewsPage.objects.child_of(news).live().count()

    figures = publish_figures(news, publishes=2)

    assert NewsPage.objects.child_of(news).live().count() == before + 4  # warm-up, counted, 2 timed
    assert figures["queries"] > 0
    assert figures["median_ms"] > 0
