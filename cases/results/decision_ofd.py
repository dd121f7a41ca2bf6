"""The 不予许可决定书 as an OFD page beside its PDF: the red department head, the number,
the title, the applicant, the paragraphs wrapped to the page, the department and date
under the seal's place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cases.printing.documents import zh_date
from signing.ofd import OfdDocument, OfdPage, OfdText

if TYPE_CHECKING:
    from cases.results.decision_document import DecisionContent

_RED = (208, 2, 27)
_LEFT = 25.0
_SIZE = 4.2  # mm, about 12 pt
_PER_LINE = 38  # CJK characters in the 160 mm text width


def _wrap(text: str, first_indent: int = 2) -> list[str]:
    lines, line = [], "\u3000" * first_indent
    for ch in text:
        width = sum(1 if ord(c) >= 0x2E80 else 0.5 for c in line + ch)
        if width > _PER_LINE:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def decision_ofd(content: DecisionContent, title: str, paragraphs: list[str]) -> OfdDocument:
    head = content.department_name
    texts = [
        OfdText(105 - len(head) * 4.0, 40, head, size=8.0, font="hei", colour=_RED),
        OfdText(105 - len(content.number) * 1.6, 52, content.number, size=3.6),
        OfdText(105 - len(title) * 3.5, 68, title, size=7.0, font="hei"),
        OfdText(_LEFT, 84, f"申请人:{content.applicant_name}(证件号码:{content.applicant_id})"),
    ]
    pages: list[tuple[OfdText, ...]] = []
    y = 96.0
    for paragraph in paragraphs:
        for line in _wrap(paragraph):
            if y > 250:  # a long reason goes on to the next page
                pages.append(tuple(texts))
                texts, y = [], 30.0
            texts.append(OfdText(_LEFT, y, line))
            y += 7.0
        y += 3.0
    if y > 200:  # the department, date and seal need the lower part of a page
        pages.append(tuple(texts))
        texts, y = [], 30.0
    issuer_y = max(y + 18, 190.0)
    texts += [
        OfdText(120, issuer_y, content.department_name),
        OfdText(130, issuer_y + 8, zh_date(content.issued_on)),
        OfdText(
            _LEFT, issuer_y + 30, "(本决定书一式两份,申请人与作出决定的机关各执一份)", size=3.2
        ),
    ]
    return OfdDocument(
        title=f"{title} {content.number}",
        author=content.department_name,
        pages=tuple(OfdPage(texts=page) for page in [*pages, tuple(texts)]),
        custom=(("文书编号", content.number), ("办件编号", content.case_number)),
        created=content.issued_on,
        stamp_box=(len(pages), 128.0, issuer_y - 26, 42.0, 42.0),
    )
