"""Part 4b: the uncached pages again on PostgreSQL, the database production runs on.

The rest of the run measures SQLite (the demo's database); an uncached page's cost on PostgreSQL is
mostly the server's planning and the round trips (docs/architecture.md, "PostgreSQL's plans"), which
SQLite does not have. This builds the same demo (`migrate`, `provision_regency` with the run's
regency and kecamatan, `load_demo`) in a throwaway database on the machine's server
(`SCALE_DATABASE_URL`, as bench/scale.py; default postgres@127.0.0.1:5432), served with the
production settings (prepared statements on), and drops it on exit.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

from bench import scale, weight
from bench.common import BenchDirs, log, manage, run_measured


@dataclass
class PostgresDemo:
    url: str = ""
    seconds: float = 0.0  # building it: migrate, provision_regency, load_demo
    failure: str = ""


@contextlib.contextmanager
def demo_database(dirs: BenchDirs, regency: str, districts: list[str]) -> Iterator[PostgresDemo]:
    """The demo in a PostgreSQL database of its own for as long as the block runs; `failure` says why
    there is none (no server, a step failed) and the block runs anyway."""
    demo = PostgresDemo()
    name = f"sinergi_bench_pages_{os.getpid()}"
    try:
        scale._psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        scale._psql(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # no server, no rights: reported in the notes
        demo.failure = f"no PostgreSQL database could be created ({type(exc).__name__}: {exc})"
        yield demo
        return
    try:
        url = f"{scale._server_url()}/{name}"
        env = dirs.env(DATABASE_URL=url)
        provision = ["provision_regency", regency, "--quiet"]
        for code in districts:
            provision += ["--kecamatan", code]
        for args in (["migrate", "--no-input", "-v", "0"], provision, ["load_demo"]):
            log(f"PostgreSQL demo: {args[0]}")
            step = run_measured(manage(*args), env)
            demo.seconds += step.seconds
            if not step.ok:
                demo.failure = f"{args[0]} failed on PostgreSQL (exit {step.returncode}): {step.tail(3)!r}"
                break
        else:
            demo.url = url
        yield demo
    finally:
        with contextlib.suppress(Exception):
            scale._psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def same_pages(client, measured: dict[str, str], news_index: str) -> dict[str, str]:
    """The measured pages at their addresses on the PostgreSQL server: the same paths, except an
    article whose address differs there (the first article its news index links)."""
    pages = {}
    for name, path in measured.items():
        if client.get(path).status != 200 and name == "Article":
            path = weight.first_article(weight.measure(client, name, news_index).links, news_index)
        if path:
            pages[name] = path
    return pages
