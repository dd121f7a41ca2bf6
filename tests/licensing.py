"""Issuing a sample license in tests: a clerk opens a case for a generated applicant and a
reviewer of 市场监督管理局 issues the e-license."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.accounts import create_user
from cases.db import session_scope
from cases.hall import Hall
from cases.intake import pages as intake
from cases.results.licenses import issue_license
from models import Case, Role, StoredObject, User
from sample_scans.scans import sample_applicant

ITEM = "SCJG-GT-001"


def add_staff(hall: Hall, *, clerk: str = "c", reviewer: str = "r") -> None:
    """A clerk at window W01 and a reviewer of 市场监督管理局 (scjgj)."""
    with session_scope(hall.sessions) as s:
        create_user(s, username=clerk, display_name=clerk, role=Role.CLERK, window_code="W01")
        create_user(
            s,
            username=reviewer,
            display_name=reviewer,
            role=Role.REVIEWER,
            department_code="scjgj",
        )


def user(s: Session, name: str) -> User:
    return s.scalars(select(User).where(User.username == name)).one()


def sample_case(s: Session, seed: int, *, clerk: str = "c") -> Case:
    applicant = sample_applicant(seed=seed)
    return intake.create_case(
        s,
        item_code=ITEM,
        applicant_type="person",
        applicant_name=applicant.name,
        applicant_id=applicant.id_number,
        actor=user(s, clerk),
    )


def issue_sample_license(
    hall: Hall, seed: int, *, clerk: str = "c", reviewer: str = "r"
) -> tuple[str, bytes]:
    """The number and the archived PDF of a license issued for applicant `seed`."""
    with session_scope(hall.sessions) as s:
        license_ = issue_license(
            s, hall, sample_case(s, seed, clerk=clerk), actor=user(s, reviewer)
        )
        return license_.number, hall.store.get(s.get_one(StoredObject, license_.object_id).key)
