"""The page model of the `office` corpus: what a clerk's Word document holds (paragraphs
of runs, tables with merged cells and fixed row heights, header, footer with page
numbers, a seal stamped after printing). The .docx and the truth are both written from
it, so they cannot disagree; the truth reads the page as a person does: header, then the
blocks top to bottom, tables row by row and cell by cell (a merged cell where it starts),
each cell's paragraphs in order, then the footer. The seal is ink on paper, not text."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from fontTools.ttLib import TTFont

NOTO = Path("/usr/share/fonts/opentype/noto")
URW = Path("/usr/share/fonts/opentype/urw-base35")
OPENSYMBOL = Path("/usr/share/fonts/truetype/libreoffice/opens___.ttf")
# run kind → (East Asian face, Latin face): Word's two font slots of a run
FACES = {
    "body": ("Noto Serif CJK SC Light", "Nimbus Roman"),  # the printed form, like SimSun
    "title": ("Noto Serif CJK SC Black", "Nimbus Sans"),  # like 小标宋 / 黑体
    "entry": ("Noto Sans CJK SC Medium", "Nimbus Roman"),  # what was typed into the form
    "small": ("Noto Sans CJK SC DemiLight", "Nimbus Sans"),  # notes, header, footer
    "box": ("OpenSymbol", "OpenSymbol"),  # check boxes □ ☑, as Word inserts them
}
# face → (file, font number in the collection: 2 is the SC face of Noto CJK), for the cmap
# check
FACE_FILES = {
    "Noto Serif CJK SC Light": (NOTO / "NotoSerifCJK-Light.ttc", 2),
    "Noto Serif CJK SC Black": (NOTO / "NotoSerifCJK-Black.ttc", 2),
    "Noto Sans CJK SC Medium": (NOTO / "NotoSansCJK-Medium.ttc", 2),
    "Noto Sans CJK SC DemiLight": (NOTO / "NotoSansCJK-DemiLight.ttc", 2),
    "Nimbus Roman": (URW / "NimbusRoman-Regular.otf", 0),
    "Nimbus Sans": (URW / "NimbusSans-Regular.otf", 0),
    "OpenSymbol": (OPENSYMBOL, 0),
}
BOX, CHECKED = "□", "☑"


@functools.cache
def cmap(face: str) -> frozenset[int]:
    path, number = FACE_FILES[face]
    return frozenset(TTFont(str(path), fontNumber=number, lazy=True).getBestCmap())


@dataclass(frozen=True)
class Run:
    text: str
    kind: str = "body"
    underline: bool = False
    bold: bool = False
    field: str | None = None  # "PAGE" / "NUMPAGES": `text` is what Word shows for it
    color: str | None = None  # hex, e.g. the red masthead of an official document


@dataclass
class Para:
    runs: list[Run]
    align: str = "left"  # left, center, right, justify
    size: float = 10.5  # points (五号)
    indent: float = 0.0  # first-line indent in characters
    after: float = 0.0  # space after, points
    before: float = 0.0
    line: float | None = None  # exact line height in points
    tabs: tuple[tuple[float, str], ...] = ()  # (mm from the margin, "left"/"right"/"center")
    rule_below: str | None = None  # hex colour of a rule under the paragraph (a header's)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Cell:
    paras: list[Para]
    colspan: int = 1
    rowspan: int = 1
    valign: str = "center"
    shade: str | None = None  # hex fill of a label cell


@dataclass
class Row:
    cells: list[Cell]
    height: float = 9.0  # mm
    exact: bool = False  # fixed height (text must fit) or at least


@dataclass
class Table:
    widths: list[float]  # mm per grid column
    rows: list[Row]
    borders: str = "grid"  # grid, none, outer-thick (grid with a heavy frame)


Block = Para | Table


@dataclass
class Seal:
    ring: str  # the words round the rim
    anchor: str  # text on the page the seal is stamped over
    centre: str = "★"
    bottom: str = ""  # a horizontal line under the star (专用章)


@dataclass
class Page:
    layout: str
    blocks: list[Block]
    header: Para | None = None
    footer: Para | None = None
    landscape: bool = False
    frame: bool = False  # a certificate's double border round the page
    margins: tuple[float, float, float, float] = (22.0, 20.0, 20.0, 20.0)  # t, r, b, l mm
    seals: list[Seal] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The page's text in reading order, a paragraph a line."""
        out: list[str] = []
        for block in [self.header, *self.blocks, self.footer]:
            if isinstance(block, Para):
                out.append(block.text)
            elif isinstance(block, Table):
                out += [p.text for row in block.rows for cell in row.cells for p in cell.paras]
        return [line for line in out if line.strip()]

    def missing_glyphs(self) -> set[tuple[str, str]]:
        """(character, face) of every character its run's face lacks: ASCII is drawn in
        the Latin face, everything else in the East Asian one."""
        missing = set()
        for run in self.runs():
            east, latin = FACES[run.kind]
            for ch in run.text:
                face = latin if ord(ch) < 128 else east
                if not ch.isspace() and ord(ch) not in cmap(face):
                    missing.add((ch, face))
        return missing

    def truth(self) -> str:
        return "\n".join(self.lines())

    def runs(self) -> list[Run]:
        """Every run on the page, for the font check."""
        out: list[Run] = []
        for block in [self.header, *self.blocks, self.footer]:
            if isinstance(block, Para):
                out += block.runs
            elif isinstance(block, Table):
                out += [r for row in block.rows for c in row.cells for p in c.paras for r in p.runs]
        return out


# small constructors the layouts write with
def para(*parts: str | Run, **kw: object) -> Para:
    runs = [Run(p) if isinstance(p, str) else p for p in parts]
    return Para(runs, **kw)  # type: ignore[arg-type]


def entry(text: str, underline: bool = False) -> Run:
    return Run(text, "entry", underline=underline)


def cell(*parts: str | Run, colspan: int = 1, rowspan: int = 1, **kw: object) -> Cell:
    return Cell([para(*parts, **kw)], colspan=colspan, rowspan=rowspan)


def label(text: str, colspan: int = 1, rowspan: int = 1, size: float = 10.0) -> Cell:
    """A printed label cell, centred."""
    return Cell([para(text, align="center", size=size)], colspan=colspan, rowspan=rowspan)


def value(
    text: str, colspan: int = 1, rowspan: int = 1, align: str = "center", size: float = 10.0
) -> Cell:
    """A cell filled in, in the entry face."""
    return Cell([para(entry(text), align=align, size=size)], colspan=colspan, rowspan=rowspan)


def boxes(options: list[str], chosen: set[str], kind: str = "body") -> list[Run]:
    """Check boxes □ option ☑ option, as a form prints them."""
    out: list[Run] = []
    for option in options:
        out += [Run(CHECKED if option in chosen else BOX, "box"), Run(option + "　", kind)]
    return out


def title(text: str, size: float = 18.0, after: float = 10.0) -> Para:
    return Para([Run(text, "title")], align="center", size=size, after=after)


def page_footer(prefix: str = "") -> Para:
    runs = [Run(prefix + "第 ", "small"), Run("1", "small", field="PAGE"), Run(" 页  共 ", "small")]
    runs += [Run("1", "small", field="NUMPAGES"), Run(" 页", "small")]
    return Para(runs, align="center", size=9)


def page_header(left: str, right: str, width: float = 169.0) -> Para:
    """A running header: form name left, form code right (a tab to the text width)."""
    return Para(
        [Run(left, "small"), Run("\t" + right, "small")],
        size=9,
        tabs=((width, "right"),),
        rule_below="000000",
    )
