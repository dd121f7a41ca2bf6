"""Build a reporting corpus: pages cycling through its layouts and its four capture
profiles, deterministic from the seed, written as JPEG files with a manifest.
`forms-pdf` and `web-html` share one set of capture profiles (`captures`); `typeset` has
its own generator, fonts, layouts and capture profiles (`typeset_*`), and so have `weasy`
(`weasy_*`), `ledger` (`ledger_*`), `chromium` (`chromium_*`), `office` (`office_*`),
`typst` (`typst_*`), `pango` (`pango_*`), `mpl` (`mpl_*`), `qt` (`qt_*`), `svg`
(`svg_*`), `skia` (`skia_*`), `wand` (`wand_*`), `blend` (`blend_*`), `pygame`
(`pygame_*`), `mupdf` (`mupdf_*`), `ft` (`ft_*`), `outline` (`outline_*`),
`coverage` (`coverage_*`), `pdfkit` (`pdfkit_*`), `latex` (`latex_*`), `satori`
(`satori_*`), `java2d` (`java2d_*`) and `ps` (`ps_*`)."""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType

from reporting_corpora import (
    blend_captures,
    blend_pages,
    chromium_captures,
    chromium_pages,
    coverage_captures,
    coverage_pages,
    ft_captures,
    ft_pages,
    html_pages,
    java2d_captures,
    java2d_pages,
    latex_captures,
    latex_pages,
    ledger_captures,
    ledger_pages,
    mpl_captures,
    mpl_pages,
    mupdf_captures,
    mupdf_pages,
    office_captures,
    office_pages,
    outline_captures,
    outline_pages,
    pango_captures,
    pango_pages,
    pdf_pages,
    pdfkit_captures,
    pdfkit_pages,
    ps_captures,
    ps_pages,
    pygame_captures,
    pygame_pages,
    qt_captures,
    qt_pages,
    satori_captures,
    satori_pages,
    skia_captures,
    skia_pages,
    svg_captures,
    svg_pages,
    typeset_captures,
    typeset_pages,
    typst_captures,
    typst_pages,
    wand_captures,
    wand_pages,
    weasy_captures,
    weasy_pages,
)
from reporting_corpora.captures import CAPTURES, PROFILES

CORPORA = (
    "forms-pdf",
    "web-html",
    "typeset",
    "weasy",
    "ledger",
    "chromium",
    "office",
    "typst",
    "pango",
    "mpl",
    "qt",
    "svg",
    "skia",
    "wand",
    "blend",
    "pygame",
    "mupdf",
    "ft",
    "outline",
    "coverage",
    "pdfkit",
    "latex",
    "satori",
    "java2d",
    "ps",
)
# the capture profiles each corpus cycles through
CORPUS_CAPTURES = {
    "forms-pdf": CAPTURES,
    "web-html": CAPTURES,
    "typeset": typeset_captures.CAPTURES,
    "weasy": weasy_captures.CAPTURES,
    "ledger": ledger_captures.CAPTURES,
    "chromium": chromium_captures.CAPTURES,
    "office": office_captures.CAPTURES,
    "typst": typst_captures.CAPTURES,
    "pango": pango_captures.CAPTURES,
    "mpl": mpl_captures.CAPTURES,
    "qt": qt_captures.CAPTURES,
    "svg": svg_captures.CAPTURES,
    "skia": skia_captures.CAPTURES,
    "wand": wand_captures.CAPTURES,
    "blend": blend_captures.CAPTURES,
    "pygame": pygame_captures.CAPTURES,
    "mupdf": mupdf_captures.CAPTURES,
    "ft": ft_captures.CAPTURES,
    "outline": outline_captures.CAPTURES,
    "coverage": coverage_captures.CAPTURES,
    "pdfkit": pdfkit_captures.CAPTURES,
    "latex": latex_captures.CAPTURES,
    "satori": satori_captures.CAPTURES,
    "java2d": java2d_captures.CAPTURES,
    "ps": ps_captures.CAPTURES,
}


@dataclass(frozen=True)
class ReportPage:
    path: str
    corpus: str
    layout: str
    capture: str
    truth_text: str  # reading order; whitespace carries no meaning
    truth_fields: tuple[tuple[str, str], ...]  # (field name, value) drawn on the page


