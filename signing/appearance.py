"""The visible part of an e-seal: a red round official seal (公章) drawn as vector graphics.

Outer ring, a five-pointed star in the centre, the organisation's name in an arc along
the upper rim with each character turned to follow the circle, and an optional subtitle
("电子印章", "综合受理专用章") under the star. The page has no background, so the seal
lies over the issuer's name and date like ink.
"""

from __future__ import annotations

import hashlib
import io
import logging
import math

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from signing.errors import SigningFailed

logger = logging.getLogger(__name__)

SEAL_RED = Color(0xD0 / 255, 0x02 / 255, 0x1B / 255)
_MAX_ARC_DEGREES = 250.0
_CHAR_WIDTH_SCALE = 0.78  # seal characters are narrow and tall


def _register_font(font_path: str) -> str:
    name = "Seal" + hashlib.sha1(font_path.encode()).hexdigest()[:10]
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, font_path, subfontIndex=0))
        except Exception as e:  # reportlab raises TTFError, OSError, ...
            raise SigningFailed(
                f"cannot load the seal font {font_path}: {e}",
                f"无法加载印章字体 {font_path}",
            ) from e
    return name


def _star(canvas: Canvas, cx: float, cy: float, radius: float) -> None:
    inner = radius * math.sin(math.radians(18)) / math.sin(math.radians(126))
    path = canvas.beginPath()
    for i in range(10):
        r = radius if i % 2 == 0 else inner
        angle = math.radians(90 + i * 36)
        x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
        if i == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _arc_text(
    canvas: Canvas, font: str, text: str, cx: float, cy: float, rim: float, diameter: float
) -> None:
    """Characters along the upper rim, read left to right, tops facing outwards."""
    n = len(text)
    if n == 0:
        return
    size = diameter * 0.15
    # the baseline circle sits inside the rim by one character height
    while True:
        baseline = rim - size * 0.95
        pitch = math.degrees(size * _CHAR_WIDTH_SCALE * 1.12 / baseline)
        if n * pitch <= _MAX_ARC_DEGREES or size < diameter * 0.05:
            break
        size *= 0.95
    span = min(_MAX_ARC_DEGREES, max(pitch * (n - 1), 0.0)) if n > 1 else 0.0
    if n > 1:
        span = max(span, min(_MAX_ARC_DEGREES, 150.0 if n >= 6 else pitch * (n - 1)))
    step = span / (n - 1) if n > 1 else 0.0
    start = 90 + span / 2
    canvas.setFont(font, size)
    for i, char in enumerate(text):
        angle = start - i * step
        rad = math.radians(angle)
        canvas.saveState()
        canvas.translate(cx + baseline * math.cos(rad), cy + baseline * math.sin(rad))
        canvas.rotate(angle - 90)
        canvas.scale(_CHAR_WIDTH_SCALE, 1)
        canvas.drawCentredString(0, 0, char)
        canvas.restoreState()


def seal_appearance_pdf(
    organisation: str, *, font_path: str, subtitle: str = "", diameter_mm: float = 42
) -> bytes:
    """A one-page PDF, `diameter_mm` square, holding the seal image in vector form."""
    if diameter_mm <= 0:
        raise SigningFailed("the seal diameter must be positive", "印章直径必须大于零")
    font = _register_font(font_path)
    diameter = diameter_mm * mm
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(diameter, diameter), pageCompression=1)
    canvas.setTitle(f"{organisation} {subtitle}".strip())
    canvas.setCreator("onewindow signing")
    cx = cy = diameter / 2
    ring_width = diameter * 0.035
    canvas.setStrokeColor(SEAL_RED)
    canvas.setFillColor(SEAL_RED)
    canvas.setLineWidth(ring_width)
    outer = diameter / 2 - ring_width / 2 - 0.5
    canvas.circle(cx, cy, outer, stroke=1, fill=0)
    rim = outer - ring_width / 2 - diameter * 0.025
    _arc_text(canvas, font, organisation.strip(), cx, cy, rim, diameter)
    _star(canvas, cx, cy + diameter * 0.01, diameter * 0.15)
    if subtitle:
        size = diameter * 0.085
        width = pdfmetrics.stringWidth(subtitle, font, size)
        limit = diameter * 0.62
        if width > limit:
            size *= limit / width
        canvas.setFont(font, size)
        canvas.drawCentredString(cx, cy - diameter * 0.28, subtitle)
    canvas.showPage()
    canvas.save()
    logger.debug("drew seal appearance for %s (%s)", organisation, subtitle)
    return buffer.getvalue()
