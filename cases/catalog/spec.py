"""The service-item catalog: YAML files validated on load.

An error names the file, the line and the field, because the people who maintain the
catalog are hall administrators editing YAML, not programmers reading tracebacks.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, Literal, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from cases.catalog.org import DepartmentSpec, OrgSpec
from cases.errors import CatalogError, UnknownServiceItem
from ocr.classify import MaterialHint

_CODE = r"^[a-z][a-z0-9_]*$"

SAMPLE_CATALOG_DIR = Path(__file__).parent / "data"
LEAGUE_CATALOG_DIR = Path(__file__).parent / "league"  # 锡林郭勒盟: three halls


class WorkingDays(Protocol):
    """The hall's working-day calendar (`cases.workdays.WorkCalendar`). A protocol here,
    because the calendar sits above the catalog in the domain's layers."""

    def add_working_days(self, start: date, days: int) -> date: ...


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Hints(_Spec):
    keywords: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as e:
                raise ValueError(f"invalid regular expression {pattern!r}: {e}") from e
        return patterns


ApplicantType = Literal["person", "enterprise"]


class MaterialRequirement(_Spec):
    """One line of an item's material checklist (申请材料受理清单), as published.

    The one definition of a checklist line: the catalog loads it from YAML, the check
    checks pages against it, notices, sheets and the counter word it. Each rule about a
    material that more than one surface needs (may it be pending, by when, how many
    copies) is decided here and nowhere else."""

    code: str = Field(pattern=_CODE)
    name: str = Field(min_length=1)
    required: bool
    form: Literal["original", "copy"]
    copies: int = Field(default=1, ge=1, le=20)  # 份数
    min_pages: int = Field(default=1, ge=1, le=200)
    max_pages: int | None = Field(default=None, ge=1, le=200)
    # A or B: materials sharing a group satisfy the checklist together by any one of them.
    alternative: str | None = Field(default=None, pattern=_CODE)
    applies_to: tuple[ApplicantType, ...] = ("person", "enterprise")
    scenarios: tuple[str, ...] = ()  # needed only in these sub-scenarios (empty: always)
    pending_allowed: bool = False  # 容缺: may be supplied later on the applicant's commitment
    pending_days: int = Field(default=0, ge=0, le=90)
    must_be_valid: bool = False  # not expired on the day of acceptance
    seal_required: bool = False  # a red seal on the page
    signature_required: bool = False  # a signature in the signature box
    # What the material proves, for cross-document consistency.
    role: Literal["form", "person_id", "enterprise_license", "other"] = "other"
    sample_image: str = ""  # path relative to the catalog directory
    guide: str = ""  # what to bring, in words the applicant understands
    hints: Hints = Hints()

    @model_validator(mode="after")
    def _consistent(self) -> MaterialRequirement:
        if self.pending_allowed and self.pending_days == 0:
            raise ValueError("pending_allowed needs pending_days > 0 (容缺材料须设定补齐期限)")
        if self.pending_allowed and not self.required:
            raise ValueError("only a required material can be pending (容缺仅适用于必交材料)")
        if self.max_pages is not None and self.max_pages < self.min_pages:
            raise ValueError("max_pages is smaller than min_pages (页数上限小于下限)")
        if not self.applies_to:
            raise ValueError("applies_to is empty (适用申请人类型不能为空)")
        return self

    @property
    def form_label(self) -> str:
        return "原件" if self.form == "original" else "复印件"

    @property
    def to_bring(self) -> str:
        """What the applicant hands in, as a notice asks for it: "复印件2份"."""
        return f"{self.form_label}{self.copies}份"

    @property
    def may_be_pending(self) -> bool:
        """容缺: may the material be handed in after acceptance, on the applicant's
        written commitment (only a required material can; validated on load)."""
        return self.required and self.pending_allowed

    def pending_due_on(self, accepted_on: date, calendar: WorkingDays) -> date:
        """The day a pending material is due: `pending_days` working days after the day
        of acceptance, on the hall's calendar (holidays and 调休 included)."""
        if not self.may_be_pending:
            raise ValueError(f"material {self.code} may not be pending")
        return calendar.add_working_days(accepted_on, self.pending_days)

    def pending_deadline(self, due_on: date | None = None) -> str:
        """By when a pending material is due, in the words of every notice, sheet and
        screen: the date once the day of acceptance is known (`pending_due_on`), else
        the rule: "须于2026年10月20日前补齐" / "须于受理之日起10个工作日内补齐"."""
        if not self.may_be_pending:
            raise ValueError(f"material {self.code} may not be pending")
        if due_on is None:
            return f"须于受理之日起{self.pending_days}个工作日内补齐"
        return f"须于{due_on.year}年{due_on.month}月{due_on.day}日前补齐"

    def ocr_hint(self) -> MaterialHint:
        """What the page classifier recognises this material by."""
        return MaterialHint(self.code, self.hints.keywords, self.hints.patterns)


