"""Finding 9: an id or version beyond what the database can hold (or below 1) is a 404 or
422 in the error envelope (a Chinese page in the browser), never a plain-text 500 from an
integer overflow. Generated from the app's routes: every integer path or query parameter."""

from __future__ import annotations

from typing import Any

import pytest

from tests.security.conftest import SecureHall
from tests.security.routes import app_routes

OUT_OF_RANGE = [2**63, 2**64 + 7, 10**30, 0, -1]
PLACEHOLDERS = {"number": "a", "code": "SCJG-GT-001", "material": "id_card"}
# Fields a form or body needs so that the old code would reach the database with the id.
FORMS: dict[tuple[str, str], dict[str, str]] = {
    ("POST", "/admin/users/{user_id}"): {"action": "deactivate"},
    ("POST", "/admin/seals/{seal_id}/revoke"): {"reason": "test"},
    ("POST", "/admin/delegations/{delegation_id}/revoke"): {"reason": "test"},
    ("POST", "/admin/windows/delegations/{delegation_id}/revoke"): {"reason": "test"},
}
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/v1/objects/{object_id}/legal-hold"): {"on": True, "reason": "test"},
}
REQUIRED_QUERY = {"/api/v1/archive/link": {"key": "k", "sig": "s"}}


def _targets(secure: SecureHall) -> list[Any]:
    return [r for r in app_routes(secure.app) if r.int_params]


def test_the_routes_with_integer_parameters_are_found(secure: SecureHall) -> None:
    keys = {r.key for r in _targets(secure)}
    assert ("GET", "/api/v1/objects/{object_id}") in keys
    assert ("POST", "/api/v1/handovers/{handover_id}/sign") in keys
    assert ("DELETE", "/api/v1/grants/{grant_id}") in keys
    assert ("POST", "/admin/users/{user_id}") in keys
    assert ("GET", "/api/v1/catalog/{code}/export") in keys
    assert len(keys) >= 15


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_out_of_range_ids_are_clean_4xx(secure: SecureHall, value: int) -> None:
    admin_browser, csrf = secure.browser("admin")
    failures = []
    for route in _targets(secure):
        path = route.path
        for name, placeholder in PLACEHOLDERS.items():
            path = path.replace(f"{{{name}}}", secure.cases.get(placeholder, placeholder))
        query: dict[str, Any] = dict(REQUIRED_QUERY.get(route.path, {}))
        for name, kind in route.int_params:
            if kind == "path":
                path = path.replace(f"{{{name}}}", str(value))
            else:
                query[name] = value
        if route.web:
            form = FORMS.get(route.key, {}) | {"csrf": csrf}
            r = admin_browser.request(
                route.method,
                path,
                params=query,
                data=form if route.method == "POST" else None,
                follow_redirects=False,
            )
            ok = r.status_code in (404, 422) and r.headers["content-type"].startswith("text/html")
        else:
            r = secure.client.request(
                route.method,
                path,
                params=query,
                json=BODIES.get(route.key),
                headers=secure.bearer("admin"),
            )
            ok = r.status_code in (404, 422) and _is_envelope(r)
        if not ok:
            failures.append(f"{route.method} {path} {query}: {r.status_code} {r.text[:120]!r}")
    assert not failures, "\n".join(failures)


def _is_envelope(r: Any) -> bool:
    try:
        error = r.json()["error"]
    except (ValueError, KeyError, TypeError):
        return False
    return bool(error["code"] and error["message_zh"] and error["message_en"])
