"""Verification of sealed documents for anyone holding one (verifiers need no account).

The verdict is derived, never stored: the signature report from `signing` (trust only in
the configured anchors; offline unless configured), then the registries. A signature that
checks out on a revoked, cancelled or superseded license, or made with a seal the registry
has revoked, is TOTAL-FAILED; a seal the registry does not know is INDETERMINATE.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.hall import Hall
from cases.numbering import (
    GBT_36904_ROOT,
    valid_license_identifier,
    valid_license_number,
    valid_license_reference,
)
from cases.seals.registry import SERVICE_SEAL, seal_status
from models import Case, Department, License, LicenseStatus, Seal, SealStatus, StoredObject
from signing import BadPayload, Indication, VerificationReport, verify_payload, verify_pdf
from signing.ofd_verify import looks_like_ofd
from signing.report import SEVERITY


class Verdict(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    INDETERMINATE = "indeterminate"


_VERDICT_ZH = {Verdict.VALID: "有效", Verdict.INVALID: "无效", Verdict.INDETERMINATE: "无法确定"}
_VERDICT_OF = {
    Indication.TOTAL_PASSED: Verdict.VALID,
    Indication.TOTAL_FAILED: Verdict.INVALID,
    Indication.INDETERMINATE: Verdict.INDETERMINATE,
}
_LICENSE_STATUS_ZH = {
    LicenseStatus.VALID: "有效",
    LicenseStatus.REVOKED: "已撤销",
    LicenseStatus.CANCELLED: "已注销",
    LicenseStatus.SUPERSEDED: "已变更(旧版本)",
}
_ADVICE = {
    "HASH_FAILURE": "文件在签章后被改动。请向发证机关索取原件,不要采信本文件。",
    "SIG_CRYPTO_FAILURE": "签名数据已损坏或伪造。请向发证机关索取原件。",
    "FORMAT_FAILURE": "签章后文件被追加了内容或结构被改动。请向发证机关索取原件。",
    "REVOKED": "证照或印章已被撤销/注销/吊销,不再有效。如有疑问请联系发证机关。",
    "NO_CERTIFICATE_CHAIN_FOUND": "签章不是本平台信任的电子印章。请通过发证机关核实。",
    "TRY_LATER": "缺少证书状态信息。请联网后重新核验,或联系发证机关。",
    "NO_POE": "签章时间无法证明。请联系发证机关核实。",
    "OUT_OF_BOUNDS_NO_POE": "印章证书已过期且无可信时间戳。请联系发证机关换发证照。",
    "SIGNED_DATA_NOT_FOUND": "文件中没有电子签章。请提供带电子签章的原件。",
    "SIG_CONSTRAINTS_FAILURE": "签章人无权使用该电子印章,或签章时间不合理。请向发证机关索取原件。",
    "SEAL_NOT_VALID": "签章时电子印章不在有效期内。请联系发证机关核实。",
    "SEAL_UNKNOWN": "签章印章未在本平台印章库登记。请通过发证机关核实。",
    "LICENSE_EXPIRED": "证照已超过有效期。请持证人办理延续或换证。",
    "NOT_REGISTERED": "该文件未在本平台登记(可能是未完成签发的文件)。请向发证机关索取原件。",
    "METADATA_CHANGED": "签章覆盖的页面内容没有改变,但文件属性(标题、作者等)在签章后被改动,"
    "这已不是签发时的原文件。请向持证人索取原件,或扫描证照上的二维码核验。",
}


@dataclass(frozen=True)
class VerificationOutcome:
    verdict: Verdict
    indication: Indication
    sub_indication: str | None
    reasons: tuple[str, ...]
    report: VerificationReport
    license: dict[str, Any] | None
    seals: tuple[dict[str, Any], ...] = ()
    checked_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def verdict_zh(self) -> str:
        return _VERDICT_ZH[self.verdict]

    @property
    def advice_zh(self) -> str:
        if self.verdict is Verdict.VALID:
            return "可以采信。请核对证照内容与持证人是否一致。"
        return _ADVICE.get(self.sub_indication or "", "请联系发证机关核实。")

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "verdict_zh": self.verdict_zh,
            "indication": str(self.indication),
            "sub_indication": self.sub_indication,
            "file_sha256": self.report.file_sha256,
            "checked_at": self.checked_at.isoformat(),
            "online": self.report.online,
            "explanation_zh": "\n".join(self.reasons),
            "advice_zh": self.advice_zh,
            "reasons": list(self.reasons),
            "license": self.license,
            "seals": list(self.seals),
            "signatures": self.report.to_dict(),
        }


def license_entry(session: Session, license_: License) -> dict[str, Any]:
    """The registry entry of a license: what the license itself shows, plus its status."""
    issuer = session.get(Department, license_.department_id)
    successor = session.scalars(
        select(License.number).where(License.supersedes_id == license_.id)
    ).first()
    return {
        "number": license_.number,
        "number_check_ok": valid_license_number(license_.number),
        "identifier": license_.identifier,
        "identifier_check_ok": (
            valid_license_identifier(license_.identifier) if license_.identifier else None
        ),
        "version": license_.version,
        "title": license_.title,
        "holder": license_.holder,
        "issuer": issuer.name if issuer else "",
        "issued_on": license_.issued_on.isoformat(),
        "valid_until": license_.valid_until.isoformat() if license_.valid_until else None,
        "status": license_.status,
        "status_zh": _LICENSE_STATUS_ZH.get(LicenseStatus(license_.status), license_.status),
        "status_reason": license_.status_reason or None,
        "superseded_by": successor,
    }


def _seal_entries(session: Session, report: VerificationReport) -> list[tuple[Seal | None, str]]:
    by_der: dict[str, Seal] = {}
    for seal in session.scalars(select(Seal)):
        der = x509.load_pem_x509_certificate(seal.cert_pem.encode()).public_bytes(Encoding.DER)
        by_der[hashlib.sha256(der).hexdigest()] = seal
    return [
        (by_der.get(s.signer_cert_sha256), s.field_name)
        for s in report.approval_signatures
        if s.signer_cert_sha256
    ]


def _worse(
    current: tuple[Indication, str | None], new: tuple[Indication, str]
) -> tuple[Indication, str | None]:
    return new if SEVERITY[new[0]] > SEVERITY[current[0]] else current


def license_checks(
    license_: License,
    info: dict[str, Any],
    reasons: list[str],
    result: tuple[Indication, str | None],
) -> tuple[Indication, str | None]:
    """The registry's word on a license whose document checked out: its references'
    check characters, its status and its end date (PDF and OFD alike)."""
    if not info["number_check_ok"]:
        reasons.append("证照编号校验位不正确 / the license number's check character is wrong")
        result = _worse(result, (Indication.TOTAL_FAILED, "FORMAT_FAILURE"))
    if info["identifier_check_ok"] is False:
        reasons.append("证照标识校验位不正确 / the license identifier's check character is wrong")
        result = _worse(result, (Indication.TOTAL_FAILED, "FORMAT_FAILURE"))
    if license_.status != LicenseStatus.VALID:
        reasons.append(
            f"证照{info['status_zh']}:{license_.status_reason or '—'} / license {license_.status}"
        )
        result = _worse(result, (Indication.TOTAL_FAILED, "REVOKED"))
    elif license_.valid_until is not None and license_.valid_until < date.today():
        reasons.append("证照已超过有效期 / the license has expired")
        result = _worse(result, (Indication.TOTAL_FAILED, "LICENSE_EXPIRED"))
    return result


def seal_checks(
    entries: Iterable[tuple[Seal | None, str]],
    reasons: list[str],
    result: tuple[Indication, str | None],
) -> tuple[list[dict[str, Any]], tuple[Indication, str | None]]:
    """The seal registry's word on each signature's seal (PDF and OFD alike): unknown is
    INDETERMINATE, revoked TOTAL-FAILED, expired only said."""
    seals: list[dict[str, Any]] = []
    for seal, field_name in entries:
        if seal is None:
            seals.append({"field": field_name, "code": None, "status": "unknown"})
            reasons.append(f"签名 {field_name} 的印章未在本平台印章库登记 / seal not registered")
            result = _worse(result, (Indication.INDETERMINATE, "SEAL_UNKNOWN"))
            continue
        status = seal_status(seal)
        seals.append(
            {"field": field_name, "code": seal.code, "name": seal.name, "status": status.value}
        )
        if status is SealStatus.REVOKED:
            reasons.append(f"印章 {seal.code} 已在印章库中吊销 / seal revoked in the registry")
            result = _worse(result, (Indication.TOTAL_FAILED, "REVOKED"))
        elif status is SealStatus.EXPIRED:
            reasons.append(f"印章 {seal.code} 已过期 / the seal has expired")
    return seals, result


def registry_checks(
    session: Session,
    license_: License | None,
    digest: str,
    *,
    issuing_seal: bool,
    registered_as: str = "notice",
    reasons: list[str],
    result: tuple[Indication, str | None],
) -> tuple[dict[str, Any] | None, tuple[Indication, str | None]]:
    """The registry's word on the document registered under `digest` (PDF and OFD alike):
    a license's checks, a registered document, or - sealed with an issuing seal but never
    registered - the orphan of a transaction that did not commit, or a document sealed
    outside the issuing path: NOT_REGISTERED."""
    if license_ is not None:
        info = license_entry(session, license_)
        return info, license_checks(license_, info, reasons, result)
    if session.scalars(select(StoredObject.id).where(StoredObject.sha256 == digest)).first():
        if result[0] is Indication.TOTAL_PASSED:
            reasons.append(
                f"签章有效;该文件是本平台登记的文书(不是电子证照) / a registered {registered_as}"
            )
    elif issuing_seal and result[0] is not Indication.TOTAL_FAILED:
        reasons.append(
            "该文件未在本平台登记,不是本平台签发的文书,不能采信 / not registered: this "
            "platform never issued this document"
        )
        result = _worse(result, (Indication.TOTAL_FAILED, "NOT_REGISTERED"))
    return None, result


def _registered_revision(session: Session, report: VerificationReport) -> str:
    """The SHA-256 under which the document is registered: the file's own, or that of
    the file as it ended at an earlier revision when revisions were appended after it was
    issued (the file's own when neither is registered)."""
    for digest in (report.file_sha256, *report.earlier_revisions):
        if session.scalars(select(StoredObject.id).where(StoredObject.sha256 == digest)).first():
            return digest
    return report.file_sha256


def verify_document(session: Session, hall: Hall, pdf: bytes) -> VerificationOutcome:
    """The outcome for a sealed PDF or OFD (told apart by their first bytes)."""
    if looks_like_ofd(pdf):
        from cases.verification.ofd_status import verify_ofd_document

        return verify_ofd_document(session, hall, pdf)
    report = verify_pdf(
        pdf, trust_roots_pem=hall.pki.trust_anchors(), online=hall.settings.verify_online
    )
    reasons: list[str] = [report.summary_zh()]
    result: tuple[Indication, str | None] = (report.indication, report.sub_indication)
    entries = _seal_entries(session, report) if report.problem is None else []
    seals, result = seal_checks(entries, reasons, result)
    digest = _registered_revision(session, report)
    license_ = session.scalars(select(License).where(License.pdf_sha256 == digest)).first()
    if digest != report.file_sha256:  # what was issued, with revisions appended since
        what = f"证照 {license_.number}" if license_ is not None else "文书"
        reasons.append(
            f"该文件是本平台签发的{what}在签发后被追加修改的版本(改动见上);签发时的文件 "
            f"SHA-256 为 {digest} / this is a document the platform issued, with revisions "
            "appended after issue (see above)"
        )
    # (verification reports carry only the service's seal and are never archived)
    issuing_seal = any(s["code"] not in (None, SERVICE_SEAL) for s in seals)
    info, result = registry_checks(
        session, license_, digest, issuing_seal=issuing_seal, reasons=reasons, result=result
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


def mask_name(name: str, *, person: bool) -> str:
    """A holder's name as the public page shows it without the QR's signed payload: enough
    for holders to recognise their own, too little to learn a stranger's. A person keeps
    the first and last character (张*明, 张*); an enterprise its first half, where the
    region is, and its last character (锡林浩特市****店)."""
    name = name.strip()
    if len(name) <= 1:
        return "*"
    if len(name) == 2:
        return f"{name[0]}*"
    keep = 1 if person else len(name) // 2
    return name[:keep] + "*" * (len(name) - keep - 1) + name[-1]


_PUBLIC_FIELDS = (
    "number",
    "number_check_ok",
    "identifier",
    "identifier_check_ok",
    "title",
    "issuer",
    "status",
    "status_zh",
)


@dataclass(frozen=True)
class LicenseLookup:
    """What the public page shows for a number from a QR code: the registry entry (only
    what the license itself shows) and whether the QR's signed payload matches it.

    License numbers are sequential and their check character computable, so anyone can
    enumerate them: without a valid payload (which only the license's own QR code holds)
    the entry has the status, type and issuer and a masked holder, nothing else."""

    number: str
    number_check_ok: bool
    entry: dict[str, Any] | None
    payload_ok: bool | None  # None: no payload given
    payload_problem: str | None = None

    @property
    def complete(self) -> bool:
        """Whether `entry` is the whole registry entry (the QR's payload checked out)."""
        return self.payload_ok is True

    @property
    def verdict(self) -> Verdict:
        if not self.number_check_ok or self.entry is None or self.payload_ok is False:
            return Verdict.INVALID
        if self.entry["status"] != LicenseStatus.VALID:
            return Verdict.INVALID
        return Verdict.VALID


def lookup_license(session: Session, hall: Hall, number: str, token: str | None) -> LicenseLookup:
    """`number`: the license number (证照编号) or its GB/T 36904 identifier (证照标识)."""
    number = number.strip().upper()[:96]
    check_ok = valid_license_reference(number)
    column = License.identifier if number.startswith(f"{GBT_36904_ROOT}.") else License.number
    license_ = (
        session.scalars(select(License).where(column == number)).first() if check_ok else None
    )
    if license_ is None:
        return LicenseLookup(number, check_ok, None, None if not token else False)
    entry = license_entry(session, license_)
    case = session.get(Case, license_.case_id)
    public = {key: entry[key] for key in _PUBLIC_FIELDS} | {
        "holder": mask_name(license_.holder, person=case is None or case.applicant_type == "person")
    }
    if not token:
        return LicenseLookup(number, check_ok, public, None)
    seal = session.get_one(Seal, license_.seal_id)
    try:
        payload = verify_payload(token, seal.cert_pem.encode())
    except BadPayload as e:
        return LicenseLookup(number, check_ok, public, False, e.zh)
    issuer = session.get_one(Department, license_.department_id)
    expected = {
        "n": license_.number,
        "t": license_.identifier,
        "h": license_.holder,
        "i": issuer.credit_code,
        "d": license_.issued_on.isoformat(),
        "u": license_.valid_until.isoformat() if license_.valid_until else None,
    }
    if any(payload.get(k) != v for k, v in expected.items()):
        return LicenseLookup(number, check_ok, public, False, "二维码内容与登记信息不一致")
    return LicenseLookup(number, check_ok, entry, True)
