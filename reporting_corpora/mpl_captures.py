"""The `mpl` corpus's capture profiles: how a clean 300 ppi page reaches the hall other
than by an ordinary scan. Each takes the clean RGB page and the page's rng and returns
JPEG bytes, deterministic from the rng.

- `chat-forward`: a phone photo of the page on a desk (mild perspective, uneven light,
  a little defocus), saved by the phone, then sent through a messaging app (long side
  1280 px, JPEG quality about 55) and forwarded once more (recompressed again).
- `inkjet-banding`: printed by an inkjet low on one colour (light bands where the head
  passes meet, a nozzle or two missing, a colour cast on black) and scanned at 200 dpi.
- `stapled-skew`: a stapled sheet fed askew (1-3°), the staple and its shadow at the
  top left, a dog-eared corner folded over the text, 300 dpi grey.
- `carbonless-copy`: the second sheet of a carbonless set (复写联): blue-violet strokes,
  blurred and uneven with the pen's pressure, on tinted paper, lower contrast.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("chat-forward", "inkjet-banding", "stapled-skew", "carbonless-copy")
CHAT_LONG_SIDE = 1280


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(63))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    bgr = image[..., ::-1] if image.ndim == 3 else image
    ok, buf = cv2.imencode(".jpg", np.ascontiguousarray(bgr), [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def _unjpeg(data: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return np.ascontiguousarray(image[..., ::-1])


def _noise(g: np.random.Generator, sigma: float, shape: tuple[int, ...]) -> np.ndarray:
    noise = g.standard_normal(shape, dtype=np.float32)  # float32: a page's float64 is 200 MB
    noise *= sigma
    return noise


def _smooth_field(g: np.random.Generator, h: int, w: int, cells: int) -> np.ndarray:
    """Low-frequency noise in [0, 1] of shape (h, w)."""
    small = g.random((cells, max(2, cells * w // h))).astype(np.float32)
    field = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    lo, hi = float(field.min()), float(field.max())
    return (field - lo) / (hi - lo + 1e-6)


def output_size(profile: str, h: int, w: int) -> tuple[int, int]:
    """(height, width) of a profile's JPEG for a clean page of `h` × `w` pixels."""
    if profile == "chat-forward":
        return CHAT_LONG_SIDE, CHAT_LONG_SIDE * 3 // 4
    if profile == "inkjet-banding":
        return round(h * 2 / 3), round(w * 2 / 3)
    return h, w


