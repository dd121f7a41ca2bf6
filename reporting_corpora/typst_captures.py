"""Capture profiles of the `typst` reporting corpus: what becomes of a clean 300 ppi page
(a BGR array) on its way into the hall's intake, as JPEG bytes. Each keeps the page's
proportions: `flatbed-200` and `fax-fine` come out at 200 dpi, `phone-angle` and
`copy-of-copy` at the page's 300 ppi size."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("flatbed-200", "phone-angle", "fax-fine", "copy-of-copy")


def _noise_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return data.tobytes()


def _at_dpi(image: np.ndarray, dpi: int) -> np.ndarray:
    h, w = image.shape[:2]
    return cv2.resize(
        image, (round(w * dpi / 300), round(h * dpi / 300)), interpolation=cv2.INTER_AREA
    )


def _rotate(
    image: np.ndarray, degrees: float, shift: tuple[float, float], fill: tuple[float, ...]
) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    m[:, 2] += np.array(shift)
    return cv2.warpAffine(
        image, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill
    )


def flatbed_200(image: np.ndarray, rng: random.Random) -> bytes:
    """A flatbed scan at 200 dpi: the sheet a little askew on the glass, off-white paper,
    the sensor's slight softness and noise."""
    noise = _noise_rng(rng)
    page: np.ndarray = _at_dpi(image, 200).astype(np.float32)
    paper = np.array([rng.uniform(228, 240), rng.uniform(236, 244), rng.uniform(240, 248)])
    page = page * (paper / 255.0)
    page = _rotate(
        page,
        rng.uniform(-0.7, 0.7),
        (rng.uniform(-6, 6), rng.uniform(-6, 6)),
        (250.0, 250.0, 250.0),
    )
    page = cv2.GaussianBlur(page, (0, 0), 0.55)
    page += noise.normal(0, 2.5, page.shape).astype(np.float32)
    return _jpeg(np.clip(page, 0, 255).astype(np.uint8), 90)


def phone_angle(image: np.ndarray, rng: random.Random) -> bytes:
    """A phone photo held at an angle over a desk: the page a quadrilateral on a darker
    ground, lit more on one side than the other, a little out of focus, warm light."""
    noise = _noise_rng(rng)
    h, w = image.shape[:2]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)

    def inset(a: float, b: float) -> float:
        return rng.uniform(a, b)

    dst = np.array(
        [
            [w * inset(0.03, 0.09), h * inset(0.02, 0.07)],
            [w * (1 - inset(0.02, 0.08)), h * inset(0.03, 0.08)],
            [w * (1 - inset(0.05, 0.11)), h * (1 - inset(0.02, 0.06))],
            [w * inset(0.01, 0.06), h * (1 - inset(0.04, 0.09))],
        ],
        np.float32,
    )
    desk = (rng.uniform(60, 90), rng.uniform(80, 105), rng.uniform(100, 125))
    warped: np.ndarray = cv2.warpPerspective(
        image,
        cv2.getPerspectiveTransform(src, dst),
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=desk,
    ).astype(np.float32)
    # light: brighter towards a corner, a soft falloff elsewhere
    ys, xs = np.mgrid[0:h:8, 0:w:8].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h * 0.5)
    dist = np.hypot(xs - cx, ys - cy) / np.hypot(w, h)
    light = 1.05 - rng.uniform(0.35, 0.5) * dist
    light = cv2.resize(light, (w, h), interpolation=cv2.INTER_LINEAR)[..., None]
    cast = np.array([rng.uniform(0.82, 0.9), rng.uniform(0.93, 0.98), 1.0], np.float32)
    page: np.ndarray = warped * light * cast
    page = cv2.GaussianBlur(page, (0, 0), rng.uniform(1.0, 1.6))
    page += noise.normal(0, 4.0, page.shape).astype(np.float32)
    return _jpeg(np.clip(page, 0, 255).astype(np.uint8), 82)


def fax_fine(image: np.ndarray, rng: random.Random) -> bytes:
    """A fax received in standard mode: 200 dpi across, 100 lines per inch down,
    thresholded to black and white with ragged edges, specks and a few bad scan lines,
    printed back at 200 dpi."""
    noise = _noise_rng(rng)
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    h, w = grey.shape
    out_w, out_h = round(w * 200 / 300), round(h * 200 / 300)
    lines: np.ndarray = cv2.resize(grey, (out_w, out_h // 2), interpolation=cv2.INTER_AREA).astype(
        np.float32
    )
    lines = _rotate(lines, rng.uniform(-0.4, 0.4), (0.0, 0.0), (255.0,))
    lines += noise.normal(0, 18, lines.shape).astype(np.float32)
    bits = np.where(lines < rng.uniform(150, 175), 0, 255).astype(np.uint8)
    specks = noise.random(bits.shape) < 0.0006
    bits[specks] = 0
    for _ in range(rng.randint(2, 5)):  # scan lines lost or smeared
        y = rng.randrange(bits.shape[0])
        bits[y] = 255 if rng.random() < 0.5 else np.minimum(bits[y], bits[max(y - 1, 0)])
    page = cv2.resize(bits, (out_w, out_h), interpolation=cv2.INTER_NEAREST)
    return _jpeg(cv2.cvtColor(page, cv2.COLOR_GRAY2BGR), 85)


def _photocopy(sheet: np.ndarray, rng: random.Random, noise: np.random.Generator) -> np.ndarray:
    w = sheet.shape[1]
    page: np.ndarray = _rotate(
        sheet, rng.uniform(-0.5, 0.5), (rng.uniform(-10, 10), rng.uniform(-10, 10)), (255.0,)
    )
    page = cv2.GaussianBlur(page, (0, 0), 0.8)
    # the drum: darker strokes, a grey haze on the paper
    page = 255.0 * (page / 255.0) ** rng.uniform(1.3, 1.6)
    page = page * rng.uniform(0.9, 0.95) + rng.uniform(0, 6)
    # toner specks and the lid's shadow along one edge
    specks = noise.random(page.shape) < 0.0008
    band = rng.randint(20, 60)
    gain = np.ones(w, np.float32)
    gain[:band] = np.linspace(0.45, 1.0, band, dtype=np.float32)
    if rng.random() < 0.5:
        gain = gain[::-1]
    return np.where(specks, page * 0.3, page) * gain[None, :]


def copy_of_copy(image: np.ndarray, rng: random.Random) -> bytes:
    """A photocopy of a photocopy, grey: strokes thicken and the paper greys with each
    generation, toner specks, the lid's shadow at an edge."""
    noise = _noise_rng(rng)
    page: np.ndarray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    for _ in range(2):
        page = _photocopy(page, rng, noise)
    page = page + noise.normal(0, 3.0, page.shape).astype(np.float32)
    out = np.clip(page, 0, 255).astype(np.uint8)
    return _jpeg(cv2.cvtColor(out, cv2.COLOR_GRAY2BGR), 80)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "flatbed-200": flatbed_200,
    "phone-angle": phone_angle,
    "fax-fine": fax_fine,
    "copy-of-copy": copy_of_copy,
}
