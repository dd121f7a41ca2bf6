"""Return for information (退回补充说明) in the browser: the desk returns a case in review
with what it needs; the counter takes the applicant's supplementary pages (the upload and
the scanner work as for any page, and OCR reads them) and records 'information supplied',
which runs the clock again; the desk sees the answer's pages marked as such."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import HallDep, SessionDep, load_case
from api.web.auth import ClerkPage, ReviewerPage, check_csrf
from api.web.templating import see_other
from cases.errors import InvalidState
from cases.hall import Hall
from cases.intake import pages as intake
from cases.records import scope
from cases.review import steps as review
from cases.tasks import returns
from models import Case, CaseStatus, ClockSuspension, Decision, Outcome, ReviewTask, Role, User

router = APIRouter(include_in_schema=False)


def case_context(session: Session, case: Case) -> dict[str, Any]:
    """The case's returns, the one it waits on (if any), and each return by its id (the
    desk marks a supplement page with the return its submission answers)."""
    found = returns.returns_of(session, case)
    waiting = returns.waiting_on(session, case)
    waiting_id = waiting.id if waiting is not None else None
    return {
        "returns": found,
        "waiting_return": next((r for r in found if r.suspension_id == waiting_id), None),
        "return_of": {r.suspension_id: r for r in found},
    }


def desk_list(session: Session, user: User) -> list[tuple[Case, returns.InformationReturn]]:
    """The cases in review the reviewer's department returned for information: waiting, or
    answered and back on the desk (the latest return of each)."""
    query = (
        select(Case)
        .join(ClockSuspension, ClockSuspension.case_id == Case.id)
        .join(Decision, Decision.id == ClockSuspension.decision_id)
        .join(ReviewTask, ReviewTask.id == Decision.task_id)
        .where(Case.status.in_((CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL)))
        .where(scope.visible_cases(user))
        .order_by(Case.id)
        .distinct()
        .limit(50)
    )
    if user.role != Role.ADMIN:
        query = query.where(ReviewTask.department_id == user.department_id)
    rows = []
    for case in session.scalars(query):
        found = returns.returns_of(session, case)
        if found:
            rows.append((case, found[-1]))
    return rows


@router.post("/desk/cases/{number}/return")
def return_for_information(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ReviewerPage,
    comment: Annotated[str, Form(max_length=2000)] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """退回补充说明: the clock stops until the window records the applicant's answer."""
    check_csrf(request, csrf)
    case = load_case(session, user, number)
    review.act(session, hall, case, actor=user, outcome=Outcome.RETURN, comment=comment)
    return see_other(f"/desk/cases/{number}")


@router.post("/counter/cases/{number}/information-supplied")
def information_supplied(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ClerkPage,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """补充材料已收齐: the supplementary pages are read now, then the clock runs again."""
    check_csrf(request, csrf)
    _supplied(session, hall, user, number)
    return see_other(f"/counter/cases/{number}#returns")


@router.post("/desk/cases/{number}/information-supplied")
def information_supplied_at_the_desk(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ReviewerPage,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """The applicant answered the department directly (by post, in person)."""
    check_csrf(request, csrf)
    _supplied(session, hall, user, number)
    return see_other(f"/desk/cases/{number}")


def _supplied(session: Session, hall: Hall, user: User, number: str) -> None:
    case = load_case(session, user, number)
    case_id = case.id
    if returns.waiting_on(session, case) is None:
        raise InvalidState(
            f"case {number} is not waiting for information",
            f"办件 {number} 未被退回补充说明,无需恢复计时",
        )
    intake.read_queued(hall, case_id=case_id)  # the desk sees the answer read
    session.expire_all()
    case = session.get_one(Case, case_id)
    review.information_supplied(session, case, actor=user)
