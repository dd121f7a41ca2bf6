"""The authorization matrix: every route the app registers x anonymous, a clerk, a reviewer
of department A (市场监督管理局), a reviewer of department B (卫生健康委员会) and an
administrator x a target of department A and one of department B where the route is
department-scoped. A route missing from MATRIX fails the test.

Each row says who may call the route (ACCESS) and what an allowed caller gets (`ok`); the
expected status of every cell follows: an anonymous caller gets 401 from the API and is
sent to /login (303) by a page, a role that may not gets 403, a reviewer gets 403 for the
other department's target of a scoped row, everyone else `ok`. Requests that would change
something are built so that they stop after the authorization (a case not in review, a
form missing a field, an idempotent revocation) or use a target of their own per cell, so
no cell depends on another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from cases.db import session_scope
from cases.intake.pages import create_case
from cases.records.storage import archive_bytes
from cases.results.licenses import issue_license
from cases.review import steps as review
from models import (
    Case,
    CaseStatus,
    DecisionDocument,
    Delegation,
    Department,
    Handover,
    Notice,
    Seal,
    User,
)
from ocr.testing import FixedTextEngine
from tests.cases.backoffice_world import APPLICANT_ID, World, accepted_case
from tests.security.conftest import (
    SecureHall,
    accepted_case_with_page,
    csrf_of,
    open_secure_hall,
)
from tests.security.routes import app_routes

ROLES = ("anonymous", "clerk", "reviewer_a", "reviewer_b", "admin")
DEPARTMENT = {"a": "scjgj", "b": "wjw"}
ITEMS = {"a": "SCJG-GT-001", "b": "WJ-GG-001"}
OTHER = {"a": "b", "b": "a"}

# who may call a route
PUBLIC = frozenset({"anonymous", "clerk", "reviewer", "admin"})
STAFF = frozenset({"clerk", "reviewer", "admin"})
CLERK = frozenset({"clerk", "admin"})
REVIEWER = frozenset({"reviewer", "admin"})
ADMIN = frozenset({"admin"})
CLERK_OR_REVIEWER = STAFF


@dataclass
class Req:
    path: str
    json: Any = None
    data: dict[str, str] | None = None  # a form; the caller's CSRF token is added
    files: list[Any] | None = None
    params: dict[str, Any] | None = None
    csrf: bool = True


@dataclass
class World2:
    """What the requests point at, per department target ("a" / "b")."""

    secure: SecureHall
    case: dict[str, str] = field(default_factory=dict)  # accepted, routed, one page
    receiving: dict[str, str] = field(default_factory=dict)  # not in review: acts give 409
    closed: dict[str, str] = field(default_factory=dict)  # rejected, no pages
    page: dict[str, int] = field(default_factory=dict)
    obj: dict[str, int] = field(default_factory=dict)
    notice: dict[str, str] = field(default_factory=dict)
    license: dict[str, str] = field(default_factory=dict)
    decision: dict[str, int] = field(default_factory=dict)
    grant: dict[str, int] = field(default_factory=dict)  # made by the target's reviewer
    handovers: dict[tuple[str, str], int] = field(default_factory=dict)  # (role, target)
    web_handovers: dict[tuple[str, str], int] = field(default_factory=dict)  # signed on /desk
    link: str = ""
    user_id: int = 0
    seal_id: int = 0
    acceptance_delegation: int = 0
    seal_delegation: int = 0


Build = Callable[[World2, str, str], Req]  # (world, target, role) -> request


@dataclass(frozen=True)
class Row:
    access: frozenset[str]
    ok: int
    build: Build
    scoped: bool = False  # reviewers: only their department's target
    hidden: bool = False  # scoped, and another department's target answers 404 like none


def get(path: str) -> Build:
    return lambda w, t, r: Req(path)


def on_case(template: str, kind: str = "case", **extra: Any) -> Build:
    def build(w: World2, t: str, r: str) -> Req:
        return Req(template.format(n=getattr(w, kind)[t]), **extra)

    return build


def form(path: str, **fields: str) -> Build:
    return lambda w, t, r: Req(path, data=dict(fields))


API = "/api/v1"
MATRIX: dict[tuple[str, str], Row] = {
    # --- public: documentation, health, static files, catalog, verification -----------
    ("GET", "/openapi.json"): Row(PUBLIC, 200, get("/openapi.json")),
    ("GET", "/docs"): Row(PUBLIC, 200, get("/docs")),
    ("GET", "/docs/oauth2-redirect"): Row(PUBLIC, 200, get("/docs/oauth2-redirect")),
    ("GET", "/redoc"): Row(PUBLIC, 200, get("/redoc")),
    ("GET", "/health"): Row(PUBLIC, 200, get("/health")),
    ("GET", "/static"): Row(PUBLIC, 200, get("/static/app.js")),
    ("GET", f"{API}/catalog"): Row(PUBLIC, 200, get(f"{API}/catalog")),
    ("GET", f"{API}/catalog/knowledge"): Row(
        PUBLIC, 200, lambda w, t, r: Req(f"{API}/catalog/knowledge", params={"q": "营业执照"})
    ),
    # 事项信息变更公告: public, like the catalog it announces
    ("GET", f"{API}/catalog/announcements"): Row(PUBLIC, 200, get(f"{API}/catalog/announcements")),
    ("GET", "/catalog/announcements"): Row(PUBLIC, 200, get("/catalog/announcements")),
    ("GET", f"{API}/catalog/{{code}}"): Row(PUBLIC, 200, get(f"{API}/catalog/SCJG-GT-001")),
    ("GET", f"{API}/catalog/{{code}}/materials/{{material}}/sample"): Row(
        PUBLIC, 200, get(f"{API}/catalog/SCJG-GT-001/materials/id_card/sample")
    ),
    ("GET", f"{API}/catalog/{{code}}/versions"): Row(
        PUBLIC, 200, get(f"{API}/catalog/SCJG-GT-001/versions")
    ),
    ("POST", f"{API}/verify"): Row(PUBLIC, 422, get(f"{API}/verify")),  # no file
    ("GET", "/verify"): Row(PUBLIC, 200, get("/verify")),
    ("POST", "/verify"): Row(PUBLIC, 422, lambda w, t, r: Req("/verify", data={})),
    # 办件进度: the notice's signed QR link, or case number + ID tail (a form without them)
    ("GET", "/progress"): Row(PUBLIC, 200, get("/progress")),
    ("POST", "/progress"): Row(PUBLIC, 422, lambda w, t, r: Req("/progress", data={})),
    # a download link is its own credential, whoever presents it
    ("GET", f"{API}/archive/link"): Row(PUBLIC, 200, lambda w, t, r: Req(w.link)),
    # 好差评: anonymous; a wrong ID number answers like an unknown case
    ("POST", f"{API}/cases/{{number}}/rating"): Row(
        PUBLIC,
        404,
        on_case(API + "/cases/{n}/rating", json={"id_number": "110101199003070000", "score": 5}),
    ),
    # --- the applicant online (网上申报): a cookie of its own, no staff session opens it;
    # without it every case route sends the browser to /apply (303) ----------------------
    ("GET", "/apply"): Row(PUBLIC, 200, get("/apply")),
    ("POST", "/apply/code"): Row(PUBLIC, 422, form("/apply/code")),  # no phone
    ("POST", "/apply/signin"): Row(PUBLIC, 422, form("/apply/signin")),  # no code
    ("POST", "/apply/signout"): Row(PUBLIC, 403, form("/apply/signout")),  # a staff token
    ("GET", "/apply/items"): Row(PUBLIC, 200, get("/apply/items")),
    ("GET", "/apply/items/{code}"): Row(PUBLIC, 200, get("/apply/items/SCJG-GT-001")),
    ("POST", "/apply/cases"): Row(
        PUBLIC,
        303,
        form(
            "/apply/cases",
            item_code="SCJG-GT-001",
            applicant_type="person",
            applicant_name="张三",
            applicant_id=APPLICANT_ID,
        ),
    ),
    ("GET", "/apply/cases/{number}"): Row(PUBLIC, 303, on_case("/apply/cases/{n}")),
    ("POST", "/apply/cases/{number}/pages"): Row(
        PUBLIC,
        303,
        on_case("/apply/cases/{n}/pages", data={}, files=[("files", ("a.png", b"x", "image/png"))]),
    ),
    ("POST", "/apply/cases/{number}/check"): Row(
        PUBLIC, 303, on_case("/apply/cases/{n}/check", data={"submit": "1"})
    ),
    ("GET", "/apply/cases/{number}/notices/{notice}.pdf"): Row(
        PUBLIC, 303, lambda w, t, r: Req(f"/apply/cases/{w.case[t]}/notices/{w.notice[t]}.pdf")
    ),
    ("POST", "/apply/cases/{number}/result-by"): Row(
        PUBLIC, 303, on_case("/apply/cases/{n}/result-by", data={"by": "download"})
    ),
    ("GET", "/apply/cases/{number}/result.pdf"): Row(
        PUBLIC, 303, on_case("/apply/cases/{n}/result.pdf")
    ),
    ("POST", "/apply/cases/{number}/rating"): Row(
        PUBLIC, 303, on_case("/apply/cases/{n}/rating", data={"score": "5"})
    ),
    # --- the self-service kiosk: public; a case only after its proof (a kiosk cookie) ---
    ("GET", "/kiosk"): Row(PUBLIC, 200, get("/kiosk")),
    ("GET", "/kiosk/query"): Row(PUBLIC, 200, get("/kiosk/query")),
    ("POST", "/kiosk/query"): Row(  # an ID tail too long: refused before any look-up
        PUBLIC, 422, form("/kiosk/query", case="1", id_tail="123456789")
    ),
    ("GET", "/kiosk/case"): Row(PUBLIC, 404, get("/kiosk/case")),
    ("GET", "/kiosk/notices/{number}.pdf"): Row(
        PUBLIC, 404, lambda w, t, r: Req(f"/kiosk/notices/{w.notice[t]}.pdf")
    ),
    ("POST", "/kiosk/locker-code"): Row(PUBLIC, 404, form("/kiosk/locker-code")),
    ("POST", "/kiosk/end"): Row(PUBLIC, 303, form("/kiosk/end")),
    ("GET", "/kiosk/items"): Row(PUBLIC, 200, get("/kiosk/items")),
    ("GET", "/kiosk/items/{code}"): Row(PUBLIC, 200, get("/kiosk/items/SCJG-GT-001")),
    # --- catalog administration -------------------------------------------------------
    ("POST", f"{API}/catalog/validate"): Row(  # the YAML is refused, as a bad catalog
        ADMIN, 400, lambda w, t, r: Req(f"{API}/catalog/validate", json={"files": {"x": "a: ["}})
    ),
    ("POST", f"{API}/catalog/publish"): Row(
        ADMIN, 400, lambda w, t, r: Req(f"{API}/catalog/publish", json={"files": {"x": "a: ["}})
    ),
    ("GET", f"{API}/catalog/{{code}}/export"): Row(
        ADMIN, 200, get(f"{API}/catalog/SCJG-GT-001/export")
    ),
    ("GET", f"{API}/catalog/{{code}}/diff"): Row(
        ADMIN,
        200,
        lambda w, t, r: Req(f"{API}/catalog/SCJG-GT-001/diff", params={"from": 1, "to": 2}),
    ),
    # --- intake at the window ---------------------------------------------------------
    ("POST", f"{API}/cases"): Row(
        CLERK,
        404,  # an unknown item: nothing is opened
        lambda w, t, r: Req(
            f"{API}/cases",
            json={
                "item_code": "XX-404",
                "applicant_type": "person",
                "applicant_name": "张三",
                "applicant_id": APPLICANT_ID,
            },
        ),
    ),
    ("GET", f"{API}/cases/metrics/one-time"): Row(STAFF, 200, get(f"{API}/cases/metrics/one-time")),
    ("GET", f"{API}/cases/{{number}}"): Row(STAFF, 200, on_case(API + "/cases/{n}"), True),
    # 人工核对: another department's case answers like a case that does not exist
    ("GET", f"{API}/cases/{{number}}/fields"): Row(
        STAFF, 200, on_case(API + "/cases/{n}/fields"), True, hidden=True
    ),
    ("POST", f"{API}/cases/{{number}}/pages/{{seq}}/fields/{{index}}"): Row(
        STAFF,
        404,
        on_case(API + "/cases/{n}/pages/1/fields/0", json={}),  # a blank page
    ),
    ("GET", f"{API}/cases/metrics/ocr-accuracy"): Row(
        ADMIN, 200, get(f"{API}/cases/metrics/ocr-accuracy")
    ),
    ("POST", "/web/cases/{number}/fields"): Row(
        STAFF, 404, on_case("/web/cases/{n}/fields", data={"page": "1", "index": "0"})
    ),
    ("POST", f"{API}/cases/{{number}}/pages"): Row(
        CLERK,
        422,
        on_case(API + "/cases/{n}/pages"),  # no files
    ),
    ("GET", f"{API}/cases/{{number}}/check"): Row(CLERK, 200, on_case(API + "/cases/{n}/check")),
    ("POST", f"{API}/cases/{{number}}/overrides"): Row(  # the case is past its check
        CLERK,
        409,
        on_case(API + "/cases/{n}/overrides", json={"finding": "nothing:here", "reason": "r"}),
    ),
    ("GET", f"{API}/cases/{{number}}/sheets"): Row(CLERK, 200, on_case(API + "/cases/{n}/sheets")),
    ("POST", f"{API}/cases/{{number}}/pending/supply"): Row(
        CLERK, 409, on_case(API + "/cases/{n}/pending/supply", "closed")
    ),
    ("GET", f"{API}/cases/{{number}}/delivery-gate"): Row(
        STAFF, 200, on_case(API + "/cases/{n}/delivery-gate"), True
    ),
    ("POST", f"{API}/cases/{{number}}/decision"): Row(
        CLERK, 409, on_case(API + "/cases/{n}/decision", "closed", json={})
    ),
    # --- the department desk ----------------------------------------------------------
    ("GET", f"{API}/review/tasks"): Row(REVIEWER, 200, get(f"{API}/review/tasks")),
    **{
        ("POST", f"{API}/cases/{{number}}/{act}"): Row(
            REVIEWER, 409, on_case(API + "/cases/{n}/" + act, "receiving", json={}), True
        )
        for act in ("approve", "deny", "return")
    },
    ("POST", f"{API}/cases/{{number}}/information-supplied"): Row(
        CLERK_OR_REVIEWER, 200, on_case(API + "/cases/{n}/information-supplied"), True
    ),
    ("GET", f"{API}/cases/{{number}}/next"): Row(
        CLERK_OR_REVIEWER, 200, on_case(API + "/cases/{n}/next"), True
    ),
    ("GET", f"{API}/cases/{{number}}/trail"): Row(
        CLERK_OR_REVIEWER, 200, on_case(API + "/cases/{n}/trail"), True
    ),
    ("POST", f"{API}/cases/{{number}}/handovers"): Row(
        CLERK, 409, on_case(API + "/cases/{n}/handovers", "closed")
    ),
    ("GET", f"{API}/cases/{{number}}/handovers"): Row(
        CLERK_OR_REVIEWER, 200, on_case(API + "/cases/{n}/handovers"), True
    ),
    # paper sent to a department is signed for by that department (a fresh one per cell)
    ("POST", f"{API}/handovers/{{handover_id}}/sign"): Row(
        REVIEWER, 200, lambda w, t, r: Req(f"{API}/handovers/{w.handovers[r, t]}/sign"), True
    ),
    # --- result delivery --------------------------------------------------------------
    ("GET", f"{API}/cases/{{number}}/delivery"): Row(
        CLERK, 404, on_case(API + "/cases/{n}/delivery")
    ),
    ("POST", f"{API}/cases/{{number}}/delivery/pickup"): Row(
        CLERK,
        404,
        on_case(
            API + "/cases/{n}/delivery/pickup",
            json={"receiver_name": "张三", "id_number": APPLICANT_ID},
        ),
    ),
    ("POST", f"{API}/cases/{{number}}/delivery/locker"): Row(
        CLERK, 404, on_case(API + "/cases/{n}/delivery/locker", json={"box": "A01"})
    ),
    ("POST", f"{API}/cases/{{number}}/delivery/renotify"): Row(
        CLERK, 404, on_case(API + "/cases/{n}/delivery/renotify")
    ),
    ("POST", f"{API}/cases/{{number}}/delivery/post"): Row(
        CLERK,
        404,
        on_case(
            API + "/cases/{n}/delivery/post", json={"address": "某地", "tracking_number": "EMS1"}
        ),
    ),
    ("POST", f"{API}/cases/{{number}}/delivery/post-status"): Row(
        CLERK, 404, on_case(API + "/cases/{n}/delivery/post-status", json={"status": "in_transit"})
    ),
    # the locker terminal is a device account (role `locker`); staff may not try codes
    ("POST", f"{API}/locker/pickup"): Row(
        ADMIN, 422, lambda w, t, r: Req(f"{API}/locker/pickup", json={"box": "Z9", "code": "0"})
    ),
    ("GET", f"{API}/delivery/feedback"): Row(REVIEWER, 200, get(f"{API}/delivery/feedback")),
    ("GET", f"{API}/decisions/{{document_id}}/pdf"): Row(
        STAFF, 200, lambda w, t, r: Req(f"{API}/decisions/{w.decision[t]}/pdf"), True
    ),
    # --- archived documents -----------------------------------------------------------
    ("GET", f"{API}/objects/{{object_id}}"): Row(
        STAFF, 200, lambda w, t, r: Req(f"{API}/objects/{w.obj[t]}"), True
    ),
    ("GET", f"{API}/objects/{{object_id}}/info"): Row(
        STAFF, 200, lambda w, t, r: Req(f"{API}/objects/{w.obj[t]}/info"), True
    ),
    ("POST", f"{API}/objects/{{object_id}}/link"): Row(
        STAFF, 200, lambda w, t, r: Req(f"{API}/objects/{w.obj[t]}/link"), True
    ),
    ("DELETE", f"{API}/objects/{{object_id}}"): Row(
        ADMIN,
        409,
        lambda w, t, r: Req(f"{API}/objects/{w.obj[t]}"),  # retained
    ),
    ("POST", f"{API}/objects/{{object_id}}/legal-hold"): Row(
        ADMIN,
        422,
        lambda w, t, r: Req(
            f"{API}/objects/{w.obj[t]}/legal-hold", json={"on": True, "reason": ""}
        ),
    ),
    ("GET", f"{API}/archive/staging"): Row(CLERK, 200, get(f"{API}/archive/staging")),
    ("POST", f"{API}/archive/staging/drain"): Row(ADMIN, 200, get(f"{API}/archive/staging/drain")),
    ("GET", f"{API}/notices/{{number}}/pdf"): Row(
        STAFF, 200, on_case(API + "/notices/{n}/pdf", "notice"), True
    ),
    ("GET", f"{API}/licenses/{{number}}"): Row(
        STAFF, 200, on_case(API + "/licenses/{n}", "license"), True
    ),
    ("GET", f"{API}/licenses/{{number}}/pdf"): Row(
        STAFF, 200, on_case(API + "/licenses/{n}/pdf", "license"), True
    ),
    # --- sharing: the providing department (or an administrator) grants and revokes ---
    ("POST", f"{API}/grants"): Row(
        REVIEWER,
        201,
        lambda w, t, r: Req(
            f"{API}/grants",
            json={
                "grantee": DEPARTMENT[OTHER[t]],
                "case_number": w.receiving[t],
                "purpose": "核查",
            },
        ),
        True,
    ),
    ("GET", f"{API}/grants"): Row(STAFF, 200, get(f"{API}/grants")),
    ("DELETE", f"{API}/grants/{{grant_id}}"): Row(  # revoking twice changes nothing
        REVIEWER, 200, lambda w, t, r: Req(f"{API}/grants/{w.grant[t]}"), True
    ),
    ("GET", f"{API}/shared"): Row(STAFF, 200, get(f"{API}/shared")),
    ("GET", f"{API}/objects"): Row(STAFF, 200, get(f"{API}/objects")),
    # --- pages: login ------------------------------------------------------------------
    ("GET", "/"): Row(PUBLIC, 303, get("/")),
    ("GET", "/login"): Row(PUBLIC, 200, get("/login")),
    ("POST", "/login"): Row(PUBLIC, 401, form("/login", username="nobody", password="wrong-pw1")),
    # logging out takes the form's token; without it nobody is logged out
    ("POST", "/logout"): Row(PUBLIC, 403, lambda w, t, r: Req("/logout", data={}, csrf=False)),
    # --- pages: the counter --------------------------------------------------------------
    ("GET", "/counter"): Row(CLERK, 200, get("/counter")),
    ("POST", "/counter/cases"): Row(
        CLERK,
        422,
        form(
            "/counter/cases",
            item_code="XX-404",
            applicant_type="person",
            applicant_name="张三",
            applicant_id=APPLICANT_ID,
        ),
    ),
    ("GET", "/counter/cases/{number}"): Row(CLERK, 200, on_case("/counter/cases/{n}")),
    ("GET", "/counter/cases/{number}/panel"): Row(CLERK, 200, on_case("/counter/cases/{n}/panel")),
    ("POST", "/counter/cases/{number}/scan"): Row(
        CLERK,
        422,
        on_case("/counter/cases/{n}/scan", data={}),  # no scanner configured
    ),
    ("POST", "/counter/cases/{number}/pages"): Row(
        CLERK,
        422,
        on_case("/counter/cases/{n}/pages", data={}),  # no files
    ),
    ("GET", "/counter/online"): Row(CLERK, 200, get("/counter/online")),
    ("POST", "/counter/cases/{number}/postal"): Row(  # no tracking number: refused
        CLERK, 422, on_case("/counter/cases/{n}/postal", data={})
    ),
    ("GET", "/counter/cases/{number}/address-sheet.pdf"): Row(  # nothing came by post
        CLERK, 409, on_case("/counter/cases/{n}/address-sheet.pdf")
    ),
    ("POST", "/counter/cases/{number}/decision"): Row(
        CLERK, 409, on_case("/counter/cases/{n}/decision", "closed", data={"action": "accept"})
    ),
    ("POST", "/counter/cases/{number}/pending/supply"): Row(
        CLERK, 409, on_case("/counter/cases/{n}/pending/supply", "closed", data={})
    ),
    ("POST", "/counter/cases/{number}/handovers"): Row(
        CLERK,
        409,
        on_case("/counter/cases/{n}/handovers", "closed", data={}),  # not routed
    ),
    ("POST", "/counter/cases/{number}/information-supplied"): Row(
        CLERK,
        409,
        on_case("/counter/cases/{n}/information-supplied", data={}),  # not returned
    ),
    # the receiving side signs: a department for paper (here), a window for a result
    ("POST", "/web/handovers/{handover_id}/sign"): Row(
        REVIEWER,
        303,
        lambda w, t, r: Req(f"/web/handovers/{w.web_handovers[r, t]}/sign", data={}),
        True,
    ),
    ("GET", "/web/pages/{page_id}/thumb"): Row(
        STAFF, 200, lambda w, t, r: Req(f"/web/pages/{w.page[t]}/thumb"), True
    ),
    # --- pages: the department desk ------------------------------------------------------
    ("GET", "/desk"): Row(REVIEWER, 200, get("/desk")),
    ("GET", "/desk/cases/{number}"): Row(REVIEWER, 200, on_case("/desk/cases/{n}"), True),
    ("POST", "/desk/cases/{number}/decision"): Row(
        REVIEWER,
        409,
        on_case("/desk/cases/{n}/decision", "receiving", data={"action": "approve"}),
        True,
    ),
    ("POST", "/desk/cases/{number}/information-supplied"): Row(
        REVIEWER, 409, on_case("/desk/cases/{n}/information-supplied", data={}), True
    ),
    ("POST", "/desk/cases/{number}/return"): Row(
        REVIEWER,
        409,
        on_case("/desk/cases/{n}/return", "receiving", data={"comment": "请补充说明"}),
        True,
    ),
    # --- pages: delivery -----------------------------------------------------------------
    ("GET", "/delivery"): Row(CLERK, 200, get("/delivery")),
    ("GET", "/delivery/cases/{number}"): Row(CLERK, 404, on_case("/delivery/cases/{n}")),
    ("POST", "/delivery/cases/{number}"): Row(
        CLERK, 404, on_case("/delivery/cases/{n}", data={"action": "renotify"})
    ),
    # --- pages: shared documents ---------------------------------------------------------
    ("GET", "/shared"): Row(REVIEWER, 200, get("/shared")),
    ("GET", "/shared/objects/{object_id}"): Row(
        REVIEWER, 200, lambda w, t, r: Req(f"/shared/objects/{w.obj[t]}"), True
    ),
    ("POST", "/shared/grants"): Row(
        REVIEWER,
        303,
        lambda w, t, r: Req(
            "/shared/grants",
            data={
                "grantee": DEPARTMENT[OTHER[t]],
                "purpose": "核查",
                "case_number": w.receiving[t],
            },
        ),
        True,
    ),
    ("POST", "/shared/grants/{grant_id}/revoke"): Row(
        REVIEWER, 303, lambda w, t, r: Req(f"/shared/grants/{w.grant[t]}/revoke", data={}), True
    ),
    # --- pages: administration -------------------------------------------------------------
    **{
        ("GET", path): Row(ADMIN, 200, get(path))
        for path in (
            "/admin",
            "/admin/chart.png",
            "/admin/catalog",
            "/admin/users",
            "/admin/windows",
            "/admin/seals",
            "/admin/platform",
        )
    },
    ("POST", "/admin/catalog"): Row(ADMIN, 422, form("/admin/catalog")),  # no files
    ("POST", "/admin/users"): Row(
        ADMIN,
        422,
        form("/admin/users", username="x1", display_name="x", role="king", password="x" * 12),
    ),
    ("POST", "/admin/users/{user_id}"): Row(
        ADMIN, 422, lambda w, t, r: Req(f"/admin/users/{w.user_id}", data={"action": "promote"})
    ),
    ("POST", "/admin/windows/delegations"): Row(
        ADMIN,
        404,
        form(
            "/admin/windows/delegations",
            window="W99",
            department="scjgj",
            valid_from="2026-01-01",
            valid_to="2026-12-31",
        ),
    ),
    ("POST", "/admin/windows/delegations/{delegation_id}/revoke"): Row(
        ADMIN,
        422,  # a revocation needs a reason
        lambda w, t, r: Req(
            f"/admin/windows/delegations/{w.acceptance_delegation}/revoke", data={"reason": ""}
        ),
    ),
    ("POST", "/admin/seals/{seal_id}/revoke"): Row(
        ADMIN, 422, lambda w, t, r: Req(f"/admin/seals/{w.seal_id}/revoke", data={"reason": ""})
    ),
    ("POST", "/admin/delegations"): Row(
        ADMIN,
        404,
        form(
            "/admin/delegations",
            department="nowhere",
            valid_from="2026-01-01",
            valid_to="2026-12-31",
        ),
    ),
    ("POST", "/admin/delegations/{delegation_id}/revoke"): Row(
        ADMIN,
        422,
        lambda w, t, r: Req(f"/admin/delegations/{w.seal_delegation}/revoke", data={"reason": ""}),
    ),
}


def expected(key: tuple[str, str], row: Row, role: str, target: str) -> int:
    web = not key[1].startswith("/api/")
    kind = "reviewer" if role.startswith("reviewer") else role
    if kind not in row.access:
        if role == "anonymous":
            return 303 if web else 401
        return 403
    if row.scoped and kind == "reviewer" and role != f"reviewer_{target}":
        return 404 if row.hidden else 403
    return row.ok


# --- the world the requests point at ------------------------------------------------------


def _build_world(secure: SecureHall) -> World2:
    hall = secure.hall
    hall.use_ocr(FixedTextEngine([]))  # a page that gets read is read at once, as blank
    w = World2(secure)
    for t in ("a", "b"):
        w.case[t], w.page[t], w.obj[t] = accepted_case_with_page(secure, ITEMS[t])
    world = World(hall, secure.users)
    with session_scope(hall.sessions) as s:
        clerk = s.get_one(User, secure.users["clerk"])
        reviewers = {t: s.get_one(User, secure.users[f"reviewer_{t}"]) for t in ("a", "b")}
        for t in ("a", "b"):
            for kind, status in (("receiving", None), ("closed", CaseStatus.REJECTED)):
                case = create_case(
                    s,
                    item_code=ITEMS[t],
                    applicant_type="person",
                    applicant_name="张三",
                    applicant_id=APPLICANT_ID,
                    actor=clerk,
                )
                if status is not None:
                    case.status = status
                getattr(w, kind)[t] = case.number
            case = s.scalars(select(Case).where(Case.number == w.case[t])).one()
            stored = archive_bytes(
                s,
                hall.store,
                f"%PDF-1.4 notice of {t}".encode(),
                content_type="application/pdf",
                doc_class="notice",
                case_id=case.id,
            )
            s.add(Notice(case_id=case.id, kind="acceptance", number=f"SL-{t}", object_id=stored.id))
            w.notice[t] = f"SL-{t}"
            licensed = accepted_case(s, world, ITEMS[t])
            w.license[t] = issue_license(s, hall, licensed, actor=reviewers[t]).number
            denied = accepted_case(s, world, ITEMS[t])
            review.deny(s, hall, denied, actor=reviewers[t], comment="不符合条件")
            w.decision[t] = s.scalars(
                select(DecisionDocument.id).where(DecisionDocument.case_id == denied.id)
            ).one()
            department = s.scalars(select(Department).where(Department.code == DEPARTMENT[t])).one()
            for role in ROLES:
                for kept in (w.handovers, w.web_handovers):
                    handover = Handover(
                        case_id=case.id,
                        direction="to_department",
                        department_id=department.id,
                        items=["application_form"],
                        handed_by_id=clerk.id,
                    )
                    s.add(handover)
                    s.flush()
                    kept[role, t] = handover.id
        s.flush()
        w.user_id = secure.users["clerk"]
        w.seal_id = s.scalars(select(Seal.id).order_by(Seal.id)).first() or 0
        w.acceptance_delegation = (
            s.scalars(select(Delegation.id).where(Delegation.kind == "acceptance")).first() or 0
        )
        w.seal_delegation = (
            s.scalars(select(Delegation.id).where(Delegation.kind == "seal_use")).first() or 0
        )
    client = secure.client
    for t in ("a", "b"):
        r = client.post(
            f"{API}/grants",
            json={
                "grantee": DEPARTMENT[OTHER[t]],
                "case_number": w.receiving[t],
                "purpose": "核查",
            },
            headers=secure.bearer(f"reviewer_{t}"),
        )
        assert r.status_code == 201, r.text
        w.grant[t] = r.json()["id"]
    r = client.post(f"{API}/objects/{w.obj['a']}/link", headers=secure.bearer("reviewer_a"))
    assert r.status_code == 200, r.text
    url = r.json()["url"]
    w.link = url[url.index(f"{API}/archive/link") :]
    assert all((w.seal_id, w.acceptance_delegation, w.seal_delegation)), w
    return w


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World2]:
    for secure in open_secure_hall(Path(tmp_path_factory.mktemp("matrix"))):
        yield _build_world(secure)


def _send(w: World2, key: tuple[str, str], role: str, req: Req) -> Any:
    method, path = key
    secure = w.secure
    if role == "anonymous":
        client: TestClient = secure.new_client()
        headers: dict[str, str] = {}
        csrf = ""
        if req.data is not None and req.csrf:  # what a visitor's browser would send
            csrf = csrf_of(client.get("/login").text)
    elif path.startswith("/api/") and not req.path.startswith(f"{API}/archive/link"):
        client, headers, csrf = secure.client, secure.bearer(role), ""
    else:
        client, csrf = secure.browser(role)
        headers = {}
    data = None
    if req.data is not None:
        data = dict(req.data) | ({"csrf": csrf} if req.csrf and csrf else {})
    return client.request(
        method,
        req.path,
        json=req.json,
        data=data,
        files=req.files,
        params=req.params,
        headers=headers,
        follow_redirects=False,
    )


def test_every_route_has_a_matrix_row(world: World2) -> None:
    registered = {r.key for r in app_routes(world.secure.app)}
    missing = sorted(registered - MATRIX.keys())
    stale = sorted(MATRIX.keys() - registered)
    assert not missing, f"routes without an authorization matrix row: {missing}"
    assert not stale, f"matrix rows for routes that no longer exist: {stale}"


def test_authorization_matrix(world: World2) -> None:
    failures: list[str] = []
    cells = 0
    for key, row in MATRIX.items():
        for target in ("a", "b") if row.scoped else ("a",):
            for role in ROLES:
                want = expected(key, row, role, target)
                r = _send(world, key, role, row.build(world, target, role))
                cells += 1
                got = r.status_code
                if got == 303 and want == 303 and role == "anonymous" and key[1] != "/":
                    home = next((p for p in ("/apply", "/kiosk") if key[1].startswith(p)), "/login")
                    assert r.headers["location"] == home, (key, role)
                if got != want:
                    failures.append(
                        f"{key[0]} {key[1]} as {role} on {target}: {got}, expected {want}"
                        f" {r.text[:160]!r}"
                    )
    assert not failures, f"{len(failures)} of {cells} cells differ:\n" + "\n".join(failures)
    assert cells >= 600
