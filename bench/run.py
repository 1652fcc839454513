#!/usr/bin/env python
"""`make bench`: build a demo regency from nothing, serve it with gunicorn, print what it costs.

Not a test: nothing here fails on timing. The figures go to stdout and bench/results/latest.md as one
markdown table with notes; progress goes to stderr. See bench/README.md for how to read them.

    .venv/bin/python bench/run.py                          # the whole regency, ~5-6 minutes on 2 cores
    .venv/bin/python bench/run.py --kecamatan 64.02.17 --duration 3   # quick run while working
"""

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

if __package__ in (None, ""):
    # Run as a script: import the suite as the `bench` package from the repository root.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import (
    complaints,
    index,
    kim,
    load,
    postgres_pages,
    ppid,
    provisioning,
    scale,
    serve,
    weight,
    wordpress,
)
from bench.common import HOST, PYTHON, ROOT, BenchDirs, git_commit, log, run_measured

VILLAGE_HOME = "/marang-kayu/sebuntal/"
NEWS_INDEX = "/marang-kayu/sebuntal/berita/"
PORTAL_HOME = "/"
TARGET_RATIO = 0.5


def kb(n: float) -> str:
    return f"{n:,.0f} B ({n / 1024:.1f} KB)"


def verdict(ok: bool) -> str:
    return "met" if ok else "**NOT met**"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--regency", default="64.02", help="regency code to provision (default 64.02)")
    parser.add_argument(
        "--kecamatan", action="append", default=[], metavar="CODE",
        help="provision only this kecamatan (repeatable); default: the whole regency",
    )  # fmt: skip
    parser.add_argument("--connections", type=int, default=16, help="concurrent keep-alive connections")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of load before measuring")
    parser.add_argument("--duration", type=float, default=8.0, help="measured seconds per page and setting")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved rounds the duration is split into")
    parser.add_argument("--kim-members", type=int, default=40, help="KIM members sending reports at once")
    parser.add_argument("--kim-clients", type=int, default=8, help="concurrent senders of KIM reports")
    parser.add_argument("--kim-repeats", type=int, default=3, help="runs of the 10-photo KIM report")
    parser.add_argument(
        "--cache-seconds",
        type=float,
        default=15.0,
        help="seconds of random village traffic per cache-invalidation rule",
    )
    parser.add_argument(
        "--publish-every",
        type=float,
        default=2.0,
        help="seconds between news published during the cache hit-rate run",
    )
    parser.add_argument(
        "--ppid-citizens", type=int, default=16, help="citizens sending PPID requests at once"
    )
    parser.add_argument(
        "--ppid-per-village", type=int, default=50, help="requests per village for the figures"
    )
    parser.add_argument(
        "--no-wordpress", action="store_true",
        help="do not measure WordPress beside Sinergi (compare with the reference rate instead)",
    )  # fmt: skip
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (DB, logs)")
    parser.add_argument(
        "--no-faults", action="store_true", help="leave out load and faults through the production stack"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "latest.md")
    return parser.parse_args()


def header(started: float) -> list[str]:
    return [
        "# Sinergi benchmark",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M %Z', time.localtime(started))}",
        f"- Machine: {os.cpu_count()} CPU cores (os.cpu_count()), {platform.machine()}, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Django {version('django')}, Wagtail {version('wagtail')}, "
        f"gunicorn {version('gunicorn')}, WhiteNoise {version('whitenoise')}",
        f"- Commit: {git_commit()}",
    ]


def count_queries(dirs: BenchDirs, paths: list[str]) -> tuple[dict, str]:
    log("SQL queries per request (in-process, django.test.Client)")
    step = run_measured([PYTHON, "-m", "bench.queries", *paths], dirs.env())
    if not step.ok:
        return {}, f"Query counting failed (exit {step.returncode}): {step.tail(5)!r}"
    try:
        return json.loads(step.output.strip().splitlines()[-1]), ""
    except (ValueError, IndexError):
        return {}, f"Query counting printed no result: {step.tail(5)!r}"


