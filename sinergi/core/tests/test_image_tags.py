"""{% sinergi_image %} and {% sinergi_srcset_image %}: Wagtail's tags and markup, their filters parsed
once, and the renditions of a page's pictures read in one query."""

from django.core.cache import caches
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from sinergi.core.models import want_renditions
from sinergi.core.tests.factories import make_image

TAGS = [
    ("image", "fill-96x96 format-webp class='logo' alt=''"),
    ("srcset_image", "fill-{160x107,320x213} format-webp sizes='9rem' alt='' loading='lazy'"),
    ("image", "height-64 format-webp as crest"),
    # The image's own title as the alt text, escaped; a boolean attribute; one candidate only.
    ("image", "width-40 class='a&b' data-x='\"<q>\"' hidden=True"),
    ("srcset_image", "width-{48} format-webp"),
]


def _render(source, image):
    return Template("{% load wagtailimages_tags sinergi %}" + source).render(
        Context({"photo": image, "request": RequestFactory().get("/")})
    )


def test_the_tags_give_wagtails_markup_and_keep_their_parsed_filters(sebuntal):
    image = make_image(sebuntal.collection, width=900, height=600)
    for tag, arguments in TAGS:
        source = f"{{% {tag} photo {arguments} %}}{{{{ crest.url|default:'' }}}}"
        ours = Template(
            "{% load wagtailimages_tags sinergi %}" + source.replace(f"{{% {tag} ", f"{{% sinergi_{tag} ")
        )
        expected = _render(source, image)
        assert expected.strip()
        context = Context({"photo": image, "request": RequestFactory().get("/")})
        assert ours.render(context) == expected
        node = next(n for n in ours.nodelist if type(n).__module__ == "sinergi.core.templatetags.sinergi")
        parsed = (
            node.get_filters()
            if hasattr(node, "get_filters") and tag == "srcset_image"
            else node.get_filter()
        )
        assert ours.render(context) == expected
        again = node.get_filters() if tag == "srcset_image" else node.get_filter()
        assert again is parsed  # made once, kept by the compiled template


def _fresh(images):
    """The images as a new request reads them: new instances, no renditions attached."""
    by_pk = get_image_model().objects.in_bulk([image.pk for image in images])
    return [by_pk[image.pk] for image in images]


CARD = "{% load sinergi %}{% sinergi_srcset_image photo fill-{160x107,320x213} format-webp alt='' %}"
LOGO = "{% load sinergi %}{% sinergi_image photo fill-96x96 format-webp class='logo' %}"


def test_a_pages_pictures_are_read_in_one_query_and_not_written_to_the_cache(sebuntal, monkeypatch):
    images = [
        make_image(sebuntal.collection, title=f'Foto "{n}" <desa>', width=400, height=300) for n in range(3)
    ]
    expected = []
    for image in _fresh(images):  # made once, as the first visitor after an upload makes them
        request = RequestFactory().get("/")
        expected.append(Template(CARD).render(Context({"photo": image, "request": request})))
        expected.append(Template(LOGO).render(Context({"photo": image, "request": request})))
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
            shown.append(Template(CARD).render(Context({"photo": image, "request": request})))
            shown.append(Template(LOGO).render(Context({"photo": image, "request": request})))

    assert shown == expected  # the same markup as Wagtail's lookup gave
    assert len(queries) == 1, [q["sql"] for q in queries]
    assert writes == []


def test_a_picture_the_page_did_not_note_is_found_as_wagtail_finds_it(sebuntal):
    image = make_image(sebuntal.collection, width=400, height=300)
    first = Template(LOGO).render(Context({"photo": image, "request": RequestFactory().get("/")}))
    (again,) = _fresh([image])
    request = RequestFactory().get("/")
    want_renditions(request, [])  # the page noted other pictures, not this one
    with CaptureQueriesContext(connection) as queries:
        assert Template(LOGO).render(Context({"photo": again, "request": request})) == first
    assert len(queries) == 0  # Wagtail's rendition cache, filled by the first rendering


def test_a_srcset_kept_in_a_variable_renders_as_wagtails(sebuntal):
    image = make_image(sebuntal.collection, width=400, height=300)
    source = (
        "{% srcset_image photo width-{48,96} format-webp as pics %}{{ pics }}|{{ pics.renditions.1.width }}"
    )
    expected = _render(source, image)
    assert 'srcset="' in expected and expected.endswith("|96")
    (again,) = _fresh([image])
    request = RequestFactory().get("/")
    want_renditions(request, [again])
    ours = Template("{% load sinergi %}" + source.replace("{% srcset_image", "{% sinergi_srcset_image"))
    assert ours.render(Context({"photo": again, "request": request})) == expected
