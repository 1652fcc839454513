"""Page cache hit rate of anonymous traffic spread over all villages while news is published.

Run as a subprocess (`python -m bench.cache_scope SECONDS PUBLISH_EVERY [SAMPLE]`) with the bench's environment,
in one process with Django's test client and the per-process page cache, so the figure is about the
invalidation rule only (not the network or Redis). Twice, on an emptied cache:

- "global": every publish empties every page (the rule before scoped invalidation, forced here by
  replacing the scoped call with `invalidate_public_pages`);
- "scoped": the rule of sinergi/core/cache.py (the village, its kecamatan and the portal).

Each round first requests every village home once (warm-up, not counted), then for SECONDS requests
village homes picked uniformly at random, and every PUBLISH_EVERY seconds publishes a news article in
a random village. A request is a hit when it ran no SQL query. Prints one JSON object on stdout.

Villages are requested under their regency's Site (bench/scale.py gives every portal one); with
SAMPLE (bench/scale.py: 237), the requests go to that many village homes drawn at random from all,
while the news is still published in any village: warming 25,000 homes would take most of an hour,
and the per-process cache's cap of 300 entries is lifted
(a warmed village home takes several).
"""

import json
import random
import sys
import time


def measure(pages, villages, seconds: float, publish_every: float, rng: random.Random) -> dict:
    """`pages`: (host, path) of each village home; a village of another regency has its own host."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from sinergi.villages.models import NewsIndexPage, NewsPage

    cache.clear()
    # Django's per-process cache keeps 300 entries (a third culled when full); a cached village home
    # takes several (the page, its headers, the scope keys of the village and its kecamatan), so 237
    # villages overflowed it and misses measured the cap, not the invalidation rule. Production's
    # Redis holds them all: the cap is lifted here.
    if hasattr(cache, "_max_entries"):
        cache._max_entries = 10**7
    client = Client()
    for host, path in pages:
        client.get(path, HTTP_HOST=host)
    requests = hits = published = 0
    started = next_publish = time.monotonic()
    while (now := time.monotonic()) - started < seconds:
        if now >= next_publish:
            village = rng.choice(villages)
            index = NewsIndexPage.objects.child_of(village.page).first()
            if index is not None:
                page = NewsPage(title=f"Kabar bench {published}", slug=f"kabar-bench-{time.time_ns()}",
                                body="<p>Isi berita bench.</p>")  # fmt: skip
                index.add_child(instance=page)
                page.save_revision().publish()
                published += 1
            next_publish = now + publish_every
        with CaptureQueriesContext(connection) as captured:
            host, path = rng.choice(pages)
            status = client.get(path, HTTP_HOST=host).status_code
        requests += 1
        hits += status == 200 and len(captured) == 0
    return {"requests": requests, "hits": hits, "published": published, "seconds": seconds}


def village_homes(villages) -> list[tuple[str, str]]:
    """(host, path) of each village home, through the Site whose root is its regency's portal (the
    default site answers the bench's own host). Without a Site of its own a village is left out."""
    from wagtail.models import Site

    from bench.common import HOST

    roots = {
        site.root_page.url_path: HOST if site.is_default_site else site.hostname
        for site in Site.objects.select_related("root_page")
    }
    pages = []
    for village in villages:
        root = "/" + village.page.url_path.split("/")[1] + "/"  # the portal's url_path
        if root in roots:
            pages.append((roots[root], village.page.url_path[len(root) - 1 :]))
    return pages


def main(seconds: float, publish_every: float, sample: int | None = None) -> None:
    import django

    django.setup()
    from django.db import transaction

    from sinergi.core import cache as page_cache
    from sinergi.core import signal_handlers
    from sinergi.regions.models import Village

    villages = list(Village.objects.filter(page__isnull=False).select_related("page").order_by("code"))
    pages = village_homes(villages)
    if sample and len(pages) > sample:
        # Warming every home of 25,000 villages would take most of an hour: the visitors go to a
        # sample drawn from all of them, the news is published in any village of the instance.
        pages = random.Random(7).sample(pages, sample)
    results = {"villages": len(villages), "requested_villages": len(pages)}
    scoped = signal_handlers.invalidate_pages_of
    for mode in ("global", "scoped"):
        signal_handlers.invalidate_pages_of = scoped if mode == "scoped" else (
            lambda page: page_cache.invalidate_public_pages()
        )  # fmt: skip
        # Autocommit: each publish commits at once, so on_commit invalidation runs at once.
        assert transaction.get_autocommit()
        results[mode] = measure(pages, villages, seconds, publish_every, random.Random(13))
    print(json.dumps(results))


if __name__ == "__main__":
    main(float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
