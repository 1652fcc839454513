"""The sitemap lists exactly what the public may list (sinergi.core.pages.listable)."""

from wagtail.contrib.sitemaps import Sitemap

from sinergi.core.pages import listable


class ListableSitemap(Sitemap):
    def items(self):
        # Wagtail's own sitemap keeps expired pages and pages under an unpublished section.
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return listable(pages).order_by("path").defer_streamfields().specific()
