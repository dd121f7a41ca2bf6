"""The `pdfkit` corpus's page model and its renderer's interface.

A page is a list of drawing operations in PDF points (A4, origin top left) in reading
order; `render` hands a batch of pages to `pdfkit_render.mjs` under node: pdfkit (npm)
lays them out into one PDF with its own line breaking and fontkit's font subsets, and
pdf.js (npm `pdfjs-dist`) rasterises that PDF on @napi-rs/canvas, its glyphs turned into
paths by its own font parser. The faces are TeX Live's Fandol faces (Debian
`texlive-lang-chinese`), read from their files; nothing falls back to another face. Seal
words are glyph outlines, not text; QR-like blocks are rectangles.

The truth of a page is the text of its text operations in the order they are drawn; the
text pdf.js finds in the PDF, in its content order, must be the same characters in the
same order (whitespace aside)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "tests" / "node"
SCRIPT = Path(__file__).resolve().parent / "pdfkit_render.mjs"
FANDOL = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
# role -> file: FandolSong for the forms' print, its Bold for labels, FandolFang for prose
# as official letters are set, FandolHei Bold for titles and heads, FandolHei Regular for
# small print, FandolKai for entries by hand
FACES = {
    "song": "FandolSong-Regular.otf",
    "songb": "FandolSong-Bold.otf",
    "fang": "FandolFang-Regular.otf",
    "hei": "FandolHei-Bold.otf",
    "heil": "FandolHei-Regular.otf",
    "kai": "FandolKai-Regular.otf",
}
PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
DPI = 300
INK = "#161616"
BLUE = "#1c3d9c"  # ballpoint
PEN_BLACK = "#262626"
RED = "#d42a2f"


class MissingGlyph(ValueError):
    """A face lacks a character a page would draw."""


class TruthMismatch(AssertionError):
    """The text in the PDF is not the page's truth."""


class Overflow(AssertionError):
    """A text run pdfkit wrapped is taller than the box it was given."""


@cache
def _font(role: str) -> TTFont:
    return TTFont(FANDOL / FACES[role], lazy=True)


@cache
def _cmap(role: str) -> dict[int, str]:
    return dict(_font(role).getBestCmap())


@cache
def _advance(role: str, ch: str) -> float:
    font = _font(role)
    name = _cmap(role).get(ord(ch))
    if name is None:
        raise MissingGlyph(f"{FACES[role]} lacks {ch!r}")
    return font["hmtx"][name][0] / font["head"].unitsPerEm


def missing_glyphs(role: str, text: str) -> str:
    cmap = _cmap(role)
    return "".join(sorted({c for c in text if c.strip() and ord(c) not in cmap}))


def measure(s: str, size: float, role: str = "song", spacing: float = 0.0) -> float:
    return sum(_advance(role, c) for c in s) * size + spacing * max(len(s) - 1, 0)


def wrap_lines(s: str, size: float, width: float, role: str = "song") -> int:
    """How many lines `s` takes at `width`, broken between any two characters (pdfkit
    breaks as UAX 14 allows, which may take a line more; the reserved height checks it)."""
    lines, x = 1, 0.0
    for c in s:
        w = _advance(role, c) * size
        if x + w > width + 1e-6 and x > 0:
            lines, x = lines + 1, 0.0
        x += w
    return lines


