"""kill -9 and the platform exchange, on PostgreSQL: a sender killed after the platform
answered (the answer never committed), and a hall process killed inside a stage's
transaction. After a restart every stage reaches the receiver exactly once, in order,
and reconciliation finds no difference."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from api.cli import main
from cases.db import session_scope
from models import Case, Outcome, PlatformRecord, utcnow
from tests.api.conftest import fresh_postgres_database
from tests.cases.backoffice_world import JOINT_ITEM, World, accepted_case, open_world
from tests.cases.platform_world import JOINT_STAGES, joint_case, world_env
from tests.platform_receiver import ReferenceReceiver
from tests.waiting import wait_until

ONEWINDOW = [sys.executable, "-c", "import sys; from api.cli import main; sys.exit(main())"]
FINAL_APPROVAL = """
import sys
from cases.config import Settings
from api.cli import main
from cases.db import session_scope
from cases.hall import Hall
from cases.review import steps as review
from models import Case, Outcome, User
from sqlalchemy import select

hall = Hall.open(Settings())
with session_scope(hall.sessions) as s:
    case = s.scalars(select(Case).where(Case.number == sys.argv[1])).one()
    chief = s.scalars(select(User).where(User.username == "chief")).one()
    review.act(s, hall, case, actor=chief, outcome=Outcome.APPROVE, comment="准予许可")
"""


@pytest.fixture
def world(tmp_path: Path, postgres_url: str) -> Iterator[World]:
    yield from open_world(tmp_path, database_url=fresh_postgres_database(postgres_url))


@pytest.fixture
def receiver() -> Iterator[ReferenceReceiver]:
    with ReferenceReceiver() as running:
        yield running


def _env(world: World, tmp_path: Path, receiver: ReferenceReceiver, **extra: str) -> dict[str, str]:
    return (
        os.environ
        | world_env(world, tmp_path / "data")
        | {
            "ONEWINDOW_PLATFORM_URL": receiver.url,
            "ONEWINDOW_PLATFORM_LEASE_SECONDS": "3",
            "ONEWINDOW_PLATFORM_TIMEOUT_SECONDS": "1",
        }
        | extra
    )


def _records(world: World, number: str) -> list[PlatformRecord]:
    with session_scope(world.hall.sessions) as s:
        return list(
            s.scalars(
                select(PlatformRecord)
                .join(Case, Case.id == PlatformRecord.case_id)
                .where(Case.number == number)
                .order_by(PlatformRecord.seq)
            )
        )


def test_sender_killed_between_the_answer_and_its_commit(
    world: World,
    receiver: ReferenceReceiver,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    number = joint_case(world)
    killed = subprocess.run(
        [*ONEWINDOW, "platform", "send"],
        env=_env(world, tmp_path, receiver, ONEWINDOW_FAULT_POINTS="platform.answered@3"),
        capture_output=True,
        text=True,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(receiver.stages(number)) == 3  # the platform holds the third record ...
    records = _records(world, number)
    assert [r.status for r in records[:4]] == ["accepted", "accepted", "queued", "queued"]
    assert records[2].claimed_by is not None  # ... the hall does not know: its claim stands

    def lease_ran_out() -> bool:
        lease = _records(world, number)[2].lease_until
        return lease is not None and lease < utcnow()

    wait_until(lease_ran_out, what="the dead sender's lease", timeout=30, interval=0.2)
    again = subprocess.run(
        [*ONEWINDOW, "platform", "send"],
        env=_env(world, tmp_path, receiver),
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert [stage for _, stage in receiver.stages(number)] == JOINT_STAGES
    assert [seq for seq, _ in receiver.stages(number)] == list(range(1, len(JOINT_STAGES) + 1))
    assert receiver.duplicates == 1  # the resend of record 3, answered as before
    assert receiver.out_of_order == 0

    # the admin's commands, in this process (the same code as `onewindow platform ...`)
    for name, value in _env(world, tmp_path, receiver).items():
        if name.startswith("ONEWINDOW_"):
            monkeypatch.setenv(name, value)
    assert main(["platform", "status"]) == 0
    assert f"accepted {len(JOINT_STAGES)}" in capsys.readouterr().out
    assert main(["platform", "reconcile"]) == 0
    assert "差异 / differences 0" in capsys.readouterr().out
    receiver.held.pop(f"{number}/4")  # the platform lost a record it had acknowledged
    assert main(["platform", "reconcile"]) == 1
    assert f"missing      {number} #4 review" in capsys.readouterr().out


def test_hall_killed_inside_a_stage_then_every_stage_once(
    world: World, receiver: ReferenceReceiver, tmp_path: Path
) -> None:
    from cases.review import steps as review

    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, JOINT_ITEM)
        number, case_id = case.number, case.id
    for who, comment in [
        ("fire", "消防检查合格"),
        ("health", "卫生条件符合"),
        ("chief", "经营条件符合"),
    ]:
        with session_scope(hall.sessions) as s:
            review.act(
                s,
                hall,
                s.get_one(Case, case_id),
                actor=world.user(s, who),
                outcome=Outcome.APPROVE,
                comment=comment,
            )
    killed = subprocess.run(
        [sys.executable, "-c", FINAL_APPROVAL, number],
        env=_env(world, tmp_path, receiver, ONEWINDOW_FAULT_POINTS="license.archived"),
        capture_output=True,
        text=True,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert [r.stage for r in _records(world, number)] == JOINT_STAGES[:4]  # nothing of it

    hall.settings = hall.settings.model_copy(update={"platform_url": receiver.url})
    from cases.platform.sender import send_due

    assert send_due(hall.sessions, hall.store, hall.settings).accepted == 4
    restarted = subprocess.run(
        [sys.executable, "-c", FINAL_APPROVAL, number],
        env=_env(world, tmp_path, receiver),
        capture_output=True,
        text=True,
    )
    assert restarted.returncode == 0, restarted.stderr
    assert send_due(hall.sessions, hall.store, hall.settings).accepted == 3
    assert [stage for _, stage in receiver.stages(number)] == JOINT_STAGES[:7]
    assert [seq for seq, _ in receiver.stages(number)] == list(range(1, 8))
    assert (receiver.duplicates, receiver.out_of_order) == (0, 0)
