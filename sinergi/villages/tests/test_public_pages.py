import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import PageViewRestriction

from sinergi.core.models import SinergiDocument
from sinergi.core.tests.factories import make_image, make_news, publish, section
from sinergi.villages.models import (
    AgendaIndexPage,
    AgendaPage,
    AnnouncementIndexPage,
    AnnouncementPage,
    BpdMember,
    GovernmentPage,
    Institution,
    NewsAttachment,
    NewsIndexPage,
    NewsPage,
    Official,
    VillageHomePage,
)

pytestmark = pytest.mark.django_db


def test_the_village_home_shows_news_announcements_agenda_and_quick_links(client, sebuntal):
    make_news(sebuntal, "Posyandu Balita Bulan Ini", intro="Kegiatan posyandu rutin.")
    today = timezone.localdate()
    publish(
        section(sebuntal, AnnouncementIndexPage),
        AnnouncementPage(title="Jadwal Pembagian BLT", valid_from=today, valid_until=today + dt.timedelta(days=5),
                         body="<p>Di balai desa.</p>"),
    )  # fmt: skip
    publish(
        section(sebuntal, AnnouncementIndexPage),
        AnnouncementPage(title="Pengumuman Lama", valid_from=today - dt.timedelta(days=30),
                         valid_until=today - dt.timedelta(days=1), body="<p>Lewat.</p>"),
    )  # fmt: skip
    publish(
        section(sebuntal, AgendaIndexPage),
        AgendaPage(
            title="Musyawarah Desa RKPDes", start=timezone.now() + dt.timedelta(days=3), place="Balai Desa"
        ),
    )

    html = client.get("/marang-kayu/sebuntal/").content.decode()

    assert "Posyandu Balita Bulan Ini" in html
    assert "Jadwal Pembagian BLT" in html
    assert "Pengumuman Lama" not in html
    assert "Musyawarah Desa RKPDes" in html
    for link in ("/marang-kayu/sebuntal/transparansi/", "/marang-kayu/sebuntal/ppid/",
                 "/marang-kayu/sebuntal/pengaduan/", "/marang-kayu/sebuntal/kontak/"):  # fmt: skip
        assert f'href="{link}"' in html


def test_an_article_shows_its_date_in_indonesian_breadcrumbs_and_share_links(client, sebuntal):
    article = make_news(sebuntal, "Gotong Royong Bersihkan Parit", date=dt.date(2025, 8, 17))

    html = client.get(article.url).content.decode()

    assert "Minggu, 17 Agustus 2025" in html
    assert 'aria-label="Jejak halaman"' in html
    assert 'href="/marang-kayu/sebuntal/berita/">Berita</a>' in html
    assert "https://wa.me/?text=" in html
    assert html.index("WhatsApp") < html.index("Facebook")
    assert '<meta property="og:title" content="Gotong Royong Bersihkan Parit">' in html
    assert (
        '<link rel="canonical" href="http://localhost/marang-kayu/sebuntal/berita/gotong-royong-bersihkan-parit/">'
        in html
    )


def test_an_article_is_announced_as_an_article_with_its_date_and_the_home_as_a_website(client, sebuntal):
    article = make_news(sebuntal, "Kerja Bakti Jembatan", date=dt.date(2025, 8, 17))

    html = client.get(article.url).content.decode()
    home = client.get("/marang-kayu/sebuntal/").content.decode()

    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="article:published_time" content="2025-08-17">' in html
    assert '<meta property="og:type" content="website">' in home
    assert "article:published_time" not in home


def test_an_article_lists_its_tags_and_attachments_and_a_preview_shows_the_edited_ones(client, rf, sebuntal):
    document = SinergiDocument.objects.create(
        title="Notulen Musdes", collection=sebuntal.collection, file=ContentFile(b"%PDF-1.4\n", name="n.pdf")
    )
    article = make_news(sebuntal, "Musyawarah Desa 2026")
    article.tags.add("musdes", "anggaran")
    article.attachments.add(NewsAttachment(document=document))
    article.save_revision().publish()

    html = client.get(article.url).content.decode()
    assert ">#musdes</a>" in html and ">#anggaran</a>" in html
    assert 'href="/marang-kayu/sebuntal/berita/tag/musdes/"' in html
    assert "Notulen Musdes</a> (PDF)" in html

    # An editor's preview: the form's tags and attachments, held in memory, not the published ones.
    draft = NewsPage.objects.get(pk=article.pk)
    draft.tags.set(["pemilihan"])
    draft.attachments = []
    request = rf.get(article.url)
    request.user = AnonymousUser()
    context = draft.get_context(request)
    assert [tag.name for tag in context["tags"]] == ["pemilihan"]
    assert list(context["attachments"]) == []
    assert ">#musdes</a>" in client.get(article.url).content.decode()  # the public still sees these


