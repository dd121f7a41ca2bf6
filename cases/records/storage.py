"""Archiving (归集入库): every object goes to the store content-addressed, retained
for its document class, and gets a database row that names its case and the department
that provided it (谁提供、谁负责).

Retention (decided here, since the issue leaves the figures open): issued documents
(licenses, their metadata, notices, audit checkpoints) are kept 30 years in COMPLIANCE
mode, which nobody can shorten; applicants' materials (page images, OCR text) 10 years
in GOVERNANCE mode unless the caller passes the item's own rule (``retain_years``).
"""

from __future__ import annotations

import hashlib
import hmac
import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, BinaryIO, cast

from sqlalchemy import Table, bindparam, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, make_transient_to_detached

from archive import (
    Hashed,
    LocalFolderStore,
    ObjectInfo,
    ObjectStore,
    RetentionLocked,
    RetentionMode,
    S3Store,
    StagingStore,
    UrlSigner,
    content_key,
    spooled,
)
from cases.config import Settings
from cases.errors import ConfigurationError
from models import StoredObject, utcnow

LINK_PATH = "/api/v1/archive/link"


@dataclass(frozen=True)
class RetentionRule:
    years: int
    mode: RetentionMode


ISSUED = RetentionRule(30, "COMPLIANCE")
MATERIAL = RetentionRule(10, "GOVERNANCE")
RETENTION: dict[str, RetentionRule] = {
    "license": ISSUED,
    "license_metadata": ISSUED,
    "notice": ISSUED,
    "decision": ISSUED,
    "audit_checkpoint": ISSUED,
    "page_image": MATERIAL,
    "ocr_text": MATERIAL,
}


def retention_for(
    doc_class: str, *, retain_years: int | None = None, now: datetime | None = None
) -> tuple[datetime, RetentionMode]:
    rule = RETENTION.get(doc_class, MATERIAL)
    years = retain_years if retain_years is not None else rule.years
    start = now or utcnow()
    return start + timedelta(days=round(365.25 * years)), rule.mode


def url_signer(settings: Settings) -> UrlSigner:
    """Download links are signed with a key derived from the key passphrase (a separate
    setting would be one more secret to forget in production)."""
    secret = hmac.new(
        settings.key_passphrase.encode(), b"onewindow archive links", hashlib.sha256
    ).digest()
    return UrlSigner(secret, settings.public_base_url.rstrip("/") + LINK_PATH)


def open_store(settings: Settings) -> ObjectStore:
    if settings.s3_endpoint:
        if not (settings.s3_access_key and settings.s3_secret_key):
            raise ConfigurationError(
                "ONEWINDOW_S3_ACCESS_KEY and ONEWINDOW_S3_SECRET_KEY are required with "
                "ONEWINDOW_S3_ENDPOINT",
                "配置了 ONEWINDOW_S3_ENDPOINT 时必须同时设置访问密钥与私有密钥",
            )
        s3 = S3Store(
            endpoint=settings.s3_endpoint,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
            bucket=settings.s3_bucket,
            secure=settings.s3_secure,
            region=settings.s3_region,
        )
        return StagingStore(s3, LocalFolderStore(settings.data_dir / "staging"))
    # No store-level presigning: links are served by the app (cases.records.access), so
    # that revoking a grant closes them.
    return LocalFolderStore(settings.store_dir)


def archive_bytes(
    session: Session,
    store: ObjectStore,
    data: bytes | BinaryIO,
    *,
    content_type: str,
    doc_class: str,
    case_id: int | None = None,
    provider_department_id: int | None = None,
    provider_code: str = "hall",
    provided_by: str = "system",
    retain_years: int | None = None,
) -> StoredObject:
    """Store bytes, or a stream of any size (spooled to disk while hashing, never held
    in memory), and return its row. The same bytes archived twice share one object.

    The bytes are hashed once: the store is handed the digest with them. The database
    knows what is archived, so de-duplication costs no store round trip."""
    retain_until, mode = retention_for(doc_class, retain_years=retain_years)
    metadata = {
        "doc-class": doc_class,
        "provider": provider_code,
        "case": str(case_id or ""),
    }
    row = {
        "content_type": content_type,
        "doc_class": doc_class,
        "case_id": case_id,
        "provider_department_id": provider_department_id,
        "provided_by": provided_by,
        "retain_until": retain_until,
        "retention_mode": mode,
        "legal_hold": False,
        "last_fixity_at": None,
        "last_fixity_ok": None,
    }
    if isinstance(data, bytes | bytearray | memoryview):
        hashed = Hashed(data)
        return _archive(session, store, hashed, hashed.sha256, len(hashed), metadata, row)
    with spooled(data) as (spool, digest):
        size = spool.seek(0, io.SEEK_END)
        spool.seek(0)
        return _archive(session, store, spool, digest, size, metadata, row)


