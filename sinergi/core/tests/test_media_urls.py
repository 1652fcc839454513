"""The public media bucket's URLs: worked out once per file name (core.storage.PublicMediaStorage),
the same as django-storages gives; signed URLs are never kept."""

import pytest
from storages.backends.s3 import S3Storage

from sinergi.core.storage import PublicMediaStorage

BUCKET = {
    "bucket_name": "sinergi-media",
    "endpoint_url": "https://s3.kukarkab.go.id",
    "addressing_style": "path",
}


@pytest.fixture
def boto_urls(monkeypatch):
    """How many URLs django-storages worked out (each one goes through boto)."""
    made = []
    original = S3Storage.url

    def counting(self, name, *args, **kwargs):
        made.append(name)
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(S3Storage, "url", counting)
    return made


def test_an_unsigned_url_is_worked_out_once_and_is_django_storages_own(boto_urls):
    storage = PublicMediaStorage(querystring_auth=False, **BUCKET)
    plain = S3Storage(querystring_auth=False, **BUCKET)

    first = storage.url("images/balai desa.fill-160x107.format-webp.webp")
    again = storage.url("images/balai desa.fill-160x107.format-webp.webp")
    other = storage.url("images/posyandu.width-480.webp")

    assert first == again == plain.url("images/balai desa.fill-160x107.format-webp.webp")
    assert (
        first == "https://s3.kukarkab.go.id/sinergi-media/images/balai%20desa.fill-160x107.format-webp.webp"
    )
    assert other.endswith("/sinergi-media/images/posyandu.width-480.webp")
    assert (
        boto_urls.count("images/balai desa.fill-160x107.format-webp.webp") == 2
    )  # ours once, the plain one once
    assert boto_urls.count("images/posyandu.width-480.webp") == 1


def test_signed_urls_and_urls_with_parameters_are_worked_out_every_time(boto_urls):
    signed = PublicMediaStorage(
        querystring_auth=True, access_key="AKIAEXAMPLE", secret_key="rahasia", **BUCKET
    )
    assert "Signature=" in signed.url("private/laporan.jpg")
    signed.url("private/laporan.jpg")
    assert boto_urls == ["private/laporan.jpg", "private/laporan.jpg"]

    public = PublicMediaStorage(querystring_auth=False, **BUCKET)
    with_disposition = {"ResponseContentDisposition": "attachment"}
    assert "response-content-disposition" in public.url("documents/apbdes.pdf", parameters=with_disposition)
    public.url("documents/apbdes.pdf", parameters=with_disposition)
    assert boto_urls.count("documents/apbdes.pdf") == 2


def test_the_memory_of_urls_is_bounded(boto_urls, monkeypatch):
    monkeypatch.setattr(PublicMediaStorage, "URL_MEMO_SIZE", 3)
    storage = PublicMediaStorage(querystring_auth=False, **BUCKET)
    for n in range(7):
        storage.url(f"images/{n}.webp")
    assert len(storage._urls) <= 3
    assert storage.url("images/6.webp").endswith("/images/6.webp")
