"""Production mode at start-up: `manage.py check --deploy` is clean with a complete production
environment (W021 is silenced on purpose), and `SINERGI_PRODUCTION=1` refuses to start without one."""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[3]
# Silenced in sinergi/settings.py with a reason; anything else silenced must be argued there and here.
EXPECTED_SILENCED = {"security.W021"}
# Inherited variables that would make the result depend on the shell the tests run in.
SCRUBBED = (
    "DJANGO_",
    "DATABASE_URL",
    "SQLITE_",
    "REDIS_URL",
    "EMAIL_",
    "DEFAULT_FROM_EMAIL",
    "SERVER_EMAIL",
    "BASE_URL",
    "SERVE_MEDIA",
    "S3_",
    "SINGLE_PROCESS",
    "SECRET_KEY",
    "DEBUG",
    "SECURE",
)


def bare_production_environment(tmp_path) -> dict[str, str]:
    """Production mode switched on and nothing else set: what a first, careless deployment looks like."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(SCRUBBED)}
    env.update(
        DJANGO_SETTINGS_MODULE="sinergi.settings",
        SINERGI_PRODUCTION="1",
        SINERGI_VAR_DIR=str(tmp_path),  # the SQLite default creates its folder; keep it out of the tree
    )
    return env


def production_environment(tmp_path) -> dict[str, str]:
    """The complete environment of docs/deployment.md (check does not connect to PostgreSQL or Redis)."""
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return bare_production_environment(tmp_path) | {
        "SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(64)),
        "SECURE": "1",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "desa.example.id",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/sinergi",
        "REDIS_URL": "redis://127.0.0.1:6379/13",
        "EMAIL_HOST": "smtp.example.id",
        "EMAIL_HOST_USER": "sinergi",
        "EMAIL_HOST_PASSWORD": "rahasia",
        "DEFAULT_FROM_EMAIL": "Sinergi <noreply@example.id>",
        "BASE_URL": "https://desa.example.id",
        "SERVE_MEDIA": "0",
    }


def manage(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_is_clean_with_production_settings(tmp_path):
    result = manage(production_environment(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNINGS" not in output and "ERRORS" not in output, output


def test_the_check_does_look_at_security_settings(tmp_path):
    """Positive control: the same command warns once HTTPS is off, so the clean run above means something."""
    env = production_environment(tmp_path) | {"SECURE": "0"}
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr  # no HSTS


def test_only_the_argued_checks_are_silenced():
    assert set(settings.SILENCED_SYSTEM_CHECKS) == EXPECTED_SILENCED


def test_production_mode_refuses_to_start_and_names_every_variable_to_set(tmp_path):
    result = manage(bare_production_environment(tmp_path), "check")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "7 masalah" in output, output
    for expected in (
        "SECRET_KEY",
        "DATABASE_URL",
        "REDIS_URL",
        "EMAIL_HOST",
        "DEFAULT_FROM_EMAIL",
        "SERVE_MEDIA=0",
        "BASE_URL=https://",
    ):
        assert expected in output, expected


def test_one_declared_process_may_run_production_without_redis(tmp_path):
    env = production_environment(tmp_path) | {"SINGLE_PROCESS": "1"}
    del env["REDIS_URL"]
    result = manage(env, "check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_has_no_demo_loader(tmp_path):
    result = manage(production_environment(tmp_path), "help", "load_demo")
    assert result.returncode != 0
    assert "Unknown command: 'load_demo'" in result.stderr


def test_the_development_instance_still_has_the_demo_loader():
    assert "sinergi.demo" in settings.INSTALLED_APPS


def test_conflicting_smtp_encryption_stops_start_up(tmp_path):
    env = production_environment(tmp_path) | {"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}
    result = manage(env, "check")
    assert result.returncode != 0
    assert "EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other" in result.stderr


def test_with_an_smtp_host_mail_goes_out_over_smtp_with_a_timeout(tmp_path):
    shown = (
        "from django.core.mail import get_connection; from django.conf import settings; c = get_connection(); "
        "print(type(c).__module__, c.host, c.port, c.username, c.use_tls, c.use_ssl, c.timeout, "
        "settings.SERVER_EMAIL, settings.WAGTAILADMIN_BASE_URL)"
    )
    result = manage(production_environment(tmp_path), "shell", "--no-imports", "-c", shown)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp",
        "smtp.example.id",
        "587",
        "sinergi",
        "True",
        "False",
        "10",
        "Sinergi",
        "<noreply@example.id>",
        "https://desa.example.id",
    ]
