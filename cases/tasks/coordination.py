"""Coordinating a joint case (牵头部门负责协调督促相应政务服务部门在规定时限内完成): for
each joint case a lead department has in review, step by step, which departments work
on it, what each has done, by when, and who is late.

Everything is read from the route's task rows and the decisions on them, so the lead,
the participants and an administrator see the same progress at the same moment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import IN_REVIEW, Case, Decision, Department, ReviewTask, TaskKind, TaskStatus


@dataclass(frozen=True)
class TaskProgress:
    task_id: int
    department_id: int
    department: str  # short name
    kind: str  # TaskKind
    status: str  # TaskStatus
    outcome: str | None  # the department's last decision on the task (approve/deny/return)
    comment: str
    due_on: date | None
    done_on: date | None
    days_left: int | None  # calendar days to the deadline of a task not done yet
    late: bool  # open past its deadline, or done after it


@dataclass(frozen=True)
class StepProgress:
    step: int
    final: bool  # the lead's final decision, after every opinion
    tasks: tuple[TaskProgress, ...]


@dataclass(frozen=True)
class JointCaseProgress:
    case: Case
    steps: tuple[StepProgress, ...]

    @property
    def late(self) -> tuple[str, ...]:
        """The departments late on this case, each once, in route order."""
        names = [t.department for s in self.steps for t in s.tasks if t.late]
        return tuple(dict.fromkeys(names))


def route_progress(session: Session, case: Case, *, today: date) -> tuple[StepProgress, ...]:
    """The progress of one case along its route (a single-department case has one step)."""
    return _progress(session, [case.id], today=today).get(case.id, ())


def led_joint_cases(
    session: Session, *, department_id: int | None, today: date
) -> list[JointCaseProgress]:
    """The joint cases in review that `department_id` leads (every lead's, for None: an
    administrator), the nearest deadline first."""
    joint = select(ReviewTask.case_id).where(ReviewTask.kind == TaskKind.REVIEW)
    query = (
        select(Case)
        .where(Case.id.in_(joint), Case.status.in_(IN_REVIEW))
        .order_by(Case.due_on, Case.id)
    )
    if department_id is not None:
        query = query.where(Case.department_id == department_id)
    cases = list(session.scalars(query))
    progress = _progress(session, [c.id for c in cases], today=today)
    return [JointCaseProgress(c, progress.get(c.id, ())) for c in cases]


def _progress(
    session: Session, case_ids: Iterable[int], *, today: date
) -> dict[int, tuple[StepProgress, ...]]:
    ids = list(case_ids)
    if not ids:
        return {}
    tasks = session.scalars(
        select(ReviewTask)
        .where(ReviewTask.case_id.in_(ids))
        .order_by(ReviewTask.case_id, ReviewTask.step, ReviewTask.id)
    ).all()
    last: dict[int, Decision] = {}
    for decision in session.scalars(
        select(Decision).where(Decision.case_id.in_(ids)).order_by(Decision.id)
    ):
        last[decision.task_id] = decision
    names: dict[int, str] = {
        id_: name for id_, name in session.execute(select(Department.id, Department.short_name))
    }
    by_step: dict[int, dict[int, list[TaskProgress]]] = defaultdict(lambda: defaultdict(list))
    final_steps: dict[int, set[int]] = defaultdict(set)
    for task in tasks:
        by_step[task.case_id][task.step].append(
            _task_progress(task, last.get(task.id), names, today)
        )
        if task.kind == TaskKind.FINAL:
            final_steps[task.case_id].add(task.step)
    return {
        case_id: tuple(
            StepProgress(step, step in final_steps[case_id], tuple(lines))
            for step, lines in sorted(steps.items())
        )
        for case_id, steps in by_step.items()
    }


def _task_progress(
    task: ReviewTask, decision: Decision | None, names: dict[int, str], today: date
) -> TaskProgress:
    done_on = task.done_at.astimezone().date() if task.done_at else None  # the hall's day
    pending = task.status in (TaskStatus.OPEN, TaskStatus.WAITING)
    days_left = (task.due_on - today).days if task.due_on and pending else None
    if task.due_on is None:
        late = False
    elif task.status == TaskStatus.OPEN:
        late = today > task.due_on
    else:
        late = done_on is not None and done_on > task.due_on
    return TaskProgress(
        task_id=task.id,
        department_id=task.department_id,
        department=names.get(task.department_id, str(task.department_id)),
        kind=task.kind,
        status=task.status,
        outcome=decision.outcome if decision else None,
        comment=decision.comment if decision else "",
        due_on=task.due_on,
        done_on=done_on,
        days_left=days_left,
        late=late,
    )
