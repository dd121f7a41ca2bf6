"""Drawing for the `pango` corpus: a page is a list of drawing operations in points,
written in reading order with its truth; Pango (through pangocffi / pangocairocffi) shapes
and wraps the text (CJK line breaking, justification), Cairo (cairocffi) draws rules,
boxes, seals and QR-like blocks. The same operations are drawn on a 300 ppi image
surface and on a PDF surface, whose text (pypdfium2) checks the truth.

Three faces, none used by another corpus, each named with its file so that every
character is checked against the cmap of the face that draws it: Noto Sans CJK SC Black
(titles), Noto Sans CJK SC Thin (small print, decoration) and Noto Sans Mono CJK SC
(body and entries)."""

from __future__ import annotations

import functools
import io
import math
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import cairocffi as cairo
import numpy as np
import pangocairocffi as pangocairo
import pangocffi as pango
import pypdfium2 as pdfium
from fontTools.ttLib import TTCollection

PPI = 300
A4 = (595.28, 841.89)
NOTO = "/usr/share/fonts/opentype/noto/"
# face key -> (Pango family and weight, font file, full name of the face in that file)
FACES = {
    "black": ("Noto Sans CJK SC Heavy", NOTO + "NotoSansCJK-Black.ttc", "Noto Sans CJK SC Black"),
    "thin": ("Noto Sans CJK SC Thin", NOTO + "NotoSansCJK-Thin.ttc", "Noto Sans CJK SC Thin"),
    "mono": ("Noto Sans Mono CJK SC", NOTO + "NotoSansCJK-Regular.ttc", "Noto Sans Mono CJK SC"),
}
INK = (0.08, 0.08, 0.1)
RED = (0.86, 0.1, 0.12)
BLUE_PEN = (0.1, 0.18, 0.55)


@dataclass
class Page:
    layout: str
    size: tuple[float, float] = A4
    ops: list[tuple[Any, ...]] = field(default_factory=list)
    truth_parts: list[str] = field(default_factory=list)
    ink_parts: list[str] = field(default_factory=list)  # drawn text that is not truth
    fields: list[tuple[str, str]] = field(default_factory=list)

    def truth(self) -> str:
        return "\n".join(self.truth_parts)

    # --- text -------------------------------------------------------------------------
    def text(
        self,
        x: float,
        y: float,
        s: str,
        *,
        face: str = "mono",
        size: float = 10.5,
        width: float | None = None,
        align: str = "left",
        justify: bool = False,
        color: tuple[float, float, float] = INK,
        spacing: float = 0.0,
        letter: float = 0.0,
        truth: bool = True,
        angle: float = 0.0,
    ) -> float:
        """Draw `s` with its top-left at (x, y), wrapped by Pango within `width`; returns the
        height it takes. Truth unless `truth` is false (then ink only)."""
        op = ("text", x, y, s, face, size, width, align, justify, color, spacing, letter, angle)
        self.ops.append(op)
        (self.truth_parts if truth else self.ink_parts).append(s)
        return measure(s, face, size, width, spacing, letter)[1]

    def field(self, name: str, value: str) -> None:
        self.fields.append((name, value))

    # --- graphics ---------------------------------------------------------------------
    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        w: float = 0.6,
        dash: tuple[float, ...] = (),
        color: tuple[float, float, float] = INK,
    ) -> None:
        self.ops.append(("line", x0, y0, x1, y1, w, dash, color))

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        lw: float = 0.6,
        fill: tuple[float, float, float] | None = None,
        color: tuple[float, float, float] = INK,
    ) -> None:
        self.ops.append(("rect", x, y, w, h, lw, fill, color))

    def grid(
        self, x: float, y: float, cols: list[float], rows: list[float], lw: float = 0.6
    ) -> None:
        """Ruled table: column widths and row heights from (x, y)."""
        w, h = sum(cols), sum(rows)
        self.rect(x, y, w, h, lw * 1.6)
        yy = y
        for r in rows[:-1]:
            yy += r
            self.line(x, yy, x + w, yy, lw)
        xx = x
        for c in cols[:-1]:
            xx += c
            self.line(xx, y, xx, y + h, lw)

    def tick(self, x: float, y: float, s: float) -> None:
        """A pen tick in a check box (ink, no character)."""
        self.ops.append(("tick", x, y, s))

    def scribble(self, x: float, y: float, w: float, rng: random.Random) -> None:
        """A signature: a pen stroke, not text."""
        pts = [(x + w * i / 14, y + rng.uniform(-7, 7)) for i in range(15)]
        self.ops.append(("scribble", tuple(pts)))

    def qr(self, x: float, y: float, s: float, rng: random.Random) -> None:
        n = 29
        cells = [[rng.random() < 0.5 for _ in range(n)] for _ in range(n)]
        for cx, cy in ((0, 0), (n - 7, 0), (0, n - 7)):
            for i in range(-1, 8):
                for j in range(-1, 8):
                    if 0 <= cy + i < n and 0 <= cx + j < n:
                        ring = max(abs(i - 3), abs(j - 3))
                        cells[cy + i][cx + j] = ring in (0, 1, 3)
        self.ops.append(("qr", x, y, s, tuple(tuple(r) for r in cells)))

    def seal(
        self,
        cx: float,
        cy: float,
        r: float,
        ring: str,
        bottom: str = "",
        rng: random.Random | None = None,
    ) -> None:
        """A red round seal: ring text along the top arc, a star, a line of text below it.
        Its words are ink, not truth."""
        rot = rng.uniform(-12, 12) if rng else 0.0
        self.ops.append(("seal", cx, cy, r, ring, bottom, rot))
        self.ink_parts.append(ring + bottom)


