"""Archiving (归集入库): every object goes to the store content-addressed and gets a
database row that names its case and the department that provided it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive import LocalFolderStore, ObjectStore, S3Store, put_content_addressed
from cases.config import Settings
from cases.errors import ConfigurationError
from models import StoredObject


def open_store(settings: Settings) -> ObjectStore:
    if settings.s3_endpoint:
        if not (settings.s3_access_key and settings.s3_secret_key):
            raise ConfigurationError(
                "ONEWINDOW_S3_ACCESS_KEY and ONEWINDOW_S3_SECRET_KEY are required with "
                "ONEWINDOW_S3_ENDPOINT",
                "配置了 ONEWINDOW_S3_ENDPOINT 时必须同时设置访问密钥与私有密钥",
            )
        return S3Store(
            endpoint=settings.s3_endpoint,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
            bucket=settings.s3_bucket,
            secure=settings.s3_secure,
            region=settings.s3_region,
        )
    return LocalFolderStore(settings.store_dir)


def archive_bytes(
    session: Session,
    store: ObjectStore,
    data: bytes,
    *,
    content_type: str,
    doc_class: str,
    case_id: int | None = None,
    provider_department_id: int | None = None,
    provider_code: str = "hall",
) -> StoredObject:
    metadata = {
        "doc-class": doc_class,
        "provider": provider_code,
        "case": str(case_id or ""),
    }
    info = put_content_addressed(store, data, content_type=content_type, metadata=metadata)
    existing = session.scalars(select(StoredObject).where(StoredObject.key == info.key)).first()
    if existing is not None:
        return existing
    row = StoredObject(
        key=info.key,
        sha256=info.sha256,
        size=info.size,
        content_type=content_type,
        doc_class=doc_class,
        case_id=case_id,
        provider_department_id=provider_department_id,
    )
    session.add(row)
    session.flush()
    return row
