"""邮寄收件: paper that comes by post. The clerk registers the postal submission on a case
(tracking number, carrier, sender, the address to answer to), scans the paper into it as
at the counter, and decides as usual; the notice goes back by post with an address sheet
(`address_sheet`), and the applicant is told each step by SMS."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.delivery import sms
from cases.errors import InvalidInput, InvalidState
from cases.hall import Hall
from cases.printing.address_sheet import AddressSheet, render_address_sheet
from models import Case, CaseStatus, Channel, Notice, PostalSubmission, User

NOTICE_ZH = {
    "acceptance": "受理通知书",
    "conditional_acceptance": "容缺受理通知书",
    "correction": "材料补正通知书",
    "rejection": "不予受理通知书",
}


def register(
    session: Session,
    hall: Hall,
    case: Case,
    *,
    tracking_number: str,
    sender: str,
    address: str,
    carrier: str = "中国邮政EMS",
    actor: User,
) -> PostalSubmission:
    """Record the envelope; the case becomes a mailed-in case (its answers go by post)."""
    tracking, who, where = tracking_number.strip(), sender.strip(), address.strip()
    if not tracking or not who or not where:
        raise InvalidInput(
            "tracking number, sender and address are required",
            "请填写运单号、寄件人和回寄地址",
        )
    if len(tracking) > 64 or len(who) > 100 or len(where) > 500:
        raise InvalidInput("a field is too long", "运单号、寄件人或地址过长")
    if case.status not in (CaseStatus.RECEIVING, CaseStatus.CORRECTION):
        raise InvalidState(
            f"case {case.number} is {case.status}; a postal submission is registered before "
            "the decision",
            f"办件 {case.number} 已作出受理决定,不能再登记邮寄收件",
        )
    found = PostalSubmission(
        case_id=case.id,
        tracking_number=tracking,
        carrier=carrier.strip()[:32],
        sender=who,
        address=where,
        received_by=actor.username,
    )
    session.add(found)
    if case.channel == Channel.COUNTER:
        case.channel = Channel.POST
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="case.postal_received",
        target=f"case:{case.id}",
        tracking=tracking,
    )
    sms.notify(
        session,
        sms.gateway_for(hall),
        case,
        "postal_received",
        hall=case.hall.name,
        tracking=tracking,
    )
    return found


def postal_of(session: Session, case: Case) -> list[PostalSubmission]:
    return list(
        session.scalars(
            select(PostalSubmission)
            .where(PostalSubmission.case_id == case.id)
            .order_by(PostalSubmission.id)
        )
    )


def address_sheet(session: Session, hall: Hall, case: Case) -> bytes:
    """The sheet for the envelope that answers the latest postal submission, listing the
    notices issued since it came."""
    envelopes = postal_of(session, case)
    if not envelopes:
        raise InvalidState(
            f"case {case.number} has no postal submission", f"办件 {case.number} 没有邮寄收件记录"
        )
    last = envelopes[-1]
    notices = session.scalars(
        select(Notice)
        .where(Notice.case_id == case.id, Notice.created_at >= last.created_at)
        .order_by(Notice.id)
    ).all()
    return render_address_sheet(
        AddressSheet(
            recipient=last.sender,
            address=last.address,
            phone_tail=case.applicant_phone[-4:],
            hall_name=case.hall.name,
            window_name=case.window.name if case.window else "综合受理窗口",
            case_number=case.number,
            enclosed=tuple(f"{NOTICE_ZH.get(n.kind, n.kind)} {n.number}" for n in notices),
            printed_on=date.today(),
        )
    )
