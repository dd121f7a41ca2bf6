"""The `coverage` corpus's rasteriser and page model. No font rasteriser and no polygon
filler: every mark is a set of closed outlines flattened to line segments, and each
segment adds its exact signed area coverage into an accumulation buffer (the algorithm of
font-rs and stb_truetype v2, here vectorised with numpy: segments are cut where they
cross a pixel row or column, each piece adds its height, split by where it stands in its
pixel, to that pixel and the next); a cumulative sum along each row gives the winding
number, whose magnitude clipped to 1 is the coverage.

Print glyphs are read by fontTools from MiSans (npm `misans` 4.1.0, Xiaomi, Apache-2.0),
one WOFF2 piece at a time as the package's stylesheet maps characters to pieces.
Entries by hand are pen trails: each stroke's centre line from `hanzi-writer-data`
2.0.1 (Make Me a Hanzi's medians) drawn as a chain of quadrilaterals and round joints of
varying width, with each writer's slant, size drift and jitter; digits and a few marks by
hand have centre lines of our own. Seals (red ring, star, ring words along the arc,
stamped over the text by multiplying) are outlines too, on their own layer."""

from __future__ import annotations

import functools
import json
import math
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

NODE = Path(__file__).resolve().parent.parent / "tests" / "node" / "node_modules"
# role -> (npm package, version, stylesheet/piece stem)
FACES = {
    "print": ("misans", "4.1.0", "MiSans-Regular"),
    "bold": ("misans", "4.1.0", "MiSans-Semibold"),
}
HAND_DATA = ("hanzi-writer-data", "2.0.1")
PPI = 300
PX_W, PX_H = 2480, 3508  # A4
# ink colours (BGR, 0..255) of the layers
INKS = {
    "print": (38, 34, 32),
    "hand": (150, 62, 28),  # ballpoint blue
    "black_pen": (45, 40, 40),
    "seal": (40, 40, 215),
}


class MissingGlyph(ValueError):
    pass


class TruthMismatch(AssertionError):
    pass


# --- faces


@functools.cache
def _pieces(role: str) -> dict[int, str]:
    """codepoint -> WOFF2 piece file, from the package's stylesheet's unicode-range."""
    package, _, stem = FACES[role]
    folder = NODE / package / "lib" / "Normal"
    css = (folder / f"{stem}.min.css").read_text(encoding="utf-8")
    table: dict[int, str] = {}
    for url, ranges in re.findall(r"url\('([^']+)'\)[^}]*?unicode-range:([^;}]+)", css):
        for part in ranges.split(","):
            lo, _, hi = part.strip().removeprefix("U+").partition("-")
            for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
                table.setdefault(cp, str(folder / url))
    return table


@functools.cache
def _font(path: str) -> TTFont:
    return TTFont(path, lazy=True)


def face_file(role: str, ch: str = "证") -> str:
    return _pieces(role)[ord(ch)]


class _FlatPen(BasePen):
    """Flattens a glyph's contours into line segments (font units, y up)."""

    def __init__(self, glyphset: object) -> None:
        super().__init__(glyphset)
        self.segs: list[tuple[float, float, float, float]] = []
        self.start = (0.0, 0.0)
        self.cur = (0.0, 0.0)

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.start = self.cur = pt

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.segs.append((*self.cur, *pt))
        self.cur = pt

    def _qCurveToOne(self, p1: tuple[float, float], p2: tuple[float, float]) -> None:
        p0 = self.cur
        n = max(2, min(12, int(math.dist(p0, p1) + math.dist(p1, p2)) // 40))
        t = np.linspace(0, 1, n + 1)[1:]
        xs = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t**2 * p2[0]
        ys = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t**2 * p2[1]
        for x, y in zip(xs, ys, strict=True):
            self._lineTo((float(x), float(y)))

    def _curveToOne(
        self, p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]
    ) -> None:
        p0 = self.cur
        n = max(3, min(16, int(math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)) // 40))
        t = np.linspace(0, 1, n + 1)[1:]
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
        xs = a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0]
        ys = a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]
        for x, y in zip(xs, ys, strict=True):
            self._lineTo((float(x), float(y)))

    def _closePath(self) -> None:
        if self.cur != self.start:
            self.segs.append((*self.cur, *self.start))
        self.cur = self.start

    _endPath = _closePath


