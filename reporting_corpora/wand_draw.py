"""The `wand` renderer: ImageMagick (MagickWand through the PyPI `wand` binding) draws
each page on a 300 ppi A4 canvas. Text is drawn by `Drawing.text` with each face given by
its file (ImageMagick hands the file to FreeType: no fontconfig, no fallback), and every
character is checked against its face's cmap and to have an outline. The CJK faces are
whole simplified-Chinese WOFF files from npm @fontsource packages (tests/node, installed
by `make node-deps`); a missing file fails the build and says so. Seal ring words are glyph
outlines turned into paths, QR-like blocks rectangles: neither is text.

ImageMagick writes PDF only as an image, so the truth is checked against the page model's
own runs: the characters of every text run drawn, as a multiset, equal the truth's."""

from __future__ import annotations

import atexit
import itertools
import math
import random
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from fontTools.pens.basePen import BasePen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from wand.color import Color
from wand.drawing import Drawing
from wand.image import Image

DPI = 300
PX_W, PX_H = 2480, 3508  # A4 at 300 ppi
MM = DPI / 25.4
PT = DPI / 72

_NODE = Path(__file__).resolve().parents[1] / "tests" / "node" / "node_modules" / "@fontsource"
_URW = Path("/usr/share/fonts/opentype/urw-base35")
FACES = {
    # body print and typed values: a plain sans at a weight no other corpus uses
    "print": _NODE / "noto-sans-sc/files/noto-sans-sc-chinese-simplified-200-normal.woff",
    # labels, table heads, small print
    "label": _NODE / "noto-sans-sc/files/noto-sans-sc-chinese-simplified-600-normal.woff",
    # titles and seal ring words
    "title": _NODE / "noto-serif-sc/files/noto-serif-sc-chinese-simplified-800-normal.woff",
    # headings of notices, the issuer's name, subtitles (a display serif)
    "display": _NODE / "zcool-xiaowei/files/zcool-xiaowei-chinese-simplified-400-normal.woff",
    # entries by hand (brush kai)
    "hand": _NODE / "ma-shan-zheng/files/ma-shan-zheng-chinese-simplified-400-normal.woff",
    # signatures
    "sign": _NODE / "zhi-mang-xing/files/zhi-mang-xing-chinese-simplified-400-normal.woff",
    "latin": _URW / "P052-Roman.otf",  # typed numbers
    "formno": _URW / "URWBookman-Light.otf",  # form numbers, web addresses
}
HAND_FACES = ("hand", "sign")


class MissingFace(FileNotFoundError):
    pass


class MissingGlyph(ValueError):
    pass


class TruthMismatch(AssertionError):
    pass


def face_file(face: str) -> str:
    path = FACES[face]
    if not path.is_file():
        how = (
            "run `make node-deps` (npm ci --prefix tests/node)"
            if _NODE in path.parents
            else "run `make system-deps` (apt fonts-urw-base35)"
        )
        raise MissingFace(f"the wand corpus's {face} face {path} is missing: {how}")
    return str(path)


@cache
def _magick_file(face: str) -> str:
    """The face's file as ImageMagick is given it. A WOFF file is unwrapped once a process
    into a TrueType file of the same tables in a temporary folder: FreeType reads WOFF
    too, but ImageMagick opens the face anew for every run and inflating it each time made
    the text of a page cost 1.2 s instead of 0.25 s."""
    path = face_file(face)
    if not path.endswith(".woff"):
        return path
    folder = Path(tempfile.mkdtemp(prefix="wand-faces-"))
    atexit.register(shutil.rmtree, folder, True)
    font = TTFont(path)
    font.flavor = None
    out = folder / f"{face}.ttf"
    font.save(out)
    return str(out)


@cache
def _font(face: str) -> TTFont:
    return TTFont(face_file(face))


@cache
def _has_ink(face: str, char: str) -> bool:
    """The face maps `char` to a glyph with an outline (not an empty or .notdef glyph)."""
    font = _font(face)
    name = font.getBestCmap().get(ord(char))
    if name is None or name == ".notdef":
        return False
    if "glyf" in font:
        return bool(font["glyf"][name].numberOfContours)
    pen = BoundsPen(font.getGlyphSet())
    font.getGlyphSet()[name].draw(pen)
    return pen.bounds is not None


def missing_glyphs(face: str, text: str) -> str:
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and not _has_ink(face, c)))


