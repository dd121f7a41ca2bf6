"""Feeding a scanner's page stream into a case, page by page, losing and doubling nothing.

Each page is stored in a transaction of its own as soon as it arrives, so OCR starts
while the feeder is still running and a jam at sheet 7 keeps sheets 1-6. A page is
recorded under the driver's page identity (``ScanRecord``, unique per case), so a
replayed page (hot-folder recovery, a retried transfer, a re-run after a crash) is
counted as a duplicate and not stored twice.

Control sheets split the batch: the cover (``OW1|CASE|n``) must name this case, each
separator (``OW1|SEP|n|material``) labels the pages after it, PATCH-T starts an
unlabelled document. Control sheets are recorded, not stored as pages. Likely blank pages
are stored and flagged for the clerk (``ScanRecord.blank``), never dropped.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cases import audit
from cases.catalog.publish import case_spec
from cases.db import session_scope
from cases.errors import InvalidInput, NotFound, OneWindowError
from cases.hall import Hall
from cases.intake.pages import add_page
from models import Case, ScanRecord, User
from ocr import OcrError, PageLimits, read_header
from scanner_drivers import (
    EsclBackend,
    HotFolderDriver,
    SaneBackend,
    ScannedPage,
    ScannerDriver,
    ScannerError,
    ScanSettings,
)
from scanner_drivers.sheets import COVER, PATCH_T, SEPARATOR, is_probably_blank, read_control_sheet

log = logging.getLogger(__name__)


class WrongBatch(InvalidInput):
    code = "scan.wrong_batch"


@dataclass
class ScanReport:
    """What one run brought in; ``error`` is the scanner's last word if it stopped early."""

    job: str
    case_number: str
    seen: int = 0  # sheet sides received from the driver, control sheets included
    added: int = 0
    duplicates: int = 0
    control_sheets: int = 0
    refused: list[str] = field(default_factory=list)
    blank_pages: list[int] = field(default_factory=list)  # page seq numbers
    materials: dict[str, list[int]] = field(default_factory=dict)  # label → page seqs
    unlabelled: list[int] = field(default_factory=list)
    error: ScannerError | None = None

    @property
    def complete(self) -> bool:
        return self.error is None


def open_driver(
    device: str,
    settings: ScanSettings | None = None,
    *,
    sane_config: Path | None = None,
    environ: Mapping[str, str] | None = None,
    quiet_seconds: float = 2.0,
) -> ScannerDriver:
    """A scan job on a device named by driver: ``sane:<SANE device>``, ``escl:<base URL>``
    or ``folder:<path>`` (a hot folder); anything else is taken as a SANE device.

    SANE gets its own variables (SANE_CONFIG_DIR, SANE_DEBUG_*, ...) from ``environ``, this
    process's environment unless given; ``sane_config`` (the hall's setting, ``--sane-config``)
    wins over SANE_CONFIG_DIR."""
    settings = settings or ScanSettings()
    if device.startswith("escl:"):
        return EsclBackend(device.removeprefix("escl:")).job(device, settings)
    if device.startswith("folder:"):
        return HotFolderDriver(Path(device.removeprefix("folder:")), quiet_seconds=quiet_seconds)
    sane = SaneBackend(config_dir=sane_config, environ=os.environ if environ is None else environ)
    return sane.job(device, settings)


def scan_into_case(
    hall: Hall,
    *,
    case_number: str,
    driver: ScannerDriver,
    actor: str,
    job: str | None = None,
    on_page: Callable[[ScanReport], None] | None = None,
) -> ScanReport:
    """Run ``driver`` and store its pages in the case; scanner errors end up in the report.

    Errors of the domain (closed case, wrong cover) stop the scan and are raised after
    cancelling the driver; everything stored before stays.
    """
    report = ScanReport(job=job or uuid.uuid4().hex, case_number=case_number)
    with session_scope(hall.sessions) as session:
        case = _case(session, case_number)
        labels = {m.code for m in case_spec(case).materials}
        label = _last_label(session, case, report.job)
        if session.scalars(select(User.id).where(User.username == actor)).first() is None:
            raise NotFound(f"unknown user {actor!r}", f"未知的用户 {actor!r}")
    pages = driver.scan()
    try:
        for scanned in pages:
            report.seen += 1
            try:
                label = _take(hall, report, scanned, driver.name, actor, label, labels)
            except IntegrityError:  # a concurrent run stored this key a moment ago
                report.duplicates += 1
            if on_page is not None:
                on_page(report)
    except ScannerError as e:
        log.warning("scan %s for case stopped: %s", report.job, e.code)
        report.error = e
    except OneWindowError:
        driver.cancel()
        raise
    finally:
        close = getattr(pages, "close", None)
        if close is not None:
            close()
    with session_scope(hall.sessions) as session:
        audit.record(
            session,
            actor=actor,
            action="scan.batch",
            target=f"case:{_case(session, case_number).id}",
            job=report.job,
            driver=driver.name,
            added=report.added,
            duplicates=report.duplicates,
            error=report.error.code if report.error else "",
        )
    return report