def test_the_government_page_shows_its_people_and_a_preview_shows_the_edited_ones(client, rf, sebuntal):
    government = section(sebuntal, GovernmentPage)
    photo = make_image(sebuntal.collection, width=400, height=500)
    government.officials = [
        Official(name="H. Abdul Rahman", position="Kepala Desa", tier=Official.Tier.HEAD, photo=photo)
    ]
    government.bpd_members = [BpdMember(name="Siti Rahmah", position="Ketua BPD")]
    government.institutions = [Institution(name="PKK Desa Sebuntal", leader="Ibu Nur")]
    government.save_revision().publish()

    html = client.get(government.url).content.decode()
    assert "H. Abdul Rahman" in html and "Siti Rahmah" in html and "PKK Desa Sebuntal" in html
    assert 'srcset="' in html  # the official's photo

    draft = GovernmentPage.objects.get(pk=government.pk)
    draft.officials = [Official(name="Budi Santoso", position="Kepala Desa", tier=Official.Tier.HEAD)]
    draft.bpd_members = []
    draft.institutions = [Institution(name="Karang Taruna")]
    request = rf.get(government.url)
    request.user = AnonymousUser()
    context = draft.get_context(request)
    assert [official.name for official in context["officials"]] == ["Budi Santoso"]
    assert list(context["bpd_members"]) == []
    assert [body.name for body in context["institutions"]] == ["Karang Taruna"]
    assert "H. Abdul Rahman" in client.get(government.url).content.decode()  # the public still sees these


def test_article_images_are_webp_renditions_with_width_and_height(client, sebuntal):
    image = make_image(sebuntal.collection, width=1600, height=1000)
    article = make_news(sebuntal, "Panen Raya Padi", image=image)

    html = client.get(article.url).content.decode()

    assert ".webp" in html
    assert 'srcset="' in html
    assert 'width="480"' in html and 'height="300"' in html
    assert '<meta property="og:image" content="http://testserver/media/' in html


def test_the_news_index_paginates_and_filters_by_category(client, sebuntal):
    for n in range(12):
        make_news(sebuntal, f"Kabar ke-{n}", date=dt.date(2025, 1, 1) + dt.timedelta(days=n))
    category = section(sebuntal, NewsIndexPage).categories.get(slug="kesehatan")
    make_news(sebuntal, "Vaksinasi Anak", category=category, date=dt.date(2024, 1, 1))

    first = client.get("/marang-kayu/sebuntal/berita/").content.decode()
    second = client.get("/marang-kayu/sebuntal/berita/?halaman=2").content.decode()
    filtered = client.get("/marang-kayu/sebuntal/berita/kategori/kesehatan/").content.decode()

    assert "Kabar ke-11" in first and "Vaksinasi Anak" not in first
    assert "Halaman 1 dari 2" in first
    assert "Vaksinasi Anak" in second
    assert "Vaksinasi Anak" in filtered and "Kabar ke-11" not in filtered
    assert client.get("/marang-kayu/sebuntal/berita/?halaman=99").status_code == 404
    assert client.get("/marang-kayu/sebuntal/berita/?halaman=abc").status_code == 200


