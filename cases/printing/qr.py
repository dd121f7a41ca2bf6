"""QR codes drawn straight onto a reportlab canvas.

reportlab's `QrCodeWidget` encodes the data again for its bounds and for drawing, and
draws each run of dark modules as its own shape; issuing a license spent most of its
rendering time there. Here the code is encoded once (reportlab's encoder, error level M,
a quiet zone of 4 modules, as scanners expect) and each run of dark modules becomes one
rectangle of a single filled path.
"""

from __future__ import annotations

import itertools

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white around the code


def qr_png(data: str, module_pixels: int = 4) -> bytes:
    """The QR code as a black-on-white PNG (for OFD pages), quiet zone included, error
    level M: encoded by zxing-cpp's writer (C++), a hundred times faster than the
    pure-Python encoder that the PDF's vector drawing needs."""
    import io

    import numpy as np
    import zxingcpp
    from PIL import Image

    code = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    pixels = np.asarray(code.to_image(scale=module_pixels, add_quiet_zones=True))
    out = io.BytesIO()
    Image.fromarray(pixels).convert("1").save(out, "PNG")
    return out.getvalue()


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """A `size` × `size` QR code of `data` (quiet zone included) with its lower left
    corner at (`x`, `y`)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(data)
    code.make()
    count = code.getModuleCount()
    module = size / (count + 2 * QUIET_ZONE)
    path = canvas.beginPath()
    for r, row in enumerate(code.modules):
        top = y + size - (r + QUIET_ZONE + 1) * module
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            length = len(list(run))
            if dark:
                path.rect(x + (c + QUIET_ZONE) * module, top, length * module, module)
            c += length
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
