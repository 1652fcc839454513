"""{% sinergi_image %} and {% sinergi_srcset_image %}: Wagtail's tags, their filters parsed once."""

from django.template import Context, Template
from django.test import RequestFactory

from sinergi.core.tests.factories import make_image

TAGS = [
    ("image", "fill-96x96 format-webp class='logo' alt=''"),
    ("srcset_image", "fill-{160x107,320x213} format-webp sizes='9rem' alt='' loading='lazy'"),
    ("image", "height-64 format-webp as crest"),
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
