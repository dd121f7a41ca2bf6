"""The applicant on the public routes (好差评): no account, only the case number and their
own ID number (or credit code) to show who they are.

Case numbers are sequential, so the answer must not be an oracle: a wrong ID on a real
case and any ID on a case that does not exist fail the same way (one status, one message,
one query and one constant-time comparison either way). The routes limit the guesses per
client and per case number (`cases.throttle`); nothing about the case, the rating
included, is looked at before the identity matches.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.errors import NotFound
from models import Case

_NOBODY = "-" * 18  # compared against when there is no such case: the same work


def normalised_id(value: str) -> str:
    """An ID number as people type it: full-width digits, spaces, a lower-case x."""
    return "".join(unicodedata.normalize("NFKC", value).split()).upper()


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode()).digest()


def applicant_case(session: Session, *, number: str, id_number: str) -> Case:
    """The case whose applicant has this ID number; NotFound, saying neither which of the
    two was wrong nor whether the case exists, otherwise."""
    case = session.scalars(select(Case).where(Case.number == number.strip())).first()
    expected = normalised_id(case.applicant_id) if case is not None else _NOBODY
    same = hmac.compare_digest(_digest(normalised_id(id_number)), _digest(expected))
    if case is None or not same:
        raise NotFound(
            "the case number and the ID number do not belong to one case",
            "办件编号与申请人身份证件号码不匹配,请核对后重试",
        )
    return case
