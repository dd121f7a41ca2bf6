"""The `pygame` corpus's renderer: pygame 2.6 (SDL 2 with SDL_ttf, FreeType and HarfBuzz)
draws each page on a 300 ppi A4 `pygame.Surface`, headless (the dummy video driver, set in
code before pygame starts; no window), read back as numpy through `pygame.surfarray`.

A page is a list of drawing operations in reading order (text runs, rules, boxes, check
marks, seals, QR-like blocks, a light diagonal overprint) and the truth is the text runs'
strings in that order. Text is `pygame.font.Font(path, px).render`, one face to a run, no
fallback. Faces come from npm (tests/node, `make node-deps`) as WOFF2: 思源屏显臻宋 (a Song
for the print, @chinese-fonts cn-font-split pieces), ZCOOL KuaiLe (entries by hand) and Liu
Jian Mao Cao (signatures), each joined by fontTools into one TrueType file in a cache beside
node_modules the first time it is needed, never at import. Every character drawn is checked
against its face's cmap and to have a non-empty outline (MissingGlyph otherwise), and
again as it is drawn against SDL_ttf's own glyph metrics. Seal ring words are glyph
outlines (fontTools) filled as polygons even-odd, not text; QR-like blocks are rectangles;
the diagonal overprint of an ID copy is a watermark, not read. pygame makes no PDF: the
renderer's account of what it drew is the strings of the runs it rendered with ink, which
the truth is checked against as a multiset of characters."""

from __future__ import annotations

import math
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
from fontTools.pens.basePen import BasePen

from reporting_corpora import npm_faces

PPI = 300
PX_W, PX_H = 2480, 3508  # A4
MM = PPI / 25.4
PT = PPI / 72


# face: (npm package, version, glob of its WOFF2 file or pieces)
FACES = {
    # 思源屏显臻宋 (Source Han Serif CN for Display), split: print, labels, titles, small print
    "song": ("@chinese-fonts/sypxzs", "3.0.0", "dist/*/*.woff2"),
    # ZCOOL KuaiLe (站酷快乐体): entries by hand
    "hand": (
        "@fontsource/zcool-kuaile",
        "5.3.0",
        "files/zcool-kuaile-chinese-simplified-400-normal.woff2",
    ),
    # Liu Jian Mao Cao (刘建毛草): signatures
    "sign": (
        "@fontsource/liu-jian-mao-cao",
        "5.3.0",
        "files/liu-jian-mao-cao-chinese-simplified-400-normal.woff2",
    ),
}
INK = (22, 20, 24)
BLUE = (28, 44, 120)  # ballpoint
RED = (212, 30, 36)
GREY = (120, 120, 124)


class MissingGlyph(ValueError):
    pass


class TruthMismatch(ValueError):
    pass


@cache
def face_file(face: str) -> str:
    """The face's TrueType file, made from its npm package if missing."""
    package, version, pattern = FACES[face]
    return npm_faces.joined_face(package, version, pattern)


def missing_glyphs(face: str, text: str) -> str:
    """The characters of `text` (whitespace aside) the face lacks or draws empty."""
    return "".join(
        c for c in text if not c.isspace() and not npm_faces.has_outline(face_file(face), c)
    )


def _pygame() -> Any:
    # headless: pygame's dummy video driver, set here (not by whoever runs us)
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    import pygame

    if not pygame.font.get_init():
        pygame.font.init()
    return pygame


@cache
def _font(face: str, px: int) -> Any:
    return _pygame().font.Font(face_file(face), px)


def width_mm(face: str, pt: float, text: str) -> float:
    adv, upem = npm_faces.advances(face_file(face))
    return sum(adv.get(c, upem) for c in text) / upem * pt * PT / MM


class _PolyPen(BasePen):
    """Glyph contours flattened to polygons in page pixels."""

    def __init__(self, glyph_set: Any, matrix: tuple[float, ...]):
        super().__init__(glyph_set)
        self.matrix = matrix
        self.polys: list[list[tuple[float, float]]] = []
        self._cur: list[tuple[float, float]] = []
        self._last = (0.0, 0.0)

    def _xy(self, pt: tuple[float, float]) -> tuple[float, float]:
        a, b, c, d, e, f = self.matrix
        return (a * pt[0] + c * pt[1] + e, b * pt[0] + d * pt[1] + f)

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self._cur = [self._xy(pt)]
        self._last = pt

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self._cur.append(self._xy(pt))
        self._last = pt

    def _curveToOne(
        self, p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]
    ) -> None:
        p0 = self._last
        for k in range(1, 7):
            t = k / 6
            u = 1 - t
            x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
            y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
            self._cur.append(self._xy((x, y)))
        self._last = p3

    def _qCurveToOne(self, p1: tuple[float, float], p2: tuple[float, float]) -> None:
        p0 = self._last
        for k in range(1, 5):
            t = k / 4
            u = 1 - t
            x = u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0]
            y = u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1]
            self._cur.append(self._xy((x, y)))
        self._last = p2

    def _closePath(self) -> None:
        if len(self._cur) >= 3:
            self.polys.append(self._cur)
        self._cur = []


