"""Decoding a scanned page within a memory budget.

A page's header tells how much memory decoding it will take before one pixel is decoded:
Pillow reads the size, the mode (bands and bit depth), a progressive JPEG's scans, a
TIFF's strips or tiles and whether it has a second page without decompressing anything.
`read_header` checks these against `PageLimits`; only then is anything decoded, and a
page larger than recognition needs is reduced while it is decoded (JPEG: the decoder's
DCT scaling) or right after (PNG, TIFF), so the full-size pixels never outlive the
decoder. A process-wide `DecodeBudget` bounds how many bytes all decoders hold at once:
a burst of uploads waits for memory instead of taking it.

The limits let a real A4 scan at 600 dpi in colour through (4961 x 7016 = 34.8 Mpx).
"""

from __future__ import annotations

import io
import math
import re
import struct
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from ocr.errors import ImageTooLarge, UnreadableImage

_RESCAN_ZH = "请重新扫描该页"
_RESCAN_EN = "please rescan the page"

# what scanners, hot folders and document cameras hand over, with the MIME types
PAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff"}
_FORMAT_NAMES = "JPEG、PNG、TIFF"


@dataclass(frozen=True)
class PageLimits:
    """What one page may cost. The defaults pass an A4 sheet at 600 dpi in colour (34.8
    Mpx, 139 MB decoded; 243 MB as a progressive JPEG) and refuse an A3 sheet at 600 dpi
    (69.6 Mpx)."""

    max_bytes: int = 50_000_000
    max_pixels: int = 40_000_000
    max_side: int = 20_000  # 85 cm at 600 dpi: a strip of 1 x 40 million pixels is no page
    max_decoded_bytes: int = 256 * 2**20  # what decoding one page may hold at most


PAGE_LIMITS = PageLimits()
# Pages are read at up to this many pixels (A4 at 400 dpi): larger scans are reduced while
# they are decoded; recognition gains nothing above it and every later stage costs more.
WORK_PIXELS = 16_000_000


@dataclass(frozen=True)
class ImageHeader:
    """What the file says about itself, read without decoding its pixels."""

    format: str  # Pillow's name: JPEG, PNG or TIFF
    width: int
    height: int
    mode: str  # Pillow's mode once decoded (bit depth and bands): L, RGB, I;16, CMYK, ...
    decode_bytes: int  # memory the decoder needs for the full-size page
    progressive: bool = False

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def content_type(self) -> str:
        return PAGE_FORMATS[self.format]


class DecodeBudget:
    """Bytes that all decoders of the process may hold at once. A decode waits until its
    share is free; one that alone needs more than the whole budget runs by itself."""

    def __init__(self, total_bytes: int) -> None:
        self.total_bytes = total_bytes
        self._in_use = 0
        self._free = threading.Condition()

    @property
    def in_use(self) -> int:
        return self._in_use

    @contextmanager
    def reserve(self, nbytes: int) -> Iterator[None]:
        share = max(0, min(nbytes, self.total_bytes))
        with self._free:
            self._free.wait_for(lambda: self._in_use + share <= self.total_bytes)
            self._in_use += share
        try:
            yield
        finally:
            with self._free:
                self._in_use -= share
                self._free.notify_all()


# One of the largest pages decodes at a time, several small ones at once; the rest wait
# (a second or two each): a burst of uploads costs time, never the server's memory.
DECODE_BUDGET = DecodeBudget(320 * 2**20)


def _unreadable(e: BaseException | None = None) -> UnreadableImage:
    error = UnreadableImage(
        f"the file is not a readable image ({', '.join(PAGE_FORMATS)}) or is damaged; {_RESCAN_EN}",
        f"文件不是可读取的图像({_FORMAT_NAMES})或已损坏,{_RESCAN_ZH}",
    )
    if e is not None:
        error.__cause__ = e
    return error


def _too_large(en: str, zh: str) -> ImageTooLarge:
    return ImageTooLarge(f"{en}; rescan at 200-300 dpi", f"{zh},请以 200-300 dpi 重新扫描")


