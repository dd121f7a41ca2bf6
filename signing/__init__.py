"""Electronic seals: a small PKI, the seal image, PAdES signing and verification.

The only package that imports pyHanko; it never imports the application.
"""

from signing.appearance import seal_appearance_pdf
from signing.compact import BadPayload, read_payload, sign_payload, verify_payload
from signing.errors import BadPassphrase, CertificateProblem, NotAPdf, SigningError, SigningFailed
from signing.keyfile import STRONG, Protection, ScryptCost, needs_rekey, protection
from signing.pki import CertifiedKey, create_ca_hierarchy, issue_seal_certificate, rekey
from signing.report import (
    Indication,
    Revocation,
    SignatureReport,
    SignatureType,
    VerificationReport,
)
from signing.sign import sign_pdf
from signing.signer import SealSigner
from signing.verify import verify_pdf

__all__ = [
    "STRONG",
    "BadPassphrase",
    "BadPayload",
    "CertificateProblem",
    "CertifiedKey",
    "Indication",
    "NotAPdf",
    "Protection",
    "Revocation",
    "ScryptCost",
    "SealSigner",
    "SignatureReport",
    "SignatureType",
    "SigningError",
    "SigningFailed",
    "VerificationReport",
    "create_ca_hierarchy",
    "issue_seal_certificate",
    "needs_rekey",
    "protection",
    "read_payload",
    "rekey",
    "seal_appearance_pdf",
    "sign_payload",
    "sign_pdf",
    "verify_payload",
    "verify_pdf",
]
