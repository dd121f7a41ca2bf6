"""The SM2 seal PKI of GB/T 38540: a root CA, the seal maker (制章人, who signs SESeal
objects) and one signer per department (签章人, who signs documents with the seal).

Certificates are X.509 v3 signed with SM3withSM2 (1.2.156.10197.1.501); OpenSSL 3 checks
them (`openssl verify`). Built with asn1crypto, because pyca/cryptography cannot sign
with SM2. Development hierarchies carry the same "DEVELOPMENT ONLY" mark as the ECDSA one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass

from asn1crypto import x509

from signing.errors import CertificateProblem
from signing.keyfile import STRONG, ScryptCost
from signing.pki import DEVELOPMENT_MARK, _fit
from signing.sm2 import SM3_WITH_SM2, Sm2Key, load_sm2_key, verify_sm2

_CLOCK_SKEW = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Sm2CertifiedKey:
    key_pem: bytes  # encrypted PKCS#8
    cert_der: bytes


def _name(organisation: str, common_name: str, serial: str | None = None) -> x509.Name:
    attributes: dict[str, str] = {"country_name": "CN", "organization_name": organisation}
    if serial:
        attributes["serial_number"] = serial
    attributes["common_name"] = common_name
    return x509.Name.build(attributes, use_printable=False)


def _certificate(
    *,
    subject: x509.Name,
    subject_key: Sm2Key,
    issuer: x509.Certificate | None,
    issuer_key: Sm2Key,
    days: int,
    ca: bool,
    not_after_cap: dt.datetime | None = None,
) -> bytes:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    not_after = now + dt.timedelta(days=days)
    if not_after_cap is not None:
        not_after = min(not_after, not_after_cap)
    ski = hashlib.sha1(subject_key.point).digest()
    aki = hashlib.sha1(issuer_key.point).digest()
    usage = {"key_cert_sign", "crl_sign"} if ca else {"digital_signature", "non_repudiation"}
    extensions = [
        {
            "extn_id": "basic_constraints",
            "critical": True,
            "extn_value": {"ca": ca, "path_len_constraint": 0 if ca else None},
        },
        {"extn_id": "key_usage", "critical": True, "extn_value": usage},
        {"extn_id": "key_identifier", "critical": False, "extn_value": ski},
        {
            "extn_id": "authority_key_identifier",
            "critical": False,
            "extn_value": {"key_identifier": aki},
        },
    ]
    tbs = x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": int.from_bytes(os.urandom(16), "big") >> 1,
            "signature": {"algorithm": SM3_WITH_SM2},
            "issuer": issuer.subject if issuer is not None else subject,
            "validity": {
                "not_before": x509.Time({"utc_time": now - _CLOCK_SKEW}),
                "not_after": x509.Time({"utc_time": not_after}),
            },
            "subject": subject,
            "subject_public_key_info": subject_key.public_key_info,
            "extensions": extensions,
        }
    )
    certificate = x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": SM3_WITH_SM2},
            "signature_value": issuer_key.sign(tbs.dump()),
        }
    )
    return bytes(certificate.dump())


def create_sm2_root(
    *, organisation: str, passphrase: bytes, development: bool = True, cost: ScryptCost = STRONG
) -> Sm2CertifiedKey:
    mark = f" {DEVELOPMENT_MARK}" if development else ""
    key = Sm2Key.generate()
    name = _name(
        _fit(organisation, mark),
        _fit(DEVELOPMENT_MARK if development else organisation, " SM2根CA"),
    )
    der = _certificate(
        subject=name, subject_key=key, issuer=None, issuer_key=key, days=20 * 365, ca=True
    )
    return Sm2CertifiedKey(key.to_pem(passphrase, cost), der)


def issue_sm2_certificate(
    root: Sm2CertifiedKey,
    passphrase: bytes,
    *,
    common_name: str,
    organisation: str,
    credit_code: str | None = None,
    validity_days: int = 3 * 365,
    cost: ScryptCost = STRONG,
) -> Sm2CertifiedKey:
    """An end-entity SM2 certificate under `root`: the seal maker's or a department
    signer's (`passphrase` opens the root key and protects the new one)."""
    if not common_name.strip() or not organisation.strip():
        raise CertificateProblem(
            "an SM2 certificate needs a common name and an organisation",
            "SM2 证书必须包含名称与单位",
        )
    root_key = load_sm2_key(root.key_pem, passphrase)
    root_cert = x509.Certificate.load(root.cert_der)
    key = Sm2Key.generate()
    der = _certificate(
        subject=_name(_fit(organisation, ""), _fit(common_name, ""), credit_code),
        subject_key=key,
        issuer=root_cert,
        issuer_key=root_key,
        days=validity_days,
        ca=False,
        not_after_cap=root_cert.not_valid_after,
    )
    return Sm2CertifiedKey(key.to_pem(passphrase, cost), der)


def certificate_signed_by(cert_der: bytes, issuer_der: bytes) -> bool:
    """Whether the certificate's SM3withSM2 signature checks with the issuer's key and
    names it as issuer."""
    try:
        cert = x509.Certificate.load(cert_der)
        issuer = x509.Certificate.load(issuer_der)
        if cert["signature_algorithm"]["algorithm"].dotted != SM3_WITH_SM2:
            return False
        if cert.issuer != issuer.subject:
            return False
        return verify_sm2(
            issuer.public_key.dump(),
            cert["tbs_certificate"].dump(),
            bytes(cert["signature_value"].native),
        )
    except (ValueError, TypeError, KeyError, CertificateProblem):
        return False
