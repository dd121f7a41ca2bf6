"""The lifecycle model on its own: every stage it can reach still has a way to an end, and
the paths it proposes are the ones the window and the departments would take. (That the
services agree with it is tests/cases/test_lifecycle_machine.py.)"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import replace

import pytest

from cases.lifecycle import (
    APPLICANT,
    CLERK,
    LOCKER,
    REVIEWER,
    Action,
    Stage,
    Step,
    after,
    next_steps,
    path_to_end,
)
from models import CaseStatus

SINGLE = Stage(status=CaseStatus.RECEIVING, lead="scjgj")
JOINT = Stage(status=CaseStatus.RECEIVING, lead="scjgj", route=(("xfjy",), ("wjw", "scjgj")))
IMMEDIATE = Stage(status=CaseStatus.RECEIVING, lead="scjgj", immediate=True)
GIVING_UP = frozenset({Action.EXPIRE, Action.REJECT, Action.DENY, Action.RETURN})


Edge = tuple[Stage, Step, Stage]


def explore(start: Stage) -> tuple[set[Stage], list[Edge]]:
    """Every stage the model reaches from `start`, and every step between two of them."""
    seen, queue, edges = {start}, deque([start]), []
    while queue:
        here = queue.popleft()
        for step in next_steps(here):
            for there in after(here, step):
                edges.append((here, step, there))
                if there not in seen:
                    seen.add(there)
                    queue.append(there)
    return seen, edges


def can_end(stages: set[Stage], edges: list[Edge], avoid: frozenset[Action]) -> set[Stage]:
    """The stages with a way to an end (backwards from the ends, once over the edges)."""
    back: dict[Stage, set[Stage]] = defaultdict(set)
    for here, step, there in edges:
        if step.action not in avoid:
            back[there].add(here)
    good = {s for s in stages if s.ended}
    queue = deque(good)
    while queue:
        for before in back[queue.popleft()]:
            if before not in good:
                good.add(before)
                queue.append(before)
    return good


@pytest.mark.parametrize(
    "start", [SINGLE, JOINT, IMMEDIATE], ids=["one department", "joint", "immediate"]
)
def test_every_stage_the_model_reaches_still_has_an_end(start: Stage) -> None:
    stages, edges = explore(start)
    assert len(stages) > 100  # the model is not trivially small
    stuck = stages - can_end(stages, edges, frozenset())
    assert not stuck, list(stuck)[:3]
    # ...and, but for stages a denial already settled, one that gives the applicant a
    # result without anyone giving up
    hopeful = {s for s in stages if not s.denied and s.status != CaseStatus.DENIED}
    assert not hopeful - can_end(stages, edges, GIVING_UP)
    ended = {s.status for s in stages if s.ended}
    assert ended == {
        CaseStatus.REJECTED,
        CaseStatus.TERMINATED,
        CaseStatus.ISSUED,
        CaseStatus.DENIED,
    }
    # path_to_end agrees, on a sample of stages
    for stage in sorted(stages, key=repr)[:: max(1, len(stages) // 50)]:
        path = path_to_end(stage)
        assert path is not None
        here = {stage}
        for step in path:
            here = {t for h in here if step in next_steps(h) for t in after(h, step)}
        assert any(h.ended for h in here)


def test_a_case_approved_before_its_pending_material_came_waits_for_the_supplement() -> None:
    """容缺: the department may approve first; the license then waits at the window until
    the applicant's supplement is taken, and only then is handed out."""
    stage = Stage(
        status=CaseStatus.ISSUED,
        lead="scjgj",
        pending=True,
        delivery="at_window",
        result="license",
        unsigned=frozenset({("to_window", "scjgj")}),
    )
    steps = next_steps(stage)
    assert Step(Action.PICK_UP, CLERK) not in steps
    assert Step(Action.ADD_PAGE, CLERK) in steps and Step(Action.EXPIRE, "system") in steps
    path = path_to_end(stage, avoid=GIVING_UP)
    assert path == [
        Step(Action.ADD_PAGE, CLERK),
        Step(Action.SUPPLY, CLERK),
        Step(Action.PICK_UP, CLERK),
    ]
    # a supply without anything brought cannot clear the 容缺 materials
    assert after(stage, Step(Action.SUPPLY, CLERK)) == [stage]


def test_a_joint_denial_leaves_the_lead_only_a_denial() -> None:
    accepted = after(JOINT, Step(Action.ADD_PAGE, CLERK))[0]
    accepted = next(
        s for s in after(accepted, Step(Action.DECIDE, CLERK)) if s.status == CaseStatus.ACCEPTED
    )
    assert [s.department for s in next_steps(accepted) if s.action is Action.APPROVE] == ["xfjy"]
    (denied,) = after(accepted, Step(Action.DENY, REVIEWER, "xfjy"))
    lead = {s.action for s in next_steps(denied) if s.department == "scjgj"}
    assert lead == {Action.DENY, Action.RETURN, Action.INFORMATION_SUPPLIED}
    assert not any(s.department == "wjw" and s.action is Action.APPROVE for s in next_steps(denied))
    (decision,) = after(denied, Step(Action.DENY, REVIEWER, "scjgj"))
    assert (decision.status, decision.result) == (CaseStatus.DENIED, "decision")
    # a denial is handed out though 容缺 materials are outstanding
    assert Step(Action.PICK_UP, CLERK) in next_steps(replace(decision, pending=True))


def test_the_locker_and_the_post_end_in_delivery() -> None:
    issued = Stage(status=CaseStatus.ISSUED, lead="scjgj", delivery="at_window", result="license")
    (boxed,) = after(issued, Step(Action.LOCKER, CLERK))
    assert Step(Action.LOCKER_PICKUP, LOCKER) in next_steps(boxed)
    void = replace(boxed, code_void=True)
    assert path_to_end(void) == [Step(Action.RENOTIFY, CLERK), Step(Action.LOCKER_PICKUP, LOCKER)]
    (posted,) = after(issued, Step(Action.POST, CLERK))
    (back,) = after(posted, Step(Action.POST_RETURNED, "post"))
    assert back == issued
    (done,) = after(posted, Step(Action.POST_DELIVERED, "post"))
    assert done.ended and next_steps(done) == [Step(Action.RATE, APPLICANT)]


def test_an_immediate_item_is_issued_at_the_window_only_on_a_clean_check() -> None:
    issue = Step(Action.ISSUE_AT_WINDOW, CLERK)
    handed_in = after(IMMEDIATE, Step(Action.ADD_PAGE, CLERK))
    clean = replace(IMMEDIATE, new_pages=True, clean=True)
    assert set(handed_in) == {replace(clean, clean=False), clean}
    assert issue in next_steps(clean)
    for refused in (
        replace(clean, clean=False),  # a finding, an override or 容缺
        replace(clean, reading=True),
        replace(clean, immediate=False),  # a promised item
        replace(clean, new_pages=False),
    ):
        assert issue not in next_steps(refused), refused
    assert Step(Action.ISSUE_AT_WINDOW, REVIEWER, "scjgj") not in next_steps(clean)
    [issued] = after(clean, issue)
    assert issued.status == CaseStatus.ISSUED and issued.result == "license"
    assert not any(t.status in ("open", "waiting") for t in issued.tasks)
    assert path_to_end(issued, avoid=GIVING_UP) == [Step(Action.PICK_UP, CLERK)]
    # the department may still decide it (the clerk set a finding aside)
    assert Step(Action.DECIDE, CLERK) in next_steps(clean)
