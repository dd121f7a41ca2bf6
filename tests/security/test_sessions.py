"""Finding 4: a browser session ends at logout, password change and deactivation, even for
someone who kept a copy of the signed cookie; API tokens end with deactivation."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cases.accounts import set_password
from cases.db import session_scope
from models import User
from tests.security.conftest import SecureHall, log_in

COOKIE = "onewindow_session"


def _replay(secure: SecureHall, cookie: str) -> TestClient:
    """A different browser that presents a copied session cookie."""
    client = secure.new_client()
    client.cookies.set(COOKIE, cookie)
    return client


def _logged_out(client: TestClient, page: str, api_path: str) -> bool:
    r = client.get(page, follow_redirects=False)
    api = client.get(api_path)  # the API also accepts the browser session for reads
    return r.status_code == 303 and r.headers["location"] == "/login" and api.status_code == 401


def test_a_copied_cookie_dies_at_logout(secure: SecureHall) -> None:
    client = secure.new_client()
    csrf = log_in(client, "clerk")
    cookie = client.cookies[COOKIE]
    case_api = f"/api/v1/cases/{secure.cases['a']}"
    assert _replay(secure, cookie).get("/counter", follow_redirects=False).status_code == 200
    assert _replay(secure, cookie).get(case_api).status_code == 200

    r = client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert _logged_out(_replay(secure, cookie), "/counter", case_api)
    # a new login works again, and its cookie is a new one
    log_in(client, "clerk")
    assert client.get("/counter", follow_redirects=False).status_code == 200


def test_password_change_ends_every_session_of_the_user(secure: SecureHall) -> None:
    reviewer = secure.new_client()
    log_in(reviewer, "reviewer_a")
    cookie = reviewer.cookies[COOKIE]
    desk = f"/desk/cases/{secure.cases['a']}"
    case_api = f"/api/v1/cases/{secure.cases['a']}"
    assert _replay(secure, cookie).get(desk).status_code == 200

    admin, csrf = secure.browser("admin")
    r = admin.post(
        f"/admin/users/{secure.users['reviewer_a']}",
        data={"action": "password", "password": "a-new-password-1", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    assert _logged_out(_replay(secure, cookie), desk, case_api)
    assert _logged_out(reviewer, desk, case_api)
    # the administrator's own session is untouched by changing someone else's password
    assert admin.get("/admin/users", follow_redirects=False).status_code == 200

    # a password set outside the browser (the CLI) ends sessions too
    log_in(reviewer, "reviewer_a", "a-new-password-1")
    with session_scope(secure.hall.sessions) as s:
        set_password(s.get_one(User, secure.users["reviewer_a"]), "another-password-2")
    assert _logged_out(reviewer, desk, case_api)


def test_an_administrator_who_changes_their_own_password_stays_logged_in(
    secure: SecureHall,
) -> None:
    admin = secure.new_client()
    csrf = log_in(admin, "admin")
    r = admin.post(
        f"/admin/users/{secure.users['admin']}",
        data={"action": "password", "password": "admin-new-password", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    assert admin.get("/admin/users", follow_redirects=False).status_code == 200


def test_deactivation_ends_sessions_and_tokens_and_reactivation_does_not_revive_sessions(
    secure: SecureHall,
) -> None:
    clerk = secure.new_client()
    log_in(clerk, "clerk")
    cookie = clerk.cookies[COOKIE]
    case_api = f"/api/v1/cases/{secure.cases['a']}"
    assert secure.client.get(case_api, headers=secure.bearer("clerk")).status_code == 200

    admin, csrf = secure.browser("admin")
    for action in ("deactivate", "activate"):
        r = admin.post(
            f"/admin/users/{secure.users['clerk']}",
            data={"action": action, "csrf": csrf},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
        if action == "deactivate":
            assert secure.client.get(case_api, headers=secure.bearer("clerk")).status_code == 401
    assert _logged_out(_replay(secure, cookie), "/counter", case_api)
    assert _logged_out(clerk, "/counter", case_api)
