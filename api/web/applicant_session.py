"""The applicant's browser session (网上办事): a signed cookie of its own, apart from the
staff session and its roles, and the phone + SMS code sign-in pages.

The cookie (`onewindow_applicant`, HttpOnly, SameSite=Lax so that a link in an SMS opens
the signed-in page, Secure in production) carries a CSRF token and, once signed in, the
applicant's account and its session version (`cases.online.identity`): signing out raises
the version and ends every copy. It is signed with the hall's session secret under its
own salt, so no staff cookie can pass for it, nor it for a staff cookie.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from api.deps import HallDep, SessionDep
from api.throttling import client_of
from api.web.templating import render
from cases.delivery.sms import SmsError, gateway_for
from cases.errors import Forbidden, InvalidInput, TooManyRequests, Unauthenticated
from cases.online import identity
from cases.online.identity import masked_phone
from models import Applicant

router = APIRouter(include_in_schema=False)
COOKIE = "onewindow_applicant"
MAX_AGE = 2 * 3600


class ApplicantSignInRequired(Exception):
    """Raised by the applicant pages' dependency; turned into a redirect to /apply."""


def _signer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(
        request.app.state.hall.settings.session_secret, salt="onewindow-applicant-session"
    )


def cookie_state(request: Request) -> dict[str, Any]:
    """The cookie's content, verified (empty when absent, forged or too old); a CSRF
    token is made for a visitor who has none."""
    cached = getattr(request.state, "applicant_cookie", None)
    if cached is not None:
        return dict(cached)
    state: dict[str, Any] = {}
    raw = request.cookies.get(COOKIE)
    if raw:
        try:
            loaded = _signer(request).loads(raw, max_age=MAX_AGE)
            state = loaded if isinstance(loaded, dict) else {}
        except BadSignature:
            state = {}
    state.setdefault("csrf", secrets.token_urlsafe(24))
    request.state.applicant_cookie = state
    return dict(state)


def keep_cookie(
    request: Request, response: Response, state: dict[str, Any] | None = None
) -> Response:
    """Write the cookie (the request's state, or `state`) on the response."""
    state = state if state is not None else cookie_state(request)
    response.set_cookie(
        COOKIE,
        _signer(request).dumps(state),
        max_age=MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=request.app.state.hall.settings.is_production,
        path="/",
    )
    return response


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """An applicant page: the staff header stays empty, the form token is the applicant's."""
    state = cookie_state(request)
    context.setdefault("applicant", getattr(request.state, "applicant", None))
    response = render(
        request, name, status_code=status_code, user=None, apply_csrf=state["csrf"], **context
    )
    return keep_cookie(request, response, state)


def check_csrf(request: Request, token: str) -> None:
    expected = cookie_state(request).get("csrf", "")
    if not token or not secrets.compare_digest(expected, token):
        raise Forbidden(
            "the form has expired; reload the page and try again", "页面已过期,请刷新后重试"
        )


def current_applicant(request: Request, session: SessionDep) -> Applicant:
    state = cookie_state(request)
    account = identity.session_applicant(session, state.get("a"), state.get("v"))
    if account is None:
        raise ApplicantSignInRequired
    request.state.applicant = account
    return account


ApplicantDep = Annotated[Applicant, Depends(current_applicant)]


def signed_in(request: Request, session: SessionDep) -> Applicant | None:
    try:
        return current_applicant(request, session)
    except ApplicantSignInRequired:
        return None


@router.post("/apply/code")
def send_code(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    phone: Annotated[str, Form(max_length=32)],
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Send a sign-in code; the same page then asks for it."""
    check_csrf(request, csrf)
    try:
        number = identity.send_code(
            session,
            hall.sessions,
            hall.settings,
            gateway_for(hall),
            phone=phone,
            client=client_of(request, hall.settings),
            hall_name=hall.catalog.org.hall.name,
        )
    except (InvalidInput, TooManyRequests, SmsError) as e:
        session.rollback()  # a code that was not sent is no code
        return _sign_in_page(request, phone=phone[:32], error=e)
    minutes = max(1, hall.settings.applicant_code_seconds // 60)
    return page(
        request,
        "apply_signin.html",
        phone=number,
        sent=f"验证码已发送至 {masked_phone(number)},{minutes} 分钟内有效",
    )


def _sign_in_page(request: Request, *, phone: str, error: Exception, sent: str = "") -> Response:
    status = (
        429
        if isinstance(error, TooManyRequests)
        else 401
        if isinstance(error, Unauthenticated)
        else 422
    )
    response = page(
        request,
        "apply_signin.html",
        status_code=status,
        phone=phone,
        sent=sent,
        error=f"{getattr(error, 'zh', '')} / {getattr(error, 'en', '')}",
    )
    if isinstance(error, TooManyRequests):
        response.headers["Retry-After"] = str(error.retry_after)
    return response


@router.post("/apply/signin")
def sign_in(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    phone: Annotated[str, Form(max_length=32)],
    code: Annotated[str, Form(max_length=16)],
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    check_csrf(request, csrf)
    try:
        account = identity.sign_in(
            session,
            hall.sessions,
            hall.settings,
            phone=phone,
            code=code,
            client=client_of(request, hall.settings),
        )
    except (InvalidInput, Unauthenticated, TooManyRequests) as e:
        return _sign_in_page(request, phone=phone[:32], error=e, sent="请重新输入短信验证码")
    # a new cookie at sign-in (no fixation): new CSRF token, the account and its version
    state = {"csrf": secrets.token_urlsafe(24), "a": account.id, "v": account.session_version}
    return keep_cookie(request, RedirectResponse("/apply", status_code=303), state)


@router.post("/apply/signout")
def sign_out(
    request: Request, session: SessionDep, csrf: Annotated[str, Form(max_length=64)] = ""
) -> Response:
    check_csrf(request, csrf)
    account = signed_in(request, session)
    if account is not None:
        identity.sign_out(account)
    response = RedirectResponse("/apply", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


def install(app: FastAPI) -> None:
    @app.exception_handler(ApplicantSignInRequired)
    async def _to_sign_in(request: Request, _: ApplicantSignInRequired) -> Response:
        return RedirectResponse("/apply", status_code=303)
