"""Electronic seals: a small PKI, the seal image, PAdES signing and verification.

The only package that imports pyHanko; it never imports the application.
"""

from signing.appearance import seal_appearance_pdf
from signing.errors import BadPassphrase, CertificateProblem, NotAPdf, SigningError, SigningFailed
from signing.pki import CertifiedKey, create_ca_hierarchy, issue_seal_certificate
from signing.sign import sign_pdf
from signing.signer import SealSigner
from signing.verify import Indication, SignatureReport, VerificationReport, verify_pdf

__all__ = [
    "BadPassphrase",
    "CertificateProblem",
    "CertifiedKey",
    "Indication",
    "NotAPdf",
    "SealSigner",
    "SignatureReport",
    "SigningError",
    "SigningFailed",
    "VerificationReport",
    "create_ca_hierarchy",
    "issue_seal_certificate",
    "seal_appearance_pdf",
    "sign_pdf",
    "verify_pdf",
]
