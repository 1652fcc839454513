"""Accessibility of every public page type of the demo and of the KIM member pages, on a phone and
on a desktop.

For each page: axe-core (the copy shipped inside axe-playwright-python; nothing is fetched) must
find no serious or critical violation, which covers form labels and text contrast among others;
the headings must form an outline (one h1 first, no skipped level); and keyboard focus must be
visible on every stop from the top of the page to the first link of the main content, with a
focus ring that stands out from what surrounds it. Every axe run is recorded for the summary table
printed at the end of the session.
"""

from __future__ import annotations

import re
import urllib.request
from html.parser import HTMLParser
from itertools import pairwise
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

VILLAGE = "/marang-kayu/sebuntal/"
NOT_FOUND = "/halaman-yang-tidak-pernah-ada/"
SEARCH = VILLAGE + "cari/?q=posyandu"
BLOCKING_IMPACTS = ("critical", "serious")
FOCUS_RING_MIN_CONTRAST = 3.0  # WCAG 1.4.11: user-interface components against adjacent colours
MAX_TAB_STOPS = 40

_item = r"(?!kategori/|tag/|rss/|cari/)[^/?#]+/"
# Page types and how to recognise a real URL of each among the demo's links.
PAGE_TYPES = {
    "portal": r"/",
    "kecamatan": r"/marang-kayu/",
    "desa": VILLAGE,
    "profil": VILLAGE + "profil/",
    "pemerintahan": VILLAGE + "pemerintahan/",
    "berita": VILLAGE + "berita/",
    "berita-artikel": VILLAGE + "berita/" + _item,
    "berita-kategori": VILLAGE + r"berita/kategori/[^/]+/",
    "pengumuman": VILLAGE + "pengumuman/",
    "pengumuman-halaman": VILLAGE + "pengumuman/" + _item,
    "agenda": VILLAGE + "agenda/",
    "agenda-halaman": VILLAGE + "agenda/" + _item,
    "galeri": VILLAGE + "galeri/",
    "galeri-album": VILLAGE + "galeri/" + _item,
    "potensi": VILLAGE + "potensi/",
    "potensi-halaman": VILLAGE + "potensi/" + _item,
    "produk-hukum": VILLAGE + "produk-hukum/",
    "produk-hukum-dokumen": VILLAGE + "produk-hukum/" + _item,
    "transparansi": VILLAGE + "transparansi/",
    "ppid": VILLAGE + "ppid/",
    "pengaduan": VILLAGE + "pengaduan/",
    "kontak": VILLAGE + "kontak/",
    "kim": VILLAGE + "kim/",
    "indeks": r"/indeks/",  # linked from the portal's footer
    "indeks-desa": r"/indeks/desa/[0-9.]+/",  # linked from the village site's footer
    "indeks-metodologi": r"/indeks/metodologi/",
    "pencarian": None,  # the search form's result page, SEARCH
    "404": None,  # NOT_FOUND
}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _links(base_url: str, path: str) -> list[str]:
    with urllib.request.urlopen(base_url + path, timeout=30) as response:
        parser = _Links()
        parser.feed(response.read().decode("utf-8", "replace"))
    paths = []
    for href in parser.hrefs:
        url = urlsplit(urljoin(base_url + path, href))
        if url.netloc == urlsplit(base_url).netloc and not url.query:
            paths.append(url.path)
    return paths


@pytest.fixture(scope="session")
def demo_pages(demo_server) -> dict[str, str]:
    """A real path of each page type, found by following the demo's own links."""
    patterns = {kind: re.compile(p + "$") for kind, p in PAGE_TYPES.items() if p}
    found = {"pencarian": SEARCH, "404": NOT_FOUND}
    seen, queue = set(), ["/", VILLAGE]
    while queue and len(seen) < 60:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        for link in _links(demo_server, path):
            for kind, pattern in patterns.items():
                if kind not in found and pattern.match(link):
                    found[kind] = link
                    queue.append(link)  # its links lead to the pages below it
        if len(found) == len(PAGE_TYPES):
            break
    return found


