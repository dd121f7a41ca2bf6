"""The `coverage` corpus's four capture profiles: how a service hall receives the paper.
Each takes the clean page (BGR, 300 ppi) and a seeded Random and returns encoded bytes.

- `mfp-sepia-220`: an office multifunction printer's colour scan at 220 ppi of a page
  gone slightly yellow, a little skewed on the glass, the lid's grey edge in a corner,
  JPEG quality 70.
- `phone-overhead-cool`: a phone held over the page on a grey counter: perspective, cool
  white balance, light falling off towards one side, a little defocus and sensor noise,
  JPEG quality 82.
- `bilevel-ccitt-200`: a black-and-white 200 ppi scan (a fixed threshold after a slight
  blur, so strokes come out ragged; red ink thresholded like any other), specks, PNG.
- `archive-rescan-150`: an archive's grey 150 ppi rescan of an old copy: lower contrast,
  grey paper with toner dust, the shadow of two binder holes at the left, JPEG quality 58.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np


def _rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(1 << 32))


def _scale(img: np.ndarray, ppi: float) -> np.ndarray:
    f = ppi / 300
    return cv2.resize(
        img, (round(img.shape[1] * f), round(img.shape[0] * f)), interpolation=cv2.INTER_AREA
    )


def _rotate(img: np.ndarray, deg: float, fill: tuple[float, ...]) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def _jpeg(img: np.ndarray, q: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, q])
    assert ok
    return buf.tobytes()


def mfp_sepia(img: np.ndarray, rng: random.Random) -> bytes:
    g = _rng(rng)
    out: np.ndarray = _scale(img, 220).astype(np.float32)
    # aged paper: warm tint, slightly lower white
    tint = np.array([rng.uniform(0.84, 0.9), rng.uniform(0.93, 0.97), 1.0], np.float32)
    out = 255 - (255 - out) * rng.uniform(0.92, 1.0)
    out = out * tint
    out = _rotate(out, rng.uniform(-0.8, 0.8), (225, 232, 236))
    _h, w = out.shape[:2]
    # the lid's edge in a corner
    e = rng.randint(8, 22)
    if rng.random() < 0.5:
        out[:e, :] *= 0.55
    else:
        out[:, w - e :] *= 0.55
    out += g.normal(0, 2.2, out.shape).astype(np.float32)
    out = cv2.GaussianBlur(out, (0, 0), 0.55)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 70)


def phone_overhead(img: np.ndarray, rng: random.Random) -> bytes:
    g = _rng(rng)
    page = _scale(img, 190)
    ph, pw = page.shape[:2]
    bw, bh = int(pw * 1.12), int(ph * 1.08)
    m = 0.04
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    jit = lambda: rng.uniform(-m, m)  # noqa: E731
    dst = np.array(
        [
            [bw * (0.05 + jit() / 2), bh * (0.03 + jit() / 2)],
            [bw * (0.95 + jit() / 2), bh * (0.03 + jit() / 2)],
            [bw * (0.96 + jit() / 2), bh * (0.97 + jit() / 2)],
            [bw * (0.04 + jit() / 2), bh * (0.97 + jit() / 2)],
        ],
        np.float32,
    )
    mat = cv2.getPerspectiveTransform(src, dst)
    desk = np.array([rng.uniform(95, 120)] * 3, np.float32) + np.array([6, 0, -4], np.float32)
    out: np.ndarray = cv2.warpPerspective(
        page, mat, (bw, bh), flags=cv2.INTER_LINEAR, borderValue=tuple(float(v) for v in desk)
    ).astype(np.float32)
    # cool white balance, light falling off across the page
    out *= np.array([1.0, rng.uniform(0.97, 0.99), rng.uniform(0.91, 0.94)], np.float32)
    grid: np.ndarray = np.mgrid[0:bh, 0:bw].astype(np.float32)
    yy, xx = grid[0], grid[1]
    ang = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(ang) * (xx / bw - 0.5) + np.sin(ang) * (yy / bh - 0.5)) * 2
    light = 0.9 - 0.09 * ramp - 0.08 * ((xx / bw - 0.5) ** 2 + (yy / bh - 0.5) ** 2)
    out *= light[..., None]
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.7, 1.0))
    out += g.normal(0, 3.5, out.shape).astype(np.float32)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 82)


def bilevel(img: np.ndarray, rng: random.Random) -> bytes:
    g = _rng(rng)
    gray: np.ndarray = cv2.cvtColor(_scale(img, 200), cv2.COLOR_BGR2GRAY).astype(np.float32)
    gray = _rotate(gray, rng.uniform(-0.5, 0.5), (250,))
    gray = cv2.GaussianBlur(gray, (0, 0), 0.5) + g.normal(0, 5, gray.shape).astype(np.float32)
    out = np.where(gray < rng.uniform(150, 165), 0, 255).astype(np.uint8)
    h, w = out.shape
    n = int(h * w * 2e-5)
    ys, xs = g.integers(0, h, n), g.integers(0, w, n)
    out[ys, xs] = 0
    ok, buf = cv2.imencode(".png", out, [cv2.IMWRITE_PNG_BILEVEL, 1])
    assert ok
    return buf.tobytes()


def archive_rescan(img: np.ndarray, rng: random.Random) -> bytes:
    g = _rng(rng)
    gray: np.ndarray = cv2.cvtColor(_scale(img, 150), cv2.COLOR_BGR2GRAY).astype(np.float32)
    gray = cv2.GaussianBlur(gray, (0, 0), 0.5)
    # a copy of a copy: ink greyer, paper greyer
    paper = rng.uniform(212, 226)
    gray = 30 + (gray / 255) * (paper - 30)
    h, w = gray.shape
    # binder holes' shadows at the left margin
    for cy in (h * 0.3, h * 0.7):
        cv2.circle(
            gray, (int(w * 0.04), int(cy)), int(w * 0.018), float(paper * 0.45), -1, cv2.LINE_AA
        )
    gray = _rotate(gray, rng.uniform(-1.0, 1.0), (paper * 0.9,))
    n = int(h * w * 4e-5)
    ys, xs = g.integers(0, h, n), g.integers(0, w, n)
    gray[ys, xs] *= 0.55
    gray += g.normal(0, 3, gray.shape).astype(np.float32)
    return _jpeg(np.clip(gray, 0, 255).astype(np.uint8), 58)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "mfp-sepia-220": mfp_sepia,
    "phone-overhead-cool": phone_overhead,
    "bilevel-ccitt-200": bilevel,
    "archive-rescan-150": archive_rescan,
}
CAPTURES = tuple(PROFILES)
