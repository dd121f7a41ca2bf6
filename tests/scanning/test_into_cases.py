"""Real feeder batches into cases: every sheet arrives once, whatever the scanner does.

Each fault is injected on a real device (SANE test backend, saned, the eSCL simulator, a
hot folder); after the clerk's retry the case holds exactly the sheets of the tray,
counted, each once.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.errors import NotFound
from cases.hall import Hall
from cases.intake import pages as intake
from cases.intake.pages import create_case
from cases.intake.scanning import WrongBatch, scan_into_case, separator_labels
from cases.intake.sheets import case_sheets
from models import Case, Page, Role, ScanRecord, StoredObject, Submission, User
from ocr.testing import FixedTextEngine
from sample_scans.scans import sample_applicant
from scanner_drivers import (
    Cancelled,
    CoverOpen,
    DeviceBusy,
    FeederEmpty,
    HotFolderDriver,
    Jammed,
    ScannerError,
    TruncatedPage,
    UploadDriver,
)
from scanner_drivers.base import ScanSettings
from scanner_drivers.escl import EsclBackend
from scanner_drivers.sane import SaneBackend
from tests.scanning import sheets
from tests.scanning.escl_sim import EsclSimulator

A4_75 = ScanSettings(resolution=75)
A4_100 = ScanSettings(resolution=100)


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    hall = Hall.open(Settings(data_dir=tmp_path_factory.mktemp("hall")))
    with session_scope(hall.sessions) as s:
        create_user(s, username="clerk", display_name="clerk", role=Role.CLERK, window_code="W01")
    yield hall
    hall.close()


@pytest.fixture
def case_number(hall: Hall) -> str:
    applicant = sample_applicant(7)
    with session_scope(hall.sessions) as s:
        clerk = s.scalars(select(User).where(User.username == "clerk")).one()
        case = create_case(
            s,
            item_code="SCJG-GT-001",
            applicant_type="person",
            applicant_name=applicant.name,
            applicant_id=applicant.id_number,
            actor=clerk,
        )
        return case.number


def case_pages(hall: Hall, number: str) -> list[bytes]:
    """The stored images of the case's pages, in page order."""
    with session_scope(hall.sessions) as s:
        rows = s.execute(
            select(StoredObject.key, Page.seq)
            .join(Page, Page.image_object_id == StoredObject.id)
            .join(Submission)
            .join(Case)
            .where(Case.number == number)
            .order_by(Page.seq)
        ).all()
    return [hall.store.get(key) for key, _ in rows]


def sane(config: Path) -> SaneBackend:
    return SaneBackend(
        config_dir=config, busy_retries=1, busy_wait=0.05, page_timeout=20, status_grace=0.5
    )


def run(hall: Hall, number: str, driver: object, **kw: object):  # type: ignore[no-untyped-def]
    return scan_into_case(hall, case_number=number, driver=driver, actor="clerk", **kw)  # type: ignore[arg-type]


# -- SANE --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (None, None),
        ("SANE_STATUS_JAMMED", Jammed),
        ("SANE_STATUS_NO_DOCS", FeederEmpty),
        ("SANE_STATUS_DEVICE_BUSY", DeviceBusy),
        ("SANE_STATUS_COVER_OPEN", CoverOpen),
        ("SANE_STATUS_EOF", TruncatedPage),
    ],
)
def test_sane_batch_into_case(
    hall: Hall,
    case_number: str,
    sane_config: Path,
    status: str | None,
    error: type[ScannerError] | None,
) -> None:
    backend = sane(sane_config)
    if status is not None:
        settings = ScanSettings(resolution=75, extra={"read-return-value": status})
        failed = run(hall, case_number, backend.job("sane:test:0", settings))
        assert isinstance(failed.error, error)  # type: ignore[arg-type]
        assert (failed.added, failed.duplicates) == (0, 0)
        assert case_pages(hall, case_number) == []  # nothing half-stored
    report = run(hall, case_number, backend.job("sane:test:0", A4_75))  # the clerk retries
    assert report.complete and report.added == 10 and report.duplicates == 0
    assert len(case_pages(hall, case_number)) == 10


def test_sane_cancel_mid_batch_keeps_every_delivered_page(
    hall: Hall, case_number: str, sane_config: Path
) -> None:
    slow = ScanSettings(resolution=75, extra={"read-delay": "yes", "read-delay-duration": "20000"})
    job = sane(sane_config).job("sane:test:0", slow)

    def cancel_after_three(report: object) -> None:
        if getattr(report, "added", 0) == 3:
            job.cancel()

    report = run(hall, case_number, job, on_page=cancel_after_three)
    assert isinstance(report.error, Cancelled)
    assert 3 <= report.added < 10  # pages already out of the feeder are kept, none cut
    stored = case_pages(hall, case_number)
    assert len(stored) == report.added
    with session_scope(hall.sessions) as s:
        keys = list(s.scalars(select(ScanRecord.page_key)))
    assert len(keys) == len(set(keys))


