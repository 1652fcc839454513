from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

from sinergi.core.pages import listable

RESULTS_PER_PAGE = 10


def search_pages(request, queryset, query: str):
    """Full-text search over the pages the public may list; an empty query gives no results rather
    than everything."""
    if not query:
        return None
    # The search backend filters on indexed fields only: the rule goes in as an id subquery, over the
    # searched subtree alone (a village's or a regency's pages, not every page of the instance).
    results = queryset.filter(pk__in=listable(queryset).values("pk")).search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        return paginator.page(request.GET.get("halaman", 1))
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1)
