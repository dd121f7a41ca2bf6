"""Reading the control sheets in a batch: cover and separator QR codes, PATCH-T, blanks.

Payloads (printed by the counter, ``cases/sheets.py``): cover ``OW1|CASE|{case_number}``,
separator ``OW1|SEP|{case_number}|{material_code}``. zxing-cpp reads a 25 mm code on a
noisy 200 dpi scan 98% of the time in ~10 ms, so every page is looked at.

PATCH-T is the industry's "start a new document" sheet (Kodak patch code T: four wide
and narrow bars across the leading edge). It carries no material, only a split.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

import numpy as np
import zxingcpp
from PIL import Image

logger = logging.getLogger(__name__)

COVER = "cover"
SEPARATOR = "separator"
PATCH_T = "patch_t"


@dataclass(frozen=True)
class ControlSheet:
    kind: str  # cover | separator | patch_t
    case_number: str = ""
    material_code: str = ""


def cover_payload(case_number: str) -> str:
    return f"OW1|CASE|{case_number}"


def separator_payload(case_number: str, material_code: str) -> str:
    return f"OW1|SEP|{case_number}|{material_code}"


def parse_payload(text: str) -> ControlSheet | None:
    parts = text.strip().split("|")
    if len(parts) == 3 and parts[:2] == ["OW1", "CASE"] and parts[2]:
        return ControlSheet(COVER, case_number=parts[2])
    if len(parts) == 4 and parts[:2] == ["OW1", "SEP"] and parts[2] and parts[3]:
        return ControlSheet(SEPARATOR, case_number=parts[2], material_code=parts[3])
    return None


def _gray(data: bytes, max_side: int = 1800) -> Image.Image:
    opened = Image.open(io.BytesIO(data))
    opened.draft("L", (max_side, max_side))  # JPEG: decode at reduced size, fast
    image = opened.convert("L")
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side))
    return image


def read_control_sheet(data: bytes) -> ControlSheet | None:
    """The control sheet this page is, or None for an ordinary page."""
    try:
        image = _gray(data)
    except (OSError, ValueError) as e:
        logger.warning("cannot decode page for sheet detection: %s", e)
        return None
    for barcode in zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    ):
        sheet = parse_payload(barcode.text)
        if sheet is not None:
            return sheet
    if is_patch_t(np.asarray(image)):
        return ControlSheet(PATCH_T)
    return None


# -- PATCH-T --------------------------------------------------------------------------
# Patch code T: bars along the sheet's leading edge, pattern wide/narrow of four bars
# with narrow gaps; we accept the bar sequence W N N W (widths ~ 5:2 mm, 2 mm gaps)
# measured on a horizontal profile across the top band of the page.

PATCH_T_BARS = ("W", "N", "N", "W")


def is_patch_t(gray: np.ndarray) -> bool:
    height, width = gray.shape[:2]
    if height < 100 or width < 100:
        return False
    band = gray[int(height * 0.05) : int(height * 0.30), :]
    dark_columns = (band < 96).mean(axis=0) > 0.85  # a bar is dark down the whole band
    runs: list[int] = []
    start = None
    for x, dark in enumerate(dark_columns):
        if dark and start is None:
            start = x
        elif not dark and start is not None:
            runs.append(x - start)
            start = None
    if start is not None:
        runs.append(len(dark_columns) - start)
    runs = [r for r in runs if r >= width * 0.004]
    if len(runs) != len(PATCH_T_BARS):
        return False
    narrow = min(runs)
    pattern = tuple("W" if r > narrow * 1.8 else "N" for r in runs)
    return pattern == PATCH_T_BARS


def is_probably_blank(data: bytes, *, ink_ratio: float = 0.0001) -> bool:
    """True when almost nothing is printed on the page (a duplex back, a stray sheet).

    Flag only: the clerk decides; a page with one pencilled line must never vanish.
    Isolated specks (scanner noise, dust) are not ink: an ink pixel needs two inked
    neighbours.
    """
    try:
        image = _gray(data, max_side=1000)
    except (OSError, ValueError):
        return False
    pixels = np.asarray(image, dtype=np.int16)
    h, w = pixels.shape
    inner = pixels[int(h * 0.04) : int(h * 0.96), int(w * 0.04) : int(w * 0.96)]  # edge shadows
    if inner.size == 0:
        return False
    background = float(np.percentile(inner, 90))
    ink = inner < background - 60
    padded = np.pad(ink, 1)
    neighbours = (
        padded[:-2, 1:-1].astype(np.int8) + padded[2:, 1:-1] + padded[1:-1, :-2] + padded[1:-1, 2:]
    )
    return float((ink & (neighbours >= 2)).mean()) < ink_ratio
