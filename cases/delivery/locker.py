"""Self-service locker (自助文件柜) delivery: the clerk deposits the result in a box, the
applicant gets a pickup code by SMS and types it at the locker. Codes are stored hashed
and expire; the window can send a new one.

Codes are typed at registered locker terminals only (the API route), and a terminal's
wrong codes make that terminal wait, so guessing is slow where it can happen at all. A
code survives a few wrong tries, which would otherwise let anyone void it; it is void
after `Settings.locker_code_tries` wrong codes at the terminals (then the window
re-sends)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.accounts import require_role
from cases.clock import HALL_ZONE as _CST
from cases.delivery.handout import delivery_of, mark_delivered, ready_for_handout, sms
from cases.errors import InvalidInput, InvalidState
from cases.hall import Hall
from models import Case, Delivery, DeliveryMethod, DeliveryStatus, Role, User


def _new_code(delivery: Delivery) -> str:
    code = f"{secrets.randbelow(10**6):06d}"
    delivery.pickup_code_sha256 = _code_hash(delivery, code)
    return code


def _code_hash(delivery: Delivery, code: str) -> str:
    return hashlib.sha256(f"{delivery.id}:{delivery.locker_box}:{code}".encode()).hexdigest()


def to_locker(
    session: Session,
    hall: Hall,
    case: Case,
    *,
    actor: User,
    box: str,
    now: datetime | None = None,
) -> Delivery:
    """Deposit in a self-service locker box; the pickup code goes to the applicant by SMS."""
    delivery = ready_for_handout(session, case, actor, hall)
    if not box.strip():
        raise InvalidInput("a locker box is required", "请填写自助文件柜格口号")
    taken = session.scalars(
        select(Delivery).where(
            Delivery.locker_box == box, Delivery.status == DeliveryStatus.IN_LOCKER
        )
    ).first()
    if taken is not None and taken.id != delivery.id:
        raise InvalidState(f"locker box {box} is occupied", f"自助文件柜 {box} 号格口已被占用")
    delivery.method, delivery.status, delivery.locker_box = (
        DeliveryMethod.LOCKER,
        DeliveryStatus.IN_LOCKER,
        box,
    )
    _send_code(session, hall, case, delivery, "locker_code", now)
    audit.record(
        session, actor=actor.username, action="delivery.locker", target=f"case:{case.id}", box=box
    )
    return delivery


def _send_code(
    session: Session,
    hall: Hall,
    case: Case,
    delivery: Delivery,
    template: str,
    now: datetime | None,
) -> None:
    """A new code, valid `Settings.locker_days` (then the window sends another)."""
    code = _new_code(delivery)
    delivery.code_failures = 0
    valid = timedelta(days=hall.settings.locker_days)
    delivery.code_expires_at = (now or datetime.now(UTC)) + valid
    session.flush()
    sms.notify(
        session,
        sms.gateway_for(hall),
        case,
        template,
        hall=case.hall.name,
        box=delivery.locker_box,
        code=code,
        expires=f"{delivery.code_expires_at.astimezone(_CST):%m月%d日%H:%M}",
    )


def renotify(
    session: Session,
    hall: Hall,
    case: Case,
    *,
    actor: User,
    now: datetime | None = None,
) -> Delivery:
    """A new code (the old one stops working) and a new expiry, sent again by SMS."""
    require_role(actor, Role.CLERK)
    return resend_code(session, hall, case, actor=actor.username, now=now)


def resend_code(
    session: Session, hall: Hall, case: Case, *, actor: str, now: datetime | None = None
) -> Delivery:
    """A new pickup code to the applicant's own phone (the window's re-send, or the
    applicant's at a self-service kiosk after proving who they are): never shown, sent."""
    delivery = delivery_of(session, case)
    if delivery.status != DeliveryStatus.IN_LOCKER:
        raise InvalidState("the result is not in a locker", "办理结果不在自助文件柜中")
    _send_code(session, hall, case, delivery, "locker_renotify", now)
    audit.record(session, actor=actor, action="delivery.renotify", target=f"case:{case.id}")
    return delivery


def locker_pickup(
    session: Session,
    hall: Hall,
    *,
    box: str,
    code: str,
    terminal: str = "locker",
    now: datetime | None = None,
) -> Delivery:
    """The applicant types the code at the locker terminal (`terminal`, its account)."""
    delivery = session.scalars(
        select(Delivery).where(
            Delivery.locker_box == box, Delivery.status == DeliveryStatus.IN_LOCKER
        )
    ).first()
    if delivery is None:
        raise InvalidInput("wrong box or pickup code", "格口号或取件码不正确")
    if not delivery.pickup_code_sha256:
        raise InvalidState(
            "too many wrong codes; ask the window to send a new one",
            "取件码错误次数过多已失效,请联系综合受理窗口重新发送",
        )
    if not secrets.compare_digest(delivery.pickup_code_sha256, _code_hash(delivery, code.strip())):
        delivery.code_failures += 1
        if delivery.code_failures >= hall.settings.locker_code_tries:
            delivery.pickup_code_sha256 = ""
            audit.record(
                session,
                actor=terminal,
                action="delivery.locker_code_void",
                target=f"case:{delivery.case_id}",
                box=box,
            )
        session.flush()  # the caller keeps this count even though the attempt fails
        raise InvalidInput("wrong box or pickup code", "格口号或取件码不正确")
    if delivery.code_expires_at and (now or datetime.now(UTC)) > delivery.code_expires_at:
        raise InvalidState(
            "the pickup code has expired; ask the window to send a new one",
            "取件码已过期,请联系综合受理窗口重新发送",
        )
    case = session.get_one(Case, delivery.case_id)
    delivery.receiver_name = "自助文件柜取件"
    return mark_delivered(session, case, delivery, actor=terminal, hall=hall)
