"""Who the applicant is online: a phone number that answered a one-time SMS code.

- A code is six random digits, kept only as a keyed hash (HMAC-SHA256 with the hall's
  session secret) with its expiry (`applicant_code_seconds`); a new code voids the
  phone's earlier ones, and a code opens one sign-in only.
- Sending is limited per phone and per client address (`cases.throttle` rate limits, in
  the database): nobody can flood a phone, or the hall's SMS bill, from one place.
- Checking is locked out per phone: `applicant_code_max_failures` wrong codes in a row
  lock the phone's sign-in (doubling each time, up to a day), and while it is locked even
  the right code is refused; the lock also voids the live code. Failures per client over
  all phones are limited too (one guess at each of many phones). So a code of 10^6 values
  gets at most a handful of guesses.
- Every wrong answer is the same (no such code, expired, used, wrong digits).

The applicant's browser session carries the account's `session_version`; signing out
raises it, which ends every copy of the cookie.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from cases import audit, throttle
from cases.config import Settings
from cases.db import session_scope
from cases.delivery.sms import SmsGateway, render
from cases.errors import InvalidInput, Unauthenticated
from models import Applicant, SignInCode

_PHONE = re.compile(r"1[3-9][0-9]{9}")


def normalised_phone(value: str) -> str:
    """A mainland mobile number as people type it (spaces, dashes, +86, full-width)."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", value) if ch.isdigit())
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not _PHONE.fullmatch(digits):
        raise InvalidInput(
            "enter an 11-digit mainland mobile number", "请输入11位手机号码(如 13800138000)"
        )
    return digits


def masked_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else "****"


def _hash(settings: Settings, phone: str, code: str) -> str:
    key = f"applicant-code:{settings.session_secret}".encode()
    return hmac.new(key, f"{phone}:{code}".encode(), hashlib.sha256).hexdigest()


def send_limits(settings: Settings) -> tuple[throttle.RateLimit, throttle.RateLimit]:
    per_phone = throttle.RateLimit(
        "applicant.code.phone",
        settings.applicant_codes_per_phone_per_hour,
        3600,
        zh="该手机号获取验证码过于频繁,请{wait}后再试",
        en="too many codes for this phone; try again in {wait}",
    )
    per_client = throttle.RateLimit(
        "applicant.code.client",
        settings.applicant_codes_per_client_per_hour,
        3600,
        zh="本机获取验证码过于频繁,请{wait}后再试",
        en="too many codes asked from this device; try again in {wait}",
    )
    return per_phone, per_client


def check_limits(settings: Settings) -> tuple[throttle.Lockout, throttle.RateLimit]:
    per_phone = throttle.Lockout(
        "applicant.signin.phone",
        settings.applicant_code_max_failures,
        settings.applicant_code_lockout_seconds,
        max_seconds=24 * 3600,
        memory=max(settings.applicant_code_lockout_seconds, 24 * 3600),
        zh="验证码错误次数过多,该手机号已暂停登录,请{wait}后重新获取验证码",
        en="too many wrong codes: sign-in with this phone is locked; ask for a new code in {wait}",
    )
    per_client = throttle.RateLimit(
        "applicant.signin.client",
        settings.applicant_code_failures_per_client_per_hour,
        3600,
        zh="本机验证码错误次数过多,请{wait}后再试",
        en="too many wrong codes from this device; try again in {wait}",
    )
    return per_phone, per_client


def send_code(
    session: Session,
    sessions: sessionmaker[Session],
    settings: Settings,
    gateway: SmsGateway,
    *,
    phone: str,
    client: str,
    hall_name: str,
    now: datetime | None = None,
) -> str:
    """Send a new sign-in code to `phone` (normalised, returned). The limits are counted
    first, in their own transactions: call before `session` writes anything."""
    phone = normalised_phone(phone)
    per_phone, per_client = send_limits(settings)
    throttle.hit(sessions, per_client, client)
    throttle.hit(sessions, per_phone, phone)
    now = now or datetime.now(UTC)
    code = f"{secrets.randbelow(10**6):06d}"
    session.execute(
        update(SignInCode)
        .where(SignInCode.phone == phone, SignInCode.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    minutes = max(1, settings.applicant_code_seconds // 60)
    session.add(
        SignInCode(
            phone=phone,
            code_hash=_hash(settings, phone, code),
            expires_at=now + timedelta(seconds=settings.applicant_code_seconds),
            created_at=now,
        )
    )
    session.flush()
    # sent before the row commits: a failed send raises (SmsError) and leaves no code
    gateway.send(phone, render("sign_in_code", hall=hall_name, code=code, minutes=minutes))
    return phone


def _wrong() -> Unauthenticated:
    return Unauthenticated(
        "the code is wrong or has expired; ask for a new one",
        "验证码错误或已失效,请核对或重新获取验证码",
    )


def sign_in(
    session: Session,
    sessions: sessionmaker[Session],
    settings: Settings,
    *,
    phone: str,
    code: str,
    client: str,
    now: datetime | None = None,
) -> Applicant:
    """The applicant whose phone this code was sent to (created at the first sign-in), or
    Unauthenticated (any wrong answer) or TooManyRequests (locked, or too many failures
    from this client). Counts the attempt in its own transaction first."""
    phone = normalised_phone(phone)
    lockout, per_client = check_limits(settings)
    throttle.hit(sessions, per_client, client)
    attempt = throttle.attempt(sessions, lockout, phone)
    now = now or datetime.now(UTC)
    live = session.scalars(
        select(SignInCode)
        .where(SignInCode.phone == phone, SignInCode.used_at.is_(None))
        .order_by(SignInCode.id.desc())
    ).first()
    given = "".join(ch for ch in unicodedata.normalize("NFKC", code) if ch.isdigit())[:6]
    expected = live.code_hash if live is not None else "-" * 64
    same = hmac.compare_digest(_hash(settings, phone, given), expected)
    if live is None or not same or live.expires_at <= now:
        if attempt.locks_for:  # this failure locks the phone: the live code dies with it
            with session_scope(sessions) as side:
                side.execute(
                    update(SignInCode)
                    .where(SignInCode.phone == phone, SignInCode.used_at.is_(None))
                    .values(used_at=now)
                )
            wait_zh, wait_en = throttle.wait_words(attempt.locks_for)
            raise Unauthenticated(
                f"{_wrong().en}; too many wrong codes: sign-in is locked for {wait_en}",
                f"验证码错误次数过多,该手机号已暂停登录 {wait_zh},请稍后重新获取验证码",
            )
        raise _wrong()
    live.used_at = now
    account = session.scalars(select(Applicant).where(Applicant.phone == phone)).first()
    if account is None:
        account = Applicant(phone=phone, session_version=1)
        session.add(account)
    account.last_signed_in_at = now
    session.flush()
    throttle.clear(session, lockout, phone)
    throttle.refund(session, per_client, client)
    audit.record(
        session, actor=f"applicant:{account.id}", action="applicant.signin", target="applicant"
    )
    return account


def session_applicant(session: Session, account_id: object, version: object) -> Applicant | None:
    """The applicant of a browser session, if it is still valid."""
    if not isinstance(account_id, int) or not isinstance(version, int):
        return None
    account = session.get(Applicant, account_id)
    if account is None or account.session_version != version:
        return None
    return account


def sign_out(account: Applicant) -> None:
    """Ends every session of the applicant, copies of the cookie included."""
    account.session_version += 1
