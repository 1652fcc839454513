"""The regency portal (root of the tree) and the kecamatan pages under it."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from sinergi.core.models import want_renditions
from sinergi.core.pages import (
    PORTAL_DEPTH,
    IntroMixin,
    SinergiPage,
    descendants_range,
    listable,
    listable_child_q,
    site_root,
)
from sinergi.core.prepared import PreparedListing, PreparedQuery
from sinergi.regions.models import Regency, Village
from sinergi.villages.models import AnnouncementPage, NewsPage, paginate

PORTAL_NEWS_COUNT = 8
# Villages per page of a kecamatan page (?halaman=2…): a kecamatan has up to a few hundred.
VILLAGES_PER_PAGE = 60


def _latest_news(queryset, count=PORTAL_NEWS_COUNT):
    return queryset.select_related("image", "village", "category").order_by("-date", "-pk")[:count]


def _listable_villages(path, upper, **filters):
    """The villages below the page at `path` whose home the public may see (a private or unpublished
    village home is not linked); `path` and `upper` are that page's range of descendant paths
    (core.pages.descendants_range). Driven from the villages that `filters` select (a kecamatan's, by
    its index), each home tested by its key, so the cost follows the villages listed, not the
    instance's size."""
    home = Page.objects.filter(pk=OuterRef("page_id"), path__gt=path, path__lte=upper)
    return Village.objects.filter(Exists(listable(home)), **filters).select_related("page")


def _news_under(path, request):
    """The newest public articles below `path` (the portal's, a kecamatan's): one prepared query
    (core.prepared); their pictures' renditions are read with the page's others (want_renditions)."""
    news = _newest_below(path)
    want_renditions(request, (article.image for article in news))
    return news


# A prefix (LIKE), not a range of the path index: the planner then reads the newest articles through
# their (date, page) index and stops at the first that fit (a range made SQLite read the whole subtree).
_newest_below = PreparedQuery(
    lambda path: _latest_news(NewsPage.objects.listable().filter(path__startswith=path))
)
# Regency announcements are the ones outside every village.
_regency_announcements = PreparedQuery(
    lambda path, upper, today: (
        AnnouncementPage.objects.listable()
        .filter(
            path__gt=path,
            path__lte=upper,
            village__isnull=True,
            valid_from__lte=today,
            valid_until__gte=today,
        )
        .order_by("valid_until")[:5]
    )
)
# The footer's "Dikelola oleh …": the regency and its identity in one query.
_regency_of_portal = PreparedQuery(
    lambda page_id: (
        Regency.objects.select_related("identity__crest").filter(page_id=page_id).order_by("pk")[:1]
    )
)


def _districts_of_portal(path, upper, depth):
    """The kecamatan with the number of their public villages, counted in the database: the villages
    themselves are listed (paginated) on each kecamatan page, and found with the search.

    A kecamatan's count is what its page lists: the villages of its district whose home is a child of
    its page and public. The kecamatan pages listed are public themselves, so a home needs only its own
    tests (core.pages.listable_child_q): the whole rule per village cost 3.5 ms of the portal's page
    for 237 villages."""
    counts = (
        Village.objects.filter(
            listable_child_q("page__"),
            district=OuterRef("district"),
            page__path__gt=OuterRef("path"),
            page__path__lte=Concat(OuterRef("path"), Value(Page.alphabet[-1] * Page.steplen)),
            page__depth=OuterRef("depth") + 1,
        )
        .order_by()
        .values("district")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        DistrictPage.objects.listable().filter(path__gt=path, path__lte=upper, depth=depth)
        .annotate(village_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0)))
        .order_by("title")
    )  # fmt: skip


_districts = PreparedQuery(_districts_of_portal)
# A kecamatan page's villages, a page at a time (core.prepared.PreparedListing).
_villages_of_district = PreparedQuery(
    lambda path, upper, page_id: _listable_villages(path, upper, district__page_id=page_id).order_by("code")
)
_portal_at = PreparedQuery(
    lambda path: (
        PortalPage.objects.select_related(*PortalPage.route_select_related)
        .filter(path=path)
        .order_by("pk")[:1]
    )
)


@site_root(PORTAL_DEPTH)
class PortalPage(RoutablePageMixin, IntroMixin, SinergiPage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.DistrictPage", "villages.NewsIndexPage", "villages.AnnouncementIndexPage"]
    max_count_per_parent = None
    show_share_links = False
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("portal kabupaten")
        verbose_name_plural = _("portal kabupaten")

    # Read with its regency and the regency's identity (the footer's "Dikelola oleh …"), by routing
    # (core.pages.read_specific) as by home_at: a kecamatan's or village's page reuses it.
    route_select_related = ("regency__identity__crest",)

    @classmethod
    def home_at(cls, path):
        return _portal_at.first(path)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        below = descendants_range(self.path)
        context["latest_news"] = _news_under(self.path, request)
        context["announcements"] = _regency_announcements(*below.values(), timezone.localdate())
        read = self._state.fields_cache  # the regency, if routing read it with the page
        context["regency"] = read["regency"] if "regency" in read else _regency_of_portal.first(self.pk)
        context["districts"] = _districts(*below.values(), self.depth + 1)
        return context

    @path("cari/", name="search")
    def search_view(self, request):
        from sinergi.core.search import search_pages

        query = request.GET.get("q", "").strip()[:200]
        results = search_pages(request, Page.objects.descendant_of(self, inclusive=True), query)
        return self.render_in_frame(
            request, "core/search_results.html", query=query, results=results, search_scope=self.title
        )


class DistrictPage(IntroMixin, SinergiPage):
    parent_page_types = ["portal.PortalPage"]
    subpage_types = ["villages.VillageHomePage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["villages"] = paginate(
            request,
            PreparedListing(_villages_of_district, *descendants_range(self.path).values(), self.pk),
            per_page=VILLAGES_PER_PAGE,
        )
        context["latest_news"] = _news_under(self.path, request)
        return context
