"""Base page class shared by the portal and the village websites."""

import re
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import BooleanField, Exists, Expression, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Concat, Length, Now, Substr
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.urls import get_script_prefix, reverse
from django.utils.functional import cached_property
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page, PageManager, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from sinergi.core.models import joined_images, want_renditions
from sinergi.core.prepared import PreparedQuery, instances_from_rows

# Depth in Wagtail's tree: root 1, regency portal 2, kecamatan 3, village home 4.
PORTAL_DEPTH = 2
DISTRICT_DEPTH = 3
VILLAGE_DEPTH = 4
STEPLEN = Page.steplen


# Ancestors are looked up by their exact paths (each a prefix of the page's path), an equality on
# wagtailcore_page.path that its unique index answers; the page types nest no deeper than 6 (portal,
# kecamatan, village, section, item), pages below ANCESTOR_LOOKUP_DEPTH are matched the slow way.
ANCESTOR_LOOKUP_DEPTH = 10


def _is_ancestor_path(field: str, outer: str = "path") -> Q:
    """`field` is the path of the page `outer` or of one of its ancestors below the root (depth 2 on).

    One IN list of the outer path's prefixes, not nine equalities joined by OR: the same index lookups,
    but PostgreSQL plans an IN list as one index condition, where it planned each OR branch apart
    (~1.8 → ~0.45 ms to plan a listing with the public rule, docs/architecture.md)."""
    depths = range(PORTAL_DEPTH, ANCESTOR_LOOKUP_DEPTH + 1)
    return Q(**{f"{field}__in": [Substr(OuterRef(outer), 1, depth * STEPLEN) for depth in depths]})


def listable_q() -> Q:
    """What the public may list: live, not expired, and neither the page nor an ancestor is
    restricted (login, password, groups) or unpublished.

    Ancestors are matched by path in correlated subqueries, so listings keep one query whatever the
    number of pages or restrictions (Wagtail's `.public()` reads every restriction), and each test is
    a few index lookups whatever the size of the tree (not a scan of every unpublished page).
    """
    restricted = PageViewRestriction.objects.filter(_is_ancestor_path("page__path"))
    unpublished = Page.objects.filter(_is_ancestor_path("path"), live=False, depth__gte=PORTAL_DEPTH)
    # Deeper than the page types go: the prefix test, which reads every unpublished page.
    deep_restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    deep_unpublished = Page.objects.filter(
        live=False, depth__gt=ANCESTOR_LOOKUP_DEPTH, path=Substr(OuterRef("path"), 1, Length("path"))
    )
    shallow = Q(depth__lte=ANCESTOR_LOOKUP_DEPTH)
    # The database's clock, not a parameter: the rule's SQL is then the same for every query (Listable).
    not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=Now())
    return (
        Q(live=True)
        & not_expired
        & ~Exists(restricted)
        & ~Exists(unpublished)
        & (shallow | (~Exists(deep_restricted) & ~Exists(deep_unpublished)))
    )


