"""The `skia` corpus's renderer: a page is a list of drawing operations in millimetres,
replayed by skia-python on a 300 ppi raster surface and, unchanged, on a page of a Skia
PDF document (skia.PDF.MakeDocument) whose text checks the truth.

Text is laid out by Skia itself: single lines with skia.Font and wrapped prose with
skia.textlayout's Paragraph (one TypefaceFontProvider holding only this corpus's faces,
loaded from their files; every character is checked against its face's cmap before it is
drawn, so no fallback can happen). Seals draw their ring words as glyph outlines
(skia.Font.getPath), QR-like blocks and check marks as rectangles and paths: none is text.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import skia
from fontTools.ttLib import TTFont

FACE_FILES = {
    # GNU Unifont: the print of the forms, like a dot-matrix printer's
    "print": "/usr/share/fonts/opentype/unifont/unifont.otf",
    # VL Gothic: entries filled in at the counter
    "entry": "/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf",
    # IPAex Mincho: signatures and entries written in a second hand
    "sign": "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf",
    # DejaVu Sans Mono: numbers and codes filled in
    "mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    # URW Nimbus Sans: Latin and digits of the form's own print (form numbers, pages)
    "latin": "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
}
PPI = 300
A4_MM = (210.0, 297.0)
PX_W = round(A4_MM[0] / 25.4 * PPI)
PX_H = round(A4_MM[1] / 25.4 * PPI)
BLACK = (20, 20, 24)
BLUE = (24, 40, 120)
RED = (205, 30, 36)


class MissingGlyph(ValueError):
    """A character the face that would draw it does not carry."""


@functools.cache
def typeface(face: str) -> skia.Typeface:
    tf = skia.Typeface.MakeFromFile(FACE_FILES[face])
    if tf is None:
        raise FileNotFoundError(FACE_FILES[face])
    return tf


@functools.cache
def _best_cmap(face: str) -> dict[int, str]:
    return dict(TTFont(FACE_FILES[face], lazy=True).getBestCmap())


@functools.cache
def cmap(face: str) -> frozenset[int]:
    return frozenset(_best_cmap(face))


def _radical(cp: int) -> bool:
    return 0x2E80 <= cp <= 0x2FDF


@functools.cache
def radical_ideographs() -> dict[str, str]:
    """Radicals (CJK Radicals Supplement, Kangxi Radicals) whose glyph in one of the faces
    is also an ideograph's: a PDF may write the glyph back as either."""
    out: dict[str, str] = {}
    for face in FACE_FILES:
        by_glyph: dict[str, int] = {}
        for cp, glyph in sorted(_best_cmap(face).items()):
            if not _radical(cp):
                by_glyph.setdefault(glyph, cp)
        for cp, glyph in _best_cmap(face).items():
            if _radical(cp) and glyph in by_glyph:
                out.setdefault(chr(cp), chr(by_glyph[glyph]))
    return out


def missing_glyphs(face: str, text: str) -> str:
    """The characters of `text` (whitespace aside) the face's cmap lacks."""
    have = cmap(face)
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and ord(c) not in have))


def _checked(face: str, text: str) -> None:
    missing = missing_glyphs(face, text)
    if missing:
        raise MissingGlyph(f"{face} lacks {missing!r} in {text!r}")


@functools.cache
def _font(face: str, size: float) -> skia.Font:
    font = skia.Font(typeface(face), size)
    font.setSubpixel(True)
    font.setEdging(skia.Font.Edging.kAntiAlias)
    return font


def text_width(face: str, size: float, text: str) -> float:
    return float(_font(face, size).measureText(text))


@functools.cache
def _collection() -> skia.textlayout.FontCollection:
    provider = skia.textlayout.TypefaceFontProvider()
    for face in FACE_FILES:
        provider.registerTypeface(typeface(face), face)
    collection = skia.textlayout.FontCollection()
    collection.setDefaultFontManager(provider)
    return collection


def _paragraph(
    runs: Sequence[tuple[str, str]], size: float, width: float, spacing: float, color: tuple
) -> skia.textlayout.Paragraph:
    style = skia.textlayout.ParagraphStyle()
    builder = skia.textlayout.ParagraphBuilder(style, _collection(), skia.Unicode())
    for face, text in runs:
        ts = skia.textlayout.TextStyle()
        ts.setFontFamilies([face])
        ts.setFontSize(size)
        ts.setHeight(spacing)
        ts.setHeightOverride(True)
        ts.setColor(skia.Color(*(BLUE if face in ("entry", "sign") else color)))
        builder.pushStyle(ts)
        builder.addText(text)
        builder.pop()
    paragraph = builder.Build()
    paragraph.layout(width)
    return paragraph


