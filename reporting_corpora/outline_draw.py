"""The `outline` corpus's drawing: no font rasteriser at all. Each glyph's outline is read
from the face with fontTools, its curves flattened to polygons here, and the polygons
filled by OpenCV (`cv2.fillPoly`) on a 4× supersampled mask that INTER_AREA brings down
to 300 ppi coverage; the coverage is then inked onto an A4 array. Rules, boxes, check
boxes, photo boxes, seals (red ring, star and ring words along the arc, stamped over the
text by multiplying, as ink is) and QR-like blocks are OpenCV too.

Faces come from npm (tests/node, `make node-deps`) as the WOFF2 pieces the packages ship,
never joined: the package's stylesheet says which piece holds a character (its
unicode-range) and only the pieces of the characters drawn are opened. LXGW WenKai
Regular (@chinese-fonts/lxgwwenkai, a Kai with mainland forms) prints the form, its
titles emboldened by dilating the filled outline, and HarmonyOS Sans SC Light
(harmonyos-sans-sc-webfont-splitted) writes the entries by hand, each glyph jittered
(size, slant, rotation, a wandering baseline), its outline wavering, and dilated like a
ballpoint stroke. The page records
which characters it filled with ink: the truth is checked against them."""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

DPI = 300
PX_W, PX_H = 2480, 3508  # A4 at 300 ppi
SS = 4  # supersampling of the glyph masks
MM = DPI / 25.4

# role: (npm package, version, the stylesheet that says which WOFF2 piece holds which
# characters)
FACES = {
    "print": ("@chinese-fonts/lxgwwenkai", "3.0.0", "dist/LXGWWenKai-Regular/result.css"),
    "hand": ("harmonyos-sans-sc-webfont-splitted", "1.1.0", "dist/Light.css"),
}
NODE = Path(__file__).resolve().parents[1] / "tests" / "node" / "node_modules"

INK = (28, 26, 30)  # BGR: black toner
BALLPOINT = (110, 38, 22)  # BGR: blue-black ballpoint
SEAL_RED = (40, 36, 205)  # BGR


class MissingGlyph(ValueError):
    """A character the face has no outline for: it would be drawn as a blank or tofu."""


class TruthMismatch(AssertionError):
    """The page's truth is not the multiset of characters that were filled with ink."""


def face_file(role: str) -> str:
    """The stylesheet of the face of `role` in its npm package, checked to be the pinned
    version (`make node-deps` installs it)."""
    package, version, sheet = FACES[role]
    root = NODE / package
    manifest = root / "package.json"
    if not manifest.exists():
        raise FileNotFoundError(f"{package} missing: run `make node-deps`")
    if json.loads(manifest.read_text(encoding="utf-8")).get("version") != version:
        raise FileNotFoundError(f"{package} is not {version}: run `make node-deps`")
    return str(root / sheet)


_FACE_RULE = re.compile(r'url\("?\./([^")]+\.woff2)"?\).*?unicode-range:\s*([^;}]+)', re.S)


@cache
def _pieces(role: str) -> dict[int, str]:
    """Which WOFF2 piece of the face of `role` holds each character, as its stylesheet's
    unicode-range says: a piece is opened only when one of its characters is drawn."""
    sheet = Path(face_file(role))
    where: dict[int, str] = {}
    for name, ranges in _FACE_RULE.findall(sheet.read_text(encoding="utf-8")):
        path = str(sheet.parent / name)
        for item in ranges.split(","):
            lo, _, hi = item.strip().removeprefix("U+").removeprefix("u+").partition("-")
            for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
                where.setdefault(cp, path)
    return where


@cache
def _piece(path: str) -> tuple[TTFont, dict[int, str], Any, int]:
    font = TTFont(path)
    return font, font.getBestCmap(), font.getGlyphSet(), int(font["head"].unitsPerEm)


