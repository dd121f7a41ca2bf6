"""The `blend` corpus's renderer: Blend2D (PyPI `blend2d-python`, its own rasteriser and its
own font engine, not FreeType) draws each page on a 300 ppi A4 image.

A page is a list of drawing operations in reading order (text runs, rules, boxes, check
marks, photo boxes, seals, QR-like blocks) and the truth is the text runs' strings in that
order. Faces come from npm packages (tests/node, `make node-deps`) as WOFF2: whole
simplified-Chinese files from @fontsource and, from @chinese-fonts, faces split by
cn-font-split into a hundred WOFF2 pieces each; both are turned by fontTools into one
TrueType file per face in a cache beside node_modules the first time a face is needed
(composite glyphs decomposed, layout tables dropped), never at import. Blend2D loads each
face from its file, one face to a run, with no fallback: every character drawn is checked
against its face's cmap and to have an outline (MissingGlyph otherwise). Seal ring words
are glyph outlines (fontTools) turned into Blend2D paths, not text. `glyph_text` maps the
glyph ids Blend2D's shaper gives each run back to characters through the face's cmap: the
renderer's own account of what it drew, which the truth is checked against."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import blend2d as bl
import numpy as np
from fontTools.pens.basePen import BasePen

from reporting_corpora import npm_faces

PPI = 300
PX_W, PX_H = 2480, 3508  # A4
MM = PPI / 25.4
PT = PPI / 72


# face: (npm package, version, glob of its WOFF2 file or pieces, what it draws)
FACES = {
    # Maoken Assorted Sans 1.30 (猫啃什锦黑), split: the print of the forms, labels, small print
    "print": ("@chinese-fonts/mksjh", "1.4.0", "dist/*/*.woff2"),
    # ZCOOL QingKe HuangYou (站酷庆科黄油体): titles, the issuing office, seal words
    "title": (
        "@fontsource/zcool-qingke-huangyou",
        "5.3.0",
        "files/zcool-qingke-huangyou-chinese-simplified-400-normal.woff2",
    ),
    # Jiangxi Zhuokai (江西拙楷), split: entries by hand
    "hand": ("@chinese-fonts/jxzk", "1.3.0", "dist/*/*.woff2"),
    # Honglei Xingshu (鸿雷行书简体), split: signatures
    "sign": ("@chinese-fonts/hlxsjt", "1.2.0", "dist/*/*.woff2"),
    # Long Cang (龙藏体): the clerk's notes by hand
    "note": (
        "@fontsource/long-cang",
        "5.3.0",
        "files/long-cang-chinese-simplified-400-normal.woff2",
    ),
}
HAND_FACES = ("hand", "sign", "note")
INK = (0.07, 0.07, 0.08, 1.0)
BLUE = (0.09, 0.16, 0.45, 1.0)  # ballpoint
RED = (0.84, 0.1, 0.12, 1.0)


class MissingGlyph(ValueError):
    pass


@cache
def face_file(face: str) -> str:
    """The face's TrueType file, made from its npm package if missing."""
    package, version, pattern = FACES[face]
    return npm_faces.joined_face(package, version, pattern)


@cache
def _reverse_cmap(face: str) -> dict[int, str]:
    """Glyph id to character (each glyph has one character: the cache file is built so)."""
    font = npm_faces.opened(face_file(face))
    return {font.getGlyphID(name): chr(cp) for cp, name in npm_faces.cmap(face_file(face)).items()}


def missing_glyphs(face: str, text: str) -> str:
    """The characters of `text` (spaces aside) the face lacks or maps to an empty glyph."""
    return "".join(
        dict.fromkeys(
            c for c in text if not c.isspace() and not npm_faces.has_outline(face_file(face), c)
        )
    )


def width_mm(face: str, size_pt: float, text: str) -> float:
    advances, upem = npm_faces.advances(face_file(face))
    return sum(advances.get(c, upem) for c in text) * size_pt / upem * 25.4 / 72


@cache
def _bl_face(face: str) -> bl.BLFontFace:
    return bl.BLFontFace.create_from_file(face_file(face))


@cache
def _bl_font(face: str, px: float) -> bl.BLFont:
    font = bl.BLFont()
    font.create_from_face(_bl_face(face), px)
    return font


def glyph_text(face: str, text: str) -> str:
    """The characters of the glyphs Blend2D's shaper gives `text` in `face` (spaces
    aside), through the face's cmap; a glyph with no character (.notdef) reads as U+FFFD."""
    ids, _ = _bl_font(face, 40.0).shape(text.replace(" ", ""))
    reverse = _reverse_cmap(face)
    return "".join(reverse.get(g, "\ufffd") for g in ids)


