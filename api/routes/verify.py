"""Public verification: anyone holding a sealed document may check it, no account needed.

`POST /api/v1/verify` returns the report as JSON (or `?format=html|pdf`, the PDF sealed by
the verification service). `GET /verify` is the page a license's QR code opens: it shows
only what the license itself shows, plus its registry status, and offers an upload form.
The public routes are rate-limited per client address, in the database (`cases.throttle`):
every worker and machine counts against one budget.

Routes are plain functions: FastAPI runs them in its thread pool, where pyHanko may run
its own event loop and CPU-bound work does not stall other requests."""

from __future__ import annotations

import html
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from api.deps import HallDep, SessionDep
from api.throttling import per_client
from api.web.templating import render
from cases.errors import InvalidInput
from cases.verification.report import license_rows, outcome_html, page, sealed_report
from cases.verification.status import lookup_license, verify_document

router = APIRouter(
    tags=["verify"],
    dependencies=[per_client("verify", lambda settings: settings.public_verify_per_minute)],
)
MAX_PDF = 50 * 1024 * 1024


def _read(file: UploadFile) -> bytes:
    data = file.file.read(MAX_PDF + 1)
    if len(data) > MAX_PDF:
        raise InvalidInput("file larger than 50 MB", "文件超过 50 MB,无法验证")
    if not data:
        raise InvalidInput("empty file", "文件为空")
    return data


@router.post("/api/v1/verify", response_model=None)
def verify(
    file: UploadFile,
    session: SessionDep,
    hall: HallDep,
    format: Literal["json", "html", "pdf"] = "json",
) -> dict[str, Any] | Response:
    outcome = verify_document(session, hall, _read(file))
    if format == "html":
        return HTMLResponse(page(outcome_html(outcome)))
    if format == "pdf":
        pdf = sealed_report(session, hall, outcome)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": "attachment; filename=verification-report.pdf"},
        )
    return outcome.to_dict()


_FORM = (
    "<h2>上传文件核验</h2><form method='post' action='/verify' enctype='multipart/form-data'>"
    "<input type='file' name='file' accept='.pdf,.ofd,application/pdf,application/ofd' required> "
    "<button type='submit'>核验</button></form>"
    "<p class='muted'>文件仅用于本次核验,不会保存。</p>"
)


@router.get("/verify", response_class=HTMLResponse, include_in_schema=False)
def public_page(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    license: Annotated[str | None, Query(max_length=96)] = None,
    p: Annotated[str | None, Query(max_length=2000)] = None,
) -> Response:
    if not license:
        return verify_page(request, _FORM)
    found = lookup_license(session, hall, license, p)
    colour = "#1b7f3b" if found.verdict.value == "valid" else "#b3261e"
    kind = "证照标识" if found.number.startswith("1.2.156.") else "证照编号"
    body = [f"<h2>{kind} {_escape(found.number)}</h2>"]
    if not found.number_check_ok:
        body.append(f"<p style='color:{colour}'><strong>编号校验位错误</strong>:请核对编号。</p>")
    elif found.entry is None:
        body.append(f"<p style='color:{colour}'><strong>未查到该证照</strong>:请联系发证机关。</p>")
    else:
        verdict = "有效" if found.verdict.value == "valid" else "无效"
        body.append(f"<p style='font-size:1.6em;color:{colour}'><strong>{verdict}</strong></p>")
        if found.payload_ok is True:
            body.append("<p>二维码签名正确,内容与登记信息一致。</p>")
        elif found.payload_ok is False:
            body.append(
                f"<p style='color:#b3261e'>二维码校验失败:{_escape(found.payload_problem)}</p>"
            )
        body.append("<table>")
        body += [
            f"<tr><th>{_escape(k)}</th><td>{_escape(v)}</td></tr>"
            for k, v in license_rows(found.entry)
        ]
        body.append("</table>")
        if not found.complete:
            body.append(
                "<p class='muted'>持证主体已部分隐藏。扫描证照上的二维码,可查看完整登记信息。</p>"
            )
        body.append("<p class='muted'>核对纸质或电子证照原件,请上传 PDF 或 OFD 文件。</p>")
    body.append(_FORM)
    return verify_page(request, "\n".join(body))


@router.post("/verify", response_class=HTMLResponse, include_in_schema=False)
def public_upload(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    file: Annotated[UploadFile, File()],
) -> Response:
    outcome = verify_document(session, hall, _read(file))
    return verify_page(request, outcome_html(outcome) + _FORM)


def verify_page(request: Request, body_html: str) -> Response:
    """The public page on the hall's shared layout (no login, no navigation)."""
    return render(request, "verify.html", user=None, body=body_html)


def _escape(value: object) -> str:
    return html.escape("" if value is None else str(value))
