"""The GB/T 38540 side of the seals: an SM2 root CA and a seal maker (制章人) under the
PKI folder's sm2/, and for each department seal an SM2 signer certificate and the SESeal
the seal maker made for it (picture, validity, the signer as the one allowed to use it).

The development hierarchy is generated on first run like the ECDSA one; production must
install sm2/root.cer, sm2/maker.cer and sm2/maker.key.pem. A seal's SM2 side is made on
its first OFD; two processes making it at once: one conditional update wins, the
other's files are left unused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cases.errors import ConfigurationError
from cases.seals.registry import Pki, _write_private, appearance
from models import Department, Seal, SealStatus
from signing.ses import make_seal
from signing.sm2 import Sm2Key, load_sm2_key
from signing.sm2pki import Sm2CertifiedKey, create_sm2_root, issue_sm2_certificate

log = logging.getLogger(__name__)

SEAL_SIZE_MM = 42


@dataclass(frozen=True)
class OfdSealMaterial:
    seal_der: bytes  # the SESeal
    signer_key: Sm2Key
    signer_cert_der: bytes


def _dir(pki: Pki) -> Path:
    return pki.directory / "sm2"


def sm2_trust_anchors(pki: Pki) -> tuple[bytes, ...]:
    """The SM2 roots an OFD verification trusts (DER)."""
    root = _dir(pki) / "root.cer"
    return (root.read_bytes(),) if root.exists() else ()


def _maker(pki: Pki) -> Sm2CertifiedKey:
    folder = _dir(pki)
    if not (folder / "maker.key.pem").exists():
        if not pki.is_development:
            raise ConfigurationError(
                f"no SM2 seal maker in {folder}; install root.cer, maker.cer and maker.key.pem",
                f"{folder} 中没有 SM2 制章人证书与密钥,生产环境须安装 root.cer、maker.cer、"
                "maker.key.pem",
            )
        _create_development(pki)
    return Sm2CertifiedKey(
        key_pem=(folder / "maker.key.pem").read_bytes(),
        cert_der=(folder / "maker.cer").read_bytes(),
    )


def _create_development(pki: Pki) -> None:
    folder = _dir(pki)
    folder.mkdir(parents=True, exist_ok=True)
    root = create_sm2_root(
        organisation="onewindow", passphrase=pki.passphrase, development=True, cost=pki.key_cost
    )
    maker = issue_sm2_certificate(
        root,
        pki.passphrase,
        common_name="DEVELOPMENT ONLY 制章人",
        organisation="onewindow 电子印章制作(开发测试)",
        validity_days=10 * 365,
        cost=pki.key_cost,
    )
    _write_private(folder / "root.key.pem", root.key_pem)
    (folder / "root.cer").write_bytes(root.cert_der)
    _write_private(folder / "maker.key.pem", maker.key_pem)
    (folder / "maker.cer").write_bytes(maker.cert_der)
    log.info("created the development SM2 seal PKI")


def _root(pki: Pki) -> Sm2CertifiedKey:
    folder = _dir(pki)
    return Sm2CertifiedKey(
        key_pem=(folder / "root.key.pem").read_bytes(), cert_der=(folder / "root.cer").read_bytes()
    )


def _picture(seal: Seal) -> bytes:
    """The seal's image as PNG: its vector appearance rasterised by poppler."""
    with tempfile.TemporaryDirectory(prefix="ow-seal-") as folder:
        source = Path(folder) / "seal.pdf"
        source.write_bytes(appearance(seal.name, ""))
        subprocess.run(
            ["pdftoppm", "-png", "-r", "200", "-singlefile", str(source), str(Path(folder) / "p")],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return _transparent((Path(folder) / "p.png").read_bytes())


def _transparent(png: bytes) -> bytes:
    """The white around and inside the ring made transparent: the seal lies over the
    issuer's name and date like ink, as on the PDF."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGBA")
    image.putalpha(image.convert("L").point(lambda v: 0 if v > 235 else 255))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _make(session: Session, pki: Pki, seal: Seal) -> None:
    department = session.get_one(Department, seal.department_id)
    maker = _maker(pki)
    signer = issue_sm2_certificate(
        _root(pki),
        pki.passphrase,
        common_name=f"{department.short_name} 签章人",
        organisation=department.name,
        credit_code=department.credit_code,
        cost=pki.key_cost,
    )
    digest = hashlib.sha256(signer.cert_der).hexdigest()
    key_file = _dir(pki) / "signers" / f"{seal.code}-{digest[:12]}.key.pem"
    key_file.parent.mkdir(parents=True, exist_ok=True)
    _write_private(key_file, signer.key_pem)
    now = dt.datetime.now(dt.UTC)
    maker_cert = asn1_x509.Certificate.load(maker.cert_der)
    signer_cert = asn1_x509.Certificate.load(signer.cert_der)
    seal_der = make_seal(
        load_sm2_key(maker.key_pem, pki.passphrase),
        maker.cert_der,
        es_id=f"{department.credit_code}{seal.id:06d}",
        name=seal.name,
        signer_certs_der=(signer.cert_der,),
        valid_start=now - dt.timedelta(minutes=5),
        valid_end=min(maker_cert.not_valid_after, signer_cert.not_valid_after, seal.not_after),
        picture_png=_picture(seal),
        width_mm=SEAL_SIZE_MM,
        height_mm=SEAL_SIZE_MM,
    )
    session.execute(
        update(Seal)
        .where(Seal.id == seal.id, Seal.sm2_cert_sha256.is_(None))
        .values(
            sm2_cert_pem=asn1_pem.armor("CERTIFICATE", signer.cert_der).decode(),
            sm2_cert_sha256=digest,
            sm2_key_file=str(key_file.relative_to(pki.directory)),
            sm2_seal=seal_der,
        )
        .execution_options(synchronize_session=False)
    )
    session.refresh(seal)
    log.info("made the SM2 e-seal of %s", seal.code)


def ofd_seal_material(session: Session, pki: Pki, seal: Seal) -> OfdSealMaterial:
    """The SESeal, the signer's key and certificate of a department seal (made once)."""
    if seal.department_id is None:
        raise ConfigurationError(
            f"seal {seal.code} is not a department seal", f"印章 {seal.code} 不是部门印章"
        )
    if seal.sm2_seal is None:
        _make(session, pki, seal)
    assert seal.sm2_seal is not None and seal.sm2_cert_pem and seal.sm2_key_file
    _, _, cert_der = asn1_pem.unarmor(seal.sm2_cert_pem.encode())
    key = load_sm2_key((pki.directory / seal.sm2_key_file).read_bytes(), pki.passphrase)
    return OfdSealMaterial(seal.sm2_seal, key, cert_der)


def sm2_seal_registry(session: Session) -> tuple[dict[str, Seal], set[str]]:
    """The seals by their SM2 certificate's SHA-256 (DER), and those revoked."""
    seals = {
        s.sm2_cert_sha256: s
        for s in session.scalars(select(Seal).where(Seal.sm2_cert_sha256.is_not(None)))
        if s.sm2_cert_sha256
    }
    revoked = {sha for sha, s in seals.items() if s.status == SealStatus.REVOKED}
    return seals, revoked