class _FlatPen(BasePen):
    """Records a glyph's contours as polylines, curves flattened into short chords."""

    def __init__(self, glyph_set: Any, steps: int = 8) -> None:
        super().__init__(glyph_set)
        self.contours: list[list[tuple[float, float]]] = []
        self.steps = steps

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.contours.append([pt])

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.contours[-1].append(pt)

    def _curveToOne(
        self, p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]
    ) -> None:
        p0 = self.contours[-1][-1]
        for i in range(1, self.steps + 1):
            t = i / self.steps
            u = 1 - t
            self.contours[-1].append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )

    def _qCurveToOne(self, p1: tuple[float, float], p2: tuple[float, float]) -> None:
        p0 = self.contours[-1][-1]
        for i in range(1, self.steps + 1):
            t = i / self.steps
            u = 1 - t
            self.contours[-1].append(
                (
                    u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
                    u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
                )
            )

    def _closePath(self) -> None:
        pass

    def _endPath(self) -> None:
        pass


@dataclass(frozen=True)
class Glyph:
    advance: float  # in em
    filled: tuple[np.ndarray, ...]  # contours wound like the outside (em units, y up)
    holes: tuple[np.ndarray, ...]  # contours wound the other way


@cache
def glyph(role: str, char: str) -> Glyph | None:
    """The flattened outline of `char` in the face of `role`, None if it has none."""
    path = _pieces(role).get(ord(char))
    if path is None:
        return None
    font, cmap, glyph_set, upem = _piece(path)
    name = cmap.get(ord(char))
    if name is None:
        return None
    pen = _FlatPen(glyph_set)
    glyph_set[name].draw(pen)
    polys = [np.array(c, dtype=np.float64) / upem for c in pen.contours if len(c) >= 3]
    advance = font["hmtx"].metrics[name][0] / upem
    if not polys:
        return Glyph(advance, (), ())
    areas = [_signed_area(p) for p in polys]
    # the largest contour is always an outer one, whatever the face's convention (TrueType
    # runs them clockwise, CFF counter-clockwise)
    outer = math.copysign(1, areas[int(np.argmax(np.abs(areas)))])
    filled = tuple(p for p, a in zip(polys, areas, strict=True) if a * outer > 0)
    holes = tuple(p for p, a in zip(polys, areas, strict=True) if a * outer <= 0)
    return Glyph(advance, filled, holes)


