"""Conditional cases (容缺受理): pending materials, reminders, 超期处理 and the delivery gate.

The seed: results of a conditional case are handed out only once the applicant has
supplied every pending material (对实行容缺办理的申请事项,待申请人补齐相关材料后,按要求
发放办理结果). `delivery_allowed` is the one question the delivery desk asks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive import ObjectStore
from cases import audit
from cases.acceptance.checklist import FindingKind
from cases.acceptance.counter import check_case
from cases.catalog.publish import case_spec
from cases.errors import InvalidState
from cases.intake.pages import pending_codes
from cases.platform import records as exchange
from cases.printing.documents import zh_date
from cases.tasks.routing import tasks_of
from models import Case, CaseStatus, Material, TaskStatus, User

log = logging.getLogger(__name__)

_SYSTEM = "system"
# a case whose 容缺 materials still count: it takes them, or is ended for their lack
OPEN_FOR_PENDING = (
    CaseStatus.CONDITIONAL,
    CaseStatus.ACCEPTED,
    CaseStatus.APPROVED,
    CaseStatus.ISSUED,
)


def outstanding(session: Session, case: Case) -> list[str]:
    """Codes of the materials still pending (intake asks the same before taking a supplement)."""
    return pending_codes(session, case)


def delivery_allowed(session: Session, case: Case) -> tuple[bool, str]:
    """May the results of this case be handed out? (False, reason in Chinese) if not."""
    if case.status == CaseStatus.TERMINATED:
        return False, f"办件 {case.number} 因逾期未补齐容缺材料已终止办理,办理结果不予发放"
    codes = outstanding(session, case)
    if codes:
        spec = case_spec(case)
        names = "、".join(m.name if (m := spec.material(c)) else c for c in codes)
        due = f",补齐期限{zh_date(case.pending_due_on)}" if case.pending_due_on else ""
        return False, f"容缺材料尚未补齐({names}{due}),补齐后方可发放办理结果"
    return True, ""


def supply(
    session: Session,
    case: Case,
    *,
    actor: User,
    store: ObjectStore | None = None,
    today: date | None = None,
) -> list[str]:
    """Take the pending materials the applicant brought (pages already added and read):
    each pending material now present without a fault is recorded as supplied. Returns
    the codes still outstanding; when none is left a conditional case becomes accepted."""
    if case.status not in OPEN_FOR_PENDING:
        raise InvalidState(
            f"case {case.number} is {case.status}; it takes no more materials",
            f"办件 {case.number} 当前状态为 {case.status},不再收取容缺材料",
        )
    codes = outstanding(session, case)
    if not codes:
        raise InvalidState(
            f"case {case.number} has no pending material", f"办件 {case.number} 没有待补的容缺材料"
        )
    result = check_case(session, case, store, today=today)
    groups = {r.code: r.alternative for r in result.expected}
    faulty = {f.material_code for f in result.findings if f.kind is not FindingKind.MISSING}
    submission = case.submissions[-1]
    supplied = []
    for code in codes:
        members = [c for c, g in groups.items() if c == code or (g and g == groups.get(code))]
        found = [c for c in members if c in result.present and c not in faulty]
        if found:
            supplied.append(code)
            pages = [p for c in found for p in result.present[c]]
            session.add(
                Material(
                    case_id=case.id,
                    submission_id=submission.id,
                    code=code,
                    state="present",
                    page_ids=pages,
                )
            )
    session.flush()
    left = [c for c in codes if c not in supplied]
    if not left and case.status == CaseStatus.CONDITIONAL:
        case.status = CaseStatus.ACCEPTED
    audit.record(
        session,
        actor=actor.username,
        action="case.pending_supplied",
        target=f"case:{case.id}",
        supplied=supplied,
        outstanding=left,
    )
    exchange.stage(
        session,
        case,
        exchange.Stage.PENDING_SUPPLIED,
        handled_by=actor.display_name,
        opinion=f"补齐:{'、'.join(_names(case, tuple(supplied))) or '无'};"
        f"尚缺:{'、'.join(_names(case, tuple(left))) or '无'}",
    )
    return left


@dataclass(frozen=True)
class Reminder:
    case_id: int
    case_number: str
    due_on: date
    materials: tuple[str, ...]  # names of the outstanding materials
    rule: str  # the item's 超期处理 rule, told to the applicant


@dataclass(frozen=True)
class Overdue:
    case_id: int
    case_number: str
    due_on: date
    materials: tuple[str, ...]  # names of the materials that did not come
    revoke: bool  # a result had been issued and is to be revoked


def reminders_due(session: Session, *, today: date | None = None) -> list[Reminder]:
    """Cases to remind once, `reminder_days` before the deadline, of their pending
    materials; records the reminder so it is not sent twice. The SMS itself is sent by
    `cases.delivery.pending_notices` (delivery builds on this stage, not the reverse)."""
    today = today or date.today()
    out = []
    for case in _with_pending(session):
        spec = case_spec(case)
        due = case.pending_due_on
        if due is None or case.pending_reminded_on is not None or due < today:
            continue
        if due - today > timedelta(days=spec.reminder_days):
            continue
        codes = tuple(outstanding(session, case))
        if not codes:
            continue
        case.pending_reminded_on = today
        out.append(Reminder(case.id, case.number, due, _names(case, codes), spec.overdue.text))
        audit.record(
            session, actor=_SYSTEM, action="case.pending_reminder", target=f"case:{case.id}"
        )
    session.flush()
    return out


def process_overdue(session: Session, *, today: date | None = None) -> list[Overdue]:
    """超期处理: apply each item's rule to cases whose pending materials are late.
    `terminate` ends the case; `revoke` also asks for the result to be revoked if one was
    issued (the license desk acts on the audited request). Returns the cases handled."""
    today = today or date.today()
    handled = []
    for case in _with_pending(session):
        if case.pending_due_on is None or case.pending_due_on >= today:
            continue
        codes = outstanding(session, case)
        if not codes:
            continue
        spec = case_spec(case)
        issued = case.status in (CaseStatus.APPROVED, CaseStatus.ISSUED)
        revoke = spec.overdue.action == "revoke" and issued
        action = "case.overdue_revoke" if revoke else "case.overdue_terminate"
        case.status = CaseStatus.TERMINATED
        for task in tasks_of(session, case):  # no department works on an ended case
            if task.status in (TaskStatus.OPEN, TaskStatus.WAITING):
                task.status = TaskStatus.SKIPPED
        handled.append(
            Overdue(case.id, case.number, case.pending_due_on, _names(case, codes), revoke)
        )
        log.info("case %s: pending materials overdue, %s", case.number, action)
        audit.record(
            session,
            actor=_SYSTEM,
            action=action,
            target=f"case:{case.id}",
            due_on=case.pending_due_on,
            rule=spec.overdue.text,
        )
        exchange.stage(
            session, case, exchange.Stage.TERMINATION, handled_by="系统", opinion=spec.overdue.text
        )
    session.flush()
    return handled


def _names(case: Case, codes: Iterable[str]) -> tuple[str, ...]:
    spec = case_spec(case)
    return tuple(m.name if (m := spec.material(c)) else c for c in codes)


def _with_pending(session: Session) -> list[Case]:
    return list(
        session.scalars(
            select(Case)
            .where(Case.pending_due_on.is_not(None), Case.status.in_(OPEN_FOR_PENDING))
            .order_by(Case.id)
        )
    )


__all__ = [
    "Overdue",
    "Reminder",
    "delivery_allowed",
    "outstanding",
    "process_overdue",
    "reminders_due",
    "supply",
]
