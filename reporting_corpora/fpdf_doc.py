"""A page of the `fpdf` corpus: fpdf2 draws it while the truth is written in the order a
person reads it; PDFium rasterises it; pypdf's text of the PDF checks the truth.

Faces: the cwTeX faces (Debian fonts-cwtex-*: 仿宋, 明體, 粗黑體, 楷書) where a run of
text is wholly in them, else an unused weight of Noto CJK SC for the whole run (cwTeX
carries traditional characters only, so a run with a simplified character is never set
glyph by glyph in two faces); DejaVu Sans for the check mark only."""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pypdfium2 as pdfium
from fontTools.ttLib import TTCollection, TTFont
from fpdf import FPDF
from fpdf.enums import WrapMode
from fpdf.fonts import FontFace
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, NameObject

NOTO = "/usr/share/fonts/opentype/noto/"
CWTEX = "/usr/share/fonts/truetype/cwtex/"
# family -> (file, index in the collection)
FACES: dict[str, tuple[str, int]] = {
    "cwfs": (CWTEX + "cwfs.ttf", 0),
    "cwming": (CWTEX + "cwming.ttf", 0),
    "cwheib": (CWTEX + "cwheib.ttf", 0),
    "cwkai": (CWTEX + "cwkai.ttf", 0),
    "sans-bold": (NOTO + "NotoSansCJK-Bold.ttc", 2),
    "sans-light": (NOTO + "NotoSansCJK-Light.ttc", 2),
    "sans": (NOTO + "NotoSansCJK-Regular.ttc", 2),
    "serif-bold": (NOTO + "NotoSerifCJK-Bold.ttc", 2),
    "serif-semibold": (NOTO + "NotoSerifCJK-SemiBold.ttc", 2),
    "serif-medium": (NOTO + "NotoSerifCJK-Medium.ttc", 2),
    "symbols": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
}
# a style: the cwTeX face wanted, and the Noto SC face for runs it lacks in each of two
# palettes (a page takes one: four Noto faces a page, seven over the corpus)
STYLES: dict[str, tuple[str | None, tuple[str, str]]] = {
    "fang": ("cwfs", ("serif-medium", "serif-medium")),  # 仿宋: official documents' face
    "ming": ("cwming", ("serif-medium", "serif-medium")),
    "hei": ("cwheib", ("sans-bold", "sans-bold")),
    "kai": ("cwkai", ("serif-semibold", "sans")),  # entries filled in
    "title": (None, ("serif-semibold", "serif-bold")),
    "sans": (None, ("sans-light", "sans")),
    "light": (None, ("sans-light", "sans")),
}
CHECKED, UNCHECKED = "☑", "□"
SYMBOLS = {CHECKED}  # set in DejaVu Sans by fpdf2's fallback
RED = (206, 22, 32)
# fontTools tells of every table it cannot subset in cwTeX's faces (mort) and of their
# padded glyf tables: harmless, and not to fill the bench's output
logging.getLogger("fontTools").setLevel(logging.ERROR)


@functools.cache
def cmap(family: str) -> frozenset[int]:
    path, index = FACES[family]
    if path.endswith(".ttc"):
        font = TTCollection(path, lazy=True).fonts[index]
    else:
        font = TTFont(path, lazy=True)
    return frozenset(font.getBestCmap())


def covers(family: str, text: str) -> bool:
    have = cmap(family)
    return all(ord(c) in have for c in text if not c.isspace() and c not in SYMBOLS)


