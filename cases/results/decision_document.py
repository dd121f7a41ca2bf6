"""不予许可决定书: a denial's result document. Rendered in the style of the window notices,
sealed with the deciding department's seal (the reviewer needs a seal-use delegation),
archived, and delivered at the comprehensive window like a license, because the applicant
must receive the reasons and the remedies (行政许可法第三十八条第二款) in writing."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer
from sqlalchemy.orm import Session

from cases import audit
from cases.clock import HALL_ZONE as _CST
from cases.errors import NotFound
from cases.hall import Hall
from cases.numbering import next_decision_number
from cases.printing.documents import (
    LAW,
    RED,
    RenderedDocument,
    _build,
    _esc,
    _fonts,
    _Footer,
    _SealSpot,
    _Styles,
    zh_date,
)
from cases.results.decision_ofd import decision_ofd
from cases.results.sealing import seal_and_archive, seal_ofd_and_archive
from cases.seals.registry import seal_for
from cases.seals.sm2_seals import ofd_seal_material
from models import Case, Decision, DecisionDocument, User

logger = logging.getLogger(__name__)

TITLE = "不予行政许可决定书"
DOC_CLASS = "decision"


@dataclass(frozen=True)
class DecisionContent:
    number: str
    case_number: str
    department_name: str
    item_name: str
    applicant_name: str
    applicant_id: str
    applied_on: date
    issued_on: date
    reason: str


def paragraphs(content: DecisionContent) -> list[str]:
    """The decision's body as plain text, for the PDF and the OFD alike."""
    return [
        f"你(单位)于{zh_date(content.applied_on)}提出的“{content.item_name}”申请"
        f"(办件编号:{content.case_number}),本机关已依法受理。经审查,"
        f"该申请不符合法定条件、标准。根据{LAW}第三十八条第二款的规定,"
        "决定不予行政许可。",
        f"不予许可的理由:{content.reason}",
        "如对本决定不服,可以自收到本决定书之日起六十日内依法申请行政复议,"
        "或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。",
    ]


def _body(content: DecisionContent, styles: _Styles) -> list[Flowable]:
    return [Paragraph(_esc(text), styles.body) for text in paragraphs(content)]


def render_decision(content: DecisionContent) -> RenderedDocument:
    fonts = _fonts()
    styles = _Styles(fonts)
    spot = _SealSpot()
    body = _body(content, styles)
    story: list[Flowable] = [
        Paragraph(_esc(content.department_name), styles.red_head),
        Spacer(1, 3 * mm),
        Paragraph(_esc(content.number), styles.number),
        HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=1 * mm, spaceAfter=4 * mm),
        Paragraph(TITLE, styles.title),
        Spacer(1, 5 * mm),
        Paragraph(
            f"申请人:{_esc(content.applicant_name)}(证件号码:{_esc(content.applicant_id)})",
            styles.plain,
        ),
        Spacer(1, 2 * mm),
        *body[:-1],
        KeepTogether(
            [
                body[-1],
                Spacer(1, 8 * mm),
                _Footer(
                    issuer_lines=(content.department_name,),
                    issued_on=content.issued_on,
                    verify_url="",
                    caption="",
                    fonts=fonts,
                    spot=spot,
                ),
                Paragraph(
                    "(本决定书一式两份,申请人与作出决定的机关各执一份;由综合受理窗口统一送达)",
                    styles.small,
                ),
            ]
        ),
    ]
    pdf = _build(story, spot, f"{TITLE} {content.number}")
    logger.info("rendered decision %s", content.number)
    return RenderedDocument(pdf=pdf, seal_page=spot.page, seal_box=spot.box)


def _applied_on(case: Case, today: date) -> date:
    """The day of acceptance, in China (a case accepted at 07:00 CST is that day's)."""
    when = case.accepted_at or case.created_at
    return when.astimezone(_CST).date() if when else today


def issue_decision_document(
    session: Session, hall: Hall, case: Case, decision: Decision, *, actor: User
) -> DecisionDocument:
    """Render, seal (refused without a seal-use delegation), archive and record."""
    department = case.department
    today = date.today()
    seal = seal_for(session, department_id=department.id)
    number = next_decision_number(
        session, hall.store, department.short_name or department.name, today
    )
    content = DecisionContent(
        number=number,
        case_number=case.number,
        department_name=department.name,
        item_name=case.item.name,
        applicant_name=case.applicant_name,
        applicant_id=case.applicant_id,
        applied_on=_applied_on(case, today),
        issued_on=today,
        reason=decision.comment.strip(),
    )
    pdf, stored = seal_and_archive(
        session,
        hall,
        case,
        seal,
        render_decision(content),
        actor=actor.username,
        purpose=f"decision {number}",
        doc_class=DOC_CLASS,
    )
    # the OFD beside the PDF, archived with the case (registered by its SHA-256)
    seal_ofd_and_archive(
        session,
        hall,
        case,
        seal,
        ofd_seal_material(session, hall.pki, seal),
        decision_ofd(content, TITLE, paragraphs(content)),
        actor=actor.username,
        purpose=f"decision {number} (OFD)",
        doc_class=f"{DOC_CLASS}_ofd",
    )
    document = DecisionDocument(
        case_id=case.id,
        decision_id=decision.id,
        number=number,
        department_id=department.id,
        seal_id=seal.id,
        object_id=stored.id,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        issued_on=today,
    )
    session.add(document)
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="decision.issue",
        target=f"case:{case.id}",
        number=number,
        document=document.id,
    )
    return document


def find_decision_document(session: Session, document_id: int) -> DecisionDocument:
    document = session.get(DecisionDocument, document_id)
    if document is None:
        raise NotFound(
            f"no decision document {document_id}", f"不予许可决定书 {document_id} 不存在"
        )
    return document
