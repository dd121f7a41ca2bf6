"""The `pango` corpus's four capture simulations, deterministic from the page's generator:
- sheetfed-bw-300: a sheet-fed scanner in black-and-white mode at 300 dpi: thresholded,
  specks of dust, a little skew from the feed;
- phone-flash: a phone photo with the flash on: perspective, a glare hotspot that washes
  out the ink under it, vignetting, warm cast, slight blur, sensor noise;
- low-res-120: a 120 dpi scan saved as JPEG quality 60;
- toner-streak: a 200 dpi photocopy whose drum leaves pale vertical bands and a dark
  line, fed a degree or two askew.
Every profile returns JPEG bytes; the image keeps the page's proportions."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("sheetfed-bw-300", "phone-flash", "low-res-120", "toner-streak")


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return data.tobytes()


def _rotate(image: np.ndarray, degrees: float, fill: int | tuple[int, int, int]) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    border = fill if isinstance(fill, tuple) else (fill, fill, fill)
    return cv2.warpAffine(
        image, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def sheetfed_bw(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    # the scanner's lamp weighs red heavily: a red seal comes out from nearly black to
    # dropped out, speckled, as the lamp and threshold vary
    red = rng.uniform(0.5, 0.72)
    weights = np.array([0.05, 0.95 - red, red], np.float32)  # B, G, R
    grey = np.clip(image.astype(np.float32) @ weights, 0, 255).astype(np.uint8)
    grey = _rotate(grey, rng.uniform(-0.5, 0.5), 255)
    soft = np.asarray(cv2.GaussianBlur(grey, (3, 3), 0.8), np.int16)
    noisy = soft + g.normal(0, 14, soft.shape).astype(np.int16)
    bw = np.where(noisy < rng.randint(150, 175), 0, 255).astype(np.uint8)
    h, w = bw.shape
    for _ in range(rng.randint(150, 400)):  # dust specks
        y, x = int(g.integers(0, h)), int(g.integers(0, w))
        cv2.circle(bw, (x, y), int(g.integers(1, 3)), 0, -1)
    return _jpeg(cv2.cvtColor(bw, cv2.COLOR_GRAY2BGR), 85)


def phone_flash(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    h, w = image.shape[:2]
    # the page a little smaller than the frame, on a desk, seen from slightly off-axis
    d = 0.035
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    jitter = [(rng.uniform(0.01, d) * w, rng.uniform(0.01, d) * h) for _ in range(4)]
    dst = np.array(
        [
            [jitter[0][0], jitter[0][1]],
            [w - jitter[1][0], jitter[1][1]],
            [w - jitter[2][0], h - jitter[2][1]],
            [jitter[3][0], h - jitter[3][1]],
        ],
        np.float32,
    )
    m = cv2.getPerspectiveTransform(src, dst)
    desk = (int(g.integers(60, 90)), int(g.integers(80, 110)), int(g.integers(100, 130)))
    photo = cv2.warpPerspective(
        image, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=desk
    )
    f = photo.astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    # the flash: a hotspot off centre that lifts everything under it towards white
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.3, 0.6)
    rad = min(w, h) * rng.uniform(0.12, 0.2)
    hot = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * rad**2))
    strength = rng.uniform(0.55, 0.75)
    f = f + (255 - f) * (hot * strength)[..., None]
    # vignetting and a warm cast
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    f *= (1 - 0.28 * r2)[..., None]
    f *= np.array([0.9, 0.97, 1.04], np.float32)
    f = cv2.GaussianBlur(f, (0, 0), rng.uniform(0.9, 1.4))
    f += g.normal(0, 4, f.shape).astype(np.float32)
    return _jpeg(np.clip(f, 0, 255).astype(np.uint8), 88)


def low_res(image: np.ndarray, rng: random.Random) -> bytes:
    h, w = image.shape[:2]
    size = (round(w * 120 / 300), round(h * 120 / 300))
    small = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    small = cv2.convertScaleAbs(small, alpha=rng.uniform(0.92, 0.98), beta=rng.uniform(4, 10))
    return _jpeg(small, 60)


def toner_streak(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    h, w = image.shape[:2]
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    # toner: ink lighter in vertical bands where the drum is worn
    fade = np.ones(w, np.float32)
    for _ in range(rng.randint(2, 4)):
        x0, bw = rng.randint(0, w - 1), rng.randint(w // 60, w // 14)
        xs = np.arange(w)
        fade -= rng.uniform(0.35, 0.6) * np.exp(-(((xs - x0) / bw) ** 2))
    fade = np.clip(fade, 0.3, 1)
    ink = 255 - grey
    grey = 255 - ink * fade[None, :]
    # a thin dark line along the feed, and faint grey background
    x1 = rng.randint(w // 10, w - w // 10)
    grey[:, x1 : x1 + rng.randint(2, 5)] *= rng.uniform(0.35, 0.6)
    grey = grey * 0.94 + g.normal(0, 5, grey.shape).astype(np.float32)
    out = np.clip(grey, 0, 255).astype(np.uint8)
    out = _rotate(out, rng.choice((-1, 1)) * rng.uniform(0.8, 1.8), 236)
    size = (round(w * 200 / 300), round(h * 200 / 300))
    copy = cv2.resize(out, size, interpolation=cv2.INTER_AREA)
    return _jpeg(cv2.cvtColor(copy, cv2.COLOR_GRAY2BGR), 80)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "sheetfed-bw-300": sheetfed_bw,
    "phone-flash": phone_flash,
    "low-res-120": low_res,
    "toner-streak": toner_streak,
}
