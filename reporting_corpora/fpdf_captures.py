"""The `fpdf` corpus's four captures of a 300 ppi page (RGB pixels in, JPEG bytes out),
deterministic from the page's random generator:

- mfp-gray-150: an office multifunction printer's scan-to-email default, 150 dpi grey,
  JPEG quality 70, a little toner speckle and a slightly lifted black;
- phone-shadow: a phone photo of the sheet on a desk, in perspective, lit from one side,
  the shadow of the phone and hand across a corner, slightly out of focus;
- folded-crease: a letter folded in three and flattened on a 200 dpi flatbed: two crease
  lines, slight skew, paper grain;
- thermal-fax: a faded thermal fax at 200 x 200 dpi: low contrast, grey ink, streaks
  along the feed, the printed head's uneven heat across the width.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

A4_MM = (210.0, 297.0)


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:  # pragma: no cover
        raise RuntimeError("JPEG encoding failed")
    return buf.tobytes()


def _at_dpi(image: np.ndarray, dpi: int, ppi: int = 300) -> np.ndarray:
    h, w = image.shape[:2]
    size = (round(w * dpi / ppi), round(h * dpi / ppi))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def _noise(rng: random.Random, shape: tuple[int, ...], sigma: float) -> np.ndarray:
    gen = np.random.default_rng(rng.getrandbits(64))
    return gen.normal(0.0, sigma, shape).astype(np.float32)


def mfp_gray_150(image: np.ndarray, rng: random.Random) -> bytes:
    grey: np.ndarray = cv2.cvtColor(_at_dpi(image, 150), cv2.COLOR_RGB2GRAY).astype(np.float32)
    black, white = rng.uniform(18, 40), rng.uniform(236, 248)
    grey = black + grey * (white - black) / 255.0
    grey += _noise(rng, grey.shape, 3.0)
    gen = np.random.default_rng(rng.getrandbits(64))
    specks = gen.random(grey.shape) < 0.0004
    grey[specks] = rng.uniform(60, 120)
    return _jpeg(np.clip(grey, 0, 255).astype(np.uint8), 70)


def phone_shadow(image: np.ndarray, rng: random.Random) -> bytes:
    h, w = image.shape[:2]
    # the sheet fills 80-88% of a photo the page's pixel size, on a wooden desk
    desk = np.empty_like(image)
    desk[:] = (rng.randint(120, 150), rng.randint(95, 115), rng.randint(70, 90))
    scale = rng.uniform(0.80, 0.88)
    cx, cy = w / 2 + rng.uniform(-0.03, 0.03) * w, h / 2 + rng.uniform(-0.03, 0.03) * h
    hw, hh = w * scale / 2, h * scale / 2
    j = 0.035
    dst = np.array(
        [
            [cx - hw * (1 - rng.uniform(0, j)), cy - hh * (1 - rng.uniform(0, j))],
            [cx + hw * (1 - rng.uniform(0, j)), cy - hh * (1 - rng.uniform(0, j))],
            [cx + hw * (1 + rng.uniform(0, j)), cy + hh * (1 + rng.uniform(0, j))],
            [cx - hw * (1 + rng.uniform(0, j)), cy + hh * (1 + rng.uniform(0, j))],
        ],
        np.float32,
    )
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    photo = cv2.warpPerspective(
        image, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_TRANSPARENT, dst=desk
    )
    # light from one side, falling off across the page, and a soft shadow over one
    # corner: a gain computed at an eighth of the size, smooth enough to scale up
    sh, sw = h // 8, w // 8
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    side = rng.choice((-1, 1))
    light = 0.78 + 0.2 * ((xx / sw if side > 0 else 1 - xx / sw) ** 0.8)
    light *= 0.95 + 0.05 * (1 - yy / sh)
    corner_x = 0 if rng.random() < 0.5 else sw
    r = rng.uniform(0.35, 0.5) * sw
    dist = np.sqrt((xx - corner_x) ** 2 + (yy - sh) ** 2)
    shadow = 1 - rng.uniform(0.25, 0.38) * np.clip((r - dist) / (0.25 * r), 0, 1)
    gain = cv2.resize(light * shadow, (w, h), interpolation=cv2.INTER_LINEAR)
    photo = photo.astype(np.float32) * gain[..., None]
    photo *= np.array([1.0, 0.98, 0.93], np.float32)  # warm indoor light
    out = np.clip(photo, 0, 255).astype(np.uint8)
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.9, 1.4))
    gen = np.random.default_rng(rng.getrandbits(64))
    grain = gen.integers(-4, 5, (h, w, 1), dtype=np.int16)
    out = np.clip(out.astype(np.int16) + grain, 0, 255).astype(np.uint8)
    return _jpeg(out, 85)


def folded_crease(image: np.ndarray, rng: random.Random) -> bytes:
    page: np.ndarray = _at_dpi(image, 200).astype(np.float32)
    h, w = page.shape[:2]
    # paper grain: low-frequency mottling and fine fibres
    gen = np.random.default_rng(rng.getrandbits(64))
    mottle: np.ndarray = gen.normal(0, 1, (h // 40 + 1, w // 40 + 1)).astype(np.float32)
    mottle = cv2.resize(cv2.GaussianBlur(mottle, (0, 0), 1.5), (w, h))
    page *= (1 + 0.03 * mottle)[..., None]
    page += _noise(rng, (h, w, 1), 2.5)
    page *= np.array([0.965, 0.955, 0.92], np.float32)  # off-white, slightly yellowed
    # two creases across the page at about a third and two thirds, each a thin shadow
    # beside a thin highlight
    yy = np.arange(h, dtype=np.float32)[:, None]
    xx = np.arange(w, dtype=np.float32)[None, :]
    for third in (1 / 3, 2 / 3):
        y0 = h * (third + rng.uniform(-0.015, 0.015))
        slope = rng.uniform(-0.006, 0.006)
        d = yy - (y0 + slope * (xx - w / 2))
        dark = 1 - rng.uniform(0.18, 0.3) * np.exp(-((d / 2.2) ** 2))
        bright = 1 + 0.05 * np.exp(-(((d - 6) / 5) ** 2))
        page *= (dark * bright)[..., None]
    angle = rng.uniform(0.4, 1.2) * rng.choice((-1, 1))
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    page = cv2.warpAffine(
        page, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(235.0, 233.0, 228.0)
    )
    return _jpeg(np.clip(page, 0, 255).astype(np.uint8), 88)


def thermal_fax(image: np.ndarray, rng: random.Random) -> bytes:
    grey: np.ndarray = cv2.cvtColor(_at_dpi(image, 200), cv2.COLOR_RGB2GRAY).astype(np.float32)
    h, w = grey.shape
    grey = cv2.GaussianBlur(grey, (0, 0), 0.7)
    ink, paper = rng.uniform(85, 110), rng.uniform(205, 222)
    grey = ink + grey * (paper - ink) / 255.0
    # the head runs hotter in the middle: darker ink there, fading to the edges
    xx = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
    fade = rng.uniform(10, 22) * xx**2
    grey = grey + fade * (paper - grey) / (paper - ink)
    # streaks along the feed (down the page)
    gen = np.random.default_rng(rng.getrandbits(64))
    cols = gen.random((w,)) < 0.01
    grey[:, cols] += gen.uniform(8, 22, int(cols.sum())).astype(np.float32)
    rows = gen.random((h,)) < 0.004
    grey[rows, :] -= gen.uniform(5, 15, int(rows.sum()))[:, None].astype(np.float32)
    grey += _noise(rng, grey.shape, 4.0)
    return _jpeg(np.clip(grey, 0, 255).astype(np.uint8), 80)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "mfp-gray-150": mfp_gray_150,
    "phone-shadow": phone_shadow,
    "folded-crease": folded_crease,
    "thermal-fax": thermal_fax,
}
CAPTURES = tuple(PROFILES)
