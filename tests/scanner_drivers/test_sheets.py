from __future__ import annotations

import io

import numpy as np
import pytest
import zxingcpp
from PIL import Image, ImageDraw, ImageFilter

from scanner_drivers import TruncatedPage
from scanner_drivers._pnm import pnm_to_png
from scanner_drivers.sheets import (
    COVER,
    PATCH_T,
    SEPARATOR,
    ControlSheet,
    is_probably_blank,
    parse_payload,
    read_control_sheet,
    separator_payload,
)


def test_payloads() -> None:
    assert parse_payload("OW1|CASE|2026112600001") == ControlSheet(COVER, "2026112600001")
    assert parse_payload("OW1|SEP|N1|id_card") == ControlSheet(SEPARATOR, "N1", "id_card")
    for other in ("OW1|SEP|N1", "OW2|CASE|N1", "https://example.org", "OW1|CASE|"):
        assert parse_payload(other) is None


def scan_200dpi(payload: str, *, mm: float = 25, angle: float = 2.5, noise: float = 18) -> bytes:
    """A separator as an office scanner gives it: 200 dpi, skewed, blurred, noisy JPEG."""
    page = Image.new("L", (1654, 2339), 255)
    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode)
    qr = Image.fromarray(np.asarray(code.to_image(scale=1))).convert("L")
    side = round(mm / 25.4 * 200)
    page.paste(qr.resize((side, side), Image.Resampling.NEAREST), (1200, 150))
    ImageDraw.Draw(page).text((150, 150), "材料分隔页", fill=0)
    page = page.rotate(angle, fillcolor=245).filter(ImageFilter.GaussianBlur(0.8))
    rng = np.random.default_rng(7)
    noisy = np.asarray(page, dtype=float) + rng.normal(0, noise, (2339, 1654))
    out = io.BytesIO()
    Image.fromarray(noisy.clip(0, 255).astype(np.uint8)).save(out, "JPEG", quality=60)
    return out.getvalue()


def test_separator_read_on_a_noisy_skewed_scan() -> None:
    data = scan_200dpi(separator_payload("2026112600001", "premises_proof"))
    assert read_control_sheet(data) == ControlSheet(SEPARATOR, "2026112600001", "premises_proof")
    assert not is_probably_blank(data)


def test_ordinary_and_blank_pages() -> None:
    out = io.BytesIO()
    Image.new("L", (1654, 2339), 250).save(out, "PNG")
    assert read_control_sheet(out.getvalue()) is None
    assert is_probably_blank(out.getvalue())
    note = Image.new("L", (1654, 2339), 250)  # one pencilled line, 5 cm, 200 dpi
    ImageDraw.Draw(note).line([(300, 300), (450, 310), (600, 295), (700, 305)], fill=120, width=3)
    out = io.BytesIO()
    note.save(out, "PNG")
    assert not is_probably_blank(out.getvalue())  # still content: flagged pages are kept anyway


def test_patch_t_pattern() -> None:
    def bars(widths: tuple[int, ...]) -> np.ndarray:
        page = np.full((1169, 827), 255, np.uint8)
        x = 300
        for w in widths:
            page[:400, x : x + w] = 0
            x += w + 8
        return page

    from scanner_drivers.sheets import is_patch_t

    assert is_patch_t(bars((20, 8, 8, 20)))
    assert not is_patch_t(bars((8, 20, 20, 8)))  # another patch code
    assert not is_patch_t(bars((20, 8, 20)))
    assert PATCH_T == "patch_t"


def pnm(width: int, height: int, rows: int) -> bytes:
    return f"P5\n# SANE data\n{width} {height}\n255\n".encode() + bytes(width * rows)


def test_pnm_truncation_by_height() -> None:
    assert pnm_to_png(pnm(8, 10, 10), name="p", expected_height=10).startswith(b"\x89PNG")
    with pytest.raises(TruncatedPage, match="4 of 10"):
        pnm_to_png(pnm(8, 10, 4), name="p")
    with pytest.raises(TruncatedPage, match="10 of 100"):
        pnm_to_png(pnm(8, 10, 10), name="p", expected_height=100)
    with pytest.raises(TruncatedPage):
        pnm_to_png(b"P5\n# cut in the header", name="p")
