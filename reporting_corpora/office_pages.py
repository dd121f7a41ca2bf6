"""Corpus `office`: hall forms authored as Word documents (python-docx), turned into PDF
by LibreOffice headless and rasterised by Ghostscript at 300 dpi; the seals are stamped on
the printed page afterwards, as a clerk does. Every page's truth is checked as it is built
against the text of the PDF LibreOffice produced, and the PDF must embed only the faces
the model names (a character no face has would bring in a fallback font)."""

from __future__ import annotations

import math
import random
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from reporting_corpora import office_layouts_a, office_layouts_b
from reporting_corpora.office_docx import write
from reporting_corpora.office_model import NOTO, Page, Seal

DPI = 300
LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    **office_layouts_a.LAYOUTS,
    **office_layouts_b.LAYOUTS,
}
# the faces a page may embed (PostScript names as LibreOffice writes them; the Noto CJK
# collections share one CFF named after their Japanese face, the cmap is the SC one)
EMBEDDED = {
    "NotoSerifCJKjp-Light-VKana",
    "NotoSerifCJKjp-Black-VKana",
    "NotoSansCJKjp-Medium-VKana",
    "NotoSansCJKjp-DemiLight-VKana",
    "NimbusRomanRegular",
    "NimbusSans",
    "OpenSymbol",
}
SEAL_FONT = NOTO / "NotoSansCJK-Medium.ttc"
_SPACE = re.compile(r"\s+")


