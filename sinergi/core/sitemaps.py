"""The sitemap lists exactly what the public may list (sinergi.core.pages.listable), less the listing
sections that have nothing in them yet (not indexed until they have content: noindex on their page).

`/sitemap.xml` is a sitemap index (robots.txt names it); it lists the files `/sitemap-halaman.xml`,
`/sitemap-halaman.xml?p=2`, … of at most SITEMAP_MAX_URLS addresses each (the protocol allows 50,000).
A file costs the same few queries whatever the number of villages: the site, a count and one page of
rows. The rows are read as values, not pages, and each address is made from the page's `url_path` and
the sites' root paths as Wagtail's `Page.get_url_parts` makes it (no page type overrides its sitemap
entry): building a page object and reversing a URL for each of tens of thousands of rows was most of
a file's time.
"""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from sinergi.core.pages import choose_root, listable, serve_path, without_empty_sections


class ListableSitemap(Sitemap):
    @property
    def limit(self):
        return settings.SITEMAP_MAX_URLS

    def items(self):
        # Wagtail's own sitemap keeps expired pages and pages under an unpublished section.
        root = self.get_wagtail_site().root_page
        pages = Page.objects.filter(path__startswith=root.path, depth__gte=root.depth)
        return (
            without_empty_sections(listable(pages))
            .order_by("path")
            .values_list("url_path", "last_published_at", "latest_revision_created_at", named=True)
        )

    def _urls(self, page, protocol, domain):
        addresses = SiteAddresses(self.request)
        urls = []
        for row in self.paginator.page(page).object_list:
            location = addresses.full_url(row.url_path)
            if location is not None:
                urls.append(
                    {
                        "item": row,
                        "location": location,
                        "lastmod": row.last_published_at or row.latest_revision_created_at,
                        # Every key the template reads: a missing one costs Django's template a dir().
                        "changefreq": None,
                        "priority": None,
                        "alternates": (),
                    }
                )
        lastmods = {url["lastmod"] for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def get_latest_lastmod(self):
        # Django would read every item for the index's <lastmod>; the index goes without it.
        return None


SITEMAPS = {"halaman": ListableSitemap}


class SiteAddresses:
    """A page's full URL from its `url_path`, as `Page.get_url_parts` makes it, for many pages at once:
    the first site whose root holds the page (Wagtail orders them most specific first), the request's
    own site when several do, and the path under that root in Wagtail's serve URL. Like the project,
    it assumes Wagtail's i18n is off (WAGTAIL_I18N_ENABLED: no per-language root paths)."""

    def __init__(self, request):
        self.roots = Site.get_site_root_paths()
        site = Site.find_for_request(request) if request is not None else None
        self.current_site_id = site.pk if site else None

    def full_url(self, url_path: str) -> str | None:
        possible = [root for root in self.roots if url_path.startswith(root.root_path)]
        if not possible:
            return None
        chosen = choose_root(possible, self.current_site_id)
        page_path = serve_path(url_path[len(chosen.root_path) :])
        return None if page_path is None else chosen.root_url + page_path
