"""The `pdfkit` corpus's four capture profiles: how its paper reaches a service hall.
Each takes the clean page (BGR, 300 ppi) and a seeded Random and returns encoded bytes.

- `sheetfed-jpeg-180`: a sheet-fed document scanner's colour scan at 180 ppi: the sheet
  a little skewed by the rollers, its rows stretched unevenly as the feed speed wavers, a
  grey streak down the page from dust on the scan glass, JPEG quality 72.
- `phone-angle-warm`: a phone photo taken at an angle under a warm desk lamp: the page
  keystoned on a desk, yellow light brightest near the lamp, the phone's soft shadow over
  a corner, a little shake blur and sensor noise, JPEG quality 80.
- `copy-of-copy-grey`: a photocopy of a photocopy, scanned grey at 200 ppi: each
  generation shifted and turned a little on the glass, its tones pushed towards black
  and white, toner specks added and thin strokes lost; dark bands where the lid left the
  glass open, JPEG quality 66.
- `fax-standard-bw`: a fax at standard resolution: 1728 dots a line (204 dpi) and 98
  lines an inch, thresholded black and white, each line doubled on receipt to 196 lines
  an inch, a few lines lost or repeated in transmission, PNG.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _resize(img: np.ndarray, ppi: float) -> np.ndarray:
    k = ppi / 300.0
    size = (int(img.shape[1] * k + 0.5), int(img.shape[0] * k + 0.5))
    return cv2.resize(img, size, interpolation=cv2.INTER_AREA)


def _encode_jpeg(img: np.ndarray, quality: int) -> bytes:
    ok, data = cv2.imencode(
        ".jpg", np.clip(img, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, quality]
    )
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return data.tobytes()


def _turn(img: np.ndarray, degrees: float, shift: tuple[float, float], border: float) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    m[:, 2] += np.array(shift)
    fill = (border,) * (3 if img.ndim == 3 else 1)
    return cv2.warpAffine(
        img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill
    )


def sheetfed_jpeg_180(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    page: np.ndarray = _resize(img, 180).astype(np.float32)
    h, w = page.shape[:2]
    # uneven feed: each row's source position drifts around the ideal one
    t = np.arange(h, dtype=np.float32)
    wobble: np.ndarray = sum(
        rng.uniform(0.6, 1.8) * np.sin(2 * np.pi * t / rng.uniform(180, 700) + rng.uniform(0, 6))
        for _ in range(2)
    )
    map_y = np.clip(t + wobble, 0, h - 1)[:, None].repeat(w, axis=1).astype(np.float32)
    map_x = np.arange(w, dtype=np.float32)[None, :].repeat(h, axis=0)
    page = cv2.remap(page, map_x, map_y, cv2.INTER_LINEAR)
    page = _turn(page, rng.uniform(-0.9, 0.9), (rng.uniform(-6, 6), rng.uniform(-4, 8)), 238.0)
    # paper a little off white, a dust streak down the page
    page = page * np.array([0.955, 0.965, 0.975], np.float32) + 4
    x = rng.randrange(int(w * 0.1), int(w * 0.9))
    page[:, x : x + rng.randint(1, 3)] *= rng.uniform(0.72, 0.86)
    page += g.normal(0, 1.8, page.shape).astype(np.float32)
    page = cv2.GaussianBlur(page, (0, 0), 0.45)
    return _encode_jpeg(page, 72)


def phone_angle_warm(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    page = _resize(img, 210)
    ph, pw = page.shape[:2]
    out_w, out_h = int(pw * 1.1), int(ph * 1.07)
    # seen from below and to one side: the far edge narrower
    lean = rng.choice((-1, 1))
    near, far = rng.uniform(0.03, 0.05), rng.uniform(0.09, 0.13)
    top = 0.03 * out_h
    bottom = 0.975 * out_h
    left_in = far if lean > 0 else near
    right_in = near if lean > 0 else far
    dst = np.array(
        [
            [out_w * (left_in + 0.01), top + rng.uniform(0, 0.01) * out_h],
            [out_w * (1 - right_in - 0.01), top + rng.uniform(0, 0.01) * out_h],
            [out_w * (1 - near * 0.6), bottom],
            [out_w * near * 0.6, bottom - rng.uniform(0, 0.01) * out_h],
        ],
        np.float32,
    )
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    desk = (rng.uniform(70, 95), rng.uniform(95, 120), rng.uniform(125, 150))  # wood, BGR
    shot: np.ndarray = cv2.warpPerspective(
        page,
        cv2.getPerspectiveTransform(src, dst),
        (out_w, out_h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=desk,
    ).astype(np.float32)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    # a warm lamp above one upper corner
    lx = out_w * (0.15 if rng.random() < 0.5 else 0.85)
    ly = -out_h * 0.1
    dist = np.hypot((xx - lx) / out_w, (yy - ly) / out_h)
    light = 1.06 - 0.34 * dist
    shot *= light[..., None]
    shot *= np.array([0.74, 0.9, 1.03], np.float32)  # BGR: tungsten
    # the phone's shadow: a soft dark band across a lower corner
    cx = out_w * rng.choice((0.0, 1.0))
    reach = (np.abs(xx - cx) + (out_h - yy)) / np.sqrt(2)
    edge = out_h * rng.uniform(0.12, 0.2)
    shade = 1 - rng.uniform(0.22, 0.32) / (1 + np.exp((reach - edge) / (out_h * 0.025)))
    shot *= shade[..., None]
    k = rng.randint(3, 5)
    kernel: np.ndarray = np.zeros((k, k), np.float32)
    kernel[k // 2, :] = 1 / k
    kernel = cv2.warpAffine(
        kernel, cv2.getRotationMatrix2D((k / 2 - 0.5, k / 2 - 0.5), rng.uniform(0, 180), 1), (k, k)
    )
    kernel = (kernel / max(float(kernel.sum()), 1e-6)).astype(np.float32)
    shot = cv2.filter2D(shot, -1, kernel)
    shot += g.normal(0, 3.2, shot.shape).astype(np.float32)
    return _encode_jpeg(shot, 80)


def _photocopy(gray: np.ndarray, rng: random.Random, g: np.random.Generator) -> np.ndarray:
    """One generation: on the glass a little askew, tones pushed apart, toner specks."""
    out = _turn(gray, rng.uniform(-0.7, 0.7), (rng.uniform(-8, 8), rng.uniform(-8, 8)), 255.0)
    out = cv2.GaussianBlur(out, (0, 0), 0.8)
    mid = rng.uniform(168, 188)
    out = 255 / (1 + np.exp(-(out - mid) / rng.uniform(16, 22)))
    specks = g.random(out.shape) < 3e-5
    out[cv2.dilate(specks.astype(np.uint8), np.ones((2, 2), np.uint8)) > 0] *= 0.3
    return out.astype(np.float32)


def copy_of_copy_grey(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    gray: np.ndarray = cv2.cvtColor(_resize(img, 200), cv2.COLOR_BGR2GRAY).astype(np.float32)
    for _ in range(2):
        gray = _photocopy(gray, rng, g)
    w = gray.shape[1]
    # where the lid did not close on the glass: a dark band along an edge
    band = rng.randint(10, 28)
    edge = rng.choice(("top", "left", "right"))
    ramp = np.linspace(0.25, 1.0, band, dtype=np.float32)
    if edge == "top":
        gray[:band] *= ramp[:, None]
    elif edge == "left":
        gray[:, :band] *= ramp[None, :]
    else:
        gray[:, w - band :] *= ramp[::-1][None, :]
    gray = gray * 0.9 + 12 + g.normal(0, 2.5, gray.shape).astype(np.float32)
    return _encode_jpeg(gray, 66)


def fax_standard_bw(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    gray: np.ndarray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY).astype(np.float32)
    lines = int(gray.shape[0] / 300 * 98 + 0.5)
    sent: np.ndarray = cv2.resize(gray, (1728, lines), interpolation=cv2.INTER_AREA)
    sent = _turn(sent, rng.uniform(-0.4, 0.4), (0.0, rng.uniform(-3, 3)), 255.0)
    sent += g.normal(0, 6, sent.shape).astype(np.float32)
    bw = np.where(sent < rng.uniform(160, 178), 0, 255).astype(np.uint8)
    # transmission faults: a few lines lost (white) or repeated
    for _ in range(rng.randint(2, 6)):
        r = rng.randrange(1, lines)
        if rng.random() < 0.5:
            bw[r] = 255
        else:
            bw[r] = bw[r - 1]
    received = np.repeat(bw, 2, axis=0)
    ok, data = cv2.imencode(".png", received)
    if not ok:
        raise RuntimeError("PNG encoding failed")
    return data.tobytes()


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "sheetfed-jpeg-180": sheetfed_jpeg_180,
    "phone-angle-warm": phone_angle_warm,
    "copy-of-copy-grey": copy_of_copy_grey,
    "fax-standard-bw": fax_standard_bw,
}
CAPTURES = tuple(PROFILES)