@dataclass
class Page:
    layout: str
    ops: list[dict[str, Any]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def _check(self, role: str, s: str) -> None:
        missing = missing_glyphs(role, s)
        if missing:
            raise MissingGlyph(f"{FACES[role]} lacks {missing!r} ({s!r})")

    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float,
        face: str = "song",
        align: str = "left",
        color: str = INK,
        spacing: float = 0.0,
    ) -> float:
        """One line from its top `y`: starting at `x` (left), around it (center) or ending
        at it (right); returns its width."""
        self._check(face, s)
        self.ops.append(
            dict(op="text", x=x, y=y, s=s, size=size, face=face, align=align, color=color)
            | ({"spacing": spacing} if spacing else {})
        )
        return measure(s, size, face, spacing)

    def box(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        s: str,
        size: float,
        face: str = "song",
        align: str = "center",
        pad: float = 4.0,
        color: str = INK,
        border: float = 0.0,
    ) -> None:
        """`s` wrapped by pdfkit to the box's width less `pad`, centred in its height
        (smaller until it fits by our measure; pdfkit's own height is checked)."""
        if border:
            self.rect(x0, y0, x1, y1, border)
        if not s:
            return
        self._check(face, s)
        w, h = x1 - x0 - 2 * pad, y1 - y0 - 2
        while wrap_lines(s, size, w - 1, face) * size * 1.45 > h and size > 5.5:
            size *= 0.92
        self.ops.append(
            dict(
                op="text",
                x=x0 + pad,
                y=y0 + 1,
                w=w,
                h=h,
                s=s,
                size=size,
                face=face,
                align=align,
                valign="middle",
                gap=size * 0.2,
                color=color,
            )
        )

    def para(
        self,
        x0: float,
        x1: float,
        y: float,
        s: str,
        size: float,
        face: str = "fang",
        gap: float = 4.0,
        indent: bool = True,
    ) -> float:
        """A paragraph pdfkit wraps to x0..x1 from its top `y` (first line indented by two
        ideographic spaces); returns the top of what follows."""
        body = ("　　" if indent else "") + s
        self._check(face, body)
        lines = wrap_lines(body, size, x1 - x0 - 1, face) + 1
        h = lines * (size * 1.2 + gap)
        self.ops.append(
            dict(
                op="text",
                x=x0,
                y=y,
                w=x1 - x0,
                h=h,
                s=body,
                size=size,
                face=face,
                align="justify",
                gap=gap,
                color=INK,
            )
        )
        return y + (lines - 1) * (size * 1.2 + gap) + 4

    def hand(
        self,
        x: float,
        y: float,
        s: str,
        size: float,
        rng: random.Random,
        color: str = BLUE,
        align: str = "left",
        slant: float = 0.0,
    ) -> float:
        """Entries by hand in FandolKai: each character moved, turned and scaled a little,
        the line drifting; returns its width."""
        self._check("kai", s)
        spacing = size * rng.uniform(-0.02, 0.08)
        jit, drift = [], 0.0
        for _ in s:
            drift += rng.uniform(-0.04, 0.04) * size
            drift = max(-0.12 * size, min(0.12 * size, drift))
            jit.append(
                [
                    rng.uniform(-0.05, 0.05) * size,
                    drift + rng.uniform(-0.05, 0.05) * size,
                    rng.uniform(-6, 6) + slant,
                    rng.uniform(0.9, 1.1),
                ]
            )
        w = sum(_advance("kai", c) * size * j[3] for c, j in zip(s, jit, strict=True))
        w += spacing * len(s)
        x0 = x - w / 2 if align == "center" else x - w if align == "right" else x
        self.ops.append(
            dict(
                op="hand",
                x=x0,
                y=y,
                s=s,
                size=size,
                face="kai",
                color=color,
                jit=jit,
                spacing=spacing,
            )
        )
        return w

    def rect(
        self, x0: float, y0: float, x1: float, y1: float, lw: float = 0.7, dash: float = 0.0
    ) -> None:
        self.ops.append(
            dict(op="rect", x0=x0, y0=y0, x1=x1, y1=y1, lw=lw, color=INK)
            | ({"dash": dash} if dash else {})
        )

    def line(
        self, x0: float, y0: float, x1: float, y1: float, lw: float = 0.7, dash: float = 0.0
    ) -> None:
        self.ops.append(
            dict(op="line", x0=x0, y0=y0, x1=x1, y1=y1, lw=lw, color=INK)
            | ({"dash": dash} if dash else {})
        )

    def fill(self, x0: float, y0: float, x1: float, y1: float, color: str = "#e6e6e6") -> None:
        self.ops.append(dict(op="fill", x0=x0, y0=y0, x1=x1, y1=y1, color=color))

    def qr(self, x: float, y: float, size: float, rng: random.Random, n: int = 25) -> None:
        """A QR-like block: three finder squares and random modules."""
        grid = [[rng.random() < 0.5 for _ in range(n)] for _ in range(n)]
        for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
            for r in range(-1, 8):
                for c in range(-1, 8):
                    if 0 <= fy + r < n and 0 <= fx + c < n:
                        ring = max(abs(r - 3), abs(c - 3))
                        grid[fy + r][fx + c] = ring in (0, 1, 3)
        rows = ["".join("1" if b else "0" for b in row) for row in grid]
        self.ops.append(dict(op="qr", x=x, y=y, cell=size / n, rows=rows, color=INK))

    def seal(
        self, cx: float, cy: float, r: float, words: str, rng: random.Random, center: str = ""
    ) -> None:
        """A red stamp over what is under it (multiplied): its words are outlines."""
        self._check("hei", words + center)
        self.ops.append(
            dict(
                op="seal",
                cx=cx,
                cy=cy,
                r=r,
                words=words,
                center=center,
                face="hei",
                color=RED,
                rot=rng.uniform(-14, 14),
                alpha=rng.uniform(0.78, 0.92),
            )
        )

    def field(self, name: str, value: str) -> None:
        self.fields.append((name, value))

    def truth(self) -> str:
        return "\n".join(op["s"] for op in self.ops if op["op"] in ("text", "hand"))


@dataclass(frozen=True)
class Rendered:
    image: np.ndarray  # BGR, 300 ppi
    text: str  # what pdf.js finds in the PDF, in content order
    items: list[tuple[str, list[float], float, float]]  # (str, transform, width, height)


def render(pages: list[Page], keep_pdf: Path | None = None) -> list[Rendered]:
    """Each page laid out by pdfkit and rasterised by pdf.js, in one node run."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed (make system-deps)")
    with tempfile.TemporaryDirectory(prefix="pdfkit-corpus-") as tmp:
        out = Path(tmp)
        batch = {
            "faces": {role: str(FANDOL / f) for role, f in FACES.items()},
            "dpi": DPI,
            "pages": [{"ops": p.ops} for p in pages],
        }
        (out / "batch.json").write_text(json.dumps(batch, ensure_ascii=False), encoding="utf-8")
        subprocess.run(
            [node, str(SCRIPT), str(out / "batch.json"), str(out), str(NODE_DIR)],
            check=True,
            capture_output=True,
            timeout=600,
        )
        result = json.loads((out / "result.json").read_text(encoding="utf-8"))
        if result["overflow"]:
            raise Overflow(result["overflow"])
        if keep_pdf is not None:
            shutil.copy(out / "batch.pdf", keep_pdf)
        rendered = []
        for n, info in enumerate(result["pages"], start=1):
            raw = np.fromfile(out / f"page-{n}.rgba", np.uint8)
            rgba = raw.reshape(info["height"], info["width"], 4)
            image = np.ascontiguousarray(rgba[..., 2::-1])
            items = [(s, t, w, h) for s, t, w, h in info["items"]]
            rendered.append(Rendered(image, "".join(s for s, *_ in items), items))
    return rendered


def check_truth(truth: str, found: str) -> None:
    """The PDF's text is the truth, character for character, whitespace aside."""
    a, b = "".join(truth.split()), "".join(found.split())
    if a != b:
        i = next(
            (k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
        )
        raise TruthMismatch(f"at {i}: truth {a[i : i + 20]!r}, PDF {b[i : i + 20]!r}")
