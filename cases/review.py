"""Back-office review (后台分类审批): a department decides on a case pushed to it; an
approval issues the e-license sealed with the department's seal."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.accounts import require_case_access, require_role
from cases.errors import InvalidInput, InvalidState, NotFound
from cases.hall import Hall
from cases.licenses import issue_license
from models import Case, CaseStatus, Decision, License, Outcome, ReviewTask, Role, TaskStatus, User


def open_task(session: Session, case: Case) -> ReviewTask:
    task = session.scalars(
        select(ReviewTask).where(
            ReviewTask.case_id == case.id, ReviewTask.status == TaskStatus.OPEN
        )
    ).first()
    if task is None:
        raise NotFound(
            f"case {case.number} has no open review task", f"办件 {case.number} 没有待审批的任务"
        )
    return task


def _decide(
    session: Session, case: Case, *, actor: User, outcome: Outcome, comment: str
) -> ReviewTask:
    require_role(actor, Role.REVIEWER)
    require_case_access(actor, case)
    if case.status not in (CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL):
        raise InvalidState(
            f"case {case.number} is {case.status}, not awaiting review",
            f"办件 {case.number} 当前状态为 {case.status},不在审批环节",
        )
    task = open_task(session, case)
    session.add(
        Decision(
            case_id=case.id,
            task_id=task.id,
            user_id=actor.id,
            outcome=outcome.value,
            comment=comment,
        )
    )
    task.status = TaskStatus.DONE
    audit.record(
        session,
        actor=actor.username,
        action=f"review.{outcome.value}",
        target=f"case:{case.id}",
        task=task.id,
    )
    return task


def approve(session: Session, hall: Hall, case: Case, *, actor: User, comment: str = "") -> License:
    _decide(session, case, actor=actor, outcome=Outcome.APPROVE, comment=comment)
    case.status = CaseStatus.APPROVED
    session.flush()
    license_ = issue_license(session, hall, case, actor=actor)
    case.status = CaseStatus.ISSUED
    session.flush()
    return license_


def deny(session: Session, case: Case, *, actor: User, comment: str) -> None:
    if not comment.strip():
        raise InvalidInput("a denial needs a reason", "不予许可必须写明理由")
    _decide(session, case, actor=actor, outcome=Outcome.DENY, comment=comment)
    case.status = CaseStatus.DENIED
    session.flush()
