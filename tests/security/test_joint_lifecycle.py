"""Joint handling (联合办理) on PostgreSQL and S3, from routing to the end of the case.

Every department on the route opens the case, its pages and its archived objects with no
grant row, gives its opinion (through the web desk's form and through the API), and is a
stranger to the case the moment it ends: the same 403 and the same message as a
department that was never on the route, which sees nothing at any time. What a department
keeps is the result its opinion went into; a department whose step was skipped keeps
nothing. The lead follows every step on its desk (联办协调).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from cases.accounts import create_user, set_password
from cases.db import session_scope
from models import (
    AuditEvent,
    Case,
    CaseStatus,
    DecisionDocument,
    License,
    ReviewTask,
    Role,
    ShareGrant,
    TaskStatus,
)
from tests.api.conftest import fresh_postgres_database
from tests.cases.backoffice_world import JOINT_ITEM, joint_catalog
from tests.security.conftest import (
    SecureHall,
    accepted_case_with_page,
    open_secure_hall,
    password_of,
)
from tests.servers import S3Server

# reviewer_a: 市场监督管理局, the lead (step 2 and the final decision); reviewer_b: 卫生健康委员会
# (step 2); fire: 消防救援大队 (step 1); outsider: 住房和城乡建设局, on no route.
ON_ROUTE = ("fire", "reviewer_b", "reviewer_a")
STRANGER = "outsider"
OUTSIDER_DEPARTMENT = """\
  - code: zjj
    name: 锡林浩特市住房和城乡建设局
    short_name: 住房和城乡建设局
    credit_code: "111525000116095517"
"""


@pytest.fixture(scope="module")
def joint(
    tmp_path_factory: pytest.TempPathFactory, postgres_url: str, s3_server: S3Server
) -> Iterator[SecureHall]:
    tmp = tmp_path_factory.mktemp("joint")
    catalog = joint_catalog(tmp / "catalog")
    departments = catalog / "departments.yaml"
    text = departments.read_text("utf-8")
    departments.write_text(text.replace("windows:", OUTSIDER_DEPARTMENT + "windows:", 1), "utf-8")
    halls = open_secure_hall(
        tmp / "data",
        catalog_dir=catalog,
        database_url=fresh_postgres_database(postgres_url),
        s3_endpoint=s3_server.endpoint,
        s3_access_key=s3_server.access_key,
        s3_secret_key=s3_server.secret_key,
        s3_bucket=f"ow-{uuid.uuid4().hex[:10]}",
        s3_secure=False,
    )
    secure = next(halls)
    with session_scope(secure.hall.sessions) as s:
        for name, department in (("fire", "xfjy"), (STRANGER, "zjj")):
            user, secure.tokens[name] = create_user(
                s, username=name, display_name=name, role=Role.REVIEWER, department_code=department
            )
            set_password(user, password_of(name))
            s.flush()
            secure.users[name] = user.id
    yield secure
    halls.close()


@dataclass(frozen=True)
class Answer:
    status: int
    message: str  # the API's error envelope, or the alert of the error page


def _alert(html: str) -> str:
    match = re.search(r'<p class="alert" role="alert">(.*?)</p>', html, re.S)
    return match.group(1).strip() if match else ""


def answers(joint: SecureHall, who: str, number: str, page_id: int, object_id: int) -> list[Answer]:
    """What `who` gets for the case's page, a page image, the case, its trail, an object."""
    browser, _ = joint.browser(who)
    out = []
    for path in (f"/desk/cases/{number}", f"/web/pages/{page_id}/thumb"):
        r = browser.get(path)
        out.append(Answer(r.status_code, _alert(r.text) if r.status_code >= 400 else ""))
    for path in (
        f"/api/v1/cases/{number}",
        f"/api/v1/cases/{number}/trail",
        f"/api/v1/objects/{object_id}",
        f"/api/v1/objects/{object_id}/info",
    ):
        r = joint.client.get(path, headers=joint.bearer(who))
        out.append(Answer(r.status_code, r.text if r.status_code >= 400 else ""))
    return out


