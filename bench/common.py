"""Shared helpers: paths, the environment every subprocess gets, running and measuring commands."""

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"

# Variables that would point the bench at something other than its own temporary database and cache.
SCRUBBED = ("DATABASE_URL", "REDIS_URL", "PUBLIC_PAGE_CACHE_SECONDS", "S3_BUCKET", "DJANGO_SETTINGS_MODULE")


def log(message: str) -> None:
    """Progress goes to stderr; the figures go to stdout at the end."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class BenchDirs:
    tmp: Path

    @property
    def sqlite(self) -> Path:
        return self.tmp / "bench.sqlite3"

    @property
    def media(self) -> Path:
        return self.tmp / "media"

    @property
    def static(self) -> Path:
        return self.tmp / "static"

    @property
    def var(self) -> Path:
        return self.tmp / "var"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
        env.update(
            DJANGO_SETTINGS_MODULE="bench.bench_settings",
            BENCH_STATIC_ROOT=str(self.static),
            SQLITE_PATH=str(self.sqlite),
            MEDIA_ROOT=str(self.media),
            SINERGI_VAR_DIR=str(self.var),
            DEBUG="0",
            ALLOWED_HOSTS=HOST,
            BASE_URL=f"http://{HOST}",
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
        )
        env.update(extra)
        return env


@dataclass
class Measured:
    command: list[str]
    returncode: int
    seconds: float
    peak_rss_mib: float
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.output.strip().splitlines()[-lines:])


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM if the bench dies without cleaning up (e.g. SIGKILL)."""
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def run_measured(args: list[str], env: dict[str, str]) -> Measured:
    """Run a command to the end; wall-clock seconds and the child's own peak RSS (os.wait4)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        args,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_die_with_parent,
    )
    try:
        output = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    # ru_maxrss is in KiB on Linux.
    return Measured(args, proc.returncode, seconds, usage.ru_maxrss / 1024, output)


def stop_process(proc: subprocess.Popen, timeout: float = 15) -> None:
    """Stop a server this bench started: SIGTERM, then SIGKILL if it is still there after `timeout`."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def manage(*args: str) -> list[str]:
    return [PYTHON, "manage.py", *args]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{out} (uncommitted changes)" if dirty else out