def glyph_polygons(face: str, char: str, px: float, cx: float, cy: float, angle: float) -> Any:
    """The character's outline, `px` em high, centred on (cx, cy) and turned by `angle`
    (radians, 0 upright), as polygons in page pixels."""
    font = npm_faces.opened(face_file(face))
    upem = font["head"].unitsPerEm
    name = npm_faces.cmap(face_file(face))[ord(char)]
    adv = font["hmtx"].metrics[name][0]
    s = px / upem
    ca, sa = math.cos(angle), math.sin(angle)
    # glyph units: centre at (adv/2, 0.38 em); y up in the font, down on the page
    ox, oy = adv / 2, upem * 0.38
    matrix = (s * ca, s * sa, s * sa, -s * ca, 0.0, 0.0)
    pen = _PolyPen(font.getGlyphSet(), matrix)
    font.getGlyphSet()[name].draw(pen)
    dx = cx - (matrix[0] * ox + matrix[2] * oy)
    dy = cy - (matrix[1] * ox + matrix[3] * oy)
    return [[(x + dx, y + dy) for x, y in poly] for poly in pen.polys]


@dataclass
class Page:
    layout: str
    ops: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    runs: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def truth(self) -> str:
        return "\n".join(self.runs)

    def field(self, name: str, value: str) -> None:
        if (name, value) not in self.fields:
            self.fields.append((name, value))

    def text(
        self,
        x: float,
        y: float,
        pt: float,
        s: str,
        face: str = "song",
        color: tuple[int, int, int] = INK,
        align: str = "left",
    ) -> float:
        """A run with its top-left (or centre/right by `align`) at (x, y) mm; returns its
        width in mm."""
        missing = missing_glyphs(face, s)
        if missing:
            raise MissingGlyph(f"{face} lacks {missing!r} in {s!r}")
        w = width_mm(face, pt, s)
        if align == "center":
            x -= w / 2
        elif align == "right":
            x -= w
        self.ops.append(("text", (x, y, pt, s, face, color)))
        self.runs.append(s)
        return w

    def wrap(
        self,
        x: float,
        y: float,
        width: float,
        pt: float,
        s: str,
        face: str = "song",
        lead: float = 1.6,
        indent: float = 0.0,
    ) -> float:
        """Prose broken into lines within `width` mm; returns the y below it."""
        line, first = "", True
        for ch in s:
            room = width - (indent if first else 0)
            if line and width_mm(face, pt, line + ch) > room and ch not in "，。；、：）》":
                self.text(x + (indent if first else 0), y, pt, line, face)
                y += pt * lead * PT / MM
                line, first = "", False
            line += ch
        if line:
            self.text(x + (indent if first else 0), y, pt, line, face)
            y += pt * lead * PT / MM
        return y

    def rule(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25) -> None:
        self.ops.append(("rule", (x0, y0, x1, y1, w)))

    def box(self, x: float, y: float, w: float, h: float, lw: float = 0.25) -> None:
        self.ops.append(("box", (x, y, w, h, lw)))

    def check(self, x: float, y: float, ticked: bool) -> None:
        """A check box of 3.2 mm at (x, y), ticked by hand or empty."""
        self.ops.append(("check", (x, y, ticked)))

    def seal(self, cx: float, cy: float, r: float, ring: str, rng: random.Random) -> None:
        self.ops.append(("seal", (cx, cy, r, ring, rng.uniform(-0.4, 0.4), rng.random())))

    def qr(self, x: float, y: float, size: float, rng: random.Random) -> None:
        n = 25
        cells = [[rng.random() < 0.5 for _ in range(n)] for _ in range(n)]
        self.ops.append(("qr", (x, y, size, cells)))

    def photo(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(("photo", (x, y, w, h)))

    def overprint(self, cx: float, cy: float, pt: float, s: str, angle: float) -> None:
        """A light diagonal watermark (not part of the truth: it is read past, like a seal)."""
        if missing_glyphs("song", s):
            raise MissingGlyph(s)
        self.ops.append(("overprint", (cx, cy, pt, s, angle)))


def _px(v: float) -> int:
    return round(v * MM)


def render(page: Page) -> tuple[np.ndarray, str]:
    """The page as an RGB array (PX_H, PX_W, 3) and the text of the runs drawn with ink."""
    pg = _pygame()
    gfx = __import__("pygame.gfxdraw").gfxdraw
    surface = pg.Surface((PX_W, PX_H))
    surface.fill((255, 255, 255))
    drawn: list[str] = []
    for kind, args in page.ops:
        if kind == "text":
            x, y, pt, s, face, color = args
            font = _font(face, round(pt * PT))
            if any(m is None for m in font.metrics(s)):
                raise MissingGlyph(f"SDL_ttf finds no glyph in {face} for part of {s!r}")
            run = font.render(s, True, color)
            alpha = pg.surfarray.pixels_alpha(run)
            inked = bool(alpha.max() > 0) if alpha.size else False
            del alpha
            if inked or s.isspace():
                drawn.append(s)
            surface.blit(run, (_px(x), _px(y)))
        elif kind == "rule":
            x0, y0, x1, y1, w = args
            pg.draw.line(surface, INK, (_px(x0), _px(y0)), (_px(x1), _px(y1)), max(1, _px(w)))
        elif kind == "box":
            x, y, w, h, lw = args
            pg.draw.rect(surface, INK, (_px(x), _px(y), _px(w), _px(h)), max(1, _px(lw)))
        elif kind == "check":
            x, y, ticked = args
            pg.draw.rect(surface, INK, (_px(x), _px(y), _px(3.2), _px(3.2)), 3)
            if ticked:
                pts = [(x + 0.5, y + 1.6), (x + 1.4, y + 2.8), (x + 3.6, y - 0.4)]
                pg.draw.lines(surface, BLUE, False, [(_px(a), _px(b)) for a, b in pts], 6)
        elif kind == "photo":
            x, y, w, h = args
            pg.draw.rect(surface, (214, 216, 220), (_px(x), _px(y), _px(w), _px(h)))
            surface.set_clip((_px(x), _px(y), _px(w), _px(h)))
            cx = _px(x + w / 2)
            gfx.filled_ellipse(surface, cx, _px(y + h * 0.36), _px(w * 0.2), _px(h * 0.2), GREY)
            gfx.filled_ellipse(surface, cx, _px(y + h), _px(w * 0.38), _px(h * 0.3), GREY)
            surface.set_clip(None)
        elif kind == "qr":
            x, y, size, cells = args
            n = len(cells)
            cell = size / n
            for i, row in enumerate(cells):
                for j, on in enumerate(row):
                    for fi, fj in ((0, 0), (0, n - 7), (n - 7, 0)):
                        if fi <= i < fi + 7 and fj <= j < fj + 7:
                            on = max(abs(i - fi - 3), abs(j - fj - 3)) in (0, 1, 3)
                    if on:
                        pg.draw.rect(
                            surface,
                            INK,
                            (_px(x + j * cell), _px(y + i * cell), _px(cell) + 1, _px(cell) + 1),
                        )
        elif kind == "seal":
            _seal(pg, gfx, surface, *args)
        elif kind == "overprint":
            cx, cy, pt, s, angle = args
            run = _font("song", round(pt * PT)).render(s, True, (150, 150, 150))
            turned = pg.transform.rotozoom(run, angle, 1.0)
            turned.set_alpha(90)
            r = turned.get_rect(center=(_px(cx), _px(cy)))
            surface.blit(turned, r)
    image = np.ascontiguousarray(pg.surfarray.array3d(surface).transpose(1, 0, 2))
    return image, "\n".join(drawn)


def _seal(
    pg: Any, gfx: Any, page: Any, cx: float, cy: float, r: float, ring: str, tilt: float, ink: float
) -> None:
    """A round red seal: a double ring, its words round the top as filled glyph outlines,
    a star; stamped by multiplying (text under it shows through), inked unevenly."""
    size = _px(2 * r) + 8
    seal = pg.Surface((size, size))
    seal.fill((255, 255, 255))
    c = size / 2
    rp = r * MM
    red = (RED[0], RED[1] + int(30 * ink), RED[2] + int(30 * ink))
    pg.draw.circle(seal, red, (c, c), rp, max(4, round(rp * 0.06)))
    # ring words: glyph outlines, even-odd, on a mask
    mask = np.zeros((size, size), bool)
    span = math.radians(min(290, 24 * len(ring)))
    # glyphs fill most of their share of the ring's arc, no more than 0.27 of the radius
    glyph_px = min(rp * 0.27, 0.92 * 0.66 * rp * span / len(ring))
    for k, ch in enumerate(ring):
        a = -math.pi / 2 - span / 2 + span * (k + 0.5) / len(ring) + tilt
        gx, gy = c + math.cos(a) * rp * 0.66, c + math.sin(a) * rp * 0.66
        for poly in glyph_polygons("song", ch, glyph_px, gx, gy, a + math.pi / 2):
            tmp = pg.Surface((size, size))
            tmp.fill((0, 0, 0))
            pg.draw.polygon(tmp, (255, 255, 255), poly)
            mask ^= pg.surfarray.array_red(tmp).T > 0
    star = []
    for k in range(10):
        a = -math.pi / 2 + tilt + k * math.pi / 5
        rr = rp * (0.22 if k % 2 == 0 else 0.09)
        star.append((c + math.cos(a) * rr, c + math.sin(a) * rr))
    pg.draw.polygon(seal, red, star)
    arr = pg.surfarray.pixels3d(seal)
    arr[mask.T] = red
    del arr
    page.blit(seal, (round(cx * MM - c), round(cy * MM - c)), special_flags=pg.BLEND_RGB_MULT)


def check_truth(page: Page, text: str) -> None:
    """The truth must be, as a multiset of characters, what the renderer drew."""
    truth = Counter("".join(page.truth().split()))
    drawn = Counter("".join(text.split()))
    if truth != drawn:
        raise TruthMismatch(
            f"{page.layout}: truth-only {truth - drawn}, drawn-only {drawn - truth}"
        )
