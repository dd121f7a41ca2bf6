"""The `ft` corpus's drawing: FreeType (freetype-py) rasterises every glyph at 300 ppi and
this module composites the bitmaps onto an A4 page held as a numpy array; rules, boxes,
check marks, photo boxes, seals and QR-like blocks are drawn with OpenCV and numpy.

Faces come from npm (tests/node): Source Han Serif CN (@chinese-fonts/syst, a variable
font split into WOFF2 pieces, drawn at Regular; titles emboldened by FreeType) and
Douyin Sans Bold (@chinese-fonts/dymh, CFF pieces, entries filled in by hand). They are
joined here into one TrueType file each (npm_faces.joined_face joins plain glyf pieces
only): each piece's outlines drawn at its weight, CFF outlines converted to quadratic
ones.

A page is a model (`Page`): its operations in reading order, and its truth written as the
text is added. Rendering notes the characters of every glyph FreeType drew with ink; the
truth must equal them as a multiset (`check_truth`). Every character is checked to be in
its face's cmap with an outline before it is added (`MissingGlyph`). Seal ring words are
glyph outlines filled as polygons, not text, and are in no truth."""

from __future__ import annotations

import ctypes
import math
import random
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import cv2
import freetype
import numpy as np

from reporting_corpora import npm_faces

PPI = 300
PX_W, PX_H = 2480, 3508  # A4 at 300 ppi
INK = (28, 26, 24)  # print, BGR
HAND_INK = (120, 48, 22)  # blue-black ballpoint, BGR
SEAL_RED = (40, 30, 215)  # BGR

# role -> (npm package, version, pieces, weight a variable face is drawn at, or None)
FACES: dict[str, tuple[str, str, str, int | None]] = {
    "print": ("@chinese-fonts/syst", "3.0.0", "dist/SourceHanSerifCN/*.woff2", 400),
    "title": ("@chinese-fonts/syst", "3.0.0", "dist/SourceHanSerifCN/*.woff2", 400),
    "hand": ("@chinese-fonts/dymh", "3.0.0", "dist/DouyinSansBold/*.woff2", None),
}


# titles: the print face's outlines emboldened by FreeType (FT_Outline_Embolden), by this
# fraction of the em; one joined file serves both (joining a second weight would double
# the minute the first build of the faces takes)
EMBOLDEN = {"title": 0.05}


class MissingGlyph(ValueError):
    """A character its face cannot draw (not in the cmap, or no outline)."""


class TruthMismatch(AssertionError):
    """A page's truth is not the multiset of characters FreeType drew."""


def face_file(role: str) -> str:
    """The TrueType file of a role's face, joined in the npm faces' cache if missing."""
    return npm_faces.joined_face(*FACES[role])


def missing_glyphs(role: str, text: str) -> str:
    """The characters of `text` (whitespace aside) its face cannot draw."""
    path = face_file(role)
    return "".join(c for c in text if not c.isspace() and not npm_faces.has_outline(path, c))


def _checked(role: str, text: str) -> None:
    missing = missing_glyphs(role, text)
    if missing:
        raise MissingGlyph(f"{role} face lacks {missing!r} in {text!r}")


def px(pt: float) -> int:
    return round(pt * PPI / 72)


