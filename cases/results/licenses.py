"""E-licenses (电子证照): numbered, rendered, certified with the department's seal,
archived with a JSON metadata record beside the PDF; changed (变更: a new version that
supersedes the old one) and revoked or cancelled (撤销 / 注销) with a reason.

The QR code carries the verification URL and a compact payload signed with the same seal,
so the printed facts can be checked offline against the seal certificate.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit, faults
from cases.errors import InvalidInput, InvalidState, NotFound
from cases.hall import Hall
from cases.numbering import (
    GBT_36904_ROOT,
    gbt_type_code,
    license_identifier,
    license_number,
    next_license_number,
    number_parts,
    reserve,
)
from cases.records.storage import archive_bytes
from cases.results.core_metadata import core_metadata, xmp_packet
from cases.results.license_document import LicenseContent, render_license
from cases.results.license_ofd import license_ofd
from cases.results.sealing import seal_and_archive, seal_ofd_and_archive
from cases.seals.registry import seal_for, signer_for
from cases.seals.sm2_seals import ofd_seal_material
from models import Case, Department, License, LicenseStatus, Seal, User
from signing import sign_payload
from signing.xmp import with_xmp


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class _Facts:
    number: str
    identifier: str
    version: int
    holder: str
    holder_id: str
    issued_on: date
    valid_until: date | None


def qr_payload(facts: _Facts, department: Department, seal: Seal) -> dict[str, Any]:
    """What the QR payload states: the license's own printed facts, nothing more."""
    return {
        "n": facts.number,
        "t": facts.identifier,
        "h": facts.holder,
        "i": department.credit_code,
        "d": facts.issued_on.isoformat(),
        "u": facts.valid_until.isoformat() if facts.valid_until else None,
        "s": seal.cert_sha256[:16],
    }


def verify_url(hall: Hall, reference: str, token: str | None = None) -> str:
    """The public page for a license number or identifier (both resolve)."""
    url = f"{hall.settings.public_base_url}/verify?license={reference}"
    return f"{url}&p={token}" if token else url


def _seal_and_archive(
    session: Session,
    hall: Hall,
    case: Case,
    facts: _Facts,
    *,
    actor: User,
    supersedes: License | None,
) -> License:
    spec = case.checklist.license_spec
    department = case.department
    seal = seal_for(session, department_id=department.id)
    token = sign_payload(signer_for(hall.pki, seal), qr_payload(facts, department, seal))
    content = LicenseContent(
        title=spec["title"],
        number=facts.number,
        identifier=facts.identifier,
        holder=facts.holder,
        holder_id=facts.holder_id,
        item_name=case.item.name,
        department_name=department.name,
        issued_on=facts.issued_on,
        valid_until=facts.valid_until,
        details=(("办件编号", case.number),),
        verify_url=verify_url(hall, facts.identifier, token),
    )
    material = ofd_seal_material(session, hall.pki, seal)
    record = core_metadata(
        title=spec["title"],
        type_code=facts.identifier.split(".")[5],
        number=facts.number,
        identifier=facts.identifier,
        issuer=department.name,
        issuer_code=department.credit_code,
        issued_on=facts.issued_on,
        holder=facts.holder,
        holder_code=facts.holder_id,
        holder_type=case.applicant_type,
        valid_until=facts.valid_until,
        seal={
            "印章编码": seal.code,
            "印章名称": seal.name,
            "印章证书SHA256": seal.cert_sha256,
            "PDF签章": "PAdES ECDSA-P256-SHA256",
            "OFD签章": "GB/T 38540 SM2-SM3",
            "SM2证书SHA256": seal.sm2_cert_sha256 or "",
        },
    )
    rendered = render_license(content)
    rendered = replace(rendered, pdf=with_xmp(rendered.pdf, xmp_packet(record)))
    pdf, stored = seal_and_archive(
        session,
        hall,
        case,
        seal,
        rendered,
        actor=actor.username,
        purpose=f"license {facts.number}",
        doc_class="license",
        item_code=case.item.code,
    )
    ofd, ofd_stored = seal_ofd_and_archive(
        session,
        hall,
        case,
        seal,
        material,
        license_ofd(content, record),
        actor=actor.username,
        purpose=f"license {facts.number} (OFD)",
        doc_class="license_ofd",
        item_code=case.item.code,
    )
    license_ = License(
        number=facts.number,
        identifier=facts.identifier,
        case_id=case.id,
        type_code=spec["type_code"],
        title=spec["title"],
        holder=facts.holder,
        holder_id=facts.holder_id,
        department_id=department.id,
        seal_id=seal.id,
        issued_on=facts.issued_on,
        valid_until=facts.valid_until,
        status=LicenseStatus.VALID,
        object_id=stored.id,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        version=facts.version,
        supersedes_id=supersedes.id if supersedes else None,
        core_metadata=record,
        ofd_object_id=ofd_stored.id,
        ofd_sha256=hashlib.sha256(ofd).hexdigest(),
    )
    session.add(license_)
    session.flush()
    metadata = {
        "number": facts.number,
        "identifier": facts.identifier,
        "version": facts.version,
        "supersedes": supersedes.number if supersedes else None,
        "type": spec["type_code"],
        "title": spec["title"],
        "holder": facts.holder,
        "holder_id": facts.holder_id,
        "item": case.item.code,
        "issuer": department.name,
        "issuer_credit_code": department.credit_code,
        "issued_on": facts.issued_on.isoformat(),
        "valid_until": facts.valid_until.isoformat() if facts.valid_until else None,
        "case": case.number,
        "pdf_sha256": license_.pdf_sha256,
        "ofd_sha256": license_.ofd_sha256,
        "pades_level": hall.settings.license_pades_level,
        "seal": seal.code,
        "seal_cert_sha256": seal.cert_sha256,
        "qr_payload": token,
        "gbt_36903": record,
    }
    archive_bytes(
        session,
        hall.store,
        json.dumps(metadata, ensure_ascii=False).encode(),
        content_type="application/json",
        doc_class="license_metadata",
        case_id=case.id,
        provider_department_id=department.id,
        provider_code=department.code,
    )
    faults.reach("license.archived")
    return license_


