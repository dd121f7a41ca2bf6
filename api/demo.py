"""`onewindow demo`: one case end to end on the embedded defaults and generated scans.

The first submission lacks two required materials, so the correction notice lists both
at once (一次告知); the resubmission is accepted; the department approves; the e-license is
issued, archived and verified.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from cases.acceptance import counter
from cases.accounts import create_user
from cases.db import session_scope
from cases.hall import Hall
from cases.intake import pages as intake
from cases.review import steps as review
from cases.verification.status import Verdict, verify_document
from models import Case, License, Notice, Role, StoredObject, User
from sample_scans.scans import generate_pages, sample_applicant

ITEM = "SCJG-GT-001"
FIRST_VISIT = ("application_form",)
SECOND_VISIT = ("id_card", "premises_proof")


def _user(session: Any, username: str, **kwargs: Any) -> User:
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        user, _ = create_user(session, username=username, **kwargs)
    return user


def run_demo(hall: Hall, out_dir: Path, say: Callable[[str], None] = print) -> dict[str, Any]:
    out_dir.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}

    @contextmanager
    def step(name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        timings[name] = time.perf_counter() - started
        say(f"  [{timings[name]:6.2f} s] {name}")

    applicant = sample_applicant(seed=7)
    with session_scope(hall.sessions) as s:
        item = hall.catalog.current(s).item(ITEM)
    say(f"onewindow demo: {item.name} ({ITEM}), applicant {applicant.name}")
    with step("open case (开办件)"), session_scope(hall.sessions) as s:
        clerk = _user(
            s, "demo-clerk", display_name="综合窗口 张敏", role=Role.CLERK, window_code="W01"
        )
        _user(
            s,
            "demo-reviewer",
            display_name="市场监管局首席代表 王磊",
            role=Role.REVIEWER,
            department_code=item.department,
        )
        case = intake.create_case(
            s,
            item_code=ITEM,
            applicant_type="person",
            applicant_name=applicant.name,
            applicant_id=applicant.id_number,
            applicant_phone=applicant.phone,
            actor=clerk,
        )
        case_id = case.id
    with step(f"scan first visit: {', '.join(FIRST_VISIT)}"):
        _scan(hall, case_id, generate_pages(item.name, FIRST_VISIT, applicant, seed=1))
    with step("OCR + classify pages"):
        intake.read_queued(hall, case_id=case_id)
    with step("check + correction notice (补正通知书)"):
        correction = _decide(hall, case_id, out_dir / "correction-notice.pdf")
    say(
        f"           → {correction['kind']} {correction['number']}: "
        + "; ".join(correction["findings"])
    )
    with step(f"scan second visit: {', '.join(SECOND_VISIT)}"):
        _scan(hall, case_id, generate_pages(item.name, SECOND_VISIT, applicant, seed=2))
    with step("OCR + classify pages"):
        intake.read_queued(hall, case_id=case_id)
    with step("check + acceptance notice (受理通知书)"):
        acceptance = _decide(hall, case_id, out_dir / "acceptance-notice.pdf")
    say(f"           → {acceptance['kind']} {acceptance['number']}")
    with step("department review + sealed e-license"), session_scope(hall.sessions) as s:
        reviewer = s.scalars(select(User).where(User.username == "demo-reviewer")).one()
        case = s.get_one(Case, case_id)
        license_ = review.approve(s, hall, case, actor=reviewer, comment="材料齐全,准予登记")
        number, key = license_.number, s.get_one(StoredObject, license_.object_id).key
        ofd_key = s.get_one(StoredObject, license_.ofd_object_id).key
    license_pdf = hall.store.get(key)
    (out_dir / "license.pdf").write_bytes(license_pdf)
    license_ofd = hall.store.get(ofd_key)
    (out_dir / "license.ofd").write_bytes(license_ofd)  # the same license, GB/T 38540 seal
    with step("verify e-license"), session_scope(hall.sessions) as s:
        outcome = verify_document(s, hall, license_pdf)
        ofd_outcome = verify_document(s, hall, license_ofd)
    say(f"           → license {number}: {outcome.verdict.value} ({outcome.verdict_zh})")
    say(f"           → license.ofd: {ofd_outcome.verdict.value} ({ofd_outcome.verdict_zh})")
    say(f"wrote {out_dir}/correction-notice.pdf, acceptance-notice.pdf, license.pdf, license.ofd")
    return {
        "case_id": case_id,
        "license": number,
        "verdict": outcome.verdict,
        "correction": correction,
        "timings": timings,
        "ok": outcome.verdict is Verdict.VALID and ofd_outcome.verdict is Verdict.VALID,
    }


def _scan(hall: Hall, case_id: int, pages: Any) -> None:
    with session_scope(hall.sessions) as s:
        clerk = s.scalars(select(User).where(User.username == "demo-clerk")).one()
        case = s.get_one(Case, case_id)
        for page in pages:
            intake.add_page(
                s,
                hall.store,
                case,
                page.data,
                filename=page.filename,
                actor=clerk,
                max_bytes=hall.settings.max_upload_bytes,
            )


def _decide(hall: Hall, case_id: int, path: Path) -> dict[str, Any]:
    with session_scope(hall.sessions) as s:
        clerk = s.scalars(select(User).where(User.username == "demo-clerk")).one()
        case = s.get_one(Case, case_id)
        findings = [f.message for f in counter.check_case(s, case).findings]
        notice: Notice = counter.decide(s, hall, case, actor=clerk)
        key = s.get_one(StoredObject, notice.object_id).key
        result = {"kind": notice.kind, "number": notice.number, "findings": findings}
    path.write_bytes(hall.store.get(key))
    return result


__all__ = ["License", "run_demo"]
