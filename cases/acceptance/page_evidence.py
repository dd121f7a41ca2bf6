"""What the legal-form checks need from a page: is the signature box signed, and until
when is the document valid (`ocr.legal_form`, pure functions over its OCR lines), with its
classification and fields, as the check sees it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from cases.acceptance.checklist import FieldFact, PageFacts
from ocr import Line
from ocr.legal_form import Evidence, evidence, lines_from_json, signed, valid_until

__all__ = ["Evidence", "evidence", "facts", "lines_from_json", "signed", "valid_until"]

_CHECKED_FIELDS = ("id_number", "credit_code", "date")


def facts(
    *,
    page_id: int,
    number: int,
    material_code: str | None,
    readable: bool,
    fields: Iterable[dict[str, Any]],
    seals: int,
    lines: Sequence[Line] = (),
    submission: int = 1,
    found: Evidence | None = None,
) -> PageFacts:
    """The check's view of one page, from its classification, fields and either the
    evidence kept at reading time (`found`) or its lines."""
    field_list = list(fields)
    if found is None:
        found = evidence(lines)
    return PageFacts(
        page_id=page_id,
        number=number,
        material_code=material_code,
        readable=readable,
        invalid_fields=tuple(
            dict.fromkeys(
                f["name"] for f in field_list if f["name"] in _CHECKED_FIELDS and not f["valid"]
            )
        ),
        fields=tuple(FieldFact(f["name"], f["value"], bool(f["valid"])) for f in field_list),
        seals=seals,
        signed=found.signed,
        valid_until=found.valid_until,
        submission=submission,
    )
