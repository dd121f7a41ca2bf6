"""The public progress page a notice's QR code opens (办件进度查询).

Who may see a case's progress: whoever holds the notice (its QR link carries the hall's
signed payload for that case, `cases.seals.links`), or whoever knows the case number and
the last four characters of the applicant's ID number or credit code. Either way the page
shows the stages and their dates and the applicant's name masked; nothing else personal.
A wrong case number and a wrong ID tail get the same answer (`None`), so the page cannot be
used to learn which case numbers exist.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cases.seals.links import token_opens
from cases.verification.status import mask_name
from models import (
    Case,
    CaseStatus,
    Decision,
    Delivery,
    DeliveryStatus,
    License,
    Notice,
    ReviewTask,
)


@dataclass(frozen=True)
class Stage:
    key: str
    label: str  # as the applicant reads it
    on: date | None  # None: not reached (yet)


@dataclass(frozen=True)
class Progress:
    case_number: str
    item_name: str
    department_name: str
    applicant: str  # masked
    status: str
    status_zh: str
    stages: tuple[Stage, ...]
    due_on: date | None


_STATUS_ZH = {
    CaseStatus.RECEIVING: "材料接收中",
    CaseStatus.CORRECTION: "待补正材料",
    CaseStatus.ACCEPTED: "已受理,审批中",
    CaseStatus.CONDITIONAL: "已容缺受理,审批中",
    CaseStatus.REJECTED: "不予受理",
    CaseStatus.APPROVED: "已批准",
    CaseStatus.DENIED: "不予许可",
    CaseStatus.ISSUED: "已办结,结果已出件",
    CaseStatus.TERMINATED: "容缺材料逾期未补齐,已终止办理",
}


def _day(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    # the hall's day (cases.clock), not UTC's: a case accepted at 00:30 is that day's
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone().date()


def _tail_matches(case: Case, id_tail: str) -> bool:
    tail = id_tail.strip().upper()
    return len(tail) == 4 and hmac.compare_digest(
        case.applicant_id.strip().upper()[-4:].encode(), tail.encode()
    )


def find_progress(
    session: Session, case_number: str, *, token: str | None = None, id_tail: str | None = None
) -> Progress | None:
    """The case's progress if the caller proved they may see it, else None (whatever the
    reason: no such case, a wrong ID tail, a forged or foreign link)."""
    case = verified_case(session, case_number, token=token, id_tail=id_tail)
    return progress_of(session, case) if case is not None else None


def verified_case(
    session: Session, case_number: str, *, token: str | None = None, id_tail: str | None = None
) -> Case | None:
    """The case, if the caller holds its notice's signed link or the applicant's ID tail."""
    number = case_number.strip().upper()[:32]
    case = session.scalars(select(Case).where(Case.number == number)).first()
    if case is None:
        return None
    if token:
        if not token_opens(session, token, case.number):
            return None
    elif id_tail is None or not _tail_matches(case, id_tail):
        return None
    return case


def progress_of(session: Session, case: Case) -> Progress:
    rejected = case.status == CaseStatus.REJECTED
    review_started = session.scalar(
        select(func.min(func.coalesce(ReviewTask.opened_at, ReviewTask.created_at))).where(
            ReviewTask.case_id == case.id
        )
    )
    decided = session.scalar(
        select(func.max(Decision.created_at)).where(Decision.case_id == case.id)
    )
    delivery = session.scalars(select(Delivery).where(Delivery.case_id == case.id)).first()
    license_at = session.scalar(
        select(func.min(License.created_at)).where(License.case_id == case.id)
    )
    rejected_at = (
        session.scalar(
            select(func.max(Notice.created_at)).where(
                Notice.case_id == case.id, Notice.kind == "rejection"
            )
        )
        if rejected
        else None
    )
    ready = delivery.created_at if delivery is not None else license_at
    delivered = (
        delivery.delivered_at
        if delivery is not None and delivery.status == DeliveryStatus.DELIVERED
        else None
    )
    stages = (
        Stage("received", "收件", _day(case.created_at)),
        Stage(
            "accepted",
            "不予受理" if rejected else "受理",
            _day(rejected_at if rejected else case.accepted_at),
        ),
        Stage("review", "审批中", _day(review_started)),
        Stage("decided", "作出决定", _day(decided)),
        Stage("ready", "结果待领取", _day(ready)),
        Stage("delivered", "已送达", _day(delivered)),
    )
    return Progress(
        case_number=case.number,
        item_name=case.item.name,
        department_name=case.department.name,
        applicant=mask_name(case.applicant_name, person=case.applicant_type == "person"),
        status=case.status,
        status_zh=_STATUS_ZH.get(CaseStatus(case.status), case.status),
        stages=stages,
        due_on=case.due_on,
    )
