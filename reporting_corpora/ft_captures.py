"""The `ft` corpus's four capture profiles: a clean 300 ppi page (BGR uint8) in, the JPEG
bytes a service hall would receive out, deterministic from the Random handed in.

- gov-app-upload: a phone photo of the sheet on a desk, uploaded through a government
  app that downscales it and recompresses it twice at low JPEG quality.
- feeder-dust-line: an automatic document feeder scan at 200 dpi, grey, with a dust
  streak down the page where a speck sat on the scanner glass, and uneven feed speed.
- stained-flatbed-250: a flatbed scan at 250 dpi of a sheet with a tea stain, slightly
  skewed on the glass.
- viewer-screenshot: a screenshot of the page in a PDF viewer at about 150 ppi, coloured
  sub-pixel fringes on the glyph edges, the viewer's toolbar cropped off but its grey
  canvas left around the page."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("gov-app-upload", "feeder-dust-line", "stained-flatbed-250", "viewer-screenshot")


def _np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(63))


def _jpeg(img: np.ndarray, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def _decoded(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.asarray(img)


def gov_app_upload(page: np.ndarray, rng: random.Random) -> bytes:
    nrng = _np_rng(rng)
    h, w = page.shape[:2]
    # the sheet on a desk, seen a little from one side: the photo is 2250 x 3000
    out_w, out_h = 2250, 3000
    margin = 0.06
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    jit = [rng.uniform(-0.025, 0.025) for _ in range(8)]
    box_w, box_h = out_w * (1 - 2 * margin), out_h * (1 - 2 * margin)
    dst = np.array(
        [
            [out_w * margin + jit[0] * box_w, out_h * margin + jit[1] * box_h],
            [out_w * (1 - margin) + jit[2] * box_w, out_h * margin + jit[3] * box_h],
            [out_w * (1 - margin) + jit[4] * box_w, out_h * (1 - margin) + jit[5] * box_h],
            [out_w * margin + jit[6] * box_w, out_h * (1 - margin) + jit[7] * box_h],
        ],
        np.float32,
    )
    desk = np.array([rng.randint(60, 110), rng.randint(80, 130), rng.randint(110, 160)], np.uint8)
    m = cv2.getPerspectiveTransform(src, dst)
    photo = cv2.warpPerspective(
        page,
        m,
        (out_w, out_h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=desk.tolist(),
    )
    photo = cv2.GaussianBlur(photo, (0, 0), rng.uniform(1.4, 2.0))
    # the app: longest side to 2000 px, then 1200 x 1600 again at a low quality; light
    # from one corner, a warm cast and the sensor's noise at the size the app keeps
    small = cv2.resize(photo, (1500, 2000), interpolation=cv2.INTER_AREA).astype(np.float32)
    yy, xx = np.mgrid[0:2000, 0:1500].astype(np.float32)
    cx, cy = rng.uniform(0, 1500), rng.uniform(0, 2000)
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.hypot(1500, 2000)
    light = (1.0 - 0.38 * dist)[..., None] * np.array([0.88, 0.95, 1.0], np.float32)
    small = small * light + 5 * nrng.standard_normal(small.shape, dtype=np.float32)
    first = _decoded(_jpeg(small.clip(0, 255).astype(np.uint8), 80))
    again = _decoded(_jpeg(first, rng.randint(42, 52)))
    final = cv2.resize(again, (1200, 1600), interpolation=cv2.INTER_LINEAR)
    return _jpeg(final, rng.randint(30, 38))


def feeder_dust_line(page: np.ndarray, rng: random.Random) -> bytes:
    nrng = _np_rng(rng)
    gray: np.ndarray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY).astype(np.float32)
    # uneven feed: rows stretched and squeezed a little down the page
    h, w = gray.shape
    speed = 1 + 0.012 * np.sin(np.linspace(0, rng.uniform(3, 9), h) + rng.uniform(0, 6))
    rows = np.clip(np.cumsum(speed) - speed[0], 0, h - 1).astype(np.float32)
    map_y = np.repeat(rows[:, None], w, 1)
    map_x = np.repeat(np.arange(w, dtype=np.float32)[None, :], h, 0)
    gray = cv2.remap(gray, map_x, map_y, cv2.INTER_LINEAR, borderValue=255)
    gray = cv2.resize(gray, (1654, 2339), interpolation=cv2.INTER_AREA)  # 200 dpi
    gray = gray * 0.93 + 8  # the scanner's grey white and lifted black
    # the dust streak: a dark line the whole height, its width and depth wavering
    h, w = gray.shape
    for _ in range(rng.randint(1, 2)):
        x0 = rng.uniform(w * 0.15, w * 0.85)
        core = rng.uniform(2.0, 3.5)
        depth = rng.uniform(0.55, 0.75)
        wob = np.cumsum(nrng.normal(0, 0.08, h)).astype(np.float32)
        xs = np.arange(w, dtype=np.float32)[None, :]
        centre = (x0 + wob)[:, None]
        strength = depth * (0.75 + 0.25 * np.sin(np.linspace(0, 20, h)))[:, None]
        streak = strength * np.exp(-(((xs - centre) / core) ** 2))
        gray = gray * (1 - streak)
    gray += 4 * nrng.standard_normal(gray.shape, dtype=np.float32)
    gray = cv2.GaussianBlur(gray, (0, 0), 0.7)
    return _jpeg(gray.clip(0, 255).astype(np.uint8), rng.randint(60, 70))


def stained_flatbed_250(page: np.ndarray, rng: random.Random) -> bytes:
    nrng = _np_rng(rng)
    img: np.ndarray = cv2.resize(page, (2067, 2923), interpolation=cv2.INTER_AREA).astype(
        np.float32
    )
    h, w = img.shape[:2]
    # the paper's tint
    img *= np.array([0.90, 0.95, 0.98], np.float32)
    # the tea stain: a blotch lighter inside, a dark tide-line at its rim
    for _ in range(rng.randint(1, 2)):
        cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.85) * h
        rx, ry = rng.uniform(180, 320), rng.uniform(150, 280)
        x0, x1 = max(0, int(cx - 1.4 * rx)), min(w, int(cx + 1.4 * rx))
        y0, y1 = max(0, int(cy - 1.4 * ry)), min(h, int(cy + 1.4 * ry))
        yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        ang = np.arctan2(yy - cy, xx - cx)
        wobble = 1 + 0.08 * np.sin(3 * ang + rng.uniform(0, 6)) + 0.05 * np.sin(7 * ang)
        d = np.sqrt(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2) / wobble
        inside = np.clip(1 - d, 0, 1) ** 0.3 * 0.22
        rim = np.exp(-(((d - 1) / 0.035) ** 2)) * 0.42
        stain = (inside + rim)[..., None]
        tea = np.array([0.45, 0.68, 0.85], np.float32)  # brown, BGR
        img[y0:y1, x0:x1] *= 1 - stain * (1 - tea)
    # a slight skew on the glass, the lid's grey beyond the sheet
    angle = rng.uniform(0.6, 1.4) * rng.choice((-1, 1))
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    img = cv2.warpAffine(
        img,
        m,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(205, 208, 210),
    )
    img = cv2.GaussianBlur(img, (0, 0), 0.8)
    img = img + 3 * nrng.standard_normal(img.shape, dtype=np.float32)
    return _jpeg(img.clip(0, 255).astype(np.uint8), rng.randint(68, 78))


def viewer_screenshot(page: np.ndarray, rng: random.Random) -> bytes:
    # the page at ~150 ppi, sampled three times across for the sub-pixels: R, G, B
    # each take a third of a pixel's width
    ppi = rng.uniform(132, 152)
    pw, ph = round(2480 * ppi / 300), round(3508 * ppi / 300)
    wide: np.ndarray = cv2.resize(page, (pw * 3, ph), interpolation=cv2.INTER_AREA).astype(
        np.float32
    )
    wide = cv2.blur(wide, (3, 1))  # the font smoothing's filter across sub-pixels
    view = np.stack([wide[:, 2::3, 0], wide[:, 1::3, 1], wide[:, 0::3, 2]], -1)
    view = view[:, :pw]
    # the viewer's canvas around the page, a drop shadow, the toolbar cropped away
    side, top = rng.randint(30, 90), rng.randint(10, 40)
    canvas = np.empty((ph + top + 24, pw + 2 * side, 3), np.float32)
    canvas[:] = (89, 86, 82)  # the viewer's dark grey, BGR
    shadow = np.zeros(canvas.shape[:2], np.float32)
    shadow[top + 4 : top + ph + 8, side + 4 : side + pw + 6] = 1
    shadow = cv2.GaussianBlur(shadow, (0, 0), 5)[..., None]
    canvas *= 1 - 0.5 * shadow
    canvas[top : top + ph, side : side + pw] = view
    # a scroll bar on the right of the canvas
    bar_x = canvas.shape[1] - 14
    canvas[:, bar_x : bar_x + 8] = (70, 68, 66)
    start = rng.randint(0, canvas.shape[0] // 3)
    canvas[start : start + canvas.shape[0] // 2, bar_x + 1 : bar_x + 7] = (160, 158, 155)
    return _jpeg(canvas.clip(0, 255).astype(np.uint8), rng.randint(84, 92))


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "gov-app-upload": gov_app_upload,
    "feeder-dust-line": feeder_dust_line,
    "stained-flatbed-250": stained_flatbed_250,
    "viewer-screenshot": viewer_screenshot,
}
