"""The `svg` corpus's drawing: a page written as SVG by hand (own line breaking and table
layout, advances measured from the faces' hmtx tables) and rasterised by resvg's command
line (PyPI `resvg-cli`) at 300 ppi A4 with system fonts skipped and only this corpus's
face files loaded.

Faces: IPAmj Mincho for print wherever it has every character of the run (it is a
Japanese face and lacks many simplified characters), Noto Serif CJK SC ExtraLight
otherwise (drawn with a thin stroke so print keeps one weight) and, unstroked, for notes
and small print; SetoFont for entries by hand; C059 for Latin and digits in print, Nimbus
Mono PS for codes in print. Every character drawn is checked against the cmap of the face
that draws it: a missing glyph raises. Seal ring words are glyph outlines (paths), QR-like
blocks rectangles: neither is text."""

from __future__ import annotations

import functools
import math
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import cv2
import numpy as np
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTCollection, TTFont

PX_W, PX_H = 2480, 3508  # A4 at 300 ppi
PT = 300 / 72  # pixels per point


@dataclass(frozen=True)
class Face:
    family: str  # the family resvg's font database knows the file by
    weight: int
    path: str
    index: int | None = None  # face in a collection


URW = "/usr/share/fonts/opentype/urw-base35/"
FACES = {
    "ming": Face("IPAmjMincho", 400, "/usr/share/fonts/truetype/ipamj/ipamjm.ttf"),
    "thin": Face(
        "Noto Serif CJK SC", 200, "/usr/share/fonts/opentype/noto/NotoSerifCJK-ExtraLight.ttc", 2
    ),
    "hand": Face("SetoFont", 400, "/usr/share/fonts/truetype/seto/setofont.ttf"),
    "roman": Face("C059", 400, URW + "C059-Roman.otf"),
    "mono": Face("Nimbus Mono PS", 400, URW + "NimbusMonoPS-Regular.otf"),
}
# style → (face of CJK characters, face of ASCII characters, stroke as a share of the size)
STYLES = {
    "print": ("ming", "roman", 0.0),
    "code": ("ming", "mono", 0.0),
    "note": ("thin", "roman", 0.0),
    "hand": ("hand", "hand", 0.0),
    "title": ("ming", "roman", 0.02),
}
THIN_STROKE = 0.022  # print falling back to the ExtraLight face is thickened this much
INK = "#1b1b1f"
HAND_INK = "#1f2f6b"  # blue-black ballpoint
RED = "#d2232a"
SEAL_FACE = "thin"


class MissingGlyph(ValueError):
    pass


@functools.cache
def _font(name: str) -> TTFont:
    face = FACES[name]
    if face.index is not None:
        return TTCollection(face.path, lazy=True).fonts[face.index]
    return TTFont(face.path, lazy=True)


@functools.cache
def cmap(name: str) -> dict[int, str]:
    return _font(name).getBestCmap()


@functools.cache
def _metrics(name: str) -> tuple[float, dict[str, tuple[int, int]]]:
    font = _font(name)
    return float(font["head"].unitsPerEm), font["hmtx"].metrics


@functools.cache
def drawn(face: str, ch: str) -> bool:
    """Does the face map `ch` to a glyph with an outline? (SetoFont maps some 26,000
    characters to empty glyphs: a cmap entry alone is no glyph.)"""
    font = _font(face)
    glyph = cmap(face).get(ord(ch))
    if glyph is None:
        return False
    if "glyf" in font:
        return bool(font["glyf"][glyph].numberOfContours != 0)
    pen = BoundsPen(font.getGlyphSet())
    font.getGlyphSet()[glyph].draw(pen)
    return pen.bounds is not None


def missing_glyphs(face: str, text: str) -> str:
    """The characters of `text` (other than white space) the face does not draw."""
    return "".join(c for c in text if not c.isspace() and not drawn(face, c))


def advance(face: str, ch: str) -> float:
    """Advance of one character in ems."""
    upem, hmtx = _metrics(face)
    glyph = cmap(face).get(ord(ch))
    if glyph is None:
        raise MissingGlyph(f"{face} has no glyph for {ch!r}")
    return hmtx[glyph][0] / upem


