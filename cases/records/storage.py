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
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from archive import (
    LocalFolderStore,
    ObjectInfo,
    ObjectStore,
    RetentionLocked,
    RetentionMode,
    S3Store,
    StagingStore,
    UrlSigner,
    content_key,
    put_content_addressed,
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


def _put_new(
    store: ObjectStore,
    key: str,
    data: bytes,
    digest: str,
    content_type: str,
    metadata: dict[str, str],
    retain_until: datetime,
    mode: RetentionMode,
) -> ObjectInfo:
    try:
        return store.put(
            key,
            data,
            content_type=content_type,
            metadata=metadata,
            sha256=digest,
            retain_until=retain_until,
            retention_mode=mode,
        )
    except RetentionLocked:
        # stored before by a transaction that then rolled back: the bytes are the same
        existing = store.stat(key)
        if existing.sha256 != digest:
            raise
        return existing


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
    in memory), and return its row. The same bytes archived twice share one object."""
    retain_until, mode = retention_for(doc_class, retain_years=retain_years)
    metadata = {
        "doc-class": doc_class,
        "provider": provider_code,
        "case": str(case_id or ""),
    }
    if isinstance(data, bytes | bytearray | memoryview):
        digest = hashlib.sha256(data).hexdigest()
        key = content_key(digest)
        # The database knows what is archived: no store round trip to de-duplicate.
        existing = session.scalars(select(StoredObject).where(StoredObject.key == key)).first()
        if existing is not None:
            return existing
        info = _put_new(store, key, bytes(data), digest, content_type, metadata, retain_until, mode)
    else:
        info = put_content_addressed(
            store,
            data,
            content_type=content_type,
            metadata=metadata,
            retain_until=retain_until,
            retention_mode=mode,
        )
        existing = session.scalars(select(StoredObject).where(StoredObject.key == info.key)).first()
        if existing is not None:
            return existing
    return _insert_or_get(
        session,
        key=info.key,
        sha256=info.sha256,
        size=info.size,
        content_type=content_type,
        doc_class=doc_class,
        case_id=case_id,
        provider_department_id=provider_department_id,
        provided_by=provided_by,
        retain_until=info.retain_until,
        retention_mode=info.retention_mode,
        legal_hold=info.legal_hold,
    )


def _insert_or_get(session: Session, **values: Any) -> StoredObject:
    """Insert the row unless another transaction just archived the same bytes (two pages
    with identical OCR text read in parallel, say): then the existing row is the answer."""
    dialect = session.get_bind().dialect.name
    values.setdefault("created_at", utcnow())
    session.flush()
    if dialect == "postgresql":
        statement: Any = pg_insert(StoredObject).on_conflict_do_nothing(index_elements=["key"])
    elif dialect == "sqlite":
        statement = sqlite_insert(StoredObject).on_conflict_do_nothing(index_elements=["key"])
    else:  # pragma: no cover - only PostgreSQL and SQLite are supported
        raise ConfigurationError(f"unsupported database {dialect}", f"不支持的数据库 {dialect}")
    session.execute(statement.values(**values))
    return session.scalars(select(StoredObject).where(StoredObject.key == values["key"])).one()
