"""`manage.py check --deploy` with production settings reports nothing (W021 is silenced on purpose)."""

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


def production_environment(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "SQLITE_"))}
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env.update(
        DJANGO_SETTINGS_MODULE="sinergi.settings",
        SECRET_KEY="".join(secrets.choice(alphabet) for _ in range(64)),
        SECURE="1",
        SINERGI_PRODUCTION="1",
        DEBUG="0",
        ALLOWED_HOSTS="desa.example.id",
        SINERGI_VAR_DIR=str(tmp_path),  # the SQLite default creates its folder; keep it out of the tree
    )
    return env


def test_the_deploy_check_is_clean_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNINGS" not in output and "ERRORS" not in output, output


def test_the_check_does_look_at_security_settings(tmp_path):
    """Positive control: the same command warns once HTTPS is off, so the clean run above means something."""
    env = production_environment(tmp_path) | {"SECURE": "0"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr  # no HSTS


def test_only_the_argued_checks_are_silenced():
    assert set(settings.SILENCED_SYSTEM_CHECKS) == EXPECTED_SILENCED
