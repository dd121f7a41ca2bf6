"""The leaf libraries stay leaves: no sibling imports, no environment, stdlib logging."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"archive", "scanner_drivers", "cases", "api", "models", "ocr", "signing"}
ALLOWED_THIRD_PARTY = {
    "archive": {"minio", "urllib3"},
    "scanner_drivers": {"PIL", "numpy", "cv2", "httpx", "zxingcpp"},
}


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", ["archive", "scanner_drivers"])
def test_leaf_package_imports_and_environment(package: str) -> None:
    import sys

    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    for path in _modules(package):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top == package or top in stdlib:
                    continue
                assert top not in FORBIDDEN, f"{path.name} imports {name}"
                assert top in ALLOWED_THIRD_PARTY[package], f"{path.name} imports {name}"
            if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "environb"}:
                pytest.fail(f"{path.name} reads the environment")
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "basicConfig":
                pytest.fail(f"{path.name} configures logging")


def test_only_archive_imports_minio() -> None:
    for package in ("scanner_drivers",):
        for path in _modules(package):
            assert "minio" not in path.read_text(encoding="utf-8"), path
