"""The department desk (后台审批): the task queue by deadline, a case's materials beside
their extracted fields, the department's act on its open task: an opinion on a step of a
joint route, or the final decision (approval issues the sealed e-license); and, for a
lead department, the progress of the joint cases it coordinates (联办协调)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import or_, select

from api.deps import HallDep, SessionDep, load_case
from api.web import handovers as handovers_page
from api.web import returns as returns_page
from api.web.auth import ReviewerPage, check_csrf
from api.web.templating import render, see_other
from cases.acceptance import pending
from cases.catalog.publish import case_spec
from cases.errors import InvalidInput, NotFound
from cases.intake import confirmation
from cases.records import participation
from cases.review import steps as review
from cases.tasks import coordination
from models import (
    IN_REVIEW,
    Case,
    CaseStatus,
    License,
    Outcome,
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
        .where(ReviewTask.status == TaskStatus.OPEN, Case.status.in_(IN_REVIEW))
        .order_by(ReviewTask.due_on, ReviewTask.id)
    )
    lead: int | None = None  # an administrator follows every lead's joint cases
    if user.role != Role.ADMIN:
        query = query.where(ReviewTask.department_id == user.department_id)
        lead = user.department_id
    return render(
        request,
        "desk.html",
        tasks=session.execute(query).all(),
        warnings=_deadline_warnings(session, user),
        pending_cases=_pending_cases(session, user),
        joint_cases=coordination.led_joint_cases(session, department_id=lead, today=date.today()),
        contributed=participation.results_contributed_to(session, department_id=lead),
        returned=returns_page.desk_list(session, user),
        unsigned=handovers_page.unsigned_for(session, user),
    )


def _deadline_warnings(session: SessionDep, user: User) -> list[tuple[ReviewTask, Case]]:
    """Open tasks the deadline scan warned of (near due) or escalated (overdue)."""
    query = (
        select(ReviewTask, Case)
        .join(Case, Case.id == ReviewTask.case_id)
        .where(
            ReviewTask.status == TaskStatus.OPEN,
            Case.status.in_(IN_REVIEW),
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
            spec = case_spec(case)
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
    names = {m.code: m.name for m in case_spec(case).materials}
    license_ = session.scalars(select(License).where(License.case_id == case.id)).first()
    try:
        task: ReviewTask | None = review.open_task(session, case, user)
    except NotFound:
        task = None  # not (or no longer, or not yet) the department's turn
    fields_by_page: dict[int, list[confirmation.FieldRow]] = {}
    for row in confirmation.case_fields(session, case):  # doubtful ones highlighted
        fields_by_page.setdefault(row.page_id, []).append(row)
    return render(
        request,
        "desk_case.html",
        case=case,
        pages=pages,
        fields_by_page=fields_by_page,
        doubtful_count=sum(r.doubtful for rows in fields_by_page.values() for r in rows),
        confirmable=case.status in confirmation.OPEN_FOR_CONFIRMATION,
        names=names,
        license=license_,
        task=task if case.status in IN_REVIEW else None,
        route=coordination.route_progress(session, case, today=date.today()),
        **returns_page.case_context(session, case),  # supplements marked with their return
        **handovers_page.desk_case_context(session, case, user),
    )


_ACTIONS = {"approve": Outcome.APPROVE, "deny": Outcome.DENY}


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
    """The department's act on its open task: on a joint step its opinion (同意 / 不同意,
    the next step opens when the step is complete), else the final decision."""
    check_csrf(request, csrf)
    outcome = _ACTIONS.get(action)
    if outcome is None:
        raise InvalidInput(f"unknown action {action[:20]!r}", "未知的审批操作,请在页面上重新选择")
    case = load_case(session, user, number)
    review.act(session, hall, case, actor=user, outcome=outcome, comment=comment)
    return see_other(f"/desk/cases/{number}")
