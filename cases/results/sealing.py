"""A department's result document (e-license, 不予许可决定书): certified with the
department's seal at the configured PAdES level and archived as the department's own."""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy.orm import Session

from cases import audit
from cases.hall import Hall
from cases.printing.documents import RenderedDocument
from cases.records.storage import archive_bytes
from cases.seals.delegations import SealUseRefused, authorise_seal_use
from cases.seals.registry import apply_seal, seal_status
from cases.seals.sm2_seals import OfdSealMaterial
from models import Case, Seal, SealStatus, StoredObject
from signing.ofd import OfdDocument, seal_ofd


def seal_and_archive(
    session: Session,
    hall: Hall,
    case: Case,
    seal: Seal,
    rendered: RenderedDocument,
    *,
    actor: str,
    purpose: str,
    doc_class: str,
    item_code: str | None = None,
) -> tuple[bytes, StoredObject]:
    """The sealed PDF and its archive row (the seal's use is refused without a seal-use
    delegation, see `apply_seal`; `item_code` lets a window's delegation for immediate
    items cover a clerk)."""
    pdf = apply_seal(
        session,
        hall.pki,
        seal,
        rendered,
        actor=actor,
        purpose=purpose,
        certify=True,
        level=hall.settings.license_pades_level,
        tsa_url=hall.settings.tsa_url,
        item_code=item_code,
    )
    department = case.department
    stored = archive_bytes(
        session,
        hall.store,
        pdf,
        content_type="application/pdf",
        doc_class=doc_class,
        case_id=case.id,
        provider_department_id=department.id,
        provider_code=department.code,
    )
    return pdf, stored


def seal_ofd_and_archive(
    session: Session,
    hall: Hall,
    case: Case,
    seal: Seal,
    material: OfdSealMaterial,
    document: OfdDocument,
    *,
    actor: str,
    purpose: str,
    doc_class: str,
    item_code: str | None = None,
) -> tuple[bytes, StoredObject]:
    """The OFD sealed with the seal's GB/T 38540 e-seal by the department's signer, under
    the same seal-use delegation as the PDF, audited, and its archive row."""
    status = seal_status(seal)
    if status is not SealStatus.ACTIVE:
        raise SealUseRefused(
            f"seal {seal.code} is {status.value} and cannot be used",
            f"电子印章 {seal.code} 已{'吊销' if status is SealStatus.REVOKED else '过期'},不能使用",
        )
    authorised_by = authorise_seal_use(
        session, seal=seal, username=actor, today=date.today(), item_code=item_code
    )
    ofd = seal_ofd(
        document,
        seal_der=material.seal_der,
        signer_key=material.signer_key,
        signer_cert_der=material.signer_cert_der,
        provider=hall.settings.public_base_url,
    )
    audit.record(
        session,
        actor=actor,
        action="seal.use",
        target=f"seal:{seal.id}",
        purpose=purpose,
        authorised_by=authorised_by,
        level="GB/T 38540",
        sha256=hashlib.sha256(ofd).hexdigest(),
    )
    department = case.department
    stored = archive_bytes(
        session,
        hall.store,
        ofd,
        content_type="application/ofd",
        doc_class=doc_class,
        case_id=case.id,
        provider_department_id=department.id,
        provider_code=department.code,
    )
    return ofd, stored
