"""网上申报: an applicant opens a case online, uploads what they have, sees the window's own
check at once, and submits; the window answers it from its online queue with the same
decision as at the counter (受理 / 容缺 / 补正 / 不予受理), and 补正 is answered online.

An online case is an ordinary case (`cases.intake`) with `channel = online`, the applicant
account that opened it (`account_id`) and `submitted_at`: a draft until submitted; waiting
for the window from then until a notice answers it; after a correction notice it takes
pages again (a new submission, so the one-time rule compares it with the first).

Every look-up of a case goes through `own_case`: one query that asks for the number *and*
the account, so another applicant's case and a case that does not exist are the same
NotFound, on every route.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from cases import audit
from cases.acceptance import counter
from cases.acceptance.checklist import CheckResult
from cases.delivery import sms
from cases.errors import Forbidden, InvalidInput, InvalidState, NotFound, OneWindowError
from cases.hall import Hall
from cases.intake import pages as intake
from cases.intake.pdf_pages import is_pdf, pdf_page_images
from cases.records import scope
from cases.seals.delegations import may_accept
from models import (
    Applicant,
    Case,
    CaseStatus,
    Channel,
    Notice,
    Page,
    User,
    Window,
)


@dataclass(frozen=True)
class ApplicantActor:
    """The applicant as the intake services' actor: no window, named in the audit by
    account number (never by phone)."""

    account_id: int

    @property
    def username(self) -> str:
        return f"applicant:{self.account_id}"

    @property
    def window(self) -> Window | None:
        return None


def actor_of(account: Applicant) -> ApplicantActor:
    return ApplicantActor(account.id)


def start(
    session: Session,
    account: Applicant,
    *,
    item_code: str,
    applicant_type: str,
    applicant_name: str,
    applicant_id: str,
    scenario: str | None = None,
) -> Case:
    """A draft case of the item for this applicant (the ID number is checked as at the
    counter); SMS go to the account's phone."""
    case = intake.create_case(
        session,
        item_code=item_code,
        applicant_type=applicant_type,
        applicant_name=applicant_name,
        applicant_id=applicant_id,
        applicant_phone=account.phone,
        scenario=scenario or None,
        actor=actor_of(account),
    )
    case.channel, case.account_id = Channel.ONLINE, account.id
    session.flush()
    return case


def own_case(session: Session, account: Applicant, number: str) -> Case:
    """The applicant's own case; NotFound, the same for a stranger's case and for none."""
    case = session.scalars(
        select(Case).where(Case.number == number.strip()[:32], Case.account_id == account.id)
    ).first()
    if case is None:
        raise NotFound("no such case among your applications", "未找到您的该项办件")
    return case


def my_cases(session: Session, account: Applicant) -> list[Case]:
    return list(
        session.scalars(select(Case).where(Case.account_id == account.id).order_by(Case.id.desc()))
    )


def _last_notice_at(session: Session, case: Case) -> datetime | None:
    return session.scalar(select(func.max(Notice.created_at)).where(Notice.case_id == case.id))


def awaiting_window(session: Session, case: Case) -> bool:
    """Submitted and not answered yet by a notice."""
    if case.submitted_at is None or case.status not in (
        CaseStatus.RECEIVING,
        CaseStatus.CORRECTION,
    ):
        return False
    last = _last_notice_at(session, case)
    return last is None or last < case.submitted_at


def stage_of(session: Session, case: Case) -> str:
    """draft | submitted | the case's status."""
    if awaiting_window(session, case):
        return "submitted"
    if case.status == CaseStatus.RECEIVING and case.submitted_at is None:
        return "draft"
    return str(case.status)


def editable(session: Session, case: Case) -> bool:
    """The applicant may add pages: a draft, or a case waiting for its 补正."""
    return case.status in (CaseStatus.RECEIVING, CaseStatus.CORRECTION) and not awaiting_window(
        session, case
    )


def _require_editable(session: Session, case: Case) -> None:
    if not editable(session, case):
        raise InvalidState(
            f"case {case.number} takes no pages now ({stage_of(session, case)})",
            f"办件 {case.number} 当前不能上传材料"
            + ("(已提交,等待窗口审核)" if awaiting_window(session, case) else ""),
        )


