"""The sitemap lists exactly what the public may list (sinergi.core.pages.listable), less the listing
sections that have nothing in them yet (not indexed until they have content: noindex on their page).

`/sitemap.xml` is a sitemap index (robots.txt names it); it lists the files `/sitemap-halaman.xml`,
`/sitemap-halaman.xml?p=2`, … of at most SITEMAP_MAX_URLS addresses each (the protocol allows 50,000).
A file costs the same few queries whatever the number of villages: the site, a count and one page of
rows, read as base pages (no page type overrides its sitemap entry, so no per-type queries).
"""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from sinergi.core.pages import listable, without_empty_sections


class ListableSitemap(Sitemap):
    @property
    def limit(self):
        return settings.SITEMAP_MAX_URLS

    def items(self):
        # Wagtail's own sitemap keeps expired pages and pages under an unpublished section.
        root = self.get_wagtail_site().root_page
        pages = Page.objects.filter(path__startswith=root.path, depth__gte=root.depth)
        return without_empty_sections(listable(pages)).order_by("path")

    def get_latest_lastmod(self):
        # Django would read every item for the index's <lastmod>; the index goes without it.
        return None


SITEMAPS = {"halaman": ListableSitemap}
