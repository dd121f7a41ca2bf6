"""The `ledger` corpus's capture profiles (OpenCV and NumPy, deterministic from the
page's random generator), its own, meant to stay legible to a clerk:

- sheetfed-150: a sheet-fed office scanner at 150 dpi, grey, a slight skew and stretch
  from the rollers, a faint line from dust on the glass, JPEG quality about 45;
- phone-keystone: a phone photo of the page on a desk, tilted (keystone), lit unevenly
  from one side, a little motion blur, sensor noise;
- ink-starved: a print from a printer low on toner or a thermal printer: strokes faded
  unevenly, head banding across the page, greyish paper;
- folded-stapled: a page that was folded in three and stapled, scanned flat: crease
  shadows, a staple in the top left corner, the edge curling away from the glass.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

Capture = Callable[[np.ndarray, random.Random], bytes]


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return data.tobytes()


def _smooth_field(g: np.random.Generator, shape: tuple[int, int], cells: int) -> np.ndarray:
    """Low-frequency noise in [0, 1], `cells` blobs across the short side."""
    h, w = shape
    small = g.random((max(2, cells * h // w), cells)).astype(np.float32)
    field = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    return np.clip(field, 0, 1)


def _rotate(image: np.ndarray, degrees: float, fill: tuple[int, ...]) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def sheetfed_150(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    grey: np.ndarray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    h, w = grey.shape
    # rollers: a sheet slightly longer than it is, and askew
    grey = cv2.resize(grey, (w, int(h * rng.uniform(1.004, 1.015))), interpolation=cv2.INTER_AREA)
    grey = _rotate(grey, rng.uniform(-1.1, 1.1), (238,))
    paper = rng.uniform(228, 242)
    grey = paper - (255 - grey) * rng.uniform(0.86, 0.95) * paper / 255
    x = int(rng.uniform(0.15, 0.85) * w)  # dust on the glass: one faint line down the page
    grey[:, x : x + 2] -= rng.uniform(18, 35)
    grey += g.standard_normal(grey.shape, dtype=np.float32) * 2.0
    out = np.clip(grey, 0, 255).astype(np.uint8)
    return _jpeg(out, rng.randint(42, 50))


def phone_keystone(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    h, w = image.shape[:2]
    fw, fh = 2448, 3264  # an 8 MP frame
    small = (fw // 16, fh // 16)
    wood = np.array([rng.uniform(70, 110), rng.uniform(95, 130), rng.uniform(120, 160)], np.float32)
    grain = _smooth_field(g, (small[1], small[0]), 6)[..., None] * 30 - 15
    photo = cv2.resize(np.clip(wood + grain, 0, 255).astype(np.uint8), (fw, fh))
    # the page, tilted away at the top (keystone), turned a little, off centre
    scale = rng.uniform(0.8, 0.86) * fw / w
    pw, ph = w * scale, h * scale
    cx, cy = fw / 2 + rng.uniform(-50, 50), fh / 2 + rng.uniform(-60, 60)
    squeeze = rng.uniform(0.05, 0.09) * pw
    lean = rng.uniform(-0.025, 0.025) * pw
    corners = np.array(
        [
            [cx - pw / 2 + squeeze + lean, cy - ph / 2],
            [cx + pw / 2 - squeeze + lean, cy - ph / 2 + rng.uniform(-20, 20)],
            [cx + pw / 2, cy + ph / 2],
            [cx - pw / 2, cy + ph / 2 + rng.uniform(-20, 20)],
        ],
        np.float32,
    )
    m = cv2.getPerspectiveTransform(np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32), corners)
    cv2.warpPerspective(
        image, m, (fw, fh), dst=photo, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_TRANSPARENT
    )
    # light from one side, falling off to the other and downwards, warm room light;
    # smooth, so computed small and enlarged
    yy, xx = np.mgrid[0 : small[1], 0 : small[0]].astype(np.float32)
    across = xx / small[0] if rng.random() < 0.5 else 1 - xx / small[0]
    light = 1.0 - rng.uniform(0.18, 0.3) * (across * 0.7 + yy / small[1] * 0.3)
    light *= 1 - 0.36 * (
        ((xx - small[0] / 2) / small[0]) ** 2 + ((yy - small[1] / 2) / small[1]) ** 2
    )
    tint = np.array([rng.uniform(0.9, 0.96), rng.uniform(0.97, 1.0), 1.0], np.float32)
    shade = cv2.resize(np.clip(light[..., None] * tint * 255, 0, 255).astype(np.uint8), (fw, fh))
    photo = cv2.multiply(photo, shade, scale=1 / 255)
    # a small hand movement: a short linear blur
    length = rng.randint(3, 5)
    kernel: np.ndarray = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1
    rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), rng.uniform(0, 180), 1)
    kernel = cv2.warpAffine(kernel, rot, (length, length))
    kernel = (kernel / max(float(kernel.sum()), 1e-6)).astype(np.float32)
    photo = cv2.filter2D(photo, -1, kernel)
    # sensor noise, grainy at two pixels
    noise = cv2.resize(g.standard_normal((fh // 2, fw // 2), dtype=np.float32) * 3.5, (fw, fh))
    up = cv2.cvtColor(np.clip(noise, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)
    down = cv2.cvtColor(np.clip(-noise, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)
    photo = cv2.subtract(cv2.add(photo, up), down)
    return _jpeg(photo, rng.randint(78, 86))


def ink_starved(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    h, w = image.shape[:2]
    # in place where it can be: every fresh page-sized array costs page faults
    out: np.ndarray = image.astype(np.float32)
    np.subtract(255, out, out=out)  # ink, 0 (paper) .. 255 (full), per channel
    # toner running out: density varies slowly over the page, with head bands across it
    density = 0.5 + 0.38 * _smooth_field(g, (h, w), 5)
    period = rng.uniform(45, 90)
    rows = np.arange(h, dtype=np.float32)[:, None]
    density *= 1 - rng.uniform(0.12, 0.2) * (0.5 + 0.5 * np.sin(rows / period * 2 * np.pi))
    for _ in range(rng.randint(1, 3)):  # a starved band
        y0, bh = rng.randint(0, h - 60), rng.randint(12, 40)
        density[y0 : y0 + bh] *= rng.uniform(0.62, 0.75)
    # ink breaks up in dots where it is thin
    density[g.random((h, w), dtype=np.float32) < 0.2] *= 0.62
    out *= density[..., None]
    # on greyish paper: paper * (1 - ink)
    paper = np.array(
        [rng.uniform(226, 236), rng.uniform(232, 240), rng.uniform(234, 242)], np.float32
    )
    out *= -1 / 255
    out += 1
    out *= paper
    cv2.GaussianBlur(out, (3, 3), 0.6, dst=out)
    out += g.standard_normal((h, w, 1), dtype=np.float32) * 2.5
    np.clip(out, 0, 255, out=out)
    return _jpeg(out.astype(np.uint8), rng.randint(72, 80))


def folded_stapled(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    h, w = image.shape[:2]
    # the edge curling up off the glass: pixels near it pulled inwards and darkened
    band = int(w * rng.uniform(0.06, 0.1))
    xs = np.arange(w, dtype=np.float32)
    t = np.clip((xs - (w - band)) / band, 0, 1)
    map_x = np.tile(xs - 0.35 * band * t**2, (h, 1)).astype(np.float32)
    lift = (t**2 * rng.uniform(-12, 12))[None, :]
    map_y = (np.arange(h, dtype=np.float32)[:, None] + lift).astype(np.float32)
    bent = cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderValue=(90, 90, 90))
    across = (1 - 0.45 * t**2)[None, :].astype(np.float32)
    # folded in three: two creases across, a shadow on one side and a bright ridge
    rows = np.arange(h, dtype=np.float32)[:, None]
    down = np.ones((h, 1), np.float32)
    for frac in (1 / 3, 2 / 3):
        y = frac * h + rng.uniform(-25, 25)
        d = rows - y
        reach = np.where(d < 0, rng.uniform(14, 24), 4.0)
        shadow = np.exp(-np.abs(d) / reach) * rng.uniform(0.14, 0.22)
        ridge = np.exp(-(((d - 6) / 3) ** 2)) * 0.06
        down *= ((1 - shadow) * (1 + ridge)).astype(np.float32)
    shade = down * across * rng.uniform(0.94, 0.99)  # the light falls off toward the lid
    page: np.ndarray = bent.astype(np.float32)
    page *= shade[..., None]
    page += g.standard_normal((h, w, 1), dtype=np.float32) * 2.0
    np.clip(page, 0, 255, out=page)
    out = page.astype(np.uint8)
    # the staple: a grey metal bar with its shadow, at a slant, in the top left corner
    x0, y0 = int(w * rng.uniform(0.04, 0.07)), int(h * rng.uniform(0.025, 0.04))
    length = int(w * 0.05)
    angle = np.radians(rng.uniform(-50, -35))
    x1, y1 = int(x0 - length * np.cos(angle)), int(y0 - length * np.sin(angle))
    cv2.line(out, (x0 + 3, y0 + 4), (x1 + 3, y1 + 4), (95, 95, 95), 5, cv2.LINE_AA)
    cv2.line(out, (x0, y0), (x1, y1), (150, 155, 160), 4, cv2.LINE_AA)
    cv2.line(out, (x0, y0 - 1), (x1, y1 - 1), (205, 210, 215), 1, cv2.LINE_AA)
    out = _rotate(out, rng.uniform(-0.6, 0.6), (245, 245, 245))
    return _jpeg(out, rng.randint(82, 90))


def _one_thread(capture: Capture) -> Capture:
    """OpenCV's thread pool spins on a busy machine and costs more than it saves on
    these few operations: one thread while capturing, the caller's setting after."""

    def run(image: np.ndarray, rng: random.Random) -> bytes:
        threads = cv2.getNumThreads()
        cv2.setNumThreads(1)
        try:
            return capture(image, rng)
        finally:
            cv2.setNumThreads(threads)

    return run


# name -> (dpi to rasterise at, capture)
PROFILES: dict[str, tuple[int, Capture]] = {
    "sheetfed-150": (150, _one_thread(sheetfed_150)),
    "phone-keystone": (230, _one_thread(phone_keystone)),
    "ink-starved": (200, _one_thread(ink_starved)),
    "folded-stapled": (200, _one_thread(folded_stapled)),
}
CAPTURES = tuple(PROFILES)
