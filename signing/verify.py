"""Verify the e-seals on a PDF and say, in one word, whether to rely on it.

Every signature (approval, certification, document timestamp) gets frozen facts and a
derived indication; the document's indication is the worst of them. Trust comes only from
the configured anchors, never the OS store. Revocation is "hard-fail": a certificate that
names an OCSP/CRL service must have an answer (embedded in the DSS, or fetched when
`online`), else the signature is INDETERMINATE, never a silent pass. `verify_pdf` never
raises on bad input: junk, a truncated file or an unsigned PDF is a TOTAL-FAILED report.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Sequence
from datetime import datetime

from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import (
    DocumentTimestampStatus,
    PdfSignatureStatus,
    SignatureCoverageLevel,
)
from pyhanko_certvalidator import ValidationContext

from signing.changes import Change, ChangeKind, changes_after
from signing.report import (
    Indication,
    Revocation,
    SignatureReport,
    SignatureType,
    VerificationReport,
)

logger = logging.getLogger(__name__)

_INDETERMINATE_TRUST_ZH = {
    "NO_CERTIFICATE_CHAIN_FOUND": "签章证书不属于受信任的电子印章体系",
    "OUT_OF_BOUNDS_NO_POE": "签章证书已过期或尚未生效,且无可信时间证明签章时证书有效",
    "OUT_OF_BOUNDS_NOT_REVOKED": "签章证书已过期,且无可信时间证明签章时证书有效",
    "EXPIRED": "签章证书已过期",
    "NOT_YET_VALID": "签章证书尚未生效",
    "TRY_LATER": "缺少证书吊销状态信息(OCSP/CRL),离线无法确认",
    "REVOCATION_OUT_OF_BOUNDS_NO_POE": "证书吊销状态信息已过期,无法确认",
    "REVOKED_NO_POE": "签章证书已被吊销,且无可信时间证明签章发生在吊销之前",
    "REVOKED_CA_NO_POE": "签发证书的 CA 已被吊销",
    "CERTIFICATE_CHAIN_GENERAL_FAILURE": "证书链无法验证(常见原因:离线且文件未内嵌吊销状态信息)",
}


def trust_roots(trust_roots_pem: Sequence[bytes]) -> list[asn1_x509.Certificate]:
    roots: list[asn1_x509.Certificate] = []
    for pem in trust_roots_pem:
        roots.extend(load_certs_from_pemder_data(pem))
    return roots


def _failed(digest: str, problem: str, sub: str = "FORMAT_FAILURE") -> VerificationReport:
    return VerificationReport(
        file_sha256=digest, signatures=(), problem=problem, problem_sub_indication=sub
    )


def _subject(cert: asn1_x509.Certificate) -> tuple[str, str, str]:
    native = cert.subject.native
    return (
        str(native.get("common_name", "")),
        str(native.get("organization_name", "")),
        str(native.get("serial_number", "")),
    )


def _publishes_revocation(cert: asn1_x509.Certificate) -> bool:
    return bool(cert.crl_distribution_points or cert.ocsp_urls)


def _is_certification(sig: EmbeddedPdfSignature) -> bool:
    for ref in sig.sig_object.get("/Reference", ()):
        if ref.get_object().get("/TransformMethod") == "/DocMDP":
            return True
    return False


def _chain(status: PdfSignatureStatus | DocumentTimestampStatus) -> tuple[str, ...]:
    path = status.validation_path
    if path is None:
        return ()
    return tuple(str(c.subject.native.get("common_name", "")) for c in path)


def _revocation(status: PdfSignatureStatus | DocumentTimestampStatus) -> Revocation:
    indic = getattr(status.trust_problem_indic, "name", None)
    if status.revocation_details is not None or indic in ("REVOKED", "REVOKED_NO_POE"):
        return Revocation.REVOKED
    if indic in ("TRY_LATER", "REVOCATION_OUT_OF_BOUNDS_NO_POE"):
        return Revocation.NO_EVIDENCE
    path = status.validation_path
    certs = list(path) if path is not None else [status.signing_cert]
    if any(_publishes_revocation(c) for c in certs):
        return Revocation.GOOD if status.trusted else Revocation.NO_EVIDENCE
    return Revocation.NOT_PUBLISHED


def _changes(sig: EmbeddedPdfSignature, last_revision: int) -> tuple[Change, ...] | None:
    """What the revisions after the signed one changed; None when they cannot be read."""
    if sig.signed_revision >= last_revision:
        return ()
    try:
        return changes_after(sig.reader, sig.signed_revision)
    except Exception as e:  # a damaged later revision: say so, never pass it
        logger.info("changes after %s could not be analysed: %s", sig.field_name, e)
        return None


def _integrity_and_changes(
    status: PdfSignatureStatus | DocumentTimestampStatus,
    *,
    in_last_revision: bool,
    changes: tuple[Change, ...] | None,
    failed: list[tuple[str, str]],
    indeterminate: list[tuple[str, str]],
) -> None:
    if not status.intact:
        failed.append(
            ("HASH_FAILURE", "签名后文件内容被修改(摘要不符) / document digest does not match")
        )
    elif not status.valid:
        failed.append(("SIG_CRYPTO_FAILURE", "签名值无效 / the signature value is invalid"))
    coverage = status.coverage
    if in_last_revision and coverage != SignatureCoverageLevel.ENTIRE_FILE:
        failed.append(
            ("FORMAT_FAILURE", "签名未覆盖整个文件 / the signature does not cover the whole file")
        )
    elif coverage is None or coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        failed.append(("FORMAT_FAILURE", "签名覆盖范围异常 / unusual signature coverage"))
    # What was changed after signing is named; a change a reader sees (pages, content,
    # annotations, form fields, document-level actions) fails the signature even where
    # pyHanko's policy allows it (form filling); changed document properties alone make
    # it indeterminate: what the seal covers is intact, but this is not the file sealed.
    named = [c for c in changes or () if c.kind not in (ChangeKind.LONG_TERM, ChangeKind.SIGNATURE)]
    visible = [c for c in named if c.visible]
    for change in visible:
        failed.append(("FORMAT_FAILURE", f"签章后{change.zh} / after signing: {change.en}"))
    level = status.modification_level
    disallowed = level is not None and level > ModificationLevel.FORM_FILLING
    if disallowed and not visible:
        failed.append(
            (
                "FORMAT_FAILURE",
                "签名后文件被追加了不允许的修改(如新增页面、注释或内容) / "
                "changes not allowed after signing (pages, annotations or content added)",
            )
        )
    if status.docmdp_ok is False:
        failed.append(
            (
                "FORMAT_FAILURE",
                "违反文件修改权限(DocMDP) / modifications violate the DocMDP permissions",
            )
        )
    metadata = [
        ("METADATA_CHANGED", f"签章后{c.zh} / after signing: {c.en}")
        for c in named
        if c.kind is ChangeKind.METADATA
    ]
    (failed if failed else indeterminate).extend(metadata)
    if changes is None:
        indeterminate.append(
            (
                "GENERIC",
                "签章后追加的修订无法分析,不能确认改动了什么 / the revisions added after "
                "signing cannot be analysed",
            )
        )


def _trust(
    status: PdfSignatureStatus | DocumentTimestampStatus,
    failed: list[tuple[str, str]],
    indeterminate: list[tuple[str, str]],
    proven: datetime | None = None,
) -> None:
    indic = status.trust_problem_indic
    name = getattr(indic, "name", None)
    revoked = status.revocation_details
    if revoked is not None and proven is not None and proven < revoked.revocation_date:
        # A trusted timestamp proves the seal was used before it was revoked: not a
        # forgery, but not a clean pass either (our own, documented sub-indication).
        indeterminate.append(
            (
                "REVOKED_AFTER_SIGNING",
                f"签章证书于 {revoked.revocation_date:%Y-%m-%d} 被吊销,时间戳证明签章早于吊销;"
                "请向发证机关确认文件是否仍然有效 / the certificate was revoked after the "
                "timestamped signing time",
            )
        )
    elif revoked is not None or name == "REVOKED":
        failed.append(
            ("REVOKED", "签章证书在签章时已被吊销 / the certificate was revoked before signing")
        )
    elif not status.trusted:
        name = name or "NO_CERTIFICATE_CHAIN_FOUND"
        zh = _INDETERMINATE_TRUST_ZH.get(name, "签章证书无法确认为可信")
        indeterminate.append((name, f"{zh} / certificate not trusted: {name}"))


def _verdict(
    failed: list[tuple[str, str]], indeterminate: list[tuple[str, str]], bottom_line: bool
) -> tuple[Indication, str | None, tuple[str, ...]]:
    if failed:
        return Indication.TOTAL_FAILED, failed[0][0], tuple(r for _, r in failed + indeterminate)
    if indeterminate:
        return Indication.INDETERMINATE, indeterminate[0][0], tuple(r for _, r in indeterminate)
    if not bottom_line:  # belt and braces: never pass what pyHanko does not
        return Indication.INDETERMINATE, "GENERIC", ("验证未完全通过 / validation did not pass",)
    return Indication.TOTAL_PASSED, None, ()


def _level(status: PdfSignatureStatus, revision: int, has_dss: bool, lta_after: int) -> str:
    if status.timestamp_validity is None:
        return "B-B"
    if not has_dss:
        return "B-T"
    return "B-LTA" if lta_after > revision else "B-LT"


def _broken(sig: EmbeddedPdfSignature, kind: SignatureType, error: Exception) -> SignatureReport:
    try:
        cn, org, serial = _subject(sig.signer_cert)
        cert_sha = hashlib.sha256(sig.signer_cert.dump()).hexdigest()
    except Exception:
        cn = org = serial = cert_sha = ""
    # pyHanko's errors carry the ETSI sub-indication; anything else is a format failure
    ades = getattr(error, "ades_subindication", None)
    sub = getattr(ades, "name", None) or "FORMAT_FAILURE"
    indication = (
        Indication.INDETERMINATE
        if type(ades).__name__ == "AdESIndeterminate"
        else Indication.TOTAL_FAILED
    )
    return SignatureReport(
        field_name=str(sig.field_name),
        type=kind,
        pades_level="UNKNOWN",
        signer_common_name=cn,
        signer_organisation=org,
        signer_serial=serial,
        signer_cert_sha256=cert_sha,
        claimed_signing_time=None,
        proven_signing_time=None,
        intact=False,
        valid=False,
        trusted=False,
        chain=(),
        revocation=Revocation.NO_EVIDENCE,
        coverage="UNKNOWN",
        modification_level="UNKNOWN",
        modified_after_signing=True,
        docmdp_ok=None,
        indication=indication,
        sub_indication=sub,
        reasons=(f"签名无法解析或校验 / the signature cannot be checked: {error}",),
    )


def _report(
    sig: EmbeddedPdfSignature,
    kind: SignatureType,
    status: PdfSignatureStatus | DocumentTimestampStatus,
    *,
    level: str,
    proven: datetime | None,
    claimed: datetime | None,
    verdict: tuple[Indication, str | None, tuple[str, ...]],
    changes: tuple[Change, ...],
) -> SignatureReport:
    cert = status.signing_cert
    cn, org, serial = _subject(cert)
    mod = status.modification_level
    return SignatureReport(
        field_name=str(sig.field_name),
        type=kind,
        pades_level=level,
        signer_common_name=cn,
        signer_organisation=org,
        signer_serial=serial,
        signer_cert_sha256=hashlib.sha256(cert.dump()).hexdigest(),
        claimed_signing_time=claimed,
        proven_signing_time=proven,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        chain=_chain(status),
        revocation=_revocation(status),
        coverage=status.coverage.name if status.coverage is not None else "UNKNOWN",
        modification_level=mod.name if mod is not None else "NONE",
        modified_after_signing=mod is not None and mod > ModificationLevel.NONE,
        docmdp_ok=status.docmdp_ok,
        indication=verdict[0],
        sub_indication=verdict[1],
        reasons=verdict[2],
        changes=tuple(c.text for c in changes if c.kind is not ChangeKind.LONG_TERM),
    )


def _verify_timestamp(
    sig: EmbeddedPdfSignature, context: ValidationContext, last_revision: int
) -> SignatureReport:
    kind = SignatureType.DOCUMENT_TIMESTAMP
    try:
        status = validate_pdf_timestamp(sig, validation_context=context)
    except Exception as e:
        logger.info("document timestamp %s could not be validated: %s", sig.field_name, e)
        return _broken(sig, kind, e)
    failed: list[tuple[str, str]] = []
    indeterminate: list[tuple[str, str]] = []
    changes = _changes(sig, last_revision)
    _integrity_and_changes(
        status,
        in_last_revision=sig.signed_revision == last_revision,
        changes=changes,
        failed=failed,
        indeterminate=indeterminate,
    )
    _trust(status, failed, indeterminate)
    verdict = _verdict(failed, indeterminate, status.intact and status.valid and status.trusted)
    proven = status.timestamp if status.trusted else None
    return _report(
        sig,
        kind,
        status,
        level="DOC-TS",
        proven=proven,
        claimed=status.timestamp,
        verdict=verdict,
        changes=changes or (),
    )


def _verify_signature(
    sig: EmbeddedPdfSignature,
    context: ValidationContext,
    last_revision: int,
    *,
    has_dss: bool,
    lta_after: int,
) -> SignatureReport:
    kind = SignatureType.CERTIFICATION if _is_certification(sig) else SignatureType.APPROVAL
    try:
        status = validate_pdf_signature(
            sig, signer_validation_context=context, ts_validation_context=context
        )
    except Exception as e:  # a damaged signature must yield a report, not a crash
        logger.info("signature %s could not be validated: %s", sig.field_name, e)
        return _broken(sig, kind, e)
    failed: list[tuple[str, str]] = []
    indeterminate: list[tuple[str, str]] = []
    changes = _changes(sig, last_revision)
    _integrity_and_changes(
        status,
        in_last_revision=sig.signed_revision == last_revision,
        changes=changes,
        failed=failed,
        indeterminate=indeterminate,
    )
    ts = status.timestamp_validity
    proven = None
    if ts is not None and ts.intact and ts.valid and ts.trusted:
        proven = ts.timestamp
    _trust(status, failed, indeterminate, proven)
    if not status.seed_value_ok:
        failed.append(("SIG_CONSTRAINTS_FAILURE", "签名不满足签名域约束 / seed value constraints"))
    if ts is not None and proven is None:
        indeterminate.append(
            (
                "NO_POE",
                "签名时间戳不可信(时间戳服务不在信任列表内或已损坏) / "
                "the signature timestamp is not trusted",
            )
        )
    verdict = _verdict(failed, indeterminate, bool(status.bottom_line))
    return _report(
        sig,
        kind,
        status,
        level=_level(status, sig.signed_revision, has_dss, lta_after),
        proven=proven,
        claimed=status.signer_reported_dt,
        verdict=verdict,
        changes=changes or (),
    )


def _context(
    reader: PdfFileReader, roots: list[asn1_x509.Certificate], online: bool
) -> tuple[ValidationContext, bool]:
    kwargs = {
        "trust_roots": roots,
        "allow_fetching": online,
        "revocation_mode": "hard-fail",
        "crls": [],
        "ocsps": [],
    }
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except Exception:  # NoDSSFoundError, or a damaged DSS: validate without it
        return ValidationContext(**kwargs), False  # type: ignore[arg-type]
    return dss.as_validation_context(kwargs), True


_END_OF_REVISION = re.compile(rb"%%EOF[ \t]*(?:\r\n|\r|\n)?")


def _earlier_revisions(data: bytes, limit: int = 32) -> tuple[str, ...]:
    """SHA-256 of the file as it ended at each earlier revision, latest first (with and
    without the end-of-line after its %%EOF): a changed document can still be traced to
    the one that was issued."""
    digests: list[str] = []
    for match in _END_OF_REVISION.finditer(data):
        for end in dict.fromkeys((match.start() + 5, match.end())):
            if end < len(data):
                digests.append(hashlib.sha256(data[:end]).hexdigest())
    return tuple(reversed(digests[-limit:]))


def verify_pdf(
    pdf: bytes, *, trust_roots_pem: Sequence[bytes], online: bool = False
) -> VerificationReport:
    """Validate every signature and document timestamp in `pdf` against `trust_roots_pem`.

    Offline (the default) uses only what the PDF embeds; `online` may fetch OCSP/CRL."""
    data = bytes(pdf) if isinstance(pdf, bytes | bytearray) else b""
    digest = hashlib.sha256(data).hexdigest()
    if b"%PDF-" not in data[:1024]:
        return _failed(digest, "不是 PDF 文件 / not a PDF file")
    try:
        roots = trust_roots(trust_roots_pem)
    except Exception as e:
        return _failed(digest, f"受信任根证书无法读取 / the trust roots cannot be read: {e}")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=True)
        signatures = list(reader.embedded_signatures)
        last_revision = reader.xrefs.total_revisions - 1
    except Exception as e:
        logger.info("cannot read PDF for verification: %s", e)
        return _failed(digest, f"PDF 文件已损坏或结构不规范 / the PDF is damaged or malformed: {e}")
    if not signatures:
        return _failed(
            digest, "文件中没有电子签章 / the PDF carries no signature", "SIGNED_DATA_NOT_FOUND"
        )
    context, has_dss = _context(reader, roots, online)
    timestamps = [s for s in signatures if s.sig_object_type == "/DocTimeStamp"]
    lta_after = max((s.signed_revision for s in timestamps), default=-1)
    reports = tuple(
        _verify_timestamp(sig, context, last_revision)
        if sig.sig_object_type == "/DocTimeStamp"
        else _verify_signature(sig, context, last_revision, has_dss=has_dss, lta_after=lta_after)
        for sig in signatures
    )
    report = VerificationReport(
        file_sha256=digest,
        signatures=reports,
        problem=None,
        online=online,
        earlier_revisions=_earlier_revisions(data),
    )
    logger.info("verified %d signature(s): %s", len(reports), report.indication)
    return report
