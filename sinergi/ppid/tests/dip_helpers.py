"""Small builders shared by the DIP tests."""

from django.core.files.base import ContentFile
from django_scopes import scope
from wagtail.documents import get_document_model

from sinergi.core.tests import helpers as h
from sinergi.ppid.dip_models import DipEntry
from sinergi.ppid.models import PpidPage


def entry(village, key):
    with scope(village=village):
        return DipEntry.objects.select_related("item").get(village=village, item__key=key)


def document(village, title="Dokumen uji"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(h.PDF_BYTES, name="dokumen.pdf"), collection=village.collection
    )


def link(village, key, *, page=None, doc=None, updated_on=None, note=""):
    row = entry(village, key)
    row.page, row.document, row.updated_on, row.note = page, doc, updated_on, note
    with scope(village=village):
        row.save()
    return row


def dip_url(village):
    return f"{PpidPage.objects.child_of(village.page).get().url}dip/"
