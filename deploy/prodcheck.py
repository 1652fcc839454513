#!/usr/bin/env python
"""`make prodcheck`: the production stack on this machine's loopback, checked through nginx.

Starts nginx with the shipped site (deploy/nginx/sinergi.conf without its TLS lines), two gunicorn app
servers (deploy/gunicorn.conf.py) behind its one upstream, the task worker (db_worker), a throwaway
PostgreSQL database on the machine's server, a throwaway key prefix in a Redis database number of the
machine's Redis, moto's S3 server as the object store and a small SMTP sink; every app process runs in
production mode (SINERGI_PRODUCTION=1). Then it checks, and exits non-zero with the reason otherwise:

  a. a page edited and published through app server A is served fresh by app server B at once, and
     through nginx within its microcache period (PROXY_CACHE_SECONDS, 2 s);
  b. an image uploaded through the admin lands in the object store, its renditions are served from
     there, and nothing is written to the app servers' local disk (their MEDIA_ROOT and var folders);
  c. a KIM report with a photo sent through nginx (twice, as a phone's retry would) is stored once, its
     photo in the private part of the object store, and the worker sends the operator's e-mail;
  d. killing one app server (SIGKILL) during a load of public pages loses no request: nginx retries the
     others, and the site stays up;
  e. `deploy/backup.py backup` (make backup) then `restore` into a fresh database and bucket: a third
     app server on them serves the same pages and the same files;
  h. nginx's microcache keeps anonymous public pages, and never shares a signed-in person's page, a
     form with its CSRF token or a KIM page.

Everything it started is stopped by process id at the end, on failure and on Ctrl-C/SIGTERM too; the
database and the Redis keys are dropped. --keep keeps the temporary folder (logs) and the databases.
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
sys.path[0:0] = [str(ROOT)]

import requests  # noqa: E402

BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
VILLAGE_CODE = "64.02.17.2001"  # Sebuntal, Marang Kayu
KECAMATAN = "64.02.17"
MIB = 1024 * 1024
PASSWORD = "prodcheck-" + secrets.token_urlsafe(12)
PROXY_CACHE_SECONDS = 2  # the app's default (settings.PROXY_CACHE_SECONDS)
STARTED = time.monotonic()


class CheckFailed(Exception):
    pass


def log(message: str) -> None:
    print(f"[prodcheck {time.monotonic() - STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


def ensure(condition, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, name: str, logfile: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise CheckFailed(f"{name} exited ({proc.returncode}) while starting:\n{tail(logfile)}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        time.sleep(0.2)
    raise CheckFailed(f"{name} did not listen on {port} within {seconds:.0f} s:\n{tail(logfile)}")


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# --------------------------------------------------------------------------- processes


class Stack:
    """Every process and throwaway resource, so that all of it is undone, whatever happens."""

    def __init__(self, tmp: Path, keep: bool):
        self.tmp, self.keep = tmp, keep
        self.procs: dict[str, subprocess.Popen] = {}
        self.databases: list[str] = []
        self.redis_db = int(os.environ.get("PRODCHECK_REDIS_DB", "15"))
        self.prefix = f"prodcheck{os.getpid()}"
        self.sink: SmtpSink | None = None

    def start(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen:
        logfile = self.tmp / f"{name}.log"
        with open(logfile, "ab") as out:
            proc = subprocess.Popen(
                args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.procs[name] = proc
        return proc

    def stop(self, name: str, sig: int = signal.SIGTERM, wait: float = 20) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        # Its own session: the process group holds gunicorn's workers as well.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def psql(self, sql: str, database: str = "postgres") -> str:
        return subprocess.run(
            ["psql", "-h", HOST, "-U", "postgres", "-d", database, "-tAqc", sql],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip

    def create_database(self, suffix: str) -> str:
        name = f"sinergi_prodcheck_{os.getpid()}_{suffix}"
        self.psql(f"DROP DATABASE IF EXISTS {name}")
        self.psql(f"CREATE DATABASE {name}")
        self.databases.append(name)
        return name

    def close(self) -> None:
        for name in reversed(list(self.procs)):
            self.stop(name)
        if self.sink:
            self.sink.close()
        if self.keep:
            log(f"kept: {self.tmp} and databases {', '.join(self.databases)}")
            return
        for name in self.databases:
            with contextlib.suppress(subprocess.CalledProcessError):
                self.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        with contextlib.suppress(Exception):
            import redis

            client = redis.Redis(host=HOST, port=6379, db=self.redis_db)
            keys = list(client.scan_iter(f"{self.prefix}*", count=1000))
            for start in range(0, len(keys), 500):
                client.delete(*keys[start : start + 500])
        shutil.rmtree(self.tmp, ignore_errors=True)


class SmtpSink:
    """A minimal SMTP server on loopback that keeps every message: the app's EMAIL_HOST here.

    A few lines of the protocol instead of a dependency (Python's own smtpd is gone in 3.12).
    """

    def __init__(self):
        self.messages: list[bytes] = []
        self.server = socket.create_server((HOST, 0))
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self.session, args=(conn,), daemon=True).start()

    def session(self, conn: socket.socket) -> None:
        with conn, conn.makefile("rb") as reader:
            conn.sendall(b"220 prodcheck ESMTP\r\n")
            while line := reader.readline():
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    conn.sendall(b"250 prodcheck\r\n")
                elif verb == b"DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    data = b""
                    while (chunk := reader.readline()) not in (b".\r\n", b""):
                        data += chunk
                    self.messages.append(data)
                    conn.sendall(b"250 queued\r\n")
                elif verb == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"250 ok\r\n")

    def close(self) -> None:
        self.server.close()


# --------------------------------------------------------------------------- nginx site


def nginx_site(
    shipped: str, port: int, upstreams: list[int], static_root: Path, media: Path, logs: Path
) -> str:
    """The shipped site without its TLS part, on a loopback port, its upstream on our app servers."""
    lines, skipping = [], False
    for line in shipped.splitlines():
        stripped = line.strip()
        if stripped == "# tls-begin":
            skipping = True
        if not skipping and not stripped.endswith("# tls"):
            lines.append(line)
        if stripped == "# tls-end":
            skipping = False
    site = "\n".join(lines)

    def replace(pattern: str, new: str) -> None:
        nonlocal site
        site, count = re.subn(pattern, new, site, count=1, flags=re.MULTILINE)
        ensure(count == 1, f"deploy/nginx/sinergi.conf no longer has {pattern!r}: update prodcheck")

    servers = "\n".join(f"    server {HOST}:{p} max_fails=1 fail_timeout=10s;" for p in upstreams)
    replace(r"^    server 127\.0\.0\.1:8001 .*;$", servers)
    replace(r"^(    server_name .*;)$", rf"\1\n    listen {HOST}:{port};")
    replace(r"/srv/sinergi/staticfiles/", f"{static_root}/")
    replace(r"/var/lib/sinergi/media/", f"{media}/")
    replace(r"/var/log/nginx/sinergi\.access\.log", str(logs / "nginx-access.log"))
    replace(r"/var/log/nginx/sinergi\.error\.log", str(logs / "nginx-error.log"))
    replace(r"/var/cache/nginx/sinergi ", f"{logs / 'nginx-cache'} ")
    # (A loose "443" would also match a loopback port such as 44321.)
    leftover = re.search(r"^\s*(ssl_\w+|listen\s+\S*\b443\b.*)", site, re.MULTILINE)
    ensure(
        leftover is None,
        f"TLS lines left in the site: mark them '# tls' ({leftover and leftover.group(0)!r})",
    )
    return site


def nginx_main(site: str, tmp: Path) -> str:
    temp = tmp / "nginx-temp"
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (temp / sub).mkdir(parents=True, exist_ok=True)
        (temp / sub).chmod(0o777)  # nginx's workers run as nobody when started by root
    # ... and keep the microcache's files there: they must reach it through the temporary folder.
    tmp.chmod(0o711)
    (tmp / "nginx-cache").mkdir(exist_ok=True)
    (tmp / "nginx-cache").chmod(0o777)
    return f"""
worker_processes 2;
error_log {tmp}/nginx-main-error.log warn;
pid {tmp}/nginx.pid;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{site}
}}
"""


# --------------------------------------------------------------------------- HTML forms


class FormReader(HTMLParser):
    """The values a browser would send for one form: its inputs, textareas and selects."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.found = form_id, False, False
        self.fields: list[tuple[str, str]] = []
        self.action = ""
        self._textarea: str | None = None
        self._text = ""
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = self.found = True
            self.action = a.get("action", "")
            return
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and "disabled" not in a:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""
        elif tag == "select" and name:
            self._select, self._options = name, []
            self._multiple = "multiple" in a
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [v for v, selected in self._options if selected]
            if not chosen and self._options and not self._multiple:
                chosen = [self._options[0][0]]
            self.fields += [(self._select, v) for v in chosen]
            self._select = None