def chat_forward(page: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    ph, pw = 2400, 1800  # the phone's photo, 3:4, before the app shrinks it
    # the page shrunk with area averaging first, so the perspective warp does not alias
    scale = rng.uniform(0.78, 0.88) * ph / page.shape[0]
    small = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA).astype(
        np.float32
    )
    sh, sw = small.shape[:2]
    ox, oy = (pw - sw) / 2 + rng.uniform(-40, 40), (ph - sh) / 2 + rng.uniform(-40, 40)
    j = 0.025
    dst = np.array(
        [
            [ox + rng.uniform(-j, j) * sw, oy + rng.uniform(-j, j) * sh],
            [ox + sw + rng.uniform(-j, j) * sw, oy + rng.uniform(-j, j) * sh],
            [ox + sw + rng.uniform(-j, j) * sw, oy + sh + rng.uniform(-j, j) * sh],
            [ox + rng.uniform(-j, j) * sw, oy + sh + rng.uniform(-j, j) * sh],
        ],
        np.float32,
    )
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    desk = np.array(
        rng.choice(((118, 84, 58), (92, 96, 102), (150, 132, 110), (60, 62, 70))), np.float32
    )
    photo = cv2.warpPerspective(
        small,
        m,
        (pw, ph),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=tuple(float(c) for c in desk),
    )
    mask = cv2.warpPerspective(np.ones((sh, sw), np.float32), m, (pw, ph))
    grain = _smooth_field(g, ph, pw, 6)[..., None] * 0.08
    photo = photo * (1 - mask[..., None]) + photo * mask[..., None] * (1 - grain)
    # light from one side, falling off to the far corner; a warm cast
    yy, xx = (v.astype(np.float32) for v in np.ogrid[0:ph, 0:pw])
    a = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(a) * (xx / pw - 0.5) + np.sin(a) * (yy / ph - 0.5)).astype(np.float32)
    light = 0.86 + rng.uniform(0.12, 0.22) * ramp
    vignette = 1 - 0.18 * ((xx / pw - 0.5) ** 2 + (yy / ph - 0.5) ** 2)
    cast = np.array([1.0, rng.uniform(0.95, 0.99), rng.uniform(0.86, 0.93)], np.float32)
    photo = photo * (light * vignette)[..., None] * cast
    photo = cv2.GaussianBlur(photo, (0, 0), rng.uniform(0.6, 1.1))
    photo += _noise(g, 3.0, photo.shape)
    shot = _unjpeg(_jpeg(np.clip(photo, 0, 255).astype(np.uint8), 90))
    # the messaging app: long side 1280, low quality; forwarded: recompressed once more
    sent = cv2.resize(shot, (CHAT_LONG_SIDE * 3 // 4, CHAT_LONG_SIDE), interpolation=cv2.INTER_AREA)
    once = _unjpeg(_jpeg(sent, rng.randrange(52, 60)))
    return _jpeg(once, rng.randrange(50, 58))


def inkjet_banding(page: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    h, w = page.shape[:2]
    ink = 1 - page.astype(np.float32) / 255
    # a pass of the head is a few millimetres; its last rows print light, and each pass
    # lays a little more or less ink
    period = rng.randrange(45, 75)
    rows = np.arange(h)
    phase = (rows % period) / period
    passes = rows // period
    strength = 0.78 + 0.2 * g.random(passes.max() + 1)
    band = strength[passes] * np.where(phase > 0.82, rng.uniform(0.45, 0.65), 1.0)
    for _ in range(rng.randrange(1, 4)):  # a clogged nozzle: a thin light line every pass
        off = rng.randrange(period)
        band = np.where(rows % period == off, band * 0.35, band)
    ink *= band.astype(np.float32)[:, None, None]
    # low on one colour: black prints as a dark cast
    weak = rng.randrange(3)
    ink[..., weak] *= rng.uniform(0.72, 0.84)
    ink *= rng.uniform(0.88, 0.96)
    paper = np.array([rng.uniform(244, 252), rng.uniform(243, 250), rng.uniform(236, 246)])
    printed = paper.astype(np.float32) * (1 - ink)
    scan: np.ndarray = cv2.resize(
        printed, (round(w * 2 / 3), round(h * 2 / 3)), interpolation=cv2.INTER_AREA
    )
    scan = cv2.GaussianBlur(scan, (0, 0), 0.55)
    scan += _noise(g, 2.2, scan.shape)
    return _jpeg(np.clip(scan, 0, 255).astype(np.uint8), rng.randrange(80, 90))


def stapled_skew(page: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    gray: np.ndarray = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY).astype(np.float32)
    h, w = gray.shape
    mm = w / 210
    # the dog-ear: a corner folded over the page along a line, its back blank and lit a
    # little darker, a soft shadow where it lies on the text
    corner = rng.choice(("tr", "br", "bl"))
    a, b = rng.uniform(14, 30) * mm, rng.uniform(14, 30) * mm
    cx, cy = (w if "r" in corner else 0), (h if corner[0] == "b" else 0)
    sx, sy = (-1 if "r" in corner else 1), (-1 if corner[0] == "b" else 1)
    p1 = np.array([cx + sx * a, cy], np.float32)
    p2 = np.array([cx, cy + sy * b], np.float32)
    c = np.array([cx, cy], np.float32)
    d = p2 - p1
    n = np.array([-d[1], d[0]]) / np.linalg.norm(d)
    folded = c - 2 * np.dot(c - p1, n) * n  # the corner's image across the fold
    scanner_lid = rng.uniform(200, 225)
    tri = np.round([c, p1, p2]).astype(np.int32)
    flap = np.round([folded, p1, p2]).astype(np.int32)
    shadow: np.ndarray = np.zeros_like(gray)
    cv2.fillPoly(shadow, [flap + np.array([sx * 10, sy * 10], np.int32)], 1.0)
    shadow = cv2.GaussianBlur(shadow, (0, 0), 12) * 0.35
    gray *= 1 - shadow
    cv2.fillPoly(gray, [tri], scanner_lid)
    cv2.fillPoly(gray, [flap], rng.uniform(226, 238))
    cv2.polylines(gray, [flap], True, 170, 2, cv2.LINE_AA)
    # the staple: a short bar across the top left corner, lit on one edge, with a shadow
    x0, y0 = rng.uniform(9, 15) * mm, rng.uniform(9, 15) * mm
    ang = np.radians(rng.uniform(-50, -35))
    length = rng.uniform(11, 13) * mm
    x1, y1 = x0 + length * np.cos(ang), y0 - length * np.sin(ang)
    sh: np.ndarray = np.zeros_like(gray)
    cv2.line(sh, (int(x0 + 9), int(y0 + 12)), (int(x1 + 9), int(y1 + 12)), 1.0, int(2.2 * mm))
    gray *= 1 - cv2.GaussianBlur(sh, (0, 0), 6) * 0.45
    cv2.line(gray, (int(x0), int(y0)), (int(x1), int(y1)), 72, int(0.9 * mm), cv2.LINE_AA)
    cv2.line(gray, (int(x0), int(y0 - 3)), (int(x1), int(y1 - 3)), 185, 3, cv2.LINE_AA)
    for px, py in ((x0, y0), (x1, y1)):  # the legs pressed into the paper
        cv2.circle(gray, (int(px), int(py)), int(0.6 * mm), 90, -1, cv2.LINE_AA)
    # fed askew; the scanner's background beyond the sheet
    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 3.0)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    gray = cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=float(scanner_lid))
    gray = cv2.GaussianBlur(gray, (0, 0), 0.6)
    gray += _noise(g, 2.0, gray.shape)
    return _jpeg(np.clip(gray, 0, 255).astype(np.uint8), rng.randrange(78, 88))


def carbonless_copy(page: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    h, w = page.shape[:2]
    ink: np.ndarray = 1 - cv2.cvtColor(page, cv2.COLOR_RGB2GRAY).astype(np.float32) / 255
    # the capsules burst a little wider than the stroke, and with the pressure of the pen
    ink = cv2.dilate(ink, np.ones((2, 2), np.uint8))
    ink = cv2.GaussianBlur(ink, (0, 0), rng.uniform(1.3, 2.0))
    pressure = 0.45 + 0.45 * _smooth_field(g, h, w, 7)
    ink = np.clip(ink * pressure * rng.uniform(1.05, 1.25), 0, 0.82)
    speck: np.ndarray = (g.random((h // 4, w // 4)) < 0.0015).astype(np.float32)
    speck = cv2.resize(speck, (w, h), interpolation=cv2.INTER_NEAREST)
    ink = np.maximum(ink, cv2.GaussianBlur(speck, (0, 0), 1.5) * 0.5)
    sheet = rng.choice(((250, 226, 232), (250, 244, 208), (226, 244, 228), (246, 246, 246)))
    paper = np.array(sheet, np.float32)
    dye = np.array(rng.choice(((52, 58, 150), (70, 52, 140), (40, 70, 160))), np.float32)
    out = np.empty((h, w, 3), np.float32)
    for c in range(3):  # channel by channel: no page-sized temporaries of three channels
        out[..., c] = paper[c] + (dye[c] - paper[c]) * ink
    out += _noise(g, 2.5, out.shape)
    return _jpeg(np.clip(out, 0, 255, out=out).astype(np.uint8), rng.randrange(72, 82))


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "chat-forward": chat_forward,
    "inkjet-banding": inkjet_banding,
    "stapled-skew": stapled_skew,
    "carbonless-copy": carbonless_copy,
}
