"""A stock WordPress beside Sinergi, for issue 13's side-by-side comparison of uncached pages.

Debian's `wordpress` package (installed with `apt-get` if missing) with the default theme, on the
machine's MariaDB (database `wordpress_bench`, user of the same name), served by an nginx and a
php-fpm of the bench's own: their configuration, unix socket, logs and pid files live in a temporary
directory, so the system's nginx and php-fpm services are never touched. The site is installed from
php-cli (`wp_install()`) with 10 published posts, each with a featured image, so its home is a
"latest news" page like a village home. Everything but the servers is kept for the next run.

    with WordPress() as wp:
        load.interleaved(HOST, wp.port, {"WordPress home": wp.home_path}, server_pid=wp.pids)

`python -m bench.wordpress` serves it until Ctrl-C; `--wrk 5` measures it with wrk instead.
"""

import argparse
import contextlib
import glob
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
import time
import urllib.error
import urllib.request
from pathlib import Path

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.common import HOST, _die_with_parent, log, stop_process

PORT = 8280
PACKAGES = ("wordpress", "php-fpm", "php-mysql", "nginx")
WORDPRESS = Path("/usr/share/wordpress")
CONTENT = Path("/var/lib/wordpress/wp-content")
DATABASE = USER = "wordpress_bench"
POSTS = 10
MARKER = "Written by Sinergi's bench/wordpress.py"
PHP_FPM_CHILDREN = 4


class WordPressUnavailable(Exception):
    """WordPress cannot be set up or served here; the message says why (the bench reports it)."""


def _run(args: list[str], what: str, **kwargs) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    except OSError as exc:
        raise WordPressUnavailable(f"{what}: {exc}") from exc
    if done.returncode != 0:
        tail = " ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
        raise WordPressUnavailable(f"{what} failed (exit {done.returncode}): {tail}")
    return done


def _installed(package: str) -> bool:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
    )
    return done.returncode == 0 and done.stdout.endswith(" installed")