def model(layout: str, rng: random.Random) -> Page:
    return LAYOUTS[layout](rng)


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    """(RGB image at 300 dpi with its seals stamped, the PDF's text) of each page: one
    LibreOffice and one Ghostscript run for all of them (LibreOffice takes seconds to
    start), each with a profile of its own so that parallel builds do not collide."""
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    with tempfile.TemporaryDirectory(prefix="office-") as tmp:
        work = Path(tmp)
        docs = [work / f"p{i:03d}.docx" for i in range(len(pages))]
        for page, doc in zip(pages, docs, strict=True):
            missing = page.missing_glyphs()
            if missing:
                raise ValueError(f"{page.layout}: characters its faces lack: {sorted(missing)}")
            write(page, doc)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
             "--norestore", "--convert-to", "pdf", "--outdir", str(work), *map(str, docs)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        pdfs = [doc.with_suffix(".pdf") for doc in docs]
        for page, pdf in zip(pages, pdfs, strict=True):
            if not pdf.exists():
                raise RuntimeError(f"LibreOffice made no PDF of {page.layout}")
            _check_pdf(page, pdf)
        subprocess.run(
            ["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=ppmraw", f"-r{DPI}",
             "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", f"-sOutputFile={work}/r%03d.ppm",
             *map(str, pdfs)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        out = []
        for i, (page, pdf) in enumerate(zip(pages, pdfs, strict=True)):
            image = Image.open(work / f"r{i + 1:03d}.ppm").convert("RGB")
            for k, seal in enumerate(page.seals):
                box = _anchor_box(pdf, seal.anchor)
                _stamp(image, seal, box, random.Random(f"{page.truth()}:{k}"))
            out.append((np.asarray(image), _text(pdf)))
        return out


def check_truth(page: Page, text: str) -> None:
    """The truth holds exactly the characters of the PDF's text (order aside: the PDF's
    text runs in drawing order, the truth in reading order)."""
    truth, pdf = Counter(_SPACE.sub("", page.truth())), Counter(_SPACE.sub("", text))
    if truth != pdf:
        raise ValueError(
            f"{page.layout}: truth and document differ: only in truth {dict(truth - pdf)}, "
            f"only in document {dict(pdf - truth)}"
        )


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def _check_pdf(page: Page, pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    if pages is None or pages.group(1) != "1":
        raise ValueError(f"{page.layout}: the document runs to more than one page")
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    names = {line.split()[0].split("+")[-1] for line in fonts.stdout.splitlines()[2:]}
    if not names <= EMBEDDED:
        raise ValueError(f"{page.layout}: fallback faces embedded: {sorted(names - EMBEDDED)}")


def _anchor_box(pdf: Path, anchor: str) -> tuple[float, float, float, float]:
    """Page fractions (x0, y0, x1, y1) of the last line that holds `anchor` (a seal is
    stamped over the signature at the foot of the page)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', xml)
    assert size is not None
    w, h = float(size.group(1)), float(size.group(2))
    for line in reversed(re.findall(r"<line[^>]*>.*?</line>", xml, re.S)):
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            line,
        )
        if anchor in "".join(word[4] for word in words):
            x0 = min(float(word[0]) for word in words)
            x1 = max(float(word[2]) for word in words)
            y0 = min(float(word[1]) for word in words)
            y1 = max(float(word[3]) for word in words)
            return x0 / w, y0 / h, x1 / w, y1 / h
    raise ValueError(f"seal anchor {anchor!r} not found on the page")


def _stamp(
    image: Image.Image, seal: Seal, box: tuple[float, float, float, float], rng: random.Random
) -> None:
    """A round red seal, 42 mm across, over the anchor line, pressed unevenly."""
    d = round(42 / 25.4 * DPI)
    ink = Image.new("L", (d, d), 0)
    draw = ImageDraw.Draw(ink)
    rim = d * 0.035
    draw.ellipse((rim, rim, d - rim, d - rim), outline=255, width=round(rim))
    star = ImageFont.truetype(str(SEAL_FONT), round(d * 0.26), index=2)
    draw.text((d / 2, d / 2), seal.centre, font=star, fill=255, anchor="mm")
    small = ImageFont.truetype(str(SEAL_FONT), round(d * 0.1), index=2)
    if seal.bottom:
        draw.text((d / 2, d * 0.74), seal.bottom, font=small, fill=255, anchor="mm")
    ring = ImageFont.truetype(str(SEAL_FONT), round(d * 0.115), index=2)
    n = len(seal.ring)
    span = min(250.0, 21.0 * n)  # degrees the ring text covers, centred on the top
    for i, ch in enumerate(seal.ring):
        angle = -90 - span / 2 + span * (i + 0.5) / n
        glyph = Image.new("L", (round(d * 0.16), round(d * 0.16)), 0)
        ImageDraw.Draw(glyph).text(
            (glyph.width / 2, glyph.height / 2), ch, font=ring, fill=255, anchor="mm"
        )
        glyph = glyph.rotate(-(angle + 90), resample=Image.Resampling.BICUBIC)
        r = d / 2 - rim - d * 0.1
        x = d / 2 + r * math.cos(math.radians(angle)) - glyph.width / 2
        y = d / 2 + r * math.sin(math.radians(angle)) - glyph.height / 2
        ink.paste(255, (round(x), round(y)), glyph)
    ink = ink.rotate(rng.uniform(-12, 12), resample=Image.Resampling.BICUBIC)
    pressure = np.asarray(ink, dtype=np.float32) / 255
    noise = (
        np.asarray(
            Image.fromarray(
                (np.random.default_rng(rng.randrange(2**32)).random((d // 6, d // 6)) * 255).astype(
                    np.uint8
                )
            )
            .resize((d, d), Image.Resampling.BICUBIC)
            .filter(ImageFilter.GaussianBlur(2)),
            dtype=np.float32,
        )
        / 255
    )
    alpha = np.clip(pressure * (0.55 + 0.5 * noise) * rng.uniform(0.75, 0.9), 0, 1)
    cx = (box[0] + box[2]) / 2 * image.width + rng.uniform(-0.03, 0.03) * image.width
    cy = (box[1] + box[3]) / 2 * image.height + rng.uniform(-0.01, 0.01) * image.height
    x0, y0 = round(cx - d / 2), round(cy - d / 2)
    region = np.asarray(image.crop((x0, y0, x0 + d, y0 + d)), dtype=np.float32)
    red = np.array(rng.choice(((214, 38, 46), (200, 30, 52), (226, 52, 40))), dtype=np.float32)
    # ink multiplies with what is printed under it: black stays black, paper turns red
    stamped = region * (1 - alpha[..., None]) + region * (red / 255) * alpha[..., None]
    image.paste(Image.fromarray(stamped.astype(np.uint8)), (x0, y0))
