"""The `satori` corpus's page model and renderer.

A page is a tree of plain element objects (`{"type", "key", "props": {"style",
"children"}}`, what JSX would compile to, written as dicts) laid out by Vercel's satori
(npm; Yoga flexbox, its own line breaking, text turned into SVG paths) and rasterised at
300 ppi by @resvg/resvg-js, a batch of pages per node run (`satori_render.mjs`). The
truth is written from the same model as the tree: every text run is made by `Page.t`,
which puts the run's element in the tree and its text on the current truth line, in the
order a person reads the page (`Page.br` ends a truth line).

Satori draws text as paths, so there is no text layer to check the truth against. Instead
every page is checked as it is built (`check_render`):

1. every character of a run is in the cmap of the face that draws it (`MissingGlyph`,
   raised as the run is made): print runs are drawn by IBM Plex Sans for what it has
   (Latin, digits, ¥) and Noto Serif CJK SC Medium for the rest (satori takes the first
   face of the run's font family that has the glyph), titles by Noto Sans CJK SC Bold,
   entries by hand by Noto Sans CJK SC Light; the faces handed to satori are subsets of
   exactly those characters, so a character no face of the run has cannot be drawn by a
   face of another role either;
2. satori's layout neither overflowed nor clipped (`Overflow`): each page is rendered a
   second time with every text run transparent, and the difference of the two images is
   the text's ink; every run's box (satori's `onNodeDetected`) must hold ink, there must
   be no ink outside the runs' boxes (text that overflowed its box, or was drawn where no
   run is), every run's box lies inside its parent's box and the page, and no two runs'
   boxes overlap;
3. the truth's reading order is the model's (`TruthMismatch`): the runs satori laid out,
   in the order it laid them out, are the model's runs in order, their text joined is the
   truth's text character for character, and on the page each run follows the one before
   it as a reader goes (to the right on the same line, or below; a new truth line starts
   below the last or in a column to its right).

Seals (ring words as glyph outlines from the title face, an SVG image) and QR-like blocks
(an SVG image of squares) are images, not runs: they are not in the truth, and the
transparent render keeps them, so their ink is never taken for text.
"""

from __future__ import annotations

import base64
import json
import math
import os
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from fontTools import subset
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "tests" / "node" / "node_modules"
RENDER_JS = Path(__file__).with_name("satori_render.mjs")
NOTO = Path("/usr/share/fonts/opentype/noto")
# role -> (file, index in a collection, family name in the file)
FACES: dict[str, tuple[Path, int, str]] = {
    "print": (NOTO / "NotoSerifCJK-Medium.ttc", 2, "Noto Serif CJK SC Medium"),
    "head": (NOTO / "NotoSansCJK-Bold.ttc", 2, "Noto Sans CJK SC Bold"),
    "hand": (NOTO / "NotoSansCJK-Light.ttc", 2, "Noto Sans CJK SC Light"),
    "latin": (
        NODE_MODULES / "@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-400-normal.woff",
        -1,
        "IBM Plex Sans",
    ),
}
# the family names satori knows the faces by, and each role's font-family list
SATORI_NAME = {"print": "SPrint", "head": "SHead", "hand": "SHand", "latin": "SLatin"}
FAMILY = {"print": "SLatin, SPrint", "head": "SHead", "hand": "SHand"}
INK = "#1a1a1a"
BALLPOINT = ("#1f3a93", "#23408e", "#162f7a", "#2a2a6e")
A4 = (2480, 3508)  # 300 ppi
A4_LANDSCAPE = (3508, 2480)


class MissingGlyph(ValueError):
    pass


class Overflow(ValueError):
    pass


class TruthMismatch(ValueError):
    pass


def _font(role: str) -> TTFont:
    path, index, _ = FACES[role]
    if index >= 0:
        return TTFont(path, fontNumber=index, lazy=True, recalcBBoxes=False)
    return TTFont(path, lazy=True, recalcBBoxes=False)


