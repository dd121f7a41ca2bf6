"""The `skia` corpus's capture profiles: how a clean page reaches a service hall's clerk.

- yellowed-old-copy: an old copy kept for years in a folder, brought back and scanned at
  250 dpi in colour: yellowed paper, faded print, a few brown foxing spots, JPEG 85.
- dusty-glass-240: the window's flatbed at 240 dpi in colour, its glass not wiped: dust
  specks and a hair or two, a soft shadow where the lid did not close flat, a little
  askew, JPEG 82.
- tablet-counter: a photo taken with the window's tablet held over the desk: the sheet in
  perspective on a wooden-grey desk, light falling off to one side, slight hand blur, JPEG 80.
- recycled-paper-copy: a photocopy on grey recycled paper at 300 dpi: paper tint and
  fibres, toner a little heavy, a lighter band where the drum wears, JPEG 80.

Each is moderate: a careful clerk would accept the page. Deterministic from the rng."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

Image = np.ndarray  # H×W×3 uint8, BGR


def _gen(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _jpeg(image: Image, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return buf.tobytes()


def _noise(image: Image, gen: np.random.Generator, sigma: float) -> Image:
    noise = gen.standard_normal(image.shape, dtype=np.float32) * np.float32(sigma)
    return np.clip(image + noise, 0, 255).astype(np.uint8)


def _light(h: int, w: int, cx: float, cy: float, fall: float) -> np.ndarray:
    """A multiplicative light field: 1 at (cx, cy) (fractions), `1 - fall` at distance 1
    (computed coarse, then smoothly enlarged)."""
    yy, xx = np.mgrid[0:64, 0:48].astype(np.float32)
    d = np.hypot(xx / 47 - cx, yy / 63 - cy)
    coarse = (1.0 - fall * np.clip(d, 0, 1.2) ** 2).astype(np.float32)
    return cv2.resize(coarse, (w, h), interpolation=cv2.INTER_LINEAR)[:, :, None]


def _place(
    page: Image, out_w: int, out_h: int, corners: np.ndarray, background: tuple[int, int, int]
) -> Image:
    # shrink to about the sheet's size in the frame first (area averaging), then warp
    target_h = float(np.ptp(corners[:, 1]))
    scale = min(1.0, target_h / page.shape[0])
    page = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = page.shape[:2]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    m = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    return cv2.warpPerspective(
        page,
        m,
        (out_w, out_h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=background,
    )


def yellowed_old_copy(page: Image, rng: random.Random) -> bytes:
    gen = _gen(rng)
    h, w = page.shape[:2]
    out_w, out_h = round(w * 250 / 300), round(h * 250 / 300)  # scanned again at 250 dpi
    small = cv2.resize(page, (out_w, out_h), interpolation=cv2.INTER_AREA)
    ink = 1.0 - small.astype(np.float32) / 255.0
    ink *= np.float32(gen.uniform(0.72, 0.82))  # years in a folder: the print has faded
    paper = np.array([170, 214, 232], np.float32)  # yellowed stock, BGR
    paper_field = paper[None, None, :] * _light(
        out_h, out_w, gen.uniform(0.3, 0.7), gen.uniform(0.3, 0.7), gen.uniform(0.06, 0.1)
    )
    img: np.ndarray = paper_field * (1.0 - ink) + np.float32(30.0) * ink
    for _ in range(int(gen.integers(6, 14))):  # foxing: small brown spots
        r = int(gen.integers(4, 14))
        x, y = int(gen.integers(0, out_w - 4 * r)), int(gen.integers(0, out_h - 4 * r))
        spot: np.ndarray = np.zeros((4 * r, 4 * r), np.float32)
        cv2.circle(spot, (2 * r, 2 * r), r, 1.0, -1)
        spot = cv2.GaussianBlur(spot, (0, 0), r / 2)[:, :, None]
        img[y : y + 4 * r, x : x + 4 * r] -= spot * np.array([70, 50, 25], np.float32)
    img = cv2.GaussianBlur(np.clip(img, 0, 255).astype(np.uint8), (0, 0), 0.6)
    return _jpeg(_noise(img, gen, 2.5), 85)


def dusty_glass_240(page: Image, rng: random.Random) -> bytes:
    gen = _gen(rng)
    h, w = page.shape[:2]
    out_w, out_h = round(w * 240 / 300), round(h * 240 / 300)  # the window's flatbed, 240 dpi
    img: np.ndarray = cv2.resize(page, (out_w, out_h), interpolation=cv2.INTER_AREA)
    dirt = np.zeros((out_h, out_w), np.uint8)
    for _ in range(int(gen.integers(120, 260))):  # dust on the glass
        x, y = int(gen.integers(0, out_w)), int(gen.integers(0, out_h))
        cv2.circle(dirt, (x, y), int(gen.integers(1, 3)), 255, -1)
    for _ in range(int(gen.integers(1, 4))):  # a hair or a fibre
        start = np.array([gen.integers(0, out_w), gen.integers(0, out_h)], np.float64)
        pts = np.cumsum(gen.normal(0, 9, (12, 2)), axis=0) + start
        cv2.polylines(dirt, [pts.astype(np.int32)], False, 255, 1, cv2.LINE_AA)
    shade = gen.uniform(0.55, 0.8)
    veil = (dirt.astype(np.float32) / 255.0 * shade)[:, :, None]
    out: np.ndarray = img.astype(np.float32) * (1.0 - veil) + np.float32(40.0) * veil
    lid = np.ones(out_w, np.float32)  # the lid not closed flat: a soft shadow at one edge
    edge = int(out_w * gen.uniform(0.02, 0.04))
    lid[:edge] = np.linspace(0.72, 1.0, edge, dtype=np.float32)
    if gen.random() < 0.5:
        lid = lid[::-1].copy()
    out *= lid[None, :, None]
    angle = gen.uniform(-0.6, 0.6)
    m = cv2.getRotationMatrix2D((out_w / 2, out_h / 2), angle, 1.0)
    rotated = cv2.warpAffine(
        np.clip(out, 0, 255).astype(np.uint8), m, (out_w, out_h), borderValue=(250, 250, 250)
    )
    return _jpeg(_noise(rotated, gen, 2.0), 82)


def tablet_counter(page: Image, rng: random.Random) -> bytes:
    gen = _gen(rng)
    out_w, out_h = 2400, 3200
    sheet_h = out_h * gen.uniform(0.8, 0.86)
    sheet_w = sheet_h * page.shape[1] / page.shape[0]
    x0 = (out_w - sheet_w) / 2 + gen.uniform(-60, 60)
    y0 = (out_h - sheet_h) / 2 + gen.uniform(-60, 60)
    tilt = gen.uniform(0.02, 0.04) * sheet_w  # held a little towards the clerk
    side = gen.choice((-1.0, 1.0)) * gen.uniform(0.0, 0.015) * sheet_h
    corners = np.array(
        [
            [x0 + tilt, y0 + side],
            [x0 + sheet_w - tilt, y0 - side],
            [x0 + sheet_w, y0 + sheet_h],
            [x0, y0 + sheet_h],
        ]
    ) + gen.normal(0, 6, (4, 2))
    img: np.ndarray = _place(page, out_w, out_h, corners, (96, 110, 122)).astype(np.float32)
    img *= _light(out_h, out_w, gen.choice((0.15, 0.85)), 0.3, gen.uniform(0.2, 0.3))
    img = np.clip(img, 0, 255).astype(np.uint8)
    n = int(gen.integers(3, 6))  # hand shake: a short linear blur
    kernel: np.ndarray = np.zeros((n, n), np.float32)
    kernel[n // 2, :] = 1.0 / n
    rot = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), float(gen.uniform(0, 180)), 1.0)
    kernel = cv2.warpAffine(kernel, rot, (n, n))
    kernel = (kernel / float(kernel.sum())).astype(np.float32)
    img = cv2.filter2D(img, -1, kernel)
    return _jpeg(_noise(img, gen, 4.0), 80)


def recycled_paper_copy(page: Image, rng: random.Random) -> bytes:
    gen = _gen(rng)
    grey = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    h, w = grey.shape
    toner = cv2.erode(grey, np.ones((2, 2), np.uint8))  # toner spreads a little
    ink: np.ndarray = 1.0 - toner.astype(np.float32) / 255.0
    band_x = gen.uniform(0.2, 0.8) * w
    band = 1.0 - 0.25 * np.exp(-(((np.arange(w) - band_x) / (w * 0.04)) ** 2))
    ink *= band[None, :].astype(np.float32)
    ink = np.clip(ink * 1.1, 0, 1)
    paper = np.array([196, 206, 212], np.float32)  # grey-beige recycled stock, BGR
    fibres: np.ndarray = gen.normal(0, 5, (h // 4 + 1, w // 4 + 1)).astype(np.float32)
    fibres = cv2.resize(fibres, (w, h), interpolation=cv2.INTER_LINEAR)[:, :, None]
    specks: np.ndarray = (gen.random((h, w), dtype=np.float32) < 0.0004).astype(np.float32)
    specks = cv2.dilate(specks, np.ones((3, 3), np.uint8))[:, :, None] * 90
    base = paper[None, None, :] + fibres - specks
    out: np.ndarray = (
        base * (1 - ink[:, :, None]) + np.array([38, 36, 34], np.float32) * ink[:, :, None]
    )
    angle = gen.uniform(-0.5, 0.5)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(
        np.clip(out, 0, 255).astype(np.uint8), m, (w, h), borderMode=cv2.BORDER_REPLICATE
    )
    return _jpeg(_noise(out, gen, 3.0), 80)


PROFILES: dict[str, Callable[[Image, random.Random], bytes]] = {
    "yellowed-old-copy": yellowed_old_copy,
    "dusty-glass-240": dusty_glass_240,
    "tablet-counter": tablet_counter,
    "recycled-paper-copy": recycled_paper_copy,
}
CAPTURES = tuple(PROFILES)
