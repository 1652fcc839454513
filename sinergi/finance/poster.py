"""The APBDes poster for the village notice board ("baliho APBDes"), as PDF (fpdf2) and PNG (Pillow).

One layout, drawn by two renderers so the PDF and the PNG always say the same: a list of text, bar and
image operations in millimetres. Two formats: A3 portrait and a wide banner (spanduk, 3:1). The poster
carries what Permendagri 20/2018 asks to publish: for the APB Desa (Pasal 39) the budget with its
sources, belanja per bidang, the kegiatan implementers and a complaints address; with a realisation
(Pasal 72) the realisation per bidang, the remaining budget and the unfinished kegiatan. The QR code
(segno, made here, nothing fetched) links to the village's Transparansi page.
"""

import io
from dataclasses import dataclass, field

import fontpkg_atkinson_hyperlegible
import segno
from django.utils.translation import gettext as _
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from sinergi.core.formatting import long_date, rupiah, rupiah_short
from sinergi.finance.charts import colour
from sinergi.finance.templatetags.apbdes import signed_rupiah

FORMATS = {"a3": (297, 420, 1), "spanduk": (900, 300, 3)}  # width mm, height mm, columns
PNG_WIDTH = {"a3": 1240, "spanduk": 2400}
# Atkinson Hyperlegible (Braille Institute; OFL, from PyPI's fontpkg-atkinson-hyperlegible): static
# TrueType faces made for legibility at a distance, with the whole of Indonesian and the typographic
# punctuation people paste (en and em dashes, curly quotes, ellipsis, middle dot). The same files draw the PDF and the PNG.
FONT_FILES = {
    False: fontpkg_atkinson_hyperlegible.ROOT / "files" / "AtkinsonHyperlegible-Regular.ttf",
    True: fontpkg_atkinson_hyperlegible.ROOT / "files" / "AtkinsonHyperlegible-Bold.ttf",
}
FONT = "Atkinson"
MARGIN = 14
BRAND = "#1b5e20"


@dataclass
class Op:
    kind: str  # text | rect | image
    x: float
    y: float
    w: float = 0
    h: float = 0
    size: float = 0
    bold: bool = False
    text: str = ""
    align: str = "L"
    fill: str = "#1f2328"
    data: bytes = b""


@dataclass
class Block:
    ops: list[Op] = field(default_factory=list)
    height: float = 0

    def text(self, x, y, size, text, bold=False, align="L", w=0, fill="#1f2328"):
        self.ops.append(Op("text", x, y, w=w, size=size, bold=bold, text=text, align=align, fill=fill))
        self.height = max(self.height, y + size * 0.45)

    def rect(self, x, y, w, h, fill):
        self.ops.append(Op("rect", x, y, w=w, h=h, fill=fill))
        self.height = max(self.height, y + h)

    def image(self, x, y, w, h, data):
        self.ops.append(Op("image", x, y, w=w, h=h, data=data))
        self.height = max(self.height, y + h)


def qr_png(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=10, border=2)
    return out.getvalue()


def _logo(home) -> bytes | None:
    logo = getattr(home, "logo", None)
    if logo is None:
        return None
    try:
        with logo.file.open("rb") as handle:
            image = Image.open(handle)
            image.thumbnail((400, 400))
            out = io.BytesIO()
            image.convert("RGB").save(out, format="PNG")
            return out.getvalue()
    except (OSError, ValueError):
        return None