def _bytes_per_pixel(mode: str) -> int:
    """Bytes per pixel of Pillow's in-memory image in `mode` (multi-band images use 4)."""
    if mode in ("1", "L", "P"):
        return 1
    if mode.startswith("I;16"):
        return 2
    return 4


def _tiff_buffer(img: Image.Image, width: int, height: int) -> int:
    """Bytes libtiff's decoder buffers at once: one strip or tile, uncompressed (a whole
    page when the file has a single strip); YCbCr and JPEG-in-TIFF are read as RGBA."""
    tags = getattr(img, "tag_v2", {})
    samples = int(tags.get(277, 1) or 1)
    bits = tags.get(258, 8)
    depth = max(bits) if isinstance(bits, tuple) and bits else int(bits or 8)
    if 322 in tags and 323 in tags:  # tiled
        block = int(tags[322]) * int(tags[323])
    else:
        block = width * min(height, int(tags.get(278, height) or height))
    per_pixel = samples * max(1, math.ceil(depth / 8))
    if tags.get(259) in (6, 7) or tags.get(262) == 6:
        per_pixel = max(per_pixel, 4)
    return block * per_pixel


def _samples_per_pixel(img: Image.Image) -> float:
    """Samples a JPEG stores per pixel: 1.5 for colour with 4:2:0 chroma subsampling."""
    layers = [(h, v) for _, h, v, _ in getattr(img, "layer", ())]
    if not layers:
        return float(len(img.getbands()))
    hmax, vmax = max(h for h, _ in layers), max(v for _, v in layers)
    return sum(h * v for h, v in layers) / (hmax * vmax)


def _decode_bytes(img: Image.Image) -> tuple[int, bool]:
    width, height = img.size
    pixels = width * height
    image = pixels * _bytes_per_pixel(img.mode)
    if img.mode == "P":
        image += pixels * 4  # expanded to RGB(A) before it is reduced
    elif img.mode == "1":
        image += pixels  # widened to grey before it is reduced
    elif img.mode.startswith("I;16"):
        image += pixels * 2  # resized in two passes (reduce() does not take it)
    progressive = bool(img.format == "JPEG" and img.info.get("progressive"))
    if progressive:  # all its DCT coefficients stay in memory: 2 bytes a sample
        image += int(pixels * _samples_per_pixel(img) * 2)
    tile = img.tile if isinstance(img, ImageFile.ImageFile) else []
    if img.format == "TIFF" and tile and tile[0][0] == "libtiff":
        image += _tiff_buffer(img, width, height)
    return image, progressive


def _open(data: bytes) -> Image.Image:
    """The image with only its header read; raises for anything else."""
    if data[:5] == b"%PDF-":
        raise UnreadableImage(
            "a PDF is not accepted as a page scan; set the scanner to save each page as "
            "JPEG, PNG or TIFF and rescan, or upload the pages as images",
            f"PDF 文件不能作为扫描页上传,请将扫描仪设置为按页保存为 {_FORMAT_NAMES} 后重新扫描,"
            "或以图像文件上传",
        )
    # Pillow's process-wide switch to accept truncated files as half-grey pages: a
    # library may turn it on when imported (WeasyPrint does); a page must be whole
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=tuple(PAGE_FORMATS))
            img.size  # noqa: B018 - the header is read here
            return img
    except Image.DecompressionBombError as e:  # Pillow's own, far above our limit
        raise _bomb(e) from e
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, struct.error) as e:
        raise _unreadable(e) from e


def _bomb(e: Image.DecompressionBombError) -> ImageTooLarge:
    found = re.search(r"\((\d+) pixels\)", str(e))
    if found is None:
        return _too_large("the image is too large to decode safely", "图像尺寸过大,无法安全解码")
    millions, limit = int(found.group(1)) / 1e6, PAGE_LIMITS.max_pixels / 1e6
    return _too_large(
        f"the image has {millions:.0f} million pixels, more than the limit of {limit:.0f} "
        "million pixels",
        f"图像有 {millions:.0f} 百万像素,超过上限 {limit:.0f} 百万像素",
    )


