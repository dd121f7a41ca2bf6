"""Returns for information (退回补充说明): a department stops a case's clock to ask the
applicant for more; the answer comes in as a supplement submission (the same mechanism as
the 容缺 supplements) and 'information supplied' runs the clock again.

A case waits for information while a clock suspension started by a return runs. This is
the one definition: intake asks it before taking a page into a case in review, the
counter and the desk ask it to show the return and its answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    Case,
    CaseStatus,
    ClockSuspension,
    Decision,
    Department,
    Page,
    ReviewTask,
    Submission,
    User,
)

# a return is asked and answered while the case is in review
_IN_REVIEW = (CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL)


@dataclass(frozen=True)
class InformationReturn:
    """One return for information as the window and the desk show it."""

    suspension_id: int
    department: str  # who asked
    reviewer: str
    comment: str  # what was asked for
    returned_at: datetime | None
    started_on: date
    ended_on: date | None  # information supplied (or decided): None while it waits
    days_added: int  # working days the due date moved
    page_ids: tuple[int, ...]  # the supplement pages that answer it
    page_seqs: tuple[int, ...]  # the same pages' numbers in the case

    @property
    def waiting(self) -> bool:
        return self.ended_on is None


def waiting_on(session: Session, case: Case) -> ClockSuspension | None:
    """The running suspension of a return for information, when the case is in review and
    waits for the applicant's answer; None otherwise."""
    if case.status not in _IN_REVIEW:
        return None
    return session.scalars(
        select(ClockSuspension).where(
            ClockSuspension.case_id == case.id,
            ClockSuspension.ended_on.is_(None),
            ClockSuspension.decision_id.is_not(None),
        )
    ).first()


def answer_pages(session: Session, suspension: ClockSuspension) -> list[int]:
    """The pages of the supplement submissions that answer this return."""
    return list(
        session.scalars(
            select(Page.id)
            .join(Submission, Submission.id == Page.submission_id)
            .where(Submission.suspension_id == suspension.id)
            .order_by(Page.seq)
        )
    )


def returns_of(session: Session, case: Case) -> list[InformationReturn]:
    """Every return for information of the case, oldest first, with its answer's pages."""
    rows = session.execute(
        select(ClockSuspension, Decision, User, Department)
        .join(Decision, Decision.id == ClockSuspension.decision_id)
        .join(User, User.id == Decision.user_id)
        .join(ReviewTask, ReviewTask.id == Decision.task_id)
        .join(Department, Department.id == ReviewTask.department_id)
        .where(ClockSuspension.case_id == case.id)
        .order_by(ClockSuspension.id)
    ).all()
    pages: dict[int | None, list[tuple[int, int]]] = {}
    for suspension_id, page_id, seq in session.execute(
        select(Submission.suspension_id, Page.id, Page.seq)
        .join(Page, Page.submission_id == Submission.id)
        .where(Submission.case_id == case.id, Submission.suspension_id.is_not(None))
        .order_by(Page.seq)
    ):
        pages.setdefault(suspension_id, []).append((page_id, seq))
    return [
        InformationReturn(
            suspension_id=suspension.id,
            department=department.name,
            reviewer=user.display_name,
            comment=decision.comment,
            returned_at=decision.created_at,
            started_on=suspension.started_on,
            ended_on=suspension.ended_on,
            days_added=suspension.days_added,
            page_ids=tuple(p for p, _ in pages.get(suspension.id, ())),
            page_seqs=tuple(q for _, q in pages.get(suspension.id, ())),
        )
        for suspension, decision, user, department in rows
    ]


__all__ = ["InformationReturn", "answer_pages", "returns_of", "waiting_on"]
