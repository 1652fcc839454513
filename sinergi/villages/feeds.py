from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from sinergi.core.formatting import local_zone

FEED_ITEMS = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "id"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        home = self.index_page.village_home
        return f"{self.index_page.title} — {home.title}" if home else self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro or self.title()

    def items(self):
        return self.index_page.articles()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro or item.search_description

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        import datetime as dt

        return dt.datetime.combine(item.date, dt.time(8, 0), tzinfo=local_zone())

    def item_author_name(self, item):
        return item.credit or None
