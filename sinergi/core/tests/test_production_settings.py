"""Production mode's rules (sinergi/core/production.py), one row per unsafe setting.

The rules are a pure function of the settings values; test_deploy_check.py runs them for real through
`SINERGI_PRODUCTION=1 manage.py check`.
"""

import pytest
from django.core.exceptions import ImproperlyConfigured

from sinergi.core.production import DEVELOPMENT_SECRET_KEY, production_problems, refuse_unsafe_settings
from sinergi.env import EnvError, envurl

POSTGRES = {"default": {"ENGINE": "django.db.backends.postgresql"}}
SQLITE = {"default": {"ENGINE": "django.db.backends.sqlite3"}}

COMPLETE = {
    "DEBUG": False,
    "SECRET_KEY": "k8#Vq2!pL0zR7mX4wN9tY1bC6dF3gH5jU8sA2eQ0rT7yI4oP",
    "DATABASES": POSTGRES,
    "REDIS_URL": "redis://redis.internal:6379/0",
    "SINGLE_PROCESS": False,
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "DEFAULT_FROM_EMAIL": "Sinergi Kukar <noreply@kukarkab.go.id>",
    "SERVE_MEDIA": False,
    "BASE_URL": "https://desa.kukarkab.go.id",
}

# What the settings are when production mode is switched on and nothing else is set.
DEVELOPMENT_DEFAULTS = {
    "DEBUG": False,
    "SECRET_KEY": DEVELOPMENT_SECRET_KEY,
    "DATABASES": SQLITE,
    "REDIS_URL": "",
    "SINGLE_PROCESS": False,
    "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    "DEFAULT_FROM_EMAIL": "sinergi@localhost",
    "SERVE_MEDIA": True,
    "BASE_URL": "http://127.0.0.1:8000",
}


def test_a_complete_production_configuration_is_accepted():
    assert production_problems(COMPLETE) == []
    refuse_unsafe_settings(COMPLETE)  # does not raise


@pytest.mark.parametrize(
    ("change", "variable"),
    [
        ({"DEBUG": True}, "DEBUG=0"),
        ({"SECRET_KEY": DEVELOPMENT_SECRET_KEY}, "SECRET_KEY"),
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"DATABASES": SQLITE}, "DATABASE_URL"),
        ({"REDIS_URL": ""}, "REDIS_URL"),
        ({"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}, "EMAIL_HOST"),
        ({"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}, "EMAIL_HOST"),
        ({"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend"}, "EMAIL_HOST"),
        ({"DEFAULT_FROM_EMAIL": "sinergi@localhost"}, "DEFAULT_FROM_EMAIL"),
        ({"DEFAULT_FROM_EMAIL": "webmaster"}, "DEFAULT_FROM_EMAIL"),
        ({"SERVE_MEDIA": True}, "SERVE_MEDIA=0"),
        ({"BASE_URL": "http://desa.kukarkab.go.id"}, "BASE_URL"),
        ({"BASE_URL": "https://127.0.0.1"}, "BASE_URL"),
        ({"BASE_URL": "https://localhost:8443"}, "BASE_URL"),
    ],
)
def test_each_unsafe_setting_is_refused_with_the_variable_to_set(change, variable):
    problems = production_problems(COMPLETE | change)
    assert len(problems) == 1, problems
    assert variable in problems[0]


def test_a_declared_single_process_may_run_without_redis():
    assert production_problems(COMPLETE | {"REDIS_URL": "", "SINGLE_PROCESS": True}) == []


def test_a_local_mail_relay_over_smtp_is_accepted():
    # EMAIL_HOST=localhost (a local MTA) is a real delivery; only non-delivering back ends are refused.
    assert (
        production_problems(COMPLETE | {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}) == []
    )


def test_every_problem_is_reported_at_once():
    with pytest.raises(ImproperlyConfigured) as refused:
        refuse_unsafe_settings(DEVELOPMENT_DEFAULTS)
    message = str(refused.value)
    assert "7 masalah" in message
    for variable in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "DEFAULT_FROM_EMAIL"):
        assert variable in message
    assert "SERVE_MEDIA=0" in message and "BASE_URL=https://" in message


@pytest.mark.parametrize("value", ["desa.kukarkab.go.id", "ftp://desa.kukarkab.go.id", "https://"])
def test_a_base_url_that_is_no_web_address_stops_start_up(monkeypatch, value):
    monkeypatch.setenv("BASE_URL", value)
    with pytest.raises(EnvError, match="BASE_URL must be an absolute http"):
        envurl("BASE_URL", "http://127.0.0.1:8000")


def test_a_base_url_keeps_no_trailing_slash_so_links_have_one(monkeypatch):
    monkeypatch.setenv("BASE_URL", "https://desa.kukarkab.go.id/")
    assert envurl("BASE_URL", "http://127.0.0.1:8000") == "https://desa.kukarkab.go.id"