def segments(text: str, style: str) -> list[tuple[str, str, float]]:
    """(face, characters, stroke share) runs of one line in `style`: ASCII in the style's
    Latin face, the rest in its CJK face, which for print is IPAmj Mincho only where it has
    every character of the line, else Noto Serif CJK SC ExtraLight with a stroke."""
    cjk, latin, stroke = STYLES[style]
    wide = "".join(c for c in text if ord(c) > 127 and not c.isspace())
    if cjk == "ming" and missing_glyphs("ming", wide):
        cjk, stroke = "thin", stroke + THIN_STROKE
    out: list[tuple[str, str, float]] = []
    for ch in text:
        face = latin if ord(ch) < 128 else cjk
        if not ch.isspace() and not drawn(face, ch):
            raise MissingGlyph(f"{FACES[face].family} has no glyph for {ch!r} in {text!r}")
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + ch, out[-1][2])
        else:
            out.append((face, ch, stroke))
    return out


def width(text: str, size: float, style: str) -> float:
    return sum(advance(f, c) * size for f, s, _ in segments(text, style) for c in s)


NO_START = set("，。、；：）》」』！？%")
NO_END = set("（《「『")


def wrap(text: str, size: float, style: str, room: float) -> list[str]:
    """Greedy line breaking by measured advance: ASCII words stay whole, no line starts
    with closing punctuation nor ends with opening punctuation."""
    tokens: list[str] = []
    for ch in text:
        if (
            tokens
            and ch.isascii()
            and ch != " "
            and tokens[-1][-1].isascii()
            and tokens[-1][-1] != " "
        ):
            tokens[-1] += ch
        else:
            tokens.append(ch)
    lines: list[str] = []
    line = ""
    for tok in tokens:
        if line and width(line + tok, size, style) > room:
            # closing punctuation pulls the line's last character down with it; opening
            # punctuation goes down with what it opens
            if (tok[0] in NO_START and len(line) > 1) or line[-1] in NO_END:
                lines.append(line[:-1])
                line = line[-1]
            else:
                lines.append(line)
                line = ""
        line += tok
    if line:
        lines.append(line)
    return [ln.strip() for ln in lines if ln.strip()]