@dataclass
class C:
    """A table cell."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    style: str = "fang"
    size: float = 10.5
    align: str = "L"
    bold: bool = False  # the style's bold face: hei for labels


@dataclass
class Doc:
    layout: str
    landscape: bool = False
    palette: int = 0  # which Noto faces stand in for cwTeX (STYLES)
    pdf: FPDF = field(init=False)
    lines: list[str] = field(default_factory=list)  # the truth, in reading order
    ink: list[str] = field(default_factory=list)  # text on the page that is not truth
    runs: list[tuple[str, str]] = field(default_factory=list)  # (family, text) as set
    _added: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.pdf = FPDF(orientation="L" if self.landscape else "P", unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(18, 15, 18)
        self.pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))  # same seed, same bytes
        self.pdf.add_page()
        self._use("symbols")
        self.pdf.set_fallback_fonts(["symbols"])

    # -- faces --------------------------------------------------------------------------
    def _use(self, family: str) -> None:
        if family not in self._added:
            path, index = FACES[family]
            self.pdf.add_font(family, fname=path, collection_font_number=index)
            self._added.add(family)

    def face(self, text: str, style: str) -> str:
        want, fallbacks = STYLES[style]
        fallback = fallbacks[self.palette]
        family = want if want and covers(want, text) else fallback
        if not covers(family, text):
            raise ValueError(f"no face of style {style} has every character of {text!r}")
        self._use(family)
        self.runs.append((family, text))
        return family

    def font(self, text: str, style: str, size: float) -> None:
        self.pdf.set_font(self.face(text, style), size=size)

    # -- text -----------------------------------------------------------------------------
    @property
    def width(self) -> float:
        return float(self.pdf.w)

    def line(
        self,
        y: float,
        text: str,
        style: str = "fang",
        size: float = 12,
        align: str = "L",
        x: float | None = None,
        w: float | None = None,
        color: tuple[int, int, int] = (0, 0, 0),
        truth: bool = True,
    ) -> None:
        x = self.pdf.l_margin if x is None else x
        w = self.width - x - self.pdf.r_margin if w is None else w
        self.font(text, style, size)
        self.pdf.set_text_color(*color)
        self.pdf.set_xy(x, y)
        self.pdf.cell(w, size * 0.45, text, align=align)
        self.pdf.set_text_color(0, 0, 0)
        (self.lines if truth else self.ink).append(text)

    def para(
        self,
        y: float,
        text: str,
        style: str = "fang",
        size: float = 12,
        x: float | None = None,
        w: float | None = None,
        lh: float = 1.6,
        indent: bool = True,
    ) -> float:
        """A wrapped paragraph (two full-width spaces indent it, as Chinese prose is set);
        returns the y under it."""
        x = self.pdf.l_margin if x is None else x
        w = self.width - x - self.pdf.r_margin if w is None else w
        self.font(text, style, size)
        self.pdf.set_xy(x, y)
        body = ("\u3000\u3000" if indent else "") + text
        self.pdf.multi_cell(w, size * 0.3528 * lh, body, align="J", wrapmode=WrapMode.CHAR)
        self.lines.append(text)
        return float(self.pdf.get_y())

    def table(
        self,
        y: float,
        widths: Sequence[float],
        rows: Sequence[Sequence[C]],
        line_height: float = 5.2,
        min_row: float = 9.0,
        x: float | None = None,
        border: float = 0.3,
    ) -> float:
        """A ruled table (fpdf2's own, with spans and wrapping); each row's cells are
        read left to right, a spanned cell where its first row is; returns the y under
        it."""
        x = self.pdf.l_margin if x is None else x
        self.pdf.set_xy(x, y)
        self.pdf.set_line_width(border)
        self.pdf.set_font(self.face("0", "fang"), size=10.5)
        self.pdf.set_left_margin(x)
        with self.pdf.table(
            col_widths=tuple(widths),
            width=sum(widths),
            align="LEFT",
            first_row_as_headings=False,
            line_height=line_height,
            text_align="LEFT",
            wrapmode=WrapMode.CHAR,
            padding=(1.2, 1.6),
            min_row_height=min_row,
        ) as table:
            for cells in rows:
                row = table.row()
                for c in cells:
                    style = "hei" if c.bold else c.style
                    family = self.face(c.text, style) if c.text.strip() else self._blank()
                    row.cell(
                        c.text,
                        colspan=c.colspan,
                        rowspan=c.rowspan,
                        align=c.align,
                        style=FontFace(family=family, size_pt=c.size),
                    )
                texts = [c.text for c in cells if c.text.strip()]
                if texts:
                    self.lines.append(" ".join(texts))
        self.pdf.set_left_margin(18)
        self.pdf.set_line_width(0.2)
        return float(self.pdf.get_y())

    def _blank(self) -> str:
        self._use("cwfs")
        return "cwfs"

    # -- marks ----------------------------------------------------------------------------
    def rule(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.3) -> None:
        self.pdf.set_line_width(width)
        self.pdf.line(x1, y1, x2, y2)
        self.pdf.set_line_width(0.2)

    def seal(
        self,
        cx: float,
        cy: float,
        ring: str,
        r: float = 21,
        middle: str = "",
        rng: random.Random | None = None,
    ) -> None:
        """A red round seal, multiplied over what is under it: star, ring text round the
        top, a line under the star. Its words are ink, not truth."""
        pdf = self.pdf
        tilt = rng.uniform(-25, 25) if rng else 0.0
        with pdf.local_context(blend_mode="Multiply", fill_opacity=0.82, stroke_opacity=0.85):
            pdf.set_draw_color(*RED)
            pdf.set_fill_color(*RED)
            pdf.set_text_color(*RED)
            pdf.set_line_width(r * 0.055)
            pdf.circle(cx, cy, r, style="D")
            with pdf.rotation(tilt, cx, cy):
                star = r * 0.26
                pts = [
                    (
                        cx + (star if k % 2 == 0 else star * 0.4) * math.sin(math.pi * k / 5),
                        cy - (star if k % 2 == 0 else star * 0.4) * math.cos(math.pi * k / 5),
                    )
                    for k in range(10)
                ]
                pdf.polygon(pts, style="F")
                n = len(ring)
                span = min(270.0, 26.0 * n)  # degrees of the ring the words take
                pitch = 2 * math.pi * 0.72 * r * span / 360 / n  # mm a character
                size = min(0.34 * r, 0.86 * pitch) / 0.3528  # in points
                pdf.set_font(self.face(ring, "hei"), size=size)
                for k, ch in enumerate(ring):
                    a = -span / 2 + span * (k + 0.5) / n
                    with pdf.rotation(-a, cx, cy):
                        w = pdf.get_string_width(ch)
                        pdf.text(cx - w / 2, cy - r * 0.6, ch)
                if middle:
                    pdf.set_font(self.face(middle, "hei"), size=r * 0.6)
                    w = pdf.get_string_width(middle)
                    pdf.text(cx - w / 2, cy + r * 0.62, middle)
            pdf.set_text_color(0, 0, 0)
            pdf.set_draw_color(0, 0, 0)
            pdf.set_line_width(0.2)
        self.ink.append(ring)
        if middle:
            self.ink.append(middle)

    def qr(self, x: float, y: float, size: float, rng: random.Random) -> None:
        """A QR-like block: three finder squares and random modules (no text)."""
        n = 25
        m = size / n
        pdf = self.pdf
        pdf.set_fill_color(0, 0, 0)
        for i in range(n):
            for j in range(n):
                finder = (i < 8 and j < 8) or (i < 8 and j >= n - 8) or (i >= n - 8 and j < 8)
                if not finder and rng.random() < 0.48:
                    pdf.rect(x + j * m, y + i * m, m, m, style="F")
        for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
            pdf.rect(x + fx * m, y + fy * m, 7 * m, 7 * m, style="F")
            pdf.set_fill_color(255, 255, 255)
            pdf.rect(x + (fx + 1) * m, y + (fy + 1) * m, 5 * m, 5 * m, style="F")
            pdf.set_fill_color(0, 0, 0)
            pdf.rect(x + (fx + 2) * m, y + (fy + 2) * m, 3 * m, 3 * m, style="F")

    # -- output ---------------------------------------------------------------------------
    def truth(self) -> str:
        return "\n".join(self.lines)

    def pdf_bytes(self) -> bytes:
        return bytes(self.pdf.output())


def pdf_text(data: bytes) -> str:
    """pypdf's text of the PDF. fpdf2 gives its composite fonts two-byte identity codes
    but writes their /Encoding as an inline CMap dictionary, which pypdf reads as one
    byte a code (a U+0000 before every character); they are read here as the Identity-H
    they are."""
    reader = PdfReader(io.BytesIO(data))
    out = []
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        fonts = resources.get("/Font") if isinstance(resources, DictionaryObject) else None
        fonts = fonts.get_object() if fonts is not None else DictionaryObject()
        for ref in fonts.values() if isinstance(fonts, DictionaryObject) else ():
            font = ref.get_object()
            if font.get("/Subtype") == "/Type0" and not isinstance(font["/Encoding"], str):
                font[NameObject("/Encoding")] = NameObject("/Identity-H")
        out.append(page.extract_text())
    return "\n".join(out)


def check_truth(doc: Doc, text: str) -> None:
    """The truth plus the seal words is every character pypdf finds in the PDF, as a
    multiset, whitespace ignored; anything else raises."""
    want = Counter("".join((doc.truth() + "".join(doc.ink)).split()))
    got = Counter("".join(text.split()))
    if want != got:
        raise ValueError(
            f"{doc.layout}: truth and document differ: missing {dict(got - want)}, "
            f"extra {dict(want - got)}"
        )


def missing_glyphs(doc: Doc) -> set[str]:
    """Characters of the page in neither the face its run was set in nor the symbol
    face."""
    out = set()
    for family, text in doc.runs:
        for ch in text:
            if ch.isspace():
                continue
            if ord(ch) not in cmap(family) and ord(ch) not in cmap("symbols"):
                out.add(ch)
    return out


def render(doc: Doc, ppi: int = 300) -> tuple[np.ndarray, str, bytes]:
    """The page as RGB pixels at `ppi` (PDFium), the PDF's text (pypdf) and the PDF."""
    data = doc.pdf_bytes()
    pdf = pdfium.PdfDocument(data)
    try:
        image = pdf[0].render(scale=ppi / 72).to_pil().convert("RGB")
    finally:
        pdf.close()
    return np.asarray(image), pdf_text(data), data
