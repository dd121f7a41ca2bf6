"""The `java2d` corpus's page model, its faces, the bridge to the Java renderer
(`java2d_render.java`, OpenJDK's Java2D, headless) and the checks of what Java drew.

A page is a list of drawing operations in reading order: text runs (one line in one face),
paragraphs (segments in one or more faces that Java's LineBreakMeasurer breaks into lines),
rules, boxes, check boxes, QR-like blocks and seals. The truth is the text of the text runs
and paragraphs in that order; Java reports every run it drew, in its order, with its face
and pixel box, and `check_truth` holds the two to each other character for character."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
JAVA_SOURCE = Path(__file__).with_name("java2d_render.java")
NODE_MODULES = ROOT / "tests" / "node" / "node_modules"
FACE_CACHE = NODE_MODULES / ".cache" / "onewindow-java2d"

# role -> where its face comes from: an npm @fontsource package whose WOFF2 pieces are joined
# into one TrueType file (Java reads no WOFF2), or a Debian font file
FACES: dict[str, tuple[str, str]] = {
    # print: labels, printed text of forms, tables and prose (a Ming face)
    "print": ("npm", "@fontsource/cactus-classical-serif/files/*-400-normal.woff2"),
    # titles and typed entries (a hei face; titles in Java's derived bold)
    "sans": ("npm", "@fontsource/chocolate-classical-sans/files/*-400-normal.woff2"),
    # the licence's title and every seal's ring words
    "display": ("npm", "@fontsource/wdxl-lubrifont-sc/files/*-400-normal.woff2"),
    # entries by hand (Debian fonts-klee)
    "hand": ("file", "/usr/share/fonts/truetype/klee/KleeOne-SemiBold.ttf"),
}  # fmt: skip

BLACK = (22, 22, 24)
PEN_BLUE = (24, 44, 140)
PEN_BLACK = (40, 36, 44)
RED = (212, 36, 40)


def _join_woff2(pieces: list[Path], out: Path) -> None:
    """One TrueType file from the WOFF2 pieces of one face (each piece holds the glyphs of
    some characters; glyph names are the face's own, so a name means one glyph)."""
    from fontTools.ttLib import OPTIMIZE_FONT_SPEED, TTFont
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    fast = {OPTIMIZE_FONT_SPEED: True}  # compile glyphs plainly: the file is only a cache
    base = TTFont(pieces[0], cfg=fast)
    glyphs: dict[str, Any] = {}
    metrics: dict[str, tuple[int, int]] = {}
    cmap: dict[int, str] = {}
    for piece in pieces:
        font = TTFont(piece, cfg=fast)
        glyf = font["glyf"]
        for name in font.getGlyphOrder():
            if name not in glyphs:
                glyph = glyf[name]
                glyph.expand(glyf)
                glyphs[name] = glyph
                metrics[name] = font["hmtx"][name]
        cmap.update(font.getBestCmap())
    order = [".notdef", *sorted(n for n in glyphs if n != ".notdef")]
    for tag in ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "hdmx", "LTSH", "VDMX", "kern"):
        if tag in base:
            del base[tag]
    base.setGlyphOrder(order)
    base["glyf"].glyphs = glyphs
    base["glyf"].glyphOrder = order
    base["hmtx"].metrics = metrics
    bmp = CmapSubtable.newSubtable(4)
    bmp.platformID, bmp.platEncID, bmp.language = 3, 1, 0
    bmp.cmap = {k: v for k, v in cmap.items() if k <= 0xFFFF}
    full = CmapSubtable.newSubtable(12)
    full.platformID, full.platEncID, full.language = 3, 10, 0
    full.cmap = dict(cmap)
    base["cmap"].tables = [bmp, full]
    base["post"].formatType = 3.0
    base["maxp"].numGlyphs = len(order)
    base.flavor = None  # plain TrueType: Java reads no WOFF2
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    base.save(tmp)
    tmp.replace(out)


@cache
def face_path(role: str) -> Path:
    kind, where = FACES[role]
    if kind == "file":
        path = Path(where)
        if not path.is_file():
            raise FileNotFoundError(f"{path} missing: `make system-deps` installs fonts-klee")
        return path
    pieces = sorted(NODE_MODULES.glob(where))
    if not pieces:
        raise FileNotFoundError(f"{where} missing under {NODE_MODULES}: run `make node-deps`")
    package = json.loads(
        (NODE_MODULES / "/".join(where.split("/")[:2]) / "package.json").read_text()
    )
    out = FACE_CACHE / f"{role}-{where.split('/')[1]}-{package['version']}.ttf"
    if not out.is_file():
        FACE_CACHE.mkdir(parents=True, exist_ok=True)
        _join_woff2(pieces, out)
    return out


