"""The department desk (后台审批): the task queue by deadline, a case's materials beside
their extracted fields, approve (issuing the sealed e-license) or deny."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import or_, select

from api.deps import HallDep, SessionDep, load_case
from api.web.auth import ReviewerPage, check_csrf
from api.web.templating import render, see_other
from cases.acceptance import pending
from cases.catalog.publish import spec_of
from cases.review import steps as review
from models import (
    Case,
    CaseStatus,
    License,
    Page,
    ReviewTask,
    Role,
    Submission,
    TaskStatus,
    User,
)

router = APIRouter(include_in_schema=False)


@router.get("/desk")
def task_queue(request: Request, session: SessionDep, user: ReviewerPage) -> Response:
    query = (
        select(ReviewTask, Case)
        .join(Case, Case.id == ReviewTask.case_id)
        .where(ReviewTask.status == TaskStatus.OPEN)
        .order_by(ReviewTask.due_on)
    )
    if user.role != Role.ADMIN:
        query = query.where(ReviewTask.department_id == user.department_id)
    return render(
        request,
        "desk.html",
        tasks=session.execute(query).all(),
        warnings=_deadline_warnings(session, user),
        pending_cases=_pending_cases(session, user),
    )


def _deadline_warnings(session: SessionDep, user: User) -> list[tuple[ReviewTask, Case]]:
    """Open tasks the deadline scan warned of (near due) or escalated (overdue)."""
    query = (
        select(ReviewTask, Case)
        .join(Case, Case.id == ReviewTask.case_id)
        .where(
            ReviewTask.status == TaskStatus.OPEN,
            or_(ReviewTask.warned_on.is_not(None), ReviewTask.escalated_on.is_not(None)),
        )
        .order_by(ReviewTask.due_on)
    )
    if user.role != Role.ADMIN:
        query = query.where(ReviewTask.department_id == user.department_id)
    return [(task, case) for task, case in session.execute(query)]


def _pending_cases(session: SessionDep, user: User) -> list[tuple[Case, tuple[str, ...]]]:
    """The department's 容缺 cases with materials outstanding: reminded or not, and those
    terminated by 超期处理 in the last 30 days."""
    query = (
        select(Case)
        .where(
            Case.pending_due_on.is_not(None),
            Case.status.in_(_PENDING_OPEN)
            | (
                (Case.status == CaseStatus.TERMINATED)
                & (Case.pending_due_on >= date.today() - timedelta(days=30))
            ),
        )
        .order_by(Case.pending_due_on)
    )
    if user.role != Role.ADMIN:
        query = query.where(Case.department_id == user.department_id)
    rows = []
    for case in session.scalars(query):
        codes = pending.outstanding(session, case)
        if codes:
            spec = spec_of(case.checklist)
            rows.append((case, tuple(m.name if (m := spec.material(c)) else c for c in codes)))
    return rows


_PENDING_OPEN = (
    CaseStatus.CONDITIONAL,
    CaseStatus.ACCEPTED,
    CaseStatus.APPROVED,
    CaseStatus.ISSUED,
)


@router.get("/desk/cases/{number}")
def desk_case(number: str, request: Request, session: SessionDep, user: ReviewerPage) -> Response:
    case = load_case(session, user, number)
    pages = session.scalars(
        select(Page).join(Submission).where(Submission.case_id == case.id).order_by(Page.seq)
    ).all()
    names = {m.code: m.name for m in spec_of(case.checklist).materials}
    license_ = session.scalars(select(License).where(License.case_id == case.id)).first()
    return render(request, "desk_case.html", case=case, pages=pages, names=names, license=license_)


@router.post("/desk/cases/{number}/decision")
def desk_decide(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ReviewerPage,
    action: Annotated[str, Form()],
    comment: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    case = load_case(session, user, number)
    if action == "approve":
        review.approve(session, hall, case, actor=user, comment=comment)
    else:
        review.deny(session, hall, case, actor=user, comment=comment)
    return see_other(f"/desk/cases/{number}")
