"""Lay out `weasy` pages with WeasyPrint (HTML and CSS to PDF, on the system's Pango) and
rasterise them with PDFium (`pypdfium2`). Fonts come only from the Debian font files named
here, through @font-face: WenQuanYi Micro Hei for headings and labels, AR PL SungtiL GB
(Song) for print, AR PL KaitiM GB (Kai) for entries made by hand. Nothing is fetched."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from reporting_corpora.weasy_layouts import LAYOUTS
from reporting_corpora.weasy_model import Page

FONTS = {
    "ow-hei": Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    "ow-song": Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
    "ow-kai": Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"),
}
DPI = 200

_STYLE = """
@page { size: A4; margin: 18mm 17mm 16mm 17mm; }
body { font-family: ow-song; font-size: 11.5pt; color: #111; margin: 0; }
.page { position: relative; break-after: page; }
.page:last-child { break-after: auto; }
h1 { font-family: ow-hei; font-weight: normal; font-size: 19pt; text-align: center;
     letter-spacing: 2pt; margin: 2mm 0 6mm 0; }
h1.big { font-size: 26pt; letter-spacing: 6pt; margin-bottom: 9mm; }
p { margin: 2.2mm 0; line-height: 1.55; }
p.prose { text-indent: 2em; line-height: 1.8; }
p.note { font-size: 10pt; }
p.center { text-align: center; }
p.caption { text-align: center; font-size: 9.5pt; margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; table-layout: fixed; }
td, th { border: 0.9pt solid #222; padding: 2.2mm 2mm; vertical-align: middle; line-height: 1.45; }
th, td.lab { font-family: ow-hei; font-weight: normal; background: #efefef; text-align: center; }
td.hand, span.hand { font-family: ow-kai; font-size: 12.5pt; color: #1b2a55; }
table.plain td { border: none; padding: 1.6mm 1mm; background: none; text-align: left; }
.cert h1 { color: #111; }
.cert .side { border-top: 1.2pt solid #333; padding-top: 2mm; }
.side { display: flex; align-items: flex-start; }
.sr { flex: 1; text-align: center; padding-left: 4mm; }
.qr { display: block; margin: 4mm auto 1mm auto; }
i.box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.8pt solid #111;
        margin: 0 1mm 0 2mm; vertical-align: -0.4mm; position: relative; }
i.box.on::after { content: ""; position: absolute; left: 0.9mm; top: -0.3mm; width: 1mm;
        height: 2.2mm; border: solid #1b2a55; border-width: 0 0.9pt 0.9pt 0;
        transform: rotate(40deg); }
.signed { position: relative; margin-top: 12mm; padding-left: 55%; }
.signed.right { padding-left: 58%; }
.signed p { margin: 3mm 0; }
.seal { position: absolute; color: rgba(214, 28, 36, 0.78); font-family: ow-hei;
        border: 1.1mm solid rgba(214, 28, 36, 0.78); border-radius: 50%; }
.seal .ring { position: absolute; left: 0; right: 0; top: 1.3mm; text-align: center;
        font-size: 9pt; }
.seal .star { position: absolute; left: 36%; top: 33%; width: 28%; height: 28%; }
.seal .centre { position: absolute; left: 0; right: 0; bottom: 17%; text-align: center;
        font-size: 7.5pt; }
"""


def _fonts_css() -> str:
    return "".join(
        f'@font-face {{ font-family: {name}; src: url("{path.as_uri()}"); }}\n'
        for name, path in FONTS.items()
    )


def pdf(pages: list[Page]) -> bytes:
    """One PDF of the pages, one sheet each (a layout that overflows is an error)."""
    from PIL import ImageFile

    # imported here, not with the module: importing WeasyPrint turns on Pillow's
    # process-wide LOAD_TRUNCATED_IMAGES, which the test process must not inherit
    # from collecting this corpus's tests
    truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    ImageFile.LOAD_TRUNCATED_IMAGES = truncated
    fonts = FontConfiguration()
    # the font files are the only thing a page loads: no other scheme may be fetched
    local = URLFetcher(allowed_protocols={"file"}, fail_on_errors=True)
    css = CSS(string=_fonts_css() + _STYLE, font_config=fonts, url_fetcher=local)
    body = "".join(p.html() for p in pages)
    document = HTML(string=f'<html lang="zh-CN"><body>{body}</body></html>', url_fetcher=local)
    rendered = document.render(stylesheets=[css], font_config=fonts)
    if len(rendered.pages) != len(pages):
        raise ValueError(f"{len(pages)} pages laid out on {len(rendered.pages)} sheets")
    return rendered.write_pdf()


def raster(pdf_bytes: bytes) -> list[np.ndarray]:
    """Each sheet as an RGB array at DPI."""
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        return [
            np.asarray(doc[k].render(scale=DPI / 72, rev_byteorder=True).to_numpy()[:, :, :3])
            for k in range(len(doc))
        ]
    finally:
        doc.close()


def pdf_text(pdf_bytes: bytes) -> list[str]:
    """The text PDFium finds on each sheet (checked against the truth, never OCR)."""
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        return [doc[k].get_textpage().get_text_range() for k in range(len(doc))]
    finally:
        doc.close()


def model(layout: str, rng: random.Random) -> Page:
    return LAYOUTS[layout](rng)
