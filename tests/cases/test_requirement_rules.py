"""The rules a checklist line owns, each decided in one function that every surface calls:
may the material be pending (容缺), its due date and wording, the copies a notice asks
for, and the checklist that applies to an applicant's scenario."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from cases.acceptance.checklist import Finding, FindingKind, PageFacts, check
from cases.acceptance.decision import Decision, evaluate
from cases.acceptance.notice_lines import correction_line, draft_notice, pending_line
from cases.catalog.spec import (
    ItemSpec,
    MaterialRequirement,
    applicable_checklist,
    load_catalog,
)
from cases.intake.sheets import SheetCase, render_sheets
from cases.printing.documents import NoticeContent, NoticeKind, render_notice
from cases.workdays import calendar_for

OFFICIAL = calendar_for()  # chinese-calendar: 2026's holidays and 调休 Saturdays
CATALOG = load_catalog()


def material(**kw: Any) -> MaterialRequirement:
    return MaterialRequirement.model_validate(
        {"code": "lease", "name": "租赁合同", "required": True, "form": "copy", **kw}
    )


LEASE = material(pending_allowed=True, pending_days=10, guide="出租方签字的合同")
ID_COPIES = material(code="id_card", name="身份证复印件", copies=2)


def _pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def test_may_be_pending_is_the_catalog_flag_of_a_required_material() -> None:
    assert LEASE.may_be_pending
    assert not material().may_be_pending
    assert not material(required=False).may_be_pending
    gt = CATALOG.item("SCJG-GT-001")
    assert [m.code for m in gt.materials if m.may_be_pending] == [
        "premises_proof",
        "property_certificate",
    ]
    with pytest.raises(ValueError, match="only a required material can be pending"):
        material(required=False, pending_allowed=True, pending_days=5)


def test_check_offers_pending_only_what_may_be_pending() -> None:
    reqs = [material(code="form", name="申请书"), LEASE]
    only_lease_missing = check(reqs, [PageFacts(1, 1, "form")])
    assert [r.code for r in only_lease_missing.pending_eligible] == ["lease"]
    neither = check(reqs, [])
    assert [f.material_code for f in neither.findings] == ["form", "lease"]
    assert [r.code for r in neither.pending_eligible] == ["lease"]  # form is never pending


def test_due_date_counts_working_days_across_the_national_day_holiday() -> None:
    # 2026-10-01..07 off; Saturday 10-10 worked (调休); Sunday 10-11 off
    assert LEASE.pending_due_on(date(2026, 9, 30), OFFICIAL) == date(2026, 10, 20)
    # accepted on a Friday: the weekend does not count
    assert LEASE.pending_due_on(date(2026, 11, 20), OFFICIAL) == date(2026, 12, 4)
    with pytest.raises(ValueError):
        material().pending_due_on(date(2026, 9, 30), OFFICIAL)


def test_wording_is_the_date_once_accepted_and_the_rule_before() -> None:
    assert LEASE.pending_deadline(date(2026, 10, 20)) == "须于2026年10月20日前补齐"
    assert LEASE.pending_deadline() == "须于受理之日起10个工作日内补齐"
    accepted = pending_line(LEASE, date(2026, 10, 20))
    pre_check = pending_line(LEASE, None)
    assert accepted.material == pre_check.material == "租赁合同(复印件)"
    assert accepted.detail == "容缺后补,请携带复印件1份,须于2026年10月20日前补齐;出租方签字的合同"
    # the pre-check says the same, with the rule in place of the date
    assert pre_check.detail == accepted.detail.replace("2026年10月20日前", "受理之日起10个工作日内")
    with pytest.raises(ValueError):
        material().pending_deadline()


def test_copies_a_notice_asks_for_come_from_the_checklist() -> None:
    assert ID_COPIES.to_bring == "复印件2份"
    assert material(form="original").to_bring == "原件1份"
    reqs = {r.code: r for r in (ID_COPIES, LEASE)}
    missing = correction_line(Finding("id_card", FindingKind.MISSING, "未提交身份证复印件"), reqs)
    assert missing.detail == "未提交身份证复印件。请携带复印件2份"
    faulty = correction_line(
        Finding("id_card", FindingKind.INVALID, "第 2 页 身份证复印件:模糊"), reqs
    )
    assert faulty.detail.endswith("请携带符合要求的复印件2份")
    lease = correction_line(Finding("lease", FindingKind.MISSING, "未提交租赁合同"), reqs)
    assert (
        lease.detail
        == "未提交租赁合同。请携带复印件1份;也可签署承诺书容缺受理,须于受理之日起10个工作日内补齐"
    )


def _item(*materials: MaterialRequirement, **kw: Any) -> ItemSpec:
    return ItemSpec.model_validate(
        {
            "code": "SCJG-GT-009",
            "name": "个体工商户变更登记",
            "department": "scjgj",
            "kind": "promised",
            "time_limit_days": 3,
            "license": {"type_code": "GTGSH", "title": "登记证明", "validity_years": 0},
            "version": 1,
            "effective_from": "2026-01-01",
            "materials": [m.model_dump() for m in materials],
            **kw,
        }
    )


def test_correction_notice_pdf_asks_for_the_specs_copies() -> None:
    spec = _item(material(code="form", name="申请书", form="original"), ID_COPIES)
    ev = evaluate(spec, [PageFacts(1, 1, "form")], applicant_type="person")
    assert ev.decision is Decision.CORRECTION
    draft = draft_notice(ev, spec, accepted_on=None, calendar=OFFICIAL)
    pdf = render_notice(
        NoticeContent(
            kind=draft.kind,
            number="补正-1",
            case_number="C-1",
            hall_name="锡林浩特市政务服务中心",
            window_name="综合受理窗口",
            department_name="市场监督管理局",
            item_name=spec.name,
            applicant_name="张晓梅",
            issued_on=date(2026, 9, 30),
            lines=draft.lines,
        )
    ).pdf
    text = _pdf_text(pdf)
    assert "身份证复印件(复印件)" in text and "请携带复印件2份" in text
    assert "1份" not in text


def test_conditional_notice_dates_each_line_and_keeps_the_overdue_rule() -> None:
    spec = _item(
        material(code="form", name="申请书", form="original"),
        LEASE,
        material(code="plan", name="平面图", pending_allowed=True, pending_days=3),
        overdue={"action": "terminate", "text": "逾期未补齐的,终止办理。"},
    )
    ev = evaluate(spec, [PageFacts(1, 1, "form")], applicant_type="person", conditional=True)
    assert ev.decision is Decision.CONDITIONAL
    draft = draft_notice(ev, spec, accepted_on=date(2026, 9, 30), calendar=OFFICIAL)
    assert draft.kind is NoticeKind.CONDITIONAL
    assert [line.detail.split(",")[-1].split(";")[0] for line in draft.lines] == [
        "须于2026年10月20日前补齐",
        "须于2026年10月10日前补齐",  # 10-08, 10-09 and Saturday 10-10 (调休, worked)
    ]
    assert draft.pending_due_on == date(2026, 10, 20)  # the last one
    assert draft.overdue_text == "逾期未补齐的,终止办理。"
    pre = draft_notice(ev, spec, accepted_on=None, calendar=OFFICIAL)
    assert pre.pending_due_on is None
    assert [line.detail.split(",")[-1].split(";")[0] for line in pre.lines] == [
        "须于受理之日起10个工作日内补齐",
        "须于受理之日起3个工作日内补齐",
    ]


GT = CATALOG.item("SCJG-GT-001")


def codes(materials: tuple[MaterialRequirement, ...]) -> list[str]:
    return [m.code for m in materials]


def test_applicable_checklist_follows_applicant_type_and_scenario() -> None:
    person = applicable_checklist(GT.materials, applicant_type="person", scenario=None)
    assert "agent_authorization" not in codes(person)
    agent = applicable_checklist(GT.materials, applicant_type="person", scenario="agent")
    assert codes(agent) == [*codes(person), "agent_authorization"]
    sp = CATALOG.item("SCJG-SP-002")
    enterprise = applicable_checklist(sp.materials, applicant_type="enterprise", scenario=None)
    only_for_persons = {m.code for m in sp.materials if "enterprise" not in m.applies_to}
    assert not only_for_persons & set(codes(enterprise))


def test_the_check_expects_the_applicable_checklist_and_ignores_an_extra_material() -> None:
    form, ident, lease = "application_form", "id_card", "premises_proof"
    pages = [PageFacts(1, 1, form), PageFacts(2, 2, ident), PageFacts(3, 3, lease)]
    extra = [*pages, PageFacts(4, 4, "agent_authorization")]  # brought, not needed
    result = check(GT.materials, extra, applicant_type="person")
    assert result.expected == applicable_checklist(
        GT.materials, applicant_type="person", scenario=None
    )
    assert result.findings == () and "agent_authorization" not in result.present
    as_agent = check(GT.materials, pages, applicant_type="person", scenario="agent")
    assert [f.material_code for f in as_agent.findings] == ["agent_authorization"]


def test_sheets_list_the_applicable_checklist_with_copies_and_pending_terms() -> None:
    expected = applicable_checklist(GT.materials, applicant_type="person", scenario=None)
    info = SheetCase("C-1", GT.name, "张晓梅", "政务服务中心", "综合受理窗口", date(2026, 9, 30), 2)
    text = _pdf_text(render_sheets(info, expected))
    assert "经营场所使用证明(房屋租赁合同)(复印件1份)" in text
    assert "可容缺受理:须于受理之日起15个工作日内补齐" in text
    assert "委托代理人证明" not in text
