"""Throttle counters live apart from the page cache, and a Redis outage neither breaks pages nor sign-in."""

import logging

import pytest
from django.core.cache import cache, caches
from django.test import Client

from sinergi.core import throttle
from sinergi.kim import limits
from sinergi.kim.invitations import create_invitation
from sinergi.kim.tests.member_helpers import make_member
from sinergi.settings import redis_caches

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "sungai-mahakam-biru"
CLOSED_PORT = "redis://127.0.0.1:6390/0"  # nothing listens there
TEST_REDIS = "redis://127.0.0.1:6379/12"  # this branch's test database number


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def budi(kim):
    return make_member(kim, "Budi Santoso", phone="0812-7777-0202", account=False)


@pytest.fixture
def code_form(budi, operator):
    """The invitation-code form data: the right code, and a way to send wrong ones."""
    _invitation, _token, code = create_invitation(budi, by=operator)
    data = {"identifier": "081277770202", "code": code, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    wrong = {**data, "code": f"{(int(code) + 1) % 1_000_000:06d}"}
    return data, wrong


def _lock(wrong):
    for _n in range(limits.invitation_code_tries_per_hour()):
        assert "tidak cocok" in Client().post("/kim/undangan/", wrong).content.decode()


def test_a_locked_sign_in_code_stays_locked_after_anonymous_page_traffic(code_form, sebuntal):
    right, wrong = code_form
    _lock(wrong)

    visitor = Client()
    for n in range(210):  # more distinct pages than the local page cache keeps
        assert visitor.get(f"/marang-kayu/sebuntal/?halaman={n}").status_code == 200
    cache.clear()

    response = Client().post("/kim/undangan/", right)
    assert response.status_code == 429
    assert "Terlalu banyak kode yang salah" in response.content.decode()


@pytest.fixture
def redis_throttle(settings):
    """The production layout: the page cache apart from the throttle store on Redis (db 12)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "uji"},
        "throttle": redis_caches(TEST_REDIS, TEST_REDIS, "uji-once", 1)["throttle"],
    }
    caches["throttle"].delete_pattern("*")
    yield caches["throttle"]
    caches["throttle"].delete_pattern("*")


def test_on_redis_a_locked_sign_in_code_stays_locked_when_the_page_cache_is_emptied(
    code_form, redis_throttle
):
    right, wrong = code_form
    _lock(wrong)
    cache.clear()

    assert Client().post("/kim/undangan/", right).status_code == 429
    assert redis_throttle.keys("*invite-code*")


def test_database_counters_count_every_hit_of_one_window(db):
    assert [throttle.hit("uji", limit=3) for _n in range(5)] == [True, True, True, False, False]
    assert throttle.count("uji") == 5


# --------------------------------------------------------------------------- Redis outage


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_caches(CLOSED_PORT, CLOSED_PORT, "uji-once", 0.5)
    throttle._store_reached()
    yield
    throttle._store_reached()


def test_with_redis_down_public_pages_are_served_and_the_outage_is_logged(redis_down, sebuntal, caplog):
    with caplog.at_level(logging.WARNING):
        response = Client().get("/marang-kayu/sebuntal/")
    assert response.status_code == 200
    assert any("Exception ignored" in record.getMessage() for record in caplog.records)


def test_with_redis_down_the_admin_login_works(redis_down, operator):
    client = Client()
    response = client.post("/admin/login/", {"username": operator.username, "password": "uji-sandi-sinergi"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_redis_down_sign_in_codes_are_allowed_for_the_grace_then_refused(
    redis_down, code_form, settings, caplog
):
    right, wrong = code_form
    settings.THROTTLE_OUTAGE_GRACE_SECONDS = 3600
    with caplog.at_level(logging.WARNING, logger="sinergi.core.throttle"):
        assert "tidak cocok" in Client().post("/kim/undangan/", wrong).content.decode()
    assert any("Throttle store unreachable" in record.getMessage() for record in caplog.records)

    settings.THROTTLE_OUTAGE_GRACE_SECONDS = 0
    response = Client().post("/kim/undangan/", right)
    assert response.status_code == 503
    assert "Layanan sedang terganggu" in response.content.decode()


def test_with_redis_down_other_throttles_keep_allowing(redis_down, settings):
    settings.THROTTLE_OUTAGE_GRACE_SECONDS = 0
    assert throttle.hit("hints:1", limit=1) and throttle.hit("hints:1", limit=1)