def desk_act(joint: SecureHall, who: str, number: str, action: str, comment: str) -> TestClient:
    browser, csrf = joint.browser(who)
    r = browser.post(
        f"/desk/cases/{number}/decision",
        data={"action": action, "comment": comment, "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == f"/desk/cases/{number}", r.text
    return browser


def bases(joint: SecureHall, who: str, target: str) -> set[str]:
    with session_scope(joint.hall.sessions) as s:
        details = s.scalars(
            select(AuditEvent.detail).where(AuditEvent.actor == who, AuditEvent.target == target)
        ).all()
    return {d["basis"] for d in details}


def set_status(joint: SecureHall, number: str, status: CaseStatus) -> None:
    with session_scope(joint.hall.sessions) as s:
        s.scalars(select(Case).where(Case.number == number)).one().status = status


def test_every_department_on_the_route_opens_acts_and_loses_the_case_at_its_end(
    joint: SecureHall,
) -> None:
    number, page_id, object_id = accepted_case_with_page(joint, JOINT_ITEM)
    stranger = answers(joint, STRANGER, number, page_id, object_id)
    assert [a.status for a in stranger] == [403] * 6
    assert "该办件属于其他部门" in stranger[0].message

    # routed: every department of the route opens the case and its materials, no grant
    for who in ON_ROUTE:
        assert [a.status for a in answers(joint, who, number, page_id, object_id)] == [200] * 6
    assert bases(joint, "fire", f"object:{object_id}") == {"route"}  # audited as before
    assert bases(joint, "reviewer_b", f"object:{object_id}") == {"route"}
    with session_scope(joint.hall.sessions) as s:
        case_id = s.scalars(select(Case.id).where(Case.number == number)).one()
        assert s.scalars(select(ShareGrant).where(ShareGrant.case_id == case_id)).all() == []

    # step 1, 消防, on the web desk: its own step is offered, with the route's progress
    fire, _ = joint.browser("fire")
    assert "联办意见 · 第 1 步" in fire.get("/desk").text
    page = fire.get(f"/desk/cases/{number}").text
    assert "本部门联办意见" in page and "联办进度" in page and "批准并加盖电子印章出证" not in page
    r = fire.post(
        f"/desk/cases/{number}/decision",
        data={"action": "deny", "comment": "", "csrf": joint.browser("fire")[1]},
    )
    assert r.status_code == 422 and "必须写明理由" in _alert(r.text)  # nothing recorded
    desk_act(joint, "fire", number, "approve", "消防安全检查合格,同意")
    # step 2 in parallel: 卫健委 through the API, the lead's own opinion on its desk
    r = joint.client.post(
        f"/api/v1/cases/{number}/approve",
        json={"comment": "卫生条件符合要求"},
        headers=joint.bearer("reviewer_b"),
    )
    assert r.status_code == 201 and r.json()["kind"] == "review", r.text
    lead = desk_act(joint, "reviewer_a", number, "approve", "食品经营条件符合要求")
    page = lead.get(f"/desk/cases/{number}").text
    assert "批准并加盖电子印章出证" in page and "本部门联办意见" not in page
    for opinion in ("消防安全检查合格,同意", "卫生条件符合要求", "食品经营条件符合要求"):
        assert opinion in page  # the lead sees every opinion before deciding
    desk_act(joint, "reviewer_a", number, "approve", "准予许可")

    with session_scope(joint.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.status == CaseStatus.ISSUED
        license_ = s.scalars(select(License).where(License.case_id == case.id)).one()
        license_number, license_object = license_.number, license_.object_id
    # the case ended: the participants are strangers to it again, answer for answer
    for who in ("fire", "reviewer_b"):
        assert answers(joint, who, number, page_id, object_id) == stranger, who
        desk = joint.browser(who)[0].get("/desk").text
        assert number not in desk[: desk.index("本部门参与的联办结果")]  # no task, no case link
        assert f"电子证照 {license_number}" in desk  # the result it contributed to
    assert [a.status for a in answers(joint, "reviewer_a", number, page_id, object_id)] == [200] * 6
    # ... except for the result their opinions went into (audited as such)
    pdf = f"/api/v1/licenses/{license_number}/pdf"
    for who in ("fire", "reviewer_b"):
        r = joint.client.get(pdf, headers=joint.bearer(who))
        assert r.status_code == 200 and r.content.startswith(b"%PDF"), who
        assert bases(joint, who, f"object:{license_object}") == {"opinion"}
    assert joint.client.get(pdf, headers=joint.bearer(STRANGER)).status_code == 403
    for who in ("fire", "reviewer_b"):  # and no act on an ended case
        r = joint.client.post(
            f"/api/v1/cases/{number}/deny", json={"comment": "x"}, headers=joint.bearer(who)
        )
        assert r.status_code == 403, r.text
    # the stranger never saw it: not on its desk, not in its API task list
    assert number not in joint.browser(STRANGER)[0].get("/desk").text
    tasks = joint.client.get("/api/v1/review/tasks", headers=joint.bearer(STRANGER)).json()
    assert all(t["case"] != number for t in tasks)


def test_a_denied_joint_case_leaves_the_skipped_department_nothing(joint: SecureHall) -> None:
    number, page_id, object_id = accepted_case_with_page(joint, JOINT_ITEM)
    r = joint.client.post(
        f"/api/v1/cases/{number}/deny",
        json={"comment": "疏散通道不符合要求"},
        headers=joint.bearer("fire"),
    )
    assert r.status_code == 200 and r.json()["kind"] == "review", r.text
    # 卫健委's step is moot now, but the case is still in review: it may still read it
    assert [a.status for a in answers(joint, "reviewer_b", number, page_id, object_id)] == [200] * 6
    lead, _ = joint.browser("reviewer_a")
    page = lead.get(f"/desk/cases/{number}").text
    assert "不同意" in page and "疏散通道不符合要求" in page and "无需办理" in page
    desk_act(joint, "reviewer_a", number, "deny", "消防安全检查不合格,不予许可")

    with session_scope(joint.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.status == CaseStatus.DENIED
        document = s.scalars(
            select(DecisionDocument).where(DecisionDocument.case_id == case.id)
        ).one()
        document_id, document_number = document.id, document.number
    stranger = answers(joint, STRANGER, number, page_id, object_id)
    for who in ("fire", "reviewer_b"):
        assert answers(joint, who, number, page_id, object_id) == stranger, who
    pdf = f"/api/v1/decisions/{document_id}/pdf"
    assert joint.client.get(pdf, headers=joint.bearer("fire")).status_code == 200  # its opinion
    assert document_number in joint.browser("fire")[0].get("/desk").text
    for who in ("reviewer_b", STRANGER):  # skipped: it gave no opinion
        assert joint.client.get(pdf, headers=joint.bearer(who)).status_code == 403, who
        assert number not in joint.browser(who)[0].get("/desk").text, who


def test_access_follows_the_state_of_the_case_with_nothing_to_expire(joint: SecureHall) -> None:
    """Derived at each read from the route and the case's state: a case that ends by any
    path (here 超期处理) closes at once, and nothing is left to revoke or to run."""
    number, page_id, object_id = accepted_case_with_page(joint, JOINT_ITEM)
    assert [a.status for a in answers(joint, "reviewer_b", number, page_id, object_id)] == [200] * 6
    set_status(joint, number, CaseStatus.TERMINATED)
    stranger = answers(joint, STRANGER, number, page_id, object_id)
    for who in ("fire", "reviewer_b"):
        assert answers(joint, who, number, page_id, object_id) == stranger, who
    # the tasks left open by the termination are not offered on the desk any more
    with session_scope(joint.hall.sessions) as s:
        open_tasks = s.scalars(
            select(ReviewTask)
            .join(Case, Case.id == ReviewTask.case_id)
            .where(Case.number == number, ReviewTask.status == TaskStatus.OPEN)
        ).all()
        assert open_tasks  # 超期处理 does not close them; the desks must not offer them
    assert number not in joint.browser("fire")[0].get("/desk").text
    tasks = joint.client.get("/api/v1/review/tasks", headers=joint.bearer("fire")).json()
    assert all(t["case"] != number for t in tasks)


def test_the_lead_sees_every_step_and_who_is_late(joint: SecureHall) -> None:
    number, _, _ = accepted_case_with_page(joint, JOINT_ITEM)
    yesterday = date.today() - timedelta(days=1)
    with session_scope(joint.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        for task in s.scalars(select(ReviewTask).where(ReviewTask.case_id == case.id)):
            task.due_on = yesterday if task.step == 1 else date.today() + timedelta(days=10)
    lead, _ = joint.browser("reviewer_a")
    desk = lead.get("/desk").text
    section = desk[desk.index("联办协调") :]
    block = section[section.index(number) :]
    block = block[: block.index("</table>")]
    assert "超期:消防救援大队" in block
    rows = re.findall(r'<tr class="([^"]*)">(.*?)</tr>', block, re.S)
    fire_row = next(r for r in rows if "消防救援大队" in r[1])
    assert fire_row[0] == "overdue" and "已超期 1 天" in fire_row[1] and "办理中" in fire_row[1]
    health_row = next(r for r in rows if "卫生健康委员会" in r[1])
    assert health_row[0] == "" and "未开始" in health_row[1]
    # a participant has no coordination view; the stranger none either
    for who in ("fire", "reviewer_b", STRANGER):
        assert "联办协调" not in joint.browser(who)[0].get("/desk").text, who
