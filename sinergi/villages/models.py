"""Page types of a village website (docs/domain.md, "Words on screen").

The village home holds the village's settings (branding, contact, office location); its standard
sections are its children, one of each, created by provisioning.
"""

import datetime as dt
from collections import defaultdict

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Now
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from sinergi.core.fields import PhoneNumberField
from sinergi.core.models import want_renditions
from sinergi.core.pages import (
    STEPLEN,
    VILLAGE_DEPTH,
    IntroMixin,
    SinergiPage,
    child_range,
    listing_section,
    site_root,
)
from sinergi.core.prepared import PreparedListing, PreparedQuery
from sinergi.core.validators import validate_brand_colour
from sinergi.regions.models import Village

NEWS_PER_PAGE = 10
# Service pages linked from the village home; their apps build on this one, so they are named, not imported.
SERVICE_PAGES = ["finance.TransparencyPage", "ppid.PpidPage", "complaints.ComplaintsPage"]
DEFAULT_BRAND_COLOUR = "#1B5E20"
# What every page of a village shows of its home, joined when the home is read: its logo, kecamatan and
# regency, the regency's identity (the office that runs the site, its crest), and the banner (the
# og:image of a page without a picture of its own).
HOME_JOINS = ("logo", "banner", "village__district__regency__identity__crest")


