"""An applicant never reads another applicant's case, by any route: each route answers a
stranger's case number exactly as it answers a number that does not exist (status and
body), and staff routes and documents stay closed to the applicant's cookie."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from cases.acceptance import counter
from cases.db import session_scope
from cases.online import applications as online_apps
from models import Applicant, Case, Notice, StoredObject
from sample_scans.scans import sample_applicant
from tests.licensing import user
from tests.online.conftest import Online, sign_in

OWNER, STRANGER = "13800000001", "13800000002"


def _owners_case(online: Online) -> tuple[str, str, int]:
    """The owner's online case with a sealed notice: (case number, notice number, object)."""
    person = sample_applicant(41)
    with session_scope(online.hall.sessions) as s:
        account = s.scalars(select(Applicant).where(Applicant.phone == OWNER)).one()
        case = online_apps.start(
            s,
            account,
            item_code="SCJG-GT-001",
            applicant_type="person",
            applicant_name=person.name,
            applicant_id=person.id_number,
        )
        online_apps.take_at_window(s, case, user(s, "c"))  # as the decision routes do
        notice = counter.reject(
            s, online.hall, case, actor=user(s, "c"), reason="不属于本机关职权范围"
        )
        return case.number, notice.number, notice.object_id


def _unknown(number: str) -> str:
    return number[:-4] + "9999"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 1200), "white").save(out, format="PNG")
    return out.getvalue()


def _answers(client: TestClient, token: str, number: str, notice: str) -> list[tuple[int, str]]:
    """What each applicant route answers for `number`."""
    base = f"/apply/cases/{number}"
    replies = [
        client.get(base),
        client.post(
            f"{base}/pages", data={"csrf": token}, files={"files": ("a.png", _png(), "image/png")}
        ),
        client.post(f"{base}/check", data={"csrf": token}),
        client.post(f"{base}/check", data={"csrf": token, "submit": "1"}),
        client.get(f"{base}/notices/{notice}.pdf"),
        client.post(f"{base}/result-by", data={"csrf": token, "by": "download"}),
        client.get(f"{base}/result.pdf"),
        client.post(f"{base}/rating", data={"csrf": token, "score": "5"}),
    ]
    return [(r.status_code, r.text) for r in replies]


def test_no_route_tells_a_strangers_case_from_no_case(online_any: Online) -> None:
    online = online_any
    owner = online.client("203.0.113.1")
    sign_in(online, owner, OWNER)
    number, notice, object_id = _owners_case(online)
    assert owner.get(f"/apply/cases/{number}").status_code == 200
    r = owner.get(f"/apply/cases/{number}/notices/{notice}.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")

    stranger = online.client("203.0.113.2")
    token = sign_in(online, stranger, STRANGER)
    theirs = _answers(stranger, token, number, notice)
    nobodys = _answers(stranger, token, _unknown(number), notice)
    assert theirs == nobodys
    assert {status for status, _ in theirs} == {404}
    assert all("未找到您的该项办件" in text for _, text in theirs)
    assert number not in "".join(text for _, text in theirs)
    assert number not in stranger.get("/apply").text  # not in their list either

    # the staff API and the archive do not take the applicant's cookie
    for path in (
        f"/api/v1/cases/{number}",
        f"/api/v1/cases/{number}/check",
        f"/api/v1/cases/{number}/trail",
        f"/api/v1/notices/{notice}/pdf",
        f"/api/v1/objects/{object_id}",
        f"/api/v1/objects/{object_id}/info",
        f"/counter/cases/{number}",
    ):
        for who in (stranger, owner):
            r = who.get(path, follow_redirects=False)
            assert r.status_code in (401, 303), (path, r.status_code)
            assert notice not in r.text

    # the kiosk needs the case's own proof, whoever's cookie the browser holds
    r1 = stranger.post("/kiosk/query", data={"case": number, "id_tail": "0000"})
    r2 = stranger.post("/kiosk/query", data={"case": _unknown(number), "id_tail": "0000"})
    assert r1.status_code == r2.status_code == 404 and r1.text == r2.text
    assert stranger.get("/kiosk/case").status_code == 404
    assert stranger.get(f"/kiosk/notices/{notice}.pdf").status_code == 404
    # the public progress page likewise
    p1 = stranger.post("/progress", data={"case": number, "id_tail": "0000"})
    p2 = stranger.post("/progress", data={"case": _unknown(number), "id_tail": "0000"})
    assert p1.status_code == p2.status_code == 404
    assert p1.text.replace(number, "N") == p2.text.replace(_unknown(number), "N")


def test_a_notice_of_another_case_is_not_reached_through_ones_own(online: Online) -> None:
    owner = online.client("203.0.113.3")
    sign_in(online, owner, OWNER)
    _, notice, _ = _owners_case(online)
    stranger = online.client("203.0.113.4")
    token = sign_in(online, stranger, STRANGER)
    person = sample_applicant(42)
    r = stranger.post(
        "/apply/cases",
        data={
            "csrf": token,
            "item_code": "SCJG-GT-001",
            "applicant_type": "person",
            "applicant_name": person.name,
            "applicant_id": person.id_number,
        },
        follow_redirects=False,
    )
    own = r.headers["location"].rsplit("/", 1)[-1]
    a = stranger.get(f"/apply/cases/{own}/notices/{notice}.pdf")
    b = stranger.get(f"/apply/cases/{own}/notices/ZZ-0000.pdf")
    assert a.status_code == b.status_code == 404 and a.text == b.text
    with session_scope(online.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == own)).one()
        assert case.channel == "online" and case.applicant_phone == STRANGER
        assert s.scalars(select(Notice).where(Notice.case_id == case.id)).all() == []
        assert s.scalars(select(StoredObject).where(StoredObject.case_id == case.id)).all() == []
