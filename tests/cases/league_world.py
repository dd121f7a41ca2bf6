"""A league deployment for the many-halls tests: the shipped league catalog
(`cases/catalog/league`), three halls (锡林郭勒盟政务服务中心, 锡林浩特市 and 正蓝旗), a clerk
at each hall's window, a reviewer in a department of each, a hall administrator and a
league administrator.

Cases are accepted by direct domain calls, as the counter does after a clean check
(`tests.cases.backoffice_world.accepted_case`), so no page is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from cases.accounts import create_user, set_password
from cases.catalog.publish import case_spec
from cases.catalog.spec import LEAGUE_CATALOG_DIR
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.intake.pages import create_case
from cases.platform import records as exchange
from cases.tasks.routing import route_case
from cases.workdays import add_working_days
from models import Case, CaseStatus, Material, Role, User
from tests.api.conftest import password_of

LEAGUE_ITEM = "SCJG-YP-001"  # 药品零售企业经营许可, decided by 盟市场监督管理局
BANNER_ITEM = "SCJG-GT-001"  # 个体工商户设立登记, 锡林浩特市市场监督管理局
PHARMACY_ID = "91152530MA0Q12345U"  # GB 32100 valid
PERSON_ID = "11010519491231002X"  # GB 11643 valid

# username: (role, department, window, hall, league)
STAFF: dict[str, tuple[Role, str | None, str | None, str | None, bool]] = {
    "clerk_xlgl": (Role.CLERK, None, "M01", None, False),
    "clerk_xlht": (Role.CLERK, None, "X01", None, False),
    "clerk_zlq": (Role.CLERK, None, "Z01", None, False),
    "league_scjg": (Role.REVIEWER, "mscjgj", None, None, False),  # 盟市场监督管理局
    "xlht_scjg": (Role.REVIEWER, "scjgj", None, None, False),
    "zlq_scjg": (Role.REVIEWER, "zlscjgj", None, None, False),
    "admin_xlht": (Role.ADMIN, None, None, "xlht", False),
    "admin_league": (Role.ADMIN, None, None, None, True),
}
WEB_LOGINS = ("clerk_zlq", "admin_xlht", "admin_league")  # with a password (argon2 is slow)


@dataclass
class League:
    hall: Hall
    users: dict[str, int]
    tokens: dict[str, str]

    def user(self, session: Session, name: str) -> User:
        return session.get_one(User, self.users[name])


def open_league(tmp: Path, database_url: str | None = None) -> Iterator[League]:
    settings = Settings(
        data_dir=tmp / "data", catalog_dir=LEAGUE_CATALOG_DIR, database_url=database_url
    )
    hall = Hall.open(settings)
    users: dict[str, int] = {}
    tokens: dict[str, str] = {}
    with session_scope(hall.sessions) as s:
        for name, (role, dept, window, hall_code, league) in STAFF.items():
            user, tokens[name] = create_user(
                s,
                username=name,
                display_name=name,
                role=role,
                department_code=dept,
                window_code=window,
                hall_code=hall_code,
                league=league,
            )
            if name in WEB_LOGINS:
                set_password(user, password_of(name))
            users[name] = user.id
    yield League(hall, users, tokens)
    hall.close()


def open_case(session: Session, league: League, clerk: str, item: str) -> Case:
    """A case opened at `clerk`'s window for `item` (an enterprise for the league item)."""
    enterprise = item == LEAGUE_ITEM
    return create_case(
        session,
        item_code=item,
        applicant_type="enterprise" if enterprise else "person",
        applicant_name="正蓝旗康泰大药房有限公司" if enterprise else "张三",
        applicant_id=PHARMACY_ID if enterprise else PERSON_ID,
        applicant_phone="13800000001",
        actor=league.user(session, clerk),
    )


def accept(session: Session, league: League, case: Case, clerk: str) -> Case:
    """What `counter.decide` does for a clean check, without scanning: every required
    material of the case's checklist (its hall's variant included) present, accepted,
    routed to the departments, the acceptance stage queued for the platform."""
    actor = league.user(session, clerk)
    today = date.today()
    spec = case_spec(case)
    case.status = CaseStatus.ACCEPTED
    case.accepted_at = datetime.now(UTC)
    case.due_on = add_working_days(today, spec.time_limit_days)
    for req in spec.materials:
        if req.required and case.applicant_type in req.applies_to:
            session.add(
                Material(
                    case_id=case.id,
                    submission_id=case.submissions[-1].id,
                    code=req.code,
                    state="present",
                    page_ids=[],
                )
            )
    session.flush()
    route_case(session, league.hall, case, actor=actor)
    exchange.stage(session, case, exchange.Stage.ACCEPTANCE, handled_by=actor.display_name)
    session.flush()
    return case
