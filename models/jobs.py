"""Runs of the hall's periodic jobs (deadline scan, 容缺 reminders, fixity, audit
checkpoints, staging drain): one row per job and time slot, so that of all the processes
that schedule a slot exactly one runs it, and an administrator sees how each run ended."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, utcnow


class JobRunStatus:
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class JobRun(Base):
    __tablename__ = "job_run"
    __table_args__ = (UniqueConstraint("job", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(64))
    slot: Mapped[int] = mapped_column(BigInteger)  # the slot's start, seconds since the epoch
    status: Mapped[str] = mapped_column(String(16), default=JobRunStatus.RUNNING)
    worker: Mapped[str] = mapped_column(String(96), default="")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    error: Mapped[str] = mapped_column(Text, default="")
