"""The `latex` corpus's generator: a page model (`Page`) that writes LuaLaTeX source and the
page's truth together in reading order, a batch of pages compiled by `lualatex` into one PDF
(luatexja for Chinese line breaking, fontspec faces loaded from their files only), each PDF
page rasterised at 300 ppi by PDFium (pypdfium2), with the text PDFium finds on it.

Faces: Chiron Sung HK (print; titles at a heavier weight) and Chiron Hei HK Italic (entries
filled in by hand, in ballpoint blue or black), from npm's chiron-sung-hk-webfont and
chiron-hei-hk-webfont (tests/node): variable CFF2 faces split into WOFF2 pieces, joined
here by fontTools into one static OpenType (CFF) file per weight in a cache the first time
they are needed; Latin Modern Roman (TeX Live's lmodern) for Latin letters and digits in
print. Seals (ring words as glyph outlines filled by TikZ) and QR-like blocks are drawn as
paths, never as text."""

from __future__ import annotations

import fcntl
import glob
import hashlib
import math
import os
import random
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "tests" / "node"
LMODERN = Path("/usr/share/texmf/fonts/opentype/public/lm")
LATIN = "lmroman10-regular.otf"
LATIN_BOLD = "lmroman10-bold.otf"
DPI = 300
A4 = (210.0, 297.0)  # mm


class MissingGlyph(ValueError):
    """A character the face that would draw it lacks."""


class Overflow(ValueError):
    """TeX could not fit the page: an overfull line or a page that ran over."""


class TruthMismatch(AssertionError):
    """A page's truth differs from the text in its PDF."""


# role → (npm package, pieces, wght): joined into one static face each
JOINED = {
    "song": ("chiron-sung-hk-webfont", "woff2/vf/*/*.woff2", 400),
    "title": ("chiron-sung-hk-webfont", "woff2/vf/*/*.woff2", 800),
    "hand": ("chiron-hei-hk-webfont", "woff2/chironheihkitvf.*.woff2", 330),
}
FAMILY = {"song": "LatexCorpus Chiron Sung HK", "title": "LatexCorpus Chiron Sung HK Heavy",
          "hand": "LatexCorpus Chiron Hei HK Italic"}  # fmt: skip
# the characters set in a Latin (ALchar) font; everything else is set in the CJK face
LATIN_CHARS = {chr(c) for c in range(0x21, 0x7F)} | {"¥"}
BOXES = "☐☑"


def _charset() -> str:
    """Every character the joined faces carry: ASCII, CJK punctuation and full-width forms,
    check boxes, and every non-ASCII character in this corpus's data and layouts (every
    character a page can draw comes from them)."""
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0x3000, 0x3020)}
    chars |= {chr(c) for c in range(0xFF01, 0xFF5F)} | set(BOXES)
    here = Path(__file__).parent
    for name in ("latex_data.py", "latex_layouts.py"):
        if (here / name).exists():
            chars |= {c for c in (here / name).read_text(encoding="utf-8") if ord(c) > 0x7F}
    return "".join(sorted(chars))


