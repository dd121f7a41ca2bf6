"""A joint case from acceptance to rating, for the platform exchange's tests: its stages are
acceptance, five review steps (fire; health and 市场监管 in parallel; the final decision),
办结, the e-license, delivery and rating."""

from __future__ import annotations

from pathlib import Path

from cases.db import session_scope
from cases.delivery import handout
from cases.review import steps as review
from models import Case, Outcome
from tests.cases.backoffice_world import APPLICANT_ID, JOINT_ITEM, World, accepted_case

JOINT_STAGES = [
    "acceptance",
    "review",  # 消防 (step 1)
    "review",  # 卫健 (step 2)
    "review",  # 市场监管's opinion (step 2)
    "review",  # 市场监管's final decision
    "conclusion",
    "license",
    "delivery",
    "rating",
]


def joint_case(world: World, *, rated: bool = True) -> str:
    """A joint case through every stage; its number."""
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, JOINT_ITEM)
        number, case_id = case.number, case.id
    for who, comment in [
        ("fire", "消防检查合格"),
        ("health", "卫生条件符合"),
        ("chief", "经营条件符合"),
        ("chief", "准予许可"),
    ]:
        with session_scope(hall.sessions) as s:
            case = s.get_one(Case, case_id)
            user = world.user(s, who)
            review.act(s, hall, case, actor=user, outcome=Outcome.APPROVE, comment=comment)
    with session_scope(hall.sessions) as s:
        case = s.get_one(Case, case_id)
        clerk = world.user(s, "clerk")
        handout.pick_up(
            s, case, actor=clerk, receiver_name="张三", id_number=APPLICANT_ID, hall=hall
        )
    if rated:
        with session_scope(hall.sessions) as s:
            handout.rate(s, s.get_one(Case, case_id), score=5, comment="")
    return number


def world_env(world: World, data_dir: Path) -> dict[str, str]:
    """The environment a `onewindow` subprocess needs to open the same hall."""
    settings = world.hall.settings
    return {
        "ONEWINDOW_DATA_DIR": str(data_dir),
        "ONEWINDOW_DATABASE_URL": settings.effective_database_url,
        "ONEWINDOW_CATALOG_DIR": str(settings.catalog_dir),
    }
