"""Reading pages: OCR outside any transaction, the result saved in a short one.

Who reads a page is decided in the database, never in a process's memory. A reader claims
a queued page with one conditional UPDATE (still queued, nobody's lease running), renews
its lease while it reads, and saves the reading only while its claim still stands. So
any number of processes (API workers, `onewindow worker` on other machines, the check
that reads inline) read each page once, and the page of a reader that died is taken by
another when its lease runs out.

A reading that fails for a passing reason (object store or database down) is released
and tried again after a wait that doubles from `read_retry_seconds`; after
`read_attempts` attempts the page is marked failed with the reason, where the clerk and
the administrator (`onewindow worker status`) see it. An OCR error (the page itself
cannot be read) fails the page at once.

On PostgreSQL each page is also a job on the task queue (procrastinate), deferred in the
transaction that adds the page; on the embedded database the page row is the queue
entry, polled by the in-process worker.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from procrastinate import App, SyncPsycopgConnector
from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from archive import ArchiveError, ObjectStore, StoreUnavailable
from cases import outage
from cases.catalog.publish import spec_of
from cases.db import DatabaseUnavailable, session_scope
from cases.errors import OneWindowError
from cases.intake.doubts import field_doubts
from cases.records.storage import archive_bytes
from models import ChecklistVersion, Page, PageStatus, StoredObject, Submission, utcnow
from ocr import MaterialHint, OcrError, PageReading, classify, extract_fields, read_page
from ocr.legal_form import evidence, evidence_to_json

if TYPE_CHECKING:
    from cases.hall import Hall

log = logging.getLogger(__name__)

ENGINE_TIMEOUT_S = 120.0  # a hung engine call turns into a failed page, never a stuck case
READ_PAGE_TASK = "read_page"  # the queue's task name (cases.jobs.queue registers it)
PAGES_QUEUE = "pages"


def hints_for(checklist: ChecklistVersion) -> list[MaterialHint]:
    return [m.ocr_hint() for m in spec_of(checklist).materials]


# -- the queue ---------------------------------------------------------------------------

# Defers by task name on the caller's own connection; never opens a pool of its own.
_deferrer = App(connector=SyncPsycopgConnector())


def page_lock(page_id: int) -> str:
    return f"page:{page_id}"


def enqueue(session: Session, page_ids: Iterable[int]) -> None:
    """Ask the queue to read these pages, in the caller's transaction, so the job exists
    exactly when the page row does. On PostgreSQL this is a procrastinate job on the
    session's own connection; on the embedded database the queued row is the entry."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    driver = connection.connection.driver_connection
    for page_id in page_ids:
        lock = page_lock(page_id)
        _deferrer.configure_task(
            READ_PAGE_TASK,
            queue=PAGES_QUEUE,
            lock=lock,
            queueing_lock=lock,
            connection=driver,
        ).defer(page_id=page_id)


# -- claims ------------------------------------------------------------------------------


def reader_name() -> str:
    """This process, as it appears in claims and in the status view."""
    return f"{socket.gethostname()[:64]}:{os.getpid()}"


@dataclass(frozen=True)
class Outcome:
    """What one attempt at a page came to.

    kind: "read"; "failed" (unreadable, or out of attempts); "gone" (already read or
    failed, or the claim was lost); "busy" (another reader holds it); "waiting" (its
    retry is not due); "retry" (this attempt failed for a passing reason: `cause`).
    `wait` is how long until trying again makes sense.
    """

    kind: str
    wait: float = 0.0
    error: str = ""
    cause: BaseException | None = None


def _claimable(now: datetime, *, honour_backoff: bool) -> list[ColumnElement[bool]]:
    conditions = [
        Page.status == PageStatus.QUEUED,
        or_(Page.lease_until.is_(None), Page.lease_until < now),
    ]
    if honour_backoff:
        conditions.append(or_(Page.retry_at.is_(None), Page.retry_at <= now))
    return conditions


def due_pages(
    hall: Hall, *, limit: int, case_id: int | None = None, honour_backoff: bool = True
) -> list[int]:
    """Queued pages nobody holds (and, honouring backoff, whose retry is due), oldest
    first: candidates only; `read_one` claims each atomically."""
    query = (
        select(Page.id)
        .where(*_claimable(utcnow(), honour_backoff=honour_backoff))
        .order_by(Page.id)
        .limit(limit)
    )
    if case_id is not None:
        query = query.join(Submission).where(Submission.case_id == case_id)
    with session_scope(hall.sessions) as session:
        return list(session.scalars(query))