def cache_dir() -> Path:
    """Where joined faces and luaotfload's cache live: $LATEX_CORPUS_CACHE, or a folder in
    the system's temporary directory (made on first use; safe for parallel runs)."""
    path = Path(
        os.environ.get("LATEX_CORPUS_CACHE") or Path(tempfile.gettempdir()) / "onewindow-latex"
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def _join(role: str, out: Path) -> None:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.ttLib import TTFont

    package, pattern, wght = JOINED[role]
    files = sorted(glob.glob(str(NODE_DIR / "node_modules" / package / pattern)))
    if not files:
        raise FileNotFoundError(f"{package} not installed: run `make node-deps`")
    want = {ord(c) for c in _charset()}
    glyphs: dict[int, object] = {}
    widths: dict[int, int] = {}
    for f in files:
        font = TTFont(f)
        cmap = {cp: g for cp, g in font.getBestCmap().items() if cp in want and cp not in glyphs}
        if not cmap:
            continue
        gs = font.getGlyphSet(location={"wght": wght}, normalized=False)
        for cp, g in cmap.items():
            width = 1000 if cp > 0x2E80 else gs[g].width
            pen = T2CharStringPen(width, gs)
            gs[g].draw(pen)
            glyphs[cp], widths[cp] = pen.getCharString(), width
    order = [
        ".notdef",
        *(f"uni{cp:04X}" if cp < 0x10000 else f"u{cp:05X}" for cp in sorted(glyphs)),
    ]
    notdef = T2CharStringPen(1000, None)
    notdef.moveTo((100, -100)), notdef.lineTo((100, 800)), notdef.lineTo((900, 800))
    notdef.closePath()
    strings = {".notdef": notdef.getCharString()}
    metrics = {".notdef": (1000, 0)}
    cmap_out = {}
    for cp, name in zip(sorted(glyphs), order[1:], strict=True):
        strings[name] = glyphs[cp]
        metrics[name] = (widths[cp], 0)
        cmap_out[cp] = name
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap_out)
    ps_name = FAMILY[role].replace(" ", "")
    fb.setupCFF(ps_name, {"FullName": FAMILY[role]}, strings, {})
    lsb = {n: cs.calcBounds(None)[0] if cs.calcBounds(None) else 0 for n, cs in strings.items()}
    fb.setupHorizontalMetrics({n: (w, int(lsb[n])) for n, (w, _) in metrics.items()})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": FAMILY[role], "styleName": "Regular", "psName": ps_name})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120,
                fsType=0, usWeightClass=wght)  # fmt: skip
    fb.setupPost()
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    fb.save(str(tmp))
    os.replace(tmp, out)


def faces() -> dict[str, Path]:
    """The joined faces' files by role (made the first time, under a lock)."""
    key = hashlib.sha1((_charset() + repr(JOINED)).encode()).hexdigest()[:12]
    root = cache_dir()
    paths = {role: root / f"latex-{role}-{key}.otf" for role in JOINED}
    if all(p.exists() for p in paths.values()):
        return paths
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for role, path in paths.items():
            if not path.exists():
                _join(role, path)
    return paths


_CMAPS: dict[str, set[int]] = {}


def cmap(role: str) -> set[int]:
    """The characters the face of `role` (a joined role, or latin / latin-bold) maps."""
    if role not in _CMAPS:
        from fontTools.ttLib import TTFont

        path = (
            faces()[role]
            if role in JOINED
            else LMODERN / (LATIN if role == "latin" else LATIN_BOLD)
        )
        _CMAPS[role] = set(TTFont(path, lazy=True).getBestCmap())
    return _CMAPS[role]


def missing_glyphs(role: str, text: str) -> str:
    """Characters of `text` the faces drawing a run of `role` lack: Latin characters in
    the Latin face (print) or the hand face, the rest in the role's CJK face."""
    cjk = "song" if role in ("song", "bold") else role
    latin = {"song": "latin", "bold": "latin-bold", "title": "latin-bold", "hand": "hand"}[role]
    out = []
    for c in text:
        if c.isspace():
            continue
        face = latin if c in LATIN_CHARS else cjk
        if ord(c) not in cmap(face):
            out.append(c)
    return "".join(out)


