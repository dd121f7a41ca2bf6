"""One settings object, read once at the entry points and passed down.

Every value can be set with an `ONEWINDOW_` environment variable. The embedded defaults run
on one machine with no set-up: SQLite and a local folder store under `./var`, and a dev
PKI that is generated on first run and refused in production.
"""

from __future__ import annotations

import collections
import ipaddress
import itertools
import math
from enum import StrEnum
from pathlib import Path

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from cases.errors import ConfigurationError

DEV_PASSPHRASE = "onewindow-development-only"
MIN_SECRET_LENGTH = 32
_MIN_SECRET_BITS = 100  # estimated from the characters' frequencies; 32 hex digits give 120
GENERATE_SECRET = "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"


def secret_weakness(value: str) -> tuple[str, str] | None:
    """Why `value` cannot sign sessions or protect keys, in English and Chinese; None if
    it looks random enough. A guard against empty, default and typed-in secrets, not a
    proof of randomness."""
    if value == DEV_PASSPHRASE:
        return "is the development default", "为开发环境默认值"
    if len(value) < MIN_SECRET_LENGTH:
        return f"has only {len(value)} characters", f"仅有 {len(value)} 个字符"
    if any(value == (value[:p] * (len(value) // p + 1))[: len(value)] for p in range(1, 9)):
        return "repeats a short pattern", "由短字符串重复构成"
    steps = sum(abs(ord(b) - ord(a)) <= 1 for a, b in itertools.pairwise(value))
    if steps * 2 > len(value):
        return "is a run of consecutive characters", "为连续字符序列"
    counts = collections.Counter(value).values()
    bits = -sum(n * math.log2(n / len(value)) for n in counts)
    if bits < _MIN_SECRET_BITS:
        return "is too predictable (too few different characters)", "可预测性过高(字符种类过少)"
    return None


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
    # PAdES level of licenses (B-B, B-T, B-LT, B-LTA; B-T and above need a TSA); notices
    # are always B-B. Extra trust anchors (PEM files) beside the PKI's own root.
    license_pades_level: str = "B-B"
    tsa_url: str | None = None
    extra_trust_anchors: list[Path] = Field(default_factory=list)
    verify_online: bool = False  # fetch OCSP/CRL while verifying (else embedded data only)

    # Abuse limits, counted in the database (cases/throttle.py), so every worker process
    # and machine shares them. A client's address is the socket's; X-Forwarded-For is
    # believed only from a peer in `trusted_proxies` (JSON list of IPs or CIDR networks).
    trusted_proxies: list[str] = Field(default_factory=list)
    public_verify_per_minute: int = Field(default=30, ge=1)  # verification routes, per client
    public_per_minute: int = Field(default=120, ge=1)  # other anonymous API reads, per client
    rating_per_hour: int = Field(default=20, ge=1)  # 好差评 attempts per client
    rating_per_case_per_hour: int = Field(default=5, ge=1)  # and per case number, any client
    login_max_failures: int = Field(default=5, ge=1)  # wrong passwords in a row: locked
    login_lockout_seconds: int = Field(default=900, ge=1)
    login_failures_per_client_per_hour: int = Field(default=30, ge=1)  # over all usernames
    # A locker terminal (role `locker`) waits after this many wrong codes, 60 s the first
    # time, doubling up to an hour; a pickup code is void after `locker_code_tries` wrong
    # codes at the terminals (then the window sends a new one).
    locker_terminal_tries: int = Field(default=5, ge=1)
    locker_terminal_wait_seconds: int = Field(default=60, ge=1)
    locker_code_tries: int = Field(default=20, ge=1)
    # Applicants online (cases/online/identity.py): a one-time SMS code lives this long;
    # codes sent per phone and per client an hour; wrong codes in a row that lock the
    # phone's sign-in (doubling up to a day), and wrong codes from one client an hour.
    applicant_code_seconds: int = Field(default=300, ge=30, le=3600)
    applicant_codes_per_phone_per_hour: int = Field(default=5, ge=1)
    applicant_codes_per_client_per_hour: int = Field(default=20, ge=1)
    applicant_code_max_failures: int = Field(default=5, ge=1)
    applicant_code_lockout_seconds: int = Field(default=900, ge=1)
    applicant_code_failures_per_client_per_hour: int = Field(default=30, ge=1)

    catalog_dir: Path | None = Field(default=None, description="default: the shipped sample")
    font_path: Path | None = None
    public_base_url: str = "http://127.0.0.1:8000"

    # Hall policies: how this hall runs, not what an item requires (that is the catalog's,
    # e.g. each item's 容缺 reminder lead `reminder_days`, published with its checklist).
    locker_days: int = Field(default=3, ge=1, le=30)  # a locker pickup code is valid this long
    deadline_warning_days: int = Field(default=2, ge=0, le=30)  # working days before due

    ocr_det_limit_side_len: int = 736
    ocr_engine: str = "rapidocr"  # or "paddle" (needs the two model directories below)
    ocr_workers: int = Field(default=2, ge=1, le=16, description="pages read in parallel")
    ocr_paddle_det_dir: Path | None = None
    ocr_paddle_rec_dir: Path | None = None
    # the interpreter that has paddleocr (PaddleX pins numpy/OpenCV versions of its own, so
    # it is not installed beside the application; `make` builds .venv-paddle)
    ocr_paddle_python: Path | None = None
    max_upload_bytes: int = 30 * 1024 * 1024
    # Pages in one upload request; with max_upload_bytes, the largest body an upload takes.
    max_upload_files: int = Field(default=20, ge=1, le=500)

    # Page reading on the task queue (`onewindow worker`): attempts before a page whose
    # reading keeps failing (store or database down) is marked failed, the first retry's
    # wait (doubled on each attempt), and the lease a reader holds on a page: renewed every
    # third of it, so a reader that died frees its page when the lease runs out.
    read_attempts: int = Field(default=5, ge=1, le=50)
    read_retry_seconds: float = Field(default=2.0, gt=0)
    worker_lease_seconds: float = Field(default=30.0, ge=1.0)
    # How often an idle worker looks for jobs whose time has come (a retry after its wait);
    # new jobs wake it at once (PostgreSQL LISTEN/NOTIFY). procrastinate's default.
    worker_poll_seconds: float = Field(default=5.0, gt=0, le=60)

    # The window's scanner (sane:DEVICE, escl:URL or folder:PATH); unset = upload only.
    scanner_device: str | None = None
    scanner_resolution: int = 200
    sane_config_dir: Path | None = None

    # SMS provider: POST {"phone", "text"} JSON; unset = an outbox file in the data folder.
    sms_url: str | None = None

    # 一体化在线政务服务平台 receiver (docs/platform-exchange.md): records are POSTed here as
    # JSON; unset = they stay queued, visible in `onewindow platform status`.
    platform_url: str | None = None
    platform_token: str | None = None  # sent as a bearer token when set
    platform_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    platform_lease_seconds: float = Field(default=60.0, ge=1.0)  # a sender's claim on a record
    platform_retry_seconds: float = Field(default=5.0, gt=0)  # first backoff; doubles, to 10 min

    # Signs the browser session cookie; must be set in production.
    session_secret: str = DEV_PASSPHRASE
    # /docs, /redoc and /openapi.json; unset: served in development only.
    api_docs: bool | None = None

    # Crash tests only: comma-separated fault points (cases/faults.py) where the process
    # kills itself; refused in production.
    fault_points: str = ""

    @model_validator(mode="after")
    def _refuse_fault_points_in_production(self) -> Settings:
        if self.env is Environment.PRODUCTION and self.fault_points:
            raise ConfigurationError(
                "ONEWINDOW_FAULT_POINTS is for crash tests and is refused in production",
                "ONEWINDOW_FAULT_POINTS 仅用于崩溃测试,生产环境不得设置",
            )
        return self

    @model_validator(mode="after")
    def _refuse_weak_secrets_in_production(self) -> Settings:
        if self.env is not Environment.PRODUCTION:
            return self
        weak = [
            (variable, problem)
            for variable, value in (
                ("ONEWINDOW_SESSION_SECRET", self.session_secret),
                ("ONEWINDOW_KEY_PASSPHRASE", self.key_passphrase),
            )
            if (problem := secret_weakness(value)) is not None
        ]
        if weak:
            raise ConfigurationError(
                "; ".join(f"{variable} {en}" for variable, (en, _) in weak)
                + f". Production needs random secrets of at least {MIN_SECRET_LENGTH} characters,"
                f" e.g. from {GENERATE_SECRET}",
                "；".join(f"{variable}{zh}" for variable, (_, zh) in weak)
                + f"。生产环境须使用至少 {MIN_SECRET_LENGTH} 个字符的随机密钥,"
                f"可用 {GENERATE_SECRET} 生成",
            )
        return self

    @model_validator(mode="after")
    def _check_pades_level(self) -> Settings:
        if self.license_pades_level not in ("B-B", "B-T", "B-LT", "B-LTA"):
            raise ConfigurationError(
                "ONEWINDOW_LICENSE_PADES_LEVEL must be B-B, B-T, B-LT or B-LTA",
                "ONEWINDOW_LICENSE_PADES_LEVEL 须为 B-B、B-T、B-LT 或 B-LTA",
            )
        if self.license_pades_level != "B-B" and not self.tsa_url:
            raise ConfigurationError(
                f"PAdES {self.license_pades_level} licenses need ONEWINDOW_TSA_URL",
                f"PAdES {self.license_pades_level} 级别证照须配置时间戳服务 ONEWINDOW_TSA_URL",
            )
        return self

    @model_validator(mode="after")
    def _check_platform_lease(self) -> Settings:
        # a claim must outlive the POST it covers, or a slow answer lets a second sender in
        if self.platform_lease_seconds <= 2 * self.platform_timeout_seconds:
            raise ConfigurationError(
                "ONEWINDOW_PLATFORM_LEASE_SECONDS must be more than twice "
                "ONEWINDOW_PLATFORM_TIMEOUT_SECONDS",
                "ONEWINDOW_PLATFORM_LEASE_SECONDS 须大于 ONEWINDOW_PLATFORM_TIMEOUT_SECONDS 的两倍",
            )
        return self

    @field_validator("trusted_proxies")
    @classmethod
    def _check_trusted_proxies(cls, value: list[str]) -> list[str]:
        for entry in value:
            try:
                ipaddress.ip_network(entry.strip(), strict=False)
            except ValueError:
                raise ConfigurationError(
                    f"ONEWINDOW_TRUSTED_PROXIES: {entry!r} is not an IP address or network",
                    f"ONEWINDOW_TRUSTED_PROXIES 中 {entry!r} 不是 IP 地址或网段",
                ) from None
        return [entry.strip() for entry in value]

    @property
    def trusted_proxy_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        return tuple(ipaddress.ip_network(entry, strict=False) for entry in self.trusted_proxies)

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

    @property
    def api_docs_public(self) -> bool:
        return self.api_docs if self.api_docs is not None else not self.is_production