@cache
def cmap(role: str) -> frozenset[int]:
    return frozenset(_font(role).getBestCmap())


def face_of(role: str, ch: str) -> str:
    """The face satori draws `ch` of a `role` run with (the first of its family that has
    it)."""
    if role == "print" and ord(ch) in cmap("latin"):
        return "latin"
    return role


def missing_glyphs(role: str, text: str) -> str:
    return "".join(ch for ch in text if ord(ch) not in cmap(face_of(role, ch)))


@dataclass
class Run:
    key: str
    role: str
    text: str
    line: int
    tilt: float = 0.0  # degrees, entries by hand
    parent: str | None = None


El = dict[str, Any]


@dataclass
class Page:
    layout: str
    width: int = A4[0]
    height: int = A4[1]
    runs: list[Run] = field(default_factory=list)
    lines: list[list[str]] = field(default_factory=lambda: [[]])
    fields: list[tuple[str, str]] = field(default_factory=list)
    seals: int = 0
    qr_blocks: int = 0
    root: El | None = None
    _n: int = 0
    _by_key: dict[str, Run] = field(default_factory=dict)

    def _key(self, prefix: str) -> str:
        self._n += 1
        return f"{prefix}{self._n}"

    def t(self, text: str, role: str = "print", size: int = 42, **style: Any) -> El:
        """A text run drawn in `role`'s face, put on the current truth line."""
        if role not in FAMILY:
            raise ValueError(role)
        missing = missing_glyphs(role, text)
        if missing:
            raise MissingGlyph(f"{role}: {missing!r} in {text!r}")
        key = self._key("t")
        tilt = float(style.pop("tilt", 0.0))
        st = {
            "fontFamily": FAMILY[role],
            "fontSize": size,
            "lineHeight": 1.35,
            "color": INK,
            "display": "flex",
            "flexShrink": 1,
            **style,
        }
        if tilt:
            st["transform"] = f"rotate({tilt:.2f}deg)"
        run = Run(key, role, text, len(self.lines) - 1, tilt)
        self.runs.append(run)
        self._by_key[key] = run
        self.lines[-1].append(text)
        return {"type": "div", "key": key, "props": {"style": st, "children": text}}

    def hand(self, text: str, rng: random.Random, size: int = 46, **style: Any) -> El:
        """An entry filled in by hand: ballpoint blue, its size and slant a little off."""
        return self.t(
            text,
            "hand",
            size + rng.randint(-3, 4),
            color=rng.choice(BALLPOINT),
            tilt=round(rng.uniform(-1.2, 1.2), 2),
            marginTop=rng.randint(0, 8),
            marginLeft=rng.randint(0, 14),
            **style,
        )

    def br(self) -> None:
        """End the current truth line."""
        if self.lines[-1]:
            self.lines.append([])

    def box(self, *children: El | None, **style: Any) -> El:
        key = self._key("b")
        kids = [c for c in children if c is not None]
        for c in kids:
            run = self._by_key.get(str(c.get("key", "")))
            if run is not None:
                run.parent = key
        st = {"display": "flex", **style}
        return {"type": "div", "key": key, "props": {"style": st, "children": kids}}

    def row(self, *children: El | None, **style: Any) -> El:
        return self.box(*children, flexDirection="row", **style)

    def col(self, *children: El | None, **style: Any) -> El:
        return self.box(*children, flexDirection="column", **style)

    def field(self, kind: str, value: str) -> None:
        self.fields.append((kind, value))

    def image(self, svg: str, w: int, h: int, prefix: str, **style: Any) -> El:
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        return {
            "type": "img",
            "key": self._key(prefix),
            "props": {
                "src": uri,
                "width": w,
                "height": h,
                "style": {"width": w, "height": h, **style},
            },
        }

    def seal(self, words: str, size: int, rng: random.Random, **style: Any) -> El:
        """A red round seal: ring words as glyph outlines, a star, not text."""
        self.seals += 1
        svg = seal_svg(words, size, rng)
        return self.image(svg, size, size, "s", opacity=0.82, **style)

    def qr(self, size: int, rng: random.Random, **style: Any) -> El:
        self.qr_blocks += 1
        return self.image(qr_svg(size, rng), size, size, "q", **style)

    def finish(self, *children: El | None, **style: Any) -> Page:
        st = {
            "width": self.width,
            "height": self.height,
            "backgroundColor": "white",
            "flexDirection": "column",
            "position": "relative",
            "boxSizing": "border-box",
            **style,
        }
        self.root = self.box(*children, **st)
        self.br()
        return self

    def truth(self) -> str:
        return "\n".join(" ".join(line) for line in self.lines if line)


# -- seals and QR-like blocks ----------------------------------------------------------


@cache
def _glyph_set() -> tuple[Any, dict[int, str], int]:
    font = _font("head")
    return font.getGlyphSet(), font.getBestCmap(), font["head"].unitsPerEm


def _glyph_path(ch: str, x: float, y: float, scale: float, angle: float) -> str:
    """`ch`'s outline, its centre at (x, y), turned by `angle` radians (SVG y down)."""
    glyphs, cm, upm = _glyph_set()
    name = cm.get(ord(ch))
    if name is None:
        raise MissingGlyph(f"head: {ch!r} (seal)")
    pen = SVGPathPen(glyphs)
    c, s = math.cos(angle), math.sin(angle)
    # font units (y up, centred at upm/2, 0.38 upm) -> page
    cx, cy = upm / 2, upm * 0.38
    a, b = scale * c, scale * s
    cc, d = scale * s, -scale * c
    # x' = x + a*(u-cx) + cc*(v-cy)*... written as an affine transform
    tx = x - a * cx - cc * cy
    ty = y - b * cx - d * cy
    glyphs[name].draw(TransformPen(pen, (a, b, cc, d, tx, ty)))
    return pen.getCommands()


def seal_svg(words: str, size: int, rng: random.Random) -> str:
    r = size / 2
    red = rng.choice(("#d4202a", "#c8161d", "#e0303a"))
    parts = [
        f'<circle cx="{r}" cy="{r}" r="{r * 0.94:.1f}" fill="none" stroke="{red}" '
        f'stroke-width="{size * 0.035:.1f}"/>'
    ]
    n = len(words)
    span = min(math.radians(260), math.radians(24) * n)
    # each character as tall as the ring allows, no wider than its share of the arc
    scale = min(size * 0.15, r * 0.7 * span / n * 0.95) / 1000
    for i, ch in enumerate(words):
        theta = -math.pi / 2 - span / 2 + span * (i + 0.5) / n  # from upper left, clockwise
        x = r + r * 0.7 * math.cos(theta)
        y = r + r * 0.7 * math.sin(theta)
        parts.append(
            f'<path fill="{red}" d="{_glyph_path(ch, x, y, scale, theta + math.pi / 2)}"/>'
        )
    pts = []
    for k in range(10):
        rad = r * (0.26 if k % 2 == 0 else 0.105)
        ang = -math.pi / 2 + k * math.pi / 5
        pts.append(f"{r + rad * math.cos(ang):.1f},{r + rad * math.sin(ang):.1f}")
    parts.append(f'<polygon fill="{red}" points="{" ".join(pts)}"/>')
    # uneven ink: a few light specks
    for _ in range(40):
        parts.append(
            f'<circle cx="{rng.uniform(0, size):.1f}" cy="{rng.uniform(0, size):.1f}" '
            f'r="{rng.uniform(1, 5):.1f}" fill="white" opacity="0.7"/>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}">{"".join(parts)}</svg>'
    )


def qr_svg(size: int, rng: random.Random, modules: int = 29) -> str:
    cell = size / modules
    grid = [[rng.random() < 0.5 for _ in range(modules)] for _ in range(modules)]
    for oy, ox in ((0, 0), (0, modules - 7), (modules - 7, 0)):
        for y in range(-1, 8):
            for x in range(-1, 8):
                yy, xx = oy + y, ox + x
                if 0 <= yy < modules and 0 <= xx < modules:
                    ring = max(abs(y - 3), abs(x - 3))
                    grid[yy][xx] = ring in (0, 1, 3) if 0 <= y < 7 and 0 <= x < 7 else False
    rects = "".join(
        f'<rect x="{x * cell:.2f}" y="{y * cell:.2f}" width="{cell + 0.3:.2f}" '
        f'height="{cell + 0.3:.2f}"/>'
        for y in range(modules)
        for x in range(modules)
        if grid[y][x]
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}"><g fill="black">{rects}</g></svg>'
    )


# -- rendering -------------------------------------------------------------------------


@dataclass
class Rendered:
    image: np.ndarray  # BGR uint8
    text: str  # the runs satori laid out, in its order, joined
    boxes: dict[str, tuple[int, int, int, int]]  # key -> left, top, width, height
    ink: np.ndarray  # bool: where the text's ink is


def _subsets(pages: list[Page], tmp: Path) -> list[dict[str, Any]]:
    chars: dict[str, set[str]] = {r: set() for r in FACES}
    for page in pages:
        for run in page.runs:
            for ch in run.text:
                chars[face_of(run.role, ch)].add(ch)
    fonts = []
    for role, (path, index, _) in FACES.items():
        out = tmp / f"{role}.otf"
        if index < 0:
            shutil.copy(path, out.with_suffix(".woff"))
            out = out.with_suffix(".woff")
        else:
            font = _font(role)
            opts = subset.Options()
            opts.layout_features = []  # satori shapes CJK glyph by glyph
            opts.name_IDs = ["*"]
            opts.notdef_outline = True
            sub = subset.Subsetter(opts)
            sub.populate(text="".join(sorted(chars[role])) or "　")
            sub.subset(font)
            font.flavor = None
            font.save(out)
        fonts.append({"name": SATORI_NAME[role], "path": str(out), "weight": 400})
    return fonts


def render(pages: list[Page]) -> list[Rendered]:
    """Each page laid out by satori and rasterised by resvg in one node run, checked as
    `check_render` says."""
    with tempfile.TemporaryDirectory(prefix="satori-") as d:
        tmp = Path(d)
        job = {
            "fonts": _subsets(pages, tmp),
            "pages": [
                {"id": f"p{i}", "width": p.width, "height": p.height, "tree": p.root}
                for i, p in enumerate(pages)
            ],
            "out": str(tmp),
        }
        (tmp / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        env = {**os.environ, "SATORI_NODE_MODULES": str(NODE_MODULES)}
        proc = subprocess.run(
            ["node", str(RENDER_JS), str(tmp / "job.json")],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"satori_render.mjs failed: {proc.stderr[-3000:]}")
        result = json.loads((tmp / "result.json").read_text(encoding="utf-8"))
        out = []
        for page, res in zip(pages, result, strict=True):
            h, w = res["height"], res["width"]
            full = np.fromfile(tmp / f"{res['id']}.rgba", np.uint8).reshape(h, w, 4)
            bare = np.fromfile(tmp / f"{res['id']}-blank.rgba", np.uint8).reshape(h, w, 4)
            boxes = {
                k: (round(x), round(y), round(bw), round(bh)) for k, x, y, bw, bh in res["boxes"]
            }
            order = [k for k, *_ in res["boxes"] if k.startswith("t")]
            by_key = {r.key: r for r in page.runs}
            text = "".join(by_key[k].text if k in by_key else f"<{k}>" for k in order)
            gray = cv2.cvtColor(full, cv2.COLOR_RGBA2GRAY)
            gray_bare = cv2.cvtColor(bare, cv2.COLOR_RGBA2GRAY)
            ink = cv2.absdiff(gray, gray_bare) > 48
            image = np.ascontiguousarray(full[..., 2::-1])
            r = Rendered(image, text, boxes, ink)
            check_render(page, r, order)
            out.append(r)
        return out


def _pad(run: Run, w: int, h: int) -> tuple[int, int]:
    """How far a run's ink may stray from its box: anti-aliasing, and a tilted entry's
    ends."""
    t = math.radians(abs(run.tilt))
    return 3 + math.ceil(h * math.sin(t) / 2), 3 + math.ceil(w * math.sin(t) / 2)


def check_render(page: Page, r: Rendered, order: list[str]) -> None:
    keys = [run.key for run in page.runs]
    if order != keys:
        raise TruthMismatch(f"{page.layout}: satori laid out {len(order)} runs, model {len(keys)}")
    if "".join(r.text.split()) != "".join(page.truth().split()):
        raise TruthMismatch(f"{page.layout}: the runs laid out are not the truth")
    H, W = r.ink.shape
    assert page.root is not None
    if r.boxes[page.root["key"]] != (0, 0, W, H) or (page.width, page.height) != (W, H):
        raise Overflow(f"{page.layout}: the page is {r.boxes[page.root['key']]}, not {W}x{H}")
    allowed = np.zeros_like(r.ink)
    rects = []
    for run in page.runs:
        x, y, w, h = r.boxes[run.key]
        if x < 0 or y < 0 or x + w > W or y + h > H:
            raise Overflow(f"{page.layout}: {run.text!r} off the page")
        if run.parent is not None and not run.tilt:
            px, py, pw, ph = r.boxes[run.parent]
            if x < px - 1 or y < py - 1 or x + w > px + pw + 1 or y + h > py + ph + 1:
                raise Overflow(f"{page.layout}: {run.text!r} out of its box")
        dx, dy = _pad(run, w, h)
        allowed[max(0, y - dy) : y + h + dy, max(0, x - dx) : x + w + dx] = True
        if run.text.strip() and not r.ink[y : y + h, x : x + w].any():
            raise Overflow(f"{page.layout}: {run.text!r} left no ink in its box")
        rects.append((x, y, x + w, y + h))
    stray = r.ink & ~allowed
    if stray.sum() > 0:
        ys, xs = np.nonzero(stray)
        raise Overflow(
            f"{page.layout}: {stray.sum()} px of text ink outside every run's box "
            f"(first at x={xs[0]}, y={ys[0]})"
        )
    a = np.array(rects)
    for i in range(len(a)):
        ix = np.minimum(a[i, 2], a[i + 1 :, 2]) - np.maximum(a[i, 0], a[i + 1 :, 0])
        iy = np.minimum(a[i, 3], a[i + 1 :, 3]) - np.maximum(a[i, 1], a[i + 1 :, 1])
        hit = np.nonzero((ix > 2) & (iy > 2))[0]
        if len(hit):
            other = page.runs[i + 1 + hit[0]]
            raise Overflow(f"{page.layout}: {page.runs[i].text!r} overlaps {other.text!r}")
    _check_order(page, r)


def _check_order(page: Page, r: Rendered) -> None:
    """Each run follows the one before it as a reader goes: to its right on the same
    line, or below it; a new truth line starts below the last one's start, or in a
    column to the right of everything on it."""
    tol = 6
    prev: Run | None = None
    line_start: tuple[int, int] | None = None
    line_right = 0
    for run in page.runs:
        x, y, w, _ = r.boxes[run.key]
        if prev is None or run.line != prev.line:
            if line_start is not None:
                _, sy = line_start
                if not (y >= sy - tol or x >= line_right - tol):
                    raise TruthMismatch(f"{page.layout}: line at {run.text!r} goes back up")
            line_start, line_right = (x, y), x + w
        else:
            assert prev is not None
            px, py, pw, ph = r.boxes[prev.key]
            same_line = x >= px + pw - tol and y < py + ph
            below = y >= py + ph * 0.5
            if not (same_line or below):
                raise TruthMismatch(
                    f"{page.layout}: {run.text!r} is not after {prev.text!r} as a reader goes"
                )
            line_right = max(line_right, x + w)
        prev = run
