"""The private storage: files (unpublished KIM material) that no public URL may ever serve.

STORAGES["private"] is a local folder outside MEDIA_ROOT by default, or a private S3 bucket/prefix
whose URLs are signed and short-lived. Its files reach a person only through a view that checked
the person may see them, via private_file_response.
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseRedirect
from django.utils.functional import LazyObject, empty

PRIVATE_STORAGE_ALIAS = "private"


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