def upload(
    session: Session,
    hall: Hall,
    account: Applicant,
    case: Case,
    files: list[tuple[str, bytes]],
) -> list[str]:
    """Take the applicant's files: photos and scans as pages, a PDF split into its pages,
    each checked with the counter's limits and messages. Returns one message per refused
    file (the others are kept)."""
    _require_editable(session, case)
    limit = hall.settings.max_upload_bytes
    errors: list[str] = []
    actor = actor_of(account)
    for filename, data in files:
        try:
            if len(data) > limit:
                raise InvalidInput("file too large", f"文件超过 {limit // 2**20} MB 上限")
            pages = (
                pdf_page_images(data, filename=filename, max_pages=hall.settings.max_upload_files)
                if is_pdf(data)
                else [(filename, data)]
            )
            for name, image in pages:
                intake.add_page(
                    session, hall.store, case, image, filename=name, actor=actor, max_bytes=limit
                )
        except OneWindowError as e:
            errors.append(f"{filename}:{e.zh}" if not e.zh.startswith(filename) else e.zh)
    return errors


def open_pages(session: Session, case: Case) -> list[Page]:
    """Pages of the submission not answered yet (what a submit hands in)."""
    latest = case.submissions[-1]
    answered = session.scalar(select(exists().where(Notice.submission_id == latest.id)))
    if answered:
        return []
    return list(session.scalars(select(Page).where(Page.submission_id == latest.id)))


def live_check(session: Session, hall: Hall, case: Case) -> CheckResult:
    """The window's check of the pages read so far (pages still being read come in later)."""
    return counter.check_read_pages(session, case, hall.store)


def submit(session: Session, hall: Hall, account: Applicant, case: Case) -> CheckResult:
    """Hand the case to the window. Its pages must have been read (`intake.read_queued`
    first); the check as the window will see it is returned. Missing materials do not
    stop a submission: the window's answer to them is the 补正 notice, all at once."""
    _require_editable(session, case)
    if not open_pages(session, case):
        raise InvalidInput("upload the materials before submitting", "请先上传申请材料,再提交")
    result = counter.check_case(session, case, hall.store)  # refuses while pages are queued
    case.submitted_at = datetime.now(UTC)
    session.flush()
    audit.record(
        session,
        actor=actor_of(account).username,
        action="case.online_submitted",
        target=f"case:{case.id}",
        findings=[f.key for f in result.findings],
    )
    sms.notify(session, sms.gateway_for(hall), case, "submitted", hall=case.hall.name)
    return result


def online_queue(session: Session, clerk: User) -> list[Case]:
    """Submitted online cases the clerk's hall has not answered yet, oldest first."""
    answered_since = exists().where(
        Notice.case_id == Case.id, Notice.created_at >= Case.submitted_at
    )
    return list(
        session.scalars(
            select(Case)
            .where(
                Case.channel == Channel.ONLINE,
                Case.submitted_at.is_not(None),
                Case.status.in_((CaseStatus.RECEIVING, CaseStatus.CORRECTION)),
                ~answered_since,
                scope.visible_cases(clerk),
            )
            .order_by(Case.submitted_at)
        )
    )


def take_at_window(session: Session, case: Case, clerk: User, *, today: date | None = None) -> None:
    """An online or mailed case gets the deciding clerk's window (its notice is sealed with
    the window's seal and the result comes back to it), if the window may accept the item."""
    window = clerk.window
    if case.window_id is not None or window is None:
        return
    if not may_accept(
        session,
        window_id=window.id,
        department_id=case.department_id,
        item_code=case.item.code,
        today=today or date.today(),
    ):
        raise Forbidden(
            f"window {window.code} holds no acceptance delegation for {case.item.code}",
            f"{window.name}未获得对“{case.item.name}”的受理授权委托",
        )
    case.window_id = window.id
    if window.hall_id is not None:  # answered at this hall: its numbering, its result
        case.hall_id = window.hall_id
    session.flush()
    session.refresh(case)
