"""Printable documents: window notices (受理/容缺受理/补正/不予受理通知书), and the
building blocks that the license and decision documents share with them.

Rendered with reportlab on A4 in Chinese with embedded TrueType fonts (宋体-like body,
黑体-like titles). Each rendering reports where the seal goes: over the issuer's name
and date at the bottom right, as a real 公章 is placed. Sealing itself is `signing`'s job.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from cases.printing.fonts import FontKind, find_font
from cases.printing.qr import draw_qr

logger = logging.getLogger(__name__)

RED = colors.Color(0xD0 / 255, 0x02 / 255, 0x1B / 255)
SEAL_DIAMETER = 42 * mm
LAW = "《中华人民共和国行政许可法》"


@dataclass(frozen=True)
class RenderedDocument:
    pdf: bytes
    seal_page: int
    seal_box: tuple[float, float, float, float]


class NoticeKind(StrEnum):
    ACCEPTANCE = "acceptance"
    CONDITIONAL = "conditional_acceptance"
    CORRECTION = "correction"
    REJECTION = "rejection"


@dataclass(frozen=True)
class NoticeLine:
    material: str
    detail: str


@dataclass(frozen=True)
class NoticeContent:
    kind: NoticeKind
    number: str
    case_number: str
    hall_name: str
    window_name: str
    department_name: str
    item_name: str
    applicant_name: str
    issued_on: date
    lines: tuple[NoticeLine, ...]
    reason: str = ""
    time_limit_days: int = 0
    due_on: date | None = None
    pending_due_on: date | None = None
    verify_url: str = ""
    overdue_text: str = ""  # 超期处理 of the item, for the 容缺 commitment letter
    immediate: bool = False  # 即办件: decided and issued at the window on the spot


def zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class _Fonts:
    song: str
    hei: str


def _fonts() -> _Fonts:
    names = {}
    for kind in (FontKind.SONG, FontKind.HEI):
        path = str(find_font(kind))
        name = f"OW{kind.value.title()}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        names[kind] = name
    return _Fonts(song=names[FontKind.SONG], hei=names[FontKind.HEI])


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class _SealSpot:
    page: int = 0
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


class _Footer(Flowable):
    """QR code at the left; issuer lines and date at the right, with the seal over them.
    Records the seal box in page coordinates when drawn."""

    def __init__(
        self,
        *,
        issuer_lines: tuple[str, ...],
        issued_on: date,
        verify_url: str,
        caption: str,
        fonts: _Fonts,
        spot: _SealSpot,
    ) -> None:
        super().__init__()
        self.issuer_lines = issuer_lines
        self.issued_on = issued_on
        self.verify_url = verify_url
        self.caption = caption
        self.fonts = fonts
        self.spot = spot
        self.width = 0.0
        self.height = SEAL_DIAMETER + 8 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        if self.verify_url:
            qr_size = 26 * mm
            draw_qr(canvas, self.verify_url, 0, self.height - qr_size, qr_size)
            canvas.setFont(self.fonts.song, 7.5)
            canvas.setFillColor(colors.black)
            canvas.drawString(0, self.height - qr_size - 9, "扫码核验真伪、查询进度")
            canvas.drawString(0, self.height - qr_size - 18, self.caption)
        lines = [*self.issuer_lines, zh_date(self.issued_on)]
        size = 14.0
        leading = size * 1.7
        canvas.setFillColor(colors.black)
        canvas.setFont(self.fonts.song, size)
        text_width = max(pdfmetrics.stringWidth(line, self.fonts.song, size) for line in lines)
        right = self.width - 8 * mm
        block_centre = right - text_width / 2
        top = self.height - 10 * mm
        for i, line in enumerate(lines):
            canvas.drawCentredString(block_centre, top - i * leading, line)
        text_mid_y = top - (len(lines) - 1) * leading / 2 + size * 0.35
        x0, y0 = canvas.absolutePosition(block_centre - SEAL_DIAMETER / 2, text_mid_y)
        x0, y0 = float(x0), float(y0) - SEAL_DIAMETER / 2
        self.spot.page = canvas.getPageNumber() - 1
        self.spot.box = (x0, y0, x0 + SEAL_DIAMETER, y0 + SEAL_DIAMETER)


_NOTICE_TITLES = {
    NoticeKind.ACCEPTANCE: "受理通知书",
    NoticeKind.CONDITIONAL: "容缺受理通知书",
    NoticeKind.CORRECTION: "申请材料补正通知书",
    NoticeKind.REJECTION: "不予受理通知书",
}
_TABLE_HEADS = {
    NoticeKind.ACCEPTANCE: "收取情况",
    NoticeKind.CONDITIONAL: "待补材料及要求",
    NoticeKind.CORRECTION: "需补正的内容",
    NoticeKind.REJECTION: "说明",
}


class _Styles:
    def __init__(self, fonts: _Fonts) -> None:
        base: dict[str, Any] = {"wordWrap": "CJK", "fontName": fonts.song}
        self.red_head = ParagraphStyle(
            "red",
            fontName=fonts.hei,
            fontSize=24,
            leading=30,
            alignment=TA_CENTER,
            textColor=RED,
        )
        self.number = ParagraphStyle("num", **base, fontSize=12, leading=18, alignment=TA_CENTER)
        self.title = ParagraphStyle(
            "title",
            fontName=fonts.hei,
            fontSize=20,
            leading=30,
            alignment=TA_CENTER,
            wordWrap="CJK",
        )
        self.body = ParagraphStyle(
            "body", **base, fontSize=12.5, leading=21, alignment=TA_JUSTIFY, firstLineIndent=25
        )
        self.plain = ParagraphStyle("plain", **base, fontSize=12.5, leading=21)
        self.cell = ParagraphStyle("cell", **base, fontSize=11, leading=16)
        self.head_cell = ParagraphStyle(
            "head", fontName=fonts.hei, fontSize=11, leading=16, alignment=TA_CENTER
        )
        self.small = ParagraphStyle("small", **base, fontSize=9, leading=13, textColor=colors.grey)


def _lines_table(content: NoticeContent, styles: _Styles, width: float) -> Table:
    rows: list[list[Any]] = [
        [
            Paragraph("序号", styles.head_cell),
            Paragraph("材料名称", styles.head_cell),
            Paragraph(_TABLE_HEADS[content.kind], styles.head_cell),
        ],
    ]
    for i, line in enumerate(content.lines, start=1):
        rows.append(
            [
                Paragraph(str(i), styles.cell),
                Paragraph(_esc(line.material), styles.cell),
                Paragraph(_esc(line.detail), styles.cell),
            ]
        )
    table = Table(
        rows, colWidths=[14 * mm, width * 0.38, width - 14 * mm - width * 0.38], repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _notice_body(content: NoticeContent, styles: _Styles, width: float) -> list[Flowable]:
    item = _esc(content.item_name)
    applied = f"你(单位)提交的“{item}”申请"
    story: list[Flowable] = []

    def para(text: str) -> None:
        story.append(Paragraph(text, styles.body))

    kind = content.kind
    if kind is NoticeKind.ACCEPTANCE:
        para(
            f"{applied},经审查,申请材料齐全、符合法定形式。根据{LAW}第三十二条第一款第(五)项"
            "的规定,决定予以受理。"
        )
        if content.immediate:
            para("本事项为即办件,由综合受理窗口依部门授权当场办结,办理结果当场出具。")
        elif content.time_limit_days > 0:
            due = f"(预计于{zh_date(content.due_on)}前)" if content.due_on else ""
            para(
                f"本事项承诺办结时限为{content.time_limit_days}个工作日,将于受理之日起"
                f"{content.time_limit_days}个工作日内{due}作出决定。"
            )
        para("收取的申请材料如下:")
    elif kind is NoticeKind.CONDITIONAL:
        # without a date (a pre-check, not yet accepted) each line gives its own term
        due = (
            f"于{zh_date(content.pending_due_on)}前" if content.pending_due_on else "按下表所列期限"
        )
        para(
            f"{applied},经审查,主要申请材料齐全、符合法定形式,次要材料尚有欠缺。根据{LAW}"
            "第三十二条及容缺受理的有关规定,经申请人书面承诺,决定予以容缺受理。"
        )
        para(f"请{due}补齐下列全部容缺材料(共{len(content.lines)}项):")
    elif kind is NoticeKind.CORRECTION:
        para(
            f"{applied},经审查,申请材料不齐全或者不符合法定形式。根据{LAW}第三十二条第一款"
            "第(四)项的规定,现将需要补正的全部内容一次性告知如下。"
        )
        para(
            f"请一次性补正以下全部材料(共{len(content.lines)}项),补正齐全后重新提交,"
            "本窗口将依法予以受理:"
        )
    else:
        para(f"{applied},经审查,不符合受理条件。根据{LAW}第三十二条第一款的规定,决定不予受理。")
        if content.reason:
            para(f"不予受理的理由:{_esc(content.reason)}")
    if content.lines:
        story += [Spacer(1, 2 * mm), _lines_table(content, styles, width), Spacer(1, 3 * mm)]
    if content.reason and kind is not NoticeKind.REJECTION:
        para(_esc(content.reason))
    if kind is NoticeKind.CONDITIONAL:
        due = f"在{zh_date(content.pending_due_on)}前" if content.pending_due_on else "在表列期限内"
        story.append(
            KeepTogether(
                [
                    Spacer(1, 2 * mm),
                    Paragraph(
                        "承 诺 书",
                        ParagraphStyle("c", parent=styles.title, fontSize=15, leading=24),
                    ),
                    Paragraph(
                        f"本人(单位)已知悉上述容缺材料清单(共{len(content.lines)}项),承诺{due}"
                        "补齐全部容缺材料,并对所提交材料的真实性、合法性负责。材料补齐前,"
                        "办理结果暂不发放。",
                        styles.body,
                    ),
                    Paragraph(
                        "超期处理:"
                        + _esc(
                            content.overdue_text
                            or "逾期未补齐的,同意终止办理;已作出审批决定的,同意依法撤销,"
                            "由此产生的后果由本人(单位)承担。"
                        ),
                        styles.body,
                    ),
                    Spacer(1, 3 * mm),
                    Paragraph(
                        "申请人(签字/盖章):______________    日期:______年____月____日",
                        styles.plain,
                    ),
                ]
            )
        )
    if kind is NoticeKind.REJECTION:
        para(
            f"办件编号:{_esc(content.case_number)}。如对本决定不服,可以自收到本通知书之日起六十日内依法申请行政复议,或者六个月内"
            "依法向人民法院提起行政诉讼。"
        )
    else:
        para(
            f"办件编号:{_esc(content.case_number)}。可凭办件编号或扫描下方二维码查询办理进度、"
            "核验本通知书真伪。"
        )
    return story


def _build(story: list[Flowable], spot: _SealSpot, title: str, draw_page: Any = None) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=26 * mm,
        rightMargin=24 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="onewindow",
        creator="onewindow",
    )
    if draw_page is None:
        doc.build(story)
    else:
        doc.build(story, onFirstPage=draw_page, onLaterPages=draw_page)
    return buffer.getvalue()


def render_notice(content: NoticeContent) -> RenderedDocument:
    fonts = _fonts()
    styles = _Styles(fonts)
    width = A4[0] - 50 * mm
    spot = _SealSpot()
    body = _notice_body(content, styles, width)
    story: list[Flowable] = [
        Paragraph(_esc(content.hall_name), styles.red_head),
        Spacer(1, 3 * mm),
        Paragraph(_esc(content.number), styles.number),
        HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=1 * mm, spaceAfter=4 * mm),
        Paragraph(_NOTICE_TITLES[content.kind], styles.title),
        Spacer(1, 5 * mm),
        Paragraph(f"{_esc(content.applicant_name)}:", styles.plain),
        *body[:-1],
        KeepTogether(
            [
                body[-1],
                Spacer(1, 3 * mm),
                _Footer(
                    issuer_lines=(content.hall_name, content.window_name),
                    issued_on=content.issued_on,
                    verify_url=content.verify_url,
                    caption=f"办件编号:{content.case_number}",
                    fonts=fonts,
                    spot=spot,
                ),
                Paragraph(
                    f"(事项实施部门:{_esc(content.department_name)};本通知书一式两份,"
                    "申请人与受理窗口各执一份)",
                    styles.small,
                ),
            ]
        ),
    ]
    pdf = _build(story, spot, f"{_NOTICE_TITLES[content.kind]} {content.number}")
    logger.info("rendered %s %s", content.kind, content.number)
    return RenderedDocument(pdf=pdf, seal_page=spot.page, seal_box=spot.box)
