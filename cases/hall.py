"""The running hall: settings, catalog, database, object store, PKI and OCR engine,
opened once at an entry point (API, CLI, worker) and shared by the services."""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from archive import ObjectStore
from cases import faults, workdays
from cases.catalog.publish import sync_catalog
from cases.catalog.published import PublishedCatalog
from cases.catalog.spec import load_catalog
from cases.clock import use_hall_time
from cases.config import Settings
from cases.db import make_engine, make_sessionmaker, migrate, opening_alone, session_scope
from cases.errors import ConfigurationError
from cases.records.storage import open_store
from cases.seals.registry import Pki, ensure_seals, open_pki
from ocr import Engine as OcrEngine

log = logging.getLogger(__name__)


@dataclass
class Hall:
    settings: Settings
    # The published catalog, read from the database (`hall.catalog.current(session)`);
    # the catalog directory's YAML is only imported, at `open`.
    catalog: PublishedCatalog
    db: Engine
    sessions: sessionmaker[Session]
    store: ObjectStore
    pki: Pki
    _ocr: OcrEngine | None = None
    _ocr_lock: threading.Lock = field(default_factory=threading.Lock)
    # Read-only configuration derived from the catalog directory on first use by a service
    # (e.g. the joint-approval routes); never state that another process would need to
    # agree with.
    derived: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def open(cls, settings: Settings) -> Hall:
        use_hall_time()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        faults.arm(settings.fault_points)
        imported = load_catalog(settings.catalog_dir)
        workdays.use_calendar(settings.catalog_dir)
        db = make_engine(settings.effective_database_url)
        sessions = make_sessionmaker(db)
        with opening_alone(db, settings.data_dir):
            migrate(db)
            pki = open_pki(settings, imported.org.hall.name)
            with session_scope(sessions) as session:
                sync_catalog(session, imported)  # new versions in the directory are published
                ensure_seals(session, pki, imported.org)
        return cls(
            settings=settings,
            catalog=PublishedCatalog(imported.org),
            db=db,
            sessions=sessions,
            store=open_store(settings),
            pki=pki,
        )

    @property
    def calendar(self) -> workdays.WorkCalendar:
        """The hall's working-day calendar (its catalog's `calendar.yaml` on top of the
        official one): the unit of every time limit and 容缺 due date."""
        return workdays.calendar_for(self.settings.catalog_dir)

    @property
    def ocr(self) -> OcrEngine:
        """The OCR engine, loaded on first use (model loading takes a second or two)."""
        with self._ocr_lock:
            if self._ocr is None:
                self._ocr = make_ocr_engine(self.settings)
            return self._ocr

    def use_ocr(self, engine: OcrEngine) -> None:
        """Replace the engine (tests inject fakes here)."""
        self._ocr = engine

    def close(self) -> None:
        self.db.dispose()


def make_ocr_engine(settings: Settings) -> OcrEngine:
    """The configured engine, one instance per reading thread, the process's CPUs shared
    among them. The CPUs are the ones this process may run on (taskset, cpuset), not the
    machine's: ONNX Runtime sizes its pool by the machine, and a worker pinned to one core
    with a two-thread pool spins both threads on that core, so two pinned workers read no
    faster than one."""
    workers = settings.ocr_workers
    threads = max(1, len(os.sched_getaffinity(0)) // workers)
    if settings.ocr_engine == "rapidocr":
        from ocr.rapid import RapidOcrEngine

        det = settings.ocr_det_limit_side_len

        def factory() -> OcrEngine:
            return RapidOcrEngine(det_limit_side_len=det, threads=threads)

    elif settings.ocr_engine == "paddle":
        from ocr.paddle import PaddleOcrEngine

        os.environ["PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK"] = "True"  # offline: no model hub
        det_dir, rec_dir = settings.ocr_paddle_det_dir, settings.ocr_paddle_rec_dir
        python = settings.ocr_paddle_python

        def factory() -> OcrEngine:
            return PaddleOcrEngine(det_dir=det_dir, rec_dir=rec_dir, threads=threads, python=python)

    elif ":" in settings.ocr_engine:
        factory = _engine_class(settings.ocr_engine)
    else:
        raise ConfigurationError(
            f"unknown OCR engine {settings.ocr_engine!r}; known: rapidocr, paddle, "
            "or module:Class of an engine",
            f"未知的 OCR 引擎 {settings.ocr_engine!r},可选:rapidocr、paddle,"
            "或以 模块:类名 指定的引擎",
        )
    if workers == 1:
        return factory()
    from ocr.pool import EnginePool

    return EnginePool(factory, workers)


def _engine_class(path: str) -> Callable[[], OcrEngine]:
    """An engine named by `module:Class` (a plug-in, or a test's recording engine in a
    worker process), built with no arguments."""
    module_name, _, class_name = path.partition(":")
    try:
        engine_class = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as e:
        raise ConfigurationError(
            f"OCR engine {path!r} cannot be imported: {e}",
            f"无法导入 OCR 引擎 {path!r}:{e}",
        ) from e
    return cast(Callable[[], OcrEngine], engine_class)
