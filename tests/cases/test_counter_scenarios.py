"""Submission scenarios at the counter, built from generated scans read by the real OCR.

Each row: the item, the applicant, the pages handed in (in order), the commitment or the
clerk's rejection, and the decision and deficiency list (material, page, kind) expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from cases.acceptance.checklist import PageFacts
from cases.acceptance.decision import Decision, evaluate
from cases.acceptance.page_evidence import facts
from cases.catalog.spec import load_catalog
from ocr import MaterialHint, PageReading, classify, extract_fields
from tests.cases.scenario_pages import GT, OTHER, RENAMED, SP, TYPO, WJ, PageKey

TODAY = date(2026, 11, 26)
CATALOG = load_catalog()
A, C, X = Decision.ACCEPTED, Decision.CONDITIONAL, Decision.CORRECTION
R = Decision.REJECTED


def P(item: str, material: str, who: int = 1, take: int = 0) -> PageKey:
    return PageKey(item, material, who, take)


GT_FORM, GT_ID, GT_LEASE = (
    P(GT, "application_form"),
    P(GT, "id_card", take=1),
    P(GT, "premises_proof"),
)
GT_PROP, GT_AUTH = P(GT, "property_certificate"), P(GT, "agent_authorization")
SP_FORM, SP_LIC, SP_ID = P(SP, "application_form"), P(SP, "business_license"), P(SP, "legal_rep_id")
SP_LEASE, SP_RULES, SP_PLAN = (
    P(SP, "premises_proof"),
    P(SP, "food_safety_rules"),
    P(SP, "layout_plan"),
)
WJ_FORM, WJ_LIC, WJ_ID = P(WJ, "application_form"), P(WJ, "business_license"), P(WJ, "legal_rep_id")
WJ_REPORT, WJ_RULES = P(WJ, "hygiene_test_report"), P(WJ, "hygiene_rules")
SP_ALL = [SP_FORM, SP_LIC, SP_ID, SP_LEASE, SP_RULES]
WJ_ALL = [WJ_FORM, WJ_LIC, WJ_ID, WJ_REPORT, WJ_RULES]


@dataclass(frozen=True)
class Scenario:
    id: str
    item: str
    pages: list[PageKey]
    decision: Decision
    deficiencies: list[tuple[str, int | None, str]] = field(default_factory=list)
    applicant_type: str = "person"
    scenario: str | None = None
    conditional: bool = False
    reject_reason: str | None = None
    pending: list[str] = field(default_factory=list)


SCENARIOS = [
    # --- 个体工商户设立登记 (person; alternatives; agent sub-scenario) ---
    Scenario("gt-complete", GT, [GT_FORM, GT_ID, GT_LEASE], A),
    Scenario("gt-property-instead-of-lease", GT, [GT_FORM, GT_ID, GT_PROP], A),
    Scenario("gt-both-alternatives", GT, [GT_FORM, GT_ID, GT_LEASE, GT_PROP], A),
    Scenario("gt-pages-in-any-order", GT, [GT_LEASE, GT_ID, GT_FORM], A),
    Scenario(
        "gt-no-premises-conditional",
        GT,
        [GT_FORM, GT_ID],
        C,
        [("premises_proof", None, "missing")],
        conditional=True,
        pending=["premises_proof"],
    ),
    Scenario(
        "gt-no-premises-no-commitment",
        GT,
        [GT_FORM, GT_ID],
        X,
        [("premises_proof", None, "missing")],
    ),
    Scenario(
        "gt-no-id", GT, [GT_FORM, GT_LEASE], X, [("id_card", None, "missing")], conditional=True
    ),
    Scenario(
        "gt-only-form",
        GT,
        [GT_FORM],
        X,
        [("id_card", None, "missing"), ("premises_proof", None, "missing")],
        conditional=True,
    ),
    Scenario(
        "gt-agent-without-authorization",
        GT,
        [GT_FORM, GT_ID, GT_LEASE],
        X,
        [("agent_authorization", None, "missing")],
        scenario="agent",
    ),
    Scenario(
        "gt-agent-with-authorization", GT, [GT_FORM, GT_ID, GT_LEASE, GT_AUTH], A, scenario="agent"
    ),
    Scenario("gt-authorization-when-not-needed", GT, [GT_FORM, GT_ID, GT_LEASE, GT_AUTH], A),
    Scenario(
        "gt-unsigned-form",
        GT,
        [P(GT, "unsigned"), GT_ID, GT_LEASE],
        X,
        [("application_form", 1, "no_signature")],
    ),
    Scenario(
        "gt-expired-id",
        GT,
        [GT_FORM, P(GT, "expired_id"), GT_LEASE],
        X,
        [("id_card", 2, "expired")],
    ),
    Scenario(
        "gt-someone-elses-id",
        GT,
        [GT_FORM, P(GT, "id_card", OTHER), GT_LEASE],
        X,
        [("id_card", 2, "mismatch")],
    ),
    Scenario(
        "gt-name-differs-from-id",
        GT,
        [GT_FORM, P(GT, "id_card", RENAMED), GT_LEASE],
        X,
        [("id_card", 2, "mismatch")],
    ),
    Scenario(
        "gt-form-id-number-typo",
        GT,
        [P(GT, "application_form", TYPO), GT_ID, GT_LEASE],
        X,
        [("application_form", 1, "invalid")],
    ),
    Scenario(
        "gt-everything-wrong-at-once",
        GT,
        [P(GT, "unsigned"), P(GT, "expired_id")],
        X,
        [
            ("application_form", 1, "no_signature"),
            ("id_card", 2, "expired"),
            ("premises_proof", None, "missing"),
        ],
        conditional=True,
    ),
    Scenario(
        "gt-form-scanned-three-times",
        GT,
        [GT_FORM, GT_FORM, GT_FORM, GT_ID, GT_LEASE],
        X,
        [("application_form", 3, "page_count")],
    ),
    Scenario(
        "gt-foreign-material",
        GT,
        [GT_FORM, GT_ID, GT_LEASE, WJ_REPORT],
        X,
        [("", 4, "unrecognised")],
    ),
    Scenario(
        "gt-enterprise-applicant-rejected",
        GT,
        [GT_FORM, GT_ID, GT_LEASE],
        R,
        applicant_type="enterprise",
    ),
    Scenario(
        "gt-clerk-rejects",
        GT,
        [GT_FORM, GT_ID, GT_LEASE],
        R,
        reject_reason="经营场所位于禁止经营区域,不属于本机关受理范围",
    ),
    # --- 食品经营许可 (enterprise; seals, license validity, credit code) ---
    Scenario("sp-complete", SP, SP_ALL, A, applicant_type="enterprise"),
    Scenario("sp-with-optional-plan", SP, [*SP_ALL, SP_PLAN], A, applicant_type="enterprise"),
    Scenario(
        "sp-property-certificate-of-other-item",
        SP,
        [SP_FORM, SP_LIC, SP_ID, GT_PROP, SP_RULES],
        A,
        applicant_type="enterprise",
    ),
    Scenario(
        "sp-license-without-seal",
        SP,
        [SP_FORM, P(SP, "unsealed"), SP_ID, SP_LEASE, SP_RULES],
        X,
        [("business_license", 2, "no_seal")],
        applicant_type="enterprise",
    ),
    Scenario(
        "sp-expired-license",
        SP,
        [SP_FORM, P(SP, "expired_license"), SP_ID, SP_LEASE, SP_RULES],
        X,
        [("business_license", 2, "expired")],
        applicant_type="enterprise",
    ),
    Scenario(
        "sp-license-of-other-enterprise",
        SP,
        [SP_FORM, P(SP, "business_license", OTHER), SP_ID, SP_LEASE, SP_RULES],
        X,
        [("business_license", 2, "mismatch")],
        applicant_type="enterprise",
    ),
    Scenario(
        "sp-no-premises-conditional",
        SP,
        [SP_FORM, SP_LIC, SP_ID, SP_RULES],
        C,
        [("premises_proof", None, "missing")],
        applicant_type="enterprise",
        conditional=True,
        pending=["premises_proof"],
    ),
    Scenario(
        "sp-no-premises-and-unsigned",
        SP,
        [P(SP, "unsigned"), SP_LIC, SP_ID, SP_RULES],
        X,
        [("application_form", 1, "no_signature"), ("premises_proof", None, "missing")],
        applicant_type="enterprise",
        conditional=True,
    ),
    Scenario(
        "sp-missing-rules-and-license",
        SP,
        [SP_FORM, SP_ID, SP_LEASE],
        X,
        [("business_license", None, "missing"), ("food_safety_rules", None, "missing")],
        applicant_type="enterprise",
    ),
    # --- 公共场所卫生许可 (applicant-type conditions; pending test report with a seal) ---
    Scenario("wj-enterprise-complete", WJ, WJ_ALL, A, applicant_type="enterprise"),
    Scenario(
        "wj-enterprise-without-license",
        WJ,
        [WJ_FORM, WJ_ID, WJ_REPORT, WJ_RULES],
        X,
        [("business_license", None, "missing")],
        applicant_type="enterprise",
    ),
    Scenario("wj-person-needs-no-license", WJ, [WJ_FORM, WJ_ID, WJ_REPORT, WJ_RULES], A),
    Scenario(
        "wj-report-pending",
        WJ,
        [WJ_FORM, WJ_LIC, WJ_ID, WJ_RULES],
        C,
        [("hygiene_test_report", None, "missing")],
        applicant_type="enterprise",
        conditional=True,
        pending=["hygiene_test_report"],
    ),
    Scenario(
        "wj-report-and-rules-missing",
        WJ,
        [WJ_FORM, WJ_LIC, WJ_ID],
        X,
        [("hygiene_test_report", None, "missing"), ("hygiene_rules", None, "missing")],
        applicant_type="enterprise",
        conditional=True,
    ),
    Scenario(
        "wj-id-of-another-person",
        WJ,
        [WJ_FORM, WJ_LIC, P(GT, "id_card", OTHER), WJ_REPORT, WJ_RULES],
        X,
        [("legal_rep_id", 3, "mismatch")],
        applicant_type="enterprise",
    ),
]


def page_facts(
    readings: dict[PageKey, tuple[bytes, PageReading]], item: str, keys: list[PageKey]
) -> list[PageFacts]:
    spec = CATALOG.item(item)
    hints = [MaterialHint(m.code, m.hints.keywords, m.hints.patterns) for m in spec.materials]
    out = []
    for number, key in enumerate(keys, start=1):
        reading = readings[key][1]
        guess = classify(reading.text, hints)
        out.append(
            facts(
                page_id=number,
                number=number,
                material_code=guess.code,
                readable=not reading.blank,
                fields=[f.__dict__ for f in extract_fields(reading)],
                seals=len(reading.seals),
                lines=reading.lines,
            )
        )
    return out


def test_enough_scenarios_cover_every_decision() -> None:
    assert len(SCENARIOS) >= 30
    assert {s.decision for s in SCENARIOS} == set(Decision)
    kinds = {k for s in SCENARIOS for _, _, k in s.deficiencies}
    assert kinds >= {"missing", "expired", "mismatch", "no_seal", "no_signature", "invalid"}


@pytest.mark.ocr
@pytest.mark.parametrize("s", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario(s: Scenario, scenario_readings: dict[PageKey, tuple[bytes, PageReading]]) -> None:
    pages = page_facts(scenario_readings, s.item, s.pages)
    ev = evaluate(
        CATALOG.item(s.item),
        pages,
        applicant_type=s.applicant_type,
        scenario=s.scenario,
        today=TODAY,
        conditional=s.conditional,
        reject_reason=s.reject_reason,
    )
    got = sorted((f.material_code, f.page_number, str(f.kind)) for f in ev.result.findings)
    assert (ev.decision, got) == (s.decision, sorted(s.deficiencies)), [
        f.message for f in ev.result.findings
    ]
    for f in ev.result.findings:  # every finding names the material and, if any, the page
        assert f.message and (f.page_number is None or f"第 {f.page_number} 页" in f.message)
    if s.decision is Decision.CONDITIONAL:
        assert [r.code for r in ev.result.pending_eligible] == s.pending
    if s.decision is Decision.REJECTED:
        assert ev.reason