def test_the_rss_feed_lists_the_village_news(client, sebuntal):
    make_news(sebuntal, "Pelatihan UMKM Amplang")
    response = client.get("/marang-kayu/sebuntal/berita/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert b"Pelatihan UMKM Amplang" in response.content


def test_search_within_a_village_finds_only_that_village(client, sebuntal, santan_ulu):
    make_news(sebuntal, "Tambak Udang Windu", body="<p>Budidaya udang windu di Sebuntal.</p>")
    make_news(santan_ulu, "Udang Galah Santan", body="<p>Budidaya udang galah.</p>")

    village = client.get("/marang-kayu/sebuntal/cari/", {"q": "udang"}).content.decode()
    portal = client.get("/cari/", {"q": "udang"}).content.decode()

    assert "Tambak Udang Windu" in village and "Udang Galah Santan" not in village
    assert "Tambak Udang Windu" in portal and "Udang Galah Santan" in portal


def test_search_finds_a_village_by_its_other_spelling(client, db):
    html = client.get("/cari/", {"q": "Semangkok"}).content.decode()
    assert "Desa Semangko" in html


def test_the_government_page_draws_the_organisation_chart(client, sebuntal):
    government = section(sebuntal, GovernmentPage)
    government.officials = [
        Official(name="H. Abdul Rahman", position="Kepala Desa", tier=Official.Tier.HEAD),
        Official(name="Siti Aminah", position="Sekretaris Desa", tier=Official.Tier.SECRETARIAT),
        Official(name="Budi", position="Kepala Dusun I", tier=Official.Tier.REGIONAL),
    ]
    government.save_revision().publish()

    html = client.get(government.url).content.decode()

    assert "Struktur Organisasi" in html
    assert html.index("H. Abdul Rahman") < html.index("Siti Aminah") < html.index("Kepala Dusun I")


def test_the_portal_lists_news_from_every_village_and_the_kecamatan(client, sebuntal, santan_ulu):
    make_news(sebuntal, "Kabar dari Sebuntal")
    make_news(santan_ulu, "Kabar dari Santan Ulu")

    html = client.get("/").content.decode()

    assert "Kabar dari Sebuntal" in html and "Desa Sebuntal" in html
    assert "Kabar dari Santan Ulu" in html
    assert "Kecamatan Marang Kayu" in html and "Kecamatan Tenggarong" in html


def test_the_brand_colour_is_applied_and_allowed_by_the_csp(client, sebuntal):
    home = VillageHomePage.objects.get(pk=sebuntal.page.pk)
    home.primary_colour = "#0D47A1"
    home.save_revision().publish()

    response = client.get("/marang-kayu/sebuntal/")

    assert "<style>:root{--brand:#0D47A1}</style>" in response.content.decode()
    assert "'sha256-" in response["Content-Security-Policy"]


def test_missing_pages_get_an_indonesian_404(client, db):
    response = client.get("/marang-kayu/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_server_errors_get_an_indonesian_500(rf):
    from sinergi.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Terjadi gangguan" in response.content.decode()


def test_sitemap_and_robots(client, sebuntal):
    make_news(sebuntal, "Berita Untuk Peta Situs")
    sitemap = client.get("/sitemap-halaman.xml").content.decode()
    assert "/marang-kayu/sebuntal/berita/berita-untuk-peta-situs/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots


def _menu(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert '<nav class="menu"' in html, url
    nav = html.split('<nav class="menu"', 1)[1].split("</nav>", 1)[0]
    return [part.split('"', 1)[0] for part in nav.split('href="')[1:]]


def test_every_page_of_a_site_shows_its_menu_of_public_sections(
    client, sebuntal, django_capture_on_commit_callbacks
):
    article = make_news(sebuntal, "Jalan Desa Diperbaiki")
    home_menu = _menu(client, "/marang-kayu/sebuntal/")
    assert "/marang-kayu/sebuntal/berita/" in home_menu and len(home_menu) >= 4
    assert _menu(client, article.url) == home_menu  # read on its own there, the same sections

    portal_menu = _menu(client, "/")
    assert portal_menu and all(link.count("/") == 2 for link in portal_menu)  # the portal's sections
    assert "/marang-kayu/" not in portal_menu  # kecamatan pages are not menu sections
    assert _menu(client, "/marang-kayu/") == portal_menu

    news = section(sebuntal, NewsIndexPage)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    assert "/marang-kayu/sebuntal/berita/" not in _menu(client, "/marang-kayu/sebuntal/")
    assert "/marang-kayu/sebuntal/berita/" not in _menu(
        client, article.url.replace("berita/jalan-desa-diperbaiki/", "kontak/")
    )
