"""Capture profiles of the `weasy` corpus, written for it with OpenCV and numpy: how its
pages reach the counter. Each takes the clean RGB page (at `weasy_pages.DPI`) and the
page's random generator and returns JPEG bytes.

- `adf-scan`: a sheet-feeder scanner at 200 dpi greyscale: a roller streak down the page,
  the sheet slightly stretched along the feed, the shadow of the page edge.
- `scanner-app`: a phone scanning app's output: the paper thresholded to white, strokes
  over-sharpened, a little perspective left after its corner detection, JPEG 85.
- `glare-photo`: a phone photo under office lights: a specular hotspot washing out part of
  a margin and the text next to it (still legible), mild perspective, a warm colour cast.
- `carbon-copy`: a carbon copy: soft low-contrast blue-purple strokes on textured paper.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

from reporting_corpora.weasy_pages import DPI

Image = np.ndarray


def _jpeg(image: Image, quality: int) -> bytes:
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return bytes(data.tobytes())


def _noise(rng: random.Random, shape: tuple[int, ...], sigma: float) -> np.ndarray:
    out = np.empty(shape, np.float32)
    cv2.setRNGSeed(rng.getrandbits(31))  # OpenCV's generator: four times numpy's speed here
    cv2.randn(out, 0.0, sigma)  # type: ignore[call-overload]  # stubs lack the scalar form
    return out


def _warp(image: Image, rng: random.Random, amount: float, border: tuple[int, ...]) -> Image:
    """A perspective of up to `amount` of the page size at each corner."""
    h, w = image.shape[:2]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    shift = [[rng.uniform(-amount, amount) * w, rng.uniform(-amount, amount) * h] for _ in range(4)]
    dst = src + np.array(shift, np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def adf_scan(page: Image, rng: random.Random) -> bytes:
    grey = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY).astype(np.float32)
    scale = 200 / DPI
    h, w = grey.shape
    stretch = rng.uniform(1.006, 1.018)  # the feed runs a little fast
    fed = cv2.resize(
        grey, (round(w * scale), round(h * scale * stretch)), interpolation=cv2.INTER_AREA
    )
    h, w = fed.shape
    # the scan bed is wider than the sheet: dark lid beyond the edge, a shadow along it
    pad = rng.randint(14, 30)
    bed = np.full((h + 2 * pad, w + 2 * pad), rng.uniform(60, 95), np.float32)
    bed[pad : pad + h, pad : pad + w] = fed
    shadow = np.ones_like(bed)
    ramp = np.linspace(0.55, 1.0, 18, dtype=np.float32)
    side = rng.choice(("left", "right"))
    if side == "left":
        shadow[pad : pad + h, pad : pad + 18] *= ramp[None, :]
    else:
        shadow[pad : pad + h, pad + w - 18 : pad + w] *= ramp[::-1][None, :]
    shadow[pad : pad + 12, pad : pad + w] *= np.linspace(0.7, 1.0, 12, dtype=np.float32)[:, None]
    bed *= shadow
    # a roller streak: a thin vertical band, lighter or darker, over the whole feed
    x = rng.randint(pad + w // 8, pad + 7 * w // 8)
    width = rng.randint(3, 7)
    profile = np.exp(-(((np.arange(bed.shape[1]) - x) / width) ** 2)).astype(np.float32)
    bed += rng.choice((-1, 1)) * rng.uniform(18, 32) * profile[None, :]
    bed += _noise(rng, bed.shape, 3.0)
    bed = cv2.GaussianBlur(bed, (3, 3), 0.6)
    return _jpeg(np.clip(bed, 0, 255).astype(np.uint8), rng.randint(72, 82))


def scanner_app(page: Image, rng: random.Random) -> bytes:
    grey = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY).astype(np.float32)
    # the photo it started from: uneven light, a little blur
    w = grey.shape[1]
    light = np.linspace(rng.uniform(0.78, 0.9), 1.0, w, dtype=np.float32)[None, :]
    if rng.random() < 0.5:
        light = light[:, ::-1]
    shot = grey * light * rng.uniform(0.9, 0.97) + _noise(rng, grey.shape, 4.0)
    shot = cv2.GaussianBlur(shot, (0, 0), 0.9)
    shot = _warp(np.clip(shot, 0, 255).astype(np.uint8), rng, 0.008, (255,))
    # the app: what its adaptive threshold calls paper turns white, ink is kept and deepened
    paper = cv2.adaptiveThreshold(shot, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 41, 14)
    ink = np.clip((shot.astype(np.float32) - 40) * 1.35, 0, 255)
    out = np.where(paper > 0, 255.0, ink)
    blur = cv2.GaussianBlur(out, (0, 0), 1.6)
    sharp = cv2.addWeighted(out, 2.1, blur, -1.1, 0)  # the app's over-sharpening
    return _jpeg(np.clip(sharp, 0, 255).astype(np.uint8), 85)


def glare_photo(page: Image, rng: random.Random) -> bytes:
    h0, w0 = page.shape[:2]
    # a phone camera's resolution: a little under the scan's
    img = cv2.resize(page, (round(w0 * 0.85), round(h0 * 0.85)), interpolation=cv2.INTER_AREA)
    h, w = img.shape[:2]
    # the desk around the sheet, then a mild perspective
    pad = int(0.05 * w)
    desk = (rng.uniform(90, 130), rng.uniform(80, 110), rng.uniform(60, 90))
    canvas = cv2.copyMakeBorder(img, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=desk)
    canvas = _warp(canvas, rng, 0.02, tuple(round(v) for v in desk))
    H, W = canvas.shape[:2]
    # light over the sheet, worked out at a sixteenth of the size: warm cast, vignette,
    # and the hotspot over a side margin and the start of the lines beside it
    sh, sw = H // 16, W // 16
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    vignette = 1.0 - 0.44 * (((xx - sw / 2) / sw) ** 2 + ((yy - sh / 2) / sh) ** 2)
    cx = (pad + rng.choice((0.1, 0.88)) * w) / 16
    cy = (pad + rng.uniform(0.2, 0.75) * h) / 16
    r = rng.uniform(0.08, 0.12) * w / 16
    spot = np.exp(-((xx - cx) ** 2 + ((yy - cy) * 1.3) ** 2) / (2 * r * r)) * rng.uniform(0.55, 0.7)
    vignette = cv2.resize(vignette, (W, H), interpolation=cv2.INTER_LINEAR)[..., None]
    spot = cv2.resize(spot.astype(np.float32), (W, H), interpolation=cv2.INTER_LINEAR)[..., None]
    cast = np.array([1.0, rng.uniform(0.93, 0.97), rng.uniform(0.8, 0.88)], np.float32)
    lit = canvas.astype(np.float32) * cast * vignette
    lit += (255.0 - lit) * spot
    lit = cv2.GaussianBlur(lit, (0, 0), 0.9) + _noise(rng, lit.shape, 4.0)
    return _jpeg(np.clip(lit, 0, 255).astype(np.uint8), 88)


def carbon_copy(page: Image, rng: random.Random) -> bytes:
    grey = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY).astype(np.float32)
    h, w = grey.shape
    ink_amount = cv2.GaussianBlur(1.0 - grey / 255.0, (0, 0), rng.uniform(1.1, 1.5))  # soft strokes
    # carbon transfers unevenly: pressure varies slowly over the sheet
    pressure = cv2.resize(
        np.random.default_rng(rng.getrandbits(32)).uniform(0.55, 0.85, (8, 6)).astype(np.float32),
        (w, h),
        interpolation=cv2.INTER_CUBIC,
    )
    alpha = np.clip(ink_amount * 1.6 * pressure, 0, 0.88)
    # the copy paper: off-white, fibres and blotches
    paper = np.array(
        [rng.uniform(236, 246), rng.uniform(232, 242), rng.uniform(214, 228)], np.float32
    )
    blotch = cv2.resize(
        _noise(rng, (h // 40, w // 40), 4.0).astype(np.float32),
        (w, h),
        interpolation=cv2.INTER_CUBIC,
    )
    fibre = cv2.GaussianBlur(_noise(rng, (h, w), 10.0).astype(np.float32), (0, 0), 0.8)
    ground = paper[None, None, :] + (blotch + fibre)[..., None]
    ink = np.array(
        [rng.uniform(60, 95), rng.uniform(50, 70), rng.uniform(150, 185)], np.float32
    )  # blue-purple
    out = ground * (1 - alpha[..., None]) + ink[None, None, :] * alpha[..., None]
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 84)


PROFILES: dict[str, Callable[[Image, random.Random], bytes]] = {
    "adf-scan": adf_scan,
    "scanner-app": scanner_app,
    "glare-photo": glare_photo,
    "carbon-copy": carbon_copy,
}
CAPTURES = tuple(PROFILES)
