"""What a notice lists, line by line: the one wording of the window's notices and of the
`onewindow check` pre-check, so the applicant reads the same thing at home and at the
counter.

The seed's 一次告知 and 容缺 rules ask for one list of what to bring, by when, and what
happens if it is late: each line names the material and the copies the checklist asks
for; a pending (容缺) line says by when, as a date once the day of acceptance is known;
the overdue rule (超期处理) of the item goes with the conditional notice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from cases.acceptance.checklist import CheckResult, Finding, FindingKind
from cases.acceptance.decision import Decision, Evaluation
from cases.catalog.spec import ItemSpec, MaterialRequirement, WorkingDays
from cases.printing.documents import NoticeKind, NoticeLine


@dataclass(frozen=True)
class NoticeDraft:
    kind: NoticeKind
    lines: tuple[NoticeLine, ...]
    pending_due_on: date | None = None  # the last 容缺 due date, once acceptance is dated
    overdue_text: str = ""  # 超期处理, on a conditional notice


def received_line(req: MaterialRequirement, pages: int) -> NoticeLine:
    return NoticeLine(f"{req.name}({req.form_label})", f"{pages} 页")


def pending_line(req: MaterialRequirement, due_on: date | None) -> NoticeLine:
    """A material accepted as pending: what to bring and by when."""
    guide = f";{req.guide}" if req.guide else ""
    return NoticeLine(
        f"{req.name}({req.form_label})",
        f"容缺后补,请携带{req.to_bring},{req.pending_deadline(due_on)}{guide}",
    )


def correction_line(f: Finding, reqs: Mapping[str, MaterialRequirement]) -> NoticeLine:
    """One deficiency of a correction notice and what to bring instead."""
    req = reqs.get(f.material_code)
    if req is None:
        return NoticeLine("其他材料", f.message)
    if f.kind is FindingKind.MISSING:
        bring = f"请携带{req.to_bring}"
        if req.may_be_pending:
            bring += f";也可签署承诺书容缺受理,{req.pending_deadline()}"
    else:
        bring = f"请携带符合要求的{req.to_bring}"
    return NoticeLine(f"{req.name}({req.form_label})", f"{f.message.rstrip('。')}。{bring}")


def pending_dues(
    result: CheckResult, *, accepted_on: date, calendar: WorkingDays
) -> dict[str, date]:
    """The due date of each pending material of a case accepted on `accepted_on`."""
    return {r.code: r.pending_due_on(accepted_on, calendar) for r in result.pending_eligible}


def draft_notice(
    ev: Evaluation, spec: ItemSpec, *, accepted_on: date | None, calendar: WorkingDays
) -> NoticeDraft:
    """The notice an evaluation calls for. `accepted_on` is the day of acceptance, when
    the case is accepted (the window); None for a pre-check, whose 容缺 lines then give
    the rule ("受理之日起N个工作日内") instead of a date."""
    result = ev.result
    reqs = {r.code: r for r in spec.materials}
    if ev.decision is Decision.ACCEPTED:
        lines = tuple(received_line(reqs[c], len(p)) for c, p in result.present.items())
        return NoticeDraft(NoticeKind.ACCEPTANCE, lines)
    if ev.decision is Decision.CONDITIONAL:
        dues = (
            pending_dues(result, accepted_on=accepted_on, calendar=calendar)
            if accepted_on is not None
            else {}
        )
        lines = tuple(pending_line(r, dues.get(r.code)) for r in result.pending_eligible)
        return NoticeDraft(
            NoticeKind.CONDITIONAL,
            lines,
            pending_due_on=max(dues.values()) if dues else None,
            overdue_text=spec.overdue.text,
        )
    if ev.decision is Decision.CORRECTION:
        return NoticeDraft(
            NoticeKind.CORRECTION, tuple(correction_line(f, reqs) for f in result.findings)
        )
    return NoticeDraft(NoticeKind.REJECTION, ())
