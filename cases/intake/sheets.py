"""Cover sheet (受理单) and separator sheets for a case's paper, each with a QR code.

Printed when the case is opened and laid into the applicant's pile: the cover first, then
one separator before each expected material, so a scanned batch splits and labels itself.
QR payloads, agreed with the scanner side: cover `OW1|CASE|{case_number}`, separator
`OW1|SEP|{case_number}|{material_code}`. Codes are printed 30 mm wide: about 25 mm is
what a 200 dpi office scan reads reliably (see FACTS.md).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from cases.catalog.publish import checklist_of
from cases.catalog.spec import MaterialRequirement
from cases.printing.fonts import FontKind, find_font
from cases.printing.qr import draw_qr
from models import Case

QR_SIZE = 30 * mm
_PREFIX = "OW1"


def cover_payload(case_number: str) -> str:
    return f"{_PREFIX}|CASE|{case_number}"


def separator_payload(case_number: str, material_code: str) -> str:
    return f"{_PREFIX}|SEP|{case_number}|{material_code}"


@dataclass(frozen=True)
class SheetCase:
    case_number: str
    item_name: str
    applicant_name: str
    hall_name: str
    window_name: str
    opened_on: date
    checklist_version: int


def _font(kind: FontKind) -> str:
    name = f"OWSheet{kind.value.title()}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(find_font(kind)), subfontIndex=0))
    return name


def render_sheets(case: SheetCase, materials: Sequence[MaterialRequirement]) -> bytes:
    """One PDF: the cover sheet, then a separator sheet per expected material."""
    hei, song = _font(FontKind.HEI), _font(FontKind.SONG)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(f"受理单 {case.case_number}")
    canvas.setAuthor("onewindow")
    w, h = A4
    # cover
    canvas.setFont(hei, 26)
    canvas.drawCentredString(w / 2, h - 35 * mm, case.hall_name)
    canvas.setFont(hei, 22)
    canvas.drawCentredString(w / 2, h - 50 * mm, "受 理 单")
    draw_qr(canvas, cover_payload(case.case_number), w - 25 * mm - QR_SIZE, h - 95 * mm, QR_SIZE)
    canvas.setFont(song, 13)
    rows = (
        ("办件编号", case.case_number),
        ("事项名称", case.item_name),
        ("申请人", case.applicant_name),
        ("受理窗口", case.window_name),
        ("登记日期", f"{case.opened_on.year}年{case.opened_on.month}月{case.opened_on.day}日"),
        ("材料清单版本", f"第 {case.checklist_version} 版"),
    )
    y = h - 70 * mm
    for label, value in rows:
        canvas.setFont(hei, 13)
        canvas.drawString(25 * mm, y, f"{label}:")
        canvas.setFont(song, 13)
        canvas.drawString(60 * mm, y, value)
        y -= 9 * mm
    y -= 4 * mm
    canvas.setFont(hei, 14)
    canvas.drawString(25 * mm, y, "应交材料(每项材料前放一张对应的分隔页):")
    y -= 9 * mm
    canvas.setFont(song, 12)
    for i, m in enumerate(materials, start=1):
        flag = "必交" if m.required else "选交"
        if m.alternative:
            flag += ",可选其一"
        canvas.drawString(28 * mm, y, f"{i}. {m.name}({m.to_bring}) [{flag}]")
        y -= 7.5 * mm
        if m.may_be_pending:
            canvas.setFont(song, 10)
            canvas.drawString(33 * mm, y + 1.5 * mm, f"可容缺受理:{m.pending_deadline()}")
            canvas.setFont(song, 12)
            y -= 5.5 * mm
    canvas.setFont(song, 9)
    canvas.setFillColor(colors.grey)
    canvas.drawString(
        25 * mm, 15 * mm, "扫描时本页置于最前;二维码供扫描仪自动识别办件,请勿折叠、涂画。"
    )
    canvas.showPage()
    # separators
    for i, m in enumerate(materials, start=1):
        canvas.setFillColor(colors.black)
        canvas.setFont(hei, 30)
        canvas.drawCentredString(w / 2, h - 45 * mm, "材 料 分 隔 页")
        draw_qr(
            canvas,
            separator_payload(case.case_number, m.code),
            (w - 40 * mm) / 2,
            h - 110 * mm,
            40 * mm,
        )
        canvas.setFont(hei, 20)
        canvas.drawCentredString(w / 2, h - 130 * mm, f"{i}. {m.name}")
        canvas.setFont(song, 14)
        canvas.drawCentredString(w / 2, h - 142 * mm, f"({m.form_label}) 材料编码:{m.code}")
        canvas.drawCentredString(w / 2, h - 156 * mm, f"办件编号:{case.case_number}")
        if m.guide:
            canvas.setFont(song, 12)
            canvas.drawCentredString(w / 2, h - 170 * mm, m.guide[:40])
        canvas.setFont(song, 9)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(w / 2, 15 * mm, "本页之后至下一张分隔页之前的页面均归入上述材料")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def case_sheets(session: Session, hall_name: str, case: Case) -> bytes:
    """The sheets of a case, from the checklist version it keeps."""
    expected = checklist_of(case)
    window = case.window
    info = SheetCase(
        case_number=case.number,
        item_name=case.item.name,
        applicant_name=case.applicant_name,
        hall_name=hall_name,
        window_name=window.name if window else "综合受理窗口",
        opened_on=case.created_at.date(),
        checklist_version=case.checklist.version,
    )
    return render_sheets(info, expected)