def _second_page(img: Image.Image) -> bool:
    """True when a TIFF holds more than one page (only the next directory is read, never
    all of them: a file can chain millions)."""
    if img.format != "TIFF":
        return False
    try:
        img.seek(1)
    except EOFError:
        return False
    except (OSError, ValueError, SyntaxError) as e:
        raise _unreadable(e) from e
    finally:
        with suppress(EOFError, OSError, ValueError):
            img.seek(0)
    return True


def _check(img: Image.Image, limits: PageLimits) -> ImageHeader:
    width, height = img.size
    if width <= 0 or height <= 0:
        raise UnreadableImage(
            f"the image has no pixels; {_RESCAN_EN}", f"图像没有像素,{_RESCAN_ZH}"
        )
    if width * height > limits.max_pixels or max(width, height) > limits.max_side:
        raise _too_large(
            f"the image is {width}x{height} pixels, more than the limit of "
            f"{limits.max_pixels / 1e6:.0f} million pixels ({limits.max_side} a side)",
            f"图像尺寸 {width}x{height} 像素,超过上限 {limits.max_pixels / 1e6:.0f} 百万像素"
            f"(单边 {limits.max_side} 像素)",
        )
    decode_bytes, progressive = _decode_bytes(img)
    if decode_bytes > limits.max_decoded_bytes:
        mb, limit_mb = decode_bytes // 2**20, limits.max_decoded_bytes // 2**20
        raise _too_large(
            f"the {width}x{height} {img.mode} {img.format} image needs {mb} MB to decode, "
            f"more than the limit of {limit_mb} MB (save it as 8-bit baseline JPEG, PNG or "
            "TIFF)",
            f"该图像({width}x{height},{img.mode},{img.format})解码需要 {mb} MB 内存,"
            f"超过上限 {limit_mb} MB(请保存为 8 位普通 JPEG、PNG 或 TIFF)",
        )
    if _second_page(img):
        raise UnreadableImage(
            "the TIFF file holds several pages; save each page as its own file (or set "
            "the scanner to single-page TIFF) and upload them one by one",
            "该 TIFF 文件包含多页,请将扫描仪设置为单页保存,或将每页另存为单独文件后逐页上传",
        )
    return ImageHeader(img.format or "", width, height, img.mode, decode_bytes, progressive)


def _check_bytes(data: bytes, limits: PageLimits) -> None:
    if not data:
        raise UnreadableImage(
            f"the file is empty; {_RESCAN_EN}", f"文件为空,未包含图像,{_RESCAN_ZH}"
        )
    if len(data) > limits.max_bytes:
        raise _too_large(
            f"the file has {len(data)} bytes, more than the limit of {limits.max_bytes}",
            f"文件大小 {len(data)} 字节,超过上限 {limits.max_bytes} 字节",
        )


def read_header(data: bytes, limits: PageLimits = PAGE_LIMITS) -> ImageHeader:
    """The page's format, size and decoding cost from its header, checked against
    `limits`; nothing is decoded. Raises `ImageTooLarge` or `UnreadableImage`."""
    _check_bytes(data, limits)
    return _check(_open(data), limits)


def reduction(width: int, height: int, max_pixels: int) -> int:
    """The smallest whole factor that brings a `width` x `height` page within
    `max_pixels` (1 when it is within already)."""
    factor = max(1, math.ceil(math.sqrt(width * height / max_pixels)))
    while _reduced(width, factor) * _reduced(height, factor) > max_pixels:
        factor += 1
    return factor