@cache
def _face_metrics(role: str) -> tuple[frozenset[int], dict[int, int], int]:
    """The characters a face maps to a glyph with an outline, their advances and the
    face's units per em (kept beside the joined faces: reading a face takes seconds)."""
    path = face_path(role)
    key = hashlib.sha256(
        f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode()
    ).hexdigest()
    memo = FACE_CACHE / f"metrics-{role}-{key[:16]}.json"
    if memo.is_file():
        data = json.loads(memo.read_text())
        return frozenset(data["chars"]), {int(k): v for k, v in data["adv"].items()}, data["upm"]
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    glyf = font["glyf"]  # every face here has TrueType outlines
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    chars = set()
    adv = {}
    for cp, name in cmap.items():
        if glyf[name].numberOfContours != 0 or chr(cp).isspace():
            chars.add(cp)
        adv[cp] = hmtx[name][0]
    upm = font["head"].unitsPerEm
    FACE_CACHE.mkdir(parents=True, exist_ok=True)
    tmp = memo.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"chars": sorted(chars), "adv": adv, "upm": upm}))
    tmp.replace(memo)
    return frozenset(chars), adv, upm


def covers(role: str, text: str) -> bool:
    chars = _face_metrics(role)[0]
    return all(ord(c) in chars for c in text)


def width(role: str, text: str, size: float) -> float:
    """Advance of `text` in the face at `size` px (Java lays a run out by the same hmtx
    advances: the joined faces keep no kerning)."""
    _, adv, upm = _face_metrics(role)
    return sum(adv.get(ord(c), upm) for c in text) * size / upm


# ---- the page model ----


