"""The delivery desk (出件窗口): results ready for the applicant, handed out at the window
after the identity check, through a self-service locker (SMS code) or by post. The rules
(容缺 gate, ID check, locker codes) live in cases.delivery; this only shows them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import select

from api.deps import HallDep, SessionDep, load_case
from api.errors import status_for
from api.web.auth import ClerkPage, check_csrf
from api.web.templating import render, see_other
from cases.acceptance.pending import delivery_allowed
from cases.delivery import handout as delivery
from cases.delivery import locker
from cases.errors import OneWindowError
from cases.records import scope
from models import Case, Delivery, DeliveryStatus, PostalEvent, User

router = APIRouter(include_in_schema=False)

OPEN = (
    DeliveryStatus.AT_WINDOW,
    DeliveryStatus.IN_LOCKER,
    DeliveryStatus.POSTED,
    DeliveryStatus.RETURNED,
)


@router.get("/delivery")
def ready_results(request: Request, session: SessionDep, user: ClerkPage) -> Response:
    rows = session.execute(
        select(Delivery, Case)
        .join(Case, Case.id == Delivery.case_id)
        .where(Delivery.status.in_(OPEN), scope.visible_cases(user))
        .order_by(Delivery.id)
    ).all()
    results = [(d, c, delivery_allowed(session, c)) for d, c in rows]
    done = session.execute(
        select(Delivery, Case)
        .join(Case, Case.id == Delivery.case_id)
        .where(Delivery.status == DeliveryStatus.DELIVERED, scope.visible_cases(user))
        .order_by(Delivery.delivered_at.desc())
        .limit(10)
    ).all()
    return render(request, "delivery.html", results=results, done=done)


def _case_page(
    request: Request,
    session: SessionDep,
    user: User,
    number: str,
    *,
    error: str = "",
    status_code: int = 200,
    form: dict[str, str] | None = None,
) -> Response:
    case = load_case(session, user, number)
    found = delivery.delivery_of(session, case)
    events = session.scalars(
        select(PostalEvent).where(PostalEvent.delivery_id == found.id).order_by(PostalEvent.id)
    ).all()
    allowed, reason = delivery_allowed(session, case)
    return render(
        request,
        "delivery_case.html",
        status_code=status_code,
        case=case,
        d=found,
        events=events,
        allowed=allowed or found.result_kind != "license",
        reason=reason,
        error=error,
        form=form or {},
        flash=request.session.pop("flash", ""),
    )


@router.get("/delivery/cases/{number}")
def delivery_case(number: str, request: Request, session: SessionDep, user: ClerkPage) -> Response:
    return _case_page(request, session, user, number)


@router.post("/delivery/cases/{number}")
def deliver(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ClerkPage,
    action: Annotated[str, Form()],
    csrf: Annotated[str, Form()] = "",
    receiver_name: Annotated[str, Form()] = "",
    id_number: Annotated[str, Form()] = "",
    attorney_ref: Annotated[str, Form()] = "",
    box: Annotated[str, Form()] = "",
    address: Annotated[str, Form()] = "",
    tracking_number: Annotated[str, Form()] = "",
    carrier: Annotated[str, Form()] = "中国邮政EMS",
    status: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    case = load_case(session, user, number)
    done = {
        "pickup": "已核验身份并交付,领取人已签收",
        "locker": "已放入自助文件柜,取件码已短信发送",
        "renotify": "已重新发送取件码",
        "post": "已登记邮寄",
        "post_status": "已更新邮寄状态",
    }
    try:
        if action == "pickup":
            delivery.pick_up(
                session,
                case,
                actor=user,
                receiver_name=receiver_name,
                id_number=id_number,
                attorney_ref=attorney_ref,
            )
        elif action == "locker":
            locker.to_locker(session, hall, case, actor=user, box=box)
        elif action == "renotify":
            locker.renotify(session, hall, case, actor=user)
        elif action == "post":
            delivery.mail(
                session,
                hall,
                case,
                actor=user,
                address=address,
                tracking_number=tracking_number,
                carrier=carrier,
            )
        elif action == "post_status":
            delivery.postal_update(
                session, case, status=status, note=note, actor=user.username, hall=hall
            )
        else:
            return _case_page(request, session, user, number, error="未知的操作", status_code=422)
    except OneWindowError as e:
        session.rollback()
        form = {
            "receiver_name": receiver_name,
            "attorney_ref": attorney_ref,
            "box": box,
            "address": address,
            "tracking_number": tracking_number,
        }  # the ID number is not echoed back
        return _case_page(
            request, session, user, number, error=e.zh, status_code=status_for(e), form=form
        )
    request.session["flash"] = done[action]
    return see_other(f"/delivery/cases/{number}")
