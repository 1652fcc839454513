"""Turning an approved report into a news page of the village, credited to the KIM and the member."""

import re

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.images import get_image_model

from sinergi.villages.models import NewsIndexPage, NewsPage

INTRO_LENGTH = 300


def paragraphs(text: str) -> list[str]:
    """Plain text as the member typed it, split on blank lines."""
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def body_html(report, images) -> str:
    texts = paragraphs(report.body)
    if len(texts) > 1 and lead_of(report) == texts[0]:
        texts = texts[1:]  # the first paragraph is the article's lead already: never shown twice
    parts = ["<p>{}</p>".format(escape(p).replace("\n", "<br/>")) for p in texts]
    # The first photo is the article's main image; the others follow the text.
    parts += [f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/>' for image in images[1:]]
    return "".join(parts)


def summary_of(report) -> str:
    """The first paragraph, shortened to fit a summary (the page's description for search and sharing)."""
    first = paragraphs(report.body)[0] if report.body.strip() else ""
    return first if len(first) <= INTRO_LENGTH else first[: INTRO_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def lead_of(report) -> str:
    """The article's lead: the summary, unless the report is one paragraph, which is then the whole text."""
    return summary_of(report) if len(paragraphs(report.body)) > 1 else ""


def credit_of(report) -> str:
    return f"{report.kim.name} ({report.author.name})"


def move_photos_to_collection(report, by) -> list:
    """Copy the (already metadata-free) photos into the village's image collection."""
    image_model = get_image_model()
    images = []
    for n, photo in enumerate(report.photos.all(), start=1):
        photo.file.open("rb")
        try:
            content = photo.file.read()
        finally:
            photo.file.close()
        image = image_model(
            title=photo.caption or f"{report.title} ({n})",
            collection=report.village.collection,
            uploaded_by_user=by if by is not None and by.is_authenticated else None,
        )
        filename = f"kim.{'png' if photo.format == 'PNG' else 'jpg'}"
        # Named content: Django 5.2 reads the width and height from it, and skips a nameless file.
        image.file.save(filename, ContentFile(content, name=filename), save=False)
        image.save()
        images.append(image)
    return images


def create_news_page(report, *, publish: bool, by):
    index = NewsIndexPage.objects.child_of(report.village.page).first()
    if index is None:
        raise ValueError("village has no news section")
    images = move_photos_to_collection(report, by)
    slug = slugify(report.title)[:60] or "berita-kim"
    taken = set(index.get_children().values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    page = NewsPage(
        title=report.title,
        slug=candidate,
        date=report.event_date or timezone.localdate(),
        intro=lead_of(report),
        search_description=summary_of(report),
        body=body_html(report, images),
        image=images[0] if images else None,
        image_caption=(report.photos.first().caption if images else "")[:250],
        category=report.category if report.category and report.category.page_id == index.pk else None,
        credit=credit_of(report),
        live=False,
        owner=by if by is not None and by.is_authenticated else None,
    )
    index.add_child(instance=page)
    revision = page.save_revision(
        user=by if by is not None and by.is_authenticated else None, log_action=True
    )
    if publish:
        revision.publish(user=by if by is not None and by.is_authenticated else None)
        page.refresh_from_db()
    return page
