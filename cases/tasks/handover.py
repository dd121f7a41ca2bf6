"""Paper handover (交接签收): the window hands a case's paper materials to each department
on its route, and each department hands its result back to the window. Every handover is
signed for by a named person at a recorded time, so a lost folder has a last holder.

A 跨域通办 case's paper leaves its hall: a banner window sends it to a league department
(`cross_hall`), with the courier's waybill or the confidential exchange's batch number
(`transit`); the department signs for it on arrival, and the result comes back to the
window that accepted the case, where only that hall's clerks sign for it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.accounts import require_role
from cases.errors import Forbidden, InvalidInput, InvalidState, NotFound
from cases.records import scope
from cases.tasks import routing
from models import (
    Case,
    CaseStatus,
    Department,
    Handover,
    HandoverDirection,
    Material,
    Role,
    User,
)


def cross_hall(session: Session, handover: Handover) -> bool:
    """The paper travels between two halls (the case's and the department's)."""
    case = session.get_one(Case, handover.case_id)
    department = session.get_one(Department, handover.department_id)
    return department.hall_id is not None and department.hall_id != case.hall_id


def hand_over_materials(
    session: Session, case: Case, *, actor: User, transit: str = ""
) -> list[Handover]:
    """One handover per department of the case's route, listing the paper materials in;
    while the departments review it (the paper of a decided or ended case stays with the
    window's file). `transit`: the waybill or batch the paper leaves the hall in, for the
    departments of other halls."""
    require_role(actor, Role.CLERK)
    transit = transit.strip()
    if len(transit) > 64:
        raise InvalidInput(
            "the waybill or batch number has at most 64 characters",
            "运单号或交接批次号最多 64 个字符",
        )
    if case.status not in (CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL):
        raise InvalidState(
            f"case {case.number} is {case.status}, not in review; its paper stays at the window",
            f"办件 {case.number} 当前状态为 {case.status},不在审批环节,纸质材料无需移交",
        )
    newest: dict[str, Material] = {}
    for m in session.scalars(
        select(Material).where(Material.case_id == case.id).order_by(Material.id)
    ):
        newest[m.code] = m
    materials = sorted(code for code, m in newest.items() if m.state == "present")
    departments = sorted({t.department_id for t in routing.tasks_of(session, case)})
    if not departments:
        raise InvalidState(
            f"case {case.number} has not been routed to a department",
            f"办件 {case.number} 尚未分送部门,不能移交材料",
        )
    done = []
    for department_id in departments:
        handover = Handover(
            case_id=case.id,
            direction=HandoverDirection.TO_DEPARTMENT,
            department_id=department_id,
            window_id=case.window_id,
            items=materials,
            handed_by_id=actor.id,
        )
        if cross_hall(session, handover):
            handover.transit = transit
        session.add(handover)
        done.append(handover)
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="handover.materials",
        target=f"case:{case.id}",
        handovers=[h.id for h in done],
        materials=materials,
        transit=transit or None,
    )
    return done


def sign_for(session: Session, handover_id: int, *, actor: User) -> Handover:
    """签收: the receiving side confirms; a department's reviewer signs for paper sent to
    the department, a window clerk for results sent to the window."""
    handover = session.get(Handover, handover_id)
    # another hall's clerk may not sign for this hall's paper: its case is not theirs
    if handover is None or not scope.sees(session, actor, session.get_one(Case, handover.case_id)):
        raise NotFound(f"no handover {handover_id}", f"交接记录 {handover_id} 不存在")
    if handover.received_at is not None:
        raise InvalidState("this handover was already signed for", "该交接记录已签收")
    if handover.direction == HandoverDirection.TO_DEPARTMENT:
        require_role(actor, Role.REVIEWER)
        if actor.role == Role.REVIEWER and actor.department_id != handover.department_id:
            raise Forbidden("addressed to another department", "该交接单不是移交给您所在部门的")
    else:
        require_role(actor, Role.CLERK)
    handover.received_by_id, handover.received_at = actor.id, datetime.now(UTC)
    audit.record(
        session,
        actor=actor.username,
        action="handover.signed",
        target=f"case:{handover.case_id}",
        handover=handover.id,
        direction=handover.direction,
    )
    session.flush()
    return handover


def handovers_of(session: Session, case: Case) -> list[Handover]:
    return list(
        session.scalars(select(Handover).where(Handover.case_id == case.id).order_by(Handover.id))
    )
