"""Result delivery (综合窗口出件): the department's result comes back to the comprehensive
window, which hands it out once: at the window after an identity check, from a
self-service locker with an SMS pickup code (cases.locker), or by post. Results of a
conditional (容缺) case wait until its pending materials are in. Every delivery is fed back to the
department that decided, and the applicant may rate the service (好差评) afterwards."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from cases import audit
from cases.acceptance.pending import delivery_allowed
from cases.accounts import require_role
from cases.db import session_scope
from cases.delivery import sms
from cases.errors import InvalidInput, InvalidState, NotFound
from cases.hall import Hall
from cases.platform import records as exchange
from cases.records import scope
from models import (
    Case,
    DecisionDocument,
    Delivery,
    DeliveryMethod,
    DeliveryStatus,
    Handover,
    HandoverDirection,
    License,
    PostalEvent,
    Rating,
    Role,
    User,
)

logger = logging.getLogger(__name__)

POSTAL_STATUSES = ("in_transit", "delivered", "returned")


def result_ready(
    session: Session,
    case: Case,
    license_: License | None,
    *,
    actor: User,
    decision_document: DecisionDocument | None = None,
    handover: bool = True,
) -> Delivery:
    """The department's result (a license or a decision document) goes back to the window,
    with a handover to be signed (`handover=False`: the result was made at the window,
    an immediate item's, and no paper moves)."""
    if license_ is not None:
        item = f"license:{license_.number}"
    elif decision_document is not None:
        item = f"decision:{decision_document.number}"
    else:
        item = f"decision:{case.number}"
    delivery = Delivery(
        case_id=case.id,
        department_id=case.department_id,
        window_id=case.window_id,
        result_kind="license" if license_ else "decision",
        license_id=license_.id if license_ else None,
        decision_document_id=decision_document.id if decision_document else None,
        method=DeliveryMethod.WINDOW,
        status=DeliveryStatus.AT_WINDOW,
    )
    session.add(delivery)
    if handover:
        session.add(
            Handover(
                case_id=case.id,
                direction=HandoverDirection.TO_WINDOW,
                department_id=case.department_id,
                window_id=case.window_id,
                items=[item],
                handed_by_id=actor.id,
            )
        )
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="delivery.at_window",
        target=f"case:{case.id}",
        result=item,
    )
    return delivery


def delivery_of(session: Session, case: Case) -> Delivery:
    found = session.scalars(select(Delivery).where(Delivery.case_id == case.id)).first()
    if found is None:
        raise NotFound(
            f"case {case.number} has no result to deliver yet",
            f"办件 {case.number} 尚无可送达的办理结果",
        )
    return found


def _record_refusal(
    session: Session, hall: Hall | None, case: Case, *, actor: User, reason: str
) -> None:
    """Audit a refused handout in its own short transaction: the request fails and rolls
    back, yet the attempt (who tried to hand out what, and why it was refused) must stay.
    Called before the request has written anything, so it cannot wait on its own locks."""
    factory = hall.sessions if hall is not None else sessionmaker(session.get_bind())
    try:
        with session_scope(factory) as side:
            if side.get_bind().dialect.name == "postgresql":
                side.execute(text("SET LOCAL lock_timeout = '5s'"))
            audit.record(
                side,
                actor=actor.username,
                action="delivery.blocked",
                target=f"case:{case.id}",
                reason=reason,
            )
    except SQLAlchemyError:  # never hide the refusal itself behind an audit failure
        logger.exception("could not record the refused handout of case %s", case.number)


def ready_for_handout(
    session: Session, case: Case, actor: User, hall: Hall | None = None
) -> Delivery:
    """The case's delivery, checked ready to be handed out by this clerk (at the window,
    and for a conditional case, its pending materials in); a refusal is audited. A result
    is handed out at the hall that accepted the case (跨域通办: the banner hall, whichever
    hall's department decided it): another hall's clerk does not find the case."""
    require_role(actor, Role.CLERK)
    scope.require_visible(session, actor, case)
    delivery = delivery_of(session, case)
    if delivery.status == DeliveryStatus.DELIVERED:
        raise InvalidState(
            f"the result of case {case.number} was already delivered",
            f"办件 {case.number} 的办理结果已送达",
        )
    if delivery.status != DeliveryStatus.AT_WINDOW:
        raise InvalidState(
            f"the result is not at the window but {delivery.status}",
            f"办理结果当前不在窗口(状态:{delivery.status})",
        )
    if delivery.result_kind == "license":
        allowed, reason = delivery_allowed(session, case)
        if not allowed:
            _record_refusal(session, hall, case, actor=actor, reason=f"容缺: {reason}")
            raise InvalidState(
                f"conditional case {case.number}: results are handed out only after the "
                "pending materials are in",
                f"容缺受理办件 {case.number} 须补齐材料后方可领取办理结果({reason})",
            )
    return delivery


