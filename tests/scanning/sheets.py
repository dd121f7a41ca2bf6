"""Generated paper for scanning tests: numbered pages, separator and cover sheets.

A4 at 100 dpi (827 x 1169 px) is above intake's 600 px minimum and keeps tests fast.
Until ``cases/sheets.py`` prints the real sheets, separators are drawn here with the agreed
payloads; the QR code is 40 mm wide (3.8 px per module at 100 dpi).
"""

from __future__ import annotations

import io

import numpy as np
import zxingcpp
from PIL import Image, ImageDraw

from scanner_drivers.sheets import cover_payload, separator_payload

A4_100DPI = (827, 1169)


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=75)
    return out.getvalue()


def numbered_page(number: int, title: str = "材料") -> Image.Image:
    image = Image.new("L", A4_100DPI, 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 60, 767, 1109), outline=0, width=3)
    draw.text((100, 100), f"SHEET {number:03d} {title}", fill=0)
    for row in range(20):  # some text-like lines, different per sheet
        y = 160 + row * 45
        draw.line((100, y, 100 + ((number * 37 + row * 53) % 600), y), fill=30, width=4)
    return image


def page_jpeg(number: int) -> bytes:
    return _jpeg(numbered_page(number))


def _qr_sheet(payload: str, label: str) -> Image.Image:
    image = Image.new("L", A4_100DPI, 255)
    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode)
    qr = Image.fromarray(np.asarray(code.to_image(scale=1))).convert("L")
    size = round(40 / 25.4 * 100)
    image.paste(qr.resize((size, size), Image.Resampling.NEAREST), (620, 80))
    ImageDraw.Draw(image).text((80, 100), label, fill=0)
    return image


def separator_jpeg(case_number: str, material: str) -> bytes:
    return _jpeg(_qr_sheet(separator_payload(case_number, material), f"SEPARATOR {material}"))


def cover_jpeg(case_number: str) -> bytes:
    return _jpeg(_qr_sheet(cover_payload(case_number), f"COVER {case_number}"))


def blank_jpeg() -> bytes:
    return _jpeg(Image.new("L", A4_100DPI, 250))


def patch_t_jpeg() -> bytes:
    """Four bars, wide narrow narrow wide, down the leading edge band."""
    image = Image.new("L", A4_100DPI, 255)
    draw = ImageDraw.Draw(image)
    x = 300
    for width in (20, 8, 8, 20):
        draw.rectangle((x, 0, x + width - 1, 400), fill=0)
        x += width + 8
    return _jpeg(image)
