"""The `mupdf` corpus's renderer: a page model drawn as a PDF page by PyMuPDF (MuPDF) and
rasterised by MuPDF's own draw device at 300 ppi.

A `Page` records drawing operations in PDF points (A4, origin top left) and the text it
prints in reading order, as the layout calls it. `render_all` writes one PDF of a batch of
pages with PyMuPDF: text by `Page.insert_text` in faces loaded from their files only (each
inserted by `fontfile=`, subset on save), rules, boxes and check marks by `Page.draw_*`,
seals as a `Shape` whose ring words are glyph outlines (fontTools) filled even-odd — paths,
not text — and QR-like blocks as rectangles. Each page is rasterised by
`get_pixmap(dpi=300)` (no poppler, no PDFium) and its `get_text()` returned with it, which
checks the truth as a multiset of characters. Every character drawn must be in its face's
cmap with a non-empty outline."""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import pymupdf
from fontTools.pens.basePen import BasePen

from reporting_corpora import npm_faces

DPI = 300
PT_W, PT_H = 595.28, 841.89  # A4 portrait in points
PX_W, PX_H = math.ceil(PT_W * DPI / 72), math.ceil(PT_H * DPI / 72)  # 2481 x 3508, as MuPDF

# npm packages (tests/node), pinned there: Maple Mono CN Regular prints the forms (a plain
# hei with half-width Latin), LXGW Marker Gothic writes the entries by hand
FACES = {
    "print": ("@chinese-fonts/maple-mono-cn", "2.0.0", "dist/MapleMono-CN-Regular/*.woff2"),
    "hand": (
        "@fontsource/lxgw-marker-gothic",
        "5.3.0",
        "files/lxgw-marker-gothic-*-400-normal.woff2",
    ),
}
BLACK = (0.0, 0.0, 0.0)
INK = (0.07, 0.12, 0.42)  # blue-black ballpoint
RED = (0.86, 0.1, 0.12)


class MissingGlyph(ValueError):
    """A character the face that would draw it has no outline for."""


class TruthMismatch(AssertionError):
    """The PDF's text is not the page's truth (as a multiset of characters)."""


@cache
def face_path(face: str) -> str:
    return npm_faces.joined_face(*FACES[face])


def missing_glyphs(face: str, text: str) -> str:
    path = face_path(face)
    return "".join(
        c for c in dict.fromkeys(text) if not c.isspace() and not npm_faces.has_outline(path, c)
    )


def width(text: str, size: float, face: str = "print") -> float:
    adv, upem = npm_faces.advances(face_path(face))
    return sum(adv[c] for c in text) * size / upem


