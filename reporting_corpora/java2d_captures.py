"""The `java2d` corpus's four capture profiles, its own: how a service hall's counter gets
the paper. Each takes a clean 300 ppi BGR page and the page's seeded rng and returns the
file's bytes (JPEG or PNG, more than 1500 px high), readable by a person throughout."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("counter-gray-flatbed", "copier-adf-mono", "phone-desk-lamp", "fax-fine-relay")


def _resize(img: np.ndarray, scale: float) -> np.ndarray:
    h, w = img.shape[:2]
    return cv2.resize(img, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)


def _skew(img: np.ndarray, deg: float, fill: int | tuple[int, int, int]) -> np.ndarray:
    h, w = img.shape[:2]
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(img, mat, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def _noise(nrng: np.random.Generator, img: np.ndarray, sigma: float) -> np.ndarray:
    return np.clip(img.astype(np.float32) + nrng.normal(0, sigma, img.shape), 0, 255).astype(
        np.uint8
    )


def _jpeg(img: np.ndarray, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def _png(img: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".png", img, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    assert ok
    return buf.tobytes()


def counter_gray_flatbed(img: np.ndarray, rng: random.Random) -> bytes:
    """The counter's flatbed at 250 dpi in grey: a slight turn, a warm lid shadow at one
    edge, sensor noise, a little blur, JPEG."""
    nrng = np.random.default_rng(rng.getrandbits(32))
    g = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    g = _resize(g, 250 / 300)
    g = _skew(g, rng.uniform(-0.9, 0.9), 255)
    _h, w = g.shape
    edge = np.linspace(0, 1, w, dtype=np.float32)
    if rng.random() < 0.5:
        edge = edge[::-1]
    shade = 1 - 0.12 * np.clip(1 - edge * 25, 0, 1)
    g = (g.astype(np.float32) * 0.93 + 10) * shade[None, :]
    g = cv2.GaussianBlur(np.clip(g, 0, 255).astype(np.uint8), (3, 3), 0.6)
    return _jpeg(_noise(nrng, g, 3.0), rng.randint(82, 90))


def _red_dropout(img: np.ndarray) -> np.ndarray:
    """Grey as a black-and-white scanner's red-dropout mode sees the page: mostly the red
    channel, so a red seal goes pale and the text under it stays black."""
    b, g, r = (img[..., k].astype(np.float32) for k in range(3))
    return np.clip(0.8 * r + 0.15 * g + 0.05 * b, 0, 255).astype(np.uint8)


def copier_adf_mono(img: np.ndarray, rng: random.Random) -> bytes:
    """An office copier's document feeder at 200 dpi in black and white (red dropout, a
    local threshold), a feed skew and a faint roller line, PNG."""
    nrng = np.random.default_rng(rng.getrandbits(32))
    g = _red_dropout(img)
    g = _resize(g, 200 / 300)
    g = _skew(g, rng.uniform(-1.4, 1.4), 255)
    g = cv2.GaussianBlur(g, (3, 3), 0.5)
    g = _noise(nrng, g, 6.0)
    local = cv2.adaptiveThreshold(g, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 31, 10)
    bw = np.where((local == 0) & (g < 205), 0, 255).astype(np.uint8)
    x = rng.randint(50, bw.shape[1] - 50)
    bw[:, x : x + 2] = np.minimum(
        bw[:, x : x + 2], np.where(nrng.random((bw.shape[0], 1)) < 0.6, 90, 255)
    )
    specks = nrng.random(bw.shape) < 0.0004
    bw[specks] = 0
    return _png(bw)


def phone_desk_lamp(img: np.ndarray, rng: random.Random) -> bytes:
    """A phone photo on the counter under a desk lamp: perspective, the page on a darker
    desk, light falling off from one corner, a warm cast, a little blur, JPEG."""
    nrng = np.random.default_rng(rng.getrandbits(32))
    small = _resize(img, 0.72)
    h, w = small.shape[:2]
    pad = int(0.06 * w)
    ow, oh = w + 2 * pad, h + 2 * pad
    j = lambda: rng.uniform(-0.025, 0.025) * w  # noqa: E731
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    dst = np.array([
        [pad + j() + 0.02 * w, pad + j()], [ow - pad + j(), pad + j() + 0.015 * w],
        [ow - pad + j() - 0.01 * w, oh - pad + j()], [pad + j(), oh - pad + j()],
    ], dtype=np.float32)  # fmt: skip
    mat = cv2.getPerspectiveTransform(src, dst)
    desk = (int(60 + rng.random() * 30), int(80 + rng.random() * 30), int(100 + rng.random() * 30))
    photo = cv2.warpPerspective(small, mat, (ow, oh), flags=cv2.INTER_LINEAR, borderValue=desk)
    yy, xx = np.mgrid[0:oh, 0:ow].astype(np.float32)
    cx, cy = rng.choice(((0, 0), (ow, 0), (0, oh), (ow, oh)))
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.hypot(ow, oh)
    light = 1.05 - 0.32 * dist
    out = photo.astype(np.float32) * light[..., None]
    out *= np.array([0.90, 0.97, 1.04], dtype=np.float32)  # warm: less blue, more red
    out = cv2.GaussianBlur(np.clip(out, 0, 255).astype(np.uint8), (3, 3), 0.8)
    return _jpeg(_noise(nrng, out, 4.0), rng.randint(72, 82))


def fax_fine_relay(img: np.ndarray, rng: random.Random) -> bytes:
    """A fax in fine mode (204 × 196 dpi) printed and rescanned: black and white (red
    dropout, a global threshold), a few thin dropout lines across the page, PNG at the
    fax's own resolution."""
    nrng = np.random.default_rng(rng.getrandbits(32))
    g = _red_dropout(img)
    h, w = g.shape
    g = cv2.resize(g, (round(w * 204 / 300), round(h * 196 / 300)), interpolation=cv2.INTER_AREA)
    g = _skew(g, rng.uniform(-0.6, 0.6), 255)
    g = _noise(nrng, g, 5.0)
    bw = np.where(g < rng.randint(178, 196), 0, 255).astype(np.uint8)
    for _ in range(rng.randint(2, 5)):
        y = rng.randint(0, bw.shape[0] - 2)
        bw[y, :] = np.where(nrng.random(bw.shape[1]) < 0.85, 255, bw[y, :])
    return _png(bw)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "counter-gray-flatbed": counter_gray_flatbed,
    "copier-adf-mono": copier_adf_mono,
    "phone-desk-lamp": phone_desk_lamp,
    "fax-fine-relay": fax_fine_relay,
}
