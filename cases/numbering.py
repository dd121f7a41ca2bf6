"""Human-readable numbers for cases, notices and licenses.

A license carries two references. Its number (证照编号), the issuer's own layout
`{type}-{issuer credit code}-{year}{serial:06d}-V{version}{check}`, and its identifier
(证照标识) in GB/T 36904's layout
`1.2.156.3005.2.{type code, 21}.{issuer credit code, 18}.{year}{serial:07d}.{version:03d}.{check}`
built from the same serial. Both end in an ISO 7064 MOD 37,36 check character over the
other characters (for the identifier: type, issuer, serial and version joined without the
dots), so a mistyped reference is caught before any lookup.

Every number comes from a counter row taken under its lock in the transaction that uses it
(`allocate`), never from counting rows: two clerks at once get two numbers. A document
number (notice, license, decision) is also reserved in the object store before the sealed
PDF carrying it is written (`reserve_document_number`): if the process dies between the
archive write and the commit, the counter rolls back but the reservation stays, so the
number printed on that orphan PDF is never given to another document.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from archive import ObjectStore
from cases.errors import ConfigurationError
from models import (
    Case,
    DecisionDocument,
    License,
    Notice,
    NumberCounter,
    Page,
    Submission,
    utcnow,
)

log = logging.getLogger(__name__)

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
RESERVATION_PREFIX = "numbers"

NOTICE_WORD = {
    "acceptance": "受",
    "conditional_acceptance": "容",
    "correction": "补",
    "rejection": "不",
}


def allocate(session: Session, series: str, *, first: Callable[[], int]) -> int:
    """The next number of `series` in the caller's transaction. `first()` gives the number a
    series starts at when it has no counter yet (databases numbered before the counters)."""
    taken = session.execute(
        update(NumberCounter)
        .where(NumberCounter.series == series)
        .values(value=NumberCounter.value + 1)
        .returning(NumberCounter.value)
        .execution_options(synchronize_session=False)
    ).scalar()
    if taken is not None:
        return int(taken)
    # Two first users of a series: one inserts, the other waits on the key and increments.
    statement = (
        _insert(session)(NumberCounter)
        .values(series=series, value=first())
        .on_conflict_do_update(index_elements=["series"], set_={"value": NumberCounter.value + 1})
        .returning(NumberCounter.value)
    )
    return int(session.execute(statement).scalar_one())


def _insert(session: Session) -> Callable[..., Any]:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return pg_insert
    if dialect == "sqlite":
        return sqlite_insert
    # pragma: no cover - only PostgreSQL and SQLite are supported
    raise ConfigurationError(f"unsupported database {dialect}", f"不支持的数据库 {dialect}")


def _highest_serial(session: Session, column: Any, like: str, pattern: str) -> int:
    """The largest serial already used in a series, read from the documents themselves."""
    found = 0
    for number in session.scalars(select(column).where(column.like(like))):
        match = re.search(pattern, number)
        if match:
            found = max(found, int(match.group(1)))
    return found


def reservation_key(number: str) -> str:
    digest = hashlib.sha256(number.encode()).hexdigest()
    return f"{RESERVATION_PREFIX}/{digest[:2]}/{digest}"


def reserve(store: ObjectStore, number: str, series: str) -> bool:
    """Record in the store that `number` is about to be sealed into a document; False when
    it was recorded before: printed on a document whose transaction never committed (a
    crash between archive and commit), so it stays void."""
    key = reservation_key(number)
    if store.exists(key):
        log.warning(
            "document number %s is void: reserved by a transaction that never committed", number
        )
        return False
    record = {"number": number, "series": series, "reserved_at": utcnow().isoformat()}
    store.put(
        key,
        json.dumps(record, ensure_ascii=False).encode(),
        content_type="application/json",
        metadata={"doc-class": "number_reservation"},
    )
    return True


def reserve_document_number(
    session: Session,
    store: ObjectStore,
    series: str,
    *,
    first: Callable[[], int],
    render: Callable[[int], str],
) -> str:
    """A document number that no other document has carried: the counter's next one whose
    reservation could be recorded before anything is sealed with it."""
    while True:
        number = render(allocate(session, series, first=first))
        if reserve(store, number, series):
            return number


def next_case_number(session: Session, today: date | None = None) -> str:
    prefix = (today or date.today()).strftime("%Y%m%d")

    def first() -> int:
        return _highest_serial(session, Case.number, f"{prefix}%", rf"^{prefix}(\d+)$") + 1

    return f"{prefix}{allocate(session, f'case:{prefix}', first=first):05d}"


def next_page_seq(session: Session, case: Case) -> int:
    """The position of a new page among all the case's pages, in every submission."""

    def first() -> int:
        highest = session.scalar(
            select(func.max(Page.seq)).join(Submission).where(Submission.case_id == case.id)
        )
        return (highest or 0) + 1

    return allocate(session, f"page:{case.id}", first=first)


