"""The seal registry (电子印章): one seal per department and per window.

On the embedded default a development PKI is generated on first run under the PKI folder,
with a DEVELOPMENT-ONLY marker; production refuses to start on it.

Key files are encrypted with scrypt (signing.keyfile); a file protected less (an earlier
version's PBKDF2 with 2,048 iterations, or a key installed from elsewhere) is encrypted
again when the hall opens. Keys under the development passphrase, which is public, get a
cheap scrypt: no cost protects a key whose passphrase is in the source code.
"""

from __future__ import annotations

import hashlib
import logging
import os
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.catalog.org import OrgSpec
from cases.config import DEV_PASSPHRASE, Settings
from cases.errors import ConfigurationError, InvalidInput, NotFound
from cases.printing.documents import RenderedDocument
from cases.printing.fonts import FontKind, find_font
from cases.seals.delegations import (
    SealUseRefused,
    authorise_seal_use,
    ensure_development_delegations,
)
from models import Department, Seal, SealStatus, Window
from signing import (
    STRONG,
    CertifiedKey,
    ScryptCost,
    SealSigner,
    create_ca_hierarchy,
    issue_seal_certificate,
    needs_rekey,
    rekey,
    seal_appearance_pdf,
    sign_pdf,
)
from signing.sm2 import rekey_sm2

log = logging.getLogger(__name__)

DEV_MARKER = "DEVELOPMENT-ONLY.txt"
SERVICE_SEAL = "service-verify"  # signs verification reports; used by the service only
SERVICE_ACTOR = "verification-service"
DEVELOPMENT_KEY_COST = ScryptCost(12)  # for the public development passphrase only


class Pki:
    """The CA files under the PKI folder."""

    def __init__(
        self, directory: Path, passphrase: bytes, extra_anchors: tuple[bytes, ...] = ()
    ) -> None:
        self.directory = directory
        self.passphrase = passphrase
        self.extra_anchors = extra_anchors
        self.key_cost = DEVELOPMENT_KEY_COST if passphrase == DEV_PASSPHRASE.encode() else STRONG

    def trust_anchors(self) -> tuple[bytes, ...]:
        """The only roots a verification trusts: ours plus the configured extra ones."""
        return (self.root_pem(), *self.extra_anchors)

    @property
    def is_development(self) -> bool:
        return (self.directory / DEV_MARKER).exists()

    def exists(self) -> bool:
        return (self.directory / "issuing-ca.key.pem").exists()

    def root_pem(self) -> bytes:
        return (self.directory / "root-ca.pem").read_bytes()

    def issuing(self) -> CertifiedKey:
        return CertifiedKey(
            key_pem=(self.directory / "issuing-ca.key.pem").read_bytes(),
            cert_pem=(self.directory / "issuing-ca.pem").read_bytes(),
            chain_pem=(self.root_pem(),),
        )

    def create_development(self, organisation: str) -> None:
        root, issuing = create_ca_hierarchy(
            organisation=organisation,
            passphrase=self.passphrase,
            development=True,
            cost=self.key_cost,
        )
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / "root-ca.pem").write_bytes(root.cert_pem)
        (self.directory / "issuing-ca.pem").write_bytes(issuing.cert_pem)
        _write_private(self.directory / "root-ca.key.pem", root.key_pem)
        _write_private(self.directory / "issuing-ca.key.pem", issuing.key_pem)
        (self.directory / DEV_MARKER).write_text(
            "This PKI was generated for development and demonstration. It is not for "
            "production.\n本目录中的证书为自动生成的开发测试证书,不得用于生产环境。\n",
            encoding="utf-8",
        )


def _write_private(path: Path, data: bytes) -> None:
    """Write a key file readable by its owner only, whole or not at all."""
    partial = path.with_name(f".{path.name}.new")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, path)


def upgrade_key_files(pki: Pki) -> list[Path]:
    """Encrypt again, at the PKI's cost, every key file protected less; the files done."""
    done = []
    for path in sorted(pki.directory.rglob("*.key.pem")):
        pem = path.read_bytes()
        if needs_rekey(pem, pki.key_cost):
            sm2 = "sm2" in path.relative_to(pki.directory).parts  # keys cryptography cannot open
            again = (rekey_sm2 if sm2 else rekey)(pem, pki.passphrase, pki.key_cost)
            _write_private(path, again)
            log.info("key file %s encrypted again with scrypt", path.name)
            done.append(path)
    return done


