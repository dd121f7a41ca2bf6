"""Result delivery (综合窗口出件): one record per case result, its SMS messages, postal
tracking events and the applicant's rating (好差评)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, UtcDateTime


class DeliveryMethod(StrEnum):
    WINDOW = "window"
    LOCKER = "locker"
    POST = "post"
    DOWNLOAD = "download"  # an e-license the applicant downloaded online


class DeliveryStatus(StrEnum):
    AT_WINDOW = "at_window"  # result handed back to the comprehensive window
    IN_LOCKER = "in_locker"  # deposited in a self-service locker, code sent by SMS
    POSTED = "posted"  # handed to the post
    DELIVERED = "delivered"
    RETURNED = "returned"  # the post could not deliver it


class Delivery(Base, Timestamped):
    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), unique=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"))
    result_kind: Mapped[str] = mapped_column(String(16))  # license | decision
    license_id: Mapped[int | None] = mapped_column(ForeignKey("license.id"))
    decision_document_id: Mapped[int | None] = mapped_column(ForeignKey("decision_document.id"))
    method: Mapped[str] = mapped_column(String(16), default=DeliveryMethod.WINDOW)
    status: Mapped[str] = mapped_column(String(16), default=DeliveryStatus.AT_WINDOW)
    # window pickup sign-off; only the last four characters of an ID number are kept
    receiver_name: Mapped[str] = mapped_column(String(100), default="")
    receiver_id_tail: Mapped[str] = mapped_column(String(8), default="")
    by_agent: Mapped[bool] = mapped_column(default=False)
    attorney_ref: Mapped[str] = mapped_column(String(100), default="")
    # self-service locker
    locker_box: Mapped[str] = mapped_column(String(32), default="")
    pickup_code_sha256: Mapped[str] = mapped_column(String(64), default="")
    code_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    code_failures: Mapped[int] = mapped_column(default=0)  # wrong codes typed since the last SMS
    # post
    address: Mapped[str] = mapped_column(Text, default="")
    carrier: Mapped[str] = mapped_column(String(32), default="")
    tracking_number: Mapped[str] = mapped_column(String(64), default="")
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    feedback_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # told the department


class PostalEvent(Base, Timestamped):
    __tablename__ = "postal_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("delivery.id"))
    status: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(String(200), default="")


class SmsMessage(Base, Timestamped):
    """What was sent to whom. The text is not kept: it may hold a pickup code."""

    __tablename__ = "sms_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    phone: Mapped[str] = mapped_column(String(32))
    template: Mapped[str] = mapped_column(String(32))
    gateway_ref: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16))  # sent | failed


class Rating(Base, Timestamped):
    """好差评: 1 (非常不满意) to 5 (非常满意), once per case, after delivery."""

    __tablename__ = "rating"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), unique=True)
    score: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")
