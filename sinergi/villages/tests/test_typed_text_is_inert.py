"""Whatever an operator types into a plain field is shown as text, never run as HTML."""

import pytest
from django.utils.html import escape

from sinergi.core.tests.factories import make_news, section
from sinergi.villages.models import GovernmentPage, Official, VillageHomePage

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">klik</a>',
    "</title><svg onload=alert(1)>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_fields_are_escaped_on_public_pages(client, sebuntal, text):
    home = VillageHomePage.objects.get(pk=sebuntal.page.pk)
    home.tagline = text
    home.address = text
    home.office_hours = text
    home.save_revision().publish()
    government = section(sebuntal, GovernmentPage)
    government.officials = [Official(name=text, position=text, tier=Official.Tier.HEAD)]
    government.save_revision().publish()
    article = make_news(sebuntal, "Judul " + text, intro=text, credit=text, image_caption=text)

    pages = [
        client.get(url).content.decode()
        for url in ("/marang-kayu/sebuntal/", government.url, article.url, "/")
    ]

    for html in pages:
        assert "<script>alert" not in html
        assert "onerror=alert(1)>" not in html
        assert "<svg onload" not in html
        assert 'href="javascript:' not in html
    assert escape(text) in pages[0]  # shown to the reader as the text that was typed
