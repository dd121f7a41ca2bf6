"""Drawing for the `ledger` corpus: ReportLab canvas and platypus on an A4 page, with the
page's truth written as it is drawn (reading order is drawing order), and poppler's
`pdftoppm` to rasterise.

Fonts, embedded as TrueType subsets from their files (none used by another corpus):
BabelStone Han (Ming style: print and every digit), Droid Sans Fallback (sans: titles and
labels; it has no Latin digits, so such characters fall back to BabelStone Han), LXGW
WenKai (Kai: entries written by hand, signatures) and LXGW WenKai Mono (numbers written
into boxes). Seals: red ring, star and ring text drawn over the page; the ring text is
not page text (a reader transcribes the document, not its seal), so it is kept apart in
`Page.seal_text`, and the test that checks truth against the PDF's text adds it back."""

from __future__ import annotations

import functools
import math
import random
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import cv2
import numpy as np
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

FONT_FILES = {
    "ledger-ming": "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf",
    "ledger-sans": "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "ledger-kai": "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
    "ledger-kai-bold": "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf",
    "ledger-mono": "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKaiMono-Regular.ttf",
}
MING, SANS, KAI, KAI_BOLD, MONO = FONT_FILES
FALLBACK = MING
RED = colors.Color(0.84, 0.08, 0.1, alpha=0.82)
WIDTH, HEIGHT = A4


@functools.cache
def fonts() -> dict[str, frozenset[int]]:
    """Register the faces once per process; the code points each one has."""
    have = {}
    for name, path in FONT_FILES.items():
        if not Path(path).exists():
            raise RuntimeError(f"font {path} missing: install the Makefile's APT_PACKAGES")
        font = TTFont(name, path)
        pdfmetrics.registerFont(font)
        have[name] = frozenset(font.face.charToGlyph)
    return have


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """`text` cut into (font, run) where `font` lacks a character (Droid: digits)."""
    have = fonts()[font]
    out: list[tuple[str, str]] = []
    for ch in text:
        face = font if ord(ch) in have or ch == " " else FALLBACK
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + ch)
        else:
            out.append((face, ch))
    return out


def markup(text: str, font: str) -> str:
    return "".join(
        escape(s) if f == font else f'<font name="{f}">{escape(s)}</font>'
        for f, s in runs(text, font)
    )


