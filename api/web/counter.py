"""The counter (综合受理窗口): choose the item, register the applicant, scan or upload,
watch the pages get labelled and the checklist fill in, print the right notice."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy import select

from api.deps import CatalogDep, HallDep, SessionDep, load_case
from api.errors import status_for
from api.ids import RowId
from api.web import handovers as handovers_page
from api.web import returns as returns_page
from api.web.auth import ClerkPage, WebUser, check_csrf
from api.web.templating import render, see_other
from cases.acceptance import counter, pending
from cases.acceptance.checklist import FindingKind
from cases.acceptance.immediate import is_immediate
from cases.catalog.publish import case_spec
from cases.catalog.spec import Catalog
from cases.errors import InvalidInput, NotFound, OneWindowError
from cases.intake import confirmation, scanning
from cases.intake import pages as intake
from cases.online import applications as online
from cases.online import postal, results
from cases.records import access as archive_access
from cases.records import scope
from cases.review.immediate import issue_at_window, window_delegation
from models import Case, License, Notice, Page, PageStatus, Submission, User
from ocr import page_preview
from scanner_drivers import ScanSettings

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1024)
def _initials(name: str) -> str:
    # pypinyin's phrase dictionary takes about half a second to import: paid by the
    # processes that show the counter's item search, not by every server start
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower()


def _search_index(catalog: Catalog) -> list[tuple[str, str, str, str]]:
    """(code, name, department, pinyin initials) for each item."""
    return [
        (
            item.code,
            item.name,
            catalog.department(item.department).short_name,
            _initials(item.name),
        )
        for item in catalog.items.values()
    ]


def search_items(catalog: Catalog, query: str) -> list[tuple[str, str, str, str]]:
    q = query.strip().lower()
    index = _search_index(catalog)
    if not q:
        return index
    return [
        row
        for row in index
        if q in row[0].lower() or q in row[1] or row[3].startswith(q) or q in row[3]
    ]


@router.get("/counter")
def counter_home(
    request: Request,
    session: SessionDep,
    catalog: CatalogDep,
    user: ClerkPage,
    q: str = "",
    item: str = "",
    case: str = "",
) -> Response:
    """Item search on the left; recent cases, or the cases matching `case` (number or
    applicant name), on the right."""
    query = select(Case).where(scope.visible_cases(user)).order_by(Case.id.desc()).limit(15)
    if case.strip():
        term = case.strip()
        query = query.where((Case.number.startswith(term)) | (Case.applicant_name.contains(term)))
    return render(
        request,
        "counter.html",
        items=search_items(catalog, q),
        q=q,
        case_query=case,
        chosen=catalog.items.get(item),
        recent=session.scalars(query).all(),
    )


@router.post("/counter/cases")
def open_case(
    request: Request,
    session: SessionDep,
    catalog: CatalogDep,
    user: ClerkPage,
    item_code: Annotated[str, Form()],
    applicant_type: Annotated[str, Form()],
    applicant_name: Annotated[str, Form()],
    applicant_id: Annotated[str, Form()],
    applicant_phone: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    try:
        case = intake.create_case(
            session,
            item_code=item_code,
            applicant_type=applicant_type,
            applicant_name=applicant_name,
            applicant_id=applicant_id,
            applicant_phone=applicant_phone,
            actor=user,
        )
    except OneWindowError as e:
        return render(
            request,
            "counter.html",
            status_code=422,
            error=e.zh,
            items=search_items(catalog, ""),
            q="",
            chosen=catalog.items.get(item_code),
            recent=[],
            form={
                "applicant_name": applicant_name,
                "applicant_id": applicant_id,
                "applicant_phone": applicant_phone,
                "applicant_type": applicant_type,
            },
        )
    return see_other(f"/counter/cases/{case.number}")


def _immediate(session: SessionDep, case: Case, user: User | None) -> dict[str, Any]:
    """即办件: whether this clerk's window may decide the case on the spot, and if not, why."""
    if not is_immediate(case_spec(case)):
        return {"immediate": False}
    if user is None:
        return {"immediate": True, "immediate_refused": ""}
    try:
        delegation = window_delegation(session, case, user)
    except OneWindowError as e:
        return {"immediate": True, "immediate_refused": e.zh}
    return {"immediate": True, "immediate_refused": "", "immediate_delegation": delegation}


