"""The delivery desk, shared documents and administration pages through HTTP, and the
access rules they share with the API: roles, department scopes, CSRF."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from cases.db import session_scope
from cases.tasks.routing import route_case
from models import AuditEvent, Case, CaseStatus, Delegation, Material, Seal, User
from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import ITEM, Desk
from tests.sms_sink import LoopbackSmsSink
from tests.web.test_pages import csrf_of, log_in


def _new_case(desk: Desk, seed: int, phone: str) -> str:
    return str(desk.open_case(seed, phone=phone)["number"])


def _approved_without_scans(desk: Desk, seed: int, phone: str) -> str:
    """Accepted and routed directly (the counter is tested elsewhere), then approved."""
    number = _new_case(desk, seed, phone)
    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        clerk = s.scalars(select(User).where(User.username == "clerk")).one()
        case.status, case.accepted_at = CaseStatus.ACCEPTED, datetime.now(UTC)
        route_case(s, desk.hall, case, actor=clerk)
    r = desk.client.post(
        f"/api/v1/cases/{number}/approve", json={}, headers=desk.headers("reviewer")
    )
    assert r.status_code == 201, r.text
    return number


@pytest.mark.ocr
def test_delivery_desk_gate_identity_check_and_agent(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    applicant = sample_applicant(3)
    number = _new_case(desk, 3, "13900000002")
    files = [
        ("files", (p.filename, p.data, "image/jpeg"))
        for p in (sample_pages["application_form"], sample_pages["id_card"])
    ]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk")
    )
    assert r.status_code == 202, r.text
    r = desk.client.post(
        f"/api/v1/cases/{number}/decision",
        json={"conditional": True},
        headers=desk.headers("clerk"),
    )
    assert r.json()["status"] == "conditional", r.text
    (paper,) = desk.client.post(
        f"/api/v1/cases/{number}/handovers", headers=desk.headers("clerk")
    ).json()
    desk.client.post(f"/api/v1/handovers/{paper['id']}/sign", headers=desk.headers("reviewer"))

    client = desk.client
    csrf = log_in(client, "clerk")
    # a clerk cannot approve: not on the desk page, not through the API
    r = client.post(f"/desk/cases/{number}/decision", data={"action": "approve", "csrf": csrf})
    assert r.status_code == 403
    r = client.post(f"/api/v1/cases/{number}/approve", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 403
    r = client.post(f"/api/v1/cases/{number}/approve", json={})  # the cookie alone: no writes
    assert r.status_code == 401
    r = client.post(f"/api/v1/cases/{number}/approve", json={}, headers=desk.headers("reviewer"))
    assert r.status_code == 201, r.text

    listing = client.get("/delivery").text
    assert number in listing and "暂缓" in listing and "容缺材料尚未补齐" in listing
    page = client.get(f"/delivery/cases/{number}").text
    assert "暂不能发放" in page and "核验身份并签收" not in page
    pickup = {
        "action": "pickup",
        "receiver_name": applicant.name,
        "id_number": applicant.id_number,
        "csrf": csrf,
    }
    r = client.post(f"/delivery/cases/{number}", data=pickup)
    assert r.status_code == 409 and "须补齐材料后方可领取" in r.text

    with session_scope(desk.hall.sessions) as s:  # the supplement comes in
        case = s.scalars(select(Case).where(Case.number == number)).one()
        s.add(
            Material(
                case_id=case.id,
                submission_id=case.submissions[-1].id,
                code="premises_proof",
                state="present",
                page_ids=[],
            )
        )
    assert "核验身份并签收" in client.get(f"/delivery/cases/{number}").text
    agent = pickup | {"receiver_name": "代领人", "id_number": "110105194912310037"}
    r = client.post(f"/delivery/cases/{number}", data=agent)
    assert r.status_code == 422 and "授权委托书" in r.text and "代领人" in r.text
    assert "110105194912310037" not in r.text  # the ID number is not echoed back
    r = client.post(f"/delivery/cases/{number}", data=agent | {"csrf": ""})
    assert r.status_code == 403 and "页面已过期" in r.text
    r = client.post(f"/delivery/cases/{number}", data=agent | {"attorney_ref": "WT-2026-001"})
    assert r.status_code == 200 and "已核验身份并交付" in r.text
    assert "代领" in r.text and "0037" in r.text and "WT-2026-001" in r.text
    r = client.post(f"/delivery/cases/{number}", data=pickup)
    assert r.status_code == 409 and "已送达" in r.text

    client.cookies.clear()
    log_in(client, "reviewer")
    assert client.get("/delivery").status_code == 403


def test_locker_and_post_from_the_delivery_desk(embedded_desk: Desk) -> None:
    desk = embedded_desk
    in_locker = _approved_without_scans(desk, 4, "13900000003")
    by_post = _approved_without_scans(desk, 5, "13900000004")
    client = desk.client
    csrf = log_in(client, "clerk")
    with LoopbackSmsSink() as sink:
        desk.hall.settings.sms_url = sink.url
        r = client.post(
            f"/delivery/cases/{in_locker}", data={"action": "locker", "box": "", "csrf": csrf}
        )
        assert r.status_code == 422 and "格口号" in r.text
        r = client.post(
            f"/delivery/cases/{in_locker}", data={"action": "locker", "box": "A01", "csrf": csrf}
        )
        assert "取件码已短信发送" in r.text and "A01" in r.text and "重新发送取件码" in r.text
        first = re.search(r"取件码(\d{6})", sink.messages[-1]["text"])
        assert first and first.group(1) not in r.text  # the code goes to the phone only
        r = client.post(f"/delivery/cases/{in_locker}", data={"action": "renotify", "csrf": csrf})
        assert "已重新发送取件码" in r.text and len(sink.messages) == 2
    r = client.post(
        f"/delivery/cases/{by_post}",
        data={
            "action": "post",
            "address": "内蒙古自治区乌兰察布市集宁区新华街1号",
            "tracking_number": "EMS1234567890",
            "csrf": csrf,
        },
    )
    assert "已登记邮寄" in r.text and "EMS1234567890" in r.text and "已交寄" in r.text
    r = client.post(
        f"/delivery/cases/{by_post}",
        data={"action": "post_status", "status": "delivered", "note": "本人签收", "csrf": csrf},
    )
    assert "已妥投" in r.text and "本人签收" in r.text
    listing = client.get("/delivery").text
    assert "在自助文件柜" in listing and "最近送达" in listing


def test_shared_documents_only_own_and_granted(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    number = _new_case(desk, 6, "13900000005")
    form = sample_pages["application_form"]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages",
        files=[("files", (form.filename, form.data, "image/jpeg"))],
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 202, r.text
    own = desk.client.get("/api/v1/objects", headers=desk.headers("reviewer")).json()
    [obj] = [o["id"] for o in own if o["doc_class"] == "page_image"]

    client = desk.client
    csrf = log_in(client, "health")  # 卫健委: not its case, nothing shared yet
    page = client.get("/shared").text
    assert number not in page and "暂无共享给本部门的材料" in page
    r = client.get(f"/shared/objects/{obj}")
    assert r.status_code == 403 and "未向您所在部门共享" in r.text
    assert client.get(f"/api/v1/objects/{obj}").status_code == 403  # the API, same session
    assert client.get(f"/api/v1/objects/{obj}", headers=desk.headers("health")).status_code == 403
    r = client.post(
        "/shared/grants",
        data={"grantee": "wjw", "case_number": number, "purpose": "核查", "csrf": csrf},
    )
    assert r.status_code == 403  # a department cannot grant what it does not hold

    client.cookies.clear()
    csrf = log_in(client, "reviewer")  # 市场监管局 owns the case and shares it
    page = client.get("/shared").text
    assert number in page and f"/shared/objects/{obj}" in page
    r = client.post(
        "/shared/grants", data={"grantee": "wjw", "case_number": number, "purpose": "联合审查"}
    )
    assert r.status_code == 403  # no CSRF token
    r = client.post(
        "/shared/grants",
        data={"grantee": "wjw", "case_number": number, "purpose": "联合审查", "csrf": csrf},
    )
    assert r.status_code == 200 and "已向 wjw 共享" in r.text and "联合审查" in r.text

    client.cookies.clear()
    log_in(client, "health")
    page = client.get("/shared").text
    assert number in page and "联合审查" in page
    preview = client.get(f"/shared/objects/{obj}")
    assert preview.status_code == 200 and "共享授权" in preview.text
    image = client.get(f"/api/v1/objects/{obj}")
    assert image.status_code == 200 and image.content == form.data
    with session_scope(desk.hall.sessions) as s:
        reads = s.scalars(
            select(AuditEvent.action).where(
                AuditEvent.actor == "health", AuditEvent.action.like("object.%")
            )
        ).all()
    assert "object.read" in reads and "object.download" in reads


def test_administration_is_for_admins(embedded_desk: Desk) -> None:
    desk = embedded_desk
    client = desk.client
    log_in(client, "reviewer")
    for path in ("/admin", "/admin/users", "/admin/catalog", "/admin/seals", "/admin/platform"):
        assert client.get(path).status_code == 403, path
    page = client.get("/admin")  # people get a page, API clients keep the JSON body
    assert page.headers["content-type"].startswith("text/html") and "无权操作" in page.text
    assert client.get("/no-such-page").text.count("页面不存在") == 1
    api = client.get("/api/v1/objects/999999", headers=desk.headers("reviewer"))
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
    client.cookies.clear()
    with session_scope(desk.hall.sessions) as s:
        from cases.accounts import create_user, set_password
        from models import Role

        admin, _ = create_user(s, username="root", display_name="管理员", role=Role.ADMIN)
        set_password(admin, "root-password-1")
    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"username": "root", "password": "root-password-1", "csrf": token})
    csrf = csrf_of(client.get("/admin/users").text)
    dash = client.get("/admin")
    assert dash.status_code == 200 and "统计表" in dash.text
    chart = client.get("/admin/chart.png")
    assert chart.headers["content-type"] == "image/png" and chart.content[:4] == b"\x89PNG"

    new_user = {
        "username": "clerk2",
        "display_name": "二号窗口",
        "role": "clerk",
        "password": "short",
        "window": "W01",
        "csrf": csrf,
    }
    r = client.post("/admin/users", data=new_user)
    assert r.status_code == 422 and "密码" in r.text
    r = client.post("/admin/users", data=new_user | {"password": "clerk2-password"})
    assert r.status_code == 200 and "已创建用户 clerk2" in r.text
    with session_scope(desk.hall.sessions) as s:
        clerk2 = s.scalars(select(User).where(User.username == "clerk2")).one().id
    r = client.post(f"/admin/users/{clerk2}", data={"action": "deactivate", "csrf": csrf})
    assert "已停用 clerk2" in r.text
    r = client.post(f"/admin/users/{clerk2}", data={"action": "deactivate"})
    assert r.status_code == 403

    seals = client.get("/admin/seals").text
    assert "电子印章" in seals and "有效" in seals
    period = {"department": "scjgj", "valid_from": "2026-01-01", "csrf": csrf}
    r = client.post("/admin/delegations", data=period | {"valid_to": "2025-01-01"})
    assert r.status_code == 422  # the period ends before it starts
    r = client.post(
        "/admin/delegations",
        data=period | {"valid_to": "2026-12-31", "username": "reviewer", "note": "休假代签"},
    )
    assert r.status_code == 200 and "已授权使用" in r.text and "休假代签" in r.text
    with session_scope(desk.hall.sessions) as s:
        granted = s.scalars(select(Delegation).where(Delegation.note == "休假代签")).one().id
        seal = s.scalars(select(Seal).where(Seal.code == "dept-wjw")).one().id
    r = client.post(f"/admin/delegations/{granted}/revoke", data={"reason": "", "csrf": csrf})
    assert r.status_code == 422 and "理由" in r.text
    r = client.post(f"/admin/delegations/{granted}/revoke", data={"reason": "返岗", "csrf": csrf})
    assert "已撤销授权委托" in r.text
    r = client.post(f"/admin/seals/{seal}/revoke", data={"reason": "密钥遗失", "csrf": csrf})
    assert "已吊销电子印章" in r.text and "已吊销" in r.text
    assert "W01" in client.get("/admin/windows").text
    catalog = client.get("/admin/catalog").text
    assert ITEM in catalog
    exported = client.get(f"/api/v1/catalog/{ITEM}/export").text
    version = int(re.search(r"(?m)^version: (\d+)", exported).group(1))  # type: ignore[union-attr]
    changed = re.sub(r"(?m)^version: \d+", f"version: {version + 1}", exported)
    changed = re.sub(r"(?m)^time_limit_days: \d+", "time_limit_days: 5", changed)
    upload = [("files", ("item.yaml", changed.encode(), "application/x-yaml"))]
    r = client.post("/admin/catalog", data={"action": "check", "csrf": csrf}, files=upload)
    assert "校验通过" in r.text
    assert r.status_code == 200 and "time_limit_days" in r.text
    bad = [("files", ("bad.yaml", b"code: nope\n", "application/x-yaml"))]
    r = client.post("/admin/catalog", data={"action": "publish", "csrf": csrf}, files=bad)
    assert r.status_code == 422
    r = client.post("/admin/catalog", data={"action": "publish", "csrf": csrf}, files=upload)
    assert r.status_code == 200 and f"第 {version + 1} 版" in r.text


def test_admin_grants_and_revokes_a_windows_acceptance_delegation(embedded_desk: Desk) -> None:
    """授权委托 for acceptance: W02 may not accept 卫健委's items until the admin grants it,
    and may not after the grant is revoked; the API's intake follows the page's records."""
    from cases.accounts import create_user, set_password
    from models import Role

    desk = embedded_desk
    client = desk.client
    with session_scope(desk.hall.sessions) as s:
        admin, _ = create_user(s, username="root", display_name="管理员", role=Role.ADMIN)
        set_password(admin, "root-password-1")
        _, w2_token = create_user(
            s, username="w2", display_name="二号窗口", role=Role.CLERK, window_code="W02"
        )
    a = sample_applicant(6)
    body = {
        "item_code": "WJ-GG-001",
        "applicant_type": "person",
        "applicant_name": a.name,
        "applicant_id": a.id_number,
    }

    def open_case() -> int:
        return client.post(
            "/api/v1/cases", json=body, headers={"Authorization": f"Bearer {w2_token}"}
        ).status_code

    assert open_case() == 403
    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"username": "root", "password": "root-password-1", "csrf": token})
    csrf = csrf_of(client.get("/admin/windows").text)
    grant = {
        "window": "W02",
        "department": "wjw",
        "valid_from": "2026-01-01",
        "valid_to": "2099-12-31",
        "items": "WJ-GG-001",
        "csrf": csrf,
    }
    assert client.post("/admin/windows/delegations", data=grant | {"csrf": ""}).status_code == 403
    r = client.post("/admin/windows/delegations", data=grant | {"valid_to": "2025-01-01"})
    assert r.status_code == 422
    r = client.post("/admin/windows/delegations", data=grant, follow_redirects=False)
    assert r.status_code == 303
    page = client.get("/admin/windows").text
    assert "已授权" in page and "WJ-GG-001" in page
    client.cookies.clear()  # the API call below uses the clerk's token, not the admin's cookie
    assert open_case() == 201

    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"username": "root", "password": "root-password-1", "csrf": token})
    csrf = csrf_of(client.get("/admin/windows").text)
    with session_scope(desk.hall.sessions) as s:
        granted = s.scalars(
            select(Delegation.id).where(Delegation.note == "").order_by(Delegation.id.desc())
        ).first()
    r = client.post(
        f"/admin/windows/delegations/{granted}/revoke",
        data={"reason": "窗口调整", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303
    client.cookies.clear()
    assert open_case() == 403
