"""The `ps` corpus's own capture profiles, from the clean 300 ppi RGB page Ghostscript drew:
a clerk's flatbed scan in gray, a phone photo by a window, a multifunction copier's
black-and-white copy with red dropout, and a fax relayed at fine resolution (204 × 196
dpi, bilevel, a dropped scan line or two). Each returns the file's bytes: JPEG for the
gray and colour ones, PNG for the bilevel ones."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("flatbed-gray-300", "phone-window-light", "mfp-copy-bw", "fax-fine-204")


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(32))


def _turn(img: np.ndarray, deg: float, border: int | tuple[int, int, int]) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def flatbed_gray(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    gray = _turn(gray, rng.uniform(-0.6, 0.6), 250)
    gray = cv2.GaussianBlur(gray, (0, 0), 0.7)
    out = gray.astype(np.float32) * 0.96 + 6 + g.normal(0, 2.5, gray.shape)
    _, buf = cv2.imencode(
        ".jpg", np.clip(out, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, 88]
    )
    return buf.tobytes()


def phone_window(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    h, w = img.shape[:2]
    scale = 0.78
    sw, sh = int(w * scale), int(h * scale)
    small = cv2.resize(img, (sw, sh), interpolation=cv2.INTER_AREA)
    cw, ch = int(sw * 1.08), int(sh * 1.06)
    d = [rng.uniform(0.01, 0.035) for _ in range(8)]
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], dtype=np.float32)
    dst = np.array([
        [cw * d[0] + 20, ch * d[1] + 20], [cw * (1 - d[2]) - 20, ch * d[3] + 20],
        [cw * (1 - d[4]) - 20, ch * (1 - d[5]) - 20], [cw * d[6] + 20, ch * (1 - d[7]) - 20],
    ], dtype=np.float32)  # fmt: skip
    m = cv2.getPerspectiveTransform(src, dst)
    photo = cv2.warpPerspective(
        small, m, (cw, ch), flags=cv2.INTER_LINEAR, borderValue=(70, 80, 92)
    )
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    side = rng.choice((0, 1))
    ramp = (xx / cw) if side else (1 - xx / cw)
    light = 0.72 + 0.3 * ramp + 0.05 * np.sin(yy / ch * np.pi)
    cast = np.array([0.95, 0.99, 1.03], dtype=np.float32)  # BGR: a cool daylight cast
    out = photo.astype(np.float32) * light[..., None] * cast
    out = cv2.GaussianBlur(out, (0, 0), 1.0) + g.normal(0, 3.5, out.shape)
    _, buf = cv2.imencode(
        ".jpg", np.clip(out, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, 80]
    )
    return buf.tobytes()


def mfp_copy_bw(img: np.ndarray, rng: random.Random) -> bytes:
    """The copier's red dropout: its red channel only, so seals fade and ink stays."""
    g = _np(rng)
    gray = np.ascontiguousarray(img[:, :, 2])
    gray = _turn(gray, rng.uniform(-0.9, 0.9), 255)
    gray = cv2.GaussianBlur(gray, (0, 0), 0.9).astype(np.float32) + g.normal(0, 6, gray.shape)
    bw = np.where(gray < 150, 0, 255).astype(np.uint8)
    specks = g.random(bw.shape) < 0.00015
    bw[specks] = 0
    _, buf = cv2.imencode(".png", bw, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    return buf.tobytes()


def fax_fine(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    fax = cv2.resize(gray, (int(w * 204 / 300), int(h * 196 / 300)), interpolation=cv2.INTER_AREA)
    fax = _turn(fax, rng.uniform(-0.5, 0.5), 255).astype(np.float32) + g.normal(0, 5, fax.shape)
    bw = np.where(fax < 160, 0, 255).astype(np.uint8)
    for _ in range(rng.randint(1, 3)):  # a relay's dropped scan line
        r = rng.randrange(bw.shape[0])
        bw[r] = 255
    _, buf = cv2.imencode(".png", bw, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    return buf.tobytes()


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "flatbed-gray-300": flatbed_gray,
    "phone-window-light": phone_window,
    "mfp-copy-bw": mfp_copy_bw,
    "fax-fine-204": fax_fine,
}
