"""Verify the e-seals on a PDF and say, in one word, whether to rely on it.

Follows pyHanko's and ETSI EN 319 102-1's vocabulary: every signature gets frozen facts and
a derived indication (TOTAL-PASSED / INDETERMINATE / TOTAL-FAILED); the document's
indication is derived from its signatures. `verify_pdf` never raises on bad input: junk,
a truncated file or an unsigned PDF is a TOTAL-FAILED report with a problem text.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

logger = logging.getLogger(__name__)


class Indication(StrEnum):
    TOTAL_PASSED = "TOTAL-PASSED"
    INDETERMINATE = "INDETERMINATE"
    TOTAL_FAILED = "TOTAL-FAILED"


_SEVERITY = {Indication.TOTAL_PASSED: 0, Indication.INDETERMINATE: 1, Indication.TOTAL_FAILED: 2}
_INDICATION_ZH = {
    Indication.TOTAL_PASSED: "验证通过",
    Indication.INDETERMINATE: "无法确认",
    Indication.TOTAL_FAILED: "验证失败",
}


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer_common_name: str
    signer_organisation: str
    signer_serial: str
    signing_time: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    coverage: str
    modification_level: str
    docmdp_ok: bool | None
    indication: Indication
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class VerificationReport:
    signatures: tuple[SignatureReport, ...]
    problem: str | None

    @property
    def indication(self) -> Indication:
        if self.problem is not None or not self.signatures:
            return Indication.TOTAL_FAILED
        return max((s.indication for s in self.signatures), key=_SEVERITY.__getitem__)

    def summary_zh(self) -> str:
        verdict = _INDICATION_ZH[self.indication]
        if self.problem is not None:
            return f"{verdict}:{self.problem}"
        if not self.signatures:
            return f"{verdict}:文件中没有电子签章"
        lines = [f"{verdict}:共 {len(self.signatures)} 个电子签章"]
        for s in self.signatures:
            who = s.signer_organisation or s.signer_common_name or "未知签章人"
            when = s.signing_time.strftime("%Y-%m-%d %H:%M") if s.signing_time else "时间未知"
            line = f"- {who}({s.signer_common_name},{when}):{_INDICATION_ZH[s.indication]}"
            if s.reasons:
                line += ";" + ";".join(s.reasons)
            lines.append(line)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        signatures = []
        for s in self.signatures:
            d = asdict(s)
            d["signing_time"] = s.signing_time.isoformat() if s.signing_time else None
            d["indication"] = str(s.indication)
            d["reasons"] = list(s.reasons)
            signatures.append(d)
        return {
            "indication": str(self.indication),
            "problem": self.problem,
            "summary_zh": self.summary_zh(),
            "signatures": signatures,
        }


def _failed(problem: str) -> VerificationReport:
    return VerificationReport(signatures=(), problem=problem)


def _trust_roots(trust_roots_pem: Sequence[bytes]) -> list[asn1_x509.Certificate]:
    roots: list[asn1_x509.Certificate] = []
    for pem in trust_roots_pem:
        roots.extend(load_certs_from_pemder_data(pem))
    return roots


def _subject(cert: asn1_x509.Certificate) -> tuple[str, str, str]:
    native = cert.subject.native
    return (
        str(native.get("common_name", "")),
        str(native.get("organization_name", "")),
        str(native.get("serial_number", "")),
    )


def _judge(
    status: PdfSignatureStatus, *, in_last_revision: bool
) -> tuple[Indication, tuple[str, ...]]:
    failed: list[str] = []
    indeterminate: list[str] = []
    if not status.intact:
        failed.append("签名后文件内容被修改(摘要不符) / document digest does not match")
    if status.intact and not status.valid:
        failed.append("签名值无效 / the signature value is invalid")
    coverage = status.coverage
    level = status.modification_level
    if in_last_revision:
        if coverage != SignatureCoverageLevel.ENTIRE_FILE:
            failed.append("签名未覆盖整个文件 / the signature does not cover the whole file")
    elif coverage is None or coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        failed.append("签名覆盖范围异常 / unusual signature coverage")
    if level is not None and level > ModificationLevel.FORM_FILLING:
        failed.append(
            "签名后文件被追加了不允许的修改(如新增页面或内容) / "
            "changes not allowed after signing (pages or content added)"
        )
    if status.docmdp_ok is False:
        failed.append("违反文件修改权限(DocMDP) / modifications violate the DocMDP permissions")
    if status.revocation_details is not None:
        failed.append("签章证书已被吊销 / the seal certificate is revoked")
    if not status.trusted and status.revocation_details is None:
        indication = status.trust_problem_indic
        detail = f" ({getattr(indication, 'name', indication)})" if indication is not None else ""
        indeterminate.append(
            "签章证书不属于受信任的电子印章体系,或证书已过期 / "
            f"the seal certificate does not chain to a trusted root or is not valid now{detail}"
        )
    if not status.seed_value_ok:
        failed.append("签名不满足签名域约束 / seed value constraints not met")
    if failed:
        return Indication.TOTAL_FAILED, tuple(failed + indeterminate)
    if indeterminate:
        return Indication.INDETERMINATE, tuple(indeterminate)
    if not status.bottom_line:  # belt and braces: never pass what pyHanko does not
        return Indication.INDETERMINATE, ("验证未完全通过 / validation did not fully pass",)
    return Indication.TOTAL_PASSED, ()


def _verify_one(
    sig: EmbeddedPdfSignature, context: ValidationContext, last_revision: int
) -> SignatureReport:
    field_name = str(sig.field_name)
    try:
        cert = sig.signer_cert
        cn, org, serial = _subject(cert)
    except Exception:
        cn = org = serial = ""
    try:
        signing_time = sig.self_reported_timestamp
    except Exception:
        signing_time = None
    try:
        status = validate_pdf_signature(sig, signer_validation_context=context)
    except Exception as e:  # a damaged signature must yield a report, not a crash
        logger.info("signature %s could not be validated: %s", field_name, e)
        return SignatureReport(
            field_name=field_name,
            signer_common_name=cn,
            signer_organisation=org,
            signer_serial=serial,
            signing_time=signing_time,
            intact=False,
            valid=False,
            trusted=False,
            coverage="UNKNOWN",
            modification_level="UNKNOWN",
            docmdp_ok=None,
            indication=Indication.TOTAL_FAILED,
            reasons=(f"签名无法解析或校验 / the signature cannot be checked: {e}",),
        )
    indication, reasons = _judge(status, in_last_revision=sig.signed_revision == last_revision)
    return SignatureReport(
        field_name=field_name,
        signer_common_name=cn,
        signer_organisation=org,
        signer_serial=serial,
        signing_time=status.signer_reported_dt or signing_time,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        coverage=status.coverage.name if status.coverage is not None else "UNKNOWN",
        modification_level=(
            status.modification_level.name if status.modification_level is not None else "NONE"
        ),
        docmdp_ok=status.docmdp_ok,
        indication=indication,
        reasons=reasons,
    )


def verify_pdf(pdf: bytes, *, trust_roots_pem: Sequence[bytes]) -> VerificationReport:
    """Validate every signature in `pdf` against `trust_roots_pem` (no network access,
    soft-fail revocation since the development PKI publishes no CRL/OCSP)."""
    if not isinstance(pdf, bytes | bytearray) or b"%PDF-" not in bytes(pdf[:1024]):
        return _failed("不是 PDF 文件 / not a PDF file")
    try:
        roots = _trust_roots(trust_roots_pem)
    except Exception as e:
        return _failed(f"受信任根证书无法读取 / the trust roots cannot be read: {e}")
    try:
        reader = PdfFileReader(io.BytesIO(bytes(pdf)), strict=True)
        signatures = list(reader.embedded_regular_signatures)
        last_revision = reader.xrefs.total_revisions - 1
    except Exception as e:
        logger.info("cannot read PDF for verification: %s", e)
        return _failed(f"PDF 文件已损坏或结构不规范 / the PDF is damaged or malformed: {e}")
    if not signatures:
        return _failed("文件中没有电子签章 / the PDF carries no signature")
    context = ValidationContext(
        trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
    )
    reports = tuple(_verify_one(sig, context, last_revision) for sig in signatures)
    report = VerificationReport(signatures=reports, problem=None)
    logger.info("verified %d signature(s): %s", len(reports), report.indication)
    return report
