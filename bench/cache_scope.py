"""Page cache hit rate of anonymous traffic spread over all villages while news is published.

Run as a subprocess (`python -m bench.cache_scope SECONDS PUBLISH_EVERY`) with the bench's environment,
in one process with Django's test client and the per-process page cache, so the figure is about the
invalidation rule only (not the network or Redis). Twice, on an emptied cache:

- "global": every publish empties every page (the rule before scoped invalidation, forced here by
  replacing the scoped call with `invalidate_public_pages`);
- "scoped": the rule of sinergi/core/cache.py (the village, its kecamatan and the portal).

Each round first requests every village home once (warm-up, not counted), then for SECONDS requests
village homes picked uniformly at random, and every PUBLISH_EVERY seconds publishes a news article in
a random village. A request is a hit when it ran no SQL query. Prints one JSON object on stdout.
"""

import json
import random
import sys
import time


def measure(paths, villages, seconds: float, publish_every: float, rng: random.Random) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.common import HOST
    from sinergi.villages.models import NewsIndexPage, NewsPage

    cache.clear()
    client = Client(HTTP_HOST=HOST)
    for path in paths:
        client.get(path)
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
            status = client.get(rng.choice(paths)).status_code
        requests += 1
        hits += status == 200 and len(captured) == 0
    return {"requests": requests, "hits": hits, "published": published, "seconds": seconds}


def main(seconds: float, publish_every: float) -> None:
    import django

    django.setup()
    from django.db import transaction

    from sinergi.core import cache as page_cache
    from sinergi.core import signal_handlers
    from sinergi.regions.models import Village

    villages = list(Village.objects.filter(page__isnull=False).select_related("page").order_by("code"))
    paths = [village.page.url for village in villages]
    results = {"villages": len(villages)}
    scoped = signal_handlers.invalidate_pages_of
    for mode in ("global", "scoped"):
        signal_handlers.invalidate_pages_of = scoped if mode == "scoped" else (
            lambda page: page_cache.invalidate_public_pages()
        )  # fmt: skip
        # Autocommit: each publish commits at once, so on_commit invalidation runs at once.
        assert transaction.get_autocommit()
        results[mode] = measure(paths, villages, seconds, publish_every, random.Random(13))
    print(json.dumps(results))


if __name__ == "__main__":
    main(float(sys.argv[1]), float(sys.argv[2]))