_SPECIAL = {"#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&", "_": r"\_", "{": r"\{", "}": r"\}",
            "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}  # fmt: skip  # noqa: E501


def tex_escape(s: str) -> str:
    return "".join(_SPECIAL.get(c, c) for c in s)


@dataclass
class Page:
    """One page: its TeX body and its truth, written together in reading order."""

    layout: str
    landscape: bool = False
    body: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    runs: list[tuple[str, str]] = field(default_factory=list)  # (role, text) drawn
    seals: int = 0
    qr_blocks: int = 0

    # -- text ---------------------------------------------------------------------------
    def run(self, text: str, role: str = "song", rng: random.Random | None = None) -> str:
        """TeX for a run of text in a role (song, bold, title, hand), checked against its
        faces; hand runs in ink colour, short ones a little off the line."""
        missing = missing_glyphs(role, text)
        if missing:
            raise MissingGlyph(f"{role} lacks {missing!r} (in {text!r})")
        self.runs.append((role, text))
        s = tex_escape(text)
        if role == "song":
            return s
        if role == "bold":
            return r"{\bfseries " + s + "}"
        if role == "title":
            return r"{\titlefont " + s + "}"
        rise = f"{(rng.uniform(-0.6, 1.4) if rng else 0.4):.2f}pt"
        if len(text) <= 8 and " " not in text:
            s = r"\raisebox{" + rise + "}{" + s + "}"
        return r"\leavevmode{\handfont\color{ink}" + s + "}"

    def hand(self, text: str, rng: random.Random) -> str:
        return self.run(text, "hand", rng)

    def add(self, tex: str, truth: str) -> None:
        """A block of TeX and its truth line (empty truth: nothing readable)."""
        self.body.append(tex)
        if truth.strip():
            self.lines.append(truth)

    def field(self, name: str, value: str) -> str:
        self.fields.append((name, value))
        return value

    def text(self) -> str:
        return "\n".join(self.lines)

    def truth(self) -> str:
        return self.text()

    # -- graphics, not text -------------------------------------------------------------
    def seal(self, words: str, center: str, rng: random.Random, dx: float, dy: float,
             r: float = 20.0) -> str:  # fmt: skip
        """TikZ for a round red seal (overlay, its centre `dx`, `dy` mm from here): ring,
        star, ring words along the upper arc and a line of words under the star, all
        glyph outlines filled as paths."""
        missing = missing_glyphs("title", words + center)
        if missing:
            raise MissingGlyph(f"seal words lack {missing!r}")
        self.seals += 1
        ops = [r"\begin{tikzpicture}[overlay,x=1mm,y=1mm]",
               r"\begin{scope}[blend mode=multiply,opacity=" + f"{rng.uniform(0.75, 0.92):.2f}]",
               f"\\draw[sealred,line width={r * 0.045:.2f}mm] ({dx:.2f},{dy:.2f}) circle ({r:.2f});",  # noqa: E501
               f"\\fill[sealred] ({dx:.2f},{dy:.2f}) +(90:{r * 0.22:.2f})"]  # fmt: skip
        star = []
        for k in range(1, 10):
            rr = r * (0.22 if k % 2 == 0 else 0.09)
            star.append(f"-- +({90 + k * 36}:{rr:.2f})")
        ops[-1] += " " + " ".join(star) + " -- cycle;"
        n = len(words)
        span = min(250.0, 24.0 * n)
        size = r * 0.27
        for i, ch in enumerate(words):
            ang = 90 + span / 2 - (i + 0.5) * span / n
            a = math.radians(ang)
            cx, cy = dx + (r * 0.72) * math.cos(a), dy + (r * 0.72) * math.sin(a)
            ops.append(_glyph_path(ch, cx, cy, size, ang - 90))
        csize = r * 0.17
        for i, ch in enumerate(center):
            cx = dx + (i - (len(center) - 1) / 2) * csize * 1.02
            ops.append(_glyph_path(ch, cx, dy - r * 0.45, csize, 0.0))
        ops += [r"\end{scope}", r"\end{tikzpicture}"]
        return "%\n".join(ops) + "%\n"

    def qr(self, rng: random.Random, size: float = 24.0, n: int = 25) -> str:
        """TikZ for a QR-like block `size` mm wide at the current point (rectangles)."""
        self.qr_blocks += 1
        grid = np.array([[rng.random() < 0.5 for _ in range(n)] for _ in range(n)])
        for x0, y0 in ((0, 0), (n - 7, 0), (0, n - 7)):
            grid[y0 : y0 + 7, x0 : x0 + 7] = False
            for k in range(7):
                for m in range(7):
                    edge = k in (0, 6) or m in (0, 6)
                    core = 2 <= k <= 4 and 2 <= m <= 4
                    grid[y0 + k, x0 + m] = edge or core
        s = size / n
        rects = [f"({x * s:.3f},{-(y + 1) * s:.3f}) rectangle +({s:.3f},{s:.3f})"
                 for y in range(n) for x in range(n) if grid[y, x]]  # fmt: skip
        return (r"\begin{tikzpicture}[x=1mm,y=1mm,baseline=(current bounding box.north)]"
                + f"\\path (0,0) rectangle ({size:.2f},{-size:.2f});"
                + r"\fill[black] " + " ".join(rects) + ";" + r"\end{tikzpicture}")  # fmt: skip


_GLYPHS: dict[str, tuple[object, object]] = {}


def _glyph_path(ch: str, cx: float, cy: float, size: float, rot: float) -> str:
    """A TikZ fill of `ch`'s outline in the title face, `size` mm em, centred on (cx, cy)
    and turned by `rot` degrees."""
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont

    if "font" not in _GLYPHS:
        font = TTFont(faces()["title"])
        _GLYPHS["font"] = (font.getGlyphSet(), font.getBestCmap())
    gs, cm = _GLYPHS["font"]
    pen = RecordingPen()
    gs[cm[ord(ch)]].draw(pen)  # type: ignore[index]
    k = size / 1000
    ca, sa = math.cos(math.radians(rot)), math.sin(math.radians(rot))

    def pt(p: tuple[float, float]) -> str:
        x, y = (p[0] - 500) * k, (p[1] - 380) * k
        return f"({cx + x * ca - y * sa:.3f},{cy + x * sa + y * ca:.3f})"

    out = []
    for op, args in pen.value:
        if op == "moveTo":
            out.append(pt(args[0]))
        elif op == "lineTo":
            out.append("-- " + pt(args[0]))
        elif op == "curveTo":
            out.append(f".. controls {pt(args[0])} and {pt(args[1])} .. {pt(args[2])}")
        elif op == "qCurveTo":
            out.append("-- " + pt(args[-1]))
        elif op in ("closePath", "endPath"):
            out.append("-- cycle")
    return r"\fill[sealred] " + " ".join(out) + ";"


PREAMBLE = r"""\documentclass[10pt]{article}
\usepackage[a4paper,margin=18mm,top=16mm,bottom=14mm]{geometry}
\usepackage{luatexja-fontspec}
\usepackage{array,tabularx,xcolor,tikz}
\pagestyle{empty}
\setlength{\parindent}{0pt}
\setmainfont{LATIN}[Path=LMPATH/,BoldFont=LATINBOLD]
\setmainjfont{SONG}[Path=CACHE/,BoldFont=TITLE]
\newjfontfamily\titlejfont{TITLE}[Path=CACHE/]
\newfontfamily\titlelfont{LATINBOLD}[Path=LMPATH/]
\newjfontfamily\handjfont{HAND}[Path=CACHE/]
\newfontfamily\handlfont{HAND}[Path=CACHE/]
\newcommand{\titlefont}{\titlejfont\titlelfont}
\newcommand{\handfont}{\handjfont\handlfont}
\ltjdefcharrange{200}{"2610-"2612}
\ltjsetparameter{jacharrange={+200}}
\ltjsetparameter{kanjiskip=0pt plus 0.4pt minus 0.4pt}
\definecolor{sealred}{RGB}{214,38,44}
\definecolor{ink}{RGB}{INK}
\renewcommand{\arraystretch}{1.35}
\newlength{\rowh}\setlength{\rowh}{9mm}
\setlength{\tabcolsep}{4pt}
\hbadness=10000 \vbadness=10000 \emergencystretch=3em
\lefthyphenmin=64 \hyphenpenalty=10000 \exhyphenpenalty=10000
\begin{document}
"""


@dataclass
class Rendered:
    image: np.ndarray  # BGR, 300 ppi
    text: str  # what PDFium finds on the PDF page


def source(pages: list[Page], ink: str = "28,52,150") -> str:
    paths = faces()
    head = (PREAMBLE.replace("LMPATH", str(LMODERN)).replace("CACHE", str(cache_dir()))
            .replace("LATINBOLD", LATIN_BOLD).replace("LATIN", LATIN)
            .replace("SONG", paths["song"].name).replace("TITLE", paths["title"].name)
            .replace("HAND", paths["hand"].name).replace("INK", ink))  # fmt: skip
    parts = [head]
    for page in pages:
        if page.landscape:
            parts.append(r"\global\pagewidth=297mm \global\pageheight=210mm" + "\n")
            parts.append(
                r"\noindent\makebox[\textwidth][l]{\hspace*{-6mm}\begin{minipage}[t]{255mm}"
            )
            parts.append("\n".join(page.body))
            parts.append(r"\end{minipage}}" + "\n" + r"\clearpage")
            parts.append(r"\global\pagewidth=210mm \global\pageheight=297mm" + "\n")
        else:
            parts.append("\n".join(page.body) + "\n" + r"\clearpage" + "\n")
    parts.append(r"\end{document}" + "\n")
    return "\n".join(parts)


def compile_pdf(tex: str, workdir: Path) -> Path:
    """Run lualatex on `tex` in `workdir`; raise Overflow on an overfull line."""
    root = cache_dir()
    env = dict(os.environ, TEXMFVAR=str(root / "texmf-var"), SOURCE_DATE_EPOCH="1764892800",
               FORCE_SOURCE_DATE="1", max_print_line="10000")  # fmt: skip
    (workdir / "batch.tex").write_text(tex, encoding="utf-8")
    cmd = ["lualatex", "-interaction=nonstopmode", "-halt-on-error", "batch.tex"]
    warm = root / "texmf-var" / ".warm"
    if warm.exists():
        proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True)
    else:  # the first run builds luaotfload's and luatexja's caches: one at a time
        with open(root / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True)
            if proc.returncode == 0:
                warm.touch()
    log = (workdir / "batch.log").read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError("lualatex failed:\n" + log[-3000:])
    for m in re.finditer(r"Overfull \\hbox \((\d+\.\d+)pt too wide\)[^\n]*\n([^\n]*)", log):
        if float(m.group(1)) > 1.0:
            raise Overflow(f"overfull line ({m.group(1)}pt): {m.group(2)[:120]}")
    if "Overfull \\vbox" in log:
        raise Overflow("overfull page")
    return workdir / "batch.pdf"


