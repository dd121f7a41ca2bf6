"""网上申报 pages, phone first: find the item, read its guide and checklist, open a case,
upload photos and PDFs, see the window's check at once, submit; then the window's notices,
the 补正 answered online, how to receive the result, the download, and 好差评.

Routes are thin: every case is looked up through `cases.online.applications.own_case`, so
another applicant's case answers exactly like a case that does not exist."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy import select

from api.deps import CatalogDep, HallDep, SessionDep
from api.web.applicant_session import ApplicantDep, check_csrf, page, signed_in
from api.web.counter import search_items
from api.web.templating import see_other
from cases.acceptance.checklist import CheckResult, FindingKind
from cases.acceptance.counter import check_case
from cases.catalog.spec import Catalog, applicable_checklist
from cases.errors import OneWindowError
from cases.intake import pages as intake
from cases.online import applications as online
from cases.online import results
from cases.verification.progress import progress_of
from models import Applicant, Case, Page, PageStatus, Submission

router = APIRouter(include_in_schema=False)
STAGE_ZH = {
    "draft": "草稿,尚未提交",
    "submitted": "已提交,等待窗口审核",
    "receiving": "收件中",
    "correction": "待补正材料",
    "accepted": "已受理,审批中",
    "conditional": "容缺受理,审批中",
    "rejected": "不予受理",
    "approved": "已批准",
    "denied": "不予许可",
    "issued": "已办结",
    "terminated": "已终止办理",
}


@router.get("/apply")
def home(request: Request, session: SessionDep) -> Response:
    account = signed_in(request, session)
    if account is None:
        return page(request, "apply_signin.html", phone="", sent="")
    cases = [(c, online.stage_of(session, c)) for c in online.my_cases(session, account)]
    return page(request, "apply_home.html", cases=cases, stage_zh=STAGE_ZH)


@router.get("/apply/items")
def items(request: Request, session: SessionDep, catalog: CatalogDep, q: str = "") -> Response:
    signed_in(request, session)  # the header shows who is signed in
    return page(request, "apply_items.html", items=search_items(catalog, q[:50]), q=q[:50])


@router.get("/apply/items/{code}")
def item_guide(
    code: str,
    request: Request,
    session: SessionDep,
    catalog: CatalogDep,
    type: str = "",
    scenario: str = "",
) -> Response:
    """The item's guide and the checklist for the applicant's type and sub-scenario."""
    account = signed_in(request, session)
    return page(
        request, "apply_item.html", **guide(catalog, code, type, scenario), applicant=account
    )


def guide(catalog: Catalog, code: str, applicant_type: str, scenario: str) -> dict[str, Any]:
    """What `apply_item.html` shows of an item (online and at the kiosk): its guide and the
    checklist for the applicant's type and sub-scenario (unknown ones fall back)."""
    item = catalog.item(code)  # NotFound for an unknown code
    kind = applicant_type if applicant_type in item.applicant_types else item.applicant_types[0]
    chosen = scenario if scenario in item.scenarios else None
    return {
        "item": item,
        "department": catalog.department(item.department),
        "kind": kind,
        "scenario": chosen or "",
        "materials": applicable_checklist(item.materials, applicant_type=kind, scenario=chosen),
    }


