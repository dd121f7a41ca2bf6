"""自助终端 pages (`/kiosk`): large touch targets, the QR scanner types into the focused
field. After the applicant proves one case is theirs, a short-lived signed cookie
(`onewindow_kiosk`, 5 minutes, that case only) opens its progress, notice reprints and the
locker code; 结束 or the next query ends it. Guesses are limited and locked out per client
like the public progress page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from api.deps import CatalogDep, HallDep, SessionDep
from api.routes.progress import GUESSES
from api.throttling import client_of, per_client
from api.web.applicant import guide, pdf_response
from api.web.counter import search_items
from api.web.templating import render
from cases import throttle
from cases.errors import NotFound
from cases.online import kiosk
from cases.verification.progress import progress_of
from models import Case

router = APIRouter(
    include_in_schema=False,
    dependencies=[per_client("kiosk", lambda settings: settings.public_per_minute)],
)
COOKIE = "onewindow_kiosk"
SECONDS = 300


def _signer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(
        request.app.state.hall.settings.session_secret, salt="onewindow-kiosk"
    )


def _page(request: Request, name: str, status_code: int = 200, **context: object) -> Response:
    return render(request, name, status_code=status_code, user=None, **context)


def _verified(request: Request, session: SessionDep) -> Case:
    """The case this kiosk session opened; NotFound when none (expired, ended, forged)."""
    raw = request.cookies.get(COOKIE, "")
    try:
        number = _signer(request).loads(raw, max_age=SECONDS) if raw else None
    except BadSignature:
        number = None
    case = (
        session.scalars(select(Case).where(Case.number == number)).first()
        if isinstance(number, str)
        else None
    )
    if case is None:
        raise NotFound("the kiosk session has ended; query again", "查询已超时,请重新查询")
    return case


@router.get("/kiosk")
def menu(request: Request) -> Response:
    return _page(request, "kiosk_menu.html")


@router.get("/kiosk/query")
def query_form(request: Request) -> Response:
    return _page(request, "kiosk_query.html")


@router.post("/kiosk/query")
def query(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    scan: Annotated[str, Form(max_length=2000)] = "",
    case: Annotated[str, Form(max_length=32)] = "",
    id_tail: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    client = client_of(request, hall.settings)
    throttle.attempt(hall.sessions, GUESSES, client)
    found = kiosk.verify(session, scan=scan, case_number=case, id_tail=id_tail)
    if found is None:
        response = _page(request, "kiosk_query.html", status_code=404, not_found=True)
        response.delete_cookie(COOKIE, path="/kiosk")
        return response
    throttle.clear(session, GUESSES, client)
    response = RedirectResponse("/kiosk/case", status_code=303)
    response.set_cookie(
        COOKIE,
        _signer(request).dumps(found.number),
        max_age=SECONDS,
        httponly=True,
        samesite="strict",
        secure=hall.settings.is_production,
        path="/kiosk",
    )
    return response


@router.get("/kiosk/case")
def case_page(request: Request, session: SessionDep, message: str = "") -> Response:
    case = _verified(request, session)
    return _page(
        request,
        "kiosk_case.html",
        progress=progress_of(session, case),
        notices=kiosk.notices_of(session, case),
        locker=kiosk.in_locker(session, case),
        message={"sent": "新的取件码已发送至办件登记的手机,请查收短信。"}.get(message, ""),
    )


@router.get("/kiosk/notices/{number}.pdf")
def reprint(number: str, request: Request, session: SessionDep, hall: HallDep) -> Response:
    case = _verified(request, session)
    data = kiosk.reprint(session, hall, case, number)
    return pdf_response(data, f"{number[:64]}.pdf", disposition="inline")


@router.post("/kiosk/locker-code")
def locker_code(request: Request, session: SessionDep, hall: HallDep) -> Response:
    case = _verified(request, session)
    kiosk.resend_pickup_code(session, hall, case)
    return RedirectResponse("/kiosk/case?message=sent", status_code=303)


@router.post("/kiosk/end")
def end(request: Request) -> Response:
    response = RedirectResponse("/kiosk", status_code=303)
    response.delete_cookie(COOKIE, path="/kiosk")
    return response


@router.get("/kiosk/items")
def items(request: Request, catalog: CatalogDep, q: str = "") -> Response:
    return _page(
        request, "apply_items.html", items=search_items(catalog, q[:50]), q=q[:50], kiosk=True
    )


@router.get("/kiosk/items/{code}")
def item(
    code: str, request: Request, catalog: CatalogDep, type: str = "", scenario: str = ""
) -> Response:
    return _page(request, "apply_item.html", **guide(catalog, code, type, scenario), kiosk=True)
