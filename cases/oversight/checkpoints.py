"""Sealed checkpoints of the audit chain: a one-page PDF naming the sequence number and
hash of the chain head, sealed with the hall's seal and archived.

A checkpoint makes rewriting history detectable even by someone who can write the
database: to re-chain altered events they would also have to forge the seal.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from archive import ObjectStore
from cases import audit
from cases.errors import NotFound
from cases.printing.documents import RenderedDocument, _fonts
from cases.records.storage import archive_bytes
from cases.seals.registry import SERVICE_ACTOR, SERVICE_SEAL, Pki, apply_seal
from models import AuditChainHead, AuditCheckpoint, Seal, SealStatus, utcnow
from signing import Indication, verify_pdf

log = logging.getLogger(__name__)


def _render(seq: int, digest: str, when: str) -> RenderedDocument:
    fonts = _fonts()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    page.setTitle(f"audit checkpoint {seq}")
    page.setSubject(f"onewindow-audit-checkpoint seq={seq} sha256={digest}")
    page.setFont(fonts.hei, 18)
    page.drawString(25 * mm, 260 * mm, "审计日志检查点 / Audit log checkpoint")
    page.setFont(fonts.song, 11)
    page.drawString(25 * mm, 245 * mm, f"序号 / sequence: {seq}")
    page.drawString(25 * mm, 237 * mm, "链头哈希 / chain head SHA-256:")
    page.setFont("Courier", 9)
    page.drawString(25 * mm, 230 * mm, digest)
    page.setFont(fonts.song, 11)
    page.drawString(25 * mm, 220 * mm, f"时间 / time (UTC): {when}")
    page.showPage()
    page.save()
    return RenderedDocument(
        pdf=buffer.getvalue(), seal_page=0, seal_box=(120 * mm, 150 * mm, 165 * mm, 195 * mm)
    )


def _service_seal(session: Session) -> Seal:
    """Checkpoints are sealed by the system, with the hall's service seal (the seal the
    issue-5 work reserves for the platform's own documents), never by a person's seal."""
    seal = session.scalars(select(Seal).where(Seal.code == SERVICE_SEAL)).first()
    if seal is None or seal.status != SealStatus.ACTIVE:
        raise NotFound(
            "no active service seal for audit checkpoints",
            "没有可用于审计检查点的服务专用章",
        )
    return seal


def make_checkpoint(
    session: Session, pki: Pki, store: ObjectStore, *, actor: str = "system"
) -> AuditCheckpoint | None:
    """Seal the current chain head; None when nothing happened since the last one."""
    head = session.get(AuditChainHead, 1)
    if head is None:
        return None
    last = session.scalar(select(AuditCheckpoint.seq).order_by(AuditCheckpoint.seq.desc()).limit(1))
    if last == head.seq:
        return None
    seq, digest = head.seq, head.hash
    pdf = apply_seal(
        session,
        pki,
        _service_seal(session),
        _render(seq, digest, utcnow().isoformat(timespec="seconds")),
        actor=SERVICE_ACTOR,
        purpose=f"audit checkpoint {seq} ({actor})",
    )
    stored = archive_bytes(
        session,
        store,
        pdf,
        content_type="application/pdf",
        doc_class="audit_checkpoint",
        provided_by=actor,
    )
    checkpoint = AuditCheckpoint(seq=seq, hash=digest, object_id=stored.id)
    session.add(checkpoint)
    session.flush()
    audit.record(
        session, actor=actor, action="audit.checkpoint", target=f"audit:{seq}", sha256=digest
    )
    log.info("audit checkpoint at seq %d", seq)
    return checkpoint


@dataclass(frozen=True)
class CheckpointProblem:
    seq: int
    reason: str


def verify_checkpoints(session: Session, pki: Pki, store: ObjectStore) -> list[CheckpointProblem]:
    """Each checkpoint's sealed PDF must be intact and name the hash recorded for it."""
    from models import StoredObject

    problems = []
    for checkpoint in session.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.seq)):
        obj = session.get_one(StoredObject, checkpoint.object_id)
        pdf = store.get(obj.key)
        needle = f"seq={checkpoint.seq} sha256={checkpoint.hash}".encode()
        if needle not in pdf:
            problems.append(CheckpointProblem(checkpoint.seq, "sealed PDF names another hash"))
            continue
        report = verify_pdf(pdf, trust_roots_pem=pki.trust_anchors())
        if report.indication is Indication.TOTAL_FAILED:
            problems.append(CheckpointProblem(checkpoint.seq, "seal of the checkpoint is broken"))
    return problems
