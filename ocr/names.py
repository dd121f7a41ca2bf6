"""Business names: how they end, and where they stand without a label beside them.

A business name ends in its legal form or kind of business ("有限公司", "合作社", "店"),
sometimes followed by the form of a partnership in parentheses ("合伙企业（有限合伙）").
That ending tells a name wrapped onto a second line from a complete one, and a name from
the label of the next field when the detector merged the two into one box.

In a table of shareholders the names stand under their column's header ("股东名称"),
one per row, a long one wrapped inside its cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ocr.engine import Line

BUSINESS_END = re.compile(
    r"(公司|店|部|馆|厂|中心|合作社|工作室|商行|门市|超市|宾馆|酒店|事务所|合伙企业|集团"
    r"|医院|诊所|药房|学校|幼儿园|农场|牧场)(（[^（）]{1,6}）)?$"  # 合伙企业（有限合伙）
)
# the second line of a business name wrapped right after "公司": a branch or a partnership
BRANCH_TAIL = re.compile(
    r"^[\u4e00-\u9fff]{0,10}(分公司|分店|分厂|分部|分行|支行|营业部|办事处)$|^（[^（）]{1,6}）$"
)
# headers of a column of business names (or people: only values ending like a business
# are taken)
HEADERS = frozenset(
    (
        "股东名称",
        "股东（发起人）名称",
        "出资人名称",
        "投资人名称",
        "股东",
        "出资人",
        "发起人",
        "单位名称",
    )
)
# labels of the fields that follow a business name on a licence or form
NEXT_LABELS = ("注册资本", "成立日期", "营业期限", "类型", "住所", "法定代表人", "经营场所")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cut_at_next_label(value: str) -> str:
    """`value` without the next field merged onto it: "…有限公司注册资本…" → "…有限公司"."""
    for label in NEXT_LABELS:
        at = value.find(label, 4)
        while at > 0:
            if BUSINESS_END.search(value[:at]):
                return value[:at]
            at = value.find(label, at + 1)
    return value


_NAME_PART = re.compile(r"^[\u4e00-\u9fff（）·]+")


def _name_part(line: Line) -> str:
    """The name at the start of a cell's line, without a neighbouring cell the detector
    merged onto it (an ID number, an amount)."""
    match = _NAME_PART.match(_squash(line.text))
    return match.group(0) if match else ""


def column_names(lines: Sequence[Line]) -> list[tuple[Line, str]]:
    """Business names under a header of names, each with its (first) line."""
    out: list[tuple[Line, str]] = []
    for header in lines:
        if _squash(header.text).rstrip(":：") not in HEADERS:
            continue
        h = header.bottom - header.top
        below = sorted(
            (
                ln
                for ln in lines
                if ln.top > header.bottom - 0.3 * h
                and ln.top < header.bottom + 30 * h
                and header.left - 1.5 * h <= ln.left <= header.left + 1.5 * h
            ),
            key=lambda ln: ln.top,
        )
        used: set[int] = set()
        for k, line in enumerate(below):
            if id(line) in used:
                continue
            value = _name_part(line)
            if k + 1 < len(below) and below[k + 1].top - line.bottom < 0.8 * h:
                tail = _name_part(below[k + 1])
                # a long name wraps inside its cell
                if BRANCH_TAIL.search(tail) or (
                    not BUSINESS_END.search(value) and BUSINESS_END.search(value + tail)
                ):
                    value += tail
                    used.add(id(below[k + 1]))
            if len(value) >= 4 and BUSINESS_END.search(value):
                out.append((line, value))
    return out
