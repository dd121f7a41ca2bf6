"""Confirming doubtful fields (人工核对): a person at the counter or the desk looks at a
field OCR read, and confirms it as read or types what the paper says.

The decision is written into the page's stored reading, so the checklist check and every
view read the confirmed value from the one place they already read fields from
(`page.reading["fields"]`), with what OCR read kept beside it (`read_value`). Each act is
also a row of `FieldConfirmation` (counted by `cases.oversight.ocr_accuracy`) and an audit
event that names the page and the field, never the values (personal data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.errors import InvalidInput, InvalidState, NotFound
from cases.intake.doubts import FIELD_ZH, Doubt, PageFields, case_doubts, describe
from models import (
    Case,
    CaseStatus,
    FieldConfirmation,
    Page,
    PageStatus,
    Submission,
    User,
)
from ocr.fields import valid_credit_code, valid_id_number

MAX_VALUE_CHARS = 100  # a corrected value longer than any field on a form is a mistake
# while the window still receives pages, and while the departments review
OPEN_FOR_CONFIRMATION = frozenset(
    {CaseStatus.RECEIVING, CaseStatus.CORRECTION, CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL}
)


def no_such_field() -> NotFound:
    """One answer for an unknown case, page or field and for a case the user may not see."""
    return NotFound("no such field on this case", "该办件没有这个字段")


_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,12}$")
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class FieldRow:
    """One field of a read page, as the counter, the desk and the API show it."""

    page_id: int
    page_seq: int
    index: int
    name: str
    value: str
    read_value: str  # what OCR read; equals `value` unless corrected
    valid: bool
    confidence: float
    doubt: Doubt | None  # unsettled and doubtful: why
    settled: str | None  # "confirmed" | "corrected" | None
    settled_by: str = ""

    @property
    def label(self) -> str:
        return FIELD_ZH.get(self.name, self.name)

    @property
    def doubtful(self) -> bool:
        return self.doubt is not None

    @property
    def reason(self) -> str:
        return describe(self.doubt) if self.doubt else ""

    def as_json(self) -> dict[str, Any]:
        return {
            "page": self.page_seq,
            "index": self.index,
            "name": self.name,
            "value": self.value,
            "read_value": self.read_value,
            "valid": self.valid,
            "confidence": self.confidence,
            "doubtful": self.doubtful,
            "doubts": list(self.doubt.reasons) if self.doubt else [],
            "reason_zh": self.reason,
            "settled": self.settled,
            "settled_by": self.settled_by,
        }


def _read_pages(session: Session, case: Case) -> list[Page]:
    return list(
        session.scalars(
            select(Page)
            .join(Submission)
            .where(Submission.case_id == case.id, Page.status == PageStatus.READ)
            .order_by(Page.seq)
        )
    )


def case_fields(session: Session, case: Case) -> list[FieldRow]:
    """Every field of the case's read pages, doubtful ones with their reasons."""
    pages = _read_pages(session, case)
    doubts = case_doubts(
        (PageFields(p.id, p.seq, p.reading.get("fields", [])) for p in pages),
        applicant_type=case.applicant_type,
        applicant_id=case.applicant_id,
    )
    rows = []
    for page in pages:
        for index, f in enumerate(page.reading.get("fields", [])):
            settled = f.get("confirmed") or {}
            rows.append(
                FieldRow(
                    page_id=page.id,
                    page_seq=page.seq,
                    index=index,
                    name=str(f["name"]),
                    value=str(f["value"]),
                    read_value=str(f.get("read_value", f["value"])),
                    valid=bool(f.get("valid")),
                    confidence=float(f.get("confidence", 0.0)),
                    doubt=doubts.get((page.id, index)),
                    settled=settled.get("action"),
                    settled_by=settled.get("by", ""),
                )
            )
    return rows


def _valid_day(text: str) -> bool:
    m = _DAY.match(text)
    if m is None:
        return False
    try:
        date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return False
    return True


def _valid_period(text: str) -> bool:
    start, _, end = text.partition("/")
    if not _valid_day(start):
        return False
    return end == "长期" or (_valid_day(end) and end > start)