def pick_up(
    session: Session,
    case: Case,
    *,
    actor: User,
    receiver_name: str,
    id_number: str,
    attorney_ref: str = "",
    hall: Hall | None = None,
) -> Delivery:
    """Hand out at the window: the receiver is the applicant (same ID number) or an agent
    holding a power of attorney (授权委托书), whose reference is recorded."""
    delivery = ready_for_handout(session, case, actor, hall)
    given = id_number.strip().upper()
    if not given or not receiver_name.strip():
        raise InvalidInput("receiver name and ID number are required", "请填写领取人姓名和证件号码")
    by_agent = given != case.applicant_id.strip().upper()
    if by_agent and not attorney_ref.strip():
        raise InvalidInput(
            "the ID number is not the applicant's; an agent needs a power of attorney",
            "证件号码与申请人不一致;代领须出示授权委托书",
        )
    delivery.receiver_name = receiver_name.strip()
    delivery.receiver_id_tail = given[-4:]
    delivery.by_agent, delivery.attorney_ref = by_agent, attorney_ref.strip()
    delivery.method = DeliveryMethod.WINDOW
    return mark_delivered(session, case, delivery, actor=actor.username, hall=hall)


def mail(
    session: Session,
    hall: Hall,
    case: Case,
    *,
    actor: User,
    address: str,
    tracking_number: str,
    carrier: str = "中国邮政EMS",
) -> Delivery:
    """Hand the result to the post window (委托邮政寄件送达)."""
    delivery = ready_for_handout(session, case, actor, hall)
    if not address.strip() or not tracking_number.strip():
        raise InvalidInput("address and tracking number are required", "请填写邮寄地址和运单号")
    delivery.method, delivery.status = DeliveryMethod.POST, DeliveryStatus.POSTED
    delivery.address, delivery.carrier = address.strip(), carrier
    delivery.tracking_number = tracking_number.strip()
    session.add(PostalEvent(delivery_id=delivery.id, status="posted", note=carrier))
    session.flush()
    sms.notify(
        session,
        sms.gateway_for(hall),
        case,
        "posted",
        hall=case.hall.name,
        carrier=carrier,
        tracking=delivery.tracking_number,
    )
    audit.record(session, actor=actor.username, action="delivery.posted", target=f"case:{case.id}")
    return delivery


def postal_update(
    session: Session,
    case: Case,
    *,
    status: str,
    note: str = "",
    actor: str = "post",
    hall: Hall | None = None,
) -> Delivery:
    """A tracking update from the post; `delivered` completes the delivery."""
    if status not in POSTAL_STATUSES:
        raise InvalidInput(
            f"unknown postal status {status!r}; known: {', '.join(POSTAL_STATUSES)}",
            f"未知的邮寄状态 {status!r}",
        )
    delivery = delivery_of(session, case)
    if delivery.status != DeliveryStatus.POSTED:
        raise InvalidState("the result is not in the post", "办理结果未处于邮寄中")
    session.add(PostalEvent(delivery_id=delivery.id, status=status, note=note))
    audit.record(session, actor=actor, action=f"delivery.post.{status}", target=f"case:{case.id}")
    if status == "delivered":
        return mark_delivered(session, case, delivery, actor=actor, hall=hall)
    if status == "returned":
        delivery.status = DeliveryStatus.AT_WINDOW  # back at the window, to hand out again
    session.flush()
    return delivery


def mark_delivered(
    session: Session, case: Case, delivery: Delivery, *, actor: str, hall: Hall | None = None
) -> Delivery:
    """Delivered, and the department is told at once (送达结果反馈); with the hall, the
    applicant is texted too (送达, and an invitation to rate). For the handout paths here,
    in cases.locker and the applicant's download only."""
    now = datetime.now(UTC)
    delivery.status, delivery.delivered_at, delivery.feedback_at = (
        DeliveryStatus.DELIVERED,
        now,
        now,
    )
    audit.record(
        session,
        actor=actor,
        action="delivery.delivered",
        target=f"case:{case.id}",
        method=delivery.method,
    )
    audit.record(
        session,
        actor="system",
        action="delivery.feedback",
        target=f"department:{delivery.department_id}",
        case=case.number,
        method=delivery.method,
    )
    exchange.stage(session, case, exchange.Stage.DELIVERY, handled_by=actor)
    session.flush()
    if hall is not None:
        sms.notify(session, sms.gateway_for(hall), case, "delivered", hall=case.hall.name)
    return delivery


def feedback_for(session: Session, department_id: int) -> list[tuple[Delivery, Case]]:
    """The department's view: its results and how each was delivered."""
    return [
        (d, c)
        for d, c in session.execute(
            select(Delivery, Case)
            .join(Case, Case.id == Delivery.case_id)
            .where(Delivery.department_id == department_id, Delivery.feedback_at.is_not(None))
            .order_by(Delivery.feedback_at.desc())
        )
    ]


def rate(session: Session, case: Case, *, score: int, comment: str = "") -> Rating:
    """好差评, once per case, after delivery: 5 非常满意 … 1 非常不满意."""
    if not 1 <= score <= 5:
        raise InvalidInput("score must be 1 to 5", "评价等级须为 1(非常不满意)至 5(非常满意)")
    delivery = delivery_of(session, case)
    if delivery.status != DeliveryStatus.DELIVERED:
        raise InvalidState("rate after delivery", "办理结果送达后方可评价")
    if session.scalars(select(Rating).where(Rating.case_id == case.id)).first():
        raise InvalidState("this case was already rated", "该办件已评价")
    rating = Rating(case_id=case.id, score=score, comment=comment.strip())
    session.add(rating)
    audit.record(session, actor="applicant", action="rating", target=f"case:{case.id}", score=score)
    exchange.stage(session, case, exchange.Stage.RATING, handled_by="申请人", score=score)
    session.flush()
    return rating
