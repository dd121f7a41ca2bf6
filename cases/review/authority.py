"""Who may decide a case: the chief representative (首席代表), and never its acceptor.

The reform notice has each department name its chief representative in the hall and give
them, by a 授权委托书, "审批决定权 … 和电子印章使用权": the final decision and the seal go
together. So the chief representative is whoever the department's seal-use delegation
covers today (`cases.seals.delegations`): a delegation to a named person makes that person
the chief representative; a department-wide one (the development hall's) covers every
reviewer of the department. An administrator is covered only by a delegation naming them.

"受理与审批相分离": whoever accepted a case at the window (its acceptance notice, or an
override of the check) does not decide it, whatever their role.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.errors import Forbidden
from cases.seals.delegations import SealUseRefused, authorise_seal_use
from cases.seals.registry import seal_for
from models import AuditEvent, Case, User

ACCEPTING = ("case.acceptance", "case.conditional_acceptance", "case.override")


class NotChiefRepresentative(Forbidden):
    code = "review.not_chief_representative"


class SeparationOfDuties(Forbidden):
    code = "review.separation_of_duties"


def acceptors(session: Session, case: Case) -> set[str]:
    """The usernames that accepted the case (or overrode its check) at the window."""
    return set(
        session.scalars(
            select(AuditEvent.actor).where(
                AuditEvent.target == f"case:{case.id}", AuditEvent.action.in_(ACCEPTING)
            )
        )
    )


def require_not_acceptor(session: Session, case: Case, actor: User) -> None:
    if actor.username in acceptors(session, case):
        raise SeparationOfDuties(
            f"you accepted case {case.number} at the window; under the separation of "
            "acceptance and approval someone else must decide it",
            f"您在窗口受理了办件 {case.number},按照“受理与审批相分离”的原则,"
            "不能再审批该办件,请由本部门首席代表审批",
        )


def require_chief_representative(
    session: Session, case: Case, actor: User, today: date | None = None
) -> str:
    """What makes `actor` the chief representative of the case's department today (the
    delegation), or raise NotChiefRepresentative."""
    seal = seal_for(session, department_id=case.department_id)
    try:
        return authorise_seal_use(
            session, seal=seal, username=actor.username, today=today or date.today()
        )
    except SealUseRefused as e:
        raise NotChiefRepresentative(
            "only the department's chief representative, who holds its seal-use delegation, "
            f"makes the final decision on case {case.number} ({e.en})",
            f"只有持本部门印章使用授权委托书的首席代表才能对办件 {case.number} "
            f"作出最终决定({e.zh})",
        ) from e
