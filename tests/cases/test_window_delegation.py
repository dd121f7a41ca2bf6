"""A window's seal-use delegation (即办件) covers its clerks for the results of the
department's immediate items, and nothing else: not notices, not promised items, not the
chief representative's decisions, not another window's clerks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.acceptance.immediate import NotImmediateItem
from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.intake import pages as intake
from cases.review.authority import NotChiefRepresentative, require_chief_representative
from cases.review.immediate import NotAtWindow, window_delegation
from cases.seals.delegations import (
    SealUseRefused,
    WindowNotDelegated,
    authorise_seal_use,
    window_seal_delegation,
)
from cases.seals.registry import seal_for
from models import Case, Delegation, Department, Role, Seal, User, Window
from sample_scans.scans import sample_applicant


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    hall = Hall.open(Settings(data_dir=tmp_path_factory.mktemp("hall")))
    with session_scope(hall.sessions) as s:
        for name, role, window, dept in [
            ("wd-clerk", Role.CLERK, "W01", None),
            ("wd-clerk2", Role.CLERK, "W02", None),
            ("wd-admin", Role.ADMIN, "W01", None),
        ]:
            create_user(
                s,
                username=name,
                display_name=name,
                role=role,
                window_code=window,
                department_code=dept,
            )
    yield hall
    hall.close()


def _user(s: Session, name: str) -> User:
    return s.scalars(select(User).where(User.username == name)).one()


def _seal(s: Session, code: str) -> Seal:
    dept = s.scalars(select(Department).where(Department.code == code)).one()
    return seal_for(s, department_id=dept.id)


def _case(s: Session, item: str, seed: int, clerk: str = "wd-clerk") -> Case:
    person = sample_applicant(seed)
    return intake.create_case(
        s,
        item_code=item,
        applicant_type="person",
        applicant_name=person.name,
        applicant_id=person.id_number,
        actor=_user(s, clerk),
    )


def test_window_delegation_covers_only_immediate_results(hall: Hall) -> None:
    today = date.today()
    with session_scope(hall.sessions) as s:
        seal = _seal(s, "scjgj")
        basis = authorise_seal_use(
            s, seal=seal, username="wd-clerk", today=today, item_code="SCJG-GT-002"
        )
        delegation = s.get_one(Delegation, int(basis.removeprefix("delegation:")))
        assert delegation.window_id == _user(s, "wd-clerk").window_id
        # not without an item (a notice, a decision document), not for a promised item
        for item in (None, "SCJG-GT-001"):
            with pytest.raises(SealUseRefused, match="no delegation"):
                authorise_seal_use(s, seal=seal, username="wd-clerk", today=today, item_code=item)
        # the window's delegation never makes a clerk the chief representative
        case = _case(s, "SCJG-GT-002", 41)
        with pytest.raises(NotChiefRepresentative):
            require_chief_representative(s, case, _user(s, "wd-clerk"))
        assert window_delegation(s, case, _user(s, "wd-clerk")).id == delegation.id


def test_the_window_decides_only_immediate_items_and_only_its_clerks(hall: Hall) -> None:
    with session_scope(hall.sessions) as s:
        promised = _case(s, "SCJG-GT-001", 42)
        with pytest.raises(NotImmediateItem) as refused:
            window_delegation(s, promised, _user(s, "wd-clerk"))
        assert "承诺件" in refused.value.zh
        immediate = _case(s, "SCJG-GT-002", 43)
        with pytest.raises(NotAtWindow) as not_clerk:
            window_delegation(s, immediate, _user(s, "wd-admin"))
        assert "窗口" in not_clerk.value.zh and "clerk" in not_clerk.value.en
        # W02 holds its own delegation for 市场监督管理局, not one for 卫生健康委员会
        assert window_delegation(s, immediate, _user(s, "wd-clerk2")).window_id is not None
        wjw = s.scalars(select(Department).where(Department.code == "wjw")).one()
        w02 = s.scalars(select(Window).where(Window.code == "W02")).one()
        with pytest.raises(WindowNotDelegated) as none:
            window_seal_delegation(
                s, window=w02, department=wjw, item_code="SCJG-GT-002", today=date.today()
            )
        assert "没有授权委托书" in none.value.zh and "no delegation" in none.value.en
