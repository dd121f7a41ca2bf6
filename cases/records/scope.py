"""Which cases a staff member sees: the one rule every case read and every staff listing
goes through (many halls, one deployment).

Staff work for one hall (`User.hall_id`) or, for a league administrator, for the league
(no hall). A hall's staff see:

- the cases their hall accepted (受理大厅);
- the cases of their own department, and those whose route gives their department a task,
  whatever hall accepted them: a league department decides a banner hall's 跨域通办 case;
- one case of another hall opened to them by an active grant (`ShareGrant` to their hall,
  or to their department), for reading only: acting on it stays with its own hall.

A case outside that is answered exactly as a case that does not exist (`NotFound`, same
words), so a number typed at one hall says nothing about another hall's applicants. Within
what a hall sees, department rules still apply on top (`cases.tasks.routing`,
`cases.records.participation`).

Whether a request only reads is the caller's to say once per transaction
(`Session.info[READING]`, set by the API for GET and HEAD); without it a grant opens
nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select, true
from sqlalchemy.orm import Session

from cases.errors import NotFound
from models import Case, ReviewTask, ShareGrant, User, utcnow

READING = "scope.reading"  # Session.info: this transaction only reads


def case_not_found(number: str) -> NotFound:
    """The answer for a case number nobody here may see, or that does not exist."""
    return NotFound(f"no case {number!r}", f"办件 {number!r} 不存在")


def visible_cases(user: User) -> ColumnElement[bool]:
    """The cases `user` works on, as a condition on `Case` for listings (queues, searches,
    statistics): their hall's, their department's and those on their department's route.
    Grants open a case by its number, they do not put it in another hall's queues."""
    if user.hall_id is None:
        return true()
    conditions: list[ColumnElement[bool]] = [Case.hall_id == user.hall_id]
    if user.department_id is not None:
        conditions.append(Case.department_id == user.department_id)
        routed = select(ReviewTask.case_id).where(ReviewTask.department_id == user.department_id)
        conditions.append(Case.id.in_(routed))
    return or_(*conditions)


def _granted(session: Session, user: User, case: Case, now: datetime) -> bool:
    grantee = [ShareGrant.grantee_hall_id == user.hall_id]
    if user.department_id is not None:
        grantee.append(ShareGrant.grantee_department_id == user.department_id)
    found = session.scalar(
        select(ShareGrant.id)
        .where(
            ShareGrant.case_id == case.id,
            or_(*grantee),
            and_(
                ShareGrant.revoked_at.is_(None),
                ShareGrant.valid_from <= now,
                ShareGrant.valid_until > now,
            ),
        )
        .limit(1)
    )
    return found is not None


def sees(session: Session, user: User, case: Case, *, now: datetime | None = None) -> bool:
    """Whether `user` may open `case` at all (see the module's rules)."""
    if user.hall_id is None or case.hall_id == user.hall_id:
        return True
    if user.department_id is not None:
        if case.department_id == user.department_id:
            return True
        routed = session.scalar(
            select(ReviewTask.id)
            .where(ReviewTask.case_id == case.id, ReviewTask.department_id == user.department_id)
            .limit(1)
        )
        if routed is not None:
            return True
    return bool(session.info.get(READING)) and _granted(session, user, case, now or utcnow())


def require_visible(session: Session, user: User, case: Case) -> None:
    """`NotFound`, worded as for a number that does not exist, unless `user` sees `case`."""
    if not sees(session, user, case):
        raise case_not_found(case.number)
