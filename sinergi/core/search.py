from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

RESULTS_PER_PAGE = 10


def search_pages(request, queryset, query: str):
    """Full-text search over live pages; an empty query gives no results rather than everything."""
    if not query:
        return None
    results = queryset.search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        return paginator.page(request.GET.get("halaman", 1))
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1)