def ensure_packages() -> None:
    """Debian's packages, installed if missing (needs root and apt)."""
    if shutil.which("dpkg-query") is None:
        raise WordPressUnavailable("not a Debian system (no dpkg-query)")
    missing = [p for p in PACKAGES if not _installed(p)]
    if not missing:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        raise WordPressUnavailable(f"{', '.join(missing)} not installed and apt-get not usable as root")
    log(f"wordpress: apt-get install -y {' '.join(PACKAGES)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _run(["apt-get", "install", "-y", *PACKAGES], "apt-get install", env=env, timeout=900)


def php_fpm_binary() -> str:
    found = sorted(glob.glob("/usr/sbin/php-fpm*"))
    if not found:
        raise WordPressUnavailable("no php-fpm binary in /usr/sbin")
    return found[-1]


def wordpress_version() -> str:
    text = (WORDPRESS / "wp-includes" / "version.php").read_text(errors="replace")
    match = re.search(r"\$wp_version = '([^']+)'", text)
    return match.group(1) if match else "?"


def _mysql(sql: str) -> str:
    """Run SQL as MariaDB's root (unix socket, no password), as Debian sets it up."""
    client = shutil.which("mariadb") or shutil.which("mysql")
    if client is None:
        raise WordPressUnavailable("no MariaDB client (mariadb or mysql) on the PATH")
    return _run(
        [client, "-uroot", "-N", "-B", "-e", sql], "MariaDB (root over its socket)", timeout=60
    ).stdout


def config_path(host: str = HOST) -> Path:
    """Debian's wp-config.php loads /etc/wordpress/config-<Host header without port>.php."""
    return Path(f"/etc/wordpress/config-{host}.php")


def config_text(password: str, port: int, host: str = HOST) -> str:
    salts = "\n".join(
        f"define('{name}', '{secrets.token_hex(32)}');"
        for name in (
            "AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
            "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT",
        )
    )  # fmt: skip
    return f"""<?php
// {MARKER}: the WordPress that `make bench` compares Sinergi with.
// Debian's /usr/share/doc/wordpress/examples/config-default.php, with the bench's database and URL.
define('DB_NAME', '{DATABASE}');
define('DB_USER', '{USER}');
define('DB_PASSWORD', '{password}');
define('DB_HOST', 'localhost');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
{salts}
$table_prefix = 'wp_';
define('WP_DEBUG', false);
define('WP_HOME', 'http://{host}:{port}');
define('WP_SITEURL', 'http://{host}:{port}');
// No cron requests spawned during the load and no calls to wordpress.org (update checks): work taken
// off WordPress, never added.
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_CONTENT_DIR', '{CONTENT}');
"""


def ensure_database(port: int) -> None:
    """The database, its user and Debian's per-host config file; reused when they exist."""
    path = config_path()
    password = None
    if path.exists():
        text = path.read_text(errors="replace")
        if MARKER not in text:
            raise WordPressUnavailable(f"{path} exists and was not written by the bench; left alone")
        match = re.search(r"define\('DB_PASSWORD', '([0-9a-f]+)'\)", text)
        password = match.group(1) if match and f":{port}'" in text else None
    if password is None:
        password = secrets.token_hex(16)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(config_text(password, port))
        path.chmod(0o640)
        with contextlib.suppress(KeyError, OSError):
            import grp

            os.chown(path, 0, grp.getgrnam("www-data").gr_gid)
    _mysql(
        f"CREATE DATABASE IF NOT EXISTS {DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; "
        f"CREATE USER IF NOT EXISTS '{USER}'@'localhost' IDENTIFIED BY '{password}'; "
        f"ALTER USER '{USER}'@'localhost' IDENTIFIED BY '{password}'; "
        f"GRANT ALL PRIVILEGES ON {DATABASE}.* TO '{USER}'@'localhost';"
    )


# Run by php-cli as `php SCRIPT install|posts`: the site and its posts, each step only if missing.
SETUP_PHP = r"""<?php
$_SERVER['HTTP_HOST'] = getenv('BENCH_HOST');
$_SERVER['SERVER_NAME'] = getenv('BENCH_HOST');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$step = $argv[1];
if ($step === 'install') {
    define('WP_INSTALLING', true);
    // No e-mail to the admin (pluggable: upgrade.php only defines it when it does not exist).
    function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {}
}
require_once '/usr/share/wordpress/wp-load.php';

if ($step === 'install') {
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    if (is_blog_installed()) {
        echo json_encode(['installed' => false]), "\n";
        exit(0);
    }
    $done = wp_install('Desa Contoh', 'admin', 'admin@example.invalid', true, '', wp_generate_password(24));
    wp_delete_post(1, true);  // "Hello world!": the home shows only the bench's news
    echo json_encode(['installed' => true, 'user' => $done['user_id']]), "\n";
    exit(0);
}

require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
$wanted = (int) getenv('BENCH_POSTS');
$have = get_posts(['post_type' => 'post', 'post_status' => 'publish', 'meta_key' => '_sinergi_bench',
                   'numberposts' => -1, 'fields' => 'ids']);
$text = 'Warga desa bergotong royong memperbaiki jalan dan saluran air menjelang musim hujan. '
      . 'Kepala desa menyampaikan bahwa kegiatan ini dibiayai dana desa tahun berjalan dan dikerjakan '
      . 'oleh warga setempat. Musyawarah berikutnya akan membahas rencana kerja pemerintah desa.';
for ($i = count($have); $i < $wanted; $i++) {
    $n = $i + 1;
    $post = wp_insert_post([
        'post_title' => "Kabar desa nomor $n: kerja bakti dan musyawarah warga",
        'post_content' => str_repeat("<!-- wp:paragraph -->\n<p>$text</p>\n<!-- /wp:paragraph -->\n\n", 4),
        'post_excerpt' => '',
        'post_status' => 'publish',
        'post_author' => 1,
        'post_date' => date('Y-m-d H:i:s', time() - 86400 * ($wanted - $i)),
        'meta_input' => ['_sinergi_bench' => $n],
    ], true);
    if (is_wp_error($post)) { fwrite(STDERR, $post->get_error_message() . "\n"); exit(1); }
    // A 1200x800 photo-like JPEG: a gradient with some grain, made with GD.
    $img = imagecreatetruecolor(1200, 800);
    for ($y = 0; $y < 800; $y += 4) {
        for ($x = 0; $x < 1200; $x += 4) {
            $c = imagecolorallocate($img, ($x / 5 + $n * 20) % 256, ($y / 4 + mt_rand(0, 30)) % 256,
                                    (($x + $y) / 8 + $n * 7) % 256);
            imagefilledrectangle($img, $x, $y, $x + 3, $y + 3, $c);
        }
    }
    $tmp = wp_tempnam("berita-$n.jpg");
    imagejpeg($img, $tmp, 82);
    imagedestroy($img);
    $upload = wp_upload_bits("berita-$n.jpg", null, file_get_contents($tmp));
    unlink($tmp);
    if (!empty($upload['error'])) { fwrite(STDERR, $upload['error'] . "\n"); exit(1); }
    $attachment = wp_insert_attachment([
        'post_mime_type' => 'image/jpeg', 'post_title' => "Foto berita $n", 'post_status' => 'inherit',
    ], $upload['file'], $post);
    wp_update_attachment_metadata($attachment, wp_generate_attachment_metadata($attachment, $upload['file']));
    set_post_thumbnail($post, $attachment);
}
echo json_encode(['posts' => $wanted, 'added' => max(0, $wanted - count($have))]), "\n";
"""


def ensure_site(tmp: Path, port: int, posts: int = POSTS) -> None:
    script = tmp / "setup.php"
    script.write_text(SETUP_PHP)
    php = shutil.which("php")
    if php is None:
        raise WordPressUnavailable("no php (php-cli) on the PATH")
    env = {**os.environ, "BENCH_HOST": f"{HOST}:{port}", "BENCH_POSTS": str(posts)}
    for step in ("install", "posts"):
        done = _run([php, str(script), step], f"WordPress setup ({step})", env=env, timeout=300)
        log(f"wordpress: {step}: {done.stdout.strip().splitlines()[-1:]}")


def fpm_config(tmp: Path) -> str:
    user = "user = www-data\ngroup = www-data\n" if os.geteuid() == 0 else ""
    return f"""[global]
pid = {tmp}/php-fpm.pid
error_log = {tmp}/php-fpm.log
daemonize = no

[wordpress-bench]
{user}listen = {tmp}/php-fpm.sock
listen.mode = 0666
pm = static
pm.max_children = {PHP_FPM_CHILDREN}
catch_workers_output = yes
"""


def nginx_config(tmp: Path, port: int) -> str:
    """Debian's nginx.conf defaults (worker_processes auto, gzip on) and the package's example site."""
    user = "user www-data;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {tmp}/{kind}_temp;"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}worker_processes auto;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
