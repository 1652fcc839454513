"""Part 7: the PPID request form accepting requests from many citizens at once, and the regency's
figures over every village.

Citizens send over HTTP to the bench's gunicorn (settings bench.ppid_settings: the per-address
hourly limit and the minimum fill time are lifted, since every bench citizen is 127.0.0.1). Each
citizen opens the form (CSRF cookie and token, the signed start stamp), posts it, and counts as
accepted only on a 302 to its receipt. Afterwards bench.ppid_setup checks in the database that every
accepted request is stored once and that no registration number was given twice. Then N requests are
stored in every village of the regency and the regency figures (sinergi.ppid.request_reports) are
timed, with their query count.
"""

import http.client
import json
import re
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.common import HOST, PYTHON, BenchDirs, log, run_measured
from bench.ppid_setup import BENCH_REQUESTER

FORM_PATH = "/marang-kayu/sebuntal/ppid/permohonan/"
FIELDS = {
    "requester_name": BENCH_REQUESTER,
    "nik": "6402015204900001",
    "address": "RT 01",
    "phone": "081234567890",
    "information": "APB Desa tahun ini",
    "purpose": "Pengawasan",
    "form": "membaca",
    "delivery": "langsung",
    "consent": "on",
}


class PpidBenchError(Exception):
    pass


@dataclass
class PpidResult:
    clients: int
    accepted: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list = field(default_factory=list)
    stored: int | None = None
    duplicates: int | None = None
    figures: dict | None = None
    failure: str = ""

    @property
    def rate(self) -> float:
        return self.accepted / self.seconds if self.seconds else 0.0


def _citizen(port: int, stop: float, result: PpidResult, lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    while time.monotonic() < stop:
        try:
            conn.request("GET", FORM_PATH)
            response = conn.getresponse()
            body = response.read().decode()
            cookie = response.getheader("Set-Cookie", "")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
            started = re.search(r'name="mulai" value="([^"]*)"', body)
            csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie)
            if not (token and started and csrf_cookie):
                raise PpidBenchError("form without CSRF token or start stamp")
            data = urlencode({**FIELDS, "csrfmiddlewaretoken": token.group(1), "mulai": started.group(1)})
            sent = time.perf_counter()
            conn.request(
                "POST", FORM_PATH, body=data,
                headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf_cookie.group(1)}",
                         "Referer": f"http://{HOST}:{port}{FORM_PATH}"},
            )  # fmt: skip
            answer = conn.getresponse()
            answer.read()
            took = time.perf_counter() - sent
            ok = answer.status == 302 and "/tanda-terima/" in (answer.getheader("Location") or "")
            with lock:
                if ok:
                    result.accepted += 1
                    result.latencies.append(took)
                else:
                    result.errors += 1
        except (OSError, http.client.HTTPException, PpidBenchError):
            with lock:
                result.errors += 1
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.close()


def _setup(dirs: BenchDirs, *args: str) -> dict:
    step = run_measured(
        [PYTHON, "-m", "bench.ppid_setup", *args], dirs.env(DJANGO_SETTINGS_MODULE="bench.ppid_settings")
    )
    if not step.ok:
        raise PpidBenchError(f"bench.ppid_setup {args[0]} failed (exit {step.returncode}): {step.tail(5)}")
    try:
        return json.loads(step.output.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise PpidBenchError(f"bench.ppid_setup {args[0]} printed no result: {step.tail(5)!r}") from None


def measure(dirs: BenchDirs, port: int, *, clients: int, duration: float, per_village: int) -> PpidResult:
    result = PpidResult(clients)
    lock = threading.Lock()
    log(f"PPID: {clients} citizens sending requests for {duration:.0f} s")
    started = time.monotonic()
    stop = started + duration
    threads = [threading.Thread(target=_citizen, args=(port, stop, result, lock)) for _n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    checked = _setup(dirs, "check")
    result.stored, result.duplicates = checked["stored"], checked["duplicates"]
    log(f"PPID: regency figures over every village with {per_village} requests each")
    result.figures = _setup(dirs, "figures", str(per_village))
    return result


def rows(result: PpidResult | None) -> list[tuple[str, str, str]]:
    if result is None:
        return []
    if result.failure:
        return [("PPID request form", "failed", result.failure)]
    p50 = statistics.median(result.latencies) * 1000 if result.latencies else 0
    p99 = sorted(result.latencies)[int(len(result.latencies) * 0.99) - 1] * 1000 if result.latencies else 0
    out = [
        (
            f"PPID form: requests accepted per second, {result.clients} citizens at once",
            f"{result.rate:.1f}/s (p50 {p50:.0f} ms, p99 {p99:.0f} ms, {result.errors} errors)",
            "",
        ),
        (
            "PPID form: accepted requests stored once, registration numbers unique",
            f"{result.accepted} accepted, {result.stored} stored, {result.duplicates} duplicate numbers",
            "stored = accepted, 0 duplicates: "
            + ("met" if result.stored == result.accepted and result.duplicates == 0 else "**NOT met**"),
        ),
    ]
    if result.figures:
        f = result.figures
        out.append(
            (
                f"PPID regency figures: {f['villages']} villages × {f['requests'] // max(f['villages'], 1)} requests",
                f"{f['seconds'] * 1000:.0f} ms, {f['queries']} queries",
                "queries do not grow with villages or requests",
            )
        )
    return out
