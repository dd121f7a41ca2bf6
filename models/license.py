"""E-seals (电子印章) and e-licenses (电子证照)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, UtcDateTime


class SealStatus(StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"
    EXPIRED = "expired"  # also derived from not_after; stored once noticed


class Seal(Base, Timestamped):
    __tablename__ = "seal"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"))
    cert_pem: Mapped[str] = mapped_column(Text)
    cert_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    key_file: Mapped[str] = mapped_column(String(500))  # encrypted PKCS#8 under the PKI dir
    status: Mapped[str] = mapped_column(String(16), default=SealStatus.ACTIVE)
    not_after: Mapped[datetime] = mapped_column(UtcDateTime())
    # The GB/T 38540 side of the seal (OFD): the department signer's SM2 certificate and
    # key file, and the SESeal the seal maker made for it; none until first made.
    sm2_cert_pem: Mapped[str | None] = mapped_column(Text)
    sm2_cert_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    sm2_key_file: Mapped[str | None] = mapped_column(String(500))
    sm2_seal: Mapped[bytes | None] = mapped_column(LargeBinary)


class LicenseStatus(StrEnum):
    VALID = "valid"
    REVOKED = "revoked"  # 撤销: withdrawn by the issuer
    CANCELLED = "cancelled"  # 注销: ended, e.g. the holder closed the business
    SUPERSEDED = "superseded"  # replaced by a changed version (变更)


class License(Base, Timestamped):
    __tablename__ = "license"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)  # 证照编号
    # 证照标识 (GB/T 36904); none on licenses issued before identifiers were issued.
    identifier: Mapped[str | None] = mapped_column(String(96), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    type_code: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    holder: Mapped[str] = mapped_column(String(200))
    holder_id: Mapped[str] = mapped_column(String(32))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    seal_id: Mapped[int] = mapped_column(ForeignKey("seal.id"))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default=LicenseStatus.VALID)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    object_id: Mapped[int] = mapped_column(ForeignKey("stored_object.id"))
    pdf_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    # Lifecycle: a change issues a new version that supersedes this row.
    version: Mapped[int] = mapped_column(default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("license.id"))
    status_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # GB/T 36903 core metadata (cases.results.core_metadata), as the PDF's XMP has it
    core_metadata: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The OFD beside the PDF, sealed with the GB/T 38540 e-seal (none before 0016)
    ofd_object_id: Mapped[int | None] = mapped_column(ForeignKey("stored_object.id"))
    ofd_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
