"""容缺 reminders and 超期处理 reach the applicant: the pending stage decides who is due
(`cases.acceptance.pending`), this sends each one an SMS through the hall's provider. The
department sees the same cases on its desk (the reminder date and the terminated status are
on the case). Run by the periodic job `pending.run` and by `onewindow pending run`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from cases.acceptance import pending
from cases.delivery import sms
from cases.hall import Hall
from cases.printing.documents import zh_date
from models import Case, SmsMessage


@dataclass(frozen=True)
class PendingRun:
    reminders: list[pending.Reminder]
    overdue: list[pending.Overdue]
    messages: list[SmsMessage]  # one per case, sent or with the reason it was not


def run(session: Session, hall: Hall, *, today: date | None = None) -> PendingRun:
    """Remind the applicants due today, then handle the overdue cases and tell them."""
    gateway = sms.gateway_for(hall)
    messages = []
    reminders = pending.reminders_due(session, today=today)
    for r in reminders:
        case = session.get_one(Case, r.case_id)
        messages.append(
            sms.notify(
                session,
                gateway,
                case,
                "pending_reminder",
                hall=case.hall.name,
                materials="、".join(r.materials),
                due=zh_date(r.due_on),
                window=_window(case),
                rule=r.rule,
            )
        )
    overdue = pending.process_overdue(session, today=today)
    for o in overdue:
        case = session.get_one(Case, o.case_id)
        outcome = (
            "已终止办理,已作出的审批决定将依法予以撤销" if o.revoke else "视为撤回申请,已终止办理"
        )
        messages.append(
            sms.notify(
                session,
                gateway,
                case,
                "pending_overdue",
                hall=case.hall.name,
                materials="、".join(o.materials),
                due=zh_date(o.due_on),
                outcome=outcome,
                window=_window(case),
            )
        )
    return PendingRun(reminders, overdue, messages)


def _window(case: Case) -> str:
    return case.window.name if case.window else "综合受理窗口"


__all__ = ["PendingRun", "run"]
