"""RSS feed of a village's public complaints (django.contrib.syndication)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_ITEMS = 20


class ComplaintFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "id"

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.page.title} — {self.page.village.name}"

    def link(self):
        return self.page.get_url(self.request)

    def description(self):
        return self.page.intro or _("Pengaduan dan aspirasi warga yang ditampilkan untuk umum.")

    def items(self):
        from sinergi.complaints.models import public_cases

        return list(public_cases().select_related("category").order_by("-received_at", "-pk")[:FEED_ITEMS])

    def item_title(self, item):
        return f"{item.title} ({item.get_state_display()})"

    def item_description(self, item):
        return f"{item.category.name}: {item.description[:500]}"

    def item_link(self, item):
        return self.page.get_url(self.request) + self.page.reverse_subpage(
            "case", args=[item.year, item.number]
        )

    def item_pubdate(self, item):
        return item.received_at

    def item_categories(self, item):
        return [item.category.name]