def open_pki(settings: Settings, organisation: str) -> Pki:
    try:
        extra = tuple(path.read_bytes() for path in settings.extra_trust_anchors)
    except OSError as e:
        raise ConfigurationError(
            f"a trust anchor file cannot be read: {e}", f"无法读取配置的信任根证书文件:{e}"
        ) from e
    pki = Pki(settings.effective_pki_dir, settings.key_passphrase.encode(), extra)
    if not pki.exists():
        if settings.is_production:
            raise ConfigurationError(
                f"no PKI in {pki.directory}; install the CA and seal keys (ONEWINDOW_PKI_DIR)",
                f"{pki.directory} 中没有证书与印章密钥,生产环境须配置 ONEWINDOW_PKI_DIR",
            )
        pki.create_development(organisation)
    if settings.is_production and pki.is_development:
        raise ConfigurationError(
            f"{pki.directory} holds the generated development PKI, refused in production",
            f"{pki.directory} 为自动生成的开发测试证书,生产环境拒绝使用",
        )
    upgrade_key_files(pki)
    return pki


def ensure_seals(session: Session, pki: Pki, org: OrgSpec) -> None:
    """Give every department and window an active seal, issuing certificates as needed."""
    hall = org.hall
    for dept in session.scalars(select(Department)):
        _ensure_seal(
            session,
            pki,
            code=f"dept-{dept.code}",
            name=dept.name,
            common_name=f"{dept.short_name} 电子印章",
            organisation=dept.name,
            credit_code=dept.credit_code,
            department_id=dept.id,
        )
    for window in session.scalars(select(Window)):
        owner = window.hall  # the window's own hall seals its notices
        _ensure_seal(
            session,
            pki,
            code=f"window-{window.code}",
            name=owner.name if owner else hall.name,
            common_name=f"{window.code} 综合受理专用章",
            organisation=owner.name if owner else hall.name,
            credit_code=owner.credit_code if owner else hall.credit_code,
            window_id=window.id,
        )
    _ensure_seal(
        session,
        pki,
        code=SERVICE_SEAL,
        name=hall.name,
        common_name="电子证照核验服务",
        organisation=hall.name,
        credit_code=hall.credit_code,
    )
    if pki.is_development:
        accepts = {w.code: w.accepts for w in org.windows}
        ensure_development_delegations(session, date.today(), accepts)


def _ensure_seal(
    session: Session,
    pki: Pki,
    *,
    code: str,
    name: str,
    common_name: str,
    organisation: str,
    credit_code: str,
    department_id: int | None = None,
    window_id: int | None = None,
) -> None:
    if session.scalars(select(Seal).where(Seal.code == code)).first() is not None:
        return
    certified = issue_seal_certificate(
        pki.issuing(),
        pki.passphrase,
        common_name=common_name,
        organisation=organisation,
        credit_code=credit_code,
        cost=pki.key_cost,
    )
    key_file = pki.directory / "seals" / f"{code}.key.pem"
    key_file.parent.mkdir(parents=True, exist_ok=True)
    _write_private(key_file, certified.key_pem)
    cert = x509.load_pem_x509_certificate(certified.cert_pem)
    session.add(
        Seal(
            code=code,
            name=name,
            department_id=department_id,
            window_id=window_id,
            cert_pem=certified.cert_pem.decode(),
            cert_sha256=hashlib.sha256(certified.cert_pem).hexdigest(),
            key_file=str(key_file.relative_to(pki.directory)),
            not_after=cert.not_valid_after_utc,
        )
    )
    session.flush()


def seal_for(
    session: Session, *, department_id: int | None = None, window_id: int | None = None
) -> Seal:
    query = select(Seal).where(Seal.status == SealStatus.ACTIVE)
    query = (
        query.where(Seal.department_id == department_id)
        if department_id
        else query.where(Seal.window_id == window_id)
    )
    seal = session.scalars(query).first()
    if seal is None or seal.not_after < datetime.now(UTC):
        raise NotFound(
            "no active seal for this department or window",
            "该部门或窗口没有可用的电子印章,请联系管理员",
        )
    return seal


def seal_by_code(session: Session, code: str) -> Seal:
    seal = session.scalars(select(Seal).where(Seal.code == code)).first()
    if seal is None:
        raise NotFound(f"no seal {code}", f"没有编号为 {code} 的电子印章")
    return seal


