"""Typed dependencies shared by the routes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.accounts import authenticate, require_role, session_user
from cases.catalog.spec import Catalog
from cases.db import session_scope
from cases.hall import Hall
from cases.records import scope
from cases.tasks.routing import require_task_access
from models import Case, Role, User


def get_hall(request: Request) -> Hall:
    hall: Hall = request.app.state.hall
    return hall


HallDep = Annotated[Hall, Depends(get_hall)]


def get_session(request: Request, hall: HallDep) -> Iterator[Session]:
    with session_scope(hall.sessions) as session:
        # a read may use a grant to another hall's case; a write never does
        session.info[scope.READING] = request.method in ("GET", "HEAD")
        yield session


# scope="function": commit before the response is sent, so a client that reads right
# after a 201 or a redirect sees what it just wrote.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def current_catalog(session: SessionDep, hall: HallDep) -> Catalog:
    """The published catalog in effect today, from the database: a publish by any process
    shows in the next request (see `cases.catalog.published`)."""
    return hall.catalog.current(session)


CatalogDep = Annotated[Catalog, Depends(current_catalog)]
_bearer = HTTPBearer(auto_error=False)


def current_user(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """A bearer token; or, for reads only, the browser's login session, so that the web
    pages can link to documents. Writes always need the token (no CSRF through the API)."""
    if credentials is None and request.method in ("GET", "HEAD"):
        cookie = request.scope.get("session", {})
        user = session_user(session, cookie.get("user_id"), cookie.get("sv"))
        if user is not None:
            return user
    return authenticate(session, credentials.credentials if credentials else None)


CurrentUser = Annotated[User, Depends(current_user)]


class RoleRequired:
    """A route dependency: the current user must have one of the roles (admin always may)."""

    def __init__(self, *roles: Role) -> None:
        self.roles = roles

    def __call__(self, user: CurrentUser) -> User:
        require_role(user, *self.roles)
        return user


Clerk = Annotated[User, Depends(RoleRequired(Role.CLERK))]
Reviewer = Annotated[User, Depends(RoleRequired(Role.REVIEWER))]


def load_case(session: Session, user: User, number: str) -> Case:
    case = session.scalars(select(Case).where(Case.number == number)).first()
    if case is None:
        raise scope.case_not_found(number)
    # the hall's (or opened to it; else not found), then the lead and its route's departments
    require_task_access(session, user, case)
    return case
