"""The `ps` corpus's page model and its PostScript: Python lays a page out (its own line
breaking on the faces' hmtx advances), writes it as a PostScript program (text as glyph
ids shown in Identity-H composite fonts made from the joined TrueType faces through a
cidfmap, rules with lineto/stroke, boxes, check marks, QR-like blocks as rectfill), and
Ghostscript draws it at 300 ppi. Every text run reports itself from inside Ghostscript
(its glyph ids and its ink box from charpath/pathbbox in device pixels), so the truth is
checked against what was drawn. Seals are drawn by Ghostscript on a page of their own and
multiplied over the page in Python; their ring words are charpath outlines, not text."""

from __future__ import annotations

import math
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from reporting_corpora.ps_faces import PS_NAMES, face

MM = 72 / 25.4
DPI = 300
KINSOKU_START = "，。、；：）》」！？"
KINSOKU_END = "（《「"


@dataclass
class Run:
    key: str  # face key
    size: float  # pt
    x: float  # mm from the left
    y: float  # mm from the top, baseline
    text: str
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)
    hand: bool = False  # each glyph turned and shifted a little


@dataclass
class Seal:
    cx: float
    cy: float
    r: float  # mm
    words: str
    bottom: str = ""


@dataclass
class Page:
    layout: str
    landscape: bool = False
    runs: list[Run] = field(default_factory=list)
    ops: list[str] = field(default_factory=list)  # PostScript in mm, y from the top
    seals: list[Seal] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    jitter: list[tuple[float, float, float]] = field(default_factory=list)

    @property
    def size_mm(self) -> tuple[float, float]:
        return (297.0, 210.0) if self.landscape else (210.0, 297.0)

    def truth(self) -> str:
        return "\n".join(r.text for r in self.runs)

    # -- drawing helpers ---------------------------------------------------------
    def text(self, key: str, size: float, x: float, y: float, text: str, **kw: object) -> Run:
        f = face(key)
        missing = [c for c in text if not f.has(c)]
        if missing:
            raise ValueError(f"{key} lacks {''.join(missing)!r} in {text!r}")
        run = Run(key, size, x, y, text, **kw)  # type: ignore[arg-type]
        self.runs.append(run)
        return run

    def width(self, key: str, size: float, text: str) -> float:
        return face(key).width(text, size) / MM

    def centred(self, key: str, size: float, cx: float, y: float, text: str) -> Run:
        return self.text(key, size, cx - self.width(key, size, text) / 2, y, text)

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.8) -> None:
        self.ops.append(f"{w} setlinewidth {x0:.2f} {y0:.2f} M {x1:.2f} {y1:.2f} L stroke")

    def box(self, x: float, y: float, w: float, h: float, lw: float = 0.8) -> None:
        self.ops.append(f"{lw} setlinewidth {x:.2f} {y:.2f} {w:.2f} {h:.2f} B stroke")

    def checkbox(self, x: float, y: float, checked: bool, s: float = 3.2) -> None:
        """A square whose bottom stands on the baseline `y`, checked by a pen stroke."""
        self.box(x, y - s, s, s, 0.6)
        if checked:
            self.ops.append(
                "0 0 0.45 setrgbcolor 0.9 setlinewidth 1 setlinecap "
                f"{x + 0.5:.2f} {y - s * 0.55:.2f} M "
                f"{x + s * 0.42:.2f} {y - 0.3:.2f} L {x + s + 1.2:.2f} {y - s - 1.0:.2f} L stroke "
                "0 setgray 0 setlinecap"
            )

    def qr(self, x: float, y: float, size: float, bits: list[bool]) -> None:
        n = math.isqrt(len(bits))
        cell = size / n
        rects = []
        for i, bit in enumerate(bits):
            r, c = divmod(i, n)
            finder = (r < 7 and c < 7) or (r < 7 and c >= n - 7) or (r >= n - 7 and c < 7)
            if finder:
                rr, cc = r % (n - 7) if r >= 7 else r, c % (n - 7) if c >= 7 else c
                ring = max(abs(rr - 3), abs(cc - 3))
                bit = ring != 2
            if bit:
                rects.append(f"{x + c * cell:.3f} {y + r * cell:.3f} {cell:.3f} {cell:.3f}")
        self.ops.append("[" + " ".join(rects) + "] Q")

    def wrap(self, key: str, size: float, text: str, width: float) -> list[str]:
        """Greedy lines within `width` mm; digits and Latin stay whole, no line starts
        with closing punctuation nor ends with an opening bracket."""
        f = face(key)
        tokens: list[str] = []
        for ch in text:
            if (
                tokens
                and ch.isascii()
                and ch.isalnum()
                and tokens[-1][-1:].isascii()
                and tokens[-1][-1:].isalnum()
            ) or (tokens and (ch in KINSOKU_START or tokens[-1][-1] in KINSOKU_END)):
                tokens[-1] += ch
            else:
                tokens.append(ch)
        lines, cur = [], ""
        for tok in tokens:
            if cur and f.width(cur + tok, size) / MM > width:
                lines.append(cur)
                cur = tok
            else:
                cur += tok
        if cur:
            lines.append(cur)
        return lines

    def para(
        self,
        key: str,
        size: float,
        x: float,
        y: float,
        text: str,
        width: float,
        lead: float,
        indent: bool = True,
    ) -> float:
        """A paragraph from `y` (first baseline); returns the baseline after it."""
        first = "\u3000\u3000" if indent else ""
        for ln in self.wrap(key, size, first + text, width):
            shown = ln.lstrip("\u3000")
            off = self.width(key, size, ln[: len(ln) - len(shown)])
            self.text(key, size, x + off, y, shown)
            y += lead
        return y