def issue_license(session: Session, hall: Hall, case: Case, *, actor: User) -> License:
    spec = case.checklist.license_spec
    today = date.today()
    number = next_license_number(
        session, hall.store, spec["type_code"], case.department.credit_code, today
    )
    years = int(spec.get("validity_years", 0))
    facts = _Facts(
        number=number,
        identifier=_identifier(session, number),
        version=1,
        holder=case.applicant_name,
        holder_id=case.applicant_id,
        issued_on=today,
        valid_until=_years_later(today, years) if years else None,
    )
    license_ = _seal_and_archive(session, hall, case, facts, actor=actor, supersedes=None)
    audit.record(
        session,
        actor=actor.username,
        action="license.issue",
        target=f"license:{license_.id}",
        number=number,
    )
    return license_


def _identifier(session: Session, number: str) -> str:
    """The GB/T 36904 identifier for the license numbered `number` (same serial, version)."""
    parts = number_parts(number)
    if parts is None:  # pragma: no cover - numbers come from license_number
        raise InvalidState(f"malformed license number {number}", f"证照编号 {number} 格式错误")
    type_code, credit, year, serial, version = parts
    gbt_type = gbt_type_code(session, credit, type_code)
    return license_identifier(gbt_type, credit, year, serial, version)


def find_license(session: Session, reference: str) -> License:
    """The license with this number (证照编号) or identifier (证照标识)."""
    column = License.identifier if reference.startswith(f"{GBT_36904_ROOT}.") else License.number
    license_ = session.scalars(select(License).where(column == reference)).first()
    if license_ is None:
        raise NotFound(f"no license {reference}", f"没有编号或标识为 {reference} 的电子证照")
    return license_


def _require_issuer(license_: License, actor: User) -> None:
    if actor.department_id != license_.department_id:
        raise InvalidState(
            f"license {license_.number} was issued by another department",
            f"电子证照 {license_.number} 不是本部门签发的,无权变更或注销",
        )


def _require_valid(license_: License) -> None:
    if license_.status != LicenseStatus.VALID:
        raise InvalidState(
            f"license {license_.number} is {license_.status}, not valid",
            f"电子证照 {license_.number} 当前状态为 {license_.status},不能再变更或注销",
        )


def change_license(
    session: Session,
    hall: Hall,
    license_: License,
    *,
    actor: User,
    reason: str,
    holder: str | None = None,
    valid_until: date | None = None,
) -> License:
    """变更: issue the next version under the same serial; the old one is superseded."""
    if not reason.strip():
        raise InvalidInput("a change needs a reason", "证照变更必须写明理由")
    _require_issuer(license_, actor)
    _require_valid(license_)
    case = session.get_one(Case, license_.case_id)
    type_code, credit, serial_part, _ = license_.number.split("-")
    version = license_.version + 1
    year, serial = int(serial_part[:4]), int(serial_part[4:])
    number = license_number(type_code, credit, year, serial, version)
    while not reserve(hall.store, number, f"license-version:{type_code}:{year}:{serial}"):
        version += 1  # that version was sealed by a change that never committed: void
        number = license_number(type_code, credit, year, serial, version)
    facts = _Facts(
        number=number,
        identifier=_identifier(session, number),
        version=version,
        holder=holder or license_.holder,
        holder_id=license_.holder_id,
        issued_on=date.today(),
        valid_until=valid_until or license_.valid_until,
    )
    new = _seal_and_archive(session, hall, case, facts, actor=actor, supersedes=license_)
    license_.status = LicenseStatus.SUPERSEDED
    license_.status_reason = f"{reason}(已由 {number} 替代)"
    license_.status_changed_at = datetime.now(UTC)
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="license.change",
        target=f"license:{license_.id}",
        new_number=number,
        reason=reason,
    )
    return new


def revoke_license(
    session: Session,
    license_: License,
    *,
    actor: User,
    reason: str,
    status: LicenseStatus = LicenseStatus.CANCELLED,
) -> None:
    """撤销 (REVOKED) or 注销 (CANCELLED) with a reason; the PDF stays archived, and
    verification reports it as no longer valid from now on."""
    if status not in (LicenseStatus.REVOKED, LicenseStatus.CANCELLED):
        raise InvalidInput("status must be revoked or cancelled", "状态只能为撤销或注销")
    if not reason.strip():
        raise InvalidInput("revoking a license needs a reason", "撤销或注销证照必须写明理由")
    _require_issuer(license_, actor)
    _require_valid(license_)
    license_.status = status
    license_.status_reason = reason
    license_.status_changed_at = datetime.now(UTC)
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action=f"license.{status.value}",
        target=f"license:{license_.id}",
        reason=reason,
    )
