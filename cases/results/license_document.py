"""The e-license (电子证照) as a printable page: a formal certificate with border, title,
number, the holder's fields, the verification QR code, and the seal spot over the issuer."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from cases.printing.documents import (
    RenderedDocument,
    _build,
    _esc,
    _Fonts,
    _fonts,
    _Footer,
    _SealSpot,
    _Styles,
    zh_date,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LicenseContent:
    title: str
    number: str
    identifier: str  # 证照标识 (GB/T 36904)
    holder: str
    holder_id: str
    item_name: str
    department_name: str
    issued_on: date
    valid_until: date | None
    details: tuple[tuple[str, str], ...]
    verify_url: str

    def rows(self) -> list[tuple[str, str]]:
        """The license's table, the same in the PDF and the OFD."""
        valid = (
            f"{zh_date(self.issued_on)}至{zh_date(self.valid_until)}"
            if self.valid_until
            else "长期"
        )
        return [
            ("名称", self.holder),
            ("统一社会信用代码/证件号码", self.holder_id),
            ("事项名称", self.item_name),
            *self.details,
            ("有效期限", valid),
        ]


def _license_border(fonts: _Fonts) -> Any:
    def draw(canvas: Canvas, doc: Any) -> None:
        w, h = A4
        canvas.saveState()
        canvas.setStrokeColor(colors.Color(0.55, 0.12, 0.1))
        canvas.setLineWidth(3)
        canvas.rect(12 * mm, 12 * mm, w - 24 * mm, h - 24 * mm)
        canvas.setLineWidth(0.8)
        canvas.rect(15 * mm, 15 * mm, w - 30 * mm, h - 30 * mm)
        canvas.setFont(fonts.song, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(
            w / 2, 18 * mm, "本电子证照与纸质证照具有同等法律效力,可扫描二维码或登录核验"
        )
        canvas.restoreState()

    return draw


def render_license(content: LicenseContent) -> RenderedDocument:
    fonts = _fonts()
    styles = _Styles(fonts)
    width = A4[0] - 50 * mm
    spot = _SealSpot()
    rows = content.rows()
    label = ParagraphStyle(
        "label", fontName=fonts.hei, fontSize=12, leading=18, wordWrap="CJK", alignment=TA_CENTER
    )
    value = ParagraphStyle("value", fontName=fonts.song, fontSize=12, leading=18, wordWrap="CJK")
    table = Table(
        [[Paragraph(_esc(k), label), Paragraph(_esc(v), value)] for k, v in rows],
        colWidths=[42 * mm, width - 42 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.Color(0.55, 0.12, 0.1)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    number = ParagraphStyle("lnum", fontName=fonts.song, fontSize=11, leading=16, alignment=2)
    story: list[Flowable] = [
        Paragraph(
            "中华人民共和国",
            ParagraphStyle("nation", parent=styles.number, fontName=fonts.hei, fontSize=14),
        ),
        Spacer(1, 2 * mm),
        Paragraph(
            _esc(content.title),
            ParagraphStyle("ltitle", parent=styles.title, fontSize=28, leading=40),
        ),
        Paragraph("(电子证照)", styles.number),
        Spacer(1, 6 * mm),
        Paragraph(f"编号:{_esc(content.number)}", number),
        Paragraph(f"证照标识:{_esc(content.identifier)}", number),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 10 * mm),
        _Footer(
            issuer_lines=(f"发证机关:{content.department_name}",),
            issued_on=content.issued_on,
            verify_url=content.verify_url,
            caption=f"证照编号:{content.number}",
            fonts=fonts,
            spot=spot,
        ),
    ]
    pdf = _build(story, spot, f"{content.title} {content.number}", _license_border(fonts))
    logger.info("rendered license %s", content.number)
    return RenderedDocument(pdf=pdf, seal_page=spot.page, seal_box=spot.box)
