from __future__ import annotations

from cases.acceptance.checklist import FindingKind, Outcome, PageFacts, check
from cases.catalog.spec import MaterialRequirement


def req(code: str, name: str, required: bool, **kw: object) -> MaterialRequirement:
    return MaterialRequirement.model_validate(
        {"code": code, "name": name, "required": required, "form": "original", **kw}
    )


REQS = [
    req("application_form", "申请书", required=True),
    req("id_card", "身份证复印件", required=True),
    req("premises_proof", "租赁合同", required=True, pending_allowed=True, pending_days=15),
    req("agent_authorization", "授权委托书", required=False),
]


def page(n: int, code: str | None, **kw: object) -> PageFacts:
    return PageFacts(page_id=100 + n, number=n, material_code=code, **kw)  # type: ignore[arg-type]


def test_complete_case_is_accepted() -> None:
    result = check(
        REQS,
        [
            page(1, "application_form"),
            page(2, "id_card"),
            page(3, "premises_proof"),
            page(4, "premises_proof"),
        ],
    )
    assert result.outcome is Outcome.ACCEPT
    assert result.findings == ()
    assert result.present["premises_proof"] == (103, 104)


def test_every_missing_material_is_listed_at_once() -> None:
    result = check(REQS, [page(1, "application_form")])
    assert result.outcome is Outcome.CORRECTION
    assert [(f.material_code, f.kind) for f in result.findings] == [
        ("id_card", FindingKind.MISSING),
        ("premises_proof", FindingKind.MISSING),
    ]
    assert "身份证复印件" in result.findings[0].message


def test_only_pending_eligible_missing_allows_conditional_acceptance() -> None:
    result = check(REQS, [page(1, "application_form"), page(2, "id_card")])
    assert result.outcome is Outcome.CONDITIONAL_POSSIBLE
    assert [r.code for r in result.pending_eligible] == ["premises_proof"]


def test_optional_material_is_never_required() -> None:
    result = check(
        REQS, [page(1, "application_form"), page(2, "id_card"), page(3, "premises_proof")]
    )
    assert all(f.material_code != "agent_authorization" for f in result.findings)


def test_unreadable_unknown_and_invalid_pages_are_findings_with_page_numbers() -> None:
    result = check(
        REQS,
        [
            page(1, "application_form"),
            page(2, None),
            page(3, "id_card", readable=False),
            page(4, "id_card", invalid_fields=("id_number",)),
            page(5, "premises_proof"),
        ],
    )
    kinds = {(f.kind, f.page_id) for f in result.findings}
    assert (FindingKind.UNRECOGNISED, 102) in kinds
    assert (FindingKind.UNREADABLE, 103) in kinds
    assert (FindingKind.INVALID, 104) in kinds
    assert any("第 2 页" in f.message for f in result.findings)
    assert any("公民身份号码" in f.message for f in result.findings)
    assert result.outcome is Outcome.CORRECTION


def test_blocking_finding_beats_conditional_acceptance() -> None:
    result = check(REQS, [page(1, "application_form"), page(2, "id_card", readable=False)])
    assert result.outcome is Outcome.CORRECTION
