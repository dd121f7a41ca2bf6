"""A small PKI for e-seals: a root CA, an issuing CA and end-entity seal certificates.

Keys are ECDSA P-256, stored as PKCS#8 PEM encrypted with a passphrase through scrypt
(signing/keyfile.py). The development
hierarchy is marked "DEVELOPMENT ONLY 仅供开发测试" in its names so that nobody mistakes a
document sealed with it for a production one.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from signing.errors import BadPassphrase, CertificateProblem
from signing.keyfile import STRONG, ScryptCost, encrypt_key

logger = logging.getLogger(__name__)

DEVELOPMENT_MARK = "DEVELOPMENT ONLY 仅供开发测试"
_CREDIT_CODE = re.compile(r"^[0-9A-Z]{15,20}$")
_CLOCK_SKEW = dt.timedelta(hours=1)
_MAX_NAME = 64


@dataclass(frozen=True)
class CertifiedKey:
    key_pem: bytes  # PKCS#8, encrypted with the passphrase
    cert_pem: bytes
    chain_pem: tuple[bytes, ...]  # issuer chain up to and including the root

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.cert_pem)


def _encrypt(key: ec.EllipticCurvePrivateKey, passphrase: bytes, cost: ScryptCost) -> bytes:
    if not passphrase:
        raise BadPassphrase(
            "the passphrase protecting a signing key must not be empty",
            "签章私钥的保护口令不能为空",
        )
    return encrypt_key(key, passphrase, cost)


def rekey(key_pem: bytes, passphrase: bytes, cost: ScryptCost = STRONG) -> bytes:
    """The same key, encrypted again with scrypt at `cost` (a file of an earlier version,
    or one installed from elsewhere); BadPassphrase if the passphrase does not open it."""
    return _encrypt(load_private_key(key_pem, passphrase), passphrase, cost)


def load_private_key(key_pem: bytes, passphrase: bytes) -> ec.EllipticCurvePrivateKey:
    """Decrypt a PKCS#8 key; a wrong passphrase raises BadPassphrase. Remembered per key
    file and passphrase: a strong KDF takes half a second, every seal would pay it."""
    return _decrypt(key_pem, passphrase)


@lru_cache(maxsize=64)
def _decrypt(key_pem: bytes, passphrase: bytes) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(key_pem, password=passphrase or None)
    except (ValueError, TypeError) as e:
        raise BadPassphrase(
            "the passphrase is wrong or the key file is damaged",
            "私钥口令错误或私钥文件已损坏,请核对口令",
        ) from e
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise CertificateProblem(
            "only ECDSA keys are supported for e-seals", "电子印章仅支持 ECDSA 密钥"
        )
    return key


def _fit(text: str, suffix: str) -> str:
    """X.520 limits O and CN to 64 bytes of UTF-8; shorten `text` so the suffix survives."""
    while text and _too_long(text + suffix):
        text = text[:-1]
    return f"{text}{suffix}"


def _too_long(value: str) -> bool:
    return len(value.encode("utf-8")) > _MAX_NAME


def _name(*attributes: tuple[x509.ObjectIdentifier, str]) -> x509.Name:
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in attributes])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _ca_certificate(
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: ec.EllipticCurvePrivateKey,
    *,
    path_length: int,
    days: int,
) -> x509.Certificate:
    now = _now()
    issuer_name = issuer.subject if issuer is not None else subject
    aki_source = issuer.public_key() if issuer is not None else key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _CLOCK_SKEW)
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(aki_source),  # type: ignore[arg-type]
            critical=False,
        )
    )
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def create_ca_hierarchy(
    *,
    organisation: str,
    passphrase: bytes,
    development: bool = True,
    cost: ScryptCost = STRONG,
) -> tuple[CertifiedKey, CertifiedKey]:
    """Create (root CA, issuing CA); both keys are encrypted with `passphrase`."""
    mark = f" {DEVELOPMENT_MARK}" if development else ""
    org = _fit(organisation, mark)
    unit = _fit(organisation, "")
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name(
        (NameOID.COUNTRY_NAME, "CN"),
        (NameOID.ORGANIZATION_NAME, org),
        (NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
        (NameOID.COMMON_NAME, _fit(DEVELOPMENT_MARK if development else unit, " 印章根CA")),
    )
    root = _ca_certificate(root_name, root_key, None, root_key, path_length=1, days=20 * 365)
    issuing_key = ec.generate_private_key(ec.SECP256R1())
    issuing_name = _name(
        (NameOID.COUNTRY_NAME, "CN"),
        (NameOID.ORGANIZATION_NAME, org),
        (NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
        (NameOID.COMMON_NAME, _fit(DEVELOPMENT_MARK if development else unit, " 印章签发CA")),
    )
    issuing = _ca_certificate(
        issuing_name, issuing_key, root, root_key, path_length=0, days=10 * 365
    )
    logger.info("created %s CA hierarchy for %s", "development" if development else "", org)
    root_ck = CertifiedKey(_encrypt(root_key, passphrase, cost), _pem(root), ())
    issuing_ck = CertifiedKey(_encrypt(issuing_key, passphrase, cost), _pem(issuing), (_pem(root),))
    return root_ck, issuing_ck


def issue_seal_certificate(
    issuing: CertifiedKey,
    passphrase: bytes,
    *,
    common_name: str,
    organisation: str,
    credit_code: str,
    validity_days: int = 3 * 365,
    cost: ScryptCost = STRONG,
) -> CertifiedKey:
    """Issue an end-entity certificate for a seal. `passphrase` unlocks the issuing CA key
    and protects the new seal key."""
    if not _CREDIT_CODE.match(credit_code):
        raise CertificateProblem(
            f"credit code {credit_code!r} must be 15-20 upper-case letters or digits",
            f"统一社会信用代码 {credit_code!r} 格式不正确(应为 15-20 位大写字母或数字)",
        )
    if not common_name.strip() or not organisation.strip():
        raise CertificateProblem(
            "a seal certificate needs a common name and an organisation",
            "印章证书必须包含名称与单位",
        )
    if _too_long(common_name) or _too_long(organisation):
        raise CertificateProblem(
            f"common name and organisation must be at most {_MAX_NAME} bytes of UTF-8 "
            "(21 Chinese characters); use a shorter name",
            f"印章证书的名称与单位不能超过 {_MAX_NAME} 字节(约 21 个汉字),请使用简称",
        )
    if validity_days <= 0:
        raise CertificateProblem("validity must be positive", "证书有效期必须大于零")
    issuer_key = load_private_key(issuing.key_pem, passphrase)
    issuer_cert = issuing.certificate
    if issuer_cert.public_key() != issuer_key.public_key():
        raise CertificateProblem(
            "the issuing key does not match the issuing certificate",
            "签发私钥与签发证书不匹配",
        )
    issuer_end = issuer_cert.not_valid_after_utc
    now = _now()
    not_after = min(now + dt.timedelta(days=validity_days), issuer_end)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(
        (NameOID.COUNTRY_NAME, "CN"),
        (NameOID.ORGANIZATION_NAME, organisation),
        (NameOID.SERIAL_NUMBER, credit_code),
        (NameOID.COMMON_NAME, common_name),
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _CLOCK_SKEW)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
        .sign(issuer_key, hashes.SHA256())
    )
    logger.info("issued seal certificate %s for %s", common_name, organisation)
    return CertifiedKey(
        _encrypt(key, passphrase, cost), _pem(cert), (issuing.cert_pem, *issuing.chain_pem)
    )
