"""One error root for the archive, with stable codes and a message in Chinese and English.

Callers (API, workers) map ``code`` to a response; ``str(e)`` is what a clerk can read.
"""

from __future__ import annotations


class ArchiveError(Exception):
    """Root of every error the archive raises; third-party errors never escape."""

    code = "archive.error"

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.en = en
        self.zh = zh

    def __reduce__(self) -> tuple[type[ArchiveError], tuple[str, str]]:
        return type(self), (self.en, self.zh)


class ObjectNotFound(ArchiveError):
    code = "archive.not_found"


class StoreUnavailable(ArchiveError):
    """Connection refused, timeouts, server errors: retry later, nothing was lost."""

    code = "archive.unavailable"


class IntegrityError(ArchiveError):
    """The SHA-256 of the bytes does not match the expected or recorded one."""

    code = "archive.integrity"


class RetentionLocked(ArchiveError):
    """A retention period (object lock) forbids deleting or replacing the object."""

    code = "archive.retention_locked"


class StoreAccessDenied(ArchiveError):
    """Bad credentials or a policy that refuses the operation."""

    code = "archive.access_denied"


class InvalidKey(ArchiveError):
    """The key or a metadata name is not acceptable (traversal, empty segment, ...)."""

    code = "archive.invalid_key"


ALL_ERRORS: tuple[type[ArchiveError], ...] = (
    ArchiveError,
    ObjectNotFound,
    StoreUnavailable,
    IntegrityError,
    RetentionLocked,
    StoreAccessDenied,
    InvalidKey,
)
