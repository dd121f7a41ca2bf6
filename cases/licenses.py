"""E-licenses (电子证照): numbered, rendered, certified with the department's seal,
archived with a JSON metadata record beside the PDF."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from sqlalchemy.orm import Session

from cases import audit
from cases.documents import LicenseContent, render_license
from cases.hall import Hall
from cases.numbering import next_license_number
from cases.seals import apply_seal, seal_for
from cases.storage import archive_bytes
from models import Case, License, LicenseStatus, User


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def issue_license(session: Session, hall: Hall, case: Case, *, actor: User) -> License:
    spec = case.checklist.license_spec
    department = case.department
    today = date.today()
    number = next_license_number(session, spec["type_code"], department.credit_code, today)
    years = int(spec.get("validity_years", 0))
    valid_until = _years_later(today, years) if years else None
    content = LicenseContent(
        title=spec["title"],
        number=number,
        holder=case.applicant_name,
        holder_id=case.applicant_id,
        item_name=case.item.name,
        department_name=department.name,
        issued_on=today,
        valid_until=valid_until,
        details=(("办件编号", case.number),),
        verify_url=f"{hall.settings.public_base_url}/verify?license={number}",
    )
    seal = seal_for(session, department_id=department.id)
    pdf = apply_seal(
        session,
        hall.pki,
        seal,
        render_license(content),
        actor=actor.username,
        purpose=f"license {number}",
        certify=True,
    )
    stored = archive_bytes(
        session,
        hall.store,
        pdf,
        content_type="application/pdf",
        doc_class="license",
        case_id=case.id,
        provider_department_id=department.id,
        provider_code=department.code,
    )
    license_ = License(
        number=number,
        case_id=case.id,
        type_code=spec["type_code"],
        title=spec["title"],
        holder=case.applicant_name,
        holder_id=case.applicant_id,
        department_id=department.id,
        seal_id=seal.id,
        issued_on=today,
        valid_until=valid_until,
        status=LicenseStatus.VALID,
        object_id=stored.id,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
    )
    session.add(license_)
    session.flush()
    metadata = {
        "number": number,
        "type": spec["type_code"],
        "title": spec["title"],
        "holder": case.applicant_name,
        "holder_id": case.applicant_id,
        "item": case.item.code,
        "issuer": department.name,
        "issuer_credit_code": department.credit_code,
        "issued_on": today.isoformat(),
        "valid_until": valid_until.isoformat() if valid_until else None,
        "case": case.number,
        "pdf_sha256": license_.pdf_sha256,
        "seal": seal.code,
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
    audit.record(
        session,
        actor=actor.username,
        action="license.issue",
        target=f"license:{license_.id}",
        number=number,
    )
    return license_