def listable_child_q(prefix: str = "") -> Q:
    """`listable_q()` for a child of a page the public may list (the page's own tests: live, not
    expired, no view restriction of its own), the ancestors' tests being the parent's: a few lookups of
    its own instead of the rule's ancestor subqueries. `prefix`: the page relation's path, "page__"
    from a model that links to its page. Only for pages whose parent is itself tested as listable."""
    restricted = PageViewRestriction.objects.filter(page_id=OuterRef(prefix.removesuffix("__") or "pk"))
    return (
        Q(**{f"{prefix}live": True})
        & (Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": Now()}))
        & ~Exists(restricted)
    )


def _numbers_written_in(sql: str, params) -> tuple[str, list]:
    """The rule's SQL with its integer parameters (substring lengths, depths, `SELECT 1`: numbers of
    this module, never a visitor's) written in as literals. With prepared statements (PostgreSQL,
    settings.DB_PREPARED_STATEMENTS) the planner then sees the numbers when it makes the statement's
    one generic plan, and forty-odd values are not bound again on every query."""
    if not all(isinstance(param, int) and not isinstance(param, bool) for param in params):
        return sql, list(params)
    numbers = iter(params)
    # "%%" is a literal percent sign (SQLite's STRFTIME format of Now()), left as it is.
    written = _PLACEHOLDER.sub(lambda m: m[0] if m[0] == "%%" else str(int(next(numbers))), sql)
    if next(numbers, None) is not None:
        return sql, list(params)
    return written, []


_PLACEHOLDER = re.compile(r"%%|%s")


class Listable(Expression):
    """`listable_q()` as one condition whose SQL is built once per database vendor.

    The rule is about twenty correlated subqueries; building them with the ORM cost more than running
    them (about 15 ms a listing, several listings a page). The SQL is compiled once from
    `listable_q()` itself, so it cannot drift from it, and each use only puts in the alias of the page
    table it tests: `"wagtailcore_page"` for a top-level queryset, another when the queryset is nested
    in a subquery (the path column is a source expression, so Django relabels it like any other).
    """

    conditional = True
    output_field = BooleanField()

    # Outer-table references and the rule's own subquery aliases, in the SQL compiled at top level.
    _OUTER = '"wagtailcore_page".'
    _INNER_ALIAS = re.compile(r"\bU(\d+)\b")
    _compiled: dict[str, tuple[str, tuple]] = {}

    def __init__(self, path=None):
        super().__init__(output_field=BooleanField())
        self.path = path

    def get_source_expressions(self):
        return [self.path] if self.path is not None else []

    def set_source_expressions(self, exprs):
        self.path = exprs[0] if exprs else None

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        if self.path is not None:  # already resolved: its query is being nested in another
            return self
        clone = self.copy()
        clone.path = F("path").resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return clone

    @classmethod
    def template(cls, connection) -> tuple[str, tuple]:
        compiled = cls._compiled.get(connection.vendor)
        if compiled is None:
            query = Page.objects.filter(listable_q()).query
            sql, params = query.get_compiler(connection=connection).compile(query.where)
            # The rule's subqueries get aliases of their own, so that they never hide the aliases of
            # a query this condition is nested in (Django names those U0, U1… too).
            sql = cls._INNER_ALIAS.sub(lambda m: connection.ops.quote_name(f"sinergi_listable_{m[1]}"), sql)
            sql, params = _numbers_written_in(sql, params)
            compiled = cls._compiled[connection.vendor] = (sql.replace(cls._OUTER, "{outer}"), tuple(params))
        return compiled

    def as_sql(self, compiler, connection):
        sql, params = self.template(connection)
        column, _ = compiler.compile(self.path)
        outer = column[: -len(connection.ops.quote_name("path"))]
        return sql.replace("{outer}", outer), list(params)


def listable(queryset):
    """Narrow any page queryset (Page.objects included) to what the public may list."""
    return queryset.filter(Listable())


# --------------------------------------------------------------------------- page addresses
# What reverse() leaves unquoted in a path (django.urls.resolvers), and the path Wagtail's serve view
# accepts (wagtail.urls' serve_pattern).
_SAFE_IN_PATH = RFC3986_SUBDELIMS + "/~:@"
_SERVE_PATH = re.compile(r"(?:[\w\-]+/)*" if WAGTAIL_APPEND_SLASH else r"[\w\-/]*")
_serve_prefixes: dict[str, str] = {}


def serve_path(relative: str) -> str | None:
    """`reverse("wagtail_serve", args=(relative,))` without a reverse() per link (about 40 µs each,
    some forty links a page): the view's prefix, reversed once per script prefix, and the path quoted
    as reverse() quotes it. None where reverse() would find no match."""
    return _serve_path(get_script_prefix(), relative)


@lru_cache(maxsize=8192)
def _serve_path(script_prefix: str, relative: str) -> str | None:
    # A page's address is the same for every request under one script prefix: the regex match and
    # the quoting are done once per address and process (a page links some forty addresses).
    if _SERVE_PATH.fullmatch(relative) is None:
        return None
    prefix = _serve_prefixes.get(script_prefix)
    if prefix is None:
        prefix = _serve_prefixes[script_prefix] = reverse("wagtail_serve", args=("",))
    path = prefix + quote(relative, safe=_SAFE_IN_PATH)
    if not WAGTAIL_APPEND_SLASH and path != "/":
        path = path.rstrip("/")
    return path


def choose_root(possible: list, current_site_id: int | None):
    """Of the site roots holding a page, the one Wagtail links it under: the first (the most
    specific), or the current site's when the page is in several sites."""
    chosen = possible[0]
    if current_site_id is not None and len({root.site_id for root in possible}) > 1:
        chosen = next((root for root in possible if root.site_id == current_site_id), chosen)
    return chosen


class _Addressing:
    """What every link of one request is worked out from: the site roots (Wagtail's, read once per
    request), the request's site and script prefix. Kept on the request, so that a page's forty links
    do not each look them up again (each lookup goes through Wagtail's request attributes and
    Django's context-local script prefix)."""

    __slots__ = ("one_site", "roots", "script_prefix", "site_id")

    def __init__(self, page, request):
        self.roots = page._get_site_root_paths(request)
        site = Site.find_for_request(request)
        self.site_id = site.pk if site is not None else None
        self.one_site = len({root.site_id for root in self.roots}) == 1
        self.script_prefix = get_script_prefix()

    @classmethod
    def of(cls, page, request):
        addressing = request.__dict__.get("_sinergi_addressing")
        if addressing is None:
            addressing = request.__dict__["_sinergi_addressing"] = cls(page, request)
        return addressing

    def parts(self, page):
        url_path = page.url_path
        possible = [root for root in self.roots if url_path.startswith(root.root_path)]
        if not possible:
            return None
        root = choose_root(possible, self.site_id)
        path = _serve_path(self.script_prefix, url_path[len(root.root_path) :])
        if path is None:
            return (root.site_id, None, None)
        return (root.site_id, root.root_url, path)


def url_parts(page, request=None):
    """Wagtail's `Page.get_url_parts` (site id, root URL, path) with Wagtail's i18n off, as the project
    runs; with it on, Wagtail's own."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return Page.get_url_parts(page, request)
    if isinstance(request, HttpRequest):
        return _Addressing.of(page, request).parts(page)
    possible = page._get_relevant_site_root_paths(request)
    if not possible:
        return None
    root = choose_root(possible, None)
    path = serve_path(page.url_path[len(root.root_path) :])
    if path is None:
        return (root.site_id, None, None)
    return (root.site_id, root.root_url, path)


def page_url(page, request=None):
    """What `{% pageurl page %}` gives (`Page.get_url`): the path within the current site, or the
    full URL for a page on another; None for a page no site holds."""
    if type(page).get_url_parts not in (Page.get_url_parts, SinergiPage.get_url_parts):
        return page.get_url(request)  # a page type with addresses of its own
    if isinstance(request, HttpRequest) and not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        addressing = _Addressing.of(page, request)
        parts = addressing.parts(page)
        if parts is None or (parts[1] is None and parts[2] is None):
            return None
        site_id, root_url, path = parts
        return path if site_id == addressing.site_id or addressing.one_site else root_url + path
    parts = url_parts(page, request)
    if parts is None or (parts[1] is None and parts[2] is None):
        return None
    site_id, root_url, path = parts
    current_site = Site.find_for_request(request) if request is not None else None
    if (current_site is not None and site_id == current_site.id) or len(
        {root.site_id for root in page._get_site_root_paths(request)}
    ) == 1:
        return path
    return root_url + path


# The page type at the root of each kind of website (portal, village home), by tree depth. The apps
# that define them register here, so this base layer never imports the page types built on it.
_site_roots: dict[int, type] = {}


def site_root(depth: int):
    """Class decorator: the page type that roots a website at `depth`; it gives `home_at(path)`."""

    def register(cls):
        _site_roots[depth] = cls
        return cls

    return register


def site_root_model(depth: int):
    """The page type registered with `site_root(depth)`, or None."""
    return _site_roots.get(depth)


def _site_root_of(page, depth: int):
    model = _site_roots.get(depth)
    if model is None or page.depth < depth:
        return None
    if isinstance(page, model):
        return page
    return model.home_at(page.path[: depth * STEPLEN])


# Section page types that list their children (news, agenda…): until one child is public, such a section
# says how to reach the village office instead, is marked noindex and stays out of the sitemap.
_listing_sections: list[type] = []


def listing_section(cls):
    """Class decorator: a section whose content is its children (see `is_waiting_for_content`)."""
    _listing_sections.append(cls)
    return cls


def child_range(page) -> dict:
    """Filters for the children of `page`, as `child_of(page)` but a range of the path index: a
    child's path is its parent's and one step more (child_of's LIKE reads the whole index on SQLite,
    about 1 ms a listing with 4,000 pages)."""
    return {
        "path__gt": page.path,
        "path__lte": page.path + Page.alphabet[-1] * STEPLEN,
        "depth": page.depth + 1,
    }


# The queries of every public page view, compiled once (core.prepared): a page's public children (its
# menu and section links) and the base rows of the pages along a requested path.
_CHILD_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "show_in_menus",
    "content_type_id",
    "live",
)
_PAGE_FIELDS = tuple(field.attname for field in Page._meta.concrete_fields)


def bare_pages(rows, names: tuple[str, ...], using: str = DEFAULT_DB_ALIAS) -> list:
    """Base Page objects from `values_list(*names)` rows: what `Page.objects.only(*names)` gives
    (the other fields read when first used), without the constructors' work per object. Wagtail's
    Page and modelcluster's ClusterableModel scan the model's fields on every object for a new page's
    defaults and for child objects passed as arguments, which a row read from the database has
    neither of (core/tests/test_page_instances.py); Page has no post_init receivers. A page's menu
    and the rows along a requested path are built this way: a dozen objects on every public page."""
    return instances_from_rows(Page, rows, names, using)


def _public_children(path, upper, depth, **filters):
    """A page's public children (`child_range`'s three values): the fields links need, as rows."""
    return (
        listable(Page.objects.filter(path__gt=path, path__lte=upper, depth=depth, **filters))
        .order_by("path")
        .values_list(*_CHILD_FIELDS)
    )


_public_child_rows = PreparedQuery(_public_children)
_public_menu_rows = PreparedQuery(
    lambda path, upper, depth: _public_children(path, upper, depth, show_in_menus=True)
)
# Whether a section has a public child yet (`is_waiting_for_content`): `.exists()` of its children.
_a_public_child = PreparedQuery(
    lambda path, upper, depth: (
        listable(Page.objects.filter(path__gt=path, path__lte=upper, depth=depth)).order_by().values("pk")[:1]
    )
)
# Wagtail's view restrictions of a page (SinergiPage.get_view_restrictions), `paths` its own and its ancestors'.
# An alias page is restricted by its original's restrictions, as in Wagtail. One subquery driven by
# the paths' index: with `alias_of IS NULL` in it, SQLite read every page through the alias_of index
# (0.6 ms of every page view with 4,000 pages).
_restrictions_on_path = PreparedQuery(
    lambda paths: PageViewRestriction.objects.filter(
        page__in=Page.objects.filter(path__in=paths).values(restricted_by=Coalesce("alias_of", "id"))
    )
)
# url_path is unique in the tree (a parent's url_path and a slug unique among its children).
_rows_on_path = PreparedQuery(
    lambda url_paths, depth: Page.objects.filter(url_path__in=url_paths, depth__gt=depth).values_list(
        *_PAGE_FIELDS
    )
)


PATH_MAX_LENGTH = Page._meta.get_field("path").max_length


def descendants_range(path: str) -> dict:
    """Filters for the pages below `path` as a range of the path index (a descendant's path is
    `path` and more steps of Page.alphabet, of which "Z" is the last): SQLite answers a range from
    the index, where `path__startswith`'s LIKE reads every path."""
    return {"path__gt": path, "path__lte": path.ljust(PATH_MAX_LENGTH, Page.alphabet[-1])}