@cache
def _advances(face: str) -> tuple[dict[int, int], float]:
    font = _font(face)
    hmtx = font["hmtx"]
    return (
        {cp: hmtx[name][0] for cp, name in font.getBestCmap().items()},
        float(font["head"].unitsPerEm),
    )


def width(face: str, size: float, text: str) -> float:
    """Advance of `text` in mm at `size` pt."""
    adv, upm = _advances(face)
    return sum(adv.get(ord(c), upm / 2) for c in text) / upm * size * 25.4 / 72


_CLOSING = "）)，。；：、！？》」”"


@dataclass
class Page:
    layout: str
    ops: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        face: str = "print",
        size: float = 10.5,
        *,
        align: str = "left",
        truth: bool = True,
    ) -> float:
        """A run with its baseline at (x, y) mm; returns its width in mm."""
        missing = missing_glyphs(face, text)
        if missing:
            raise MissingGlyph(f"{face} lacks {missing!r} in {text!r}")
        w = width(face, size, text)
        if align == "center":
            x -= w / 2
        elif align == "right":
            x -= w
        self.ops.append(("text", (x, y, text, face, size)))
        if truth:
            self.parts.append(text)
        return w

    def runs(self, x: float, y: float, runs: list[tuple[str, str]], size: float = 10.5) -> float:
        for face, text in runs:
            x += self.text(x, y, text, face, size)
        return x

    def wrap(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        face: str = "print",
        size: float = 10.5,
        lead: float = 1.7,
    ) -> float:
        """Text broken into lines of at most `w` mm; returns the y below it."""
        line = ""
        step = size * lead * 25.4 / 72
        for c in text:
            # a closing mark hangs past the measure rather than start a line
            if width(face, size, line + c) > w and line and c not in _CLOSING:
                self.text(x, y, line, face, size)
                y += step
                line = ""
            line += c
        if line:
            self.text(x, y, line, face, size)
            y += step
        return y

    def line(self, x0: float, y0: float, x1: float, y1: float, weight: float = 0.25) -> None:
        self.ops.append(("line", (x0, y0, x1, y1, weight)))

    def rect(self, x: float, y: float, w: float, h: float, weight: float = 0.25) -> None:
        self.ops.append(("rect", (x, y, w, h, weight)))

    def grid(
        self, x: float, y: float, cols: list[float], rows: list[float], weight: float = 0.25
    ) -> None:
        total_w, total_h = sum(cols), sum(rows)
        yy = y
        for h in [0.0, *rows]:
            yy += h
            self.line(x, yy, x + total_w, yy, weight)
        xx = x
        for w in [0.0, *cols]:
            xx += w
            self.line(xx, y, xx, y + total_h, weight)

    def box(self, x: float, y: float, ticked: bool) -> None:
        """A check box 3.2 mm wide whose bottom sits on baseline y."""
        self.rect(x, y - 3.0, 3.2, 3.2, 0.25)
        if ticked:
            self.ops.append(("tick", (x, y - 3.0)))

    def card(self, x: float, y: float, w: float, h: float) -> None:
        """The outline of an ID card's copy: a rounded rectangle."""
        self.ops.append(("card", (x, y, w, h)))

    def shade(self, x: float, y: float, w: float, h: float, grey: int = 225) -> None:
        """A filled grey rectangle (a photo on a card's copy)."""
        self.ops.append(("shade", (x, y, w, h, grey)))

    def seal(self, cx: float, cy: float, r: float, ring: str) -> None:
        """A red seal: ring words as glyph outlines (not text) round a star."""
        missing = missing_glyphs("title", ring)
        if missing:
            raise MissingGlyph(f"title lacks {missing!r} in seal {ring!r}")
        self.ops.append(("seal", (cx, cy, r, ring)))

    def qr(self, x: float, y: float, size: float, seed: int) -> None:
        self.ops.append(("qr", (x, y, size, seed)))

    def field(self, name: str, value: str) -> None:
        if (name, value) not in self.fields:
            self.fields.append((name, value))

    def truth(self) -> str:
        return "\n".join(self.parts)

    def drawn_text(self) -> str:
        return "\n".join(args[2] for kind, args in self.ops if kind == "text")


