"""The one-time rule (一次告知): a later correction notice may only list what the first
one listed, or what concerns pages handed in since. Anything else is flagged, audited and
counted, because it means the applicant was sent home twice for something one look could
have seen.
"""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cases import audit
from cases.acceptance.checklist import Finding
from models import Case, Deficiency, Notice, NoticeKind, Page, Submission, User

log = logging.getLogger(__name__)


def record_deficiencies(
    session: Session,
    case: Case,
    submission: Submission,
    findings: tuple[Finding, ...],
    *,
    actor: User,
) -> None:
    """Record this notice's deficiencies, flagging those the first notice should have
    listed: not listed before, and not about a page handed in since (一次告知)."""
    earlier = list(
        session.scalars(
            select(Deficiency).where(
                Deficiency.case_id == case.id, Deficiency.submission_id != submission.id
            )
        )
    )
    listed = {f"{d.material_code}:{d.kind}" for d in earlier}
    new_pages = set(session.scalars(select(Page.id).where(Page.submission_id == submission.id)))
    violations = []
    for f in findings:
        violation = bool(earlier) and f.key not in listed and f.page_id not in new_pages
        if violation:
            violations.append(f.key)
        session.add(
            Deficiency(
                case_id=case.id,
                submission_id=submission.id,
                material_code=f.material_code or "-",
                kind=f.kind,
                message=f.message,
                page_id=f.page_id,
                one_time_violation=violation if earlier else None,
            )
        )
    if violations:
        log.warning(
            "case %s: correction lists %d item(s) the first notice missed",
            case.number,
            len(violations),
        )
        audit.record(
            session,
            actor=actor.username,
            action="case.one_time_violation",
            target=f"case:{case.id}",
            findings=violations,
        )


def one_time_report(session: Session) -> dict[str, int]:
    """The 一次告知 metric: cases sent home more than once, and deficiencies that the
    first notice should already have listed."""
    per_case = (
        select(Notice.case_id)
        .where(Notice.kind == NoticeKind.CORRECTION.value)
        .group_by(Notice.case_id)
        .having(func.count() > 1)
        .subquery()
    )
    repeat = session.scalar(select(func.count()).select_from(per_case)) or 0
    flagged = session.scalar(
        select(func.count()).select_from(Deficiency).where(Deficiency.one_time_violation.is_(True))
    )
    cases = session.scalar(
        select(func.count(func.distinct(Deficiency.case_id))).where(
            Deficiency.one_time_violation.is_(True)
        )
    )
    return {
        "repeat_corrections": int(repeat),
        "one_time_violations": int(flagged or 0),
        "cases_with_violations": int(cases or 0),
    }