class _PathPen(BasePen):
    """fontTools outline to a Blend2D path, font units to page pixels by `matrix`."""

    def __init__(self, glyph_set: object, path: bl.BLPath, matrix: tuple[float, ...]):
        super().__init__(glyph_set)
        self.path, self.m = path, matrix

    def _xy(self, pt: tuple[float, float]) -> tuple[float, float]:
        a, b, c, d, e, f = self.m
        return a * pt[0] + c * pt[1] + e, b * pt[0] + d * pt[1] + f

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.path.move_to(*self._xy(pt))

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.path.line_to(*self._xy(pt))

    def _curveToOne(
        self, p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]
    ) -> None:
        self.path.cubic_to(*self._xy(p1), *self._xy(p2), *self._xy(p3))

    def _qCurveToOne(self, p1: tuple[float, float], p2: tuple[float, float]) -> None:
        self.path.quadric_to(*self._xy(p1), *self._xy(p2))

    def _closePath(self) -> None:
        self.path.close()


@dataclass
class Page:
    """Operations in reading order, in millimetres from the top left; text's y is its
    baseline."""

    layout: str
    ops: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    runs: list[tuple[str, str]] = field(default_factory=list)  # (face, text) drawn

    def truth(self) -> str:
        return "\n".join(text for _, text in self.runs)

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
        color: tuple[float, ...] | None = None,
        align: str = "left",
        tilt: float = 0.0,
    ) -> float:
        """Draw one run; returns its right edge in mm."""
        missing = missing_glyphs(face, text)
        if missing:
            raise MissingGlyph(f"{face} lacks {missing!r} ({text!r})")
        w = width_mm(face, size, text)
        if align == "center":
            x -= w / 2
        elif align == "right":
            x -= w
        ink = color or (BLUE if face in HAND_FACES else INK)
        self.ops.append(("text", (x, y, size, text, face, ink, tilt)))
        self.runs.append((face, text))
        return x + w

    def wrap(
        self,
        x: float,
        y: float,
        width: float,
        size: float,
        text: str,
        face: str = "print",
        lead: float = 1.6,
        indent: int = 0,
    ) -> float:
        """Prose broken into lines of `width` mm (first line indented by `indent`
        characters); returns the baseline after the last line."""
        step = size * lead * 25.4 / 72
        line, offset = "", indent * size * 25.4 / 72
        for char in text:
            if line and width_mm(face, size, line + char) > width - offset:
                self.text(x + offset, y, size, line, face)
                y, line, offset = y + step, "", 0.0
            line += char
        if line:
            self.text(x + offset, y, size, line, face)
        return y + step

    def rule(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        width: float = 0.25,
        color: tuple[float, ...] = INK,
    ) -> None:
        self.ops.append(("rule", (x0, y0, x1, y1, width, color)))

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        width: float = 0.25,
        color: tuple[float, ...] = INK,
    ) -> None:
        self.ops.append(("box", (x, y, w, h, width, color)))

    def fill(self, x: float, y: float, w: float, h: float, color: tuple[float, ...]) -> None:
        self.ops.append(("fill", (x, y, w, h, color)))

    def check(self, x: float, y: float, size: float, ticked: bool) -> None:
        """A printed check box, ticked by hand (a ballpoint stroke) or not."""
        self.ops.append(("check", (x, y, size, ticked)))

    def seal(self, cx: float, cy: float, r: float, ring: str, centre: str = "") -> None:
        """A red seal: ring words and the centre line as glyph outlines, a star; not text."""
        for face, words in (("title", ring), ("title", centre)):
            missing = missing_glyphs(face, words)
            if missing:
                raise MissingGlyph(f"{face} lacks {missing!r} ({words!r})")
        self.ops.append(("seal", (cx, cy, r, ring, centre)))

    def qr(self, x: float, y: float, size: float, seed: int) -> None:
        self.ops.append(("qr", (x, y, size, seed)))


def _rect(x: float, y: float, w: float, h: float) -> bl.BLRect:
    return bl.BLRect(x * MM, y * MM, w * MM, h * MM)


def _outline_path(face: str, text: str, matrices: Iterator[tuple[float, ...]]) -> bl.BLPath:
    font = npm_faces.opened(face_file(face))
    glyph_set, cmap = font.getGlyphSet(), npm_faces.cmap(face_file(face))
    path = bl.BLPath()
    for char, matrix in zip(text, matrices, strict=False):
        glyph_set[cmap[ord(char)]].draw(_PathPen(glyph_set, path, matrix))
    return path