def case_panel(
    session: SessionDep, hall: HallDep, case: Case, user: User | None = None
) -> dict[str, Any]:
    """The live checklist: what each material looks like given the pages read so far."""
    pages = list(
        session.scalars(
            select(Page).join(Submission).where(Submission.case_id == case.id).order_by(Page.seq)
        )
    )
    queued = {p.id for p in pages if p.status == PageStatus.QUEUED}
    result = counter.check_read_pages(session, case, hall.store)  # what decide() will see
    missing = {f.material_code for f in result.findings if f.kind == FindingKind.MISSING}
    pending = {r.code for r in result.pending_eligible}
    problems: dict[str, list[str]] = {}
    for f in result.findings:
        if f.kind != FindingKind.MISSING:
            problems.setdefault(f.material_code, []).append(f.message)
    rows = []
    for req in result.expected:
        state = (
            "problem"
            if req.code in problems
            else "present"
            if req.code in result.present
            else "pending-ok"
            if req.code in pending
            else "missing"
            if req.code in missing
            else "optional"
        )
        rows.append(
            {
                "req": req,
                "state": state,
                "pages": result.present.get(req.code, ()),
                "problems": problems.get(req.code, []),
            }
        )
    notices = session.scalars(
        select(Notice).where(Notice.case_id == case.id).order_by(Notice.id)
    ).all()
    licenses = session.scalars(
        select(License).where(License.case_id == case.id).order_by(License.id)
    ).all()
    fields = confirmation.case_fields(session, case)  # doubtful ones highlighted (人工核对)
    return {
        "checked_fields": [r for r in fields if r.doubtful or r.settled],
        "doubtful_count": sum(r.doubtful for r in fields),
        "confirmable": case.status in confirmation.OPEN_FOR_CONFIRMATION,
        **_immediate(session, case, user),
        "clean": not result.overridden,
        "licenses": licenses,
        "case": case,
        "pages": pages,
        "rows": rows,
        "names": {m.code: m.name for m in case_spec(case).materials},
        "outcome": result.outcome,
        "queued": len(queued),
        "unplaced": [f.message for f in result.findings if not f.material_code],
        "notices": notices,
        "open": case.status in ("receiving", "correction"),
        "supplement": _supplement(session, case),
        "settings_scanner": hall.settings.scanner_device,
        "postal": postal.postal_of(session, case),
        **returns_page.case_context(session, case),  # a return for information, its answer
        **handovers_page.counter_context(session, case),
    }


def _supplement(session: SessionDep, case: Case) -> list[str]:
    """The outstanding 容缺 materials the window may take now (in review or after approval)."""
    if case.status != "conditional" and not intake.takes_supplement(session, case):
        return []
    return intake.pending_codes(session, case)


@router.get("/counter/cases/{number}")
def case_page(
    number: str, request: Request, session: SessionDep, hall: HallDep, user: ClerkPage
) -> Response:
    case = load_case(session, user, number)
    return render(request, "case.html", **case_panel(session, hall, case, user))


@router.get("/counter/cases/{number}/panel")
def case_panel_fragment(
    number: str, request: Request, session: SessionDep, hall: HallDep, user: ClerkPage
) -> Response:
    case = load_case(session, user, number)
    return render(request, "_case_panel.html", **case_panel(session, hall, case, user))


