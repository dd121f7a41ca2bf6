"""Back-office review: department tasks (one per department and step of a case's route),
their decisions, clock suspensions and paper handovers (交接签收)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, UtcDateTime


class TaskStatus(StrEnum):
    WAITING = "waiting"  # a later step of a sequential route, not yet started
    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"  # a later step made moot by a denial


class TaskKind(StrEnum):
    REVIEW = "review"  # one department's opinion in a joint route
    FINAL = "final"  # the chief representative's decision on the case


class Outcome(StrEnum):
    APPROVE = "approve"
    DENY = "deny"
    RETURN = "return"  # return for information (补充说明); the clock stops meanwhile


class ReviewTask(Base, Timestamped):
    __tablename__ = "review_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    status: Mapped[str] = mapped_column(String(16), default=TaskStatus.OPEN)
    due_on: Mapped[date | None] = mapped_column(Date)
    step: Mapped[int] = mapped_column(default=1)
    kind: Mapped[str] = mapped_column(String(16), default=TaskKind.FINAL)
    opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    warned_on: Mapped[date | None] = mapped_column(Date)
    escalated_on: Mapped[date | None] = mapped_column(Date)


class Decision(Base, Timestamped):
    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("review_task.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    outcome: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")


class DecisionDocument(Base, Timestamped):
    """不予许可决定书: the sealed, archived result of a denial, delivered like a license."""

    __tablename__ = "decision_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), unique=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"))
    number: Mapped[str] = mapped_column(String(64), unique=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    seal_id: Mapped[int] = mapped_column(ForeignKey("seal.id"))
    object_id: Mapped[int] = mapped_column(ForeignKey("stored_object.id"))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[date] = mapped_column(Date)


class ClockSuspension(Base, Timestamped):
    """暂停计时: while it lasts, working days do not count against the promised limit."""

    __tablename__ = "clock_suspension"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    reason: Mapped[str] = mapped_column(String(200))
    # the return for information (退回补充) that stopped the clock, when one did
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    days_added: Mapped[int] = mapped_column(default=0)


class HandoverDirection(StrEnum):
    TO_DEPARTMENT = "to_department"  # paper materials from the window to a department
    TO_WINDOW = "to_window"  # the result from the department back to the window


class Handover(Base, Timestamped):
    """交接签收: which paper went where, handed over by whom, signed for by whom and when."""

    __tablename__ = "handover"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    direction: Mapped[str] = mapped_column(String(16))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"))
    items: Mapped[list[str]] = mapped_column(JSON, default=list)  # material codes / result refs
    handed_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # paper that leaves its hall (跨域通办: a banner window to a league department and back)
    # travels by courier or confidential exchange: its waybill or batch number
    transit: Mapped[str] = mapped_column(String(64), default="", server_default="")
