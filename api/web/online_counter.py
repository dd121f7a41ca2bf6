"""The counter's side of the applicant's other channels: the online queue (网上申报待审),
and mail-in (邮寄收件) registration and the address sheet for the envelope back."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from api.deps import HallDep, SessionDep, load_case
from api.web.auth import ClerkPage, check_csrf
from api.web.templating import render, see_other
from cases.online import applications as online
from cases.online import postal

router = APIRouter(include_in_schema=False)


@router.get("/counter/online")
def online_queue(request: Request, session: SessionDep, user: ClerkPage) -> Response:
    """Submitted online cases not answered yet, oldest first; each opens in the counter's
    own case page, where the window's decision answers it."""
    return render(request, "counter_online.html", queue=online.online_queue(session, user))


@router.post("/counter/cases/{number}/postal")
def register_postal(
    number: str,
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: ClerkPage,
    tracking_number: Annotated[str, Form(max_length=64)],
    sender: Annotated[str, Form(max_length=100)],
    address: Annotated[str, Form(max_length=500)],
    carrier: Annotated[str, Form(max_length=32)] = "中国邮政EMS",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    check_csrf(request, csrf)
    case = load_case(session, user, number)
    postal.register(
        session,
        hall,
        case,
        tracking_number=tracking_number,
        sender=sender,
        address=address,
        carrier=carrier,
        actor=user,
    )
    return see_other(f"/counter/cases/{case.number}")


@router.get("/counter/cases/{number}/address-sheet.pdf")
def address_sheet(number: str, session: SessionDep, hall: HallDep, user: ClerkPage) -> Response:
    case = load_case(session, user, number)
    return Response(
        postal.address_sheet(session, hall, case),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="address-{case.number}.pdf"'},
    )
