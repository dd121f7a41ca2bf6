"""OCR accuracy as the hall sees it: of the doubtful fields people looked at, how many OCR
had read right (confirmed as read) and how many it had read wrong (corrected), per field
kind, per material and per place (counter or desk).

Counted from `FieldConfirmation` rows, the latest one per field (a field confirmed at
the counter and corrected at the desk counts once, as corrected), for the fields settled
in the period (China time, inclusive), so every figure traces back to a page and a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.catalog.publish import case_spec
from cases.clock import utc_bounds
from cases.intake.doubts import FIELD_ZH, REASON_ZH
from models import Case, FieldConfirmation

PLACE_ZH = {"clerk": "综合受理窗口", "reviewer": "部门审批", "admin": "管理员"}


@dataclass
class AccuracyRow:
    key: str
    name: str
    confirmed: int = 0  # OCR read it right
    corrected: int = 0  # OCR read it wrong

    @property
    def checked(self) -> int:
        return self.confirmed + self.corrected

    @property
    def accuracy(self) -> float | None:
        return self.confirmed / self.checked if self.checked else None

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "confirmed": self.confirmed,
            "corrected": self.corrected,
            "accuracy": None if self.accuracy is None else round(self.accuracy, 4),
        }


@dataclass
class AccuracyReport:
    start: date
    end: date
    total: AccuracyRow = field(default_factory=lambda: AccuracyRow("all", "全部"))
    by_field: list[AccuracyRow] = field(default_factory=list)
    by_material: list[AccuracyRow] = field(default_factory=list)
    by_place: list[AccuracyRow] = field(default_factory=list)
    by_reason: list[AccuracyRow] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "total": self.total.as_json(),
            "by_field": [r.as_json() for r in self.by_field],
            "by_material": [r.as_json() for r in self.by_material],
            "by_place": [r.as_json() for r in self.by_place],
            "by_reason": [r.as_json() for r in self.by_reason],
        }


def _count(rows: dict[str, AccuracyRow], key: str, name: str, corrected: bool) -> None:
    row = rows.setdefault(key, AccuracyRow(key, name))
    if corrected:
        row.corrected += 1
    else:
        row.confirmed += 1


def ocr_accuracy(session: Session, start: date, end: date) -> AccuracyReport:
    lo, hi = utc_bounds(start, end)
    latest: dict[tuple[int, int], FieldConfirmation] = {}
    for c in session.scalars(
        select(FieldConfirmation)
        .where(FieldConfirmation.created_at >= lo, FieldConfirmation.created_at < hi)
        .order_by(FieldConfirmation.id)
    ):
        latest[(c.page_id, c.field_index)] = c
    material_names: dict[str, str] = {}
    case_ids = {c.case_id for c in latest.values()}
    if case_ids:
        for case in session.scalars(select(Case).where(Case.id.in_(case_ids))):
            for m in case_spec(case).materials:
                material_names.setdefault(m.code, m.name)
    report = AccuracyReport(start, end)
    by_field: dict[str, AccuracyRow] = {}
    by_material: dict[str, AccuracyRow] = {}
    by_place: dict[str, AccuracyRow] = {}
    by_reason: dict[str, AccuracyRow] = {}
    for c in latest.values():
        _count({"all": report.total}, "all", "全部", c.corrected)
        _count(by_field, c.field_name, FIELD_ZH.get(c.field_name, c.field_name), c.corrected)
        code = c.material_code or "unknown"
        _count(by_material, code, material_names.get(code, "未识别的材料"), c.corrected)
        _count(by_place, c.role, PLACE_ZH.get(c.role, c.role), c.corrected)
        for reason in c.doubts or ["none"]:
            _count(by_reason, reason, REASON_ZH.get(reason, "未标记可疑"), c.corrected)
    report.by_field = sorted(by_field.values(), key=lambda r: (-r.checked, r.key))
    report.by_material = sorted(by_material.values(), key=lambda r: (-r.checked, r.key))
    report.by_place = sorted(by_place.values(), key=lambda r: r.key)
    report.by_reason = sorted(by_reason.values(), key=lambda r: r.key)
    return report
