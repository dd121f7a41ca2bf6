"""人工核对 through the API: doubtful fields are listed with their reasons, confirmed or
corrected (the check then uses the corrected value), refused corrections change nothing,
and a case the caller may not see answers like one that does not exist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from models import AuditEvent, Case, CaseStatus, FieldConfirmation, Role
from tests.api.conftest import ITEM, Desk, open_desk, server_settings
from tests.api.doubtful_page import APPLICANT, GOOD_ID, MISREAD_ID, doubtful_engine, page_image

API = "/api/v1/cases"


@pytest.fixture(
    params=["embedded", pytest.param("servers", marks=[pytest.mark.postgres, pytest.mark.s3])]
)
def hall(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desk]:
    if request.param == "embedded":
        settings = Settings(data_dir=tmp_path)
    else:
        settings = server_settings(
            tmp_path, request.getfixturevalue("postgres_url"), request.getfixturevalue("s3_server")
        )
    yield from open_desk(settings, doubtful_engine())


def _case_with_doubtful_page(desk: Desk) -> str:
    r = desk.client.post(
        API,
        headers=desk.headers("clerk"),
        json={
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": APPLICANT.name,
            "applicant_id": GOOD_ID,
        },
    )
    assert r.status_code == 201, r.text
    number: str = r.json()["number"]
    r = desk.client.post(
        f"{API}/{number}/pages",
        headers=desk.headers("clerk"),
        files=[("files", ("id.png", page_image(), "image/png"))],
    )
    assert r.status_code == 202, r.text
    assert desk.client.get(f"{API}/{number}/check", headers=desk.headers("clerk")).is_success
    return number


def _fields(desk: Desk, number: str, who: str = "clerk") -> dict[str, dict[str, Any]]:
    r = desk.client.get(f"{API}/{number}/fields", headers=desk.headers(who))
    assert r.status_code == 200, r.text
    return {f["name"]: f for f in r.json()["fields"]}


def _decide(
    desk: Desk, number: str, field: dict[str, Any], value: str | None, who: str = "clerk"
) -> httpx.Response:
    return desk.client.post(
        f"{API}/{number}/pages/{field['page']}/fields/{field['index']}",
        headers=desk.headers(who),
        json={} if value is None else {"value": value},
    )


def _invalid_findings(desk: Desk, number: str) -> list[str]:
    check = desk.client.get(f"{API}/{number}/check", headers=desk.headers("clerk")).json()
    return [f["message"] for f in check["findings"] if f["kind"] == "invalid"]


def _counts(desk: Desk) -> tuple[int, int]:
    with session_scope(desk.hall.sessions) as s:
        rows = s.scalar(select(func.count()).select_from(FieldConfirmation)) or 0
        events = (
            s.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action.startswith("field."))
            )
            or 0
        )
    return rows, events


def test_confirm_one_correct_another_and_the_check_uses_the_correction(hall: Desk) -> None:
    number = _case_with_doubtful_page(hall)
    fields = _fields(hall, number)
    name, id_number, phone = fields["person_name"], fields["id_number"], fields["phone"]
    assert name["doubtful"] and name["doubts"] == ["confidence"]
    assert name["reason_zh"] == "识别置信度低"
    assert id_number["value"] == MISREAD_ID and id_number["doubts"] == ["check", "disagree"]
    assert "登记的申请人证件号码" in id_number["reason_zh"]
    assert not phone["doubtful"]
    assert any("公民身份号码校验未通过" in m for m in _invalid_findings(hall, number))

    r = _decide(hall, number, name, None)  # one keystroke at the window: as read
    assert r.status_code == 200, r.text
    assert r.json()["settled"] == "confirmed" and not r.json()["doubtful"]
    assert r.json()["value"] == APPLICANT.name

    r = _decide(hall, number, id_number, f" {GOOD_ID.lower()} ")  # typed as on the paper
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["settled"] == "corrected" and body["value"] == GOOD_ID
    assert body["read_value"] == MISREAD_ID and body["valid"]

    after = _fields(hall, number, "reviewer")  # the desk sees the same
    assert after["id_number"]["value"] == GOOD_ID and after["id_number"]["settled"] == "corrected"
    assert not after["person_name"]["doubtful"] and not after["id_number"]["doubtful"]
    assert after["address"]["doubtful"]  # not looked at yet
    assert _invalid_findings(hall, number) == []  # the check reads the corrected number

    assert _counts(hall) == (2, 2)
    with session_scope(hall.hall.sessions) as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action.startswith("field."))).all()
        assert [e.action for e in events] == ["field.confirm", "field.correct"]
        for e in events:  # the page and the field, never the values (personal data)
            assert GOOD_ID not in str(e.detail) and MISREAD_ID not in str(e.detail)
            assert APPLICANT.name not in str(e.detail)

    stats = hall.client.get(f"{API}/metrics/ocr-accuracy", headers=hall.headers("clerk"))
    assert stats.status_code == 403  # the supervision figures are the administrator's
    with session_scope(hall.hall.sessions) as s:
        _, hall.tokens["admin"] = create_user(
            s, username="admin", display_name="管理员", role=Role.ADMIN
        )
    r = hall.client.get(f"{API}/metrics/ocr-accuracy", headers=hall.headers("admin"))
    assert r.status_code == 200, r.text
    stats = r.json()
    assert stats["total"] == {
        "key": "all",
        "name": "全部",
        "confirmed": 1,
        "corrected": 1,
        "accuracy": 0.5,
    }
    by_field = {row["key"]: (row["confirmed"], row["corrected"]) for row in stats["by_field"]}
    assert by_field == {"person_name": (1, 0), "id_number": (0, 1)}
    assert [(m["name"], m["corrected"]) for m in stats["by_material"]] == [
        ("经营者身份证复印件", 1)
    ]
    by_reason = {row["key"]: (row["confirmed"], row["corrected"]) for row in stats["by_reason"]}
    assert by_reason == {"confidence": (1, 0), "check": (0, 1), "disagree": (0, 1)}


def test_an_invalid_correction_is_refused_and_nothing_changes(hall: Desk) -> None:
    number = _case_with_doubtful_page(hall)
    before = _fields(hall, number)
    id_number = before["id_number"]
    other_misread = GOOD_ID[:5] + str((int(GOOD_ID[5]) + 1) % 10) + GOOD_ID[6:]
    for wrong in (other_misread, GOOD_ID[:17], "张三"):
        r = _decide(hall, number, id_number, wrong)
        assert r.status_code == 422, r.text
        error = r.json()["error"]
        assert "公民身份号码不正确" in error["message_zh"] and "GB 11643" in error["message_zh"]
        assert "check character" in error["message_en"]
    r = _decide(hall, number, before["person_name"], "王" * 101)  # bounded before any work
    assert r.status_code == 422
    r = _decide(hall, number, before["person_name"], "Zhang3")
    assert r.status_code == 422 and "汉字" in r.json()["error"]["message_zh"]
    assert _fields(hall, number) == before
    assert _counts(hall) == (0, 0)


def test_strangers_get_the_same_not_found(hall: Desk) -> None:
    number = _case_with_doubtful_page(hall)
    field = _fields(hall, number)["id_number"]
    # the health commission's reviewer: another department's case, like no case at all
    theirs = _decide(hall, number, field, GOOD_ID, who="health")
    unknown_case = _decide(hall, "SL-NO-SUCH-CASE", field, GOOD_ID)
    unknown_page = _decide(hall, number, {"page": 9, "index": 0}, GOOD_ID)
    unknown_field = _decide(hall, number, {"page": 1, "index": 99}, GOOD_ID)
    answers = {r.text for r in (theirs, unknown_case, unknown_page, unknown_field)}
    assert {r.status_code for r in (theirs, unknown_case, unknown_page, unknown_field)} == {404}
    assert len(answers) == 1 and "该办件没有这个字段" in answers.pop()
    listing = hall.client.get(f"{API}/{number}/fields", headers=hall.headers("health"))
    nothing = hall.client.get(f"{API}/SL-NO-SUCH-CASE/fields", headers=hall.headers("health"))
    assert listing.status_code == nothing.status_code == 404 and listing.text == nothing.text
    anonymous = hall.client.post(f"{API}/{number}/pages/1/fields/0", json={})
    assert anonymous.status_code == 401
    assert _counts(hall) == (0, 0)

    # the case's own department corrects at the desk; a closed case is no longer changed
    r = _decide(hall, number, field, GOOD_ID, who="reviewer")
    assert r.status_code == 200 and r.json()["settled"] == "corrected"
    with session_scope(hall.hall.sessions) as s:
        s.scalars(select(Case).where(Case.number == number)).one().status = CaseStatus.REJECTED
    r = _decide(hall, number, _fields(hall, number)["person_name"], None)
    assert r.status_code == 409 and "已办结" in r.json()["error"]["message_zh"]
    assert _counts(hall) == (1, 1)
