"""A business name's reading put right by what a clerk knows and what the page says
elsewhere: its legal form read with one wrong character, its end cut short by a seal,
one character of it read otherwise where the page names it again."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ocr.engine import Line
from ocr.names import BUSINESS_END


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# a legal form read with one character wrong ("…物业服务白限公司", "…商贸有限公可"):
# the form whose other characters were read. Not when its first character was read 无
# (无限公司 is a form of its own), nor 有限公司's second (有色公司, 有线公司 are words).
_FORMS = (("有限责任公司", frozenset[int]()), ("有限公司", frozenset((1,))))


def repair_legal_form(value: str) -> str:
    """`value` with a legal form at its end read with one wrong character put right."""
    for form, words in _FORMS:
        tail = value[-len(form) :]
        if tail == form:
            return value
        if len(value) < len(form) + 2:
            continue
        wrong = [k for k, (a, b) in enumerate(zip(tail, form, strict=True)) if a != b]
        if len(wrong) != 1 or wrong[0] in words:
            continue
        misread = tail[wrong[0]]
        if re.fullmatch(r"[\u4e00-\u9fff]", misread) and not (wrong[0] == 0 and misread == "无"):
            return value[: -len(form)] + form
    return value


_NAME_RUN = re.compile(r"[\u4e00-\u9fff（）]+")


def completed(value: str, lines: Sequence[Line]) -> str:
    """A business name cut short where a seal covers its end ("单位名称（盖章）：杭州某某
    餐饮"), whole as the page gives it elsewhere (its letterhead "杭州某某餐饮管理有限公司"):
    the one name on the page that begins with it and ends like a business."""
    if len(value) < 4 or BUSINESS_END.search(value):
        return value
    found: set[str] = set()
    for line in lines:
        for run in _NAME_RUN.findall(_squash(line.text)):
            at = run.find(value)
            if at < 0:
                continue
            rest = run[at:]
            whole = next(
                (
                    rest[:end]
                    for end in range(len(value) + 1, len(rest) + 1)
                    if BUSINESS_END.search(rest[:end])
                ),
                None,
            )
            if whole is not None:
                found.add(whole)
    return found.pop() if len(found) == 1 else value


def surer_reading(value: str, confidence: float, lines: Sequence[Line]) -> str:
    """A business named twice on the page (its letterhead, its seal box) whose two
    readings differ in one character ("…建筑装项工程有限公司" / "…建筑装饰工程有限公司"):
    the reading of the line the engine was surer of."""
    best, best_confidence = value, confidence
    for line in lines:
        if line.confidence <= best_confidence:
            continue
        for run in _NAME_RUN.findall(_squash(line.text)):
            for at in range(len(run) - len(value) + 1):
                other = run[at : at + len(value)]
                wrong = sum(a != b for a, b in zip(other, value, strict=True))
                # (not the value's own reading, before its legal form was put right)
                if wrong == 1 and BUSINESS_END.search(other) and repair_legal_form(other) != value:
                    best, best_confidence = other, line.confidence
    return best