def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    def luminance(rgb):
        def channel(c):
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


HEADINGS_JS = """() => Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))
    .filter(h => h.checkVisibility() && !h.closest('[aria-hidden=true]'))
    .map(h => [Number(h.tagName[1]), h.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60)])"""

# The focused element, its outline, and the colour behind the middle of its focus ring (outlines
# are not hit-tested, so elementsFromPoint finds what the ring is drawn over).
FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const width = parseFloat(style.outlineWidth) || 0;
    const gap = Math.max(parseFloat(style.outlineOffset) || 0, 0) + width / 2;
    const parse = c => { const m = c.match(/[\\d.]+/g) || []; return m.map(Number); };
    const candidates = [
        [rect.left - gap, rect.top + rect.height / 2], [rect.right + gap, rect.top + rect.height / 2],
        [rect.left + rect.width / 2, rect.top - gap], [rect.left + rect.width / 2, rect.bottom + gap],
    ];
    let behind = null;
    for (const [x, y] of candidates) {
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        for (const under of document.elementsFromPoint(x, y)) {
            if (under === el || el.contains(under)) continue;
            const bg = parse(getComputedStyle(under).backgroundColor);
            if (bg.length === 4 && bg[3] === 0) continue;
            behind = bg.slice(0, 3);
            break;
        }
        if (!behind) behind = parse(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3);
        break;
    }
    const label = (el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' +
        (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"');
    return {
        label, inMain: !!el.closest('main'),
        style: style.outlineStyle, width, colour: parse(style.outlineColor).slice(0, 3), behind,
        visible: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0 &&
            rect.left < innerWidth && rect.top < innerHeight,
    };
}"""


def _heading_problems(page: Page) -> list[str]:
    headings = page.evaluate(HEADINGS_JS)
    outline = " > ".join(f"h{level} {text!r}" for level, text in headings)
    problems = []
    h1s = [h for h in headings if h[0] == 1]
    if len(h1s) != 1:
        problems.append(f"expected exactly one h1, found {len(h1s)}: {outline}")
    if headings and headings[0][0] != 1:
        problems.append(f"the first heading is h{headings[0][0]}, not h1: {outline}")
    for (before, _), (level, text) in pairwise(headings):
        if level > before + 1:
            problems.append(f"heading level skipped: h{before} then h{level} {text!r}")
    return problems


def _focus_problems(page: Page) -> list[str]:
    problems = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_JS)
        if focus is None:
            problems.append("Tab reached no focusable element")
            break
        where = focus["label"]
        if focus["style"] == "none" or focus["width"] < 2:
            problems.append(f"no visible focus outline on {where} ({focus['style']} {focus['width']}px)")
        elif not focus["visible"]:
            problems.append(f"focused element {where} is outside the viewport")
        elif focus["behind"]:
            ratio = _contrast(tuple(focus["colour"]), tuple(focus["behind"]))
            if ratio < FOCUS_RING_MIN_CONTRAST:
                problems.append(
                    f"focus ring of {where} has contrast {ratio:.2f}:1 against rgb{tuple(focus['behind'])} "
                    f"(needs {FOCUS_RING_MIN_CONTRAST}:1)"
                )
        if focus["inMain"]:
            break
    else:
        problems.append(f"no link in <main> within {MAX_TAB_STOPS} Tab presses")
    return problems


def _reflow_problems(page: Page) -> list[str]:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return [f"the page scrolls sideways by {overflow}px"] if overflow > 1 else []


def _scan(page: Page, kind: str, path: str, viewport_name: str, axe_scans, expected_status: int = 200):
    """Open `path` and fail on a serious axe violation, a broken heading outline, sideways scrolling
    or an invisible focus; every axe run is recorded for the session's summary."""
    response = page.goto(path)
    assert response.status == expected_status, f"{path}: HTTP {response.status}"
    page.wait_for_load_state("load")

    results = Axe().run(page).response
    violations = [
        {
            "id": v["id"],
            "impact": v.get("impact"),
            "help": v.get("help"),
            "targets": [" ".join(map(str, node["target"])) for node in v["nodes"]],
        }
        for v in results["violations"]
    ]
    engine = results.get("testEngine", {})
    axe_scans.append(
        {
            "kind": kind,
            "viewport": viewport_name,
            "url": path,
            "engine": f"{engine.get('name', 'axe-core')} {engine.get('version', '')}".strip(),
            "violations": violations,
        }
    )

    problems = [
        f"axe {v['id']} ({v['impact']}): {v['help']} — {', '.join(v['targets'][:8])}"
        + (f" (+{len(v['targets']) - 8} more)" if len(v["targets"]) > 8 else "")
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]
    problems += _heading_problems(page)
    problems += _reflow_problems(page)
    problems += _focus_problems(page)
    assert not problems, f"{viewport_name} {path}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_public_page_is_accessible(kind, page: Page, demo_pages, viewport_name, axe_scans):
    path = demo_pages.get(kind)
    assert path, f"the demo has no page of type {kind!r} reachable by links (looked for {PAGE_TYPES[kind]})"
    _scan(page, kind, path, viewport_name, axe_scans, expected_status=404 if kind == "404" else 200)


# The KIM member's pages (/kim/), used on cheap phones by people who are not technical. The lead of
# Sebuntal's KIM (demo account) reaches all of them, the member list included; None: found by a link.
KIM_LEAD_EMAIL = "ketua-kim.sebuntal@kim.example"
KIM_PASSWORD = "sinergi-demo"
KIM_PAGES = {
    "kim-masuk": "/kim/masuk/",
    "kim-kode-undangan": "/kim/undangan/",
    "kim-laporan-saya": "/kim/",
    "kim-kirim-berita": "/kim/laporan/baru/",
    "kim-laporan": None,  # the first report listed on /kim/
    "kim-ubah-laporan": None,  # its form, when it may still be changed
    "kim-kegiatan": "/kim/kegiatan/",
    "kim-notifikasi": "/kim/notifikasi/",
    "kim-anggota": "/kim/anggota/",
    "kim-tambah-anggota": "/kim/anggota/baru/",
    "kim-kata-sandi": "/kim/sandi/",
}
KIM_SIGNED_OUT = ("kim-masuk", "kim-kode-undangan")


def _sign_in_kim_lead(page: Page) -> None:
    page.goto("/kim/masuk/")
    page.get_by_label("Nomor HP atau surel").fill(KIM_LEAD_EMAIL)
    page.get_by_label("Kata sandi").fill(KIM_PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url(re.compile(r"/kim/$"))


def _kim_report_paths(page: Page) -> dict[str, str]:
    """The first of the lead's reports listed on /kim/, and its edit form if one of them has it."""
    page.goto("/kim/")
    reports = page.eval_on_selector_all(
        "main ul.reports a[href^='/kim/laporan/']", "links => links.map(a => a.getAttribute('href'))"
    )
    found = {"kim-laporan": reports[0]} if reports else {}
    for path in reports:
        page.goto(path)
        edit = page.get_by_role("main").get_by_role("link", name="Ubah", exact=True)
        if edit.count():
            found["kim-ubah-laporan"] = edit.get_attribute("href")
            break
    return found


@pytest.mark.parametrize("kind", list(KIM_PAGES))
def test_kim_member_page_is_accessible(kind, page: Page, viewport_name, axe_scans):
    if kind not in KIM_SIGNED_OUT:
        _sign_in_kim_lead(page)
    path = KIM_PAGES[kind] or _kim_report_paths(page).get(kind)
    assert path, f"the demo lead of KIM Sebuntal has no page of type {kind!r} (a report, an editable one)"
    _scan(page, kind, path, viewport_name, axe_scans)
