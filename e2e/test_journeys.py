"""What a visitor and a village operator do, in Chromium, on a phone and on a desktop.

Assertions are about what a person sees (headings, text, links by their names), not about markup.
Every step leaves a screenshot in e2e/artifacts/.
"""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

VILLAGE = "/marang-kayu/sebuntal/"
PROFILE = VILLAGE + "profil/"
OPERATOR = "operator.sebuntal"
PASSWORD = "sinergi-demo"
# The demo's 6 articles per village fit on one page of the news index (10 a page); a search for the
# village's name finds every page of its site, which takes more than one page of results.
PAGED_QUERY = "Sebuntal"


def heading(page: Page, level: int = 1):
    return page.get_by_role("heading", level=level)


def open_menu(page: Page) -> None:
    """On a phone the header's menu and search box sit behind the "Menu" button (no JavaScript: a
    checkbox); on a desktop they are always shown."""
    button = page.get_by_role("banner").get_by_text("Menu", exact=True)
    if button.is_visible():
        button.click()


def search_word(title: str) -> str:
    """The longest plain word of a title: specific enough to find that article."""
    words = [w for w in re.findall(r"[^\W\d_]+", title) if len(w) >= 5]
    assert words, f"no searchable word in {title!r}"
    return max(words, key=len)


def test_visitor_reads_searches_and_browses_news(page: Page, shoot):
    # The village home shows its latest news.
    page.goto(VILLAGE)
    expect(heading(page)).to_have_text("Desa Sebuntal")
    latest = page.locator("section").filter(has=page.get_by_role("heading", name="Berita terbaru"))
    cards = latest.get_by_role("article")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 3, "the home page should show several recent articles"
    shoot(page, "beranda")

    # Opening an article shows it under its own title, with its text.
    link = cards.first.get_by_role("link").first
    title = link.inner_text().strip()
    link.click()
    expect(heading(page)).to_have_text(title)
    expect(page.get_by_role("navigation", name="Jejak halaman")).to_contain_text("Berita")
    body = page.get_by_role("main").locator(".prose")
    expect(body).to_be_visible()
    assert len(body.inner_text()) > 200, "the article should have its body text"
    shoot(page, "artikel")

    # The search box in the header finds that article by a word of its title.
    word = search_word(title)
    open_menu(page)
    box = page.get_by_role("banner").get_by_role("searchbox", name="Cari di situs ini")
    box.fill(word)
    box.press("Enter")
    expect(heading(page)).to_have_text("Pencarian")
    expect(page.get_by_role("main")).to_contain_text(f"hasil untuk “{word}”")
    expect(page.get_by_role("main").get_by_role("link", name=title)).to_be_visible()
    shoot(page, "pencarian")

    # The news index, reached from the main menu, lists the village's articles.
    open_menu(page)
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Berita", exact=True).click()
    expect(heading(page)).to_have_text("Berita")
    listed = page.get_by_role("main").get_by_role("article")
    expect(listed.first).to_be_visible()
    assert listed.count() >= 5, (
        f"the demo should have at least 5 articles per village, found {listed.count()}"
    )
    expect(page.get_by_role("main").get_by_role("link", name=title)).to_be_visible()
    shoot(page, "indeks-berita")

    # A listing longer than one page: the visitor goes on to page 2.
    open_menu(page)
    box = page.get_by_role("banner").get_by_role("searchbox", name="Cari di situs ini")
    box.fill(PAGED_QUERY)
    page.get_by_role("banner").get_by_role("button", name="Cari").click()
    pages = page.get_by_role("navigation", name="Halaman", exact=True)
    expect(pages).to_contain_text(re.compile(r"Halaman 1 dari \d+"))
    first_results = page.get_by_role("main").get_by_role("listitem").all_inner_texts()
    pages.get_by_role("link", name="Berikutnya").click()
    expect(pages).to_contain_text(re.compile(r"Halaman 2 dari \d+"))
    expect(page.get_by_role("main")).to_contain_text(f"hasil untuk “{PAGED_QUERY}”")
    expect(pages.get_by_role("link", name="Sebelumnya")).to_be_visible()
    second_results = page.get_by_role("main").get_by_role("listitem").all_inner_texts()
    assert second_results and second_results != first_results, "page 2 should show other results"
    shoot(page, "halaman-2")


def test_operator_edits_profile_and_visitors_see_it(page: Page, new_context, viewport_name, shoot):
    vision = f"Visi uji e2e {viewport_name} {uuid.uuid4().hex[:10]}"

    # A visitor reads the profile first, so that the page is in the public page cache.
    public = new_context().new_page()
    public.goto(PROFILE)
    expect(heading(public)).to_have_text("Profil Desa")
    expect(public.get_by_role("main")).not_to_contain_text(vision)

    # The operator signs in.
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Nama pengguna|Username", re.I)).fill(OPERATOR)
    page.get_by_label(re.compile("Kata sandi|Password", re.I)).fill(PASSWORD)
    shoot(page, "masuk")
    page.get_by_role("button", name=re.compile("Masuk|Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    shoot(page, "dasbor")

    # Their page explorer starts at their village; the profile's title opens its editor.
    page.goto("/admin/pages/")
    page.get_by_role("table").get_by_role("link", name="Profil Desa", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    field = page.get_by_role("textbox", name="Visi", exact=True)
    field.fill(vision)
    shoot(page, "ubah-visi")

    # Publishing sits in the footer's action menu.
    actions = page.get_by_role("navigation", name=re.compile("Actions|Tindakan", re.I))
    actions.get_by_role("button", name=re.compile("More actions|Tindakan lain", re.I)).click()
    page.get_by_role("button", name=re.compile(r"^(Terbitkan|Publikasi|Publikasikan|Publish)$")).click()
    expect(
        page.get_by_text(re.compile(r"Profil Desa.*(dipublikasi|diterbitkan|published)", re.I))
    ).to_be_visible()
    shoot(page, "terbit")

    # The operator sees the new vision on the public page ...
    page.goto(PROFILE)
    expect(page.get_by_role("main")).to_contain_text(vision)
    shoot(page, "profil-operator")

    # ... and so does the visitor, whose earlier copy came from the cache.
    public.reload()
    section = public.locator("section").filter(has=public.get_by_role("heading", name="Visi & Misi"))
    expect(section).to_contain_text(vision)
    shoot(public, "profil-pengunjung")
