"""bench/run.py compares uncached pages with WordPress measured in the same run when it could be, and says
so; otherwise with the reference constant, and says that instead. Nothing here needs WordPress."""

from pathlib import Path

from bench import run, wordpress
from bench.load import LoadResult


def result(rate: float, seconds: float = 8.0) -> LoadResult:
    return LoadResult("/", 16, seconds, completed=round(rate * seconds))


def test_the_target_uses_the_rate_measured_in_this_run():
    text = run.render_target(result(150), result(12.5))

    assert text == "12.0× WordPress's 12.5 req/s measured in this run (target ≥ 10×: met)"
    assert "NOT met" in run.render_target(result(100), result(12.5))


def test_without_a_measured_rate_the_target_says_it_uses_the_constant():
    failed = result(12.5)
    failed.failure = "16/16 connections failed"

    for wordpress_home in (None, result(0), failed):
        text = run.render_target(result(110), wordpress_home)
        assert text.startswith(f"5.0× WordPress's ~{run.WORDPRESS_RATE} req/s, a reference constant")
        assert "not measured in this run" in text


def test_the_notes_say_why_wordpress_was_not_measured():
    notes = run.wordpress_notes(None, None, "MariaDB (root over its socket) failed (exit 1): refused")

    assert notes[0].startswith("WordPress not measured: MariaDB (root over its socket) failed")
    assert f"{run.WORDPRESS_RATE} req/s" in notes[0]


def test_wordpress_is_measured_in_two_halves_only_when_it_runs():
    before = result(10)
    assert run.measure_wordpress(None, {"duration": 8.0, "rounds": 4}, before) is before
    assert run.measure_wordpress(None, {"duration": 8.0, "rounds": 4}) is None


def test_the_servers_keep_to_the_temporary_directory():
    tmp = Path("/tmp/wordpress-bench-x")
    nginx = wordpress.nginx_config(tmp, 8280)
    fpm = wordpress.fpm_config(tmp)

    assert "listen 127.0.0.1:8280;" in nginx
    assert f"fastcgi_pass unix:{tmp}/php-fpm.sock;" in nginx
    assert f"pid {tmp}/nginx.pid;" in nginx
    # Debian's fastcgi_params drop the port from the Host, which WordPress answers with a redirect.
    assert "fastcgi_param HTTP_HOST $host:$server_port;" in nginx
    assert f"listen = {tmp}/php-fpm.sock" in fpm
    assert "pm = static\npm.max_children = 4" in fpm
    assert wordpress.MARKER in wordpress.config_text("secret", 8280)


def test_the_postgresql_rows_compare_with_the_same_wordpress_and_are_left_out_when_not_measured():
    on_postgres = result(150)
    on_postgres.single = result(120)
    rows = run.postgres_rows("Village home", on_postgres, result(12.5))

    assert [row[0] for row in rows] == [
        "Village home: page cache off, PostgreSQL",
        "Village home: page cache off, PostgreSQL, one connection",
    ]
    assert rows[0][2] == "12.0× WordPress's 12.5 req/s measured in this run (target ≥ 10×: met)"
    assert rows[1][1] == on_postgres.single.summary() and rows[1][2] == "target p50 < 10 ms"
    assert run.postgres_rows("Village home", None, result(12.5)) == []
