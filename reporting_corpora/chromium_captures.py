"""Capture profiles of the `chromium` corpus, deterministic from the page's random state
(OpenCV and NumPy): a phone photo forwarded twice through a chat app, a laser printout
short of toner, a tilted handheld photo, and a fax received by a multifunction printer."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("wechat-forward", "laser-toner-low", "tilted-handheld", "multifunction-fax-in")


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return data.tobytes()


def _rejpeg(image: np.ndarray, quality: int) -> np.ndarray:
    out = cv2.imdecode(np.frombuffer(_jpeg(image, quality), np.uint8), cv2.IMREAD_UNCHANGED)
    assert out is not None
    return np.asarray(out)


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def wechat_forward(image: np.ndarray, rng: random.Random) -> bytes:
    """A phone photo (slight perspective, uneven light), sent on, saved and sent again:
    JPEG twice, the long side cut to 1280 px in between."""
    h, w = image.shape[:2]
    g = _np(rng)
    m = w * 0.02
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = src + g.uniform(-m, m, (4, 2)).astype(np.float32)
    warped = cv2.warpPerspective(
        image, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=(96, 104, 112)
    )
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 0.86 + 0.14 * (xx / w * rng.uniform(0.3, 1) + yy / h * rng.uniform(0, 0.6))
    tint = np.array([rng.uniform(0.9, 0.97), rng.uniform(0.95, 1.0), 1.0], np.float32)
    photo = np.clip(warped.astype(np.float32) * light[..., None] * tint, 0, 255).astype(np.uint8)
    photo = _rejpeg(cv2.GaussianBlur(photo, (3, 3), 0.8), 82)
    scale = 1280 / max(h, w)
    small = cv2.resize(photo, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    return _jpeg(_rejpeg(small, 70), 68)


def laser_toner_low(image: np.ndarray, rng: random.Random) -> bytes:
    """A laser printout running out of toner, scanned in grey: ink lighter, paler in
    vertical bands along the drum, a few dropouts and specks."""
    g = _np(rng)
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    h, w = grey.shape
    bands = np.ones(w, np.float32) * rng.uniform(0.62, 0.72)
    for _ in range(rng.randint(2, 4)):
        c, half = rng.randint(0, w), rng.randint(15, 60)
        bands[max(0, c - half) : c + half] *= rng.uniform(0.75, 0.88)
    ink = (255 - grey) * bands[None, :]
    ink *= g.uniform(0.85, 1.0, (h, w)).astype(np.float32)  # uneven fusing
    page = 255 - ink - g.normal(0, 3, (h, w)).astype(np.float32)
    specks = g.random((h, w)) < 0.0004
    page[specks] = g.uniform(90, 170, int(specks.sum()))
    return _jpeg(cv2.GaussianBlur(np.clip(page, 0, 255).astype(np.uint8), (3, 3), 0.6), 84)


def tilted_handheld(image: np.ndarray, rng: random.Random) -> bytes:
    """A photo held by hand over a desk: turned 3-6°, barrel distortion of the lens,
    darker corners, warm light, sensor noise."""
    g = _np(rng)
    pad = int(image.shape[1] * 0.07)
    desk = (int(rng.uniform(60, 90)), int(rng.uniform(80, 110)), int(rng.uniform(110, 140)))
    framed = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=desk)
    fh, fw = framed.shape[:2]
    angle = rng.uniform(3, 6) * rng.choice((-1, 1))
    turn = cv2.getRotationMatrix2D((fw / 2, fh / 2), angle, 1.0)
    framed = cv2.warpAffine(framed, turn, (fw, fh), borderValue=desk)
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    nx, ny = (xx - fw / 2) / (fw / 2), (yy - fh / 2) / (fh / 2)
    r2 = nx * nx + ny * ny
    k = rng.uniform(0.025, 0.05)
    factor = 1 + k * r2
    map_x = (nx * factor) * (fw / 2) / (1 + k) + fw / 2
    map_y = (ny * factor) * (fh / 2) / (1 + k) + fh / 2
    bent = cv2.remap(framed, map_x, map_y, cv2.INTER_LINEAR, borderValue=desk)
    vignette = 1 - rng.uniform(0.18, 0.28) * r2 / 2
    warm = np.array([0.86, 0.95, 1.0], np.float32)
    photo = bent.astype(np.float32) * vignette[..., None] * warm
    photo += g.normal(0, 4, photo.shape).astype(np.float32)
    photo = cv2.GaussianBlur(np.clip(photo, 0, 255).astype(np.uint8), (3, 3), 0.9)
    return _jpeg(photo, 80)


def multifunction_fax_in(image: np.ndarray, rng: random.Random) -> bytes:
    """A fax received at fine resolution (204 × 196 dpi) and printed to file: one bit per
    dot, the seal's red and the shaded cells halftoned, a row dropped now and then."""
    g = _np(rng)
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    h, w = grey.shape
    fax = cv2.resize(
        grey, (round(w * 204 / 200), round(h * 196 / 200)), interpolation=cv2.INTER_AREA
    )
    bayer = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], np.float32)
    fh, fw = fax.shape
    threshold = (bayer[np.arange(fh)[:, None] % 4, np.arange(fw)[None, :] % 4] + 0.5) / 16
    level = fax.astype(np.float32) / 255 + g.normal(0, 0.04, fax.shape)
    dots = np.where(level > threshold * 0.7 + 0.2, 255, 0).astype(np.uint8)
    for row in g.choice(fh - 1, size=rng.randint(2, 6), replace=False):
        dots[row] = dots[row + 1]
    shift = rng.randint(1, 3)
    dots[:, shift:] = dots[:, :-shift].copy() if rng.random() < 0.5 else dots[:, shift:]
    return _jpeg(dots, 90)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "wechat-forward": wechat_forward,
    "laser-toner-low": laser_toner_low,
    "tilted-handheld": tilted_handheld,
    "multifunction-fax-in": multifunction_fax_in,
}
