"""The `mupdf` corpus's capture profiles: four ways a service hall receives a page, of
moderate severity (a careful clerk accepts each), deterministic from the page's seeded
Random, written as JPEG.

- handheld-smear: a phone held over the page in one hand: a slight perspective, a short
  motion blur in one direction, light falling off towards one corner, warm paper, sensor
  noise, about 230 ppi.
- sleeve-glare-band: a flatbed scan of the page left in its clear plastic sleeve: the
  sleeve's haze lowers the contrast and its reflection lays a soft bright band across the
  page at an angle; about 240 ppi, a fraction of a degree off square.
- adf-curl-200: a 200 ppi colour scan from a document feeder whose bottom edge curled on
  the way: the last rows squeezed and shaded, a little shear, cream paper.
- streaky-drum-copy: a grey photocopy from a copier with a worn drum: thin dark streaks
  and pale bands down the page, toner pushed darker, specks, skewed by about a degree,
  about 255 ppi."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("handheld-smear", "sleeve-glare-band", "adf-curl-200", "streaky-drum-copy")


def _gen(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def _scale(image: np.ndarray, f: float) -> np.ndarray:
    h, w = image.shape[:2]
    return cv2.resize(image, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA)


def _smooth(f: Callable[[np.ndarray, np.ndarray], np.ndarray], w: int, h: int) -> np.ndarray:
    """A smooth field over the page, f(x, y), worked out on a coarse grid and enlarged:
    shape (h, w, 1)."""
    ys, xs = np.linspace(0, h, h // 8 + 1), np.linspace(0, w, w // 8 + 1)
    coarse = f(xs[None, :], ys[:, None]).astype(np.float32)
    return cv2.resize(coarse, (w, h), interpolation=cv2.INTER_LINEAR)[..., None]


def _rotate(image: np.ndarray, degrees: float, fill: tuple[int, ...] | int) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(
        image, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill
    )


def handheld_smear(image: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    img: np.ndarray = _scale(image, rng.uniform(0.74, 0.8)).astype(np.float32)
    h, w = img.shape[:2]
    # warm paper under indoor light
    img = img * np.array([0.98, 0.95, 0.88], np.float32) + np.array([2, 1, -2], np.float32)
    # light falls off towards one corner
    cx, cy = rng.choice((0, w)), rng.choice((0, h))
    img *= _smooth(lambda xx, yy: 0.84 + 0.16 * np.hypot(xx - cx, yy - cy) / np.hypot(w, h), w, h)
    # a slight perspective: the phone not quite parallel to the page
    m = 0.035
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = src + np.array(
        [
            [rng.uniform(0, m) * w * s, rng.uniform(0, m) * h * t]
            for s, t in ((1, 1), (-1, 1), (-1, -1), (1, -1))
        ],
        np.float32,
    )
    img = cv2.warpPerspective(
        img, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=(88, 80, 72)
    )
    # a short motion blur in one direction (the hand moved as the shutter opened)
    length = rng.randint(4, 6)
    k = np.zeros((length * 2 + 1, length * 2 + 1), np.float32)
    a = rng.uniform(0, np.pi)
    for t in np.linspace(-length / 2, length / 2, length * 4):
        k[round(length + t * np.sin(a)), round(length + t * np.cos(a))] = 1
    img = cv2.filter2D(img, -1, k / k.sum())
    img += g.normal(0, 3.0, img.shape).astype(np.float32)
    return _jpeg(np.clip(img, 0, 255).astype(np.uint8), rng.randint(76, 84))


def sleeve_glare_band(image: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    img: np.ndarray = _scale(image, 0.8).astype(np.float32)
    h, w = img.shape[:2]
    # the sleeve's haze: blacks lift, whites dull a little
    img = img * 0.9 + 14
    # its reflection: a soft bright band across the page at an angle
    a = np.radians(rng.uniform(20, 70))
    centre, spread = rng.uniform(0.3, 0.7), rng.uniform(0.035, 0.06)
    lift = rng.uniform(0.28, 0.38)

    def band(xx: np.ndarray, yy: np.ndarray) -> np.ndarray:
        across = (xx * np.cos(a) + yy * np.sin(a)) / np.hypot(w, h)
        return lift * np.exp(-(((across - centre) / spread) ** 2))

    img = img + (255 - img) * _smooth(band, w, h)
    img = _rotate(img, rng.uniform(-0.4, 0.4), (250, 250, 250))
    img += g.normal(0, 2.0, img.shape).astype(np.float32)
    return _jpeg(np.clip(img, 0, 255).astype(np.uint8), rng.randint(82, 88))


def adf_curl_200(image: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    img: np.ndarray = _scale(image, 200 / 300).astype(np.float32)
    h, w = img.shape[:2]
    img = img * np.array([0.99, 0.97, 0.92], np.float32)  # cream paper
    # the bottom edge curled: the last rows squeezed towards the edge and shaded
    top = h * rng.uniform(0.86, 0.9)
    depth = h * rng.uniform(0.012, 0.02)
    ys = np.arange(h, dtype=np.float32)
    t = np.clip((ys - top) / (h - top), 0, 1)
    src_y = ys + depth * t**2  # read from further down: squeezed
    xs = np.arange(w, dtype=np.float32)
    shear = rng.uniform(-0.004, 0.004)
    map_x = (xs[None, :] + shear * (ys[:, None] - h / 2)).astype(np.float32)
    map_y = np.repeat(src_y[:, None], w, axis=1).astype(np.float32)
    img = cv2.remap(img, map_x, map_y, cv2.INTER_LINEAR, borderValue=(60, 60, 64))
    img *= (1 - 0.22 * t**1.5)[:, None, None]
    img += g.normal(0, 2.2, img.shape).astype(np.float32)
    return _jpeg(np.clip(img, 0, 255).astype(np.uint8), rng.randint(74, 82))


def streaky_drum_copy(image: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    grey: np.ndarray = cv2.cvtColor(_scale(image, 0.85), cv2.COLOR_RGB2GRAY).astype(np.float32)
    h, w = grey.shape
    # toner pushed darker, paper a light grey
    grey = 255 * (grey / 255) ** 1.25
    grey = grey * 0.93 + 6
    # the worn drum: thin dark streaks and pale bands down the page
    cols = np.zeros(w, np.float32)
    for _ in range(rng.randint(3, 6)):
        x, wide = rng.randrange(w), rng.randint(1, 3)
        cols[x : x + wide] -= rng.uniform(35, 70)
    for _ in range(rng.randint(1, 3)):
        x, wide = rng.randrange(w), rng.randint(20, 70)
        cols[x : x + wide] += rng.uniform(18, 32) * np.hanning(len(cols[x : x + wide]))
    along = 0.8 + 0.2 * np.sin(np.linspace(0, rng.uniform(3, 9), h))[:, None]
    grey = np.where(cols[None, :] > 0, grey + (255 - grey) * cols[None, :] / 255, grey)
    grey = grey + np.minimum(cols, 0)[None, :] * along
    # specks of stray toner
    n = rng.randint(150, 400)
    grey[g.integers(0, h, n), g.integers(0, w, n)] = g.uniform(40, 120, n)
    grey = _rotate(grey, rng.choice((-1, 1)) * rng.uniform(0.6, 1.2), 235)
    grey += g.normal(0, 2.5, grey.shape).astype(np.float32)
    return _jpeg(np.clip(grey, 0, 255).astype(np.uint8), rng.randint(72, 80))


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "handheld-smear": handheld_smear,
    "sleeve-glare-band": sleeve_glare_band,
    "adf-curl-200": adf_curl_200,
    "streaky-drum-copy": streaky_drum_copy,
}