def rasterise(pdf: Path, n: int) -> list[Rendered]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    if len(doc) != n:
        raise Overflow(f"{n} pages made {len(doc)} PDF pages: a page ran over")
    out = []
    for i in range(n):
        page = doc[i]
        bitmap = page.render(scale=DPI / 72, fill_color=(255, 255, 255, 255))
        image = np.ascontiguousarray(bitmap.to_numpy()[..., :3])
        text = page.get_textpage().get_text_range()
        out.append(Rendered(image, text))
    doc.close()
    return out


def render(pages: list[Page], keep_pdf: Path | None = None) -> list[Rendered]:
    """Each page at 300 ppi (BGR) and the text PDFium finds on its PDF page."""
    with tempfile.TemporaryDirectory(prefix="latex-corpus-") as tmp:
        pdf = compile_pdf(source(pages), Path(tmp))
        if keep_pdf is not None:
            keep_pdf.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, keep_pdf)
        return rasterise(pdf, len(pages))


def check_truth(truth: str, found: str) -> None:
    """The truth and the PDF's text hold the same characters in the same order, whitespace
    aside; a difference in the multiset is named."""
    a, b = "".join(truth.split()), "".join(found.split())
    if a == b:
        return
    ca, cb = Counter(a), Counter(b)
    k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    raise TruthMismatch(
        f"truth and PDF text differ at {k}: truth …{a[max(0, k - 15) : k + 15]!r}, "
        f"PDF …{b[max(0, k - 15) : k + 15]!r}; missing from PDF {dict(ca - cb)}, "
        f"extra in PDF {dict(cb - ca)}"
    )