def cache_hit_rates(dirs: BenchDirs, args: argparse.Namespace) -> tuple[dict, str]:
    log("page cache hit rate while news is published (in-process, global vs scoped invalidation)")
    step = run_measured(
        [PYTHON, "-m", "bench.cache_scope", str(args.cache_seconds), str(args.publish_every)], dirs.env()
    )
    if not step.ok:
        return {}, f"Cache hit-rate run failed (exit {step.returncode}): {step.tail(5)!r}"
    try:
        return json.loads(step.output.strip().splitlines()[-1]), ""
    except (ValueError, IndexError):
        return {}, f"Cache hit-rate run printed no result: {step.tail(5)!r}"


def hit_rate_table(rates: dict, publish_every: float) -> list[str]:
    if not rates:
        return []

    def cell(mode: str) -> str:
        r = rates[mode]
        share = r["hits"] / r["requests"] if r["requests"] else 0
        return f"{share:.0%} ({r['hits']:,}/{r['requests']:,} requests, {r['published']} published)"

    return [
        "",
        "Page cache hit rate, anonymous requests to village homes picked at random while a news article is "
        f"published in a random village every {publish_every:g} s (in-process, bench/cache_scope.py):",
        "",
        "| Villages | Every publish empties every page | Scoped (village, kecamatan, portal) |",
        "|---|---|---|",
        f"| {rates['villages']:,} | {cell('global')} | {cell('scoped')} |",
        "| 25,000 | on PostgreSQL with all of Java: the scale table (bench/scale.py, SCALE_25K=1) | |",
    ]


