"""Images stored on S3 are allowed by the content security policy, whichever address the storage uses.

The allowed origin comes from the storage's own url(), so a page's <img src> and the policy agree.
"""

import pytest
from storages.backends.s3 import S3Storage

from sinergi.core.security import storage_origin

pytestmark = pytest.mark.django_db

S3 = "storages.backends.s3.S3Storage"
FILES = "django.core.files.storage.FileSystemStorage"
STATIC = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


def _img_src(client, path="/marang-kayu/sebuntal/") -> list[str]:
    policy = client.get(path)["Content-Security-Policy"]
    directive = next(d for d in policy.split("; ") if d.startswith("img-src "))
    return directive.split()[1:]


def _use_s3(settings, **aws):
    settings.AWS_STORAGE_BUCKET_NAME = "sinergi-media"
    settings.AWS_QUERYSTRING_AUTH = False
    for name, value in aws.items():
        setattr(settings, name, value)
    settings.STORAGES = {"default": {"BACKEND": S3}, "staticfiles": STATIC}


def test_images_from_the_s3_custom_domain_are_allowed(client, settings):
    _use_s3(settings, AWS_S3_CUSTOM_DOMAIN="media.kukarkab.go.id")
    assert _img_src(client) == ["'self'", "data:", "https://media.kukarkab.go.id"]


def test_images_from_an_s3_endpoint_with_path_style_buckets_are_allowed(client, settings):
    _use_s3(settings, AWS_S3_ENDPOINT_URL="https://s3.kukarkab.go.id", AWS_S3_ADDRESSING_STYLE="path")
    assert _img_src(client) == ["'self'", "data:", "https://s3.kukarkab.go.id"]


def test_images_from_an_s3_endpoint_with_virtual_hosted_buckets_are_allowed(client, settings):
    _use_s3(settings, AWS_S3_ENDPOINT_URL="https://s3.kukarkab.go.id", AWS_S3_ADDRESSING_STYLE="virtual")
    assert _img_src(client) == ["'self'", "data:", "https://sinergi-media.s3.kukarkab.go.id"]


def test_images_from_aws_default_bucket_address_are_allowed_in_the_admin_too(admin_client, settings):
    _use_s3(settings, AWS_S3_REGION_NAME="ap-southeast-3")
    origin = storage_origin(S3Storage())
    assert origin.startswith("https://sinergi-media.s3.") and origin.endswith(".amazonaws.com")
    assert origin in _img_src(admin_client, "/admin/")


def test_the_policy_allows_exactly_the_origin_of_the_stored_images_url(client, settings):
    _use_s3(settings, AWS_S3_ENDPOINT_URL="https://s3.kukarkab.go.id:9000")
    from django.core.files.storage import default_storage

    image_url = default_storage.url("original_images/sebuntal.jpg")
    assert image_url.startswith("https://s3.kukarkab.go.id:9000/")
    assert "https://s3.kukarkab.go.id:9000" in _img_src(client)


def test_a_signed_url_of_a_private_bucket_has_its_origin_allowed(client, settings):
    private = S3Storage(
        bucket_name="sinergi-private",
        endpoint_url="https://private.kukarkab.go.id",
        access_key="AKIAEXAMPLE",
        secret_key="example-secret",
        querystring_auth=True,
    )
    assert "Signature=" in private.url("x.jpg")
    assert storage_origin(private) == "https://private.kukarkab.go.id"

    # Any storage alias other than static files contributes its origin.
    settings.AWS_ACCESS_KEY_ID, settings.AWS_SECRET_ACCESS_KEY = "AKIAEXAMPLE", "example-secret"
    settings.STORAGES = {
        "default": {"BACKEND": FILES},
        "private": {
            "BACKEND": S3,
            "OPTIONS": {
                "bucket_name": "sinergi-private",
                "endpoint_url": "https://private.kukarkab.go.id",
                "querystring_auth": True,
            },
        },
        "staticfiles": STATIC,
    }
    assert _img_src(client) == ["'self'", "data:", "https://private.kukarkab.go.id"]


def test_an_absolute_media_url_is_allowed(client, settings):
    settings.MEDIA_URL = "https://cdn.kukarkab.go.id/media/"
    settings.STORAGES = {"default": {"BACKEND": FILES}, "staticfiles": STATIC}
    assert _img_src(client) == ["'self'", "data:", "https://cdn.kukarkab.go.id"]


def test_media_served_from_our_own_address_adds_no_origin(client):
    assert _img_src(client) == ["'self'", "data:"]
