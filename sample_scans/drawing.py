"""Drawing primitives for the synthetic sample scans (`cases.samples`).

A page is a white A4 sheet at 200 dpi drawn with PIL and the CJK TrueType fonts; seals
are multiplied onto the page like ink, so black text under them stays visible.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFont

from cases.printing.fonts import FontKind, find_font

A4_200DPI = (1654, 2339)
BLACK = (20, 20, 20)
SEAL_RED = (215, 35, 35)


@lru_cache(maxsize=64)
def font(size: int, kind: FontKind = FontKind.SONG) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(find_font(kind)), size, index=0)


class Canvas:
    """One page; coordinates in pixels at 200 dpi (1 mm ≈ 7.87 px)."""

    def __init__(self, size: tuple[int, int] = A4_200DPI) -> None:
        self.image = Image.new("RGB", size, (255, 255, 255))
        self.draw = ImageDraw.Draw(self.image)
        self.width, self.height = size
        # every string drawn in black or grey ink: (left, top, right, bottom, text), the
        # ground truth of benchmarks (seal text is red ink, not document text)
        self.drawn: list[tuple[float, float, float, float, str]] = []

    def _record(self, x: float, y: float, right: float, size: int, s: str) -> None:
        if s.strip():
            self.drawn.append((x, y, right, y + size, s))

    def text(
        self,
        xy: tuple[float, float],
        s: str,
        size: int = 34,
        kind: FontKind = FontKind.SONG,
        fill: tuple[int, int, int] = BLACK,
        spacing: int = 0,
    ) -> float:
        """Draw `s` at `xy` (top-left); returns the x where it ends."""
        f = font(size, kind)
        x, y = xy
        if spacing == 0:
            self.draw.text((x, y), s, font=f, fill=fill)
            end = x + self.draw.textlength(s, font=f)
            self._record(xy[0], y, end, size, s)
            return end
        for ch in s:
            self.draw.text((x, y), ch, font=f, fill=fill)
            x += self.draw.textlength(ch, font=f) + spacing
        self._record(xy[0], y, x, size, s)
        return x

    def width_of(
        self, s: str, size: int, kind: FontKind = FontKind.SONG, spacing: int = 0
    ) -> float:
        return self.draw.textlength(s, font=font(size, kind)) + spacing * max(0, len(s) - 1)

    def centred(
        self, y: float, s: str, size: int, kind: FontKind = FontKind.HEI, spacing: int = 0
    ) -> None:
        x = (self.width - self.width_of(s, size, kind, spacing)) / 2
        self.text((x, y), s, size, kind, spacing=spacing)

    def wrapped(
        self,
        x: float,
        y: float,
        width: float,
        s: str,
        size: int = 32,
        leading: float = 1.7,
        indent: bool = True,
    ) -> float:
        """Draw a paragraph wrapped at `width` (first line indented by 2 characters);
        returns the y below it."""
        f = font(size)
        line = "\u3000\u3000" if indent else ""
        for ch in s:
            if self.draw.textlength(line + ch, font=f) > width:
                self.text((x, y), line, size)
                y += size * leading
                line = ""
            line += ch
        if line:
            self.text((x, y), line, size)
            y += size * leading
        return y

    def rect(self, box: tuple[float, float, float, float], width: int = 3) -> None:
        self.draw.rectangle(box, outline=BLACK, width=width)

    def line(self, a: tuple[float, float], b: tuple[float, float], width: int = 3) -> None:
        self.draw.line([a, b], fill=BLACK, width=width)

    def cell(
        self,
        box: tuple[float, float, float, float],
        s: str,
        size: int = 32,
        kind: FontKind = FontKind.SONG,
        centre: bool = False,
    ) -> None:
        """A table cell: border and text vertically centred (left-padded or centred)."""
        self.rect(box, 2)
        x0, y0, x1, y1 = box
        tw = self.width_of(s, size, kind)
        x = x0 + (x1 - x0 - tw) / 2 if centre else x0 + 16
        self.text((x, y0 + (y1 - y0 - size) / 2 - 2), s, size, kind)

    def as_bgr(self) -> np.ndarray:
        return cv2.cvtColor(np.asarray(self.image), cv2.COLOR_RGB2BGR)

    def truth_text(self) -> str:
        """The drawn text in reading order: rows top to bottom (strings whose vertical
        extents overlap by half share a row), left to right within a row."""
        rows: list[list[tuple[float, float, float, float, str]]] = []
        for item in sorted(self.drawn, key=lambda d: ((d[1] + d[3]) / 2, d[0])):
            if rows:
                top = min(r[1] for r in rows[-1])
                bottom = max(r[3] for r in rows[-1])
                overlap = min(bottom, item[3]) - max(top, item[1])
                if overlap > 0.5 * min(bottom - top, item[3] - item[1]):
                    rows[-1].append(item)
                    continue
            rows.append([item])
        return "\n".join(" ".join(d[4].strip() for d in sorted(r)) for r in rows)


def _ring_text(
    layer: Image.Image, centre: tuple[float, float], radius: float, s: str, size: int
) -> None:
    """Characters around the upper arc of a seal, upright towards the centre."""
    f = font(size, FontKind.HEI)
    cx, cy = centre
    span = min(250.0, 20.0 * len(s))
    start = 90 + span / 2
    step = span / max(1, len(s) - 1)
    for i, ch in enumerate(s):
        theta = math.radians(start - i * step)
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size / 2, size / 2), ch, font=f, fill=255)
        glyph = glyph.rotate(math.degrees(theta) - 90, resample=Image.Resampling.BICUBIC)
        gx = cx + radius * math.cos(theta) - size
        gy = cy - radius * math.sin(theta) - size
        layer.paste(Image.new("RGB", glyph.size, SEAL_RED), (int(gx), int(gy)), glyph)


def stamp_seal(
    canvas: Canvas,
    centre: tuple[float, float],
    ring_text: str,
    bottom_text: str = "",
    radius: int = 165,
    rng: random.Random | None = None,
) -> None:
    """Stamp a round red seal (ring, star, arc text) over whatever is drawn there."""
    rng = rng or random.Random(0)
    size = radius * 2 + 40
    layer = Image.new("RGB", (size, size), (255, 255, 255))
    d = ImageDraw.Draw(layer)
    c = size / 2
    d.ellipse((c - radius, c - radius, c + radius, c + radius), outline=SEAL_RED, width=9)
    star_r = radius * 0.28
    points = []
    for k in range(10):
        r = star_r if k % 2 == 0 else star_r * 0.4
        a = math.radians(90 + k * 36)
        points.append((c + r * math.cos(a), c - r * math.sin(a)))
    d.polygon(points, fill=SEAL_RED)
    _ring_text(layer, (c, c), radius * 0.74, ring_text, int(radius * 0.22))
    if bottom_text:
        f = font(int(radius * 0.17), FontKind.HEI)
        tw = d.textlength(bottom_text, font=f)
        d.text((c - tw / 2, c + radius * 0.42), bottom_text, font=f, fill=SEAL_RED)
    layer = layer.rotate(
        rng.uniform(-25, 25), resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255)
    )
    # uneven ink: lighten random speckles
    arr = np.asarray(layer).astype(np.int16)
    speckle = np.random.default_rng(rng.randrange(1 << 30)).random(arr.shape[:2]) < 0.12
    arr[speckle] = (arr[speckle] + 120).clip(0, 255)
    layer = Image.fromarray(arr.astype(np.uint8))
    x, y = int(centre[0] - c), int(centre[1] - c)
    region = canvas.image.crop((x, y, x + size, y + size))
    canvas.image.paste(ImageChops.multiply(region, layer), (x, y))


def degrade(image: np.ndarray, rng: random.Random) -> np.ndarray:
    """Make a clean page look like an office scan: skew, tint, uneven light, blur, noise,
    JPEG artefacts."""
    h, w = image.shape[:2]
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    paper = np.array(
        [rng.randint(236, 250), rng.randint(238, 252), rng.randint(240, 254)], dtype=np.float32
    )
    angle = rng.uniform(-3.0, 3.0)
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    matrix[0, 2] += rng.uniform(-12, 12)
    matrix[1, 2] += rng.uniform(-12, 12)
    warped = cv2.warpAffine(
        image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255)
    )
    out: np.ndarray = warped.astype(np.float32) * (paper / 255.0)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = rng.uniform(-0.12, 0.12), rng.uniform(-0.12, 0.12)
    light = 1.0 - abs(gx) / 2 - abs(gy) / 2 + gx * (xx / w - 0.5) + gy * (yy / h - 0.5)
    out = out * light[..., None]
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.5, 1.0))
    out = out + nprng.normal(0.0, rng.uniform(3.0, 7.0), out.shape).astype(np.float32)
    page = out.clip(0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(55, 80)])
    if not ok:
        return page
    decoded = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    return page if decoded is None else decoded


# How a page reaches the counter; the benchmark corpus mixes all of them.
CAPTURES = (
    "scanner",
    "copy",
    "phone",
    "camera",
    "rotated90",
    "rotated180",
    "rotated270",
)


def _jpeg(page: np.ndarray, quality: int) -> np.ndarray:
    ok, buf = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, quality])
    decoded = cv2.imdecode(buf, cv2.IMREAD_COLOR) if ok else None
    return page if decoded is None else decoded


def office_copy(image: np.ndarray, rng: random.Random) -> np.ndarray:
    """A photocopy: grey toner, harsher contrast, speckles, a dark band at one edge."""
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    gray = cv2.cvtColor(degrade(image, rng), cv2.COLOR_BGR2GRAY).astype(np.float32)
    gray = 255.0 * (gray / 255.0) ** rng.uniform(1.3, 1.8)  # darker greys, toner-like
    gray = gray * rng.uniform(0.88, 0.95) + rng.uniform(0, 12)
    speckle = nprng.random(gray.shape) < 0.0015
    gray[speckle] = nprng.uniform(0, 90, int(speckle.sum()))
    h = gray.shape[0]
    band = rng.randint(15, 45)
    if rng.random() < 0.5:
        gray[:, :band] *= 0.35
    else:
        gray[h - band :, :] *= 0.35
    page = cv2.cvtColor(gray.clip(0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)
    return _jpeg(page, rng.randint(60, 80))


def _photo(
    image: np.ndarray,
    rng: random.Random,
    frame: tuple[int, int],
    fill: float,
    jitter: float,
    background: tuple[int, int, int],
) -> np.ndarray:
    """The page photographed: perspective, background around it, shading, blur, noise."""
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    fw, fh = frame
    h, w = image.shape[:2]
    scale = min(fw / w, fh / h) * fill
    pw, ph = w * scale, h * scale
    x0, y0 = (fw - pw) / 2 + rng.uniform(-0.03, 0.03) * fw, (fh - ph) / 2
    corners = [(x0, y0), (x0 + pw, y0), (x0 + pw, y0 + ph), (x0, y0 + ph)]
    dst = np.array(
        [
            (x + rng.uniform(-jitter, jitter) * pw, y + rng.uniform(-jitter, jitter) * ph)
            for x, y in corners
        ],
        np.float32,
    )
    src = np.array([(0, 0), (w, 0), (w, h), (0, h)], np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    paper = cv2.warpPerspective(image, matrix, (fw, fh), flags=cv2.INTER_AREA, borderValue=0)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (fw, fh)) > 127
    desk = np.empty((fh, fw, 3), np.float32)
    desk[:] = background
    desk += nprng.normal(0, 6, desk.shape).astype(np.float32)
    out = np.where(mask[..., None], paper.astype(np.float32), desk)
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * fw, rng.uniform(0.2, 0.8) * fh
    dist = np.sqrt(((xx - cx) / fw) ** 2 + ((yy - cy) / fh) ** 2)
    out *= (1.0 - rng.uniform(0.25, 0.4) * dist)[..., None]  # uneven light
    out *= np.array([rng.uniform(0.9, 1.0), rng.uniform(0.95, 1.0), 1.0], np.float32)
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.7, 1.3))
    out += nprng.normal(0.0, rng.uniform(3.0, 6.0), out.shape).astype(np.float32)
    return _jpeg(out.clip(0, 255).astype(np.uint8), rng.randint(70, 88))


def capture(image: np.ndarray, kind: str, rng: random.Random) -> np.ndarray:
    """A clean page as it arrives at the counter by `kind` (one of `CAPTURES`)."""
    if kind == "scanner":
        return degrade(image, rng)
    if kind == "copy":
        return office_copy(image, rng)
    if kind == "phone":  # hand-held phone, 12 MP portrait, visible perspective
        return _photo(image, rng, (2250, 3000), rng.uniform(0.8, 0.9), 0.05, (70, 85, 95))
    if kind == "camera":  # document camera on the counter: top-down, landscape frame
        return _photo(image, rng, (2592, 1944), 0.94, 0.012, (40, 40, 45))
    if kind.startswith("rotated"):
        turns = {"rotated90": 1, "rotated180": 2, "rotated270": 3}[kind]
        return np.ascontiguousarray(np.rot90(degrade(image, rng), turns))
    raise ValueError(f"unknown capture {kind!r}; known: {', '.join(CAPTURES)}")
