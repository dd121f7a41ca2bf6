"""Back-office review (后台分类审批): departments give their decisions on the tasks routed
to them; the chief representative of the lead department takes the final decision. An
approval issues the e-license, a denial its 不予许可决定书, each sealed with the
department's seal and sent back to the comprehensive window; every stage goes into the
case's audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.accounts import require_role
from cases.delivery import handout as delivery
from cases.delivery import sms
from cases.errors import Forbidden, InvalidInput, InvalidState, NotFound
from cases.hall import Hall
from cases.platform import records as exchange
from cases.results.decision_document import issue_decision_document
from cases.results.licenses import issue_license
from cases.review.authority import require_chief_representative, require_not_acceptor
from cases.tasks import deadlines, returns, routing
from models import (
    IN_REVIEW,
    AuditEvent,
    Case,
    CaseStatus,
    Decision,
    DecisionDocument,
    License,
    Outcome,
    ReviewTask,
    Role,
    TaskKind,
    TaskStatus,
    User,
)


@dataclass(frozen=True)
class ActResult:
    task: ReviewTask
    license: License | None = None
    decision_document: DecisionDocument | None = None


def open_task(session: Session, case: Case, user: User | None = None) -> ReviewTask:
    """The open task of the user's department on this case (any open one for an admin)."""
    query = select(ReviewTask).where(
        ReviewTask.case_id == case.id, ReviewTask.status == TaskStatus.OPEN
    )
    if user is not None and user.role != Role.ADMIN:
        query = query.where(ReviewTask.department_id == user.department_id)
    task = session.scalars(query.order_by(ReviewTask.step, ReviewTask.id)).first()
    if task is None:
        raise NotFound(
            f"case {case.number} has no open review task for you",
            f"办件 {case.number} 没有待您所在部门处理的审批任务",
        )
    return task


def _require_in_review(case: Case) -> None:
    if case.status not in IN_REVIEW:
        raise InvalidState(
            f"case {case.number} is {case.status}, not awaiting review",
            f"办件 {case.number} 当前状态为 {case.status},不在审批环节",
        )


def _record(
    session: Session,
    case: Case,
    task: ReviewTask,
    *,
    actor: User,
    outcome: Outcome,
    comment: str,
    today: date | None = None,
) -> Decision:
    require_role(actor, Role.REVIEWER)
    routing.require_task_access(session, actor, case)
    _require_in_review(case)
    require_not_acceptor(session, case, actor)
    if outcome is not Outcome.APPROVE and not comment.strip():
        raise InvalidInput(
            "a denial or a return needs a reason", "不予许可或退回补充说明必须写明理由"
        )
    decision = Decision(
        case_id=case.id,
        task_id=task.id,
        user_id=actor.id,
        outcome=outcome.value,
        comment=comment,
    )
    session.add(decision)
    if outcome is not Outcome.RETURN:
        task.status, task.done_at = TaskStatus.DONE, datetime.now(UTC)
        # a decision means the information asked for is in: a stopped clock runs again
        deadlines.resume_clock(session, case, actor=actor.username, on=today or date.today())
    audit.record(
        session,
        actor=actor.username,
        action=f"review.{task.kind}.{outcome.value}",
        target=f"case:{case.id}",
        task=task.id,
        step=task.step,
        department=task.department_id,
        comment=comment,
    )
    exchange.stage(
        session,
        case,
        exchange.Stage.REVIEW,
        handled_by=actor.display_name,
        task=task,
        outcome=outcome.value,
        opinion=comment,
    )
    session.flush()
    return decision


def act(
    session: Session,
    hall: Hall,
    case: Case,
    *,
    actor: User,
    outcome: Outcome,
    comment: str = "",
    today: date | None = None,
) -> ActResult:
    """One decision by the actor's department: an opinion on a joint step, or the final
    decision. A return for information stops the clock until `information_supplied`."""
    if actor.role == Role.REVIEWER:
        routing.require_task_access(session, actor, case)
    _require_in_review(case)
    task = open_task(session, case, actor)
    if outcome is Outcome.RETURN:
        if returns.waiting_on(session, case) is not None:  # one request at a time, none lost
            raise InvalidState(
                f"case {case.number} already waits for the answer to a return for information;"
                " return it again once that answer is recorded",
                f"办件 {case.number} 已被退回补充说明,正在等待申请人补充;"
                "请待补充材料收齐、恢复计时后再退回,或请窗口一并告知申请人",
            )
        asked = _record(session, case, task, actor=actor, outcome=outcome, comment=comment)
        deadlines.suspend_clock(  # the answer comes as a supplement (cases.tasks.returns)
            session,
            case,
            actor=actor.username,
            reason=f"returned for information by task {task.id}",
            on=today or date.today(),
            decision_id=asked.id,
        )
        sms.notify(  # the applicant learns at once what to bring, and where
            session,
            sms.gateway_for(hall),
            case,
            "returned_for_information",
            hall=case.hall.name,
            request=_short(comment),
            window=case.window.name if case.window else "综合受理窗口",
        )
        return ActResult(task)
    if task.kind == TaskKind.REVIEW:
        _record(session, case, task, actor=actor, outcome=outcome, comment=comment, today=today)
        if outcome is Outcome.DENY:
            _skip_remaining_reviews(session, case)
        routing.advance(session, case, actor=actor)
        return ActResult(task)
    if outcome is Outcome.APPROVE:
        return ActResult(task, approve(session, hall, case, actor=actor, comment=comment))
    document = deny(session, hall, case, actor=actor, comment=comment)
    return ActResult(task, decision_document=document)


