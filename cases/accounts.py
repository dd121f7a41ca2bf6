"""Staff accounts, API tokens and the permission checks every entry point shares."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.errors import Forbidden, InvalidInput, NotFound, Unauthenticated
from models import Department, Role, ServiceHall, User, Window


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: Role,
    department_code: str | None = None,
    window_code: str | None = None,
    hall_code: str | None = None,
    league: bool = False,
) -> tuple[User, str]:
    """Create a user and return it with a fresh API token (shown once, stored hashed).

    Staff work for one hall (`hall_code`; by default the window's, else the department's,
    else the default hall) and see its cases only; an administrator may instead work for
    the league (`league`), seeing every hall's."""
    department = window = None
    if department_code:
        department = session.scalars(
            select(Department).where(Department.code == department_code)
        ).first()
        if department is None:
            raise NotFound(
                f"unknown department {department_code!r}", f"未知部门 {department_code!r}"
            )
    if window_code:
        window = session.scalars(select(Window).where(Window.code == window_code)).first()
        if window is None:
            raise NotFound(f"unknown window {window_code!r}", f"未知窗口 {window_code!r}")
    if role is Role.REVIEWER and department is None:
        raise InvalidInput("a reviewer belongs to a department", "审批人员必须属于一个部门")
    if session.scalars(select(User).where(User.username == username)).first():
        raise InvalidInput(f"user {username!r} exists", f"用户 {username!r} 已存在")
    hall = _hall_of(session, hall_code, window, department, league=league, role=role)
    token = secrets.token_urlsafe(32)
    user = User(
        username=username,
        display_name=display_name,
        role=role.value,
        department=department,
        window=window,
        hall=hall,
        token_sha256=_digest(token),
    )
    session.add(user)
    session.flush()
    return user, token


def _hall_of(
    session: Session,
    code: str | None,
    window: Window | None,
    department: Department | None,
    *,
    league: bool,
    role: Role,
) -> ServiceHall | None:
    if league:
        if role is not Role.ADMIN or code or window:
            raise InvalidInput(
                "only an administrator without a hall or window works for the league",
                "只有不属于具体大厅和窗口的管理员可以设为盟级账号",
            )
        return None
    if code:
        hall = session.scalars(select(ServiceHall).where(ServiceHall.code == code)).first()
        if hall is None:
            raise NotFound(f"unknown hall {code!r}", f"未知的政务服务中心 {code!r}")
        if window is not None and window.hall_id not in (None, hall.id):
            raise InvalidInput(
                f"window {window.code} is not in hall {code}",
                f"窗口 {window.code} 不属于政务服务中心 {hall.name}",
            )
        return hall
    if window is not None and window.hall is not None:
        return window.hall
    if department is not None and department.hall is not None:
        return department.hall
    return session.scalars(select(ServiceHall).order_by(ServiceHall.id)).first()


_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 8


def set_password(user: User, password: str) -> None:
    """A new password ends every browser session of the user (it may be set because the
    old one leaked)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"a password needs at least {MIN_PASSWORD_LENGTH} characters",
            f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符",
        )
    user.password_hash = _hasher.hash(password)
    end_sessions(user)


def end_sessions(user: User) -> None:
    """End every browser session of the user: a session cookie is signed on the client's
    side, so it cannot be deleted there; it names the version it was issued under."""
    user.session_version = (user.session_version or 1) + 1


def deactivate(user: User) -> None:
    """No more logins, sessions or API requests (tokens are checked against `active`)."""
    user.active = False
    end_sessions(user)


def session_user(session: Session, user_id: object, version: object) -> User | None:
    """The user a browser session names, while the session is still theirs."""
    if not isinstance(user_id, int) or not isinstance(version, int):
        return None
    user = session.get(User, user_id)
    if user is None or not user.active or user.session_version != version:
        return None
    return user


def login(session: Session, username: str, password: str) -> User:
    """Check a browser login; the message never says which of the two was wrong."""
    user = session.scalars(select(User).where(User.username == username.strip())).first()
    wrong = Unauthenticated("wrong username or password", "用户名或密码错误")
    if user is None or not user.active or not user.password_hash:
        _hasher.hash(password)  # same work either way: no user enumeration by timing
        raise wrong
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise wrong from None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def authenticate(session: Session, token: str | None) -> User:
    if not token:
        raise Unauthenticated(
            "missing bearer token; send 'Authorization: Bearer <token>'",
            "缺少访问令牌,请在请求头中提供 Authorization: Bearer <令牌>",
        )
    user = session.scalars(select(User).where(User.token_sha256 == _digest(token))).first()
    if user is None or not user.active:
        raise Unauthenticated("invalid or revoked token", "访问令牌无效或已停用")
    return user


def require_role(user: User, *roles: Role) -> None:
    if user.role not in {r.value for r in roles} and user.role != Role.ADMIN:
        wanted = "/".join(r.value for r in roles)
        raise Forbidden(
            f"this action needs the role {wanted}; you are {user.role}",
            f"此操作需要 {wanted} 角色,当前用户角色为 {user.role}",
        )