def _seal(ctx: bl.BLContext, cx: float, cy: float, r: float, ring: str, centre: str) -> None:
    ctx.save()
    ctx.comp_op = bl.BLCompOp.MULTIPLY
    ctx.set_fill_style((0.86, 0.16, 0.15, 0.82))
    ctx.set_stroke_style((0.86, 0.16, 0.15, 0.82))
    X, Y, R = cx * MM, cy * MM, r * MM
    ctx.stroke_width = R * 0.06
    circle = bl.BLPath()
    for i in range(181):
        a = 2 * math.pi * i / 180
        point = (X + R * 0.95 * math.cos(a), Y + R * 0.95 * math.sin(a))
        circle.move_to(*point) if i == 0 else circle.line_to(*point)
    ctx.stroke_path(circle)
    upem = npm_faces.opened(face_file("title"))["head"].unitsPerEm
    n = max(len(ring), 1)
    span_max = math.radians(235)
    size = min(R * 0.27, 0.95 * R * 0.72 * span_max / n)
    s = size / upem
    span = min(span_max, n * size * 1.08 / (R * 0.72))

    def ring_matrices() -> Iterator[tuple[float, ...]]:
        # glyph i upright along the ring, clockwise from the upper left, its top outward
        for i in range(n):
            a = -math.pi / 2 - span / 2 + span * (i + 0.5) / n
            px, py = X + R * 0.72 * math.cos(a), Y + R * 0.72 * math.sin(a)
            m = (-s * math.sin(a), s * math.cos(a), s * math.cos(a), s * math.sin(a))
            uc, vc = upem * 0.5, upem * 0.38  # the em box's middle
            yield (*m, px - m[0] * uc - m[2] * vc, py - m[1] * uc - m[3] * vc)

    ctx.fill_path(_outline_path("title", ring, ring_matrices()))
    # a five-pointed star
    star = bl.BLPath()
    for i in range(10):
        rad = R * (0.22 if i % 2 == 0 else 0.09)
        a = -math.pi / 2 + i * math.pi / 5
        (star.move_to if i == 0 else star.line_to)(X + rad * math.cos(a), Y + rad * math.sin(a))
    star.close()
    ctx.fill_path(star)
    if centre:
        csize = min(R * 0.17, R * 1.0 / len(centre))
        cscale = csize / upem
        width = len(centre) * csize
        matrices = (
            (cscale, 0, 0, -cscale, X - width / 2 + i * csize, Y + R * 0.6)
            for i in range(len(centre))
        )
        ctx.fill_path(_outline_path("title", centre, matrices))
    ctx.restore()


def _qr(ctx: bl.BLContext, x: float, y: float, size: float, seed: int) -> None:
    rng = random.Random(seed)
    n = 25
    cell = size * MM / n
    ctx.set_fill_style(INK)
    cells = [[rng.random() < 0.5 for _ in range(n)] for _ in range(n)]
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        for i in range(7):
            for j in range(7):
                ring = max(abs(i - 3), abs(j - 3))
                cells[fy + i][fx + j] = ring != 2
            if fy + 7 < n:
                cells[fy + 7][fx + i] = False
    for i, row in enumerate(cells):
        for j, on in enumerate(row):
            if on:
                ctx.fill_rect(
                    bl.BLRect(x * MM + j * cell, y * MM + i * cell, cell + 0.5, cell + 0.5)
                )


def render(page: Page) -> tuple[np.ndarray, str]:
    """The page at 300 ppi (RGB, uint8) and the text of the glyphs Blend2D drew, run by
    run in drawing order, read back through each face's cmap."""
    image = bl.BLImage(PX_W, PX_H)
    ctx = bl.BLContext(image)
    ctx.set_fill_style((1.0, 1.0, 1.0, 1.0))
    ctx.fill_all()
    drawn = []
    for kind, args in page.ops:
        if kind == "text":
            x, y, size, text, face, ink, tilt = args
            ctx.set_fill_style(ink)
            font = _bl_font(face, size * PT)
            if tilt:
                ctx.save()
                ctx.translate(x * MM, y * MM)
                ctx.rotate(math.radians(tilt))
                ctx.fill_text(bl.BLPoint(0, 0), font, text)
                ctx.restore()
            else:
                ctx.fill_text(bl.BLPoint(x * MM, y * MM), font, text)
            drawn.append(glyph_text(face, text))
        elif kind == "rule":
            x0, y0, x1, y1, width, color = args
            ctx.set_stroke_style(color)
            ctx.stroke_width = width * MM
            path = bl.BLPath()
            path.move_to(x0 * MM, y0 * MM)
            path.line_to(x1 * MM, y1 * MM)
            ctx.stroke_path(path)
        elif kind == "box":
            x, y, w, h, width, color = args
            ctx.set_stroke_style(color)
            ctx.stroke_width = width * MM
            ctx.stroke_rect(_rect(x, y, w, h))
        elif kind == "fill":
            x, y, w, h, color = args
            ctx.set_fill_style(color)
            ctx.fill_rect(_rect(x, y, w, h))
        elif kind == "check":
            x, y, size, ticked = args
            ctx.set_stroke_style(INK)
            ctx.stroke_width = 0.22 * MM
            ctx.stroke_rect(_rect(x, y, size, size))
            if ticked:
                ctx.set_stroke_style(BLUE)
                ctx.stroke_width = 0.45 * MM
                tick = bl.BLPath()
                tick.move_to((x + size * 0.15) * MM, (y + size * 0.5) * MM)
                tick.line_to((x + size * 0.42) * MM, (y + size * 0.85) * MM)
                tick.line_to((x + size * 1.05) * MM, (y - size * 0.1) * MM)
                ctx.stroke_path(tick)
        elif kind == "seal":
            _seal(ctx, *args)
        elif kind == "qr":
            _qr(ctx, *args)
    ctx = None  # ends the context: the image is complete
    rgba = image.getDataAsNumPy().reshape(PX_H, PX_W, 4)
    return np.ascontiguousarray(rgba[:, :, :3]), "\n".join(drawn)
