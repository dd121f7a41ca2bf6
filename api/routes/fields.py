"""Doubtful OCR fields (人工核对): list a case's fields, confirm or correct one, and the
OCR accuracy the confirmations add up to."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from annotated_types import Interval
from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from api.deps import RoleRequired, SessionDep, load_case
from cases.errors import Forbidden, NotFound
from cases.intake import confirmation
from cases.oversight.ocr_accuracy import ocr_accuracy
from models import Case, Role, User

router = APIRouter(prefix="/api/v1/cases", tags=["intake"])

Staff = Annotated[User, Depends(RoleRequired(Role.CLERK, Role.REVIEWER))]
Admin = Annotated[User, Depends(RoleRequired())]
PageSeq = Annotated[int, Interval(ge=1, le=100_000)]
FieldIndex = Annotated[int, Interval(ge=0, le=10_000)]


class FieldDecision(BaseModel):
    # null (or the value shown): confirmed as read; anything else: the corrected value
    value: str | None = Field(default=None, max_length=confirmation.MAX_VALUE_CHARS)


def case_or_not_found(session: Session, user: User, number: str, missing: NotFound) -> Case:
    """The same answer for a case that does not exist and one the user may not see."""
    try:
        return load_case(session, user, number[:64])
    except (NotFound, Forbidden):
        raise missing from None


@router.get("/{number}/fields")
def case_fields(number: str, session: SessionDep, user: Staff) -> dict[str, Any]:
    case = case_or_not_found(
        session, user, number, NotFound("no such case", "办件不存在或您无权查看")
    )
    rows = confirmation.case_fields(session, case)
    return {
        "number": case.number,
        "doubtful": sum(r.doubtful for r in rows),
        "fields": [r.as_json() for r in rows],
    }


@router.post("/{number}/pages/{seq}/fields/{index}")
def decide_field(
    number: str,
    seq: PageSeq,
    index: FieldIndex,
    body: FieldDecision,
    session: SessionDep,
    user: Staff,
) -> dict[str, Any]:
    """Confirm the field as read, or correct it; audited, counted in the OCR accuracy."""
    case = case_or_not_found(session, user, number, confirmation.no_such_field())
    row = confirmation.confirm_field(
        session, case, page_seq=seq, index=index, value=body.value, actor=user
    )
    return row.as_json()


@router.get("/metrics/ocr-accuracy")
def accuracy(
    session: SessionDep, user: Admin, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    """Doubtful fields confirmed as read vs corrected, per field kind, material and place."""
    end = end or date.today()
    start = start or end - timedelta(days=30)
    return ocr_accuracy(session, start, end).as_json()
