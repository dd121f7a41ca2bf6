"""The seal signer: a key that can sign, plus its certificate chain.

Today it is built from PEM files with a passphrase; a PKCS#11 token (pyHanko's
`PKCS11Signer`) plugs in behind the same class later. Everything else in this package
only talks to `SealSigner`.
"""

from __future__ import annotations

import functools
import logging

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko_certvalidator.registry import SimpleCertificateStore

from signing.errors import CertificateProblem
from signing.pki import CertifiedKey, load_private_key

logger = logging.getLogger(__name__)


def _one_cert(pem: bytes) -> asn1_x509.Certificate:
    try:
        certs = list(load_certs_from_pemder_data(pem))
    except Exception as e:  # asn1crypto raises a variety of errors on junk
        raise CertificateProblem(
            "the certificate is not valid PEM/DER", "证书格式无效(应为 PEM 或 DER)"
        ) from e
    if len(certs) != 1:
        raise CertificateProblem(
            f"expected exactly one certificate, found {len(certs)}",
            f"应只包含一张证书,实际为 {len(certs)} 张",
        )
    return certs[0]


class SealSigner:
    """Wraps a pyHanko signer and the facts about its certificate."""

    def __init__(self, signer: Signer, certificate: asn1_x509.Certificate) -> None:
        self._signer = signer
        self._certificate = certificate

    @classmethod
    def from_pem(cls, certified: CertifiedKey, passphrase: bytes) -> SealSigner:
        """Load a seal from its encrypted key and certificate; a wrong passphrase raises
        BadPassphrase, a key not matching the certificate raises CertificateProblem.

        Loaded once per process for the same key, certificate and passphrase (decrypting
        the key and checking it against the certificate cost more than a seal's signature
        on a license); what is cached is only what those bytes already determine, and
        failures are not cached."""
        return _load(certified, passphrase)

    @property
    def pyhanko_signer(self) -> Signer:
        return self._signer

    @property
    def certificate(self) -> asn1_x509.Certificate:
        return self._certificate

    @property
    def subject_common_name(self) -> str:
        return str(self._certificate.subject.native.get("common_name", ""))

    @property
    def subject_organisation(self) -> str:
        return str(self._certificate.subject.native.get("organization_name", ""))


@functools.lru_cache(maxsize=64)
def _load(certified: CertifiedKey, passphrase: bytes) -> SealSigner:
    key = load_private_key(certified.key_pem, passphrase)
    cert = _one_cert(certified.cert_pem)
    public_der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    if public_der != cert.public_key.dump():
        raise CertificateProblem(
            "the private key does not belong to the certificate",
            "私钥与证书不匹配",
        )
    chain = [_one_cert(pem) for pem in certified.chain_pem]
    signer = SimpleSigner(
        signing_cert=cert,
        signing_key=translate_pyca_cryptography_key_to_asn1(key),
        cert_registry=SimpleCertificateStore.from_certs([cert, *chain]),
    )
    logger.debug("loaded seal signer %s", cert.subject.human_friendly)
    return SealSigner(signer, cert)