@router.post("/counter/cases/{number}/scan")
def scan_pages(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ClerkPage,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """Scan from the window's configured scanner straight into the case; a jam or an
    empty feeder keeps every page already received and says what to do."""
    check_csrf(request, csrf)
    case = load_case(session, user, number)
    device = hall.settings.scanner_device
    if not device:
        raise InvalidInput(
            "no scanner is configured for this window",
            "本窗口未配置扫描仪(ONEWINDOW_SCANNER_DEVICE),请上传扫描件",
        )
    session.commit()  # the scan stores each page in its own transaction
    driver = scanning.open_driver(
        device,
        ScanSettings(resolution=hall.settings.scanner_resolution),
        sane_config=hall.settings.sane_config_dir,
    )
    report = scanning.scan_into_case(
        hall, case_number=case.number, driver=driver, actor=user.username
    )
    session.expire_all()
    case = load_case(session, user, number)
    messages = [f"收到 {report.added} 页"]
    if report.duplicates:
        messages.append(f"{report.duplicates} 页此前已收取,未重复保存")
    if report.blank_pages:
        messages.append(f"疑似空白页:第 {'、'.join(map(str, report.blank_pages))} 页(已保留)")
    if report.error is not None:
        messages.append(f"扫描中断:{report.error.zh}")
    return render(
        request,
        "case.html",
        status_code=200 if report.complete else 409,
        scan_messages=messages,
        **case_panel(session, hall, case, user),
    )


@router.post("/counter/cases/{number}/pages")
def upload_pages(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ClerkPage,
    files: list[UploadFile],
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    case = load_case(session, user, number)
    limit = hall.settings.max_upload_bytes
    errors = []
    for upload in files:
        if not upload.filename:
            continue
        too_large = upload.size is not None and upload.size > limit  # known before reading
        data = b"" if too_large else upload.file.read(limit + 1)
        try:
            if too_large or len(data) > limit:
                raise InvalidInput("file too large", f"文件超过 {limit // 2**20} MB 上限")
            intake.add_page(
                session,
                hall.store,
                case,
                data,
                filename=upload.filename,
                actor=user,
                max_bytes=limit,
            )
        except OneWindowError as e:
            errors.append(f"{upload.filename}:{e.zh}")
    if errors:
        session.flush()
        return render(
            request,
            "case.html",
            status_code=422,
            upload_errors=errors,
            **case_panel(session, hall, case, user),
        )
    return see_other(f"/counter/cases/{number}")


@router.post("/counter/cases/{number}/decision")
def decide(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ClerkPage,
    action: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    case_id = load_case(session, user, number).id
    intake.read_queued(hall, case_id=case_id)
    session.expire_all()
    case = session.get_one(Case, case_id)
    online.take_at_window(session, case, user)  # an online or mailed case: this window's
    if action == "immediate":  # 当场办结: a refusal is shown on the case, nothing written
        try:
            notice = issue_at_window(session, hall, case, actor=user).notice
        except OneWindowError as e:
            session.rollback()
            case = session.get_one(Case, case_id)
            return render(
                request,
                "case.html",
                status_code=status_for(e),
                decision_error=e.zh,
                **case_panel(session, hall, case, user),
            )
    elif action == "reject":
        notice = counter.reject(session, hall, case, actor=user, reason=reason)
    else:
        notice = counter.decide(
            session, hall, case, actor=user, conditional=action == "conditional"
        )
    results.tell_decision(session, hall, case, notice)  # the applicant's SMS
    return see_other(f"/counter/cases/{number}")


@router.post("/counter/cases/{number}/pending/supply")
def supply_pending(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ClerkPage,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """容缺 supply at the counter: the pages the applicant brought are read and checked;
    each outstanding material they show is recorded, which opens the delivery gate."""
    check_csrf(request, csrf)
    case_id = load_case(session, user, number).id
    intake.read_queued(hall, case_id=case_id)
    session.expire_all()
    case = session.get_one(Case, case_id)
    left = pending.supply(session, case, actor=user, store=hall.store)
    panel = case_panel(session, hall, case, user)
    if left:
        names = "、".join(panel["names"].get(c, c) for c in left)
        message = f"仍未补齐:{names}。请核对所交材料后重新扫描。"
    else:
        message = "容缺材料已全部补齐,办理结果可以发放。"
    return render(request, "case.html", supply_message=message, supply_done=not left, **panel)


@router.get("/web/pages/{page_id}/thumb")
def page_thumbnail(
    page_id: RowId, session: SessionDep, hall: HallDep, user: WebUser, w: int = 240
) -> Response:
    page = session.get(Page, page_id)
    if page is None:
        raise NotFound(f"no page {page_id}", f"页面 {page_id} 不存在")
    load_case(session, user, page.submission.case.number)  # access check
    scan = archive_access.read_page_image(session, hall.store, user, page)  # audited
    # decoded within the page limits and the decode budget; an applicant's scan is not
    # left in the browser's cache of a shared counter PC (each view is a read, audited)
    return Response(
        page_preview(scan, max(80, min(w, 1600))),
        media_type="image/jpeg",
        headers={"Cache-Control": "private, no-store"},
    )