def test_saned_on_loopback_into_case(hall: Hall, case_number: str, saned: Path) -> None:
    job = sane(saned).job("sane:net:127.0.0.1:test:0", A4_75)
    report = run(hall, case_number, job)
    assert report.complete and report.added == 10
    assert len(case_pages(hall, case_number)) == 10


# -- eSCL --------------------------------------------------------------------------------

TRAY = [sheets.page_jpeg(n) for n in range(1, 9)]


def escl_job(sim: EsclSimulator):  # type: ignore[no-untyped-def]
    return EsclBackend(sim.base_url, busy_retries=5, busy_wait=0.02, timeout=10).job("", A4_100)


@pytest.mark.parametrize("fault", ["jam", "cut", "busy", "cancel", "empty"])
def test_escl_faults_lose_and_double_nothing(
    hall: Hall, case_number: str, escl: EsclSimulator, fault: str
) -> None:
    errors = {"jam": Jammed, "cut": TruncatedPage, "cancel": Cancelled, "empty": FeederEmpty}
    if fault == "empty":
        report = run(hall, case_number, escl_job(escl))
        assert isinstance(report.error, FeederEmpty) and report.added == 0
    escl.load(TRAY)
    if fault == "jam":
        escl.jam_after = 3
    elif fault == "cut":
        escl.cut_after = 5
    elif fault == "busy":
        escl.busy = 4
    job = escl_job(escl)

    def cancel_after_two(report: object) -> None:
        if fault == "cancel" and getattr(report, "added", 0) == 2:
            job.cancel()

    first = run(hall, case_number, job, on_page=cancel_after_two)
    expected_first = {"jam": 3, "cut": 5, "busy": 8, "cancel": 2, "empty": 8}[fault]
    assert first.added == expected_first
    if fault in ("busy", "empty"):
        assert first.complete
    else:
        assert isinstance(first.error, errors[fault])
        second = run(hall, case_number, escl_job(escl))  # the clerk re-feeds the rest
        assert second.complete and second.added == 8 - expected_first
    assert case_pages(hall, case_number) == TRAY  # every sheet once, in order
    assert not escl.sheets


# -- separators, blanks, replays --------------------------------------------------------

MATERIALS = ["application_form", "id_card", "premises_proof", "property_certificate"]


def test_separator_sheets_split_a_batch_into_four_materials(
    hall: Hall, case_number: str, escl: EsclSimulator
) -> None:
    batch = [sheets.cover_jpeg(case_number)]
    expected: dict[str, int] = {}
    n = 0
    for i, material in enumerate(MATERIALS):
        batch.append(sheets.separator_jpeg(case_number, material))
        for _ in range(i + 1):  # 1, 2, 3 and 4 pages
            n += 1
            batch.append(sheets.page_jpeg(n))
        expected[material] = i + 1
    batch.append(sheets.blank_jpeg())  # a duplex back side of the last material
    escl.load(batch)
    report = run(hall, case_number, escl_job(escl))
    assert report.complete and report.control_sheets == 5
    assert {m: len(seqs) for m, seqs in report.materials.items()} == {
        **expected,
        "property_certificate": 5,
    }
    assert report.blank_pages == [11] and report.added == 11  # flagged, never dropped
    with session_scope(hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == case_number)).one()
        labels = separator_labels(s, case)
        pages = s.scalars(
            select(Page).join(Submission).where(Submission.case_id == case.id).order_by(Page.seq)
        ).all()
        assert [p.material_code for p in pages] == [
            m for m in MATERIALS for _ in range(expected[m])
        ] + ["property_certificate"]
        assert labels == {p.id: p.material_code for p in pages}
        blank = s.scalars(
            select(ScanRecord.page_id).where(ScanRecord.case_id == case.id, ScanRecord.blank)
        ).all()
        assert blank == [pages[-1].id]
        case_id = case.id

    # OCR afterwards (here: an engine that would call every page an ID card) keeps the labels.
    hall.use_ocr(FixedTextEngine(["居民身份证", "公民身份号码 152502197308026992"]))
    intake.read_queued(hall, case_id=case_id)
    with session_scope(hall.sessions) as s:
        pages = s.scalars(
            select(Page).join(Submission).where(Submission.case_id == case_id).order_by(Page.seq)
        ).all()
        assert all(p.status != "queued" for p in pages)
        assert [p.material_code for p in pages] == [
            m for m in MATERIALS for _ in range(expected[m])
        ] + ["property_certificate"]


