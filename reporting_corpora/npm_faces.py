"""Font faces from npm packages (tests/node, `make node-deps`) as one TrueType file each.

@fontsource ships a face's simplified-Chinese subset as one WOFF2 file; @chinese-fonts
ships a face split by cn-font-split into a hundred WOFF2 pieces. Renderers that load
TrueType files only (Blend2D, SDL_ttf) get one file per face, joined by fontTools the
first time the face is needed (composite glyphs decomposed, layout tables dropped, one
glyph to a character) into a cache beside node_modules, never at import; read from there
for the checks and measures every corpus makes (cmap, outlines, advances). Plumbing only:
which faces a corpus draws with, and how, stays in that corpus's own modules."""

from __future__ import annotations

import glob
import os
from functools import cache
from pathlib import Path
from typing import Any

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

NODE = Path(__file__).resolve().parents[1] / "tests" / "node" / "node_modules"
CACHE = NODE / ".cache" / "onewindow-faces"


def joined_face(package: str, version: str, pattern: str, weight: int | None = None) -> str:
    """The TrueType file of the face `package`@`version` ships as the WOFF2 file or
    pieces matching `pattern`, made in the cache if missing; a variable face is drawn at
    `weight` (its wght axis)."""
    suffix = f"-w{weight}" if weight else ""
    out = CACHE / f"{package.split('/')[1]}-{version}{suffix}.ttf"
    if not out.exists():
        root = NODE / package
        manifest = root / "package.json"
        if not manifest.exists():
            raise FileNotFoundError(f"{package} missing: run `make node-deps`")
        if f'"version": "{version}"' not in manifest.read_text(encoding="utf-8"):
            raise FileNotFoundError(f"{package} is not {version}: run `make node-deps`")
        files = sorted(glob.glob(str(root / pattern)))
        if not files:
            raise FileNotFoundError(f"{package}: no {pattern}")
        out.parent.mkdir(parents=True, exist_ok=True)
        _merge(files, out, weight)
    return str(out)


def _merge(files: list[str], out: Path, weight: int | None = None) -> None:
    """One TrueType file from a face's WOFF2 pieces (or its one WOFF2 file). TrueType
    glyphs are copied (composites decomposed); a variable face's at `weight` and CFF
    outlines are drawn and converted to quadratic curves."""
    from fontTools.fontBuilder import FontBuilder

    glyphs: dict[str, Any] = {}
    advances: dict[str, int] = {}
    cmap: dict[int, str] = {}
    base = None
    for path in files:
        font = TTFont(path)
        base = base or font
        location = {"wght": weight} if "fvar" in font and weight else None
        drawn = location is not None or "glyf" not in font
        glyph_set = font.getGlyphSet(location=location)
        for cp, name in sorted(font.getBestCmap().items()):
            if cp in cmap:
                continue
            if drawn:
                glyph, advance = _quadratic(glyph_set, name, cff="CFF " in font)
            else:
                glyph, advance = font["glyf"][name], font["hmtx"].metrics[name][0]
                if glyph.isComposite():
                    glyph, _ = _quadratic(glyph_set, name, cff=False)
            new = f"u{cp:04X}"
            glyphs[new], advances[new], cmap[cp] = glyph, advance, new
    assert base is not None, files
    upem = base["head"].unitsPerEm
    glyphs = {".notdef": TTGlyphPen(None).glyph(), **glyphs}
    advances[".notdef"] = upem
    builder = FontBuilder(upem, isTTF=True)
    builder.setupGlyphOrder(list(glyphs))
    builder.setupCharacterMap(cmap)
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(
        {g: (advances[g], getattr(glyphs[g], "xMin", 0)) for g in glyphs}
    )
    builder.setupHorizontalHeader(ascent=base["hhea"].ascent, descent=base["hhea"].descent)
    builder.setupNameTable({"familyName": out.stem, "styleName": "Regular"})
    os2 = base["OS/2"]
    builder.setupOS2(
        sTypoAscender=os2.sTypoAscender,
        sTypoDescender=os2.sTypoDescender,
        usWinAscent=os2.usWinAscent,
        usWinDescent=os2.usWinDescent,
    )
    builder.setupPost()
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    builder.save(str(tmp))
    os.replace(tmp, out)  # several processes may make it at once


def _quadratic(glyph_set: Any, name: str, *, cff: bool) -> tuple[Any, int]:
    """A glyph drawn from `glyph_set` (composites decomposed, variations applied) as a
    TrueType glyph, cubic curves converted, and its advance."""
    recording = DecomposingRecordingPen(glyph_set)
    glyph_set[name].draw(recording)
    pen = TTGlyphPen(None)
    recording.replay(Cu2QuPen(pen, 1.0, reverse_direction=cff))
    return pen.glyph(), round(glyph_set[name].width)


# What a corpus checks and measures in a joined face (keyed by its file, read once):
# every character drawn must be in the face's cmap with an outline (display faces map
# many characters to empty glyphs), and lines are laid out from its advances.


@cache
def opened(path: str) -> TTFont:
    return TTFont(path, lazy=True)


@cache
def cmap(path: str) -> dict[int, str]:
    return opened(path).getBestCmap()


@cache
def has_outline(path: str, char: str) -> bool:
    """The face draws `char` with at least one contour."""
    name = cmap(path).get(ord(char))
    return name is not None and opened(path)["glyf"][name].numberOfContours != 0


@cache
def advances(path: str) -> tuple[dict[str, int], int]:
    """Each character's advance in font units, and the face's units per em."""
    font = opened(path)
    hmtx = font["hmtx"].metrics
    return {chr(cp): hmtx[name][0] for cp, name in cmap(path).items()}, font["head"].unitsPerEm