@dataclass
class Sheet:
    """One page: SVG elements in drawing order and the truth in reading order."""

    layout: str
    parts: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    overlays: list[str] = field(default_factory=list)  # seals: drawn last

    # -- text ---------------------------------------------------------------------------
    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float,
        style: str = "print",
        anchor: str = "start",
        truth: bool = True,
        spacing: float = 0.0,
    ) -> float:
        """One line with its baseline at y; returns its width. `anchor` start, middle, end."""
        w = width(s, size, style) + spacing * size * max(len(s) - 1, 0)
        x0 = x - w / 2 if anchor == "middle" else x - w if anchor == "end" else x
        colour = HAND_INK if style == "hand" else INK
        spans = []
        for face, chars, stroke in segments(s, style):
            f = FACES[face]
            attrs = f'font-family="{f.family}" font-weight="{f.weight}"'
            if stroke:
                attrs += f' stroke="{colour}" stroke-width="{stroke * size:.2f}"'
            spans.append(f"<tspan {attrs}>{escape(chars)}</tspan>")
        extra = f' letter-spacing="{spacing * size:.2f}"' if spacing else ""
        self.parts.append(
            f'<text x="{x0:.1f}" y="{y:.1f}" font-size="{size:.2f}" fill="{colour}"'
            f' xml:space="preserve"{extra}>{"".join(spans)}</text>'
        )
        if truth:
            self.lines.append(s)
        return w

    def para(
        self,
        x: float,
        y: float,
        s: str,
        size: float,
        room: float,
        style: str = "print",
        lead: float = 1.7,
        indent: int = 2,
    ) -> float:
        """A wrapped paragraph from baseline y, first line indented by `indent` ems;
        returns the baseline under its last line."""
        first = "\u3000" * indent
        lines = wrap(first + s, size, style, room)
        for i, ln in enumerate(lines):
            dx = width(first, size, style) if i == 0 and indent else 0.0
            self.text(x + dx, y, ln.lstrip("\u3000"), size, style)
            y += size * lead
        return y

    def field(self, name: str, value: str) -> None:
        self.fields.append((name, value))

    # -- rules and boxes ----------------------------------------------------------------
    def line(
        self, x1: float, y1: float, x2: float, y2: float, w: float = 3.0, colour: str = INK
    ) -> None:
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
            f' stroke="{colour}" stroke-width="{w:.1f}"/>'
        )

    def rect(
        self, x: float, y: float, w: float, h: float, stroke: float = 3.0, fill: str = "none"
    ) -> None:
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"'
            f' fill="{fill}" stroke="{INK}" stroke-width="{stroke:.1f}"/>'
        )

    def grid(
        self, x: float, y: float, widths: list[float], heights: list[float], w: float = 3.0
    ) -> None:
        right, bottom = x + sum(widths), y + sum(heights)
        yy = y
        for h in [0.0, *heights]:
            yy += h
            self.line(x, yy, right, yy, w)
        xx = x
        for cw in [0.0, *widths]:
            xx += cw
            self.line(xx, y, xx, bottom, w)

    def checkbox(
        self, x: float, y: float, size: float, ticked: bool, rng_angle: float = 0.0
    ) -> None:
        """A box whose bottom sits on baseline y; a tick by hand when `ticked`."""
        self.rect(x, y - size * 0.85, size * 0.8, size * 0.8, stroke=2.5)
        if ticked:
            s = size
            self.parts.append(
                f'<path d="M{x + s * 0.1:.1f},{y - s * 0.45:.1f}'
                f" L{x + s * 0.35:.1f},{y - s * 0.12:.1f}"
                f' L{x + s * 0.95:.1f},{y - s * 1.05:.1f}" fill="none" stroke="{HAND_INK}"'
                f' stroke-width="{s * 0.09:.1f}" stroke-linecap="round" stroke-linejoin="round"'
                f' transform="rotate({rng_angle:.1f} {x:.1f} {y:.1f})"/>'
            )

    def qr(self, x: float, y: float, size: float, bits: list[bool], n: int = 25) -> None:
        cell = size / n
        rects = []
        for r in range(n):
            for c in range(n):
                finder = any(
                    r0 <= r < r0 + 7 and c0 <= c < c0 + 7
                    for r0, c0 in ((0, 0), (0, n - 7), (n - 7, 0))
                )
                if finder:
                    rr = r if r < 7 else r - (n - 7)
                    cc = c if c < 7 else c - (n - 7)
                    on = rr in (0, 6) or cc in (0, 6) or (2 <= rr <= 4 and 2 <= cc <= 4)
                else:
                    on = bits[(r * n + c) % len(bits)]
                if on:
                    rects.append(
                        f"M{x + c * cell:.1f},{y + r * cell:.1f}h{cell:.1f}v{cell:.1f}h{-cell:.1f}z"
                    )
        self.parts.append(f'<path d="{"".join(rects)}" fill="{INK}"/>')

    # -- seals --------------------------------------------------------------------------
    def seal(
        self, cx: float, cy: float, r: float, ring: str, below: str = "", angle: float = 0.0
    ) -> None:
        """A round red seal: ring words along the top as glyph outlines, a star, an
        optional straight line under it (outlines too); over whatever is under it."""
        paths = [_ring_path(ring, cx, cy, r * 0.8, r * 0.2)]
        paths.append(_star(cx, cy, r * 0.3))
        if below:
            paths.append(_line_path(below, cx, cy + r * 0.58, r * 0.17))
        self.overlays.append(
            f'<g transform="rotate({angle:.1f} {cx:.1f} {cy:.1f})" opacity="0.82"'
            f' style="mix-blend-mode:multiply">'
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r * 0.97:.1f}" fill="none" stroke="{RED}"'
            f' stroke-width="{r * 0.055:.1f}"/>'
            f'<path d="{" ".join(paths)}" fill="{RED}" stroke="{RED}"'
            f' stroke-width="{r * 0.018:.1f}" stroke-linejoin="round"/></g>'
        )

    def svg(self) -> str:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{PX_W}" height="{PX_H}"'
            f' viewBox="0 0 {PX_W} {PX_H}">'
            f'<rect width="{PX_W}" height="{PX_H}" fill="#ffffff"/>'
            + "".join(self.parts)
            + "".join(self.overlays)
            + "</svg>"
        )

    def truth(self) -> str:
        return "\n".join(self.lines)


