"""Small builders for test data: real pages, published through Wagtail, and real image files."""

import datetime as dt
import io

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model


def jpeg_bytes(width=64, height=48, colour=(30, 120, 60)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def make_image(collection, title="Foto uji", width=64, height=48):
    return get_image_model().objects.create(
        title=title,
        collection=collection,
        file=ImageFile(io.BytesIO(jpeg_bytes(width, height)), name="foto.jpg"),
    )


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def section(village, model):
    return model.objects.child_of(village.page).get()


def make_news(village, title, *, date=None, body="<p>Isi berita.</p>", **fields):
    from sinergi.villages.models import NewsIndexPage, NewsPage

    index = section(village, NewsIndexPage)
    page = NewsPage(
        title=title, slug=slugify(title)[:50] or "berita", date=date or dt.date.today(), body=body, **fields
    )
    return publish(index, page)
