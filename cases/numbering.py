"""Human-readable numbers for cases, notices and licenses.

License numbers follow GB/T 36904's idea (type, issuer, serial, version, check character):
`{type}-{issuer credit code}-{year}{serial:06d}-V{version}{check}`, where the check
character is ISO 7064 MOD 37,36 over the other characters, so a mistyped number is caught
before any lookup.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Case, License, Notice

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

NOTICE_WORD = {
    "acceptance": "受",
    "conditional_acceptance": "容",
    "correction": "补",
    "rejection": "不",
}


def next_case_number(session: Session, today: date | None = None) -> str:
    today = today or date.today()
    prefix = today.strftime("%Y%m%d")
    count = (
        session.scalar(select(func.count()).select_from(Case).where(Case.number.like(f"{prefix}%")))
        or 0
    )
    return f"{prefix}{count + 1:05d}"


def next_notice_number(
    session: Session, kind: str, hall_abbr: str = "锡政服", today: date | None = None
) -> str:
    year = (today or date.today()).year
    word = NOTICE_WORD[kind]
    prefix = f"{hall_abbr}{word}字〔{year}〕"
    count = (
        session.scalar(
            select(func.count()).select_from(Notice).where(Notice.number.like(f"{prefix}%"))
        )
        or 0
    )
    return f"{prefix}第{count + 1:06d}号"


def mod37_36_check(payload: str) -> str:
    """ISO 7064 MOD 37,36 check character over [0-9A-Z]."""
    m = 36
    product = m
    for ch in payload:
        total = (product + _ALPHABET.index(ch)) % m or m
        product = (total * 2) % (m + 1)
    return _ALPHABET[(m + 1 - product) % m]


def license_number(
    type_code: str, issuer_credit_code: str, year: int, serial: int, version: int = 1
) -> str:
    body = f"{type_code}{issuer_credit_code}{year}{serial:06d}V{version}"
    return f"{type_code}-{issuer_credit_code}-{year}{serial:06d}-V{version}{mod37_36_check(body)}"


def valid_license_number(number: str) -> bool:
    parts = number.split("-")
    if len(parts) != 4 or not parts[3][:-1].startswith("V"):
        return False
    body = "".join(parts)[:-1]
    return all(c in _ALPHABET for c in body) and mod37_36_check(body) == number[-1]


def next_license_number(
    session: Session, type_code: str, issuer_credit_code: str, today: date | None = None
) -> str:
    year = (today or date.today()).year
    count = (
        session.scalar(
            select(func.count())
            .select_from(License)
            .where(License.type_code == type_code, License.number.like(f"%-{year}%"))
        )
        or 0
    )
    return license_number(type_code, issuer_credit_code, year, count + 1)
