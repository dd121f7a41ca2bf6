"""The `latex` corpus's capture profiles: what a service hall's devices make of a clean 300
ppi page (BGR), deterministic from the Random handed in, written as JPEG or PNG bytes.

- doccam-200-uneven: a document camera over the counter, 200 ppi greyscale, light falling
  off from one corner, a little soft;
- bilevel-300-speckle: a 300 ppi black-and-white scan weighing red heavily (seals half
  dropped out), threshold a little high, speckle and a few dropped pixels (PNG);
- phone-tilt-jpeg: a phone photo, mild perspective and a turn of at most 3 degrees, warm
  light, sensor noise, JPEG quality 72;
- faded-copy-streaks: a photocopy with tired toner, faded ink and grey paper, vertical
  streaks from a dirty drum, scanned greyscale at 240 ppi."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np


def _np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return data.tobytes()


def _scale(image: np.ndarray, k: float) -> np.ndarray:
    return cv2.resize(image, None, fx=k, fy=k, interpolation=cv2.INTER_AREA)


def doccam_200_uneven(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np_rng(rng)
    grey = cv2.cvtColor(_scale(image, 200 / 300), cv2.COLOR_BGR2GRAY).astype(np.float32)
    h, w = grey.shape
    cx, cy = rng.choice((0, w)), rng.choice((0, h))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dist = np.hypot(xx - cx, yy - cy) / np.hypot(w, h)
    light = 1.0 - rng.uniform(0.18, 0.28) * dist**1.5
    curved = 255 * (grey / 255) ** 1.6  # the camera's contrast curve: strokes stay dark
    out = curved * light * rng.uniform(0.93, 0.98) + rng.uniform(4, 10)
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.45, 0.65))
    out += g.normal(0, 2.5, out.shape).astype(np.float32)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 82)


def bilevel_300_speckle(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np_rng(rng)
    # the scanner's grey weighs red heavily (a partial red drop-out): seals come out speckled
    b, g_, r = (image[..., i].astype(np.float32) for i in range(3))
    grey = 0.12 * b + 0.33 * g_ + 0.55 * r
    noise = np.asarray(g.normal(0, 6, grey.shape), dtype=np.float32)
    noisy = np.asarray(cv2.GaussianBlur(grey, (0, 0), 0.7), dtype=np.float32) + noise
    bw = np.where(noisy < rng.uniform(150, 175), 0, 255).astype(np.uint8)
    speckle = g.random(bw.shape) < rng.uniform(0.0006, 0.0012)
    bw[speckle] = 0
    dropped = g.random(bw.shape) < 0.01
    bw[dropped] = 255
    ok, data = cv2.imencode(".png", bw, [cv2.IMWRITE_PNG_BILEVEL, 1])
    assert ok
    return data.tobytes()


def phone_tilt_jpeg(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np_rng(rng)
    small = _scale(image, rng.uniform(0.78, 0.86))
    h, w = small.shape[:2]
    pad = int(0.04 * max(h, w))
    canvas = cv2.copyMakeBorder(small, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=(58, 64, 72))
    H, W = canvas.shape[:2]
    corners = [[pad, pad], [pad + w, pad], [pad + w, pad + h], [pad, pad + h]]
    src = np.array(corners, dtype=np.float32)
    j = 0.012 * max(w, h)
    moves = [[rng.uniform(-j, j), rng.uniform(-j, j)] for _ in range(4)]
    dst = src + np.array(moves, dtype=np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    turn = cv2.getRotationMatrix2D((W / 2, H / 2), rng.uniform(-3, 3), 1.0)
    m = np.vstack([turn, [0, 0, 1]]) @ m
    desk = (58, 64, 72)
    warped = cv2.warpPerspective(
        canvas, m, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=desk
    )
    warm = np.array([0.86, 0.95, 1.02], dtype=np.float32)
    lit = warped.astype(np.float32) * warm + 6  # warm light
    out = np.asarray(cv2.GaussianBlur(lit, (0, 0), rng.uniform(0.7, 1.0)), dtype=np.float32)
    out += g.normal(0, 3.5, out.shape).astype(np.float32)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 72)


def faded_copy_streaks(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np_rng(rng)
    grey = cv2.cvtColor(_scale(image, 240 / 300), cv2.COLOR_BGR2GRAY).astype(np.float32)
    h, w = grey.shape
    paper = rng.uniform(220, 232)
    ink = rng.uniform(45, 70)
    out = ink + (paper - ink) * grey / 255.0
    cols = np.zeros(w, np.float32)
    for _ in range(rng.randint(3, 7)):
        x, width = rng.randrange(w), rng.randint(2, 14)
        cols[x : x + width] += rng.uniform(-22, 14)
    out += cols[None, :]
    out += (
        cv2.GaussianBlur(g.normal(0, 6, (h // 8 + 1, w // 8 + 1)).astype(np.float32), (0, 0), 2)[
            : h // 8 + 1, : w // 8 + 1
        ]
        .repeat(8, 0)
        .repeat(8, 1)[:h, :w]
    )
    out += g.normal(0, 3, out.shape).astype(np.float32)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 85)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "doccam-200-uneven": doccam_200_uneven,
    "bilevel-300-speckle": bilevel_300_speckle,
    "phone-tilt-jpeg": phone_tilt_jpeg,
    "faded-copy-streaks": faded_copy_streaks,
}
CAPTURES = tuple(PROFILES)
