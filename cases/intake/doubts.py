"""Which OCR fields a person must look at (doubtful fields), and why.

A field is doubtful for one of three reasons, each explained to the clerk in Chinese:

- ``check``: its check failed: the GB 11643 check character of an ID number, the GB 32100
  check character of a credit code, a date that does not exist, a name of characters a
  name cannot have (`ocr.fields`);
- ``confidence``: the engine's confidence in the line it came from is below
  `CONFIDENCE_FLOOR` (0.85, `ocr.fields.REVIEW_CONFIDENCE`): on the project's corpora the
  misread characters came from lines under it far more often than from lines above it;
- ``disagree``: an ID number or credit code (the numbers the checklist check compares,
  `cases.acceptance.checklist`) differs in one or two characters from the same kind of
  number on another page of the case, or from the applicant's number the clerk typed
  and checked at registration. Two real numbers rarely differ in one or two places, a
  misread that still passes its check character does (about one in eleven misreads for an
  ID number); numbers that differ more belong to someone else and are not doubtful.

The first two are per field and saved with the field when the page is read
(`fields[i]["doubts"]`); the third needs the whole case and is computed from the stored
pages whenever the fields are shown or counted, so every process agrees on it. A field
somebody confirmed or corrected (`fields[i]["confirmed"]`) is no longer doubtful.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ocr.fields import REVIEW_CONFIDENCE

CONFIDENCE_FLOOR = REVIEW_CONFIDENCE
COMPARED = ("id_number", "credit_code")  # the numbers the checklist check compares
NEAR_MISS = 2  # at most this many characters apart (same length) is a likely misread

REASON_ZH = {
    "check": "校验未通过",
    "confidence": "识别置信度低",
    "disagree": "与其他页面或登记信息相差一两位",
}
FIELD_ZH = {
    "id_number": "公民身份号码",
    "credit_code": "统一社会信用代码",
    "person_name": "姓名",
    "enterprise_name": "名称",
    "address": "地址",
    "phone": "联系电话",
    "date": "日期",
    "birth_date": "出生日期",
    "sex": "性别",
    "validity_period": "有效期限",
}


def field_doubts(field: Mapping[str, Any]) -> list[str]:
    """The per-field reasons: failed check, low confidence. Saved with the field when the
    page is read; recomputed the same way for pages read before they were saved."""
    reasons = []
    if not field.get("valid", False):
        reasons.append("check")
    if float(field.get("confidence", 0.0)) < CONFIDENCE_FLOOR:
        reasons.append("confidence")
    return reasons


@dataclass(frozen=True)
class PageFields:
    """One read page's stored fields, as the case-level rule sees them."""

    page_id: int
    seq: int
    fields: Sequence[Mapping[str, Any]]


@dataclass(frozen=True)
class Doubt:
    reasons: tuple[str, ...]
    against: tuple[str, ...] = ()  # for "disagree": where the near value is, in Chinese


def _distance(a: str, b: str) -> int | None:
    if len(a) != len(b):
        return None
    return sum(x != y for x, y in zip(a, b, strict=True))


def case_doubts(
    pages: Iterable[PageFields], *, applicant_type: str, applicant_id: str
) -> dict[tuple[int, int], Doubt]:
    """Every unsettled doubtful field of a case, by (page id, field index)."""
    pages = list(pages)
    registered_kind = "id_number" if applicant_type == "person" else "credit_code"
    references: list[tuple[str, str, int | None, str]] = [  # kind, value, page id, where
        (registered_kind, applicant_id.strip().upper(), None, "登记的申请人证件号码")
    ]
    for page in pages:
        for f in page.fields:
            if f.get("name") in COMPARED:
                references.append(
                    (str(f["name"]), str(f["value"]).upper(), page.page_id, f"第 {page.seq} 页")
                )
    out: dict[tuple[int, int], Doubt] = {}
    for page in pages:
        for index, f in enumerate(page.fields):
            if f.get("confirmed"):
                continue
            reasons = list(f["doubts"]) if "doubts" in f else field_doubts(f)
            against: list[str] = []
            if f.get("name") in COMPARED:
                value = str(f["value"]).upper()
                for kind, other, page_id, where in references:
                    if kind != f["name"] or (page_id == page.page_id and other == value):
                        continue
                    d = _distance(value, other)
                    if d is not None and 0 < d <= NEAR_MISS and where not in against:
                        against.append(where)
                if against:
                    reasons.append("disagree")
            if reasons:
                out[(page.page_id, index)] = Doubt(tuple(reasons), tuple(against))
    return out


def describe(doubt: Doubt) -> str:
    """The reasons in Chinese, for the highlighted row and its accessible label."""
    parts = []
    for r in doubt.reasons:
        text = REASON_ZH.get(r, r)
        if r == "disagree" and doubt.against:
            text = f"与{'、'.join(doubt.against)}相差一两位"
        parts.append(text)
    return ";".join(parts)
