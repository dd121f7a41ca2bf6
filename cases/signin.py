"""Staff sign-in with a password, guarded against guessing (`cases.throttle`).

- Per account: `login_max_failures` wrong passwords in a row lock the account for
  `login_lockout_seconds`, and each further run of failures locks it again. While it is
  locked even the right password is refused (so guessing cannot go on behind the lock);
  a successful login clears the count. The key is the username as typed, whether or not
  such an account exists, so the lockout itself does not tell which usernames exist.
- Per client: at most `login_failures_per_client_per_hour` failed logins over all
  usernames (password spraying: one try at each of many accounts). Successful logins are
  taken back from the count, so a hall's clerks behind one address are not held up.

The start of a lock is audited; the refusals behind it are not (they would flood the
chain), nor is an unknown username (people type passwords into that field).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases import audit, throttle
from cases.accounts import login
from cases.config import Settings
from cases.errors import Unauthenticated
from models import User


def account_lockout(settings: Settings) -> throttle.Lockout:
    return throttle.Lockout(
        "login.account",
        settings.login_max_failures,
        settings.login_lockout_seconds,
        memory=max(settings.login_lockout_seconds, 24 * 3600),
        zh="登录失败次数过多,账户已锁定,请{wait}后再试;如忘记密码请联系管理员",
        en="too many failed logins: the account is locked; try again in {wait}, or ask an "
        "administrator to reset the password",
    )


def client_limit(settings: Settings) -> throttle.RateLimit:
    return throttle.RateLimit(
        "login.client",
        settings.login_failures_per_client_per_hour,
        3600,
        zh="本机登录失败次数过多,请{wait}后再试",
        en="too many failed logins from this computer; try again in {wait}",
    )


def sign_in(
    session: Session,
    sessions: sessionmaker[Session],
    settings: Settings,
    *,
    username: str,
    password: str,
    client: str,
) -> User:
    """The user, or Unauthenticated (wrong username or password) or TooManyRequests
    (locked, or too many failures from this client). `sessions` counts the attempt in
    its own transaction: call before the request (`session`) writes anything."""
    account = username.strip()
    lockout, per_client = account_lockout(settings), client_limit(settings)
    throttle.hit(sessions, per_client, client)
    attempt = throttle.attempt(sessions, lockout, account)
    try:
        user = login(session, account, password)
    except Unauthenticated as e:
        if not attempt.locks_for:
            raise
        known = session.scalar(select(User.id).where(User.username == account)) is not None
        audit.record(
            session,
            actor="anonymous",
            action="auth.locked",
            target=f"user:{account}" if known else "user:(unknown)",
            seconds=attempt.locks_for,
            failures=attempt.failures,
            client=client,
        )
        wait_zh, wait_en = throttle.wait_words(attempt.locks_for)
        raise Unauthenticated(
            f"{e.en}; too many failed logins: the account is locked for {wait_en}",
            f"{e.zh}。登录失败次数过多,账户已锁定 {wait_zh}",
        ) from None
    throttle.clear(session, lockout, account)
    throttle.refund(session, per_client, client)
    return user
