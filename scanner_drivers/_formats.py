"""Image sniffing, completeness checks and multi-page TIFF splitting (private)."""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from scanner_drivers.errors import PageTooLarge, TruncatedPage, UnsupportedFormat

logger = logging.getLogger(__name__)

JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"
PDF = "application/pdf"

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_PNG_IEND = b"\x00\x00\x00\x00IEND\xaeB`\x82"
MAX_PIXELS = 120_000_000  # an A3 page at 1200 dpi is ~70 Mpx; beyond that is a bomb


@dataclass(frozen=True)
class PageImage:
    data: bytes
    content_type: str
    source: str


def sniff(data: bytes) -> str | None:
    """Content type from magic bytes, never from the file name."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(_PNG_MAGIC):
        return PNG
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    return None


def is_complete(data: bytes, content_type: str) -> bool:
    """Cheap end-of-file checks: a scanner still writing fails these."""
    if content_type == JPEG:
        return data.rstrip(b"\x00").endswith(b"\xff\xd9")
    if content_type == PNG:
        return data.endswith(_PNG_IEND)
    if content_type == PDF:
        return b"%%EOF" in data[-1024:]
    if content_type == TIFF:
        try:
            _tiff_frames(data, "check")
        except (TruncatedPage, UnsupportedFormat):
            return False
        return True
    return False


def split_pages(name: str, data: bytes) -> list[PageImage]:
    """Check one file and return its pages (a multi-page TIFF gives one per frame)."""
    content_type = sniff(data)
    if content_type is None:
        raise UnsupportedFormat(
            f"{name}: not a JPEG, PNG or TIFF image",
            f"{name}：不是 JPEG、PNG 或 TIFF 图像，请重新扫描或上传图片文件",
        )
    if content_type == PDF:
        raise UnsupportedFormat(
            f"{name}: PDF files are not accepted yet; scan or export the pages as images",
            f"{name}：暂不支持 PDF 文件，请扫描或导出为图片（JPEG/PNG/TIFF）后上传",
        )
    if not is_complete(data, content_type):
        raise _truncated(name)
    if content_type == TIFF:
        frames = _tiff_frames(data, name)
        if len(frames) == 1:
            return [PageImage(data, TIFF, name)]
        return [PageImage(f, TIFF, f"{name}#{i + 1}") for i, f in enumerate(frames)]
    _verify(data, name)
    return [PageImage(data, content_type, name)]


def _truncated(name: str) -> TruncatedPage:
    return TruncatedPage(
        f"{name}: image data is incomplete (truncated file)",
        f"{name}：图像数据不完整（文件被截断），请重新扫描",
    )


def _open(data: bytes, name: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            warnings.simplefilter("error", UserWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise PageTooLarge(
                    f"{name}: {image.width}x{image.height} pixels is too large",
                    f"{name}：图像尺寸 {image.width}x{image.height} 过大",
                )
            return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise PageTooLarge(f"{name}: image too large ({e})", f"{name}：图像尺寸过大") from e
    except UserWarning as e:  # e.g. "Truncated File Read" while reading TIFF tags
        raise _truncated(name) from e
    except UnidentifiedImageError as e:
        raise UnsupportedFormat(f"{name}: cannot read image", f"{name}：无法识别的图像") from e


def _verify(data: bytes, name: str) -> None:
    image = _open(data, name)
    try:
        image.load()
    except (OSError, SyntaxError, ValueError) as e:
        raise _truncated(name) from e


def _tiff_frames(data: bytes, name: str) -> list[bytes]:
    """Each frame re-saved as a single-page TIFF with its own compression."""
    image = _open(data, name)
    frames: list[bytes] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", UserWarning)  # "Truncated File Read"
            frames = _save_frames(image)
    except (OSError, SyntaxError, ValueError, EOFError, UserWarning) as e:
        raise _truncated(name) from e
    if not frames:
        raise _truncated(name)
    return frames


def _save_frames(image: Image.Image) -> list[bytes]:
    frames: list[bytes] = []
    for index in range(getattr(image, "n_frames", 1)):
        image.seek(index)
        image.load()
        out = io.BytesIO()
        compression = image.info.get("compression", "raw")
        if compression not in ("raw", "tiff_lzw", "tiff_adobe_deflate", "group4", "jpeg"):
            compression = "tiff_lzw"
        if compression == "group4" and image.mode != "1":
            compression = "tiff_lzw"
        extra = {"dpi": image.info["dpi"]} if "dpi" in image.info else {}
        image.save(out, format="TIFF", compression=compression, **extra)
        frames.append(out.getvalue())
    return frames
