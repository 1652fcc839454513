"""Bidirectional overrides and other invisible characters never reach a saved title, name or place."""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django_scopes import scope

from sinergi.core.models import SinergiDocument
from sinergi.core.tests.factories import make_image, make_news
from sinergi.kim.models import Kim, KimMember
from sinergi.kim.services import save_report

pytestmark = pytest.mark.django_db

SPOOFED = "\u202egnp.exe"  # shows as "exe.png"
INVISIBLE = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\ufeff\x00\x07"


def test_a_right_to_left_override_is_removed_from_a_published_page_title(sebuntal):
    page = make_news(sebuntal, f"Rapat {SPOOFED}")
    page.refresh_from_db()
    assert page.title == "Rapat gnp.exe"
    assert page.draft_title == "Rapat gnp.exe"
    body = Client().get(page.url).content.decode()
    assert "\u202e" not in body
    assert "Rapat gnp.exe" in body


def test_every_invisible_control_character_is_removed_from_image_and_document_titles(sebuntal):
    image = make_image(sebuntal.collection, title=f"Foto{INVISIBLE} balai")
    document = SinergiDocument.objects.create(
        title=f"APBDes {SPOOFED}",
        collection=sebuntal.collection,
        file=ContentFile(b"%PDF-1.4\n", name="a.pdf"),
    )
    image.refresh_from_db()
    document.refresh_from_db()
    assert image.title == "Foto balai"
    assert document.title == "APBDes gnp.exe"


def test_kim_report_titles_places_and_member_names_lose_invisible_characters(sebuntal):
    with scope(village=sebuntal):
        kim = Kim.objects.create(village=sebuntal, name=f"KIM {SPOOFED}", decree_number="141/05/SK/2023")
        member = KimMember.objects.create(kim=kim, name=f"Andi\u200f Saputra{INVISIBLE}")
        report = save_report(
            member,
            client_key=uuid.uuid4(),
            fields={
                "title": f"Gotong royong {SPOOFED} di Dusun II",
                "body": "Warga Dusun II bergotong royong membersihkan parit pada Sabtu pagi.",
                "place": "Dusun\u2066 II\u2069 RT 05",
            },
        ).report
        report.refresh_from_db()
        kim.refresh_from_db()
        member.refresh_from_db()
    assert kim.name == "KIM gnp.exe"
    assert member.name == "Andi Saputra"
    assert report.title == "Gotong royong gnp.exe di Dusun II"
    assert report.place == "Dusun II RT 05"


def test_joiners_and_arabic_text_in_multi_line_fields_are_kept(sebuntal):
    """Zero-width joiners build emoji and some scripts; RLM in a body is legitimate Arabic-script text."""
    page = make_news(sebuntal, "Keluarga 👨\u200d👩\u200d👧", intro="مرحبا\u200f بالعالم")
    page.refresh_from_db()
    assert page.title == "Keluarga 👨\u200d👩\u200d👧"
    assert page.intro == "مرحبا\u200f بالعالم"


def test_a_control_character_in_a_news_intro_does_not_break_the_rss_feed(sebuntal):
    """XML 1.0 cannot carry C0 controls: the feed answered 500 for a pasted BEL in an intro."""
    page = make_news(sebuntal, "Rapat desa", intro="Ringkasan\x07 rapat\x0b desa\nbaris dua")
    page.refresh_from_db()
    assert page.intro == "Ringkasan rapat desa\nbaris dua"
    response = Client().get(f"{page.get_parent().url}rss/")
    assert response.status_code == 200
    assert "Ringkasan rapat desa" in response.content.decode()
