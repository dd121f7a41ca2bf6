"""What can still happen to a case (办件的下一步): the whole lifecycle as one small model.

`stage_of` reads the facts of a case that decide what may happen next (its status, the
pages of the open submission, outstanding 容缺 materials, the department tasks, a stopped
clock, unsigned handovers, the delivery); `next_steps` lists the actions allowed from there
and who takes each; `after` the stages an action can lead to; `path_to_end` a shortest
sequence of allowed actions that closes the case (rejected, terminated, or its result
delivered). An immediate item (即办件) may also be issued at the window
(`cases.review.immediate.issue_at_window`) when the check of what was handed in is clean.
The staff API tells the window and the departments what is next from it.

The model is kept apart from the services' own guards on purpose: the lifecycle property
test (tests/cases/test_lifecycle_machine.py) drives the real services with every actor and
checks that they agree with it (what it allows succeeds, what it forbids is refused with a
domain error, the stage reached is one it predicts) and that from every stage reached an
end is still reachable, so no case can get stuck.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.acceptance.counter import overrides_of, page_facts
from cases.acceptance.decision import evaluate
from cases.acceptance.immediate import NotIssuableOnTheSpot, is_immediate, require_clean
from cases.catalog.publish import case_spec
from cases.hall import Hall
from cases.intake.pages import new_since_last_notice, pending_codes
from cases.tasks.routing import route_for, tasks_of
from models import (
    Case,
    CaseStatus,
    ClockSuspension,
    Decision,
    Delivery,
    DeliveryStatus,
    Department,
    Handover,
    HandoverDirection,
    Outcome,
    Page,
    PageStatus,
    Rating,
    Submission,
    TaskKind,
    TaskStatus,
)


class Action(StrEnum):
    ADD_PAGE = "add_page"
    DECIDE = "decide"
    ISSUE_AT_WINDOW = "issue_at_window"
    REJECT = "reject"
    OVERRIDE = "override"
    SUPPLY = "supply"
    HAND_OVER = "hand_over"
    SIGN_HANDOVER = "sign_handover"
    APPROVE = "approve"
    DENY = "deny"
    RETURN = "return"
    INFORMATION_SUPPLIED = "information_supplied"
    PICK_UP = "pick_up"
    LOCKER = "locker"
    RENOTIFY = "renotify"
    LOCKER_PICKUP = "locker_pickup"
    POST = "post"
    POST_IN_TRANSIT = "post_in_transit"
    POST_DELIVERED = "post_delivered"
    POST_RETURNED = "post_returned"
    EXPIRE = "expire"
    RATE = "rate"


LABELS: dict[Action, str] = {
    Action.ADD_PAGE: "扫描或上传材料",
    Action.DECIDE: "作出受理决定(受理/容缺受理/一次告知补正)",
    Action.ISSUE_AT_WINDOW: "即办件当场办结(窗口依授权出具办理结果)",
    Action.REJECT: "不予受理",
    Action.OVERRIDE: "撤销检查结论(写明理由)",
    Action.SUPPLY: "登记补齐的容缺材料",
    Action.HAND_OVER: "移交纸质材料",
    Action.SIGN_HANDOVER: "签收交接材料",
    Action.APPROVE: "审批同意",
    Action.DENY: "不予许可",
    Action.RETURN: "退回补充说明",
    Action.INFORMATION_SUPPLIED: "登记申请人已补充说明",
    Action.PICK_UP: "窗口领取办理结果",
    Action.LOCKER: "存入自助文件柜",
    Action.RENOTIFY: "重新发送取件码",
    Action.LOCKER_PICKUP: "凭取件码在自助文件柜取件",
    Action.POST: "邮寄送达",
    Action.POST_IN_TRANSIT: "邮件运输中",
    Action.POST_DELIVERED: "邮件已妥投",
    Action.POST_RETURNED: "邮件退回窗口",
    Action.EXPIRE: "容缺材料逾期未补齐,超期处理",
    Action.RATE: "申请人评价(好差评)",
}

# who takes a step: staff roles, or the applicant, a locker terminal, the post, the hall
CLERK, REVIEWER, APPLICANT, LOCKER, POST, SYSTEM = (
    "clerk",
    "reviewer",
    "applicant",
    "locker",
    "post",
    "system",
)
TO_DEPARTMENT, TO_WINDOW = HandoverDirection.TO_DEPARTMENT.value, HandoverDirection.TO_WINDOW.value

IN_REVIEW = (CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL)
# a case whose 容缺 materials still count: it may take them, or be ended for their lack
OPEN_FOR_PENDING = (
    CaseStatus.CONDITIONAL,
    CaseStatus.ACCEPTED,
    CaseStatus.APPROVED,
    CaseStatus.ISSUED,
)


@dataclass(frozen=True, order=True)
class Task:
    step: int
    department: str  # code
    kind: str  # TaskKind
    status: str  # TaskStatus


@dataclass(frozen=True)
class Stage:
    """What decides the next steps of a case (hashable: the model searches over stages)."""

    status: CaseStatus
    lead: str  # the item's department, which decides
    route: tuple[tuple[str, ...], ...] = ()  # a joint item's steps of opinions
    # something handed in that no notice has answered (cases.intake.new_since_last_notice):
    # a submission to decide on, or after acceptance, a supplement for the 容缺 materials
    new_pages: bool = False
    reading: bool = False  # some page is still being read
    pending: bool = False  # 容缺 materials outstanding
    tasks: tuple[Task, ...] = ()
    denied: bool = False  # a department denied: only a denial can follow
    suspended: bool = False  # returned for information, the clock stands still
    unsigned: frozenset[tuple[str, str]] = frozenset()  # (direction, department)
    delivery: str | None = None  # DeliveryStatus
    result: str | None = None  # license | decision
    code_void: bool = False  # the locker code died of wrong tries
    rated: bool = False
    immediate: bool = False  # an immediate item (即办件): the window may decide it
    # the check of what was handed in and not yet answered accepts it with no finding, no
    # override and no 容缺 (`cases.acceptance.immediate.require_clean`): known only where
    # it matters, an immediate item's case at the counter with new pages all read
    clean: bool = False

    @property
    def ended(self) -> bool:
        closed = (CaseStatus.REJECTED, CaseStatus.TERMINATED)
        return self.status in closed or self.delivery == DeliveryStatus.DELIVERED

    def acting(self, department: str) -> Task | None:
        """The department's open task that a decision of it would settle (lowest step)."""
        mine = [t for t in self.tasks if t.department == department and t.status == "open"]
        return min(mine) if mine else None


