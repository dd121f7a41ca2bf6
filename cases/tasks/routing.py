"""Routing (后台分类审批): an accepted case becomes department tasks per its item.

Most items go to one department, whose chief representative decides. A joint item
(联合办理) has a route in `<catalog>/routing/*.yaml`: steps run one after another, the
departments of a step in parallel, and the lead department (牵头部门, the item's own
department) takes the final decision once every step has given its opinion.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.catalog.publish import case_spec
from cases.catalog.spec import SAMPLE_CATALOG_DIR, Catalog
from cases.errors import CatalogError, Forbidden
from cases.hall import Hall
from cases.records import participation, scope
from cases.workdays import use_calendar
from models import Case, Department, ReviewTask, Role, TaskKind, TaskStatus, User


class StepSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    departments: tuple[str, ...] = Field(min_length=1)  # in parallel
    note: str = ""


class RouteSpec(BaseModel):
    """A joint item's route: `lead` must be the item's department."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    item: str
    lead: str
    steps: tuple[StepSpec, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Route:
    lead: str
    steps: tuple[tuple[str, ...], ...]  # empty for a single-department item

    @property
    def joint(self) -> bool:
        return bool(self.steps)


def load_routes(directory: Path, catalog: Catalog) -> dict[str, RouteSpec]:
    routes: dict[str, RouteSpec] = {}
    departments = {d.code for d in catalog.org.departments}
    for path in sorted((directory / "routing").glob("*.yaml")):
        try:
            spec = RouteSpec.model_validate(yaml.safe_load(path.read_text("utf-8")))
        except (yaml.YAMLError, ValidationError) as e:
            raise CatalogError(f"{path}: invalid route: {e}", f"{path}:联办路由配置有误:{e}") from e
        item = catalog.item(spec.item)
        if spec.lead != item.department:
            raise CatalogError(
                f"{path}: lead {spec.lead!r} is not the item's department {item.department!r}",
                f"{path}:牵头部门 {spec.lead!r} 必须是事项的主管部门 {item.department!r}",
            )
        unknown = {d for s in spec.steps for d in s.departments} - departments
        if unknown:
            raise CatalogError(
                f"{path}: unknown departments {sorted(unknown)}",
                f"{path}:部门 {sorted(unknown)} 未在 departments.yaml 中定义",
            )
        routes[spec.item] = spec
    return routes


def routes_of(session: Session, hall: Hall) -> dict[str, RouteSpec]:
    """The catalog's joint-approval routes (routing/*.yaml) by item, read once per hall and
    checked against the published catalog."""
    if "routes" not in hall.derived:
        hall.derived["routes"] = load_routes(
            hall.settings.catalog_dir or SAMPLE_CATALOG_DIR, hall.catalog.current(session)
        )
    routes: dict[str, RouteSpec] = hall.derived["routes"]
    return routes


def route_for(session: Session, hall: Hall, case: Case) -> Route:
    """The case's route: its item's joint route, or its own department alone."""
    spec = routes_of(session, hall).get(case.item.code)
    if spec is None:
        return Route(lead=case.department.code, steps=())
    return Route(lead=spec.lead, steps=tuple(s.departments for s in spec.steps))


def route_case(session: Session, hall: Hall, case: Case, *, actor: User) -> list[ReviewTask]:
    """Open the department tasks of an accepted case (called by the counter)."""
    route = route_for(session, hall, case)
    calendar = use_calendar(hall.settings.catalog_dir)
    if case.accepted_at is not None:  # on the hall's own calendar, as the counter counts
        days = case_spec(case).time_limit_days
        case.due_on = calendar.add_working_days(date.today(), days)
    ids = {d.code: d.id for d in session.scalars(select(Department))}
    now = datetime.now(UTC)
    tasks: list[ReviewTask] = []
    for step, departments in enumerate(route.steps, start=1):
        for code in departments:
            tasks.append(_task(case, ids[code], step, TaskKind.REVIEW, first=step == 1, now=now))
    final_step = len(route.steps) + 1
    tasks.append(
        _task(case, case.department_id, final_step, TaskKind.FINAL, first=final_step == 1, now=now)
    )
    session.add_all(tasks)
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="routing.opened",
        target=f"case:{case.id}",
        lead=route.lead,
        steps=[list(s) for s in route.steps],
        due_on=case.due_on.isoformat() if case.due_on else None,
    )
    return tasks


def _task(
    case: Case, department_id: int, step: int, kind: TaskKind, *, first: bool, now: datetime
) -> ReviewTask:
    return ReviewTask(
        case_id=case.id,
        department_id=department_id,
        step=step,
        kind=kind.value,
        status=TaskStatus.OPEN if first else TaskStatus.WAITING,
        opened_at=now if first else None,
        due_on=case.due_on,
    )


def tasks_of(session: Session, case: Case) -> list[ReviewTask]:
    return list(
        session.scalars(
            select(ReviewTask).where(ReviewTask.case_id == case.id).order_by(ReviewTask.step)
        )
    )


def require_task_access(session: Session, user: User, case: Case) -> None:
    """A reviewer may see the cases of their department (the lead of a joint case), and a
    joint case whose route has a task of their department while the case is in review
    (`cases.records.participation`); once it ends they are strangers to it again. Before
    that, anyone must see the case at all (`cases.records.scope`: their hall's, or opened
    to them), else it is not found."""
    scope.require_visible(session, user, case)
    if user.role != Role.REVIEWER:
        return
    if case.department_id == user.department_id:
        return
    if participation.on_route_in_review(session, case_id=case.id, department_id=user.department_id):
        return
    raise Forbidden(
        "this case belongs to another department", "该办件属于其他部门,您无权查看或处理"
    )


def advance(session: Session, case: Case, *, actor: User) -> list[ReviewTask]:
    """Open the next step once no task of the current one is open; returns what opened."""
    tasks = tasks_of(session, case)
    if any(t.status == TaskStatus.OPEN for t in tasks):
        return []
    waiting = [t for t in tasks if t.status == TaskStatus.WAITING]
    if not waiting:
        return []
    step = min(t.step for t in waiting)
    now = datetime.now(UTC)
    opened = [t for t in waiting if t.step == step]
    for t in opened:
        t.status, t.opened_at = TaskStatus.OPEN, now
    audit.record(
        session,
        actor=actor.username,
        action="routing.step_opened",
        target=f"case:{case.id}",
        step=step,
        tasks=[t.id for t in opened],
    )
    return opened