class Page:
    """One A4 page: a canvas, its truth in reading order, its labelled fields."""

    def __init__(self, rng: random.Random) -> None:
        fonts()
        self.rng = rng
        self.buffer = BytesIO()
        self.c = Canvas(self.buffer, pagesize=A4, invariant=True, pageCompression=1)
        self.truth: list[str] = []
        self.seal_text: list[str] = []
        self.fields: list[tuple[str, str]] = []

    # text ---------------------------------------------------------------------------
    def text(
        self,
        x: float,
        top: float,
        s: str,
        font: str = MING,
        size: float = 10.5,
        align: str = "left",
        spacing: float = 0,
        color: colors.Color = colors.black,
        truth: bool = True,
    ) -> float:
        """Draw one line with its baseline `top` mm from the top edge; x in mm (centre or
        right edge for those alignments). Returns its width in mm."""
        widths = [pdfmetrics.stringWidth(r, f, size) + spacing * len(r) for f, r in runs(s, font)]
        w = sum(widths)
        start = x * mm - (w / 2 if align == "center" else w if align == "right" else 0)
        y = HEIGHT - top * mm
        # character spacing is text state, which outlives the text object: keep it in
        self.c.saveState()
        self.c.setFillColor(color)
        for (f, r), rw in zip(runs(s, font), widths, strict=True):
            t = self.c.beginText(start, y)
            t.setFont(f, size)
            t.setCharSpace(spacing)
            t.textOut(r)
            self.c.drawText(t)
            start += rw
        self.c.restoreState()
        if truth:
            self.truth.append(s)
        return w / mm

    def para(
        self, x: float, top: float, width: float, s: str, font: str = MING, size: float = 10.5,
        leading: float = 0, indent: float = 0,
    ) -> float:  # fmt: skip
        """A wrapped paragraph whose first line's top is `top` mm; returns its height in mm."""
        style = ParagraphStyle(
            "p", fontName=font, fontSize=size, leading=leading or size * 1.55,
            wordWrap="CJK", firstLineIndent=indent * size,
        )  # fmt: skip
        p = Paragraph(markup(s, font), style)
        _, h = p.wrap(width * mm, HEIGHT)
        p.drawOn(self.c, x * mm, HEIGHT - top * mm - h)
        self.truth.append(s)
        return h / mm

    def table(
        self,
        x: float,
        top: float,
        rows: list[list[str | tuple[str, str]]],
        widths: list[float],
        size: float = 10,
        heights: list[float] | None = None,
        spans: list[tuple[tuple[int, int], tuple[int, int]]] = (),  # type: ignore[assignment]
        label_font: str = SANS,
        value_font: str = KAI,
        shade_labels: bool = False,
        grid: float = 0.8,
    ) -> float:
        """A ruled table; a cell is a label (str, in the label face) or ("v", value) in
        the value face (entries by hand) or ("p", text) in print. Its truth is its cells
        row by row, left to right. Returns its height in mm."""
        cells = []
        labels = []
        for r, row in enumerate(rows):
            line = []
            for c, cell in enumerate(row):
                kind, s = ("l", cell) if isinstance(cell, str) else cell
                font = {"l": label_font, "v": value_font, "p": MING}[kind]
                if kind == "l" and s:
                    labels.append((c, r))
                style = ParagraphStyle(
                    "c", fontName=font, fontSize=size, leading=size * 1.35, wordWrap="CJK",
                    alignment=1 if kind == "l" and len(s) <= 8 else 0,
                )  # fmt: skip
                line.append(Paragraph(markup(s, font), style) if s else "")
                if s:
                    self.truth.append(s)
            cells.append(line)
        table = Table(
            cells, colWidths=[w * mm for w in widths],
            rowHeights=[h * mm for h in heights] if heights else None,
        )  # fmt: skip
        commands = [
            ("GRID", (0, 0), (-1, -1), grid, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        commands += [("SPAN", a, b) for a, b in spans]
        if shade_labels:
            commands += [("BACKGROUND", cr, cr, colors.Color(0.93, 0.93, 0.9)) for cr in labels]
        table.setStyle(TableStyle(commands))
        _, h = table.wrap(WIDTH, HEIGHT)
        table.drawOn(self.c, x * mm, HEIGHT - top * mm - h)
        return h / mm

    def field(self, name: str, value: str) -> None:
        self.fields.append((name, value))

    # marks --------------------------------------------------------------------------
    def rule(self, x0: float, top: float, x1: float, width: float = 0.6) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0 * mm, HEIGHT - top * mm, x1 * mm, HEIGHT - top * mm)

    def box(self, x: float, top: float, w: float, h: float, width: float = 0.8) -> None:
        self.c.setLineWidth(width)
        self.c.rect(x * mm, HEIGHT - (top + h) * mm, w * mm, h * mm)

    def seal(self, cx: float, cy: float, ring: str, bottom: str = "", r: float = 20) -> None:
        """A round official seal centred (cx, cy) mm from the top left: ring, star, the
        unit's name along the upper arc and a line below the star (kept out of truth)."""
        c, x, y = self.c, cx * mm, HEIGHT - cy * mm
        tilt = self.rng.uniform(-12, 12)
        c.saveState()
        c.translate(x, y)
        c.rotate(tilt)
        c.setStrokeColor(RED)
        c.setFillColor(RED)
        c.setLineWidth(r * 0.075 * mm)
        c.circle(0, 0, r * mm, stroke=1, fill=0)
        star = [
            ((0.3 if k % 2 else 0.75) * r * 0.42 * mm * math.sin(k * math.pi / 5),
             (0.3 if k % 2 else 0.75) * r * 0.42 * mm * math.cos(k * math.pi / 5))
            for k in range(10)
        ]  # fmt: skip
        path = c.beginPath()
        path.moveTo(*star[0])
        for p in star[1:]:
            path.lineTo(*p)
        path.close()
        c.drawPath(path, stroke=0, fill=1)
        size = r * mm * 0.26
        sweep = min(250.0, len(ring) * 19.0)
        for k, ch in enumerate(ring):
            angle = 90 + sweep / 2 - sweep * (k + 0.5) / len(ring)
            c.saveState()
            c.rotate(angle - 90)
            c.setFont(SANS, size)
            c.drawCentredString(0, r * mm * 0.68, ch)
            c.restoreState()
        if bottom:
            c.setFont(SANS, min(size * 0.8, r * mm * 1.3 / len(bottom)))
            c.drawCentredString(0, -r * mm * 0.55, bottom)
        c.restoreState()
        self.seal_text += [ring, bottom]

    def qr(self, x: float, top: float, side: float, data: str) -> None:
        widget = QrCodeWidget(data, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        d = Drawing(
            side * mm,
            side * mm,
            transform=[side * mm / (x1 - x0), 0, 0, side * mm / (y1 - y0), 0, 0],
        )
        d.add(widget)
        renderPDF.draw(d, self.c, x * mm, HEIGHT - (top + side) * mm)

    def fingerprint(self, cx: float, cy: float) -> None:
        """A red thumbprint: nested, slightly broken ellipses."""
        c = self.c
        c.saveState()
        c.translate(cx * mm, HEIGHT - cy * mm)
        c.rotate(self.rng.uniform(-20, 20))
        c.setStrokeColor(colors.Color(0.8, 0.12, 0.15, alpha=0.7))
        c.setLineWidth(0.9)
        for k in range(1, 12):
            start = self.rng.uniform(0, 60)
            c.arc(-k * 0.55 * mm, -k * 0.75 * mm, k * 0.55 * mm, k * 0.75 * mm, start, 300)
        c.restoreState()

    def pdf(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buffer.getvalue()


def raster(pdf: bytes, dpi: int) -> np.ndarray:
    """The page as a BGR image, by poppler's pdftoppm."""
    with tempfile.TemporaryDirectory(prefix="ledger-") as tmp:
        src = Path(tmp) / "page.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(src), str(Path(tmp) / "out")],
            check=True,
            capture_output=True,
            timeout=120,
        )
        image = cv2.imread(str(Path(tmp) / "out.png"), cv2.IMREAD_COLOR)
    if image is None:
        raise RuntimeError("pdftoppm gave no image")
    return image


def pdf_text(pdf: bytes) -> str:
    """The text poppler's pdftotext finds in the PDF (for the truth check)."""
    with tempfile.TemporaryDirectory(prefix="ledger-") as tmp:
        src = Path(tmp) / "page.pdf"
        src.write_bytes(pdf)
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(src), "-"],
            check=True,
            capture_output=True,
            timeout=60,
        )
    return done.stdout.decode("utf-8")
