"""Every path of a case reaches its end: a hypothesis state machine drives every actor's
actions on real cases through the real services, and after every step checks

(a) the lifecycle model (`cases.lifecycle`) agrees with the services: what it allows
    succeeds and leads to a stage it predicts, what it forbids is refused with a domain
    error (`cases.errors`, never a crash, never a silent success) and changes nothing; and
    from the stage of every case an end (rejected, terminated, result delivered) is still
    reachable in the model; at the end of each example every case is driven there for real,
    along the model's own path;
(b) no license is handed out (window, locker, post) while a 容缺 material is outstanding;
(c) case, notice, license and decision numbers are unique across the database;
(d) the audit chain verifies (each step walks the links recorded since the last check;
    the whole chain is walked once at the end).

Actors: the window clerk, the chief representative of 市场监管局 (the lead department),
卫健委 and 消防 reviewers, the applicant (pickup, rating), a locker terminal, the post, and
the hall's periodic jobs (容缺 reminders and 超期处理, deadline warnings) with the clock moved
to the case's due dates. Items: 个体工商户设立登记 (one department, 容缺 allowed),
开办餐饮店联合审批 (three departments in two steps, two 容缺 materials) and the immediate
个体工商户变更登记 (即办件: issued at the window on a clean check, under the window's
seal-use delegation the development hall grants; the department may also decide it).

Pages go through the product's own intake: `add_page` stores them and queues them, the
queue's reader claims and saves the reading (classification, fields, the OCR text in the
store), and the counter checks and decides on them. Only the OCR itself is replayed: a
small pool of generated scans (tests/cases/scenario_pages.py) is read by the real engine
once per session (kept in pytest's cache between runs), and `read_page` returns the pooled
reading for those exact bytes, so the machine runs no OCR.

A denial (不予许可决定书) is not held back by the 容缺 gate: it is handed out whether or not
the pending materials came, so the gate and invariant (b) are about licenses.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

import cases.intake.reading
from cases import audit
from cases.acceptance import counter, pending
from cases.db import session_scope
from cases.delivery import handout, locker, pending_notices
from cases.errors import InvalidInput, OneWindowError
from cases.intake.pages import add_page, create_case, pending_codes, read_queued
from cases.lifecycle import (
    CLERK,
    LOCKER,
    POST,
    REVIEWER,
    SYSTEM,
    TO_DEPARTMENT,
    Action,
    Stage,
    Step,
    after,
    allows,
    next_steps,
    path_to_end,
    stage_of,
)
from cases.review import immediate
from cases.review import steps as review
from cases.tasks import deadlines, handover
from models import (
    Case,
    CaseStatus,
    DecisionDocument,
    Delivery,
    DeliveryStatus,
    Department,
    Handover,
    License,
    Notice,
    Outcome,
)
from ocr import Engine, PageReading
from sample_scans.scans import sample_applicant
from tests.api.conftest import fresh_postgres_database
from tests.cases.backoffice_world import World, open_world
from tests.cases.scenario_pages import APPLICANT, GT, GT_CHANGE, LIFECYCLE, PageKey

JOINT = "LH-CY-001"
POOL = LIFECYCLE  # the pages handed in for each item, by material
STAFF = {"clerk": (CLERK, None), "chief": (REVIEWER, "scjgj"), "health": (REVIEWER, "wjw")}
STAFF["fire"] = (REVIEWER, "xfjy")
# ends nobody works towards: the driver at the end of an example avoids them when it can
GIVING_UP = frozenset({Action.EXPIRE, Action.REJECT, Action.DENY, Action.RETURN})
CODE = re.compile(r"取件码(\d{6})")
PENDING_ALLOWED = {"premises_proof", "hygiene_test_report"}  # 容缺 allowed in both items


# every action of every actor, with its inputs right or wrong: one rule draws them
# (next_step, which only takes steps the model allows, is drawn as often as all of them)
ACTIONS: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "add_pages": dict(
        n=st.integers(0, 9), pages=st.lists(st.integers(0, 7), min_size=1, max_size=3)
    ),
    "decide": dict(n=st.integers(0, 9), conditional=st.booleans()),
    "issue_at_window": dict(
        n=st.integers(0, 9), actor=st.sampled_from(["clerk", "clerk", "chief"])
    ),
    "reject": dict(n=st.integers(0, 9), reason=st.sampled_from(["经营场所位于禁止经营区域", " "])),
    "override": dict(n=st.integers(0, 9), reason=st.sampled_from(["原件已当场核验", ""])),
    "supply": dict(n=st.integers(0, 9)),
    "hand_over": dict(n=st.integers(0, 9), actor=st.sampled_from(sorted(STAFF))),
    "sign_handover": dict(
        n=st.integers(0, 9), k=st.integers(0, 9), actor=st.sampled_from(sorted(STAFF))
    ),
    "department_decides": dict(
        n=st.integers(0, 9),
        actor=st.sampled_from(sorted(STAFF)),
        outcome=st.sampled_from([Outcome.APPROVE, Outcome.APPROVE, Outcome.DENY, Outcome.RETURN]),
        comment=st.sampled_from(["材料齐全,符合条件", ""]),
    ),
    "information_supplied": dict(n=st.integers(0, 9), actor=st.sampled_from(sorted(STAFF))),
    "pick_up": dict(
        n=st.integers(0, 9),
        actor=st.sampled_from(["clerk", "clerk", "chief"]),
        who=st.sampled_from(["applicant", "agent", "agent without attorney"]),
    ),
    "to_locker": dict(
        n=st.integers(0, 9), actor=st.sampled_from(["clerk", "clerk", "fire"]), taken=st.booleans()
    ),
    "renotify": dict(n=st.integers(0, 9)),
    "locker_pickup": dict(
        n=st.integers(0, 9), typed=st.sampled_from(["right", "right", "wrong", "late"])
    ),
    "mail": dict(n=st.integers(0, 9), address=st.sampled_from(["锡林浩特市额尔敦路 1 号", ""])),
    "post_update": dict(
        n=st.integers(0, 9), status=st.sampled_from(["in_transit", "delivered", "returned"])
    ),
    "rate": dict(n=st.integers(0, 9), score=st.sampled_from([5, 3, 0])),
    "time_passes": dict(
        n=st.integers(0, 9), when=st.sampled_from(["reminder", "overdue", "deadline"])
    ),
}


@dataclass
class Tracked:
    id: int
    number: str
    item: str
    uploaded: list[PageKey] = field(default_factory=list)
    plan: str = "complete"  # what the applicant brings: complete, 容缺, page by page


def replay(pool: dict[str, PageReading]) -> Callable[..., PageReading]:
    """`read_page` for the pooled pages: their reading by the real engine, by the bytes."""

    def read_page(data: bytes, engine: Engine, **_: Any) -> PageReading:
        return pool[hashlib.sha256(data).hexdigest()]

    return read_page


class LifecycleMachine(RuleBasedStateMachine):
    world: World
    pages: dict[PageKey, bytes]
    stats: Counter[str]
    chain: list[audit.ChainReport]

    def __init__(self) -> None:
        super().__init__()
        self.cases: list[Tracked] = []
        self.stats["examples"] += 1

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def hall(self) -> Any:
        return self.world.hall

    def stage(self, tracked: Tracked) -> Stage:
        with session_scope(self.hall.sessions) as s:
            return stage_of(s, self.hall, s.get_one(Case, tracked.id))

    def pick(self, n: int) -> Tracked:
        return self.cases[n % len(self.cases)]

    def attempt(
        self,
        tracked: Tracked,
        step: Step,
        act: Callable[[Session, Case], object],
        *,
        valid: bool = True,
        allowed: bool | None = None,
        refused_may_leave: Callable[[Stage], list[Stage]] | None = None,
        then: Callable[[], object] | None = None,
    ) -> bool:
        """Run one action as its request would (one transaction) and hold the outcome to
        the model. `valid`: the inputs are right (a reason given, the right code...)."""
        before = self.stage(tracked)
        expected = allows(before, step) if allowed is None else allowed
        error: OneWindowError | None = None
        t0 = time.monotonic()
        try:
            with session_scope(self.hall.sessions) as s:
                act(s, s.get_one(Case, tracked.id))
        except OneWindowError as e:
            error = e
        if error is None and then is not None:
            then()
        now = self.stage(tracked)
        self.stats[f"ms {step.action}"] += round(1000 * (time.monotonic() - t0))
        self.stats["steps"] += 1
        self.stats[f"{step.action}: {'done' if error is None else 'refused'}"] += 1
        if expected and valid:
            assert error is None, f"{step} is allowed from {before} but was refused: {error}"
            assert now in after(before, step), f"{step} from {before} led to {now}"
        else:
            assert error is not None, f"{step} (valid={valid}) from {before} succeeded: {now}"
            kept = refused_may_leave(before) if refused_may_leave else [before]
            assert now in kept, f"the refused {step} changed the case: {before} -> {now}"
        return error is None

    def user(self, s: Session, name: str) -> Any:
        return self.world.user(s, name)

    def step_of(self, action: Action, actor: str) -> Step:
        role, department = STAFF[actor]
        return Step(action, role, department)

    # -- a step the model allows, with right inputs: what moves cases on ------------------

    @precondition(lambda self: self.cases)
    @rule(n=st.integers(0, 9), k=st.integers(0, 29), v=st.integers(0, 5))
    def next_step(self, n: int, k: int, v: int) -> None:
        """`v` picks the inputs (see `perform`); an end that gives up (rejection, denial,
        expiry, a return) or an override is taken only one time in six, so cases get
        somewhere."""
        tracked = self.pick(n)
        stage = self.stage(tracked)
        steps = next_steps(stage)
        onward = [s for s in steps if s.action not in GIVING_UP | {Action.OVERRIDE}]
        if v and onward:
            steps = onward
        if steps:
            self.perform(tracked, steps[k % len(steps)], stage, variant=v)

    @precondition(lambda self: self.cases)
    @rule(n=st.integers(0, 9), k=st.integers(0, 29), v=st.integers(0, 5))
    def another_next_step(self, n: int, k: int, v: int) -> None:
        """The same, so that cases move on twice as often as anything is tried."""
        self.next_step(n, k, v)

    @precondition(lambda self: self.cases)
    @rule(data=st.data())
    def any_action(self, data: st.DataObject) -> None:
        """Any actor tries any action, allowed or not, with right or wrong inputs."""
        name = data.draw(st.sampled_from(sorted(ACTIONS)), label="action")
        drawn = {k: data.draw(v, label=k) for k, v in ACTIONS[name].items()}
        getattr(self, name)(**drawn)

    # -- the counter ------------------------------------------------------------------------

    @precondition(lambda self: len(self.cases) < 3)
    @rule(
        item=st.sampled_from([GT, JOINT, GT_CHANGE]),
        plan=st.sampled_from(["complete", "容缺", "容缺", "page by page"]),
    )
    def open_case(self, item: str, plan: str) -> None:
        applicant = sample_applicant(APPLICANT)
        person = item != JOINT
        with session_scope(self.hall.sessions) as s:
            case = create_case(
                s,
                item_code=item,
                applicant_type="person" if person else "enterprise",
                applicant_name=applicant.name if person else applicant.enterprise_name,
                applicant_id=applicant.id_number if person else applicant.credit_code,
                applicant_phone=applicant.phone,
                actor=self.user(s, "clerk"),
            )
            self.cases.append(Tracked(case.id, case.number, item, plan=plan))
        self.stats["cases"] += 1

    def upload(self, tracked: Tracked, keys: list[PageKey]) -> bool:
        def act(s: Session, case: Case) -> None:
            clerk = self.user(s, "clerk")
            for key in keys:
                data = self.pages[key]
                filename = f"{key.material}.jpg"
                add_page(
                    s,
                    self.hall.store,
                    case,
                    data,
                    filename=filename,
                    actor=clerk,
                    max_bytes=self.hall.settings.max_upload_bytes,
                )

        done = self.attempt(
            tracked,
            Step(Action.ADD_PAGE, CLERK),
            act,
            then=lambda: read_queued(self.hall, case_id=tracked.id),
        )
        if done:
            tracked.uploaded += keys
        return done

    def add_pages(self, n: int, pages: list[int]) -> None:
        tracked = self.pick(n)
        pool = POOL[tracked.item]
        self.upload(tracked, [pool[i % len(pool)] for i in pages])

    def decide(self, n: int, conditional: bool) -> None:
        tracked = self.pick(n)

        def act(s: Session, case: Case) -> None:
            notice = counter.decide(
                s, self.hall, case, actor=self.user(s, "clerk"), conditional=conditional
            )
            self.stats[f"notice: {notice.kind}"] += 1

        self.attempt(tracked, Step(Action.DECIDE, CLERK), act)

    def issue_at_window(self, n: int, actor: str) -> None:
        """即办件: accepted, decided and sealed at the window (refused for a promised item,
        on any finding, override or 容缺, and to anyone but the window's clerk)."""

        def act(s: Session, case: Case) -> None:
            immediate.issue_at_window(s, self.hall, case, actor=self.user(s, actor))

        self.attempt(self.pick(n), self.step_of(Action.ISSUE_AT_WINDOW, actor), act)

    def reject(self, n: int, reason: str) -> None:
        def act(s: Session, case: Case) -> None:
            counter.reject(s, self.hall, case, actor=self.user(s, "clerk"), reason=reason)

        self.attempt(self.pick(n), Step(Action.REJECT, CLERK), act, valid=bool(reason.strip()))

    def override(self, n: int, reason: str) -> None:
        """The clerk sets every finding of the check aside (or a made-up one)."""

        def act(s: Session, case: Case) -> None:
            clerk = self.user(s, "clerk")
            found = counter.check_case(s, case, self.hall.store).findings
            for key in [f.key for f in found] or ["id_card:missing"]:
                counter.override_finding(s, case, key=key, reason=reason, actor=clerk)

        self.attempt(self.pick(n), Step(Action.OVERRIDE, CLERK), act, valid=bool(reason))

    def supply(self, n: int) -> None:
        def act(s: Session, case: Case) -> None:
            pending.supply(s, case, actor=self.user(s, "clerk"), store=self.hall.store)

        self.attempt(self.pick(n), Step(Action.SUPPLY, CLERK), act)

    # -- paper handover ---------------------------------------------------------------------

    def hand_over(self, n: int, actor: str) -> None:
        def act(s: Session, case: Case) -> None:
            handover.hand_over_materials(s, case, actor=self.user(s, actor))

        self.attempt(self.pick(n), self.step_of(Action.HAND_OVER, actor), act)

    def sign_handover(self, n: int, k: int, actor: str) -> None:
        tracked = self.pick(n)
        with session_scope(self.hall.sessions) as s:
            found = handover.handovers_of(s, s.get_one(Case, tracked.id))
            if not found:
                return
            chosen = found[k % len(found)]
            side = (str(chosen.direction), s.get_one(Department, chosen.department_id).code)
            unsigned = chosen.received_at is None
            handover_id = chosen.id
        role, department = STAFF[actor]
        mine = role == CLERK if side[0] != TO_DEPARTMENT else department == side[1]
        step = Step(Action.SIGN_HANDOVER, role, side[1])
        if unsigned and mine:
            assert allows(self.stage(tracked), step), f"{step}: an unsigned handover"

        def act(s: Session, case: Case) -> None:
            handover.sign_for(s, handover_id, actor=self.user(s, actor))

        self.attempt(tracked, step, act, allowed=unsigned and mine)

    # -- the departments --------------------------------------------------------------------

    def department_decides(self, n: int, actor: str, outcome: Outcome, comment: str) -> None:
        action = {Outcome.APPROVE: Action.APPROVE, Outcome.DENY: Action.DENY}.get(
            outcome, Action.RETURN
        )

        def act(s: Session, case: Case) -> None:
            review.act(
                s, self.hall, case, actor=self.user(s, actor), outcome=outcome, comment=comment
            )

        valid = outcome is Outcome.APPROVE or bool(comment.strip())
        self.attempt(self.pick(n), self.step_of(action, actor), act, valid=valid)

    def information_supplied(self, n: int, actor: str) -> None:
        def act(s: Session, case: Case) -> None:
            review.information_supplied(s, case, actor=self.user(s, actor))

        self.attempt(self.pick(n), self.step_of(Action.INFORMATION_SUPPLIED, actor), act)

    # -- delivery ---------------------------------------------------------------------------

    def pick_up(self, n: int, actor: str, who: str) -> None:
        tracked = self.pick(n)
        applicant = sample_applicant(APPLICANT)
        own = applicant.id_number if tracked.item != JOINT else applicant.credit_code
        id_number = own if who == "applicant" else sample_applicant(2).id_number

        def act(s: Session, case: Case) -> None:
            handout.pick_up(
                s,
                case,
                actor=self.user(s, actor),
                receiver_name="领取人",
                id_number=id_number,
                attorney_ref="" if who == "agent without attorney" else "委托书-001",
                hall=self.hall,
            )

        valid = who != "agent without attorney"
        self.attempt(tracked, self.step_of(Action.PICK_UP, actor), act, valid=valid)

    def to_locker(self, n: int, actor: str, taken: bool) -> None:
        tracked = self.pick(n)
        box = f"B{tracked.id}"
        with session_scope(self.hall.sessions) as s:
            occupied = s.scalars(
                select(Delivery.locker_box).where(
                    Delivery.status == DeliveryStatus.IN_LOCKER, Delivery.case_id != tracked.id
                )
            ).first()
        if taken and occupied:
            box = occupied

        def act(s: Session, case: Case) -> None:
            locker.to_locker(s, self.hall, case, actor=self.user(s, actor), box=box)

        valid = not (taken and occupied)
        self.attempt(tracked, self.step_of(Action.LOCKER, actor), act, valid=valid)

    def renotify(self, n: int) -> None:
        def act(s: Session, case: Case) -> None:
            locker.renotify(s, self.hall, case, actor=self.user(s, "clerk"))

        self.attempt(self.pick(n), Step(Action.RENOTIFY, CLERK), act)

    def sent_code(self, number: str) -> str:
        """The newest pickup code sent to the applicant for this case (the SMS outbox)."""
        outbox = self.hall.settings.data_dir / "sms-outbox.jsonl"
        codes = (
            [
                m.group(1)
                for line in outbox.read_text("utf-8").splitlines()
                if number in (text := json.loads(line)["text"]) and (m := CODE.search(text))
            ]
            if outbox.exists()
            else []
        )
        return codes[-1] if codes else "000000"

    def locker_pickup(self, n: int, typed: str) -> None:
        tracked = self.pick(n)
        code = self.sent_code(tracked.number)
        if typed == "wrong":
            code = f"{(int(code) + 1) % 10**6:06d}"
        with session_scope(self.hall.sessions) as s:
            mine = s.scalars(select(Delivery).where(Delivery.case_id == tracked.id)).first()
            box = mine.locker_box if mine is not None and mine.locker_box else f"B{tracked.id}"
            expires = mine.code_expires_at if mine is not None else None
        now = (expires + timedelta(minutes=1)) if typed == "late" and expires else None

        def act(s: Session, case: Case) -> None:
            try:
                locker.locker_pickup(s, self.hall, box=box, code=code, terminal="locker-1", now=now)
            except InvalidInput:
                s.commit()  # as the terminal's route: the count of wrong codes stands
                raise

        def voided(before: Stage) -> list[Stage]:
            return [before, Stage(**{**before.__dict__, "code_void": True})]

        self.attempt(
            tracked,
            Step(Action.LOCKER_PICKUP, LOCKER),
            act,
            valid=typed == "right" or (typed == "late" and expires is None),
            refused_may_leave=voided,
        )

    def mail(self, n: int, address: str) -> None:
        tracked = self.pick(n)

        def act(s: Session, case: Case) -> None:
            handout.mail(
                s,
                self.hall,
                case,
                actor=self.user(s, "clerk"),
                address=address,
                tracking_number=f"EMS{tracked.id:08d}",
            )

        self.attempt(tracked, Step(Action.POST, CLERK), act, valid=bool(address))

    def post_update(self, n: int, status: str) -> None:
        def act(s: Session, case: Case) -> None:
            handout.postal_update(s, case, status=status)

        self.attempt(self.pick(n), Step(Action(f"post_{status}"), POST), act)

    def rate(self, n: int, score: int) -> None:
        def act(s: Session, case: Case) -> None:
            handout.rate(s, case, score=score)

        self.attempt(self.pick(n), Step(Action.RATE, "applicant"), act, valid=score > 0)

    # -- time -------------------------------------------------------------------------------

    def time_passes(self, n: int, when: str) -> None:
        """The periodic jobs run on a later day: 容缺 reminders and 超期处理 (every case
        whose pending materials are late is ended), deadline warnings and escalation."""
        tracked = self.pick(n)
        with session_scope(self.hall.sessions) as s:
            case = s.get_one(Case, tracked.id)
            due = case.pending_due_on or case.due_on or date.today()
            today = {"reminder": due - timedelta(days=1), "overdue": due + timedelta(days=1)}.get(
                when, (case.due_on or date.today()) + timedelta(days=1)
            )
            late = {
                t.id: c.pending_due_on is not None and c.pending_due_on < today
                for t in self.cases
                if (c := s.get_one(Case, t.id)) is not None
            }
        before = {t.id: self.stage(t) for t in self.cases}
        with session_scope(self.hall.sessions) as s:
            pending_notices.run(s, self.hall, today=today)
            deadlines.scan(s, today, warning_days=self.hall.settings.deadline_warning_days)
        self.stats["steps"] += 1
        self.stats[f"time passes: {when}"] += 1
        for t in self.cases:
            was, now = before[t.id], self.stage(t)
            expire = Step(Action.EXPIRE, SYSTEM)
            if late[t.id] and allows(was, expire):
                assert now in after(was, expire), f"{t.number} not ended when late: {now}"
                self.stats["expire: done"] += 1
            else:
                assert now == was, f"{t.number} changed by the periodic jobs: {was} -> {now}"

    # -- invariants -------------------------------------------------------------------------

    @invariant()
    def every_case_can_still_end(self) -> None:
        for t in self.cases:
            stage = self.stage(t)
            assert path_to_end(stage) is not None, f"case {t.number} is stuck at {stage}"
            if stage.status not in (CaseStatus.ACCEPTED, CaseStatus.CONDITIONAL):
                assert all(x.status not in ("open", "waiting") for x in stage.tasks), (
                    f"case {t.number} is {stage.status} but still waits on a department: {stage}"
                )

    @invariant()
    def no_license_handed_out_while_pending(self) -> None:
        with session_scope(self.hall.sessions) as s:
            for t in self.cases:
                d = s.scalars(select(Delivery).where(Delivery.case_id == t.id)).first()
                if d is None or d.result_kind != "license" or d.status == DeliveryStatus.AT_WINDOW:
                    continue
                case = s.get_one(Case, t.id)
                assert not pending_codes(s, case), f"{t.number}: license out, 容缺 outstanding"
                assert case.status == CaseStatus.ISSUED, f"{t.number}: license out of {case.status}"

    @invariant()
    def numbers_are_unique(self) -> None:
        numbers = union_all(
            select(Case.number.label("n")),
            select(Notice.number.label("n")),
            select(License.number.label("n")),
            select(DecisionDocument.number.label("n")),
        ).subquery()
        with session_scope(self.hall.sessions) as s:
            twice = s.execute(
                select(numbers.c.n).group_by(numbers.c.n).having(func.count() > 1)
            ).all()
        assert not twice, f"numbers given twice: {twice}"

    @invariant()
    def audit_chain_verifies(self) -> None:
        with session_scope(self.hall.sessions) as s:
            report = audit.verify_chain(s, since=self.chain[-1] if self.chain else None)
        assert report.ok, report
        self.chain.append(report)

    def hold_invariants(self) -> None:
        t0 = time.monotonic()
        self.every_case_can_still_end()
        self.no_license_handed_out_while_pending()
        self.numbers_are_unique()
        self.audit_chain_verifies()
        self.stats["ms invariants"] += round(1000 * (time.monotonic() - t0))

    # -- the end of an example: every case to its end, for real -----------------------------

    def teardown(self) -> None:
        for t in self.cases:
            self.finish(t)

    def finish(self, tracked: Tracked) -> None:
        for _ in range(30):
            stage = self.stage(tracked)
            if stage.ended:
                self.stats["cases ended"] += 1
                return
            path = path_to_end(stage, avoid=GIVING_UP) or path_to_end(stage)
            assert path, f"case {tracked.number} is stuck at {stage}"
            step = path[0]
            if step.action in (Action.ADD_PAGE, Action.DECIDE) and self.nothing_to_bring(tracked):
                step = Step(Action.OVERRIDE, CLERK)  # e.g. a page scanned once too often
            self.perform(tracked, step, stage)
            self.hold_invariants()
        raise AssertionError(f"case {tracked.number} did not end: {self.stage(tracked)}")

    def nothing_to_bring(self, tracked: Tracked) -> bool:
        """Every page was handed in, yet the check finds fault with what is there."""
        if set(POOL[tracked.item]) - set(tracked.uploaded):
            return False
        with session_scope(self.hall.sessions) as s:
            case = s.get_one(Case, tracked.id)
            if case.status not in (CaseStatus.RECEIVING, CaseStatus.CORRECTION):
                return False
            return bool(counter.check_case(s, case, self.hall.store).findings)

    def perform(self, tracked: Tracked, step: Step, stage: Stage, variant: int = 0) -> None:
        """The step with right inputs, as a clerk, department or applicant would take it.
        `variant` 0 is the straight way; others follow the case's plan: hand in all but
        what 容缺 may wait for and sign the commitment, or bring one page at a time."""
        a = step.action
        actor = next(
            (
                name
                for name, (role, d) in STAFF.items()
                if role == step.role and d == step.department
            ),
            "clerk",
        )
        if a is Action.ADD_PAGE:
            pool = POOL[tracked.item]
            missing = [k for k in pool if k not in tracked.uploaded]
            if stage.pending:
                with session_scope(self.hall.sessions) as s:
                    codes = pending_codes(s, s.get_one(Case, tracked.id))
                missing = [k for k in pool if k.material in codes]
            elif variant and tracked.plan == "容缺":  # all but what 容缺 may wait for
                missing = [k for k in missing if k.material not in PENDING_ALLOWED]
            elif variant and tracked.plan == "page by page":
                missing = [pool[len(tracked.uploaded) % len(pool)]]
            self.upload(tracked, missing or list(pool))
        elif a is Action.DECIDE:
            conditional = bool(variant) and tracked.plan == "容缺"
            self.decide(self.cases.index(tracked), conditional=conditional)
        elif a is Action.SIGN_HANDOVER:
            with session_scope(self.hall.sessions) as s:
                ids = [
                    h.id
                    for h in s.scalars(select(Handover).where(Handover.case_id == tracked.id))
                    if h.received_at is None
                    and (h.direction == TO_DEPARTMENT) == (step.role == REVIEWER)
                    and s.get_one(Department, h.department_id).code == step.department
                ]

            def act(s: Session, case: Case) -> None:
                handover.sign_for(s, ids[0], actor=self.user(s, actor))

            self.attempt(tracked, step, act)
        elif a is Action.EXPIRE:
            self.time_passes(self.cases.index(tracked), "overdue")
        else:
            n = self.cases.index(tracked)
            {
                Action.REJECT: lambda: self.reject(n, "申请人撤回申请"),
                Action.ISSUE_AT_WINDOW: lambda: self.issue_at_window(n, "clerk"),
                Action.OVERRIDE: lambda: self.override(n, "原件已当场核验"),
                Action.SUPPLY: lambda: self.supply(n),
                Action.HAND_OVER: lambda: self.hand_over(n, "clerk"),
                Action.APPROVE: lambda: self.department_decides(n, actor, Outcome.APPROVE, "同意"),
                Action.DENY: lambda: self.department_decides(n, actor, Outcome.DENY, "不符合条件"),
                Action.RETURN: lambda: self.department_decides(n, actor, Outcome.RETURN, "请说明"),
                Action.INFORMATION_SUPPLIED: lambda: self.information_supplied(n, actor),
                Action.PICK_UP: lambda: self.pick_up(n, "clerk", "applicant"),
                Action.LOCKER: lambda: self.to_locker(n, "clerk", False),
                Action.RENOTIFY: lambda: self.renotify(n),
                Action.LOCKER_PICKUP: lambda: self.locker_pickup(n, "right"),
                Action.POST: lambda: self.mail(n, "锡林浩特市额尔敦路 1 号"),
                Action.POST_IN_TRANSIT: lambda: self.post_update(n, "in_transit"),
                Action.POST_DELIVERED: lambda: self.post_update(n, "delivered"),
                Action.POST_RETURNED: lambda: self.post_update(n, "returned"),
                Action.RATE: lambda: self.rate(n, 5),
            }[a]()


def run_machine(
    world: World,
    readings: dict[PageKey, tuple[bytes, PageReading]],
    monkeypatch: pytest.MonkeyPatch,
    *,
    examples: int,
    steps: int,
) -> Counter[str]:
    by_bytes = {hashlib.sha256(data).hexdigest(): reading for data, reading in readings.values()}
    monkeypatch.setattr(cases.intake.reading, "read_page", replay(by_bytes))
    stats: Counter[str] = Counter()
    chain: list[audit.ChainReport] = []

    class Machine(LifecycleMachine):
        pass

    Machine.world, Machine.stats, Machine.chain = world, stats, chain
    Machine.pages = {key: data for key, (data, _) in readings.items()}
    started, cpu = time.monotonic(), time.process_time()
    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            print_blob=True,
            # the same examples every run: a stable run time in the suite, and a failure
            # (with its shrunk steps) that reproduces
            derandomize=True,
        ),
    )
    stats["seconds"] = round(time.monotonic() - started)
    stats["cpu seconds"] = round(time.process_time() - cpu)
    print(dict(sorted(stats.items())))
    with session_scope(world.hall.sessions) as s:
        whole = audit.verify_chain(s)
    assert whole.ok and whole.last_seq >= chain[-1].last_seq, whole
    return stats


@pytest.fixture
def sqlite_world(tmp_path: Path) -> Iterator[World]:
    yield from open_world(tmp_path, locker_code_tries=2)


@pytest.mark.ocr
def test_every_case_reaches_its_end(
    sqlite_world: World,
    lifecycle_readings: dict[PageKey, tuple[bytes, PageReading]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stats = run_machine(
        sqlite_world,
        lifecycle_readings,
        monkeypatch,
        examples=10,
        steps=20,
    )
    # the machine reached the interesting places, not only refusals
    for reached in (
        "notice: conditional_acceptance",
        "approve: done",
        "supply: done",
        "pick_up: done",
        "issue_at_window: done",
    ):
        assert stats[reached], (reached, stats)


@pytest.mark.ocr
def test_every_case_reaches_its_end_on_postgresql(
    tmp_path: Path,
    postgres_url: str,
    lifecycle_readings: dict[PageKey, tuple[bytes, PageReading]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = fresh_postgres_database(postgres_url)
    for world in open_world(tmp_path, database_url=url, locker_code_tries=2):
        run_machine(world, lifecycle_readings, monkeypatch, examples=2, steps=10)
