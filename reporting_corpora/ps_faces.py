"""The `ps` corpus's faces: npm @fontsource WOFF2 pieces of one weight, joined by fontTools
into one TrueType file in a cache the first time they are needed (the pieces of a face keep
the original glyph names, so a glyph is the same glyph in every piece that holds it), and
their metrics and coverage for the corpus's own line breaking.

Chiron GoRound TC (@fontsource/chiron-goround-tc, a rounded hei that carries nearly all of
GB 2312) at weight 400 prints the forms, at 700 their titles and labels and the seals'
ring words; Huninn (@fontsource/huninn, jf open 粉圓, a rounder, casual design that
carries mostly traditional characters) writes the entries by hand, each glyph turned and
shifted a little, so whoever writes by hand has a name and entries it carries."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = Path(
    os.environ.get("PS_FONTSOURCE", ROOT / "tests" / "node" / "node_modules" / "@fontsource")
)
CACHE = Path(os.environ.get("PS_CORPUS_CACHE", Path.home() / ".cache" / "onewindow-ps-corpus"))

# face key -> (npm package, file stem, weight)
FACES = {
    "print": ("chiron-goround-tc", "chiron-goround-tc", 400),
    "bold": ("chiron-goround-tc", "chiron-goround-tc", 700),
    "hand": ("huninn", "huninn", 400),
}
PS_NAMES = {"print": "PsGoRound400", "bold": "PsGoRound700", "hand": "PsHuninn400"}


@dataclass(frozen=True)
class Face:
    key: str
    path: Path
    upem: int
    gids: dict[int, int]  # code point -> glyph id
    advances: dict[int, int]  # code point -> advance (font units)
    inked: frozenset[int]  # code points whose glyph has a non-empty outline
    chars: dict[int, int]  # glyph id -> the one code point mapped to it

    def carries(self, text: str) -> bool:
        return all(self.has(c) for c in text)

    def has(self, ch: str) -> bool:
        cp = ord(ch)
        return (
            cp in self.gids
            and self.chars.get(self.gids[cp]) == cp
            and (ch.isspace() or cp in self.inked)
        )

    def width(self, text: str, size: float) -> float:
        return sum(self.advances[ord(c)] for c in text) * size / self.upem


def _pieces(package: str, stem: str, weight: int) -> list[Path]:
    files = NODE_MODULES / package / "files"
    pieces = sorted(files.glob(f"{stem}-*-{weight}-normal.woff2"))
    if not pieces:
        raise FileNotFoundError(f"{files}: no {stem} {weight} pieces (run make node-deps)")
    return pieces


def _join(pieces: list[Path], out: Path) -> None:
    """One TrueType face from subset pieces sharing glyph names: glyphs and metrics by
    name, the cmaps united; layout tables dropped."""
    base = TTFont(pieces[0])
    glyphs: dict[str, object] = {}
    metrics: dict[str, tuple[int, int]] = {}
    cmap: dict[int, str] = {}
    for piece in pieces:
        font = TTFont(piece)
        glyf = font["glyf"]
        for name in font.getGlyphOrder():
            if name not in glyphs:
                glyphs[name] = glyf[name]  # compact: its bytes as the piece holds them
                metrics[name] = font["hmtx"][name]
        for code, name in font.getBestCmap().items():
            cmap.setdefault(code, name)
    order = [".notdef", *sorted(n for n in glyphs if n != ".notdef")]
    base.setGlyphOrder(order)
    glyf_table = newTable("glyf")
    glyf_table.glyphOrder = order
    glyf_table.glyphs = dict(glyphs)
    base["glyf"] = glyf_table
    base["loca"] = newTable("loca")
    hmtx = newTable("hmtx")
    hmtx.metrics = dict(metrics)
    base["hmtx"] = hmtx
    for tag in ("GSUB", "GPOS", "GDEF", "BASE", "STAT", "vhea", "vmtx"):
        if tag in base:
            del base[tag]
    base["post"].formatType = 3.0
    from fontTools.ttLib.tables._c_m_a_p import cmap_format_4, cmap_format_12

    sub4 = cmap_format_4(4)
    sub4.platformID, sub4.platEncID, sub4.language = 3, 1, 0
    sub4.cmap = {c: n for c, n in cmap.items() if c <= 0xFFFF}
    sub12 = cmap_format_12(12)
    sub12.platformID, sub12.platEncID, sub12.language = 3, 10, 0
    sub12.cmap = dict(cmap)
    table = newTable("cmap")
    table.tableVersion = 0
    table.tables = [sub4, sub12]
    base["cmap"] = table
    base["maxp"].numGlyphs = len(order)
    base.flavor = None  # plain TrueType, not WOFF2 like the pieces
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".tmp{os.getpid()}")
    base.save(tmp)
    tmp.replace(out)


@functools.cache
def face(key: str) -> Face:
    package, stem, weight = FACES[key]
    pieces = _pieces(package, stem, weight)
    out = CACHE / f"{stem}-{weight}-{len(pieces)}.ttf"
    if not out.exists():
        _join(pieces, out)
    font = TTFont(out)
    glyf = font["glyf"]
    order = {n: i for i, n in enumerate(font.getGlyphOrder())}
    gids, advances, inked = {}, {}, set()
    for code, name in font.getBestCmap().items():
        gids[code] = order[name]
        advances[code] = font["hmtx"][name][0]
        if glyf[name].numberOfContours != 0:  # outlines, or components (-1)
            inked.add(code)
    codes: dict[int, list[int]] = {}
    for code, gid in gids.items():
        codes.setdefault(gid, []).append(code)
    chars = {}
    for gid, cs in codes.items():
        # radicals and compatibility ideographs share glyphs with the unified ideographs
        plain = [c for c in cs if not (0x2E80 <= c <= 0x2FDF or 0xF900 <= c <= 0xFAFF)]
        if len(plain) == 1:
            chars[gid] = plain[0]
    return Face(key, out, font["head"].unitsPerEm, gids, advances, frozenset(inked), chars)
