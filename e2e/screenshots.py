"""`make screenshots` (this file: e2e/screenshots.py): the README's pictures, taken from a throwaway demo so that they stay true.

A temporary SQLite demo of Kecamatan Marang Kayu (migrate, provision, load_demo) is served by
gunicorn on a free port; Debian's Chromium, driven by Playwright, takes the pictures into
docs/screenshots/: the village home on a phone and on a desktop, the KIM report form on a phone and
the operator's review queue. Nothing is downloaded.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
BIN = Path(sys.executable).parent
VILLAGE = "/marang-kayu/sebuntal/"
PASSWORD = "sinergi-demo"  # the demo accounts' documented password
OPERATOR = "operator.sebuntal"
KIM_MEMBER = "kim.sebuntal@kim.example"  # the demo's KIM member account
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_demo(tmp: Path, env: dict) -> None:
    for args in (
        ["migrate", "--no-input", "-v", "0"],
        ["provision_regency", "64.02", "--kecamatan", "64.02.17", "--quiet"],
        ["load_demo"],
    ):
        print("manage.py", " ".join(args), flush=True)
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


def wait_until_up(url: str) -> None:
    for _ in range(200):
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the demo did not answer {url}")


def shoot(browser, base: str) -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    taken = []

    def save(page, name):
        path = OUT / f"{name}.png"
        page.screenshot(path=str(path))
        taken.append(path)

    for name, device in (("desa-ponsel", PHONE), ("desa-desktop", DESKTOP)):
        context = browser.new_context(base_url=base, locale="id-ID", **device)
        page = context.new_page()
        page.goto(VILLAGE)
        save(page, name)
        context.close()

    context = browser.new_context(base_url=base, locale="id-ID", **PHONE)
    page = context.new_page()
    page.goto("/kim/masuk/")
    page.get_by_label("Nomor HP atau surel").fill(KIM_MEMBER)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.get_by_role("link", name="Kirim Berita").last.click()
    page.wait_for_load_state("networkidle")
    save(page, "kim-form-ponsel")
    context.close()

    context = browser.new_context(base_url=base, locale="id-ID", **DESKTOP)
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Nama pengguna").fill(OPERATOR)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/admin/")
    page.goto("/admin/kim/?status=submitted")
    save(page, "antrean-laporan")
    context.close()
    return taken


def main() -> None:
    chromium = "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None
    if chromium is None:
        raise SystemExit("Chromium tidak ditemukan: jalankan apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "S3_BUCKET")}
        env.update(
            SQLITE_PATH=str(tmp / "demo.sqlite3"),
            MEDIA_ROOT=str(tmp / "media"),
            SINERGI_VAR_DIR=str(tmp / "var"),
            DEBUG="0",
            ALLOWED_HOSTS="127.0.0.1",
            BASE_URL=f"http://127.0.0.1:{port}",
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        )
        build_demo(tmp, env)
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
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                for path in shoot(browser, base):
                    print(path.relative_to(ROOT))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=15)


if __name__ == "__main__":
    main()
