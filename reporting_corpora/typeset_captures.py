"""Capture simulations of the `typeset` corpus, written for it alone (OpenCV and numpy):
how the paper reached the hall. Each profile takes the clean page (BGR, 300 ppi, A4) and
the page's `random.Random`, and returns JPEG bytes. Every profile keeps the page legible
and leaves the printed area alone: whatever covers or cuts the page (holes, a finger, dark
copier edges) stays inside the margins.

- `fax`: standard-resolution fax, 200 × 100 dpi, thresholded with an ordered dither
  (tints and seals become dot patterns), a slight feed skew, dropped scan lines; shown
  as a fax viewer shows it, rows doubled to 200 × 200 dpi.
- `flatbed-color`: 300 dpi colour scan of coloured paper with two punch holes, the page
  curling up near its binding edge (squeezed and shaded), slight blur.
- `phone-low-light`: 8 MP phone photo under warm, dim light: the page small in the frame
  on a dark desk, seen in perspective, noise, a little motion blur, vignetting, and a
  finger holding one margin.
- `photocopy-of-copy`: a copy of a copy: two generations each with its own skew (1–2°
  in all), contrast pushed up, grey areas printed as a halftone screen that the second
  copy turns into moiré, toner specks, dark edges where the lid did not cover the glass.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("fax", "flatbed-color", "phone-low-light", "photocopy-of-copy")
MM = 300 / 25.4  # pixels per millimetre of the clean page


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return data.tobytes()


def _rotate(image: np.ndarray, degrees: float, fill: int | tuple[int, ...]) -> np.ndarray:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(
        image,
        matrix,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=fill,
    )


BAYER = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], dtype=np.float32)


def fax(page: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    grey = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    grey = _rotate(grey, rng.uniform(-0.7, 0.7), 255)
    h, w = grey.shape
    size = (round(w * 200 / 300), round(h * 100 / 300))
    small = np.asarray(cv2.resize(grey, size, interpolation=cv2.INTER_AREA), np.float32)
    small += gen.normal(0, 10, small.shape).astype(np.float32)
    # ordered dither round a threshold that keeps strokes whole: mid greys become dots
    sh, sw = small.shape
    screen = np.tile(BAYER, (sh // 4 + 1, sw // 4 + 1))[:sh, :sw]
    threshold = 95 + screen * (140 / 16)
    binary = np.where(small < threshold, 0, 255).astype(np.uint8)
    for _ in range(rng.randint(3, 8)):  # scan lines the modem lost: white, part of a row
        row, start = rng.randrange(sh), rng.randrange(sw // 2)
        binary[row, start : start + rng.randint(sw // 6, sw // 2)] = 255
    for _ in range(rng.randint(1, 3)):  # a dirty sensor pixel: a thin vertical streak
        col = rng.randrange(sw)
        top = rng.randrange(sh // 2)
        binary[top : top + rng.randint(sh // 8, sh // 3), col] = 0
    shown = np.repeat(binary, 2, axis=0)  # what a viewer shows: rows doubled
    return _jpeg(shown, rng.randint(70, 85))


PAPERS = ((226, 244, 252), (246, 236, 222), (232, 246, 236), (238, 232, 250))  # BGR


def _noise(image: np.ndarray, sigma: float, gen: np.random.Generator) -> np.ndarray:
    """Sensor noise added to a uint8 image in place: a 512-pixel tile of Gaussian noise
    laid over it block by block (cheap; no eye finds the period under text)."""
    h, w = image.shape[:2]
    tile = gen.normal(0, sigma, (512, 512, *image.shape[2:])).astype(np.float32)
    up = np.clip(tile, 0, 255).astype(np.uint8)
    down = np.clip(-tile, 0, 255).astype(np.uint8)
    for y in range(0, h, 512):
        for x in range(0, w, 512):
            block = image[y : y + 512, x : x + 512]
            bh, bw = block.shape[:2]
            block[:] = cv2.subtract(cv2.add(block, up[:bh, :bw]), down[:bh, :bw])
    return image


def flatbed_color(page: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    h = page.shape[0]
    paper = rng.choice(PAPERS)
    image = cv2.multiply(page, np.full(page.shape, paper, np.uint8), scale=1 / 255)
    # the binding edge (left) curls up: squeezed towards the edge and shaded
    curl = round(rng.uniform(10, 16) * MM)
    xs = np.arange(curl, dtype=np.float32)
    map_x = np.tile(xs + (curl - xs) ** 2 / curl * 0.22, (h, 1))
    ys = np.arange(h, dtype=np.float32)[:, None]
    bow = (curl - xs) / curl * 6.0
    map_y = (ys + bow[None, :] * (ys - h / 2) / (h / 2)).astype(np.float32)
    strip = cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    shade = (0.55 + 0.45 * (xs / curl) ** 0.7).astype(np.float32)
    image[:, :curl] = (strip * shade[None, :, None]).astype(np.uint8)
    for cy in (h / 2 - 40 * MM, h / 2 + 40 * MM):  # two punch holes in the left margin
        centre = (round(rng.uniform(9, 11) * MM), round(cy + rng.uniform(-2, 2) * MM))
        radius = round(3 * MM)
        cv2.circle(image, centre, radius + 4, (120, 120, 120), -1, cv2.LINE_AA)
        cv2.circle(image, centre, radius, (40, 38, 36), -1, cv2.LINE_AA)
    image = _rotate(image, rng.uniform(-0.5, 0.5), (250, 250, 250))
    image = cv2.GaussianBlur(image, (0, 0), 0.9)
    return _jpeg(_noise(image, 3.0, gen), rng.randint(82, 90))


def _finger(
    image: np.ndarray, centre: tuple[int, int], axes: tuple[int, int], out: int, tilt: float
) -> None:
    """A finger (an ellipse lit from above, a pale nail towards the page, a soft shadow),
    drawn in place on the part of the frame round it."""
    pad = axes[0] + 60
    x0, y0 = max(0, centre[0] - pad), max(0, centre[1] - pad)
    view = image[y0 : centre[1] + pad, x0 : centre[0] + pad]
    roi: np.ndarray = view.astype(np.float32)
    c = (centre[0] - x0, centre[1] - y0)
    mask: np.ndarray = np.zeros(roi.shape[:2], np.float32)
    cv2.ellipse(mask, c, axes, tilt, 0, 360, 1.0, -1, cv2.LINE_AA)
    shadow = cv2.GaussianBlur(np.roll(mask, (18, -10 * out), (0, 1)), (0, 0), 14)
    roi *= (1.0 - 0.45 * shadow)[..., None]
    mask = cv2.GaussianBlur(mask, (0, 0), 3)
    skin = np.empty_like(roi)
    skin[:] = (118, 148, 206)
    cv2.ellipse(
        skin,
        (c[0], c[1] - axes[1] // 3),
        (axes[0], axes[1] // 2),
        tilt,
        0,
        360,
        (140, 168, 222),
        -1,
        cv2.LINE_AA,
    )
    nail = (c[0] - out * round(axes[0] * 0.72), c[1] - axes[1] // 6)
    cv2.ellipse(
        skin, nail, (axes[0] // 5, axes[1] // 2), tilt, 0, 360, (170, 186, 228), -1, cv2.LINE_AA
    )
    view[:] = np.clip(roi * (1.0 - mask[..., None]) + skin * mask[..., None], 0, 255)


def phone_low_light(page: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    fw, fh = 2448, 3264  # 8 MP, portrait
    h, w = page.shape[:2]
    # the page fills 76-84% of the frame's height, a little off centre, in perspective
    ph = fh * rng.uniform(0.76, 0.84)
    pw = ph * w / h
    cx, cy = fw / 2 + rng.uniform(-80, 80), fh / 2 + rng.uniform(-60, 60)
    quad = np.array(
        [
            [cx - pw / 2, cy - ph / 2],
            [cx + pw / 2, cy - ph / 2],
            [cx + pw / 2, cy + ph / 2],
            [cx - pw / 2, cy + ph / 2],
        ],
        np.float32,
    )
    quad[:2, 0] += np.array([1, -1]) * rng.uniform(20, 110)  # top edge farther away
    quad += gen.uniform(-30, 30, quad.shape).astype(np.float32)
    source = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, quad)
    desk = np.empty((fh, fw, 3), np.uint8)
    desk[:] = (52, 66, 84)  # dark wood, BGR
    image = cv2.warpPerspective(page, matrix, (fw, fh), dst=desk, borderMode=cv2.BORDER_TRANSPARENT)
    # a finger holding the left or right margin, from outside the page
    side = rng.choice((0, 1))
    edge_y = rng.uniform(0.3, 0.7) * h
    x_in = 9 * MM if side == 0 else w - 9 * MM  # the fingertip, 9 mm into the page
    tip = cv2.perspectiveTransform(np.array([[[x_in, edge_y]]], np.float32), matrix)[0, 0]
    out = -1 if side == 0 else 1
    axes = (round(40 * MM * ph / h), round(8.5 * MM * ph / h))
    finger = (round(tip[0] + out * axes[0]), round(tip[1]))
    _finger(image, finger, axes, out, rng.uniform(-12, 12))
    # dim, warm light: gain, white balance, vignette, shading across the page
    yy, xx = np.mgrid[0 : fh // 8, 0 : fw // 8].astype(np.float32) * 8
    vignette = 1.0 - 0.38 * (((xx - fw / 2) / fw) ** 2 + ((yy - fh / 2) / fh) ** 2) * 2
    slope = 1.0 + rng.uniform(-0.12, 0.12) * (xx - fw / 2) / fw
    light = rng.uniform(0.58, 0.7) * vignette * slope
    warm = np.stack([light * k for k in (0.74, 0.93, 1.08)], axis=-1)  # BGR
    gain = cv2.resize(np.clip(warm * 255, 0, 255).astype(np.uint8), (fw, fh))
    image = cv2.multiply(image, gain, scale=1 / 255)
    length = rng.randint(3, 6)
    kernel: np.ndarray = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0 / length
    rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), rng.uniform(0, 180), 1)
    kernel = cv2.warpAffine(kernel, rot, (length, length))
    image = cv2.filter2D(image, -1, kernel / kernel.sum())
    return _jpeg(_noise(image, 7.0, gen), rng.randint(78, 86))


@functools.cache
def _screen(h: int, w: int) -> np.ndarray:
    """A halftone screen at 45°, ~85 lines per inch at 300 dpi: cos(u)·cos(v) along the
    diagonals u, v is half the sum of a cosine along x and one along y."""
    k = 2 * math.pi * math.sqrt(2) / (300 / 85)
    across = np.cos(k * np.arange(w, dtype=np.float32))[None, :]
    down = np.cos(k * np.arange(h, dtype=np.float32))[:, None]
    return (127.5 + 63.75 * (across + down)).astype(np.uint8)


# the copier's levels: greys pushed apart; a halftone dot is 25, paper between dots 250
LEVELS = np.clip((np.arange(256) - 40) * 255 / (235 - 40), 0, 255).astype(np.uint8)
DOTS = np.where(np.arange(256) > 127, 25, 250).astype(np.uint8)


def _copy(
    grey: np.ndarray, skew: float, rng: random.Random, gen: np.random.Generator
) -> np.ndarray:
    """One pass through the copier: skew, levels pushed, halftone greys, specks, edges."""
    h, w = grey.shape
    img = cv2.LUT(_rotate(grey, skew, 255), LEVELS)
    # mid greys (tints, seals) become halftone dots
    darker = cv2.compare(img, _screen(h, w), cv2.CMP_LT)
    dots = cv2.LUT(darker, DOTS)
    img = cv2.copyTo(dots, cv2.inRange(img, 61, 234), img)
    img = cv2.GaussianBlur(img, (0, 0), 1.1)
    count = int(gen.poisson(h * w * 0.00012))  # toner specks
    img[gen.integers(0, h, count), gen.integers(0, w, count)] = gen.integers(0, 90, count)
    kernel = np.ones((2, 2), np.uint8)
    img = cv2.addWeighted(cv2.dilate(img, kernel), 0.5, img, 0.5, 0)  # strokes fade ...
    img = cv2.min(img, cv2.add(cv2.erode(img, kernel), 40))  # ... and spread
    # the lid's shadow: dark bands a few millimetres wide along the edges
    band = round(rng.uniform(2, 5) * MM)
    for rows in (slice(0, band), slice(h - band, h)):
        img[rows] = cv2.convertScaleAbs(img[rows], alpha=0.25, beta=10)
    side = round(rng.uniform(1, 4) * MM)
    img[:, :side] = cv2.convertScaleAbs(img[:, :side], alpha=0.3, beta=8)
    return img


def photocopy_of_copy(page: np.ndarray, rng: random.Random) -> bytes:
    gen = _np(rng)
    grey = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    sign = rng.choice((-1, 1))  # the same way both times: 1-2° in all
    first = _copy(grey, sign * rng.uniform(0.5, 1.0), rng, gen)
    # the second copier sees the first copy a hair larger or smaller: the screen beats
    scale = rng.uniform(0.985, 0.995)
    h, w = first.shape
    shrunk = np.asarray(
        cv2.resize(first, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    )
    glass = np.full((h, w), 252, np.uint8)
    oy, ox = (h - shrunk.shape[0]) // 2, (w - shrunk.shape[1]) // 2
    glass[oy : oy + shrunk.shape[0], ox : ox + shrunk.shape[1]] = shrunk
    second = _copy(glass, sign * rng.uniform(0.5, 1.0), rng, gen)
    return _jpeg(second, rng.randint(72, 82))


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "fax": fax,
    "flatbed-color": flatbed_color,
    "phone-low-light": phone_low_light,
    "photocopy-of-copy": photocopy_of_copy,
}
