"""The facts of a signature check, frozen, with the verdict derived from them.

Vocabulary follows ETSI EN 319 102-1 (as pyHanko and the EU DSS use it): an indication
TOTAL-PASSED / INDETERMINATE / TOTAL-FAILED and a sub-indication naming the cause.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Indication(StrEnum):
    TOTAL_PASSED = "TOTAL-PASSED"
    INDETERMINATE = "INDETERMINATE"
    TOTAL_FAILED = "TOTAL-FAILED"


class SignatureType(StrEnum):
    APPROVAL = "approval"
    CERTIFICATION = "certification"
    DOCUMENT_TIMESTAMP = "document_timestamp"


class Revocation(StrEnum):
    GOOD = "good"  # OCSP/CRL evidence says not revoked at the time of signing
    REVOKED = "revoked"
    NO_EVIDENCE = "no_evidence"  # the certificate points to OCSP/CRL but no answer is at hand
    NOT_PUBLISHED = "not_published"  # the CA publishes no OCSP/CRL: the seal registry decides


TYPE_ZH = {
    SignatureType.APPROVAL: "签章",
    SignatureType.CERTIFICATION: "认证签章",
    SignatureType.DOCUMENT_TIMESTAMP: "文档时间戳",
}
SEVERITY = {Indication.TOTAL_PASSED: 0, Indication.INDETERMINATE: 1, Indication.TOTAL_FAILED: 2}
INDICATION_ZH = {
    Indication.TOTAL_PASSED: "验证通过",
    Indication.INDETERMINATE: "无法确认",
    Indication.TOTAL_FAILED: "验证失败",
}


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    type: SignatureType
    pades_level: str
    signer_common_name: str
    signer_organisation: str
    signer_serial: str
    signer_cert_sha256: str
    claimed_signing_time: datetime | None
    proven_signing_time: datetime | None  # from a trusted timestamp only
    intact: bool
    valid: bool
    trusted: bool
    chain: tuple[str, ...]
    revocation: Revocation
    coverage: str
    modification_level: str
    modified_after_signing: bool
    docmdp_ok: bool | None
    indication: Indication
    sub_indication: str | None
    reasons: tuple[str, ...]
    # what the revisions appended after this signature changed, in words (zh / en)
    changes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("claimed_signing_time", "proven_signing_time"):
            value = getattr(self, key)
            d[key] = value.isoformat() if value else None
        d["type"] = str(self.type)
        d["revocation"] = str(self.revocation)
        d["indication"] = str(self.indication)
        d["chain"] = list(self.chain)
        d["reasons"] = list(self.reasons)
        d["changes"] = list(self.changes)
        return d


@dataclass(frozen=True)
class VerificationReport:
    file_sha256: str
    signatures: tuple[SignatureReport, ...]
    problem: str | None
    problem_sub_indication: str | None = None
    online: bool = False
    # the file's SHA-256 as it ended at each earlier revision, latest first
    earlier_revisions: tuple[str, ...] = ()

    @property
    def worst(self) -> SignatureReport | None:
        if not self.signatures:
            return None
        return max(self.signatures, key=lambda s: SEVERITY[s.indication])

    @property
    def indication(self) -> Indication:
        worst = self.worst
        if self.problem is not None or worst is None:
            return Indication.TOTAL_FAILED
        return worst.indication

    @property
    def sub_indication(self) -> str | None:
        if self.problem is not None:
            return self.problem_sub_indication or "FORMAT_FAILURE"
        worst = self.worst
        if worst is None:
            return "SIGNED_DATA_NOT_FOUND"
        return worst.sub_indication

    @property
    def approval_signatures(self) -> tuple[SignatureReport, ...]:
        return tuple(s for s in self.signatures if s.type is not SignatureType.DOCUMENT_TIMESTAMP)

    def summary_zh(self) -> str:
        verdict = INDICATION_ZH[self.indication]
        if self.problem is not None:
            return f"{verdict}:{self.problem}"
        if not self.signatures:
            return f"{verdict}:文件中没有电子签章"
        lines = [f"{verdict}:共 {len(self.signatures)} 个签名"]
        for s in self.signatures:
            who = s.signer_organisation or s.signer_common_name or "未知签章人"
            when = s.proven_signing_time or s.claimed_signing_time
            when_text = when.strftime("%Y-%m-%d %H:%M") if when else "时间未知"
            kind = TYPE_ZH[s.type]
            line = f"- {who}({kind},{s.pades_level},{when_text}):{INDICATION_ZH[s.indication]}"
            if s.reasons:
                line += ";" + ";".join(s.reasons)
            lines.append(line)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "indication": str(self.indication),
            "sub_indication": self.sub_indication,
            "file_sha256": self.file_sha256,
            "online": self.online,
            "problem": self.problem,
            "summary_zh": self.summary_zh(),
            "signatures": [s.to_dict() for s in self.signatures],
        }
