"""The counter's decisions (前台综合受理): check the case against its checklist version and
answer the applicant with one sealed notice: acceptance, conditional acceptance (with the
commitment letter), correction (everything at once) or rejection.

The 一次告知 rule is enforced where it can be: a later correction notice may only list what
was already listed, or what concerns pages handed in since; anything else is flagged and
counted (`one_time_report`).
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive import ObjectStore
from cases import audit, faults
from cases.acceptance.checklist import CheckResult, FindingKind, PageFacts, check
from cases.acceptance.decision import Decision, evaluate
from cases.acceptance.immediate import require_clean, require_immediate
from cases.acceptance.notice_lines import draft_notice
from cases.acceptance.one_time import one_time_report, record_deficiencies
from cases.acceptance.page_evidence import facts, lines_from_json
from cases.catalog.publish import case_spec
from cases.errors import InvalidInput, InvalidState
from cases.hall import Hall
from cases.intake.pages import new_since_last_notice
from cases.numbering import next_notice_number
from cases.platform import records as exchange
from cases.printing.documents import NoticeContent, NoticeKind, NoticeLine, render_notice
from cases.records.storage import archive_bytes
from cases.seals.links import progress_token, progress_url
from cases.seals.registry import apply_seal, seal_for
from cases.tasks.routing import route_case
from cases.workdays import add_working_days
from models import (
    Case,
    CaseStatus,
    FindingOverride,
    Material,
    Notice,
    Page,
    PageStatus,
    StoredObject,
    Submission,
    User,
)
from ocr import Line
from ocr.legal_form import evidence_from_json

log = logging.getLogger(__name__)


_LINES_CACHE: OrderedDict[str, tuple[Line, ...]] = OrderedDict()
_LINES_CACHE_SIZE = 512
_LINES_LOCK = threading.Lock()


def _ocr_lines(store: ObjectStore, key: str) -> tuple[Line, ...]:
    """A page's OCR lines. Keys are content addresses, so what a key holds never changes:
    the counter's live panel, polled every second, reads each page's text once."""
    with _LINES_LOCK:
        lines = _LINES_CACHE.get(key)
    if lines is None:
        lines = tuple(lines_from_json(json.loads(store.get(key)).get("lines", ())))
        with _LINES_LOCK:
            _LINES_CACHE[key] = lines
            while len(_LINES_CACHE) > _LINES_CACHE_SIZE:
                _LINES_CACHE.popitem(last=False)
    return lines


def page_facts(session: Session, case: Case, store: ObjectStore | None = None) -> list[PageFacts]:
    """The check's view of every page. The signature box and the validity term were
    derived from the OCR lines when the page was read (its `reading`), so the check needs
    no object store; for pages read before that, they come from the lines kept in the
    store, and without a store those checks are skipped."""
    facts_list = []
    for page in _pages(session, case):
        lines: tuple[Line, ...] = ()
        kept = page.reading.get("evidence")
        if kept is None and store is not None and page.text_object_id is not None:
            obj = session.get(StoredObject, page.text_object_id)
            if obj is not None:
                lines = _ocr_lines(store, obj.key)
        facts_list.append(
            facts(
                page_id=page.id,
                number=page.seq,
                material_code=page.material_code,
                readable=page.status == PageStatus.READ and not page.reading.get("blank", False),
                fields=page.reading.get("fields", ()),
                seals=len(page.reading.get("seals", ())),
                lines=lines,
                submission=page.submission.seq,
                found=None if kept is None else evidence_from_json(kept),
            )
        )
    return facts_list


def overrides_of(session: Session, case: Case) -> set[str]:
    return set(
        session.scalars(
            select(FindingOverride.finding_key).where(FindingOverride.case_id == case.id)
        )
    )


def check_case(
    session: Session, case: Case, store: ObjectStore | None = None, *, today: date | None = None
) -> CheckResult:
    """Check every page handed in. Pages still queued for OCR make the answer premature,
    so they are refused here; callers run `intake.read_queued` first."""
    queued = [p for p in _pages(session, case) if p.status == PageStatus.QUEUED]
    if queued:
        raise InvalidState(
            f"{len(queued)} page(s) are still being read; try again in a moment",
            f"还有 {len(queued)} 页材料正在识别,请稍候再试",
        )
    return _check(session, case, page_facts(session, case, store), today)


def check_read_pages(session: Session, case: Case, store: ObjectStore | None = None) -> CheckResult:
    """The counter's live panel: the same check as `check_case` and `decide`, of the
    pages read so far (pages still queued are left out until they are read)."""
    queued = {p.id for p in _pages(session, case) if p.status == PageStatus.QUEUED}
    read = [f for f in page_facts(session, case, store) if f.page_id not in queued]
    return _check(session, case, read, None)


def _check(session: Session, case: Case, pages: list[PageFacts], today: date | None) -> CheckResult:
    return check(
        case_spec(case).materials,
        pages,
        applicant_type=case.applicant_type,
        scenario=case.scenario,
        today=today,
        overrides=overrides_of(session, case),
    )


def override_finding(session: Session, case: Case, *, key: str, reason: str, actor: User) -> None:
    """The clerk sets a finding aside (e.g. a seal the detector missed); audited."""
    if not reason.strip():
        raise InvalidInput("an override needs a reason", "撤销检查结论必须写明理由")
    if case.status not in (CaseStatus.RECEIVING, CaseStatus.CORRECTION):
        raise InvalidState(
            f"case {case.number} is already {case.status}",
            f"办件 {case.number} 已处于 {case.status} 状态,不能再调整检查结论",
        )
    session.add(
        FindingOverride(
            case_id=case.id, finding_key=key, reason=reason.strip(), actor=actor.username
        )
    )
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="case.override",
        target=f"case:{case.id}",
        key=key,
        reason=reason.strip(),
    )


def decide(
    session: Session,
    hall: Hall,
    case: Case,
    *,
    actor: User,
    conditional: bool = False,
    today: date | None = None,
    immediate: bool = False,
) -> Notice:
    """Issue the notice the check calls for. `conditional` records that the applicant
    signs the 容缺 commitment; it is honoured only when the item allows it.
    `immediate` (即办件, `cases.review.immediate`): accept only on a clean check, and open
    no department task: the window decides under its delegation."""
    _open_for_decision(case)
    check_case(session, case)  # refuses while pages are still being read
    submission = case.submissions[-1]
    if not any(p.submission_id == submission.id for p in _pages(session, case)):
        raise InvalidInput(
            "no page has been added to this submission yet",
            "本次尚未提交任何材料页面,请先扫描或上传材料",
        )
    if not new_since_last_notice(session, case):  # the same notice on the same pages again
        raise InvalidInput(
            "nothing was handed in since the last notice; scan what the applicant brought",
            "上次出具通知书后申请人尚未提交新的材料,请先扫描或上传补正的材料",
        )
    today = today or date.today()
    spec = case_spec(case)
    ev = evaluate(
        spec,
        page_facts(session, case, hall.store),
        applicant_type=case.applicant_type,
        scenario=case.scenario,
        today=today,
        conditional=conditional,
        overrides=overrides_of(session, case),
    )
    if immediate:  # refused before anything is written
        require_immediate(spec)
        require_clean(ev)
    if ev.decision is Decision.REJECTED:
        return reject(session, hall, case, actor=actor, reason=ev.reason)
    result = ev.result
    draft = draft_notice(ev, spec, accepted_on=today, calendar=hall.calendar)
    if ev.decision is Decision.ACCEPTED:
        case.status = CaseStatus.ACCEPTED
    elif ev.decision is Decision.CONDITIONAL:
        case.status = CaseStatus.CONDITIONAL
        case.pending_due_on = draft.pending_due_on
    else:
        case.status = CaseStatus.CORRECTION
        record_deficiencies(session, case, submission, result.findings, actor=actor)
    kind = draft.kind
    if case.status in (CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL):
        case.accepted_at = datetime.now(UTC)
        case.due_on = add_working_days(today, case_spec(case).time_limit_days)
        if not immediate:
            route_case(session, hall, case, actor=actor)  # department tasks (cases/routing.py)
    _record_materials(session, case, submission, result, pending=kind is NoticeKind.CONDITIONAL)
    notice = _issue_notice(
        session,
        hall,
        case,
        submission,
        kind,
        draft.lines,
        actor=actor,
        overdue_text=draft.overdue_text,
        immediate=immediate,
    )
    audit.record(
        session,
        actor=actor.username,
        action=f"case.{kind.value}",
        target=f"case:{case.id}",
        notice=notice.number,
        findings=[f.key for f in result.findings],
        overridden=[f.key for f in result.overridden],
        **({"immediate": True} if immediate else {}),
    )
    exchange.stage(
        session,
        case,
        exchange.Stage(kind.value),
        handled_by=actor.display_name,
        document=notice.number,
        opinion="；".join(f.message for f in result.findings),
    )
    return notice


def _record_materials(
    session: Session, case: Case, submission: Submission, result: CheckResult, *, pending: bool
) -> None:
    """What the check saw of each expected material, as of this submission."""
    pending_codes = {r.code for r in result.pending_eligible} if pending else set()
    for req in result.expected:
        pages = result.present.get(req.code, ())
        flagged = {f.material_code for f in result.findings} | pending_codes
        if not pages and req.code not in flagged:
            continue
        state = "present" if pages else "pending" if req.code in pending_codes else "missing"
        session.add(
            Material(
                case_id=case.id,
                submission_id=submission.id,
                code=req.code,
                state=state,
                page_ids=list(pages),
            )
        )


def _open_for_decision(case: Case) -> None:
    if case.status not in (CaseStatus.RECEIVING, CaseStatus.CORRECTION):
        raise InvalidState(
            f"case {case.number} is already {case.status}",
            f"办件 {case.number} 已处于 {case.status} 状态,不能重复作出受理决定",
        )


def reject(session: Session, hall: Hall, case: Case, *, actor: User, reason: str) -> Notice:
    if not reason.strip():
        raise InvalidInput("a rejection needs a reason", "不予受理必须写明理由")
    _open_for_decision(case)
    case.status = CaseStatus.REJECTED
    notice = _issue_notice(
        session,
        hall,
        case,
        case.submissions[-1],
        NoticeKind.REJECTION,
        (),
        actor=actor,
        reason=reason.strip(),
    )
    audit.record(
        session,
        actor=actor.username,
        action="case.rejection",
        target=f"case:{case.id}",
        notice=notice.number,
    )
    exchange.stage(
        session,
        case,
        exchange.Stage.REJECTION,
        handled_by=actor.display_name,
        document=notice.number,
        opinion=reason.strip(),
    )
    return notice


def _pages(session: Session, case: Case) -> list[Page]:
    return list(
        session.scalars(
            select(Page).join(Submission).where(Submission.case_id == case.id).order_by(Page.seq)
        )
    )


def _issue_notice(
    session: Session,
    hall: Hall,
    case: Case,
    submission: Submission,
    kind: NoticeKind,
    lines: tuple[NoticeLine, ...],
    *,
    actor: User,
    reason: str = "",
    overdue_text: str = "",
    immediate: bool = False,
) -> Notice:
    issuing = case.hall  # the accepting hall: its word mark, its numbering, its name
    number = next_notice_number(
        session, hall.store, kind.value, issuing.word_mark, hall_code=issuing.code
    )
    window = case.window
    content = NoticeContent(
        kind=kind,
        number=number,
        case_number=case.number,
        hall_name=issuing.name,
        window_name=window.name if window else "综合受理窗口",
        department_name=case.department.name,
        item_name=case.item.name,
        applicant_name=case.applicant_name,
        issued_on=date.today(),
        lines=lines,
        reason=reason,
        time_limit_days=case_spec(case).time_limit_days,
        due_on=case.due_on,
        pending_due_on=case.pending_due_on,
        verify_url=progress_url(
            hall.settings.public_base_url,
            case.number,
            progress_token(session, hall.pki, case.number),
        ),
        overdue_text=overdue_text,
        immediate=immediate,
    )
    seal = (
        seal_for(session, window_id=window.id)
        if window
        else seal_for(session, department_id=case.department_id)
    )
    pdf = apply_seal(
        session,
        hall.pki,
        seal,
        render_notice(content),
        actor=actor.username,
        purpose=f"{kind.value} {number}",
    )
    stored = archive_bytes(
        session,
        hall.store,
        pdf,
        content_type="application/pdf",
        doc_class="notice",
        case_id=case.id,
    )
    faults.reach("notice.archived")
    notice = Notice(
        case_id=case.id,
        submission_id=submission.id,
        kind=kind.value,
        number=number,
        hall_id=issuing.id,
        object_id=stored.id,
    )
    session.add(notice)
    session.flush()
    return notice


__all__ = [
    "FindingKind",
    "check_case",
    "decide",
    "one_time_report",
    "override_finding",
    "reject",
]
