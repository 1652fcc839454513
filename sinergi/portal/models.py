"""The regency portal (root of the tree) and the kecamatan pages under it."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from sinergi.core.pages import PORTAL_DEPTH, IntroMixin, SinergiPage, listable, site_root
from sinergi.regions.models import Regency, Village
from sinergi.villages.models import AnnouncementPage, NewsPage, paginate

PORTAL_NEWS_COUNT = 8
# Villages per page of a kecamatan page (?halaman=2…): a kecamatan has up to a few hundred.
VILLAGES_PER_PAGE = 60


def _latest_news(queryset, count=PORTAL_NEWS_COUNT):
    return (
        queryset.select_related("image", "village", "category").prefetch_related("image__renditions")
        .order_by("-date", "-pk")[:count]
    )  # fmt: skip


def _listable_villages(under, **filters):
    """The villages below page `under` whose home the public may see (a private or unpublished village
    home is not linked). Driven from the villages that `filters` select (a kecamatan's, by its index),
    each home tested by its key, so the cost follows the villages listed, not the instance's size."""
    home = Page.objects.filter(pk=OuterRef("page_id"), path__startswith=under.path)
    return Village.objects.filter(Exists(listable(home)), **filters).select_related("page")


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

    @classmethod
    def home_at(cls, path):
        return cls.objects.select_related("regency__identity__crest").filter(path=path).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["latest_news"] = _latest_news(NewsPage.objects.listable().descendant_of(self))
        # Regency announcements are the ones outside every village.
        context["announcements"] = (
            AnnouncementPage.objects.listable().descendant_of(self)
            .filter(village__isnull=True, valid_from__lte=today, valid_until__gte=today).order_by("valid_until")[:5]
        )  # fmt: skip
        # The footer's "Dikelola oleh …": the regency and its identity in one query.
        context["regency"] = Regency.objects.select_related("identity__crest").filter(page=self).first()
        # The kecamatan with the number of their public villages, counted in the database: the villages
        # themselves are listed (paginated) on each kecamatan page, and found with the search.
        counts = (
            _listable_villages(self, district=OuterRef("district")).order_by()
            .values("district").annotate(n=Count("pk")).values("n")
        )  # fmt: skip
        context["districts"] = (
            DistrictPage.objects.listable().child_of(self).select_related("district")
            .annotate(village_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0)))
            .order_by("title")
        )  # fmt: skip
        return context

    @path("cari/", name="search")
    def search_view(self, request):
        from sinergi.core.search import search_pages

        query = request.GET.get("q", "").strip()[:200]
        results = search_pages(request, Page.objects.descendant_of(self, inclusive=True), query)
        return self.render(
            request,
            context_overrides={"query": query, "results": results, "search_scope": self.title},
            template="core/search_results.html",
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
            _listable_villages(self, district__page=self).order_by("code"),
            per_page=VILLAGES_PER_PAGE,
        )
        context["latest_news"] = _latest_news(NewsPage.objects.listable().descendant_of(self))
        return context
