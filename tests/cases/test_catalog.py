from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cases.catalog.spec import SAMPLE_CATALOG_DIR, load_catalog
from cases.errors import CatalogError, UnknownServiceItem


def test_sample_catalog_has_five_items_one_joint_one_immediate() -> None:
    catalog = load_catalog()
    assert set(catalog.items) == {
        "SCJG-GT-001",
        "SCJG-GT-002",
        "SCJG-SP-002",
        "WJ-GG-001",
        "LH-CY-001",
    }
    assert {i.department for i in catalog.items.values()} == {"scjgj", "wjw"}
    assert {d.code for d in catalog.org.departments} == {"scjgj", "wjw", "xfjy"}
    gt = catalog.item("SCJG-GT-001")
    assert [m.code for m in gt.materials if m.required and not m.scenarios] == [
        "application_form",
        "id_card",
        "premises_proof",
        "property_certificate",  # or the lease: one of the two
    ]
    assert [v.version for v in catalog.history["SCJG-GT-001"]] == [1, 2]
    assert gt.material("premises_proof").pending_allowed  # type: ignore[union-attr]
    assert [i.code for i in catalog.items.values() if i.kind == "immediate"] == ["SCJG-GT-002"]
    for item in catalog.items.values():  # 即办件: decided on the spot, no working days
        assert (item.time_limit_days == 0) == (item.kind == "immediate")
        assert all(m.hints.keywords for m in item.materials)


def test_unknown_item_is_a_clear_error() -> None:
    with pytest.raises(UnknownServiceItem) as e:
        load_catalog().item("XX-000")
    assert "XX-000" in e.value.zh and "XX-000" in e.value.en


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(SAMPLE_CATALOG_DIR, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "line", "field"),
    [
        ("time_limit_days: 3 ", "time_limit_days: three ", 5, "time_limit_days"),
        (
            "    required: true\n    form: copy\n    pending_allowed: true",
            "    required: true\n    form: photocopy\n    pending_allowed: true",
            31,
            "form",
        ),
        ("    pending_days: 15\n", "    pending_days: 0\n", 28, "materials.2"),
        ("kind: promised", "kind: promised\ncolour: blue", 5, "colour"),
    ],
)
def test_invalid_item_names_file_line_and_field(
    catalog_copy: Path, old: str, new: str, line: int, field: str
) -> None:
    item_file = catalog_copy / "items" / "gtgsh-sl.yaml"
    _edit(item_file, old, new)
    with pytest.raises(CatalogError) as e:
        load_catalog(catalog_copy)
    assert str(item_file) in e.value.en
    assert f":{line}:" in e.value.en, e.value.en
    assert field in e.value.en
    assert f"第 {line} 行" in e.value.zh


def test_unknown_department_is_refused(catalog_copy: Path) -> None:
    _edit(catalog_copy / "items" / "ggcs-ws.yaml", "department: wjw", "department: nobody")
    with pytest.raises(CatalogError, match="nobody"):
        load_catalog(catalog_copy)


def test_bad_credit_code_is_refused(catalog_copy: Path) -> None:
    _edit(catalog_copy / "departments.yaml", "11152500011609534E", "11152500011609534F")
    with pytest.raises(CatalogError) as e:
        load_catalog(catalog_copy)
    assert "credit_code" in e.value.en and "departments.yaml:6:" in e.value.en


def test_broken_yaml_names_the_line(catalog_copy: Path) -> None:
    _edit(catalog_copy / "items" / "spjy-xk.yaml", "name: 食品经营许可\n", "name: [食品经营许可\n")
    with pytest.raises(CatalogError) as e:
        load_catalog(catalog_copy)
    assert "spjy-xk.yaml:" in e.value.en and "not valid YAML" in e.value.en