# --- fonts ------------------------------------------------------------------------------
@functools.cache
def face_cmap(key: str) -> frozenset[int]:
    _, path, full = FACES[key]
    for font in TTCollection(path, lazy=True).fonts:
        if font["name"].getDebugName(4) == full:
            return frozenset(font.getBestCmap())
    raise LookupError(f"{full} not in {path}")


def missing_glyphs(page: Page) -> set[str]:
    """Characters a page draws that the face drawing them lacks."""
    out: set[str] = set()
    for op in page.ops:
        if op[0] == "text":
            cmap = face_cmap(op[4])
            out |= {c for c in op[3] if not c.isspace() and ord(c) not in cmap}
        elif op[0] == "seal":
            cmap = face_cmap("mono")
            out |= {c for c in op[4] + op[5] if ord(c) not in cmap}
    return out


@functools.cache
def _options() -> tuple[cairo.FontOptions, Any]:
    """Unhinted metrics, so that text measures the same on the image and the PDF surface
    (the cairocffi object is kept alive with its pointer in pangocairocffi's FFI)."""
    fo = cairo.FontOptions()
    fo.set_hint_metrics(cairo.HINT_METRICS_OFF)
    fo.set_hint_style(cairo.HINT_STYLE_NONE)
    fo.set_antialias(cairo.ANTIALIAS_GRAY)
    address = int(cairo.ffi.cast("uintptr_t", fo._pointer))
    return fo, pangocairo.ffi.cast("void *", address)


def _layout(
    ctx: cairo.Context,
    s: str,
    face: str,
    size: float,
    width: float | None,
    spacing: float,
    letter: float,
    align: str = "left",
    justify: bool = False,
) -> pango.Layout:
    layout = pangocairo.create_layout(ctx)
    pangocairo.set_resolution(layout.context, 72)
    pangocairo.set_font_options(layout.context, _options()[1])
    pangocairo.update_layout(ctx, layout)
    lib = pango.pango
    desc = lib.pango_font_description_from_string(f"{FACES[face][0]} {size:.2f}".encode())
    lib.pango_layout_set_font_description(layout.pointer, desc)
    lib.pango_font_description_free(desc)
    if width is not None:
        layout.width = pango.units_from_double(width)
        layout.wrap = pango.WrapMode.WORD_CHAR
    layout.alignment = {
        "left": pango.Alignment.LEFT,
        "center": pango.Alignment.CENTER,
        "right": pango.Alignment.RIGHT,
    }[align]
    if justify:
        lib.pango_layout_set_justify(layout.pointer, True)
    if spacing:
        layout.spacing = pango.units_from_double(spacing)
    layout.text = s
    end = len(s.encode())
    attrs = pango.AttrList()
    # no fallback to other faces: a character the face lacks is an unknown glyph (raises)
    attrs.insert(pango.Attribute.from_fallback(False, 0, end))
    if letter:
        attrs.insert(pango.Attribute.from_letter_spacing(pango.units_from_double(letter), 0, end))
    layout.attributes = attrs
    if lib.pango_layout_get_unknown_glyphs_count(layout.pointer):
        raise ValueError(f"{FACES[face][2]} lacks a character of {s!r}")
    return layout


@functools.cache
def _measure_ctx() -> cairo.Context:
    return cairo.Context(cairo.ImageSurface(cairo.FORMAT_A8, 4, 4))


@functools.cache
def measure(
    s: str, face: str, size: float, width: float | None, spacing: float = 0.0, letter: float = 0.0
) -> tuple[float, float]:
    """Logical width and height of `s` as Pango lays it out, in points."""
    layout = _layout(_measure_ctx(), s, face, size, width, spacing, letter)
    w, h = layout.get_size()
    return pango.units_to_double(w), pango.units_to_double(h)