class OverdueSpec(_Spec):
    """超期处理: what happens when pending (容缺) materials are not in by the deadline."""

    action: Literal["terminate", "revoke"] = "terminate"
    text: str = "逾期未补齐的,视为撤回申请,终止办理;已作出审批决定的,依法予以撤销。"


class FaqEntry(_Spec):
    q: str = Field(min_length=2)
    a: str = Field(min_length=2)


class LicenseSpec(_Spec):
    type_code: str = Field(pattern=r"^[A-Z]{2,8}$")
    # 证照类型代码 of GB/T 36904: the defining body's credit code and three digits.
    gbt_type_code: str | None = Field(default=None, pattern=r"^[0-9A-Z]{18}[0-9]{3}$")
    title: str
    validity_years: int = Field(ge=0, le=50)  # 0 = 长期


class HallVariant(_Spec):
    """What one hall does differently for a league-level item (旗县差异化): its own
    promised time limit, and materials it asks for in addition."""

    time_limit_days: int | None = Field(default=None, ge=0, le=365)
    materials: tuple[MaterialRequirement, ...] = ()


class ItemSpec(_Spec):
    code: str = Field(pattern=r"^[A-Z]{2,6}(-[A-Z0-9]{1,8})+$")
    name: str
    department: str
    kind: Literal["immediate", "promised"]
    time_limit_days: int = Field(ge=0, le=365)
    license: LicenseSpec
    version: int = Field(ge=1)
    effective_from: date
    guide: str = ""
    applicant_types: tuple[ApplicantType, ...] = ("person", "enterprise")  # who may apply
    scenarios: dict[str, str] = {}  # sub-scenario code -> name, e.g. agent: 委托代理人办理
    reminder_days: int = Field(default=3, ge=0, le=30)  # remind before the 容缺 deadline
    overdue: OverdueSpec = OverdueSpec()
    faq: tuple[FaqEntry, ...] = ()
    materials: tuple[MaterialRequirement, ...] = Field(min_length=1)
    # by hall code: an item is defined once, at league level; a hall may vary it
    variants: dict[str, HallVariant] = {}

    @field_validator("materials")
    @classmethod
    def _unique_codes(
        cls, materials: tuple[MaterialRequirement, ...]
    ) -> tuple[MaterialRequirement, ...]:
        seen: set[str] = set()
        for m in materials:
            if m.code in seen:
                raise ValueError(f"material code {m.code!r} appears twice")
            seen.add(m.code)
        return materials

    @model_validator(mode="after")
    def _references(self) -> ItemSpec:
        codes = {m.code for m in self.materials}
        for hall, variant in self.variants.items():
            for m in variant.materials:
                if m.code in codes:
                    raise ValueError(
                        f"variants.{hall}: material code {m.code!r} is the item's already "
                        "(大厅差异化材料编码与事项材料重复)"
                    )
        for i, m in enumerate(self.materials):
            unknown = set(m.scenarios) - set(self.scenarios)
            if unknown:
                raise ValueError(
                    f"materials.{i}.scenarios: {sorted(unknown)} not declared in scenarios "
                    "(子情形未在 scenarios 中定义)"
                )
        groups: dict[str, list[MaterialRequirement]] = {}
        for m in self.materials:
            if m.alternative:
                groups.setdefault(m.alternative, []).append(m)
        index = {m.code: i for i, m in enumerate(self.materials)}
        for name, members in groups.items():
            at = f"materials.{index[members[0].code]}.alternative"
            if len(members) < 2:
                raise ValueError(f"{at}: group {name!r} has one material (可选其一须两项以上)")
            if len({m.required for m in members}) > 1:
                raise ValueError(f"{at}: group {name!r} mixes required and optional materials")
        return self

    def material(self, code: str) -> MaterialRequirement | None:
        return next((m for m in self.materials if m.code == code), None)

    def for_hall(self, hall_code: str | None) -> ItemSpec:
        """The item as `hall_code` handles it: its variant's time limit and extra
        materials applied (the item itself for a hall without a variant)."""
        variant = self.variants.get(hall_code or "")
        if variant is None:
            return self
        days = self.time_limit_days if variant.time_limit_days is None else variant.time_limit_days
        return self.model_copy(
            update={"time_limit_days": days, "materials": self.materials + variant.materials}
        )

    @property
    def sha256(self) -> str:
        data = self.model_dump(mode="json")
        if not data["variants"]:  # versions published before variants keep their digest
            del data["variants"]
        canonical = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()


def applicable_checklist(
    materials: Iterable[MaterialRequirement], *, applicant_type: str, scenario: str | None
) -> tuple[MaterialRequirement, ...]:
    """The materials an applicant of this type, in this sub-scenario, must consider: the
    checklist the check, the counter's panel and the sheets all show. A material applies
    to the applicant types it names and, if it names sub-scenarios, only in those."""
    return tuple(
        m
        for m in materials
        if applicant_type in m.applies_to and (not m.scenarios or scenario in m.scenarios)
    )


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True)

    org: OrgSpec
    items: dict[str, ItemSpec]  # the newest version of each item
    history: dict[str, tuple[ItemSpec, ...]] = {}  # every version found, oldest first

    def item(self, code: str) -> ItemSpec:
        try:
            return self.items[code]
        except KeyError:
            raise UnknownServiceItem(
                f"unknown service item {code!r}; see `onewindow catalog list`",
                f"未知的政务服务事项编码 {code!r},请用 onewindow catalog list 查看可办事项",
            ) from None

    def department(self, code: str) -> DepartmentSpec:
        return next(d for d in self.org.departments if d.code == code)


