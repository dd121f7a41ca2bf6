"""The `pygame` corpus's capture profiles: how a clean 300 ppi page reaches the service
hall. Each is deterministic from the page's seeded Random, moderate (a careful clerk would
accept the page) and writes JPEG:

- `doccam-barrel`: the counter's document camera looking down on the page, its cheap
  lens bowing straight lines outward a little (barrel distortion), a slight turn, warm
  lamp light falling off to the corners, sensor noise, about 220 ppi.
- `gray150-heavyjpeg`: a 150 ppi greyscale scan saved by the scanner's "small file"
  setting: JPEG quality about 30, its 8×8 blocks and ringing round the strokes.
- `wooden-desk-phone`: a phone photo of the page lying on a wooden desk, taken at an
  angle (a gentle keystone), the desk's grain round it, light brighter on one side.
- `gen2-copy-grey-stock`: a photocopy of a photocopy on grey recycled paper: toner
  spread twice (strokes a little fatter and softer), contrast pushed, paper fibres and
  specks, the second copy slightly shifted and skewed."""

from __future__ import annotations

import random
from collections.abc import Callable

import cv2
import numpy as np

CAPTURES = ("doccam-barrel", "gray150-heavyjpeg", "wooden-desk-phone", "gen2-copy-grey-stock")


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def _bgr(image: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(image[:, :, ::-1])


def doccam_barrel(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    img = _bgr(image)
    h, w = img.shape[:2]
    scale = 220 / 300
    oh, ow = int(h * scale), int(w * scale)
    # barrel distortion and a slight turn, in one remap (output pixel -> page pixel)
    k = rng.uniform(0.025, 0.045)
    turn = np.radians(rng.uniform(-1.2, 1.2))
    yy, xx = np.mgrid[0:oh, 0:ow].astype(np.float32)
    nx, ny = (xx - ow / 2) / (ow / 2), (yy - oh / 2) / (oh / 2)
    r2 = nx * nx + ny * ny
    f = (1 + k * r2) / (1 + k)  # page edges stay near the frame's edges
    nx, ny = nx * f, ny * f
    c, s = np.cos(turn), np.sin(turn)
    rx, ry = c * nx - s * ny, s * nx + c * ny
    map_x = (rx * 0.97 * w / 2 + w / 2).astype(np.float32)
    map_y = (ry * 0.97 * h / 2 + h / 2).astype(np.float32)
    out: np.ndarray = cv2.remap(
        img,
        map_x,
        map_y,
        cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(70, 74, 78),
    )
    out = cv2.GaussianBlur(out, (0, 0), 0.7)
    # warm lamp light, falling off to the corners
    light = (1.0 - rng.uniform(0.12, 0.2) * r2 / 2)[..., None]
    warm = np.array([0.88, 0.96, 1.0], np.float32)  # B, G, R
    out = out.astype(np.float32) * light * warm
    out += g.normal(0, 3.5, out.shape)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 82)


def gray150_heavyjpeg(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    gray = cv2.cvtColor(_bgr(image), cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    small: np.ndarray = cv2.resize(gray, (w // 2, h // 2), interpolation=cv2.INTER_AREA).astype(
        np.float32
    )
    # the scanner's lamp: paper a little grey, ink not quite black
    small = 18 + small * (rng.uniform(226, 240) - 18) / 255
    small += g.normal(0, 2.0, small.shape)
    return _jpeg(np.clip(small, 0, 255).astype(np.uint8), rng.randint(28, 34))


def _wood(g: np.random.Generator, h: int, w: int) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    wobble = cv2.resize(g.normal(0, 1, (8, 6)).astype(np.float32), (w, h)) * 40
    grain = np.sin((xx + wobble + 0.08 * yy) / g.uniform(9, 16)) * 0.5 + 0.5
    fine = cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 3) * 6
    base = np.array([48, 86, 128], np.float32)  # B, G, R: a mid brown
    return base * (0.8 + 0.25 * grain)[..., None] + fine[..., None]


def wooden_desk_phone(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    img = _bgr(image)
    h, w = img.shape[:2]
    ow, oh = 2250, 3000
    # the page's corners in the photo: a gentle keystone, the far edge narrower
    inset = rng.uniform(0.04, 0.07)
    squeeze = rng.uniform(0.03, 0.06)
    side = rng.choice((-1, 1)) * rng.uniform(0, 0.02)
    tl = (ow * (inset + squeeze + side), oh * inset)
    tr = (ow * (1 - inset - squeeze + side), oh * (inset + rng.uniform(-0.01, 0.01)))
    br = (ow * (1 - inset), oh * (1 - inset * 0.7))
    bl = (ow * inset, oh * (1 - inset * 0.7))
    src = np.array([(0, 0), (w, 0), (w, h), (0, h)], np.float32)
    dst = np.array([tl, tr, br, bl], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    page: np.ndarray = cv2.warpPerspective(img, m, (ow, oh), flags=cv2.INTER_AREA)
    mask: np.ndarray = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, (ow, oh))
    mask = cv2.GaussianBlur(mask, (0, 0), 1.2).astype(np.float32)[..., None] / 255
    desk = _wood(g, oh, ow)
    out: np.ndarray = page.astype(np.float32) * mask + desk * (1 - mask)
    # light brighter on the side of the window
    xx = np.linspace(0, 1, ow, dtype=np.float32)[None, :, None]
    if rng.random() < 0.5:
        xx = 1 - xx
    out *= 0.84 + 0.16 * xx
    out = np.asarray(cv2.GaussianBlur(out, (0, 0), 0.9), np.float64)
    out = out + g.normal(0, 4.0, out.shape)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 85)


def gen2_copy_grey_stock(image: np.ndarray, rng: random.Random) -> bytes:
    g = _np(rng)
    gray: np.ndarray = cv2.cvtColor(_bgr(image), cv2.COLOR_BGR2GRAY).astype(np.float32)
    h, w = gray.shape
    for _ in range(2):  # two generations of copying: toner spreads, contrast is pushed
        gray = cv2.GaussianBlur(gray, (0, 0), 0.9)
        gray = np.clip((gray - 128) * 1.35 + 140, 0, 255)
    ink: np.ndarray = 255 - gray
    ink = cv2.dilate(ink, np.ones((2, 2), np.uint8))
    gray = 255 - ink
    # shifted and skewed on the second copy
    m: np.ndarray = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-0.8, 0.8), 1.0)
    m[:, 2] += (rng.uniform(-20, 20), rng.uniform(-25, 25))
    gray = cv2.warpAffine(gray, m, (w, h), borderValue=255)
    # grey recycled stock: its tone, fibres and specks under the toner
    paper = (
        rng.uniform(212, 226)
        + cv2.GaussianBlur(g.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 6) * 10
    )
    fibres = np.zeros((h, w), np.float32)
    for _ in range(220):
        x, y = int(g.integers(0, w)), int(g.integers(0, h))
        a = g.uniform(0, np.pi)
        ln = g.uniform(8, 30)
        cv2.line(
            fibres,
            (x, y),
            (int(x + ln * np.cos(a)), int(y + ln * np.sin(a))),
            float(g.uniform(15, 40)),
            1,
        )
    specks: np.ndarray = (g.random((h, w)) < 0.0004).astype(np.float32) * 140
    specks = cv2.GaussianBlur(specks, (0, 0), 0.8)
    out = np.minimum(gray / 255 * paper, paper) - fibres - specks
    out += g.normal(0, 3.0, out.shape)
    return _jpeg(np.clip(out, 0, 255).astype(np.uint8), 80)


PROFILES: dict[str, Callable[[np.ndarray, random.Random], bytes]] = {
    "doccam-barrel": doccam_barrel,
    "gray150-heavyjpeg": gray150_heavyjpeg,
    "wooden-desk-phone": wooden_desk_phone,
    "gen2-copy-grey-stock": gen2_copy_grey_stock,
}