def has_listable_child_q() -> Q:
    """For a page queryset: the page has at least one child the public may list."""
    # A child's path is its parent's and one step more: a range of the path index (a LIKE on an outer
    # column's value cannot use an index and reads the whole page table once per page).
    children = Page.objects.filter(
        path__gt=OuterRef("path"),
        path__lte=Concat(OuterRef("path"), Value(Page.alphabet[-1] * STEPLEN)),
        depth=OuterRef("depth") + 1,
    )
    return Q(Exists(children.filter(Listable())))


def without_empty_sections(queryset):
    """Drop the listing sections that have no public child yet (for the sitemap)."""
    if not _listing_sections:
        return queryset
    types = ContentType.objects.get_for_models(*_listing_sections).values()
    return queryset.exclude(Q(content_type__in=types) & ~has_listable_child_q())


class SinergiPageQuerySet(PageQuerySet):
    def listable(self):
        return listable(self)


SinergiPageManager = PageManager.from_queryset(SinergiPageQuerySet)


class SinergiPage(Page):
    """Every public page: knows its village (if any), its social image and its summary."""

    objects = SinergiPageManager()

    class Meta:
        abstract = True

    # Pages that are not a site's landing page show the share links.
    show_share_links = True

    def __init__(self, *args, **kwargs):
        if args and not kwargs and args[0] is not None:
            # A row read from the database (Model.from_db passes every value by position, the id
            # first): no child objects among the arguments for ClusterableModel to split off, and an
            # id, so none of Page's defaults for a new page apply. Skipping their constructors saves
            # their scan of the model's fields on every page a public listing reads.
            models.Model.__init__(self, *args)
            return
        super().__init__(*args, **kwargs)

    @cached_property
    def village_home(self):
        """The village home this page belongs to, or None on the portal and kecamatan pages."""
        return _site_root_of(self, VILLAGE_DEPTH)

    @cached_property
    def portal_home(self):
        return _site_root_of(self, PORTAL_DEPTH)

    def get_social_image(self):
        return getattr(self, "image", None) or getattr(self.village_home, "banner", None)

    @cached_property
    def listable_children(self) -> list:
        """This page's public children as base Page rows (title, URL, type, menu flag), in tree order.

        Read once per request and page: a site root's menu and its home's section links (the
        services, the "Jelajahi" list) are all cut from this one list.
        """
        return bare_pages(_public_child_rows(*child_range(self).values()), _CHILD_FIELDS)

    @cached_property
    def menu_children(self) -> list:
        """The public children shown in this site root's menu, as `listable_children` rows. Read on
        their own where the page shown is not the root (an article, a kecamatan page): the portal's
        menu is two of its twenty-odd children."""
        if "listable_children" in self.__dict__:  # the root's own page read them all already
            return [child for child in self.listable_children if child.show_in_menus]
        return bare_pages(_public_menu_rows(*child_range(self).values()), _CHILD_FIELDS)

    @cached_property
    def is_waiting_for_content(self) -> bool:
        """A listing section with no public child yet (see `listing_section`)."""
        if not isinstance(self, tuple(_listing_sections)):
            return False
        return not _a_public_child(*child_range(self).values())

    def get_summary(self) -> str:
        return self.search_description or getattr(self, "intro", "") or ""

    def get_url_parts(self, request=None):
        return url_parts(self, request)

    def route(self, request, path_components):
        """Wagtail's routing, with the pages along the path read in one query.

        Wagtail reads each level's child, then that child's specific row: two queries per path
        segment (eight for an article). Here the base rows of every page on the path come in one
        query (by `url_path`, indexed by core's migration 0006), and only the page reached is read as
        its specific type. The walk keeps Wagtail's rules: a page type with routes of its own
        (RoutablePageMixin) answers first for the rest of the path when it is live and one of its
        routes matches it, and a page type that overrides `route` otherwise is handed the rest of
        the path as Wagtail would.
        """
        if not path_components:
            return super().route(request, path_components)
        url_paths, prefix = [], self.url_path
        for slug in path_components:
            prefix += slug + "/"
            url_paths.append(prefix)
        rows = {row.url_path: row for row in bare_pages(_rows_on_path(url_paths, self.depth), _PAGE_FIELDS)}
        node = self
        for index, slug in enumerate(path_components):
            child = rows.get(f"{node.url_path}{slug}/")
            if child is None or child.depth != node.depth + 1:
                raise Http404
            child._cached_parent_obj = node
            remaining = path_components[index + 1 :]
            if remaining and not _routes_like_sinergi_page(child, remaining):
                # A page with routes of its own (a complaint form, a PPID request) answers the rest.
                return self._reached(child).route(request, remaining)
            node = child
        return self._reached(node).route(request, [])

    def _reached(self, node):
        """The page a walk from this site root reached, as its own type, linked to what the walk read."""
        page = _read_specific(node)
        page._cached_parent_obj = node._cached_parent_obj
        if page.depth > PORTAL_DEPTH and isinstance(self, _site_roots.get(PORTAL_DEPTH, ())):
            # A kecamatan's or village's page links to its portal (the footer): the portal this walk
            # started from is that portal, already read (with its regency: route_select_related).
            page.__dict__.setdefault("portal_home", self)
        return page

    def get_view_restrictions(self):
        """Wagtail's rule in one query instead of two: the restrictions of this page and of its
        ancestors (their paths are prefixes of this page's), an alias on the path answering with its
        source page's restrictions."""
        return _restrictions_on_path.lazy([self.path[: d * STEPLEN] for d in range(1, self.depth + 1)])

    def get_breadcrumbs(self):
        """Ancestors below Wagtail's invisible root: those routing read on its way here (`route`
        links each page to its parent), else in one query."""
        crumbs, node = [], self
        while (node := node.__dict__.get("_cached_parent_obj")) is not None and node.depth >= PORTAL_DEPTH:
            crumbs.append(node)
        if crumbs and crumbs[-1].depth == PORTAL_DEPTH:
            return crumbs[::-1]
        return self.get_ancestors().filter(depth__gte=PORTAL_DEPTH)

    def render_in_frame(self, request, template: str, **context):
        """A route of this page (a home's search) rendered in its site's frame only (header, menu,
        footer), without what the page's own view lists: the search results show none of a home's
        news, agenda or kecamatan, which had cost the portal's search five queries (~5 ms on
        PostgreSQL) and their pictures."""
        frame = SinergiPage.get_context(self, request)
        frame.update(context)
        return TemplateResponse(request, template, frame)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["village_home"] = self.village_home
        context["portal_home"] = self.portal_home
        # The pictures joined with the page and its site's home (logo, banner, crest): their
        # renditions in one query when the first is shown (core.models.ensure_renditions).
        want_renditions(request, joined_images(self, self.village_home, self.portal_home))
        return context


