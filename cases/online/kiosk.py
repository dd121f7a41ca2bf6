"""自助终端: the hall's touch-screen kiosks. An applicant proves which case is theirs with
the notice's QR code (the hall's signed progress link, read by the kiosk's scanner) or the
case number and the last four characters of their ID number; then, and only for that case,
the kiosk shows its progress, reprints its notices, and re-sends a locker pickup code to
the phone on the case. Nothing personal is shown beyond the masked name."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.delivery import locker
from cases.errors import NotFound
from cases.hall import Hall
from cases.verification.progress import verified_case
from models import Case, Delivery, Notice, StoredObject

ACTOR = "kiosk"


def parse_scan(text: str) -> tuple[str, str] | None:
    """(case number, signed token) from what a scanner typed for a notice's QR code (the
    progress URL), or None when it is not one."""
    text = text.strip()[:2000]
    if "?" not in text:
        return None
    query = parse_qs(urlsplit(text).query)
    case, token = query.get("case", [""])[0], query.get("p", [""])[0]
    return (case, token) if case and token else None


def verify(
    session: Session, *, scan: str = "", case_number: str = "", id_tail: str = ""
) -> Case | None:
    """The case the applicant proved is theirs, or None (the same for every wrong answer)."""
    scanned = parse_scan(scan) if scan else None
    if scanned is not None:
        return verified_case(session, scanned[0], token=scanned[1])
    if case_number and id_tail:
        return verified_case(session, case_number, id_tail=id_tail)
    return None


def notices_of(session: Session, case: Case) -> list[Notice]:
    return list(
        session.scalars(select(Notice).where(Notice.case_id == case.id).order_by(Notice.id))
    )


def reprint(session: Session, hall: Hall, case: Case, notice_number: str) -> bytes:
    """A sealed notice of the verified case, for the kiosk's printer (audited)."""
    notice = session.scalars(
        select(Notice).where(Notice.case_id == case.id, Notice.number == notice_number[:64])
    ).first()
    if notice is None:
        raise NotFound("no such notice on this case", "该办件没有此通知书")
    obj = session.get_one(StoredObject, notice.object_id)
    data = hall.store.get(obj.key)
    audit.record(
        session,
        actor=ACTOR,
        action="notice.reprint",
        target=f"case:{case.id}",
        notice=notice.number,
        object=obj.id,
    )
    return data


def in_locker(session: Session, case: Case) -> Delivery | None:
    found = session.scalars(select(Delivery).where(Delivery.case_id == case.id)).first()
    return found if found is not None and found.status == "in_locker" else None


def resend_pickup_code(session: Session, hall: Hall, case: Case) -> Delivery:
    """A new pickup code by SMS to the phone on the case (never on the screen)."""
    return locker.resend_code(session, hall, case, actor=ACTOR)
