"""Result delivery at the comprehensive window: pickup, locker, post, feedback, rating;
the sealed decision documents (不予许可决定书) that are delivered like licenses."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel

from api.deps import Clerk, CurrentUser, HallDep, Reviewer, RoleRequired, SessionDep, load_case
from api.ids import RowId
from api.throttling import client_of
from cases import throttle
from cases.config import Settings
from cases.delivery import handout as delivery
from cases.delivery import locker as lockers
from cases.delivery.applicant import applicant_case
from cases.errors import InvalidInput
from cases.records import access as archive_access
from cases.results.decision_document import find_decision_document
from models import Delivery, Role, StoredObject, User

router = APIRouter(prefix="/api/v1", tags=["delivery"])
LockerTerminal = Annotated[User, Depends(RoleRequired(Role.LOCKER))]


class PickupRequest(BaseModel):
    receiver_name: str
    id_number: str
    attorney_ref: str = ""


class LockerRequest(BaseModel):
    box: str


class LockerPickup(BaseModel):
    box: str
    code: str


class PostRequest(BaseModel):
    address: str
    tracking_number: str
    carrier: str = "中国邮政EMS"


class PostalStatus(BaseModel):
    status: str
    note: str = ""


class RatingRequest(BaseModel):
    id_number: str  # the applicant's; rating is theirs alone
    score: int
    comment: str = ""


def _view(d: Delivery) -> dict[str, Any]:
    return {
        "method": d.method,
        "status": d.status,
        "result_kind": d.result_kind,
        "decision_pdf": (
            f"/api/v1/decisions/{d.decision_document_id}/pdf" if d.decision_document_id else None
        ),
        "locker_box": d.locker_box or None,
        "code_expires_at": d.code_expires_at.isoformat() if d.code_expires_at else None,
        "tracking_number": d.tracking_number or None,
        "by_agent": d.by_agent,
        "delivered_at": d.delivered_at.isoformat() if d.delivered_at else None,
        "fed_back_to_department": d.feedback_at is not None,
    }


@router.get("/cases/{number}/delivery")
def show(number: str, session: SessionDep, user: Clerk) -> dict[str, Any]:
    return _view(delivery.delivery_of(session, load_case(session, user, number)))


@router.post("/cases/{number}/delivery/pickup")
def pickup(
    number: str, body: PickupRequest, session: SessionDep, user: Clerk, hall: HallDep
) -> dict[str, Any]:
    case = load_case(session, user, number)
    return _view(
        delivery.pick_up(
            session,
            case,
            actor=user,
            receiver_name=body.receiver_name,
            id_number=body.id_number,
            attorney_ref=body.attorney_ref,
            hall=hall,
        )
    )


@router.post("/cases/{number}/delivery/locker")
def locker(
    number: str, body: LockerRequest, session: SessionDep, user: Clerk, hall: HallDep
) -> dict[str, Any]:
    case = load_case(session, user, number)
    return _view(lockers.to_locker(session, hall, case, actor=user, box=body.box))


@router.post("/cases/{number}/delivery/renotify")
def renotify(number: str, session: SessionDep, user: Clerk, hall: HallDep) -> dict[str, Any]:
    case = load_case(session, user, number)
    return _view(lockers.renotify(session, hall, case, actor=user))


def _terminal_lockout(settings: Settings) -> throttle.Lockout:
    return throttle.Lockout(
        "locker.terminal",
        settings.locker_terminal_tries,
        settings.locker_terminal_wait_seconds,
        max_seconds=3600,
        zh="本终端取件码错误次数过多,请{wait}后再试",
        en="too many wrong pickup codes at this terminal; try again in {wait}",
    )


@router.post("/locker/pickup")
def locker_pickup(
    body: LockerPickup, session: SessionDep, hall: HallDep, terminal: LockerTerminal
) -> dict[str, Any]:
    """Called by a registered locker terminal (an account of role `locker`) with what the
    applicant typed. A stranger without a terminal's token cannot try codes at all; a
    terminal that took `locker_terminal_tries` wrong codes waits (doubling, up to an
    hour), which is what keeps a six-digit code from being guessed, so the applicant's
    code survives a few wrong tries instead of being voided by whoever typed them."""
    lockout = _terminal_lockout(hall.settings)
    attempt = throttle.attempt(hall.sessions, lockout, terminal.username)
    try:
        delivered = lockers.locker_pickup(
            session, hall, box=body.box, code=body.code, terminal=terminal.username
        )
    except InvalidInput as e:
        session.commit()  # the code's own count of wrong tries stands
        if attempt.locks_for:
            zh, en = throttle.wait_words(attempt.locks_for)
            raise InvalidInput(
                f"{e.en}; this terminal waits {en}", f"{e.zh};本终端请 {zh}后再试"
            ) from None
        raise
    throttle.clear(session, lockout, terminal.username)
    return _view(delivered)


@router.post("/cases/{number}/delivery/post")
def post(
    number: str, body: PostRequest, session: SessionDep, user: Clerk, hall: HallDep
) -> dict[str, Any]:
    case = load_case(session, user, number)
    return _view(
        delivery.mail(
            session,
            hall,
            case,
            actor=user,
            address=body.address,
            tracking_number=body.tracking_number,
            carrier=body.carrier,
        )
    )


@router.post("/cases/{number}/delivery/post-status")
def post_status(
    number: str, body: PostalStatus, session: SessionDep, user: Clerk, hall: HallDep
) -> dict[str, Any]:
    case = load_case(session, user, number)
    return _view(
        delivery.postal_update(
            session, case, status=body.status, note=body.note, actor=user.username, hall=hall
        )
    )


@router.post("/cases/{number}/rating", status_code=201)
def rate(
    number: str, body: RatingRequest, request: Request, session: SessionDep, hall: HallDep
) -> dict[str, Any]:
    """好差评 by the applicant, anonymous: the case number and their ID number say who
    they are. Guesses are limited per client and per case number before anything is
    looked up, and a wrong ID answers like an unknown case (`cases.delivery.applicant`)."""
    settings = hall.settings
    throttle.hit(
        hall.sessions,
        throttle.RateLimit("rating.client", settings.rating_per_hour, 3600),
        client_of(request, settings),
    )
    throttle.hit(
        hall.sessions,
        throttle.RateLimit(
            "rating.case",
            settings.rating_per_case_per_hour,
            3600,
            zh="该办件的评价尝试过于频繁,请{wait}后再试",
            en="too many rating attempts for this case; try again in {wait}",
        ),
        number.strip().upper(),
    )
    case = applicant_case(session, number=number, id_number=body.id_number)
    rating = delivery.rate(session, case, score=body.score, comment=body.comment)
    return {"case": case.number, "score": rating.score}


@router.get("/delivery/feedback")
def feedback(session: SessionDep, user: Reviewer) -> list[dict[str, Any]]:
    """送达结果反馈: how the department's results reached the applicants."""
    if user.department_id is None:
        return []
    return [
        {"case": c.number, "item": c.item.name, **_view(d)}
        for d, c in delivery.feedback_for(session, user.department_id)
    ]


@router.get("/decisions/{document_id}/pdf")
def decision_pdf(
    document_id: RowId, session: SessionDep, hall: HallDep, user: CurrentUser
) -> Response:
    """The sealed 不予许可决定书, authorised and audited like every archived document."""
    document = find_decision_document(session, document_id)
    obj = session.get_one(StoredObject, document.object_id)
    stream = archive_access.open_for_download(session, hall.store, user, obj)
    session.commit()  # the audit event stands even if the client drops the transfer
    with stream:
        data = stream.read()
    return Response(
        data,
        media_type="application/pdf",
        headers={
            "Content-Disposition": 'inline; filename="decision.pdf"',
            "X-Content-SHA256": obj.sha256,
        },
    )