# --- rendering ----------------------------------------------------------------------------
def draw(ctx: cairo.Context, page: Page) -> None:
    ctx.set_source_rgb(1, 1, 1)
    ctx.paint()
    seals = []
    for op in page.ops:
        kind = op[0]
        if kind == "seal":
            seals.append(op)  # stamped last, over the text
        elif kind == "text":
            _, x, y, s, face, size, width, align, justify, color, spacing, letter, angle = op
            layout = _layout(ctx, s, face, size, width, spacing, letter, align, justify)
            ctx.save()
            ctx.translate(x, y)
            if angle:
                ctx.rotate(math.radians(angle))
            ctx.set_source_rgb(*color)
            ctx.move_to(0, 0)
            pangocairo.show_layout(ctx, layout)
            ctx.restore()
        elif kind == "line":
            _, x0, y0, x1, y1, w, dash, color = op
            ctx.set_source_rgb(*color)
            ctx.set_line_width(w)
            ctx.set_dash(list(dash))
            ctx.move_to(x0, y0)
            ctx.line_to(x1, y1)
            ctx.stroke()
            ctx.set_dash([])
        elif kind == "rect":
            _, x, y, w, h, lw, fill, color = op
            ctx.rectangle(x, y, w, h)
            if fill is not None:
                ctx.set_source_rgb(*fill)
                ctx.fill_preserve()
            ctx.set_source_rgb(*color)
            ctx.set_line_width(lw)
            ctx.stroke()
        elif kind == "tick":
            _, x, y, s = op
            ctx.set_source_rgb(*BLUE_PEN)
            ctx.set_line_width(s * 0.12)
            ctx.move_to(x + s * 0.1, y + s * 0.5)
            ctx.line_to(x + s * 0.4, y + s * 0.85)
            ctx.line_to(x + s * 1.05, y - s * 0.1)
            ctx.stroke()
        elif kind == "scribble":
            pts = op[1]
            ctx.set_source_rgb(*BLUE_PEN)
            ctx.set_line_width(1.1)
            ctx.move_to(*pts[0])
            for (ax, ay), (bx, by) in zip(pts[1::2], pts[2::2], strict=False):
                ctx.curve_to(ax, ay, ax, ay, bx, by)
            ctx.stroke()
        elif kind == "qr":
            _, x, y, s, cells = op
            n = len(cells)
            m = s / n
            ctx.set_source_rgb(*INK)
            for i, row in enumerate(cells):
                for j, on in enumerate(row):
                    if on:
                        ctx.rectangle(x + j * m, y + i * m, m, m)
            ctx.fill()
    for op in seals:
        _seal(ctx, *op[1:])


def _seal(
    ctx: cairo.Context, cx: float, cy: float, r: float, ring: str, bottom: str, rot: float
) -> None:
    ctx.save()
    ctx.new_path()  # no line from the last text's current point
    ctx.push_group()
    ctx.translate(cx, cy)
    ctx.rotate(math.radians(rot))
    ctx.set_source_rgb(*RED)
    ctx.set_line_width(r * 0.06)
    ctx.arc(0, 0, r * 0.96, 0, 2 * math.pi)
    ctx.stroke()
    # five-pointed star
    for k in range(10):
        rr = r * (0.26 if k % 2 == 0 else 0.1)
        a = -math.pi / 2 + k * math.pi / 5
        (ctx.move_to if k == 0 else ctx.line_to)(rr * math.cos(a), rr * math.sin(a))
    ctx.close_path()
    ctx.fill()
    size = r * 0.2
    span = min(math.radians(250), len(ring) * math.radians(24))
    for k, ch in enumerate(ring):
        a = -math.pi / 2 - span / 2 + span * (k + 0.5) / len(ring)
        ctx.save()
        ctx.rotate(a + math.pi / 2)
        layout = _layout(ctx, ch, "mono", size, None, 0, 0)
        w, _ = layout.get_size()
        ctx.move_to(-pango.units_to_double(w) / 2, -r * 0.86)
        pangocairo.show_layout(ctx, layout)
        ctx.restore()
    if bottom:
        layout = _layout(ctx, bottom, "mono", size * 0.8, None, 0, 0)
        w, _ = layout.get_size()
        ctx.move_to(-pango.units_to_double(w) / 2, r * 0.38)
        pangocairo.show_layout(ctx, layout)
    ctx.pop_group_to_source()
    ctx.paint_with_alpha(0.82)
    ctx.restore()


def render(page: Page) -> tuple[np.ndarray, str]:
    """The page at 300 ppi (BGR) and the text of the PDF drawn by the same operations."""
    w_pt, h_pt = page.size
    w, h = round(w_pt * PPI / 72), round(h_pt * PPI / 72)
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, w, h)
    ctx = cairo.Context(surface)
    ctx.scale(PPI / 72, PPI / 72)
    draw(ctx, page)
    surface.flush()
    stride = surface.get_stride()
    data = np.frombuffer(surface.get_data(), np.uint8).reshape(h, stride // 4, 4)
    image = np.ascontiguousarray(data[:, :w, :3])
    buf = io.BytesIO()
    pdf = cairo.PDFSurface(buf, w_pt, h_pt)
    draw(cairo.Context(pdf), page)
    pdf.finish()
    doc = pdfium.PdfDocument(buf.getvalue())
    try:
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    return image, text


def check_truth(page: Page, text: str) -> None:
    """The truth and the seal words together are the PDF's characters (whitespace
    ignored), and every drawn character is in its face."""
    drawn = Counter("".join(text.split()))
    expected = Counter("".join((page.truth() + "".join(page.ink_parts)).split()))
    if drawn != expected:
        raise ValueError(
            f"{page.layout}: truth and document differ: "
            f"missing {dict(expected - drawn)}, extra {dict(drawn - expected)}"
        )
    missing = missing_glyphs(page)
    if missing:
        raise ValueError(f"{page.layout}: faces lack {sorted(missing)}")