def _line_index(node: yaml.Node, path: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out[(*path, key.value)] = key.start_mark.line + 1
            _line_index(value, (*path, key.value), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _line_index(value, (*path, i), out)


_NAMED_PATH = re.compile(r"\b([a-z_]+(?:\.[a-z0-9_]+)+): ")


def _load_yaml(path: Path, model: type[BaseModel], text: str | None = None) -> Any:
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as e:
        raise CatalogError(f"{path}: cannot read: {e}", f"{path}:无法读取:{e}") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else "?"
        raise CatalogError(
            f"{path}:{line}: not valid YAML: {e}", f"{path} 第 {line} 行:YAML 格式错误"
        ) from e
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _line_index(node, (), lines)
    try:
        return model.model_validate(data)
    except ValidationError as e:
        # the first error at a place in the file (a hall's department is also checked in
        # the organisation's flat list, which is in no file)
        err = next((x for x in e.errors() if tuple(x["loc"]) in lines), e.errors()[0])
        loc = tuple(err["loc"])
        named = _NAMED_PATH.search(err["msg"])  # a model-level rule names its field
        if not loc and named:
            loc = tuple(int(p) if p.isdigit() else p for p in named.group(1).split("."))
            err = {**err, "loc": loc}
        while loc and loc not in lines:
            loc = loc[:-1]
        field = ".".join(str(p) for p in err["loc"]) or "(document)"
        line = lines.get(loc, 1)
        raise CatalogError(
            f"{path}:{line}: field {field}: {err['msg']}",
            f"{path} 第 {line} 行,字段 {field}:{err['msg']}",
        ) from e


def load_catalog(directory: Path | None = None) -> Catalog:
    """Load `departments.yaml` and `items/*.yaml` from `directory` (default: the sample)."""
    directory = directory or SAMPLE_CATALOG_DIR
    org_file = directory / "departments.yaml"
    if not org_file.is_file():
        raise CatalogError(f"{org_file} is missing", f"缺少目录文件 {org_file}(部门与窗口定义)")
    org: OrgSpec = _load_yaml(org_file, OrgSpec)
    history: dict[str, dict[int, ItemSpec]] = {}
    for path in sorted((directory / "items").glob("*.yaml")):
        item = load_item(path, org)
        if item.version in history.get(item.code, {}):
            raise CatalogError(
                f"{path}: field version: item {item.code} version {item.version} is defined twice",
                f"{path} 字段 version:事项 {item.code} 第 {item.version} 版重复定义",
            )
        for m in item.materials:
            if m.sample_image and not (directory / m.sample_image).is_file():
                raise CatalogError(
                    f"{path}: field sample_image of {m.code}: {m.sample_image} does not exist",
                    f"{path} 材料 {m.code} 的样例图片 {m.sample_image} 不存在",
                )
        history.setdefault(item.code, {})[item.version] = item
    if not history:
        raise CatalogError(
            f"{directory / 'items'} holds no item", f"{directory / 'items'} 中没有任何事项"
        )
    versions = {code: tuple(v[k] for k in sorted(v)) for code, v in history.items()}
    return Catalog(org=org, items={code: v[-1] for code, v in versions.items()}, history=versions)


def load_item(path: Path, org: OrgSpec, text: str | None = None) -> ItemSpec:
    """One item file (or its `text`), validated, its department checked against `org`."""
    item: ItemSpec = _load_yaml(path, ItemSpec, text)
    unknown_halls = set(item.variants) - {h.code for h in org.halls}
    if unknown_halls:
        line = _line_of_key(text if text is not None else path.read_text("utf-8"), "variants")
        raise CatalogError(
            f"{path}:{line}: field variants: unknown halls {sorted(unknown_halls)}",
            f"{path} 第 {line} 行,字段 variants:大厅 {sorted(unknown_halls)} "
            "未在 departments.yaml 中定义",
        )
    if item.department not in {d.code for d in org.departments}:
        line = _line_of_key(text if text is not None else path.read_text("utf-8"), "department")
        raise CatalogError(
            f"{path}:{line}: field department: unknown department {item.department!r}",
            f"{path} 第 {line} 行,字段 department:"
            f"部门 {item.department!r} 未在 departments.yaml 中定义",
        )
    return item


def _line_of_key(text: str, key: str) -> int:
    for i, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return i
    return 1


def dump_item(item: ItemSpec) -> str:
    """The item as YAML, for export and round trips (load_item(dump_item(x)) == x)."""
    data = item.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