def width(role: str, text: str, size_pt: float, spacing: float = 0.0) -> float:
    """The advance of `text` in pixels at `size_pt`."""
    adv, upem = npm_faces.advances(face_file(role))
    size = px(size_pt)
    extra = _extra(role, size) / 64
    return sum(adv.get(c, upem // 2) * size / upem + extra + spacing for c in text)


def _extra(role: str, size: int) -> int:
    """How far FreeType's emboldening widens a role's glyphs, in 26.6 units."""
    return round(EMBOLDEN.get(role, 0.0) * size * 64)


def wrap(role: str, text: str, size_pt: float, max_w: float) -> list[str]:
    """`text` broken into lines no wider than `max_w` pixels (CJK: break anywhere, but
    never before closing punctuation)."""
    lines, line = [], ""
    for c in text:
        if line and width(role, line + c, size_pt) > max_w and c not in "，。、；：）》”":
            lines.append(line)
            line = c
        else:
            line += c
    if line:
        lines.append(line)
    return lines


@dataclass
class Page:
    layout: str
    ops: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def truth(self) -> str:
        return "\n".join(self.lines)

    def text(
        self,
        x: float,
        y: float,
        s: str,
        size_pt: float,
        role: str = "print",
        *,
        spacing: float = 0.0,
        color: tuple[int, int, int] | None = None,
        jitter: int = 0,
        truth: bool = True,
    ) -> float:
        """Draw `s` with its baseline at `y` from `x`; returns the x after it. Its truth
        joins the page's in the order drawn."""
        _checked(role, s)
        ink = color or (HAND_INK if role == "hand" else INK)
        self.ops.append(("text", (x, y, s, size_pt, role, spacing, ink, jitter)))
        if truth and s.strip():
            self.lines.append(s)
        return x + width(role, s, size_pt, spacing)

    def centered(
        self, cx: float, y: float, s: str, size_pt: float, role: str = "print", spacing: float = 0.0
    ) -> None:
        self.text(cx - width(role, s, size_pt, spacing) / 2, y, s, size_pt, role, spacing=spacing)

    def paragraph(
        self, x: float, y: float, s: str, size_pt: float, max_w: float, leading: float = 1.7
    ) -> float:
        """Wrapped print; returns the baseline after the last line."""
        for line in wrap("print", s, size_pt, max_w):
            self.text(x, y, line, size_pt)
            y += px(size_pt) * leading
        return y

    def line(self, x0: float, y0: float, x1: float, y1: float, w: int = 3) -> None:
        self.ops.append(("line", (x0, y0, x1, y1, w)))

    def rect(self, x: float, y: float, w: float, h: float, lw: int = 3) -> None:
        self.ops.append(("rect", (x, y, w, h, lw)))

    def grid(self, x: float, y: float, cols: list[float], rows: list[float], lw: int = 3) -> None:
        """A table's rules: column widths and row heights from (x, y)."""
        tw, th = sum(cols), sum(rows)
        cx = x
        for c in [0.0, *cols]:
            cx += c
            self.line(cx, y, cx, y + th, lw)
        cy = y
        for r in [0.0, *rows]:
            cy += r
            self.line(x, cy, x + tw, cy, lw)

    def checkbox(self, x: float, y: float, size: float, ticked: bool) -> None:
        self.ops.append(("check", (x, y, size, ticked)))

    def qr(self, x: float, y: float, size: float, rng: random.Random) -> None:
        bits = [rng.random() < 0.5 for _ in range(29 * 29)]
        self.ops.append(("qr", (x, y, size, tuple(bits))))

    def photo(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(("photo", (x, y, w, h)))

    def seal(
        self, cx: float, cy: float, r: float, ring: str, rng: random.Random, center: str = ""
    ) -> None:
        """A round red seal: ring words along the top as glyph outlines, a star, and
        optional words across the middle (outlines too); none of it is truth."""
        _checked("title", ring + center)
        self.ops.append(("seal", (cx, cy, r, ring, center, rng.uniform(-0.25, 0.25))))


# --- rendering -------------------------------------------------------------------------


@cache
def _face(role: str, size: int) -> freetype.Face:
    face = freetype.Face(face_file(role))
    face.set_pixel_sizes(0, size)
    return face


@cache
def _glyph(role: str, size: int, char: str) -> tuple[np.ndarray, int, int, int]:
    """The coverage bitmap of `char`, its left and top bearings and advance, in pixels."""
    face = _face(role, size)
    face.load_char(char, freetype.FT_LOAD_NO_BITMAP | freetype.FT_LOAD_NO_HINTING)
    g = face.glyph
    extra = _embolden(role, size, g)
    g.render(freetype.FT_RENDER_MODE_NORMAL)
    bm = g.bitmap
    arr = np.array(bm.buffer, dtype=np.uint8).reshape(bm.rows, bm.pitch)[:, : bm.width]
    return arr.copy(), g.bitmap_left, g.bitmap_top, round((g.advance.x + extra) / 64)


def _embolden(role: str, size: int, slot: Any) -> int:
    extra = _extra(role, size)
    if extra:
        freetype.raw.FT_Outline_Embolden(ctypes.byref(slot.outline._FT_Outline), extra)
    return extra


def _composite(
    img: np.ndarray, arr: np.ndarray, left: int, top: int, ink: tuple[int, int, int]
) -> bool:
    """Blend a coverage bitmap in `ink` at (left, top); True if it left ink."""
    h, w = arr.shape
    x0, y0 = max(left, 0), max(top, 0)
    x1, y1 = min(left + w, img.shape[1]), min(top + h, img.shape[0])
    if x1 <= x0 or y1 <= y0:
        return False
    a = arr[y0 - top : y1 - top, x0 - left : x1 - left].astype(np.float32)[..., None] / 255
    if not (a > 0.25).any():
        return False
    region = img[y0:y1, x0:x1].astype(np.float32)
    img[y0:y1, x0:x1] = (region * (1 - a) + np.array(ink, np.float32) * a).astype(np.uint8)
    return True


def _draw_text(img: np.ndarray, args: tuple[Any, ...], drawn: list[str]) -> None:
    x, y, s, size_pt, role, spacing, ink, jitter = args
    size = px(size_pt)
    rng = random.Random(f"{s}:{x}:{y}")
    pen = float(x)
    for c in s:
        arr, left, top, adv = _glyph(role, size, c)
        dy = rng.randint(-jitter, jitter) if jitter else 0
        if not c.isspace() and _composite(img, arr, round(pen) + left, round(y) - top + dy, ink):
            drawn.append(c)
        pen += adv + spacing


def _outline_polys(role: str, char: str, size: int) -> tuple[list[np.ndarray], float]:
    """The contours of `char` as polygons in pixels (y down, origin at the pen), and
    its advance."""
    face = _face(role, size)
    face.load_char(char, freetype.FT_LOAD_NO_BITMAP | freetype.FT_LOAD_NO_HINTING)
    extra = _embolden(role, size, face.glyph)
    outline = face.glyph.outline
    polys: list[list[tuple[float, float]]] = []

    def pt(v: Any) -> tuple[float, float]:
        return v.x / 64, -v.y / 64

    def move_to(a: Any, _: Any) -> int:
        polys.append([pt(a)])
        return 0

    def line_to(a: Any, _: Any) -> int:
        polys[-1].append(pt(a))
        return 0

    def conic_to(b: Any, c: Any, _: Any) -> int:
        p0, p1, p2 = polys[-1][-1], pt(b), pt(c)
        for i in range(1, 7):
            t = i / 6
            polys[-1].append(
                (
                    (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0],
                    (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1],
                )
            )
        return 0

    def cubic_to(b: Any, c: Any, d: Any, _: Any) -> int:
        p0, p1, p2, p3 = polys[-1][-1], pt(b), pt(c), pt(d)
        for i in range(1, 9):
            t = i / 8
            u = 1 - t
            polys[-1].append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
        return 0

    outline.decompose(None, move_to=move_to, line_to=line_to, conic_to=conic_to, cubic_to=cubic_to)
    advance = (face.glyph.advance.x + extra) / 64
    return [np.array(p, np.float64) for p in polys if len(p) > 2], advance


def _seal_mask(shape: tuple[int, int], args: tuple[Any, ...]) -> np.ndarray:
    cx, cy, r, ring, center, turn = args
    mask = np.zeros(shape, np.uint8)
    c = (round(cx), round(cy))
    cv2.circle(mask, c, round(r), 255, max(8, round(r * 0.06)), cv2.LINE_AA)
    # five-pointed star
    star = []
    for i in range(10):
        rad = r * (0.3 if i % 2 == 0 else 0.12)
        a = -math.pi / 2 + i * math.pi / 5 + turn
        star.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    cv2.fillPoly(mask, [np.round(np.array(star) * 16).astype(np.int32)], 255, cv2.LINE_AA, 4)
    n = len(ring)
    span = math.radians(min(250, 150 + 12 * n))
    rad = r * 0.76
    size = round(min(r * 0.27, 0.92 * rad * span / n))
    polys: list[np.ndarray] = []
    for i, ch in enumerate(ring):
        glyph, adv = _outline_polys("title", ch, size)
        ang = -math.pi / 2 - span / 2 + span * (i + 0.5) / n + turn
        # the glyph's upright points outward: rotate so its baseline is tangent
        rot = ang + math.pi / 2
        gx, gy = cx + rad * math.cos(ang), cy + rad * math.sin(ang)
        cos, sin = math.cos(rot), math.sin(rot)
        for p in glyph:
            lx, ly = p[:, 0] - adv / 2, p[:, 1] + size * 0.38
            polys.append(np.stack([gx + lx * cos - ly * sin, gy + lx * sin + ly * cos], 1))
    if center:
        csize = round(r * 0.22)
        total = sum(_outline_polys("title", ch, csize)[1] for ch in center)
        pen = cx - total / 2
        for ch in center:
            glyph, adv = _outline_polys("title", ch, csize)
            for p in glyph:
                polys.append(np.stack([pen + p[:, 0], cy + r * 0.62 + p[:, 1]], 1))
            pen += adv
    if polys:
        # all contours at once: OpenCV fills them even-odd, so counters stay open
        cv2.fillPoly(mask, [np.round(p * 16).astype(np.int32) for p in polys], 255, cv2.LINE_AA, 4)
    return mask


def _multiply(
    img: np.ndarray, mask: np.ndarray, color: tuple[int, int, int], strength: float
) -> None:
    ys, xs = np.nonzero(mask)
    if not len(ys):
        return
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    a = mask[y0:y1, x0:x1].astype(np.float32)[..., None] / 255 * strength
    tint = np.array(color, np.float32) / 255
    region = img[y0:y1, x0:x1].astype(np.float32)
    img[y0:y1, x0:x1] = (region * (1 - a + a * tint)).clip(0, 255).astype(np.uint8)


def render(page: Page) -> tuple[np.ndarray, str]:
    """The page at 300 ppi (BGR uint8) and the characters FreeType drew with ink."""
    img = np.full((PX_H, PX_W, 3), 255, np.uint8)
    drawn: list[str] = []
    seals = []
    for kind, args in page.ops:
        if kind == "text":
            _draw_text(img, args, drawn)
        elif kind == "line":
            x0, y0, x1, y1, w = args
            cv2.line(img, (round(x0), round(y0)), (round(x1), round(y1)), INK, w, cv2.LINE_AA)
        elif kind == "rect":
            x, y, w, h, lw = args
            cv2.rectangle(
                img, (round(x), round(y)), (round(x + w), round(y + h)), INK, lw, cv2.LINE_AA
            )
        elif kind == "check":
            x, y, s, ticked = args
            cv2.rectangle(img, (round(x), round(y)), (round(x + s), round(y + s)), INK, 3)
            if ticked:
                pts = np.array(
                    [
                        (x + s * 0.15, y + s * 0.5),
                        (x + s * 0.42, y + s * 0.82),
                        (x + s * 1.05, y - s * 0.1),
                    ]
                )
                cv2.polylines(
                    img, [np.round(pts).astype(np.int32)], False, HAND_INK, 7, cv2.LINE_AA
                )
        elif kind == "qr":
            x, y, size, bits = args
            cell = size / 29
            for i, on in enumerate(bits):
                r, c = divmod(i, 29)
                finder = (r < 8 or r > 20) and (c < 8 or c > 20) and not (r > 20 and c > 20)
                if finder:
                    rr, cc = r % 21 if r > 20 else r, c % 21 if c > 20 else c
                    ring = max(abs(rr - 3), abs(cc - 3))
                    on = rr < 7 and cc < 7 and ring != 2
                if on:
                    cv2.rectangle(
                        img,
                        (round(x + c * cell), round(y + r * cell)),
                        (round(x + (c + 1) * cell) - 1, round(y + (r + 1) * cell) - 1),
                        (0, 0, 0),
                        -1,
                    )
        elif kind == "photo":
            x, y, w, h = args
            cv2.rectangle(img, (round(x), round(y)), (round(x + w), round(y + h)), INK, 3)
        elif kind == "seal":
            seals.append(args)
    for args in seals:  # stamped last, over the print
        _multiply(img, _seal_mask(img.shape[:2], args), SEAL_RED, 0.85)
    return img, "".join(drawn)


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    return [render(p) for p in pages]


def check_truth(page: Page, drawn: str) -> None:
    """The page's truth must be the characters FreeType drew, as a multiset."""
    want = Counter(c for c in page.truth() if not c.isspace())
    got = Counter(c for c in drawn if not c.isspace())
    if want != got:
        raise TruthMismatch(
            f"{page.layout}: truth lacks {dict(got - want)}, drawing lacks {dict(want - got)}"
        )
