"""From a check to the counter's answer: accepted, conditional, correction or rejected.

Pure, like the check, so the scenario table and `onewindow check` decide exactly as the
window does.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cases.acceptance.checklist import CheckResult, Outcome, PageFacts, check
from cases.catalog.spec import ItemSpec
from cases.errors import InvalidInput


class Decision(StrEnum):
    ACCEPTED = "accepted"  # 受理
    CONDITIONAL = "conditional"  # 容缺受理, on the applicant's commitment
    CORRECTION = "correction"  # 补正, everything listed at once
    REJECTED = "rejected"  # 不予受理


@dataclass(frozen=True)
class Evaluation:
    decision: Decision
    result: CheckResult
    reason: str = ""  # why it was rejected


_TYPES = {"person": "自然人", "enterprise": "法人或其他组织"}


def evaluate(
    spec: ItemSpec,
    pages: Sequence[PageFacts],
    *,
    applicant_type: str,
    scenario: str | None = None,
    today: date | None = None,
    conditional: bool = False,
    reject_reason: str | None = None,
    overrides: Collection[str] = (),
) -> Evaluation:
    """`conditional`: the applicant signs the 容缺 commitment if offered."""
    if scenario and scenario not in spec.scenarios:
        raise InvalidInput(
            f"item {spec.code} has no sub-scenario {scenario!r}",
            f"事项 {spec.code} 没有子情形 {scenario!r}",
        )
    result = check(
        spec.materials,
        pages,
        applicant_type=applicant_type,
        scenario=scenario,
        today=today,
        overrides=overrides,
    )
    if reject_reason is not None and reject_reason.strip():
        return Evaluation(Decision.REJECTED, result, reject_reason.strip())
    if applicant_type not in spec.applicant_types:
        allowed = "、".join(_TYPES[t] for t in spec.applicant_types)
        who = _TYPES.get(applicant_type, applicant_type)
        reason = f"“{spec.name}”的申请人须为{allowed},{who}不属于本事项的申请人范围"
        return Evaluation(Decision.REJECTED, result, reason)
    outcome = result.outcome
    if outcome is Outcome.ACCEPT:
        return Evaluation(Decision.ACCEPTED, result)
    if outcome is Outcome.CONDITIONAL_POSSIBLE and conditional:
        return Evaluation(Decision.CONDITIONAL, result)
    return Evaluation(Decision.CORRECTION, result)
