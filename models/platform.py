"""The platform exchange's outbox (一体化在线政务服务平台): one row per record to send,
written in the transaction of the change it reports, numbered per case.

A record is claimed for sending in its row (`claimed_by`, `lease_until`), never in a
process's memory; the platform's answer is kept on it for the hall's admin."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, UtcDateTime


class PlatformRecordKind(StrEnum):
    STAGE = "stage"  # one stage of a case (办件过程信息)
    LICENSE = "license"  # an issued e-license for the e-license library (电子证照库)


class PlatformRecordStatus(StrEnum):
    QUEUED = "queued"  # not answered yet (never sent, or sent without a final answer)
    ACCEPTED = "accepted"
    REJECTED = "rejected"  # a final refusal, with the platform's reason


class PlatformRecord(Base, Timestamped):
    __tablename__ = "platform_record"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    seq: Mapped[int]  # per case, from 1, allocated in the database (number_counter)
    kind: Mapped[str] = mapped_column(String(16))
    stage: Mapped[str] = mapped_column(String(32))
    idempotency_key: Mapped[str] = mapped_column(String(96), unique=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of the canonical payload
    # files sent with a license record: [{name, media_type, object_id, sha256, size}]
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default=PlatformRecordStatus.QUEUED, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(96))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    receipt: Mapped[str] = mapped_column(String(128), default="")  # the platform's, if accepted
    reason: Mapped[str] = mapped_column(Text, default="")  # the platform's, if rejected
    last_error: Mapped[str] = mapped_column(Text, default="")  # why the last try got no answer
