"""Paper handover (交接签收) in the browser: the counter hands a case's paper to the
departments on its route and signs for results coming back; a department signs for the
paper on /desk. The rules are `cases.tasks.handover`'s; these pages only show and post."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import SessionDep, load_case
from api.ids import RowId
from api.web.auth import ClerkPage, WebUser, check_csrf
from api.web.templating import see_other
from cases.catalog.publish import case_spec
from cases.catalog.spec import ItemSpec
from cases.tasks import handover, routing
from models import (
    Case,
    CaseStatus,
    Department,
    Handover,
    HandoverDirection,
    Role,
    TaskStatus,
    User,
)

router = APIRouter(include_in_schema=False)

_IN_REVIEW = (CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL)


@dataclass(frozen=True)
class HandoverRow:
    """One handover as a person reads it: names, not codes and ids."""

    id: int
    case_number: str
    to_department: bool  # paper from the window, else a result back to the window
    department: str
    items: tuple[str, ...]
    handed_by: str
    handed_at: datetime | None
    received_by: str | None
    received_at: datetime | None


def rows_of(session: Session, case: Case, handovers: list[Handover]) -> list[HandoverRow]:
    spec = case_spec(case)
    people = _people(session, {h.handed_by_id for h in handovers} | _receivers(handovers))
    departments = _departments(session, {h.department_id for h in handovers})
    return [
        HandoverRow(
            id=h.id,
            case_number=case.number,
            to_department=h.direction == HandoverDirection.TO_DEPARTMENT,
            department=departments.get(h.department_id, ""),
            items=tuple(_item_name(spec, item) for item in h.items),
            handed_by=people.get(h.handed_by_id, ""),
            handed_at=h.created_at,
            received_by=people.get(h.received_by_id) if h.received_by_id else None,
            received_at=h.received_at,
        )
        for h in handovers
    ]


def counter_context(session: Session, case: Case) -> dict[str, Any]:
    """The case's handovers at the counter, and whether its paper may be handed over now
    (in review and routed; again after a supplement, which is paper too)."""
    found = handover.handovers_of(session, case)
    routed = any(
        t.status in (TaskStatus.OPEN, TaskStatus.WAITING) for t in routing.tasks_of(session, case)
    )
    return {
        "handovers": rows_of(session, case, found),
        "may_hand_over": case.status in _IN_REVIEW and routed,
        "handed_over_before": any(h.direction == HandoverDirection.TO_DEPARTMENT for h in found),
    }


def desk_case_context(session: Session, case: Case, user: User) -> dict[str, Any]:
    """The case's paper addressed to the reviewer's department (all of it for an admin)."""
    found = [
        h
        for h in handover.handovers_of(session, case)
        if h.direction == HandoverDirection.TO_DEPARTMENT
        and (user.role == Role.ADMIN or h.department_id == user.department_id)
    ]
    return {"handovers": rows_of(session, case, found)}


def unsigned_for(session: Session, user: User) -> list[HandoverRow]:
    """Paper handed to the reviewer's department and not yet signed for, oldest first."""
    query = (
        select(Handover)
        .where(
            Handover.direction == HandoverDirection.TO_DEPARTMENT,
            Handover.received_at.is_(None),
        )
        .order_by(Handover.id)
    )
    if user.role != Role.ADMIN:
        query = query.where(Handover.department_id == user.department_id)
    rows: list[HandoverRow] = []
    for h in session.scalars(query.limit(50)):
        case = session.get_one(Case, h.case_id)
        rows.extend(rows_of(session, case, [h]))
    return rows


@router.post("/counter/cases/{number}/handovers")
def hand_over(
    number: str,
    request: Request,
    session: SessionDep,
    user: ClerkPage,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """移交: one handover per department of the route, listing the paper now in the case."""
    check_csrf(request, csrf)
    case = load_case(session, user, number)
    handover.hand_over_materials(session, case, actor=user)
    return see_other(f"/counter/cases/{number}#handovers")


@router.post("/web/handovers/{handover_id}/sign")
def sign(
    handover_id: RowId,
    request: Request,
    session: SessionDep,
    user: WebUser,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """签收 by the receiving side (the domain checks who may): a department's reviewer for
    paper, a window clerk for a result; back to the page where that person works."""
    check_csrf(request, csrf)
    signed = handover.sign_for(session, handover_id, actor=user)
    case = session.get_one(Case, signed.case_id)
    if user.role == Role.CLERK:
        return see_other(f"/counter/cases/{case.number}#handovers")
    return see_other(f"/desk/cases/{case.number}#handovers")


def _item_name(spec: ItemSpec, item: str) -> str:
    kind, _, ref = item.partition(":")
    if kind == "license" and ref:
        return f"电子证照 {ref}"
    if kind == "decision" and ref:
        return f"决定文书 {ref}"
    material = spec.material(item)
    return material.name if material is not None else item


def _receivers(handovers: list[Handover]) -> set[int]:
    return {h.received_by_id for h in handovers if h.received_by_id is not None}


def _people(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    return {row_id: name for row_id, name in rows}


def _departments(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(select(Department.id, Department.name).where(Department.id.in_(ids)))
    return {row_id: name for row_id, name in rows}
