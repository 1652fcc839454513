"""The storages of uploaded files: the public media bucket, and the private storage.

The private storage holds files (unpublished KIM material) that no public URL may ever serve:
STORAGES["private"] is a local folder outside MEDIA_ROOT by default, or a private S3 bucket/prefix
whose URLs are signed and short-lived. Its files reach a person only through a view that checked
the person may see them, via private_file_response.
"""

from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseRedirect
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage

PRIVATE_STORAGE_ALIAS = "private"


class PublicMediaStorage(S3Storage):
    """The public media bucket (STORAGES["default"] with S3_BUCKET): django-storages' S3 storage whose
    unsigned URLs are worked out once per file name and process.

    Without a custom domain, each `url()` goes through boto's presigned-URL machinery even unsigned:
    about 0.1-0.2 ms, and an uncached village home shows some fifteen rendition URLs. An unsigned URL
    depends on the settings and the name only, so it is kept (up to URL_MEMO_SIZE names, then all are
    forgotten at once). Signed URLs (querystring_auth, CloudFront signing) and URLs with parameters
    are never kept: they expire.
    """

    URL_MEMO_SIZE = 20_000

    def __init__(self, **settings):
        super().__init__(**settings)
        self._urls: dict[str, str] = {}

    def url(self, name, parameters=None, expire=None, http_method=None):
        if parameters or expire or http_method or self.querystring_auth or self.cloudfront_signer:
            return super().url(name, parameters, expire, http_method)
        url = self._urls.get(name)
        if url is None:
            url = super().url(name)
            if len(self._urls) >= self.URL_MEMO_SIZE:
                self._urls.clear()
            self._urls[name] = url
        return url


class PrivateStorage(LazyObject):
    """STORAGES["private"], looked up when first used (and again when tests change STORAGES)."""

    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


private_storage = PrivateStorage()


def get_private_storage():
    """For FileField(storage=...): a callable, so migrations do not record the backend's settings."""
    return private_storage


@receiver(setting_changed)
def _reset_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty


def private_file_response(field_file, content_type: str):
    """The file itself from a local folder; with a remote (S3) storage, a redirect to its signed URL."""
    if isinstance(field_file.storage, FileSystemStorage):  # LazyObject passes isinstance through
        response = FileResponse(field_file.open("rb"), content_type=content_type)
    else:
        response = HttpResponseRedirect(field_file.url)
    response["Cache-Control"] = "private, max-age=300"
    return response


def move_to_private_storage(model, field_name: str = "file") -> int:
    """Move the files of `model` rows still in the public (default) storage to the private one, same
    name, and delete the public copy. Safe to run again; returns how many files moved."""
    public, private = default_storage, storages[PRIVATE_STORAGE_ALIAS]
    moved = 0
    for pk, name in model._base_manager.exclude(**{field_name: ""}).values_list("pk", field_name).iterator():
        if not public.exists(name):
            continue  # moved already, or lost before
        if not private.exists(name):
            with public.open(name, "rb") as content:
                stored = private.save(name, content)
            if stored != name:
                model._base_manager.filter(pk=pk).update(**{field_name: stored})
        public.delete(name)
        moved += 1
    return moved
