"""The public site as a citizen meets it (issue 14): tags, summaries, empty sections, the footer's
identity, described search results, officials once, cached media."""

import re

import pytest

from sinergi.core.tests.factories import make_image, make_news, section
from sinergi.regions.models import RegencyIdentity
from sinergi.villages.models import GalleryIndexPage, GovernmentPage, NewsIndexPage, Official

pytestmark = pytest.mark.django_db


def test_a_tag_with_a_space_links_to_a_listing_that_answers(client, sebuntal):
    article = make_news(sebuntal, "Musdes Penyusunan RKP Desa")
    article.tags.add("RKP Desa")
    article.save_revision().publish()

    html = client.get(article.url).content.decode()
    link = re.search(r'href="([^"]*/tag/[^"]*)"', html).group(1)
    assert link == "/marang-kayu/sebuntal/berita/tag/rkp-desa/"

    listing = client.get(link)
    assert listing.status_code == 200
    assert (
        "#RKP Desa" in listing.content.decode() and "Musdes Penyusunan RKP Desa" in listing.content.decode()
    )
    assert client.get("/marang-kayu/sebuntal/berita/tag/tidak-ada/").status_code == 404


def test_the_village_home_describes_itself_to_search_engines(client, sebuntal):
    home = sebuntal.page.specific
    home.tagline = ""
    home.save_revision().publish()

    html = client.get("/marang-kayu/sebuntal/").content.decode()

    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert description.startswith("Situs resmi Desa Sebuntal, Kecamatan Marang Kayu")


def test_an_empty_section_is_not_indexed_until_it_has_content(
    client, sebuntal, django_capture_on_commit_callbacks
):
    gallery = section(sebuntal, GalleryIndexPage)
    home = sebuntal.page.specific
    home.phone = "0541 123456"
    home.save_revision().publish()

    html = client.get(gallery.url).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "Belum ada isi di bagian ini" in html and "0541" in html  # how to reach the office
    sitemap = client.get("/sitemap-halaman.xml").content.decode()
    assert gallery.full_url not in sitemap
    news = section(sebuntal, NewsIndexPage)
    assert news.full_url not in sitemap

    with django_capture_on_commit_callbacks(execute=True):  # publishing clears the page cache on commit
        make_news(sebuntal, "Kerja Bakti Bersihkan Parit")

    html = client.get(news.url).content.decode()
    assert "noindex" not in html and "Belum ada isi di bagian ini" not in html
    assert news.full_url in client.get("/sitemap-halaman.xml").content.decode()


def test_every_footer_names_the_office_that_runs_the_site(client, sebuntal, regency):
    crest = make_image(regency.collection, title="Lambang")
    RegencyIdentity.objects.create(
        regency=regency,
        office_name="Dinas Komunikasi dan Informatika Kabupaten Kutai Kartanegara",
        crest=crest,
        ppid_url="https://ppid.example.test/",
        instagram_url="https://www.instagram.com/diskominfo.example",
    )
    home = sebuntal.page.specific
    home.whatsapp = "0812 3456 7890"
    home.office_hours = "Senin–Jumat 08.00–15.00 WITA"
    home.save_revision().publish()

    for url in ("/", "/marang-kayu/", "/marang-kayu/sebuntal/"):
        html = client.get(url).content.decode()
        footer = html[html.index('<footer class="foot">') :]
        assert "Dikelola oleh" in footer and "Dinas Komunikasi dan Informatika" in footer
        assert 'href="https://ppid.example.test/"' in footer and "Instagram" in footer
        assert 'class="crest"' in footer
    footer = html[html.index('<footer class="foot">') :]
    assert 'href="https://wa.me/6281234567890"' in footer
    assert "Senin–Jumat 08.00–15.00 WITA" in footer and "terakhir diperbarui" in footer


def test_search_results_show_type_village_date_and_an_excerpt(client, sebuntal):
    make_news(
        sebuntal, "Posyandu Melati menimbang balita", intro="Kader posyandu menimbang " + "balita " * 60
    )

    html = client.get("/cari/?q=posyandu").content.decode()

    results = html[html.index('<ol class="results">') :]
    assert "Posyandu Melati menimbang balita" in results
    assert "Berita" in results and "Desa Sebuntal" in results and "<time" in results
    excerpt = re.search(r"<p>(Kader posyandu[^<]*)</p>", results).group(1)
    assert excerpt.endswith("balita…")  # cut between words, not inside one


def test_the_government_page_shows_each_official_once_with_a_sharp_portrait(client, sebuntal):
    page = section(sebuntal, GovernmentPage)
    photo = make_image(sebuntal.collection, width=480, height=600)
    page.officials.add(
        Official(name="Hj. Siti Aminah", position="Kepala Desa", tier=Official.Tier.HEAD, photo=photo)
    )
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert html.count("Hj. Siti Aminah") == 1
    assert re.search(r'srcset="[^"]*fill-120x150[^"]* 120w, [^"]*fill-240x300[^"]* 240w"', html)


def test_media_files_are_cached_for_a_year(client, sebuntal):
    image = make_image(sebuntal.collection)

    response = client.get(image.file.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