@dataclass(frozen=True)
class Outline:
    segs: np.ndarray  # (n, 4): x0, y0, x1, y1 in em units, y down, baseline at 0
    advance: float  # em


@functools.cache
def glyph(role: str, ch: str) -> Outline | None:
    """`ch`'s outline in the face of `role`, or None when the face lacks it."""
    path = _pieces(role).get(ord(ch))
    if path is None:
        return None
    font = _font(path)
    name = font.getBestCmap().get(ord(ch))
    if name is None:
        return None
    upm = font["head"].unitsPerEm
    pen = _FlatPen(font.getGlyphSet())
    font.getGlyphSet()[name].draw(pen)
    segs = np.array(pen.segs, dtype=np.float64).reshape(-1, 4) / upm
    segs[:, 1] *= -1
    segs[:, 3] *= -1
    advance = font["hmtx"][name][0] / upm
    if ch.strip() and not len(segs):
        return None
    return Outline(_oriented(segs), advance)


def _oriented(segs: np.ndarray) -> np.ndarray:
    """The same outline with its net signed area positive (outer contours one way,
    holes the other), so that every shape adds +1 to the winding number it covers."""
    if not len(segs):
        return segs
    area = float(np.sum(segs[:, 0] * segs[:, 3] - segs[:, 2] * segs[:, 1]))
    return segs if area >= 0 else segs[:, [2, 3, 0, 1]]


@functools.cache
def hand_strokes(ch: str) -> tuple[np.ndarray, ...] | None:
    """`ch`'s strokes as centre lines (em units, y down, baseline at 0), in writing order:
    Make Me a Hanzi's medians for Han characters, our own for digits and marks."""
    if ch in _OWN_STROKES:
        return tuple(np.array(s, dtype=np.float64) for s in _OWN_STROKES[ch])
    path = NODE / HAND_DATA[0] / f"{ch}.json"
    if not ch.strip() or "/" in ch or not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for med in data["medians"]:
        pts = np.array(med, dtype=np.float64)
        out.append(np.stack([pts[:, 0] / 1024, (900 - pts[:, 1]) / 1024 - 0.86], axis=1))
    return tuple(out)


def _own() -> dict[str, list[list[tuple[float, float]]]]:
    """Centre lines of digits and marks written by hand (em units, y down, baseline 0,
    a digit 0.5 em wide and 0.72 em tall)."""

    def arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 14):
        return [
            (
                cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
                cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n)),
            )
            for i in range(n + 1)
        ]

    top, bot = -0.72, 0.0
    return {
        "0": [arc(0.25, -0.36, 0.2, 0.36, -100, 262, 18)],
        "1": [[(0.16, -0.6), (0.27, top), (0.27, bot)]],
        "2": [[*arc(0.25, -0.52, 0.19, 0.19, 200, 380, 10), (0.07, bot), (0.45, bot)]],
        "3": [
            arc(0.24, -0.55, 0.18, 0.17, 210, 450, 10) + arc(0.24, -0.19, 0.2, 0.19, -90, 150, 10)
        ],
        "4": [[(0.33, top), (0.04, -0.22), (0.47, -0.22)], [(0.35, -0.45), (0.35, bot)]],
        "5": [
            [(0.42, top), (0.12, top), (0.09, -0.4), *arc(0.24, -0.22, 0.2, 0.21, -120, 150, 12)]
        ],
        "6": [[(0.38, top), (0.12, -0.35), *arc(0.25, -0.2, 0.17, 0.2, 190, 550, 16)]],
        "7": [[(0.05, top), (0.46, top), (0.2, bot)]],
        "8": [
            arc(0.25, -0.54, 0.16, 0.17, 90, 450, 14) + arc(0.25, -0.19, 0.2, 0.19, -90, 270, 14)
        ],
        "9": [[*arc(0.25, -0.5, 0.18, 0.2, 0, 360, 14), (0.43, -0.5), (0.3, bot)]],
        "X": [[(0.06, top), (0.44, bot)], [(0.44, top), (0.06, bot)]],
        "-": [[(0.08, -0.32), (0.42, -0.32)]],
        ".": [[(0.2, -0.02), (0.23, 0.0)]],
        ":": [[(0.2, -0.46), (0.22, -0.44)], [(0.2, -0.04), (0.22, -0.02)]],
        "/": [[(0.42, top), (0.08, bot)]],
        "，": [[(0.14, -0.1), (0.19, -0.04), (0.12, 0.1)]],
        "。": [arc(0.2, -0.08, 0.08, 0.08, 0, 350, 10)],
        "√": [[(0.05, -0.4), (0.25, 0.0), (0.75, -0.85)]],
    }


