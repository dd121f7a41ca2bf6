"""The department desk: review tasks, approval (which issues the sealed e-license)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import select

from api.deps import HallDep, Reviewer, SessionDep, load_case
from cases import review
from models import Case, ReviewTask, Role, TaskStatus

router = APIRouter(prefix="/api/v1", tags=["review"])


class ReviewRequest(BaseModel):
    comment: str = ""


@router.get("/review/tasks")
def tasks(session: SessionDep, user: Reviewer) -> list[dict[str, Any]]:
    query = (
        select(ReviewTask, Case)
        .join(Case, Case.id == ReviewTask.case_id)
        .where(ReviewTask.status == TaskStatus.OPEN)
        .order_by(ReviewTask.due_on)
    )
    if user.role != Role.ADMIN:
        query = query.where(ReviewTask.department_id == user.department_id)
    return [
        {
            "case": case.number,
            "item": case.item.name,
            "applicant": case.applicant_name,
            "status": case.status,
            "due_on": task.due_on.isoformat() if task.due_on else None,
        }
        for task, case in session.execute(query)
    ]


@router.post("/cases/{number}/approve", status_code=201)
def approve(
    number: str, body: ReviewRequest, session: SessionDep, user: Reviewer, hall: HallDep
) -> dict[str, Any]:
    case = load_case(session, user, number)
    license_ = review.approve(session, hall, case, actor=user, comment=body.comment)
    return {
        "status": case.status,
        "license": {"number": license_.number, "pdf": f"/api/v1/licenses/{license_.number}/pdf"},
    }


@router.post("/cases/{number}/deny")
def deny(number: str, body: ReviewRequest, session: SessionDep, user: Reviewer) -> dict[str, Any]:
    case = load_case(session, user, number)
    review.deny(session, case, actor=user, comment=body.comment)
    return {"status": case.status}