def _claim(hall: Hall, page_id: int, *, honour_backoff: bool) -> tuple[str | None, Outcome]:
    now = utcnow()
    token = f"{reader_name()}/{uuid.uuid4().hex[:8]}"
    lease = timedelta(seconds=hall.settings.worker_lease_seconds)
    with session_scope(hall.sessions) as session:
        claimed = session.execute(
            update(Page)
            .where(Page.id == page_id, *_claimable(now, honour_backoff=honour_backoff))
            .values(claimed_by=token, lease_until=now + lease, attempts=Page.attempts + 1)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount == 1:  # type: ignore[attr-defined]
            return token, Outcome("claimed")
        page = session.get(Page, page_id)
        if page is None or page.status != PageStatus.QUEUED:
            return None, Outcome("gone")
        if page.lease_until is not None and page.lease_until >= now:
            return None, Outcome("busy", wait=(page.lease_until - now).total_seconds())
        due = page.retry_at or now
        return None, Outcome("waiting", wait=max(0.0, (due - now).total_seconds()))


class _Lease:
    """Renews a claim every third of the lease while its page is read, so that only a
    reader that stopped (killed, hung machine) loses its page."""

    def __init__(self, hall: Hall, page_id: int, token: str) -> None:
        self._hall, self._page_id, self._token = hall, page_id, token
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-{page_id}", daemon=True)

    def __enter__(self) -> _Lease:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        seconds = self._hall.settings.worker_lease_seconds
        warned = False
        while not self._stop.wait(seconds / 3):
            try:
                with session_scope(self._hall.sessions) as session:
                    session.execute(
                        update(Page)
                        .where(Page.id == self._page_id, Page.claimed_by == self._token)
                        .values(lease_until=utcnow() + timedelta(seconds=seconds))
                        .execution_options(synchronize_session=False)
                    )
            except Exception as e:  # the save is fenced by the claim; log once
                if not warned:
                    log.warning("page %s: lease not renewed: %s", self._page_id, e)
                    warned = True


# -- reading -----------------------------------------------------------------------------


def read_one(hall: Hall, page_id: int, *, honour_backoff: bool = True) -> Outcome:
    """Claim the page and read it, or say why not."""
    token, refused = _claim(hall, page_id, honour_backoff=honour_backoff)
    if token is None:
        return refused
    with _Lease(hall, page_id, token):
        try:
            return _read_claimed(hall, page_id, token)
        except Exception as e:
            return _after_failure(hall, page_id, token, e)


def _read_claimed(hall: Hall, page_id: int, token: str) -> Outcome:
    with session_scope(hall.sessions) as session:
        page = session.get_one(Page, page_id)
        image_key = session.get_one(StoredObject, page.image_object_id).key
        hints = hints_for(page.submission.case.checklist)
        retried = bool(page.error)
    data = hall.store.get(image_key)
    try:
        reading = read_page(data, hall.ocr, timeout=ENGINE_TIMEOUT_S)
    except OcrError as e:
        log.warning("page %s could not be read: %s", page_id, e.code)
        error = f"{e.zh} / {e.en}"
        with session_scope(hall.sessions) as session:
            if not _still_mine(session, page_id, token):
                return Outcome("gone")
            page = session.get_one(Page, page_id)
            page.status, page.error, page.lease_until = PageStatus.FAILED, error, None
        return Outcome("failed", error=error)
    with session_scope(hall.sessions) as session:
        if not _still_mine(session, page_id, token):
            log.info("page %s: claim lost while reading; the other reader's result stands", page_id)
            return Outcome("gone")
        page = session.get_one(Page, page_id)
        _save_reading(session, hall.store, page, reading, hints)
        page.lease_until, page.retry_at, page.error = None, None, ""
    if retried:  # a page that waited for the store was read: it is back
        outage.object_store.up()
    return Outcome("read")


def _still_mine(session: Session, page_id: int, token: str) -> bool:
    """Fence the save: it happens only while the claim stands (this UPDATE also locks the
    row until the save commits), so a reader whose lease ran out writes nothing."""
    mine = session.execute(
        update(Page)
        .where(Page.id == page_id, Page.claimed_by == token, Page.status == PageStatus.QUEUED)
        .values(claimed_by=token)
        .execution_options(synchronize_session=False)
    )
    return bool(mine.rowcount == 1)  # type: ignore[attr-defined]


def _describe(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, OneWindowError | ArchiveError):
        return exc.zh, exc.en
    return f"内部错误 {type(exc).__name__}", f"internal error {type(exc).__name__}: {exc}"


def _after_failure(hall: Hall, page_id: int, token: str, exc: Exception) -> Outcome:
    """Release the claim; wait before the next attempt, or give up after the last."""
    zh, en = _describe(exc)
    settings = hall.settings
    with session_scope(hall.sessions) as session:
        page = session.get(Page, page_id)
        if page is None or page.claimed_by != token or page.status != PageStatus.QUEUED:
            return Outcome("gone", cause=exc)
        page.lease_until = None
        if page.attempts >= settings.read_attempts:
            page.status = PageStatus.FAILED
            page.retry_at = None
            page.error = (
                f"{page.attempts} 次识别均未成功({zh}),请重新扫描本页或由管理员重试 / "
                f"not read after {page.attempts} attempts ({en}); rescan the page, or an "
                "administrator retries it with `onewindow worker retry`"
            )
            log.error("page %s failed after %d attempts: %s", page_id, page.attempts, en)
            return Outcome("failed", error=page.error, cause=exc)
        wait = settings.read_retry_seconds * 2 ** (page.attempts - 1)
        page.retry_at = utcnow() + timedelta(seconds=wait)
        page.error = f"{zh} / {en}"
        passing = isinstance(exc, StoreUnavailable | DatabaseUnavailable)
        if isinstance(exc, StoreUnavailable):  # one warning per outage, not one per page
            outage.object_store.down(en)
        (log.info if passing else log.warning)(
            "page %s: attempt %d failed (%s); retry in %.1f s",
            page_id,
            page.attempts,
            en,
            wait,
            exc_info=not isinstance(exc, OneWindowError | ArchiveError),
        )
        return Outcome("retry", wait=wait, error=page.error, cause=exc)


def read_queued(hall: Hall, *, case_id: int | None = None) -> int:
    """Read the queued pages now (of one case, or all) for a caller who needs them read:
    the check and the decision. Pages another reader holds are waited for, and taken over
    if its lease runs out; a page waiting for its retry is tried now, since someone waits
    for it, and if that fails too the cause is raised (e.g. the object store is down).
    Returns how many pages were queued at the start."""
    deadline = time.monotonic() + ENGINE_TIMEOUT_S * 3
    first: int | None = None
    while True:
        with session_scope(hall.sessions) as session:
            query = select(Page.id).where(Page.status == PageStatus.QUEUED)
            if case_id is not None:
                query = query.join(Submission).where(Submission.case_id == case_id)
            queued = list(session.scalars(query))
        if first is None:
            first = len(queued)
        if not queued or time.monotonic() > deadline:
            return first
        free = due_pages(hall, limit=len(queued), case_id=case_id, honour_backoff=False)
        if not free:
            time.sleep(0.1)
            continue
        for outcome in _read_all(hall, free):
            if outcome.kind == "retry" and outcome.cause is not None:
                raise outcome.cause


def _read_all(hall: Hall, page_ids: list[int]) -> list[Outcome]:
    """Read pages in parallel, one per OCR worker."""
    workers = max(1, min(len(page_ids), hall.settings.ocr_workers))

    def one(page_id: int) -> Outcome:
        return read_one(hall, page_id, honour_backoff=False)

    if workers == 1:
        return [one(page_id) for page_id in page_ids]
    with ThreadPoolExecutor(workers, thread_name_prefix="page-reader") as pool:
        return list(pool.map(one, page_ids))


def _save_reading(
    session: Session,
    store: ObjectStore,
    page: Page,
    reading: PageReading,
    hints: list[MaterialHint],
) -> None:
    case = page.submission.case
    guess = classify(reading.text, hints)
    fields = extract_fields(reading)
    text_obj = archive_bytes(
        session,
        store,
        json.dumps(
            {"text": reading.text, "lines": [asdict(ln) for ln in reading.lines]},
            ensure_ascii=False,
        ).encode(),
        content_type="application/json",
        doc_class="ocr_text",
        case_id=case.id,
    )
    page.text_object_id = text_obj.id
    page.status = PageStatus.READ
    labelled = page.material_code is not None  # a separator sheet said what this page is
    if not labelled:
        page.material_code = guess.code
        page.confidence = guess.confidence
    reading_record: dict[str, Any] = {
        "label_source": "separator" if labelled else "ocr",
        "ocr_guess": guess.code,
        "width": reading.width,
        "height": reading.height,
        "matched": list(guess.matched),
        "skew_degrees": round(reading.skew_degrees, 2),
        "seals": [list(s) for s in reading.seals],
        "blank": reading.blank,
        "quality": asdict(reading.quality),
        "engine": reading.engine,
        "seconds": round(reading.seconds, 3),
        "rotation": reading.rotation,
        "perspective_corrected": reading.perspective_corrected,
        "fields": [{**asdict(f), "doubts": field_doubts(asdict(f))} for f in fields],
        # what the legal-form checks need from the lines, so the check of a page read
        # needs no object store (page_facts)
        "evidence": evidence_to_json(evidence(reading.lines)),
        "read_at": datetime.now(UTC).isoformat(),
    }
    page.reading = reading_record
    session.flush()
