"""Archive (归集入库): every object stored, hashed, retained, and shared by grant.

Public surface: the :class:`ObjectStore` protocol with three implementations, content
addressing, and one error root. ``S3Store`` is imported lazily so that the embedded
default does not need the ``minio`` package loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archive.errors import (
    ArchiveError,
    IntegrityError,
    InvalidKey,
    ObjectNotFound,
    RetentionLocked,
    StoreAccessDenied,
    StoreUnavailable,
)
from archive.local import LocalFolderStore
from archive.memory import InMemoryStore
from archive.presign import UrlSigner
from archive.staging import DrainReport, StagingStore
from archive.store import (
    Hashed,
    ObjectInfo,
    ObjectStore,
    RetentionMode,
    content_key,
    put_content_addressed,
    spooled,
)

if TYPE_CHECKING:
    from archive.s3 import S3Store

__all__ = [
    "ArchiveError",
    "DrainReport",
    "Hashed",
    "InMemoryStore",
    "IntegrityError",
    "InvalidKey",
    "LocalFolderStore",
    "ObjectInfo",
    "ObjectNotFound",
    "ObjectStore",
    "RetentionLocked",
    "RetentionMode",
    "S3Store",
    "StagingStore",
    "StoreAccessDenied",
    "StoreUnavailable",
    "UrlSigner",
    "content_key",
    "put_content_addressed",
    "spooled",
]


def __getattr__(name: str) -> Any:
    if name == "S3Store":
        from archive.s3 import S3Store

        return S3Store
    raise AttributeError(name)
