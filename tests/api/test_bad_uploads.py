"""The bad-upload suite: whatever arrives as a page, the answer is a clear 4xx in Chinese
and English that says what to do, or the page is taken and read; and nothing saved
before is lost or changed (security finding 3 and the design's "bad input" rule).

The server's memory under the worst pages the limits allow is measured separately
(tests/api/test_upload_memory.py, a real uvicorn process)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np
import pytest
from PIL import Image
from sqlalchemy import func, select

from cases.db import session_scope
from models import AuditEvent, Case, StoredObject
from sample_scans.scans import SamplePage
from tests.api.conftest import Desk


def _pil(image: Image.Image, fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def _page(width: int = 1000, height: int = 1400) -> np.ndarray:
    page = np.full((height, width), 255, np.uint8)
    page[height // 4 : height // 2, width // 4 : width // 2] = 0
    return page


def _chunk(kind: bytes, payload: bytes) -> bytes:
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def _png_declaring(width: int, height: int) -> bytes:
    """A valid PNG header declaring `width` x `height` RGB, with a few bytes of data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


def _jpeg_declaring(width: int, height: int) -> bytes:
    data = bytearray(cv2.imencode(".jpg", np.full((8, 8), 255, np.uint8))[1].tobytes())
    at = data.index(b"\xff\xc0")
    data[at + 5 : at + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


def _zip_bomb() -> bytes:
    """A zip whose one member inflates 1000-fold: never unpacked, refused by its type."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("scan.png", b"\x00" * 20_000_000)
    return buf.getvalue()


def _multi_page_tiff() -> bytes:
    first = Image.fromarray(_page())
    return _pil(first, "TIFF", save_all=True, append_images=[first])


def _truncated(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


def _grey16_tiff() -> bytes:
    grey = _page()
    h, w = grey.shape
    return _pil(Image.frombytes("I;16", (w, h), (grey.astype("<u2") * 257).tobytes()), "TIFF")


# name -> (bytes, what the message must contain in English, and in Chinese)
REFUSED: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "empty.jpg": (lambda: b"", "empty", "文件为空"),
    "notes.txt": (
        lambda: "不是图像 / not an image\n".encode() * 40,
        "not a readable",
        "不是可读取",
    ),
    "scan.pdf": (lambda: b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer\n%%EOF\n", "PDF", "PDF"),
    "archive.zip": (_zip_bomb, "not a readable", "不是可读取"),
    "program.exe": (lambda: b"MZ\x90\x00" + bytes(4000), "not a readable", "不是可读取"),
    "cut.jpg": (
        lambda: _truncated(cv2.imencode(".jpg", _page())[1].tobytes()),
        "damaged",
        "已损坏",
    ),
    "cut.png": (
        lambda: _truncated(cv2.imencode(".png", _page())[1].tobytes()),
        "damaged",
        "已损坏",
    ),
    "cut.tif": (
        lambda: _truncated(_pil(Image.fromarray(_page()), "TIFF", compression="tiff_lzw")),
        "damaged",
        "已损坏",
    ),
    "garbled.tif": (
        lambda: b"II*\x00\x08\x00\x00\x00" + bytes(range(256)) * 20,
        "damaged",
        "已损坏",
    ),
    # decompression bombs: tiny files declaring huge pages, refused from their headers
    "finding-7700.png": (
        lambda: _pil(Image.new("RGBA", (7700, 7700), (255, 255, 255, 255)), "PNG"),
        "7700x7700",
        "7700x7700",
    ),
    "bomb-20000.png": (lambda: _pil(Image.new("1", (20000, 20000), 1), "PNG"), "pixels", "像素"),
    "bomb-header.png": (lambda: _png_declaring(100_000, 100_000), "pixels", "像素"),
    "bomb-header.jpg": (lambda: _jpeg_declaring(65_000, 65_000), "pixels", "像素"),
    "strip.png": (lambda: _pil(Image.new("1", (30_000, 1000), 1), "PNG"), "a side", "单边"),
    "two-pages.tif": (_multi_page_tiff, "several pages", "多页"),
    "too-small.png": (
        lambda: _pil(Image.new("L", (300, 400), 255), "PNG"),
        "too small",
        "不足以识别",
    ),
}

# real scans in the formats scanners write: taken and read
ACCEPTED: dict[str, Callable[[], bytes]] = {
    "grey-16bit.tif": _grey16_tiff,
    "colour-16bit.tif": lambda: cv2.imencode(
        ".tiff", cv2.cvtColor(_page(), cv2.COLOR_GRAY2BGR).astype(np.uint16) * 257
    )[1].tobytes(),
    "cmyk.tif": lambda: _pil(
        Image.fromarray(_page()).convert("CMYK"), "TIFF", compression="tiff_lzw"
    ),
    "cmyk.jpg": lambda: _pil(Image.fromarray(_page()).convert("CMYK"), "JPEG"),
    "rgba.png": lambda: _pil(Image.fromarray(_page()).convert("RGBA"), "PNG"),
    "png-named.jpg": lambda: cv2.imencode(".png", _page())[1].tobytes(),  # content decides
}


def _upload(desk: Desk, number: str, *files: tuple[str, bytes]) -> Any:
    return desk.client.post(
        f"/api/v1/cases/{number}/pages",
        headers=desk.headers("clerk"),
        files=[("files", (name, data, "application/octet-stream")) for name, data in files],
    )


def _saved(desk: Desk, number: str) -> dict[str, Any]:
    """What is saved of the case: its pages, the stored objects and their bytes, its
    status, and how many pages were ever audited as added."""
    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        objects = s.scalars(select(StoredObject).where(StoredObject.case_id == case.id)).all()
        return {
            "status": case.status,
            "pages": desk.client.get(
                f"/api/v1/cases/{number}", headers=desk.headers("clerk")
            ).json()["pages"],
            "objects": sorted((o.key, o.sha256, desk.hall.store.get(o.key)) for o in objects),
            "all_objects": s.scalar(select(func.count()).select_from(StoredObject)),
            "added": s.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "page.add")
            ),
        }


@pytest.fixture
def case_with_a_page(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> tuple[str, dict[str, Any]]:
    number = embedded_desk.open_case(51)["number"]
    form = sample_pages["application_form"]
    assert _upload(embedded_desk, number, (form.filename, form.data)).status_code == 202
    return number, _saved(embedded_desk, number)


def test_every_bad_upload_is_a_clear_4xx_and_nothing_saved_changes(
    embedded_desk: Desk, case_with_a_page: tuple[str, dict[str, Any]]
) -> None:
    desk = embedded_desk
    number, before = case_with_a_page
    for name, (make, en, zh) in REFUSED.items():
        r = _upload(desk, number, (name, make()))
        assert r.status_code == 422, (name, r.status_code, r.text[:300])
        error = r.json()["error"]
        assert error["code"] and name in error["message_en"] and name in error["message_zh"]
        assert en in error["message_en"], (name, error)
        assert zh in error["message_zh"], (name, error)
    assert _saved(desk, number) == before


def test_a_bad_file_among_good_ones_refuses_the_request_whole(
    embedded_desk: Desk, case_with_a_page: tuple[str, dict[str, Any]]
) -> None:
    desk = embedded_desk
    number, before = case_with_a_page
    r = _upload(
        desk,
        number,
        ("good.tif", ACCEPTED["cmyk.tif"]()),
        ("bomb.png", _png_declaring(100_000, 100_000)),
        ("good.png", ACCEPTED["rgba.png"]()),
    )
    assert r.status_code == 422 and "bomb.png" in r.json()["error"]["message_zh"]
    assert _saved(desk, number) == before  # the good file before it is not half-saved


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(
    embedded_desk: Desk, case_with_a_page: tuple[str, dict[str, Any]]
) -> None:
    desk = embedded_desk
    number, before = case_with_a_page
    desk.hall.settings.max_upload_bytes = 100_000
    try:
        r = _upload(desk, number, ("big.jpg", b"\xff\xd8\xff" + bytes(200_000)))
    finally:
        desk.hall.settings.max_upload_bytes = 30 * 1024 * 1024
    assert r.status_code == 422
    assert "MB" in r.json()["error"]["message_en"] and "上限" in r.json()["error"]["message_zh"]
    assert _saved(desk, number) == before


def test_scans_in_every_scanner_format_are_taken_and_read(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = desk.open_case(52)["number"]
    r = _upload(desk, number, *((name, make()) for name, make in ACCEPTED.items()))
    assert r.status_code == 202, r.text
    assert (
        desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk")).status_code
        == 200
    )
    pages = _saved(desk, number)["pages"]
    assert [p["filename"] for p in pages] == list(ACCEPTED)
    assert all(p["status"] == "read" and p["error"] is None for p in pages), pages
    with session_scope(desk.hall.sessions) as s:
        types = {
            o.content_type
            for o in s.scalars(select(StoredObject).where(StoredObject.doc_class == "page_image"))
        }
    assert {"image/tiff", "image/jpeg", "image/png"} <= types


def test_the_counter_page_names_each_refused_file_and_keeps_the_good_ones(
    embedded_desk: Desk,
) -> None:
    from tests.web.test_pages import log_in

    desk = embedded_desk
    number = desk.open_case(53)["number"]
    csrf = log_in(desk.client, "clerk")
    r = desk.client.post(
        f"/counter/cases/{number}/pages",
        data={"csrf": csrf},
        files=[
            ("files", ("grey-16bit.tif", _grey16_tiff(), "image/tiff")),
            ("files", ("finding-7700.png", REFUSED["finding-7700.png"][0](), "image/png")),
            ("files", ("notes.txt", b"not an image", "text/plain")),
        ],
    )
    assert r.status_code == 422
    assert "finding-7700.png" in r.text and "notes.txt" in r.text and "像素" in r.text
    assert [p["filename"] for p in _saved(desk, number)["pages"]] == ["grey-16bit.tif"]