PROLOGUE = """%!PS-Adobe-3.0
/MM 72 25.4 div def
/PH {ph} def
/M {{ MM mul exch MM mul exch PH exch sub moveto }} bind def
/L {{ MM mul exch MM mul exch PH exch sub lineto }} bind def
/B {{ 4 dict begin /h exch MM mul def /w exch MM mul def
     /y exch MM mul PH exch sub def /x exch MM mul def
     newpath x y moveto w 0 rlineto 0 h neg rlineto w neg 0 rlineto closepath end }} bind def
/Q {{ aload length 4 idiv {{ 4 dict begin /s exch MM mul def /t exch MM mul def
      /y exch MM mul PH exch sub def
      /x exch MM mul def x y s sub t s rectfill end }} repeat }} bind def
/REPORT {{ % (hex string) -> prints its bytes and ink box in device space
  dup (G) print {{ ( ) print =only }} forall
  gsave currentpoint newpath moveto dup false charpath flattenpath
  {{ pathbbox }} stopped {{ 0 0 0 0 }} if
  4 2 roll transform 4 2 roll transform grestore
  4 {{ ( ) print round cvi =only }} repeat (\\n) print }} bind def
/SH {{ dup REPORT show }} bind def
/RUN {{ (R ) print =only (\\n) print }} bind def
"""


def _hex(key: str, text: str) -> str:
    f = face(key)
    return "<" + "".join(f"{f.gids[ord(c)]:04x}" for c in text) + ">"


def program(pages: list[Page]) -> str:
    """One PostScript job: each page, then its seal layer (blank if it has none)."""
    out = [PROLOGUE.format(ph=f"{841.89:.2f}")]
    out.append("/PH 841.89 def")
    for n, page in enumerate(pages):
        w, h = page.size_mm
        out.append(
            f"<< /PageSize [{w * MM:.2f} {h * MM:.2f}] >> setpagedevice /PH {h * MM:.2f} def"
        )
        out.append("1 setlinejoin 0 setgray")
        out.extend(page.ops)
        for i, run in enumerate(page.runs):
            out.append(
                f"{n * 10000 + i} RUN {run.color[0]} {run.color[1]} {run.color[2]} setrgbcolor"
            )
            out.append(f"/{PS_NAMES[run.key]}-Identity-H findfont {run.size} scalefont setfont")
            if not run.hand:
                out.append(f"{run.x:.2f} {run.y:.2f} M {_hex(run.key, run.text)} SH")
                continue
            x = run.x
            for j, ch in enumerate(run.text):
                dx, dy, rot = page.jitter[(i * 31 + j) % len(page.jitter)]
                out.append(
                    f"gsave {x + dx:.2f} {run.y + dy:.2f} M currentpoint translate "
                    f"{rot:.2f} rotate "
                    f"0 0 moveto {_hex(run.key, ch)} SH grestore"
                )
                x += face(run.key).width(ch, run.size) / MM * 1.04
        out.append("showpage")
        out.append(
            f"<< /PageSize [{w * MM:.2f} {h * MM:.2f}] >> setpagedevice /PH {h * MM:.2f} def"
        )
        for seal in page.seals:
            out.append(_seal(seal))
        out.append("showpage")
    return "\n".join(out) + "\n"