_OWN_STROKES = _own()


def missing_glyphs(role: str, text: str) -> str:
    """The characters of `text` (whitespace aside) the face of `role` cannot draw."""
    seen = dict.fromkeys(c for c in text if c.strip())
    if role == "hand":
        return "".join(c for c in seen if hand_strokes(c) is None)
    return "".join(c for c in seen if glyph(role, c) is None)


# --- rasteriser


class Coverage:
    """An accumulation buffer: segments add their signed area, `coverage()` integrates."""

    def __init__(self, h: int, w: int) -> None:
        self.h, self.w = h, w
        self.parts: list[np.ndarray] = []

    def add(self, segs: np.ndarray) -> None:
        """Segments (n, 4) in pixel coordinates (x right, y down), of shapes whose net
        signed area is positive."""
        if len(segs):
            self.parts.append(np.asarray(segs, dtype=np.float64))

    def coverage(self) -> np.ndarray:
        h, w = self.h, self.w
        acc = np.zeros(h * (w + 2), dtype=np.float64)
        for start in range(0, len(self.parts), 400):
            segs = np.concatenate(self.parts[start : start + 400])
            idx, val = _cells(segs, h, w)
            acc += np.bincount(idx, val, minlength=acc.size)
        wind = np.cumsum(acc.reshape(h, w + 2), axis=1)[:, :w]
        cov = np.minimum(np.abs(wind), 1.0).astype(np.float32)
        cov[cov < 1e-6] = 0.0  # rounding left over where windings cancel
        return cov