def _short(text: str, limit: int = 120) -> str:
    """The reviewer's request as an SMS can carry it."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _skip_remaining_reviews(session: Session, case: Case) -> None:
    """A department's denial settles a joint case: later opinions are moot."""
    for t in routing.tasks_of(session, case):
        if t.kind == TaskKind.REVIEW and t.status in (TaskStatus.OPEN, TaskStatus.WAITING):
            t.status = TaskStatus.SKIPPED


def _final_task(session: Session, case: Case, actor: User) -> ReviewTask:
    _require_in_review(case)
    task = open_task(session, case, actor)
    if task.kind != TaskKind.FINAL:
        raise InvalidState(
            f"case {case.number} still waits for the opinions of the joint departments",
            f"办件 {case.number} 尚有联办部门未出具意见,不能作出最终决定",
        )
    return task


def approve(session: Session, hall: Hall, case: Case, *, actor: User, comment: str = "") -> License:
    """The chief representative's approval: issue the license, return it to the window."""
    if actor.role == Role.REVIEWER:
        routing.require_task_access(session, actor, case)
    task = _final_task(session, case, actor)
    require_not_acceptor(session, case, actor)
    require_chief_representative(session, case, actor)
    denied = [
        d
        for d in session.scalars(select(Decision).where(Decision.case_id == case.id))
        if d.outcome == Outcome.DENY
    ]
    if denied:
        raise InvalidState(
            "a joint department denied this case; only a denial can follow",
            "联办部门已出具不予许可意见,只能作出不予许可决定",
        )
    _record(session, case, task, actor=actor, outcome=Outcome.APPROVE, comment=comment)
    case.status = CaseStatus.APPROVED
    session.flush()
    license_ = issue_license(session, hall, case, actor=actor)
    case.status = CaseStatus.ISSUED
    delivery.result_ready(session, case, license_, actor=actor)
    exchange.concluded(
        session, case, handled_by=actor.display_name, license_=license_, opinion=comment
    )
    sms.notify(  # 最多跑一次: the applicant comes once, when the result is there
        session,
        sms.gateway_for(hall),
        case,
        "result_download" if case.result_by == "download" else "result_ready",
        hall=case.hall.name,
        window=case.window.name if case.window else "综合受理窗口",
    )
    return license_


def deny(
    session: Session, hall: Hall, case: Case, *, actor: User, comment: str
) -> DecisionDocument:
    """The chief representative's denial: its 不予许可决定书, sealed by the department,
    goes back to the window to be handed out like a license."""
    if not comment.strip():
        raise InvalidInput("a denial needs a reason", "不予许可必须写明理由")
    if actor.role == Role.REVIEWER:
        routing.require_task_access(session, actor, case)
    task = _final_task(session, case, actor)
    require_not_acceptor(session, case, actor)
    require_chief_representative(session, case, actor)
    _record(session, case, task, actor=actor, outcome=Outcome.DENY, comment=comment)
    decision = session.scalars(
        select(Decision).where(Decision.task_id == task.id).order_by(Decision.id.desc())
    ).first()
    assert decision is not None  # just recorded
    case.status = CaseStatus.DENIED
    session.flush()
    document = issue_decision_document(session, hall, case, decision, actor=actor)
    delivery.result_ready(session, case, None, actor=actor, decision_document=document)
    exchange.concluded(
        session, case, handled_by=actor.display_name, decision_document=document, opinion=comment
    )
    sms.notify(
        session,
        sms.gateway_for(hall),
        case,
        "result_ready",
        hall=case.hall.name,
        window=case.window.name if case.window else "综合受理窗口",
    )
    session.flush()
    return document


def information_supplied(
    session: Session, case: Case, *, actor: User, today: date | None = None
) -> int:
    """The applicant answered a return for information (the supplement pages, if any, are
    already added and read): the clock runs again. Nothing to resume is not an error (the
    window and the department may both record it); a case out of review (not yet
    accepted, decided, ended) was asked nothing, so the answer is refused there."""
    require_role(actor, Role.CLERK, Role.REVIEWER)
    if actor.role == Role.REVIEWER:
        routing.require_task_access(session, actor, case)
    if case.status not in (CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL):
        raise InvalidState(
            f"case {case.number} is {case.status}, not in review: no information was asked",
            f"办件 {case.number} 当前状态为 {case.status},不在审批环节,无需登记补充说明",
        )
    waiting = returns.waiting_on(session, case)
    days = deadlines.resume_clock(session, case, actor=actor.username, on=today or date.today())
    if waiting is not None:
        audit.record(
            session,
            actor=actor.username,
            action="case.information_supplied",
            target=f"case:{case.id}",
            suspension=waiting.id,
            pages=returns.answer_pages(session, waiting),
            days=days,
        )
        exchange.stage(
            session, case, exchange.Stage.INFORMATION_SUPPLIED, handled_by=actor.display_name
        )
    return days


def trail(session: Session, case: Case) -> list[AuditEvent]:
    """Every recorded stage of the case, oldest first."""
    return list(
        session.scalars(
            select(AuditEvent).where(AuditEvent.target == f"case:{case.id}").order_by(AuditEvent.id)
        )
    )


__all__ = ["ActResult", "Forbidden", "act", "approve", "deny", "information_supplied", "trail"]
