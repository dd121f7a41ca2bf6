"""Capture profiles of the `wand` corpus, deterministic from the page's Random:
mailroom-gray-200 (grey flatbed at 200 dpi), counter-webcam (document camera at the
counter: soft, warm, vignetted), sheet-protector-scan (scanned in a plastic sleeve: haze
and a glossy band), punched-binder-copy (photocopy of a punched page, slightly skewed)."""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image, ImageFilter

CAPTURES = ("mailroom-gray-200", "counter-webcam", "sheet-protector-scan", "punched-binder-copy")


def _gen(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _jpeg(img: Image.Image, q: int) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=q)
    return out.getvalue()


def mailroom_gray_200(image: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    img = Image.fromarray(image).convert("L")
    img = img.resize((img.width * 2 // 3, img.height * 2 // 3), Image.Resampling.LANCZOS)
    img = img.rotate(rng.uniform(-0.6, 0.6), Image.Resampling.BICUBIC, fillcolor=255)
    a = np.asarray(img, np.float64)
    a = 255 * (a / 255) ** 1.15 + g.normal(0, 4, a.shape)
    return _jpeg(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)), 85)


def counter_webcam(image: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    img = Image.fromarray(image).resize((1650, 2333), Image.Resampling.BILINEAR)
    img = img.rotate(rng.uniform(-1.5, 1.5), Image.Resampling.BICUBIC, fillcolor=(235, 232, 224))
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    a = np.asarray(img, np.float32)
    h, w = a.shape[:2]
    yy, xx = np.ogrid[0:h, 0:w]
    r = ((yy - h / 2) / h) ** 2 + ((xx - w / 2) / w) ** 2
    a = a * (1 - 0.35 * r)[..., None] * np.array([1.0, 0.96, 0.88], np.float32)
    a += g.normal(0, 5, a.shape).astype(np.float32)
    return _jpeg(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)), 72)


def sheet_protector_scan(image: np.ndarray, rng: random.Random) -> bytes:
    img = Image.fromarray(image).resize((2067, 2923), Image.Resampling.LANCZOS)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    a = np.asarray(img, np.float32)
    a = 30 + a * 0.85  # haze: blacks lift
    h, w = a.shape[:2]
    yy, xx = np.ogrid[0:h, 0:w]
    band = np.exp(
        -((((xx + yy * rng.uniform(0.3, 0.6)) - rng.uniform(0.3, 0.7) * w * 1.4) / 90.0) ** 2)
    )
    a = a + 40 * band[..., None]
    return _jpeg(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)), 82)


def punched_binder_copy(image: np.ndarray, rng: random.Random) -> bytes:
    g = _gen(rng)
    img = Image.fromarray(image).convert("L")
    img = img.rotate(rng.uniform(-1.2, 1.2), Image.Resampling.BICUBIC, fillcolor=250)
    img = img.resize((2067, 2923), Image.Resampling.LANCZOS)
    a = np.asarray(img, np.float64)
    a = np.where(a < 150, a * 0.6, np.minimum(255, a * 1.05)) + g.normal(0, 6, a.shape)
    h, w = a.shape
    yy, xx = np.ogrid[0:h, 0:w]
    for cy in (h / 2 - 470, h / 2 + 470):
        a[(yy - cy) ** 2 + (xx - 70) ** 2 < 42**2] = 25  # the punched holes
    return _jpeg(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)), 80)


PROFILES = {
    "mailroom-gray-200": mailroom_gray_200,
    "counter-webcam": counter_webcam,
    "sheet-protector-scan": sheet_protector_scan,
    "punched-binder-copy": punched_binder_copy,
}
