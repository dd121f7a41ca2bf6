"""The `blend` corpus's four capture profiles, of moderate severity (a careful clerk would
accept each page), deterministic from the page's random.Random, JPEG out:

- `roller-feed-240`: an old sheet-fed scanner at 240 dpi in gray, its worn rollers leaving
  faint streaks along the feed, the feed speed wavering (rows a little uneven), a slight
  skew;
- `tablet-flicker`: the service counter's tablet photographing the page on the desk under
  fluorescent tubes: rolling-shutter flicker bands across the page, a gentle perspective,
  a cool cast, soft focus, sensor noise;
- `crumpled-flattened`: a page crumpled in a bag, smoothed by hand and scanned at 300 dpi:
  the paper's small warps displace the print, creases shade light and dark;
- `halftone-copy-200`: a colour laser copy at 200 dpi: mid-tones (antialiased edges, the
  red seal, grey print) broken into a rotated dot screen, the colour planes a pixel out of
  register, toner a little warm."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

PPI = 300


def _np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    bgr = image[:, :, ::-1] if image.ndim == 3 else image
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def _smooth_noise(gen: np.random.Generator, h: int, w: int, cell: int) -> np.ndarray:
    """Noise in [-1, 1] varying over about `cell` pixels."""
    small = gen.uniform(-1, 1, (max(2, h // cell + 2), max(2, w // cell + 2))).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def roller_feed_240(image: np.ndarray, rng: random.Random) -> bytes:
    gen = _np_rng(rng)
    gray: np.ndarray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY).astype(np.float32)
    h, w = gray.shape
    # the feed wavers: source rows sampled a little unevenly
    speed = 1 + 0.004 * _smooth_noise(gen, h, 1, 400)[:, 0]
    rows = np.clip(np.cumsum(speed) - speed[0], 0, h - 1).astype(np.float32)
    map_y = np.repeat(rows[:, None], w, axis=1)
    map_x = np.repeat(np.arange(w, dtype=np.float32)[None, :], h, axis=0)
    gray = cv2.remap(gray, map_x, map_y, cv2.INTER_LINEAR, borderValue=255)
    angle = rng.uniform(-0.5, 0.5)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 240 / PPI)
    m[:, 2] -= [(w - w * 0.8) / 2, (h - h * 0.8) / 2]
    out_w, out_h = round(w * 0.8), round(h * 0.8)
    gray = cv2.warpAffine(gray, m, (out_w, out_h), flags=cv2.INTER_AREA, borderValue=238)
    # roller streaks: a few faint columns, lighter or darker, the whole feed long
    streaks = np.zeros(out_w, np.float32)
    for _ in range(rng.randint(3, 6)):
        x, width = rng.randrange(out_w), rng.uniform(2, 9)
        streaks += (
            rng.choice((-1, 1))
            * rng.uniform(6, 14)
            * np.exp(-(((np.arange(out_w) - x) / width) ** 2))
        )
    gray = gray * 0.94 + 8 + streaks[None, :]
    gray += gen.normal(0, 3.0, gray.shape).astype(np.float32)
    return _jpeg(np.clip(gray, 0, 255).astype(np.uint8), 80)


def tablet_flicker(image: np.ndarray, rng: random.Random) -> bytes:
    gen = _np_rng(rng)
    h, w = image.shape[:2]
    out_w, out_h = 1800, 2460
    page_w, page_h = out_w * 0.86, out_h * 0.88
    cx, cy = out_w / 2 + rng.uniform(-20, 20), out_h / 2 + rng.uniform(-20, 20)
    tilt = rng.uniform(0.02, 0.045) * page_w  # the far edge a little narrower
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = np.array(
        [
            [cx - page_w / 2 + tilt, cy - page_h / 2],
            [cx + page_w / 2 - tilt, cy - page_h / 2],
            [cx + page_w / 2, cy + page_h / 2],
            [cx - page_w / 2, cy + page_h / 2],
        ],
        np.float32,
    )
    dst += gen.uniform(-8, 8, dst.shape).astype(np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    desk = (96, 86, 74)
    blurred = cv2.GaussianBlur(image, (0, 0), 1.2)
    photo: np.ndarray = cv2.warpPerspective(
        blurred, m, (out_w, out_h), flags=cv2.INTER_AREA, borderValue=desk
    ).astype(np.float32)
    # rolling-shutter flicker: bands across the rows
    period = rng.uniform(160, 260)
    phase = rng.uniform(0, 2 * np.pi)
    rows = np.arange(out_h, dtype=np.float32)
    bands = 1 + rng.uniform(0.035, 0.06) * np.sin(2 * np.pi * rows / period + phase)
    photo *= bands[:, None, None].astype(np.float32)
    # cool cast, a little light fall-off to the corners
    photo *= np.array([0.93, 0.97, 1.0], np.float32)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    r2 = ((xx - out_w / 2) / out_w) ** 2 + ((yy - out_h / 2) / out_h) ** 2
    photo *= (1 - 0.35 * r2)[:, :, None]
    photo += gen.normal(0, 4.0, photo.shape).astype(np.float32)
    return _jpeg(np.clip(photo, 0, 255).astype(np.uint8), 84)


def crumpled_flattened(image: np.ndarray, rng: random.Random) -> bytes:
    gen = _np_rng(rng)
    h, w = image.shape[:2]
    dx = 3.0 * _smooth_noise(gen, h, w, 260) + 1.2 * _smooth_noise(gen, h, w, 90)
    dy = 3.0 * _smooth_noise(gen, h, w, 260) + 1.2 * _smooth_noise(gen, h, w, 90)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    warped = cv2.remap(
        image, xx + dx, yy + dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    ).astype(np.float32)
    # creases: thin ridges, light on one side and dark on the other (worked out at a
    # quarter of the resolution: they are smooth)
    qh, qw = h // 4, w // 4
    qy, qx = np.mgrid[0:qh, 0:qw].astype(np.float32) * 4
    shade = np.zeros((qh, qw), np.float32)
    for _ in range(rng.randint(5, 9)):
        angle = rng.uniform(0, np.pi)
        nx, ny = np.cos(angle), np.sin(angle)
        d = (qx - rng.uniform(0, w)) * nx + (qy - rng.uniform(0, h)) * ny
        width = rng.uniform(6, 16)
        shade += rng.uniform(8, 16) * (d / width) * np.exp(-((d / width) ** 2))
    # the paper's soft hills, scanned a little grey
    shade += 6 * _smooth_noise(gen, qh, qw, 125)
    shade = cv2.resize(shade, (w, h), interpolation=cv2.INTER_LINEAR)
    out = warped * 0.96 + 4 - shade[:, :, None]
    out += gen.normal(0, 2.5, out.shape).astype(np.float32)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 88)


def halftone_copy_200(image: np.ndarray, rng: random.Random) -> bytes:
    gen = _np_rng(rng)
    h, w = image.shape[:2]
    out_w, out_h = round(w * 200 / PPI), round(h * 200 / PPI)
    small = cv2.resize(image, (out_w, out_h), interpolation=cv2.INTER_AREA).astype(np.float32)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    period = rng.uniform(3.2, 4.2)  # pixels at 200 dpi: a 50-60 lines per inch screen
    planes = []
    for c, angle in enumerate((15.0, 75.0, 0.0)):
        a = np.radians(angle + rng.uniform(-2, 2))
        u = xx * np.cos(a) + yy * np.sin(a)
        v = -xx * np.sin(a) + yy * np.cos(a)
        screen = np.cos(2 * np.pi * u / period) * np.cos(2 * np.pi * v / period)
        value = small[:, :, c]
        mid = value * (255 - value) / (127.5**2)  # 0 at white and black, 1 at mid-grey
        planes.append(value + 55 * mid * screen)
    out: np.ndarray = np.stack(planes, axis=2)
    # colour planes out of register by a pixel
    shift = np.array([[1, 0, rng.choice((-1, 1))], [0, 1, rng.choice((-1, 0, 1))]], np.float32)
    out[:, :, 0] = cv2.warpAffine(out[:, :, 0], shift, (out_w, out_h), borderValue=255)
    out = out * np.array([0.97, 0.95, 0.9], np.float32) + np.array(
        [6, 6, 8], np.float32
    )  # warm toner, grey paper
    out += gen.normal(0, 2.0, out.shape).astype(np.float32)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 82)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "roller-feed-240": roller_feed_240,
    "tablet-flicker": tablet_flicker,
    "crumpled-flattened": crumpled_flattened,
    "halftone-copy-200": halftone_copy_200,
}
CAPTURES = tuple(PROFILES)
