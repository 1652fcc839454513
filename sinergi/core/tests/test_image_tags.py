"""The public templates' `image()`, `srcset_image()` and `rendition()` (sinergi/core/jinja.py): Wagtail's
`{% image %}`/`{% srcset_image %}` markup, their filters parsed once, and the renditions of a page's
pictures read in one query."""

from django.core.cache import caches
from django.db import connection
from django.db.models import ImageField
from django.db.models.signals import post_init
from django.template import Context, Template, engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from sinergi.core import jinja
from sinergi.core.models import attach_renditions, want_renditions
from sinergi.core.tests.factories import make_image

# Wagtail's tag (Django's engine) and the same picture in a public template.
CASES = [
    (
        "{% image photo fill-96x96 format-webp class='logo' alt='' %}",
        "{{ image(photo, 'fill-96x96|format-webp', class='logo', alt='') }}",
    ),
    (
        "{% srcset_image photo fill-{160x107,320x213} format-webp sizes='9rem' alt='' loading='lazy' %}",
        "{{ srcset_image(photo, 'fill-{160x107,320x213}|format-webp', sizes='9rem', alt='', loading='lazy') }}",
    ),
    (
        "{% image photo height-64 format-webp as crest %}{{ crest.url }} {{ crest.width }}",
        "{% set crest = rendition(photo, 'height-64|format-webp') %}{{ crest.url }} {{ crest.width }}",
    ),
    # The image's own title as the alt text, escaped; values escaped (`odd` = 'a&b', `quoted` =
    # '"<q>"'); a boolean attribute; one candidate only.
    (
        "{% image photo width-40 class=odd data-x=quoted hidden=True %}",
        "{{ image(photo, 'width-40', class=odd, hidden=True, **{'data-x': quoted}) }}",
    ),
    (
        "{% srcset_image photo width-{48} format-webp %}",
        "{{ srcset_image(photo, 'width-{48}|format-webp') }}",
    ),
]


VALUES = {"odd": "a&b", "quoted": '"<q>"'}


def _wagtail(source, image):
    return Template("{% load wagtailimages_tags %}" + source).render(
        Context({"photo": image, "request": RequestFactory().get("/"), **VALUES})
    )


def _ours(source, image, request=None):
    template = engines["jinja2"].from_string(source)
    return template.render({"photo": image, **VALUES}, request or RequestFactory().get("/"))


def _same_markup(html):
    """Django escapes ' and " as &#x27; and &quot;, Jinja2 as &#39; and &#34;: the same HTML."""
    return html.replace("&#39;", "&#x27;").replace("&#34;", "&quot;")


def test_the_functions_give_wagtails_markup_and_parse_their_filters_once(sebuntal):
    image = make_image(sebuntal.collection, title='Foto "desa" <kantor>', width=900, height=600)
    for wagtail_source, our_source in CASES:
        expected = _wagtail(wagtail_source, image)
        assert expected.strip()
        assert _same_markup(_ours(our_source, image)) == expected
    assert jinja.parsed_filter("fill-96x96|format-webp") is jinja.parsed_filter("fill-96x96|format-webp")
    assert jinja.parsed_filters("width-{48,96}") is jinja.parsed_filters("width-{48,96}")


def _fresh(images):
    """The images as a new request reads them: new instances, no renditions attached."""
    by_pk = get_image_model().objects.in_bulk([image.pk for image in images])
    return [by_pk[image.pk] for image in images]


CARD = "{{ srcset_image(photo, 'fill-{160x107,320x213}|format-webp', alt='') }}"
LOGO = "{{ image(photo, 'fill-96x96|format-webp', class='logo') }}"


def test_a_pages_pictures_are_read_in_one_query_and_not_written_to_the_cache(sebuntal, monkeypatch):
    images = [
        make_image(sebuntal.collection, title=f'Foto "{n}" <desa>', width=400, height=300) for n in range(3)
    ]
    expected = []
    for image in _fresh(images):  # made once, as the first visitor after an upload makes them
        request = RequestFactory().get("/")
        expected.append(_ours(CARD, image, request))
        expected.append(_ours(LOGO, image, request))
    assert all(markup.startswith("<img ") for markup in expected)

    writes = []
    cache = caches["default"]
    monkeypatch.setattr(cache, "set", lambda *args, **kwargs: writes.append(args[0]))
    monkeypatch.setattr(cache, "set_many", lambda data, *args, **kwargs: writes.extend(data))
    request = RequestFactory().get("/")
    pictures = _fresh(images)
    want_renditions(request, pictures)
    with CaptureQueriesContext(connection) as queries:
        shown = []
        for image in pictures:
            shown.append(_ours(CARD, image, request))
            shown.append(_ours(LOGO, image, request))

    assert shown == expected  # the same markup as Wagtail's lookup gave
    assert len(queries) == 1, [q["sql"] for q in queries]
    assert writes == []


def test_a_picture_the_page_did_not_note_is_found_as_wagtail_finds_it(sebuntal):
    image = make_image(sebuntal.collection, width=400, height=300)
    first = _ours(LOGO, image)
    (again,) = _fresh([image])
    request = RequestFactory().get("/")
    want_renditions(request, [])  # the page noted other pictures, not this one
    with CaptureQueriesContext(connection) as queries:
        assert _ours(LOGO, again, request) == first
    assert len(queries) == 0  # Wagtail's rendition cache, filled by the first rendering


def test_no_picture_is_no_markup(sebuntal):
    assert _ours(LOGO + CARD + "{{ rendition(photo, 'width-40').url }}", None) == ""


def test_renditions_read_for_a_page_are_the_renditions_django_reads(sebuntal):
    # attach_renditions makes its renditions from rows, without Django's constructor and post_init:
    # every field must be what Django's own read gives, the file included, and the signal must have
    # nothing to do for a rendition read from the database.
    images = [make_image(sebuntal.collection, title=f"Foto {n}", width=400, height=300) for n in range(2)]
    for image in _fresh(images):
        _ours(CARD + LOGO, image, RequestFactory().get("/"))
    Rendition = get_image_model().get_rendition_model()
    pictures = _fresh(images)
    attach_renditions(pictures)
    for image in pictures:
        django_reads = list(Rendition.objects.filter(image_id=image.pk))
        ours = image.prefetched_renditions
        assert len(ours) == len(django_reads) == 3  # the card's two sizes and the logo
        assert sorted(r.pk for r in ours) == sorted(r.pk for r in django_reads)
        by_pk = {r.pk: r for r in django_reads}
        for rendition in ours:
            theirs = by_pk[rendition.pk]
            for field in Rendition._meta.concrete_fields:
                assert getattr(rendition, field.attname) == getattr(theirs, field.attname), field.name
            assert rendition.image is image and not rendition._state.adding
            assert rendition.url == theirs.url and (rendition.width, rendition.height) == (
                theirs.width,
                theirs.height,
            )
            assert rendition.file.name == theirs.file.name and rendition.get_deferred_fields() == set()
    receivers = [getattr(r, "__func__", r) for r in post_init._live_receivers(Rendition)[0]]
    assert receivers == [ImageField.update_dimension_fields]