def seal_status(seal: Seal, now: datetime | None = None) -> SealStatus:
    """The registry status, with expiry derived from the certificate's end date."""
    if seal.status == SealStatus.REVOKED:
        return SealStatus.REVOKED
    if seal.not_after < (now or datetime.now(UTC)):
        return SealStatus.EXPIRED
    return SealStatus(seal.status)


def revoke_seal(session: Session, seal: Seal, *, actor: str, reason: str) -> None:
    """Take a seal out of use (lost key, department renamed). Documents sealed with it
    verify as failed from now on; they must be re-issued with a new seal."""
    if not reason.strip():
        raise InvalidInput("revoking a seal needs a reason", "吊销电子印章必须写明理由")
    seal.status = SealStatus.REVOKED
    session.flush()
    audit.record(
        session, actor=actor, action="seal.revoke", target=f"seal:{seal.id}", reason=reason
    )


def signer_for(pki: Pki, seal: Seal) -> SealSigner:
    certified = CertifiedKey(
        key_pem=(pki.directory / seal.key_file).read_bytes(),
        cert_pem=seal.cert_pem.encode(),
        chain_pem=(pki.issuing().cert_pem, pki.root_pem()),
    )
    return SealSigner.from_pem(certified, pki.passphrase)


@lru_cache(maxsize=32)
def appearance(organisation: str, subtitle: str) -> bytes:
    return seal_appearance_pdf(
        organisation, font_path=str(find_font(FontKind.HEI)), subtitle=subtitle
    )


def _subtitle(seal: Seal) -> str:
    if seal.department_id:
        return ""
    return "核验专用章" if seal.code == SERVICE_SEAL else "综合受理专用章"


def apply_seal(
    session: Session,
    pki: Pki,
    seal: Seal,
    rendered: RenderedDocument,
    *,
    actor: str,
    purpose: str,
    certify: bool = False,
    level: str = "B-B",
    tsa_url: str | None = None,
    item_code: str | None = None,
) -> bytes:
    """Seal a rendered document with `seal` and record the seal's use (who, what, why).

    Refused, with the reason, unless the seal is active and `actor` holds a delegation for
    it today (window seals: the actor works at that window). `item_code`: the item whose
    result this is, which a window's delegation for immediate items may cover."""
    authorised_by = authorise_use(session, seal, actor=actor, item_code=item_code)
    signed = sign_pdf(
        rendered.pdf,
        signer_for(pki, seal),
        field_name=f"Seal-{seal.code}",
        page=rendered.seal_page,
        box=rendered.seal_box,
        appearance_pdf=appearance(seal.name, _subtitle(seal)),
        certify=certify,
        reason=purpose,
        location=seal.name,
        level=level,
        timestamper_url=tsa_url,
        trust_roots_pem=pki.trust_anchors(),
    )
    record_use(
        session,
        seal,
        actor=actor,
        purpose=purpose,
        authorised_by=authorised_by,
        level=level,
        sealed=signed,
    )
    return signed


def authorise_use(session: Session, seal: Seal, *, actor: str, item_code: str | None = None) -> str:
    """Who authorised `actor` to use `seal` today (PDF and OFD seals alike); refused, with
    the reason, unless the seal is active and a delegation covers the actor."""
    status = seal_status(seal)
    if status is not SealStatus.ACTIVE:
        raise SealUseRefused(
            f"seal {seal.code} is {status.value} and cannot be used",
            f"电子印章 {seal.code} 已{'吊销' if status is SealStatus.REVOKED else '过期'},不能使用",
        )
    if seal.code == SERVICE_SEAL:
        if actor != SERVICE_ACTOR:
            raise SealUseRefused(
                "the verification service seal is used by the service only",
                "核验服务专用章仅供核验服务使用",
            )
        return "service"
    return authorise_seal_use(
        session, seal=seal, username=actor, today=date.today(), item_code=item_code
    )


def record_use(
    session: Session,
    seal: Seal,
    *,
    actor: str,
    purpose: str,
    authorised_by: str,
    level: str,
    sealed: bytes,
) -> None:
    """The seal's use in the audit trail: who, why, under which delegation, what."""
    audit.record(
        session,
        actor=actor,
        action="seal.use",
        target=f"seal:{seal.id}",
        purpose=purpose,
        authorised_by=authorised_by,
        level=level,
        sha256=hashlib.sha256(sealed).hexdigest(),
    )
