"""A page whose OCR result is known in advance, with doubtful fields on it: the ID card
of an applicant whose name and address were read with low confidence (the address one
character wrong) and whose ID number was read one character wrong (its check character
fails, and it is one character off the number the clerk registered). The real pipeline
reads the image; a fixed engine gives the lines."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import Line
from ocr.engine import rect_box
from ocr.fields import id_number_check_char
from ocr.testing import FixedLinesEngine
from sample_scans.scans import sample_applicant

SEED = 41
APPLICANT = sample_applicant(SEED)
GOOD_ID = APPLICANT.id_number
_WRONG_CHECK = next(c for c in "0123456789X" if c != id_number_check_char(GOOD_ID[:17]))
MISREAD_ID = GOOD_ID[:17] + _WRONG_CHECK  # one character off: its check fails
PHONE = "13904791234"
MISREAD_ADDRESS = APPLICANT.address[:-1] + "弓"  # 号 read as 弓, on a faint line
LOW = 0.62  # below the confidence floor (0.85)


def _line(i: int, text: str, confidence: float) -> Line:
    top = 60.0 + 70.0 * i
    return Line(text, rect_box(60.0, top, 60.0 + 34.0 * len(text), top + 44.0), confidence)


def doubtful_engine() -> FixedLinesEngine:
    return FixedLinesEngine(
        [
            _line(0, "中华人民共和国居民身份证", 0.98),
            _line(1, f"姓名 {APPLICANT.name}", LOW),
            _line(2, f"公民身份号码 {MISREAD_ID}", 0.97),
            _line(3, f"联系电话 {PHONE}", 0.97),
            _line(4, f"住址 {MISREAD_ADDRESS}", LOW),
        ]
    )


def page_image() -> bytes:
    """A page with ink on it (a blank page is not read for fields)."""
    page = np.full((1400, 1000, 3), 255, np.uint8)
    for i in range(10):
        cv2.putText(page, f"ID CARD COPY {i}", (80, 120 + i * 110), 0, 1.6, (0, 0, 0), 3)
    ok, buf = cv2.imencode(".png", page)
    assert ok
    return buf.tobytes()
