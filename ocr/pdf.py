"""Searchable PDF: each page image with an invisible text layer over its lines.

Text is drawn in render mode 3 (invisible), stretched horizontally to each line's box so
that selecting and searching lands on the right place; nothing is inserted between
Chinese characters, so a search for 公民身份号码 finds it. The CID font STSong-Light is one
of the PDF standard CJK fonts: readers supply it, nothing is embedded.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import cv2
import numpy as np
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from ocr.engine import Line

FONT = "STSong-Light"
ASSUMED_DPI = 200.0
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def layer_text(text: str) -> str:
    """Line text for the layer: no whitespace between Chinese characters."""
    return _CJK_GAP.sub("", text.strip())


def searchable_pdf(
    pages: Sequence[tuple[np.ndarray, Sequence[Line]]], *, dpi: float = ASSUMED_DPI
) -> bytes:
    """A PDF with one page per (BGR image, lines whose boxes refer to that image)."""
    font = _font()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pageCompression=1)
    pdf.setCreator("onewindow OCR")
    for image, lines in pages:
        h, w = image.shape[:2]
        scale = 72.0 / dpi
        pdf.setPageSize((w * scale, h * scale))
        ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
        if not ok:
            raise ValueError("could not encode the page image")
        pdf.drawImage(ImageReader(io.BytesIO(jpeg.tobytes())), 0, 0, w * scale, h * scale)
        for line in lines:
            text = layer_text(line.text)
            if not text:
                continue
            height = (line.bottom - line.top) * scale
            size = max(1.0, height * 0.85)
            natural = pdfmetrics.stringWidth(text, font, size)
            width = (line.right - line.left) * scale
            t = pdf.beginText()
            t.setTextRenderMode(3)
            t.setFont(font, size)
            if natural > 0:
                t.setHorizScale(100.0 * width / natural)
            t.setTextOrigin(line.left * scale, (h - line.bottom) * scale + height * 0.15)
            t.textOut(text)
            pdf.drawText(t)
        pdf.showPage()
    pdf.save()
    return out.getvalue()
