from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.html import strip_tags
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from sinergi.core.pages import STEPLEN, VILLAGE_DEPTH, listable, site_root_model

RESULTS_PER_PAGE = 10


def search_pages(request, queryset, query: str):
    """Full-text search over the pages the public may list; an empty query gives no results rather
    than everything."""
    if not query:
        return None
    backend = get_search_backend()
    if backend.drives_page_search:
        # PostgreSQL: each page of the subtree is tested once, the rule beside its index entry.
        pages = listable(queryset)
    else:
        # The backend filters on indexed fields only: the rule goes in as an id subquery, over the
        # searched subtree alone (a village's or a regency's pages, not every page of the instance).
        pages = queryset.filter(pk__in=listable(queryset).values("pk"))
    results = backend.search_pages_within(query, pages)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        return paginator.page(request.GET.get("halaman", 1))
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1)


@dataclass
class Result:
    page: Page
    kind: str
    village: str
    date: object
    excerpt: str


def describe_results(results) -> list[Result]:
    """What a reader needs to choose a result: its type, its village, its date and an excerpt.

    The page of results is read as specific pages (one query per page type on it) and their village
    homes in one query, whatever the number of results.
    """
    if not results:
        return []
    pages = list(Page.objects.filter(pk__in=[r.pk for r in results]).defer_streamfields().specific())
    by_pk = {p.pk: p for p in pages}
    home_length = VILLAGE_DEPTH * STEPLEN
    home_model = site_root_model(VILLAGE_DEPTH)
    homes = {}
    prefixes = {p.path[:home_length] for p in pages if p.depth >= VILLAGE_DEPTH}
    if home_model is not None and prefixes:
        homes = dict(home_model.objects.filter(path__in=prefixes).values_list("path", "title"))
    described = []
    for result in results:
        page = by_pk.get(result.pk, result)
        summary = page.get_summary() if hasattr(page, "get_summary") else page.search_description
        if not summary and isinstance(_field(page, "body"), RichTextField):
            summary = strip_tags(page.body.replace("</p>", "</p> "))  # paragraphs stay apart
        described.append(
            Result(
                page=page,
                kind=str(page._meta.verbose_name).capitalize(),
                village=homes.get(page.path[:home_length], "") if page.depth > VILLAGE_DEPTH else "",
                date=getattr(page, "date", None) or page.first_published_at,
                excerpt=summary,
            )
        )
    return described


def _field(page, name):
    try:
        return page._meta.get_field(name)
    except FieldDoesNotExist:
        return None