def _crossings(a0: np.ndarray, a1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each segment, the parameters t at which the coordinate going a0 -> a1 crosses
    an integer (strictly inside)."""
    lo, hi = np.minimum(a0, a1), np.maximum(a0, a1)
    first = np.floor(lo) + 1
    n = np.maximum(np.ceil(hi) - first, 0).astype(np.int64)
    seg = np.repeat(np.arange(len(a0)), n)
    off = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    k = first[seg] + off
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (k - a0[seg]) / (a1 - a0)[seg]
    return seg, t


def _cells(segs: np.ndarray, h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Flat buffer indices and signed area contributions of `segs`: each segment cut at
    every pixel row and column it crosses, so each piece lies in one pixel; a piece of
    height dy whose mean x sits at fraction f of its pixel adds dy*(1-f) there and dy*f
    to the next pixel (the exact area to its right within the row, integrated later)."""
    segs = segs[segs[:, 1] != segs[:, 3]]
    x0, y0, x1, y1 = segs.T
    n = len(segs)
    sy, ty = _crossings(y0, y1)
    sx, tx = _crossings(x0, x1)
    seg = np.concatenate([np.arange(n), np.arange(n), sy, sx])
    t = np.concatenate([np.zeros(n), np.ones(n), ty, tx])
    order = np.lexsort((t, seg))
    seg, t = seg[order], t[order]
    same = seg[:-1] == seg[1:]
    s = seg[:-1][same]
    ta, tb = t[:-1][same], t[1:][same]
    dx, dy = (x1 - x0)[s], (y1 - y0)[s]
    xm = x0[s] + dx * (ta + tb) / 2
    ym = y0[s] + dy * (ta + tb) / 2
    d = dy * (tb - ta)
    row = np.floor(ym).astype(np.int64)
    col = np.floor(xm).astype(np.int64)
    frac = xm - col
    left = col < 0
    frac[left] = 0.0
    col[left] = 0
    keep = (row >= 0) & (row < h) & (col < w) & (d != 0)
    row, col, frac, d = row[keep], col[keep], frac[keep], d[keep]
    base = row * (w + 2) + col
    return np.concatenate([base, base + 1]), np.concatenate([d * (1 - frac), d * frac])


def polygon_segs(points: np.ndarray) -> np.ndarray:
    """A closed polygon's edges, oriented to a positive signed area."""
    p = np.asarray(points, dtype=np.float64)
    q = np.roll(p, -1, axis=0)
    return _oriented(np.concatenate([p, q], axis=1))


def _disc(cx: float, cy: float, r: float, n: int = 10) -> np.ndarray:
    a = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return np.stack([cx + r * np.cos(a), cy + r * np.sin(a)], axis=1)


def _polygons_segs(polys: np.ndarray) -> np.ndarray:
    """The edges of many closed polygons (m, k, 2) of k corners each, every one oriented
    to a positive signed area."""
    q = np.roll(polys, -1, axis=1)
    area = np.sum(polys[..., 0] * q[..., 1] - q[..., 0] * polys[..., 1], axis=1)
    segs = np.concatenate([polys, q], axis=2)
    flip = area < 0
    segs[flip] = segs[flip][..., [2, 3, 0, 1]]
    return segs.reshape(-1, 4)


_RING = np.stack(
    [
        np.cos(np.linspace(0, 2 * np.pi, 10, endpoint=False)),
        np.sin(np.linspace(0, 2 * np.pi, 10, endpoint=False)),
    ],
    axis=1,
)


def trail_segs(pts: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """A pen trail along `pts` (pixels) of half-widths `widths`: one quadrilateral per
    step and a disc at every point, each oriented positive, so overlaps union (the
    winding number only grows and is clipped at 1)."""
    d = np.diff(pts, axis=0)
    length = np.hypot(d[:, 0], d[:, 1])
    ok = length > 1e-6
    a, b = pts[:-1][ok], pts[1:][ok]
    wa, wb = widths[:-1][ok, None], widths[1:][ok, None]
    n = np.stack([-d[ok, 1], d[ok, 0]], axis=1) / length[ok, None]
    quads = np.stack([a + n * wa, b + n * wb, b - n * wb, a - n * wa], axis=1)
    big = widths > 0.6
    discs = pts[big][:, None, :] + widths[big][:, None, None] * _RING[None]
    return np.concatenate([_polygons_segs(quads), _polygons_segs(discs)])


def _smooth(pts: np.ndarray, step: float) -> np.ndarray:
    """A centre line resampled every ~`step` pixels along a Catmull-Rom spline through
    its points (Make Me a Hanzi's medians are sparse)."""
    if len(pts) < 2:
        return pts
    p = np.concatenate([pts[:1], pts, pts[-1:]])
    out = [pts[:1]]
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        n = max(1, int(math.dist(p1, p2) / step))
        t = np.linspace(0, 1, n + 1)[1:, None]
        c = 0.5 * (
            2 * p1
            + (-p0 + p2) * t
            + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
            + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3
        )
        out.append(c)
    return np.concatenate(out)


# --- page model


@dataclass
class Hand:
    """A writer's habits: size, slant, pen width, how much each glyph wanders."""

    slant: float
    width: float  # pen half-width as a share of the size
    jitter: float
    drift: float
    rng_seed: int
    ink: str = "hand"


@dataclass
class Page:
    """A page as drawing operations in reading order; `truth()` is the text of the
    operations that are text, in the order drawn."""

    layout: str
    ops: list[tuple[str, tuple, bool]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float,
        role: str = "print",
        anchor: str = "l",
        hand: Hand | None = None,
    ) -> float:
        """`s` on the baseline `y` from `x` (anchor l), around it (c) or up to it (r);
        returns the width."""
        missing = missing_glyphs("hand" if role == "hand" else role, s)
        if missing:
            raise MissingGlyph(f"{role} lacks {missing!r} ({s!r})")
        w = measure(s, size, role)
        x0 = x - w if anchor == "r" else x - w / 2 if anchor == "c" else x
        self.ops.append(("text", (x0, y, s, size, role, hand), True))
        return w

    def rect(self, x0: float, y0: float, x1: float, y1: float, lw: float = 3.0) -> None:
        self.ops.append(("rect", (x0, y0, x1, y1, lw), False))

    def line(self, x0: float, y0: float, x1: float, y1: float, lw: float = 3.0) -> None:
        self.ops.append(("line", (x0, y0, x1, y1, lw), False))

    def fill(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.ops.append(("fill", (x0, y0, x1, y1), False))

    def seal(
        self, cx: float, cy: float, r: float, words: str, rng: random.Random, center: str = ""
    ) -> None:
        missing = missing_glyphs("bold", words + center)
        if missing:
            raise MissingGlyph(f"seal lacks {missing!r}")
        self.ops.append(("seal", (cx, cy, r, words, center, rng.random()), False))

    def qr(self, x: float, y: float, size: float, rng: random.Random) -> None:
        self.ops.append(("qr", (x, y, size, rng.random()), False))

    def field(self, name: str, value: str) -> None:
        self.fields.append((name, value))

    def truth(self) -> str:
        return "\n".join(args[2] for op, args, is_text in self.ops if is_text and op == "text")


def measure(s: str, size: float, role: str = "print") -> float:
    if role == "hand":
        return sum(size * (_hand_advance(c)) for c in s)
    total = 0.0
    for c in s:
        g = glyph(role, c)
        total += size * (g.advance if g is not None else 0.5)
    return total


def _hand_advance(c: str) -> float:
    if c in _OWN_STROKES:
        return 0.55
    return 0.33 if c == " " else 1.02


_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,"


def wrap(s: str, size: float, width: float, role: str = "print") -> list[str]:
    lines, cur = [], ""
    for c in s:
        if cur and measure(cur + c, size, role) > width:
            run = len(cur) - len(cur.rstrip(_ALNUM))
            if c in "，。、；：）》”" and len(cur) > 1:  # no line starts with closing marks
                keep = max(1, run) if max(1, run) < len(cur) else 1
                lines.append(cur[:-keep])
                cur = cur[-keep:]
            elif c in _ALNUM and 0 < run < len(cur) and run < 24:  # numbers kept whole
                lines.append(cur[:-run])
                cur = cur[-run:]
            else:
                lines.append(cur)
                cur = ""
        cur += c
    if cur:
        lines.append(cur)
    return lines


# --- rendering


class Canvas:
    """A page being drawn: a coverage buffer per ink, the glyphs that left ink (with
    their boxes and run numbers) in drawing order."""

    def __init__(self, h: int = PX_H, w: int = PX_W) -> None:
        self.h, self.w = h, w
        self.layers = {k: Coverage(h, w) for k in INKS}
        self.drawn: list[str] = []
        self.boxes: list[tuple[float, float, float, float, int]] = []
        self.runs = 0
        self.flat = {k: np.zeros((0, 4)) for k in INKS}

    def _mark(self, ch: str, segs: np.ndarray) -> None:
        xs = np.concatenate([segs[:, 0], segs[:, 2]])
        ys = np.concatenate([segs[:, 1], segs[:, 3]])
        box = (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
        if box[2] <= 0 or box[0] >= self.w or box[3] <= 0 or box[1] >= self.h:
            return  # off the page: no ink
        self.drawn.append(ch)
        self.boxes.append((*box, self.runs))

    def text(
        self, x: float, y: float, s: str, size: float, role: str = "print", hand: Hand | None = None
    ) -> None:
        self.runs += 1
        if role == "hand":
            self._hand(x, y, s, size, hand or Hand(0.12, 0.05, 0.03, 0.02, 1))
            return
        for c in s:
            g = glyph(role, c)
            if g is None:
                raise MissingGlyph(c)
            if len(g.segs):
                segs = g.segs * size + np.array([x, y, x, y])
                self.layers["print"].add(segs)
                self._mark(c, segs)
            x += g.advance * size

    def _hand(self, x: float, y: float, s: str, size: float, hand: Hand) -> None:
        rng = random.Random(f"{hand.rng_seed}:{x:.0f}:{y:.0f}:{s}")
        base = y
        for c in s:
            adv = _hand_advance(c) * size
            strokes = hand_strokes(c)
            if strokes is None:
                if c.strip():
                    raise MissingGlyph(c)
                x += adv
                continue
            k = size * (1 + rng.gauss(0, hand.drift))
            slant = hand.slant + rng.gauss(0, 0.04)
            turn = rng.gauss(0, 0.035)
            base += rng.gauss(0, size * 0.012)
            base = y + (base - y) * 0.7
            ox = x + rng.gauss(0, size * 0.015)
            cs, sn = math.cos(turn), math.sin(turn)
            segs = []
            for stroke in strokes:
                p = stroke + np.array([rng.gauss(0, hand.jitter), rng.gauss(0, hand.jitter)])
                p = p + np.array(
                    [rng.gauss(0, hand.jitter * 0.5) for _ in range(len(p) * 2)]
                ).reshape(-1, 2)
                u = (p[:, 0] - 0.5) * cs - (p[:, 1] + 0.35) * sn
                v = (p[:, 0] - 0.5) * sn + (p[:, 1] + 0.35) * cs
                u = u - slant * v
                pts = np.stack([ox + (u + 0.5) * k, base + (v - 0.35) * k], axis=1)
                pts = _smooth(pts, max(1.5, k * 0.04))
                n = len(pts)
                t = np.linspace(0, 1, n)
                # pressure: a firm start, the pen lifting towards the end
                press = 0.75 + 0.35 * np.sin(np.pi * np.clip(t * 1.3, 0, 1)) - 0.3 * t**3
                w = np.maximum(hand.width * k * press * (1 + rng.gauss(0, 0.08)), 0.9)
                segs.append(trail_segs(pts, w))
            allsegs = np.concatenate(segs)
            self.layers[hand.ink].add(allsegs)
            self._mark(c, allsegs)
            x += adv * (1 + rng.gauss(0, 0.04))

    def rect(self, x0: float, y0: float, x1: float, y1: float, lw: float) -> None:
        h = lw / 2
        for a, b, c, d in (
            (x0 - h, y0 - h, x1 + h, y0 + h),
            (x0 - h, y1 - h, x1 + h, y1 + h),
            (x0 - h, y0, x0 + h, y1),
            (x1 - h, y0, x1 + h, y1),
        ):
            self.fill(a, b, c, d)

    def fill(self, x0: float, y0: float, x1: float, y1: float, ink: str = "print") -> None:
        self.layers[ink].add(polygon_segs(np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])))

    def line(self, x0: float, y0: float, x1: float, y1: float, lw: float) -> None:
        d = math.hypot(x1 - x0, y1 - y0) or 1.0
        nx, ny = -(y1 - y0) / d * lw / 2, (x1 - x0) / d * lw / 2
        quad = np.array(
            [[x0 + nx, y0 + ny], [x1 + nx, y1 + ny], [x1 - nx, y1 - ny], [x0 - nx, y0 - ny]]
        )
        self.layers["print"].add(polygon_segs(quad))

    def seal(self, cx: float, cy: float, r: float, words: str, center: str, seed: float) -> None:
        """A round official seal: a red ring, a five-pointed star, the issuer's words
        along the upper arc with their feet to the centre, optional words below the star.
        Drawn on the seal layer, never counted as drawn text."""
        rng = random.Random(seed)
        layer = self.layers["seal"]
        tilt = math.radians(rng.uniform(-12, 12))
        ring = r * 0.045
        layer.add(
            np.concatenate(
                [
                    polygon_segs(_disc(cx, cy, r, 96)),
                    polygon_segs(_disc(cx, cy, r - ring, 96))[:, [2, 3, 0, 1]],
                ]
            )
        )
        a = np.arange(10) * np.pi / 5 - np.pi / 2 + tilt
        rad = np.where(np.arange(10) % 2 == 0, r * 0.3, r * 0.3 * 0.382)
        layer.add(polygon_segs(np.stack([cx + rad * np.cos(a), cy + rad * np.sin(a)], axis=1)))
        n = len(words)
        size = min(r * 0.27, 3.0 * r / n)
        span = min(math.radians(250), n * size * 1.02 / (r * 0.72))
        for i, c in enumerate(words):
            g = glyph("bold", c)
            if g is None:
                raise MissingGlyph(c)
            ang = -math.pi / 2 - span / 2 + span * (i + 0.5) / n + tilt
            # glyph centred on its own origin, foot towards the centre
            e = g.segs.copy()
            e[:, [0, 2]] -= 0.5
            e[:, [1, 3]] += 0.38
            e *= np.array([size * 0.82, size * 1.05, size * 0.82, size * 1.05])
            rot = ang + math.pi / 2
            cs, sn = math.cos(rot), math.sin(rot)
            px = cx + math.cos(ang) * r * 0.74
            py = cy + math.sin(ang) * r * 0.74
            xs0 = px + e[:, 0] * cs - e[:, 1] * sn
            ys0 = py + e[:, 0] * sn + e[:, 1] * cs
            xs1 = px + e[:, 2] * cs - e[:, 3] * sn
            ys1 = py + e[:, 2] * sn + e[:, 3] * cs
            layer.add(np.stack([xs0, ys0, xs1, ys1], axis=1))
        if center:
            cs2 = min(r * 0.2, 1.25 * r / len(center))
            x = cx - measure(center, cs2, "bold") / 2
            for c in center:
                g = glyph("bold", c)
                assert g is not None
                layer.add(g.segs * cs2 + np.array([x, cy + r * 0.62, x, cy + r * 0.62]))
                x += g.advance * cs2

    def qr(self, x: float, y: float, size: float, seed: float) -> None:
        rng = np.random.default_rng(int(seed * 2**32))
        n = 29
        m = rng.random((n, n)) < 0.5
        for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
            m[fy : fy + 7, fx : fx + 7] = False
            m[fy : fy + 7, fx] = m[fy : fy + 7, fx + 6] = True
            m[fy, fx : fx + 7] = m[fy + 6, fx : fx + 7] = True
            m[fy + 2 : fy + 5, fx + 2 : fx + 5] = True
        cell = size / n
        for j, i in zip(*np.nonzero(m), strict=True):
            self.fill(x + i * cell, y + j * cell, x + (i + 1) * cell, y + (j + 1) * cell)

    def image(self) -> np.ndarray:
        """The page (BGR uint8): paper, then each ink multiplied over it (only over the
        box its coverage spans)."""
        out = np.empty((self.h, self.w, 3), dtype=np.float32)
        out[:] = np.array([246, 249, 250], dtype=np.float32)
        for ink, layer in self.layers.items():
            if not layer.parts:
                continue
            full = layer.coverage()
            rows = np.nonzero(full.any(axis=1))[0]
            cols = np.nonzero(full.any(axis=0))[0]
            if not len(rows):
                continue
            y0, y1, x0, x1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
            cov = full[y0:y1, x0:x1]
            if ink == "seal":
                # seal ink: uneven, paler where the pad was dry
                h, w = cov.shape
                rng = np.random.default_rng(len(layer.parts))
                lo: np.ndarray = rng.random((h // 24 + 2, w // 24 + 2)).astype(np.float32)
                lo = cv2.resize(
                    lo, (lo.shape[1] * 24, lo.shape[0] * 24), interpolation=cv2.INTER_CUBIC
                )
                lo = np.clip(lo[:h, :w], 0, 1)
                cov = cov * (0.62 + 0.38 * lo) * (0.85 + 0.15 * rng.random((h, w), np.float32))
            colour = np.array(INKS[ink], dtype=np.float32) / 255
            out[y0:y1, x0:x1] *= 1 - cov[..., None] * (1 - colour)
        return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def render_canvas(page: Page) -> Canvas:
    canvas = Canvas()
    for op, args, _ in page.ops:
        if op == "text":
            x, y, s, size, role, hand = args
            canvas.text(x, y, s, size, role, hand)
        elif op == "rect":
            canvas.rect(*args)
        elif op == "line":
            canvas.line(*args)
        elif op == "fill":
            canvas.fill(*args)
        elif op == "seal":
            canvas.seal(*args)
        elif op == "qr":
            canvas.qr(*args)
    return canvas


def render(page: Page) -> tuple[np.ndarray, str]:
    """The page at 300 ppi (BGR) and the characters whose outlines left ink, in order."""
    canvas = render_canvas(page)
    return canvas.image(), "".join(canvas.drawn)


def check_truth(truth: str, drawn: str) -> None:
    """The truth's characters (whitespace aside) are, as a multiset, those drawn."""
    a = sorted(c for c in truth if c.strip())
    b = sorted(c for c in drawn if c.strip())
    if a != b:
        from collections import Counter

        ca, cb = Counter(a), Counter(b)
        raise TruthMismatch(
            f"truth but not drawn {dict(ca - cb)!r}; drawn but not truth {dict(cb - ca)!r}"
        )
