import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sinergi.core.tests.factories import make_news

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/marang-kayu/sebuntal/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "http" not in policy  # no third-party origin
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_load_nothing_from_another_host(client, sebuntal):
    make_news(sebuntal, "Berita Uji")
    html = client.get("/marang-kayu/sebuntal/").content.decode()
    for attribute in ('src="http', "src='http", 'href="//', 'rel="stylesheet" href="http'):
        assert attribute not in html
    assert "<script" not in html


def test_the_admin_gets_its_own_policy(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy


def test_hsts_is_sent_when_served_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/marang-kayu/sebuntal/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_anonymous_pages_are_served_from_the_cache_without_queries(client, sebuntal):
    make_news(sebuntal, "Berita Cache")
    client.get("/marang-kayu/sebuntal/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/marang-kayu/sebuntal/")
    assert response.status_code == 200
    assert len(captured) == 0
    assert "Content-Security-Policy" in response


def test_publishing_refreshes_cached_pages(client, sebuntal, django_capture_on_commit_callbacks):
    client.get("/marang-kayu/sebuntal/")
    with django_capture_on_commit_callbacks(execute=True):  # the cache is invalidated on commit
        make_news(sebuntal, "Kabar Paling Baru")
    assert "Kabar Paling Baru" in client.get("/marang-kayu/sebuntal/").content.decode()


def test_signed_in_editors_never_get_a_cached_page(client, operator, sebuntal):
    client.get("/marang-kayu/sebuntal/")
    client.force_login(operator)
    with CaptureQueriesContext(connection) as captured:
        client.get("/marang-kayu/sebuntal/")
    assert len(captured) > 0
