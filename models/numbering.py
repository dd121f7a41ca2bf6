"""Number series (办件编号, 文书编号, 证照编号, page order): the last number given in each."""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class NumberCounter(Base):
    """One row per series, incremented under its row lock in the transaction that uses the
    number: concurrent transactions get distinct numbers, a rolled-back one gives it back."""

    __tablename__ = "number_counter"

    series: Mapped[str] = mapped_column(String(160), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
