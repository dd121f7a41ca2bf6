"""A small page model for the `typeset` corpus, written out two ways from the same data:
as Typst source (what is drawn) and as ground truth (what a person reads, in the order a
person reads it). Every piece of page text reaches Typst as a string literal, so nothing
in the data is taken for markup.

Reading order: blocks top to bottom; a table row by row, each cell whole (a wrapped cell
is one string); side-by-side blocks one after the other. Seals are overlays: their ring
text is not page text, the text under them is."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import numpy as np
import zxingcpp

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"
KAI = "AR PL UKai"
FONTS = {"serif": SERIF, "sans": SANS, "kai": KAI}
INK = "rgb(20, 20, 24)"


@dataclass(frozen=True)
class Run:
    """Text in one style: `font` serif/sans/kai, `bold`, `fill` (a value written on a
    fill-in line), `size` in pt (None: the block's)."""

    text: str
    font: str = ""
    bold: bool = False
    fill: bool = False
    size: float | None = None


def runs(*parts: str | Run) -> tuple[Run, ...]:
    return tuple(p if isinstance(p, Run) else Run(p) for p in parts)


@dataclass(frozen=True)
class Para:
    parts: tuple[Run, ...]
    size: float = 10.5
    align: str = "left"  # left / center / right
    indent: bool = False  # first line indented two characters
    font: str = "serif"
    above: float = 0.0  # mm of space before
    leading: float = 0.75  # em between lines
    seal: Seal | None = None  # stamped over this paragraph, (x, y) from its top left


@dataclass(frozen=True)
class Seal:
    """A round red seal centred at (x, y) mm (from the page's top left corner, or from its
    paragraph's): ring text, a star and an optional straight line below the star. None of
    it is page text."""

    ring: str
    x: float
    y: float
    diameter: float = 42.0
    line: str = ""


@dataclass(frozen=True)
class Cell:
    parts: tuple[Run, ...]
    colspan: int = 1
    rowspan: int = 1
    align: str = "left"
    label: bool = False  # a label cell: tinted, centred


@dataclass(frozen=True)
class Table:
    widths: tuple[float, ...]  # fractions
    cells: tuple[Cell, ...]  # row by row, as Typst fills them
    size: float = 10.0
    inset: float = 2.2  # mm
    font: str = "serif"
    above: float = 2.0


@dataclass(frozen=True)
class Qr:
    text: str
    size: float = 26.0  # mm


@dataclass(frozen=True)
class Side:
    """Blocks side by side (columns of the given fractions), read column after column."""

    columns: tuple[tuple[Block, ...], ...]
    widths: tuple[float, ...]
    above: float = 2.0


Block = Para | Table | Qr | Side


@dataclass
class Page:
    blocks: list[Block]
    seals: list[Seal] = field(default_factory=list)
    margin: tuple[float, float, float, float] = (22.0, 20.0, 22.0, 20.0)  # top right bottom left
    size: float = 10.5
    border: bool = False  # a double frame round the page (certificates)


def _str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a valid Typst string literal


def _run(r: Run, base: str) -> str:
    args = [f"font: {_str(FONTS[r.font or base])}"]
    if r.bold:
        args.append('weight: "bold"')
    if r.size:
        args.append(f"size: {r.size}pt")
    body = f"text({', '.join(args)}, {_str(r.text)})"
    if r.fill:
        body = f"box(stroke: (bottom: 0.5pt + {INK}), inset: (x: 0.8em, bottom: 2pt), {body})"
    return body


def _content(parts: tuple[Run, ...], base: str) -> str:
    return "[" + "".join("#" + _run(r, base) for r in parts) + "]"


def _para(p: Para) -> str:
    body = _content(p.parts, p.font)
    if p.indent:
        body = "[#h(2em)" + body[1:]
    seal = f"; {_seal(p.seal)}" if p.seal else ""
    return (
        f"#v({p.above}mm)\n#block(width: 100%, {{set text(size: {p.size}pt); "
        f"set par(leading: {p.leading}em); align({p.align}, {body}){seal}}})\n"
    )


def _table(t: Table) -> str:
    cols = ", ".join(f"{w}fr" for w in t.widths)
    cells = []
    for c in t.cells:
        args = []
        if c.colspan > 1:
            args.append(f"colspan: {c.colspan}")
        if c.rowspan > 1:
            args.append(f"rowspan: {c.rowspan}")
        align = "center" if c.label else c.align
        args.append(f"align: {align} + horizon")
        if c.label:
            args.append("fill: rgb(244, 243, 238)")
        cells.append(f"table.cell({', '.join(args)}, {_content(c.parts, t.font)})")
    return (
        f"#v({t.above}mm)\n#{{set text(size: {t.size}pt); set par(leading: 0.55em)\n"
        f"table(columns: ({cols},), stroke: 0.6pt + {INK}, inset: {t.inset}mm, "
        f"{', '.join(cells)})}}\n"
    )


def _qr(q: Qr) -> str:
    matrix = zxingcpp.create_barcode(q.text, zxingcpp.BarcodeFormat.QRCode).to_image(scale=1)
    rows = [[int(v) < 128 for v in row] for row in np.asarray(matrix)]
    module = q.size / len(rows)
    rects = []
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if row[x]:
                end = x
                while end < len(row) and row[end]:
                    end += 1
                rects.append(
                    f"place(dx: {x * module:.3f}mm, dy: {y * module:.3f}mm, "
                    f"rect(width: {(end - x) * module + 0.01:.3f}mm, "
                    f"height: {module + 0.01:.3f}mm, fill: black))"
                )
                x = end
            else:
                x += 1
    return f"#box(width: {q.size}mm, height: {q.size}mm, {{{'; '.join(rects)}}})\n"


def _side(s: Side) -> str:
    cols = ", ".join(f"{w}fr" for w in s.widths)
    bodies = ", ".join("[\n" + "".join(_block(b) for b in col) + "]" for col in s.columns)
    return f"#v({s.above}mm)\n#grid(columns: ({cols},), column-gutter: 4mm, {bodies})\n"


def _block(b: Block) -> str:
    if isinstance(b, Para):
        return _para(b)
    if isinstance(b, Table):
        return _table(b)
    if isinstance(b, Qr):
        return _qr(b)
    return _side(b)


def _seal(s: Seal) -> str:
    red = "rgb(206, 28, 36, 205)"
    r = s.diameter / 2
    ring = s.ring
    span = min(260.0, 22.0 * len(ring))
    arc = (r - s.diameter * 0.12) * math.radians(span / len(ring))
    glyph = min(s.diameter * 0.15, arc * 0.92)
    items = [
        f"place(dx: 0mm, dy: 0mm, circle(radius: {r}mm, "
        f"stroke: {s.diameter * 0.035:.2f}mm + {red}))",
        f"place(center + horizon, text(size: {s.diameter * 0.32:.1f}mm, fill: {red}, "
        f'font: {_str(SANS)}, "★"))',
    ]
    for i, ch in enumerate(ring):
        theta = -span / 2 + span * (i + 0.5) / len(ring)
        rad = math.radians(theta)
        dist = r - s.diameter * 0.05 - glyph * 0.6
        dx, dy = dist * math.sin(rad), -dist * math.cos(rad)
        items.append(
            f"place(center + horizon, dx: {dx:.2f}mm, dy: {dy:.2f}mm, rotate({theta:.1f}deg, "
            f'text(size: {glyph:.2f}mm, fill: {red}, font: {_str(SANS)}, weight: "bold", '
            f"{_str(ch)})))"
        )
    if s.line:
        items.append(
            f"place(center + horizon, dy: {r * 0.5:.2f}mm, text(size: {glyph * 0.8:.2f}mm, "
            f"fill: {red}, font: {_str(SANS)}, {_str(s.line)}))"
        )
    return (
        f"place(top + left, dx: {s.x - r}mm, dy: {s.y - r}mm, box(width: {s.diameter}mm, "
        f"height: {s.diameter}mm, {{{'; '.join(items)}}}))"
    )


def typst_source(page: Page) -> str:
    top, right, bottom, left = page.margin
    over = "; ".join(_seal(s) for s in page.seals)
    frame = ""
    if page.border:
        frame = (
            f"place(top + left, dx: 9mm, dy: 9mm, rect(width: 192mm, height: 279mm, "
            f"stroke: 1.6pt + {INK})); place(top + left, dx: 11mm, dy: 11mm, "
            f"rect(width: 188mm, height: 275mm, stroke: 0.5pt + {INK}))"
        )
    head = (
        f'#set page(paper: "a4", margin: (top: {top}mm, right: {right}mm, bottom: {bottom}mm, '
        f"left: {left}mm), background: {{{frame}}}, foreground: {{{over}}})\n"
        f'#set text(font: {_str(SERIF)}, size: {page.size}pt, lang: "zh", region: "cn", '
        f'fill: {INK}, top-edge: "ascender", bottom-edge: "descender")\n'
        "#set par(justify: true)\n"
    )
    return head + "".join(_block(b) for b in page.blocks)


def _block_truth(b: Block) -> list[str]:
    if isinstance(b, Para):
        return ["".join(r.text for r in b.parts)]
    if isinstance(b, Table):
        return ["".join(r.text for r in c.parts) for c in b.cells]
    if isinstance(b, Qr):
        return []
    return [line for col in b.columns for block in col for line in _block_truth(block)]


def truth(page: Page) -> str:
    """The page text in reading order, one line per paragraph or table cell."""
    return "\n".join(line for b in page.blocks for line in _block_truth(b) if line)


def _seals(b: Block) -> list[Seal]:
    if isinstance(b, Para):
        return [b.seal] if b.seal else []
    if isinstance(b, Side):
        return [s for col in b.columns for block in col for s in _seals(block)]
    return []


def seal_text(page: Page) -> str:
    """Everything the seals draw as text (for comparing with the PDF's text)."""
    seals = page.seals + [s for b in page.blocks for s in _seals(b)]
    return "".join(s.ring + "★" + s.line for s in seals)