def read_form(html: str, form_id: str) -> FormReader:
    reader = FormReader(form_id)
    reader.feed(html)
    ensure(reader.found, f"no form #{form_id} in the page")
    return reader


def set_field(fields: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    return [(k, v) for k, v in fields if k != name] + [(name, value)]


def rich_text(text: str) -> str:
    """Draftail's content state for one paragraph: what the admin's editor posts."""
    block = {"key": "pc001", "text": text, "type": "unstyled", "depth": 0,
             "inlineStyleRanges": [], "entityRanges": [], "data": {}}  # fmt: skip
    return json.dumps({"blocks": [block], "entityMap": {}})


# --------------------------------------------------------------------------- the check


class Prodcheck:
    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="sinergi-prodcheck-"))
        self.stack = Stack(self.tmp, args.keep)
        self.ports = {name: free_port() for name in ("nginx", "a", "b", "c", "s3")}
        self.nginx = f"http://{HOST}:{self.ports['nginx']}"
        self.bucket = f"prodcheck-media-{os.getpid()}"
        self.results: list[tuple[str, str]] = []

    # ----- set-up

    def app_env(self, label: str, database: str, bucket: str, prefix: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "S3_", "AWS_"))}
        local = self.tmp / f"local-{label}"
        env.update(
            DJANGO_SETTINGS_MODULE="sinergi.settings",
            SINERGI_PRODUCTION="1",
            SECRET_KEY=self.secret,
            DEBUG="0",
            ALLOWED_HOSTS=f"{HOST},localhost",
            CSRF_TRUSTED_ORIGINS=f"{self.nginx},http://{HOST}:{self.ports['a']}",
            BASE_URL="https://prodcheck.sinergi.test",
            SECURE="0",
            BEHIND_PROXY="1",
            DATABASE_URL=f"postgres://postgres@{HOST}:5432/{database}",
            REDIS_URL=f"redis://{HOST}:6379/{self.stack.redis_db}",
            CACHE_KEY_PREFIX=prefix,
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            EMAIL_HOST=HOST,
            EMAIL_PORT=str(self.stack.sink.port),
            EMAIL_USE_TLS="0",
            DEFAULT_FROM_EMAIL="Sinergi Prodcheck <noreply@prodcheck.sinergi.test>",
            S3_BUCKET=bucket,
            S3_ENDPOINT_URL=f"http://{HOST}:{self.ports['s3']}",
            S3_REGION="us-east-1",
            S3_ADDRESSING_STYLE="path",
            AWS_ACCESS_KEY_ID="prodcheck",
            AWS_SECRET_ACCESS_KEY="prodcheck",
            # Anything the app writes to its own disk would land here: checked to stay empty.
            MEDIA_ROOT=str(local / "media"),
            SINERGI_VAR_DIR=str(local / "var"),
            PRIVATE_MEDIA_ROOT=str(local / "private"),
            WEB_CONCURRENCY="2",
            GUNICORN_THREADS="4",
            PROXY_CACHE_SECONDS=str(PROXY_CACHE_SECONDS),
            LOG_LEVEL="WARNING",
        )
        env.pop("SINGLE_PROCESS", None)
        env.pop("SERVE_MEDIA", None)
        return env

    def manage(self, env: dict[str, str], *args: str) -> str:
        started = time.monotonic()
        try:
            return self._manage(env, *args)
        finally:
            log(f"  manage.py {args[0]}: {time.monotonic() - started:.1f} s")

    def _manage(self, env: dict[str, str], *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise CheckFailed(
                f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}"
            )
        return done.stdout

    def s3(self):
        import boto3

        return boto3.client(
            "s3", endpoint_url=f"http://{HOST}:{self.ports['s3']}", region_name="us-east-1",
            aws_access_key_id="prodcheck", aws_secret_access_key="prodcheck",
        )  # fmt: skip

    def objects(self, bucket: str) -> dict[str, int]:
        found = {}
        for page in self.s3().get_paginator("list_objects_v2").paginate(Bucket=bucket):
            found.update({item["Key"]: item["Size"] for item in page.get("Contents", [])})
        return found

    def gunicorn(self, label: str, env: dict[str, str]) -> None:
        port = self.ports[label]
        args = [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "-b", f"{HOST}:{port}",
                "--pid", str(self.tmp / f"app-{label}.pid"), "sinergi.wsgi"]  # fmt: skip
        proc = self.stack.start(f"app-{label}", args, env)
        wait_for_port(port, proc, f"app server {label}", self.tmp / f"app-{label}.log")

    def set_up(self) -> None:
        self.secret = secrets.token_urlsafe(50)
        self.stack.sink = SmtpSink()
        log(f"temporary folder {self.tmp}")
        proc = self.stack.start(
            "s3", [str(BIN / "moto_server"), "-H", HOST, "-p", str(self.ports["s3"])], os.environ.copy()
        )
        wait_for_port(self.ports["s3"], proc, "moto S3 server", self.tmp / "s3.log")
        self.s3().create_bucket(Bucket=self.bucket)
        # As docs/deployment.md tells the admin: anyone may read images and renditions, nothing else.
        self.s3().put_bucket_policy(Bucket=self.bucket, Policy=json.dumps(public_read_policy(self.bucket)))
        database = self.stack.create_database("main")
        self.env = {
            label: self.app_env(label, database, self.bucket, self.stack.prefix)
            for label in ("a", "b", "worker")
        }
        env = self.env["a"]
        log("migrate, provision one kecamatan, collectstatic (production mode, PostgreSQL, S3)")
        self.manage(env, "migrate", "--no-input", "-v", "0")
        self.manage(env, "provision_regency", "64.02", "--kecamatan", KECAMATAN, "--quiet")
        self.manage(env, "collectstatic", "--no-input", "-v", "0")
        done = subprocess.run([sys.executable, "deploy/prodcheck_setup.py", VILLAGE_CODE, PASSWORD],
                              cwd=ROOT, env=env, capture_output=True, text=True)  # fmt: skip
        ensure(done.returncode == 0, f"prodcheck_setup failed:\n{done.stdout}{done.stderr[-3000:]}")
        self.people = json.loads(done.stdout.strip().splitlines()[-1])
        log("start app servers A and B, the task worker and nginx")
        self.gunicorn("a", self.env["a"])
        self.gunicorn("b", self.env["b"])
        worker = self.stack.start(
            "worker", [sys.executable, "manage.py", "db_worker", "--no-reload", "--queue-name", "*",
                       "--interval", "0.2", "--no-startup-delay"], self.env["worker"],
        )  # fmt: skip
        time.sleep(0.5)
        ensure(worker.poll() is None, f"the task worker exited:\n{tail(self.tmp / 'worker.log')}")
        self.start_nginx()
        self.baseline_local = self.local_files()

    def start_nginx(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        ensure(Path(nginx).exists(), "nginx is not installed: apt-get install -y nginx")
        media = self.tmp / "nginx-media"
        media.mkdir()
        site = nginx_site(
            (ROOT / "deploy" / "nginx" / "sinergi.conf").read_text(), self.ports["nginx"],
            [self.ports["a"], self.ports["b"]], ROOT / "staticfiles", media, self.tmp,
        )  # fmt: skip
        conf = self.tmp / "nginx.conf"
        conf.write_text(nginx_main(site, self.tmp))
        test = subprocess.run([nginx, "-t", "-q", "-c", str(conf)], capture_output=True, text=True)
        ensure(test.returncode == 0, f"nginx -t refused the shipped site:\n{test.stderr}")
        proc = self.stack.start("nginx", [nginx, "-c", str(conf), "-g", "daemon off;"], os.environ.copy())
        wait_for_port(self.ports["nginx"], proc, "nginx", self.tmp / "nginx-main-error.log")

    def local_files(self) -> list[str]:
        found = []
        for label in ("a", "b"):
            base = self.tmp / f"local-{label}"
            found += (
                [str(p.relative_to(self.tmp)) for p in base.rglob("*") if p.is_file()]
                if base.exists()
                else []
            )
        return sorted(found)

    # ----- HTTP helpers

    def admin_session(self, base: str) -> requests.Session:
        session = requests.Session()
        page = session.get(f"{base}/admin/login/", timeout=30)
        ensure(page.status_code == 200, f"admin login page: HTTP {page.status_code}")
        form = read_form(page.text, "login-form") if 'id="login-form"' in page.text else None
        fields = dict(form.fields) if form else {}
        token = fields.get("csrfmiddlewaretoken") or session.cookies.get("csrftoken")
        answer = session.post(
            f"{base}/admin/login/", data={"csrfmiddlewaretoken": token, "username": self.people["admin"],
                                          "password": PASSWORD, "next": "/admin/"},
            timeout=30, allow_redirects=False,
        )  # fmt: skip
        ensure(answer.status_code == 302, f"admin sign-in at {base}: HTTP {answer.status_code}")
        return session

    def get(self, url: str, **kwargs) -> requests.Response:
        return requests.get(url, timeout=30, headers={"Accept-Encoding": "identity"}, **kwargs)

    # ----- (b) image upload, then (a) publish through A, read through B

    def check_image_and_publish(self) -> None:
        a = f"http://{HOST}:{self.ports['a']}"
        b = f"http://{HOST}:{self.ports['b']}"
        admin = self.admin_session(a)
        before = self.objects(self.bucket)

        log("(b) upload an image through the admin (app server A)")
        page = admin.get(f"{a}/admin/images/add/", timeout=30)
        ensure(page.status_code == 200, f"image upload form: HTTP {page.status_code}")
        form = read_form(page.text, "w-editor-form")
        fields = form.fields if form else [("csrfmiddlewaretoken", admin.cookies.get("csrftoken"))]
        fields = set_field(fields, "title", "Foto prodcheck")
        answer = admin.post(f"{a}/admin/images/add/", data=fields, files={"file": ("prodcheck.jpg", jpeg(), "image/jpeg")},
                            timeout=60, allow_redirects=False)  # fmt: skip
        ensure(answer.status_code == 302, f"image upload: HTTP {answer.status_code} {snippet(answer.text)}")
        added = {k: v for k, v in self.objects(self.bucket).items() if k not in before}
        originals = [k for k in added if k.startswith("original_images/")]
        ensure(originals, f"the uploaded image is not in the bucket (new objects: {sorted(added)})")
        image_id = self.image_id(admin, a)

        log("(a) publish a news article with it through app server A")
        parent = self.people["news_index_id"]
        add_url = f"{a}/admin/pages/add/villages/newspage/{parent}/"
        page = admin.get(add_url, timeout=30)
        ensure(page.status_code == 200, f"news add form: HTTP {page.status_code}")
        fields = read_form(page.text, "page-edit-form").fields
        title = f"Kerja bakti prodcheck {uuid.uuid4().hex[:8]}"
        for name, value in {"title": title, "slug": "kerja-bakti-prodcheck", "image": str(image_id),
                            "body": rich_text("Warga membersihkan saluran air."), "action-publish": "action-publish"}.items():  # fmt: skip
            fields = set_field(fields, name, value)
        answer = admin.post(add_url, data=fields, timeout=60, allow_redirects=False)
        ensure(
            answer.status_code == 302,
            f"publishing the article: HTTP {answer.status_code} {errors(answer.text)}",
        )
        article = f"{self.people['news_index_path'].rstrip('/')}/kerja-bakti-prodcheck/"
        # B, asked at once and directly, then nginx (both servers, round robin): the new article.
        for base in (b, b):
            seen = self.get(f"{base}{self.people['news_index_path']}")
            ensure(seen.status_code == 200 and title in seen.text,
                   f"{base}: the news index does not list the article published through A (HTTP {seen.status_code})")  # fmt: skip
        self.fresh_through_nginx(self.people["news_index_path"], title)
        seen = self.get(f"{self.nginx}{article}")
        ensure(
            seen.status_code == 200 and title in seen.text, f"article through nginx: HTTP {seen.status_code}"
        )
        images = [urljoin(self.nginx, src) for src in re.findall(r'<img[^>]+src="([^"]+)"', seen.text)]
        store = f"http://{HOST}:{self.ports['s3']}/{self.bucket}/images/"
        renditions = [src for src in images if src.startswith(store)]
        ensure(renditions, f"the article shows no rendition from the object store; images: {images}")
        for src in renditions:
            got = requests.get(src, timeout=30)
            ensure(got.status_code == 200 and got.headers.get("Content-Type", "").startswith("image/"),
                   f"rendition {src}: HTTP {got.status_code} {got.headers.get('Content-Type')}")  # fmt: skip
        self.article, self.article_images = article, renditions

        log("(a) edit it through A; B and nginx serve the new title at once")
        for base in (b, self.nginx, self.nginx):  # cached everywhere first
            ensure(title in self.get(f"{base}{article}").text, "article not served before the edit")
        edit_url = f"{a}/admin/pages/{self.page_id('kerja-bakti-prodcheck')}/edit/"
        page = admin.get(edit_url, timeout=30)
        fields = read_form(page.text, "page-edit-form").fields
        new_title = f"{title} (diperbarui)"
        fields = set_field(set_field(fields, "title", new_title), "action-publish", "action-publish")
        answer = admin.post(edit_url, data=fields, timeout=60, allow_redirects=False)
        ensure(
            answer.status_code == 302, f"publishing the edit: HTTP {answer.status_code} {errors(answer.text)}"
        )
        seen = self.get(f"{b}{article}")
        ensure(seen.status_code == 200 and new_title in seen.text,
               f"{b}{article}: still the old page after publishing through A")  # fmt: skip
        delay = self.fresh_through_nginx(article, new_title)
        home = self.get(f"{b}{self.people['village_path']}")
        ensure(home.status_code == 200, f"village home on B: HTTP {home.status_code}")
        self.results.append((
            "a. published through A, fresh on B at once",
            f"ok; through nginx after {delay:.1f} s (microcache {PROXY_CACHE_SECONDS} s)",
        ))  # fmt: skip

        local = [f for f in self.local_files() if f not in self.baseline_local]
        ensure(not local, f"the app servers wrote to their local disk: {local}")
        self.results.append((
            "b. admin upload in the object store, renditions served from it, local disk untouched",
            f"ok ({len(originals)} original, {len(renditions)} rendition(s) shown)",
        ))  # fmt: skip

    def image_id(self, admin: requests.Session, base: str) -> int:
        listing = admin.get(f"{base}/admin/images/?q=prodcheck", timeout=30).text
        found = re.findall(r"/admin/images/(\d+)/", listing)
        ensure(found, "the uploaded image is not in the admin's image list")
        return int(found[0])

    def page_id(self, slug: str) -> int:
        """The id of the article just published (its slug is unique in this throwaway database)."""
        found = self.stack.psql(
            f"SELECT id FROM wagtailcore_page WHERE slug = '{slug}'", self.stack.databases[0]
        )
        ensure(found.isdigit(), f"the published article is not in the database ({found!r})")
        return int(found)

    def fresh_through_nginx(self, path: str, text: str) -> float:
        """Seconds until nginx serves `path` with `text`, five times in a row (both app servers)."""
        started = time.monotonic()
        # The period, and time for nginx's one refreshing request on a busy machine.
        deadline = started + PROXY_CACHE_SECONDS + 10
        while True:
            pages = [self.get(f"{self.nginx}{path}") for _ in range(5)]
            if all(p.status_code == 200 and text in p.text for p in pages):
                return time.monotonic() - started
            seen = [(p.status_code, p.headers.get("X-Cache"), text in p.text) for p in pages]
            ensure(time.monotonic() < deadline,
                   f"nginx still serves an old {path} {time.monotonic() - started:.0f} s after the publish "
                   f"(status, X-Cache, new text: {seen})")  # fmt: skip
            time.sleep(0.2)

    # ----- (h) nginx's microcache

    def check_microcache(self) -> None:
        log("(h) nginx's microcache: anonymous pages kept; signed-in pages, forms and the KIM never shared")
        village = self.people["village_path"]
        first, second = self.get(f"{self.nginx}{village}"), self.get(f"{self.nginx}{village}")
        ensure(second.headers.get("X-Cache") == "HIT",
               f"an anonymous village home is not kept by nginx: X-Cache {first.headers.get('X-Cache')}, "
               f"then {second.headers.get('X-Cache')}; headers {dict(second.headers)}; from A directly: "
               f"{dict(self.get(f'http://{HOST}:{self.ports[chr(97)]}{village}').headers)}")  # fmt: skip
        # A signed-in person: nginx passes them by and stores nothing of theirs.
        admin = self.admin_session(self.nginx)
        mine = admin.get(f"{self.nginx}{village}", timeout=30)
        ensure(
            mine.headers.get("X-Cache") == "BYPASS",
            f"a signed-in page: X-Cache {mine.headers.get('X-Cache')}",
        )
        ensure("userbar" in mine.text, "the signed-in page lacks Wagtail's user bar: the check cannot tell")
        anonymous = [self.get(f"{self.nginx}{village}") for _ in range(3)]
        ensure(not any("userbar" in a.text for a in anonymous), "a signed-in page was served to a visitor")
        # A form with a CSRF token: every visitor gets their own.
        form = f"{village}pengaduan/kirim/"
        tokens, states = set(), set()
        for _ in range(3):
            visitor = requests.Session()
            page = visitor.get(f"{self.nginx}{form}", timeout=30)
            ensure(page.status_code == 200, f"{form}: HTTP {page.status_code}")
            tokens.update(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text))
            states.add(page.headers.get("X-Cache"))
        ensure(len(tokens) == 3 and "HIT" not in states,
               f"the complaint form was shared: {len(tokens)} tokens for 3 visitors, X-Cache {states}")  # fmt: skip
        # The KIM is never behind the cache.
        kim = self.get(f"{self.nginx}/kim/masuk/")
        ensure(kim.status_code == 200 and "X-Cache" not in kim.headers,
               f"/kim/masuk/: HTTP {kim.status_code}, X-Cache {kim.headers.get('X-Cache')}")  # fmt: skip
        self.results.append(
            ("h. nginx microcache: visitors' pages kept; signed-in, CSRF forms, KIM not", "ok")
        )

    # ----- (c) KIM report through nginx

    def check_kim_report(self) -> None:
        from bench.kim import BODY, REPORT_NEW, Connection, Member, multipart

        log("(c) a KIM member sends a report with a photo through nginx, twice (a retry)")
        mails_before = len(self.stack.sink.messages)
        private_before = {k for k in self.objects(self.bucket) if k.startswith("private/")}
        member = Member(self.people["member"], self.ports["nginx"])
        conn = Connection(self.ports["nginx"])
        member.sign_in(conn, PASSWORD)
        client_key = str(uuid.uuid4())
        fields = {
            "client_key": client_key, "send_key": str(uuid.uuid4()), "title": "Gotong royong prodcheck",
            "body": BODY, "category": member.categories[0] if member.categories else "",
            "event_date": time.strftime("%Y-%m-%d"), "place": "Dusun II", "consent_confirmed": "on",
            "action": "submit",
        }  # fmt: skip
        content_type, body = multipart(fields, [("foto.jpg", jpeg(1280, 960))])
        answers = []
        for _ in range(2):  # the same send twice, as the phone's offline queue retries it
            answer = member.call(
                conn, "POST", REPORT_NEW, body, Accept="application/json", Origin=self.nginx,
                **{"Content-Type": content_type, "X-CSRFToken": member.csrf, "X-Kim-Send": "queue"},
            )  # fmt: skip
            answers.append((answer.status, answer.json() or {}, answer.snippet()))
        (status, data, text), (status2, data2, text2) = answers
        ensure(status == 200 and data.get("saved") and data.get("state") == "submitted" and not data.get("replay"),
               f"the report was not accepted: HTTP {status} {data or text}")  # fmt: skip
        ensure(
            status2 == 200 and data2.get("replay"),
            f"the retry was not recognised: HTTP {status2} {data2 or text2}",
        )
        rows = self.stack.psql(
            f"SELECT count(*) FROM kim_report WHERE client_key = '{client_key}'", self.stack.databases[0]
        )
        ensure(rows == "1", f"the report is stored {rows} times, not once")
        photos = [
            k for k in self.objects(self.bucket) if k.startswith("private/") and k not in private_before
        ]
        ensure(
            len(photos) == 1,
            f"expected the one photo in the private part of the object store, found {photos}",
        )
        leaked = self.get(f"http://{HOST}:{self.ports['s3']}/{self.bucket}/{photos[0]}")
        deadline = time.monotonic() + 30
        while len(self.stack.sink.messages) == mails_before and time.monotonic() < deadline:
            time.sleep(0.2)
        new = self.stack.sink.messages[mails_before:]
        ensure(new, f"the worker sent no e-mail within 30 s:\n{tail(self.tmp / 'worker.log')}")
        time.sleep(1.0)
        new = self.stack.sink.messages[mails_before:]
        to_operator = [m for m in new if self.people["operator_email"].encode() in m]
        ensure(
            len(to_operator) == 1,
            f"expected one e-mail to the operator, got {len(to_operator)} of {len(new)}",
        )
        # The request only queued the e-mail; the worker ran it (one task, done).
        states = self.stack.psql(
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE '%send_notification_email'", self.stack.databases[0],
        ).splitlines()  # fmt: skip
        ensure(
            len(states) == 1 and states[0].startswith("SUCCESSFUL|") and "[]" not in states[0],
            f"expected one notification task done by the worker, found {states}",
        )
        ensure(
            leaked.status_code == 403, f"the private photo is readable unsigned: HTTP {leaked.status_code}"
        )
        self.results.append(
            ("c. KIM report through nginx stored once, photo private, worker sent the e-mail", "ok")
        )

    # ----- (d) kill an app server under load

    def check_kill_under_load(self) -> None:
        log(
            "(d, g) 8 clients load public pages through nginx; A is killed (SIGKILL), then B reloaded (SIGHUP)"
        )
        paths = [
            self.people["village_path"],
            self.people["news_index_path"],
            self.article,
            "/",
            "/robots.txt",
        ]
        stop = threading.Event()
        outcomes: list[tuple[float, int, str]] = []
        lock = threading.Lock()

        def client(n: int) -> None:
            session = requests.Session()
            i = n
            while not stop.is_set():
                path = paths[i % len(paths)]
                i += 1
                # Half the requests miss the page cache (a new query string), so they reach the servers.
                url = f"{self.nginx}{path}" + (f"?n={n}-{i}" if i % 2 else "")
                try:
                    status, problem = session.get(url, timeout=30).status_code, ""
                except requests.RequestException as error:
                    status, problem = 0, repr(error)
                with lock:
                    outcomes.append((time.monotonic(), status, problem))

        with ThreadPoolExecutor(8) as pool:
            for n in range(8):
                pool.submit(client, n)
            time.sleep(2.0)
            killed_at = time.monotonic()
            self.stack.stop("app-a", signal.SIGKILL)
            # Long enough for 20 answers after the kill, however busy the machine is (at most 30 s).
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and sum(o[0] > killed_at + 0.5 for o in outcomes) < 20:
                time.sleep(0.2)
            # The upgrade step (systemctl reload sinergi-web = SIGHUP) on B, now the only app server:
            # new workers, the old ones finish their requests, and no request may fail meanwhile.
            master = self.stack.procs["app-b"].pid
            old_workers = children(master)
            reloaded_at = time.monotonic()
            os.kill(master, signal.SIGHUP)
            deadline = time.monotonic() + 40
            while time.monotonic() < deadline and (children(master) & old_workers or not children(master)):
                time.sleep(0.2)
            replaced = not (children(master) & old_workers)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and sum(o[0] >= reloaded_at for o in outcomes) < 20:
                time.sleep(0.2)
            stop.set()
        failed = [o for o in outcomes if o[1] != 200]
        after = [o for o in outcomes if killed_at + 0.5 < o[0] < reloaded_at]
        during = [o for o in outcomes if o[0] >= reloaded_at]
        ensure(not failed, f"{len(failed)} of {len(outcomes)} requests failed: {failed[:5]}")
        ensure(len(after) >= 10, f"only {len(after)} requests answered after the kill: the site is not up")
        ensure(replaced, f"app server B's workers were not replaced within 40 s of SIGHUP ({old_workers})")
        ensure(len(during) >= 10, f"only {len(during)} requests answered during and after B's reload")
        self.results.append(
            ("d. app server A killed under load", f"ok: {len(after)} requests after the kill, 0 failed")
        )
        self.results.append(("g. reload of B (SIGHUP, the upgrade step) under load",
                             f"ok: workers replaced, {len(during)} requests meanwhile, 0 failed"))  # fmt: skip

    # ----- (e) backup and restore

    def check_backup_restore(self) -> None:
        log("(e) backup (deploy/backup.py, as make backup), restore into a fresh database and bucket")
        backup = self.tmp / "backup"
        env = self.env["b"]
        done = subprocess.run([sys.executable, "deploy/backup.py", "backup", str(backup)], cwd=ROOT, env=env,
                              capture_output=True, text=True)  # fmt: skip
        ensure(done.returncode == 0, f"backup failed:\n{done.stdout}{done.stderr[-3000:]}")
        restored_db = self.stack.create_database("restored")
        restored_bucket = f"{self.bucket}-restored"
        env_c = self.app_env("c", restored_db, restored_bucket, f"{self.stack.prefix}c")
        done = subprocess.run([sys.executable, "deploy/backup.py", "restore", str(backup)], cwd=ROOT, env=env_c,
                              capture_output=True, text=True)  # fmt: skip
        ensure(done.returncode == 0, f"restore failed:\n{done.stdout}{done.stderr[-3000:]}")
        original, restored = self.objects(self.bucket), self.objects(restored_bucket)
        ensure(original == restored, f"bucket differs after restore: {set(original) ^ set(restored)}")
        self.gunicorn("c", env_c)
        c = f"http://{HOST}:{self.ports['c']}"
        compared = 0
        for path in ["/", self.people["village_path"], self.people["news_index_path"], self.article]:
            old, new = self.get(f"{self.nginx}{path}"), self.get(f"{c}{path}")
            ensure(
                old.status_code == new.status_code == 200,
                f"{path}: HTTP {old.status_code} vs {new.status_code} restored",
            )
            ensure(normalise(old.text, self.bucket) == normalise(new.text, restored_bucket),
                   f"{path}: the restored site serves a different page")  # fmt: skip
            compared += 1
        for src in self.article_images:
            copy = src.replace(f"/{self.bucket}/", f"/{restored_bucket}/")
            old, new = requests.get(src, timeout=30), requests.get(copy, timeout=30)
            ensure(new.status_code == 200 and old.content == new.content, f"restored file differs: {copy}")
        self.stack.stop("app-c")
        self.results.append(("e. backup restored into a fresh database and bucket",
                             f"ok: {compared} pages identical, {len(original)} objects, files identical"))  # fmt: skip

    # ----- nginx itself: static caching, compression, upload limits per path

    def check_nginx_rules(self) -> None:
        log("(f) nginx: hashed static files cached for a year and compressed; upload limits per path")
        home = self.get(f"{self.nginx}{self.people['village_path']}").text
        sheets = re.findall(r'<link[^>]+href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home)
        ensure(sheets, "the village home links no hashed stylesheet")
        sheet = requests.get(f"{self.nginx}{sheets[0]}", headers={"Accept-Encoding": "gzip"}, timeout=30)
        cache = sheet.headers.get("Cache-Control", "")
        ensure(sheet.status_code == 200 and "max-age=31536000" in cache and "immutable" in cache,
               f"{sheets[0]}: HTTP {sheet.status_code}, Cache-Control {cache!r}")  # fmt: skip
        ensure(sheet.headers.get("Content-Encoding") == "gzip", f"{sheets[0]} is not sent compressed")
        limits = {
            "/": (7 * MIB, 413),
            "/kim/laporan/baru/": (111 * MIB, 413),
            "/admin/images/add/": (26 * MIB, 413),
        }
        for path, (length, expected) in limits.items():
            status = declared_post(self.ports["nginx"], path, length, send_body=False)
            ensure(
                status == expected,
                f"POST {length // MIB} MB to {path}: nginx answered {status}, not {expected}",
            )
        # Under the limit nginx passes the body on: Django answers (here 403, no CSRF token), not nginx's 413.
        status = declared_post(self.ports["nginx"], "/kim/laporan/baru/", 12 * MIB, send_body=True)
        ensure(status != 413, f"a 12 MB KIM report was refused by nginx ({status})")
        self.results.append(("f. nginx: static cached a year and gzipped, 413 over each path's limit", "ok"))

    def run(self) -> None:
        self.set_up()
        self.check_image_and_publish()
        self.check_kim_report()
        self.check_nginx_rules()
        self.check_microcache()
        self.check_kill_under_load()
        self.check_backup_restore()


def children(pid: int) -> set[int]:
    """Process ids whose parent is `pid` (gunicorn's workers of a master)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.add(int(entry.name))
    return found


def declared_post(port: int, path: str, length: int, *, send_body: bool) -> int:
    """POST with a Content-Length of `length`; the body itself only if `send_body`. The status line."""
    with socket.create_connection((HOST, port), timeout=60) as sock:
        head = (f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/octet-stream\r\n"
                f"Content-Length: {length}\r\nConnection: close\r\n\r\n")  # fmt: skip
        sock.sendall(head.encode())
        if send_body:
            chunk = b"x" * MIB
            for _ in range(length // MIB):
                sock.sendall(chunk)
        answer = sock.recv(4096).decode("latin-1")
    return int(answer.split(" ", 2)[1]) if answer.startswith("HTTP/") else 0


def public_read_policy(bucket: str) -> dict:
    """The bucket policy of docs/deployment.md: public read of images and renditions only."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadImages",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket}/original_images/*", f"arn:aws:s3:::{bucket}/images/*"],
            }
        ],
    }


def normalise(html: str, bucket: str) -> str:
    """A page with the bucket's name taken out (its files are addressed by it) and no CSRF tokens."""
    html = html.replace(f"/{bucket}/", "/BUCKET/")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def snippet(text: str) -> str:
    title = re.search(r"<title>(.*?)</title>", text, re.DOTALL)
    return " ".join((title.group(1) if title else text[:200]).split())


def errors(text: str) -> str:
    found = re.findall(r'class="[^"]*error-message[^"]*"[^>]*>(.*?)</', text, re.DOTALL)
    return "; ".join(" ".join(re.sub("<[^>]+>", "", e).split()) for e in found)[:600] or snippet(text)


def jpeg(width: int = 1600, height: int = 1200) -> bytes:
    from PIL import Image

    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    out = BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and databases")
    args = parser.parse_args()
    check = Prodcheck(args)

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    status = 1
    try:
        check.run()
        status = 0
    except CheckFailed as failure:
        print(f"\nPRODCHECK FAILED: {failure}", file=sys.stderr)
        for name in ("app-a", "app-b", "worker", "nginx-error", "s3"):
            log(f"--- {name}.log ---\n{tail(check.tmp / f'{name}.log', 12)}")
    except KeyboardInterrupt:
        print("\nPRODCHECK interrupted", file=sys.stderr)
    except Exception:
        traceback.print_exc()
        print("\nPRODCHECK FAILED: the check itself broke (traceback above)", file=sys.stderr)
    finally:
        check.stack.close()
    for name, outcome in check.results:
        print(f"  {name}: {outcome}")
    print(f"prodcheck took {time.monotonic() - STARTED:.0f} s")
    print(f"prodcheck: {len(check.results)} passed, {1 - (status == 0)} failed")
    return status


if __name__ == "__main__":
    sys.exit(main())