daemon off;
events {{ worker_connections 768; }}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    gzip on;
{temp}
    server {{
        listen {HOST}:{port};
        root {WORDPRESS};
        index index.php;
        location / {{ try_files $uri $uri/ /index.php?$args; }}
        location ~ ^/wp-content/(.*)$ {{ alias {CONTENT}/$1; }}
        location ~ \\.php$ {{
            include /etc/nginx/fastcgi_params;
            # Debian's fastcgi_params pass the Host without its port, which WordPress redirects to add.
            fastcgi_param HTTP_HOST $host:$server_port;
            fastcgi_param SCRIPT_FILENAME $request_filename;
            fastcgi_index index.php;
            fastcgi_pass unix:{tmp}/php-fpm.sock;
        }}
    }}
}}
"""


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as nginx: TIME_WAIT is no listener
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


class WordPress:
    """Set up (once) and serve WordPress on 127.0.0.1:`port`; stops its own nginx and php-fpm on exit."""

    home_path = "/"

    def __init__(self, port: int = PORT, posts: int = POSTS):
        self.port, self.posts = port, posts
        self.tmp: Path | None = None
        self.procs: dict[str, subprocess.Popen] = {}
        self.version = ""
        self.home_bytes = 0
        self.home_images = 0

    @property
    def pids(self) -> tuple[int, ...]:
        """nginx's and php-fpm's master pids: their process trees are the server, for CPU accounting."""
        return tuple(p.pid for p in self.procs.values())

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}{self.home_path}"

    def describe(self) -> str:
        return (
            f"WordPress {self.version} (Debian), default theme, {self.posts} posts with featured images; "
            f"nginx + php-fpm ({PHP_FPM_CHILDREN} static children, opcache) and MariaDB; "
            f"home {self.home_bytes:,} B of HTML, {self.home_images} images"
        )

    def __enter__(self) -> "WordPress":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        try:
            ensure_packages()
            if not _port_free(self.port):
                raise WordPressUnavailable(f"{HOST}:{self.port} is already in use")
            self.version = wordpress_version()
            self.tmp = Path(tempfile.mkdtemp(prefix="wordpress-bench-"))
            self.tmp.chmod(0o755)  # nginx's workers (www-data) reach php-fpm's socket in it
            ensure_database(self.port)
            ensure_site(self.tmp, self.port, self.posts)
            (self.tmp / "php-fpm.conf").write_text(fpm_config(self.tmp))
            (self.tmp / "nginx.conf").write_text(nginx_config(self.tmp, self.port))
            self._spawn(
                "php-fpm", [php_fpm_binary(), "--nodaemonize", "--fpm-config", str(self.tmp / "php-fpm.conf")]
            )
            self._spawn(
                "nginx",
                ["nginx", "-c", str(self.tmp / "nginx.conf"), "-p", str(self.tmp), "-e", str(self.tmp / "nginx-error.log")],
            )  # fmt: skip
            self._wait_ready()
        except WordPressUnavailable:
            self.stop()
            raise
        except (OSError, subprocess.SubprocessError) as exc:
            self.stop()
            raise WordPressUnavailable(repr(exc)) from exc

    def _spawn(self, name: str, args: list[str]) -> None:
        log(f"wordpress: {name}")
        with open(self.tmp / f"{name}.out", "ab") as out:
            self.procs[name] = subprocess.Popen(
                args,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )

    def _wait_ready(self) -> None:
        deadline, last = time.monotonic() + 30, ""
        while time.monotonic() < deadline:
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise WordPressUnavailable(f"{name} exited ({proc.returncode}): {self.log_tail(name)}")
            try:
                with urllib.request.urlopen(self.url, timeout=10) as response:
                    body = response.read()
                self.home_bytes = len(body)
                self.home_images = body.count(b"wp-post-image")
                log(f"wordpress: {self.url} answers: {self.describe()}")
                return
            except urllib.error.HTTPError as exc:
                last = f"HTTP {exc.code}: {exc.read(300)!r}"
            except OSError as exc:
                last = repr(exc)
            time.sleep(0.2)
        raise WordPressUnavailable(f"{self.url} did not answer 200 within 30 s ({last})")

    def log_tail(self, name: str, lines: int = 3) -> str:
        texts = []
        for file in (f"{name}.out", "php-fpm.log" if name == "php-fpm" else "nginx-error.log"):
            with contextlib.suppress(OSError):
                texts += (self.tmp / file).read_text(errors="replace").strip().splitlines()[-lines:]
        return " ".join(texts)

    def stop(self) -> None:
        for proc in reversed(list(self.procs.values())):
            stop_process(proc, timeout=10)
        self.procs.clear()
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--wrk", type=float, metavar="SECONDS", help="measure with wrk -t2 -c16, then stop")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started in the background
    try:
        with WordPress(args.port) as wp:
            print(json.dumps({"url": wp.url, "pids": wp.pids, "site": wp.describe()}), flush=True)
            if args.wrk:
                subprocess.run(["wrk", "-t2", "-c16", f"-d{args.wrk:g}s", wp.url], check=False)
            else:
                with contextlib.suppress(KeyboardInterrupt):
                    signal.pause()
    except WordPressUnavailable as exc:
        print(f"WordPress not measured: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
