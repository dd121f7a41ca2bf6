"""Halls, departments, windows, staff and delegations (授权委托)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped


class Role(StrEnum):
    CLERK = "clerk"  # 综合受理窗口
    REVIEWER = "reviewer"  # department reviewer / chief representative
    ADMIN = "admin"
    LOCKER = "locker"  # a self-service locker's terminal: a device account, API token only


class HallLevel(StrEnum):
    LEAGUE = "league"  # 盟级政务服务中心
    BANNER = "banner"  # 旗县(市、区)级政务服务中心


class ServiceHall(Base):
    """A 政务服务中心 of the deployment: its own notice word mark and numbering, windows,
    departments, staff and statistics. Migration 0022 made a hall coded `default` and gave
    it every earlier row; the catalog directory's first hall takes it over at start."""

    __tablename__ = "service_hall"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18))
    word_mark: Mapped[str] = mapped_column(String(16))  # 文书字号的机关代字, e.g. 锡盟政服
    level: Mapped[str] = mapped_column(String(16), default=HallLevel.BANNER)


class Department(Base):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str] = mapped_column(String(18))
    hall_id: Mapped[int | None] = mapped_column(ForeignKey("service_hall.id"))

    hall: Mapped[ServiceHall | None] = relationship()


class Window(Base):
    __tablename__ = "service_window"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    hall_id: Mapped[int | None] = mapped_column(ForeignKey("service_hall.id"))

    hall: Mapped[ServiceHall | None] = relationship()


class User(Base, Timestamped):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"))
    # The hall the staff member works for: they see its cases only (`cases.records.scope`).
    # None: league staff (盟级), who see every hall's.
    hall_id: Mapped[int | None] = mapped_column(ForeignKey("service_hall.id"))
    # SHA-256 of the API token; the token itself is shown once and never stored.
    token_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    # argon2id hash of the web login password; None = no browser login.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    # Browser sessions are signed cookies that carry the version they were issued under;
    # logout, a new password and deactivation raise it, which ends every earlier session.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")

    department: Mapped[Department | None] = relationship()
    window: Mapped[Window | None] = relationship()
    hall: Mapped[ServiceHall | None] = relationship()


class DelegationKind(StrEnum):
    ACCEPTANCE = "acceptance"  # a window may accept the department's items
    SEAL_USE = "seal_use"  # a person may use the department's seal


class Delegation(Base, Timestamped):
    """授权委托书: a department authorises a window to accept, or a person to seal."""

    __tablename__ = "delegation"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    seal_id: Mapped[int | None] = mapped_column(ForeignKey("seal.id"))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    # Acceptance delegations: the item codes the window may accept (empty: all of them).
    item_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    revoked: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(String(200), default="")