def _read_specific(node):
    """The page reached, as its own type, with the relations its template shows joined in the same
    query when the type lists them (`route_select_related`: a village home's logo, banner and
    village; an article's image and category), instead of one query per relation later."""
    if node.specific_class is None:
        return node.specific
    return read_specific(node.content_type_id, node.pk)


def read_specific(content_type_id: int, pk: int):
    """The page `pk` as its own type (`content_type_id`), with its `route_select_related`, in one
    prepared query (core.prepared)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    query = _specific_by_pk.get(model)
    if query is None:
        joins = getattr(model, "route_select_related", ())

        def build(pk):
            # select_related() with no names would follow every non-null foreign key (the page's
            # locale and content type, unused): only the relations the type lists.
            queryset = model.objects.filter(pk=pk)
            return queryset.select_related(*joins) if joins else queryset

        query = _specific_by_pk.setdefault(model, PreparedQuery(build))
    page = query.first(pk)
    if page is None:
        raise model.DoesNotExist
    return page


_specific_by_pk: dict[type, PreparedQuery] = {}


def _next_route_owner(model, after):
    """The class whose `route` a `super().route()` call in `after` reaches, in `model`'s MRO."""
    mro = model.__mro__
    for cls in mro[mro.index(after) + 1 :]:
        if "route" in cls.__dict__:
            return cls
    return None


def _routes_like_sinergi_page(page, remaining) -> bool:
    """Whether `page` (a base Page row) hands `remaining` to its children as SinergiPage does."""
    model = page.specific_class
    if model is None:
        return False
    route = model.route
    if route is SinergiPage.route:
        return True
    if route is RoutablePageMixin.route and _next_route_owner(model, RoutablePageMixin) is SinergiPage:
        # Its own routes answer first, while it is live; what they do not match goes to its children.
        if page.live:
            try:
                model.get_resolver().resolve("/" + "/".join(remaining) + "/")
            except Http404:
                return True
            return False
        return True
    return False


class IntroMixin(models.Model):
    intro = models.TextField(_("pengantar"), blank=True, max_length=600)

    class Meta:
        abstract = True