class _PathPen(BasePen):
    """Glyph outlines to a MagickWand path, through a transform of font units to px."""

    def __init__(self, glyphs: Any, draw: Drawing, transform: Any) -> None:
        super().__init__(glyphs)
        self.draw, self.t = draw, transform

    def _moveTo(self, p: tuple[float, float]) -> None:
        self.draw.path_move(to=self.t(p))

    def _lineTo(self, p: tuple[float, float]) -> None:
        self.draw.path_line(to=self.t(p))

    def _curveToOne(self, a: Any, b: Any, c: Any) -> None:
        self.draw.path_curve(to=self.t(c), controls=(self.t(a), self.t(b)))

    def _qCurveToOne(self, a: Any, b: Any) -> None:
        self.draw.path_curve_to_quadratic_bezier(to=self.t(b), control=self.t(a))

    def _closePath(self) -> None:
        self.draw.path_close()


def _glyph_path(
    draw: Drawing, face: str, char: str, cx: float, cy: float, size: float, angle: float
) -> None:
    """`char` of `face` as a filled path, `size` px em, centred at (cx, cy), turned by
    `angle` (radians, clockwise from upright)."""
    font = _font(face)
    glyphs = font.getGlyphSet()
    name = font.getBestCmap()[ord(char)]
    upm = font["head"].unitsPerEm
    s = size / upm
    adv = font["hmtx"][name][0]
    ca, sa = math.cos(angle), math.sin(angle)

    def t(p: tuple[float, float]) -> tuple[float, float]:
        # font units (y up), centred on the em box, to page px (y down), rotated
        u, v = (p[0] - adv / 2) * s, -(p[1] - upm * 0.38) * s
        return (cx + u * ca - v * sa, cy + u * sa + v * ca)

    draw.path_start()
    glyphs[name].draw(_PathPen(glyphs, draw, t))
    draw.path_finish()


def _ink(draw: Drawing, colour: str) -> None:
    draw.fill_color = Color(colour)
    draw.stroke_color = Color("none")


def render(page: Page, canvas: tuple[int, int] = (PX_W, PX_H)) -> tuple[np.ndarray, str]:
    """The page drawn by ImageMagick (PX_H × PX_W × 3 uint8; the tests' probes draw on a
    smaller `canvas`, width and height in px) and the text of its runs."""
    px_w, px_h = canvas
    with Image(width=px_w, height=px_h, background=Color("white")) as img:
        with Drawing() as d:
            d.text_antialias = True
            d.stroke_antialias = True
            for kind, args in page.ops:
                if kind == "text":
                    x, y, text, face, size = args
                    _ink(d, "#1b2a6b" if face in HAND_FACES else "#151515")
                    d.font = _magick_file(face)
                    d.font_size = size * PT
                    d.text(round(x * MM), round(y * MM), text)
                elif kind in ("line", "rect"):
                    # a stroked rectangle costs ImageMagick a scan of all it encloses
                    # (a second for a page border): its four sides are drawn as lines
                    d.fill_color = Color("none")
                    d.stroke_color = Color("#202020")
                    d.stroke_width = max(1.0, args[-1] * MM)
                    if kind == "line":
                        x0, y0, x1, y1, _ = args
                        d.line((x0 * MM, y0 * MM), (x1 * MM, y1 * MM))
                    else:
                        x, y, w, h, _ = args
                        for a, b in _sides(x, y, w, h):
                            d.line(a, b)
                elif kind == "tick":
                    x, y = args
                    d.fill_color = Color("none")
                    d.stroke_color = Color("#1b2a6b")
                    d.stroke_width = 0.45 * MM
                    d.polyline(
                        [
                            ((x + 0.5) * MM, (y + 1.6) * MM),
                            ((x + 1.4) * MM, (y + 2.8) * MM),
                            ((x + 3.4) * MM, (y - 0.6) * MM),
                        ]
                    )
                elif kind == "card":
                    x, y, w, h = args
                    d.fill_color = Color("none")
                    d.stroke_color = Color("#303030")
                    d.stroke_width = 0.3 * MM
                    r = 3.2
                    for a, b in _sides(x + r, y, w - 2 * r, h):
                        if a[1] == b[1]:
                            d.line(a, b)  # top and bottom
                    for a, b in _sides(x, y + r, w, h - 2 * r):
                        if a[0] == b[0]:
                            d.line(a, b)  # left and right
                    for cx, cy, start in (
                        (x + r, y + r, 180),
                        (x + w - r, y + r, 270),
                        (x + w - r, y + h - r, 0),
                        (x + r, y + h - r, 90),
                    ):
                        arc = [
                            (
                                (cx + r * math.cos(math.radians(start + k * 10))) * MM,
                                (cy + r * math.sin(math.radians(start + k * 10))) * MM,
                            )
                            for k in range(10)
                        ]
                        for a, b in itertools.pairwise(arc):
                            d.line(a, b)  # a polyline would be closed by a chord
                elif kind == "shade":
                    x, y, w, h, grey = args
                    _ink(d, f"rgb({grey},{grey},{grey})")
                    d.rectangle(left=x * MM, top=y * MM, width=w * MM, height=h * MM)
                elif kind == "qr":
                    x, y, size, seed = args
                    _qr(d, x, y, size, seed)
            d.stroke_width = 0
            d(img)
        with Drawing() as d:  # seals last, over the text
            for kind, args in page.ops:
                if kind == "seal":
                    _seal(d, *args)
            d(img)
        img.format = "rgb"
        img.depth = 8
        img.alpha_channel = "off"
        arr = np.frombuffer(img.make_blob(), np.uint8).reshape(px_h, px_w, 3).copy()
    return arr, page.drawn_text()


