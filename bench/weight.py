"""Part 3: page weight, as a first visit with an empty cache would download it.

The HTML is fetched with Accept-Encoding: gzip and parsed (html.parser) for everything a browser loads
for it: stylesheets, scripts, icons (not data: URIs), preloads, a web manifest, and from the stylesheets
their @imports, fonts and background images. Each is fetched once, with gzip, and counted as it
crossed the wire: response headers + (compressed) body. Content images (<img>, srcset) are counted
separately and excluded from the main figure; for srcset the candidate the viewport would pick is
fetched: a 360 CSS px wide phone at device pixel ratio 2 (PHONE), or a 1366 px desktop at ratio 1 (DESKTOP).
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from bench.wire import Client, Response

ROOT_FONT_PX = 16


@dataclass(frozen=True)
class Viewport:
    name: str
    width_css_px: int
    pixel_ratio: float


PHONE = Viewport("phone", 360, 2)
DESKTOP = Viewport("desktop", 1366, 1)
VIEWPORT_CSS_PX = PHONE.width_css_px
DEVICE_PIXEL_RATIO = PHONE.pixel_ratio

TARGET_BYTES = 14 * 1024
TARGET_REQUESTS = 3

CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.IGNORECASE)
FONT_EXTENSIONS = (".woff2", ".woff", ".ttf", ".otf", ".eot")


@dataclass
class ImageRef:
    src: str
    srcset: str
    sizes: str
    lazy: bool


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.assets: list[tuple[str, str]] = []  # (kind, url), in document order
        self.images: list[ImageRef] = []
        self.inline_css: list[str] = []
        self.unfollowed: list[str] = []
        self.links: list[str] = []
        self._in_style = False
        self._picture_source: tuple[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "link":
            rel = set(a.get("rel", "").lower().split())
            href = a.get("href", "")
            if not href or href.startswith("data:"):
                return
            if "stylesheet" in rel:
                self.assets.append(("stylesheet", href))
            elif rel & {"icon", "apple-touch-icon", "mask-icon"}:
                self.assets.append(("icon", href))
            elif rel & {"preload", "modulepreload"}:
                self.assets.append((f"preload:{a.get('as', '')}", href))
            elif "manifest" in rel:
                self.assets.append(("manifest", href))
        elif tag == "script" and a.get("src"):
            self.assets.append(("script", a["src"]))
        elif tag == "style":
            self._in_style = True
        elif tag == "picture":
            self._picture_source = None
        elif tag == "source" and a.get("srcset") and self._picture_source is None:
            self._picture_source = (a["srcset"], a.get("sizes", ""))
        elif tag == "img":
            srcset, sizes = a.get("srcset", ""), a.get("sizes", "")
            if self._picture_source:
                srcset, sizes = self._picture_source
            if a.get("src", "").startswith("data:") and not srcset:
                return
            self.images.append(ImageRef(a.get("src", ""), srcset, sizes, a.get("loading", "") == "lazy"))
        elif tag in ("iframe", "embed", "object", "video", "audio"):
            self.unfollowed.append(f"<{tag}> {a.get('src') or a.get('data') or a.get('poster') or ''}")
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if a.get("style") and "url(" in a["style"]:
            self.inline_css.append(a["style"])

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        elif tag == "picture":
            self._picture_source = None

    def handle_data(self, data):
        if self._in_style:
            self.inline_css.append(data)


def _css_px(length: str, viewport: Viewport = PHONE) -> float | None:
    match = re.fullmatch(r"\s*([\d.]+)(px|vw|em|rem)\s*", length)
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2)
    return {"px": value, "vw": value * viewport.width_css_px / 100}.get(unit, value * ROOT_FONT_PX)


def _media_matches(condition: str, viewport: Viewport = PHONE) -> bool:
    """(min-width: X) / (max-width: X), joined with 'and'; anything else counts as not matching."""
    for part in re.split(r"\s+and\s+", condition.strip()):
        match = re.fullmatch(r"\(\s*(min|max)-width\s*:\s*([^)]+)\)", part.strip())
        limit = _css_px(match.group(2), viewport) if match else None
        if limit is None:
            return False
        if (match.group(1) == "min" and limit > viewport.width_css_px) or (
            match.group(1) == "max" and limit < viewport.width_css_px
        ):
            return False
    return True


def _slot_px(sizes: str, viewport: Viewport = PHONE) -> float:
    for entry in filter(None, (e.strip() for e in sizes.split(","))):
        if entry.startswith("("):
            condition, _, length = entry.rpartition(")")
            if not _media_matches(condition + ")", viewport):
                continue
        else:
            length = entry
        px = _css_px(length, viewport)
        if px is not None:
            return px
    return viewport.width_css_px


def choose_image(image: ImageRef, viewport: Viewport = PHONE) -> str:
    """The URL a browser on `viewport` would fetch for this <img>."""
    candidates = []
    for item in filter(None, (c.strip() for c in image.srcset.split(","))):
        url, _, descriptor = item.partition(" ")
        descriptor = descriptor.strip() or "1x"
        candidates.append((url, descriptor))
    if not candidates:
        return image.src
    if all(d.endswith("w") for _, d in candidates):
        needed = _slot_px(image.sizes, viewport) * viewport.pixel_ratio
        by_width = sorted(candidates, key=lambda c: float(c[1][:-1]))
        return next((u for u, d in by_width if float(d[:-1]) >= needed), by_width[-1][0])
    by_density = sorted(candidates, key=lambda c: float(c[1].rstrip("x") or 1))
    return next(
        (u for u, d in by_density if float(d.rstrip("x") or 1) >= viewport.pixel_ratio), by_density[-1][0]
    )


@dataclass
class Fetched:
    kind: str
    response: Response


@dataclass
class PageWeight:
    name: str
    path: str
    html: Response
    assets: list[Fetched] = field(default_factory=list)
    images: list[Fetched] = field(default_factory=list)
    lazy_images: int = 0
    notes: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    viewport: Viewport = PHONE
    desktop: "PageWeight | None" = None  # the same page measured on DESKTOP, where asked for

    @property
    def html_wire(self) -> int:
        return self.html.wire_bytes

    @property
    def total_wire(self) -> int:
        return self.html.wire_bytes + sum(f.response.wire_bytes for f in self.assets)

    @property
    def requests(self) -> int:
        return 1 + len(self.assets)

    @property
    def image_wire(self) -> int:
        return sum(f.response.wire_bytes for f in self.images)

    @property
    def everything_wire(self) -> int:
        """What the first visit downloads on this viewport, content images (eager and lazy) included."""
        return self.total_wire + self.image_wire

    def breakdown(self) -> str:
        parts = [f"HTML {self.html.header_bytes:,} B headers + {self.html.body_bytes:,} B body"]
        for f in self.assets:
            name = urlsplit(f.response.url).path.rsplit("/", 1)[-1] or f.response.url
            parts.append(
                f"{f.kind} {name} {f.response.header_bytes:,} + {f.response.body_bytes:,} B"
                + ("" if f.response.status == 200 else f" (HTTP {f.response.status})")
            )
        return "; ".join(parts)


def measure(client: Client, name: str, path: str, viewport: Viewport = PHONE) -> PageWeight:
    base = f"http://{client.host}:{client.port}"
    html = client.get(path, accept="text/html,application/xhtml+xml,*/*;q=0.8")
    page = PageWeight(name, path, html, viewport=viewport)
    if html.status != 200:
        page.notes.append(f"{name}: HTTP {html.status} for {path}")
        return page
    if html.headers.get("content-encoding") != "gzip":
        page.notes.append(f"{name}: the HTML was not gzip-compressed")

    parser = _Resources()
    parser.feed(html.body.decode("utf-8", "replace"))
    page.links = parser.links
    page.notes += [f"{name}: not followed: {u}" for u in parser.unfollowed]
    seen = {urljoin(base, path)}

    def fetch(kind: str, url: str, page_url: str) -> Response | None:
        absolute = urljoin(page_url, url)
        if absolute in seen:
            return None
        seen.add(absolute)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            return None
        if parts.netloc != urlsplit(base).netloc:
            page.notes.append(f"{name}: {kind} from another host, not fetched: {absolute}")
            return None
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        response.url = absolute
        if response.status != 200:
            page.notes.append(f"{name}: HTTP {response.status} for {kind} {absolute}")
        return response

    def fetch_css_children(css: str, css_url: str) -> None:
        for url in CSS_IMPORT.findall(css):
            fetch_asset("css @import", url, css_url)
        for groups in CSS_URL.findall(css):
            url = next((g for g in groups if g), "")
            if not url or url.startswith(("data:", "#")):
                continue
            kind = "font" if urlsplit(url).path.lower().endswith(FONT_EXTENSIONS) else "css url()"
            fetch_asset(kind, url, css_url)

    def fetch_asset(kind: str, url: str, page_url: str) -> None:
        response = fetch(kind, url, page_url)
        if response is None:
            return
        page.assets.append(Fetched(kind, response))
        if response.status == 200 and (kind == "stylesheet" or response.content_type == "text/css"):
            fetch_css_children(response.body.decode("utf-8", "replace"), response.url)

    page_url = urljoin(base, path)
    for kind, url in parser.assets:
        fetch_asset(kind, url, page_url)
    for css in parser.inline_css:
        fetch_css_children(css, page_url)
    for image in parser.images:
        response = fetch("image", choose_image(image, viewport), page_url)
        if response is not None:
            page.images.append(Fetched("image", response))
            page.lazy_images += image.lazy
    return page


def first_article(links: list[str], index_path: str) -> str | None:
    """The first link to a single article under the news index (its routes, like rss/, excluded)."""
    pattern = re.compile(rf"^{re.escape(index_path)}([^/]+)/$")
    for href in links:
        match = pattern.match(urlsplit(href).path)
        if match and match.group(1) not in ("rss", "kategori", "tag"):
            return urlsplit(href).path
    return None