def test_patch_t_starts_an_unlabelled_document(hall: Hall, case_number: str) -> None:
    files = [
        ("sep.jpg", sheets.separator_jpeg(case_number, "id_card")),
        ("a.jpg", sheets.page_jpeg(1)),
        ("patch.jpg", sheets.patch_t_jpeg()),
        ("b.jpg", sheets.page_jpeg(2)),
    ]
    report = run(hall, case_number, UploadDriver(files))
    assert report.materials == {"id_card": [1]} and report.unlabelled == [2]


def test_cover_of_another_case_stops_the_batch(hall: Hall, case_number: str) -> None:
    files = [("a.jpg", sheets.page_jpeg(1)), ("c.jpg", sheets.cover_jpeg("2099-999999"))]
    files.append(("b.jpg", sheets.page_jpeg(2)))
    with pytest.raises(WrongBatch):
        run(hall, case_number, UploadDriver(files))
    assert case_pages(hall, case_number) == [sheets.page_jpeg(1)]


def test_unknown_clerk_is_refused_before_scanning(hall: Hall, case_number: str) -> None:
    with pytest.raises(NotFound, match="nobody"):
        scan_into_case(hall, case_number=case_number, driver=UploadDriver([]), actor="nobody")


def test_replayed_pages_are_counted_not_stored_twice(hall: Hall, case_number: str) -> None:
    files = [(f"p{n}.jpg", sheets.page_jpeg(n)) for n in range(1, 4)]
    first = run(hall, case_number, UploadDriver(files))
    again = run(hall, case_number, UploadDriver(files))
    assert (first.added, again.added, again.duplicates) == (3, 0, 3)
    assert len(case_pages(hall, case_number)) == 3


def test_hot_folder_into_case_survives_a_crash(
    hall: Hall, case_number: str, tmp_path: Path
) -> None:
    for n in range(1, 6):
        (tmp_path / f"scan{n:03d}.jpg").write_bytes(sheets.page_jpeg(n))
    folder = HotFolderDriver(tmp_path, quiet_seconds=0.0)

    crashed = {"n": 0}

    class Crash(Exception):
        pass

    def crash_after_two(report: object) -> None:
        crashed["n"] += 1
        if crashed["n"] == 2:
            raise Crash  # the server dies after storing page 2, before confirming it

    with pytest.raises(Crash):
        run(hall, case_number, folder, on_page=crash_after_two)
    assert len(case_pages(hall, case_number)) == 2
    report = run(hall, case_number, HotFolderDriver(tmp_path, quiet_seconds=0.0))
    assert (report.added, report.duplicates) == (3, 1)  # page 2 offered again, stored once
    again = run(hall, case_number, HotFolderDriver(tmp_path, quiet_seconds=0.0))
    assert again.seen == 0
    stored = case_pages(hall, case_number)
    assert sorted(hashlib.sha256(d).hexdigest() for d in stored) == sorted(
        hashlib.sha256(sheets.page_jpeg(n)).hexdigest() for n in range(1, 6)
    )


def test_a_job_continued_page_by_page_keeps_its_label(hall: Hall, case_number: str) -> None:
    """The clerk-PC agent posts one page per request under one job id."""
    posts = [
        ("sep.jpg", sheets.separator_jpeg(case_number, "premises_proof")),
        ("a.jpg", sheets.page_jpeg(1)),
        ("b.jpg", sheets.page_jpeg(2)),
    ]
    for name, data in posts:
        run(hall, case_number, UploadDriver([(name, data)]), job="agent-job-1")
    with session_scope(hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == case_number)).one()
        assert sorted(separator_labels(s, case).values()) == ["premises_proof"] * 2


def test_the_counters_printed_sheets_split_a_scanned_batch(
    hall: Hall, case_number: str, escl: EsclSimulator, tmp_path: Path
) -> None:
    """Cover and separators as ``cases/sheets.py`` prints them, scanned at 100 dpi."""
    with session_scope(hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == case_number)).one()
        pdf = case_sheets(s, "政务服务大厅", case)
    (tmp_path / "sheets.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "100", "-gray", "-jpeg", "sheets.pdf", "sheet"], cwd=tmp_path, check=True
    )
    printed = [p.read_bytes() for p in sorted(tmp_path.glob("sheet*.jpg"))]
    assert len(printed) >= 5  # the cover and one separator per expected material
    batch = [printed[0]]
    for n, separator in enumerate(printed[1:], start=1):
        batch += [separator, sheets.page_jpeg(100 + n)]
    escl.load(batch)
    report = run(hall, case_number, escl_job(escl))
    assert report.complete and report.control_sheets == len(printed)
    assert report.added == len(printed) - 1 and not report.unlabelled
    assert len(report.materials) == len(printed) - 1  # one labelled material per separator
