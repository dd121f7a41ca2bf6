"""Consultation knowledge base (咨询知识库): questions and answers per service item, plus
the guides, searchable in Chinese.

Chinese has no spaces, so text is matched by character bigrams (and single characters for
one-character queries); a question that shares more bigrams with the query ranks higher.
Small enough to search in memory: a hall has hundreds of items, not millions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cases.catalog.spec import Catalog

_PUNCT = re.compile(r"[\s,。、;:?!()“”‘’,.;:?!()\"'《》【】\-]+")


@dataclass(frozen=True)
class Answer:
    item_code: str
    item_name: str
    question: str
    answer: str
    score: float


def _grams(text: str) -> set[str]:
    parts = [p for p in _PUNCT.split(text.lower()) if p]
    grams: set[str] = set()
    for p in parts:
        grams.update(p[i : i + 2] for i in range(len(p) - 1))
        if len(p) == 1:
            grams.add(p)
    return grams


def entries(catalog: Catalog) -> list[tuple[str, str, str, str]]:
    """(item code, item name, question, answer) for every FAQ entry, material and guide."""
    out = []
    for item in catalog.items.values():
        out.append((item.code, item.name, f"{item.name}怎么办理?需要什么材料?", item.guide))
        for m in item.materials:
            if m.guide:
                out.append((item.code, item.name, f"{m.name}有什么要求?", m.guide))
        out += [(item.code, item.name, e.q, e.a) for e in item.faq]
    return out


def search(
    catalog: Catalog, query: str, *, item_code: str | None = None, limit: int = 10
) -> list[Answer]:
    wanted = _grams(query)
    if not wanted:
        return []
    found = []
    for code, name, q, a in entries(catalog):
        if item_code and code != item_code:
            continue
        in_question = len(wanted & _grams(q + name))
        in_answer = len(wanted & _grams(a))
        score = (2 * in_question + in_answer) / len(wanted)
        if score > 0:
            found.append(Answer(code, name, q, a, round(score, 3)))
    found.sort(key=lambda ans: (-ans.score, ans.item_code, ans.question))
    return found[:limit]