def _official_document_number(
    session: Session, store: ObjectStore, series: str, prefix: str, column: Any
) -> str:
    """`<prefix>第000001号`, the layout of official documents (公文文号), per prefix."""

    def first() -> int:
        return _highest_serial(session, column, f"{prefix}%", r"第(\d+)号$") + 1

    return reserve_document_number(
        session,
        store,
        f"{series}:{prefix}",
        first=first,
        render=lambda serial: f"{prefix}第{serial:06d}号",
    )


def next_notice_number(
    session: Session,
    store: ObjectStore,
    kind: str,
    word_mark: str = "锡政服",
    today: date | None = None,
    *,
    hall_code: str | None = None,
) -> str:
    """`{word mark}{受|容|补|不}字〔year〕第000001号`: each hall numbers its own notices
    (its series is keyed by the hall's code), under its own word mark (机关代字)."""
    year = (today or date.today()).year
    prefix = f"{word_mark}{NOTICE_WORD[kind]}字〔{year}〕"
    series = f"notice:{hall_code}" if hall_code else "notice"
    return _official_document_number(session, store, series, prefix, Notice.number)


def next_decision_number(session: Session, store: ObjectStore, short_name: str, today: date) -> str:
    prefix = f"{short_name}不许字〔{today.year}〕"
    return _official_document_number(session, store, "decision", prefix, DecisionDocument.number)


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


GBT_36904_ROOT = "1.2.156.3005.2"
_IDENTIFIER = re.compile(
    r"^1\.2\.156\.3005\.2\.([0-9A-Z]{21})\.([0-9A-Z]{18})\.([0-9A-Z]{1,24})\.(\d{3})\.([0-9A-Z])$"
)
_NUMBER = re.compile(r"^([A-Z]{2,8})-([0-9A-Z]{15,20})-(\d{4})(\d{6})-V(\d+)[0-9A-Z]$")


def gbt_type_code(session: Session, issuer_credit_code: str, type_code: str) -> str:
    """证照类型代码 (21 characters: the defining body's credit code and three digits) of a
    license type the issuing department defines itself: its credit code and the type's
    sequence among the issuer's types, registered in the database on the type's first
    license and the same ever after (two first issuers at once: one registration wins)."""
    key = f"gbt-type:{issuer_credit_code}:{type_code}"
    registered = select(NumberCounter.value).where(NumberCounter.series == key)
    code = session.scalar(registered)
    if code is None:
        sequence = allocate(session, f"gbt-types:{issuer_credit_code}", first=lambda: 1)
        if sequence > 999:
            raise ConfigurationError(
                f"issuer {issuer_credit_code} has used all 999 license type codes",
                f"发证机关 {issuer_credit_code} 的 999 个证照类型代码已用完",
            )
        session.execute(
            _insert(session)(NumberCounter)
            .values(series=key, value=sequence)
            .on_conflict_do_nothing(index_elements=["series"])
        )
        code = session.scalar(registered)
    return f"{issuer_credit_code}{int(code or 0):03d}"


def license_identifier(
    type_code: str, issuer_credit_code: str, year: int, serial: int, version: int = 1
) -> str:
    """证照标识 (GB/T 36904) of the license numbered with the same year and serial."""
    body = f"{type_code}.{issuer_credit_code}.{year}{serial:07d}.{version:03d}"
    if not _IDENTIFIER.match(f"{GBT_36904_ROOT}.{body}.0"):
        raise ConfigurationError(
            f"cannot form a GB/T 36904 identifier from {body!r} (type code 21, credit code 18)",
            f"无法生成证照标识 {body!r}:证照类型代码应为 21 位,统一社会信用代码应为 18 位",
        )
    return f"{GBT_36904_ROOT}.{body}.{mod37_36_check(body.replace('.', ''))}"


def valid_license_identifier(identifier: str) -> bool:
    match = _IDENTIFIER.match(identifier)
    if match is None:
        return False
    return mod37_36_check("".join(match.groups()[:4])) == identifier[-1]


def number_parts(number: str) -> tuple[str, str, int, int, int] | None:
    """(type, issuer credit code, year, serial, version) of a license number."""
    match = _NUMBER.match(number)
    if match is None:
        return None
    type_code, credit, year, serial, version = match.groups()
    return type_code, credit, int(year), int(serial), int(version)


def valid_license_reference(reference: str) -> bool:
    """Whether `reference` is a license number or identifier with a correct check character."""
    if reference.startswith(f"{GBT_36904_ROOT}."):
        return valid_license_identifier(reference)
    return valid_license_number(reference)


def next_license_number(
    session: Session,
    store: ObjectStore,
    type_code: str,
    issuer_credit_code: str,
    today: date | None = None,
) -> str:
    year = (today or date.today()).year

    def first() -> int:
        return (
            _highest_serial(
                session,
                License.number,
                f"{type_code}-%-{year}%",
                rf"^{type_code}-[0-9A-Z]+-{year}(\d{{6}})-V",
            )
            + 1
        )

    return reserve_document_number(
        session,
        store,
        f"license:{type_code}:{year}",
        first=first,
        render=lambda serial: license_number(type_code, issuer_credit_code, year, serial),
    )
