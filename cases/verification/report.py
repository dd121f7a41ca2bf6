"""The verification report for people: HTML (the public page, `--html`) and a PDF sealed
by the verification service, so a printed report can itself be checked.

Both say the verdict first, in plain Chinese, then why and what to do, then the facts."""

from __future__ import annotations

import html
import io
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from cases.hall import Hall
from cases.printing.documents import RenderedDocument
from cases.printing.fonts import FontKind, find_font
from cases.seals.registry import SERVICE_ACTOR, SERVICE_SEAL, apply_seal, seal_by_code
from cases.verification.status import Verdict, VerificationOutcome
from signing.report import TYPE_ZH

_COLOUR = {Verdict.VALID: "#1b7f3b", Verdict.INVALID: "#b3261e", Verdict.INDETERMINATE: "#9a6700"}
_FIELDS_ZH = (
    ("number", "证照编号"),
    ("identifier", "证照标识"),
    ("title", "证照名称"),
    ("holder", "持证主体"),
    ("issuer", "发证机关"),
    ("issued_on", "发证日期"),
    ("valid_until", "有效期至"),
    ("status_zh", "登记状态"),
    ("status_reason", "状态原因"),
    ("superseded_by", "现行版本"),
)


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def license_rows(entry: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [(label, str(entry[key])) for key, label in _FIELDS_ZH if entry.get(key)]
    rows.append(("编号校验位", "正确" if entry.get("number_check_ok") else "错误(编号可能被改动)"))
    if entry.get("identifier"):
        ok = entry.get("identifier_check_ok")
        rows.append(("标识校验位", "正确" if ok else "错误(标识可能被改动)"))
    return rows


def _signature_rows(outcome: VerificationOutcome) -> list[list[str]]:
    rows = []
    for s in outcome.report.signatures:
        when = s.proven_signing_time or s.claimed_signing_time
        rows.append(
            [
                s.signer_organisation or s.signer_common_name or "未知",
                TYPE_ZH[s.type],
                s.pades_level,
                (when.strftime("%Y-%m-%d %H:%M:%S UTC") if when else "未知")
                + ("(时间戳证明)" if s.proven_signing_time else "(签章人自报)"),
                "完整" if s.intact else "被改动",
                "可信" if s.trusted else "不可信",
                str(s.indication),
            ]
        )
    return rows


def outcome_html(outcome: VerificationOutcome, *, title: str = "电子证照核验结果") -> str:
    colour = _COLOUR[outcome.verdict]
    parts = [
        f"<section class='report'><h2>{_e(title)}</h2>",
        f"<p class='verdict' style='font-size:1.6em;color:{colour}'>"
        f"<strong>{_e(outcome.verdict_zh)}</strong>"
        f" <small>({_e(outcome.indication)}"
        f"{' / ' + _e(outcome.sub_indication) if outcome.sub_indication else ''})</small></p>",
        f"<p><strong>处理建议:</strong>{_e(outcome.advice_zh)}</p>",
        "<h3>原因</h3><ul>",
        *[f"<li>{_e(r)}</li>".replace("\n", "<br>") for r in outcome.reasons],
        "</ul>",
    ]
    if outcome.license:
        parts.append("<h3>证照登记信息</h3><table>")
        parts += [
            f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in license_rows(outcome.license)
        ]
        parts.append("</table>")
    if outcome.report.signatures:
        parts.append(
            "<h3>签章</h3><table><tr><th>签章人</th><th>类型</th><th>级别</th><th>签章时间</th>"
            "<th>完整性</th><th>证书</th><th>结论</th></tr>"
        )
        for row in _signature_rows(outcome):
            parts.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
        parts.append("</table>")
    parts.append(
        f"<p class='muted'>文件 SHA-256:<code>{_e(outcome.report.file_sha256)}</code><br>"
        f"核验时间:{_e(outcome.checked_at.strftime('%Y-%m-%d %H:%M:%S UTC'))};"
        f"{'联网核验' if outcome.report.online else '离线核验(仅使用文件内嵌的状态信息)'}</p>"
        "</section>"
    )
    return "\n".join(parts)


def page(body: str, *, title: str = "电子证照核验") -> str:
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width'><title>{_e(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:46em;margin:1em auto;padding:0 1em}"
        "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .5em;"
        "text-align:left}.muted{color:#666;font-size:.9em}</style></head><body>"
        f"<h1>{_e(title)}</h1>{body}</body></html>"
    )


def _font() -> str:
    name = "OWReportHei"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(find_font(FontKind.HEI)), subfontIndex=0))
    return name


def _lines(outcome: VerificationOutcome) -> list[str]:
    lines = [
        f"结论:{outcome.verdict_zh}({outcome.indication}"
        f"{' / ' + outcome.sub_indication if outcome.sub_indication else ''})",
        f"处理建议:{outcome.advice_zh}",
        "",
        "原因:",
    ]
    for reason in outcome.reasons:
        lines += [f"  {part}" for part in reason.split("\n")]
    if outcome.license:
        lines += ["", "证照登记信息:"] + [f"  {k}:{v}" for k, v in license_rows(outcome.license)]
    if outcome.report.signatures:
        lines += ["", "签章:"] + ["  " + ";".join(row) for row in _signature_rows(outcome)]
    lines += [
        "",
        f"文件 SHA-256:{outcome.report.file_sha256}",
        f"核验时间:{outcome.checked_at.strftime('%Y-%m-%d %H:%M:%S UTC')}",
    ]
    return lines


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out, line = [], ""
    for ch in text:
        if pdfmetrics.stringWidth(line + ch, font, size) > width:
            out.append(line)
            line = "    "
        line += ch
    return [*out, line]


def render_report(outcome: VerificationOutcome) -> RenderedDocument:
    font = _font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(f"电子证照核验报告 {outcome.report.file_sha256[:16]}")
    w, h = A4
    canvas.setFont(font, 18)
    canvas.drawCentredString(w / 2, h - 30 * mm, "电子证照核验报告")
    y = h - 45 * mm
    page_index = 0
    canvas.setFont(font, 10)
    for line in _lines(outcome):
        for part in _wrap(line, font, 10, w - 40 * mm):
            if y < 70 * mm:
                canvas.showPage()
                page_index += 1
                canvas.setFont(font, 10)
                y = h - 25 * mm
            canvas.drawString(20 * mm, y, part)
            y -= 5.5 * mm
    box = (w - 70 * mm, 20 * mm, w - 25 * mm, 65 * mm)
    canvas.save()
    return RenderedDocument(pdf=buffer.getvalue(), seal_page=page_index, seal_box=box)


def sealed_report(session: Session, hall: Hall, outcome: VerificationOutcome) -> bytes:
    """The PDF report, sealed with the verification service's seal (audited)."""
    seal = seal_by_code(session, SERVICE_SEAL)
    return apply_seal(
        session,
        hall.pki,
        seal,
        render_report(outcome),
        actor=SERVICE_ACTOR,
        purpose=f"verification report {outcome.report.file_sha256[:16]}",
    )