def blocks(page, figures, url: str, width: float, scale: float) -> list[Block]:
    version, realisation = figures.version, figures.realisation
    home = page.get_parent().specific
    village = version.village
    s = scale  # text sizes in points, scaled for the banner
    header = Block()
    logo = _logo(home)
    text_x = 0
    if logo:
        header.image(0, 0, 28 * s, 28 * s, logo)
        text_x = 32 * s
    header.text(text_x, 8 * s, 30 * s, f"{version.label} {version.year}".upper(), bold=True, fill=BRAND)
    header.text(text_x, 18 * s, 18 * s, home.title, bold=True)
    district = village.district
    header.text(text_x, 26 * s, 12 * s, f"{_('Kecamatan')} {district.name}, {district.regency.name}")
    if version.perdes_number:
        header.text(text_x, 32 * s, 10 * s, f"Perdes {version.perdes_number}")

    summary = Block()
    rows = [
        (_("Pendapatan"), figures.income),
        (_("Belanja"), figures.spending),
        (_("Surplus/(Defisit)"), figures.surplus),
        (_("Pembiayaan netto"), figures.net_financing),
        (_("SiLPA tahun berjalan"), figures.silpa),
    ]
    summary.text(0, 6 * s, 16 * s, _("Ringkasan"), bold=True, fill=BRAND)
    for i, (label, amount) in enumerate(rows):
        y = (14 + i * 8) * s
        summary.text(0, y, 13 * s, label, bold=i < 2)
        summary.text(0, y, 13 * s, signed_rupiah(amount), bold=i < 2, align="R", w=width)

    income = Block()
    income.text(0, 6 * s, 16 * s, _("Sumber pendapatan"), bold=True, fill=BRAND)
    total = figures.income or 1
    x = 0.0
    for i, group in enumerate(figures.income_groups):
        w = width * group.amount / total
        income.rect(x, 10 * s, w, 6 * s, colour(i))
        x += w
    for i, group in enumerate(figures.income_groups):
        y = (22 + i * 7) * s
        income.rect(0, y - 3.5 * s, 4 * s, 4 * s, colour(i))
        income.text(6 * s, y, 12 * s, group.name)
        income.text(0, y, 12 * s, rupiah(group.amount), align="R", w=width)

    spending = Block()
    spending.text(0, 6 * s, 16 * s, _("Belanja per bidang"), bold=True, fill=BRAND)
    largest = max((g.amount for g in figures.spending_fields), default=0) or 1
    for i, group in enumerate(figures.spending_fields):
        y = (14 + i * 13) * s
        spending.text(0, y, 11 * s, f"{group.code}. {group.name}")
        label = rupiah_short(group.amount)
        if group.realised is not None:
            label += f" · {_('realisasi')} {str(group.percent or 0).replace('.', ',')}%"
        spending.text(0, y, 11 * s, label, align="R", w=width)
        spending.rect(0, y + 2 * s, width * group.amount / largest, 4 * s, "#a5d6a7")
        if group.realised is not None:
            spending.rect(0, y + 2 * s, width * group.realised / largest, 4 * s, BRAND)

    activities = Block()
    if realisation:
        activities.text(
            0, 6 * s, 16 * s, f"{_('Realisasi')} {realisation.get_period_display()}", bold=True, fill=BRAND
        )
        lines = [
            (_("Belanja terealisasi"), rupiah(figures.realised_spending_total)),
            (_("Sisa anggaran"), rupiah(figures.remaining_total)),
            (_("Kegiatan belum selesai / tidak dilaksanakan"), str(len(figures.unfinished))),
        ]
        for i, (label, value) in enumerate(lines):
            y = (14 + i * 7) * s
            activities.text(0, y, 12 * s, label)
            activities.text(0, y, 12 * s, value, align="R", w=width, bold=True)
        start = 14 + len(lines) * 7 + 4
    else:
        start = 6
    activities.text(0, start * s, 14 * s, _("Kegiatan terbesar dan pelaksananya"), bold=True, fill=BRAND)
    biggest = sorted(figures.activities, key=lambda r: -r.amount)[:8]
    for i, row in enumerate(biggest):
        y = (start + 8 + i * 6) * s
        activities.text(0, y, 10 * s, _clip(f"{row.activity.name} ({row.activity.implementer})", 70))
        activities.text(0, y, 10 * s, rupiah_short(row.amount), align="R", w=width)

    footer = Block()
    footer.image(0, 0, 34 * s, 34 * s, qr_png(url))
    footer.text(38 * s, 8 * s, 12 * s, _("Rincian lengkap, unduhan dan pengaduan:"), bold=True)
    footer.text(38 * s, 15 * s, 11 * s, _clip(url, 80))
    contact = " · ".join(x for x in (home.phone, home.email) if x)
    if contact:
        footer.text(38 * s, 22 * s, 11 * s, f"{_('Pengaduan')}: {contact}")
    published = long_date(realisation.published_at if realisation else version.published_at)
    footer.text(
        38 * s, 29 * s, 9 * s, f"{_('Diterbitkan')} {published} · Permendagri 20/2018 Pasal 39 dan 72"
    )
    return [header, summary, income, spending, activities, footer]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def layout(page, figures, fmt: str, url: str) -> tuple[float, float, list[Op]]:
    page_w, page_h, columns = FORMATS[fmt]
    gap = 10
    column_w = (page_w - 2 * MARGIN - gap * (columns - 1)) / columns
    scale = 1.0 if columns == 1 else 1.6
    parts = blocks(page, figures, url, column_w, scale)
    ops: list[Op] = [Op("rect", 0, 0, w=page_w, h=8, fill=BRAND)]
    if columns == 1:
        placement = [[*parts]]
    else:
        header, summary, income, spending, activities, footer = parts
        placement = [[header, summary, footer], [income, spending], [activities]]
    for column, column_blocks in enumerate(placement):
        x0 = MARGIN + column * (column_w + gap)
        y = MARGIN + 4
        for block in column_blocks:
            for op in block.ops:
                ops.append(Op(**{**op.__dict__, "x": op.x + x0, "y": op.y + y}))
            y += block.height + 8
    return page_w, page_h, ops


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def render_pdf(page_w, page_h, ops) -> bytes:
    pdf = FPDF(
        orientation="P" if page_h >= page_w else "L",
        unit="mm",
        format=(min(page_w, page_h), max(page_w, page_h)),
    )
    pdf.set_auto_page_break(False)
    pdf.set_title("APBDes")
    pdf.add_font(FONT, "", FONT_FILES[False])
    pdf.add_font(FONT, "B", FONT_FILES[True])
    pdf.add_page()
    for op in ops:
        if op.kind == "rect":
            pdf.set_fill_color(*_rgb(op.fill))
            pdf.rect(op.x, op.y, op.w, op.h, style="F")
        elif op.kind == "image":
            pdf.image(io.BytesIO(op.data), op.x, op.y, op.w, op.h)
        else:
            pdf.set_font(FONT, "B" if op.bold else "", op.size)
            pdf.set_text_color(*_rgb(op.fill))
            x = op.x + op.w - pdf.get_string_width(op.text) if op.align == "R" else op.x
            pdf.text(x, op.y, op.text)
    return bytes(pdf.output())


