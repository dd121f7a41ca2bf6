"""The department desk: tasks routed to the department (joint cases included), decisions
(approve, deny, return for information), paper handovers and the case's audit trail."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import select

from api.deps import Clerk, CurrentUser, HallDep, Reviewer, SessionDep
from api.ids import RowId
from cases import lifecycle
from cases.accounts import require_role
from cases.errors import NotFound
from cases.intake import pages as intake
from cases.records import scope
from cases.review import steps as review
from cases.tasks import handover, routing
from models import IN_REVIEW, Case, Handover, Outcome, ReviewTask, Role, TaskStatus, User

router = APIRouter(prefix="/api/v1", tags=["review"])


class ReviewRequest(BaseModel):
    comment: str = ""


def load_routed_case(session: SessionDep, user: User, number: str) -> Case:
    case = session.scalars(select(Case).where(Case.number == number)).first()
    if case is None:
        raise NotFound(f"no case {number!r}", f"办件 {number!r} 不存在")
    routing.require_task_access(session, user, case)
    return case


@router.get("/review/tasks")
def tasks(session: SessionDep, user: Reviewer) -> list[dict[str, Any]]:
    query = (
        select(ReviewTask, Case)
        .join(Case, Case.id == ReviewTask.case_id)
        .where(ReviewTask.status == TaskStatus.OPEN, Case.status.in_(IN_REVIEW))
        .order_by(ReviewTask.due_on, ReviewTask.id)
    )
    if user.role != Role.ADMIN:
        query = query.where(ReviewTask.department_id == user.department_id)
    else:  # a hall's administrator oversees their hall's cases (the league's, all)
        query = query.where(scope.visible_cases(user))
    return [
        {
            "case": case.number,
            "item": case.item.name,
            "applicant": case.applicant_name,
            "status": case.status,
            "task": task.id,
            "kind": task.kind,
            "step": task.step,
            "lead": case.department_id == task.department_id,
            "due_on": task.due_on.isoformat() if task.due_on else None,
        }
        for task, case in session.execute(query)
    ]


def _act(
    number: str,
    outcome: Outcome,
    body: ReviewRequest,
    session: SessionDep,
    user: User,
    hall: HallDep,
) -> dict[str, Any]:
    case = load_routed_case(session, user, number)
    result = review.act(session, hall, case, actor=user, outcome=outcome, comment=body.comment)
    answer: dict[str, Any] = {
        "status": case.status,
        "task": result.task.id,
        "kind": result.task.kind,
    }
    if result.license is not None:
        number_ = result.license.number
        answer["license"] = {"number": number_, "pdf": f"/api/v1/licenses/{number_}/pdf"}
    if result.decision_document is not None:
        doc = result.decision_document
        answer["decision"] = {"number": doc.number, "pdf": f"/api/v1/decisions/{doc.id}/pdf"}
    return answer


@router.post("/cases/{number}/approve", status_code=201)
def approve(
    number: str, body: ReviewRequest, session: SessionDep, user: Reviewer, hall: HallDep
) -> dict[str, Any]:
    """The department's approval: an opinion on a joint step, or the final decision."""
    return _act(number, Outcome.APPROVE, body, session, user, hall)


@router.post("/cases/{number}/deny")
def deny(
    number: str, body: ReviewRequest, session: SessionDep, user: Reviewer, hall: HallDep
) -> dict[str, Any]:
    return _act(number, Outcome.DENY, body, session, user, hall)


@router.post("/cases/{number}/return")
def return_for_information(
    number: str, body: ReviewRequest, session: SessionDep, user: Reviewer, hall: HallDep
) -> dict[str, Any]:
    """Return for information: the clock stops until the window reports the answer."""
    return _act(number, Outcome.RETURN, body, session, user, hall)


@router.post("/cases/{number}/information-supplied")
def information_supplied(
    number: str, session: SessionDep, user: CurrentUser, hall: HallDep
) -> dict[str, Any]:
    """The applicant's answer arrived: at the window, or at a department on the case's
    route (the one that asked, by post or in person); its supplement pages, uploaded to
    the case before, are read now, and the clock runs again."""
    require_role(user, Role.CLERK, Role.REVIEWER)
    case_id = load_routed_case(session, user, number).id
    intake.read_queued(hall, case_id=case_id)  # the desk sees the answer read
    session.expire_all()
    case = session.get_one(Case, case_id)
    days = review.information_supplied(session, case, actor=user)
    return {"status": case.status, "days_added": days, "due_on": _iso(case.due_on)}


@router.get("/cases/{number}/next")
def next_steps(
    number: str, session: SessionDep, user: CurrentUser, hall: HallDep
) -> list[dict[str, Any]]:
    """What can happen next on the case, and who takes each step (the lifecycle model,
    cases.lifecycle): the window, a department (by code), the applicant, the post."""
    require_role(user, Role.CLERK, Role.REVIEWER)
    case = load_routed_case(session, user, number)
    return [
        {"action": s.action, "label": s.label, "by": s.role, "department": s.department}
        for s in lifecycle.whats_next(session, hall, case)
    ]


@router.get("/cases/{number}/trail")
def trail(number: str, session: SessionDep, user: CurrentUser) -> list[dict[str, Any]]:
    require_role(user, Role.CLERK, Role.REVIEWER)
    case = load_routed_case(session, user, number)
    return [
        {"at": e.created_at.isoformat(), "actor": e.actor, "action": e.action, "detail": e.detail}
        for e in review.trail(session, case)
    ]


class HandoverRequest(BaseModel):
    transit: str = Field(default="", max_length=64)  # waybill / batch, paper leaving the hall


@router.post("/cases/{number}/handovers", status_code=201)
def hand_over(
    number: str, session: SessionDep, user: Clerk, body: HandoverRequest | None = None
) -> list[dict[str, Any]]:
    case = load_routed_case(session, user, number)
    done = handover.hand_over_materials(
        session, case, actor=user, transit=body.transit if body else ""
    )
    return [_handover(session, h) for h in done]


@router.get("/cases/{number}/handovers")
def handovers(number: str, session: SessionDep, user: CurrentUser) -> list[dict[str, Any]]:
    require_role(user, Role.CLERK, Role.REVIEWER)
    case = load_routed_case(session, user, number)
    return [_handover(session, h) for h in handover.handovers_of(session, case)]


@router.post("/handovers/{handover_id}/sign")
def sign(handover_id: RowId, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    return _handover(session, handover.sign_for(session, handover_id, actor=user))


def _handover(session: SessionDep, h: Handover) -> dict[str, Any]:
    return {
        "id": h.id,
        "direction": h.direction,
        "department_id": h.department_id,
        "items": h.items,
        "received_at": h.received_at.isoformat() if h.received_at else None,
        "cross_hall": handover.cross_hall(session, h),
        "transit": h.transit or None,
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None
