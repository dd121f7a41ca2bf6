"""即办件: an immediate item is accepted, decided and issued at the window in one visit.

The department's decision is taken by the window's clerk under the department's seal-use
delegation to that window (授权委托书, `cases.seals.delegations.grant_window_seal_use`):
the acceptance notice carries the window's seal, the e-license the department's seal, and
the case goes straight to `issued`, its result at the window for handout. No department
task waits on a desk: the final task is recorded and closed at once, with the clerk's
decision on it, so supervision counts the case as decided on the day and the deadline scan
never sees it.

受理与审批相分离 does not apply to an immediate item: the department delegated the decision
to the window, and the audit trail says so (`case.immediate_issue` names the delegation).
What keeps it honest is the refusal of anything less than a clean check — a finding the
clerk set aside by an override sends the case to the department like any other.

One service function, `issue_at_window`, so the API, the counter page and the lifecycle's
state-machine test take the same path. Callers read the case's queued pages first
(`cases.intake.pages.read_queued`), as for `counter.decide`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from cases import audit
from cases.acceptance import counter
from cases.acceptance.immediate import require_immediate
from cases.catalog.publish import case_spec
from cases.delivery import handout as delivery
from cases.errors import Forbidden
from cases.hall import Hall
from cases.platform import records as exchange
from cases.results.licenses import issue_license
from cases.seals.delegations import window_seal_delegation
from models import (
    Case,
    CaseStatus,
    Decision,
    Delegation,
    Delivery,
    License,
    Notice,
    Outcome,
    ReviewTask,
    Role,
    TaskKind,
    TaskStatus,
    User,
    Window,
)


class NotAtWindow(Forbidden):
    code = "immediate.not_at_window"


@dataclass(frozen=True)
class ImmediateResult:
    notice: Notice  # 受理通知书, window seal
    license: License  # 电子证照, the department's seal under `delegation`
    delegation: Delegation
    delivery: Delivery  # the result at the window, ready for handout


def _window_of(actor: User) -> Window:
    if actor.role != Role.CLERK or actor.window is None:
        raise NotAtWindow(
            f"{actor.username} is not a clerk at a window; an immediate item is decided by "
            "the clerk of a window the department has authorised",
            f"{actor.username} 不是综合受理窗口的工作人员;即办件须由部门授权的窗口当场办结",
        )
    return actor.window


def window_delegation(
    session: Session, case: Case, actor: User, today: date | None = None
) -> Delegation:
    """The delegation under which `actor` may decide `case` on the spot, or a refusal
    (not an immediate item, not a clerk at a window, no valid delegation) saying why."""
    require_immediate(case_spec(case))
    return window_seal_delegation(
        session,
        window=_window_of(actor),
        department=case.department,
        item_code=case.item.code,
        today=today or date.today(),
    )


def issue_at_window(
    session: Session, hall: Hall, case: Case, *, actor: User, today: date | None = None
) -> ImmediateResult:
    """当场办结: accept on a clean check, seal the license under the window's delegation,
    and put the result at the window. Refused, with nothing written, without a valid
    delegation or with any finding."""
    today = today or date.today()
    delegation = window_delegation(session, case, actor, today)
    notice = counter.decide(session, hall, case, actor=actor, today=today, immediate=True)
    now = datetime.now(UTC)
    task = ReviewTask(
        case_id=case.id,
        department_id=case.department_id,
        step=1,
        kind=TaskKind.FINAL.value,
        status=TaskStatus.DONE,
        opened_at=now,
        done_at=now,
        due_on=case.due_on,
    )
    session.add(task)
    session.flush()
    comment = f"即办件,窗口依授权委托书(第 {delegation.id} 号)当场办结"
    session.add(
        Decision(
            case_id=case.id,
            task_id=task.id,
            user_id=actor.id,
            outcome=Outcome.APPROVE.value,
            comment=comment,
        )
    )
    case.status = CaseStatus.APPROVED
    session.flush()
    license_ = issue_license(session, hall, case, actor=actor)
    case.status = CaseStatus.ISSUED
    ready = delivery.result_ready(session, case, license_, actor=actor, handover=False)
    exchange.concluded(
        session,
        case,
        handled_by=actor.display_name,
        license_=license_,
        opinion=comment,
        immediate=True,
    )
    audit.record(
        session,
        actor=actor.username,
        action="case.immediate_issue",
        target=f"case:{case.id}",
        window=_window_of(actor).code,
        delegation=delegation.id,
        department=case.department_id,
        notice=notice.number,
        license=license_.number,
        task=task.id,
        separation_of_duties="waived: the department delegated the decision to the window",
    )
    return ImmediateResult(notice=notice, license=license_, delegation=delegation, delivery=ready)


__all__ = ["ImmediateResult", "NotAtWindow", "issue_at_window", "window_delegation"]
