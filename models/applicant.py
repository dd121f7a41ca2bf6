"""Applicants who identify themselves online (网上申报) with a phone number and a one-time
SMS code, the codes themselves (only their hashes), and submissions that came by post."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, UtcDateTime


class Channel(StrEnum):
    """How a case reached the hall."""

    COUNTER = "counter"  # the applicant at the window
    ONLINE = "online"  # 网上申报
    POST = "post"  # 邮寄


class Applicant(Base, Timestamped):
    """A phone number that proved itself with a one-time code. No staff role, no password:
    the applicant's browser session carries `session_version`, raised at sign-out."""

    __tablename__ = "applicant"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), unique=True)
    session_version: Mapped[int] = mapped_column(default=1)
    last_signed_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class SignInCode(Base, Timestamped):
    """One SMS code sent to a phone: its keyed hash, its expiry, wrong tries against it.
    A new code for the phone replaces the old (only the newest is live); a code is used
    once."""

    __tablename__ = "sign_in_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    failures: Mapped[int] = mapped_column(default=0)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class PostalSubmission(Base, Timestamped):
    """Paper that came by post (邮寄收件): registered by a clerk, then scanned into the case."""

    __tablename__ = "postal_submission"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    tracking_number: Mapped[str] = mapped_column(String(64))
    carrier: Mapped[str] = mapped_column(String(32), default="")
    sender: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(Text)
    received_by: Mapped[str] = mapped_column(String(64))
