"""The `satori` corpus's capture profiles: how a clean 300 ppi page (BGR) comes back from
a service hall's devices, deterministic from the page's Random. Each returns the encoded
file (JPEG, or PNG for the copier's bilevel-looking output).

- duplex-gray-240: a high-speed duplex sheet-fed scanner, 240 dpi greyscale, slight skew
  and feed stretch, a faint show-through of the back page, JPEG quality 72;
- desk-phone-shadow: a phone photo of the page on a wooden desk, turned up to 3 degrees
  with a little perspective, a soft shadow of the hand or phone across a corner, warm
  light falling off, sensor noise, JPEG quality 82;
- second-copy-dropout: a photocopy of a photocopy, greyscale, contrast pushed, toner
  drop-outs (pale patches and a pale streak along the drum), background specks, a
  slight blur, PNG;
- textured-color-200: a 200 dpi colour flatbed scan of slightly yellowed paper with
  fibre texture, JPEG quality 85.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np


def _np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _jpeg(img: np.ndarray, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def _rotate(img: np.ndarray, deg: float, border: tuple[int, ...] | int) -> np.ndarray:
    h, w = img.shape[:2]
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(
        img, mat, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def _low_freq(g: np.random.Generator, h: int, w: int, cells: int) -> np.ndarray:
    """Smooth noise in [-1, 1] varying over about `cells` cells across the page."""
    small = g.uniform(-1, 1, (max(2, cells * h // max(h, w)), max(2, cells * w // max(h, w))))
    return cv2.resize(small.astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)


def duplex_gray_240(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np_rng(rng)
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    # show-through of the back: a mirrored, blurred, faint copy of the page itself
    back = cv2.GaussianBlur(cv2.flip(gray, 1), (0, 0), 6).astype(np.float32)
    page = gray.astype(np.float32) - (255 - back) * rng.uniform(0.04, 0.08)
    page = _rotate(page, rng.uniform(-0.6, 0.6), 235)
    scale = 240 / 300
    stretch = rng.uniform(0.995, 1.01)  # roller feed
    out = cv2.resize(page, (int(w * scale), int(h * scale * stretch)), interpolation=cv2.INTER_AREA)
    out = cv2.GaussianBlur(out, (0, 0), 0.6)
    # the scanner's tone curve: paper a little grey, ink pushed darker
    out = (out - 255) * rng.uniform(1.12, 1.22) + rng.uniform(238, 246)
    out += g.normal(0, 2.5, out.shape)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 72)


def desk_phone_shadow(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np_rng(rng)
    h, w = img.shape[:2]
    scale = rng.uniform(0.78, 0.86)
    pw, ph = int(w * scale), int(h * scale)
    page = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA)
    cw, ch = int(pw * 1.14), int(ph * 1.1)
    # a wooden desk: brown with grain along x
    grain = _low_freq(g, ch, cw, 8) * 10 + np.sin(np.linspace(0, 60, ch))[:, None] * 6
    desk = np.stack([70 + grain, 105 + grain, 150 + grain], axis=2)
    # where the page's corners go: turned up to 3 degrees, a little perspective
    ang = np.radians(rng.uniform(-3, 3))
    cx, cy = cw / 2, ch / 2
    corners = np.array([[-pw / 2, -ph / 2], [pw / 2, -ph / 2], [pw / 2, ph / 2], [-pw / 2, ph / 2]])
    rot = np.array([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]])
    dst = corners @ rot.T + [cx, cy]
    dst += g.uniform(-0.012, 0.012, (4, 2)) * [pw, ph]
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    mat = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    warped = cv2.warpPerspective(
        page,
        mat,
        (cw, ch),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(0, 0, 0),
    )
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), mat, (cw, ch))[..., None]
    out = warped.astype(np.float32) * mask + desk * (1 - mask)
    # warm light falling off from one side, and a soft shadow across a corner
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    lx, ly = rng.uniform(0, cw), rng.uniform(0, ch * 0.3)
    fall = 1 - 0.22 * np.hypot(xx - lx, yy - ly) / np.hypot(cw, ch)
    sx = rng.uniform(0.55, 0.8) * cw
    edge = (xx - sx) + (yy - ch * rng.uniform(0.6, 0.85)) * rng.uniform(0.4, 0.9)
    shadow = 1 - rng.uniform(0.25, 0.38) / (1 + np.exp(-edge / 60))
    light = (fall * shadow)[..., None]
    out = out * light * np.array([0.92, 0.98, 1.04], np.float32)
    out = cv2.GaussianBlur(out, (0, 0), 0.9)
    out += g.normal(0, 3.5, out.shape)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 82)


def second_copy_dropout(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np_rng(rng)
    gray: np.ndarray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY).astype(np.float32)
    h, w = gray.shape
    # two generations: each blurs a little and pushes contrast
    for _ in range(2):
        gray = cv2.GaussianBlur(gray, (0, 0), 0.8)
        gray = np.clip((gray - 150) * 1.3 + 150, 0, 255)
    gray = _rotate(gray, rng.uniform(-0.8, 0.8), 255)
    # toner drop-outs: pale patches and a pale streak where the drum is worn
    patches = np.clip(_low_freq(g, h, w, 24), 0, 1) ** 2 * rng.uniform(0.35, 0.55)
    streak_x = rng.randint(w // 6, w * 5 // 6)
    xx = np.arange(w, dtype=np.float32)[None, :]
    streak = np.exp(-(((xx - streak_x) / rng.uniform(15, 40)) ** 2)) * rng.uniform(0.35, 0.55)
    fade = np.clip(patches + streak, 0, 0.75)
    gray = gray + (255 - gray) * fade
    # specks of toner on the background and a grey edge from the copier lid
    specks = g.random((h, w)) < 0.0004
    gray[specks] = g.uniform(40, 120, int(specks.sum()))
    gray[:, : rng.randint(10, 40)] *= 0.6
    gray += g.normal(0, 2, gray.shape)
    ok, buf = cv2.imencode(
        ".png", np.clip(gray, 0, 255).astype(np.uint8), [cv2.IMWRITE_PNG_COMPRESSION, 6]
    )
    assert ok
    return buf.tobytes()


def textured_color_200(img: np.ndarray, rng: random.Random) -> bytes:
    g = _np_rng(rng)
    h, w = img.shape[:2]
    scale = 200 / 300
    small = cv2.resize(img, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    out: np.ndarray = small.astype(np.float32)
    oh, ow = out.shape[:2]
    # paper: slightly yellowed, blotchy, with fibres
    tint = np.array([rng.uniform(0.86, 0.92), rng.uniform(0.94, 0.97), 1.0], np.float32)
    blotch = 1 + _low_freq(g, oh, ow, 30)[..., None] * 0.025
    fibres = np.zeros((oh, ow), np.float32)
    for _ in range(400):
        x, y = rng.randrange(ow), rng.randrange(oh)
        dx, dy = rng.randint(-25, 25), rng.randint(-25, 25)
        cv2.line(fibres, (x, y), (x + dx, y + dy), rng.uniform(6, 16), 1, cv2.LINE_AA)
    paper = (255 * tint * blotch) - fibres[..., None]
    ink = out / 255.0
    out = np.asarray(paper * ink, np.float32)  # ink multiplies the paper
    out = _rotate(out, rng.uniform(-0.5, 0.5), (236, 238, 240))
    out = np.asarray(cv2.GaussianBlur(out, (0, 0), 0.5), np.float32)
    out = out + g.normal(0, 2.0, out.shape)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 85)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "duplex-gray-240": duplex_gray_240,
    "desk-phone-shadow": desk_phone_shadow,
    "second-copy-dropout": second_copy_dropout,
    "textured-color-200": textured_color_200,
}
CAPTURES = tuple(PROFILES)