@dataclass
class Page:
    layout: str
    width: int = 2480
    height: int = 3508
    ops: list[dict[str, Any]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    _n: int = 0

    def _id(self) -> str:
        self._n += 1
        return f"r{self._n}"

    def text(
        self,
        s: str,
        x: float,
        y: float,
        size: float = 44,
        role: str = "print",
        *,
        anchor: str = "l",
        color: tuple[int, int, int] = BLACK,
        bold: bool = False,
        rot: float = 0.0,
        maxw: float = 0.0,
    ) -> float:
        """A run of one line with its baseline at `y`; returns its advance."""
        if not s:
            return 0.0
        op: dict[str, Any] = {"t": "text", "id": self._id(), "s": s, "face": role, "size": size}
        op.update(x=x, y=y, anchor=anchor, color=list(color), bold=bold, rot=rot, maxw=maxw)
        self.ops.append(op)
        return width(role, s, size)

    def para(
        self,
        segs: Sequence[Sequence[Any]],
        x: float,
        y: float,
        w: float,
        size: float = 44,
        *,
        lineh: float = 0.0,
        h: float = 0.0,
        indent: float = 0.0,
        bold: bool = False,
    ) -> float:
        """Wrapped prose from (text, role[, colour]) segments, its top at `y`; returns the
        height of the lines Python expects (Java breaks the lines; `h` bounds them)."""
        lineh = lineh or size * 1.7
        out = []
        for seg in segs:
            text, role = seg[0], seg[1]
            color = seg[2] if len(seg) > 2 else (PEN_BLUE if role == "hand" else BLACK)
            if text:
                out.append(
                    {"s": text, "face": role, "size": size, "color": list(color), "bold": bold}
                )
        lines = estimate_lines(segs, w, size, indent)
        height = lines * lineh
        op = {"t": "para", "id": self._id(), "segs": out, "x": x, "y": y, "w": w}
        op.update(lineh=lineh, h=h or height + lineh, indent=indent)
        self.ops.append(op)
        return height

    def line(self, x1: float, y1: float, x2: float, y2: float, w: float = 3) -> None:
        self.ops.append({"t": "line", "x1": x1, "y1": y1, "x2": x2, "y2": y2, "w": w})

    def rect(self, x: float, y: float, w: float, h: float, stroke: float = 3, **kw: Any) -> None:
        self.ops.append({"t": "rect", "x": x, "y": y, "w": w, "h": h, "stroke": stroke, **kw})

    def check(self, x: float, y: float, on: bool, s: float = 40) -> None:
        self.ops.append({"t": "check", "x": x, "y": y, "s": s, "on": on, "color": list(PEN_BLUE)})

    def qr(self, x: float, y: float, rows: list[str], module: float) -> None:
        self.ops.append({"t": "qr", "x": x, "y": y, "rows": rows, "module": module})

    def seal(
        self, cx: float, cy: float, words: str, r: float = 230, rot: float = 0, bottom: str = ""
    ) -> None:
        op = {"t": "seal", "cx": cx, "cy": cy, "r": r, "words": words, "face": "display"}
        op.update(rot=rot, bottom=bottom, color=list(RED))
        self.ops.append(op)

    def truth(self) -> str:
        parts = []
        for op in self.ops:
            if op["t"] == "text":
                parts.append(op["s"])
            elif op["t"] == "para":
                parts.append("".join(s["s"] for s in op["segs"]))
        return "\n".join(parts)


def estimate_lines(
    segs: Iterable[Sequence[Any]], w: float, size: float, indent: float = 0.0
) -> int:
    """How many lines a paragraph takes when broken greedily at any character (Java's
    LineBreakMeasurer breaks at the same places or earlier: one line is kept spare)."""
    lines, x = 1, indent
    for seg in segs:
        for c in seg[0]:
            a = width(seg[1], c, size)
            if x + a > w:
                lines += 1
                x = 0.0
            x += a
    return lines


# ---- the bridge to Java ----


@dataclass(frozen=True)
class Run:
    id: str
    text: str
    face: str
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels of the page


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        raise FileNotFoundError("java missing: `make system-deps` installs openjdk-17-jdk-headless")
    return java


@cache
def _compiled() -> Path:
    """The renderer compiled once into a cache directory named by its source's hash."""
    digest = hashlib.sha256(JAVA_SOURCE.read_bytes()).hexdigest()[:12]
    out = Path(tempfile.gettempdir()) / f"onewindow-java2d-{digest}"
    if not (out / "java2d_render.class").is_file():
        tmp = Path(tempfile.mkdtemp(prefix="java2d-build-"))
        javac = Path(_java()).resolve().with_name("javac")
        subprocess.run(
            [str(javac), "-encoding", "UTF-8", "-nowarn", "-d", str(tmp), str(JAVA_SOURCE)],
            check=True,
            capture_output=True,
        )
        try:
            tmp.rename(out)
        except OSError:  # another process compiled it first
            shutil.rmtree(tmp, ignore_errors=True)
    return out


class RenderError(RuntimeError):
    pass


def render_batch(
    pages: Sequence[Page], no_text: bool = False
) -> list[tuple[np.ndarray, list[Run]]]:
    """Every page drawn by one JVM: (BGR image at 300 ppi, the runs Java drew in order)."""
    faces = {role: str(face_path(role)) for role in FACES}
    batch = {
        "faces": faces,
        "no_text": no_text,
        "pages": [{"width": p.width, "height": p.height, "ops": p.ops} for p in pages],
    }
    with tempfile.TemporaryDirectory(prefix="java2d-") as tmp:
        src = Path(tmp) / "batch.json"
        src.write_text(json.dumps(batch, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run(
            [
                _java(),
                "-Djava.awt.headless=true",
                "-Xmx1g",
                "-cp",
                str(_compiled()),
                "java2d_render",
                str(src),
                tmp,
            ],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise RenderError(done.stderr.strip() or f"java exited {done.returncode}")
        report = json.loads((Path(tmp) / "report.json").read_text(encoding="utf-8"))
        out = []
        for i, rep in enumerate(report["pages"]):
            image = cv2.imread(str(Path(tmp) / f"page-{i:03d}.png"), cv2.IMREAD_COLOR)
            if image is None:
                raise RenderError(f"java2d wrote no page {i}")
            runs = [Run(r["id"], r["text"], r["face"], tuple(r["box"])) for r in rep["runs"]]
            out.append((image, runs))
    return out


def _flat(s: str) -> str:
    return "".join(s.split())


def check_truth(page: Page, drawn: Sequence[Run]) -> None:
    """The text Java drew, run after run in its order, is the page's truth character for
    character (whitespace aside), and every field's value stands whole in the truth."""
    got = _flat("".join(r.text for r in drawn))
    want = _flat(page.truth())
    if got != want:
        i = next(
            (k for k, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
            min(len(got), len(want)),
        )
        raise AssertionError(
            f"{page.layout}: drawn text differs from the truth at {i}: "
            f"{got[i : i + 20]!r} vs {want[i : i + 20]!r}"
        )
    for name, value in page.fields:
        if value not in want:
            raise AssertionError(f"{page.layout}: field {name} {value!r} is not whole in the truth")
