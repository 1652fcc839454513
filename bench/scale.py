"""Part 8: provisioning speed and public pages at 237 and at 25,000 villages (PostgreSQL).

One throwaway PostgreSQL database (`SCALE_DATABASE_URL`, default the machine's server as postgres):

1. migrate, provision Kutai Kartanegara (64.02, 237 villages), timed: villages per second;
2. measure the public pages of 64.02 (served under a host of their own, `kukar.test`);
3. with `SCALE_25K=1` only (it takes 15-25 minutes here): provision every province of Java
   (31 32 33 34 35 36, 25,271 villages) into the same database, timed, and measure the same pages again.

Measured in-process with Django's test client, page cache off, DEBUG off: 3 warm-up requests, then
REQUESTS timed; the median, and the SQL queries of one request. The database size is printed beside.
Run alone: `python -m bench.scale` (prints the table); `make bench` calls `run()` (bench/run.py).
"""

import json
import os
import re
import subprocess
import sys
import time
import uuid

from bench.common import PYTHON, ROOT, log, manage, run_measured

HOST = "kukar.test"
REGENCY = "64.02"
JAVA = ["31", "32", "33", "34", "35", "36"]
REQUESTS = 20
PAGES = {
    "Village home": "/marang-kayu/sebuntal/",
    "Article": None,  # the article the measuring step creates
    "Kecamatan page": "/marang-kayu/",
    "Portal home": "/",
    "Search across villages": "/cari/?q=desa",
    "Sitemap index": "/sitemap.xml",
    "Sitemap file": "/sitemap-halaman.xml",
}


def _server_url() -> str:
    return os.environ.get("SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")


def _psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{_server_url()}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def _env(database_url: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "S3_BUCKET", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="sinergi.settings",
        DEBUG="0",
        PUBLIC_PAGE_CACHE_SECONDS="0",
        # kukar.test for the measured pages, 127.0.0.1 (the default site) and every other portal's
        # <code>.test for the cache hit rate.
        ALLOWED_HOSTS=f"{HOST},127.0.0.1,.test",
        PYTHONPATH=str(ROOT),
    )
    return env


def _provision(env, codes) -> dict:
    result = run_measured(manage("provision_regency", *codes, "--quiet"), env)
    if not result.ok:
        raise SystemExit(f"bench.scale: provision_regency {' '.join(codes)} failed:\n{result.tail(30)}")
    # The last line: one regency's count, or the total over several ("Semua: …").
    villages = int(re.findall(r"(\d+) desa/kelurahan;", result.output)[-1])
    return {"villages": villages, "seconds": result.seconds, "peak_mib": result.peak_rss_mib}