@dataclass(frozen=True, order=True)
class Step:
    action: Action
    role: str  # clerk, reviewer, applicant, locker, post, system
    department: str | None = None  # for a reviewer (or the side of a handover)

    @property
    def label(self) -> str:
        return LABELS[self.action]


def ended(stage: Stage) -> bool:
    return stage.ended


def _may_hand_out(stage: Stage) -> bool:
    """The 容缺 gate: a license waits for the pending materials and dies with the case."""
    if stage.result == "decision":
        return True
    return not stage.pending and stage.status != CaseStatus.TERMINATED


def next_steps(stage: Stage) -> list[Step]:
    """Every action allowed from this stage, with who may take it."""
    s, steps = stage.status, []
    if s in (CaseStatus.RECEIVING, CaseStatus.CORRECTION):
        # a finding set aside (a page scanned once too often, a seal the detector missed)
        steps += [Step(a, CLERK) for a in (Action.ADD_PAGE, Action.REJECT, Action.OVERRIDE)]
        if stage.new_pages and not stage.reading:
            steps.append(Step(Action.DECIDE, CLERK))
            if stage.immediate and stage.clean:
                steps.append(Step(Action.ISSUE_AT_WINDOW, CLERK))
    elif (stage.pending and s in OPEN_FOR_PENDING) or (s in IN_REVIEW and stage.suspended):
        steps.append(Step(Action.ADD_PAGE, CLERK))  # a supplement, or a return's answer
    if stage.pending and s in OPEN_FOR_PENDING:
        steps.append(Step(Action.EXPIRE, SYSTEM))
        if not stage.reading:
            steps.append(Step(Action.SUPPLY, CLERK))
    if s in IN_REVIEW:
        steps.append(Step(Action.HAND_OVER, CLERK))
        for department in sorted({t.department for t in stage.tasks}):
            task = stage.acting(department)
            if task is None:
                continue
            if not (task.kind == TaskKind.FINAL and stage.denied):
                steps.append(Step(Action.APPROVE, REVIEWER, department))
            steps.append(Step(Action.DENY, REVIEWER, department))
            if not stage.suspended:  # one return for information at a time
                steps.append(Step(Action.RETURN, REVIEWER, department))
        # the answer to a return, recorded at the window or at a department on the route;
        # recording it twice (both got it), or with no return open, changes nothing
        steps.append(Step(Action.INFORMATION_SUPPLIED, CLERK))
        on_route = {t.department for t in stage.tasks} | {stage.lead}
        steps += [Step(Action.INFORMATION_SUPPLIED, REVIEWER, d) for d in sorted(on_route)]
    for direction, department in sorted(stage.unsigned):
        role = REVIEWER if direction == TO_DEPARTMENT else CLERK
        steps.append(Step(Action.SIGN_HANDOVER, role, department))
    if stage.delivery == DeliveryStatus.AT_WINDOW and _may_hand_out(stage):
        steps += [Step(a, CLERK) for a in (Action.PICK_UP, Action.LOCKER, Action.POST)]
    elif stage.delivery == DeliveryStatus.IN_LOCKER:
        steps.append(Step(Action.RENOTIFY, CLERK))
        if not stage.code_void:
            steps.append(Step(Action.LOCKER_PICKUP, LOCKER))
    elif stage.delivery == DeliveryStatus.POSTED:
        post = (Action.POST_IN_TRANSIT, Action.POST_DELIVERED, Action.POST_RETURNED)
        steps += [Step(a, POST) for a in post]
    elif stage.delivery == DeliveryStatus.DELIVERED and not stage.rated:
        steps.append(Step(Action.RATE, APPLICANT))
    return steps