def render_png(page_w, page_h, ops, width_px: int) -> bytes:
    px = width_px / page_w
    image = Image.new("RGB", (width_px, round(page_h * px)), "white")
    draw = ImageDraw.Draw(image)
    fonts = {}

    def font(size_pt, bold):
        size = max(8, round(size_pt * 0.3528 * px))  # points to mm to pixels
        if (size, bold) not in fonts:
            fonts[size, bold] = ImageFont.truetype(str(FONT_FILES[bold]), size)
        return fonts[size, bold]

    for op in ops:
        if op.kind == "rect":
            draw.rectangle([op.x * px, op.y * px, (op.x + op.w) * px, (op.y + op.h) * px], fill=op.fill)
        elif op.kind == "image":
            picture = (
                Image.open(io.BytesIO(op.data)).convert("RGB").resize((round(op.w * px), round(op.h * px)))
            )
            image.paste(picture, (round(op.x * px), round(op.y * px)))
        else:
            f = font(op.size, op.bold)
            x = op.x * px
            if op.align == "R":
                x = (op.x + op.w) * px - draw.textlength(op.text, font=f)
            draw.text(
                (x, op.y * px),
                op.text,
                font=f,
                fill=op.fill,
                anchor="ls",
            )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def render(page, figures, fmt="a3", as_png=False, url="") -> bytes:
    page_w, page_h, ops = layout(page, figures, fmt, url)
    if as_png:
        return render_png(page_w, page_h, ops, PNG_WIDTH[fmt])
    return render_pdf(page_w, page_h, ops)