def _signed_area(p: np.ndarray) -> float:
    x, y = p[:, 0], p[:, 1]
    return float(0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def missing_glyphs(role: str, text: str) -> str:
    """The characters of `text` (whitespace aside) the face of `role` draws no outline for."""
    out = []
    for ch in dict.fromkeys(text):
        if ch.isspace():
            continue
        g = glyph(role, ch)
        if g is None or not g.filled:
            out.append(ch)
    return "".join(out)


def advance(role: str, char: str) -> float:
    if char.isspace():
        return 1.0 if char == "\u3000" else 0.3
    g = glyph(role, char)
    if g is None:
        raise MissingGlyph(f"{char!r} ({ord(char):04X}) not in the {role} face")
    return g.advance


def text_width(text: str, size: float, role: str = "print", spacing: float = 0.0) -> float:
    """The width in px of `text` set at `size` px per em with `spacing` em between."""
    if not text:
        return 0.0
    return size * (sum(advance(role, c) for c in text) + spacing * (len(text) - 1))


@dataclass
class Canvas:
    """An A4 page at 300 ppi (BGR), the characters filled with ink on it in order, and
    where each of them landed (x0, y0, x1, y1 and the number of its text run)."""

    image: np.ndarray = field(default_factory=lambda: np.full((PX_H, PX_W, 3), 255, dtype=np.uint8))
    drawn: list[str] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float, int]] = field(default_factory=list)

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        size: float,
        role: str = "print",
        *,
        color: tuple[int, int, int] = INK,
        spacing: float = 0.0,
        bold: float = 0.0,
        jitter: int | None = None,
        record: bool = True,
        rotate: float = 0.0,
    ) -> None:
        """`text` from (x, baseline), `size` px per em. `bold` dilates the filled shape by
        that fraction of the size; `jitter` seeds a hand's wobble of each glyph; a text
        not `record`ed (a seal's words) is not truth. `rotate` (radians) turns each glyph
        about its own centre (a seal's ring)."""
        bad = missing_glyphs(role, text)
        if bad:
            raise MissingGlyph(f"{bad!r} not in the {role} face")
        rng = random.Random(jitter) if jitter is not None else None
        glyphs: list[tuple[str, list[tuple[np.ndarray, int]]]] = []
        pen_x = x
        slant = rng.uniform(-0.12, 0.05) if rng else 0.0
        drift = 0.0  # a hand's line wanders off its baseline and back
        for ch in text:
            g = glyph(role, ch)
            if ch.isspace() or g is None:
                pen_x += size * advance(role, ch)
                continue
            scale, rot, dy, dx = size, rotate, 0.0, 0.0
            wobble = (0.0, 1.0, 0.0, 1.0, 0.0)
            if rng:
                # strokes that waver: a smooth displacement of the outline (em units)
                wobble = (
                    rng.uniform(0.008, 0.016),
                    rng.uniform(8, 14),
                    rng.uniform(0, 2 * math.pi),
                    rng.uniform(8, 14),
                    rng.uniform(0, 2 * math.pi),
                )
                scale = size * rng.uniform(0.86, 1.1)
                rot += rng.uniform(-0.09, 0.09)
                drift = max(-0.12, min(0.12, drift + rng.uniform(-0.035, 0.035)))
                dy = size * (drift + rng.uniform(-0.04, 0.04))
                dx = size * rng.uniform(-0.03, 0.05)
            cx, cy = g.advance / 2, 0.38
            cos, sin = math.cos(rot), math.sin(rot)
            contours = []
            for poly, wind in [(p, 1) for p in g.filled] + [(p, -1) for p in g.holes]:
                amp, fx, phx, fy, phy = wobble
                wx = poly[:, 0] + amp * np.sin(poly[:, 1] * fy + phy)
                wy = poly[:, 1] + amp * np.sin(poly[:, 0] * fx + phx)
                px = wx - cx + slant * (wy - 0.38)
                py = wy - cy
                rx = px * cos - py * sin + cx
                ry = px * sin + py * cos + cy
                pts = np.stack([pen_x + dx + rx * scale, baseline + dy - ry * scale], axis=1)
                contours.append((pts, wind))
            if contours:
                glyphs.append((ch, contours))
            pen_x += scale * g.advance + spacing * size + (dx * 0.3 if rng else 0.0)
        if not glyphs:
            return
        grow = max(bold * size, 0.0) + (size * rng.uniform(0.015, 0.03) if rng else 0.0)
        inked = self._fill(glyphs, color, grow, multiply=not record)
        if record:
            # only what left ink on the page counts as drawn (a glyph off the page does not)
            run = len({b[4] for b in self.boxes})
            for ch, box in inked:
                self.drawn.append(ch)
                self.boxes.append((*box, run))

    def _fill(
        self,
        glyphs: list[tuple[str, list[tuple[np.ndarray, int]]]],
        color: tuple[int, int, int],
        grow: float,
        multiply: bool,
    ) -> list[tuple[str, tuple[float, float, float, float]]]:
        """Fills the glyphs' outlines with `color`; returns each glyph that left ink, with
        its box on the page."""
        allpts = np.concatenate([p for _, contours in glyphs for p, _ in contours])
        pad = int(grow) + 3
        x0 = max(math.floor(allpts[:, 0].min()) - pad, 0)
        y0 = max(math.floor(allpts[:, 1].min()) - pad, 0)
        x1 = min(math.ceil(allpts[:, 0].max()) + pad, PX_W)
        y1 = min(math.ceil(allpts[:, 1].max()) + pad, PX_H)
        inked: list[tuple[str, tuple[float, float, float, float]]] = []
        if x1 <= x0 or y1 <= y0:
            return inked
        mask = np.zeros(((y1 - y0) * SS, (x1 - x0) * SS), dtype=np.uint8)
        for ch, contours in glyphs:
            # nonzero winding, glyph by glyph: each contour filled alone into the glyph's
            # box and its winding (+1 outside, -1 counter) summed; ink where it is not 0
            q = [np.round((p - (x0, y0)) * SS).astype(np.int32) for p, _ in contours]
            gx0 = max(min(int(c[:, 0].min()) for c in q), 0)
            gy0 = max(min(int(c[:, 1].min()) for c in q), 0)
            gx1 = min(max(int(c[:, 0].max()) for c in q) + 1, mask.shape[1])
            gy1 = min(max(int(c[:, 1].max()) for c in q) + 1, mask.shape[0])
            if gx1 <= gx0 or gy1 <= gy0:
                continue
            winding = np.zeros((gy1 - gy0, gx1 - gx0), dtype=np.int16)
            one = np.zeros_like(winding, dtype=np.uint8)
            for c, (_, wind) in zip(q, contours, strict=True):
                one[:] = 0
                cv2.fillPoly(one, [c - (gx0, gy0)], 1)
                winding += one.astype(np.int16) * wind
            solid = winding != 0
            if solid.sum() < SS * SS:  # less than a pixel of ink
                continue
            np.maximum(
                mask[gy0:gy1, gx0:gx1],
                solid.astype(np.uint8) * 255,
                out=mask[gy0:gy1, gx0:gx1],
            )
            box = (x0 + gx0 / SS, y0 + gy0 / SS, x0 + gx1 / SS, y0 + gy1 / SS)
            inked.append((ch, box))
        if grow > 0.3:
            k = max(round(grow * SS), 1) * 2 + 1
            mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
        cover = cv2.resize(mask, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA)
        self.ink(x0, y0, cover.astype(np.float32) / 255.0, color, multiply=multiply)
        return inked

    def ink(
        self,
        x0: int,
        y0: int,
        alpha: np.ndarray,
        color: tuple[int, int, int],
        *,
        multiply: bool = False,
    ) -> None:
        """Lays `alpha` coverage of ink `color` at (x0, y0): toner covers what is under
        it; a stamp's ink multiplies (what is under a seal shows through)."""
        h, w = alpha.shape
        region = self.image[y0 : y0 + h, x0 : x0 + w].astype(np.float32)
        a = alpha[..., None]
        c = np.array(color, dtype=np.float32)
        out = region * (1 - a + a * c / 255.0) if multiply else region * (1 - a) + c * a
        self.image[y0 : y0 + h, x0 : x0 + w] = np.clip(out + 0.5, 0, 255).astype(np.uint8)

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        width: float = 2.5,
        color: tuple[int, int, int] = INK,
    ) -> None:
        t = max(round(width), 1)
        cv2.line(
            self.image,
            (round(x0 * 16), round(y0 * 16)),
            (round(x1 * 16), round(y1 * 16)),
            color,
            t,
            cv2.LINE_AA,
            4,
        )

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        width: float = 2.5,
        color: tuple[int, int, int] = INK,
    ) -> None:
        for a, b, c, d in ((x0, y0, x1, y0), (x1, y0, x1, y1), (x1, y1, x0, y1), (x0, y1, x0, y0)):
            self.line(a, b, c, d, width, color)

    def fill_rect(
        self, x0: float, y0: float, x1: float, y1: float, color: tuple[int, int, int]
    ) -> None:
        cv2.rectangle(self.image, (int(x0), int(y0)), (int(x1), int(y1)), color, -1, cv2.LINE_8)

    def check(self, x: float, y: float, size: float, ticked: bool, seed: int) -> None:
        """A printed check box at (x, y) top-left; a ballpoint tick in it if `ticked`."""
        self.rect(x, y, x + size, y + size, 2.2)
        if ticked:
            rng = random.Random(seed)
            pts = np.array(
                [
                    (x + size * 0.15, y + size * rng.uniform(0.45, 0.6)),
                    (x + size * rng.uniform(0.38, 0.48), y + size * 0.85),
                    (x + size * rng.uniform(0.95, 1.15), y - size * rng.uniform(0.05, 0.2)),
                ]
            )
            cv2.polylines(
                self.image,
                [np.round(pts * 16).astype(np.int32)],
                False,
                BALLPOINT,
                5,
                cv2.LINE_AA,
                4,
            )

    def seal(self, cx: float, cy: float, r: float, words: str, rng: random.Random) -> None:
        """A round official seal stamped over whatever is under it: a red ring, a star in
        the middle, `words` along the upper arc (none of it truth), the ink uneven."""
        bad = missing_glyphs("print", words)
        if bad:
            raise MissingGlyph(f"{bad!r} not in the print face")
        size = int(r * 2 + 20)
        x0, y0 = int(cx - size / 2), int(cy - size / 2)
        mask = np.zeros((size * SS, size * SS), dtype=np.uint8)
        c = (size * SS // 2, size * SS // 2)
        cv2.circle(mask, c, int(r * SS), 255, int(r * 0.075 * SS), cv2.LINE_8)
        star = []
        rs = r * 0.3 * SS
        for i in range(10):
            ang = -math.pi / 2 + i * math.pi / 5
            rr = rs if i % 2 == 0 else rs * 0.4
            star.append((c[0] + rr * math.cos(ang), c[1] + rr * math.sin(ang)))
        cv2.fillPoly(mask, [np.round(np.array(star)).astype(np.int32)], 255)
        # the words: each glyph turned to face the centre, along an arc of ~250°
        sub = Canvas(np.full((size, size, 3), 255, np.uint8))
        n = len(words)
        span = math.radians(min(270.0, 26.0 * n))
        # the words as large as the arc lets them be (long names get narrower glyphs)
        glyph_size = min(r * 0.3, 0.85 * r * 0.72 * span / n)
        for i, ch in enumerate(words):
            ang = -math.pi / 2 - span / 2 + span * (i + 0.5) / n
            rr = r * 0.72
            gx = size / 2 + rr * math.cos(ang)
            gy = size / 2 + rr * math.sin(ang)
            w = glyph_size * advance("print", ch)
            rot = -(ang + math.pi / 2)
            # the glyph's centre on the arc; text() turns it about its own centre
            sub.text(
                gx - w / 2,
                gy + glyph_size * 0.38,
                ch,
                glyph_size,
                "print",
                color=(0, 0, 0),
                record=False,
                rotate=rot,
                bold=0.05,
            )
        words_mask = 255 - sub.image[..., 0]
        big = cv2.resize(mask, (size, size), interpolation=cv2.INTER_AREA)
        alpha = np.maximum(big, words_mask).astype(np.float32) / 255.0
        # stamp ink: patchy, stronger on one side
        yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
        tilt = rng.uniform(0, 2 * math.pi)
        grad = 0.8 + 0.2 * np.cos(np.arctan2(yy - size / 2, xx - size / 2) - tilt)
        noise = cv2.GaussianBlur(
            np.random.default_rng(rng.randrange(1 << 30)).random((size, size)).astype(np.float32),
            (0, 0),
            3,
        )
        patch = np.clip(grad * (0.9 + 0.8 * (noise - 0.5) * 2), 0.5, 1.0)
        alpha = alpha * patch * rng.uniform(0.88, 1.0)
        xs, ys = max(x0, 0), max(y0, 0)
        alpha = alpha[ys - y0 : ys - y0 + PX_H - ys, xs - x0 : xs - x0 + PX_W - xs]
        self.ink(xs, ys, alpha, SEAL_RED, multiply=True)

    def qr(self, x: float, y: float, modules: int, cell: int, rng: random.Random) -> None:
        """A QR-like block: three finder squares and random modules (no text)."""
        grid = np.array([[rng.random() < 0.5 for _ in range(modules)] for _ in range(modules)])
        for fx, fy in ((0, 0), (modules - 7, 0), (0, modules - 7)):
            grid[fy : fy + 8 if fy == 0 else fy + 7, fx : fx + 8 if fx == 0 else fx + 7] = False
            for k in range(7):
                for j in range(7):
                    ring = max(abs(k - 3), abs(j - 3))
                    grid[fy + k, fx + j] = ring != 2
        for k in range(modules):
            for j in range(modules):
                if grid[k, j]:
                    self.fill_rect(
                        x + j * cell,
                        y + k * cell,
                        x + (j + 1) * cell - 1,
                        y + (k + 1) * cell - 1,
                        INK,
                    )


def check_truth(truth: str, drawn: str) -> None:
    """The truth's characters (whitespace aside) are exactly those filled with ink."""
    want = Counter(c for c in truth if not c.isspace())
    got = Counter(c for c in drawn if not c.isspace())
    if want != got:
        raise TruthMismatch(
            f"truth has {dict(want - got)} not drawn; drawn {dict(got - want)} not in truth"
        )


class Page:
    """A page's model: what to draw (replayed onto a Canvas by `render`), its truth in
    reading order (one line a row or line of print) and its labelled fields. Every text
    is checked against its face when it is put on the page."""

    def __init__(self, layout: str, seed: int = 0) -> None:
        self.layout = layout
        self.seed = seed
        self.ops: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self.lines: list[list[str]] = [[]]
        self.fields: list[tuple[str, str]] = []
        self.jitter = 0

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        size: float,
        role: str = "print",
        *,
        truth: bool = True,
        **kw: Any,
    ) -> float:
        """Puts `text` on the page (a hand's in ballpoint, wobbling); returns its width."""
        bad = missing_glyphs(role, text)
        if bad:
            raise MissingGlyph(f"{bad!r} not in the {role} face")
        if role == "hand":
            kw.setdefault("color", BALLPOINT)
            self.jitter += 1
            kw.setdefault("jitter", self.seed * 1000 + self.jitter)
            kw.setdefault("spacing", 0.04)
        self.ops.append(("text", (x, baseline, text, size, role), kw))
        if truth:
            self.say(text)
        return text_width(text, size, role, kw.get("spacing", 0.0))

    def say(self, text: str) -> None:
        """Adds `text` to the truth's current line (drawn by texts not themselves truth)."""
        self.lines[-1].append(text)

    def br(self) -> None:
        if self.lines[-1]:
            self.lines.append([])

    def field(self, name: str, value: str) -> None:
        self.fields.append((name, value))

    def draw(self, op: str, *args: Any, **kw: Any) -> None:
        """Any other Canvas drawing (line, rect, check, seal, qr, fill_rect)."""
        if op == "seal":
            bad = missing_glyphs("print", args[3])
            if bad:
                raise MissingGlyph(f"{bad!r} not in the print face")
        self.ops.append((op, args, kw))

    def seal(self, cx: float, cy: float, r: float, words: str, rng: random.Random) -> None:
        self.draw("seal", cx, cy, r, words, random.Random(rng.randrange(1 << 30)))

    def truth(self) -> str:
        return "\n".join(" ".join(parts) for parts in self.lines if parts)


def render_canvas(page: Page) -> Canvas:
    """The page drawn: its image, the characters filled with ink and where they landed."""
    canvas = Canvas()
    for op, args, kw in page.ops:
        getattr(canvas, op)(*args, **kw)
    return canvas


def render(page: Page) -> tuple[np.ndarray, str]:
    """The clean page at 300 ppi and the characters filled with ink, in drawing order."""
    canvas = render_canvas(page)
    return canvas.image, "".join(canvas.drawn)