def _seal(s: Seal) -> str:
    """Ring, star and ring words as filled outlines in seal red."""
    f = PS_NAMES["bold"]
    parts = [
        "gsave 0.86 0.12 0.14 setrgbcolor",
        f"{s.cx:.2f} {s.cy:.2f} M currentpoint translate",
        f"newpath 0 0 {s.r * MM:.2f} 0 360 arc {s.r * MM * 0.07:.2f} setlinewidth stroke",
    ]
    star = []
    for k in range(10):
        a = math.pi / 2 + k * math.pi / 5
        rad = s.r * MM * (0.3 if k % 2 == 0 else 0.12)
        star.append(
            f"{rad * math.cos(a):.2f} {rad * math.sin(a):.2f} {'moveto' if k == 0 else 'lineto'}"
        )
    parts.append("newpath " + " ".join(star) + " closepath fill")
    n = len(s.words)
    span = min(270.0, n * 24.0)
    # each word no wider than its share of the arc at mid-ring, nor than a third of the radius
    size = min(s.r * MM * 0.3, 0.9 * s.r * MM * 0.74 * math.radians(span) / n)
    for k, ch in enumerate(s.words):
        ang = 90 + span / 2 - (k + 0.5) * span / n
        parts.append(
            f"gsave {ang:.2f} rotate {s.r * MM * 0.62:.2f} 0 translate -90 rotate "
            f"/{f}-Identity-H findfont {size:.2f} scalefont setfont "
            f"newpath {-size / 2:.2f} 0 moveto {_hex('bold', ch)} true charpath fill grestore"
        )
    if s.bottom:
        bs = size * 0.8
        wd = face("bold").width(s.bottom, bs)
        parts.append(
            f"/{f}-Identity-H findfont {bs:.2f} scalefont setfont newpath {-wd / 2:.2f} "
            f"{-s.r * MM * 0.62:.2f} moveto {_hex('bold', s.bottom)} true charpath fill"
        )
    parts.append("grestore")
    return "\n".join(parts)


@dataclass
class Drawn:
    index: int
    gids: list[int]
    boxes: list[tuple[int, int, int, int]]


def cidfmap() -> str:
    return "".join(
        f"/{PS_NAMES[k]} << /FileType /TrueType /Path ({face(k).path}) /SubfontID 0 "
        "/CSI [(Identity) 0] >> ;\n"
        for k in PS_NAMES
    )


def render(pages: list[Page]) -> tuple[list[np.ndarray], dict[int, Drawn]]:
    """Ghostscript draws the pages (RGB arrays, seals multiplied in) and reports runs."""
    with tempfile.TemporaryDirectory(prefix="ps-corpus-") as tmp:
        d = Path(tmp)
        (d / "cidfmap").write_text(cidfmap(), encoding="ascii")
        (d / "job.ps").write_text(program(pages), encoding="ascii")
        proc = subprocess.run(
            [
                "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", f"-I{d}", "-sDEVICE=png16m",
                f"-r{DPI}", "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4",
                f"-sOutputFile={d}/p%03d.png", str(d / "job.ps"),
            ],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if proc.returncode != 0:
            raise RuntimeError(f"gs failed: {proc.stderr[-2000:]}{proc.stdout[-2000:]}")
        images = []
        for n in range(len(pages)):
            page = cv2.imread(str(d / f"p{2 * n + 1:03d}.png"), cv2.IMREAD_COLOR)
            seal = cv2.imread(str(d / f"p{2 * n + 2:03d}.png"), cv2.IMREAD_COLOR)
            assert page is not None and seal is not None, "gs wrote no page"
            merged = page.astype(np.uint16) * seal.astype(np.uint16) // 255
            images.append(merged.astype(np.uint8))
    return images, parse_report(proc.stdout)


def parse_report(stdout: str) -> dict[int, Drawn]:
    drawn: dict[int, Drawn] = {}
    current: Drawn | None = None
    for line in stdout.splitlines():
        if line.startswith("R "):
            current = Drawn(int(line[2:]), [], [])
            drawn[current.index] = current
        elif line.startswith("G") and current is not None:
            nums = [int(v) for v in line[1:].split()]
            data, box = nums[:-4], nums[-4:]
            current.gids += [data[k] * 256 + data[k + 1] for k in range(0, len(data), 2)]
            y1, x1, y0, x0 = box  # printed from the top of the stack down
            current.boxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return drawn
