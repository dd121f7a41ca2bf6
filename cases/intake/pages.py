"""Front-desk intake: register a case, take its pages, read them.

Pages are stored first and read afterwards, so a slow or failing OCR engine never loses
a page: a page that cannot be read stays in the case with its error, and the check turns
it into a finding the clerk sees at once.
"""

from __future__ import annotations

import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from cases.hall import Hall

from archive import ObjectStore
from cases import audit, faults
from cases.catalog.publish import current_checklist, spec_of
from cases.db import session_scope
from cases.errors import Forbidden, InvalidInput, InvalidState, UnknownServiceItem
from cases.numbering import next_case_number, next_page_seq
from cases.records.storage import archive_bytes
from cases.seals.delegations import may_accept
from models import (
    Case,
    CaseStatus,
    ChecklistVersion,
    Notice,
    Page,
    PageStatus,
    ServiceItem,
    StoredObject,
    Submission,
    User,
    Window,
)
from ocr import (
    MaterialHint,
    OcrError,
    PageLimits,
    PageReading,
    classify,
    extract_fields,
    inspect_page,
    read_page,
)
from ocr.fields import valid_credit_code, valid_id_number

log = logging.getLogger(__name__)

MIN_PAGE_SIDE_PX = 600  # an A5 sheet at 100 dpi; anything smaller cannot be read
_OPEN_FOR_PAGES = {CaseStatus.RECEIVING, CaseStatus.CORRECTION, CaseStatus.CONDITIONAL}


def create_case(
    session: Session,
    *,
    item_code: str,
    applicant_type: str,
    applicant_name: str,
    applicant_id: str,
    applicant_phone: str = "",
    window_code: str | None = None,
    scenario: str | None = None,
    actor: User,
) -> Case:
    item = session.scalars(select(ServiceItem).where(ServiceItem.code == item_code)).first()
    if item is None:
        raise UnknownServiceItem(
            f"unknown service item {item_code!r}; GET /api/v1/catalog lists the items",
            f"未知的政务服务事项编码 {item_code!r},请先查询事项目录",
        )
    if applicant_type not in ("person", "enterprise"):
        raise InvalidInput(
            "applicant_type must be 'person' or 'enterprise'",
            "申请人类型须为 person(自然人)或 enterprise(法人)",
        )
    applicant_id = applicant_id.strip().upper()
    if applicant_type == "person" and not valid_id_number(applicant_id):
        raise InvalidInput(
            f"{applicant_id!r} is not a valid ID number (GB 11643 check failed)",
            "公民身份号码校验未通过,请核对申请人证件",
        )
    if applicant_type == "enterprise" and not valid_credit_code(applicant_id):
        raise InvalidInput(
            f"{applicant_id!r} is not a valid credit code (GB 32100 check failed)",
            "统一社会信用代码校验未通过,请核对营业执照",
        )
    if not applicant_name.strip():
        raise InvalidInput("applicant_name is empty", "申请人名称不能为空")
    checklist = current_checklist(session, item)
    scenarios = spec_of(checklist).scenarios
    if scenario and scenario not in scenarios:
        raise InvalidInput(
            f"item {item_code} has no sub-scenario {scenario!r}; it has {sorted(scenarios)}",
            f"事项 {item_code} 没有子情形 {scenario!r},"
            f"可选:{'、'.join(scenarios.values()) or '无'}",
        )
    window = actor.window
    if window_code:
        window = session.scalars(select(Window).where(Window.code == window_code)).first()
    if window is not None and not may_accept(
        session,
        window_id=window.id,
        department_id=item.department_id,
        item_code=item.code,
        today=date.today(),
    ):
        raise Forbidden(
            f"window {window.code} holds no acceptance delegation for {item.code}",
            f"{window.name}未获得{item.department.name}对“{item.name}”的受理授权委托,"
            "请引导申请人到有权受理的窗口",
        )
    case = Case(
        number=next_case_number(session),
        item_id=item.id,
        checklist_id=checklist.id,
        scenario=scenario or None,
        department_id=item.department_id,
        window_id=window.id if window else None,
        applicant_type=applicant_type,
        applicant_name=applicant_name.strip(),
        applicant_id=applicant_id,
        applicant_phone=applicant_phone.strip(),
    )
    session.add(case)
    session.flush()
    session.add(Submission(case_id=case.id, seq=1))
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="case.create",
        target=f"case:{case.id}",
        item=item.code,
    )
    return case