# name -> (normalise, valid, what to type, in English and Chinese)
_RULES: dict[str, tuple[bool, Any, str, str]] = {
    "id_number": (
        True,
        valid_id_number,
        "an 18-character ID number whose GB 11643 check character is right",
        "18 位公民身份号码,且校验码正确(GB 11643)",
    ),
    "credit_code": (
        True,
        valid_credit_code,
        "an 18-character unified social credit code whose GB 32100 check character is right",
        "18 位统一社会信用代码,且校验码正确(GB 32100)",
    ),
    "person_name": (False, _NAME.match, "2 to 12 Chinese characters", "2 至 12 个汉字"),
    "phone": (True, _PHONE.match, "a mobile or landline number", "手机号码或固定电话号码"),
    "date": (True, _valid_day, "a date as YYYY-MM-DD", "日期,格式为 年-月-日,如 2024-03-01"),
    "birth_date": (True, _valid_day, "a date as YYYY-MM-DD", "日期,格式为 年-月-日"),
    "sex": (False, lambda v: v in ("男", "女"), "男 or 女", "男 或 女"),
    "validity_period": (
        False,
        _valid_period,
        "start/end as YYYY-MM-DD/YYYY-MM-DD, or YYYY-MM-DD/长期",
        "起止日期,格式为 年-月-日/年-月-日,或 年-月-日/长期",
    ),
}


def checked_value(name: str, value: str) -> str:
    """A corrected value, normalised; refused with what to type when it cannot be right."""
    label = FIELD_ZH.get(name, name)
    text = value.strip()
    if not text or len(text) > MAX_VALUE_CHARS or _CONTROL.search(text):
        raise InvalidInput(
            f"a corrected value has 1 to {MAX_VALUE_CHARS} characters and no control characters",
            f"更正后的{label}应为 1 至 {MAX_VALUE_CHARS} 个字符,请对照原件重新输入",
        )
    rule = _RULES.get(name)
    if rule is None:
        return text
    squash, valid, en, zh = rule
    if squash:
        text = re.sub(r"\s+", "", text).upper()
    if not valid(text):
        raise InvalidInput(
            f"{name}: not a valid value; type {en} as the paper shows it",
            f"更正后的{label}不正确,应为{zh},请对照原件重新输入",
        )
    return text


def _locked_page(session: Session, case: Case, page_seq: int) -> Page:
    page = session.scalars(
        select(Page)
        .join(Submission)
        .where(Submission.case_id == case.id, Page.seq == page_seq)
        .with_for_update(of=Page)  # two people correcting one page: one after the other
        .execution_options(populate_existing=True)
    ).first()
    if page is None or page.status != PageStatus.READ:
        raise no_such_field()
    return page


def confirm_field(
    session: Session,
    case: Case,
    *,
    page_seq: int,
    index: int,
    value: str | None,
    actor: User,
) -> FieldRow:
    """Confirm the field as read (`value` None, or the value shown), or correct it to
    `value`, which must pass the field's own check. Flushes, never commits."""
    page = _locked_page(session, case, page_seq)
    fields: list[dict[str, Any]] = [dict(f) for f in page.reading.get("fields", [])]
    if not 0 <= index < len(fields):
        raise no_such_field()
    if case.status not in OPEN_FOR_CONFIRMATION:
        raise InvalidState(
            f"case {case.number} is {case.status}; its fields can no longer be changed",
            f"办件 {case.number} 已办结或终止,不能再核对字段",
        )
    before = {(r.page_id, r.index): r for r in case_fields(session, case)}[(page.id, index)]
    field = fields[index]
    shown = str(field["value"])
    corrected = value is not None and value.strip() != shown
    new_value = checked_value(field["name"], value) if corrected and value is not None else shown
    corrected = new_value != shown
    read_value = str(field.get("read_value", shown))
    reasons = list(before.doubt.reasons) if before.doubt else []
    action = "corrected" if corrected else "confirmed"
    field.update(
        value=new_value,
        read_value=read_value,
        valid=True if corrected else bool(field.get("valid")),
        needs_review=False,
        confirmed={"action": action, "by": actor.username, "at": datetime.now(UTC).isoformat()},
    )
    page.reading = {**page.reading, "fields": fields}  # a new dict: the JSON column is saved
    session.add(
        FieldConfirmation(
            case_id=case.id,
            page_id=page.id,
            field_index=index,
            field_name=str(field["name"])[:32],
            material_code=page.material_code,
            read_value=read_value[:200],
            value=new_value[:200],
            corrected=corrected,
            doubts=reasons,
            actor=actor.username,
            role=str(actor.role),
        )
    )
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action=f"field.{'correct' if corrected else 'confirm'}",
        target=f"case:{case.id}",
        page=page.id,
        field=field["name"],
        index=index,
        doubts=reasons,
    )
    after = {(r.page_id, r.index): r for r in case_fields(session, case)}
    return after[(page.id, index)]
