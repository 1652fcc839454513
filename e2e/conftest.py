"""Browser journeys and accessibility checks against a real server.

One throwaway demo per session: a temporary SQLite database and media folder, migrated, provisioned
for Kecamatan Marang Kayu, filled by `load_demo`, and served by gunicorn on a free port, exactly as
a visitor or an operator would reach it. Nothing here touches pytest-django's test database: the
tests use no `db` fixture and the server is its own process.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; browsers are never downloaded. When
it is missing the browser tests are skipped with a plain message, unless SINERGI_REQUIRE_BROWSER is
set (CI), where a missing browser fails the run.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BIN = Path(sys.executable).parent
DISTRICT = "64.02.17"  # Marang Kayu: the demo's kecamatan; one keeps the set-up fast
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium reaches out to Google's services, which this network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_BROWSER = "Chromium tidak ditemukan: jalankan apt-get install chromium; tes peramban dilewati"
VIEWPORTS = {
    "ponsel": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
# Settings of the demo server's environment that must not leak in from the caller's shell: the e2e
# demo always lives in its own temporary SQLite file, its own cache and its own media folder.
FOREIGN_SETTINGS = ("DATABASE_URL", "REDIS_URL", "S3_BUCKET", "SECURE", "BEHIND_PROXY", "SINERGI_PRODUCTION")

_axe_scans: list[dict] = []  # filled by the accessibility tests, printed at the end of the session
RESOURCES = ("stylesheet", "script", "image", "font")
_browser_skipped: list[str] = []
_setup_times: list[str] = []  # how long each step of building the demo took


def _find_chromium() -> str | None:
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def _required() -> bool:
    return os.environ.get("SINERGI_REQUIRE_BROWSER", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = _find_chromium()
    if path is None:
        if _required():
            pytest.fail(
                "SINERGI_REQUIRE_BROWSER is set and Chromium is missing (neither /usr/bin/chromium nor "
                "chromium on PATH): install it with apt-get install chromium",
                pytrace=False,
            )
        if MISSING_BROWSER not in _browser_skipped:
            _browser_skipped.append(MISSING_BROWSER)
        pytest.skip(MISSING_BROWSER)
    return path


def pytest_collection_modifyitems(items):
    """Every test here drives the browser against one demo server: mark it `browser`, and keep all of
    them on one pytest-xdist worker (`--dist loadgroup`) so the demo is built once per run."""
    here = Path(__file__).resolve().parent
    for item in items:
        if Path(str(item.fspath)).resolve().parent == here:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.xdist_group("browser"))


# --------------------------------------------------------------------------- the demo server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _run(args: list[str], env: dict, log: Path) -> None:
    started = time.monotonic()
    with log.open("a") as out:
        out.write(f"\n$ {' '.join(args)}\n")
        out.flush()
        result = subprocess.run(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    _setup_times.append(f"{args[2]} {time.monotonic() - started:.0f} s")
    if result.returncode != 0:
        pytest.fail(
            f"e2e demo set-up failed ({' '.join(args[1:])}, exit {result.returncode}); last lines of {log}:\n"
            + _tail(log),
            pytrace=False,
        )


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped (exit {server.returncode}); last lines of {log}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(f"gunicorn did not answer {url} within {timeout:.0f} s; last lines of {log}:\n{_tail(log)}")


@pytest.fixture(scope="session")
def demo_server(chromium_executable, tmp_path_factory):
    """Base URL (no trailing slash) of a served throwaway demo of Kecamatan Marang Kayu.

    SINERGI_E2E_BASE_URL=http://127.0.0.1:8000 points the tests at a demo that is already running
    (`make demo`) instead; the operator journey then changes that demo's Sebuntal profile.
    """
    external = os.environ.get("SINERGI_E2E_BASE_URL", "").strip().rstrip("/")
    if external:
        yield external
        return
    tmp = tmp_path_factory.mktemp("e2e-demo")
    log = tmp / "demo.log"
    env = {k: v for k, v in os.environ.items() if k not in FOREIGN_SETTINGS}
    port = _free_port()
    env.update(
        SQLITE_PATH=str(tmp / "e2e.sqlite3"),
        MEDIA_ROOT=str(tmp / "media"),
        SINERGI_VAR_DIR=str(tmp / "var"),
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        BASE_URL=f"http://127.0.0.1:{port}",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        PUBLIC_PAGE_CACHE_SECONDS="300",  # on, as in production: the operator journey checks its invalidation
        PYTHONUNBUFFERED="1",
    )
    python = sys.executable
    _run([python, "manage.py", "migrate", "--no-input", "-v", "0"], env, log)
    _run([python, "manage.py", "provision_regency", "64.02", "--kecamatan", DISTRICT, "--quiet"], env, log)
    _run([python, "manage.py", "load_demo"], env, log)

    # One worker with threads: the page cache (local memory) stays on and is shared by every request,
    # so the operator journey also proves that publishing invalidates it. Several worker processes
    # would each keep their own local-memory cache; production shares one through REDIS_URL.
    server_log = tmp / "gunicorn.log"
    with server_log.open("w") as out:
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "sinergi.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "1",
                "--threads",
                "4",
                "--timeout",
                "60",
                "--no-control-socket",  # its default path is shared by every gunicorn of this user
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url + "/", server, server_log)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser(chromium_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport_name(request) -> str:
    return request.param


@pytest.fixture
def new_context(browser, demo_server, viewport_name):
    """new_context() opens another browser context (its own cookies) of the test's viewport."""
    contexts = []

    def _new_context():
        context = browser.new_context(
            base_url=demo_server, locale="id-ID", timezone_id="Asia/Makassar", **VIEWPORTS[viewport_name]
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield _new_context
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    """A page that fails the test on a JavaScript error or on a stylesheet, script or image that did
    not load (a page without its stylesheet would pass the accessibility checks for the wrong reason)."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"JavaScript error: {exc}"))

    def check_failure(request):
        if "ERR_ABORTED" in (request.failure or ""):
            return  # a pending request (a lazy image) cancelled by navigating on
        if "/admin/" in request.frame.url and not request.url.startswith(page.url.split("/admin/")[0]):
            return  # the Wagtail admin's own third-party requests (Gravatar), refused by its CSP
        errors.append(f"{request.method} {request.url} failed: {request.failure}")

    def check_response(response):
        if response.status >= 400 and response.request.resource_type in RESOURCES:
            errors.append(f"{response.request.method} {response.url}: HTTP {response.status}")

    page.on("requestfailed", check_failure)
    page.on("response", check_response)
    yield page
    assert not errors, "the page did not load cleanly:\n  " + "\n  ".join(errors)


@pytest.fixture
def shoot(request, viewport_name):
    """shoot(page, "step") saves a full-page screenshot to e2e/artifacts/<test>-<viewport>-<n>-<step>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    test_name = request.node.originalname
    counter = iter(range(1, 100))

    def _shoot(page, step: str) -> Path:
        path = ARTIFACTS / f"{test_name}-{viewport_name}-{next(counter):02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shoot


# --------------------------------------------------------------------------- the session's summary


@pytest.fixture(scope="session")
def axe_scans() -> list[dict]:
    """Where the accessibility tests record each axe-core run: kind, viewport, url, violations."""
    return _axe_scans


def pytest_sessionfinish(session):
    # Under pytest-xdist the browser tests run in a worker: hand what it recorded to the controller,
    # which prints the summary (pytest_testnodedown below).
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["e2e"] = {"skipped": _browser_skipped, "setup": _setup_times, "axe": _axe_scans}


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook
def pytest_testnodedown(node, error):
    recorded = getattr(node, "workeroutput", {}).get("e2e")
    if recorded:
        _browser_skipped.extend(r for r in recorded["skipped"] if r not in _browser_skipped)
        _setup_times.extend(recorded["setup"])
        _axe_scans.extend(recorded["axe"])


def pytest_terminal_summary(terminalreporter):
    tr = terminalreporter
    if _browser_skipped:
        tr.write_sep("-", "tes peramban")
        for reason in _browser_skipped:
            tr.write_line(reason)
    if _setup_times:
        tr.write_sep("-", "demo e2e")
        tr.write_line("dibangun dalam: " + ", ".join(_setup_times))
    if not _axe_scans:
        return
    impacts = ("critical", "serious", "moderate", "minor")
    tr.write_sep("-", f"{_axe_scans[0]['engine']}: pelanggaran aksesibilitas per jenis halaman")
    kinds: dict[str, dict] = {}
    for scan in _axe_scans:
        row = kinds.setdefault(
            scan["kind"], {"url": scan["url"], "scans": 0, "rules": {i: set() for i in impacts}}
        )
        row["scans"] += 1
        for violation in scan["violations"]:
            row["rules"].setdefault(violation["impact"] or "minor", set()).add(violation["id"])
    width = max(len(k) for k in kinds)
    header = f"| {'halaman'.ljust(width)} | scans | " + " | ".join(impacts) + " | url"
    tr.write_line(header)
    tr.write_line(
        "|" + "-" * (width + 2) + "|-------|" + "|".join("-" * (len(i) + 2) for i in impacts) + "|-----"
    )
    totals = dict.fromkeys(impacts, 0)
    for kind, row in kinds.items():
        counts = [len(row["rules"][i]) for i in impacts]
        for i, n in zip(impacts, counts, strict=True):
            totals[i] += n
        cells = " | ".join(str(n).rjust(len(i)) for i, n in zip(impacts, counts, strict=True))
        tr.write_line(f"| {kind.ljust(width)} | {str(row['scans']).rjust(5)} | {cells} | {row['url']}")
    viewports = sorted({scan["viewport"] for scan in _axe_scans})
    tr.write_line(
        f"{len(kinds)} jenis halaman, {len(_axe_scans)} pemindaian ({', '.join(viewports)}); "
        "aturan yang dilanggar menurut dampak: " + ", ".join(f"{i} {totals[i]}" for i in impacts)
    )
    rules: dict[str, set] = {}
    for scan in _axe_scans:
        for violation in scan["violations"]:
            rules.setdefault(f"{violation['id']} ({violation['impact']})", set()).add(scan["kind"])
    for rule, where in sorted(rules.items()):
        tr.write_line(f"  {rule}: {', '.join(sorted(where))}")