def _glyph_path(ch: str, size: float, x: float, y: float, rot: float) -> str:
    """Outline of one seal glyph (Noto Serif CJK SC ExtraLight, thickened by the seal's
    stroke), its centre-bottom at (x, y), rotated by `rot` radians."""
    font = _font(SEAL_FACE)
    glyph = cmap(SEAL_FACE).get(ord(ch))
    if glyph is None or not drawn(SEAL_FACE, ch):
        raise MissingGlyph(f"{SEAL_FACE} has no glyph for {ch!r} (seal)")
    upem = font["head"].unitsPerEm
    adv = font["hmtx"][glyph][0]
    s = size / upem
    c, sn = math.cos(rot), math.sin(rot)
    # font units → centred, y flipped, scaled, rotated, moved
    ox = -adv / 2 * s
    pen = SVGPathPen(font.getGlyphSet())
    tp = TransformPen(pen, (s * c, s * sn, s * sn, -s * c, x + ox * c, y + ox * sn))
    font.getGlyphSet()[glyph].draw(tp)
    return pen.getCommands()


def _ring_path(text: str, cx: float, cy: float, radius: float, size: float) -> str:
    n = len(text)
    span = min(math.radians(230), math.radians(26) * n)
    out = []
    for i, ch in enumerate(text):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / n  # from the upper left round
        x, y = cx + radius * math.cos(a), cy + radius * math.sin(a)
        out.append(
            _glyph_path(
                ch,
                size,
                x - math.cos(a) * size * 0.1,
                y - math.sin(a) * size * 0.1,
                a + math.pi / 2,
            )
        )
    return " ".join(out)


def _line_path(text: str, cx: float, y: float, size: float) -> str:
    adv = [advance(SEAL_FACE, c) * size for c in text]
    x = cx - sum(adv) / 2
    out = []
    for ch, a in zip(text, adv, strict=True):
        out.append(_glyph_path(ch, size, x + a / 2, y, 0.0))
        x += a
    return " ".join(out)


def _star(cx: float, cy: float, r: float) -> str:
    pts = []
    for k in range(10):
        rad = r if k % 2 == 0 else r * 0.4
        a = -math.pi / 2 + k * math.pi / 5
        pts.append(f"{cx + rad * math.cos(a):.1f},{cy + rad * math.sin(a):.1f}")
    return "M" + " L".join(pts) + " Z"


# -- rasterising ------------------------------------------------------------------------
def resvg_binary() -> str:
    here = Path(sys.executable).parent / "resvg"
    found = str(here) if here.exists() else shutil.which("resvg")
    if found is None:
        raise RuntimeError("resvg not found: install the dev extra (resvg-cli)")
    return found


def rasterise(svg: str, faces: tuple[str, ...] = tuple(FACES)) -> np.ndarray:
    """BGR uint8 image of an SVG, rendered by resvg with system fonts skipped and only
    the files of `faces` loaded (so it has nothing else to fall back on)."""
    cmd = [resvg_binary(), "--skip-system-fonts", "--background", "white"]
    for path in sorted({FACES[f].path for f in faces}):
        cmd += ["--use-font-file", path]
    cmd += ["-", "-c"]
    png = subprocess.run(cmd, input=svg.encode("utf-8"), capture_output=True, check=True).stdout
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise RuntimeError("resvg produced no image")
    return image
