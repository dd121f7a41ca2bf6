"""The page model of the `chromium` corpus: one structure gives the HTML Chromium lays out
and the truth in reading order (header, title, blocks top to bottom, a table's rows label
to value left to right, side-by-side blocks each whole, left first, footer). Print is in
HanaMinA (Hanazono Mincho), titles and filled-in entries in Smiley Sans; the seal's words
are drawn but are not truth."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

HANA = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
SMILEY = "/usr/share/fonts/truetype/smiley-sans/SmileySans-Oblique.ttf"
# the font file of each kind of text: print, entries, titles
FONT_FILES = {"p": HANA, "v": SMILEY, "t": SMILEY}

Piece = tuple[str, str]  # (text, kind: "p" print, "v" entry, "t" title)


def p(text: str) -> Piece:
    return (text, "p")


def v(text: str) -> Piece:
    return (text, "v")


@dataclass
class Cell:
    pieces: list[Piece]
    colspan: int = 1
    rowspan: int = 1
    label: bool = False  # shaded label cell
    align: str = "left"


def lab(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell([p(text)], colspan, rowspan, label=True, align="center")


def val(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell([v(text)], colspan, rowspan)


@dataclass
class Line:
    pieces: list[Piece]
    align: str = "left"
    indent: bool = False


@dataclass
class Table:
    rows: list[list[Cell]]
    widths: list[int]  # percent per column


@dataclass
class Side:
    left: list[list[Piece]]
    right: list[list[Piece]]


Block = Line | Table | Side


@dataclass
class Page:
    header: tuple[str, str]
    title: str
    blocks: list[Block]
    footer: str
    seal: str | None = None  # words on the seal, drawn over the right side block
    fields: list[tuple[str, str]] = field(default_factory=list)

    def pieces(self) -> list[Piece]:
        out = [p(self.header[0]), p(self.header[1]), (self.title, "t")]
        for block in self.blocks:
            if isinstance(block, Line):
                out += block.pieces
            elif isinstance(block, Table):
                out += [piece for row in block.rows for cell in row for piece in cell.pieces]
            else:
                out += [piece for line in block.left + block.right for piece in line]
        return [*out, p(self.footer)]

    def truth(self) -> str:
        lines: list[str] = [self.header[0], self.header[1], self.title]
        for block in self.blocks:
            if isinstance(block, Line):
                lines.append("".join(t for t, _ in block.pieces))
            elif isinstance(block, Table):
                for row in block.rows:
                    lines.append(" ".join("".join(t for t, _ in c.pieces) for c in row))
            else:
                lines += ["".join(t for t, _ in line) for line in block.left + block.right]
        return "\n".join([*lines, self.footer])


CSS = """
@font-face { font-family: "Hana"; src: url("file://%(p)s"); }
@font-face { font-family: "Smiley"; src: url("file://%(v)s"); }
html, body { margin: 0; background: #fff; }
.pg { width: 794px; height: 1123px; overflow: hidden; box-sizing: border-box;
  padding: 34px 62px 30px; font-family: "Hana"; font-size: 14.5px; color: #111;
  position: relative; }
.v, .t { font-family: "Smiley"; }
.v { color: #14142a; font-size: 16px; }
.hd { display: flex; justify-content: space-between; font-size: 12px;
  border-bottom: 1px solid #444; padding-bottom: 3px; }
h1 { font-family: "Smiley"; font-weight: normal; text-align: center; font-size: 27px;
  letter-spacing: 3px; margin: 20px 0 14px; }
.ln { margin: 7px 0; line-height: 1.55; }
.ind { text-indent: 2em; }
table { width: 100%%; border-collapse: collapse; margin: 10px 0; table-layout: fixed; }
td { border: 1.2px solid #000; padding: 6px 6px; line-height: 1.4; vertical-align: middle;
  word-break: break-all; }
td.lab { background: #f1f1f1; }
.side { display: flex; justify-content: space-between; margin-top: 26px; position: relative; }
.side > div { width: 45%%; }
.side .ln { margin: 12px 0; }
.seal { position: absolute; right: 40px; top: -30px; width: 170px; height: 170px; opacity: 0.82; }
.ft { position: absolute; bottom: 22px; left: 62px; right: 62px; text-align: center;
  font-size: 12px; border-top: 1px solid #444; padding-top: 3px; }
"""


def _span(piece: Piece) -> str:
    text, kind = piece
    return f'<span class="{kind}">{html.escape(text)}</span>'


def _seal(words: str) -> str:
    return (
        '<svg class="seal" viewBox="0 0 170 170"><defs><path id="ring" '
        'd="M 26 112 A 62 62 0 1 1 144 112"/></defs>'
        '<circle cx="85" cy="85" r="80" fill="none" stroke="#d8202a" stroke-width="4.5"/>'
        '<polygon fill="#d8202a" points="85,58 92,79 114,79 96,92 103,113 85,100 67,113 '
        '74,92 56,79 78,79"/>'
        f'<text font-family="Hana" font-size="{min(19, 250 // len(words))}" fill="#d8202a">'
        f'<textPath href="#ring" startOffset="50%" text-anchor="middle">{html.escape(words)}'
        "</textPath></text></svg>"
    )


def document(pages: list[Page]) -> str:
    """One HTML document holding every page (the fonts load once), a section each."""
    css = CSS % {"p": HANA, "v": SMILEY}
    body = "".join(to_html(page) for page in pages)
    head = f'<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head>'
    return f"{head}<body>{body}</body></html>"


def to_html(page: Page) -> str:
    parts = [
        '<section class="pg">',
        f'<div class="hd"><span>{html.escape(page.header[0])}</span>'
        f"<span>{html.escape(page.header[1])}</span></div>",
        f"<h1>{html.escape(page.title)}</h1>",
    ]
    for block in page.blocks:
        if isinstance(block, Line):
            cls = "ln ind" if block.indent else "ln"
            inner = "".join(_span(x) for x in block.pieces)
            parts.append(f'<div class="{cls}" style="text-align:{block.align}">{inner}</div>')
        elif isinstance(block, Table):
            cols = "".join(f'<col style="width:{w}%">' for w in block.widths)
            rows = []
            for row in block.rows:
                cells = "".join(
                    f'<td colspan="{c.colspan}" rowspan="{c.rowspan}"'
                    f'{" class=lab" if c.label else ""} style="text-align:{c.align}">'
                    + "".join(_span(x) for x in c.pieces)
                    + "</td>"
                    for c in row
                )
                rows.append(f"<tr>{cells}</tr>")
            parts.append(f"<table><colgroup>{cols}</colgroup>{''.join(rows)}</table>")
        else:
            sides = [
                "<div>"
                + "".join(f'<div class="ln">{"".join(_span(x) for x in ln)}</div>' for ln in lines)
                + "</div>"
                for lines in (block.left, block.right)
            ]
            seal = _seal(page.seal) if page.seal else ""
            parts.append(f'<div class="side">{"".join(sides)}{seal}</div>')
    parts.append(f'<div class="ft">{html.escape(page.footer)}</div></section>')
    return "".join(parts)