def _reduced(side: int, factor: int) -> int:
    return -(-side // factor)


def decode_image(
    data: bytes,
    *,
    max_bytes: int | None = None,
    limits: PageLimits = PAGE_LIMITS,
    max_pixels: int = WORK_PIXELS,
    budget: DecodeBudget = DECODE_BUDGET,
) -> np.ndarray:
    """Decode a page to a BGR uint8 array after checking its header against `limits`.

    A page of more than `max_pixels` is reduced by the smallest whole factor that brings
    it within, while it is decoded (JPEG) or straight after (PNG, TIFF); every byte the
    decoder and the conversion hold is reserved from `budget` first."""
    if max_bytes is not None:
        limits = PageLimits(
            max_bytes=max_bytes,
            max_pixels=limits.max_pixels,
            max_side=limits.max_side,
            max_decoded_bytes=limits.max_decoded_bytes,
        )
    header = read_header(data, limits)
    factor = reduction(header.width, header.height, max_pixels)
    out_pixels = _reduced(header.width, factor) * _reduced(header.height, factor)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # the decoder's own memory, then the reduced page in two forms while converted
            with budget.reserve(header.decode_bytes + out_pixels * 8):
                if header.format == "JPEG" and header.mode in ("L", "RGB"):
                    fast = _decode_jpeg(data, header, factor)
                    if fast is not None:
                        return fast
                return _decode_pillow(data, header, factor)
    except (ImageTooLarge, UnreadableImage):
        raise
    except Image.DecompressionBombError as e:
        raise _bomb(e) from e
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, MemoryError) as e:
        raise _unreadable(e) from e


_DCT = {
    1: cv2.IMREAD_COLOR,
    2: cv2.IMREAD_REDUCED_COLOR_2,
    4: cv2.IMREAD_REDUCED_COLOR_4,
    8: cv2.IMREAD_REDUCED_COLOR_8,
}


def _decode_jpeg(data: bytes, header: ImageHeader, factor: int) -> np.ndarray | None:
    """A colour or grey JPEG decoded by OpenCV straight to BGR, at the largest DCT scale
    (1/2, 1/4, 1/8) within `factor` (it applies the EXIF orientation too): three times
    faster than Pillow's decode and conversion. None for a file without its end marker
    or decoded in part, which Pillow then reads and refuses when it is damaged."""
    if not data.rstrip(b"\0\r\n ").endswith(b"\xff\xd9"):
        return None
    scale = max(s for s in _DCT if s <= factor)
    decoded = cv2.imdecode(np.frombuffer(data, np.uint8), _DCT[scale])
    if decoded is None:
        return None
    h, w = decoded.shape[:2]
    if w * h != _reduced(header.width, scale) * _reduced(header.height, scale):
        return None
    if scale != factor:
        size = (_reduced(header.width, factor), _reduced(header.height, factor))
        turned = (w > h) != (header.width > header.height)  # by its EXIF orientation
        decoded = cv2.resize(
            decoded, (size[1], size[0]) if turned else size, interpolation=cv2.INTER_AREA
        )
    return np.ascontiguousarray(decoded)


def _decode_pillow(data: bytes, header: ImageHeader, factor: int) -> np.ndarray:
    """Pillow decodes the whole page; it is reduced at once and the full-size pixels are
    let go before the conversion to BGR (this function holds the only reference)."""
    img = _open(data)
    if header.format == "JPEG":  # DCT scaling: decode at the largest scale within factor
        img.draft(None, (_reduced(header.width, factor), _reduced(header.height, factor)))
    img.load()
    img = _reduce(img, (_reduced(header.width, factor), _reduced(header.height, factor)))
    ImageOps.exif_transpose(img, in_place=True)
    return _to_bgr(img)


