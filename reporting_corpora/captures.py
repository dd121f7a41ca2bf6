"""How a reporting page reaches the counter: four capture profiles, written for this
corpus (not `sample_scans.drawing`'s): clean scan, office scan, phone photo, poor copy.

Each takes a clean BGR page at 200 dpi and a seeded `random.Random`, returns JPEG bytes.
"""

from __future__ import annotations

import random

import cv2
import numpy as np

CAPTURES = ("clean_scan", "office_scan", "phone_photo", "poor_copy")


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return bytes(buf.tobytes())


def _noise(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(1 << 30))


def _rotate(image: np.ndarray, degrees: float, shift: tuple[float, float], fill: int) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    m[0, 2] += shift[0]
    m[1, 2] += shift[1]
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_CUBIC, borderValue=(fill,) * 3)


def clean_scan(page: np.ndarray, rng: random.Random) -> bytes:
    """A flatbed at 300 dpi, lid closed: upscaled, barely turned, lightly blurred."""
    up = cv2.resize(page, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)
    out = _rotate(up, rng.uniform(-0.5, 0.5), (rng.uniform(-8, 8), rng.uniform(-8, 8)), 255)
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.4, 0.7))
    noisy = out.astype(np.float32) + _noise(rng).normal(0, 1.5, out.shape).astype(np.float32)
    return _jpeg(noisy.clip(0, 255).astype(np.uint8), rng.randint(88, 95))


def office_scan(page: np.ndarray, rng: random.Random) -> bytes:
    """A multifunction printer at 200 dpi: skew up to 2.5°, greyish paper, uneven lamp,
    soft focus, sensor noise, strong JPEG."""
    w = page.shape[1]
    out = _rotate(page, rng.uniform(-2.5, 2.5), (rng.uniform(-20, 20), rng.uniform(-20, 20)), 255)
    f = out.astype(np.float32)
    tint = np.array([rng.uniform(0.88, 0.96), rng.uniform(0.9, 0.97), rng.uniform(0.9, 0.98)])
    f *= tint.astype(np.float32)
    ramp = np.linspace(rng.uniform(0.85, 1.0), rng.uniform(0.9, 1.0), w, dtype=np.float32)
    f *= ramp[None, :, None]
    f = np.asarray(cv2.GaussianBlur(f, (0, 0), rng.uniform(0.7, 1.1)), np.float32)
    f += _noise(rng).normal(0, rng.uniform(3, 6), f.shape).astype(np.float32)
    return _jpeg(f.clip(0, 255).astype(np.uint8), rng.randint(60, 75))


def phone_photo(page: np.ndarray, rng: random.Random) -> bytes:
    """A phone held over the desk: 12 MP frame, the sheet in perspective on a wooden or
    grey desk, a light spot and a shadow, lens blur, colour cast, noise, JPEG."""
    g = _noise(rng)
    fw, fh = 3024, 4032
    h, w = page.shape[:2]
    fill = rng.uniform(0.78, 0.9)
    scale = min(fw / w, fh / h) * fill
    pw, ph = w * scale, h * scale
    x0, y0 = (fw - pw) / 2, (fh - ph) / 2
    j = rng.uniform(0.03, 0.06)
    corners = [(x0, y0), (x0 + pw, y0), (x0 + pw, y0 + ph), (x0, y0 + ph)]
    dst = np.array(
        [(x + rng.uniform(-j, j) * pw, y + rng.uniform(-j, j) * ph) for x, y in corners],
        np.float32,
    )
    src = np.array([(0, 0), (w, 0), (w, h), (0, h)], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    sheet = cv2.warpPerspective(page, m, (fw, fh), flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    inside = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, (fw, fh)) > 127
    desk_colour = rng.choice(((60, 90, 130), (95, 95, 100), (40, 55, 75)))
    desk = np.empty((fh, fw, 3), np.float32)
    desk[:] = desk_colour
    desk += g.normal(0, 8, (fh, fw, 1)).astype(np.float32)
    f = np.where(inside[..., None], sheet.astype(np.float32), desk)
    yy, xx = np.mgrid[0:fh:8, 0:fw:8].astype(np.float32)
    cx, cy = rng.uniform(0.3, 0.7) * fw, rng.uniform(0.2, 0.8) * fh
    light = 1.05 - rng.uniform(0.3, 0.45) * np.sqrt(((xx - cx) / fw) ** 2 + ((yy - cy) / fh) ** 2)
    if rng.random() < 0.6:  # the phone's shadow across one side
        edge = rng.uniform(0.2, 0.4) * fw
        light *= np.where(xx < edge, rng.uniform(0.72, 0.85), 1.0).astype(np.float32)
    light = cv2.GaussianBlur(light, (0, 0), 12)
    f *= cv2.resize(light, (fw, fh))[..., None]
    f *= np.array([rng.uniform(0.85, 0.95), rng.uniform(0.93, 1.0), 1.0], np.float32)
    f = cv2.GaussianBlur(f, (0, 0), rng.uniform(1.0, 1.6))
    f += g.normal(0, rng.uniform(3, 6), f.shape).astype(np.float32)
    return _jpeg(f.clip(0, 255).astype(np.uint8), rng.randint(78, 88))


def poor_copy(page: np.ndarray, rng: random.Random) -> bytes:
    """A copy of a copy, scanned in grey: toner contrast (seals turn grey), faded and
    thickened strokes, a drum streak, speckles, skew, 150 dpi and back."""
    g = _noise(rng)
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    small = cv2.resize(gray, (int(w * 0.75), int(h * 0.75)), interpolation=cv2.INTER_AREA)
    gray = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    f = gray.astype(np.float32) / 255.0
    centre, steep = rng.uniform(0.5, 0.62), rng.uniform(8, 12)
    f = 1.0 / (1.0 + np.exp(-steep * (f - centre)))  # toner: greys pushed apart
    if rng.random() < 0.5:
        f = np.asarray(cv2.erode(f, np.ones((2, 2), np.uint8)), np.float32)  # strokes spread
    f = 0.12 + 0.83 * f
    streak_x = rng.randrange(w)
    f[:, streak_x : streak_x + rng.randint(2, 5)] *= rng.uniform(0.6, 0.8)
    specks = g.random(f.shape) < 0.002
    f[specks] = g.uniform(0.0, 0.4, int(specks.sum()))
    out = (f * 255).clip(0, 255).astype(np.uint8)
    out = _rotate(cv2.cvtColor(out, cv2.COLOR_GRAY2BGR), rng.uniform(-1.5, 1.5), (0, 0), 235)
    return _jpeg(np.asarray(cv2.GaussianBlur(out, (0, 0), 0.6)), rng.randint(55, 70))


PROFILES = {
    "clean_scan": clean_scan,
    "office_scan": office_scan,
    "phone_photo": phone_photo,
    "poor_copy": poor_copy,
}
