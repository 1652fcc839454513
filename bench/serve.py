"""Part 2: serve the bench database with gunicorn, exactly as production would run the app.

`gunicorn sinergi.wsgi -w 2 --threads 4` (the gthread worker, HTTP/1.1 keep-alive), DEBUG=0, the bench's
SQLite database and media, static files collected into the bench's temporary STATIC_ROOT and served by
WhiteNoise, pages compressed by GZipMiddleware and (unless PUBLIC_PAGE_CACHE_SECONDS=0) kept in the
per-process page cache: each worker has its own, so both need warming.
"""

import contextlib
import gzip
import subprocess
import time
from pathlib import Path

from bench.common import BIN, HOST, ROOT, BenchDirs, _die_with_parent, free_port, log, stop_process
from bench.wire import Client

WORKERS = 2
THREADS = 4
CEILING_NAME = "bench-ceiling.html"


class Gunicorn:
    def __init__(self, dirs: BenchDirs, label: str, **env: str):
        self.dirs, self.label, self.extra_env = dirs, label, env
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.logfile = dirs.tmp / f"gunicorn-{label}.log"

    def __enter__(self) -> "Gunicorn":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        args = [
            str(BIN / "gunicorn"), "sinergi.wsgi",
            "-w", str(WORKERS), "--threads", str(THREADS),
            "-b", f"{HOST}:{self.port}",
            "--graceful-timeout", "5",
        ]  # fmt: skip
        log(f"gunicorn ({self.label}) on {HOST}:{self.port}")
        with open(self.logfile, "ab") as out:
            self.proc = subprocess.Popen(
                args, cwd=ROOT, env=self.dirs.env(**self.extra_env), stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True, preexec_fn=_die_with_parent,
            )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(
                    f"bench: gunicorn exited ({self.proc.returncode}); see {self.logfile}:\n{self.log_tail()}"
                )
            with contextlib.suppress(OSError), Client(HOST, self.port, timeout=5) as client:
                if client.get("/robots.txt").status < 500:
                    return
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"bench: gunicorn did not answer within 90 s; see {self.logfile}")

    def stop(self) -> None:
        if self.proc is not None:
            stop_process(self.proc)

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.logfile.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def client(self) -> Client:
        return Client(HOST, self.port)


def write_ceiling(static_root: Path, html: bytes, gzipped_body: bytes | None) -> str:
    """A static copy of a page for WhiteNoise to serve: the same HTML and, for gzip, the same bytes.

    WhiteNoise serves `name.gz` to clients accepting gzip, so the static response carries exactly the
    compressed body the page itself was sent with. Returns the file's URL path.
    """
    (static_root / CEILING_NAME).write_bytes(html)
    (static_root / f"{CEILING_NAME}.gz").write_bytes(gzipped_body or gzip.compress(html, mtime=0))
    return f"/static/{CEILING_NAME}"
