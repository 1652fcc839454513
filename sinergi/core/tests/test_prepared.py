"""Prepared queries (core/prepared.py): SQL compiled once gives what the queryset itself gives."""

import datetime as dt

import pytest
from django.core.paginator import EmptyPage, Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from sinergi.core.pages import listable
from sinergi.core.prepared import MAX_WINDOWS, PreparedListing, PreparedQuery
from sinergi.core.tests.factories import make_image, make_news
from sinergi.regions.models import Village
from sinergi.villages.models import AnnouncementPage, NewsPage


def _news_of(village_id):
    return (
        NewsPage.objects.filter(village_id=village_id)
        .select_related("image", "village")
        .prefetch_related("image__renditions")
        .order_by("-date", "-pk")
    )


def _details(article):
    image = article.image and (article.image.title, [r.filter_spec for r in article.image.renditions.all()])
    return (article.title, image, article.village.name)


def test_rows_are_the_querysets_own_for_every_value_and_read_once(sebuntal, santan_ulu, settings):
    settings.VERIFY_PREPARED_QUERIES = False  # count only the queries a visitor's request would run
    image = make_image(sebuntal.collection)
    make_news(sebuntal, "Kabar Sebuntal Satu", image=image)
    make_news(sebuntal, "Kabar Sebuntal Dua")
    make_news(santan_ulu, "Kabar Santan Ulu")
    prepared = PreparedQuery(_news_of)

    for village in (sebuntal, santan_ulu, sebuntal):
        expected = list(_news_of(village.pk))
        with CaptureQueriesContext(connection) as queries:
            rows = prepared(village.pk)
            # select_related and prefetch_related were honoured: reading them costs nothing more.
            details = [_details(row) for row in rows]
        assert [row.pk for row in rows] == [row.pk for row in expected]
        assert details == [_details(row) for row in expected]
        assert len(queries) == (2 if village == sebuntal else 1)  # the articles, their pictures' renditions
    assert prepared(-5) == []


def test_each_length_of_a_list_and_each_date_is_bound_in_its_place(sebuntal):
    make_news(sebuntal, "Kabar Panjang")
    by_path = PreparedQuery(
        lambda paths, depth: Page.objects.filter(path__in=paths, depth__gte=depth).order_by("path")
    )
    pages = list(Page.objects.filter(depth__gte=2).order_by("path")[:5])
    for count in (1, 3, 5):
        paths = [page.path for page in pages[:count]]
        assert by_path(paths, 3) == list(Page.objects.filter(path__in=paths, depth__gte=3).order_by("path"))
    # A repeated value is dropped, as Django's IN drops it; an empty list matches nothing.
    assert by_path([pages[2].path, pages[2].path], 1) == [pages[2]]
    assert by_path([], 1) == []

    today = dt.date(2026, 12, 1)
    current = PreparedQuery(lambda village_id, day: AnnouncementPage.current(village_id, day))
    for day in (today, today + dt.timedelta(days=400)):
        assert current(sebuntal.pk, day) == list(AnnouncementPage.current(sebuntal.pk, day))


def test_a_prefix_is_bound_as_a_like_pattern_with_its_wildcards_escaped(sebuntal):
    under = PreparedQuery(lambda prefix: Page.objects.filter(url_path__startswith=prefix).order_by("path"))
    for prefix in ("/", sebuntal.page.url_path, sebuntal.page.url_path[:-1] + "_", "/100%"):
        assert under(prefix) == list(Page.objects.filter(url_path__startswith=prefix).order_by("path"))
    assert under(sebuntal.page.url_path)[0].pk == sebuntal.page.pk
    assert under(sebuntal.page.url_path[:-1] + "_") == []  # "_" is a character, not a wildcard


def test_a_value_changed_on_its_way_into_the_sql_or_a_value_of_another_kind_is_refused():
    # The SQL could not be reused with another value: the builder adds to it.
    changed = PreparedQuery(lambda slug: Page.objects.filter(url_path=slug + "/"))
    with pytest.raises(ValueError, match="rewritten"):
        changed("berita")
    # A value the builder does not put in the SQL at all.
    unused = PreparedQuery(lambda pk, depth: Page.objects.filter(pk=pk))
    with pytest.raises(ValueError, match="not SQL parameters"):
        unused(1, 2)
    with pytest.raises(TypeError):
        PreparedQuery(lambda when: Page.objects.filter(last_published_at__gte=when))(dt.datetime(2026, 1, 1))
    with pytest.raises(TypeError):
        PreparedQuery(lambda flag: Page.objects.filter(live=flag))(True)


def test_the_check_catches_a_builder_whose_sql_depends_on_more_than_its_values(db, settings):
    """With VERIFY_PREPARED_QUERIES (on in the tests), each call compares the prepared SQL with the
    queryset built from its values, so a builder that reads anything else fails loudly."""
    settings.VERIFY_PREPARED_QUERIES = True
    state = {"live": True}
    drifting = PreparedQuery(lambda depth: Page.objects.filter(depth=depth, live=state["live"]))
    drifting(2)
    state["live"] = False
    with pytest.raises(AssertionError, match="differs"):
        drifting(2)


