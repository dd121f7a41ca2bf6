"""The signing library's error root. Every error carries a stable code and a message in
Chinese and English; pyHanko's and cryptography's exceptions are translated at the seam."""

from __future__ import annotations


class SigningError(Exception):
    code = "signing.error"

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.en = en
        self.zh = zh


class BadPassphrase(SigningError):
    code = "signing.bad_passphrase"


class NotAPdf(SigningError):
    code = "signing.not_a_pdf"


class CertificateProblem(SigningError):
    code = "signing.certificate"


class SigningFailed(SigningError):
    code = "signing.failed"
