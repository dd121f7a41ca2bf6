"""What the legal-form checks need from a page's OCR lines: is the signature box signed,
and until when is the document valid.

Pure functions over recognised lines (text and box), so that a page read now and a page
read last week give the same answer. The reading of a page keeps their answer beside its
fields, so the check needs no lines (and no object store) afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ocr.engine import Line, rect_box

_SIGN_LABEL = re.compile(r"(签字|签名|签章)[)）]?[:：]?")
_VALIDITY_LABELS = ("有效期限", "有效期", "营业期限", "经营期限")
_DATE = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})")
_LONG_TERM = ("长期", "永久")


@dataclass(frozen=True)
class Evidence:
    signed: bool | None  # None: no signature box found on the page
    valid_until: date | None  # None: no validity term found (or 长期)


def lines_from_json(rows: Iterable[dict[str, Any]]) -> list[Line]:
    """Lines as stored by intake (`dataclasses.asdict(Line)`)."""
    out = []
    for row in rows:
        xs = [p[0] for p in row["box"]]
        ys = [p[1] for p in row["box"]]
        box = rect_box(min(xs), min(ys), max(xs), max(ys))
        out.append(Line(text=row["text"], box=box, confidence=float(row.get("confidence", 1))))
    return out


def _same_row(a: Line, b: Line) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.4 * min(a.bottom - a.top, b.bottom - b.top)


def _right_of(label: Line, lines: Sequence[Line], *, within: float) -> list[Line]:
    return [
        ln
        for ln in lines
        if ln is not label
        and ln.left >= label.right - 10
        and ln.left - label.right < within
        and _same_row(label, ln)
    ]


def signed(lines: Sequence[Line]) -> bool | None:
    """True when some signature box holds writing: text after the label on its line, or a
    line to its right on the same row. A typed label with nothing after it is unsigned."""
    boxes = [ln for ln in lines if _SIGN_LABEL.search(ln.text) and "之日" not in ln.text]
    if not boxes:
        return None
    for label in boxes:
        match = _SIGN_LABEL.search(label.text)
        assert match is not None
        after = re.sub(r"[\s:：_]", "", label.text[match.end() :])
        if len(after) >= 2:
            return True
        height = label.bottom - label.top
        if any(
            len(re.sub(r"[\s_]", "", ln.text)) >= 2
            for ln in _right_of(label, lines, within=8 * height)
        ):
            return True
    return False


def _dates(text: str) -> list[date]:
    found = []
    for m in _DATE.finditer(text):
        try:
            found.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            continue
    return found


def valid_until(lines: Sequence[Line]) -> date | None:
    """The end of the validity term printed next to a validity label (有效期限, 营业期限);
    None when there is none or it is long-term."""
    ends: list[date] = []
    for label in (ln for ln in lines if any(lb in ln.text for lb in _VALIDITY_LABELS)):
        row = [label, *_right_of(label, lines, within=20 * (label.bottom - label.top))]
        text = " ".join(ln.text for ln in row)
        if any(word in text for word in _LONG_TERM):
            return None
        ends += _dates(text)
    return max(ends) if ends else None


def evidence(lines: Sequence[Line]) -> Evidence:
    return Evidence(signed=signed(lines), valid_until=valid_until(lines))


def evidence_to_json(found: Evidence) -> dict[str, Any]:
    return {
        "signed": found.signed,
        "valid_until": found.valid_until.isoformat() if found.valid_until else None,
    }


def evidence_from_json(row: dict[str, Any]) -> Evidence:
    until = row.get("valid_until")
    return Evidence(
        signed=row.get("signed"), valid_until=date.fromisoformat(until) if until else None
    )
