"""Taking part in a joint case (联合办理): what the departments of a route read, and when.

The departments on a joint item's route that are not its lead get no grant rows. Their
access is worked out at every read from two facts the database already holds: the route's
task rows (a task of the department on the case) and the case's state. While the case is
with the departments (`models.IN_REVIEW`) they open the case, its pages and its
materials; once it ends (issued, denied, rejected, terminated, or any state not listed
as in review) that access is gone at the same moment, with no job to run and no end date
to keep in step with the case.

What a department keeps after the end is the result its opinion went into: a department
that gave an opinion (approve or deny) on its step still reads the case's e-license or
不予许可决定书 (审批结果…归集入库,实行数据共享), never the applicant's materials again.
A department whose step was skipped, or that only asked for information, gave no
opinion and keeps nothing. The lead department owns the case and keeps it, as every
department keeps its own cases.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import (
    IN_REVIEW,
    Case,
    Decision,
    DecisionDocument,
    License,
    Outcome,
    ReviewTask,
    TaskKind,
)

# the archived documents of a case that are its result, not the applicant's materials
RESULT_CLASSES = ("license", "license_metadata", "decision")
OPINIONS = (Outcome.APPROVE.value, Outcome.DENY.value)


def on_route_in_review(session: Session, *, case_id: int, department_id: int | None) -> bool:
    """The department has a task on the case's route, and the case is still in review."""
    if department_id is None:
        return False
    query = (
        select(ReviewTask.id)
        .join(Case, Case.id == ReviewTask.case_id)
        .where(
            ReviewTask.case_id == case_id,
            ReviewTask.department_id == department_id,
            Case.status.in_(IN_REVIEW),
        )
        .limit(1)
    )
    return session.scalar(query) is not None


def gave_opinion(session: Session, *, case_id: int, department_id: int | None) -> bool:
    """The department approved or denied on a step of the case's joint route."""
    if department_id is None:
        return False
    query = (
        select(Decision.id)
        .join(ReviewTask, ReviewTask.id == Decision.task_id)
        .where(
            Decision.case_id == case_id,
            ReviewTask.department_id == department_id,
            ReviewTask.kind == TaskKind.REVIEW,
            Decision.outcome.in_(OPINIONS),
        )
        .limit(1)
    )
    return session.scalar(query) is not None


@dataclass(frozen=True)
class ContributedResult:
    case: Case
    license: License | None
    decision_document: DecisionDocument | None


def results_contributed_to(
    session: Session, *, department_id: int | None, limit: int = 50
) -> list[ContributedResult]:
    """The ended joint cases of other departments on which `department_id` gave an
    opinion, newest first, with the result it may still read."""
    if department_id is None:
        return []
    opined = (
        select(Decision.case_id)
        .join(ReviewTask, ReviewTask.id == Decision.task_id)
        .where(
            ReviewTask.department_id == department_id,
            ReviewTask.kind == TaskKind.REVIEW,
            Decision.outcome.in_(OPINIONS),
        )
    )
    rows = session.execute(
        select(Case, License, DecisionDocument)
        .outerjoin(License, License.case_id == Case.id)
        .outerjoin(DecisionDocument, DecisionDocument.case_id == Case.id)
        .where(
            Case.id.in_(opined),
            Case.department_id != department_id,
            Case.status.not_in(IN_REVIEW),
            or_(License.id.is_not(None), DecisionDocument.id.is_not(None)),
        )
        .order_by(Case.id.desc(), License.version.desc())
        .limit(limit * 2)
    )
    latest: dict[int, ContributedResult] = {}  # a changed license: its newest version
    for case, license_, document in rows:
        latest.setdefault(case.id, ContributedResult(case, license_, document))
    return list(latest.values())[:limit]
