"""The sitemap lists exactly what the public may list (sinergi.core.pages.listable), less the listing
sections that have nothing in them yet."""

from wagtail.contrib.sitemaps import Sitemap

from sinergi.core.pages import listable, without_empty_sections


class ListableSitemap(Sitemap):
    def items(self):
        # Wagtail's own sitemap keeps expired pages and pages under an unpublished section.
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        # A section with nothing in it yet is not indexed until it has content (noindex on its page).
        return without_empty_sections(listable(pages)).order_by("path").defer_streamfields().specific()
