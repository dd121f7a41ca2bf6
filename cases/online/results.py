"""What the window's answers and the department's result mean to the applicant online: the
sealed notices to download and an SMS for each, how the result should reach them (window,
locker, post, or download of the e-license), the download itself, and 好差评 after it.

Every read of an archived document here is audited like a staff download, with the
applicant's account as the actor and `applicant` as the basis.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.acceptance.pending import delivery_allowed
from cases.delivery import handout, sms
from cases.errors import InvalidInput, InvalidState, NotFound
from cases.hall import Hall
from cases.printing.documents import zh_date
from models import (
    Applicant,
    Case,
    DecisionDocument,
    Delivery,
    DeliveryMethod,
    DeliveryStatus,
    License,
    Notice,
    Rating,
    SmsMessage,
    StoredObject,
)

RESULT_BY = {
    "window": "到综合窗口领取",
    "locker": "自助文件柜取件",
    "post": "邮寄送达",
    "download": "网上下载电子证照",
}


@dataclass(frozen=True)
class Document:
    filename: str
    data: bytes


def tell_decision(session: Session, hall: Hall, case: Case, notice: Notice) -> SmsMessage:
    """The window's answer reaches the applicant by SMS (any channel, when there is a
    phone): accepted (with the promised date), 容缺 (with the material due date), 补正
    (read the notice), not accepted."""
    params: dict[str, object] = {"hall": case.hall.name}
    if case.due_on is not None:
        params["due"] = zh_date(case.due_on)
    if case.pending_due_on is not None:
        params["pending_due"] = zh_date(case.pending_due_on)
    return sms.notify(session, sms.gateway_for(hall), case, notice.kind, **params)


def _read(session: Session, hall: Hall, account: Applicant, object_id: int, name: str) -> bytes:
    obj = session.get_one(StoredObject, object_id)
    data = hall.store.get(obj.key)
    audit.record(
        session,
        actor=f"applicant:{account.id}",
        action="object.download",
        target=f"object:{obj.id}",
        sha256=obj.sha256,
        basis="applicant",
        document=name,
    )
    return data


def notices_of(session: Session, case: Case) -> list[Notice]:
    return list(
        session.scalars(select(Notice).where(Notice.case_id == case.id).order_by(Notice.id))
    )


def notice_pdf(
    session: Session, hall: Hall, account: Applicant, case: Case, notice_number: str
) -> Document:
    """A sealed notice of the applicant's own case (same NotFound for any other)."""
    notice = session.scalars(
        select(Notice).where(Notice.case_id == case.id, Notice.number == notice_number[:64])
    ).first()
    if notice is None:
        raise NotFound("no such notice on this case", "该办件没有此通知书")
    data = _read(session, hall, account, notice.object_id, f"notice:{notice.number}")
    return Document(f"{notice.number}.pdf", data)


def delivery_for(session: Session, case: Case) -> Delivery | None:
    return session.scalars(select(Delivery).where(Delivery.case_id == case.id)).first()


def choose(session: Session, account: Applicant, case: Case, *, by: str, address: str = "") -> None:
    """How the applicant wants the result; it can change until the result is handed out."""
    if by not in RESULT_BY:
        raise InvalidInput(
            f"choose one of {', '.join(RESULT_BY)}", "请选择领取方式:窗口、文件柜、邮寄或网上下载"
        )
    if case.status in ("rejected", "terminated"):
        raise InvalidState("this case has no result to receive", "该办件没有需要领取的办理结果")
    delivery = delivery_for(session, case)
    if delivery is not None and delivery.status != DeliveryStatus.AT_WINDOW:
        raise InvalidState(
            "the result is already on its way or delivered", "办理结果已发出或已送达,不能再更改"
        )
    if by == "post" and not address.strip():
        raise InvalidInput("a postal address is needed", "请填写邮寄地址")
    case.result_by, case.result_address = by, address.strip()[:500] if by == "post" else ""
    session.flush()
    audit.record(
        session,
        actor=f"applicant:{account.id}",
        action="case.result_by",
        target=f"case:{case.id}",
        by=by,
    )


def download_result(session: Session, hall: Hall, account: Applicant, case: Case) -> Document:
    """The sealed e-license (or decision document), for an applicant who chose download;
    the first download delivers it (送达), after the 容缺 gate like every handout."""
    delivery = delivery_for(session, case)
    if delivery is None:
        raise InvalidState("the result is not issued yet", "办理结果尚未出具")
    if case.result_by != "download":
        raise InvalidState(
            "choose download as the way to receive the result first",
            "请先选择“网上下载电子证照”作为领取方式",
        )
    if delivery.status not in (DeliveryStatus.AT_WINDOW, DeliveryStatus.DELIVERED):
        raise InvalidState("the result was sent another way", "办理结果已通过其他方式发出")
    if delivery.result_kind == "license":
        allowed, reason = delivery_allowed(session, case)
        if not allowed:
            raise InvalidState(
                "the pending (容缺) materials must be supplied first",
                f"须先补齐容缺材料,方可下载办理结果({reason})",
            )
        found = session.get_one(License, delivery.license_id)
        number, object_id = found.number, found.object_id
    else:
        decision = session.get_one(DecisionDocument, delivery.decision_document_id)
        number, object_id = decision.number, decision.object_id
    data = _read(session, hall, account, object_id, f"result:{number}")
    if delivery.status != DeliveryStatus.DELIVERED:
        delivery.method = DeliveryMethod.DOWNLOAD
        handout.mark_delivered(session, case, delivery, actor=f"applicant:{account.id}", hall=hall)
    return Document(f"{number}.pdf", data)


def rating_of(session: Session, case: Case) -> int | None:
    return session.scalar(select(Rating.score).where(Rating.case_id == case.id))


def rate(session: Session, case: Case, *, score: int, comment: str = "") -> None:
    handout.rate(session, case, score=score, comment=comment[:500])