@dataclass
class Page:
    layout: str
    ops: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def truth(self) -> str:
        return "\n".join(self.chunks)

    def field(self, name: str, value: str) -> None:
        if (name, value) not in self.fields:
            self.fields.append((name, value))

    # text: (x, y) is the start of the baseline
    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float = 10.0,
        face: str = "print",
        color: tuple[float, float, float] = BLACK,
        bold: bool = False,
        angle: float = 0.0,
    ) -> float:
        """Print `s`; returns its width."""
        missing = missing_glyphs(face, s)
        if missing:
            raise MissingGlyph(f"{face} lacks {missing!r} in {s!r}")
        if s.strip():
            self.ops.append(("text", (x, y, s, size, face, color, bold, angle)))
            self.chunks.append(s)
        return width(s, size, face)

    def centred(self, cx: float, y: float, s: str, size: float = 10.0, **kw: Any) -> None:
        self.text(cx - width(s, size, kw.get("face", "print")) / 2, y, s, size, **kw)

    def hand(self, x: float, y: float, s: str, rng: random.Random, size: float = 12.0) -> float:
        """An entry written by hand: blue-black, a little off the line and turned."""
        size *= rng.uniform(0.95, 1.08)
        return self.text(
            x + rng.uniform(-1.5, 2.5),
            y + rng.uniform(-1.2, 1.0),
            s,
            size,
            "hand",
            INK,
            angle=rng.uniform(-1.6, 1.6),
        )

    def wrap(
        self, x: float, y: float, w: float, s: str, size: float = 10.0, leading: float = 1.6
    ) -> float:
        """Prose broken to width `w` (no line starts with closing punctuation); returns
        the baseline after the last line."""
        lines, line = [], ""
        for c in s:
            if line and width(line + c, size) > w and c not in "，。、；：）》”":
                lines.append(line)
                line = ""
            line += c
        lines.append(line)
        for ln in lines:
            self.text(x, y, ln, size)
            y += size * leading
        return y

    def rule(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.6) -> None:
        self.ops.append(("line", (x0, y0, x1, y1, w, BLACK)))

    def box(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.7) -> None:
        self.ops.append(("rect", (x0, y0, x1, y1, w)))

    def grid(self, xs: list[float], ys: list[float], w: float = 0.6) -> None:
        for x in xs:
            self.rule(x, ys[0], x, ys[-1], w)
        for y in ys:
            self.rule(xs[0], y, xs[-1], y, w)

    def checkbox(self, x: float, y: float, checked: bool, rng: random.Random) -> None:
        """A 7 pt box (its top left at x, y); ticked by hand when `checked`."""
        self.ops.append(("rect", (x, y, x + 7, y + 7, 0.6)))
        if checked:
            j = rng.uniform(-0.6, 0.6)
            pts = ((x + 0.8, y + 3.6 + j), (x + 3.0, y + 6.6), (x + 9.0, y - 1.8 + j))
            self.ops.append(("tick", (pts,)))

    def seal(self, cx: float, cy: float, r: float, ring: str, rng: random.Random) -> None:
        """A round red seal: ring words as glyph outlines, a star; not text."""
        missing = missing_glyphs("print", ring)
        if missing:
            raise MissingGlyph(f"seal ring lacks {missing!r}")
        self.ops.append(("seal", (cx, cy, r, ring, rng.uniform(-0.3, 0.3), rng.uniform(0.78, 0.9))))

    def qr(self, x: float, y: float, size: float, rng: random.Random) -> None:
        n = 25
        cells = [[rng.random() < 0.48 for _ in range(n)] for _ in range(n)]
        for ox, oy in ((0, 0), (n - 7, 0), (0, n - 7)):
            for i in range(-1, 8):
                for j in range(-1, 8):
                    if 0 <= oy + i < n and 0 <= ox + j < n:
                        ring = max(abs(i - 3), abs(j - 3))
                        cells[oy + i][ox + j] = ring in (0, 1, 3)
        self.ops.append(("qr", (x, y, size / n, tuple(map(tuple, cells)))))

    def photo(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.box(x0, y0, x1, y1, 0.7)
        self.centred((x0 + x1) / 2, (y0 + y1) / 2 - 4, "一寸免冠", 8)
        self.centred((x0 + x1) / 2, (y0 + y1) / 2 + 8, "彩色照片", 8)


class _PathPen(BasePen):
    """Glyph contours as PyMuPDF Shape lines and curves, through a point transform."""

    def __init__(self, shape: Any, tf: Any) -> None:
        super().__init__(None)
        self.shape, self.tf = shape, tf
        self.start = self.last = (0.0, 0.0)

    def _moveTo(self, p: tuple[float, float]) -> None:
        self.start = self.last = p

    def _lineTo(self, p: tuple[float, float]) -> None:
        self.shape.draw_line(self.tf(self.last), self.tf(p))
        self.last = p

    def _curveToOne(self, a: Any, b: Any, p: Any) -> None:
        self.shape.draw_bezier(self.tf(self.last), self.tf(a), self.tf(b), self.tf(p))
        self.last = p

    def _closePath(self) -> None:
        if self.last != self.start:
            self._lineTo(self.start)

    _endPath = _closePath


def _draw_seal(
    pg: Any, cx: float, cy: float, r: float, ring: str, turn: float, alpha: float
) -> None:
    font = npm_faces.opened(face_path("print"))
    glyphs, cmap, upem = (
        font.getGlyphSet(),
        npm_faces.cmap(face_path("print")),
        font["head"].unitsPerEm,
    )
    shape = pg.new_shape()
    shape.draw_circle((cx, cy), r)
    shape.draw_circle((cx, cy), r - 2.2)
    shape.finish(color=None, fill=RED, fill_opacity=alpha, even_odd=True)
    rad = r * 0.7
    span = min(math.radians(270), len(ring) * r * 0.3 * 1.12 / rad)
    size = min(r * 0.3, rad * span / (len(ring) * 1.12))  # long names get smaller words
    scale = size / upem
    for k, c in enumerate(ring):
        a = turn - span / 2 + span * (k + 0.5) / len(ring)
        px, py = cx + rad * math.sin(a), cy - rad * math.cos(a)
        name = cmap[ord(c)]
        adv = glyphs[name].width
        ca, sa = math.cos(a), math.sin(a)

        def tf(
            p: tuple[float, float],
            ca: float = ca,
            sa: float = sa,
            px: float = px,
            py: float = py,
            adv: float = adv,
        ) -> tuple[float, float]:
            lx, ly = (p[0] - adv / 2) * scale, -(p[1] - 0.38 * upem) * scale
            return (px + lx * ca - ly * sa, py + lx * sa + ly * ca)

        glyphs[name].draw(_PathPen(shape, tf))
    # the star
    pts = []
    for k in range(10):
        rr = r * (0.3 if k % 2 == 0 else 0.12)
        a = turn + k * math.pi / 5
        pts.append((cx + rr * math.sin(a), cy - rr * math.cos(a)))
    shape.draw_polyline([*pts, pts[0]])
    shape.finish(color=None, fill=RED, fill_opacity=alpha, even_odd=False, closePath=True)
    shape.commit()


def _draw(pg: Any, page: Page, fonts: dict[str, str]) -> None:
    for kind, args in page.ops:
        if kind == "text":
            x, y, s, size, face, color, bold, angle = args
            kw: dict[str, Any] = {}
            if bold:
                kw = {"render_mode": 2, "border_width": 0.04}
            if angle:
                kw["morph"] = (pymupdf.Point(x, y), pymupdf.Matrix(angle))
            pg.insert_text((x, y), s, fontname=fonts[face], fontsize=size, color=color, **kw)
        elif kind == "line":
            x0, y0, x1, y1, w, color = args
            pg.draw_line((x0, y0), (x1, y1), color=color, width=w)
        elif kind == "rect":
            x0, y0, x1, y1, w = args
            pg.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=BLACK, width=w)
        elif kind == "tick":
            (pts,) = args
            pg.draw_polyline(pts, color=INK, width=1.1)
        elif kind == "seal":
            _draw_seal(pg, *args)
        elif kind == "qr":
            x, y, m, cells = args
            shape = pg.new_shape()
            for i, row in enumerate(cells):
                for j, on in enumerate(row):
                    if on:
                        shape.draw_rect(
                            pymupdf.Rect(x + j * m, y + i * m, x + (j + 1) * m, y + (i + 1) * m)
                        )
            shape.finish(color=None, fill=BLACK, width=0)
            shape.commit()
        else:  # pragma: no cover
            raise ValueError(kind)


def pdf(pages: list[Page]) -> bytes:
    """One PDF of `pages`, its faces subset."""
    doc = pymupdf.open()
    for page in pages:
        pg = doc.new_page(width=PT_W, height=PT_H)
        fonts = {}
        for k, face in enumerate(sorted({a[4] for kind, a in page.ops if kind == "text"})):
            fonts[face] = f"F{k}"
            pg.insert_font(fontname=f"F{k}", fontfile=face_path(face))
        _draw(pg, page, fonts)
    doc.subset_fonts()
    data: bytes = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    """Each page rasterised by MuPDF at 300 ppi (RGB), with the text MuPDF reads from the
    same PDF."""
    doc = pymupdf.open("pdf", pdf(pages))
    out = []
    for pg in doc.pages():
        pix = pg.get_pixmap(dpi=DPI, alpha=False)
        image = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3).copy()
        out.append((image, pg.get_text()))
    doc.close()
    return out


def check_truth(page: Page, text: str) -> None:
    want = Counter("".join(page.truth().split()))
    got = Counter("".join(text.split()))
    if want != got:
        raise TruthMismatch(
            f"{page.layout}: missing {dict(want - got)!r}, extra {dict(got - want)!r}"
        )