_TABLE = cast(Table, StoredObject.__table__)
_ID_BY_KEY = select(_TABLE.c.id).where(_TABLE.c.key == bindparam("key"))
# Core statements built once: building an ORM insert per call (.values()) and reading the
# row back cost several times the queries themselves, most of a 1 MB put's overhead.
_INSERT: dict[str, Any] = {
    dialect: insert(_TABLE).on_conflict_do_nothing(index_elements=["key"]).returning(_TABLE.c.id)
    for dialect, insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}
_UNRESERVE = delete(_TABLE).where(_TABLE.c.id == bindparam("reserved"))


def _archive(
    session: Session,
    store: ObjectStore,
    body: Hashed | BinaryIO,
    digest: str,
    size: int,
    metadata: dict[str, str],
    row: dict[str, Any],
) -> StoredObject:
    """De-duplicate, put, insert the row.

    PostgreSQL: the row is inserted first (reserved) and the insert is the
    de-duplication, one statement instead of a look-up and an insert; a concurrent
    archiver of the same bytes waits on the row's key instead of uploading them again,
    and a failed put takes the row back out. SQLite has one write lock for the whole
    database, which must not be held across an upload (or an S3 outage's timeouts): there
    the look-up comes first and the row after the put.
    """
    dialect = session.get_bind().dialect.name
    statement = _INSERT.get(dialect)
    if statement is None:  # pragma: no cover - only PostgreSQL and SQLite are supported
        raise ConfigurationError(f"unsupported database {dialect}", f"不支持的数据库 {dialect}")
    key = content_key(digest)
    values = {**row, "key": key, "sha256": digest, "size": size, "created_at": utcnow()}
    session.flush()
    connection = session.connection()
    if dialect == "postgresql":
        reserved = connection.execute(statement, values).scalar()
        if reserved is None:
            return _by_key(session, key)
        try:
            info = _put_new(store, key, body, digest, row, metadata)
        except Exception:
            connection.execute(_UNRESERVE, {"reserved": reserved})
            raise
        stored = _loaded(session, reserved, values)
        _take_retention(stored, info)  # differs only for bytes stored before (RetentionLocked)
        return stored
    if connection.execute(_ID_BY_KEY, {"key": key}).scalar() is not None:
        return _by_key(session, key)
    info = _put_new(store, key, body, digest, row, metadata)
    inserted = connection.execute(statement, {**values, **_retention(info)}).scalar()
    if inserted is None:  # another transaction archived the same bytes meanwhile
        return _by_key(session, key)
    return _loaded(session, inserted, {**values, **_retention(info)})


def _put_new(
    store: ObjectStore,
    key: str,
    body: Hashed | BinaryIO,
    digest: str,
    row: dict[str, Any],
    metadata: dict[str, str],
) -> ObjectInfo:
    try:
        return store.put(
            key,
            body,
            content_type=row["content_type"],
            metadata=metadata,
            sha256=digest,
            retain_until=row["retain_until"],
            retention_mode=row["retention_mode"],
        )
    except RetentionLocked:
        # stored before by a transaction that then rolled back: the bytes are the same
        existing = store.stat(key)
        if existing.sha256 != digest:
            raise
        return existing


def _retention(info: ObjectInfo) -> dict[str, Any]:
    """What the store says it holds: an object stored before keeps its own retention."""
    return {
        "retain_until": info.retain_until,
        "retention_mode": info.retention_mode,
        "legal_hold": info.legal_hold,
    }


def _take_retention(stored: StoredObject, info: ObjectInfo) -> None:
    for name, value in _retention(info).items():
        if getattr(stored, name) != value:
            setattr(stored, name, value)  # flushed as an UPDATE with the transaction


def _by_key(session: Session, key: str) -> StoredObject:
    return session.scalars(select(StoredObject).where(StoredObject.key == key)).one()


def _loaded(session: Session, new_id: int, values: dict[str, Any]) -> StoredObject:
    """The row just inserted, as a persistent object, without reading it back."""
    stored = StoredObject(id=new_id, **values)
    make_transient_to_detached(stored)  # every column given: nothing left to load
    session.add(stored)
    return stored
