"""Confirming doubtful fields from the counter and the desk pages (人工核对).

The pages post here from their script (`static/app.js`): Enter on a highlighted field
confirms it as read, or saves what the person typed. The answer is JSON, errors included
(in Chinese and English), so the page keeps the person's typing and focus.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, Response

from api.deps import SessionDep, load_case
from api.errors import body, status_for
from api.web.auth import PageRole, check_csrf
from cases.errors import Forbidden, NotFound, OneWindowError
from cases.intake import confirmation
from models import Role, User

router = APIRouter(include_in_schema=False)

StaffPage = Annotated[User, Depends(PageRole(Role.CLERK, Role.REVIEWER))]


@router.post("/web/cases/{number}/fields")
def decide_field(
    number: str,
    request: Request,
    session: SessionDep,
    user: StaffPage,
    page: Annotated[int, Form(ge=1, le=100_000)],
    index: Annotated[int, Form(ge=0, le=10_000)],
    value: Annotated[str | None, Form(max_length=confirmation.MAX_VALUE_CHARS)] = None,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    try:
        check_csrf(request, csrf)
        try:
            case = load_case(session, user, number[:64])
        except (NotFound, Forbidden):
            raise confirmation.no_such_field() from None
        row = confirmation.confirm_field(
            session, case, page_seq=page, index=index, value=value, actor=user
        )
    except OneWindowError as e:
        session.rollback()  # nothing of a refused decision is kept
        return JSONResponse(body(e.code, e.zh, e.en), status_code=status_for(e))
    return JSONResponse(row.as_json())
