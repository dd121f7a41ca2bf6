"""The completeness and legal-form check: a case's pages against its checklist version.

A pure function of its inputs, so it is tested without a database and gives the same
answer every time. It returns *every* finding at once, because the seed's 一次告知 rule
forbids sending the applicant home twice for things one look could have seen.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from cases.catalog.spec import MaterialRequirement, applicable_checklist


class FindingKind(StrEnum):
    MISSING = "missing"  # required material not handed in
    UNREADABLE = "unreadable"  # page could not be read; rescan or replace
    UNRECOGNISED = "unrecognised"  # page matches no checklist material
    INVALID = "invalid"  # e.g. an ID number whose check digit is wrong
    PAGE_COUNT = "page_count"  # fewer or more pages than the material has
    NO_SEAL = "no_seal"  # a required seal is not on the material
    NO_SIGNATURE = "no_signature"  # the signature box is empty
    EXPIRED = "expired"  # not valid on the day of acceptance
    MISMATCH = "mismatch"  # name or number differs between the form and the certificate


class Outcome(StrEnum):
    ACCEPT = "accept"
    CONDITIONAL_POSSIBLE = "conditional_possible"  # only 容缺-eligible materials missing
    CORRECTION = "correction"


@dataclass(frozen=True)
class FieldFact:
    name: str
    value: str
    valid: bool


@dataclass(frozen=True)
class PageFacts:
    page_id: int
    number: int  # 1-based position among the case's pages, as the clerk sees them
    material_code: str | None
    readable: bool = True
    invalid_fields: tuple[str, ...] = ()  # names of fields that failed their check
    fields: tuple[FieldFact, ...] = ()
    seals: int = 0  # red seals detected
    signed: bool | None = None  # None: no signature box found
    valid_until: date | None = None
    submission: int = 1


@dataclass(frozen=True)
class Finding:
    material_code: str
    kind: FindingKind
    message: str  # Chinese, for the notice and the clerk: material, page and reason
    page_id: int | None = None
    page_number: int | None = None

    @property
    def key(self) -> str:
        """Stable identity for overrides and the one-time rule."""
        return f"{self.material_code}:{self.kind}"


@dataclass(frozen=True)
class CheckResult:
    present: dict[str, tuple[int, ...]]
    findings: tuple[Finding, ...]
    pending_eligible: tuple[MaterialRequirement, ...] = field(default=())
    overridden: tuple[Finding, ...] = ()
    expected: tuple[MaterialRequirement, ...] = ()  # the materials this applicant must bring

    @property
    def outcome(self) -> Outcome:
        pending = {r.code for r in self.pending_eligible}
        blocking = [
            f
            for f in self.findings
            if not (f.kind is FindingKind.MISSING and f.material_code in pending)
        ]
        if blocking:
            return Outcome.CORRECTION
        if self.pending_eligible:
            return Outcome.CONDITIONAL_POSSIBLE
        return Outcome.ACCEPT


_FIELD_NAMES = {"id_number": "公民身份号码", "credit_code": "统一社会信用代码", "date": "日期"}


def _zh(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _norm(value: str) -> str:
    return re.sub(r"[\s()（）·・]", "", value).upper()


def check(
    requirements: Sequence[MaterialRequirement],
    pages: Sequence[PageFacts],
    *,
    applicant_type: str = "person",
    scenario: str | None = None,
    today: date | None = None,
    overrides: Collection[str] = (),
) -> CheckResult:
    """Check `pages` against the item's whole checklist `requirements`: the materials
    that apply to this applicant and scenario are expected, the others are recognised
    (an extra page of one is no fault), so a caller never narrows the list itself.

    `overrides` are finding keys the clerk set aside with a recorded reason."""
    today = today or date.today()
    applicable = applicable_checklist(
        requirements, applicant_type=applicant_type, scenario=scenario
    )
    by_code = {r.code: r for r in applicable}
    known = {r.code: r for r in requirements}
    by_role: dict[str, list[MaterialRequirement]] = {}
    for r in applicable:
        by_role.setdefault(r.role, []).append(r)
    present: dict[str, list[PageFacts]] = {}
    findings: list[Finding] = []
    for page in pages:
        code = page.material_code
        if code in known and code not in by_code:
            # e.g. a 法定代表人身份证 where this applicant's 经营者身份证 is expected
            role = known[code].role
            same = by_role.get(role, []) if role != "other" else []
            if len(same) != 1:
                continue  # an extra material this applicant need not bring: not a fault
            code = same[0].code
        if not page.readable:
            name = by_code[code].name if code in by_code else "材料"
            findings.append(
                Finding(
                    code or "",
                    FindingKind.UNREADABLE,
                    f"第 {page.number} 页({name})无法识别,请重新扫描或提供清晰的材料",
                    page.page_id,
                    page.number,
                )
            )
            continue
        if code is None or code not in by_code:
            findings.append(
                Finding(
                    "",
                    FindingKind.UNRECOGNISED,
                    f"第 {page.number} 页不属于本事项的申请材料清单,请确认材料是否正确",
                    page.page_id,
                    page.number,
                )
            )
            continue
        present.setdefault(code, []).append(page)
    for code, material_pages in present.items():
        findings += _legal_form(by_code[code], material_pages, today)
    findings += _consistency(by_role, present)
    pending: list[MaterialRequirement] = []
    groups: dict[str, list[MaterialRequirement]] = {}
    for req in applicable:
        if req.alternative:
            groups.setdefault(req.alternative, []).append(req)
    seen_groups: set[str] = set()
    for req in applicable:
        if not req.required:
            continue
        members = groups.get(req.alternative, [req]) if req.alternative else [req]
        if req.alternative:
            if req.alternative in seen_groups:
                continue
            seen_groups.add(req.alternative)
        if any(m.code in present for m in members):
            continue
        name = "或".join(m.name for m in members)
        # one pending line for an A-or-B group, due as soon as the first of them would be
        missing = (
            req.model_copy(
                update={"name": name, "pending_days": min(m.pending_days for m in members)}
            )
            if len(members) > 1
            else req
        )
        hint = "(任选其一)" if len(members) > 1 else ""
        guide = f":{req.guide}" if req.guide else ""
        findings.append(Finding(req.code, FindingKind.MISSING, f"未提交{name}{hint}{guide}"))
        if all(m.may_be_pending for m in members):
            pending.append(missing)
    kept = tuple(f for f in findings if f.key not in overrides)
    return CheckResult(
        present={k: tuple(p.page_id for p in v) for k, v in present.items()},
        findings=kept,
        pending_eligible=tuple(r for r in pending if f"{r.code}:missing" not in overrides),
        overridden=tuple(f for f in findings if f.key in overrides),
        expected=applicable,
    )


def _legal_form(req: MaterialRequirement, pages: list[PageFacts], today: date) -> list[Finding]:
    out: list[Finding] = []
    first = pages[0]

    def add(kind: FindingKind, page: PageFacts, reason: str) -> None:
        text = f"第 {page.number} 页 {req.name}:{reason}"
        out.append(Finding(req.code, kind, text, page.page_id, page.number))

    for page in pages:
        for name in page.invalid_fields:
            if name == "date" and not req.must_be_valid:
                continue
            label = _FIELD_NAMES.get(name, name)
            add(
                FindingKind.INVALID,
                page,
                f"{label}校验未通过,请核对原件或提供清晰的{req.form_label}",
            )
    count = len(pages)
    if count < req.min_pages:
        add(
            FindingKind.PAGE_COUNT, first, f"应至少 {req.min_pages} 页,仅收到 {count} 页,请补齐缺页"
        )
    if req.max_pages is not None and count > req.max_pages:
        add(
            FindingKind.PAGE_COUNT,
            pages[req.max_pages],
            f"应不超过 {req.max_pages} 页,收到 {count} 页,请确认是否重复或混入其他材料",
        )
    if req.seal_required and not any(p.seals for p in pages):
        add(FindingKind.NO_SEAL, first, "未见印章(红色公章),请提供加盖印章的材料")
    if req.signature_required:
        boxes = [p for p in pages if p.signed is not None]
        if boxes and not any(p.signed for p in boxes):
            add(FindingKind.NO_SIGNATURE, boxes[0], "签字栏未签字,请申请人本人签字")
    if req.must_be_valid:
        ends = [(p, p.valid_until) for p in pages if p.valid_until is not None]
        if ends:
            page, end = max(ends, key=lambda pe: pe[1] or date.min)
            if end is not None and end < today:
                add(
                    FindingKind.EXPIRED,
                    page,
                    f"已于{_zh(end)}超过有效期,受理当日须在有效期内,请提供有效的证件",
                )
    return out


def _values(pages: list[PageFacts], name: str) -> set[str]:
    return {_norm(f.value) for p in pages for f in p.fields if f.name == name and f.valid}


def _consistency(
    by_role: dict[str, list[MaterialRequirement]], present: dict[str, list[PageFacts]]
) -> list[Finding]:
    """The applicant's name and number on the form must equal those on the certificate.
    A name is compared only where the certificate's number passed its check digit: a page
    read that well is trusted, a worse one goes to the clerk through its INVALID finding."""
    form_pages = [p for r in by_role.get("form", []) for p in present.get(r.code, [])]
    if not form_pages:
        return []
    out: list[Finding] = []
    checks = (
        ("person_id", "id_number", "person_name", "公民身份号码", "姓名"),
        ("enterprise_license", "credit_code", "enterprise_name", "统一社会信用代码", "名称"),
    )
    for role, number, name, number_label, name_label in checks:
        for req in by_role.get(role, []):
            pages = present.get(req.code, [])
            if not pages:
                continue
            on_form, on_cert = _values(form_pages, number), _values(pages, number)
            wrong: list[str] = []
            if on_form and on_cert and not on_form & on_cert:
                wrong.append(number_label)
            names_form, names_cert = _values(form_pages, name), _values(pages, name)
            if on_cert and names_form and names_cert and not names_form & names_cert:
                wrong.append(name_label)
            if wrong:
                page = pages[0]
                what = "和".join(wrong)
                out.append(
                    Finding(
                        req.code,
                        FindingKind.MISMATCH,
                        f"第 {page.number} 页 {req.name}:{what}与申请书填写的不一致,"
                        f"请核对申请书或提供申请人本人的{req.name.removesuffix('复印件')}",
                        page.page_id,
                        page.number,
                    )
                )
    return out