def _take(
    hall: Hall,
    report: ScanReport,
    scanned: ScannedPage,
    driver_name: str,
    actor: str,
    label: str | None,
    labels: set[str],
) -> str | None:
    """Store one page (or record one control sheet); returns the label for what follows."""
    key = f"{driver_name}:{scanned.identity}"[:255]
    # sheet and blank detection decode the page: only one within the page limits (the
    # others add_page refuses from their header, and the refusal is recorded below)
    decodable = _within_limits(scanned.data, hall.settings.max_upload_bytes)
    sheet = read_control_sheet(scanned.data) if decodable else None
    with session_scope(hall.sessions) as session:
        case = _case(session, report.case_number)
        known = session.scalars(
            select(ScanRecord).where(ScanRecord.case_id == case.id, ScanRecord.page_key == key)
        ).first()
        if sheet is not None:
            if sheet.kind == COVER and sheet.case_number != case.number:
                raise WrongBatch(
                    f"the cover sheet belongs to case {sheet.case_number}, not {case.number}; "
                    "the pages before it are kept, take this batch out of the feeder",
                    f"封面页属于办件 {sheet.case_number}，不是本办件 {case.number}；"
                    "此前的页面已保存，请取出该批材料核对",
                )
            new_label = label
            if sheet.kind == SEPARATOR:
                new_label = sheet.material_code if sheet.material_code in labels else None
                if new_label is None:
                    log.warning("separator for a material not in this checklist")
            elif sheet.kind in (COVER, PATCH_T):
                new_label = None
            if known is None:
                session.add(
                    ScanRecord(
                        case_id=case.id,
                        job=report.job,
                        page_key=key,
                        kind=sheet.kind,
                        material_code=new_label,
                        detail=f"{scanned.source} {sheet.material_code}"[:200],
                    )
                )
                session.flush()
            report.control_sheets += 1
            return new_label
        if known is not None:
            report.duplicates += 1
            return label
        blank = decodable and is_probably_blank(scanned.data)
        user = session.scalars(select(User).where(User.username == actor)).one()
        try:
            with session.begin_nested():
                page = add_page(
                    session,
                    hall.store,
                    case,
                    scanned.data,
                    filename=scanned.source,
                    actor=user,
                    max_bytes=hall.settings.max_upload_bytes,
                )
        except InvalidInput as e:  # e.g. too small to read: recorded, the clerk rescans
            report.refused.append(f"{scanned.source}: {e.zh} / {e.en}")
            session.add(
                ScanRecord(
                    case_id=case.id,
                    job=report.job,
                    page_key=key,
                    kind="refused",
                    material_code=label,
                    detail=f"{e.zh} / {e.en}"[:2000],
                )
            )
            return label
        page.material_code = label
        session.add(
            ScanRecord(
                case_id=case.id,
                job=report.job,
                page_key=key,
                kind="page",
                page_id=page.id,
                material_code=label,
                blank=blank,
                detail=scanned.source[:200],
            )
        )
        session.flush()
        report.added += 1
        if blank:
            report.blank_pages.append(page.seq)
        if label is None:
            report.unlabelled.append(page.seq)
        else:
            report.materials.setdefault(label, []).append(page.seq)
    return label


def _within_limits(data: bytes, max_bytes: int) -> bool:
    try:
        read_header(data, PageLimits(max_bytes=max_bytes))
    except OcrError:
        return False
    return True


def _case(session: Session, number: str) -> Case:
    case = session.scalars(select(Case).where(Case.number == number)).first()
    if case is None:
        raise NotFound(f"case {number} not found", f"未找到办件 {number}")
    return case


def _last_label(session: Session, case: Case, job: str) -> str | None:
    """A job continued in a later call (an agent posting page by page) keeps its label."""
    last = session.scalars(
        select(ScanRecord)
        .where(ScanRecord.case_id == case.id, ScanRecord.job == job)
        .order_by(ScanRecord.id.desc())
    ).first()
    if last is None or last.kind in (COVER, PATCH_T):
        return None
    return last.material_code


def separator_labels(session: Session, case: Case) -> dict[int, str]:
    """Page id → material label from separator sheets; these outrank OCR's guess."""
    rows = session.execute(
        select(ScanRecord.page_id, ScanRecord.material_code).where(
            ScanRecord.case_id == case.id,
            ScanRecord.kind == "page",
            ScanRecord.material_code.is_not(None),
        )
    )
    return {page_id: code for page_id, code in rows if page_id is not None and code}