def measure_apbdes(dirs: BenchDirs) -> tuple[list[str], str]:
    """Part 7: a 500-line APBDes import and the regency view over every village (bench/apbdes.py)."""
    log("APBDes: 500-line import, then a budget for every village and the regency view")
    step = run_measured([PYTHON, "-m", "bench.apbdes"], dirs.env())
    if not step.ok:
        return [], f"APBDes bench failed (exit {step.returncode}): {step.tail(5)!r}"
    try:
        r = json.loads(step.output.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return [], f"APBDes bench printed no result: {step.tail(5)!r}"
    imp, reg = r["import"], r["regency"]
    lines = [
        "",
        "APBDes (in-process, bench/apbdes.py):",
        "",
        "| Figure | Value |",
        "| --- | --- |",
        f"| Import of {imp['lines']} lines ({imp['kegiatan']} kegiatan, {imp['bytes']:,} B): read and check "
        f"| {imp['read_seconds']} s, peak {imp['read_peak_mib']} MiB (Python), {imp['problems']} problems |",
        f"| Same import: confirm (save as draft) | {imp['confirm_seconds']} s, peak {imp['confirm_peak_mib']} MiB |",
        f"| Regency view over {reg['villages']} villages ({reg['published']} published, {reg['districts']} "
        f"kecamatan): rows, totals and Excel | {reg['seconds']} s, {reg['queries']} queries, peak "
        f"{reg['peak_mib']} MiB, Excel {reg['xlsx_bytes']:,} B |",
        f"| Process peak RSS (whole APBDes step) | {r['peak_rss_mib']} MiB (setting up {reg['villages']} "
        f"budgets took {reg['setup_seconds']} s, not timed above) |",
    ]
    return lines, ""


def measure_scale() -> tuple[list[str], str]:
    """Part 8: provisioning speed and public pages at 237 and 25,000 villages (bench/scale.py, PostgreSQL;
    the 25,000 column only with SCALE_25K=1)."""
    log("scale: 237 villages" + (", then 25,000" if os.environ.get("SCALE_25K") == "1" else ""))
    try:
        return scale.rows(scale.run()), ""
    except (SystemExit, OSError, ImportError) as exc:
        return [], f"Scale bench failed (PostgreSQL at SCALE_DATABASE_URL needed): {exc}"
    except Exception as exc:  # psycopg's errors: the bench reports, it does not stop
        return [], f"Scale bench failed: {exc!r}"


def measure_kim(dirs: BenchDirs, args: argparse.Namespace) -> kim.KimResult:
    """KIM reports from members' phones, on a gunicorn of its own; a failure is reported, not raised."""
    with serve.Gunicorn(dirs, "kim") as server:
        try:
            return kim.measure(
                dirs, server.port, server.proc.pid, members=args.kim_members, clients=args.kim_clients,
                repeats=args.kim_repeats, warmup=args.warmup, duration=args.duration,
            )  # fmt: skip
        except kim.KimBenchError as error:
            log(f"KIM: {error}")
            return kim.KimResult(
                args.kim_members, args.kim_clients, failure=f"{error} (see {server.logfile})"
            )


def measure_ppid(dirs: BenchDirs, args: argparse.Namespace) -> ppid.PpidResult:
    """PPID requests from many citizens, then the regency figures; a failure is reported, not raised."""
    with serve.Gunicorn(dirs, "ppid", DJANGO_SETTINGS_MODULE="bench.ppid_settings") as server:
        try:
            return ppid.measure(
                dirs, server.port, clients=args.ppid_citizens, duration=args.duration,
                per_village=args.ppid_per_village,
            )  # fmt: skip
        except ppid.PpidBenchError as error:
            log(f"PPID: {error}")
            return ppid.PpidResult(args.ppid_citizens, failure=f"{error} (see {server.logfile})")


def measure_complaints(dirs: BenchDirs) -> list[str]:
    """Complaints (bench.complaints, in a subprocess on the bench database); a failure is reported."""
    step = run_measured([PYTHON, "-m", "bench.complaints"], dirs.env())
    if not step.ok:
        return complaints.notes(None, f"exit {step.returncode}: {step.tail(5)}")
    try:
        return complaints.notes(json.loads(step.output.strip().splitlines()[-1]))
    except (ValueError, IndexError, KeyError):
        return complaints.notes(None, f"no result: {step.tail(5)!r}")


def measure_faults(args) -> list[str]:
    """Load and faults through nginx and two app servers (bench/faults.py, its own PostgreSQL and Redis)."""
    if args.no_faults:
        return []
    log("load and faults through the production stack (bench/faults.py, about 5 minutes)")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "faults.py")], cwd=ROOT, capture_output=True, text=True
    )
    table = [line for line in done.stdout.splitlines() if line.startswith("|")]
    if done.returncode != 0 or not table:
        return ["", f"Load and faults: could not run ({done.stderr.strip().splitlines()[-1:]})."]
    return ["", *table]


def measure_index(dirs: BenchDirs) -> list[str]:
    """The completeness index (bench.index, in a subprocess on the bench database); a failure is reported."""
    step = run_measured([PYTHON, "-m", "bench.index"], dirs.env())
    if not step.ok:
        return index.notes(None, f"exit {step.returncode}: {step.tail(5)}")
    try:
        return index.notes(json.loads(step.output.strip().splitlines()[-1]))
    except (ValueError, IndexError, KeyError):
        return index.notes(None, f"no result: {step.tail(5)!r}")


WORDPRESS_ROW = "WordPress home (nginx + php-fpm, same machine)"


def start_wordpress(stack: contextlib.ExitStack, args: argparse.Namespace) -> tuple:
    """WordPress served beside Sinergi (bench/wordpress.py), or None and why not."""
    if args.no_wordpress:
        return None, "left out (--no-wordpress)"
    log("WordPress beside Sinergi (bench/wordpress.py)")
    try:
        return stack.enter_context(wordpress.WordPress()), ""
    except wordpress.WordPressUnavailable as exc:
        log(f"WordPress not measured: {exc}")
        return None, str(exc)


