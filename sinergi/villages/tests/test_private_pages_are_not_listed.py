"""Pages restricted with Wagtail's privacy settings are never listed by title to the public.

One rule (sinergi.core.pages.listable) serves every listing, feed, sitemap and search; a public
sibling is the positive control on every page.
"""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from sinergi.core.tests.factories import make_news, section
from sinergi.villages.models import NewsIndexPage

pytestmark = pytest.mark.django_db

PUBLIC = "Musyawarah Terbuka Pasar Desa"
LOGIN_ONLY = "Musyawarah Tertutup Perangkat"
PASSWORD_ONLY = "Musyawarah Bersandi Anggaran"
PLACES = {
    "news index": "/marang-kayu/sebuntal/berita/",
    "village home": "/marang-kayu/sebuntal/",
    "village search": "/marang-kayu/sebuntal/cari/?q=musyawarah",
    "portal search": "/cari/?q=musyawarah",
    "portal home": "/",
    "rss feed": "/marang-kayu/sebuntal/berita/rss/",
    "sitemap": "/sitemap-halaman.xml",
}


@pytest.fixture
def news_with_private_siblings(sebuntal):
    make_news(sebuntal, PUBLIC)
    login_only = make_news(sebuntal, LOGIN_ONLY)
    PageViewRestriction.objects.create(page=login_only, restriction_type=PageViewRestriction.LOGIN)
    password_only = make_news(sebuntal, PASSWORD_ONLY)
    PageViewRestriction.objects.create(
        page=password_only, restriction_type=PageViewRestriction.PASSWORD, password="rahasia-desa"
    )
    return login_only, password_only


@pytest.mark.parametrize("place", PLACES)
def test_private_news_is_not_listed_where_its_public_sibling_is(client, news_with_private_siblings, place):
    response = client.get(PLACES[place])

    assert response.status_code == 200
    text = response.content.decode()
    assert PUBLIC in text or "musyawarah-terbuka-pasar-desa" in text
    for title in (LOGIN_ONLY, PASSWORD_ONLY):
        assert title not in text
        assert title.lower().replace(" ", "-") not in text


def test_news_under_a_private_section_is_not_listed(client, sebuntal):
    make_news(sebuntal, PUBLIC)
    PageViewRestriction.objects.create(
        page=section(sebuntal, NewsIndexPage), restriction_type=PageViewRestriction.LOGIN
    )

    for place in ("village home", "portal home", "portal search", "sitemap"):
        assert PUBLIC not in client.get(PLACES[place]).content.decode(), place


def test_expired_news_is_not_listed_before_the_scheduler_unpublishes_it(client, sebuntal):
    make_news(sebuntal, PUBLIC)
    expired = make_news(sebuntal, LOGIN_ONLY)
    expired.expire_at = timezone.now() - dt.timedelta(hours=1)
    expired.save(update_fields=["expire_at"])

    html = client.get(PLACES["news index"]).content.decode()

    assert PUBLIC in html
    assert LOGIN_ONLY not in html


def test_a_signed_in_visitor_still_reads_the_private_page_itself(
    client, news_with_private_siblings, operator
):
    login_only, _password_only = news_with_private_siblings
    client.force_login(operator)

    assert LOGIN_ONLY in client.get(login_only.url).content.decode()


