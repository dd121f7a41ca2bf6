"""The deployment's organisation, from `departments.yaml`: its halls (政务服务中心), each with
its windows and departments.

Two layouts load. The league's: a `halls:` list, the league's center first (the default
hall, which keeps every row written before halls existed), then each banner/county center:

    halls:
      - code: xlgl
        name: 锡林郭勒盟政务服务中心
        credit_code: ...
        word_mark: 锡盟政服      # 文书字号的机关代字
        level: league
        departments: [...]
        windows: [...]

And a single hall's, as before: top-level `departments:` and `windows:` and one `hall:`
(name and credit code; its code is `main`, its word mark 锡政服 unless given). Both give
the same `OrgSpec`: `departments` and `windows` are every hall's, `hall` is the default one.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ocr.fields import valid_credit_code

_CODE = r"^[a-z][a-z0-9_]*$"
LEGACY_HALL_CODE = "main"
LEGACY_WORD_MARK = "锡政服"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _credit_code(value: str) -> str:
    if not valid_credit_code(value):
        raise ValueError(f"{value!r} is not a valid unified social credit code (GB 32100)")
    return value


class DepartmentSpec(_Spec):
    code: str = Field(pattern=_CODE)
    name: str
    short_name: str
    credit_code: str

    _checksum = field_validator("credit_code")(_credit_code)


class WindowSpec(_Spec):
    code: str = Field(pattern=r"^[A-Z0-9]{1,16}$")
    name: str
    accepts: tuple[str, ...]


class HallSpec(_Spec):
    code: str = Field(default=LEGACY_HALL_CODE, pattern=r"^[a-z][a-z0-9_]{0,31}$")
    name: str
    credit_code: str
    # 机关代字 of the hall's notices: 〔锡盟政服〕受字〔2026〕第000001号
    word_mark: str = Field(default=LEGACY_WORD_MARK, min_length=2, max_length=8)
    level: Literal["league", "banner"] = "banner"
    departments: tuple[DepartmentSpec, ...] = ()
    windows: tuple[WindowSpec, ...] = ()

    _checksum = field_validator("credit_code")(_credit_code)


class OrgSpec(_Spec):
    departments: tuple[DepartmentSpec, ...]  # every hall's
    windows: tuple[WindowSpec, ...]  # every hall's
    hall: HallSpec  # the default hall: the first of `halls`
    halls: tuple[HallSpec, ...]

    @model_validator(mode="before")
    @classmethod
    def _layouts(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "halls" not in data:
            if isinstance(data, dict) and isinstance(data.get("hall"), dict):  # one hall
                hall = {
                    **data["hall"],
                    "departments": data.get("departments", ()),
                    "windows": data.get("windows", ()),
                    "level": data["hall"].get("level", "league"),
                }
                return {**data, "hall": hall, "halls": [hall]}
            return data
        extra = {"departments", "windows", "hall"} & set(data)
        if extra:
            raise ValueError(
                f"with halls:, {sorted(extra)} go inside each hall (每个大厅下分别配置部门与窗口)"
            )
        halls = data["halls"]
        if not isinstance(halls, list) or not halls:
            raise ValueError("halls: at least one hall (至少配置一个政务服务中心)")
        listed = [h for h in halls if isinstance(h, dict)]
        return {
            "halls": halls,
            "hall": halls[0],
            "departments": [d for h in listed for d in h.get("departments", ())],
            "windows": [w for h in listed for w in h.get("windows", ())],
        }

    @model_validator(mode="after")
    def _unique(self) -> OrgSpec:
        for what, values in [
            ("hall code", [h.code for h in self.halls]),
            ("word_mark", [h.word_mark for h in self.halls]),
            ("department code", [d.code for d in self.departments]),
            ("window code", [w.code for w in self.windows]),
        ]:
            seen: set[str] = set()
            for value in values:
                if value in seen:
                    raise ValueError(f"halls: {what} {value!r} appears twice (编码重复)")
                seen.add(value)
        known = {d.code for d in self.departments}
        for w in self.windows:
            unknown = set(w.accepts) - known
            if unknown:
                raise ValueError(f"windows: {w.code} accepts unknown departments {sorted(unknown)}")
        return self

    def hall_of_department(self, code: str) -> HallSpec:
        return next(h for h in self.halls if any(d.code == code for d in h.departments))

    def hall_named(self, code: str) -> HallSpec | None:
        return next((h for h in self.halls if h.code == code), None)
