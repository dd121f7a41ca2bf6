"""The hall's SMS templates (`data/sms.yaml`): what the applicant is told at each stage.
Loading checks that every template the hall sends is there and names only the fields
its stage fills in."""

from __future__ import annotations

import string
from pathlib import Path

import yaml

from cases.errors import CatalogError

SHIPPED = Path(__file__).parent / "data" / "sms.yaml"
COMMON = {"hall", "item", "case"}
# each stage and the fields it fills in beside the common ones
FIELDS: dict[str, set[str]] = {
    "sign_in_code": {"code", "minutes"},
    "submitted": set(),
    "acceptance": {"due"},
    "conditional_acceptance": {"due", "pending_due"},
    "correction": set(),
    "rejection": set(),
    "result_ready": {"window"},
    "result_download": set(),
    "locker_code": {"box", "code", "expires"},
    "locker_renotify": {"box", "code", "expires"},
    "posted": {"carrier", "tracking"},
    "delivered": set(),
    "pending_reminder": {"materials", "due", "window", "rule"},
    "pending_overdue": {"materials", "due", "outcome", "window"},
    "postal_received": {"tracking"},
    "returned_for_information": {"request", "window"},
}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def load_templates(path: Path = SHIPPED) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise CatalogError(f"{path}: {e}", f"{path}:短信模板无法读取({e})") from e
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: expected a mapping", f"{path}:短信模板格式应为映射")
    templates: dict[str, str] = {}
    for name, allowed in FIELDS.items():
        text = data.get(name)
        if not isinstance(text, str) or not text.strip():
            raise CatalogError(f"{path}: template {name} is missing", f"{path}:缺少短信模板 {name}")
        unknown = _fields(text) - allowed - COMMON
        if unknown:
            raise CatalogError(
                f"{path}: template {name} names unknown fields {sorted(unknown)}",
                f"{path}:短信模板 {name} 含未知字段 {'、'.join(sorted(unknown))}",
            )
        templates[name] = text.strip()
    return templates
