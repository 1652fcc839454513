"""Which responses nginx's microcache may keep (X-Accel-Expires): only what anyone may be given."""

import pytest

pytestmark = pytest.mark.django_db
HOME = "/marang-kayu/sebuntal/"


def test_an_anonymous_public_page_may_be_kept_by_nginx(client, sebuntal, settings):
    settings.PROXY_CACHE_SECONDS = 2
    first, cached = client.get(HOME), client.get(HOME)  # rendered, then from the page cache
    assert first.status_code == cached.status_code == 200
    assert first["X-Accel-Expires"] == cached["X-Accel-Expires"] == "2"
    assert "Age" not in cached  # the age of Django's copy would make nginx keep nothing


def test_nothing_is_marked_when_the_microcache_is_off(client, sebuntal, settings):
    settings.PROXY_CACHE_SECONDS = 0
    assert "X-Accel-Expires" not in client.get(HOME)


def test_a_signed_in_persons_page_is_never_marked(client, sebuntal, operator, settings):
    settings.PROXY_CACHE_SECONDS = 2
    client.force_login(operator)
    response = client.get(HOME)
    assert response.status_code == 200 and "X-Accel-Expires" not in response


def test_a_form_with_a_csrf_token_is_never_marked(client, sebuntal, settings):
    settings.PROXY_CACHE_SECONDS = 2
    form = client.get(f"{HOME}pengaduan/kirim/")
    assert form.status_code == 200 and b"csrfmiddlewaretoken" in form.content
    assert "X-Accel-Expires" not in form
    again = client.get(f"{HOME}pengaduan/kirim/")  # now with the CSRF cookie: the page varies by it
    assert "X-Accel-Expires" not in again


def test_kim_and_admin_pages_are_never_marked(client, sebuntal, settings):
    settings.PROXY_CACHE_SECONDS = 2
    for path in ("/kim/masuk/", "/admin/login/"):
        response = client.get(path)
        assert response.status_code == 200 and "X-Accel-Expires" not in response, path
