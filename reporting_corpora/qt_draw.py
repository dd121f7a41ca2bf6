"""The `qt` corpus's page model and its drawing by Qt (PySide6): one list of operations in
millimetres, painted by QPainter on a 300 ppi A4 QImage and, with the same code, on a
QPdfWriter page whose text (pypdfium2) checks the truth.

Text goes through QPainter.drawText (lines, wrapped blocks) and QTextDocument (prose with
entries in another face inline), fonts loaded by QFontDatabase.addApplicationFont from
their files, font merging off, and every character checked against its face's cmap
(fontTools) before it is drawn, so Qt has nothing to fall back for. Seals and QR-like
blocks are paths and rectangles, not text: their words are not in the PDF text nor in the
truth."""

from __future__ import annotations

import html
import math
import os
import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from fontTools.ttLib import TTCollection, TTFont

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextDocument,
)

DPI = 300
PAGE_W_MM, PAGE_H_MM = 210.0, 297.0
PX_W, PX_H = 2480, 3508
PX = DPI / 25.4  # device pixels a millimetre

# face key -> (file, family Qt gives it, face name inside a collection)
FACES = {
    "song": ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", "AR PL SungtiL GB"),
    "kai": ("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", "AR PL KaitiM GB"),
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYi Micro Hei"),
    "title": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc", "Noto Sans CJK SC Medium"),
}

BLACK = (20, 20, 24)
BLUE_BLACK = (18, 30, 70)
RED = (205, 30, 35)
LEFT, CENTER, RIGHT = "left", "center", "right"


class MissingGlyph(ValueError):
    """A character the face chosen for it does not have (Qt would fall back)."""


class TruthMismatch(ValueError):
    """The truth is not what the PDF drawn from the same page says."""


@cache
def app() -> QGuiApplication:
    """The one QGuiApplication (offscreen), with the faces added from their files."""
    existing = QGuiApplication.instance()
    application = existing if isinstance(existing, QGuiApplication) else QGuiApplication([])
    for key, (path, family) in FACES.items():
        fid = QFontDatabase.addApplicationFont(path)
        if fid < 0 or family not in QFontDatabase.applicationFontFamilies(fid):
            raise RuntimeError(f"Qt could not load {family} ({key}) from {path}")
    return application


@cache
def cmap(face: str) -> frozenset[int]:
    path, family = FACES[face]
    if path.endswith(".ttc"):
        fonts = TTCollection(path).fonts
        for font in fonts:
            names = {str(r) for r in font["name"].names if r.nameID in (1, 4)}
            if family in names:
                return frozenset(font.getBestCmap())
        raise RuntimeError(f"{family} not in {path}")
    return frozenset(TTFont(path).getBestCmap())


def missing_glyphs(face: str, text: str) -> str:
    have = cmap(face)
    return "".join(sorted({c for c in text if not c.isspace() and ord(c) not in have}))


def check_glyphs(face: str, text: str) -> None:
    missing = missing_glyphs(face, text)
    if missing:
        raise MissingGlyph(f"{FACES[face][1]} lacks {missing!r} (in {text!r})")


def font(face: str, size_pt: float, bold: bool = False) -> QFont:
    app()
    f = QFont(FACES[face][1])
    f.setPixelSize(max(1, round(size_pt * DPI / 72)))
    f.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if bold:
        f.setBold(True)
    return f


def text_height_mm(face: str, size_pt: float, text: str, width_mm: float) -> float:
    """Height of `text` wrapped in `width_mm` by Qt."""
    metrics = QFontMetricsF(font(face, size_pt))
    rect = metrics.boundingRect(
        QRectF(0, 0, width_mm * PX, 1e6), int(Qt.TextFlag.TextWordWrap), text
    )
    return rect.height() / PX


def _rgb(c: tuple[int, int, int], alpha: int = 255) -> QColor:
    return QColor(c[0], c[1], c[2], alpha)