def _image_fk(verbose_name):
    return models.ForeignKey(
        "core.SinergiImage",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def paginate(request, queryset, per_page=NEWS_PER_PAGE):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("halaman", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        raise Http404 from None


class VillagePage(SinergiPage):
    """A page inside one village's website; remembers its village for cross-village listings."""

    village = models.ForeignKey(
        "regions.Village", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    @cached_property
    def village_home(self):
        home = SinergiPage.village_home.func(self)
        # The home is read with its village, kecamatan and regency (HOME_JOINS) for every public page's
        # frame: this page's village is that one, with no query of its own (a complaint form's
        # categories and a PPID page's calendar are the regency's).
        joined = home._state.fields_cache.get("village") if home is not None else None
        if joined is not None and joined.pk == self.village_id:
            VillagePage._meta.get_field("village").set_cached_value(self, joined)
        return home

    def save(self, *args, **kwargs):
        home = self.village_home if self.depth and self.depth >= VILLAGE_DEPTH else None
        self.village_id = getattr(getattr(home, "village", None), "pk", None)
        super().save(*args, **kwargs)


def village_of_path(path: str):
    """The village whose website holds the page at `path` (None above the village homes)."""
    if len(path) < VILLAGE_DEPTH * STEPLEN:
        return None
    return Village.objects.filter(page__path=path[: VILLAGE_DEPTH * STEPLEN]).first()


def assign_villages(root: Page) -> None:
    """Store again the village of `root` and of all its descendants from where they stand now.

    Wagtail's move and tree operations save the base Page only, so VillagePage.save does not run:
    one query reads the subtree, one its village homes, then one update per page type and village.
    """
    home_length = VILLAGE_DEPTH * STEPLEN
    pages = list(
        Page.objects.descendant_of(root, inclusive=True).values_list("pk", "path", "content_type_id")
    )
    prefixes = {tree_path[:home_length] for _pk, tree_path, _type in pages if len(tree_path) >= home_length}
    village_by_prefix = dict(Village.objects.filter(page__path__in=prefixes).values_list("page__path", "pk"))
    groups = defaultdict(list)
    for pk, tree_path, type_id in pages:
        in_village = len(tree_path) >= home_length
        village_id = village_by_prefix.get(tree_path[:home_length]) if in_village else None
        groups[type_id, village_id].append(pk)
    for (type_id, village_id), pks in groups.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None and issubclass(model, VillagePage):
            model.objects.filter(pk__in=pks).update(village_id=village_id)


# --------------------------------------------------------------------------- home


@site_root(VILLAGE_DEPTH)
class VillageHomePage(RoutablePageMixin, SinergiPage):
    banner = _image_fk(_("banner"))
    tagline = models.CharField(_("slogan"), max_length=160, blank=True)
    welcome_title = models.CharField(_("judul sambutan"), max_length=160, blank=True)
    welcome_text = RichTextField(_("sambutan kepala desa"), blank=True, features=["bold", "italic", "link"])
    head_name = models.CharField(_("nama kepala desa/lurah"), max_length=120, blank=True)
    head_photo = _image_fk(_("foto kepala desa/lurah"))

    logo = _image_fk(_("logo"))
    primary_colour = models.CharField(
        _("warna utama"),
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        validators=[validate_brand_colour],
        help_text=_("Kode warna, misalnya #1B5E20. Harus cukup gelap agar teks putih tetap terbaca."),
    )

    address = models.TextField(_("alamat kantor"), blank=True, max_length=400)
    phone = PhoneNumberField(_("telepon"), max_length=40, blank=True)
    whatsapp = PhoneNumberField(_("WhatsApp"), max_length=40, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    office_hours = models.TextField(
        _("jam pelayanan"), blank=True, max_length=400, help_text=_("Misalnya: Senin–Kamis 08.00–15.00 WITA")
    )
    latitude = models.DecimalField(
        _("lintang"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-11), MaxValueValidator(6)],
    )
    longitude = models.DecimalField(
        _("bujur"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(94), MaxValueValidator(142)],
    )

    alternative_names = models.CharField(
        _("ejaan lain"),
        max_length=200,
        blank=True,
        help_text=_("Ejaan lain nama desa yang dipakai warga, agar tetap ditemukan lewat pencarian."),
    )

    show_share_links = False
    parent_page_types = ["portal.DistrictPage"]
    subpage_types = [
        "villages.ProfilePage",
        "villages.GovernmentPage",
        "villages.NewsIndexPage",
        "villages.AnnouncementIndexPage",
        "villages.AgendaIndexPage",
        "villages.GalleryIndexPage",
        "villages.PotentialIndexPage",
        "villages.LegalIndexPage",
        "finance.TransparencyPage",
        "ppid.PpidPage",
        "complaints.ComplaintsPage",
        "villages.ContactPage",
        "kim.KimPage",
        "villages.StandardPage",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("tagline"),
        index.SearchField("welcome_text"),
        index.SearchField("alternative_names"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        FieldPanel("banner"),
        MultiFieldPanel(
            [
                FieldPanel("welcome_title"),
                FieldPanel("welcome_text"),
                FieldPanel("head_name"),
                FieldPanel("head_photo"),
            ],
            heading=_("Sambutan"),
        ),
    ]
    branding_panels = [FieldPanel("logo"), FieldPanel("primary_colour")]
    contact_panels = [
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("whatsapp")]),
        FieldPanel("email"),
        FieldPanel("office_hours"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Lokasi kantor")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Beranda")),
            ObjectList(branding_panels, heading=_("Tampilan")),
            ObjectList(contact_panels, heading=_("Kontak")),
            ObjectList([*Page.promote_panels, FieldPanel("alternative_names")], heading=_("Promosi")),
            ObjectList(Page.settings_panels, heading=_("Pengaturan")),
        ]
    )

    class Meta:
        verbose_name = _("beranda desa")
        verbose_name_plural = _("beranda desa")

    # Routing reads the home with what its header, footer and hero show (core.pages._read_specific).
    route_select_related = (*HOME_JOINS, "head_photo")

    @cached_property
    def village_home(self):
        # The header needs the village, kecamatan and regency: this very page when routing read them
        # (route_select_related), else a copy with them joined.
        if {"village", "logo"} <= self._state.fields_cache.keys():
            return self
        return VillageHomePage.objects.select_related(*HOME_JOINS).get(pk=self.pk)

    @classmethod
    def home_at(cls, path):
        # The header shows the logo, the village, its kecamatan and regency: one query for all, its SQL
        # compiled once (core.prepared): every page of a village below its home reads it.
        return _home_at.first(path)

    def get_social_image(self):
        return self.banner or self.logo

    def get_summary(self) -> str:
        if self.search_description or self.tagline:
            return self.search_description or self.tagline
        village = self.village_home.village
        if village is None:
            return ""
        return _(
            "Situs resmi %(village)s, Kecamatan %(district)s, %(regency)s: berita, pengumuman, "
            "transparansi APBDes, permohonan informasi dan pengaduan warga."
        ) % {
            "village": village.display_name,
            "district": village.district.name,
            "regency": village.district.regency.name,
        }

    @cached_property
    def map_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"

    def section(self, model):
        return model.objects.filter(**child_range(self)).listable().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        village = self.village_home.village
        if village is not None:
            context["latest_news"] = news = _home_news(village.pk)
            want_renditions(request, (article.image for article in news))
            context["announcements"] = _home_announcements(village.pk, timezone.localdate())
            context["agenda"] = _home_agenda(village.pk)
        # Only titles and URLs are needed: base Page rows, keyed by their model's name, in one query.
        service_pages = [apps.get_model(label) for label in SERVICE_PAGES]
        models_by_type = {
            ContentType.objects.get_for_model(model).pk: model.__name__
            for model in (*service_pages, ContactPage, NewsIndexPage, AnnouncementIndexPage, AgendaIndexPage)
        }
        # The menu (base template) reads the same children: one query for both.
        children = self.listable_children
        context["sections"] = {
            models_by_type[page.content_type_id]: page
            for page in children
            if page.content_type_id in models_by_type
        }
        context["other_sections"] = [page for page in children if not page.show_in_menus]
        return context

    @path("cari/", name="search")
    def search_view(self, request):
        from sinergi.core.search import search_pages

        query = request.GET.get("q", "").strip()[:200]
        results = search_pages(request, Page.objects.descendant_of(self, inclusive=True), query)
        return self.render_in_frame(
            request, "core/search_results.html", query=query, results=results, search_scope=self.title
        )


