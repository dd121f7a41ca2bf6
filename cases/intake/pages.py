"""Front-desk intake: register a case and take its pages.

Pages are stored first and read afterwards (`cases.intake.reading`), so a slow or failing
OCR engine never loses a page: a page that cannot be read stays in the case with its
error, and the check turns it into a finding the clerk sees at once.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive import ObjectStore
from cases import audit, faults
from cases.catalog.publish import current_checklist, spec_of
from cases.errors import Forbidden, InvalidInput, InvalidState, UnknownServiceItem
from cases.intake.reading import enqueue, hints_for, read_queued
from cases.numbering import next_case_number, next_page_seq
from cases.records.storage import archive_bytes
from cases.seals.delegations import may_accept
from cases.tasks import returns
from models import (
    Case,
    CaseStatus,
    ClockSuspension,
    FindingOverride,
    Material,
    Notice,
    Page,
    PageStatus,
    ServiceHall,
    ServiceItem,
    Submission,
    Window,
)
from ocr import OcrError, PageLimits, inspect_page
from ocr.fields import valid_credit_code, valid_id_number

log = logging.getLogger(__name__)


class Actor(Protocol):
    """Who opens a case or adds a page: a clerk (`models.User`), or an applicant online
    (no window; `username` is how the audit names them)."""

    @property
    def username(self) -> str: ...

    @property
    def window(self) -> Window | None: ...


MIN_PAGE_SIDE_PX = 600  # an A5 sheet at 100 dpi; anything smaller cannot be read
_OPEN_FOR_PAGES = {CaseStatus.RECEIVING, CaseStatus.CORRECTION, CaseStatus.CONDITIONAL}
# a case past acceptance still takes its outstanding 容缺 materials until it is closed: the
# department may approve before the applicant brings them, and the result waits for them
_OPEN_FOR_SUPPLEMENTS = {CaseStatus.ACCEPTED, CaseStatus.APPROVED, CaseStatus.ISSUED}


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
    actor: Actor,
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
        hall_id=_accepting_hall(session, window, actor, item),
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


def _accepting_hall(
    session: Session, window: Window | None, actor: Actor, item: ServiceItem
) -> int:
    """受理大厅: the window's hall; for an applicant online (no window), the hall of the
    item's department; else the clerk's own hall, else the default hall."""
    if window is not None and window.hall_id is not None:
        return window.hall_id
    staff_hall = getattr(actor, "hall_id", None)
    if isinstance(staff_hall, int):
        return staff_hall
    if item.department.hall_id is not None:
        return item.department.hall_id
    return int(session.scalar(select(func.min(ServiceHall.id))) or 1)


def current_submission(
    session: Session, case: Case, *, answering: ClockSuspension | None = None
) -> Submission:
    """Pages go to the open submission. Once a notice has answered a submission, the next
    pages the applicant brings (补正, or pending 容缺 materials) start a new one; so does
    the answer to a return for information (`answering`), one supplement per return."""
    latest = case.submissions[-1]
    answered = session.scalars(select(Notice.id).where(Notice.submission_id == latest.id)).first()
    wanted = answering.id if answering is not None else None
    if answered is None and latest.suspension_id == wanted:
        return latest
    nxt = Submission(case_id=case.id, seq=latest.seq + 1, suspension_id=wanted)
    session.add(nxt)
    session.flush()
    session.refresh(case)
    return nxt


def new_since_last_notice(session: Session, case: Case) -> bool:
    """Has the applicant handed in anything the counter has not answered: pages of the
    open submission no notice has answered yet, or, on pages already answered, a finding
    the clerk set aside since (which changes what the check says)? A decision needs it."""
    latest = case.submissions[-1]
    if session.scalars(select(Page.id).where(Page.submission_id == latest.id)).first() is None:
        return False
    notice = session.scalars(
        select(Notice).where(Notice.submission_id == latest.id).order_by(Notice.id.desc())
    ).first()
    if notice is None:
        return True
    since = select(FindingOverride.id).where(
        FindingOverride.case_id == case.id, FindingOverride.created_at > notice.created_at
    )
    return session.scalars(since).first() is not None


def pending_codes(session: Session, case: Case) -> list[str]:
    """Codes of the 容缺 materials still outstanding: the latest record of each says
    "pending" (the one definition; acceptance and delivery ask it here)."""
    latest: dict[str, str] = {}
    for code, state in session.execute(
        select(Material.code, Material.state)
        .where(Material.case_id == case.id)
        .order_by(Material.id)
    ):
        latest[code] = state
    return [code for code, state in latest.items() if state == "pending"]


def takes_supplement(session: Session, case: Case) -> bool:
    """A conditional case past acceptance (in review, approved or issued) whose 容缺
    materials are outstanding takes their pages as a supplement submission."""
    return case.status in _OPEN_FOR_SUPPLEMENTS and bool(pending_codes(session, case))


def add_page(
    session: Session,
    store: ObjectStore,
    case: Case,
    data: bytes,
    *,
    filename: str,
    actor: Actor,
    max_bytes: int,
) -> Page:
    answering = returns.waiting_on(session, case)  # a return for information runs
    supplement = answering is not None or (
        case.status not in _OPEN_FOR_PAGES and takes_supplement(session, case)
    )
    if case.status not in _OPEN_FOR_PAGES and not supplement:
        raise _closed_for_pages(case)
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
    submission = current_submission(session, case, answering=answering)
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
    enqueue(session, [page.id])  # committed with the page, or not at all
    audit.record(
        session,
        actor=actor.username,
        action="page.add",
        target=f"case:{case.id}",
        page=page.id,
        sha256=stored.sha256,
        **({"supplement": True} if supplement else {}),
        **({"answers_return": answering.id} if answering is not None else {}),
    )
    faults.reach("page.archived")
    return page


def _closed_for_pages(case: Case) -> InvalidState:
    """Nothing is slipped into a case under review: it takes pages only as the answer to a
    return for information (or its outstanding 容缺 materials)."""
    if case.status == CaseStatus.ACCEPTED:
        return InvalidState(
            f"case {case.number} is under review and was not returned for information; "
            "pages are taken only after the department returns it for information",
            f"办件 {case.number} 正在部门审批中,且未被退回补充材料,不能添加材料;"
            "如需补充,须由审批部门先退回补充说明",
        )
    return InvalidState(
        f"case {case.number} is {case.status}; pages can no longer be added",
        f"办件 {case.number} 当前状态为 {case.status},不能再添加材料",
    )


__all__ = [
    "Actor",
    "add_page",
    "create_case",
    "current_submission",
    "hints_for",
    "new_since_last_notice",
    "pending_codes",
    "read_queued",
    "takes_supplement",
]
