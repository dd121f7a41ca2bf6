"""The domain's error root. Every error a user can cause carries a stable code and a
message in Chinese and English; the API and the CLI map codes to status codes in one place.
"""

from __future__ import annotations


class OneWindowError(Exception):
    code = "onewindow.error"

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.en = en
        self.zh = zh


class ConfigurationError(OneWindowError):
    code = "config.invalid"


class CatalogError(OneWindowError):
    code = "catalog.invalid"


class NotFound(OneWindowError):
    code = "not_found"


class UnknownServiceItem(NotFound):
    code = "catalog.unknown_item"


class InvalidInput(OneWindowError):
    code = "input.invalid"


class InvalidState(OneWindowError):
    code = "case.invalid_state"


class Forbidden(OneWindowError):
    code = "auth.forbidden"


class Unauthenticated(OneWindowError):
    code = "auth.unauthenticated"


class TooManyRequests(OneWindowError):
    """A rate limit or a lockout refused the request; it may be made again after
    `retry_after` seconds (HTTP 429 with Retry-After)."""

    code = "rate_limited"

    def __init__(self, en: str, zh: str, *, retry_after: int) -> None:
        super().__init__(en, zh)
        self.retry_after = max(1, int(retry_after))
