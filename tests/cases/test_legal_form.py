"""The legal-form rules of the pure check, and the page evidence they rest on."""

from __future__ import annotations

from datetime import date

from cases.acceptance.checklist import (
    FieldFact,
    FindingKind,
    Outcome,
    PageFacts,
    check,
)
from cases.acceptance.page_evidence import evidence, signed, valid_until
from cases.catalog.spec import MaterialRequirement
from ocr import Line
from ocr.engine import rect_box

TODAY = date(2026, 11, 26)


def ln(text: str, left: float, top: float, right: float, bottom: float) -> Line:
    return Line(text, rect_box(left, top, right, bottom), 0.98)


def test_signature_box_with_name_on_the_label_line_or_to_its_right() -> None:
    assert signed([ln("申请人(签字):张晓梅", 600, 1500, 1100, 1560)]) is True
    assert signed([ln("申请人(签字):", 600, 1500, 900, 1560), ln("张晓梅", 960, 1495, 1120, 1565)])
    assert signed([ln("申请人(签字):", 600, 1500, 900, 1560)]) is False
    assert (
        signed([ln("申请人(签字):", 600, 1500, 900, 1560), ln("日期", 600, 1600, 700, 1650)])
        is False
    )
    assert signed([ln("经营范围:日用百货", 100, 100, 600, 150)]) is None
    # "自双方签字(盖章)之日起生效" is contract prose, not a signature box
    assert signed([ln("自双方签字(盖章)之日起生效。", 100, 100, 900, 150)]) is None


def test_validity_term_from_the_label_row_only() -> None:
    lines = [
        ln("出生", 50, 100, 120, 140),
        ln("1984 年 8 月 22 日", 170, 100, 500, 140),
        ln("有效期限", 50, 400, 180, 440),
        ln("2014.07.01-2024.07.01", 300, 398, 700, 442),
    ]
    assert valid_until(lines) == date(2024, 7, 1)
    assert valid_until([ln("有效期限 2021.11.06-长期", 0, 0, 600, 40)]) is None
    assert valid_until([ln("注册日期 2026年1月8日", 0, 0, 600, 40)]) is None
    assert evidence(lines).signed is None


def req(code: str, name: str, required: bool, **kw: object) -> MaterialRequirement:
    return MaterialRequirement.model_validate(
        {"code": code, "name": name, "required": required, "form": "original", **kw}
    )


FORM = req("form", "申请书", True, signature_required=True, role="form", max_pages=1)
ID = req("id", "身份证复印件", True, form="copy", must_be_valid=True, role="person_id")
LIC = req(
    "lic",
    "营业执照复印件",
    True,
    form="copy",
    seal_required=True,
    role="enterprise_license",
    applies_to=("enterprise",),
)
LEASE = req(
    "lease", "租赁合同", True, alternative="premises", pending_allowed=True, pending_days=10
)
DEED = req(
    "deed", "不动产权证书", True, alternative="premises", pending_allowed=True, pending_days=10
)
AGENT = req("agent", "授权委托书", True, scenarios=("agent",))
REQS = [FORM, ID, LIC, LEASE, DEED, AGENT]


def page(n: int, code: str, **kw: object) -> PageFacts:
    return PageFacts(page_id=n, number=n, material_code=code, **kw)  # type: ignore[arg-type]


def person_form(**kw: object) -> PageFacts:
    fields = (
        FieldFact("person_name", "张晓梅", True),
        FieldFact("id_number", "152502198408227243", True),
    )
    return page(1, "form", **{"fields": fields, "signed": True, **kw})


def person_id(name: str = "张晓梅", number: str = "152502198408227243", **kw: object) -> PageFacts:
    fields = (FieldFact("person_name", name, True), FieldFact("id_number", number, True))
    return page(2, "id", **{"fields": fields, "valid_until": date(2030, 1, 1), **kw})


def kinds(result: object) -> list[tuple[str, str]]:
    return [(f.material_code, str(f.kind)) for f in result.findings]  # type: ignore[attr-defined]


def test_complete_person_case_with_either_alternative() -> None:
    for alt in ("lease", "deed"):
        result = check(REQS, [person_form(), person_id(), page(3, alt)], today=TODAY)
        assert result.outcome is Outcome.ACCEPT, kinds(result)


def test_missing_alternative_group_is_one_pending_finding() -> None:
    result = check(REQS, [person_form(), person_id()], today=TODAY)
    assert kinds(result) == [("lease", "missing")]
    assert "租赁合同或不动产权证书" in result.findings[0].message
    assert result.outcome is Outcome.CONDITIONAL_POSSIBLE


def test_conditions_by_applicant_type_and_scenario() -> None:
    pages = [person_form(), person_id(), page(3, "lease")]
    assert kinds(check(REQS, pages, applicant_type="enterprise", today=TODAY)) == [
        ("lic", "missing")
    ]
    assert kinds(check(REQS, pages, scenario="agent", today=TODAY)) == [("agent", "missing")]


def test_legal_form_faults_each_name_material_page_and_reason() -> None:
    result = check(
        REQS,
        [
            person_form(signed=False),
            person_id(valid_until=date(2024, 7, 1)),
            page(3, "lease"),
            page(4, "lic", seals=0),
            page(5, "form", signed=None),
        ],
        applicant_type="enterprise",
        today=TODAY,
    )
    assert sorted(kinds(result)) == [
        ("form", "no_signature"),
        ("form", "page_count"),
        ("id", "expired"),
        ("lic", "no_seal"),
    ]
    messages = {f.kind: f.message for f in result.findings}
    assert messages[FindingKind.EXPIRED].startswith("第 2 页 身份证复印件:已于2024年7月1日")
    assert "第 5 页" in messages[FindingKind.PAGE_COUNT]


def test_expiry_on_the_day_of_acceptance_is_still_valid() -> None:
    pages = [person_form(), person_id(valid_until=TODAY), page(3, "lease")]
    assert check(REQS, pages, today=TODAY).findings == ()


def test_mismatch_of_name_or_number_between_form_and_id() -> None:
    other = check(
        REQS, [person_form(), person_id(number="152502197508066438"), page(3, "lease")], today=TODAY
    )
    assert kinds(other) == [("id", "mismatch")] and "公民身份号码" in other.findings[0].message
    renamed = check(REQS, [person_form(), person_id(name="王振华"), page(3, "lease")], today=TODAY)
    assert kinds(renamed) == [("id", "mismatch")] and "姓名" in renamed.findings[0].message


def test_a_name_is_not_compared_when_the_id_number_was_not_read() -> None:
    misread = page(
        2,
        "id",
        fields=(
            FieldFact("person_name", "张梅", True),
            FieldFact("id_number", "152502193408227243", False),
        ),
        invalid_fields=("id_number",),
    )
    result = check(REQS, [person_form(), misread, page(3, "lease")], today=TODAY)
    assert kinds(result) == [("id", "invalid")]


def test_overrides_set_findings_aside() -> None:
    pages = [person_form(), person_id(), page(3, "lease"), page(4, "lic")]
    result = check(REQS, pages, applicant_type="enterprise", today=TODAY, overrides={"lic:no_seal"})
    assert result.findings == () and [f.key for f in result.overridden] == ["lic:no_seal"]
    assert result.outcome is Outcome.ACCEPT
