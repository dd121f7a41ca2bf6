"""Verification of sealed documents for anyone holding one (verifiers need no account).

The verdict is derived, never stored: the signature report from `signing`, then the
license registry. A signature that checks out on a revoked license is *invalid*.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.hall import Hall
from models import Department, License, LicenseStatus
from signing import Indication, VerificationReport, verify_pdf


class Verdict(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    INDETERMINATE = "indeterminate"


_VERDICT_ZH = {Verdict.VALID: "有效", Verdict.INVALID: "无效", Verdict.INDETERMINATE: "无法确定"}


@dataclass(frozen=True)
class VerificationOutcome:
    verdict: Verdict
    reasons: tuple[str, ...]
    report: VerificationReport
    license: dict[str, Any] | None

    @property
    def verdict_zh(self) -> str:
        return _VERDICT_ZH[self.verdict]

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "verdict_zh": self.verdict_zh,
            "reasons": list(self.reasons),
            "license": self.license,
            "signatures": self.report.to_dict(),
        }


def verify_document(session: Session, hall: Hall, pdf: bytes) -> VerificationOutcome:
    report = verify_pdf(pdf, trust_roots_pem=[hall.pki.root_pem()])
    reasons: list[str] = [report.summary_zh()]
    verdict = {
        Indication.TOTAL_PASSED: Verdict.VALID,
        Indication.TOTAL_FAILED: Verdict.INVALID,
        Indication.INDETERMINATE: Verdict.INDETERMINATE,
    }[report.indication]
    digest = hashlib.sha256(pdf).hexdigest()
    license_ = session.scalars(select(License).where(License.pdf_sha256 == digest)).first()
    info = None
    if license_ is not None:
        issuer = session.get(Department, license_.department_id)
        info = {
            "number": license_.number,
            "title": license_.title,
            "holder": license_.holder,
            "issuer": issuer.name if issuer else "",
            "issued_on": license_.issued_on.isoformat(),
            "valid_until": license_.valid_until.isoformat() if license_.valid_until else None,
            "status": license_.status,
        }
        if license_.status != LicenseStatus.VALID and verdict is Verdict.VALID:
            verdict = Verdict.INVALID
            reasons.append(f"证照已注销:{license_.status_reason or '—'} / license revoked")
    elif verdict is Verdict.VALID:
        reasons.append("签章有效;该文件不是本系统登记的电子证照原件(可能为通知书)")
    return VerificationOutcome(verdict=verdict, reasons=tuple(reasons), report=report, license=info)
