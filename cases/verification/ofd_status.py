"""Verification of a sealed OFD for anyone holding one: the GB/T 38540 checks in
`signing.ofd_verify` (trusting only the hall's SM2 roots), then the registries as for a
PDF - the seal behind the signer's SM2 certificate (unknown: INDETERMINATE; revoked:
TOTAL-FAILED) and the license registered under the file's SHA-256."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.hall import Hall
from cases.seals.registry import seal_status
from cases.seals.sm2_seals import sm2_seal_registry, sm2_trust_anchors
from cases.verification.status import (
    _VERDICT_OF,
    VerificationOutcome,
    _worse,
    license_checks,
    license_entry,
)
from models import License, SealStatus, StoredObject
from signing.ofd_verify import verify_ofd
from signing.report import Indication


def verify_ofd_document(session: Session, hall: Hall, data: bytes) -> VerificationOutcome:
    seals_by_cert, revoked = sm2_seal_registry(session)
    report = verify_ofd(
        data, trust_roots_der=sm2_trust_anchors(hall.pki), revoked_cert_sha256=revoked
    )
    reasons: list[str] = [report.summary_zh()]
    result: tuple[Indication, str | None] = (report.indication, report.sub_indication)
    seals: list[dict[str, Any]] = []
    for signature in report.signatures if report.problem is None else ():
        seal = seals_by_cert.get(signature.signer_cert_sha256)
        if seal is None:
            seals.append({"field": signature.field_name, "code": None, "status": "unknown"})
            reasons.append(
                f"签名 {signature.field_name} 的印章未在本平台印章库登记 / seal not registered"
            )
            result = _worse(result, (Indication.INDETERMINATE, "SEAL_UNKNOWN"))
            continue
        status = seal_status(seal)
        seals.append(
            {
                "field": signature.field_name,
                "code": seal.code,
                "name": seal.name,
                "status": status.value,
            }
        )
        if status is SealStatus.REVOKED:
            reasons.append(f"印章 {seal.code} 已在印章库中吊销 / seal revoked in the registry")
            result = _worse(result, (Indication.TOTAL_FAILED, "REVOKED"))
        elif status is SealStatus.EXPIRED:
            reasons.append(f"印章 {seal.code} 已过期 / the seal has expired")
    license_ = session.scalars(
        select(License).where(License.ofd_sha256 == report.file_sha256)
    ).first()
    info = None
    if license_ is not None:
        info = license_entry(session, license_)
        result = license_checks(license_, info, reasons, result)
    elif session.scalars(
        select(StoredObject.id).where(StoredObject.sha256 == report.file_sha256)
    ).first():
        if result[0] is Indication.TOTAL_PASSED:
            reasons.append(
                "签章有效;该文件是本平台登记的文书(不是电子证照) / a registered document"
            )
    elif seals and result[0] is not Indication.TOTAL_FAILED:
        reasons.append(
            "该文件未在本平台登记,不是本平台签发的文书,不能采信 / not registered: this "
            "platform never issued this document"
        )
        result = _worse(result, (Indication.TOTAL_FAILED, "NOT_REGISTERED"))
    return VerificationOutcome(
        verdict=_VERDICT_OF[result[0]],
        indication=result[0],
        sub_indication=result[1],
        reasons=tuple(reasons),
        report=report,
        license=info,
        seals=tuple(seals),
    )