def build(corpus: str, n: int, seed: int, out_dir: Path) -> list[ReportPage]:
    """`n` pages of `corpus` (one of CORPORA) in `out_dir`."""
    if corpus not in CORPORA:
        raise ValueError(f"unknown reporting corpus {corpus!r}; known: {', '.join(CORPORA)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    layouts = list(
        pdf_pages.LAYOUTS
        if corpus == "forms-pdf"
        else html_pages.LAYOUTS
        if corpus == "web-html"
        else typeset_pages.LAYOUTS
        if corpus == "typeset"
        else weasy_pages.LAYOUTS
        if corpus == "weasy"
        else ledger_pages.LAYOUTS
        if corpus == "ledger"
        else chromium_pages.LAYOUTS
        if corpus == "chromium"
        else office_pages.LAYOUTS
        if corpus == "office"
        else typst_pages.LAYOUTS
        if corpus == "typst"
        else pango_pages.LAYOUTS
        if corpus == "pango"
        else mpl_pages.LAYOUTS
        if corpus == "mpl"
        else svg_pages.LAYOUTS
        if corpus == "svg"
        else qt_pages.LAYOUTS
        if corpus == "qt"
        else skia_pages.LAYOUTS
        if corpus == "skia"
        else wand_pages.LAYOUTS
        if corpus == "wand"
        else blend_pages.LAYOUTS
        if corpus == "blend"
        else pygame_pages.LAYOUTS
        if corpus == "pygame"
        else mupdf_pages.LAYOUTS
        if corpus == "mupdf"
        else ft_pages.LAYOUTS
        if corpus == "ft"
        else outline_pages.LAYOUTS
        if corpus == "outline"
        else coverage_pages.LAYOUTS
        if corpus == "coverage"
        else pdfkit_pages.LAYOUTS
        if corpus == "pdfkit"
        else latex_pages.LAYOUTS
        if corpus == "latex"
        else satori_pages.LAYOUTS
        if corpus == "satori"
        else java2d_pages.LAYOUTS
        if corpus == "java2d"
        else ps_pages.LAYOUTS
    )
    jobs = [
        (i, layout, capture, random.Random(f"{corpus}:{seed}:{i}"))
        for i, (layout, capture) in enumerate(cycle(layouts, CORPUS_CAPTURES[corpus], n))
    ]
    if corpus == "typeset":
        pages = [_typeset_page(out_dir, *job) for job in jobs]
    elif corpus == "weasy":
        pages = _weasy_pages(out_dir, jobs)
    elif corpus == "ledger":
        pages = [_ledger_page(out_dir, *job) for job in jobs]
    elif corpus == "chromium":
        pages = _batched_pages("chromium", chromium_pages, chromium_captures, out_dir, jobs)
    elif corpus == "office":
        pages = _batched_pages("office", office_pages, office_captures, out_dir, jobs)
    elif corpus == "typst":
        pages = _batched_pages("typst", typst_pages, typst_captures, out_dir, jobs)
    elif corpus == "pango":
        pages = _batched_pages("pango", pango_pages, pango_captures, out_dir, jobs)
    elif corpus == "mpl":
        pages = _batched_pages("mpl", mpl_pages, mpl_captures, out_dir, jobs)
    elif corpus == "qt":
        pages = _batched_pages("qt", qt_pages, qt_captures, out_dir, jobs)
    elif corpus == "svg":
        pages = _batched_pages("svg", svg_pages, svg_captures, out_dir, jobs)
    elif corpus == "skia":
        pages = _batched_pages("skia", skia_pages, skia_captures, out_dir, jobs)
    elif corpus == "wand":
        pages = _batched_pages("wand", wand_pages, wand_captures, out_dir, jobs)
    elif corpus == "blend":
        pages = _batched_pages("blend", blend_pages, blend_captures, out_dir, jobs)
    elif corpus == "pygame":
        pages = _batched_pages("pygame", pygame_pages, pygame_captures, out_dir, jobs)
    elif corpus == "mupdf":
        pages = _batched_pages("mupdf", mupdf_pages, mupdf_captures, out_dir, jobs)
    elif corpus == "ft":
        pages = _batched_pages("ft", ft_pages, ft_captures, out_dir, jobs)
    elif corpus == "outline":
        pages = _batched_pages("outline", outline_pages, outline_captures, out_dir, jobs)
    elif corpus == "coverage":
        pages = _batched_pages("coverage", coverage_pages, coverage_captures, out_dir, jobs)
    elif corpus == "pdfkit":
        pages = _batched_pages("pdfkit", pdfkit_pages, pdfkit_captures, out_dir, jobs)
    elif corpus == "latex":
        pages = _batched_pages("latex", latex_pages, latex_captures, out_dir, jobs)
    elif corpus == "satori":
        pages = _batched_pages("satori", satori_pages, satori_captures, out_dir, jobs)
    elif corpus == "java2d":
        pages = _batched_pages("java2d", java2d_pages, java2d_captures, out_dir, jobs)
    elif corpus == "ps":
        pages = _batched_pages("ps", ps_pages, ps_captures, out_dir, jobs)
    else:
        pages = _pages(corpus, out_dir, jobs)
    (out_dir / f"{corpus}-manifest.json").write_text(
        json.dumps([asdict(p) for p in pages], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return pages


def cycle(layouts: list[str], captures: tuple[str, ...], n: int) -> list[tuple[str, str]]:
    """(layout, capture) of `n` pages: layouts cycle fastest, captures shift by one each
    time the layouts have gone round, so every layout meets every capture profile after
    layouts × profiles pages; when the number of layouts is a multiple of the number of
    profiles (typeset: 8 and 4), every multiple of the latter gives each profile as many
    pages."""
    return [
        (layouts[i % len(layouts)], captures[(i + i // len(layouts)) % len(captures)])
        for i in range(n)
    ]


def _typeset_page(
    out_dir: Path, i: int, layout: str, capture: str, rng: random.Random
) -> ReportPage:
    # one page at a time: a clean page is 26 MB, no need to hold them all
    image, truth, fields = typeset_pages.render(layout, rng)
    path = out_dir / f"typeset-{i + 1:03d}-{layout}-{capture}.jpg"
    path.write_bytes(typeset_captures.PROFILES[capture](image, rng))
    return ReportPage(str(path), "typeset", layout, capture, truth, tuple(fields))


def _ledger_page(
    out_dir: Path, i: int, layout: str, capture: str, rng: random.Random
) -> ReportPage:
    dpi, simulate = ledger_captures.PROFILES[capture]
    image, doc = ledger_pages.render(layout, rng, dpi)
    path = out_dir / f"ledger-{i + 1:03d}-{layout}-{capture}.jpg"
    path.write_bytes(simulate(image, rng))
    return ReportPage(str(path), "ledger", layout, capture, doc.truth, doc.fields)


def _weasy_pages(
    out_dir: Path, jobs: list[tuple[int, str, str, random.Random]]
) -> list[ReportPage]:
    pages = []
    # a few pages per WeasyPrint run: one font subset per run, a few clean pages in memory
    for start in range(0, len(jobs), 6):
        chunk = jobs[start : start + 6]
        models = [weasy_pages.model(layout, rng) for _, layout, _, rng in chunk]
        images = weasy_pages.raster(weasy_pages.pdf(models))
        for (i, layout, capture, rng), page, image in zip(chunk, models, images, strict=True):
            path = out_dir / f"weasy-{i + 1:03d}-{layout}-{capture}.jpg"
            path.write_bytes(weasy_captures.PROFILES[capture](image, rng))
            pages.append(
                ReportPage(str(path), "weasy", layout, capture, page.truth(), tuple(page.fields()))
            )
    return pages


def _batched_pages(
    corpus: str,
    generator: ModuleType,
    captures: ModuleType,
    out_dir: Path,
    jobs: list[tuple[int, str, str, random.Random]],
) -> list[ReportPage]:
    """Pages of a corpus whose generator renders a batch at once (`chromium`: the fonts
    load once per document; `office`: LibreOffice takes seconds to start; `typst`,
    `pango` and `mpl` draw each page on its own but share the interface; `mpl` puts
    the batch's pages in one PDF, its faces subset once; `qt` likewise, painted by
    QPainter; `svg` writes SVG that resvg rasterises; `skia` draws with skia-python;
    `blend` with Blend2D; `pygame` with pygame's SDL_ttf; `mupdf` puts the
    batch's pages in one PDF PyMuPDF writes and MuPDF rasterises; `ft` rasterises
    each glyph with FreeType and composites the bitmaps itself; `outline` fills the
    glyphs' outlines with OpenCV; `coverage` accumulates their exact area coverage with
    its own numpy rasteriser; `pdfkit` lays the batch out into one PDF by node's pdfkit
    and rasterises it with pdf.js in the same node run; `latex` compiles the batch with
    LuaLaTeX into one PDF that PDFium rasterises; `satori` lays the batch out with
    satori and rasterises it with resvg in one node run; `java2d` draws the batch with
    Java2D in one JVM; `ps` writes the batch as one PostScript program that Ghostscript
    draws in one run),
    a few at a time: a clean
    page is up to 26 MB in memory. `generator` is the corpus's `*_pages`
    module (model, render_all, check_truth), `captures` its `*_captures` module."""
    pages = []
    for start in range(0, len(jobs), 6):
        chunk = jobs[start : start + 6]
        models = [generator.model(layout, rng) for _, layout, _, rng in chunk]
        clean = generator.render_all(models)
        for (i, layout, capture, rng), page, (image, text) in zip(
            chunk, models, clean, strict=True
        ):
            generator.check_truth(page, text)
            path = out_dir / f"{corpus}-{i + 1:03d}-{layout}-{capture}.jpg"
            path.write_bytes(captures.PROFILES[capture](image, rng))
            pages.append(
                ReportPage(str(path), corpus, layout, capture, page.truth(), tuple(page.fields))
            )
    return pages


def _pages(
    corpus: str, out_dir: Path, jobs: list[tuple[int, str, str, random.Random]]
) -> list[ReportPage]:
    if corpus == "forms-pdf":
        clean = [pdf_pages.render(layout, rng) for _, layout, _, rng in jobs]
    else:
        clean = html_pages.render_all([(layout, rng) for _, layout, _, rng in jobs])
    pages = []
    for (i, layout, capture, rng), (image, truth, fields) in zip(jobs, clean, strict=True):
        path = out_dir / f"{corpus}-{i + 1:03d}-{layout}-{capture}.jpg"
        path.write_bytes(PROFILES[capture](image, rng))
        pages.append(ReportPage(str(path), corpus, layout, capture, truth, tuple(fields)))
    return pages