def current_submission(session: Session, case: Case) -> Submission:
    """Pages go to the open submission. Once a notice has answered a submission, the next
    pages the applicant brings (补正, or pending 容缺 materials) start a new one."""
    latest = case.submissions[-1]
    answered = session.scalars(select(Notice.id).where(Notice.submission_id == latest.id)).first()
    if answered is None:
        return latest
    nxt = Submission(case_id=case.id, seq=latest.seq + 1)
    session.add(nxt)
    session.flush()
    session.refresh(case)
    return nxt


def add_page(
    session: Session,
    store: ObjectStore,
    case: Case,
    data: bytes,
    *,
    filename: str,
    actor: User,
    max_bytes: int,
) -> Page:
    if case.status not in _OPEN_FOR_PAGES:
        raise InvalidState(
            f"case {case.number} is {case.status}; pages can no longer be added",
            f"办件 {case.number} 当前状态为 {case.status},不能再添加材料",
        )
    try:  # the header's size and decoding cost before any pixel; then a small decode
        header = inspect_page(data, PageLimits(max_bytes=max_bytes))
    except OcrError as e:
        raise InvalidInput(f"{filename}: {e.en}", f"{filename}:{e.zh}") from e
    height, width = header.height, header.width
    if min(height, width) < MIN_PAGE_SIDE_PX:
        raise InvalidInput(
            f"{filename}: {width}x{height} pixels is too small for a page; scan at 150 dpi or more",
            f"{filename}:图像仅 {width}x{height} 像素,不足以识别,请以 150 dpi 以上分辨率重新扫描",
        )
    submission = current_submission(session, case)
    stored = archive_bytes(
        session,
        store,
        data,
        content_type=header.content_type,
        doc_class="page_image",
        case_id=case.id,
        provider_code="hall",
    )
    page = Page(
        submission_id=submission.id,
        seq=next_page_seq(session, case),
        filename=filename[:255],
        image_object_id=stored.id,
        status=PageStatus.QUEUED,
        reading={"width": width, "height": height},
    )
    session.add(page)
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="page.add",
        target=f"case:{case.id}",
        page=page.id,
        sha256=stored.sha256,
    )
    faults.reach("page.archived")
    return page


def hints_for(checklist: ChecklistVersion) -> list[MaterialHint]:
    return [m.ocr_hint() for m in spec_of(checklist).materials]


# Pages being read (claimed) in this process, keyed by (hall, page id): the background
# worker and an inline check never read the same page twice; the check waits instead.
_claims_lock = threading.Lock()
_claims: dict[tuple[int, int], threading.Event] = {}
ENGINE_TIMEOUT_S = 120.0  # a hung engine call turns into a failed page, never a stuck case


def claim_queued(
    hall: Hall, *, case_id: int | None = None
) -> tuple[list[int], list[threading.Event]]:
    """Queued pages this caller now owns, and events of those another thread is reading."""
    with session_scope(hall.sessions) as session:
        query = select(Page.id).where(Page.status == PageStatus.QUEUED).order_by(Page.id)
        if case_id is not None:
            query = query.join(Submission).where(Submission.case_id == case_id)
        page_ids = list(session.scalars(query))
    mine: list[int] = []
    others: list[threading.Event] = []
    with _claims_lock:
        for page_id in page_ids:
            event = _claims.get((id(hall), page_id))
            if event is None:
                _claims[(id(hall), page_id)] = threading.Event()
                mine.append(page_id)
            else:
                others.append(event)
    return mine, others


