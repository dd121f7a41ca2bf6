"""A denial produces its 不予许可决定书: sealed by the deciding department (only with a
seal-use delegation), archived, delivered at the window and fed back like a license."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.db import session_scope
from cases.delivery import handout as delivery
from cases.review import steps as review
from cases.review.authority import NotChiefRepresentative
from cases.seals.delegations import revoke_delegation
from cases.verification.status import verify_document
from models import (
    AuditEvent,
    Case,
    CaseStatus,
    DecisionDocument,
    Delegation,
    DelegationKind,
    Outcome,
    StoredObject,
)
from tests.cases.backoffice_world import APPLICANT_ID, World, accepted_case, open_world

REASON = "经营场所位于居民住宅楼内,不符合个体工商户登记的场所要求"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from open_world(tmp_path_factory.mktemp("decision"))


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return "".join(done.stdout.split())


def test_a_denial_is_a_sealed_document_delivered_at_the_window(
    world: World, tmp_path: Path
) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, "SCJG-GT-001")
        chief = world.user(s, "chief")
        result = review.act(s, hall, case, actor=chief, outcome=Outcome.DENY, comment=REASON)
        document = result.decision_document
        assert document is not None and case.status == CaseStatus.DENIED
        assert document.number.startswith("市场监督管理局不许字〔") and "第000001号" in (
            document.number
        )
        obj = s.get_one(StoredObject, document.object_id)
        assert obj.doc_class == "decision" and obj.case_id == case.id
        pdf = hall.store.get(obj.key)
        found = delivery.delivery_of(s, case)
        assert (found.result_kind, found.decision_document_id) == ("decision", document.id)
        actions = [e.action for e in review.trail(s, case)]
        assert actions.index("review.final.deny") < actions.index("decision.issue")
        assert actions.index("decision.issue") < actions.index("delivery.at_window")
        uses = s.scalars(select(AuditEvent).where(AuditEvent.action == "seal.use")).all()
        assert any(e.detail["purpose"] == f"decision {document.number}" for e in uses)
        number = case.number
        outcome = verify_document(s, hall, pdf)  # the verifier of record
        assert outcome.verdict.value == "valid", outcome.reasons
        assert [seal["code"] for seal in outcome.seals] == ["dept-scjgj"]
        # the OFD beside it, sealed with the GB/T 38540 e-seal, registered with the case
        ofd_object = s.scalars(
            select(StoredObject).where(
                StoredObject.case_id == case.id, StoredObject.doc_class == "decision_ofd"
            )
        ).one()
        ofd = hall.store.get(ofd_object.key)
        ofd_outcome = verify_document(s, hall, ofd)
        assert ofd_outcome.verdict.value == "valid", ofd_outcome.reasons
        assert ofd_outcome.report.signatures[0].pades_level == "GB/T 38540"
        assert any(e.detail["purpose"] == f"decision {document.number} (OFD)" for e in uses)
        decision_number = document.number
    with zipfile.ZipFile(io.BytesIO(ofd)) as archive:
        page = "".join(
            re.findall(
                r">([^<]*)</ofd:TextCode>", archive.read("Doc_0/Pages/Page_0/Content.xml").decode()
            )
        )
    for expected in ("不予行政许可决定书", decision_number, REASON[:10]):
        assert expected in page, expected
    path = tmp_path / "decision.pdf"
    path.write_bytes(pdf)
    text = _pdf_text(path)
    for expected in ("不予行政许可决定书", "个体工商户设立登记", "张三", number, REASON):
        assert expected in text, expected
    assert "六十日内依法申请行政复议" in text and "六个月内依法向人民法院提起行政诉讼" in text
    # pdfsig cross-checks the seal's cryptography (pyHanko is the verifier of record)
    sig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in sig and "市场监督管理局" in sig, sig
    with session_scope(hall.sessions) as s:
        done = delivery.pick_up(
            s,
            review_case(s, number),
            actor=world.user(s, "clerk"),
            receiver_name="张三",
            id_number=APPLICANT_ID,
        )
        assert done.status == "delivered" and done.feedback_at is not None
        fed_back = delivery.feedback_for(s, done.department_id)
        assert any(c.number == number for _, c in fed_back)


def review_case(session: Session, number: str) -> Case:
    return session.scalars(select(Case).where(Case.number == number)).one()


def test_no_seal_use_delegation_no_decision(world: World) -> None:
    """Runs last in this module: it revokes the department's development delegation."""
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, "SCJG-GT-001")
        number = case.number
        chief = world.user(s, "chief")
        for d in s.scalars(
            select(Delegation).where(
                Delegation.kind == DelegationKind.SEAL_USE,
                Delegation.department_id == chief.department_id,
            )
        ):
            revoke_delegation(s, d, actor="admin", reason="印章管理员调整授权")
    # without the delegation the reviewer is no chief representative: refused before the seal
    with pytest.raises(NotChiefRepresentative, match="授权委托"), session_scope(hall.sessions) as s:
        case = review_case(s, number)
        review.deny(s, hall, case, actor=world.user(s, "chief"), comment=REASON)
    with session_scope(hall.sessions) as s:  # nothing half-done: still awaiting its decision
        case = review_case(s, number)
        assert case.status == CaseStatus.ACCEPTED
        assert (
            s.scalars(select(DecisionDocument).where(DecisionDocument.case_id == case.id)).first()
            is None
        )
