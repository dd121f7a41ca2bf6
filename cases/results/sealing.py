"""A department's result document (e-license, 不予许可决定书): certified with the
department's seal at the configured PAdES level and archived as the department's own."""

from __future__ import annotations

from sqlalchemy.orm import Session

from cases.hall import Hall
from cases.printing.documents import RenderedDocument
from cases.records.storage import archive_bytes
from cases.seals.registry import apply_seal, authorise_use, record_use
from cases.seals.sm2_seals import OfdSealMaterial
from models import Case, Seal, StoredObject
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
    return pdf, _archive(session, hall, case, pdf, "application/pdf", doc_class)


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
    authorised_by = authorise_use(session, seal, actor=actor, item_code=item_code)
    ofd = seal_ofd(
        document,
        seal_der=material.seal_der,
        signer_key=material.signer_key,
        signer_cert_der=material.signer_cert_der,
        provider=hall.settings.public_base_url,
    )
    record_use(
        session,
        seal,
        actor=actor,
        purpose=purpose,
        authorised_by=authorised_by,
        level="GB/T 38540",
        sealed=ofd,
    )
    return ofd, _archive(session, hall, case, ofd, "application/ofd", doc_class)


def _archive(
    session: Session, hall: Hall, case: Case, data: bytes, content_type: str, doc_class: str
) -> StoredObject:
    """Archived as the department's own document (谁提供、谁负责)."""
    department = case.department
    return archive_bytes(
        session,
        hall.store,
        data,
        content_type=content_type,
        doc_class=doc_class,
        case_id=case.id,
        provider_department_id=department.id,
        provider_code=department.code,
    )
