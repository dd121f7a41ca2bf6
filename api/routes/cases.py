"""Intake at the comprehensive window: cases, pages, the check and the decision."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response, UploadFile
from pydantic import BaseModel, Field
from sqlalchemy import select

from api.deps import Clerk, CurrentUser, HallDep, SessionDep, load_case
from cases.acceptance import counter, pending
from cases.acceptance.checklist import Finding
from cases.errors import InvalidInput
from cases.intake import pages as intake
from cases.intake.sheets import case_sheets
from cases.online import applications as online
from cases.online import results
from cases.review.immediate import issue_at_window
from cases.tasks import returns
from models import Case, Material, Notice, Page, StoredObject, Submission

router = APIRouter(prefix="/api/v1/cases", tags=["intake"])


class CaseCreate(BaseModel):
    item_code: str
    applicant_type: str = Field(pattern="^(person|enterprise)$")
    applicant_name: str = Field(min_length=1, max_length=200)
    applicant_id: str = Field(min_length=15, max_length=32)
    applicant_phone: str = ""
    scenario: str | None = Field(default=None, max_length=32)  # sub-scenario, e.g. agent


class OverrideRequest(BaseModel):
    finding: str = Field(min_length=3, max_length=100)  # the finding's key, material:kind
    reason: str = Field(min_length=1, max_length=500)


class DecisionRequest(BaseModel):
    conditional: bool = False  # the applicant signs the 容缺 commitment
    reject_reason: str | None = Field(default=None, max_length=500)
    immediate: bool = False  # 即办件: accept and issue the sealed license on the spot


def case_view(session: SessionDep, case: Case) -> dict[str, Any]:
    pages = session.scalars(
        select(Page).join(Submission).where(Submission.case_id == case.id).order_by(Page.seq)
    )
    notices = session.scalars(select(Notice).where(Notice.case_id == case.id).order_by(Notice.id))
    materials = {  # the latest decision's view of each material
        m.code: m.state
        for m in session.scalars(
            select(Material).where(Material.case_id == case.id).order_by(Material.id)
        )
    }
    return {
        "number": case.number,
        "item_code": case.item.code,
        "item_name": case.item.name,
        "checklist_version": case.checklist.version,
        "department": case.department.name,
        "status": case.status,
        "applicant_type": case.applicant_type,
        "applicant_name": case.applicant_name,
        "scenario": case.scenario,
        "due_on": case.due_on.isoformat() if case.due_on else None,
        "pending_due_on": case.pending_due_on.isoformat() if case.pending_due_on else None,
        "pages": [
            {
                "seq": p.seq,
                "submission": p.submission.seq,
                "filename": p.filename,
                "status": p.status,
                "material_code": p.material_code,
                "confidence": round(p.confidence, 3),
                "error": p.error or None,
                "matched": p.reading.get("matched", []),
                "quality": p.reading.get("quality"),
                "seals": p.reading.get("seals", []),
                "image_object_id": p.image_object_id,
                "answers_return": p.submission.suspension_id,  # a supplement's return
            }
            for p in pages
        ],
        "returns": [_return_view(r) for r in returns.returns_of(session, case)],
        "materials": materials,
        "notices": [
            {
                "kind": n.kind,
                "number": n.number,
                "object_id": n.object_id,
                "pdf": f"/api/v1/notices/{n.number}/pdf",
            }
            for n in notices
        ],
    }


def _return_view(r: returns.InformationReturn) -> dict[str, Any]:
    return {
        "id": r.suspension_id,
        "department": r.department,
        "comment": r.comment,
        "returned_at": r.returned_at.isoformat() if r.returned_at else None,
        "waiting": r.waiting,
        "ended_on": r.ended_on.isoformat() if r.ended_on else None,
        "days_added": r.days_added,
        "pages": list(r.page_seqs),
    }


@router.post("", status_code=201)
def create_case(body: CaseCreate, session: SessionDep, user: Clerk) -> dict[str, Any]:
    case = intake.create_case(session, actor=user, **body.model_dump())
    return case_view(session, case)


@router.get("/metrics/one-time")
def one_time_metrics(session: SessionDep, user: CurrentUser) -> dict[str, int]:
    """一次告知: repeat corrections and deficiencies the first notice should have listed."""
    return counter.one_time_report(session)


@router.get("/{number}")
def get_case(number: str, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    return case_view(session, load_case(session, user, number))


@router.post("/{number}/pages", status_code=202)
def add_pages(
    number: str, files: list[UploadFile], session: SessionDep, user: Clerk, hall: HallDep
) -> dict[str, Any]:
    case = load_case(session, user, number)
    if not files:
        raise InvalidInput("no file uploaded", "没有收到任何文件")
    limit = hall.settings.max_upload_bytes
    added = []
    for upload in files:
        too_large = upload.size is not None and upload.size > limit  # known before reading
        data = b"" if too_large else upload.file.read(limit + 1)
        if too_large or len(data) > limit:
            raise InvalidInput(
                f"{upload.filename}: larger than {limit // 2**20} MB",
                f"{upload.filename}:文件超过 {limit // 2**20} MB 上限,请降低扫描分辨率后重试",
            )
        page = intake.add_page(
            session,
            hall.store,
            case,
            data,
            filename=upload.filename or "page",
            actor=user,
            max_bytes=limit,
        )
        added.append({"seq": page.seq, "status": page.status})
    return {"number": case.number, "pages": added}


@router.get("/{number}/check")
def check(number: str, session: SessionDep, user: Clerk, hall: HallDep) -> dict[str, Any]:
    case_id = load_case(session, user, number).id
    intake.read_queued(hall, case_id=case_id)  # pages not yet read by the worker
    session.expire_all()
    case = session.get_one(Case, case_id)
    result = counter.check_case(session, case, hall.store)
    return {
        "outcome": result.outcome,
        "present": {code: len(pages) for code, pages in result.present.items()},
        "findings": [_finding(f) for f in result.findings],
        "overridden": [_finding(f) for f in result.overridden],
        "pending_eligible": [r.code for r in result.pending_eligible],
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "key": f.key,
        "material_code": f.material_code,
        "kind": f.kind,
        "page": f.page_number,
        "message": f.message,
    }


@router.post("/{number}/overrides", status_code=201)
def override(
    number: str, body: OverrideRequest, session: SessionDep, user: Clerk
) -> dict[str, Any]:
    """The clerk sets a finding aside with a reason (audited), e.g. a faint seal."""
    case = load_case(session, user, number)
    counter.override_finding(session, case, key=body.finding, reason=body.reason, actor=user)
    return {"number": case.number, "overridden": body.finding}


@router.get("/{number}/sheets")
def sheets(number: str, session: SessionDep, user: Clerk, hall: HallDep) -> Response:
    """Cover sheet (受理单) and one separator sheet per expected material, with QR codes."""
    case = load_case(session, user, number)
    pdf = case_sheets(session, case.hall.name, case)
    return Response(pdf, media_type="application/pdf")


@router.post("/{number}/pending/supply")
def supply_pending(number: str, session: SessionDep, user: Clerk, hall: HallDep) -> dict[str, Any]:
    """The applicant brought pending (容缺) materials; their pages are already uploaded."""
    case_id = load_case(session, user, number).id
    intake.read_queued(hall, case_id=case_id)
    session.expire_all()
    case = session.get_one(Case, case_id)
    left = pending.supply(session, case, actor=user, store=hall.store)
    allowed, reason = pending.delivery_allowed(session, case)
    return {
        "status": case.status,
        "outstanding": left,
        "delivery_allowed": allowed,
        "reason": reason,
    }


@router.get("/{number}/delivery-gate")
def delivery_gate(number: str, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    allowed, reason = pending.delivery_allowed(session, load_case(session, user, number))
    return {"allowed": allowed, "reason": reason}


@router.post("/{number}/decision", status_code=201)
def decide(
    number: str, body: DecisionRequest, session: SessionDep, user: Clerk, hall: HallDep
) -> dict[str, Any]:
    case_id = load_case(session, user, number).id
    intake.read_queued(hall, case_id=case_id)
    session.expire_all()
    case = session.get_one(Case, case_id)
    license_: dict[str, Any] | None = None
    online.take_at_window(session, case, user)  # an online or mailed case: this window's
    if body.immediate and (body.conditional or body.reject_reason is not None):
        raise InvalidInput(
            "an immediate issue is neither conditional nor a rejection",
            "当场办结不能同时为容缺受理或不予受理",
        )
    if body.immediate:
        done = issue_at_window(session, hall, case, actor=user)
        notice = done.notice
        license_ = {
            "number": done.license.number,
            "delegation": done.delegation.id,
            "pdf": f"/api/v1/licenses/{done.license.number}/pdf",
        }
    elif body.reject_reason is not None:
        notice = counter.reject(session, hall, case, actor=user, reason=body.reject_reason)
    else:
        notice = counter.decide(session, hall, case, actor=user, conditional=body.conditional)
    results.tell_decision(session, hall, case, notice)  # the applicant's SMS
    stored = session.get_one(StoredObject, notice.object_id)
    return {
        "status": case.status,
        "notice": {
            "kind": notice.kind,
            "number": notice.number,
            "sha256": stored.sha256,
            "pdf": f"/api/v1/notices/{notice.number}/pdf",
        },
        "license": license_,
    }
