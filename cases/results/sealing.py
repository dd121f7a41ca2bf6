"""A department's result document (e-license, 不予许可决定书): certified with the
department's seal at the configured PAdES level and archived as the department's own."""

from __future__ import annotations

from sqlalchemy.orm import Session

from cases.hall import Hall
from cases.printing.documents import RenderedDocument
from cases.records.storage import archive_bytes
from cases.seals.registry import apply_seal
from models import Case, Seal, StoredObject


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
