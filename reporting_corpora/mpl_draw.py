"""The `mpl` corpus's page model and its drawing by matplotlib's Agg backend: text through
FreeType with `FontProperties(fname=...)` of one face each (never a family, so matplotlib
cannot fall back to another face), rules and boxes as `Line2D` and patches, seals drawn as
outlines (`TextPath`), all in millimetres on an A4 figure at 300 ppi. The same figures go
into one PDF per batch (Type 42 fonts, subset once per document) whose text checks the
truth."""

from __future__ import annotations

import functools
import io
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import matplotlib
import numpy as np
import pypdfium2 as pdfium
from fontTools.ttLib import TTFont
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontPath, FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse, FancyBboxPatch, PathPatch, Polygon, Rectangle
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D

PAGE_W, PAGE_H = 210.0, 297.0  # mm
PX_W, PX_H = 2480, 3508  # A4 at 300 ppi
PT = 25.4 / 72  # mm per point

# the faces, each from its file (and its index in a collection)
FACES = {
    "song": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # AR PL UMing CN
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),  # WenQuanYi Zen Hei
    "kai": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Light.ttf", 0),  # LXGW WenKai Light
    "title": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),  # Noto Serif CJK SC Bold
}


class MissingGlyph(ValueError):
    pass


@functools.cache
def _metrics(face: str) -> tuple[frozenset[int], dict[int, float]]:
    """The face's code points and their advances in em."""
    path, index = FACES[face]
    font = TTFont(path, fontNumber=index, lazy=True)
    cmap = font.getBestCmap()
    upm = font["head"].unitsPerEm
    hmtx = font["hmtx"]
    return frozenset(cmap), {cp: hmtx[g][0] / upm for cp, g in cmap.items()}


def missing_glyphs(face: str, text: str) -> set[str]:
    cmap, _ = _metrics(face)
    return {c for c in text if not c.isspace() and ord(c) not in cmap}


def width(face: str, size: float, text: str) -> float:
    """Width in mm of `text` at `size` pt."""
    _, adv = _metrics(face)
    return sum(adv.get(ord(c), 1.0) for c in text) * size * PT


_CLOSING = "，。；、）：》”"
_WORD = re.compile(r"[A-Za-z0-9¥.,@%:/_+\-]+|.", re.S)


def wrap(face: str, size: float, text: str, w: float) -> list[str]:
    """`text` broken into lines no wider than `w` mm: between characters, but a run of
    Latin letters, digits and their punctuation (a number, an amount, an address on the
    web) stays whole unless it is wider than a line; closing punctuation stays with what
    it closes (half of it may stand in the margin), opening punctuation with what it
    opens."""
    lines: list[str] = []
    line = ""
    for word in _WORD.findall(text):
        over = width(face, size, line + word) - w
        if line and over > 0 and word in _CLOSING:
            if over <= width(face, size, word) / 2 or len(line) == 1:  # into the margin
                line += word
            else:  # the character before goes down with it
                lines.append(line[:-1])
                line = line[-1] + word
            continue
        if line and over > 0:
            if width(face, size, word) > w:  # a run too long for any line: by character
                for c in word:
                    if line and width(face, size, line + c) > w:
                        lines.append(line)
                        line = ""
                    line += c
                continue
            if len(line) > 1 and line[-1] in "（《“":
                lines.append(line[:-1])
                line = line[-1]
            else:
                lines.append(line)
                line = ""
        line += word
    return [*lines, line] if line else lines


@dataclass
class Text:
    x: float
    y: float
    s: str
    face: str
    size: float
    ha: str = "left"
    va: str = "baseline"
    color: str = "#111111"
    rotation: float = 0.0
    alpha: float = 1.0


@dataclass
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float
    lw: float = 0.8  # points
    color: str = "#1a1a1a"
    dash: bool = False


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float
    lw: float = 0.8
    edge: str = "#1a1a1a"
    fill: str | None = None
    radius: float = 0.0


@dataclass
class Seal:
    """A round red seal: words around the rim, a star, a line under it; drawn as
    outlines, so it is not text in the PDF (the truth leaves it out)."""

    x: float
    y: float
    r: float
    words: str
    bottom: str
    angle: float


@dataclass
class Code:
    """A QR-like block: `cells` × `cells` modules with three finder squares."""

    x: float
    y: float
    size: float
    bits: tuple[tuple[bool, ...], ...]


@dataclass
class Portrait:
    x: float
    y: float
    w: float
    h: float


Op = Text | Rule | Box | Seal | Code | Portrait


