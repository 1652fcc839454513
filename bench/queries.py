"""Part 5: SQL queries per request, counted in-process with Django's test client.

Run as a subprocess (`python -m bench.queries PATH...`) with the bench's environment, so Django is set
up against the bench database. For each page: one request to warm up (image renditions created,
per-process caches filled, the page cache filled), then one request counted with the page cache
off, then one counted with it on, which should be a hit with no queries at all.
Prints one JSON object on stdout.
"""

import json
import sys


def main(paths: list[str]) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from bench.common import HOST

    client = Client(HTTP_HOST=HOST, HTTP_ACCEPT_ENCODING="gzip")
    results = {}
    for path in paths:
        # Warm-up, outside the override: the middleware reads the cache timeout once, when the test
        # client first builds its handler, and this request also fills the page cache.
        entry = {"warmup_status": client.get(path).status_code}
        with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0), CaptureQueriesContext(connection) as ctx:
            entry["status"] = client.get(path).status_code
        entry["uncached"] = len(ctx.captured_queries)
        with CaptureQueriesContext(connection) as ctx:
            client.get(path)
        entry["cached"] = len(ctx.captured_queries)
        results[path] = entry
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])
