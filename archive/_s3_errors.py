"""Translation of minio / urllib3 / socket errors into ArchiveErrors (the S3 seam)."""

from __future__ import annotations

import urllib3
from minio.error import InvalidResponseError, MinioException, S3Error, ServerError

from archive.errors import (
    ArchiveError,
    ObjectNotFound,
    RetentionLocked,
    StoreAccessDenied,
    StoreUnavailable,
)

NOT_FOUND_CODES = frozenset({"NoSuchKey", "NoSuchObject", "NoSuchVersion"})
ACCESS_CODES = frozenset(
    {
        "AccessDenied",
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "AllAccessDisabled",
        "InvalidToken",
        "ExpiredToken",
        "AccountProblem",
    }
)
LOCKED_CODES = frozenset({"ObjectLocked"})
UNAVAILABLE_CODES = frozenset(
    {
        "InternalError",
        "ServiceUnavailable",
        "SlowDown",
        "RequestTimeout",
        "XMinioServerNotInitialized",
    }
)


def _describe(e: BaseException) -> str:
    """str(e) can itself fail for half-built third-party exceptions; never let it."""
    try:
        return f"{type(e).__name__}: {e}"
    except Exception:
        return type(e).__name__


def translate(e: BaseException, *, key: str = "", deleting: bool = False) -> ArchiveError:
    """Map any error from minio, urllib3 or the socket layer to an ArchiveError."""
    where = f" ({key})" if key else ""
    if isinstance(e, ArchiveError):
        return e
    if isinstance(e, S3Error):
        code = e.code or ""
        detail = f"{code}: {e.message}{where}"
        if code in NOT_FOUND_CODES:
            return ObjectNotFound(f"object not found{where}", f"对象不存在{where}")
        if code in LOCKED_CODES or (deleting and code == "AccessDenied"):
            return RetentionLocked(
                f"object store refused the delete, object is retained: {detail}",
                f"对象处于保留期内（对象锁定），存储拒绝删除{where}",
            )
        if code in ACCESS_CODES:
            return StoreAccessDenied(
                f"object store refused access, check credentials and policy: {detail}",
                f"对象存储拒绝访问，请检查访问密钥和权限策略{where}",
            )
        if code in UNAVAILABLE_CODES:
            return StoreUnavailable(
                f"object store is temporarily unavailable: {detail}",
                f"对象存储暂时不可用，请稍后重试{where}",
            )
        return ArchiveError(f"object store error {detail}", f"对象存储返回错误 {code}{where}")
    if isinstance(e, ServerError) or (
        isinstance(e, InvalidResponseError) and getattr(e, "_code", 0) >= 500
    ):
        return StoreUnavailable(
            f"object store server error: {_describe(e)}{where}",
            f"对象存储服务器错误，请稍后重试{where}",
        )
    if isinstance(e, MinioException):
        return ArchiveError(
            f"object store error: {_describe(e)}{where}", f"对象存储返回无法识别的响应{where}"
        )
    if isinstance(e, urllib3.exceptions.HTTPError | OSError | TimeoutError):
        return StoreUnavailable(
            f"object store unreachable: {_describe(e)}{where}",
            f"无法连接对象存储（网络不通或超时），请稍后重试{where}",
        )
    return ArchiveError(
        f"unexpected object store error: {_describe(e)}{where}", f"对象存储发生意外错误{where}"
    )


TRANSLATED: tuple[type[BaseException], ...] = (
    S3Error,
    ServerError,
    InvalidResponseError,
    MinioException,
    urllib3.exceptions.HTTPError,
    OSError,
    TimeoutError,
)
