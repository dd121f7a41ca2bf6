"""A transaction that dies after archiving: its objects are reported, its number is never
given again, and its sealed PDF does not verify."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.records.reconcile import reconcile
from cases.results.licenses import issue_license
from cases.verification.status import Verdict, verify_document
from models import AuditEvent
from tests.api.conftest import server_settings
from tests.licensing import add_staff, issue_sample_license, sample_case, user

NO_GRACE = timedelta(0)


@pytest.fixture(
    params=["embedded", pytest.param("servers", marks=[pytest.mark.postgres, pytest.mark.s3])]
)
def hall(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hall]:
    if request.param == "embedded":
        settings = Settings(data_dir=tmp_path)
    else:
        settings = server_settings(
            tmp_path, request.getfixturevalue("postgres_url"), request.getfixturevalue("s3_server")
        )
    hall = Hall.open(settings)
    add_staff(hall)
    yield hall
    hall.close()


def _issue_and_die(hall: Hall, seed: int) -> tuple[str, bytes]:
    """Seal and archive a license, then lose the transaction (as a SIGKILL before commit)."""
    s = hall.sessions()
    try:
        license_ = issue_license(s, hall, sample_case(s, seed), actor=user(s, "r"))
        number, sha = license_.number, license_.pdf_sha256
        s.flush()
    finally:
        s.rollback()
        s.close()
    orphan = next(hall.store.get(o.key) for o in hall.store.list("objects/") if o.sha256 == sha)
    return number, orphan


def test_clean_archive_reconciles(hall: Hall) -> None:
    issue_sample_license(hall, 1)
    with session_scope(hall.sessions) as s:
        report = reconcile(s, hall.store, grace=NO_GRACE)
    assert report.clean, report.to_dict()
    assert report.objects == report.rows > 0


def test_orphan_license_is_reported_void_and_not_valid(hall: Hall) -> None:
    lost_number, orphan_pdf = _issue_and_die(hall, 2)
    next_number, _ = issue_sample_license(hall, 3)
    assert next_number != lost_number  # the orphan's number is never given to another

    with session_scope(hall.sessions) as s:
        report = reconcile(s, hall.store, grace=NO_GRACE)
        assert report.void_numbers == [lost_number]
        classes = sorted(o.doc_class for o in report.orphans)
        assert "license" in classes and "license_metadata" in classes
        assert not report.missing
        assert s.query(AuditEvent).filter_by(action="archive.reconcile").count() == 1

        outcome = verify_document(s, hall, orphan_pdf)
    assert outcome.verdict is Verdict.INVALID
    assert outcome.sub_indication == "NOT_REGISTERED"
    assert any("未在本平台登记" in r for r in outcome.reasons)


def test_young_objects_are_left_to_their_transaction(hall: Hall) -> None:
    _issue_and_die(hall, 4)
    with session_scope(hall.sessions) as s:
        assert reconcile(s, hall.store).clean  # default grace: may still commit


def test_reconcile_cli_exit_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from api.cli import main

    hall = Hall.open(Settings(data_dir=tmp_path))
    add_staff(hall)
    _issue_and_die(hall, 5)
    hall.close()
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path))
    assert main(["archive", "reconcile", "--grace-minutes", "0"]) == 1
    other = Hall.open(Settings(data_dir=tmp_path / "other"))
    add_staff(other)
    issue_sample_license(other, 6)
    other.close()
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "other"))
    assert main(["archive", "reconcile", "--grace-minutes", "0"]) == 0
