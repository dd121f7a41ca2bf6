"""Verification of a sealed OFD for anyone holding one: the GB/T 38540 checks in
`signing.ofd_verify` (trusting only the hall's SM2 roots), then the registries as for a
PDF - the seal behind the signer's SM2 certificate (unknown: INDETERMINATE; revoked:
TOTAL-FAILED) and the license registered under the file's SHA-256."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.hall import Hall
from cases.seals.sm2_seals import sm2_seal_registry, sm2_trust_anchors
from cases.verification.status import (
    _VERDICT_OF,
    VerificationOutcome,
    registry_checks,
    seal_checks,
)
from models import License
from signing.ofd_verify import verify_ofd
from signing.report import Indication


def verify_ofd_document(session: Session, hall: Hall, data: bytes) -> VerificationOutcome:
    seals_by_cert, revoked = sm2_seal_registry(session)
    report = verify_ofd(
        data, trust_roots_der=sm2_trust_anchors(hall.pki), revoked_cert_sha256=revoked
    )
    reasons: list[str] = [report.summary_zh()]
    result: tuple[Indication, str | None] = (report.indication, report.sub_indication)
    signatures = report.signatures if report.problem is None else ()
    entries = [(seals_by_cert.get(s.signer_cert_sha256), s.field_name) for s in signatures]
    seals, result = seal_checks(entries, reasons, result)
    license_ = session.scalars(
        select(License).where(License.ofd_sha256 == report.file_sha256)
    ).first()
    info, result = registry_checks(
        session,
        license_,
        report.file_sha256,
        issuing_seal=bool(seals),
        registered_as="document",
        reasons=reasons,
        result=result,
    )
    return VerificationOutcome(
        verdict=_VERDICT_OF[result[0]],
        indication=result[0],
        sub_indication=result[1],
        reasons=tuple(reasons),
        report=report,
        license=info,
        seals=tuple(seals),
    )
