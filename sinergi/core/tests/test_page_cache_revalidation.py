"""The page cache is invalidated only once a change is committed; browsers revalidate every page."""

import pytest
from django.core.cache import cache
from django.db import transaction

from sinergi.core.cache import GENERATION_KEY, _generation, invalidate_public_pages
from sinergi.core.tests.factories import make_news

pytestmark = pytest.mark.django_db
HOME = "/marang-kayu/sebuntal/"


def test_the_page_cache_is_invalidated_only_when_the_change_commits(django_capture_on_commit_callbacks):
    before = _generation()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        invalidate_public_pages()
        assert cache.get(GENERATION_KEY) == before  # a visitor now still caches under the old one
    assert cache.get(GENERATION_KEY) == before + 1


def test_public_pages_tell_the_browser_to_revalidate(client, sebuntal):
    first, cached = client.get(HOME), client.get(HOME)
    for response in (first, cached):
        assert response["Cache-Control"] == "max-age=0, must-revalidate"
        assert "Expires" not in response
        assert response["ETag"]
    assert cached["ETag"] == first["ETag"]


def test_a_conditional_request_with_the_etag_answers_304(client, sebuntal):
    etag = client.get(HOME)["ETag"]
    fresh = client.get(HOME, HTTP_IF_NONE_MATCH=etag)  # served from the server's cache
    assert fresh.status_code == 304
    assert fresh.content == b""


def test_after_a_correction_the_old_etag_gets_the_new_page(
    client, sebuntal, django_capture_on_commit_callbacks
):
    etag = client.get(HOME)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        make_news(sebuntal, "Ralat Berita Desa")
    response = client.get(HOME, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Ralat Berita Desa" in response.content.decode()
