"""The completeness check: a case's pages against its checklist version.

A pure function of its inputs, so it is tested without a database and gives the same
answer every time. It returns *every* finding at once, because the seed's 一次告知 rule
forbids sending the applicant home twice for things one look could have seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class FindingKind(StrEnum):
    MISSING = "missing"  # required material not handed in
    UNREADABLE = "unreadable"  # page could not be read; rescan or replace
    UNRECOGNISED = "unrecognised"  # page matches no checklist material
    INVALID = "invalid"  # e.g. an ID number whose check digit is wrong


class Outcome(StrEnum):
    ACCEPT = "accept"
    CONDITIONAL_POSSIBLE = "conditional_possible"  # only 容缺-eligible materials missing
    CORRECTION = "correction"


@dataclass(frozen=True)
class Requirement:
    code: str
    name: str
    required: bool
    pending_allowed: bool = False
    pending_days: int = 0


@dataclass(frozen=True)
class PageFacts:
    page_id: int
    number: int  # 1-based position among the case's pages, as the clerk sees them
    material_code: str | None
    readable: bool = True
    invalid_fields: tuple[str, ...] = ()  # names of fields that failed their check


@dataclass(frozen=True)
class Finding:
    material_code: str
    kind: FindingKind
    message: str  # Chinese, for the notice and the clerk
    page_id: int | None = None


@dataclass(frozen=True)
class CheckResult:
    present: dict[str, tuple[int, ...]]
    findings: tuple[Finding, ...]
    pending_eligible: tuple[Requirement, ...] = field(default=())

    @property
    def outcome(self) -> Outcome:
        blocking = [
            f
            for f in self.findings
            if not (
                f.kind is FindingKind.MISSING
                and f.material_code in {r.code for r in self.pending_eligible}
            )
        ]
        if blocking:
            return Outcome.CORRECTION
        if self.pending_eligible:
            return Outcome.CONDITIONAL_POSSIBLE
        return Outcome.ACCEPT


_FIELD_NAMES = {"id_number": "公民身份号码", "credit_code": "统一社会信用代码"}


def check(requirements: Sequence[Requirement], pages: Sequence[PageFacts]) -> CheckResult:
    by_code = {r.code: r for r in requirements}
    present: dict[str, list[int]] = {}
    findings: list[Finding] = []
    for page in pages:
        if not page.readable:
            findings.append(
                Finding(
                    page.material_code or "",
                    FindingKind.UNREADABLE,
                    f"第 {page.number} 页无法识别,请重新扫描或提供清晰的材料",
                    page.page_id,
                )
            )
            continue
        if page.material_code is None or page.material_code not in by_code:
            findings.append(
                Finding(
                    "",
                    FindingKind.UNRECOGNISED,
                    f"第 {page.number} 页不属于本事项的申请材料清单,请确认材料是否正确",
                    page.page_id,
                )
            )
            continue
        present.setdefault(page.material_code, []).append(page.page_id)
        for name in page.invalid_fields:
            label = _FIELD_NAMES.get(name, name)
            findings.append(
                Finding(
                    page.material_code,
                    FindingKind.INVALID,
                    f"{by_code[page.material_code].name}中的{label}校验未通过,请核对原件",
                    page.page_id,
                )
            )
    pending: list[Requirement] = []
    for req in requirements:
        if req.required and req.code not in present:
            findings.append(Finding(req.code, FindingKind.MISSING, f"未提交{req.name}"))
            if req.pending_allowed:
                pending.append(req)
    return CheckResult(
        present={k: tuple(v) for k, v in present.items()},
        findings=tuple(findings),
        pending_eligible=tuple(pending),
    )
