"""Part 4: throughput under concurrent keep-alive load, from one asyncio process.

Each of N connections sends a GET, reads the whole response, and sends the next (HTTP/1.1 keep-alive,
no pipelining). The first `warmup` seconds are not counted; then requests completed within the next
`duration` seconds are (whenever they started, which keeps the rate unbiased at the edges). Latency is from writing the request to reading the last body byte. The client
is deliberately light (one process, one thread, byte-level parsing) because on a small machine it
shares the CPU cores with the server; its own CPU use is reported alongside.
"""

import asyncio
import time
from dataclasses import dataclass, field

from bench import cpu
from bench.wire import USER_AGENT


@dataclass
class LoadResult:
    path: str
    connections: int
    seconds: float
    completed: int = 0
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    body_bytes: int = 0
    # CPU seconds used while measuring: by this process, by the server's process tree, by the machine.
    client_cpu: float = 0.0
    server_cpu: float = 0.0
    machine_cpu: float = 0.0
    # The same path measured over one connection (bench/run.py: page cache off), for its p50.
    single: "LoadResult | None" = None
    cpu_window: float = 0.0  # wall seconds between the two CPU samples (a little over `seconds`)
    failure: str = ""

    @property
    def rate(self) -> float:
        return self.completed / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[index]

    @property
    def mean_body(self) -> float:
        return self.body_bytes / self.completed if self.completed else 0.0

    def share(self, seconds: float) -> float:
        """CPU seconds per wall second of measurement: 1.0 is one whole core."""
        return seconds / self.cpu_window if self.cpu_window else 0.0

    @property
    def other_cpu(self) -> float:
        """CPU used by everything else on the machine (a test suite, an editor...) meanwhile."""
        return max(0.0, self.machine_cpu - self.server_cpu - self.client_cpu)

    def summary(self) -> str:
        text = (
            f"{self.rate:,.0f} req/s, p50 {self.percentile(50) * 1000:.1f} ms, "
            f"p99 {self.percentile(99) * 1000:.1f} ms"
        )
        if self.errors:
            text += f" ({self.errors} non-200: {self.statuses})"
        if self.failure:
            text += f" (**{self.failure}**)"
        return text

    def merge(self, other: "LoadResult") -> None:
        self.seconds += other.seconds
        self.completed += other.completed
        self.errors += other.errors
        for status, n in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + n
        self.latencies += other.latencies
        self.body_bytes += other.body_bytes
        self.client_cpu += other.client_cpu
        self.server_cpu += other.server_cpu
        self.machine_cpu += other.machine_cpu
        self.cpu_window += other.cpu_window
        self.failure = self.failure or other.failure


def _request(host: str, port: int, path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: {USER_AGENT}\r\n"
        "Accept: text/html,*/*;q=0.8\r\nAccept-Language: id-ID,id;q=0.9\r\nAccept-Encoding: gzip\r\n"
        "Connection: keep-alive\r\n\r\n"
    ).encode("latin-1")


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    lower = head.lower()
    close = b"\r\nconnection: close" in lower
    at = lower.find(b"\r\ncontent-length:")
    if at >= 0:
        end = lower.index(b"\r\n", at + 2)
        length = int(lower[at + 17 : end])
        await reader.readexactly(length)
        return status, length, close
    if b"\r\ntransfer-encoding: chunked" in lower:
        total = 0
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            total += size
            if size == 0:
                return status, total, close
    raise ConnectionError("response without Content-Length or chunked encoding")


async def _connection(host, port, request, measure_from, stop_at, result: LoadResult) -> None:
    reader = writer = None
    clock = time.perf_counter
    try:
        while clock() < stop_at:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            started = clock()
            writer.write(request)
            status, length, close = await _read_response(reader)
            done = clock()
            if measure_from <= done <= stop_at:
                result.completed += 1
                result.latencies.append(done - started)
                result.body_bytes += length
                if status != 200:
                    result.errors += 1
                    result.statuses[status] = result.statuses.get(status, 0) + 1
            if close:
                writer.close()
                writer = None
    finally:
        if writer is not None:
            writer.close()


def _cpu_sample(server_pid: int | tuple[int, ...] | None) -> tuple[float, float, float, float]:
    server = cpu.tree_cpu(server_pid) if server_pid else 0.0
    return time.perf_counter(), time.process_time(), server, cpu.machine_busy()


async def _run(host, port, path, connections, warmup, duration, server_pid) -> LoadResult:
    result = LoadResult(path, connections, duration)
    request = _request(host, port, path)
    start = time.perf_counter()
    measure_from, stop_at = start + warmup, start + warmup + duration
    before = None

    async def mark():
        nonlocal before
        await asyncio.sleep(max(0.0, measure_from - time.perf_counter()))
        before = _cpu_sample(server_pid)

    marker = asyncio.create_task(mark())
    tasks = [_connection(host, port, request, measure_from, stop_at, result) for _ in range(connections)]
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    after = _cpu_sample(server_pid)
    await marker
    deltas = (a - b for a, b in zip(after, before or after, strict=True))
    result.cpu_window, result.client_cpu, result.server_cpu, result.machine_cpu = deltas
    failures = [o for o in outcomes if isinstance(o, BaseException)]
    if failures:
        result.failure = f"{len(failures)}/{connections} connections failed, e.g. {failures[0]!r}"
    return result


def run(host, port, path, connections=16, warmup=1.0, duration=8.0, server_pid=None) -> LoadResult:
    """One path under load: `warmup` seconds uncounted, then `duration` seconds measured."""
    return asyncio.run(_run(host, port, path, connections, warmup, duration, server_pid))


def interleaved(
    host,
    port,
    paths: dict[str, str],
    rounds=4,
    connections=16,
    warmup=1.0,
    duration=8.0,
    server_pid=None,
    progress=None,
) -> dict[str, LoadResult]:
    """Several paths measured in alternating rounds, so that a burst of activity elsewhere on the
    machine lands on all of them rather than on one: each path gets `duration` seconds in `rounds`
    slices, the first after a full warm-up, the others after a short one (new connections)."""
    results: dict[str, LoadResult] = {}
    labels = list(paths)
    for round_no in range(rounds):
        for label in labels if round_no % 2 == 0 else reversed(labels):
            if progress:
                progress(f"round {round_no + 1}/{rounds}: {label}")
            part = run(
                host, port, paths[label], connections,
                warmup if round_no == 0 else min(warmup, 0.25), duration / rounds, server_pid,
            )  # fmt: skip
            if label in results:
                results[label].merge(part)
            else:
                results[label] = part
    return results