@dataclass
class Page:
    layout: str
    ops: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # truth, reading order
    fields: list[tuple[str, str]] = field(default_factory=list)

    def truth(self) -> str:
        return "\n".join(self.parts)

    def field(self, name: str, value: str) -> str:
        self.fields.append((name, value))
        return value

    # -- text ---------------------------------------------------------------
    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        s: str,
        face: str = "song",
        size: float = 11,
        align: str = LEFT,
        wrap: bool = False,
        color: tuple[int, int, int] = BLACK,
        truth: bool = True,
    ) -> float:
        """`s` in the box (mm), vertically centred; returns the height it needs."""
        check_glyphs(face, s)
        need = text_height_mm(face, size, s, w) if wrap else h
        self.ops.append(("text", (x, y, w, max(h, need), s, face, size, align, wrap, color)))
        if truth and s.strip():
            self.parts.append(s)
        return max(h, need)

    def rich(
        self,
        x: float,
        y: float,
        w: float,
        runs: list[tuple[str, str]],
        size: float = 12,
        indent: bool = True,
    ) -> float:
        """A paragraph of runs (face, text) laid out by QTextDocument: entries by hand in
        another face, underlined. Returns its height (mm)."""
        for face, s in runs:
            check_glyphs(face, s)
        doc = _document(w, runs, size, indent)
        self.ops.append(("rich", (x, y, w, tuple(runs), size, indent)))
        self.parts.append("".join(s for _, s in runs))
        return float(doc.size().height()) / PX

    # -- graphics -----------------------------------------------------------
    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.25) -> None:
        self.ops.append(("line", (x1, y1, x2, y2, width)))

    def rect(self, x: float, y: float, w: float, h: float, width: float = 0.25) -> None:
        self.ops.append(("rect", (x, y, w, h, width)))

    def box(self, x: float, y: float, ticked: bool, size: float = 3.6) -> None:
        self.ops.append(("box", (x, y, size, ticked)))

    def qr(self, x: float, y: float, size: float, rng: random.Random) -> None:
        n = 25
        cells = tuple(
            (i, j)
            for i in range(n)
            for j in range(n)
            if not _finder(i, j, n) and rng.random() < 0.5
        )
        self.ops.append(("qr", (x, y, size, n, cells)))

    def seal(self, cx: float, cy: float, r: float, ring: str, centre: str, angle: float) -> None:
        """A round red seal: ring words and a star as paths (not text, not truth)."""
        check_glyphs("song", ring + centre)
        self.ops.append(("seal", (cx, cy, r, ring, centre, angle)))

    # -- tables -------------------------------------------------------------
    def table(
        self,
        x: float,
        y: float,
        cols: list[float],
        rows: list[float],
        cells: list[tuple[int, int, int, int, str, str]],
        size: float = 10.5,
    ) -> float:
        """Ruled cells (row, col, rowspan, colspan, face, text); text read row by row, each
        row left to right (a merged cell where it starts). Returns the height."""
        xs = [x + sum(cols[:i]) for i in range(len(cols) + 1)]
        ys = [y + sum(rows[:i]) for i in range(len(rows) + 1)]
        for r, c, rs, cs, face, s in sorted(cells, key=lambda t: (t[0], t[1])):
            x0, x1, y0, y1 = xs[c], xs[c + cs], ys[r], ys[r + rs]
            self.rect(x0, y0, x1 - x0, y1 - y0)
            if s:
                pad = 1.6
                wrap = text_height_mm(face, size, s, 1e4) * 1.05 < (y1 - y0) and (
                    QFontMetricsF(font(face, size)).horizontalAdvance(s) / PX > x1 - x0 - 2 * pad
                )
                self.text(
                    x0 + pad,
                    y0,
                    x1 - x0 - 2 * pad,
                    y1 - y0,
                    s,
                    face,
                    size,
                    CENTER if face == "hei" else LEFT,
                    wrap,
                    BLUE_BLACK if face == "kai" else BLACK,
                )
        self.rect(x, y, sum(cols), sum(rows), 0.5)
        return sum(rows)


def _finder(i: int, j: int, n: int) -> bool:
    return (i < 8 and j < 8) or (i < 8 and j >= n - 8) or (i >= n - 8 and j < 8)


def _document(
    w: float, runs: list[tuple[str, str]] | tuple[tuple[str, str], ...], size: float, indent: bool
) -> QTextDocument:
    app()
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font("song", size))
    doc.setTextWidth(w * PX)
    px = max(1, round(size * DPI / 72))
    spans = []
    for face, s in runs:
        style = f"font-family:'{FACES[face][1]}'; font-size:{px}px"
        if face == "kai":
            style += "; text-decoration:underline; color:#121e46"
        spans.append(f'<span style="{style}">{html.escape(s)}</span>')
    lead = f"text-indent:{2 * px}px; " if indent else ""
    doc.setHtml(f'<p style="{lead}line-height:150%; margin:0">{"".join(spans)}</p>')
    return doc


# -- painting ---------------------------------------------------------------


