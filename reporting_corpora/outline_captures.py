"""The `outline` corpus's four capture profiles: how a service hall receives its paper.

- counter-scan-gray-250: the counter's flatbed in grey at 250 ppi, the sheet a little
  askew on the glass, the paper's own tone and grain, a soft lens, JPEG.
- phone-stand-warm: a phone over the sheet on a document stand under a warm desk lamp:
  slight perspective, the desk around the sheet, light falling off from the lamp, the
  corners darker, sensor noise, a little defocus, JPEG.
- bw-copy-png: a photocopy scanned black and white at 200 ppi: toner darkens, a shadow
  along the copier's edge, toner specks, greys (a red seal) become a dot screen, PNG.
- color-scan-moire-180: a colour scan at 180 ppi of a laser print: the printer's halftone
  screen beats against the scan grid in the inked areas, the red channel lands a pixel
  off, JPEG with its colour subsampled.

Each takes the clean page (BGR, 300 ppi) and a seeded Random and gives the encoded bytes
(JPEG or PNG), realistic but legible: a clerk would accept the capture."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import cv2
import numpy as np

DPI = 300


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(1 << 32))


def _scale(image: np.ndarray, dpi: float) -> np.ndarray:
    h, w = image.shape[:2]
    return cv2.resize(
        image, (round(w * dpi / DPI), round(h * dpi / DPI)), interpolation=cv2.INTER_AREA
    )


def _rotate(image: np.ndarray, degrees: float, fill: int | tuple[int, ...]) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(
        image,
        m,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=fill,
    )


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def counter_scan_gray_250(image: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    gray: np.ndarray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    # paper: a tone and a grain the clean page lacks
    grain = cv2.GaussianBlur(gen.normal(0, 1, gray.shape).astype(np.float32), (0, 0), 2.0)
    paper = rng.uniform(232, 246) + grain * 2.5
    ink = 1 - gray / 255.0
    gray = paper * (1 - ink) + rng.uniform(18, 34) * ink
    gray = _rotate(gray, rng.uniform(-0.7, 0.7), int(paper.mean()))
    gray = _scale(gray, 250)
    gray = cv2.GaussianBlur(gray, (0, 0), rng.uniform(0.45, 0.7))
    gray = gray + gen.normal(0, 2.2, gray.shape)
    # the lid not quite down: one edge a little darker
    _h, w = gray.shape
    ramp = np.linspace(rng.uniform(0.9, 0.96), 1.0, w, dtype=np.float32)
    gray = gray * (ramp if rng.random() < 0.5 else ramp[::-1])[None, :]
    out = np.clip(gray, 0, 255).astype(np.uint8)
    return _jpeg(out, rng.randint(78, 88))


def phone_stand_warm(image: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    page = _scale(image, 230)
    h, w = page.shape[:2]
    margin = int(w * 0.06)
    out_w, out_h = w + 2 * margin, h + 2 * margin
    desk = np.array([rng.uniform(70, 95), rng.uniform(95, 120), rng.uniform(125, 150)])
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    j = w * 0.018
    dst = np.array(
        [
            [margin + gen.uniform(-j, j), margin + gen.uniform(-j, j)],
            [margin + w + gen.uniform(-j, j), margin + gen.uniform(-j, j)],
            [margin + w + gen.uniform(-j, j), margin + h + gen.uniform(-j, j)],
            [margin + gen.uniform(-j, j), margin + h + gen.uniform(-j, j)],
        ],
        dtype=np.float32,
    )
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(
        page,
        m,
        (out_w, out_h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=tuple(float(v) for v in desk),
    ).astype(np.float32)
    # the lamp: warm light falling off from one side, darker corners
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    lx, ly = rng.uniform(-0.2, 1.2) * out_w, rng.uniform(-0.3, 0.3) * out_h
    dist = np.hypot(xx - lx, yy - ly) / math.hypot(out_w, out_h)
    light = 1.02 - rng.uniform(0.2, 0.3) * dist
    cx, cy = out_w / 2, out_h / 2
    vignette = 1 - 0.16 * (((xx - cx) / cx) ** 2 + ((yy - cy) / cy) ** 2) / 2
    tint = np.array([rng.uniform(0.8, 0.88), rng.uniform(0.93, 0.97), 1.0], dtype=np.float32)
    lit = warped * (light * vignette)[..., None] * tint
    lit = cv2.GaussianBlur(lit, (0, 0), rng.uniform(0.7, 1.1))
    lit = lit + gen.normal(0, 3.2, lit.shape)
    out = np.clip(lit, 0, 255).astype(np.uint8)
    return _jpeg(out, rng.randint(76, 86))


BAYER = (
    np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], dtype=np.float32)
    / 16.0
)


def bw_copy_png(image: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    b, g, r = (image[..., k].astype(np.float32) for k in range(3))
    # the copier's sensor sees red light: a red seal comes out mid grey, not black
    gray = 0.12 * b + 0.33 * g + 0.55 * r
    gray = _rotate(gray, rng.uniform(-0.5, 0.5), 255)
    gray = _scale(gray, 200)
    h, w = gray.shape
    # toner: the copy darker, a little spread; a shadow along one edge
    gray = 255 - (255 - gray) * rng.uniform(1.05, 1.2)
    gray = cv2.GaussianBlur(gray, (0, 0), 0.6)
    edge = np.ones(w, dtype=np.float32)
    band = int(w * rng.uniform(0.012, 0.025))
    edge[:band] = np.linspace(0.35, 1.0, band)
    gray = gray * (edge if rng.random() < 0.5 else edge[::-1])[None, :]
    # greys to a dot screen, black and white kept
    tiles = np.tile(BAYER, (h // 4 + 1, w // 4 + 1))[:h, :w]
    lo, hi = 70.0, 215.0
    level = np.clip((gray - lo) / (hi - lo), 0, 1)
    bw = np.where(level > tiles * 0.9 + 0.05, 255, 0).astype(np.uint8)
    # toner specks
    n = int(h * w * rng.uniform(2e-5, 5e-5))
    ys, xs = gen.integers(0, h, n), gen.integers(0, w, n)
    for y, x, s in zip(ys, xs, gen.integers(1, 3, n), strict=True):
        bw[y : y + s, x : x + s] = 0
    ok, buf = cv2.imencode(".png", bw, [cv2.IMWRITE_PNG_BILEVEL, 1])
    assert ok
    return buf.tobytes()


def color_scan_moire_180(image: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    img = image.astype(np.float32)
    # the laser printer's halftone screen (45°, ~106 lpi at 300 ppi) in the inked areas
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    period = rng.uniform(2.7, 3.0)
    screen = np.cos((xx + yy) * (2 * math.pi / period / math.sqrt(2))) * np.cos(
        (xx - yy) * (2 * math.pi / period / math.sqrt(2))
    )
    ink = 1 - img.mean(axis=2, keepdims=True) / 255.0
    img = img + (screen[..., None] * 38.0) * ink * (1 - ink) * 4
    img = _rotate(img, rng.uniform(-0.4, 0.4), (250, 250, 250))
    img = _scale(img, 180)
    # colour channels out of register by a pixel
    shift = rng.choice([-1, 1])
    img[..., 2] = np.roll(img[..., 2], shift, axis=1)
    img = img * np.array([rng.uniform(0.95, 1.0), rng.uniform(0.97, 1.0), 1.0]) + gen.normal(
        0, 2.0, img.shape
    )
    out = np.clip(img, 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(
        ".jpg",
        out,
        [
            cv2.IMWRITE_JPEG_QUALITY,
            rng.randint(72, 82),
            cv2.IMWRITE_JPEG_SAMPLING_FACTOR,
            cv2.IMWRITE_JPEG_SAMPLING_FACTOR_420,
        ],
    )
    assert ok
    return buf.tobytes()


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "counter-scan-gray-250": counter_scan_gray_250,
    "phone-stand-warm": phone_stand_warm,
    "bw-copy-png": bw_copy_png,
    "color-scan-moire-180": color_scan_moire_180,
}
CAPTURES = tuple(PROFILES)
