"""The service-item catalog: YAML files validated on load.

An error names the file, the line and the field, because the people who maintain the
catalog are hall administrators editing YAML, not programmers reading tracebacks.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from cases.errors import CatalogError, UnknownServiceItem
from ocr.fields import valid_credit_code

SAMPLE_CATALOG_DIR = Path(__file__).parent / "catalog_data"
_CODE = r"^[a-z][a-z0-9_]*$"


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


class MaterialSpec(_Spec):
    code: str = Field(pattern=_CODE)
    name: str = Field(min_length=1)
    required: bool
    form: Literal["original", "copy"]
    pending_allowed: bool = False  # 容缺: may be supplied later on the applicant's commitment
    pending_days: int = Field(default=0, ge=0, le=90)
    hints: Hints = Hints()

    @model_validator(mode="after")
    def _pending_needs_days(self) -> MaterialSpec:
        if self.pending_allowed and self.pending_days == 0:
            raise ValueError("pending_allowed needs pending_days > 0 (容缺材料须设定补齐期限)")
        if self.pending_allowed and not self.required:
            raise ValueError("only a required material can be pending (容缺仅适用于必交材料)")
        return self


class LicenseSpec(_Spec):
    type_code: str = Field(pattern=r"^[A-Z]{2,8}$")
    title: str
    validity_years: int = Field(ge=0, le=50)  # 0 = 长期


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
    materials: tuple[MaterialSpec, ...] = Field(min_length=1)

    @field_validator("materials")
    @classmethod
    def _unique_codes(cls, materials: tuple[MaterialSpec, ...]) -> tuple[MaterialSpec, ...]:
        seen: set[str] = set()
        for m in materials:
            if m.code in seen:
                raise ValueError(f"material code {m.code!r} appears twice")
            seen.add(m.code)
        return materials

    def material(self, code: str) -> MaterialSpec | None:
        return next((m for m in self.materials if m.code == code), None)

    @property
    def sha256(self) -> str:
        canonical = json.dumps(self.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()


class DepartmentSpec(_Spec):
    code: str = Field(pattern=_CODE)
    name: str
    short_name: str
    credit_code: str

    @field_validator("credit_code")
    @classmethod
    def _checksum(cls, value: str) -> str:
        if not valid_credit_code(value):
            raise ValueError(f"{value!r} is not a valid unified social credit code (GB 32100)")
        return value


class WindowSpec(_Spec):
    code: str = Field(pattern=r"^[A-Z0-9]{1,16}$")
    name: str
    accepts: tuple[str, ...]


class HallSpec(_Spec):
    name: str
    credit_code: str


class OrgSpec(_Spec):
    departments: tuple[DepartmentSpec, ...]
    windows: tuple[WindowSpec, ...]
    hall: HallSpec


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True)

    org: OrgSpec
    items: dict[str, ItemSpec]

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


def _load_yaml(path: Path, model: type[_Spec]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
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
        err = e.errors()[0]
        loc = tuple(err["loc"])
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
    departments = {d.code for d in org.departments}
    items: dict[str, ItemSpec] = {}
    for path in sorted((directory / "items").glob("*.yaml")):
        item: ItemSpec = _load_yaml(path, ItemSpec)
        if item.department not in departments:
            raise CatalogError(
                f"{path}: field department: unknown department {item.department!r}",
                f"{path} 字段 department:部门 {item.department!r} 未在 departments.yaml 中定义",
            )
        if item.code in items:
            raise CatalogError(
                f"{path}: field code: item {item.code} is defined twice",
                f"{path} 字段 code:事项 {item.code} 重复定义",
            )
        items[item.code] = item
    if not items:
        raise CatalogError(
            f"{directory / 'items'} holds no item", f"{directory / 'items'} 中没有任何事项"
        )
    return Catalog(org=org, items=items)
