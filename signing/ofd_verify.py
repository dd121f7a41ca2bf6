"""Verification of a sealed OFD with the checks of GB/T 38540-2020 (8.2) and GB/T 33190:

1. the signer's SM2 signature over TBS_Sign; 2. the seal maker's SM2 signature over the
seal; 3. the signer's certificate is in the seal's list; 4. the seal was valid when
signed; 5. both certificates chain to a trusted SM2 root and were valid when signed, and
neither is revoked (the registry decides: the CA publishes no CRL); 6. dataHash is the
SM3 of the signature description named by propertyInfo, and each of its references is
the SM3 of its file; every file of the package outside Signs/ is referenced.

The report has the same shape as the PDF one (signing.report)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Callable, Collection

from asn1crypto import x509
from lxml import etree

from signing.errors import SigningError
from signing.report import (
    Indication,
    Revocation,
    SignatureReport,
    SignatureType,
    VerificationReport,
)
from signing.ses import SesFacts, read_signature
from signing.sm2 import SM3, SM3_WITH_SM2, sm3, verify_sm2
from signing.sm2pki import certificate_signed_by

NS = "http://www.ofdspec.org/2016"
MAX_ENTRIES = 500
MAX_UNPACKED = 64 * 1024 * 1024
LEVEL = "GB/T 38540"
_Fail = Callable[[Indication, str, str], None]
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


_EN = "the OFD package is malformed or incomplete and cannot be verified"


class _Refused(SigningError):
    """A package that cannot be checked at all: reported, never raised to the caller."""

    code = "signing.ofd_refused"

    def __init__(self, en: str, zh: str, sub: str = "FORMAT_FAILURE") -> None:
        super().__init__(en, zh)
        self.sub = sub


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _unpack(data: bytes) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_UNPACKED:
            raise _Refused(_EN, "OFD 包过大或文件过多")
        files: dict[str, bytes] = {}
        for info in infos:
            name = info.filename
            if name.endswith("/"):
                continue
            if name.startswith("/") or ".." in name.split("/") or "\\" in name or name in files:
                raise _Refused(_EN, f"OFD 包中有非法或重复的路径 {name!r}")
            files[name] = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as e:
        raise _Refused(_EN, f"不是可读取的 OFD 文件(ZIP 包损坏):{e}") from e
    return files


def _xml(files: dict[str, bytes], path: str) -> etree._Element:
    data = files.get(path.lstrip("/"))
    if data is None:
        raise _Refused(_EN, f"OFD 包缺少 {path}")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as e:
        raise _Refused(_EN, f"{path} 不是合法的 XML:{e}") from e


def _resolve(base: str, loc: str) -> str:
    """A BaseLoc relative to the folder of `base`, or absolute from the package root."""
    if loc.startswith("/"):
        return loc.lstrip("/")
    folder = base.rsplit("/", 1)[0] if "/" in base else ""
    return f"{folder}/{loc}" if folder else loc


def _signature_paths(files: dict[str, bytes]) -> list[str]:
    ofd = _xml(files, "OFD.xml")
    if ofd.tag != _q("OFD"):
        raise _Refused(_EN, "OFD.xml 的根元素不是 ofd:OFD")
    bodies = ofd.findall(_q("DocBody"))
    if len(bodies) != 1:
        raise _Refused(_EN, "OFD.xml 应只有一个文档(DocBody)")
    signatures = bodies[0].findtext(_q("Signatures"))
    root = bodies[0].findtext(_q("DocRoot"))
    if not root or root.lstrip("/") not in files:
        raise _Refused(_EN, "OFD.xml 没有指向存在的 Document.xml")
    if not signatures:
        return []
    listing_path = _resolve("OFD.xml", signatures.strip())
    listing = _xml(files, listing_path)
    return [
        _resolve(listing_path, str(s.get("BaseLoc", ""))) for s in listing.findall(_q("Signature"))
    ]


def _cert_facts(der: bytes) -> tuple[str, str, str, str]:
    cert = x509.Certificate.load(der)
    subject = cert.subject.native
    return (
        str(subject.get("common_name", "")),
        str(subject.get("organization_name", "")),
        str(subject.get("serial_number", "")),
        hashlib.sha256(der).hexdigest(),
    )


def _valid_at(der: bytes, moment: dt.datetime) -> bool:
    cert = x509.Certificate.load(der)
    return bool(cert.not_valid_before <= moment <= cert.not_valid_after)


def _chain(der: bytes, roots: Collection[bytes]) -> bytes | None:
    return next((root for root in roots if certificate_signed_by(der, root)), None)


def _check_signature(
    files: dict[str, bytes],
    path: str,
    roots: Collection[bytes],
    revoked: Collection[str],
    now: dt.datetime,
) -> SignatureReport:
    description = files.get(path)
    if description is None:
        raise _Refused(_EN, f"签名描述文件 {path} 不存在")
    root = _xml(files, path)
    info = root.find(_q("SignedInfo"))
    value_path = _resolve(path, (root.findtext(_q("SignedValue")) or "").strip())
    if info is None or value_path not in files:
        raise _Refused(_EN, f"{path} 缺少签名信息或签名值文件")
    try:
        facts = read_signature(files[value_path])
    except ValueError as e:
        raise _Refused(_EN, f"签名值不是 GB/T 38540 电子签章数据:{e}", "SIG_CRYPTO_FAILURE") from e
    failures: list[tuple[Indication, str, str]] = []

    def fail(indication: Indication, sub: str, zh: str) -> None:
        failures.append((indication, sub, zh))

    intact = _check_hashes(files, path, value_path, description, info, facts, fail)
    valid = _check_signatures(facts, fail)
    trusted = _check_seal_and_chain(facts, roots, revoked, now, fail)
    name, org, serial, digest = _cert_facts(facts.signer_cert_der)
    worst = max(failures, key=lambda f: 2 if f[0] is Indication.TOTAL_FAILED else 1, default=None)
    return SignatureReport(
        field_name=path.split("/")[-2],
        type=SignatureType.APPROVAL,
        pades_level=LEVEL,
        signer_common_name=name,
        signer_organisation=org,
        signer_serial=serial,
        signer_cert_sha256=digest,
        claimed_signing_time=facts.time_info,
        proven_signing_time=None,
        intact=intact,
        valid=valid,
        trusted=trusted,
        chain=tuple(_cert_facts(c)[0] for c in (facts.signer_cert_der, facts.maker_cert_der)),
        revocation=Revocation.REVOKED if digest in revoked else Revocation.NOT_PUBLISHED,
        coverage="ENTIRE_FILE" if intact else "PARTIAL",
        modification_level="NONE" if intact else "OTHER",
        modified_after_signing=not intact,
        docmdp_ok=None,
        indication=worst[0] if worst else Indication.TOTAL_PASSED,
        sub_indication=worst[1] if worst else None,
        reasons=tuple(f[2] for f in failures),
    )


def _check_hashes(
    files: dict[str, bytes],
    path: str,
    value_path: str,
    description: bytes,
    info: etree._Element,
    facts: SesFacts,
    fail: _Fail,
) -> bool:
    report = fail
    ok = True
    if facts.data_hash != sm3(description):
        report(Indication.TOTAL_FAILED, "HASH_FAILURE", "签名描述文件在签章后被改动")
        ok = False
    if facts.property_info.lstrip("/") != path:
        report(Indication.TOTAL_FAILED, "HASH_FAILURE", "签章数据指向的不是本签名描述文件")
        ok = False
    references = info.find(_q("References"))
    method = references.get("CheckMethod", "") if references is not None else ""
    if references is None or method not in (SM3, "SM3"):
        report(Indication.TOTAL_FAILED, "FORMAT_FAILURE", "签名描述没有以 SM3 计算的文件摘要")
        return False
    covered: set[str] = set()
    for reference in references.findall(_q("Reference")):
        ref = str(reference.get("FileRef", "")).lstrip("/")
        expected = (reference.findtext(_q("CheckValue")) or "").strip()
        covered.add(ref)
        data = files.get(ref)
        if data is None or base64.b64encode(sm3(data)).decode() != expected:
            report(Indication.TOTAL_FAILED, "HASH_FAILURE", f"文件 {ref} 在签章后被改动或删除")
            ok = False
    sign_dir = path.rsplit("/", 2)[0]  # Doc_0/Signs
    unsigned = [p for p in files if p not in covered and not p.startswith(f"{sign_dir}/")]
    if unsigned:
        report(
            Indication.TOTAL_FAILED,
            "FORMAT_FAILURE",
            f"签章后加入了未受保护的文件:{', '.join(sorted(unsigned)[:5])}",
        )
        ok = False
    if value_path in covered or path in covered:
        ok = False
    return ok


def _check_signatures(facts: SesFacts, fail: _Fail) -> bool:
    report = fail
    ok = True
    if facts.version != 4:
        report(Indication.TOTAL_FAILED, "FORMAT_FAILURE", f"电子签章版本 {facts.version} 不是 4")
        ok = False
    if facts.signature_alg != SM3_WITH_SM2 or facts.seal_alg != SM3_WITH_SM2:
        report(Indication.TOTAL_FAILED, "SIG_CRYPTO_FAILURE", "签名算法不是 SM3withSM2")
        return False
    signer_key = x509.Certificate.load(facts.signer_cert_der).public_key.dump()
    if not verify_sm2(signer_key, facts.tbs_der, facts.signature):
        report(Indication.TOTAL_FAILED, "SIG_CRYPTO_FAILURE", "签章人的 SM2 签名验证失败")
        ok = False
    maker_key = x509.Certificate.load(facts.maker_cert_der).public_key.dump()
    if not verify_sm2(maker_key, facts.seal_signed_der, facts.seal_signature):
        report(Indication.TOTAL_FAILED, "SIG_CRYPTO_FAILURE", "电子印章的制章人签名验证失败")
        ok = False
    return ok


def _check_seal_and_chain(
    facts: SesFacts,
    roots: Collection[bytes],
    revoked: Collection[str],
    now: dt.datetime,
    fail: _Fail,
) -> bool:
    report = fail
    trusted = True
    if facts.signer_cert_der not in facts.allowed_signers:
        report(
            Indication.TOTAL_FAILED, "SIG_CONSTRAINTS_FAILURE", "签章人不在电子印章的签章人列表中"
        )
    if not facts.valid_start <= facts.time_info <= facts.valid_end:
        report(Indication.TOTAL_FAILED, "SEAL_NOT_VALID", "签章时电子印章不在有效期内")
    if facts.time_info > now + dt.timedelta(minutes=10):
        report(Indication.TOTAL_FAILED, "SIG_CONSTRAINTS_FAILURE", "签章时间晚于当前时间")
    for der, who in ((facts.signer_cert_der, "签章人"), (facts.maker_cert_der, "制章人")):
        anchor = _chain(der, roots)
        if anchor is None:
            report(
                Indication.INDETERMINATE,
                "NO_CERTIFICATE_CHAIN_FOUND",
                f"{who}证书不是受信任的 SM2 根证书签发的",
            )
            trusted = False
        elif not (_valid_at(der, facts.time_info) and _valid_at(anchor, facts.time_info)):
            report(Indication.INDETERMINATE, "OUT_OF_BOUNDS_NO_POE", f"签章时{who}证书不在有效期内")
            trusted = False
        if hashlib.sha256(der).hexdigest() in revoked:
            report(Indication.TOTAL_FAILED, "REVOKED", f"{who}证书已被吊销")
            trusted = False
    return trusted


def verify_ofd(
    data: bytes,
    *,
    trust_roots_der: Collection[bytes],
    revoked_cert_sha256: Collection[str] = (),
    now: dt.datetime | None = None,
) -> VerificationReport:
    """The report on every signature of a sealed OFD (no signature: SIGNED_DATA_NOT_FOUND)."""
    digest = hashlib.sha256(data).hexdigest()
    now = now or dt.datetime.now(dt.UTC)
    try:
        files = _unpack(data)
        paths = _signature_paths(files)
        signatures = tuple(
            _check_signature(files, path, trust_roots_der, revoked_cert_sha256, now)
            for path in paths
        )
    except _Refused as e:
        return VerificationReport(digest, (), e.zh, e.sub)
    except (ValueError, TypeError, KeyError, AttributeError) as e:  # asn1crypto on junk
        return VerificationReport(
            digest, (), f"签章数据中的证书或结构无法解析:{e}", "SIG_CRYPTO_FAILURE"
        )
    return VerificationReport(digest, signatures, None)


def looks_like_ofd(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"