def allows(stage: Stage, step: Step) -> bool:
    return step in next_steps(stage)


def _advance(tasks: list[Task]) -> list[Task]:
    """The next step's tasks open once none is open (cases.tasks.routing.advance)."""
    if any(t.status == TaskStatus.OPEN for t in tasks):
        return tasks
    waiting = [t.step for t in tasks if t.status == TaskStatus.WAITING]
    if not waiting:
        return tasks
    first = min(waiting)
    return [replace(t, status="open") if t.step == first else t for t in tasks]


def _routed(stage: Stage) -> tuple[Task, ...]:
    tasks = [
        Task(n, d, TaskKind.REVIEW.value, "open" if n == 1 else "waiting")
        for n, departments in enumerate(stage.route, start=1)
        for d in departments
    ]
    final = len(stage.route) + 1
    tasks.append(Task(final, stage.lead, TaskKind.FINAL.value, "open" if final == 1 else "waiting"))
    return tuple(sorted(tasks))


def _decided(stage: Stage, step: Step) -> list[Stage]:
    """A department's approval or denial (an opinion, or the final decision)."""
    assert step.department is not None
    task = stage.acting(step.department)
    assert task is not None
    tasks = [replace(t, status="done") if t == task else t for t in stage.tasks]
    base = replace(stage, suspended=False)
    if task.kind == TaskKind.FINAL:
        approved = step.action is Action.APPROVE
        return [
            replace(
                base,
                status=CaseStatus.ISSUED if approved else CaseStatus.DENIED,
                tasks=tuple(tasks),
                delivery=DeliveryStatus.AT_WINDOW.value,
                result="license" if approved else "decision",
                unsigned=stage.unsigned | {(TO_WINDOW, stage.lead)},
            )
        ]
    if step.action is Action.DENY:
        tasks = [
            replace(t, status="skipped")
            if t.kind == TaskKind.REVIEW and t.status in ("open", "waiting")
            else t
            for t in tasks
        ]
    denied = stage.denied or step.action is Action.DENY
    return [replace(base, tasks=tuple(_advance(tasks)), denied=denied)]


