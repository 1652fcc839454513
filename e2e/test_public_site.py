"""The public site as a citizen meets it on a cheap phone (issue 14), and the operator's first contact.

The phone's first screen shows the village and its services; the menu opens without JavaScript; a
very long word typed into a title or a place never makes a page scroll sideways; every menu, footer
and tag link of the demo answers 200; the admin's sign-in page has no English.
"""

import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from e2e.conftest import VIEWPORTS

pytestmark = pytest.mark.browser

VILLAGE = "/marang-kayu/sebuntal/"
PHONE = VIEWPORTS["ponsel"]
LONG_WORD = "Pembangunan" * 11 + "Desa"  # 125 letters …
LONG_WORD += "X"  # … 126, as in the audit
# Where people's words are shown: titles, names, places, the header's village name.
PEOPLES_TEXT = "h1, h2, h3, .card a, .meta, small, .brand span, main p, main dd, main li a, summary"
PAGES_WITH_PEOPLES_TEXT = [
    "/",
    "/marang-kayu/",
    VILLAGE,
    VILLAGE + "berita/",
    VILLAGE + "kim/",
    VILLAGE + "agenda/",
]
ENGLISH_ON_LOGIN = ("Sign in", "Password", "Forgotten", "Remember me", "Wagtail", "Username", "Log in")


@pytest.fixture
def phone(browser, demo_server):
    context = browser.new_context(base_url=demo_server, locale="id-ID", **PHONE)
    yield context.new_page()
    context.close()


def test_the_phone_first_screen_shows_the_village_its_tagline_and_its_services(phone):
    phone.goto(VILLAGE)

    name = phone.get_by_role("heading", level=1)
    expect(name).to_have_text("Desa Sebuntal")
    assert name.bounding_box()["y"] + name.bounding_box()["height"] <= 300
    services = phone.get_by_role("region", name="Layanan desa").get_by_role("link")
    header_bottom = phone.get_by_role("banner").bounding_box()
    on_first_screen = [
        box
        for box in (link.bounding_box() for link in services.all())
        if box
        and box["y"] >= header_bottom["y"] + header_bottom["height"]
        and box["y"] + box["height"] <= 740
    ]
    assert len(on_first_screen) >= 3, f"{len(on_first_screen)} service buttons within the first 740 px"
    phone.screenshot(path="e2e/artifacts/layar-pertama-ponsel.png")


def test_the_phone_menu_opens_without_javascript(browser, demo_server):
    context = browser.new_context(base_url=demo_server, java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(VILLAGE)
    menu = page.get_by_role("navigation", name="Menu utama")
    expect(menu).to_be_hidden()

    page.get_by_role("banner").get_by_text("Menu", exact=True).click()

    expect(menu).to_be_visible()
    menu.get_by_role("link", name="Berita", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Berita")
    context.close()


@pytest.mark.parametrize("path", PAGES_WITH_PEOPLES_TEXT)
def test_a_very_long_word_never_makes_a_page_scroll_sideways(phone, demo_server, path):
    phone.goto(path)
    # The stylesheet is what is under test: people's text is replaced in place by one long word.
    replaced = phone.evaluate(
        """([selector, word]) => {
            const nodes = document.querySelectorAll(selector);
            nodes.forEach((node) => { if (!node.querySelector("img, svg, input")) node.textContent = word; });
            return nodes.length;
        }""",
        [PEOPLES_TEXT, LONG_WORD],
    )
    assert replaced > 3
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["viewport"]["width"], f"{path} is {width} px wide on a 360 px phone"


class _Links(HTMLParser):
    """Links by where they stand: the header's menu, the footer, the tag lists."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag in ("nav", "footer", "div", "section", "ul"):
            where = (
                "menu"
                if "menu" in classes
                else "footer"
                if tag == "footer"
                else "tags"
                if "chips" in classes
                else ""
            )
            self.stack.append(where)
        if tag == "a" and a.get("href"):
            where = next((w for w in reversed(self.stack) if w), "")
            if where:
                self.found.append((where, a["href"]))

    def handle_endtag(self, tag):
        if tag in ("nav", "footer", "div", "section", "ul") and self.stack:
            self.stack.pop()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_every_menu_footer_and_tag_link_of_the_demo_answers_200(demo_server):
    host = urlsplit(demo_server).netloc
    _status, news = _get(demo_server + VILLAGE + "berita/")
    articles = sorted(
        set(re.findall(r'href="(' + re.escape(VILLAGE) + r'berita/(?!kategori/|tag/|rss/)[^"/]+/)"', news))
    )
    assert articles, "the demo's news index lists its articles"
    links: dict[str, str] = {}
    for path in ["/", "/marang-kayu/", VILLAGE, *articles]:
        status, html = _get(demo_server + path)
        assert status == 200, path
        parser = _Links()
        parser.feed(html)
        for where, href in parser.found:
            url = urljoin(demo_server + path, href)
            if (
                urlsplit(url).netloc == host
            ):  # the regency's accounts and sites elsewhere are not ours to check
                links.setdefault(url.split("#")[0], where)
    kinds = set(links.values())
    assert {"menu", "footer", "tags"} <= kinds, kinds

    broken = [(where, url, status) for url, where in links.items() if (status := _get(url)[0]) != 200]

    assert not broken, broken


def test_the_admin_sign_in_page_has_no_english(phone):
    phone.goto("/admin/login/")

    expect(phone.get_by_role("heading", level=1)).to_have_text("Masuk ke Sinergi")
    text = phone.locator("body").inner_text()
    placeholders = " ".join(
        phone.locator("input").evaluate_all("(inputs) => inputs.map((i) => i.placeholder || '')")
    )
    for english in ENGLISH_ON_LOGIN:
        assert english not in text and english not in placeholders, english
    assert "Sinergi" in phone.title() and "Wagtail" not in phone.title()
