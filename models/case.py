"""Cases (办件), what the applicant handed in, and what the window told them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped, UtcDateTime
from models.catalog import ChecklistVersion, ServiceItem
from models.org import Department, ServiceHall, Window


class CaseStatus(StrEnum):
    RECEIVING = "receiving"  # pages are being scanned, no decision yet
    CORRECTION = "correction"  # 补正: waiting for the applicant to bring what is missing
    ACCEPTED = "accepted"  # 受理, in review
    CONDITIONAL = "conditional"  # 容缺受理, in review, pending materials outstanding
    REJECTED = "rejected"  # 不予受理
    APPROVED = "approved"
    DENIED = "denied"
    ISSUED = "issued"  # result (e-license) issued, ready for delivery
    TERMINATED = "terminated"  # 容缺 materials not supplied in time (超期处理)


# 在审: routed to the departments and not yet decided. Only in these states do the
# departments act on a case, and only in these do the departments of a joint route that
# are not its lead read it: every other state precedes routing or ends the case (issued,
# denied, rejected, terminated; any state added later stays closed until listed here).
IN_REVIEW: frozenset[str] = frozenset({CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL})


class Case(Base, Timestamped):
    __tablename__ = "case_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"))
    checklist_id: Mapped[int] = mapped_column(ForeignKey("checklist_version.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"))
    # the hall that accepted the case (受理大厅): its numbering, its staff, its statistics,
    # and where the result is handed out; the deciding department may sit in another
    # hall (跨域通办)
    hall_id: Mapped[int] = mapped_column(ForeignKey("service_hall.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=CaseStatus.RECEIVING)
    applicant_type: Mapped[str] = mapped_column(String(16))  # person | enterprise
    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_id: Mapped[str] = mapped_column(String(32))  # ID number or credit code
    applicant_phone: Mapped[str] = mapped_column(String(32), default="")
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    due_on: Mapped[date | None] = mapped_column(Date)
    pending_due_on: Mapped[date | None] = mapped_column(Date)
    scenario: Mapped[str | None] = mapped_column(String(32))  # sub-scenario, e.g. agent
    pending_reminded_on: Mapped[date | None] = mapped_column(Date)
    # how the case came in (models.applicant.Channel); an online case belongs to the
    # applicant account that opened it, and waits in the window's online queue from
    # `submitted_at` until the window answers it
    channel: Mapped[str] = mapped_column(String(16), default="counter")
    account_id: Mapped[int | None] = mapped_column(ForeignKey("applicant.id"), index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # how the applicant wants the result: window | locker | post | download
    result_by: Mapped[str] = mapped_column(String(16), default="")
    result_address: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[ServiceItem] = relationship()
    checklist: Mapped[ChecklistVersion] = relationship()
    department: Mapped[Department] = relationship()
    window: Mapped[Window | None] = relationship()
    hall: Mapped[ServiceHall] = relationship()
    submissions: Mapped[list[Submission]] = relationship(
        back_populates="case", order_by="Submission.seq"
    )


class Submission(Base, Timestamped):
    """One visit's worth of paper: the first submission, a correction, or a supplement
    (容缺 materials, or the answer to a return for information)."""

    __tablename__ = "submission"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    seq: Mapped[int]
    # the return for information (its clock suspension) this supplement answers
    suspension_id: Mapped[int | None] = mapped_column(ForeignKey("clock_suspension.id"))

    case: Mapped[Case] = relationship(back_populates="submissions")
    pages: Mapped[list[Page]] = relationship(back_populates="submission", order_by="Page.seq")


class PageStatus(StrEnum):
    QUEUED = "queued"
    READ = "read"
    FAILED = "failed"


class Page(Base, Timestamped):
    __tablename__ = "page"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    seq: Mapped[int]
    filename: Mapped[str] = mapped_column(String(255), default="")
    image_object_id: Mapped[int] = mapped_column(ForeignKey("stored_object.id"))
    text_object_id: Mapped[int | None] = mapped_column(ForeignKey("stored_object.id"))
    status: Mapped[str] = mapped_column(String(16), default=PageStatus.QUEUED, index=True)
    material_code: Mapped[str | None] = mapped_column(String(64))
    confidence: Mapped[float] = mapped_column(default=0.0)
    # Explanation, geometry and fields; never personal data in logs, but kept here.
    reading: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str] = mapped_column(Text, default="")
    # Reading is claimed in this row, never in a process's memory: the reader that set
    # `claimed_by` (a token per claim) owns the page until `lease_until`, which it renews
    # while it reads; a reader that died loses the page when the lease runs out. A reading
    # that failed for a passing reason (store or database down) waits until `retry_at`.
    attempts: Mapped[int] = mapped_column(default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(96))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    retry_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    submission: Mapped[Submission] = relationship(back_populates="pages")


class Deficiency(Base, Timestamped):
    """One thing the applicant must fix; all of a check's deficiencies go on one notice."""

    __tablename__ = "deficiency"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    material_code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))  # a checklist.FindingKind
    message: Mapped[str] = mapped_column(Text)
    page_id: Mapped[int | None] = mapped_column(ForeignKey("page.id"))
    # 一次告知: listed on a later notice though it could have been seen on the first one
    one_time_violation: Mapped[bool | None]


class FindingOverride(Base, Timestamped):
    """The clerk set a finding aside (e.g. a seal the detector missed), with a reason."""

    __tablename__ = "finding_override"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    finding_key: Mapped[str] = mapped_column(String(100))  # material_code:kind
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(64))


class FieldConfirmation(Base, Timestamped):
    """A person looked at a field OCR read from a page and confirmed it as read or
    corrected it (`cases.intake.confirmation`); the latest one per field stands. The OCR
    accuracy statistics count these rows (`cases.oversight.ocr_accuracy`)."""

    __tablename__ = "field_confirmation"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("page.id"), index=True)
    field_index: Mapped[int]  # position in the page's reading["fields"]
    field_name: Mapped[str] = mapped_column(String(32))  # id_number, person_name, ...
    material_code: Mapped[str | None] = mapped_column(String(64))  # what the page was
    read_value: Mapped[str] = mapped_column(String(200))  # what OCR read
    value: Mapped[str] = mapped_column(String(200))  # what the person confirmed or typed
    corrected: Mapped[bool]
    doubts: Mapped[list[str]] = mapped_column(JSON, default=list)  # why it was doubtful
    actor: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # clerk (counter) or reviewer (desk)


class Material(Base, Timestamped):
    """A checklist material as found in a case: which pages, and its state."""

    __tablename__ = "material"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    code: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))  # present | missing | pending
    page_ids: Mapped[list[int]] = mapped_column(JSON, default=list)


class NoticeKind(StrEnum):
    ACCEPTANCE = "acceptance"
    CONDITIONAL = "conditional_acceptance"
    CORRECTION = "correction"
    REJECTION = "rejection"


class Notice(Base, Timestamped):
    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"))
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(64), unique=True)
    # the issuing hall (its word mark is in the number); None only on rows a test wrote
    hall_id: Mapped[int | None] = mapped_column(ForeignKey("service_hall.id"))
    object_id: Mapped[int] = mapped_column(ForeignKey("stored_object.id"))
