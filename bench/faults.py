#!/usr/bin/env python
"""Load and faults through the production stack (`make bench`'s last step; alone: `python bench/faults.py`).

The stack of `make prodcheck` (deploy/prodcheck.py: nginx with the shipped site, two gunicorn app
servers behind its upstream, the task worker, moto's S3), but on a PostgreSQL cluster and a Redis
server of its own, started here in a temporary folder on free ports, so that restarting or stopping
them touches nothing else on the machine. Then, through nginx:

0. nginx's rate for the village home (its microcache) against a static file of the same bytes,
   both through the same nginx, 16 connections, wrk when installed (else the bench's own asyncio
   load, which is slower than nginx and so only gives lower bounds): the two rates and their ratio.
1. 64 clients for 60 s: 56 read a mix of public pages (village home, its news, its kecamatan, the
   portal, a search, the sitemap) and 8 are KIM members each sending a report with a photo every few
   seconds, as a phone's queue would. Errors, rate, p50 and p99; each accepted report stored once.
2. PostgreSQL restarted (`pg_ctl restart -m fast`) while 16 clients read pages: the requests that
   fail meanwhile must fail cleanly (HTTP 500 with the Indonesian error page, no traceback), and
   every request after the restart must succeed again without anyone touching the app.
3. Redis stopped while 8 clients read pages: pages are still served (uncached) and the admin sign-in
   still works.

Figures, not a test: it prints what happened and says "met" or "NOT met"; it fails (exit 1) only when
the stack cannot be set up. Everything it started is stopped by process id at the end.
"""

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0:0] = [str(ROOT), str(ROOT / "deploy")]

import requests  # noqa: E402
from prodcheck import (  # noqa: E402
    HOST,
    PASSWORD,
    CheckFailed,
    Prodcheck,
    Stack,
    ensure,
    free_port,
    jpeg,
    log,
    tail,
    wait_for_port,
)

PG_BIN = Path("/usr/lib/postgresql/15/bin")
ERROR_PAGE_TEXT = "Terjadi gangguan"  # sinergi/templates/500.html


def _run_as_postgres(*args: str) -> subprocess.CompletedProcess:
    """initdb and pg_ctl refuse to run as root: run them as the postgres system user when we are root."""
    command = list(args)
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, capture_output=True, text=True)


class OwnPostgres:
    """A throwaway PostgreSQL cluster on a free port, with trust authentication on loopback."""

    def __init__(self, tmp: Path):
        self.dir = tmp / "pg"
        self.port = free_port()
        self.log = tmp / "postgres.log"

    def start(self) -> None:
        self.dir.mkdir()
        if os.geteuid() == 0:
            self.dir.parent.chmod(0o711)  # mkdtemp's 0700 folder: the postgres user must reach its own
            shutil.chown(self.dir, "postgres")
            self.log.touch()
            shutil.chown(self.log, "postgres")
        done = _run_as_postgres(str(PG_BIN / "initdb"), "-D", str(self.dir), "-A", "trust", "-U", "postgres")
        ensure(done.returncode == 0, f"initdb failed: {done.stderr[-2000:]}")
        self.ctl("start")

    def ctl(self, action: str) -> float:
        started = time.monotonic()
        options = f"-p {self.port} -k {self.dir} -c listen_addresses={HOST} -c fsync=off"
        done = _run_as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.dir), "-l", str(self.log), "-o", options, "-m", "fast",
            "-w", action,
        )  # fmt: skip
        ensure(done.returncode == 0, f"pg_ctl {action} failed: {done.stderr[-2000:]}\n{tail(self.log)}")
        return time.monotonic() - started

    def stop(self) -> None:
        if (self.dir / "postmaster.pid").exists():
            _run_as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.dir), "-m", "immediate", "-w", "stop")


class OwnRedis:
    def __init__(self, stack: Stack):
        self.stack, self.port = stack, free_port()

    def start(self) -> None:
        proc = self.stack.start(
            "redis",
            ["redis-server", "--bind", HOST, "--port", str(self.port), "--save", "", "--appendonly", "no"],
            os.environ.copy(),
        )
        wait_for_port(self.port, proc, "redis", self.stack.tmp / "redis.log")

    def stop(self) -> None:
        self.stack.stop("redis")


