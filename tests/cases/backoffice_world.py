"""A hall for back-office and delivery tests: the sample catalog, whose joint item
(开办餐饮店联合审批) is routed across three departments.

Cases are accepted by direct domain calls (what the counter does after a clean check),
so these tests need no OCR; the API tests keep a path with real pages.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from cases.accounts import create_user
from cases.catalog.publish import spec_of
from cases.catalog.spec import SAMPLE_CATALOG_DIR
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.intake.pages import create_case
from cases.platform import records as exchange
from cases.tasks.routing import route_case
from cases.workdays import add_working_days
from models import Case, CaseStatus, Material, Role, User

JOINT_ITEM = "LH-CY-001"
APPLICANT_ID = "11010519491231002X"  # GB 11643 valid
APPLICANT_PHONE = "13800000001"


def joint_catalog(directory: Path, calendar: str | None = None) -> Path:
    """A copy of the shipped catalog (which holds the joint item, its route and the third
    department), with an optional calendar of its own."""
    shutil.copytree(SAMPLE_CATALOG_DIR, directory)
    if calendar is not None:
        (directory / "calendar.yaml").write_text(calendar, "utf-8")
    return directory


@dataclass
class World:
    hall: Hall
    users: dict[str, int]

    def user(self, session: Session, name: str) -> User:
        return session.get_one(User, self.users[name])


def open_world(
    tmp: Path, calendar: str | None = None, database_url: str | None = None, **more: Any
) -> Iterator[World]:
    """The hall (with `more` settings) and its four staff: clerk, chief (市场监管局),
    health (卫健委), fire (消防)."""
    catalog = joint_catalog(tmp / "catalog", calendar)
    settings = Settings(
        data_dir=tmp / "data", catalog_dir=catalog, database_url=database_url, **more
    )
    hall = Hall.open(settings)
    users: dict[str, int] = {}
    with session_scope(hall.sessions) as s:
        for name, role, dept, window in [
            ("clerk", Role.CLERK, None, "W01"),
            ("chief", Role.REVIEWER, "scjgj", None),
            ("health", Role.REVIEWER, "wjw", None),
            ("fire", Role.REVIEWER, "xfjy", None),
        ]:
            user, _ = create_user(
                s,
                username=name,
                display_name=name,
                role=role,
                department_code=dept,
                window_code=window,
            )
            users[name] = user.id
    yield World(hall, users)
    hall.close()


def accepted_case(
    session: Session,
    world: World,
    item: str,
    *,
    pending: tuple[str, ...] = (),
    today: date | None = None,
    applicant_id: str = APPLICANT_ID,
) -> Case:
    """What `counter.decide` does for a clean (or 容缺) check, without scanning."""
    clerk = world.user(session, "clerk")
    case = create_case(
        session,
        item_code=item,
        applicant_type="person",
        applicant_name="张三",
        applicant_id=applicant_id,
        applicant_phone=APPLICANT_PHONE,
        actor=clerk,
    )
    today = today or date.today()
    case.status = CaseStatus.CONDITIONAL if pending else CaseStatus.ACCEPTED
    case.accepted_at = datetime.now(UTC)
    case.due_on = add_working_days(today, case.checklist.time_limit_days)
    for req in spec_of(case.checklist).materials:
        if req.required:
            session.add(
                Material(
                    case_id=case.id,
                    submission_id=case.submissions[-1].id,
                    code=req.code,
                    state="pending" if req.code in pending else "present",
                    page_ids=[],
                )
            )
    session.flush()
    for task in route_case(session, world.hall, case, actor=clerk):
        task.due_on = case.due_on = add_working_days(today, case.checklist.time_limit_days)
    which = exchange.Stage.CONDITIONAL if pending else exchange.Stage.ACCEPTANCE
    exchange.stage(session, case, which, handled_by=clerk.display_name)  # as counter.decide
    session.flush()
    return case


def correction_notice(session: Session, case: Case, n: int) -> None:
    """A correction notice on record (as the counter leaves one), without rendering it."""
    from models import Notice, StoredObject

    obj = StoredObject(
        key=f"test/{case.number}/{n}",
        sha256="0" * 64,
        size=0,
        content_type="application/pdf",
        doc_class="notice",
        case_id=case.id,
    )
    session.add(obj)
    session.flush()
    session.add(
        Notice(case_id=case.id, kind="correction", number=f"BZ-{case.number}-{n}", object_id=obj.id)
    )
    session.flush()


def supervision_dataset(world: World) -> dict[str, str]:
    """Cases with known outcomes for the supervision figures; returns their numbers."""
    from cases.delivery import handout as delivery
    from cases.review import steps as review

    hall = world.hall
    numbers: dict[str, str] = {}
    with session_scope(hall.sessions) as s:
        chief, health, clerk = (world.user(s, n) for n in ("chief", "health", "clerk"))
        a = accepted_case(s, world, "SCJG-GT-001")  # corrected twice, on time, rated 5
        correction_notice(s, a, 1)
        correction_notice(s, a, 2)
        review.approve(s, hall, a, actor=chief)
        delivery.pick_up(s, a, actor=clerk, receiver_name="张三", id_number=APPLICANT_ID)
        delivery.rate(s, a, score=5)
        b = accepted_case(s, world, "SCJG-GT-001")  # corrected once, on time, rated 3
        correction_notice(s, b, 1)
        review.approve(s, hall, b, actor=chief)
        delivery.pick_up(s, b, actor=clerk, receiver_name="张三", id_number=APPLICANT_ID)
        delivery.rate(s, b, score=3)
        c = accepted_case(s, world, "WJ-GG-001", today=date(2026, 9, 1))  # open and overdue
        d = accepted_case(s, world, "SCJG-SP-002", pending=("premises_proof",))  # not converted
        d.pending_due_on = date(2099, 1, 1)
        e = accepted_case(s, world, "WJ-GG-001")  # open, not due
        review.approve(s, hall, e, actor=health)
        numbers.update(a=a.number, b=b.number, c=c.number, d=d.number, e=e.number)
    return numbers
