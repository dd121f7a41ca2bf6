"""The page model of the `weasy` corpus: blocks that write both the page's HTML and its
truth, so nothing is typed twice. Truth is the text a person reads in reading order:
table cells row by row, each cell's text whole; side-by-side blocks one after the other;
a seal's ring text is not page text (it is kept apart, for the PDF text check)."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    text: str
    label: bool = False  # a printed label (grey ground) or a filled-in value
    hand: bool = False  # filled in by hand (Kai)
    span: int = 1
    rows: int = 1
    field: str | None = None  # the field name the value counts as
    width: str = ""


def L(text: str, span: int = 1, width: str = "") -> Cell:
    return Cell(text, label=True, span=span, width=width)


def V(text: str, span: int = 1, field: str | None = None, hand: bool = False) -> Cell:
    return Cell(text, span=span, field=field, hand=hand)


@dataclass(frozen=True)
class Run:
    text: str
    hand: bool = False
    field: str | None = None


@dataclass
class Page:
    css_class: str
    blocks: list[Block] = field(default_factory=list)

    def html(self) -> str:
        return (
            f'<section class="page {self.css_class}">'
            + "".join(b.html() for b in self.blocks)
            + "</section>"
        )

    def truth(self) -> str:
        return "\n".join(t for b in self.blocks if (t := b.truth()))

    def fields(self) -> list[tuple[str, str]]:
        return [f for b in self.blocks for f in b.fields()]

    def seal_texts(self) -> list[str]:
        return [t for b in self.blocks for t in b.seal_texts()]


class Block:
    def html(self) -> str:
        raise NotImplementedError

    def truth(self) -> str:
        raise NotImplementedError

    def fields(self) -> list[tuple[str, str]]:
        return []

    def seal_texts(self) -> list[str]:
        return []


def _runs_html(runs: list[Run]) -> str:
    return "".join(
        f'<span class="hand">{html.escape(r.text)}</span>' if r.hand else html.escape(r.text)
        for r in runs
    )


@dataclass
class Para(Block):
    runs: list[Run]
    cls: str = ""

    def html(self) -> str:
        return f'<p class="{self.cls}">{_runs_html(self.runs)}</p>'

    def truth(self) -> str:
        return "".join(r.text for r in self.runs)

    def fields(self) -> list[tuple[str, str]]:
        return [(r.field, r.text) for r in self.runs if r.field]


def para(*parts: str | Run, cls: str = "") -> Para:
    return Para([p if isinstance(p, Run) else Run(p) for p in parts], cls)


@dataclass
class Title(Block):
    text: str
    cls: str = "title"

    def html(self) -> str:
        return f'<h1 class="{self.cls}">{html.escape(self.text)}</h1>'

    def truth(self) -> str:
        return self.text


@dataclass
class Grid(Block):
    """A ruled table; `head` rows are column headings."""

    rows: list[list[Cell]]
    head: list[Cell] = field(default_factory=list)
    cls: str = "grid"
    widths: tuple[str, ...] = ()

    def html(self) -> str:
        cols = "".join(f'<col style="width:{w}">' for w in self.widths)
        out = [f'<table class="{self.cls}"><colgroup>{cols}</colgroup>']
        if self.head:
            out.append(
                "<tr>"
                + "".join(f'<th colspan="{c.span}">{html.escape(c.text)}</th>' for c in self.head)
                + "</tr>"
            )
        for row in self.rows:
            out.append("<tr>" + "".join(_cell_html(c) for c in row) + "</tr>")
        return "".join(out) + "</table>"

    def truth(self) -> str:
        lines = [" ".join(c.text for c in self.head)] if self.head else []
        lines += [" ".join(strip_checks(c.text) for c in row if c.text) for row in self.rows]
        return "\n".join(line for line in lines if line)

    def fields(self) -> list[tuple[str, str]]:
        return [(c.field, c.text) for row in self.rows for c in row if c.field]


def _cell_html(c: Cell) -> str:
    cls = "lab" if c.label else "hand" if c.hand else "val"
    return f'<td class="{cls}" colspan="{c.span}" rowspan="{c.rows}">{_checks_html(c.text)}</td>'


# a check box in a cell is written "[x]" or "[ ]" in the model: drawn as a box, no text
def _checks_html(text: str) -> str:
    out = html.escape(text)
    return out.replace("[x]", '<i class="box on"></i>').replace("[ ]", '<i class="box"></i>')


def strip_checks(text: str) -> str:
    return text.replace("[x]", "").replace("[ ]", "")


@dataclass
class Seal:
    ring: str
    centre: str
    left: str = "55%"  # where, inside its block
    top: str = "-8mm"
    size_mm: int = 40
    tilt: int = 0

    def html(self) -> str:
        n = len(self.ring)
        spread = 250 if n > 10 else 200
        chars = []
        r = self.size_mm / 2
        for k, ch in enumerate(self.ring):
            angle = -spread / 2 + spread * (k + 0.5) / n
            chars.append(
                f'<span class="ring" style="transform: rotate({angle:.1f}deg); '
                f'transform-origin: 50% {r - 1.5:.1f}mm;">{html.escape(ch)}</span>'
            )
        star = (
            '<svg class="star" viewBox="0 0 20 20"><polygon fill="#d61c24" fill-opacity="0.85" '
            'points="10,0 12.4,7 20,7 13.8,11.5 16.2,19 10,14.2 3.8,19 6.2,11.5 0,7 7.6,7"/></svg>'
        )
        return (
            f'<div class="seal" style="left:{self.left}; top:{self.top}; width:{self.size_mm}mm; '
            f'height:{self.size_mm}mm; transform: rotate({self.tilt}deg);">'
            + "".join(chars)
            + star
            + f'<span class="centre">{html.escape(self.centre)}</span></div>'
        )

    def texts(self) -> list[str]:
        return [self.ring, self.centre]


@dataclass
class Signed(Block):
    """Lines at the foot of a page (signature, unit, date), with a seal over them."""

    lines: list[list[Run]]
    seal: Seal | None = None
    cls: str = "signed"

    def html(self) -> str:
        body = "".join(f"<p>{_runs_html(line)}</p>" for line in self.lines)
        return f'<div class="{self.cls}">{body}{self.seal.html() if self.seal else ""}</div>'

    def truth(self) -> str:
        return "\n".join("".join(r.text for r in line) for line in self.lines)

    def fields(self) -> list[tuple[str, str]]:
        return [(r.field, r.text) for line in self.lines for r in line if r.field]

    def seal_texts(self) -> list[str]:
        return self.seal.texts() if self.seal else []


@dataclass
class Side(Block):
    """Blocks side by side: read left column, then right."""

    left: list[Block]
    right: list[Block]
    left_width: str = "68%"

    def html(self) -> str:
        return (
            f'<div class="side"><div class="sl" style="width:{self.left_width}">'
            + "".join(b.html() for b in self.left)
            + '</div><div class="sr">'
            + "".join(b.html() for b in self.right)
            + "</div></div>"
        )

    def truth(self) -> str:
        return "\n".join(t for b in self.left + self.right if (t := b.truth()))

    def fields(self) -> list[tuple[str, str]]:
        return [f for b in self.left + self.right for f in b.fields()]

    def seal_texts(self) -> list[str]:
        return [t for b in self.left + self.right for t in b.seal_texts()]


@dataclass
class QR(Block):
    """A printed two-dimensional code (modules only, no text)."""

    seed: int
    mm: int = 26

    def html(self) -> str:
        rng = random.Random(self.seed)
        n = 25
        cells = []
        for y in range(n):
            for x in range(n):
                finder = _finder(x, y, n)
                if finder is True or (finder is None and rng.random() < 0.5):
                    cells.append(f"M{x} {y}h1v1h-1z")
        return (
            f'<svg class="qr" style="width:{self.mm}mm;height:{self.mm}mm" '
            f'viewBox="-1 -1 {n + 2} {n + 2}">'
            f'<path fill="#000" d="{"".join(cells)}"/></svg>'
        )

    def truth(self) -> str:
        return ""


def _finder(x: int, y: int, n: int) -> bool | None:
    for ox, oy in ((0, 0), (n - 7, 0), (0, n - 7)):
        dx, dy = x - ox, y - oy
        if -1 <= dx <= 7 and -1 <= dy <= 7:
            if not (0 <= dx <= 6 and 0 <= dy <= 6):
                return False
            ring = max(abs(dx - 3), abs(dy - 3))
            return ring != 2
    return None