# --------------------------------------------------------------------------- profile & government


class ProfilePage(VillagePage):
    history = RichTextField(_("sejarah"), blank=True)
    vision = models.TextField(_("visi"), blank=True, max_length=1000)
    mission = RichTextField(_("misi"), blank=True, features=["ol", "ul", "bold", "italic"])
    area_km2 = models.DecimalField(
        _("luas wilayah (km²)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    boundary_north = models.CharField(_("batas utara"), max_length=200, blank=True)
    boundary_south = models.CharField(_("batas selatan"), max_length=200, blank=True)
    boundary_east = models.CharField(_("batas timur"), max_length=200, blank=True)
    boundary_west = models.CharField(_("batas barat"), max_length=200, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("tahun data penduduk"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    population_male = models.PositiveIntegerField(_("penduduk laki-laki"), null=True, blank=True)
    population_female = models.PositiveIntegerField(_("penduduk perempuan"), null=True, blank=True)
    households = models.PositiveIntegerField(_("jumlah kepala keluarga"), null=True, blank=True)
    hamlets = models.PositiveSmallIntegerField(_("jumlah dusun"), null=True, blank=True)
    neighbourhoods = models.PositiveSmallIntegerField(_("jumlah RT"), null=True, blank=True)

    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, index.SearchField("history"), index.SearchField("vision")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("history"),
        MultiFieldPanel([FieldPanel("vision"), FieldPanel("mission")], heading=_("Visi & Misi")),
        MultiFieldPanel(
            [
                FieldPanel("area_km2"),
                FieldRowPanel([FieldPanel("boundary_north"), FieldPanel("boundary_south")]),
                FieldRowPanel([FieldPanel("boundary_east"), FieldPanel("boundary_west")]),
            ],
            heading=_("Wilayah"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("population_year"),
                FieldRowPanel([FieldPanel("population_male"), FieldPanel("population_female")]),
                FieldRowPanel(
                    [FieldPanel("households"), FieldPanel("hamlets"), FieldPanel("neighbourhoods")]
                ),
            ],
            heading=_("Demografi"),
        ),
    ]

    class Meta:
        verbose_name = _("profil desa")
        verbose_name_plural = _("profil desa")

    @property
    def population_total(self):
        if self.population_male is None and self.population_female is None:
            return None
        return (self.population_male or 0) + (self.population_female or 0)


class GovernmentPage(IntroMixin, VillagePage):
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("officials", heading=_("Perangkat desa"), label=_("Perangkat")),
        InlinePanel("bpd_members", heading=_("Badan Permusyawaratan Desa (BPD)"), label=_("Anggota BPD")),
        InlinePanel("institutions", heading=_("Lembaga kemasyarakatan"), label=_("Lembaga")),
    ]

    class Meta:
        verbose_name = _("pemerintahan desa")
        verbose_name_plural = _("pemerintahan desa")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The photos' renditions are read with the frame's in one query.
        officials = list(_child_rows(self, "officials", _officials_of))
        want_renditions(request, (official.photo for official in officials))
        context["officials"] = officials
        context["bpd_members"] = _child_rows(self, "bpd_members", _bpd_members_of)
        context["institutions"] = _child_rows(self, "institutions", _institutions_of)
        context["org_chart"] = [
            (label, [o for o in officials if o.tier == tier]) for tier, label in Official.Tier.choices
        ]
        return context


class Official(Orderable):
    """A village official; the organisation chart is drawn from the tiers, in order."""

    class Tier(models.TextChoices):
        HEAD = "pimpinan", _("Kepala Desa")
        SECRETARIAT = "sekretariat", _("Sekretariat")
        TECHNICAL = "pelaksana_teknis", _("Pelaksana Teknis")
        REGIONAL = "kewilayahan", _("Pelaksana Kewilayahan")

    page = ParentalKey(GovernmentPage, on_delete=models.CASCADE, related_name="officials")
    name = models.CharField(_("nama"), max_length=120)
    position = models.CharField(_("jabatan"), max_length=120)
    tier = models.CharField(_("kelompok"), max_length=20, choices=Tier.choices, default=Tier.TECHNICAL)
    photo = _image_fk(_("foto"))
    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("tier"), FieldPanel("photo")]

    class Meta(Orderable.Meta):
        verbose_name = _("perangkat desa")

    def __str__(self):
        return f"{self.position}: {self.name}"


class BpdMember(Orderable):
    page = ParentalKey(GovernmentPage, on_delete=models.CASCADE, related_name="bpd_members")
    name = models.CharField(_("nama"), max_length=120)
    position = models.CharField(_("jabatan"), max_length=120)
    panels = [FieldPanel("name"), FieldPanel("position")]


class Institution(Orderable):
    page = ParentalKey(GovernmentPage, on_delete=models.CASCADE, related_name="institutions")
    name = models.CharField(_("nama lembaga"), max_length=160)
    leader = models.CharField(_("ketua"), max_length=120, blank=True)
    description = models.TextField(_("keterangan"), blank=True, max_length=600)
    panels = [FieldPanel("name"), FieldPanel("leader"), FieldPanel("description")]


# --------------------------------------------------------------------------- news


@listing_section
class NewsIndexPage(RoutablePageMixin, IntroMixin, VillagePage):
    parent_page_types = ["villages.VillageHomePage", "portal.PortalPage"]
    subpage_types = ["villages.NewsPage"]
    max_count_per_parent = 1
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("categories", heading=_("Kategori berita"), label=_("Kategori")),
    ]

    class Meta:
        verbose_name = _("indeks berita")
        verbose_name_plural = _("indeks berita")

    def articles(self):
        return _section_articles(*child_range(self).values())

    def _listing(self, request, articles, whole_section=False, **extra):
        page = paginate(request, articles)
        if whole_section:
            # The paginator has counted the section's articles: no second query to know it is empty.
            self.is_waiting_for_content = page.paginator.count == 0
        # The page's pictures: their renditions read with the frame's in one query.
        want_renditions(request, (article.image for article in page.object_list))
        return self.render(
            request,
            context_overrides={
                "articles": page,
                "categories": self._categories(),
                **extra,
            },
        )

    def _categories(self):
        return _child_rows(self, "categories", _categories_of)

    @path("")
    def index_view(self, request):
        # The section's articles, a page at a time, and their count: SQL compiled once per process.
        return self._listing(
            request, PreparedListing(_articles_below, *child_range(self).values()), whole_section=True
        )

    @path("kategori/<slug:slug>/", name="category")
    def category_view(self, request, slug):
        category = next((category for category in self._categories() if category.slug == slug), None)
        if category is None:
            raise Http404
        articles = PreparedListing(_articles_in_category, *child_range(self).values(), category.pk)
        return self._listing(request, articles, active_category=category)

    @path("tag/<slug:slug>/", name="tag")
    def tag_view(self, request, slug):
        # Tags are linked by their slug: Wagtail's page URLs take no spaces (/tag/RKP%20Desa/ was a 404).
        tag = get_object_or_404(Tag, slug=slug)
        return self._listing(request, self.articles().filter(tags=tag).distinct(), active_tag=tag.name[:100])

    @path("rss/", name="feed")
    def feed_view(self, request):
        from sinergi.villages.feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsCategory(Orderable):
    """Categories belong to one village's news section, so they inherit its permissions."""

    page = ParentalKey(NewsIndexPage, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("nama"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(Orderable.Meta):
        verbose_name = _("kategori berita")
        verbose_name_plural = _("kategori berita")
        constraints = [
            models.UniqueConstraint(fields=["page", "slug"], name="unique_category_slug_per_section")
        ]

    def __str__(self):
        return self.name


class NewsTag(TaggedItemBase):
    content_object = ParentalKey("villages.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPageForm(WagtailAdminPageForm):
    """Offer only the categories of this news section."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        index_page = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if "category" in self.fields:
            self.fields["category"].queryset = NewsCategory.objects.filter(page_id=index_page.pk)


class NewsPage(VillagePage):
    # Routing reads the article with its image and category (core.pages._read_specific).
    route_select_related = ("image", "category")

    date = models.DateField(_("tanggal"), default=dt.date.today)
    intro = models.TextField(_("ringkasan"), max_length=400, blank=True)
    image = _image_fk(_("gambar utama"))
    image_caption = models.CharField(_("keterangan gambar"), max_length=250, blank=True)
    body = RichTextField(_("isi berita"))
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=NewsTag, blank=True, verbose_name=_("tag"))
    credit = models.CharField(
        _("penulis/kontributor"),
        max_length=200,
        blank=True,
        help_text=_("Misalnya: KIM Sebuntal Bersatu (Andi)"),
    )

    base_form_class = NewsPageForm
    parent_page_types = ["villages.NewsIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("village_id"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_caption"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("credit"),
        InlinePanel("attachments", heading=_("Lampiran"), label=_("Lampiran")),
    ]

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
        # The newest articles of a regency or kecamatan (portal and kecamatan pages) are read in date
        # order, stopping at the first few the public may see, instead of testing every page below.
        indexes = [models.Index(fields=["date", "page_ptr"], name="villages_news_date_idx")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview shows the attachments and tags of the form, held in memory (modelcluster); a
        # visitor's request reads them with two prepared queries (core.prepared).
        if self.pk is None or self.attachments.is_deferring:
            context["attachments"] = self.attachments.select_related("document")
        else:
            context["attachments"] = _attachments_of(self.pk)
        context["tags"] = (
            self.tags.all() if self.pk is None or self.tagged_items.is_deferring else _tags_of(self.pk)
        )
        context["news_index"] = self.get_parent()
        return context


class NewsAttachment(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("core.SinergiDocument", on_delete=models.CASCADE, related_name="+")
    panels = [FieldPanel("document")]


# --------------------------------------------------------------------------- announcements & agenda


@listing_section
class AnnouncementIndexPage(IntroMixin, VillagePage):
    parent_page_types = ["villages.VillageHomePage", "portal.PortalPage"]
    subpage_types = ["villages.AnnouncementPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("indeks pengumuman")
        verbose_name_plural = _("indeks pengumuman")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["current"] = _announcements_current(*child_range(self).values(), today)
        context["expired"] = paginate(
            request, PreparedListing(_announcements_expired, *child_range(self).values(), today)
        )
        return context


class AnnouncementPage(VillagePage):
    valid_from = models.DateField(_("berlaku mulai"), default=dt.date.today)
    valid_until = models.DateField(_("berlaku sampai"))
    body = RichTextField(_("isi pengumuman"))
    attachment = models.ForeignKey(
        "core.SinergiDocument", verbose_name=_("lampiran"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    parent_page_types = ["villages.AnnouncementIndexPage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("body"),
        FieldPanel("attachment"),
    ]

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("Tanggal akhir tidak boleh sebelum tanggal mulai.")})

    @classmethod
    def current(cls, village, today):
        return (
            cls.objects.listable().filter(village=village, valid_from__lte=today, valid_until__gte=today)
            .order_by("valid_until")
        )  # fmt: skip

    @property
    def is_current(self):
        today = timezone.localdate()
        return self.valid_from <= today <= self.valid_until


@listing_section
class AgendaIndexPage(IntroMixin, VillagePage):
    parent_page_types = ["villages.VillageHomePage", "portal.PortalPage"]
    subpage_types = ["villages.AgendaPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("indeks agenda")
        verbose_name_plural = _("indeks agenda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming"] = _agenda_upcoming(*child_range(self).values())
        context["past"] = paginate(request, PreparedListing(_agenda_past, *child_range(self).values()))
        return context


class AgendaPage(VillagePage):
    start = models.DateTimeField(_("mulai"))
    end = models.DateTimeField(_("selesai"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=200)
    organiser = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    body = RichTextField(_("keterangan"), blank=True)

    parent_page_types = ["villages.AgendaIndexPage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("body"), index.SearchField("place")]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("place"),
        FieldPanel("organiser"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Waktu selesai tidak boleh sebelum waktu mulai.")})


# --------------------------------------------------------------------------- gallery, potensi, legal


@listing_section
class GalleryIndexPage(IntroMixin, VillagePage):
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.GalleryAlbumPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("galeri")
        verbose_name_plural = _("galeri")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        albums = paginate(request, PreparedListing(_albums_below, *child_range(self).values()), per_page=12)
        want_renditions(request, (album.cover for album in albums.object_list))  # one query for the covers
        context["albums"] = albums
        return context


class GalleryAlbumPage(IntroMixin, VillagePage):
    date = models.DateField(_("tanggal"), default=dt.date.today)
    cover = _image_fk(_("sampul"))

    parent_page_types = ["villages.GalleryIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("cover"),
        InlinePanel("photos", heading=_("Foto"), label=_("Foto")),
    ]

    class Meta:
        verbose_name = _("album galeri")
        verbose_name_plural = _("album galeri")

    @property
    def image(self):
        return self.cover

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = self.photos.select_related("image")
        return context


class GalleryPhoto(Orderable):
    page = ParentalKey(GalleryAlbumPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("core.SinergiImage", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("keterangan"), max_length=250, blank=True)
    panels = [FieldPanel("image"), FieldPanel("caption")]


@listing_section
class PotentialIndexPage(IntroMixin, VillagePage):
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.PotentialPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("potensi desa")
        verbose_name_plural = _("potensi desa")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = (
            PotentialPage.objects.listable()
            .filter(**child_range(self))
            .select_related("image")
            .order_by("kind", "title")
        )
        context["potentials"] = [i for i in items if i.kind == PotentialPage.Kind.POTENTIAL]
        context["products"] = [i for i in items if i.kind == PotentialPage.Kind.PRODUCT]
        return context


class PotentialPage(VillagePage):
    class Kind(models.TextChoices):
        POTENTIAL = "potensi", _("Potensi desa")
        PRODUCT = "produk", _("Produk UMKM")

    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.POTENTIAL)
    intro = models.TextField(_("ringkasan"), max_length=400, blank=True)
    image = _image_fk(_("gambar"))
    body = RichTextField(_("keterangan"), blank=True)
    price = models.PositiveBigIntegerField(_("harga (Rp)"), null=True, blank=True)
    seller = models.CharField(_("pelaku usaha"), max_length=160, blank=True)
    seller_phone = PhoneNumberField(_("kontak penjual"), max_length=40, blank=True)

    parent_page_types = ["villages.PotentialIndexPage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("price"), FieldPanel("seller"), FieldPanel("seller_phone")], heading=_("Produk")
        ),
    ]

    class Meta:
        verbose_name = _("potensi/produk")
        verbose_name_plural = _("potensi/produk")


@listing_section
class LegalIndexPage(IntroMixin, VillagePage):
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.LegalDocumentPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("produk hukum")
        verbose_name_plural = _("produk hukum")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("jenis", "")
        year = request.GET.get("tahun", "")
        # Each combination of the two filters is a query of its own shape (core.prepared).
        filters = {}
        if kind in LegalDocumentPage.Kind.values:
            filters["kind"] = kind
        if year.isdigit():
            filters["year"] = int(year)
        if filters.get("year", 0) >= 10_000:
            documents = []  # no document has such a year (nor could the column hold every such number)
        else:
            query = _legal_documents[tuple(filters)]
            documents = PreparedListing(query, *child_range(self).values(), *filters.values())
        context["documents"] = paginate(request, documents, per_page=25)
        context["kinds"] = LegalDocumentPage.Kind.choices
        context["selected_kind"] = kind
        context["selected_year"] = year if year.isdigit() else ""
        return context


class LegalDocumentPage(VillagePage):
    class Kind(models.TextChoices):
        PERDES = "perdes", _("Peraturan Desa")
        PERKADES = "perkades", _("Peraturan Kepala Desa")
        SK = "sk", _("Keputusan Kepala Desa")
        PERBERSAMA = "perbersama", _("Peraturan Bersama Kepala Desa")

    class Status(models.TextChoices):
        IN_FORCE = "berlaku", _("Berlaku")
        AMENDED = "diubah", _("Diubah")
        REVOKED = "dicabut", _("Dicabut")

    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    number = models.CharField(_("nomor"), max_length=40)
    year = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    enacted_on = models.DateField(_("tanggal ditetapkan"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE)
    about = models.TextField(_("tentang"), max_length=600)
    document = models.ForeignKey(
        "core.SinergiDocument", verbose_name=_("berkas PDF"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    parent_page_types = ["villages.LegalIndexPage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("about"), index.SearchField("number")]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("enacted_on"), FieldPanel("status")]),
        FieldPanel("about"),
        FieldPanel("document"),
    ]

    class Meta:
        verbose_name = _("produk hukum")
        verbose_name_plural = _("produk hukum")


# --------------------------------------------------------------------------- plain sections


class ContentPage(IntroMixin, VillagePage):
    body = RichTextField(_("isi"), blank=True)
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True


class StandardPage(ContentPage):
    template = "villages/content_page.html"
    """A free page the operator can add anywhere in the village site."""

    parent_page_types = ["villages.VillageHomePage", "villages.StandardPage"]
    subpage_types = ["villages.StandardPage"]

    class Meta:
        verbose_name = _("halaman")
        verbose_name_plural = _("halaman")


class ContactPage(ContentPage):
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "villages/contact_page.html"

    class Meta:
        verbose_name = _("kontak")
        verbose_name_plural = _("kontak")


# The village home's listings, compiled once (core.prepared): its newest articles with their pictures,
# the announcements valid today and the coming events (the database's clock: SQL that never changes).
_home_at = PreparedQuery(
    lambda path: VillageHomePage.objects.select_related(*HOME_JOINS).filter(path=path).order_by("pk")[:1]
)
_home_news = PreparedQuery(
    lambda village_id: NewsPage.objects.listable().filter(village_id=village_id).select_related("image", "category")
    .order_by("-date", "-pk")[:4]
)  # fmt: skip


def _listed_children(model, path, upper, depth, **filters):
    """The public children of type `model` of the page whose `child_range` values are given: what a
    section lists, as every builder below starts it."""
    return model.objects.listable().filter(path__gt=path, path__lte=upper, depth=depth, **filters)


# A news section's articles, all or one category's; a page's pictures join the frame's renditions in
# one query (want_renditions).
def _section_articles(path, upper, depth, **filters):
    return (
        _listed_children(NewsPage, path, upper, depth, **filters)
        .select_related("image", "category").order_by("-date", "-pk")
    )  # fmt: skip


_articles_below = PreparedQuery(_section_articles)
_articles_in_category = PreparedQuery(
    lambda path, upper, depth, category_id: _section_articles(path, upper, depth, category_id=category_id)
)
# The other sections' listings (announcements, agenda, gallery, legal documents), compiled once.
_announcements_current = PreparedQuery(
    lambda path, upper, depth, today: _listed_children(
        AnnouncementPage, path, upper, depth, valid_from__lte=today, valid_until__gte=today
    ).order_by("valid_until")
)
_announcements_expired = PreparedQuery(
    lambda path, upper, depth, today: _listed_children(
        AnnouncementPage, path, upper, depth, valid_until__lt=today
    ).order_by("-valid_until")
)
# The database's clock (Now()), as the village home's agenda: the SQL never changes.
_agenda_upcoming = PreparedQuery(
    lambda path, upper, depth: _listed_children(AgendaPage, path, upper, depth, start__gte=Now()).order_by(
        "start"
    )
)
_agenda_past = PreparedQuery(
    lambda path, upper, depth: _listed_children(AgendaPage, path, upper, depth, start__lt=Now()).order_by(
        "-start"
    )
)
_albums_below = PreparedQuery(
    lambda path, upper, depth: (
        _listed_children(GalleryAlbumPage, path, upper, depth)
        .select_related("cover")
        .order_by("-date", "-pk")
    )
)


def _legal_documents_query(*names):
    def build(path, upper, depth, *values):
        return (
            _listed_children(LegalDocumentPage, path, upper, depth, **dict(zip(names, values, strict=True)))
            .select_related("document")
            .order_by("-year", "kind", "number")
        )

    return PreparedQuery(build)


# By the filters a visitor chose: none, the kind, the year, or both.
_legal_documents = {
    names: _legal_documents_query(*names) for names in [(), ("kind",), ("year",), ("kind", "year")]
}


def _child_rows(page, relation, prepared):
    """A page's child objects (an InlinePanel's rows): in a preview the form's, held in memory
    (modelcluster); on a visitor's request read by a prepared query (core.prepared)."""
    manager = getattr(page, relation)
    if page.pk is None or manager.is_deferring:
        return manager.all()
    return prepared(page.pk)


_officials_of = PreparedQuery(
    lambda page_id: Official.objects.filter(page_id=page_id).select_related("photo").order_by("sort_order")
)
_bpd_members_of = PreparedQuery(
    lambda page_id: BpdMember.objects.filter(page_id=page_id).order_by("sort_order")
)
_institutions_of = PreparedQuery(
    lambda page_id: Institution.objects.filter(page_id=page_id).order_by("sort_order")
)
_categories_of = PreparedQuery(
    lambda page_id: NewsCategory.objects.filter(page_id=page_id).order_by("sort_order")
)
_attachments_of = PreparedQuery(
    lambda page_id: NewsAttachment.objects.filter(page_id=page_id).select_related("document")
)
# taggit's tags_for(NewsPage, article): the article's tags, in the database's order as there.
_tags_of = PreparedQuery(
    lambda page_id: Tag.objects.filter(villages_newstag_items__content_object_id=page_id)
)
_home_announcements = PreparedQuery(lambda village_id, today: AnnouncementPage.current(village_id, today)[:3])
_home_agenda = PreparedQuery(
    lambda village_id: (
        AgendaPage.objects.listable().filter(village_id=village_id, start__gte=Now()).order_by("start")[:3]
    )
)
