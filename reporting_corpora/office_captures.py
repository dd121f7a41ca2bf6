"""Capture profiles of the `office` corpus, its own: how a printed hall form reaches the
counter. Each takes the clean page (RGB, 300 dpi) and returns JPEG bytes; every word stays
readable to a clerk.

- desk-lamp-photo: a phone photo (8 MP) of the sheet on a wooden desk under a warm lamp
  standing at one corner: light falling off across the page, slight perspective, soft
  focus, sensor noise.
- archive-microfilm: a print from microfilm: grey, low contrast, film grain, a dark film
  edge, vignetting and a few fine scratches, 200 dpi.
- duplex-bleed: a colour scan (200 dpi) of thin paper printed on both sides: the back
  page's print shows through, mirrored and blurred; slight skew.
- high-speed-adf-300: a production document feeder at 300 dpi grey: skew, the page
  stretched by the rollers, a dust streak down the feed direction, a shadow at the
  leading edge, JPEG at a low quality.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

CAPTURES = ("desk-lamp-photo", "archive-microfilm", "duplex-bleed", "high-speed-adf-300")


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return data.tobytes()


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def _resize(image: np.ndarray, scale: float) -> np.ndarray:
    h, w = image.shape[:2]
    return cv2.resize(image, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)


def _rotate(image: np.ndarray, degrees: float, fill: tuple[int, ...] | int) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(
        image, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill
    )


def desk_lamp_photo(page: np.ndarray, rng: random.Random) -> bytes:
    # 8-bit images throughout and slowly varying fields worked out small: an 8 MP float
    # image costs a second of page faults each time it is made on some hosts
    gen = _np(rng)
    h, w = page.shape[:2]
    out_w, out_h = (2448, 3264) if h >= w else (3264, 2448)
    scale = min(out_w / w, out_h / h) * rng.uniform(0.84, 0.9)
    sheet = _resize(page, scale)
    sh, sw = sheet.shape[:2]
    # the desk: brown wood grain running across
    grain = gen.normal(0, 1, (out_h // 40, 8, 1)).astype(np.float32)
    wood = np.array([96, 66, 42], np.float32) + np.array([14, 10, 7], np.float32) * grain
    photo = cv2.resize(np.clip(wood, 0, 255).astype(np.uint8), (out_w, out_h))
    x0, y0 = (out_w - sw) / 2, (out_h - sh) / 2
    j = 0.018
    corners = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    target = np.array(
        [[x0 + gen.uniform(-j, j) * out_w, y0 + gen.uniform(-j, j) * out_h],
         [x0 + sw + gen.uniform(-j, j) * out_w, y0 + gen.uniform(-j, j) * out_h],
         [x0 + sw + gen.uniform(-j, j) * out_w, y0 + sh + gen.uniform(-j, j) * out_h],
         [x0 + gen.uniform(-j, j) * out_w, y0 + sh + gen.uniform(-j, j) * out_h]],
        np.float32,
    )  # fmt: skip
    m = cv2.getPerspectiveTransform(corners, target)
    cv2.warpPerspective(
        sheet, m, (out_w, out_h), dst=photo, flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_TRANSPARENT,
    )  # fmt: skip
    # the lamp: warm light from one top corner, falling off across the desk
    lx, ly = rng.choice((-0.1, 1.1)), rng.uniform(-0.15, 0.1)
    gy, gx = (64, 48) if out_h > out_w else (48, 64)
    yy, xx = np.mgrid[0 : 1 : gy * 1j, 0 : 1 : gx * 1j].astype(np.float32)
    dist = np.sqrt(((xx - lx) * out_w) ** 2 + ((yy - ly) * out_h) ** 2) / np.hypot(out_w, out_h)
    light = np.clip(1.08 - rng.uniform(0.32, 0.42) * dist, 0.55, 1.05)
    warm = (1.0, rng.uniform(0.88, 0.92), rng.uniform(0.70, 0.76))
    gain = np.stack([light * k * 200 for k in warm], -1).astype(np.uint8)
    lit = cv2.multiply(photo, cv2.resize(gain, (out_w, out_h)), scale=1 / 200)
    lit = cv2.GaussianBlur(lit, (0, 0), rng.uniform(0.7, 1.0))
    grain16 = gen.normal(0, 3.5, (out_h // 2, out_w // 2, 3)).astype(np.int16)
    noise = cv2.resize(grain16, (out_w, out_h), interpolation=cv2.INTER_NEAREST)
    return _jpeg(cv2.add(lit, noise, dtype=cv2.CV_8U), rng.randint(80, 86))


def archive_microfilm(page: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    grey = cv2.cvtColor(_resize(page, 200 / 300), cv2.COLOR_RGB2GRAY).astype(np.float32)
    h, w = grey.shape
    ink, paper = rng.uniform(62, 78), rng.uniform(188, 202)
    film: NDArray[Any] = np.asarray(
        cv2.GaussianBlur(ink + grey / 255 * (paper - ink), (0, 0), rng.uniform(0.8, 1.0)),
        np.float32,
    )
    # grain in clumps a little larger than a pixel
    clumps = gen.normal(0, 1, (h // 2, w // 2)).astype(np.float32)
    film += 7 * cv2.resize(clumps, (w, h), interpolation=cv2.INTER_LINEAR)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r = np.sqrt(((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2)
    film *= 1 - 0.14 * np.clip(r - 0.5, 0, 1)
    for _ in range(rng.randint(2, 4)):  # fine scratches along the film
        x = rng.randrange(w)
        film[:, x : x + 1] = np.minimum(film[:, x : x + 1] + rng.uniform(18, 30), 235)
    edge = rng.randint(18, 34)  # the dark edge of the frame
    film[:edge] = film[:edge] * 0.35
    film[-edge:] = film[-edge:] * 0.35
    film = _rotate(film, rng.uniform(-0.5, 0.5), 40)
    return _jpeg(np.clip(film, 0, 255).astype(np.uint8), rng.randint(68, 76))


def duplex_bleed(page: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    front = _resize(page, 200 / 300).astype(np.float32)
    # the back page: this page's print, mirrored, shifted, blurred through the paper
    back = cv2.flip(cv2.cvtColor(front.astype(np.uint8), cv2.COLOR_RGB2GRAY), 1)
    back = np.roll(back, (rng.randint(-90, 90), rng.randint(-40, 40)), axis=(0, 1))
    back = cv2.GaussianBlur(back.astype(np.float32), (0, 0), rng.uniform(1.8, 2.6))
    show = (255 - back) / 255 * rng.uniform(0.13, 0.19)
    paper = np.array([rng.uniform(244, 250), rng.uniform(241, 247), rng.uniform(232, 240)])
    scan = front / 255 * paper.astype(np.float32)
    scan *= (1 - show)[..., None]
    scan += gen.normal(0, 2.2, scan.shape).astype(np.float32)
    scan = _rotate(scan, rng.uniform(-0.6, 0.6), (250, 250, 250))
    return _jpeg(np.clip(scan, 0, 255).astype(np.uint8), rng.randint(78, 84))


def high_speed_adf_300(page: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    grey = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY).astype(np.float32)
    h, w = grey.shape
    stretched = cv2.resize(grey, (w, round(h * rng.uniform(1.005, 1.015))))[:h]
    scan = cv2.GaussianBlur(stretched, (0, 0), 0.6) * rng.uniform(0.95, 0.98)
    for _ in range(rng.randint(1, 2)):  # dust on the glass: a streak down the page
        x = rng.randrange(w // 10, w - w // 10)
        scan[:, x : x + rng.randint(1, 3)] -= rng.uniform(35, 60)
    lead = rng.randint(10, 24)  # the leading edge's shadow
    scan[:lead] *= np.linspace(0.45, 1.0, lead, dtype=np.float32)[:, None]
    scan += gen.normal(0, 2.5, scan.shape).astype(np.float32)
    scan = _rotate(scan, rng.uniform(0.3, 1.0) * rng.choice((-1, 1)), 235)
    return _jpeg(np.clip(scan, 0, 255).astype(np.uint8), rng.randint(62, 70))


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "desk-lamp-photo": desk_lamp_photo,
    "archive-microfilm": archive_microfilm,
    "duplex-bleed": duplex_bleed,
    "high-speed-adf-300": high_speed_adf_300,
}