class FaultStack(Stack):
    """prodcheck's Stack, with its databases on the bench's own PostgreSQL."""

    pg_port = 5432

    def psql(self, sql: str, database: str = "postgres") -> str:
        return subprocess.run(
            ["psql", "-h", HOST, "-p", str(self.pg_port), "-U", "postgres", "-d", database, "-tAqc", sql],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip


@dataclass
class Outcome:
    at: float
    kind: str  # "page" or "kim"
    status: int
    seconds: float
    problem: str = ""
    body: str = ""


class Faults(Prodcheck):
    def __init__(self, args):
        super().__init__(args)
        self.stack = FaultStack(self.tmp, args.keep)
        self.pg = OwnPostgres(self.tmp)
        self.stack.pg_port = self.pg.port
        self.redis = OwnRedis(self.stack)
        self.lines: list[str] = []

    def app_env(self, label, database, bucket, prefix):
        env = super().app_env(label, database, bucket, prefix)
        env["DATABASE_URL"] = f"postgres://postgres@{HOST}:{self.pg.port}/{database}"
        env["REDIS_URL"] = f"redis://{HOST}:{self.redis.port}/0"
        env["LOG_LEVEL"] = "ERROR"
        return env

    def set_up(self) -> None:
        self.pg.start()
        self.redis.start()
        super().set_up()
        self.members = self.make_members(8)
        village = self.people["village_path"]
        self.pages = [
            village,
            self.people["news_index_path"],
            "/" + village.strip("/").split("/")[0] + "/",  # the kecamatan
            "/",
            f"{village}cari/?q=desa",
            "/sitemap.xml",
        ]

    def make_members(self, count: int) -> list[str]:
        env = self.env["a"]
        done = subprocess.run(
            [sys.executable, "deploy/prodcheck_setup.py", "--members", str(count), PASSWORD],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        ensure(done.returncode == 0, f"making KIM members failed:\n{done.stderr[-3000:]}")
        return done.stdout.strip().splitlines()[-1].split(",")

    # ----- load

    def warm_up(self) -> None:
        """Each page once through each app server, as after a deploy: the runs measure a serving site."""
        for port in (self.ports["a"], self.ports["b"]):
            for path in self.pages:
                requests.get(f"http://{HOST}:{port}{path}", timeout=60)

    def load(
        self, seconds: float, page_clients: int, kim_members: list[str], during=None, bust: bool = False
    ) -> list[Outcome]:
        from bench.kim import REPORT_NEW, Connection, Member, multipart

        outcomes: list[Outcome] = []
        lock = threading.Lock()
        stop = threading.Event()
        photo = jpeg(640, 480)

        def record(outcome: Outcome) -> None:
            with lock:
                outcomes.append(outcome)

        def reader(n: int) -> None:
            session = requests.Session()
            i = n
            while not stop.is_set():
                path = self.pages[i % len(self.pages)]
                i += 1
                if bust and i % 2:  # past the page cache: the app and its database answer
                    path += ("&" if "?" in path else "?") + f"n={n}-{i}"
                started = time.monotonic()
                try:
                    answer = session.get(f"{self.nginx}{path}", timeout=30)
                    bad = answer.status_code != 200
                    record(Outcome(started, "page", answer.status_code, time.monotonic() - started,
                                   body=answer.text[:3000] if bad else ""))  # fmt: skip
                except requests.RequestException as error:
                    record(Outcome(started, "page", 0, time.monotonic() - started, repr(error)))

        def sender(email: str) -> None:
            member, conn = Member(email, self.ports["nginx"]), Connection(self.ports["nginx"], timeout=60)
            try:
                member.sign_in(conn, PASSWORD)
            except Exception as error:
                record(Outcome(time.monotonic(), "kim", 0, 0.0, f"sign-in: {error!r}"))
                return
            while not stop.is_set():
                fields = {
                    "client_key": str(uuid.uuid4()), "send_key": str(uuid.uuid4()),
                    "title": "Kerja bakti saluran air", "body": "Warga membersihkan saluran air. " * 8,
                    "category": member.categories[0] if member.categories else "",
                    "event_date": time.strftime("%Y-%m-%d"), "place": "RT 03", "consent_confirmed": "on",
                    "action": "submit",
                }  # fmt: skip
                content_type, body = multipart(fields, [("foto.jpg", photo)])
                started = time.monotonic()
                try:
                    answer = member.call(
                        conn, "POST", REPORT_NEW, body, Accept="application/json", Origin=self.nginx,
                        **{"Content-Type": content_type, "X-CSRFToken": member.csrf, "X-Kim-Send": "queue"},
                    )  # fmt: skip
                    data = answer.json() or {}
                    ok = answer.status == 200 and data.get("saved")
                    record(Outcome(started, "kim", answer.status if ok else -answer.status or 0,
                                   time.monotonic() - started, "" if ok else answer.snippet()))  # fmt: skip
                except Exception as error:
                    record(Outcome(started, "kim", 0, time.monotonic() - started, repr(error)))
                # A phone's queue, not a flood: one send every 4 s keeps each member under the
                # hourly limit of the KIM (20) for a 60 s run.
                stop.wait(4.0)

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(page_clients)]
        threads += [threading.Thread(target=sender, args=(email,)) for email in kim_members]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        if during is not None:
            during(started)
        stop.wait(max(0.0, seconds - (time.monotonic() - started)))
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        return outcomes

    @staticmethod
    def summary(outcomes: list[Outcome], seconds: float) -> str:
        times = sorted(o.seconds for o in outcomes if o.status == 200)
        if not times:
            return "no successful request"
        p50 = statistics.median(times) * 1000
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
        return f"{len(times) / seconds:,.0f} req/s, p50 {p50:.0f} ms, p99 {p99:.0f} ms"

    def say(self, line: str) -> None:
        self.lines.append(line)
        log(line)

    # ----- the three runs

    def nginx_ratio(self) -> None:
        import gzip as gzip_module

        village = self.people["village_path"]
        log("0. the village home through nginx (its microcache) against a static file of the same bytes")
        page = requests.get(
            f"{self.nginx}{village}", headers={"Accept-Encoding": "gzip"}, stream=True, timeout=30
        )
        raw = page.raw.read()
        static_root = ROOT / "staticfiles"
        ceiling = static_root / f"bench-ceiling-{os.getpid()}.html"
        body = gzip_module.decompress(raw) if page.headers.get("Content-Encoding") == "gzip" else raw
        ceiling.write_bytes(body)
        if page.headers.get("Content-Encoding") == "gzip":
            Path(f"{ceiling}.gz").write_bytes(raw)  # nginx's gzip_static sends exactly these bytes
        try:
            rates = {}
            for label, path in (("page", village), ("static", f"/static/{ceiling.name}")):
                rates[label], tool = self.rate(path)
        finally:
            ceiling.unlink(missing_ok=True)
            Path(f"{ceiling}.gz").unlink(missing_ok=True)
        ratio = rates["page"] / rates["static"] if rates["static"] else 0.0
        self.say(f"| village home through nginx ({len(raw):,} B gzip) vs the same bytes as a static file "
                 f"({tool}, 16 connections) | {rates['page']:,.0f} vs {rates['static']:,.0f} req/s: "
                 f"ratio {ratio:.2f} | {verdict(ratio >= 0.5)} (≥ 0.5) |")  # fmt: skip

    def rate(self, path: str, seconds: int = 8) -> tuple[float, str]:
        """Requests per second for one path through nginx, 16 connections."""
        url = f"{self.nginx}{path}"
        wrk = shutil.which("wrk")
        if wrk:
            done = subprocess.run(
                [wrk, "-t2", "-c16", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url],
                capture_output=True, text=True,
            )  # fmt: skip
            for line in done.stdout.splitlines():
                if line.startswith("Requests/sec:"):
                    return float(line.split()[1]), "wrk"
            raise CheckFailed(f"wrk gave no rate: {done.stdout[-500:]}{done.stderr[-500:]}")
        from bench import load

        result = load.run(HOST, self.ports["nginx"], path, connections=16, warmup=1.0, duration=seconds)
        return result.rate, "the bench's asyncio load (no wrk: a lower bound)"

    def steady(self, seconds: float, clients: int) -> None:
        readers = clients - len(self.members)
        log(
            f"1. {clients} clients ({readers} reading pages, {len(self.members)} KIM members) for {seconds:.0f} s"
        )
        outcomes = self.load(seconds, readers, self.members)
        pages = [o for o in outcomes if o.kind == "page"]
        sends = [o for o in outcomes if o.kind == "kim"]
        failed = [o for o in outcomes if o.status != 200]
        accepted = sum(o.status == 200 for o in sends)
        stored = int(
            self.stack.psql(
                "SELECT count(*) FROM kim_report r JOIN kim_kimmember m ON m.id = r.author_id "
                "WHERE m.email LIKE 'beban%'", self.stack.databases[0],
            )
        )  # fmt: skip
        self.say(f"| {clients} clients for {seconds:.0f} s through nginx, 2 app servers | "
                 f"{len(outcomes):,} requests, {len(failed)} errors | {verdict(not failed)} (0 errors) |")  # fmt: skip
        self.say(
            f"| public pages ({readers} clients) | {len(pages):,} requests: {self.summary(pages, seconds)} | |"
        )
        self.say(f"| KIM reports with a photo ({len(self.members)} members) | {accepted} accepted, "
                 f"{stored} stored: {self.summary(sends, seconds)} | {verdict(stored == accepted)} (each once) |")  # fmt: skip
        for o in failed[:5]:
            self.say(f"|   failed: {o.kind} HTTP {o.status} | {o.problem[:120]} | |")

    def postgres_restart(self, seconds: float, clients: int) -> None:
        log(f"2. PostgreSQL restarted while {clients} clients read pages (half of them past the page cache)")
        window = {}

        def restart(started: float) -> None:
            time.sleep(min(6.0, seconds / 4))
            window["from"] = time.monotonic()
            window["took"] = self.pg.ctl("restart")
            window["to"] = time.monotonic()

        outcomes = self.load(seconds, clients, [], during=restart, bust=True)
        # Requests that started before the server was back may fail; a connection a worker still holds
        # from before the restart is checked again at its next request (CONN_HEALTH_CHECKS).
        settle = window["to"] + 2.0
        failed = [o for o in outcomes if o.status != 200]
        late = [o for o in failed if o.at > settle]
        unclean = [
            o for o in failed if o.status != 500 or ERROR_PAGE_TEXT not in o.body or "Traceback" in o.body
        ]
        after = [o for o in outcomes if o.at > settle]
        self.say(f"| PostgreSQL restart ({window['took']:.1f} s) under {clients} clients, half uncached | "
                 f"{len(outcomes):,} requests, {len(failed)} failed during the restart | |")  # fmt: skip
        self.say(f"| failures answered cleanly (HTTP 500, Indonesian page, no traceback) | "
                 f"{len(failed) - len(unclean)} of {len(failed)} | {verdict(not unclean)} |")  # fmt: skip
        self.say(f"| service resumed by itself | {len(after):,} requests after the restart, "
                 f"{len(late)} failed | {verdict(bool(after) and not late)} |")  # fmt: skip
        for o in unclean[:3]:
            self.say(f"|   unclean: HTTP {o.status} {o.problem[:80]} | {' '.join(o.body.split())[:160]} | |")

    def redis_stopped(self, seconds: float, clients: int) -> None:
        log(f"3. Redis stopped while {clients} clients read pages; then the admin sign-in")
        self.redis.stop()
        outcomes = self.load(seconds, clients, [])
        failed = [o for o in outcomes if o.status != 200]
        signed_in = False
        with contextlib.suppress(CheckFailed, requests.RequestException):
            admin = self.admin_session(self.nginx)
            signed_in = admin.get(f"{self.nginx}/admin/", timeout=30).status_code == 200
        self.say(f"| Redis stopped: public pages ({clients} clients, {seconds:.0f} s) | "
                 f"{len(outcomes):,} requests, {len(failed)} failed: {self.summary(outcomes, seconds)} | "
                 f"{verdict(bool(outcomes) and not failed)} |")  # fmt: skip
        self.say(f"| Redis stopped: admin sign-in and dashboard | {'worked' if signed_in else 'FAILED'} | "
                 f"{verdict(signed_in)} |")  # fmt: skip

    def run(self) -> None:
        self.set_up()
        self.warm_up()
        self.say("| Load and faults (bench/faults.py) | Value | |")
        self.say("|---|---|---|")
        self.nginx_ratio()
        self.steady(self.args.seconds, self.args.clients)
        self.postgres_restart(max(20.0, self.args.seconds / 2), 16)
        self.redis_stopped(10.0, 8)

    def close(self) -> None:
        self.stack.close()
        self.pg.stop()


def verdict(ok: bool) -> str:
    return "met" if ok else "**NOT met**"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=64, help="concurrent clients of the first run")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the first run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    faults = Faults(args)

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    status = 1
    try:
        faults.run()
        status = 0
    except CheckFailed as failure:
        print(f"\nFAULTS BENCH COULD NOT RUN: {failure}", file=sys.stderr)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
    finally:
        faults.close()
    print("\n".join(faults.lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
