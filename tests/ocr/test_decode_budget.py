"""Decoding pages within a memory budget (security finding 3).

The header is checked before a pixel is decoded, a page larger than recognition needs is
reduced while it is decoded, and every page format a scanner writes decodes to the same
page. Memory is measured in a fresh process (VmHWM after a reset), since Pillow's and
OpenCV's buffers are invisible to tracemalloc.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
import pytest
from PIL import Image

from ocr import ImageTooLarge, UnreadableImage, decode_image, inspect_page, page_preview
from ocr.decode import PAGE_LIMITS, WORK_PIXELS, DecodeBudget, read_header

# A4 at 600 dpi: the largest real scan the limits must let through
A4_600 = (4961, 7016)


def _page(width: int, height: int) -> np.ndarray:
    """White paper with a black block in the upper left quarter."""
    page = np.full((height, width), 255, np.uint8)
    page[height // 4 : height // 2, width // 4 : width // 2] = 0
    return page


def _pil(image: Image.Image, fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def _grey16(grey: np.ndarray, scale: int = 257) -> Image.Image:
    h, w = grey.shape
    return Image.frombytes("I;16", (w, h), (grey.astype("<u2") * scale).tobytes())


def _transparent(grey: np.ndarray) -> Image.Image:
    """Ink opaque, paper fully transparent (and black underneath, as PNG editors leave it)."""
    alpha = np.where(grey == 0, 255, 0).astype(np.uint8)
    black = np.zeros_like(grey)
    return Image.fromarray(np.dstack([black, black, black, alpha]), "RGBA")


FORMATS: dict[str, Callable[[np.ndarray], bytes]] = {
    "jpeg_colour": lambda g: cv2.imencode(".jpg", cv2.cvtColor(g, cv2.COLOR_GRAY2BGR))[1].tobytes(),
    "jpeg_grey": lambda g: cv2.imencode(".jpg", g)[1].tobytes(),
    "jpeg_cmyk": lambda g: _pil(Image.fromarray(g).convert("CMYK"), "JPEG"),
    "jpeg_progressive": lambda g: _pil(Image.fromarray(g).convert("RGB"), "JPEG", progressive=True),
    "png_grey_8bit": lambda g: cv2.imencode(".png", g)[1].tobytes(),
    "png_grey_16bit": lambda g: cv2.imencode(".png", g.astype(np.uint16) * 257)[1].tobytes(),
    "png_colour_16bit": lambda g: cv2.imencode(
        ".png", cv2.cvtColor(g, cv2.COLOR_GRAY2BGR).astype(np.uint16) * 257
    )[1].tobytes(),
    "png_rgba_transparent": lambda g: _pil(_transparent(g), "PNG"),
    "png_palette": lambda g: _pil(Image.fromarray(g).convert("P"), "PNG"),
    "png_grey_alpha": lambda g: _pil(Image.fromarray(g).convert("LA"), "PNG"),
    "tiff_bilevel_g4": lambda g: _pil(
        Image.fromarray(g).convert("1"), "TIFF", compression="group4"
    ),
    "tiff_grey_16bit": lambda g: _pil(_grey16(g), "TIFF"),
    "tiff_grey_12bit_in_16": lambda g: _pil(_grey16(g, 16), "TIFF", compression="tiff_lzw"),
    "tiff_colour_16bit": lambda g: cv2.imencode(
        ".tiff", cv2.cvtColor(g, cv2.COLOR_GRAY2BGR).astype(np.uint16) * 257
    )[1].tobytes(),
    "tiff_cmyk": lambda g: _pil(Image.fromarray(g).convert("CMYK"), "TIFF"),
    "tiff_cmyk_lzw": lambda g: _pil(
        Image.fromarray(g).convert("CMYK"), "TIFF", compression="tiff_lzw"
    ),
    "tiff_jpeg_compressed": lambda g: _pil(
        Image.fromarray(g).convert("RGB"), "TIFF", compression="jpeg"
    ),
    "tiff_float": lambda g: _pil(Image.fromarray(g.astype(np.float32)), "TIFF"),
}


def _ink_and_paper(image: np.ndarray) -> tuple[list[int], list[int]]:
    h, w = image.shape[:2]
    return image[int(h * 0.37), int(w * 0.37)].tolist(), image[int(h * 0.8), int(w * 0.8)].tolist()


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_scanner_format_decodes_to_the_same_page(name: str) -> None:
    data = FORMATS[name](_page(1600, 2200))
    full = decode_image(data)
    assert full.shape == (2200, 1600, 3) and full.dtype == np.uint8
    assert _ink_and_paper(full) == ([0, 0, 0], [255, 255, 255])
    small = decode_image(data, max_pixels=500_000)  # reduced by a whole factor (3)
    assert small.shape == (734, 534, 3)
    ink, paper = _ink_and_paper(small)
    assert max(ink) < 40 and min(paper) > 215
    preview = Image.open(io.BytesIO(page_preview(data, 240)))
    assert preview.format == "JPEG" and preview.size == (240, 330)


def test_a_600_dpi_a4_scan_passes_and_is_read_at_the_working_size() -> None:
    data = FORMATS["jpeg_colour"](_page(*A4_600))
    header = inspect_page(data)
    assert (header.width, header.height, header.content_type) == (*A4_600, "image/jpeg")
    image = decode_image(data)
    assert image.shape == (3508, 2481, 3)  # halved: A4 at 300 dpi
    assert image.shape[0] * image.shape[1] <= WORK_PIXELS


def _tiff_declaring(tiff: bytes, width: int, height: int) -> bytes:
    """`tiff` (little-endian, one strip) with its header declaring `width` x `height`
    and a single strip: its few bytes of data stay as they are."""
    data = bytearray(tiff)
    assert data[:4] == b"II*\x00"
    ifd = int.from_bytes(data[4:8], "little")
    for i in range(int.from_bytes(data[ifd : ifd + 2], "little")):
        at = ifd + 2 + 12 * i
        tag, kind = (int.from_bytes(data[at + k : at + k + 2], "little") for k in (0, 2))
        if tag in (256, 257, 278):
            value = {256: width, 257: height, 278: height}[tag]
            size = 2 if kind == 3 else 4
            data[at + 8 : at + 12] = value.to_bytes(size, "little").ljust(4, b"\x00")
    return bytes(data)


def _jpeg_declaring(width: int, height: int) -> bytes:
    data = bytearray(cv2.imencode(".jpg", np.full((8, 8), 255, np.uint8))[1].tobytes())
    at = data.index(b"\xff\xc0")
    data[at + 5 : at + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


BOMBS = {
    # the finding: a 246 KB RGBA PNG of 7700 x 7700 (59 Mpx, within the old 60 Mpx limit)
    "png_rgba_7700": lambda: _pil(Image.new("RGBA", (7700, 7700), (255, 255, 255, 255)), "PNG"),
    "png_a3_600dpi": lambda: _pil(Image.new("L", (7016, 9921), 255), "PNG"),
    "tiff_declares_60000": lambda: _tiff_declaring(
        _pil(Image.new("L", (64, 64), 255), "TIFF", compression="tiff_lzw"), 60_000, 60_000
    ),
    "jpeg_declares_65000": lambda: _jpeg_declaring(65_000, 65_000),
    "png_strip_30000_wide": lambda: _pil(Image.new("1", (30_000, 1000), 1), "PNG"),
    # within the pixel limit, but one strip of 16-bit colour: 348 MB to decode
    "tiff_one_strip_16bit_colour": lambda: _tiff_declaring(
        cv2.imencode(".tiff", np.full((64, 64, 3), 65535, np.uint16))[1].tobytes(), *A4_600
    ),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_bombs_are_refused_from_the_header(name: str) -> None:
    data = BOMBS[name]()
    with pytest.raises(ImageTooLarge) as info:
        read_header(data)
    assert "200-300 dpi" in info.value.en and "重新扫描" in info.value.zh
    with pytest.raises(ImageTooLarge):
        decode_image(data)


def test_a_multi_page_tiff_is_refused_not_cut_to_its_first_page() -> None:
    first = Image.fromarray(_page(800, 1100))
    data = _pil(first, "TIFF", save_all=True, append_images=[first, first])
    with pytest.raises(UnreadableImage) as info:
        decode_image(data)
    assert "several pages" in info.value.en and "多页" in info.value.zh


def test_a_pdf_is_refused_with_what_to_do() -> None:
    with pytest.raises(UnreadableImage) as info:
        decode_image(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n")
    assert "PDF" in info.value.en and "JPEG, PNG or TIFF" in info.value.en
    assert "PDF" in info.value.zh and "重新扫描" in info.value.zh


@pytest.mark.parametrize("name", ["png_grey_8bit", "tiff_cmyk_lzw", "jpeg_colour"])
def test_truncated_pages_are_refused_when_taken_in(name: str) -> None:
    data = FORMATS[name](_page(1600, 2200))
    with pytest.raises(UnreadableImage):
        inspect_page(data[: len(data) * 2 // 3])


def test_truncated_pages_are_refused_after_a_library_allowed_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """WeasyPrint, imported anywhere in the process, turns on Pillow's switch that loads
    truncated files as half-grey pages."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    data = FORMATS["jpeg_colour"](_page(1600, 2200))
    with pytest.raises(UnreadableImage):
        inspect_page(data[: len(data) * 2 // 3])
    with pytest.raises(UnreadableImage):
        decode_image(data[: len(data) * 2 // 3])


def test_decodes_wait_for_the_budget_instead_of_taking_memory() -> None:
    budget = DecodeBudget(100)
    order: list[str] = []
    release = threading.Event()

    def second() -> None:
        with budget.reserve(50):
            order.append("second")
            release.wait(5)

    with budget.reserve(80):
        waiter = threading.Thread(target=second)
        waiter.start()
        time.sleep(0.2)  # 80 + 50 > 100: the second decode waits
        order.append("first done")
    for _ in range(50):
        if len(order) == 2:
            break
        time.sleep(0.02)
    assert order == ["first done", "second"] and budget.in_use == 50
    release.set()
    waiter.join(5)
    assert budget.in_use == 0
    with budget.reserve(10**9):  # more than the whole budget: it runs, alone
        assert budget.in_use == 100


# --- memory, measured in a fresh interpreter ------------------------------------------

_MEASURE = textwrap.dedent(
    """
    import io, json, sys
    import cv2, numpy as np
    from PIL import Image
    from ocr import OcrError, decode_image

    kind, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    page = np.full((height, width), 255, np.uint8)
    for y in range(150, height - 150, 110):
        cv2.putText(page, "ONEWINDOW 0123456789 ABCDEFGHIJ", (100, y), 0, 2.2, 0, 4)
    buf = io.BytesIO()
    if kind == "png_rgba":
        Image.fromarray(page).convert("RGBA").save(buf, "PNG", compress_level=1)
    elif kind == "png_palette":
        Image.fromarray(page).convert("P").save(buf, "PNG", compress_level=1)
    elif kind == "tiff_grey_16bit":
        grey = (page.astype("<u2") * 257).tobytes()
        Image.frombytes("I;16", (width, height), grey).save(buf, "TIFF", compression="tiff_lzw")
    elif kind == "tiff_cmyk":
        Image.fromarray(page).convert("CMYK").save(buf, "TIFF", compression="tiff_lzw")
    elif kind == "jpeg_colour":
        buf.write(cv2.imencode(".jpg", cv2.cvtColor(page, cv2.COLOR_GRAY2BGR))[1].tobytes())
    data = buf.getvalue()
    del page, buf

    def status(key):
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) // 1024 for l in f if l.startswith(key))

    before = status("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # VmHWM := VmRSS
    try:
        shape, error = list(decode_image(data).shape), None
    except OcrError as e:
        shape, error = None, type(e).__name__
    print(json.dumps({"peak_mb": status("VmHWM") - before, "shape": shape, "error": error}))
    """
)


def _measure(kind: str, width: int, height: int) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, kind, str(width), str(height)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_the_findings_png_costs_nothing_to_refuse() -> None:
    """7700 x 7700 RGBA: the old decoder took 1.2 GB for it; now the header refuses it."""
    result = _measure("png_rgba", 7700, 7700)
    assert result["error"] == "ImageTooLarge", result
    assert isinstance(result["peak_mb"], int) and result["peak_mb"] < 32, result


# What decoding the largest page the limits allow may take: the decoded page itself plus
# the reduced copy, never the dozen full-size copies of a naive conversion.
PEAK_MB = (PAGE_LIMITS.max_decoded_bytes >> 20) + 16


@pytest.mark.parametrize(
    "kind", ["png_rgba", "png_palette", "tiff_grey_16bit", "tiff_cmyk", "jpeg_colour"]
)
def test_the_largest_allowed_pages_decode_within_the_budget(kind: str) -> None:
    width, height = 5300, 7500  # 39.75 Mpx, just under the limit of 40
    result = _measure(kind, width, height)
    assert result["error"] is None, result
    assert result["shape"] == [3750, 2650, 3]  # halved on decoding
    assert isinstance(result["peak_mb"], int) and result["peak_mb"] <= PEAK_MB, result
