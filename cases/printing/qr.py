"""QR codes, encoded by zxing-cpp's writer (C++, error level M), drawn straight onto a
reportlab canvas or written as a PNG.

reportlab's own encoder is pure Python: choosing the mask pattern alone took ~90 ms a
code, most of the time of rendering a license. zxing-cpp gives the same module matrix in
about a millisecond. On the canvas each run of dark modules becomes one rectangle of a
single filled path, with a quiet zone of 4 modules, as scanners expect.
"""

from __future__ import annotations

import io
import itertools

import numpy as np
import zxingcpp
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white around the code


def _encode(data: str) -> zxingcpp.Barcode:
    return zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level="M")


def qr_png(data: str, module_pixels: int = 4) -> bytes:
    """The QR code as a black-on-white PNG (for OFD pages), quiet zone included."""
    pixels = np.asarray(_encode(data).to_image(scale=module_pixels, add_quiet_zones=True))
    out = io.BytesIO()
    Image.fromarray(pixels).convert("1").save(out, "PNG")
    return out.getvalue()


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """A `size` × `size` QR code of `data` (quiet zone included) with its lower left
    corner at (`x`, `y`)."""
    modules = np.asarray(_encode(data).to_image(scale=1, add_quiet_zones=False)) == 0
    count = modules.shape[0]
    module = size / (count + 2 * QUIET_ZONE)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (r + QUIET_ZONE + 1) * module
        c = 0
        for dark, run in itertools.groupby(row.tolist()):
            length = len(list(run))
            if dark:
                path.rect(x + (c + QUIET_ZONE) * module, top, length * module, module)
            c += length
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
