"""The `qt` corpus's capture simulations, each deterministic from the page's rng and
returning JPEG bytes: `kiosk-camera` (a service-hall kiosk's overhead camera: barrel
distortion, uneven LED light), `receipt-thermal` (faded thermal-style grey),
`bent-book` (the page curving and darkening near its bound edge), `fax-relay` (a fax of
a fax: two passes of 200×100 dpi thresholding with a little skew between them)."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("kiosk-camera", "receipt-thermal", "bent-book", "fax-relay")


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(32))


def _jpeg(img: np.ndarray, quality: int) -> bytes:
    if img.ndim == 3:
        img = cv2.cvtColor(img, cv2.COLOR_RGB2BGR)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return buf.tobytes()


def _scale(img: np.ndarray, f: float) -> np.ndarray:
    return cv2.resize(img, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)


def kiosk_camera(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    page = _scale(img, 0.62)  # ~186 ppi on the page
    h, w = page.shape[:2]
    pad = int(0.06 * w)
    frame = np.full((h + 2 * pad, w + 2 * pad, 3), (58, 62, 66), np.uint8)
    frame[pad : pad + h, pad : pad + w] = page
    fh, fw = frame.shape[:2]
    # barrel distortion about a centre a little off the frame's
    cx, cy = fw / 2 + g.uniform(-30, 30), fh / 2 + g.uniform(-30, 30)
    k = g.uniform(0.04, 0.08)
    ys, xs = np.mgrid[0:fh, 0:fw].astype(np.float32)
    nx, ny = (xs - cx) / (fw / 2), (ys - cy) / (fh / 2)
    r2 = nx * nx + ny * ny
    factor = 1 + k * r2
    map_x = (cx + nx * factor * (fw / 2)).astype(np.float32)
    map_y = (cy + ny * factor * (fh / 2)).astype(np.float32)
    out = cv2.remap(frame, map_x, map_y, cv2.INTER_LINEAR, borderValue=(40, 42, 45))
    # uneven LED light: two or three hot spots and a fall-off to the corners
    light = np.full((fh, fw), 0.78, np.float32) - 0.18 * r2
    for _ in range(g.integers(2, 4)):
        lx, ly = g.uniform(0.2, 0.8) * fw, g.uniform(0.1, 0.9) * fh
        s = g.uniform(0.15, 0.3) * fw
        light += 0.25 * np.exp(-((xs - lx) ** 2 + (ys - ly) ** 2) / (2 * s * s))
    tint = np.array([1.0, 0.99, g.uniform(1.0, 1.06)], np.float32)  # a cool LED
    lit = out.astype(np.float32) * np.clip(light, 0.4, 1.15)[..., None] * tint
    lit = cv2.GaussianBlur(lit, (0, 0), g.uniform(0.6, 1.1))
    lit += g.normal(0, 3.0, lit.shape).astype(np.float32)
    return _jpeg(np.clip(lit, 0, 255).astype(np.uint8), 82)


def receipt_thermal(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    grey = cv2.cvtColor(_scale(img, 2 / 3), cv2.COLOR_RGB2GRAY).astype(np.float32)
    h, w = grey.shape
    ink = 255 - grey
    # the print has faded: ink at 45-65% strength, weaker in bands along the feed
    fade = g.uniform(0.45, 0.65)
    band = 1 - 0.25 * np.abs(np.sin(np.linspace(0, g.uniform(3, 7) * np.pi, h) + g.uniform(0, 3)))
    ink *= fade * band[:, None].astype(np.float32)
    paper = 236 + g.normal(0, 2.5, (h, w)).astype(np.float32)
    faded = cv2.GaussianBlur(paper - ink * (paper / 255), (0, 0), 0.7)
    return _jpeg(np.clip(faded, 0, 255).astype(np.uint8), 80)


def bent_book(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    page = _scale(img, 0.75)
    h, w = page.shape[:2]
    gutter = int(g.uniform(0.12, 0.2) * w)  # the curve takes this much of the left edge
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    t = np.clip((gutter - xs) / gutter, 0, 1)  # 1 at the bound edge, 0 where flat
    lift = g.uniform(25, 45) * t**2  # the page rises into the gutter
    map_x = xs - 0.6 * lift * t
    map_y = ys + lift * ((ys - h / 2) / (h / 2)) * 0.5
    out = cv2.remap(page, map_x, map_y, cv2.INTER_LINEAR, borderValue=(90, 85, 80))
    shade = 1 - g.uniform(0.35, 0.55) * t**1.5
    warm = np.array([1.0, 0.97, 0.9], np.float32)
    out = out.astype(np.float32) * shade[..., None] * warm
    out += g.normal(0, 2.0, out.shape).astype(np.float32)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 84)


def _fax_pass(grey: np.ndarray, g: np.random.Generator, h: int, w: int) -> np.ndarray:
    # 200 × 100 dpi, thresholded, a little skew, specks; back to 200 × 200
    angle = g.uniform(-0.6, 0.6)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    grey = cv2.warpAffine(grey, m, (w, h), borderValue=255)
    low = cv2.resize(grey, (w, h // 2), interpolation=cv2.INTER_AREA)
    bw = np.where(low < g.uniform(150, 175), 0, 255).astype(np.uint8)
    specks = g.random(bw.shape) < 0.0008
    bw[specks] = 255 - bw[specks]
    return cv2.resize(bw, (w, h), interpolation=cv2.INTER_NEAREST)


def fax_relay(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    grey = cv2.cvtColor(_scale(img, 2 / 3), cv2.COLOR_RGB2GRAY)
    h, w = grey.shape
    first = _fax_pass(grey, g, h, w)
    second = _fax_pass(cv2.GaussianBlur(first, (0, 0), 0.9), g, h, w)
    return _jpeg(second, 75)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "kiosk-camera": kiosk_camera,
    "receipt-thermal": receipt_thermal,
    "bent-book": bent_book,
    "fax-relay": fax_relay,
}
