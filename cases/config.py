"""One settings object, read once at the entry points and passed down.

Every value can be set with an `ONEWINDOW_` environment variable. The embedded defaults run
on one machine with no set-up: SQLite and a local folder store under `./var`, and a dev
PKI that is generated on first run and refused in production.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from cases.errors import ConfigurationError

DEV_PASSPHRASE = "onewindow-development-only"


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ONEWINDOW_", extra="ignore")

    env: Environment = Environment.DEVELOPMENT
    data_dir: Path = Path("var")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite under data_dir"
    )

    # Object store: S3 when an endpoint is configured, else the local folder store.
    s3_endpoint: str | None = None
    s3_access_key: str | None = None
    s3_secret_key: str | None = None
    s3_bucket: str = "onewindow"
    s3_secure: bool = True
    s3_region: str | None = None

    # PKI: where the CA and seal keys live, and the passphrase that encrypts them at rest.
    pki_dir: Path | None = None
    key_passphrase: str = DEV_PASSPHRASE

    catalog_dir: Path | None = Field(default=None, description="default: the shipped sample")
    font_path: Path | None = None
    public_base_url: str = "http://127.0.0.1:8000"

    ocr_det_limit_side_len: int = 1280
    ocr_engine: str = "rapidocr"
    max_upload_bytes: int = 30 * 1024 * 1024

    @model_validator(mode="after")
    def _refuse_development_secrets_in_production(self) -> Settings:
        if self.env is Environment.PRODUCTION and self.key_passphrase == DEV_PASSPHRASE:
            raise ConfigurationError(
                "ONEWINDOW_KEY_PASSPHRASE must be set in production; the development "
                "passphrase and the generated development PKI are refused",
                "生产环境必须设置 ONEWINDOW_KEY_PASSPHRASE;不得使用开发口令及自动生成的开发证书",
            )
        return self

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'onewindow.db').resolve()}"

    @property
    def effective_pki_dir(self) -> Path:
        return self.pki_dir or self.data_dir / "pki"

    @property
    def store_dir(self) -> Path:
        return self.data_dir / "objects"

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION
