"""The `svg` corpus's four capture profiles: how a service-hall clerk gets the page.

- overhead-visualizer: the counter's overhead document camera (高拍仪): about 210 ppi,
  a slight keystone, light falling off towards the corners, a warm cast, the desk around.
- toner-saver: printed in toner-saving mode and scanned grey at 300 ppi: pale strokes,
  faint banding across the feed, a small tilt.
- scan-to-mail-bw: a multifunction printer's black-and-white scan to e-mail at 200 ppi,
  greys (the red seal) dithered, a few specks, a small tilt.
- clipboard-photo: a phone photo of the sheet on a clipboard: rotated a degree or two,
  the clip's shadow across the top, light from one side, sensor noise.

Deterministic from the page's random.Random; JPEG out."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("overhead-visualizer", "toner-saver", "scan-to-mail-bw", "clipboard-photo")


def _gen(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return buf.tobytes()


def _rotate(image: np.ndarray, degrees: float, fill: int | tuple[int, int, int]) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    border = fill if isinstance(fill, tuple) else (fill, fill, fill)
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def _noise(image: np.ndarray, g: np.random.Generator, sigma: float) -> np.ndarray:
    return np.clip(image.astype(np.float32) + g.normal(0, sigma, image.shape), 0, 255).astype(
        np.uint8
    )


def overhead_visualizer(page: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    scale = rng.uniform(0.68, 0.72)
    small = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = small.shape[:2]
    margin = int(w * 0.06)
    H, W = h + 2 * margin, w + 2 * margin
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    jitter = g.uniform(-0.012, 0.012, (4, 2)) * [w, h]
    dst = (src + margin + jitter).astype(np.float32)
    dst[0] += [w * 0.008, 0]  # top edge a little narrower: the camera leans over the desk
    dst[1] -= [w * 0.008, 0]
    m = cv2.getPerspectiveTransform(src, dst)
    desk = (96, 104, 112)
    out = cv2.warpPerspective(small, m, (W, H), flags=cv2.INTER_LINEAR, borderValue=desk)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = W * rng.uniform(0.4, 0.6), H * rng.uniform(0.35, 0.55)
    r = np.sqrt(((xx - cx) / W) ** 2 + ((yy - cy) / H) ** 2)
    light = 1.0 - 0.22 * np.clip(r / 0.7, 0, 1) ** 2
    cast = np.array([0.93, 0.98, 1.0], np.float32)  # BGR: warm
    img = out.astype(np.float32) * light[..., None] * cast
    img = cv2.GaussianBlur(img, (0, 0), 0.7)
    return _jpeg(_noise(np.clip(img, 0, 255).astype(np.uint8), g, 2.5), 82)


def toner_saver(page: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY).astype(np.float32)
    strength = rng.uniform(0.58, 0.68)
    gray = 255 - (255 - gray) * strength
    h, w = gray.shape
    rows = np.arange(h, dtype=np.float32)
    bands = 1.0 + 0.05 * np.sin(rows / rng.uniform(40, 90) + rng.uniform(0, 6))
    gray = 255 - (255 - gray) * bands[:, None]
    gray += 6 * (1 - np.cos(np.linspace(0, 2 * np.pi, w, dtype=np.float32)))[None, :] * -0.5
    img = np.clip(gray, 0, 255).astype(np.uint8)
    img = _rotate(img, rng.uniform(-0.6, 0.6), 250)
    img = cv2.GaussianBlur(img, (0, 0), 0.6)
    return _jpeg(_noise(img, g, 3.0), 88)


BAYER = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], np.float32)


def scan_to_mail_bw(page: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    gray = _rotate(gray, rng.uniform(-0.45, 0.45), 255)
    small = cv2.resize(gray, None, fx=2 / 3, fy=2 / 3, interpolation=cv2.INTER_AREA).astype(
        np.float32
    )
    h, w = small.shape
    small += g.normal(0, 4, small.shape)
    lo, hi = 95.0, 205.0
    level = np.clip((small - lo) / (hi - lo), 0, 1)  # 0 black .. 1 white
    tiles = np.tile(BAYER, (h // 4 + 1, w // 4 + 1))[:h, :w]
    bw = np.where(level * 16 > tiles + 0.5, 255, 0).astype(np.uint8)
    specks = g.random((h, w)) < 0.00015
    bw[specks] = 0
    return _jpeg(bw, 90)


def clipboard_photo(page: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    scale = rng.uniform(0.74, 0.8)
    small = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = small.shape[:2]
    pad_x, pad_top, pad_bottom = int(w * 0.07), int(h * 0.07), int(h * 0.04)
    H, W = h + pad_top + pad_bottom, w + 2 * pad_x
    board = np.empty((H, W, 3), np.float32)
    board[:] = (60, 92, 128)  # brown hardboard, BGR
    board += g.normal(0, 6, (H, 1, 1)).astype(np.float32)  # grain along the board
    board[pad_top : pad_top + h, pad_x : pad_x + w] = small
    # the clip and its shadow across the top of the sheet
    clip_w = int(w * 0.32)
    x0 = pad_x + (w - clip_w) // 2
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    shadow_depth = pad_top + int(h * 0.035)
    inside = (xx > x0 - 40) & (xx < x0 + clip_w + 40) & (yy < shadow_depth + 50)
    fall = np.clip((shadow_depth + 50 - yy) / 90, 0, 1)
    board[inside] *= (1 - 0.35 * fall[inside])[:, None]
    board[: pad_top + int(h * 0.025), x0 : x0 + clip_w] = (168, 170, 172)  # steel
    img = _rotate(np.clip(board, 0, 255).astype(np.uint8), rng.uniform(-2.0, 2.0), (40, 60, 80))
    side = np.linspace(rng.uniform(0.8, 0.88), 1.02, W, dtype=np.float32)
    if rng.random() < 0.5:
        side = side[::-1]
    img = img.astype(np.float32) * side[None, :, None]
    img = cv2.GaussianBlur(img, (0, 0), 0.9)
    return _jpeg(_noise(np.clip(img, 0, 255).astype(np.uint8), g, 4.0), 78)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "overhead-visualizer": overhead_visualizer,
    "toner-saver": toner_saver,
    "scan-to-mail-bw": scan_to_mail_bw,
    "clipboard-photo": clipboard_photo,
}
