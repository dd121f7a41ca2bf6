"""PNM (what scanimage writes) checked for truncation by its declared height, then PNG."""

from __future__ import annotations

import io

from PIL import Image

from scanner_drivers.errors import TruncatedPage


def _header(data: bytes) -> tuple[bytes, list[int], int]:
    """Magic, numbers (width, height[, maxval]) and the offset of the pixel data."""
    magic = data[:2]
    wanted = 2 if magic == b"P4" else 3
    numbers: list[int] = []
    pos = 2
    while len(numbers) < wanted:
        while pos < len(data) and data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            end = data.find(b"\n", pos)
            if end < 0:
                raise ValueError("header ends in a comment")
            pos = end + 1
            continue
        start = pos
        while pos < len(data) and data[pos : pos + 1].isdigit():
            pos += 1
        if start == pos:
            raise ValueError("bad PNM header")
        numbers.append(int(data[start:pos]))
    return magic, numbers, pos + 1  # one whitespace byte ends the header


def rows_received(data: bytes) -> tuple[int, int, int]:
    """(width, declared height, complete rows present)."""
    magic, numbers, offset = _header(data)
    width, height = numbers[0], numbers[1]
    if magic == b"P4":
        row = (width + 7) // 8
    elif magic in (b"P5", b"P6"):
        sample = 1 if numbers[2] < 256 else 2
        row = width * sample * (3 if magic == b"P6" else 1)
    else:
        raise ValueError(f"not a binary PNM ({magic!r})")
    return width, height, (len(data) - offset) // row if row else 0


def pnm_to_png(data: bytes, *, name: str, expected_height: int | None = None) -> bytes:
    """PNG of a complete page; TruncatedPage when rows are missing.

    A page is short when its data ends before the declared height (a transfer cut off),
    or when the scanner declared fewer lines than the settings ask for (a feeder that lost
    the sheet part-way); 3% slack covers rounding and short-edge detection.
    """
    try:
        width, height, rows = rows_received(data)
    except ValueError as e:
        raise TruncatedPage(
            f"{name}: unreadable image data ({e})", f"{name}：图像数据无法读取，请重新扫描该页"
        ) from e
    short_declared = expected_height is not None and height < expected_height * 0.97
    if rows < height or short_declared or width == 0 or height == 0:
        got = min(rows, height)
        want = expected_height if short_declared else height
        raise TruncatedPage(
            f"{name}: page cut off after {got} of {want} lines; re-feed this sheet",
            f"{name}：该页只扫描到 {got}/{want} 行，图像不完整，请重新放入该页扫描",
        )
    image = Image.open(io.BytesIO(data))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=3)
    return out.getvalue()
