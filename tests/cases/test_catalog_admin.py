"""Checklist versions: the extended schema's errors, publishing (all or nothing), a case
keeping its version, diff and export; the knowledge base."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.accounts import create_user
from cases.catalog import admin as catalog_admin
from cases.catalog import knowledge
from cases.catalog.publish import current_checklist, spec_of
from cases.catalog.spec import SAMPLE_CATALOG_DIR, load_catalog, load_item
from cases.config import Settings
from cases.db import session_scope
from cases.errors import CatalogError
from cases.hall import Hall
from cases.intake.pages import create_case
from models import ChecklistVersion, Role, ServiceItem, User

V2 = SAMPLE_CATALOG_DIR / "items" / "gtgsh-sl.v2.yaml"
ORG = load_catalog().org


def _v3(text: str | None = None) -> str:
    text = text or V2.read_text(encoding="utf-8")
    return text.replace("version: 2", "version: 3").replace(
        "time_limit_days: 3 ", "time_limit_days: 2 "
    )


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (
            "    alternative: premises\n    pending_allowed: true\n    pending_days: 15\n"
            "    hints:\n      keywords: [房屋租赁合同",
            "    pending_allowed: true\n    pending_days: 15\n"
            "    hints:\n      keywords: [房屋租赁合同",
            "materials.3.alternative",
        ),
        ("    scenarios: [agent]", "    scenarios: [proxy]", "materials.4.scenarios"),
        (
            "    must_be_valid: true\n    role: person_id",
            "    must_be_valid: yes please\n    role: person_id",
            "materials.1.must_be_valid",
        ),
        ("    role: person_id", "    role: passport", "materials.1.role"),
        ("applicant_types: [person]", "applicant_types: [robot]", "applicant_types.0"),
        ("    max_pages: 2\n", "    max_pages: 0\n", "materials.0.max_pages"),
        ("  action: terminate", "  action: forgive", "overdue.action"),
    ],
)
def test_extended_schema_errors_name_file_line_and_field(old: str, new: str, field: str) -> None:
    text = V2.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    with pytest.raises(CatalogError) as e:
        load_item(Path("items/gt.yaml"), ORG, broken)
    assert f"field {field}" in e.value.en, e.value.en
    line = int(e.value.en.split(":")[1])
    key = next(p for p in reversed(field.split(".")) if not p.isdigit())
    window = broken.splitlines()[line - 1 : line + 6]
    assert any(key in ln or ln.strip().startswith("- code") for ln in window), (line, window)
    assert f"第 {line} 行" in e.value.zh


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Hall]:
    hall = Hall.open(Settings(data_dir=tmp_path))
    yield hall
    hall.close()


def _admin(session: Session) -> User:
    user, _ = create_user(session, username="admin", display_name="管理员", role=Role.ADMIN)
    return user


def _versions(hall: Hall, code: str) -> list[int]:
    with session_scope(hall.sessions) as s:
        return list(
            s.scalars(
                select(ChecklistVersion.version)
                .join(ServiceItem)
                .where(ServiceItem.code == code)
                .order_by(ChecklistVersion.version)
            )
        )


def test_a_broken_file_in_a_batch_publishes_nothing(hall: Hall) -> None:
    broken = _v3().replace("  - code: id_card\n", "  - code: ID card\n")
    with pytest.raises(CatalogError) as e, session_scope(hall.sessions) as s:
        catalog_admin.publish_texts(
            s, {"gt-v3.yaml": _v3(), "gt-broken.yaml": broken}, ORG, actor=_admin(s)
        )
    assert "gt-broken.yaml:" in e.value.en and "materials.1.code" in e.value.en
    assert _versions(hall, "SCJG-GT-001") == [1, 2]


def test_a_changed_published_version_is_refused(hall: Hall) -> None:
    changed = V2.read_text(encoding="utf-8").replace("time_limit_days: 3 ", "time_limit_days: 1 ")
    with pytest.raises(CatalogError, match="already published"), session_scope(hall.sessions) as s:
        catalog_admin.publish_texts(s, {"b.yaml": changed}, ORG, actor=_admin(s))
    with pytest.raises(CatalogError, match="older than"), session_scope(hall.sessions) as s:
        catalog_admin.publish_texts(s, {"a.yaml": _v3(), "b.yaml": changed}, ORG, actor=_admin(s))
    assert _versions(hall, "SCJG-GT-001") == [1, 2]  # v3 of the failed batch is not kept


def test_new_version_applies_to_new_cases_only(hall: Hall) -> None:
    with session_scope(hall.sessions) as s:
        admin = _admin(s)
        clerk, _ = create_user(
            s, username="c1", display_name="c", role=Role.CLERK, window_code="W01"
        )
        kwargs = dict(
            item_code="SCJG-GT-001",
            applicant_type="person",
            applicant_name="张晓梅",
            applicant_id="152502198408227243",
            actor=clerk,
        )
        before = create_case(s, **kwargs)  # type: ignore[arg-type]
        catalog_admin.publish_texts(s, {"gt-v3.yaml": _v3()}, ORG, actor=admin)
        after = create_case(s, **kwargs)  # type: ignore[arg-type]
        assert (before.checklist.version, after.checklist.version) == (2, 3)
        assert spec_of(before.checklist).time_limit_days == 3
        assert spec_of(after.checklist).time_limit_days == 2
        item = s.scalars(select(ServiceItem).where(ServiceItem.code == "SCJG-GT-001")).one()
        assert current_checklist(s, item).version == 3
        changes = catalog_admin.diff_items(spec_of(before.checklist), spec_of(after.checklist))
        assert [(c.path, c.old, c.new) for c in changes] == [("time_limit_days", 3, 2)]
        exported = catalog_admin.export_item(s, "SCJG-GT-001", 2)
    assert load_item(Path("x.yaml"), ORG, exported) == load_catalog().item("SCJG-GT-001")


def test_diff_of_sample_versions_names_new_rules() -> None:
    v1, v2 = load_catalog().history["SCJG-SP-002"]
    paths = {c.path for c in catalog_admin.diff_items(v1, v2)}
    assert {
        "materials.business_license.seal_required",
        "materials.property_certificate",
        "overdue",
    } <= paths


@pytest.mark.parametrize(
    ("query", "item", "words"),
    [
        ("身份证过期了还能办吗", "SCJG-GT-001", "换领"),
        ("没有租赁合同怎么办", "SCJG-GT-001", "不动产权证书"),
        ("营业执照过期", "SCJG-SP-002", "营业期限"),
        ("检测报告还没出来", "WJ-GG-001", "容缺"),
    ],
)
def test_knowledge_base_answers_chinese_questions(query: str, item: str, words: str) -> None:
    best = knowledge.search(load_catalog(), query)[0]
    assert best.item_code == item and words in best.answer


def test_knowledge_base_ignores_empty_queries() -> None:
    assert knowledge.search(load_catalog(), " ?。") == []