def measure_wordpress(wp, load_args: dict, before: load.LoadResult | None = None) -> load.LoadResult | None:
    """Half of WordPress's measured time (and rounds): called right before and right after Sinergi's
    uncached pages, so that both come from the same minutes of a noisy machine."""
    if wp is None:
        return before
    half = {**load_args, "duration": load_args["duration"] / 2, "rounds": max(1, load_args["rounds"] // 2)}
    part = load.interleaved(HOST, wp.port, {WORDPRESS_ROW: wp.home_path}, server_pid=wp.pids, **half)
    if before is None:
        return part[WORDPRESS_ROW]
    before.merge(part[WORDPRESS_ROW])
    return before


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    args = parse_args()
    signal.signal(signal.SIGTERM, _interrupted)  # like Ctrl-C: run the finally blocks, stop gunicorn
    started = time.time()
    lines = header(started)
    notes: list[str] = []
    dirs = BenchDirs(Path(tempfile.mkdtemp(prefix="sinergi-bench-")))
    dirs.static.mkdir()
    log(f"working in {dirs.tmp}")
    load_args = {
        "connections": args.connections,
        "warmup": args.warmup,
        "duration": args.duration,
        "rounds": args.rounds,
        "progress": lambda text: log(f"load: {text}"),
    }
    finished = interrupted = False
    try:
        prov = provisioning.build(dirs, args.regency, args.kecamatan)
        notes += prov.notes

        # 3. Page weight, on a server of its own: the static ceiling file must exist before WhiteNoise
        # scans STATIC_ROOT at start-up, and it is made from the village home as served.
        pages: dict[str, str | None] = {
            "Village home": VILLAGE_HOME,
            "Article": None,
            "Portal home": PORTAL_HOME,
        }
        weights: dict[str, weight.PageWeight] = {}
        with serve.Gunicorn(dirs, "weight") as server, server.client() as client:
            index = weight.measure(client, "News index", NEWS_INDEX)
            pages["Article"] = weight.first_article(index.links, NEWS_INDEX)
            if pages["Article"] is None:
                notes.append(
                    f"No article linked from {NEWS_INDEX} (HTTP {index.html.status}): the article rows are empty."
                )
            for name, path in pages.items():
                if path:
                    log(f"page weight: {name} {path}")
                    weights[name] = weight.measure(client, name, path)
                    if name in ("Village home", "Article"):
                        # The same page on a desktop: other srcset candidates, the same HTML and CSS.
                        weights[name].desktop = weight.measure(client, name, path, weight.DESKTOP)
        village = weights["Village home"]
        if village.html.status != 200:
            raise SystemExit(
                f"bench: {VILLAGE_HOME} answered HTTP {village.html.status}; see {server.logfile}"
            )
        gzipped = village.html.raw if village.html.headers.get("content-encoding") == "gzip" else None
        ceiling = serve.write_ceiling(dirs.static, village.html.body, gzipped)
        stylesheet = next((f.response for f in village.assets if f.kind == "stylesheet"), None)

        # 4. Throughput: cached pages and the static files on one server, in interleaved rounds so the
        # ratio is fair even if something else on the machine gets busy; then uncached on another.
        measured = {name: path for name, path in pages.items() if path}
        targets = {f"cached {name}": path for name, path in measured.items()}
        targets["static ceiling"] = ceiling
        if stylesheet is not None:
            targets["static css"] = urlsplit(stylesheet.url).path
        with serve.Gunicorn(dirs, "cached") as server:
            results = load.interleaved(HOST, server.port, targets, server_pid=server.proc.pid, **load_args)
        cached = {name: results[f"cached {name}"] for name in measured}
        statics = {key: results[f"static {key}"] for key in ("ceiling", "css") if f"static {key}" in results}
        uncached_pg: dict[str, load.LoadResult] = {}
        with contextlib.ExitStack() as stack:
            # 4b. The same demo in a PostgreSQL database, built before WordPress starts (~2 minutes).
            pg = stack.enter_context(postgres_pages.demo_database(dirs, args.regency, args.kecamatan))
            if pg.failure:
                notes.append(f"Page cache off on PostgreSQL not measured: {pg.failure}.")
            wp, wordpress_about = start_wordpress(stack, args)
            server = stack.enter_context(serve.Gunicorn(dirs, "uncached", PUBLIC_PAGE_CACHE_SECONDS="0"))
            wordpress_home = measure_wordpress(wp, load_args)
            uncached = load.interleaved(HOST, server.port, measured, server_pid=server.proc.pid, **load_args)
            # One connection: the latency of a render with the server otherwise idle.
            single = load.interleaved(
                HOST, server.port, measured, server_pid=server.proc.pid,
                **{**load_args, "connections": 1, "rounds": 2},
            )  # fmt: skip
            if pg.url:
                uncached_pg = measure_uncached_postgres(dirs, pg, measured, load_args)
            wordpress_home = measure_wordpress(wp, load_args, wordpress_home)
            if wp is not None:
                wordpress_about = wp.describe()
        for name, result in single.items():
            uncached[name].single = result

        # 5. Queries.
        query_counts, failure = count_queries(dirs, list(measured.values()))
        if failure:
            notes.append(failure)

        # 5b. Cache hit rate while news is published: every publish emptying all vs the scoped rule.
        hit_rates, failure = cache_hit_rates(dirs, args)
        if failure:
            notes.append(failure)

        # 6. KIM: a report with 10 large photos, and many members sending at once.
        kim_result = measure_kim(dirs, args)

        # 7. APBDes: the import of a large workbook and the regency view (after KIM: it adds rows).
        apbdes_lines, failure = measure_apbdes(dirs)
        if failure:
            notes.append(failure)
        # 7. PPID: requests from many citizens at once, and the regency figures.
        ppid_result = measure_ppid(dirs, args)
        # 7. Complaints: the form under many citizens at once, and the regency figures.
        complaints_notes = measure_complaints(dirs)
        # 8. The completeness index: the whole regency and a generated one of 2,500 villages.
        complaints_notes += measure_index(dirs)
        # 9. Scale: provisioning and public pages at 237 and 25,000 villages, on PostgreSQL.
        scale_lines, failure = measure_scale()
        if failure:
            notes.append(failure)
        # 10. Load and faults through the production stack (its own servers, after the rest).
        fault_lines = measure_faults(args)
        finished = True
    except KeyboardInterrupt:
        interrupted = True
        log("interrupted")
        raise
    finally:
        if args.keep or not (finished or interrupted):
            log(f"kept {dirs.tmp} (database, gunicorn logs); remove it when done")
        else:
            shutil.rmtree(dirs.tmp, ignore_errors=True)

    lines += [f"- Bench run time: {time.time() - started:.0f} s", ""]
    lines += table(
        prov, measured, weights, cached, uncached, statics, query_counts, stylesheet, village, kim_result,
        wordpress_home, wordpress_about, uncached_pg,
    )  # fmt: skip
    lines += hit_rate_table(hit_rates, args.publish_every)
    lines += apbdes_lines
    lines += scale_lines
    lines += [
        f"| {' | '.join(str(c).replace('|', chr(92) + '|') for c in row)} |" for row in ppid.rows(ppid_result)
    ]
    lines += fault_lines
    lines += ["", "Notes:", ""]
    notes += kim.notes(kim_result)
    notes += complaints_notes
    notes += wordpress_notes(args, wordpress_home, wordpress_about)
    if kim_result.load is not None:
        notes.append(cpu_note("KIM load", [kim_result.load]))
    lines += [f"- {n}" for n in explanations(args, prov, weights, cached, uncached, statics, village) + notes]
    report = "\n".join(lines) + "\n"
    print(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report)
    log(f"written to {args.output}")
    return 0


def table(
    prov,
    measured,
    weights,
    cached,
    uncached,
    statics,
    query_counts,
    stylesheet,
    village,
    kim_result,
    wordpress_home=None,
    wordpress_about="",
    uncached_pg=None,
) -> list[str]:
    rows = [("Figure", "Value", "Target / comparison")]
    uncached_pg = uncached_pg or {}
    villages = f", {prov.districts} kecamatan, {prov.villages} villages" if prov.villages else ""
    rows += [
        ("`migrate` on an empty SQLite database", f"{prov.migrate.seconds:.1f} s", ""),
        (
            f"`provision_regency {prov.scope}`{villages}: first run",
            f"{prov.first.seconds:.1f} s, peak memory {prov.first.peak_rss_mib:.0f} MiB",
            "",
        ),
        (
            "`provision_regency`: second run (idempotent)",
            f"{prov.second.seconds:.1f} s, peak memory {prov.second.peak_rss_mib:.0f} MiB",
            "",
        ),
        (
            "`load_demo`",
            f"{prov.demo.seconds:.1f} s, peak memory {prov.demo.peak_rss_mib:.0f} MiB"
            if prov.demo_loaded
            else "not available or failed: provisioned-only pages measured (see notes)",
            "",
        ),
    ]
    for name, path in measured.items():
        w = weights[name]
        is_village = path == VILLAGE_HOME
        target = (
            f"≤ {weight.TARGET_BYTES:,} B and ≤ {weight.TARGET_REQUESTS} requests: "
            f"{verdict(w.total_wire <= weight.TARGET_BYTES and w.requests <= weight.TARGET_REQUESTS)}; "
            "default WordPress theme ~18–25 KB in 4–6 requests; most used village system ~845 KB in 59"
            if is_village
            else ""
        )
        lazy = f" ({w.lazy_images} lazy)" if w.lazy_images else ""
        q = query_counts.get(path, {})
        rows += [
            (f"{name} `{path}`: HTML on the wire", kb(w.html_wire), f"HTTP {w.html.status}"),
            (
                f"{name}: total on the wire excl. content images",
                f"{kb(w.total_wire)} in {w.requests} requests",
                target,
            ),
            (f"{name}: content images", f"{len(w.images)} images{lazy}, {kb(w.image_wire)}", ""),
            *(
                [
                    (
                        f"{name}: everything incl. content images, phone (360 px, 2×) / desktop (1366 px, 1×)",
                        f"{kb(w.everything_wire)} / {kb(w.desktop.everything_wire)}",
                        f"images {kb(w.image_wire)} / {kb(w.desktop.image_wire)}",
                    )
                ]
                if w.desktop
                else []
            ),
            (f"{name}: page cache on", cached[name].summary(), ""),
            (
                f"{name}: page cache off",
                uncached[name].summary(),
                render_target(uncached[name], wordpress_home),
            ),
            (
                f"{name}: page cache off, one connection",
                uncached[name].single.summary() if uncached[name].single else "n/a",
                "target p50 < 10 ms",
            ),
            *postgres_rows(name, uncached_pg.get(name), wordpress_home),
            (
                f"{name}: SQL queries per request",
                f"{q['uncached']} uncached, {q['cached']} from the page cache" if q else "n/a",
                "" if not q or q.get("status") == 200 else f"HTTP {q.get('status')}",
            ),
        ]
    rows.append(
        (WORDPRESS_ROW, wordpress_home.summary(), wordpress_about)
        if wordpress_home is not None
        else (WORDPRESS_ROW, f"not measured: {wordpress_about}", f"reference ~{WORDPRESS_RATE} req/s used")
    )
    ceiling = statics.get("ceiling")
    if ceiling is not None:
        rows.append(
            (
                f"Static ceiling: the village home's own {ceiling.mean_body:,.0f} B of gzip, from WhiteNoise",
                ceiling.summary(),
                "",
            )
        )
    css = statics.get("css")
    if css is not None and stylesheet is not None:
        rows.append((f"Static: the site stylesheet, {css.mean_body:,.0f} B of gzip", css.summary(), ""))
    village_cached = cached.get("Village home")
    if ceiling is not None and village_cached is not None and ceiling.rate:
        ratio = village_cached.rate / ceiling.rate
        rows.append(
            (
                "Village home cached ÷ static ceiling",
                f"{ratio:.3f}" if round(ratio, 2) == TARGET_RATIO else f"{ratio:.2f}",
                f"≥ {TARGET_RATIO}: {verdict(ratio >= TARGET_RATIO)}",
            )
        )

    rows += kim.rows(kim_result)

    def cell(text: str) -> str:
        return str(text).replace("|", "\\|")

    out = [f"| {' | '.join(cell(c) for c in rows[0])} |", "|---|---|---|"]
    out += [f"| {' | '.join(cell(c) for c in row)} |" for row in rows[1:]]
    return out


def measure_uncached_postgres(dirs: BenchDirs, pg, measured: dict, load_args: dict) -> dict:
    """The uncached pages served from the PostgreSQL demo (bench/postgres_pages.py): the same load, then
    one connection for the p50. Keyed by the page's name, like the SQLite rows."""
    with serve.Gunicorn(dirs, "uncached-pg", PUBLIC_PAGE_CACHE_SECONDS="0", DATABASE_URL=pg.url) as server:
        with server.client() as client:
            pages = postgres_pages.same_pages(client, measured, NEWS_INDEX)
        results = load.interleaved(HOST, server.port, pages, server_pid=server.proc.pid, **load_args)
        single = load.interleaved(
            HOST,
            server.port,
            pages,
            server_pid=server.proc.pid,
            **{**load_args, "connections": 1, "rounds": 2},
        )
    for name, result in single.items():
        results[name].single = result
    return results


def postgres_rows(name: str, result, wordpress_home) -> list[tuple[str, str, str]]:
    if result is None:
        return []
    return [
        (f"{name}: page cache off, PostgreSQL", result.summary(), render_target(result, wordpress_home)),
        (
            f"{name}: page cache off, PostgreSQL, one connection",
            result.single.summary() if result.single else "n/a",
            "target p50 < 10 ms",
        ),
    ]


def cpu_note(label: str, runs: list[load.LoadResult]) -> str:
    runs = [r for r in runs if r.cpu_window]
    if not runs or not any(r.machine_cpu for r in runs):
        return f"{label}: no CPU accounting (needs Linux /proc)."

    def mean(values):
        return sum(values) / len(values)

    server = mean([r.share(r.server_cpu) for r in runs])
    client = mean([r.share(r.client_cpu) for r in runs])
    others = [r.share(r.other_cpu) for r in runs]
    return (
        f"{label}: CPU in use while measuring, in cores: server {server:.2f}, load generator {client:.2f}, "
        f"other processes {mean(others):.2f} (at most {max(others):.2f} in one row)."
    )


# WordPress's home page with nginx and php-fpm on this kind of machine (wrk, 16 connections), as measured
# beside Sinergi for issue 13: the reference when this run could not measure WordPress (--no-wordpress).
WORDPRESS_RATE = 22
TARGET_WORDPRESS_RATIO = 10


def render_target(result, wordpress_home=None) -> str:
    """Issue 13: an uncached page at ten times WordPress's rate or more, from this run when measured."""
    if wordpress_home is not None and wordpress_home.rate and not wordpress_home.failure:
        ratio = result.rate / wordpress_home.rate
        return (
            f"{ratio:.1f}× WordPress's {wordpress_home.rate:,.1f} req/s measured in this run "
            f"(target ≥ {TARGET_WORDPRESS_RATIO}×: {verdict(ratio >= TARGET_WORDPRESS_RATIO)})"
        )
    return (
        f"{result.rate / WORDPRESS_RATE:.1f}× WordPress's ~{WORDPRESS_RATE} req/s, a reference constant: "
        f"WordPress not measured in this run (target ≥ {TARGET_WORDPRESS_RATIO}×)"
    )


def wordpress_notes(args, wordpress_home, wordpress_about: str) -> list[str]:
    if wordpress_home is None:
        return [
            f"WordPress not measured: {wordpress_about}. The page cache off rows are compared with the "
            f"reference constant of {WORDPRESS_RATE} req/s (WordPress measured beside Sinergi on this kind "
            "of machine), not with a rate from this run."
        ]
    notes = [
        f"{WORDPRESS_ROW}: {wordpress_about} (bench/wordpress.py). Measured like the other rows "
        f"({args.connections} connections), its {args.duration:g} s in two halves right before and right "
        "after the page cache off rows, so the ratio is from the same minutes of this machine. Server CPU "
        "counts nginx and php-fpm, not MariaDB (a system service other work may use too).",
        cpu_note(WORDPRESS_ROW, [wordpress_home]),
    ]
    if wordpress_home.errors or wordpress_home.failure:
        notes.append(
            f"Load WordPress home: {wordpress_home.errors} non-200 responses {wordpress_home.statuses} "
            f"{wordpress_home.failure}".strip()
        )
    return notes


def explanations(args, prov, weights, cached, uncached, statics, village) -> list[str]:
    loaded = [*cached.values(), *statics.values(), *uncached.values()]
    busiest = max((r.share(r.other_cpu) for r in loaded if r.cpu_window), default=0.0)
    notes = [
        f"Load: {args.connections} concurrent HTTP/1.1 keep-alive connections from one asyncio process. "
        f"Each row is {args.duration:g} s measured, in {args.rounds} rounds interleaved with the other rows "
        f"of the same server (the first round after a {args.warmup:g} s warm-up), so a burst of activity "
        "elsewhere lands on all of them alike. p50/p99 are per-request latencies. gunicorn runs "
        f"{serve.WORKERS} workers × {serve.THREADS} threads. Server and load generator share this "
        f"machine's {os.cpu_count()} cores: the rates are lower bounds for a server with the machine to itself.",
        cpu_note("Page cache on and static rows", [*cached.values(), *statics.values()]),
        cpu_note("Page cache off rows", list(uncached.values())),
        "Page cache on: the default (PUBLIC_PAGE_CACHE_SECONDS unset, 300 s), per-process locmem cache, so "
        "each gunicorn worker fills its own during the warm-up. Page cache off: a second gunicorn with "
        "PUBLIC_PAGE_CACHE_SECONDS=0, every request rendered. Page cache off, PostgreSQL: the same demo "
        "built in a throwaway database on the machine's PostgreSQL server (bench/postgres_pages.py), served "
        "by a third gunicorn with the production settings (prepared statements on), measured after the "
        "SQLite rows and before WordPress's second half.",
        f"Static ceiling: `{serve.CEILING_NAME}` written into the bench's STATIC_ROOT with, as its .gz, the "
        "exact gzip body the village home was served with, so WhiteNoise sends the same bytes through the "
        "same gunicorn, WSGI and middleware stack (WhiteNoise answers before the page cache and the view). "
        "The ratio cached ÷ static says how close a cached page comes to a static file of its size.",
        f"Page weight: bytes on the wire = response headers + compressed body, one fetch per URL on one "
        f"keep-alive connection, as a first visit with an empty browser cache. Requests include the HTML. "
        f"Content images: the srcset candidate a {weight.VIEWPORT_CSS_PX} CSS px wide phone at "
        f"{weight.DEVICE_PIXEL_RATIO}× would fetch; lazy ones load only when scrolled to. GZipMiddleware adds "
        "up to 100 random bytes per compressed response (BREACH mitigation), so uncached HTML sizes vary by "
        "that much between runs.",
    ]
    if busiest > 0.25:
        notes.append(
            f"**Other processes were busy during the load runs (up to {busiest:.2f} cores)**: the rates are "
            "lower and noisier than on an idle machine; compare ratios rather than absolute figures."
        )
    for name, w in weights.items():
        notes.append(f"{name} weight: {w.breakdown()}.")
        notes += w.notes
    if village.total_wire > weight.TARGET_BYTES or village.requests > weight.TARGET_REQUESTS:
        notes.append("The village home misses its weight target: see its breakdown above.")
    for label, r in [
        *(("cached " + k, v) for k, v in cached.items()),
        *(("uncached " + k, v) for k, v in uncached.items()),
    ]:
        if r.errors or r.failure:
            notes.append(f"Load {label}: {r.errors} non-200 responses {r.statuses} {r.failure}".strip())
    return notes


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