def _reduce(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The page at `size`, each pixel the average of the box it stands for. Bi-level and
    palette pages are widened first (Pillow would pick pixels, not average them); pages
    with transparency are reduced a band at a time (Pillow copies them whole to reduce)."""
    if img.size == size:
        return img
    if img.mode == "1":
        img = img.convert("L")
    elif img.mode == "P":
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    factor = img.width // size[0]
    whole = factor > 1 and (_reduced(img.width, factor), _reduced(img.height, factor)) == size
    if not whole or img.mode.startswith("I;16"):  # a JPEG's DCT scale left less to do,
        return img.resize(size, Image.Resampling.BOX)  # or 16-bit grey (no reduce())
    if img.mode not in ("RGBA", "LA"):
        return img.reduce(factor)
    out = Image.new(img.mode, size)
    step = factor * max(1, _ROWS // factor)  # whole boxes, about _ROWS rows a band
    for top in range(0, img.height, step):
        band = img.crop((0, top, img.width, min(img.height, top + step)))
        out.paste(band.reduce(factor), (0, top // factor))
    return out


_ROWS = 256  # rows converted at a time, so temporaries stay small


def _to_bgr(img: Image.Image) -> np.ndarray:
    """BGR uint8 from any mode a scan comes in; transparent pixels become white paper,
    16- and 32-bit grey is scaled by its brightest pixel. Consumes `img`."""
    mode = img.mode
    if mode in ("LA", "PA") or (mode == "P" and "transparency" in img.info):
        img, mode = img.convert("RGBA"), "RGBA"
    elif mode in ("1", "P", "CMYK", "YCbCr", "LAB", "HSV", "RGBX"):
        img, mode = img.convert("RGB"), "RGB"
    if mode == "RGB":
        rgb = np.asarray(img)
        del img
        return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    if mode == "L":
        grey = np.asarray(img)
        del img
        return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    if mode == "RGBA":
        rgba = np.asarray(img)
        del img
        out = np.empty((*rgba.shape[:2], 3), np.uint8)
        for top in range(0, rgba.shape[0], _ROWS):
            rows = rgba[top : top + _ROWS]
            alpha = rows[..., 3:4].astype(np.uint16)
            on_white = (rows[..., 2::-1] * alpha + 255 * (255 - alpha) + 127) // 255
            out[top : top + _ROWS] = on_white.astype(np.uint8)
        return out
    if mode.startswith("I;16") or mode in ("I", "F"):
        deep = np.asarray(img)
        del img
        if deep.dtype.byteorder == ">":
            deep = deep.astype(deep.dtype.newbyteorder("="))
        brightest = float(deep.max()) or 1.0
        grey = cv2.convertScaleAbs(deep, alpha=255.0 / brightest)
        return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    raise UnreadableImage(
        f"images in the {mode} colour mode cannot be read; save the scan as 8-bit grey "
        f"or colour and {_RESCAN_EN}",
        f"无法读取 {mode} 颜色模式的图像,请以 8 位灰度或彩色保存后重新扫描",
    )


# a page taken in is decoded whole at this size, to refuse a damaged file at once
CHECK_PIXELS = 1_000_000


def inspect_page(data: bytes, limits: PageLimits = PAGE_LIMITS) -> ImageHeader:
    """Check a page being taken in: its header against `limits` before anything is
    decoded, then the whole file decoded at a small size (a truncated or damaged file is
    refused now, not when it is read). Returns the header."""
    header = read_header(data, limits)
    decode_image(data, limits=limits, max_pixels=CHECK_PIXELS)
    return header


def page_preview(
    data: bytes,
    width: int,
    *,
    limits: PageLimits = PAGE_LIMITS,
    budget: DecodeBudget = DECODE_BUDGET,
    quality: int = 80,
) -> bytes:
    """A JPEG of the page `width` pixels wide (never wider than the page), for a person to
    look at: decoded within the same limits and budget as for reading."""
    header = read_header(data, limits)
    factor = max(1, header.width // max(16, width))  # decoded no smaller than asked
    pixels = _reduced(header.width, factor) * _reduced(header.height, factor)
    image = decode_image(data, limits=limits, max_pixels=pixels, budget=budget)
    h, w = image.shape[:2]
    if w > width:  # to the width asked (an EXIF-turned JPEG shows its other side)
        image = cv2.resize(
            image, (width, max(1, round(h * width / w))), interpolation=cv2.INTER_AREA
        )
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:  # pragma: no cover - OpenCV encodes any BGR uint8 array
        raise _unreadable()
    return encoded.tobytes()