def paint(p: QPainter, page: Page) -> None:
    for kind, args in page.ops:
        if kind == "text":
            x, y, w, h, s, face, size, align, wrap, color = args
            p.setFont(font(face, size))
            p.setPen(_rgb(color))
            flags = {
                LEFT: Qt.AlignmentFlag.AlignLeft,
                CENTER: Qt.AlignmentFlag.AlignHCenter,
                RIGHT: Qt.AlignmentFlag.AlignRight,
            }[align] | Qt.AlignmentFlag.AlignVCenter
            f = int(flags) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
            p.drawText(QRectF(x * PX, y * PX, w * PX, h * PX), f, s)
        elif kind == "rich":
            x, y, w, runs, size, indent = args
            doc = _document(w, runs, size, indent)
            p.save()
            p.translate(x * PX, y * PX)
            doc.drawContents(p)
            p.restore()
        elif kind == "line":
            x1, y1, x2, y2, width = args
            p.setPen(QPen(_rgb(BLACK), width * PX))
            p.drawLine(QPointF(x1 * PX, y1 * PX), QPointF(x2 * PX, y2 * PX))
        elif kind == "rect":
            x, y, w, h, width = args
            p.setPen(QPen(_rgb(BLACK), width * PX))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x * PX, y * PX, w * PX, h * PX))
        elif kind == "box":
            x, y, size, ticked = args
            p.setPen(QPen(_rgb(BLACK), 0.25 * PX))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x * PX, y * PX, size * PX, size * PX))
            if ticked:
                p.setPen(QPen(_rgb(BLUE_BLACK), 0.45 * PX))
                p.drawPolyline(
                    [
                        QPointF((x + 0.6) * PX, (y + 1.9) * PX),
                        QPointF((x + 1.5) * PX, (y + size - 0.6) * PX),
                        QPointF((x + size + 0.6) * PX, (y - 0.8) * PX),
                    ]
                )
        elif kind == "qr":
            x, y, size, n, cells = args
            m = size / n * PX
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_rgb(BLACK))
            for i, j in cells:
                p.drawRect(QRectF(x * PX + j * m, y * PX + i * m, m, m))
            for fi, fj in ((0, 0), (0, n - 7), (n - 7, 0)):
                for k, colour in ((0, BLACK), (1, (255, 255, 255)), (2, BLACK)):
                    p.setBrush(_rgb(colour))
                    p.drawRect(
                        QRectF(
                            x * PX + (fj + k) * m,
                            y * PX + (fi + k) * m,
                            (7 - 2 * k) * m,
                            (7 - 2 * k) * m,
                        )
                    )
        elif kind == "seal":
            _paint_seal(p, *args)


def _paint_seal(
    p: QPainter, cx: float, cy: float, r: float, ring: str, centre: str, angle: float
) -> None:
    red = _rgb(RED, 200)
    p.save()
    p.translate(cx * PX, cy * PX)
    p.rotate(angle)
    p.setPen(QPen(red, 0.9 * PX))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(0, 0), r * PX, r * PX)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(red)
    star = QPainterPath()
    rs = r * 0.28 * PX
    for k in range(10):
        rad = rs if k % 2 == 0 else rs * 0.38
        a = -math.pi / 2 + k * math.pi / 5
        pt = QPointF(rad * math.cos(a), rad * math.sin(a))
        star.moveTo(pt) if k == 0 else star.lineTo(pt)
    star.closeSubpath()
    p.drawPath(star)
    f = font("song", r * 0.3 * 72 / 25.4, bold=True)
    metrics = QFontMetricsF(f)
    span = min(240.0, 22.0 * len(ring))
    for k, ch in enumerate(ring):
        a = -90 - span / 2 + span * (k + 0.5) / len(ring)
        path = QPainterPath()
        path.addText(QPointF(-metrics.horizontalAdvance(ch) / 2, 0), f, ch)
        p.save()
        p.rotate(a + 90)
        p.translate(0, -(r * 0.6) * PX)
        p.drawPath(path)
        p.restore()
    if centre:
        fc = font("song", r * 0.26 * 72 / 25.4, bold=True)
        path = QPainterPath()
        path.addText(
            QPointF(-QFontMetricsF(fc).horizontalAdvance(centre) / 2, r * 0.62 * PX), fc, centre
        )
        p.drawPath(path)
    p.restore()


def render(page: Page) -> np.ndarray:
    """The page at 300 ppi, RGB."""
    app()
    img = QImage(PX_W, PX_H, QImage.Format.Format_RGB888)
    img.fill(QColor(255, 255, 255))
    dpm = round(DPI / 0.0254)
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    paint(p, page)
    p.end()
    stride = img.bytesPerLine()
    raw = np.frombuffer(img.constBits(), np.uint8, count=stride * PX_H)
    return raw.reshape(PX_H, stride)[:, : PX_W * 3].reshape(PX_H, PX_W, 3).copy()


def pdf(pages: list[Page]) -> bytes:
    """The same pages drawn by the same code on QPdfWriter pages."""
    app()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QSizeF(PAGE_W_MM, PAGE_H_MM), QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    p = QPainter(writer)
    for k, page in enumerate(pages):
        if k:
            writer.newPage()
        paint(p, page)
    p.end()
    buf.close()
    return bytes(data.data())


def pdf_texts(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    """Each page's 300 ppi image and the text of the PDF page drawn from it."""
    texts = pdf_texts(pdf(pages))
    return [(render(page), text) for page, text in zip(pages, texts, strict=True)]


def chars(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


def _unradical(text: str) -> str:
    # Noto Sans CJK draws 人 and ⼈ (Kangxi radical) with one glyph, and the ToUnicode map
    # Qt writes names the glyph once: read a radical as the ideograph it is drawn as
    return "".join(
        unicodedata.normalize("NFKC", c) if 0x2E80 <= ord(c) <= 0x2FDF else c for c in text
    )


def check_truth(page: Page, text: str) -> None:
    """The truth and the PDF's text have the same characters, as many of each."""
    want, got = chars(page.truth()), chars(_unradical(text))
    if want != got:
        raise TruthMismatch(
            f"{page.layout}: truth has {dict(want - got)} more, the PDF {dict(got - want)} more"
        )