def test_the_visibility_rule_and_the_database_clock_are_part_of_the_compiled_sql(sebuntal):
    article = make_news(sebuntal, "Kabar Akan Kedaluwarsa")
    listed = PreparedQuery(lambda village_id: listable(NewsPage.objects.filter(village_id=village_id)))
    assert article in listed(sebuntal.pk)
    NewsPage.objects.filter(pk=article.pk).update(expire_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    assert article not in listed(sebuntal.pk)


def test_a_listing_is_paginated_with_the_querysets_own_pages_and_count(sebuntal, santan_ulu, settings):
    settings.VERIFY_PREPARED_QUERIES = False  # count only the queries a visitor's request would run
    for number in range(7):
        make_news(sebuntal, f"Kabar Sebuntal {number}")
    make_news(santan_ulu, "Kabar Santan Ulu")
    prepared = PreparedQuery(_news_of)
    paginator = Paginator(PreparedListing(prepared, sebuntal.pk), 3)
    expected = Paginator(_news_of(sebuntal.pk), 3)

    assert paginator.count == expected.count == 7 and paginator.num_pages == 3
    for number in (1, 2, 3, 2):
        with CaptureQueriesContext(connection) as queries:
            page = paginator.page(number)
            rows = list(page)
        assert rows == list(expected.page(number)) and page.has_next() == (number < 3)
        assert len(queries) == 1  # the page's rows: counted once for the whole paginator
    assert PreparedListing(prepared, santan_ulu.pk).count() == 1
    assert Paginator(PreparedListing(prepared, -5), 3).count == 0
    with pytest.raises(EmptyPage):
        paginator.page(4)


def test_a_window_is_compiled_once_and_windows_past_the_kept_ones_are_still_right(sebuntal, settings):
    settings.VERIFY_PREPARED_QUERIES = True  # each call also checked against the ORM's own SQL
    for number in range(5):
        make_news(sebuntal, f"Kabar {number}")
    prepared = PreparedQuery(_news_of)
    everything = list(_news_of(sebuntal.pk))
    for offset in range(6):
        assert prepared.window(offset, 2, sebuntal.pk) == everything[offset : offset + 2]
    assert len(prepared._compiled) == 6  # one compiled statement per window
    prepared._windows = MAX_WINDOWS  # as if a crawler had asked for every page
    assert prepared.window(1, 3, sebuntal.pk) == everything[1:4]
    assert len(prepared._compiled) == 6  # not kept
    assert prepared.count(sebuntal.pk) == 5
    with pytest.raises(TypeError):
        prepared.window(-1, 2, sebuntal.pk)
    with pytest.raises(TypeError):
        PreparedListing(prepared, sebuntal.pk)[2]


def test_a_count_is_the_querysets_own_and_is_checked_like_the_rows(sebuntal, settings):
    settings.VERIFY_PREPARED_QUERIES = True
    # A join that repeats rows (each village once per village of its kecamatan named "S..."): counted
    # as the queryset counts them, with and without DISTINCT.
    repeated = PreparedQuery(
        lambda prefix: Village.objects.filter(district__villages__name__startswith=prefix)
    )
    distinct = PreparedQuery(
        lambda prefix: Village.objects.filter(district__villages__name__startswith=prefix).distinct()
    )
    for prefix in ("S", "Se", "Zz"):
        expected = Village.objects.filter(district__villages__name__startswith=prefix)
        assert repeated.count(prefix) == expected.count()
        assert distinct.count(prefix) == expected.distinct().count()
    assert repeated.count("S") > distinct.count("S") > 0

    make_news(sebuntal, "Kabar Dihitung")
    state = {"live": True}
    drifting = PreparedQuery(
        lambda village_id: NewsPage.objects.filter(village_id=village_id, live=state["live"])
    )
    assert drifting.count(sebuntal.pk) == 1
    state["live"] = False
    with pytest.raises(AssertionError, match="differs"):
        drifting.count(sebuntal.pk)


def test_a_small_integer_column_is_compared_with_a_value_in_its_range(sebuntal, settings):
    settings.VERIFY_PREPARED_QUERIES = True
    # A legal document's year is a small integer column (PostgreSQL's smallint): Django refuses a value
    # past its range as matching nothing, so the stand-ins must fit it.
    from sinergi.core.tests.factories import publish, section
    from sinergi.villages.models import LegalDocumentPage, LegalIndexPage

    legal = section(sebuntal, LegalIndexPage)
    for year in (2024, 2025):
        publish(legal, LegalDocumentPage(title=f"Perdes {year}", slug=f"perdes-{year}", kind="perdes",
                                         number="1", year=year, about="Tentang"))  # fmt: skip
    by_year = PreparedQuery(lambda year: LegalDocumentPage.objects.filter(year=year).order_by("pk"))
    for year in (2024, 2025, 2026):
        assert by_year(year) == list(LegalDocumentPage.objects.filter(year=year).order_by("pk"))
        assert by_year.count(year) == (1 if year < 2026 else 0)