def _sides(
    x: float, y: float, w: float, h: float
) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The four sides of a rectangle in mm, as pairs of px points."""
    a, b, c, e = (
        (x * MM, y * MM),
        ((x + w) * MM, y * MM),
        ((x + w) * MM, (y + h) * MM),
        (
            x * MM,
            (y + h) * MM,
        ),
    )
    return [(a, b), (b, c), (c, e), (e, a)]


def _qr(d: Drawing, x: float, y: float, size: float, seed: int) -> None:
    rng = random.Random(seed)
    n = 25
    cell = size / n
    _ink(d, "#111111")
    finder = {
        (r, c)
        for r0, c0 in ((0, 0), (0, n - 7), (n - 7, 0))
        for r in range(r0, r0 + 7)
        for c in range(c0, c0 + 7)
    }
    for r in range(n):
        for c in range(n):
            if (r, c) in finder:
                rr, cc = r % (n - 7) if r >= n - 7 else r, c % (n - 7) if c >= n - 7 else c
                on = rr in (0, 6) or cc in (0, 6) or (2 <= rr <= 4 and 2 <= cc <= 4)
            else:
                on = rng.random() < 0.5
            if on:
                d.rectangle(
                    left=(x + c * cell) * MM,
                    top=(y + r * cell) * MM,
                    width=cell * MM,
                    height=cell * MM,
                )


def _seal(d: Drawing, cx: float, cy: float, r: float, ring: str) -> None:
    red = "rgba(205,28,36,0.82)"
    d.fill_color = Color("none")
    d.stroke_color = Color(red)
    d.stroke_width = 0.9 * MM
    d.circle((cx * MM, cy * MM), ((cx + r) * MM, cy * MM))
    d.stroke_color = Color("none")
    d.fill_color = Color(red)
    d.fill_rule = "nonzero"
    n = len(ring)
    spread = math.radians(min(270.0, 24.0 * n))
    outer = (r - 1.3) * MM  # inside the ring line
    k = spread / n * 0.9  # em per radius that the arc leaves each glyph
    size = min(r * 0.3 * MM, k * outer / (1 + 0.62 * k))
    rr = outer - size * 0.62  # the glyphs' centres
    for i, ch in enumerate(ring):
        a = -spread / 2 + spread * (i + 0.5) / n  # 0 at the top, clockwise
        _glyph_path(d, "title", ch, cx * MM + rr * math.sin(a), cy * MM - rr * math.cos(a), size, a)
    star = r * 0.3 * MM
    d.polygon(
        [
            (
                cx * MM + star * (1 if k % 2 == 0 else 0.38) * math.sin(math.pi * k / 5),
                cy * MM - star * (1 if k % 2 == 0 else 0.38) * math.cos(math.pi * k / 5),
            )
            for k in range(10)
        ]
    )


def check_truth(page: Page, text: str) -> None:
    """The truth and the text drawn hold the same characters, as multisets."""
    want = Counter("".join(page.truth().split()))
    got = Counter("".join(text.split()))
    if want != got:
        raise TruthMismatch(f"{page.layout}: truth-only {want - got}, drawn-only {got - want}")