def _checked(stage: Stage) -> list[Stage]:
    """At the counter, an immediate item's check may come out clean or not."""
    at_counter = stage.status in (CaseStatus.RECEIVING, CaseStatus.CORRECTION)
    if not (stage.immediate and at_counter and stage.new_pages):
        return [replace(stage, clean=False)]
    return [replace(stage, clean=False), replace(stage, clean=True)]


def after(stage: Stage, step: Step) -> list[Stage]:
    """The stages an allowed step can lead to (several where the outcome depends on what
    the applicant brought or typed)."""
    a, s = step.action, stage
    if a is Action.ADD_PAGE:
        return _checked(replace(s, new_pages=True))  # a supplement counts once supplied
    if a is Action.ISSUE_AT_WINDOW:  # accepted, decided and sealed at once: no desk step
        return [
            replace(
                s,
                status=CaseStatus.ISSUED,
                new_pages=False,
                clean=False,
                tasks=(Task(1, s.lead, TaskKind.FINAL.value, "done"),),
                delivery=DeliveryStatus.AT_WINDOW.value,
                result="license",
            )
        ]
    s = replace(s, clean=False)  # any other step at the counter is checked anew below
    if a is Action.DECIDE:
        accepted = replace(s, new_pages=False, tasks=_routed(s))
        return [
            replace(accepted, status=CaseStatus.ACCEPTED),
            replace(accepted, status=CaseStatus.CONDITIONAL, pending=True),
            replace(s, status=CaseStatus.CORRECTION, new_pages=False),
            replace(s, status=CaseStatus.REJECTED, new_pages=False),
        ]
    if a is Action.REJECT:
        return [replace(s, status=CaseStatus.REJECTED, new_pages=False)]
    if a is Action.OVERRIDE:  # new for the check, if pages were handed in
        return [*_checked(s), *_checked(replace(s, new_pages=True))]
    if a is Action.SUPPLY:  # what was brought may not be what is missing
        done = replace(s, pending=False)
        if s.status == CaseStatus.CONDITIONAL:
            done = replace(done, status=CaseStatus.ACCEPTED)
        return [s, done] if s.new_pages else [s]
    if a is Action.EXPIRE:
        closed = tuple(
            replace(t, status="skipped") if t.status in ("open", "waiting") else t for t in s.tasks
        )
        return [replace(s, status=CaseStatus.TERMINATED, tasks=closed)]
    if a is Action.HAND_OVER:
        departments = {t.department for t in s.tasks}
        return [replace(s, unsigned=s.unsigned | {(TO_DEPARTMENT, d) for d in departments})]
    if a is Action.SIGN_HANDOVER:
        side = (TO_DEPARTMENT if step.role == REVIEWER else TO_WINDOW, step.department or "")
        return [s, replace(s, unsigned=s.unsigned - {side})]  # others may still wait
    if a in (Action.APPROVE, Action.DENY):
        return _decided(s, step)
    if a is Action.RETURN:
        return [replace(s, suspended=True)]
    if a is Action.INFORMATION_SUPPLIED:
        return [replace(s, suspended=False)]
    if a in (Action.PICK_UP, Action.POST_DELIVERED, Action.LOCKER_PICKUP):
        return [replace(s, delivery=DeliveryStatus.DELIVERED.value)]
    if a is Action.LOCKER:
        return [replace(s, delivery=DeliveryStatus.IN_LOCKER.value, code_void=False)]
    if a is Action.RENOTIFY:
        return [replace(s, code_void=False)]
    if a is Action.POST:
        return [replace(s, delivery=DeliveryStatus.POSTED.value)]
    if a is Action.POST_RETURNED:
        return [replace(s, delivery=DeliveryStatus.AT_WINDOW.value)]
    if a is Action.RATE:
        return [replace(s, rated=True)]
    return [s]  # POST_IN_TRANSIT


