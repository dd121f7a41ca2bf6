"""What changed between two versions of an item: field by field for the administrator
(`diff_items`), and in words for the public announcement (`describe`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cases.catalog.spec import ItemSpec


@dataclass(frozen=True)
class Change:
    path: str  # e.g. "time_limit_days", "materials.id_card.must_be_valid"
    old: Any
    new: Any


def diff_items(old: ItemSpec, new: ItemSpec) -> list[Change]:
    """What changed from `old` to `new`, material by material (matched by code)."""
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    changes: list[Change] = []
    for key in sorted(set(a) | set(b)):
        if key in ("materials", "version"):
            continue
        if a.get(key) != b.get(key):
            changes.append(Change(key, a.get(key), b.get(key)))
    ma = {m["code"]: m for m in a["materials"]}
    mb = {m["code"]: m for m in b["materials"]}
    for code in [*ma, *(c for c in mb if c not in ma)]:
        if code not in mb:
            changes.append(Change(f"materials.{code}", ma[code]["name"], None))
        elif code not in ma:
            changes.append(Change(f"materials.{code}", None, mb[code]["name"]))
        else:
            for key in sorted(set(ma[code]) | set(mb[code])):
                if ma[code].get(key) != mb[code].get(key):
                    changes.append(
                        Change(f"materials.{code}.{key}", ma[code].get(key), mb[code].get(key))
                    )
    return changes


# What an applicant reads in an announcement. Fields not listed here are the hall's own
# configuration (recognition hints, what a material proves), not the applicant's concern.
_ITEM_FIELDS = {
    "name": "事项名称",
    "department": "实施部门",
    "kind": "办件类型",
    "time_limit_days": "承诺办理时限",
    "license": "办理结果",
    "applicant_types": "申请人类型",
    "scenarios": "办理情形",
    "reminder_days": "容缺材料到期提醒",
    "overdue": "逾期未补齐的处理",
}
_REWORDED = {"guide": "办事指南内容已更新", "faq": "常见问题解答已更新"}
_MATERIAL_FIELDS = {
    "name": "名称",
    "required": "是否必交",
    "form": "材料形式",
    "copies": "份数",
    "min_pages": "最少页数",
    "max_pages": "最多页数",
    "alternative": "可选其一",
    "applies_to": "适用申请人",
    "scenarios": "适用情形",
    "pending_allowed": "可否容缺受理",
    "pending_days": "容缺补齐期限",
    "must_be_valid": "须在有效期内",
    "seal_required": "须加盖公章",
    "signature_required": "须签字",
}
_WORDS = {
    "immediate": "即办件",
    "promised": "承诺件",
    "original": "原件",
    "copy": "复印件",
    "person": "自然人",
    "enterprise": "法人",
    "terminate": "终止办理",
    "revoke": "撤销决定",
}


def _say(key: str, value: Any, departments: Mapping[str, str]) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "无"
    if key == "required":
        return "必交" if value else "选交"
    if isinstance(value, bool):
        return "是" if value else "否"
    if key == "department":
        return departments.get(value, value)
    if key in ("time_limit_days", "pending_days"):
        return f"{value}个工作日"
    if key == "reminder_days":
        return f"到期前{value}个工作日"
    if key == "license":
        years = value.get("validity_years")
        return f"{value.get('title')}(有效期{f'{years}年' if years else '长期'})"
    if key == "overdue":
        return f"“{value.get('text')}”"
    if isinstance(value, dict):
        return "、".join(str(v) for v in value.values())
    if isinstance(value, list):
        return "、".join(_WORDS.get(str(v), str(v)) for v in value)
    return _WORDS.get(str(value), str(value))


def describe(
    old: ItemSpec | None, new: ItemSpec, *, departments: Mapping[str, str] | None = None
) -> list[str]:
    """The changes from `old` to `new` as sentences for the public announcement (公告):
    "承诺办理时限由10个工作日调整为7个工作日", "新增材料“…”". `old` None: a new item."""
    names = departments or {}
    if old is None:
        return [f"新增事项“{new.name}”,申请材料{len(new.materials)}项"]
    material_names = {m.code: m.name for m in (*old.materials, *new.materials)}
    scenarios = {**old.scenarios, **new.scenarios}
    out: list[str] = []
    for c in diff_items(old, new):
        parts = c.path.split(".")
        if parts[0] in _REWORDED:
            out.append(_REWORDED[parts[0]])
        elif parts[0] in _ITEM_FIELDS:
            label = _ITEM_FIELDS[parts[0]]
            out.append(
                f"{label}由{_say(parts[0], c.old, names)}调整为{_say(parts[0], c.new, names)}"
            )
        elif parts[0] == "materials" and len(parts) == 2:
            if c.new is None:
                out.append(f"取消材料“{c.old}”")
            else:
                out.append(f"新增材料“{c.new}”")
        elif parts[0] == "materials" and parts[2] in _MATERIAL_FIELDS:
            out.append(_material_change(material_names[parts[1]], parts[2], c, scenarios, names))
    return out or ["事项信息未作对外可见的调整"]


def _material_change(
    what: str, key: str, c: Change, scenarios: Mapping[str, str], names: Mapping[str, str]
) -> str:
    if key == "guide":
        return f"材料“{what}”的提交说明已更新"
    if key == "sample_image":
        return f"材料“{what}”的样本已更新"
    if key == "alternative":
        if c.new is None:
            return f"材料“{what}”不再与其他材料任选其一,须单独提交"
        return f"材料“{what}”可与同组材料任选其一提交"
    old, new = c.old, c.new
    if key == "scenarios":  # sub-scenario codes, by the names the item gives them
        old = [scenarios.get(code, code) for code in old or []]
        new = [scenarios.get(code, code) for code in new or []]
    label = _MATERIAL_FIELDS[key]
    return f"材料“{what}”{label}由{_say(key, old, names)}调整为{_say(key, new, names)}"
