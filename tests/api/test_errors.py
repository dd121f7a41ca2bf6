"""Every error a user can cause: a clear 4xx in Chinese and English, nothing saved lost."""

from __future__ import annotations

import argparse
import html
import importlib
import importlib.util
import inspect
import io
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

import api.app  # every module the API uses is loaded, so its errors are seen
import api.cli
from api.errors import ROOTS, TABLE, mapping
from sample_scans.scans import SamplePage, sample_applicant
from scanner_drivers import errors as scanner_errors
from tests.api.conftest import ITEM, Desk
from tests.scanning import sane_env
from tests.web.test_pages import log_in

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _error(r: object) -> dict[str, str]:
    body = r.json()["error"]  # type: ignore[attr-defined]
    assert body["code"] and body["message_zh"] and body["message_en"]
    return body


def _case(desk: Desk) -> str:
    return str(desk.open_case(5)["number"])


def test_request_without_token_is_401(embedded_desk: Desk) -> None:
    r = embedded_desk.client.post("/api/v1/cases", json={})
    assert r.status_code == 401
    assert "令牌" in _error(r)["message_zh"]
    r = embedded_desk.client.get("/api/v1/cases/1", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401


def test_unknown_service_item_is_404(embedded_desk: Desk) -> None:
    a = sample_applicant(5)
    r = embedded_desk.client.post(
        "/api/v1/cases",
        headers=embedded_desk.headers("clerk"),
        json={
            "item_code": "XX-404",
            "applicant_type": "person",
            "applicant_name": a.name,
            "applicant_id": a.id_number,
        },
    )
    assert r.status_code == 404
    assert _error(r)["code"] == "catalog.unknown_item"
    assert embedded_desk.client.get("/api/v1/catalog/XX-404").status_code == 404


def test_invalid_id_number_and_malformed_body_are_422(embedded_desk: Desk) -> None:
    r = embedded_desk.client.post(
        "/api/v1/cases",
        headers=embedded_desk.headers("clerk"),
        json={
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": "某人",
            "applicant_id": "152501199003077710",
        },
    )
    assert r.status_code == 422 and "校验" in _error(r)["message_zh"]
    r = embedded_desk.client.post(
        "/api/v1/cases", headers=embedded_desk.headers("clerk"), content=b"not json"
    )
    assert r.status_code == 422


def test_bad_uploads_are_refused_and_earlier_pages_stay(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    number = _case(desk)
    good = sample_pages["application_form"]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages",
        headers=desk.headers("clerk"),
        files=[("files", (good.filename, good.data, "image/jpeg"))],
    )
    assert r.status_code == 202

    truncated = good.data[: len(good.data) // 3]
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, "PNG")
    bad_files = {
        "notes.txt": b"this is not an image",
        "scan.pdf": b"%PDF-1.7\n1 0 obj <<>> endobj\n",
        "cut.jpg": truncated,
        "empty.jpg": b"",
        "tiny.png": png.getvalue(),
    }
    for name, data in bad_files.items():
        r = desk.client.post(
            f"/api/v1/cases/{number}/pages",
            headers=desk.headers("clerk"),
            files=[("files", (name, data, "application/octet-stream"))],
        )
        assert r.status_code == 422, (name, r.text)
        assert name in _error(r)["message_en"]

    view = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("clerk")).json()
    assert [p["filename"] for p in view["pages"]] == [good.filename]


