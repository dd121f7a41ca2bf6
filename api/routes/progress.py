"""The public progress page (办件进度查询) that every notice's QR code opens.

`GET /progress?case=…&p=…` is the notice's QR link: the hall's signed payload for that case
opens its progress. Without it, `POST /progress` asks for the case number and the last four
characters of the applicant's ID number. Both are rate-limited per client like the other
public pages, and wrong answers (a wrong case, a wrong ID tail, a forged link) count towards a
lockout per client; every wrong answer looks the same."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import HallDep, SessionDep
from api.throttling import client_of, per_client
from api.web.templating import render
from cases import throttle
from cases.verification.progress import Progress, find_progress

router = APIRouter(
    tags=["verify"],
    dependencies=[per_client("progress", lambda settings: settings.public_verify_per_minute)],
)
GUESSES = throttle.Lockout(
    "progress-guess",
    threshold=5,
    seconds=300,
    max_seconds=3600,
    zh="查询失败次数过多,请{wait}后再试",
    en="too many failed look-ups; try again in {wait}",
)


def _page(
    request: Request, progress: Progress | None, *, case_number: str = "", not_found: bool = False
) -> Response:
    return render(
        request,
        "progress.html",
        user=None,
        progress=progress,
        case_number=case_number,
        not_found=not_found,
        status_code=404 if not_found else 200,
    )


def _look_up(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    case_number: str,
    *,
    token: str | None = None,
    id_tail: str | None = None,
) -> Response:
    client = client_of(request, hall.settings)
    throttle.attempt(hall.sessions, GUESSES, client)
    progress = find_progress(session, case_number, token=token, id_tail=id_tail)
    if progress is None:
        return _page(request, None, case_number=case_number[:32], not_found=True)
    throttle.clear(session, GUESSES, client)
    return _page(request, progress)


@router.get("/progress", response_class=HTMLResponse, include_in_schema=False)
def progress_page(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    case: Annotated[str | None, Query(max_length=32)] = None,
    p: Annotated[str | None, Query(max_length=2000)] = None,
) -> Response:
    if not case or not p:
        return _page(request, None, case_number=case or "")
    return _look_up(request, session, hall, case, token=p)


@router.post("/progress", response_class=HTMLResponse, include_in_schema=False)
def progress_lookup(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    case: Annotated[str, Form(max_length=32)],
    id_tail: Annotated[str, Form(max_length=8)],
) -> Response:
    return _look_up(request, session, hall, case, id_tail=id_tail)