def read_claimed(hall: Hall, page_id: int) -> None:
    """Read one claimed page and release the claim, whatever happens."""
    try:
        _read_one(hall, page_id)
    except Exception:
        log.exception("reading page %s failed", page_id)
        raise
    finally:
        with _claims_lock:
            event = _claims.pop((id(hall), page_id), None)
        if event is not None:
            event.set()


def read_queued(hall: Hall, *, case_id: int | None = None) -> int:
    """OCR every queued page (of one case, or all) and return how many were read.

    Each page is read outside any database transaction (OCR takes seconds) and saved in
    a short one of its own, so a slow page never holds a lock and a failure loses nothing.
    Pages are read in parallel, one per OCR worker; pages the background worker is
    already reading are waited for, not read again.
    """
    mine, others = claim_queued(hall, case_id=case_id)
    workers = max(1, min(len(mine), hall.settings.ocr_workers))
    if workers == 1:
        for page_id in mine:
            read_claimed(hall, page_id)
    else:
        with ThreadPoolExecutor(workers, thread_name_prefix="page-reader") as pool:
            list(pool.map(lambda page_id: read_claimed(hall, page_id), mine))
    for event in others:
        event.wait(ENGINE_TIMEOUT_S * 3)
    return len(mine) + len(others)


def _read_one(hall: Hall, page_id: int) -> None:
    with session_scope(hall.sessions) as session:
        page = session.get(Page, page_id)
        if page is None or page.status != PageStatus.QUEUED:
            return
        image_obj = session.get(StoredObject, page.image_object_id)
        assert image_obj is not None
        data = hall.store.get(image_obj.key)
        hints = hints_for(page.submission.case.checklist)
    try:
        reading = read_page(data, hall.ocr, timeout=ENGINE_TIMEOUT_S)
    except OcrError as e:
        log.warning("page %s could not be read: %s", page_id, e.code)
        with session_scope(hall.sessions) as session:
            page = session.get(Page, page_id)
            if page is not None:
                page.status = PageStatus.FAILED
                page.error = f"{e.zh} / {e.en}"
        return
    with session_scope(hall.sessions) as session:
        page = session.get(Page, page_id)
        if page is None or page.status != PageStatus.QUEUED:
            return
        _save_reading(session, hall.store, page, reading, hints)


def _save_reading(
    session: Session,
    store: ObjectStore,
    page: Page,
    reading: PageReading,
    hints: list[MaterialHint],
) -> None:
    case = page.submission.case
    guess = classify(reading.text, hints)
    fields = extract_fields(reading)
    text_obj = archive_bytes(
        session,
        store,
        json.dumps(
            {"text": reading.text, "lines": [asdict(ln) for ln in reading.lines]},
            ensure_ascii=False,
        ).encode(),
        content_type="application/json",
        doc_class="ocr_text",
        case_id=case.id,
    )
    page.text_object_id = text_obj.id
    page.status = PageStatus.READ
    labelled = page.material_code is not None  # a separator sheet said what this page is
    if not labelled:
        page.material_code = guess.code
        page.confidence = guess.confidence
    page.reading = {
        "label_source": "separator" if labelled else "ocr",
        "ocr_guess": guess.code,
        "width": reading.width,
        "height": reading.height,
        "matched": list(guess.matched),
        "skew_degrees": round(reading.skew_degrees, 2),
        "seals": [list(s) for s in reading.seals],
        "blank": reading.blank,
        "quality": asdict(reading.quality),
        "engine": reading.engine,
        "seconds": round(reading.seconds, 3),
        "rotation": reading.rotation,
        "perspective_corrected": reading.perspective_corrected,
        "fields": [asdict(f) for f in fields],
        "read_at": datetime.now(UTC).isoformat(),
    }
    session.flush()
