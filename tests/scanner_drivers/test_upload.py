from __future__ import annotations

import io

import pytest
from PIL import Image

from scanner_drivers import (
    Cancelled,
    PageTooLarge,
    ScannerDriver,
    ScannerError,
    TruncatedPage,
    UnsupportedFormat,
    UploadDriver,
)
from scanner_drivers.errors import ALL_ERRORS
from tests.scanner_drivers import images


def test_sniffs_format_from_bytes_not_name() -> None:
    driver = UploadDriver(
        [("photo.png", images.jpeg()), ("scan.jpg", images.png()), ("x.bin", images.tiff())]
    )
    assert isinstance(driver, ScannerDriver)
    pages = list(driver.scan())
    assert [p.content_type for p in pages] == ["image/jpeg", "image/png", "image/tiff"]
    assert [p.index for p in pages] == [0, 1, 2]
    assert [p.source for p in pages] == ["photo.png", "scan.jpg", "x.bin"]
    assert pages[0].data == images.jpeg()  # passed through unchanged


def test_multi_page_tiff_gives_one_page_per_frame() -> None:
    pages = list(UploadDriver([("batch.tif", images.tiff(3))]).scan())
    assert [p.source for p in pages] == ["batch.tif#1", "batch.tif#2", "batch.tif#3"]
    for page in pages:
        image = Image.open(io.BytesIO(page.data))
        assert getattr(image, "n_frames", 1) == 1
        assert image.size == (200, 280)
        assert image.info.get("compression") == "group4"


@pytest.mark.parametrize(
    ("data", "error", "needle"),
    [
        (b"hello world, not an image", UnsupportedFormat, "JPEG"),
        (images.PDF, UnsupportedFormat, "PDF"),
        (images.jpeg()[:-200], TruncatedPage, "truncated"),
        (images.png()[:-30], TruncatedPage, "truncated"),
        (images.tiff(2, "tiff_lzw")[:300], TruncatedPage, "truncated"),
    ],
)
def test_bad_files_are_refused_with_a_clear_error(
    data: bytes, error: type[ScannerError], needle: str
) -> None:
    driver = UploadDriver([("good.png", images.png()), ("bad.file", data)])
    with pytest.raises(error) as info:
        list(driver.scan())
    assert "bad.file" in info.value.en and "bad.file" in info.value.zh
    assert needle in info.value.en
    assert str(info.value) == f"{info.value.zh} / {info.value.en}"


def test_size_limit() -> None:
    with pytest.raises(PageTooLarge):
        list(UploadDriver([("big.png", images.png())], max_bytes=100).scan())


def test_cancel_stops_before_next_page() -> None:
    driver = UploadDriver([("a.png", images.png()), ("b.png", images.png())])
    pages = driver.scan()
    next(pages)
    driver.cancel()
    with pytest.raises(Cancelled):
        next(pages)


def test_error_codes_are_stable_and_unique() -> None:
    codes = [cls.code for cls in ALL_ERRORS]
    assert len(set(codes)) == len(codes)
    assert all(c.startswith("scanner.") for c in codes)
    for cls in ALL_ERRORS:
        assert issubclass(cls, ScannerError)
        err = cls("english", "中文")
        assert (err.en, err.zh, str(err)) == ("english", "中文", "中文 / english")