def test_too_large_upload_is_refused(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = _case(desk)
    desk.hall.settings.max_upload_bytes = 1000
    try:
        r = desk.client.post(
            f"/api/v1/cases/{number}/pages",
            headers=desk.headers("clerk"),
            files=[("files", ("big.jpg", b"\xff\xd8\xff" + b"0" * 5000))],
        )
    finally:
        desk.hall.settings.max_upload_bytes = 30 * 1024 * 1024
    assert r.status_code == 422 and "MB" in _error(r)["message_zh"]


def test_clerk_cannot_approve_and_other_department_cannot_see(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = _case(desk)
    r = desk.client.post(f"/api/v1/cases/{number}/approve", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 403 and _error(r)["code"] == "auth.forbidden"
    r = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("health"))
    assert r.status_code == 403
    r = desk.client.post(f"/api/v1/cases/{number}/approve", json={}, headers=desk.headers("health"))
    assert r.status_code == 403
    r = desk.client.post("/api/v1/cases", headers=desk.headers("reviewer"), json={})
    assert r.status_code in (403, 422)


def test_reviewer_cannot_approve_a_case_not_yet_accepted(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = _case(desk)
    r = desk.client.post(
        f"/api/v1/cases/{number}/approve", json={}, headers=desk.headers("reviewer")
    )
    assert r.status_code == 409


def test_decision_without_pages_is_refused(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = _case(desk)
    r = desk.client.post(f"/api/v1/cases/{number}/decision", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 422
    r = desk.client.post(
        f"/api/v1/cases/{number}/decision",
        json={"reject_reason": " "},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 422


def test_verify_garbage_is_an_invalid_verdict_not_a_crash(embedded_desk: Desk) -> None:
    for data in (b"garbage", b"%PDF-1.7 broken", b"\x00" * 100):
        r = embedded_desk.client.post("/api/v1/verify", files={"file": ("x.pdf", data)})
        assert r.status_code == 200
        assert r.json()["verdict"] == "invalid"
    r = embedded_desk.client.post("/api/v1/verify", files={"file": ("x.pdf", b"")})
    assert r.status_code == 422


def test_unknown_scenario_and_bad_override_are_clear_errors(embedded_desk: Desk) -> None:
    desk = embedded_desk
    applicant = sample_applicant(3)
    body = {
        "item_code": ITEM,
        "applicant_type": "person",
        "applicant_name": applicant.name,
        "applicant_id": applicant.id_number,
        "scenario": "proxy",
    }
    r = desk.client.post("/api/v1/cases", json=body, headers=desk.headers("clerk"))
    assert 400 <= r.status_code < 500
    assert "proxy" in _error(r)["message_en"] and "委托代理人办理" in _error(r)["message_zh"]
    number = _case(desk)
    r = desk.client.post(
        f"/api/v1/cases/{number}/overrides",
        json={"finding": "id_card:expired", "reason": "   "},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 422 and "理由" in _error(r)["message_zh"]
    r = desk.client.post(f"/api/v1/cases/{number}/pending/supply", headers=desk.headers("clerk"))
    assert r.status_code == 409 and "容缺" in _error(r)["message_zh"]


def test_window_without_acceptance_delegation_cannot_open_the_case(embedded_desk: Desk) -> None:
    """W02 accepts only 市场监督管理局's items (catalog `accepts`, development delegations)."""
    from cases.accounts import create_user
    from cases.db import session_scope
    from models import Role

    with session_scope(embedded_desk.hall.sessions) as s:
        _, token = create_user(
            s, username="w2", display_name="二号窗口", role=Role.CLERK, window_code="W02"
        )
    a = sample_applicant(5)
    body = {"applicant_type": "person", "applicant_name": a.name, "applicant_id": a.id_number}
    headers = {"Authorization": f"Bearer {token}"}
    r = embedded_desk.client.post(
        "/api/v1/cases", headers=headers, json={"item_code": "WJ-GG-001", **body}
    )
    assert r.status_code == 403 and "受理授权委托" in _error(r)["message_zh"]
    r = embedded_desk.client.post(
        "/api/v1/cases", headers=headers, json={"item_code": ITEM, **body}
    )
    assert r.status_code == 201


# -- every library's errors, on every surface --------------------------------------------


def leaf_libraries() -> list[str]:
    """The leaf libraries the import-linter independence contract names that have errors."""
    config = tomllib.loads(PYPROJECT.read_text())
    contract = next(
        c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "independence"
    )
    return [m for m in contract["modules"] if importlib.util.find_spec(f"{m}.errors")]


def make(cls: type[Exception], en: str, zh: str) -> Exception:
    """An instance, with a plain value for any keyword-only argument a class requires."""
    extra: dict[str, object] = {
        name: 1 if p.annotation in (int, "int") else "x"
        for name, p in inspect.signature(cls).parameters.items()
        if p.kind is p.KEYWORD_ONLY and p.default is p.empty
    }
    return cls(en, zh, **extra)


def library_errors() -> list[type[Exception]]:
    """Every exception class the domain and the leaf libraries define in a loaded module."""
    packages = ["cases", *leaf_libraries()]
    for package in packages:
        importlib.import_module(f"{package}.errors")
    found: set[type[Exception]] = set()
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in packages:
            for obj in vars(module).values():
                if isinstance(obj, type) and issubclass(obj, Exception) and obj.__module__ == name:
                    found.add(obj)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def test_every_library_has_one_mapped_error_root() -> None:
    assert {"ocr", "archive", "signing", "scanner_drivers"} <= set(leaf_libraries())
    errors = library_errors()
    roots = {cls for cls in errors if cls.__bases__ == (Exception,)}
    assert roots == set(ROOTS)
    for root in ROOTS:  # each root has a row of its own, after its specific classes
        rows = [kind for kind, _, _ in TABLE]
        assert root in rows and all(not issubclass(k, root) for k in rows[rows.index(root) + 1 :])
    for cls in errors:
        assert issubclass(cls, ROOTS), cls
        assert mapping(make(cls, "en", "zh")) is not None, cls


def test_scanner_errors_say_when_to_wait_and_when_to_act() -> None:
    expected = {
        "DeviceGone": 503,
        "DeviceBusy": 503,
        "ScannerError": 503,
        "Jammed": 409,
        "CoverOpen": 409,
        "FeederEmpty": 409,
        "Cancelled": 409,
        "TruncatedPage": 422,
        "UnsupportedSetting": 422,
        "PageLargerThanDevice": 422,
        "UnsupportedFormat": 422,
        "PageTooLarge": 422,
    }
    statuses = {cls.__name__: mapping(make(cls, "en", "zh")) for cls in scanner_errors.ALL_ERRORS}
    assert {name: found[0] for name, found in statuses.items() if found} == expected
    assert statuses["PageLargerThanDevice"] == (422, 65)  # a setting, not the device: 65
    assert statuses["DeviceGone"] == (503, 74)


def test_every_library_error_reaches_the_clerk_in_chinese_and_english(
    embedded_desk: Desk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Raised in an API route: the JSON envelope; in a page: the error page; in a
    command: both messages and the exit code, no traceback. The way httpx checks its
    exception mapping: every class, not a sample."""
    errors = library_errors()

    def raise_error(i: int) -> None:
        raise make(errors[i], f"english message {i}", f"中文说明 {i}")

    app = embedded_desk.client.app
    app.add_api_route("/api/v1/test-errors/{i}", raise_error)  # type: ignore[attr-defined]
    app.add_api_route("/test-errors/{i}", raise_error)  # type: ignore[attr-defined]
    raising: list[Exception] = []

    def parser() -> argparse.ArgumentParser:
        def command(args: argparse.Namespace, settings: object) -> int:
            raise raising[-1]

        p = argparse.ArgumentParser(prog="onewindow")
        p.add_argument("-v", "--verbose", action="store_true")
        p.set_defaults(func=command)
        return p

    monkeypatch.setattr(api.cli, "build_parser", parser)
    for i, cls in enumerate(errors):
        found = mapping(make(cls, "en", "zh"))
        assert found is not None, cls
        status, exit_code = found
        r = embedded_desk.client.get(f"/api/v1/test-errors/{i}")
        assert (r.status_code, r.json()) == (
            status,
            {
                "error": {
                    "code": cls.code,  # type: ignore[attr-defined]
                    "message_zh": f"中文说明 {i}",
                    "message_en": f"english message {i}",
                }
            },
        ), cls
        page = embedded_desk.client.get(f"/test-errors/{i}")
        assert page.status_code == status and "text/html" in page.headers["content-type"]
        assert f"中文说明 {i}" in page.text and f"english message {i}" in page.text, cls
        raising.append(make(cls, f"english message {i}", f"中文说明 {i}"))
        assert api.cli.main([]) == exit_code, cls
        err = capsys.readouterr().err
        assert f"中文说明 {i}" in err and f"english message {i}" in err and cls.code in err  # type: ignore[attr-defined]
        assert "Traceback" not in err


def test_an_unplugged_scanner_gives_the_counter_the_error_page_not_a_500(
    embedded_desk: Desk, tmp_path: Path
) -> None:
    """The window's scanner is configured but not there: the scan button answers 503 with
    what to do, in Chinese and English."""
    desk = embedded_desk
    csrf = log_in(desk.client, "clerk")
    number = _case(desk)
    desk.hall.settings.scanner_device = "sane:nosuch:0"
    desk.hall.settings.sane_config_dir = sane_env.test_backend_config(tmp_path)
    try:
        r = desk.client.post(f"/counter/cases/{number}/scan", data={"csrf": csrf})
    finally:
        desk.hall.settings.scanner_device = None
        desk.hall.settings.sane_config_dir = None
    text = html.unescape(r.text)
    assert r.status_code == 503 and "text/html" in r.headers["content-type"]
    assert "无法打开扫描仪，请检查数据线与电源" in text
    assert "the scanner could not be opened; check its cable and power" in text
