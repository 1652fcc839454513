"""Pictures for the demo content, drawn with Pillow: nothing is downloaded.

Every function takes a seed, so the same village gets the same pictures on every machine. The
scenes are simple on purpose (gradient sky, hills, water, stilt houses, fields) and carry a caption
band that says they are illustrations, so nobody mistakes them for real photographs.
"""

import functools
import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

NEWS_SIZE = (1200, 800)
BANNER_SIZE = (1600, 700)
PORTRAIT_SIZE = (480, 600)
LOGO_SIZE = 512
JPEG_QUALITY = 80

FONT_FILES = {
    True: ["DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
    False: ["DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
}

# Kinds of scene a piece of content can ask for.
SCENES = ("coast", "river", "field", "pond", "garden", "village", "hall", "sport", "market")

SKIES = [
    # (top, horizon, sun) for morning, noon and late afternoon
    ((94, 155, 214), (214, 232, 245), (255, 250, 225)),
    ((52, 120, 200), (176, 214, 240), (255, 255, 240)),
    ((70, 96, 160), (250, 196, 140), (255, 226, 160)),
]


@functools.lru_cache(maxsize=32)
def font(size: int, bold: bool = False):
    for candidate in FONT_FILES[bold]:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _shade(colour, factor: float):
    return tuple(max(0, min(255, round(c * factor))) for c in colour)


def _hex(colour: str):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _vertical_gradient(draw, box, top, bottom):
    x0, y0, x1, y1 = box
    height = max(1, y1 - y0)
    for y in range(y0, y1):
        draw.line([(x0, y), (x1, y)], fill=_mix(top, bottom, (y - y0) / height))


def _ridge(rng, width, base, amplitude, step=40):
    """A hill line: a random walk smoothed by cosine interpolation."""
    anchors = [base + rng.uniform(-amplitude, amplitude) for _ in range(width // step + 2)]
    points = []
    for x in range(0, width + step, 8):
        i, frac = divmod(x / step, 1)
        i = int(i)
        t = (1 - math.cos(frac * math.pi)) / 2
        points.append((x, anchors[i] * (1 - t) + anchors[min(i + 1, len(anchors) - 1)] * t))
    return points


def _sky(draw, rng, width, horizon):
    top, low, sun = rng.choice(SKIES)
    _vertical_gradient(draw, (0, 0, width, horizon), top, low)
    sx, sy, r = rng.randint(width // 6, width * 5 // 6), rng.randint(horizon // 5, horizon // 2), 42
    draw.ellipse((sx - r * 2, sy - r * 2, sx + r * 2, sy + r * 2), fill=_mix(low, sun, 0.45))
    draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=sun)
    for _ in range(rng.randint(2, 5)):
        cx, cy = rng.randint(0, width), rng.randint(30, max(40, horizon // 2))
        cloud = _mix(low, (255, 255, 255), 0.7)
        for _ in range(5):
            dx, dy, cr = rng.randint(-70, 70), rng.randint(-14, 14), rng.randint(22, 40)
            draw.ellipse((cx + dx - cr * 2, cy + dy - cr, cx + dx + cr * 2, cy + dy + cr), fill=cloud)
    return low


def _hills(draw, rng, width, horizon, haze, greens=((62, 120, 70), (40, 96, 52))):
    for layer, green in enumerate(greens):
        colour = _mix(green, haze, 0.45 - layer * 0.25)
        points = _ridge(rng, width, horizon - 60 + layer * 30, 45 - layer * 15, step=120)
        draw.polygon([(0, horizon + 5), *points, (width, horizon + 5)], fill=colour)


def _water(draw, rng, width, top, bottom, sky_low, colour=(46, 110, 150)):
    _vertical_gradient(draw, (0, top, width, bottom), _mix(colour, sky_low, 0.35), _shade(colour, 0.75))
    for _ in range(60):
        y = rng.randint(top + 4, bottom - 2)
        x = rng.randint(0, width)
        length = rng.randint(20, 90) * (1 + (y - top) / max(1, bottom - top))
        draw.line([(x, y), (x + length, y)], fill=_mix(colour, (255, 255, 255), 0.45), width=2)


def _tree(draw, rng, x, ground, scale=1.0):
    trunk = (92, 66, 40)
    h = int(rng.randint(60, 110) * scale)
    draw.rectangle((x - 4 * scale, ground - h, x + 4 * scale, ground), fill=trunk)
    green = (rng.randint(30, 60), rng.randint(100, 140), rng.randint(40, 70))
    for _ in range(5):
        dx, dy, r = rng.randint(-30, 30) * scale, rng.randint(-25, 10) * scale, rng.randint(24, 38) * scale
        draw.ellipse((x + dx - r, ground - h + dy - r, x + dx + r, ground - h + dy + r), fill=green)


def _palm(draw, rng, x, ground, scale=1.0):
    h = int(rng.randint(140, 220) * scale)
    lean = rng.randint(-40, 40) * scale
    top = (x + lean, ground - h)
    draw.line([(x, ground), top], fill=(110, 84, 52), width=max(3, int(9 * scale)))
    for k in range(8):
        angle = math.pi * (k / 7) + rng.uniform(-0.15, 0.15)
        length = rng.randint(60, 95) * scale
        end = (
            top[0] + math.cos(angle) * length * 1.3,
            top[1] - math.sin(angle) * length * 0.4 + length * 0.35,
        )
        draw.line([top, end], fill=(36, 110, 52), width=max(2, int(6 * scale)))


def _house(draw, rng, x, ground, scale=1.0, stilts=0):
    w, h = int(rng.randint(90, 140) * scale), int(rng.randint(55, 75) * scale)
    base = ground - stilts
    wall = rng.choice([(222, 196, 150), (196, 160, 118), (240, 228, 200), (170, 200, 190), (210, 180, 200)])
    roof = rng.choice([(150, 62, 44), (86, 94, 110), (120, 80, 60), (60, 110, 120)])
    if stilts:
        for px in range(x + 6, x + w, max(12, w // 5)):
            draw.line([(px, base), (px, ground)], fill=(90, 70, 50), width=max(2, int(5 * scale)))
        draw.rectangle((x - 6, base - 4, x + w + 6, base + 2), fill=(120, 92, 64))
    draw.rectangle((x, base - h, x + w, base), fill=wall)
    draw.polygon(
        [(x - 12 * scale, base - h), (x + w / 2, base - h - 45 * scale), (x + w + 12 * scale, base - h)],
        fill=roof,
    )
    door = (x + w * 0.42, base - h * 0.62, x + w * 0.58, base)
    draw.rectangle(door, fill=_shade(wall, 0.55))
    for wx in (x + w * 0.12, x + w * 0.7):
        draw.rectangle((wx, base - h * 0.7, wx + w * 0.18, base - h * 0.38), fill=(70, 90, 110))


def _boat(draw, rng, x, y, scale=1.0):
    colour = rng.choice([(190, 50, 40), (40, 90, 160), (230, 190, 60), (30, 130, 90)])
    w = 110 * scale
    draw.polygon(
        [(x, y), (x + w, y), (x + w * 0.85, y + 18 * scale), (x + w * 0.12, y + 18 * scale)], fill=colour
    )
    draw.rectangle((x + w * 0.35, y - 22 * scale, x + w * 0.65, y), fill=(235, 235, 225))


def _people(draw, rng, width, ground, count, scale=1.0, spread=None):
    left, right = spread or (40, width - 40)
    for _ in range(count):
        x = rng.randint(left, right)
        s = scale * rng.uniform(0.85, 1.15)
        shirt = rng.choice(
            [(200, 60, 60), (40, 90, 160), (230, 200, 80), (60, 140, 90), (120, 70, 140), (240, 240, 235)]
        )
        skin = rng.choice([(150, 105, 75), (176, 128, 92), (124, 86, 60)])
        draw.rounded_rectangle(
            (x - 16 * s, ground - 78 * s, x + 16 * s, ground - 30 * s), radius=int(10 * s), fill=shirt
        )
        draw.rectangle((x - 12 * s, ground - 32 * s, x + 12 * s, ground), fill=(50, 52, 60))
        draw.ellipse((x - 11 * s, ground - 102 * s, x + 11 * s, ground - 78 * s), fill=skin)
        if rng.random() < 0.45:  # kerudung or peci
            cover = rng.choice([(30, 30, 34), (120, 40, 80), (40, 100, 120), (220, 220, 210)])
            draw.pieslice((x - 13 * s, ground - 106 * s, x + 13 * s, ground - 80 * s), 180, 360, fill=cover)


def _draw_scene(kind: str, rng: random.Random, size):
    width, height = size
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    horizon = int(height * rng.uniform(0.42, 0.52))

    if kind == "hall":
        wall = rng.choice([(230, 222, 200), (214, 226, 220), (236, 230, 214)])
        _vertical_gradient(draw, (0, 0, width, height), wall, _shade(wall, 0.8))
        draw.rectangle((0, int(height * 0.72), width, height), fill=(150, 120, 90))
        banner = (width * 0.15, height * 0.1, width * 0.85, height * 0.32)
        draw.rectangle(banner, fill=rng.choice([(150, 30, 40), (20, 80, 120), (30, 100, 60)]))
        for row in range(3):
            _people(draw, rng, width, int(height * (0.78 + row * 0.1)), 7 + row * 2, scale=1.0 + row * 0.35)
        return img, draw, banner

    low = _sky(draw, rng, width, horizon)
    if kind in ("coast", "pond"):
        _hills(draw, rng, width, horizon, low, greens=((70, 120, 90),))
        shore = horizon + int(height * (0.22 if kind == "coast" else 0.08))
        _water(draw, rng, width, horizon, shore, low, colour=(40, 120, 160))
        _vertical_gradient(draw, (0, shore, width, height), (226, 208, 160), (196, 170, 120))
        if kind == "pond":
            rows, cols = 3, 4
            for r in range(rows):
                y0 = shore + 20 + r * (height - shore) // rows
                y1 = shore + (r + 1) * (height - shore) // rows - 10
                for c in range(cols):
                    x0, x1 = c * width // cols + 14, (c + 1) * width // cols - 14
                    draw.rectangle((x0, y0, x1, y1), fill=_mix((70, 130, 120), (110, 150, 110), rng.random()))
            for _ in range(3):
                _house(draw, rng, rng.randint(40, width - 200), shore + 30, scale=0.5, stilts=20)
        else:
            for _ in range(rng.randint(2, 4)):
                _boat(draw, rng, rng.randint(30, width - 150), rng.randint(horizon + 20, shore - 30), 0.8)
            for x in sorted(rng.sample(range(60, width - 60), 5)):
                _palm(draw, rng, x, rng.randint(shore + 40, height - 60))
            for _ in range(2):
                _house(draw, rng, rng.randint(40, width - 200), height - 70, scale=1.1, stilts=50)
    elif kind == "river":
        _hills(draw, rng, width, horizon, low)
        _vertical_gradient(draw, (0, horizon, width, height), (92, 140, 76), (60, 110, 56))
        bank_top, bank_bottom = horizon + 40, int(height * 0.82)
        draw.polygon(
            [
                (width * 0.3, bank_top),
                (width * 0.55, bank_top),
                (width, bank_bottom - 40),
                (width, height),
                (0, height),
                (0, bank_bottom),
            ],
            fill=(120, 110, 80),
        )
        _water(draw, rng, width, bank_top + 20, height, low, colour=(120, 112, 78))
        for _ in range(2):
            _boat(draw, rng, rng.randint(200, width - 250), rng.randint(bank_bottom - 40, height - 60), 1.1)
        for x in (rng.randint(20, 160), rng.randint(width - 330, width - 170)):
            _house(draw, rng, x, bank_top + 90, scale=0.9, stilts=40)
        for _ in range(6):
            _tree(draw, rng, rng.randint(0, width), horizon + 30, 0.7)
    elif kind in ("field", "garden"):
        _hills(draw, rng, width, horizon, low)
        field_colour = (
            rng.choice([(150, 170, 60), (96, 150, 60), (196, 176, 70)]) if kind == "field" else (70, 120, 60)
        )
        _vertical_gradient(
            draw, (0, horizon, width, height), _mix(field_colour, low, 0.3), _shade(field_colour, 0.8)
        )
        if kind == "field":
            vanish = width * rng.uniform(0.35, 0.65)
            for k in range(-12, 26):
                draw.line(
                    [(vanish, horizon), (k * width / 12, height)], fill=_shade(field_colour, 0.78), width=3
                )
            for _ in range(3):
                _house(draw, rng, rng.randint(0, width - 140), horizon + 12, scale=0.45)
        else:
            for row in range(5):
                y = horizon + 30 + row * row * 26
                for x in range(-40 + row * 37 % 90, width + 60, 150 + row * 40):
                    _palm(draw, rng, x, y, scale=0.45 + row * 0.22)
        _people(draw, rng, width, height - 30, rng.randint(2, 4), 1.2)
    elif kind == "sport":
        _hills(draw, rng, width, horizon, low)
        _vertical_gradient(draw, (0, horizon, width, height), (90, 160, 70), (60, 130, 50))
        draw.line([(width * 0.1, height * 0.7), (width * 0.9, height * 0.7)], fill=(240, 240, 240), width=4)
        gx = width * rng.uniform(0.6, 0.8)
        draw.rectangle((gx, horizon + 30, gx + 160, horizon + 110), outline=(250, 250, 250), width=6)
        _people(draw, rng, width, int(height * 0.78), 6, 0.9)
        _people(draw, rng, width, height - 20, 9, 1.3)
    else:  # village, market
        _hills(draw, rng, width, horizon, low)
        _vertical_gradient(draw, (0, horizon, width, height), (110, 150, 80), (86, 124, 64))
        draw.polygon(
            [
                (width * 0.45, horizon),
                (width * 0.55, horizon),
                (width * 0.85, height),
                (width * 0.15, height),
            ],
            fill=(150, 150, 150) if kind == "village" else (196, 170, 120),
        )
        for x in (40, width - 250, 260):
            _house(draw, rng, x, horizon + rng.randint(120, 200), scale=1.0, stilts=rng.choice([0, 20]))
        for _ in range(5):
            _tree(draw, rng, rng.randint(0, width), horizon + rng.randint(30, 90), 0.8)
        if kind == "market":
            for k in range(3):
                x = width * (0.2 + k * 0.25)
                draw.rectangle((x, height * 0.62, x + 200, height * 0.78), fill=(230, 220, 200))
                draw.polygon(
                    [(x - 20, height * 0.62), (x + 100, height * 0.52), (x + 220, height * 0.62)],
                    fill=(200, 60, 50),
                )
        _people(draw, rng, width, height - 30, rng.randint(4, 8), 1.1)
    return img, draw, None


def _caption(img, text: str):
    width, height = img.size
    band = int(height * 0.085)
    overlay = Image.new("RGBA", (width, band), (0, 0, 0, 140))
    img.paste(overlay, (0, height - band), overlay)
    draw = ImageDraw.Draw(img)
    size = int(band * 0.42)
    face = font(size)
    while draw.textlength(text, font=face) > width - 60 and size > 12:
        size -= 2
        face = font(size)
    draw.text((30, height - band / 2), text, font=face, fill=(255, 255, 255), anchor="lm")


def _fit_text(draw, box, text, bold=True, colour=(255, 255, 255)):
    x0, y0, x1, y1 = box
    size = int((y1 - y0) * 0.42)
    face = font(size, bold)
    while draw.textlength(text, font=face) > (x1 - x0) * 0.9 and size > 12:
        size -= 2
        face = font(size, bold)
    draw.text(((x0 + x1) / 2, (y0 + y1) / 2), text, font=face, fill=colour, anchor="mm")


def _jpeg(img) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def scene(kind: str, caption: str, seed, size=NEWS_SIZE, sign: str = "") -> bytes:
    """A landscape or meeting picture as JPEG bytes; `sign` is written on the banner of a hall."""
    if kind not in SCENES:
        raise ValueError(f"unknown scene {kind!r}")
    rng = random.Random(f"scene:{seed}")
    img, draw, banner = _draw_scene(kind, rng, size)
    if banner and sign:
        _fit_text(draw, banner, sign)
    if caption:
        _caption(img, caption)
    return _jpeg(img)


def portrait(seed, colour: str, female: bool = False) -> bytes:
    """A passport-style placeholder: a silhouette in a uniform on a coloured backdrop."""
    rng = random.Random(f"portrait:{seed}")
    width, height = PORTRAIT_SIZE
    backdrop = _hex(colour)
    img = Image.new("RGB", PORTRAIT_SIZE)
    draw = ImageDraw.Draw(img)
    _vertical_gradient(draw, (0, 0, width, height), _mix(backdrop, (255, 255, 255), 0.35), backdrop)
    skin = rng.choice([(150, 105, 75), (176, 128, 92), (124, 86, 60), (190, 145, 110)])
    uniform = rng.choice([(176, 150, 100), (186, 160, 110), (240, 240, 236)])  # khaki PDH or white
    cx = width / 2
    draw.ellipse((cx - 200, height * 0.66, cx + 200, height * 1.25), fill=uniform)
    draw.rectangle((cx - 34, height * 0.55, cx + 34, height * 0.7), fill=skin)
    if female:
        veil = rng.choice([(40, 40, 60), (120, 40, 70), (30, 90, 110), (160, 120, 90), (70, 100, 60)])
        draw.ellipse((cx - 110, height * 0.16, cx + 110, height * 0.62), fill=veil)
        draw.polygon(
            [
                (cx - 120, height * 0.5),
                (cx + 120, height * 0.5),
                (cx + 150, height * 0.8),
                (cx - 150, height * 0.8),
            ],
            fill=veil,
        )
        draw.ellipse((cx - 70, height * 0.25, cx + 70, height * 0.55), fill=skin)
    else:
        draw.ellipse((cx - 80, height * 0.2, cx + 80, height * 0.58), fill=skin)
        draw.rounded_rectangle((cx - 84, height * 0.14, cx + 84, height * 0.28), radius=12, fill=(28, 28, 30))
    # collar
    draw.polygon(
        [(cx - 60, height * 0.68), (cx, height * 0.8), (cx + 60, height * 0.68)], fill=_shade(uniform, 0.85)
    )
    return _jpeg(img)


def logo(initials: str, colour: str, label: str, water: bool = False) -> bytes:
    """A round emblem with the village initials, as PNG with a transparent background.

    `water` draws waves (coastal and river villages) instead of rice stalks.
    """
    size = LOGO_SIZE
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    main = _hex(colour)
    gold = (214, 172, 60)
    draw.ellipse((8, 8, size - 8, size - 8), fill=gold)
    draw.ellipse((26, 26, size - 26, size - 26), fill=main)
    draw.ellipse((44, 44, size - 44, size - 44), outline=(255, 255, 255), width=4)
    if water:
        for k in range(3):
            y = size * 0.64 + k * 18
            draw.arc((size * 0.28, y - 20, size * 0.5, y + 20), 200, 340, fill=(255, 255, 255), width=5)
            draw.arc((size * 0.5, y - 20, size * 0.72, y + 20), 200, 340, fill=(255, 255, 255), width=5)
    else:
        for side in (-1, 1):
            for k in range(5):
                x = size / 2 + side * (size * 0.3 - k * 5)
                y = size * 0.75 - k * 20
                draw.ellipse((x - 8, y - 12, x + 8, y + 12), fill=gold)
    draw.text((size / 2, size * 0.4), initials, font=font(140, bold=True), fill=(255, 255, 255), anchor="mm")
    ribbon = (size * 0.14, size * 0.8, size * 0.86, size * 0.93)
    draw.rounded_rectangle(ribbon, radius=16, fill=gold)
    _fit_text(draw, ribbon, label.upper(), colour=_shade(main, 0.8))
    buffer = io.BytesIO()
    img.save(buffer, "PNG")
    return buffer.getvalue()


def crest(label: str) -> bytes:
    """A stand-in regency crest (a shield with a river, a rice stalk and a star), as PNG: the demo
    never shows a real government's emblem."""
    width, height = 240, 280
    img = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    gold, green, blue = (214, 172, 60), (27, 94, 32), (21, 101, 192)
    shield = [(10, 10), (230, 10), (230, 150), (120, 270), (10, 150)]
    draw.polygon(shield, fill=gold)
    inner = [(26, 26), (214, 26), (214, 144), (120, 248), (26, 144)]
    draw.polygon(inner, fill=green)
    draw.polygon([(120, 44), (130, 74), (162, 74), (136, 92), (146, 122), (120, 104), (94, 122), (104, 92),
                  (78, 74), (110, 74)], fill=gold)  # fmt: skip
    for k in range(3):
        y = 150 + k * 18
        draw.arc((40, y - 14, 120, y + 14), 200, 340, fill=blue, width=6)
        draw.arc((120, y - 14, 200, y + 14), 200, 340, fill=blue, width=6)
    _fit_text(draw, (40, 196, 200, 226), label.upper(), colour=(255, 255, 255))
    buffer = io.BytesIO()
    img.save(buffer, "PNG")
    return buffer.getvalue()