def _measure(env) -> dict:
    out = subprocess.run(
        [PYTHON, "-m", "bench.scale", "measure"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise SystemExit(f"bench.scale: measuring failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def page_figures(client, path: str, requests: int = REQUESTS) -> dict:
    """One page: 3 warm-up requests, the SQL queries of one request, the median of `requests` more.

    The count is read as soon as the request is done: `CaptureQueriesContext` keeps a view of the
    connection's query log, which the next request empties (Django resets it on request_started), so
    reading it after the timed requests gave 0.
    """
    import statistics

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        status = client.get(path).status_code
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    queries = len(captured.captured_queries)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return {"status": status, "queries": queries, "median_ms": round(statistics.median(times), 1)}


PUBLISHES = 10


def publish_figures(index_page, publishes: int = PUBLISHES) -> dict:
    """Publishing a news article under `index_page`, as an editor's Publish does (`revision.publish()`,
    with the search index written in-process as the immediate task backend does; in production the
    worker pays that part): one warm-up, the SQL queries of one, the median of `publishes` more. Each
    publish is a new draft article; drafts are made outside the timing."""
    import statistics

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sinergi.villages.models import NewsPage

    def draft():
        page = NewsPage(
            title="Musyawarah desa membahas jalan usaha tani",
            slug=f"bench-terbit-{uuid.uuid4().hex[:8]}",
            body="<p>Warga berkumpul di balai desa.</p>",
        )
        index_page.add_child(instance=page)
        return page.save_revision()

    draft().publish()
    revision = draft()
    with CaptureQueriesContext(connection) as captured:
        revision.publish()
    queries = len(captured.captured_queries)
    times = []
    for _ in range(publishes):
        revision = draft()
        started = time.perf_counter()
        revision.publish()
        times.append((time.perf_counter() - started) * 1000)
    return {"queries": queries, "median_ms": round(statistics.median(times), 1)}


CACHE_SECONDS = 15
PUBLISH_EVERY = 2
CACHE_SAMPLE = 237


def add_sites() -> None:
    """A Site (<code>.test) for every portal without one, so that all villages can be requested."""
    import django

    django.setup()
    from wagtail.models import Site

    from sinergi.regions.models import Regency

    with_site = set(Site.objects.values_list("root_page_id", flat=True))
    Site.objects.bulk_create(
        Site(hostname=f"{r.code}.test", port=80, root_page_id=r.page_id, site_name=r.name)
        for r in Regency.objects.exclude(page=None).exclude(page_id__in=with_site)
    )


def _cache_hit_rate(env) -> dict:
    """bench/cache_scope.py on this database, with the page cache on (its default lifetime)."""
    sites = subprocess.run(
        [PYTHON, "-m", "bench.scale", "sites"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if sites.returncode != 0:
        raise SystemExit(f"bench.scale: adding sites failed:\n{sites.stderr[-3000:]}")
    cache_env = {k: v for k, v in env.items() if k != "PUBLIC_PAGE_CACHE_SECONDS"}
    command = [PYTHON, "-m", "bench.cache_scope", str(CACHE_SECONDS), str(PUBLISH_EVERY), str(CACHE_SAMPLE)]
    out = subprocess.run(command, cwd=ROOT, env=cache_env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"bench.scale: cache hit rate failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure() -> dict:
    """In the bench's environment: the figures of every page, as JSON on stdout."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from wagtail.models import Site
    from wagtail.search.models import IndexEntry

    from sinergi.core.tests.factories import make_news
    from sinergi.regions.models import Regency, Village
    from sinergi.villages.models import NewsIndexPage, NewsPage

    portal = Regency.objects.get(code=REGENCY).page
    Site.objects.get_or_create(
        hostname=HOST, port=80, defaults={"root_page": portal, "site_name": portal.title}
    )
    sebuntal = Village.objects.get(code="64.02.17.2001")
    article = NewsPage.objects.child_of(sebuntal.page.get_children().get(slug="berita")).first()
    if article is None:
        article = make_news(sebuntal, "Musyawarah desa membahas jalan usaha tani")
    pages = dict(PAGES, Article=f"/marang-kayu/sebuntal/berita/{article.slug}/")

    client = Client(HTTP_HOST=HOST)
    figures = {name: dict(page_figures(client, path), path=path) for name, path in pages.items()}
    publishing = publish_figures(NewsIndexPage.objects.child_of(sebuntal.page).get())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
        cursor.execute(f"SELECT count(*) FROM {IndexEntry._meta.db_table}")
        entries = cursor.fetchone()[0]
    return {
        "pages": figures,
        "publishing": publishing,
        "search_entries": entries,
        "database_size": size,
        "villages": Village.objects.count(),
    }


def run(with_25k: bool | None = None) -> dict:
    """Build the database, provision, measure; drop the database at the end."""
    if with_25k is None:
        with_25k = os.environ.get("SCALE_25K") == "1"
    name = f"sinergi_bench_scale_{uuid.uuid4().hex[:8]}"
    database_url = f"{_server_url()}/{name}"
    env = _env(database_url)
    _psql(f'CREATE DATABASE "{name}"')
    try:
        log(f"scale: migrate {name}")
        migrated = run_measured(manage("migrate", "--no-input", "-v", "0"), env)
        if not migrated.ok:
            raise SystemExit(f"bench.scale: migrate failed:\n{migrated.tail(30)}")
        log(f"scale: provision {REGENCY}")
        result = {"small": {"provisioning": _provision(env, [REGENCY])}}
        log("scale: measure pages at 237 villages")
        result["small"].update(_measure(env))
        log("scale: page cache hit rate while news is published, 237 villages")
        result["small"]["cache"] = _cache_hit_rate(env)
        if with_25k:
            log(f"scale: provision {' '.join(JAVA)} (Java, 25,271 villages; 15-25 minutes)")
            result["large"] = {"provisioning": _provision(env, JAVA)}
            log("scale: measure pages at 25,000+ villages")
            result["large"].update(_measure(env))
            log("scale: page cache hit rate while news is published, 25,000+ villages")
            result["large"]["cache"] = _cache_hit_rate(env)
    finally:
        _psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return result


def rows(result: dict) -> list[str]:
    small, large = result["small"], result.get("large")

    def rate(p):
        return f"{p['villages'] / p['seconds']:.1f} villages/s ({p['villages']:,} in {p['seconds']:.0f} s, peak {p['peak_mib']:.0f} MiB)"

    def cell(col, name):
        if col is None:
            return "not measured (set SCALE_25K=1)"
        page = col["pages"][name]
        status = "" if page["status"] == 200 else f", HTTP {page['status']}"
        return f"{page['queries']} queries, {page['median_ms']} ms{status}"

    head_large = f"{large['villages']:,} villages" if large else "25,000 villages"
    lines = [
        "",
        "Scale: 64.02's pages with the instance holding 237 villages, then all of Java added "
        "(PostgreSQL, in-process, page cache off, median of "
        f"{REQUESTS} requests; bench/scale.py):",
        "",
        f"| | {small['villages']:,} villages | {head_large} |",
        "|---|---|---|",
        f"| Provisioning | {rate(small['provisioning'])} | "
        + (rate(large["provisioning"]) if large else "not measured (set SCALE_25K=1)")
        + " |",
        f"| Database size | {small['database_size']} | {large['database_size'] if large else ''} |",
    ]
    lines += [f"| {name} | {cell(small, name)} | {cell(large, name)} |" for name in PAGES]

    def publishing(col):
        if col is None:
            return "not measured (set SCALE_25K=1)"
        p = col["publishing"]
        return f"{p['queries']} queries, {p['median_ms']} ms ({col['search_entries']:,} search entries)"

    lines.append(f"| Publishing an article | {publishing(small)} | {publishing(large)} |")

    def hit_rate(col, mode):
        if col is None:
            return "not measured (set SCALE_25K=1)"
        c = col["cache"][mode]
        rate = c["hits"] / c["requests"] if c["requests"] else 0
        return (
            f"{rate:.0%} ({c['hits']:,} of {c['requests']:,} requests to {col['cache']['requested_villages']:,} "
            f"village homes; {c['published']} articles published)"
        )

    lines += [
        f"| Page cache hit rate, scoped invalidation | {hit_rate(small, 'scoped')} | {hit_rate(large, 'scoped')} |",
        f"| Page cache hit rate, every publish empties all | {hit_rate(small, 'global')} | {hit_rate(large, 'global')} |",
        "",
        f"Hit rate: bench/cache_scope.py with the page cache on, {CACHE_SECONDS} s of requests to village "
        f"homes (a sample of {CACHE_SAMPLE} drawn from all villages, warmed first) while a news article is "
        f"published in a random village of the instance every {PUBLISH_EVERY} s.",
    ]
    return lines


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:] == ["measure"]:
        print(json.dumps(measure()))
    elif sys.argv[1:] == ["sites"]:
        add_sites()
    else:
        print("\n".join(rows(run())))