def path_to_end(
    stage: Stage, *, avoid: frozenset[Action] = frozenset(), limit: int = 5000
) -> list[Step] | None:
    """A shortest sequence of allowed steps from `stage` to an end, or None if there is
    none (the case would be stuck). Branching outcomes count as reachable: the applicant
    can bring the right page, the department can decide either way. Steps of `avoid`
    (e.g. expiry, rejection: ends nobody works towards) are not taken."""
    if stage.ended:
        return []
    seen = {stage}
    queue: deque[tuple[Stage, list[Step]]] = deque([(stage, [])])
    while queue and len(seen) < limit:
        here, path = queue.popleft()
        for step in next_steps(here):
            if step.action in avoid:
                continue
            for there in after(here, step):
                if there in seen:
                    continue
                if there.ended:
                    return [*path, step]
                seen.add(there)
                queue.append((there, [*path, step]))
    return None


# -- the stage of a real case ---------------------------------------------------------------


def _clean(session: Session, hall: Hall, case: Case) -> bool:
    """Would the window's decision on the spot take this check (`counter.decide` with
    `immediate`)? The same evaluation of the pages, the overrides and the applicant."""
    ev = evaluate(
        case_spec(case),
        page_facts(session, case, hall.store),
        applicant_type=case.applicant_type,
        scenario=case.scenario,
        today=date.today(),
        overrides=overrides_of(session, case),
    )
    try:
        require_clean(ev)
    except NotIssuableOnTheSpot:
        return False
    return True


def stage_of(session: Session, hall: Hall, case: Case) -> Stage:
    codes = {i: c for i, c in session.execute(select(Department.id, Department.code))}
    reading = session.scalars(
        select(Page.id)
        .join(Submission)
        .where(Submission.case_id == case.id, Page.status == PageStatus.QUEUED)
    ).first()
    tasks = tuple(
        sorted(
            Task(t.step, codes[t.department_id], str(t.kind), str(t.status))
            for t in tasks_of(session, case)
        )
    )
    denied = session.scalar(
        select(Decision.id).where(Decision.case_id == case.id, Decision.outcome == Outcome.DENY)
    )
    suspended = session.scalar(
        select(ClockSuspension.id).where(
            ClockSuspension.case_id == case.id, ClockSuspension.ended_on.is_(None)
        )
    )
    unsigned = frozenset(
        (str(h.direction), codes[h.department_id])
        for h in session.scalars(
            select(Handover).where(Handover.case_id == case.id, Handover.received_at.is_(None))
        )
    )
    delivery = session.scalars(select(Delivery).where(Delivery.case_id == case.id)).first()
    rated = session.scalar(select(Rating.id).where(Rating.case_id == case.id))
    immediate = is_immediate(case_spec(case))
    new_pages = new_since_last_notice(session, case)
    at_counter = case.status in (CaseStatus.RECEIVING, CaseStatus.CORRECTION)
    checked = immediate and at_counter and new_pages and reading is None
    return Stage(
        status=CaseStatus(case.status),
        lead=codes[case.department_id],
        route=route_for(session, hall, case).steps,
        new_pages=new_pages,
        reading=reading is not None,
        pending=bool(pending_codes(session, case)),
        tasks=tasks,
        denied=denied is not None,
        suspended=suspended is not None,
        unsigned=unsigned,
        delivery=str(delivery.status) if delivery else None,
        result=delivery.result_kind if delivery else None,
        code_void=bool(
            delivery
            and delivery.status == DeliveryStatus.IN_LOCKER
            and not delivery.pickup_code_sha256
        ),
        rated=rated is not None,
        immediate=immediate,
        clean=checked and _clean(session, hall, case),
    )


def whats_next(session: Session, hall: Hall, case: Case) -> list[Step]:
    """What the window, the departments and the applicant can do next on this case."""
    return next_steps(stage_of(session, hall, case))


__all__ = [
    "Action",
    "Stage",
    "Step",
    "after",
    "allows",
    "ended",
    "next_steps",
    "path_to_end",
    "stage_of",
    "whats_next",
]