@router.post("/apply/cases")
def start(
    request: Request,
    session: SessionDep,
    catalog: CatalogDep,
    account: ApplicantDep,
    item_code: Annotated[str, Form(max_length=64)],
    applicant_type: Annotated[str, Form(max_length=16)],
    applicant_name: Annotated[str, Form(max_length=200)],
    applicant_id: Annotated[str, Form(max_length=32)],
    scenario: Annotated[str, Form(max_length=32)] = "",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    check_csrf(request, csrf)
    try:
        case = online.start(
            session,
            account,
            item_code=item_code,
            applicant_type=applicant_type,
            applicant_name=applicant_name,
            applicant_id=applicant_id,
            scenario=scenario or None,
        )
    except OneWindowError as e:
        item = catalog.item(item_code)
        kind = applicant_type if applicant_type in item.applicant_types else item.applicant_types[0]
        return page(
            request,
            "apply_item.html",
            status_code=422,
            item=item,
            department=catalog.department(item.department),
            kind=kind,
            scenario=scenario,
            materials=applicable_checklist(
                item.materials, applicant_type=kind, scenario=scenario or None
            ),
            error=e.zh,
            form={"applicant_name": applicant_name, "applicant_id": applicant_id},
        )
    return see_other(f"/apply/cases/{case.number}")


def _view(
    session: SessionDep, hall: HallDep, case: Case, check: CheckResult | None
) -> dict[str, Any]:
    pages = list(
        session.scalars(
            select(Page).join(Submission).where(Submission.case_id == case.id).order_by(Page.seq)
        )
    )
    result = check or online.live_check(session, hall, case)
    names = {m.code: m.name for m in result.expected}
    problems: dict[str, list[str]] = {}
    for f in result.findings:
        problems.setdefault(f.material_code, []).append(f.message)
    pending = {r.code for r in result.pending_eligible}
    rows = []
    for req in result.expected:
        found = result.present.get(req.code, ())
        missing = any(
            f.kind == FindingKind.MISSING for f in result.findings if f.material_code == req.code
        )
        state = (
            "present"
            if found and req.code not in problems
            else "pending-ok"
            if missing and req.code in pending
            else "missing"
            if missing
            else "problem"
            if req.code in problems
            else "optional"
        )
        rows.append({"req": req, "state": state, "problems": problems.get(req.code, [])})
    delivery = results.delivery_for(session, case)
    return {
        "case": case,
        "stage": online.stage_of(session, case),
        "stage_zh": STAGE_ZH,
        "editable": online.editable(session, case),
        "pages": pages,
        "queued": sum(p.status == PageStatus.QUEUED for p in pages),
        "rows": rows,
        "names": names,
        "unplaced": [f.message for f in result.findings if not f.material_code],
        "findings": [f.message for f in result.findings],
        "notices": results.notices_of(session, case),
        "progress": progress_of(session, case),
        "delivery": delivery,
        "result_by": results.RESULT_BY,
        "rating": results.rating_of(session, case),
        "limit_mb": hall.settings.max_upload_bytes // 2**20,
        "max_files": hall.settings.max_upload_files,
    }


def _case(session: SessionDep, account: Applicant, number: str) -> Case:
    return online.own_case(session, account, number)


@router.get("/apply/cases/{number}")
def case_page(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    account: ApplicantDep,
    submitted: bool = False,
) -> Response:
    case = _case(session, account, number)
    view = _view(session, hall, case, None)
    return page(
        request, "apply_case.html", submitted=submitted and view["stage"] == "submitted", **view
    )


@router.post("/apply/cases/{number}/pages")
def upload(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    account: ApplicantDep,
    files: list[UploadFile],
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    check_csrf(request, csrf)
    case = _case(session, account, number)
    limit = hall.settings.max_upload_bytes
    given: list[tuple[str, bytes]] = []
    errors: list[str] = []
    for f in files[: hall.settings.max_upload_files]:
        if not f.filename:
            continue
        if f.size is not None and f.size > limit:  # known before reading
            errors.append(f"{f.filename}:文件超过 {limit // 2**20} MB 上限")
            continue
        given.append((f.filename[:120], f.file.read(limit + 1)))
    errors += online.upload(session, hall, account, case, given)
    if errors:
        session.flush()
        view = _view(session, hall, case, None)
        return page(request, "apply_case.html", status_code=422, upload_errors=errors, **view)
    return see_other(f"/apply/cases/{case.number}")


@router.post("/apply/cases/{number}/check")
def check(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    account: ApplicantDep,
    submit: Annotated[str, Form(max_length=8)] = "",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Read every page now and show the window's check; with `submit`, hand it in."""
    check_csrf(request, csrf)
    case_id = _case(session, account, number).id
    intake.read_queued(hall, case_id=case_id)
    session.expire_all()
    case = session.get_one(Case, case_id)
    if submit:  # then to the case's own address, so that a reload does not post again
        online.submit(session, hall, account, case)
        return see_other(f"/apply/cases/{case.number}?submitted=1")
    result = check_case(session, case, hall.store)
    return page(request, "apply_case.html", checked=True, **_view(session, hall, case, result))


@router.get("/apply/cases/{number}/notices/{notice}.pdf")
def notice_pdf(
    number: str, notice: str, session: SessionDep, hall: HallDep, account: ApplicantDep
) -> Response:
    case = _case(session, account, number)
    document = results.notice_pdf(session, hall, account, case, notice)
    return _pdf(document)


def pdf_response(data: bytes, filename: str, *, disposition: str = "attachment") -> Response:
    """A PDF to keep; document numbers hold Chinese (市监受字〔2026〕…): RFC 6266's
    `filename*` carries them, `filename` an ASCII stand-in."""
    return Response(
        data,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'{disposition}; filename="document.pdf"; '
            f"filename*=UTF-8''{quote(filename)}",
            "Cache-Control": "private, no-store",
        },
    )


def _pdf(document: results.Document) -> Response:
    return pdf_response(document.data, document.filename)


@router.post("/apply/cases/{number}/result-by")
def choose(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    account: ApplicantDep,
    by: Annotated[str, Form(max_length=16)],
    address: Annotated[str, Form(max_length=500)] = "",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    check_csrf(request, csrf)
    case = _case(session, account, number)
    results.choose(session, account, case, by=by, address=address)
    return see_other(f"/apply/cases/{case.number}")


@router.get("/apply/cases/{number}/result.pdf")
def result_pdf(number: str, session: SessionDep, hall: HallDep, account: ApplicantDep) -> Response:
    case = _case(session, account, number)
    return _pdf(results.download_result(session, hall, account, case))


@router.post("/apply/cases/{number}/rating")
def rate(
    number: str,
    request: Request,
    session: SessionDep,
    account: ApplicantDep,
    score: Annotated[int, Form(ge=1, le=5)],
    comment: Annotated[str, Form(max_length=500)] = "",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    check_csrf(request, csrf)
    case = _case(session, account, number)
    results.rate(session, case, score=score, comment=comment)
    return see_other(f"/apply/cases/{case.number}")
