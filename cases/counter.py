"""The counter's decisions (前台综合受理): check the case against its checklist and answer
the applicant with one sealed notice: acceptance, conditional acceptance, correction
(listing everything at once) or rejection."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.checklist import CheckResult, FindingKind, Outcome, PageFacts, Requirement, check
from cases.documents import NoticeContent, NoticeKind, NoticeLine, render_notice
from cases.errors import InvalidInput, InvalidState
from cases.hall import Hall
from cases.numbering import next_notice_number
from cases.seals import apply_seal, seal_for
from cases.storage import archive_bytes
from cases.workdays import add_working_days
from models import (
    Case,
    CaseStatus,
    Deficiency,
    Material,
    Notice,
    Page,
    PageStatus,
    ReviewTask,
    Submission,
    User,
)

_FIELDS_CHECKED = ("id_number", "credit_code")


def requirements_of(case: Case) -> list[Requirement]:
    return [
        Requirement(
            code=r.code,
            name=r.name,
            required=r.required,
            pending_allowed=r.pending_allowed,
            pending_days=r.pending_days,
        )
        for r in case.checklist.requirements
    ]


def page_facts(session: Session, case: Case) -> list[PageFacts]:
    pages = session.scalars(
        select(Page).join(Submission).where(Submission.case_id == case.id).order_by(Page.seq)
    )
    facts = []
    for page in pages:
        invalid = tuple(
            f["name"]
            for f in page.reading.get("fields", ())
            if f["name"] in _FIELDS_CHECKED and not f["valid"]
        )
        facts.append(
            PageFacts(
                page_id=page.id,
                number=page.seq,
                material_code=page.material_code,
                readable=page.status == PageStatus.READ and not page.reading.get("blank", False),
                invalid_fields=invalid,
            )
        )
    return facts


def check_case(session: Session, case: Case) -> CheckResult:
    """Check every page handed in. Pages still queued for OCR make the answer premature,
    so they are refused here; callers run `intake.read_queued` first."""
    queued = [p for p in _pages(session, case) if p.status == PageStatus.QUEUED]
    if queued:
        raise InvalidState(
            f"{len(queued)} page(s) are still being read; try again in a moment",
            f"还有 {len(queued)} 页材料正在识别,请稍候再试",
        )
    return check(requirements_of(case), page_facts(session, case))


def decide(
    session: Session, hall: Hall, case: Case, *, actor: User, conditional: bool = False
) -> Notice:
    """Issue the notice the check calls for. `conditional` records that the applicant
    signs the 容缺 commitment; it is honoured only when the item allows it."""
    if case.status not in (CaseStatus.RECEIVING, CaseStatus.CORRECTION):
        raise InvalidState(
            f"case {case.number} is already {case.status}",
            f"办件 {case.number} 已处于 {case.status} 状态,不能重复作出受理决定",
        )
    result = check_case(session, case)
    submission = case.submissions[-1]
    if not any(p.submission_id == submission.id for p in _pages(session, case)):
        raise InvalidInput(
            "no page has been added to this submission yet",
            "本次尚未提交任何材料页面,请先扫描或上传材料",
        )
    outcome = result.outcome
    names = {r.code: r.name for r in requirements_of(case)}
    today = date.today()
    if outcome is Outcome.ACCEPT:
        case.status = CaseStatus.ACCEPTED
        lines = tuple(NoticeLine(names[c], f"{len(p)} 页") for c, p in result.present.items())
        kind = NoticeKind.ACCEPTANCE
    elif outcome is Outcome.CONDITIONAL_POSSIBLE and conditional:
        case.status = CaseStatus.CONDITIONAL
        days = max(r.pending_days for r in result.pending_eligible)
        case.pending_due_on = add_working_days(today, days)
        lines = tuple(
            NoticeLine(
                r.name, f"容缺后补,{add_working_days(today, r.pending_days):%Y年%m月%d日}前补齐"
            )
            for r in result.pending_eligible
        )
        kind = NoticeKind.CONDITIONAL
    else:
        case.status = CaseStatus.CORRECTION
        lines = tuple(
            NoticeLine(names.get(f.material_code, "其他"), f.message) for f in result.findings
        )
        for f in result.findings:
            session.add(
                Deficiency(
                    case_id=case.id,
                    submission_id=submission.id,
                    material_code=f.material_code or "-",
                    kind=f.kind,
                    message=f.message,
                )
            )
        kind = NoticeKind.CORRECTION
    if case.status in (CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL):
        case.accepted_at = datetime.now(UTC)
        case.due_on = add_working_days(today, case.checklist.time_limit_days)
        session.add(
            ReviewTask(case_id=case.id, department_id=case.department_id, due_on=case.due_on)
        )
    _record_materials(session, case, submission, result, pending=kind is NoticeKind.CONDITIONAL)
    notice = _issue_notice(session, hall, case, submission, kind, lines, actor=actor)
    audit.record(
        session,
        actor=actor.username,
        action=f"case.{kind.value}",
        target=f"case:{case.id}",
        notice=notice.number,
        findings=[f"{f.material_code}:{f.kind}" for f in result.findings],
    )
    return notice


def _record_materials(
    session: Session, case: Case, submission: Submission, result: CheckResult, *, pending: bool
) -> None:
    """What the check saw of each checklist material, as of this submission."""
    pending_codes = {r.code for r in result.pending_eligible} if pending else set()
    for req in requirements_of(case):
        pages = result.present.get(req.code, ())
        if not pages and not req.required:
            continue
        state = "present" if pages else "pending" if req.code in pending_codes else "missing"
        session.add(
            Material(
                case_id=case.id,
                submission_id=submission.id,
                code=req.code,
                state=state,
                page_ids=list(pages),
            )
        )


def reject(session: Session, hall: Hall, case: Case, *, actor: User, reason: str) -> Notice:
    if not reason.strip():
        raise InvalidInput("a rejection needs a reason", "不予受理必须写明理由")
    if case.status not in (CaseStatus.RECEIVING, CaseStatus.CORRECTION):
        raise InvalidState(
            f"case {case.number} is already {case.status}",
            f"办件 {case.number} 已处于 {case.status} 状态",
        )
    case.status = CaseStatus.REJECTED
    notice = _issue_notice(
        session,
        hall,
        case,
        case.submissions[-1],
        NoticeKind.REJECTION,
        (),
        actor=actor,
        reason=reason.strip(),
    )
    audit.record(
        session,
        actor=actor.username,
        action="case.rejection",
        target=f"case:{case.id}",
        notice=notice.number,
    )
    return notice


def _pages(session: Session, case: Case) -> list[Page]:
    return list(session.scalars(select(Page).join(Submission).where(Submission.case_id == case.id)))


def _issue_notice(
    session: Session,
    hall: Hall,
    case: Case,
    submission: Submission,
    kind: NoticeKind,
    lines: tuple[NoticeLine, ...],
    *,
    actor: User,
    reason: str = "",
) -> Notice:
    number = next_notice_number(session, kind.value)
    window = case.window
    content = NoticeContent(
        kind=kind,
        number=number,
        case_number=case.number,
        hall_name=hall.catalog.org.hall.name,
        window_name=window.name if window else "综合受理窗口",
        department_name=case.department.name,
        item_name=case.item.name,
        applicant_name=case.applicant_name,
        issued_on=date.today(),
        lines=lines,
        reason=reason,
        time_limit_days=case.checklist.time_limit_days,
        due_on=case.due_on,
        pending_due_on=case.pending_due_on,
        verify_url=f"{hall.settings.public_base_url}/verify?case={case.number}",
    )
    seal = (
        seal_for(session, window_id=window.id)
        if window
        else seal_for(session, department_id=case.department_id)
    )
    pdf = apply_seal(
        session,
        hall.pki,
        seal,
        render_notice(content),
        actor=actor.username,
        purpose=f"{kind.value} {number}",
    )
    stored = archive_bytes(
        session,
        hall.store,
        pdf,
        content_type="application/pdf",
        doc_class="notice",
        case_id=case.id,
    )
    notice = Notice(
        case_id=case.id,
        submission_id=submission.id,
        kind=kind.value,
        number=number,
        object_id=stored.id,
    )
    session.add(notice)
    session.flush()
    return notice


__all__ = ["FindingKind", "check_case", "decide", "reject"]