@dataclass
class Page:
    """A page's drawing operations and, in reading order, the text it shows."""

    layout: str
    ops: list[Op] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def truth(self) -> str:
        return "\n".join(self.parts)

    def text(self, x: float, y: float, s: str, face: str, size: float, **kw: object) -> None:
        """Draw `s` (in the truth, in the order drawn); every character must be in
        `face`."""
        missing = missing_glyphs(face, s)
        if missing:
            raise MissingGlyph(f"{''.join(sorted(missing))} not in {face} ({s!r})")
        self.ops.append(Text(x, y, s, face, size, **kw))  # type: ignore[arg-type]
        self.parts.append(s)

    def lines(
        self, x: float, y: float, s: str, face: str, size: float, w: float, lead: float = 1.6
    ) -> float:
        """`s` wrapped to `w` mm from baseline `y`; returns the next baseline."""
        for line in wrap(face, size, s, w):
            self.text(x, y, line, face, size)
            y += size * PT * lead
        return y

    def rule(self, x0: float, y0: float, x1: float, y1: float, **kw: object) -> None:
        self.ops.append(Rule(x0, y0, x1, y1, **kw))  # type: ignore[arg-type]

    def box(self, x: float, y: float, w: float, h: float, **kw: object) -> None:
        self.ops.append(Box(x, y, w, h, **kw))  # type: ignore[arg-type]

    def field(self, name: str, value: str) -> None:
        self.fields.append((name, value))


def _fig_xy(x: float, y: float) -> tuple[float, float]:
    return x / PAGE_W, 1 - y / PAGE_H


@functools.cache
def _props(face: str, size: float) -> FontProperties:
    path, index = FACES[face]
    return FontProperties(fname=FontPath(path, index), size=size)


def _seal(fig: Figure, s: Seal) -> None:
    scale = 300 / 25.4  # mm -> pixels at 300 ppi
    red = "#d0202a"
    cx, cy = _fig_xy(s.x, s.y)
    fig.add_artist(
        Ellipse(
            (cx, cy),
            2 * s.r / PAGE_W,
            2 * s.r / PAGE_H,
            transform=fig.transFigure,
            fill=False,
            edgecolor=red,
            lw=s.r * 0.09 / PT,
            alpha=0.82,
        )
    )
    # the star
    pts = []
    for k in range(10):
        a = math.pi / 2 + k * math.pi / 5 + math.radians(s.angle)
        rr = s.r * (0.26 if k % 2 == 0 else 0.1)
        pts.append(_fig_xy(s.x + rr * math.cos(a), s.y - rr * math.sin(a)))
    fig.add_artist(Polygon(pts, closed=True, transform=fig.transFigure, color=red, alpha=0.82))
    prop = _props("hei", 10)
    n = len(s.words)
    rr = s.r * 0.7
    span = min(270.0, n * 24.0)
    step = math.radians(span / max(n - 1, 1))
    char_mm = min(s.r * 0.3, rr * step * 0.86)
    for k, c in enumerate(s.words):
        a = math.radians(90 + span / 2 + s.angle) - k * step
        px = (s.x + rr * math.cos(a)) * scale
        py = (PAGE_H - s.y + rr * math.sin(a)) * scale
        tp = TextPath((0, 0), c, size=char_mm * scale, prop=prop)
        ext = tp.get_extents()
        tr = (
            Affine2D()
            .translate(-(ext.x0 + ext.x1) / 2, -(ext.y0 + ext.y1) / 2)
            .rotate(a - math.pi / 2)
            .translate(px, py)
        )
        fig.add_artist(
            PathPatch(tr.transform_path(tp), transform=_pixels(fig), color=red, alpha=0.82)
        )
    if s.bottom:
        tp = TextPath((0, 0), s.bottom, size=s.r * 0.22 * scale, prop=prop)
        ext = tp.get_extents()
        tr = (
            Affine2D()
            .translate(-(ext.x0 + ext.x1) / 2, 0)
            .translate(s.x * scale, (PAGE_H - s.y - s.r * 0.55) * scale)
        )
        fig.add_artist(
            PathPatch(tr.transform_path(tp), transform=_pixels(fig), color=red, alpha=0.82)
        )


def _pixels(fig: Figure) -> Affine2D:
    """Figure pixels at 300 ppi, whatever dpi the figure is drawn at (the PDF's 72)."""
    return Affine2D().scale(1 / PX_W, 1 / PX_H) + fig.transFigure  # type: ignore[return-value]


