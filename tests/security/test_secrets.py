"""Finding 7: production refuses to start with an empty, short or trivial session secret or
key passphrase, and says in Chinese and English what to set."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from cases.config import DEV_PASSPHRASE, Settings
from cases.errors import ConfigurationError

STRONG = secrets.token_urlsafe(32)
WEAK = [
    "",
    "secret",
    "change-me-please",
    "a" * 64,
    "abcabcabcabcabcabcabcabcabcabcabcabcabc",
    "0123456789abcdef0123456789abcdef",
    "passwordpasswordpasswordpassword",
    "abcdefghijklmnopqrstuvwxyz0123456789",
    "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbcccccccc",
    DEV_PASSPHRASE,
]


@pytest.mark.parametrize("weak", WEAK)
@pytest.mark.parametrize("variable", ["ONEWINDOW_SESSION_SECRET", "ONEWINDOW_KEY_PASSPHRASE"])
def test_production_refuses_a_weak_secret(
    weak: str, variable: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ONEWINDOW_ENV", "production")
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ONEWINDOW_SESSION_SECRET", STRONG)
    monkeypatch.setenv("ONEWINDOW_KEY_PASSPHRASE", secrets.token_urlsafe(24))
    monkeypatch.setenv(variable, weak)
    with pytest.raises(ConfigurationError) as refused:
        Settings()
    assert variable in refused.value.en and variable in refused.value.zh
    assert "token_urlsafe" in refused.value.en and "token_urlsafe" in refused.value.zh


def test_production_starts_with_strong_secrets_and_development_with_none(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path))
    assert Settings().session_secret == DEV_PASSPHRASE  # development: the embedded defaults
    monkeypatch.setenv("ONEWINDOW_ENV", "production")
    monkeypatch.setenv("ONEWINDOW_SESSION_SECRET", STRONG)
    # a passphrase of six diceware words is long and varied enough
    monkeypatch.setenv("ONEWINDOW_KEY_PASSPHRASE", "orbit-lemon-fjord-cactus-velvet-pylon")
    settings = Settings()
    assert settings.is_production and settings.session_secret == STRONG
    monkeypatch.setenv("ONEWINDOW_SESSION_SECRET", secrets.token_hex(16))  # openssl rand -hex 16
    assert Settings().is_production
