"""Back-office review: tasks pushed to departments and their decisions."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class Outcome(StrEnum):
    APPROVE = "approve"
    DENY = "deny"


class ReviewTask(Base, Timestamped):
    __tablename__ = "review_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    status: Mapped[str] = mapped_column(String(16), default=TaskStatus.OPEN)
    due_on: Mapped[date | None] = mapped_column(Date)


class Decision(Base, Timestamped):
    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("review_task.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    outcome: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
