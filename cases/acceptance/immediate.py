"""即办件 at the counter: may this case be accepted and decided on the spot?

Only a clean check qualifies: every material present and in legal form, nothing set aside
by an override (a finding the clerk waived needs the department's eyes, not the same
clerk's decision), no 容缺 (a result handed out at once cannot wait for a material). Pure,
so the counter page shows the button exactly when the service would take it.
"""

from __future__ import annotations

from cases.acceptance.decision import Decision, Evaluation
from cases.catalog.spec import ItemSpec
from cases.errors import InvalidState

IMMEDIATE = "immediate"


class NotImmediateItem(InvalidState):
    code = "immediate.not_immediate_item"


class NotIssuableOnTheSpot(InvalidState):
    code = "immediate.check_has_findings"


def is_immediate(spec: ItemSpec) -> bool:
    """An immediate item (即办件) by the checklist version the case was opened with."""
    return spec.kind == IMMEDIATE


def require_immediate(spec: ItemSpec) -> None:
    if not is_immediate(spec):
        raise NotImmediateItem(
            f"{spec.code} {spec.name} is a promised-time item; it is accepted at the window "
            "and decided by the department",
            f"“{spec.name}”是承诺件,不能在窗口当场办结;请出具受理通知书,转部门审批",
        )


def require_clean(ev: Evaluation) -> None:
    """Refuse, listing every reason at once, unless the check accepts with no finding."""
    result = ev.result
    reasons_zh: list[str] = []
    reasons_en: list[str] = []
    if ev.decision is Decision.REJECTED:
        reasons_zh.append(ev.reason)
        reasons_en.append("the applicant is not eligible for this item")
    reasons_zh += [f.message for f in result.findings]
    reasons_en += [f.key for f in result.findings]
    if result.overridden:
        reasons_zh.append(
            "检查结论已被人工撤销("
            + "、".join(f.message for f in result.overridden)
            + "),须由部门审批"
        )
        reasons_en += [f"{f.key} (overridden: the department decides)" for f in result.overridden]
    if not reasons_zh and ev.decision is not Decision.ACCEPTED:
        reasons_zh.append("材料未齐全")
        reasons_en.append(str(ev.decision))
    if reasons_zh:
        raise NotIssuableOnTheSpot(
            "the case cannot be decided on the spot: " + "; ".join(reasons_en),
            "不能当场办结:"
            + ";".join(reasons_zh)
            + "。请出具补正通知书(一次告知),或受理后转部门审批",
        )
