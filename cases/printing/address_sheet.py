"""The address sheet (邮寄地址单) printed with a mailed-in case's notice: who it goes to,
where, from which hall, and which notice is inside, as an A5 sheet for the envelope."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from cases.printing.documents import _fonts, zh_date
from cases.printing.qr import draw_qr


@dataclass(frozen=True)
class AddressSheet:
    recipient: str
    address: str
    phone_tail: str  # the last four digits only
    hall_name: str
    window_name: str
    case_number: str
    enclosed: tuple[str, ...]  # "受理通知书 SL-2026-…"
    printed_on: date


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def render_address_sheet(sheet: AddressSheet) -> bytes:
    fonts = _fonts()
    out = io.BytesIO()
    size = landscape(A5)
    canvas = Canvas(out, pagesize=size)
    canvas.setTitle(f"邮寄地址单 {sheet.case_number}")
    w, h = size
    canvas.setFont(fonts.hei, 12)
    canvas.drawString(15 * mm, h - 18 * mm, "邮寄地址单")
    canvas.setFont(fonts.song, 10)
    canvas.drawString(15 * mm, h - 26 * mm, f"寄件:{sheet.hall_name} {sheet.window_name}")
    canvas.setFont(fonts.hei, 16)
    canvas.drawString(30 * mm, h - 48 * mm, f"收件人:{sheet.recipient}")
    canvas.setFont(fonts.song, 14)
    y = h - 60 * mm
    for line in _wrap(f"地址:{sheet.address}", 26):
        canvas.drawString(30 * mm, y, line)
        y -= 8 * mm
    canvas.drawString(30 * mm, y, f"电话:尾号 {sheet.phone_tail or '—'}")
    canvas.setFont(fonts.song, 10)
    y = 30 * mm
    canvas.drawString(
        15 * mm, y, f"办件号:{sheet.case_number}    打印日期:{zh_date(sheet.printed_on)}"
    )
    for name in sheet.enclosed:
        y -= 6 * mm
        canvas.drawString(15 * mm, y, f"内附:{name}")
    draw_qr(canvas, f"OW1|CASE|{sheet.case_number}", w - 45 * mm, 12 * mm, 32 * mm)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
