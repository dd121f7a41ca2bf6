"""QR codes drawn onto a canvas read back, through a rendered page, as what was encoded."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from cases.printing.qr import draw_qr, qr_png


@pytest.mark.parametrize(
    "data",
    [
        "OW1|SEP|2026010500001|application_form",
        "http://127.0.0.1:8000/verify?license=GTGSH-11152502MB1234567X-2026000001-V1L&t="
        + "x" * 160,
    ],
    ids=["separator", "verify-url"],
)
def test_drawn_code_reads_back(tmp_path: Path, data: str) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    draw_qr(canvas, data, 30 * mm, 150 * mm, 30 * mm)
    canvas.showPage()
    canvas.save()
    pdf = tmp_path / "qr.pdf"
    pdf.write_bytes(buffer.getvalue())
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "p")], check=True)
    (png,) = tmp_path.glob("p-*.png")
    image = cv2.imread(str(png))
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [b.text for b in found] == [data]
    # and by a decoder other than the encoder's own library
    assert cv2.QRCodeDetector().detectAndDecode(image)[0] == data
    # where it was asked to be: inside the 30 mm square that starts 30 mm from the left
    # edge, the quiet zone keeping the symbol off the square's border
    (barcode,) = found
    left = min(barcode.position.top_left.x, barcode.position.bottom_left.x) * 25.4 / 150
    right = max(barcode.position.top_right.x, barcode.position.bottom_right.x) * 25.4 / 150
    assert 31 < left < right < 59


def test_png_code_for_ofd_pages_reads_back() -> None:
    data = "http://127.0.0.1:8000/verify?license=1.2.156.3005.2.11152500011609534E001.1115250001"
    data += "1609534E.20260000001.001.G&p=" + "x" * 160
    png = qr_png(data)
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert [
        b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    ] == [data]
