"""Counters of the rate limits and lockouts (`cases.throttle`), shared by every process."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class ThrottleCounter(Base):
    """How often one key (a scope and a subject: a client address, an account, a case
    number, a terminal) was seen. A rate limit keeps one row per fixed window
    (`window_start`); a lockout keeps its run of failures in window 0, with the time its
    lock ends. Times are epoch milliseconds: integers compare and add exactly alike on
    SQLite and PostgreSQL. A row may be deleted once `expires_at` has passed."""

    __tablename__ = "throttle_counter"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    hits: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    expires_at: Mapped[int] = mapped_column(BigInteger, index=True)