def test_a_page_made_private_leaves_the_cached_listing_at_once(
    client, sebuntal, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    article = make_news(sebuntal, LOGIN_ONLY)
    assert LOGIN_ONLY in client.get(PLACES["news index"]).content.decode()

    # The cache is cleared once the change is committed (sinergi/core/cache.py).
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    assert LOGIN_ONLY not in client.get(PLACES["news index"]).content.decode()


def _titles(queryset):
    return set(queryset.values_list("title", flat=True))


def test_the_compiled_rule_lists_the_same_pages_as_the_rule_itself_wherever_it_is_nested(
    sebuntal, news_with_private_siblings
):
    """`listable` runs `listable_q()` compiled once (core.pages.Listable): the same rows at top level, as
    a subquery (`pk__in`) and inside a subquery nested in another (the aliases Django gives both)."""
    from django.db.models import Exists, OuterRef
    from wagtail.models import Page

    from sinergi.core.pages import listable, listable_q
    from sinergi.villages.models import NewsPage

    unpublished = make_news(sebuntal, "Rapat Belum Terbit")
    unpublished.unpublish()
    under = Page.objects.descendant_of(sebuntal.page)

    expected = _titles(under.filter(listable_q()))
    assert PUBLIC in expected and not {LOGIN_ONLY, PASSWORD_ONLY, "Rapat Belum Terbit"} & expected

    assert _titles(listable(under)) == expected
    assert _titles(listable(NewsPage.objects.descendant_of(sebuntal.page))) == {
        t for t in expected if t.startswith("Musyawarah")
    }
    assert _titles(Page.objects.filter(pk__in=listable(under).values("pk"))) == expected
    # A page with a public child: the rule nested two subqueries deep, next to Django's own aliases.
    children = Page.objects.filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    parents = under.filter(Exists(listable(children)))
    by_q = under.filter(Exists(children.filter(listable_q())))
    assert _titles(Page.objects.filter(pk__in=parents.values("pk"))) == _titles(by_q) != set()


def test_a_page_is_closed_by_its_own_its_ancestors_and_its_alias_sources_restrictions(
    client, sebuntal, santan_ulu, django_assert_max_num_queries
):
    """SinergiPage.get_view_restrictions answers Wagtail's rule in one query: the same restrictions
    as Wagtail's own (wagtail.models.Page), for a page, under a private section, and for an alias."""
    from wagtail.models import Page

    own = make_news(sebuntal, LOGIN_ONLY)
    PageViewRestriction.objects.create(page=own, restriction_type=PageViewRestriction.LOGIN)
    santan_news = section(santan_ulu, NewsIndexPage)
    PageViewRestriction.objects.create(page=santan_news, restriction_type=PageViewRestriction.LOGIN)
    under_private = make_news(santan_ulu, PASSWORD_ONLY)
    alias = own.create_alias(parent=section(sebuntal, NewsIndexPage), update_slug="salinan-tertutup")
    public = make_news(sebuntal, PUBLIC)

    for page in (own, under_private, alias, public):
        page = page.specific
        with django_assert_max_num_queries(1):
            ours = set(page.get_view_restrictions().values_list("pk", flat=True))
        assert ours == set(Page.get_view_restrictions(page).values_list("pk", flat=True)), page.title
    assert client.get(alias.url).status_code == 302  # to the sign-in page
    assert client.get(under_private.url).status_code == 302
    assert client.get(public.url).status_code == 200


def _count_on_portal(client, kecamatan="Kecamatan Marang Kayu"):
    text = client.get("/").content.decode()
    start = text.index(f">{kecamatan}</a>")
    return int(text[start:].split("(", 1)[1].split(" ", 1)[0])


def test_the_portal_counts_only_the_villages_the_public_may_see(
    client, sebuntal, santan_ulu, django_capture_on_commit_callbacks
):
    """A private, an unpublished and an expired village home each leave the kecamatan's count."""
    before = _count_on_portal(client)
    assert before >= 3

    with django_capture_on_commit_callbacks(execute=True):  # the cached portal is let go
        PageViewRestriction.objects.create(page=sebuntal.page, restriction_type=PageViewRestriction.LOGIN)
        santan_ulu.page.unpublish()
    after = _count_on_portal(client)
    assert after == before - 2

    home = (
        sebuntal.page.__class__.objects.exclude(pk__in=[sebuntal.page.pk, santan_ulu.page.pk])
        .filter(path__startswith=sebuntal.page.path[:12], live=True)
        .first()
    )
    home.expire_at = timezone.now() - dt.timedelta(minutes=1)
    home.save(update_fields=["expire_at"])
    cache.clear()  # an expiry takes effect when the cached page does (PUBLIC_PAGE_CACHE_SECONDS)
    assert _count_on_portal(client) == before - 3
