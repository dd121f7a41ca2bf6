"""HMAC-signed links for stores without a server of their own (local folder, memory).

S3 presigns with its own credentials; the embedded store cannot, so the API serves the
bytes behind a URL that carries the key, an expiry and an HMAC over both. A link cannot
be stretched (the expiry is signed) nor pointed at another object (so is the key).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from datetime import timedelta
from urllib.parse import urlencode

from archive.errors import InvalidKey, StoreAccessDenied

MAX_EXPIRY = timedelta(days=7)  # the S3 limit, kept for the same contract


class UrlSigner:
    def __init__(self, secret: bytes, base_url: str) -> None:
        if len(secret) < 16:
            raise InvalidKey("URL signing secret too short", "链接签名密钥过短")
        self._secret = secret
        self.base_url = base_url.rstrip("/")

    def _mac(self, key: str, expires_at: int) -> str:
        message = f"{expires_at}\n{key}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def sign(self, key: str, expires: timedelta, *, now: float | None = None) -> str:
        check_expiry(expires)
        expires_at = int((now if now is not None else time.time()) + expires.total_seconds())
        query = urlencode({"key": key, "expires": expires_at, "sig": self._mac(key, expires_at)})
        return f"{self.base_url}?{query}"

    def verify(
        self, key: str, expires_at: int, signature: str, *, now: float | None = None
    ) -> None:
        """Raise StoreAccessDenied for a forged, altered or expired link."""
        expected = self._mac(key, expires_at)
        if not hmac.compare_digest(expected, signature):
            raise StoreAccessDenied(
                "the link's signature is invalid", "下载链接签名无效，可能已被篡改"
            )
        if (now if now is not None else time.time()) > expires_at:
            raise StoreAccessDenied(
                "the link has expired; ask for a new one", "下载链接已过期，请重新申请"
            )


def check_expiry(expires: timedelta) -> None:
    if not timedelta(seconds=1) <= expires <= MAX_EXPIRY:
        raise InvalidKey(
            "link expiry must be between 1 second and 7 days",
            "链接有效期须在 1 秒至 7 天之间",
        )