@dataclass
class Page:
    """A page's drawing operations and its truth, written together in reading order."""

    layout: str
    ops: list[tuple[str, tuple]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def truth(self) -> str:
        return "\n".join(line for line in self.lines if line.strip())

    def say(self, text: str) -> None:
        """Truth words drawn by the operations just added, in reading order."""
        self.lines.append(text)

    def field(self, name: str, value: str) -> None:
        if (name, value) not in self.fields:
            self.fields.append((name, value))

    def text(
        self,
        x: float,
        y: float,
        size: float,
        text: str,
        face: str = "print",
        align: str = "left",
        color: tuple = BLACK,
        truth: bool = True,
    ) -> float:
        """One line whose baseline is at `y` mm; returns its width in mm."""
        _checked(face, text)
        width = text_width(face, size, text)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        if face in ("entry", "sign") and color == BLACK:
            color = BLUE
        self.ops.append(("text", (x, y, size, text, face, color)))
        if truth:
            self.say(text)
        return width

    def rich(
        self,
        x: float,
        y: float,
        width: float,
        runs: Sequence[tuple[str, str]],
        size: float = 3.6,
        spacing: float = 1.7,
    ) -> float:
        """Wrapped prose (textlayout Paragraph) from `y` mm down; returns its height."""
        for face, text in runs:
            _checked(face, text)
        runs = tuple(runs)
        height = float(_paragraph(runs, size, width, spacing, BLACK).Height)
        self.ops.append(("rich", (x, y, width, runs, size, spacing)))
        self.say("".join(text for _, text in runs))
        return height

    def rich_at(
        self,
        x: float,
        baseline: float,
        width: float,
        runs: Sequence[tuple[str, str]],
        size: float = 3.6,
        spacing: float = 1.5,
    ) -> float:
        """Like `rich`, its first line's baseline at `baseline` mm; returns the height
        below that baseline."""
        first = float(_paragraph(tuple(runs), size, width, spacing, BLACK).AlphabeticBaseline)
        height = self.rich(x, baseline - first, width, runs, size, spacing)
        return height - first

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.3) -> None:
        self.ops.append(("line", (x1, y1, x2, y2, width, BLACK)))

    def dashed(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.ops.append(("dashed", (x1, y1, x2, y2)))

    def rect(self, x: float, y: float, w: float, h: float, width: float = 0.3) -> None:
        self.ops.append(("rect", (x, y, w, h, width)))

    def fill(self, x: float, y: float, w: float, h: float, grey: int) -> None:
        self.ops.append(("fill", (x, y, w, h, grey)))

    def box(self, x: float, y: float, ticked: bool) -> None:
        """A 3.2 mm check box with its top left at (x, y); a tick is a path, no text."""
        self.ops.append(("box", (x, y, ticked)))

    def seal(self, cx: float, cy: float, r: float, ring: str, bottom: str = "") -> None:
        """A red seal: ring words and star as outlines, never text."""
        _checked("print", ring + bottom)
        self.ops.append(("seal", (cx, cy, r, ring, bottom)))

    def qr(self, x: float, y: float, size: float, seed: int) -> None:
        self.ops.append(("qr", (x, y, size, seed)))

    def holes(self) -> None:
        """Sprocket holes of continuous stationery down both margins."""
        self.ops.append(("holes", ()))


def _paint(color: tuple, stroke: float | None = None, alpha: int = 255) -> skia.Paint:
    paint = skia.Paint(AntiAlias=True, Color=skia.Color(*color, alpha))
    if stroke is not None:
        paint.setStyle(skia.Paint.kStroke_Style)
        paint.setStrokeWidth(stroke)
    return paint


def _seal(canvas: skia.Canvas, cx: float, cy: float, r: float, ring: str, bottom: str) -> None:
    paint = _paint(RED, alpha=215)
    paint.setBlendMode(skia.BlendMode.kMultiply)
    ring_paint = _paint(RED, r * 0.045, 215)
    ring_paint.setBlendMode(skia.BlendMode.kMultiply)
    canvas.drawCircle(cx, cy, r, ring_paint)
    size = r * 0.26
    font = _font("print", size)
    rise = r * 0.86 - size * 0.88  # the baseline's radius: glyph tops just inside the ring
    span = 250.0  # degrees the ring words take, centred on the top
    n = len(ring)
    for i, ch in enumerate(ring):
        angle = -90 - span / 2 + span * (i + 0.5) / n
        glyph = font.textToGlyphs(ch)[0]
        path = font.getPath(glyph)
        if path is None:
            continue
        w = font.measureText(ch)
        m = skia.Matrix()
        m.setTranslate(-w / 2, 0)
        m.postRotate(angle + 90)
        rad = np.deg2rad(angle)
        m.postTranslate(cx + rise * np.cos(rad), cy + rise * np.sin(rad))
        path.transform(m)
        canvas.drawPath(path, paint)
    star = skia.Path()
    for k in range(10):
        rr = r * (0.27 if k % 2 == 0 else 0.11)
        a = np.deg2rad(-90 + 36 * k)
        (star.moveTo if k == 0 else star.lineTo)(cx + rr * np.cos(a), cy + rr * np.sin(a))
    star.close()
    canvas.drawPath(star, paint)
    if bottom:
        small = _font("print", r * 0.2)
        x = cx - small.measureText(bottom) / 2
        for ch in bottom:
            glyph = small.textToGlyphs(ch)[0]
            path = small.getPath(glyph)
            if path is not None:
                path.offset(x, cy + r * 0.62)
                canvas.drawPath(path, paint)
            x += small.measureText(ch)


def _qr(canvas: skia.Canvas, x: float, y: float, size: float, seed: int) -> None:
    n = 25
    cell = size / n
    bits = np.random.default_rng(seed).random((n, n)) < 0.5
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        bits[fy : fy + 7, fx : fx + 7] = False
    paint = _paint(BLACK)
    for j, i in zip(*np.nonzero(bits), strict=True):
        canvas.drawRect(skia.Rect.MakeXYWH(x + i * cell, y + j * cell, cell, cell), paint)
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        ox, oy = x + fx * cell, y + fy * cell
        canvas.drawRect(skia.Rect.MakeXYWH(ox, oy, 7 * cell, 7 * cell), paint)
        canvas.drawRect(
            skia.Rect.MakeXYWH(ox + cell, oy + cell, 5 * cell, 5 * cell), _paint((255, 255, 255))
        )
        canvas.drawRect(skia.Rect.MakeXYWH(ox + 2 * cell, oy + 2 * cell, 3 * cell, 3 * cell), paint)


def replay(canvas: skia.Canvas, page: Page) -> None:
    """Draw `page` on `canvas`, whose units are millimetres."""
    for kind, args in page.ops:
        if kind == "text":
            x, y, size, text, face, color = args
            canvas.drawString(text, x, y, _font(face, size), _paint(color))
        elif kind == "rich":
            x, y, width, runs, size, spacing = args
            _paragraph(runs, size, width, spacing, BLACK).paint(canvas, x, y)
        elif kind == "line":
            x1, y1, x2, y2, width, color = args
            canvas.drawLine(x1, y1, x2, y2, _paint(color, width))
        elif kind == "dashed":
            x1, y1, x2, y2 = args
            paint = _paint(BLACK, 0.2)
            paint.setPathEffect(skia.DashPathEffect.Make([1.2, 0.8], 0))
            canvas.drawLine(x1, y1, x2, y2, paint)
        elif kind == "rect":
            x, y, w, h, width = args
            canvas.drawRect(skia.Rect.MakeXYWH(x, y, w, h), _paint(BLACK, width))
        elif kind == "fill":
            x, y, w, h, grey = args
            canvas.drawRect(skia.Rect.MakeXYWH(x, y, w, h), _paint((grey, grey, grey)))
        elif kind == "box":
            x, y, ticked = args
            canvas.drawRect(skia.Rect.MakeXYWH(x, y, 3.2, 3.2), _paint(BLACK, 0.25))
            if ticked:
                tick = skia.Path()
                tick.moveTo(x + 0.5, y + 1.6)
                tick.lineTo(x + 1.4, y + 2.7)
                tick.lineTo(x + 3.4, y - 0.4)
                canvas.drawPath(tick, _paint(BLUE, 0.45))
        elif kind == "seal":
            _seal(canvas, *args)
        elif kind == "qr":
            _qr(canvas, *args)
        elif kind == "holes":
            paint = _paint((120, 120, 120), 0.25)
            for k in range(int(A4_MM[1] / 12.7)):
                y = 6.35 + 12.7 * k
                canvas.drawCircle(6.0, y, 2.0, paint)
                canvas.drawCircle(A4_MM[0] - 6.0, y, 2.0, paint)
            canvas.drawLine(12.5, 0, 12.5, A4_MM[1], _paint((150, 150, 150), 0.15))
            canvas.drawLine(
                A4_MM[0] - 12.5, 0, A4_MM[0] - 12.5, A4_MM[1], _paint((150, 150, 150), 0.15)
            )
        else:
            raise ValueError(kind)


def raster(page: Page) -> np.ndarray:
    """The page at 300 ppi, H×W×3 uint8 in BGR order (OpenCV's)."""
    surface = skia.Surface(PX_W, PX_H)
    with surface as canvas:
        canvas.clear(skia.ColorWHITE)
        canvas.scale(PPI / 25.4, PPI / 25.4)
        replay(canvas, page)
    rgba = surface.makeImageSnapshot().toarray(colorType=skia.kRGBA_8888_ColorType)
    return np.ascontiguousarray(rgba[:, :, 2::-1])


def pdf(pages: Sequence[Page]) -> bytes:
    """The same pages in one Skia PDF document (A4, points)."""
    stream = skia.DynamicMemoryWStream()
    document = skia.PDF.MakeDocument(stream)
    for page in pages:
        with document.page(A4_MM[0] / 25.4 * 72, A4_MM[1] / 25.4 * 72) as canvas:
            canvas.scale(72 / 25.4, 72 / 25.4)
            replay(canvas, page)
    document.close()
    return bytes(stream.detachAsData())