def _code(fig: Figure, c: Code) -> None:
    n = len(c.bits)
    m = c.size / n
    rects = [
        Rectangle(_fig_xy(c.x + j * m, c.y + (i + 1) * m), m / PAGE_W, m / PAGE_H)
        for i, row in enumerate(c.bits)
        for j, on in enumerate(row)
        if on
    ]
    fig.add_artist(
        PatchCollection(rects, transform=fig.transFigure, facecolor="#111111", edgecolor="none")
    )


def _portrait(fig: Figure, p: Portrait) -> None:
    frame = Rectangle(
        _fig_xy(p.x, p.y + p.h),
        p.w / PAGE_W,
        p.h / PAGE_H,
        transform=fig.transFigure,
        facecolor="#d9dde3",
        edgecolor="none",
    )
    fig.add_artist(frame)
    cx = p.x + p.w / 2
    for cy, w, h in ((p.y + p.h * 0.36, 0.42, 0.4), (p.y + p.h * 1.02, 0.9, 0.75)):
        head = Ellipse(
            _fig_xy(cx, cy),
            p.w * w / PAGE_W,
            p.h * h / PAGE_H,
            transform=fig.transFigure,
            color="#7d828a",
        )
        fig.add_artist(head)
        head.set_clip_path(frame)


def figure(page: Page) -> Figure:
    fig = Figure(figsize=(PX_W / 300, PX_H / 300), dpi=300, facecolor="white")
    FigureCanvasAgg(fig)
    for op in page.ops:
        if isinstance(op, Text):
            x, y = _fig_xy(op.x, op.y)
            fig.text(
                x,
                y,
                op.s,
                fontproperties=_props(op.face, op.size),
                ha=op.ha,
                va=op.va,
                color=op.color,
                rotation=op.rotation,
                rotation_mode="anchor",
                alpha=op.alpha,
                parse_math=False,
                usetex=False,
            )
        elif isinstance(op, Rule):
            fig.add_artist(
                Line2D(
                    [op.x0 / PAGE_W, op.x1 / PAGE_W],
                    [1 - op.y0 / PAGE_H, 1 - op.y1 / PAGE_H],
                    transform=fig.transFigure,
                    lw=op.lw,
                    color=op.color,
                    linestyle=(0, (4, 3)) if op.dash else "-",
                    solid_capstyle="butt",
                )
            )
        elif isinstance(op, Box) and op.radius:
            k = 300 / 25.4
            fig.add_artist(
                FancyBboxPatch(
                    (op.x * k, (PAGE_H - op.y - op.h) * k),
                    op.w * k,
                    op.h * k,
                    boxstyle=f"round,pad=0,rounding_size={op.radius * k}",
                    transform=_pixels(fig),
                    lw=op.lw,
                    edgecolor=op.edge,
                    facecolor=op.fill or "none",
                )
            )
        elif isinstance(op, Box):
            fig.add_artist(
                Rectangle(
                    _fig_xy(op.x, op.y + op.h),
                    op.w / PAGE_W,
                    op.h / PAGE_H,
                    transform=fig.transFigure,
                    lw=op.lw,
                    edgecolor=op.edge,
                    facecolor=op.fill or "none",
                    fill=op.fill is not None,
                )
            )
        elif isinstance(op, Seal):
            _seal(fig, op)
        elif isinstance(op, Code):
            _code(fig, op)
        else:
            _portrait(fig, op)
    return fig


def raster(fig: Figure) -> np.ndarray:
    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())  # type: ignore[attr-defined]
    assert rgba.shape[:2] == (PX_H, PX_W), rgba.shape
    image = np.ascontiguousarray(rgba[..., :3])
    return image


def render(page: Page) -> np.ndarray:
    """The page's clean 300 ppi RGB image."""
    return raster(figure(page))


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    """Each page's clean image and the text of its page of one PDF made of the same
    figures (one document for the batch: each face is subset once)."""
    images = []
    buf = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(buf) as pdf:
        for page in pages:  # one figure at a time: its Agg buffer goes with it
            fig = figure(page)
            pdf.savefig(fig)
            images.append(raster(fig))
    doc = pdfium.PdfDocument(buf.getvalue())
    texts = [doc[i].get_textpage().get_text_range() for i in range(len(pages))]
    doc.close()
    return list(zip(images, texts, strict=True))


def check_truth(page: Page, pdf_text: str) -> None:
    """The truth has the characters of the PDF's text, as many of each (whitespace
    aside; seals are outlines, in neither)."""
    want = Counter(c for c in page.truth() if not c.isspace())
    got = Counter(c for c in pdf_text if not c.isspace() and c not in "\ufffe\x02")
    if want != got:
        raise ValueError(
            f"{page.layout}: truth and PDF text differ: "
            f"only in truth {dict(want - got)}, only in PDF {dict(got - want)}"
        )
