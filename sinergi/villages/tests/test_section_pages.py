"""A village section lists its items a page at a time (news, announcements, agenda, gallery, legal
documents), newest first, with the same queries on every page, and only that village's items."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sinergi.core.tests.factories import make_image, make_news, publish, section
from sinergi.villages.models import (
    AgendaIndexPage,
    AgendaPage,
    AnnouncementIndexPage,
    AnnouncementPage,
    GalleryAlbumPage,
    GalleryIndexPage,
    LegalDocumentPage,
    LegalIndexPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def _pages(client, url, titles_per_page):
    """Each page of the listing at `url`: its HTML and the queries it took."""
    found = []
    for number in range(1, len(titles_per_page) + 1):
        client.get(url, {"halaman": number})  # first view: renditions made, the site's paths cached
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"halaman": number})
        assert response.status_code == 200
        found.append((response.content.decode(), len(queries)))
    assert client.get(url, {"halaman": len(titles_per_page) + 1}).status_code == 404
    return found


def _check(client, url, titles, per_page, other_village_title):
    expected = [titles[start : start + per_page] for start in range(0, len(titles), per_page)]
    pages = _pages(client, url, expected)
    for (html, _queries), wanted in zip(pages, expected, strict=True):
        shown = [title for title in titles if title in html]
        assert shown == wanted, url
        assert other_village_title not in html
    assert len({queries for _html, queries in pages}) == 1, [queries for _html, queries in pages]


def test_news_pages_through_its_articles_newest_first(client, sebuntal, santan_ulu):
    image = make_image(sebuntal.collection)
    titles = [f"Kabar Nomor {n:02d}" for n in range(12, 0, -1)]  # newest first
    for n in range(1, 13):
        make_news(sebuntal, f"Kabar Nomor {n:02d}", date=dt.date(2026, 1, n), image=image if n % 2 else None)
    make_news(santan_ulu, "Kabar Desa Tetangga")
    _check(client, "/marang-kayu/sebuntal/berita/", titles, 10, "Kabar Desa Tetangga")


def test_announcements_archive_and_past_agenda_page_through_their_items(client, sebuntal, santan_ulu):
    today = timezone.localdate()
    notices = section(sebuntal, AnnouncementIndexPage)
    for n in range(1, 12):
        until = today - dt.timedelta(days=n)
        publish(notices, AnnouncementPage(title=f"Pengumuman Lama {n:02d}", slug=f"lama-{n}",
                                          valid_from=until - dt.timedelta(days=30), valid_until=until, body="<p>x</p>"))  # fmt: skip
    publish(notices, AnnouncementPage(title="Pengumuman Berlaku", slug="berlaku", valid_from=today,
                                      valid_until=today + dt.timedelta(days=3), body="<p>x</p>"))  # fmt: skip
    publish(section(santan_ulu, AnnouncementIndexPage), AnnouncementPage(
        title="Pengumuman Tetangga", slug="tetangga", valid_from=today - dt.timedelta(days=9),
        valid_until=today - dt.timedelta(days=2), body="<p>x</p>"))  # fmt: skip
    expired = [f"Pengumuman Lama {n:02d}" for n in range(1, 12)]  # the most recently ended first
    _check(client, "/marang-kayu/sebuntal/pengumuman/", expired, 10, "Pengumuman Tetangga")
    assert "Pengumuman Berlaku" in client.get("/marang-kayu/sebuntal/pengumuman/").content.decode()

    events = section(sebuntal, AgendaIndexPage)
    now = timezone.now()
    for n in range(1, 12):
        publish(events, AgendaPage(title=f"Acara Lalu {n:02d}", slug=f"lalu-{n}", start=now - dt.timedelta(days=n),
                                   place="Balai Desa"))  # fmt: skip
    publish(events, AgendaPage(title="Acara Mendatang", slug="mendatang", start=now + dt.timedelta(days=2),
                               place="Balai Desa"))  # fmt: skip
    past = [f"Acara Lalu {n:02d}" for n in range(1, 12)]
    _check(client, "/marang-kayu/sebuntal/agenda/", past, 10, "Acara Mendatang-tidak-ada")
    first = client.get("/marang-kayu/sebuntal/agenda/").content.decode()
    assert "Acara Mendatang" in first and first.index("Acara Mendatang") < first.index("Acara Lalu 01")


def test_gallery_and_legal_documents_page_through_their_items(client, sebuntal, santan_ulu):
    gallery = section(sebuntal, GalleryIndexPage)
    cover = make_image(sebuntal.collection)
    for n in range(1, 14):
        publish(gallery, GalleryAlbumPage(title=f"Album {n:02d}", slug=f"album-{n}", date=dt.date(2026, 2, n),
                                          cover=cover))  # fmt: skip
    albums = [f"Album {n:02d}" for n in range(13, 0, -1)]
    _check(client, "/marang-kayu/sebuntal/galeri/", albums, 12, "Album Tetangga")

    legal = section(sebuntal, LegalIndexPage)
    for n in range(1, 28):
        kind = LegalDocumentPage.Kind.PERDES if n % 2 else LegalDocumentPage.Kind.SK
        publish(legal, LegalDocumentPage(title=f"Produk {n:02d}", slug=f"produk-{n}", kind=kind, number=f"{n:02d}",
                                         year=2024 if n <= 20 else 2025, about=f"Tentang hal {n:02d}"))  # fmt: skip
    publish(section(santan_ulu, LegalIndexPage), LegalDocumentPage(
        title="Produk Tetangga", slug="tetangga", kind="perdes", number="1", year=2025, about="Tentang tetangga"))  # fmt: skip
    # Newest year first, then by kind and number (text: "01" < "02"...).
    ordered = sorted(
        range(1, 28), key=lambda n: (-(2024 if n <= 20 else 2025), "perdes" if n % 2 else "sk", f"{n:02d}")
    )
    about = [f"Tentang hal {n:02d}" for n in ordered]
    _check(client, "/marang-kayu/sebuntal/produk-hukum/", about, 25, "Tentang tetangga")

    url = "/marang-kayu/sebuntal/produk-hukum/"
    only_sk_2024 = client.get(url, {"jenis": "sk", "tahun": "2024"}).content.decode()
    assert [n for n in ordered if f"Tentang hal {n:02d}" in only_sk_2024] == list(range(2, 21, 2))
    only_2025 = client.get(url, {"tahun": "2025"}).content.decode()
    assert [n for n in range(1, 28) if f"Tentang hal {n:02d}" in only_2025] == list(range(21, 28))
    assert "Tentang tetangga" not in only_2025
    nothing = client.get(url, {"tahun": "99999"}).content.decode()
    assert "Belum ada produk hukum." in nothing and "Tentang hal" not in nothing
    assert "Tentang hal 01" in client.get(url, {"jenis": "bukan-jenis"}).content.decode()
