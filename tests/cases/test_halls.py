"""Many halls in one deployment (锡林郭勒盟): staff see their own hall's cases, each hall
numbers its notices under its own word mark, statistics per hall and league-wide, and a
跨域通办 case applied at a banner hall, decided by a league department and handed out at
the banner hall. Real SQLite and PostgreSQL; no page is read."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from cases.acceptance import counter
from cases.catalog.publish import case_spec
from cases.catalog.spec import LEAGUE_CATALOG_DIR, SAMPLE_CATALOG_DIR, load_catalog
from cases.db import session_scope
from cases.errors import CatalogError, NotFound
from cases.numbering import next_notice_number
from cases.oversight.supervision import supervise
from cases.records import scope
from cases.workdays import add_working_days
from models import (
    Case,
    Delivery,
    Handover,
    Notice,
    NumberCounter,
    PlatformRecord,
    ServiceHall,
    SmsMessage,
    StoredObject,
)
from tests.api.conftest import fresh_postgres_database
from tests.cases.league_world import (
    BANNER_ITEM,
    LEAGUE_ITEM,
    PHARMACY_ID,
    League,
    accept,
    open_case,
    open_league,
)
from tests.web.test_pages import log_in

YEAR = date.today().year
API = "/api/v1"


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def league(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[League]:
    """One league per database for the module: each test makes its own cases and asserts
    on them (or on differences), so the tests share it in any order."""
    url = None
    if request.param == "postgres":
        url = fresh_postgres_database(request.getfixturevalue("postgres_url"))
    yield from open_league(tmp_path_factory.mktemp("league"), database_url=url)


@pytest.fixture
def api(league: League) -> Iterator[TestClient]:
    with TestClient(create_app(hall=league.hall, worker=False)) as client:
        yield client


def _as(league: League, name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {league.tokens[name]}"}


def _three_cases(league: League) -> dict[str, str]:
    """One case accepted at each hall: the league center's, 锡林浩特市's, and a 跨域通办
    case at 正蓝旗 for the league department's item."""
    with session_scope(league.hall.sessions) as s:
        a = accept(s, league, open_case(s, league, "clerk_xlgl", LEAGUE_ITEM), "clerk_xlgl")
        b = accept(s, league, open_case(s, league, "clerk_xlht", BANNER_ITEM), "clerk_xlht")
        c = accept(s, league, open_case(s, league, "clerk_zlq", LEAGUE_ITEM), "clerk_zlq")
        return {"xlgl": a.number, "xlht": b.number, "zlq": c.number}


# --- configuration ---------------------------------------------------------------------


def test_league_catalog_and_the_single_hall_layout() -> None:
    league = load_catalog(LEAGUE_CATALOG_DIR)
    assert [(h.code, h.word_mark, h.level) for h in league.org.halls] == [
        ("xlgl", "锡盟政服", "league"),
        ("xlht", "锡市政服", "banner"),
        ("zlq", "蓝政服", "banner"),
    ]
    assert league.org.hall.name == "锡林郭勒盟政务服务中心"  # the default hall
    assert league.org.hall_of_department("mscjgj").code == "xlgl"
    item = league.item(LEAGUE_ITEM)  # defined once, at league level
    assert item.for_hall("xlht") is item  # no variant: the item itself
    zlq = item.for_hall("zlq")
    assert (item.time_limit_days, zlq.time_limit_days) == (15, 18)
    assert [m.code for m in zlq.materials][-1] == "cross_region_form"
    sample = load_catalog(SAMPLE_CATALOG_DIR)  # the one-hall layout loads as one hall
    assert [(h.code, h.word_mark) for h in sample.org.halls] == [("main", "锡政服")]
    assert [d.code for d in sample.org.hall.departments] == ["scjgj", "wjw", "xfjy"]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("11152530MB1529205U", "11152530MB1529205X"), "unified social credit code"),
        (("word_mark: 蓝政服", "word_mark: 锡市政服"), "word_mark '锡市政服' appears twice"),
        (("  zlq:\n    time_limit_days", "  abc:\n    time_limit_days"), "unknown halls"),
    ],
)
def test_a_wrong_league_catalog_is_refused_with_its_file(
    tmp_path: Path, change: tuple[str, str], words: str
) -> None:
    import shutil

    directory = shutil.copytree(LEAGUE_CATALOG_DIR, tmp_path / "league")
    for name in ("departments.yaml", "items/ypls-xk.yaml"):
        path = directory / name
        path.write_text(path.read_text("utf-8").replace(*change), "utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(directory)
    assert words in caught.value.en
    assert "departments.yaml" in caught.value.en or "ypls-xk.yaml" in caught.value.en


# --- who sees what ---------------------------------------------------------------------


def test_staff_see_their_own_halls_cases_and_a_granted_one(league: League, api: TestClient) -> None:
    numbers = _three_cases(league)
    missing = f"{date.today():%Y%m%d}99999"
    nothing = api.get(f"{API}/cases/{missing}", headers=_as(league, "clerk_xlht"))
    assert nothing.status_code == 404

    def status(user: str, hall: str) -> int:
        found = api.get(f"{API}/cases/{numbers[hall]}", headers=_as(league, user))
        if found.status_code == 404:  # the very answer a number that does not exist gets
            assert found.text == nothing.text.replace(missing, numbers[hall])
        return found.status_code

    seen = {
        user: {hall for hall in numbers if status(user, hall) == 200}
        for user in (
            "clerk_xlgl",
            "clerk_xlht",
            "clerk_zlq",
            "league_scjg",
            "xlht_scjg",
            "zlq_scjg",
            "admin_xlht",
            "admin_league",
        )
    }
    assert seen == {
        "clerk_xlgl": {"xlgl"},
        "clerk_xlht": {"xlht"},
        "clerk_zlq": {"zlq"},
        "league_scjg": {"xlgl", "zlq"},  # its department decides the 跨域通办 case
        "xlht_scjg": {"xlht"},
        "zlq_scjg": set(),  # 正蓝旗's own department has nothing on these cases
        "admin_xlht": {"xlht"},
        "admin_league": {"xlgl", "xlht", "zlq"},
    }
    with session_scope(league.hall.sessions) as s:  # listings: the same rule, in SQL
        zlq = s.execute(
            select(Case.number, ServiceHall.code)
            .join(ServiceHall, ServiceHall.id == Case.hall_id)
            .where(scope.visible_cases(league.user(s, "clerk_zlq")))
        ).all()
        routed = s.scalars(
            select(Case.number).where(scope.visible_cases(league.user(s, "league_scjg")))
        ).all()
    assert numbers["zlq"] in {n for n, _ in zlq} and {h for _, h in zlq} == {"zlq"}
    assert {numbers["xlgl"], numbers["zlq"]} <= set(routed) and numbers["xlht"] not in routed

    # 锡林浩特市's administrator cannot share what it does not see ...
    grant = {"grantee_hall": "xlht", "case_number": numbers["xlgl"], "purpose": "联合核查"}
    refused = api.post(f"{API}/grants", json=grant, headers=_as(league, "admin_xlht"))
    assert refused.status_code == 404
    # ... the league's administrator opens the league center's case to 锡林浩特市's staff
    made = api.post(f"{API}/grants", json=grant, headers=_as(league, "admin_league"))
    assert made.status_code == 201, made.text
    assert made.json()["grantee_hall"] == "xlht" and made.json()["grantee"] is None
    opened = api.get(f"{API}/cases/{numbers['xlgl']}", headers=_as(league, "clerk_xlht"))
    assert opened.status_code == 200 and opened.json()["status"] == "accepted"
    # for reading only: acting on it stays with its own hall
    act = api.post(
        f"{API}/cases/{numbers['xlgl']}/decision", json={}, headers=_as(league, "clerk_xlht")
    )
    assert act.status_code == 404
    elsewhere = api.get(f"{API}/cases/{numbers['xlgl']}", headers=_as(league, "clerk_zlq"))
    assert elsewhere.status_code == 404  # the grant named one hall
    gone = api.delete(f"{API}/grants/{made.json()['id']}", headers=_as(league, "admin_league"))
    assert gone.json()["revoked"] is True
    closed = api.get(f"{API}/cases/{numbers['xlgl']}", headers=_as(league, "clerk_xlht"))
    assert closed.status_code == 404


# --- numbering -------------------------------------------------------------------------


def test_each_hall_numbers_its_notices_under_its_word_mark(league: League, api: TestClient) -> None:
    hall = league.hall
    issued: list[tuple[str, str, str]] = []
    for clerk, item in [
        ("clerk_zlq", LEAGUE_ITEM),
        ("clerk_xlht", BANNER_ITEM),
        ("clerk_zlq", LEAGUE_ITEM),
        ("clerk_xlgl", LEAGUE_ITEM),
    ]:
        with session_scope(hall.sessions) as s:
            case = open_case(s, league, clerk, item)
            notice = counter.reject(
                s, hall, case, actor=league.user(s, clerk), reason="不属于本事项受理范围"
            )
            issued.append((clerk, notice.number, case.hall.code))
            assert notice.hall_id == case.hall_id
    assert [n for _, n, _ in issued] == [
        f"蓝政服不字〔{YEAR}〕第000001号",
        f"锡市政服不字〔{YEAR}〕第000001号",
        f"蓝政服不字〔{YEAR}〕第000002号",
        f"锡盟政服不字〔{YEAR}〕第000001号",
    ]
    with session_scope(hall.sessions) as s:
        notices = select(NumberCounter.series).where(NumberCounter.series.like("notice:%不字%"))
        series = set(s.scalars(notices))
        assert series == {
            f"notice:zlq:蓝政服不字〔{YEAR}〕",
            f"notice:xlht:锡市政服不字〔{YEAR}〕",
            f"notice:xlgl:锡盟政服不字〔{YEAR}〕",
        }
        zlq_notice = s.scalars(select(Notice).where(Notice.number == issued[0][1])).one()
        pdf = hall.store.get(s.get_one(StoredObject, zlq_notice.object_id).key)
    # the issuing authority printed on the notice is the hall that accepted the case
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "正蓝旗政务服务中心" in text and "锡林郭勒盟政务服务中心" not in text
    # another hall's clerk gets the answer of a notice that does not exist
    url = f"{API}/notices/{issued[0][1]}/pdf"
    assert api.get(url, headers=_as(league, "clerk_zlq")).status_code == 200
    other = api.get(url, headers=_as(league, "clerk_xlht"))
    assert other.status_code == 404 and "不存在" in other.text


def test_two_halls_number_at_once_each_in_its_own_series(league: League) -> None:
    """Four threads take acceptance numbers for two halls at once: each hall's series has
    every number once, from its own 1 (only this test numbers acceptance notices)."""
    hall = league.hall

    def take(code_mark: tuple[str, str]) -> str:
        code, mark = code_mark
        with session_scope(hall.sessions) as s:
            return next_notice_number(s, hall.store, "acceptance", mark, hall_code=code)

    work = [("zlq", "蓝政服"), ("xlht", "锡市政服")] * 6
    with ThreadPoolExecutor(max_workers=4) as pool:
        numbers = list(pool.map(take, work))
    for mark in ("蓝政服", "锡市政服"):
        serials = sorted(
            int(re.search(r"第(\d+)号", n).group(1))  # type: ignore[union-attr]
            for n in numbers
            if n.startswith(f"{mark}受字〔{YEAR}〕")
        )
        assert serials == list(range(1, 7))


# --- statistics ------------------------------------------------------------------------


def _volumes(league: League, dimension: str, hall: str | None = None) -> dict[str, int]:
    today = date.today()
    with session_scope(league.hall.sessions) as s:
        report = supervise(s, today, today, hall=hall)
    assert report.hall == hall
    return {r.key: r.volume for r in report.by(dimension)}


def _added(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {k: v - before.get(k, 0) for k, v in after.items() if v != before.get(k, 0)}


def test_statistics_per_hall_and_league_wide(league: League) -> None:
    """What four new cases add to each report (the module's other tests make cases too)."""
    reports = {
        "league": lambda: _volumes(league, "hall"),
        "league_departments": lambda: _volumes(league, "department"),
        "zlq": lambda: _volumes(league, "hall", "zlq"),
        "zlq_departments": lambda: _volumes(league, "department", "zlq"),
        "zlq_windows": lambda: _volumes(league, "window", "zlq"),
        "xlht_items": lambda: _volumes(league, "item", "xlht"),
    }
    before = {name: report() for name, report in reports.items()}
    _three_cases(league)
    with session_scope(league.hall.sessions) as s:
        accept(s, league, open_case(s, league, "clerk_xlht", BANNER_ITEM), "clerk_xlht")
    added = {name: _added(report(), before[name]) for name, report in reports.items()}
    assert added == {
        "league": {"xlgl": 1, "xlht": 2, "zlq": 1},  # one row per hall
        "league_departments": {"mscjgj": 2, "scjgj": 2},
        "zlq": {"zlq": 1},  # 正蓝旗's report: its own hall only
        # its own acceptance, decided by the league's department
        "zlq_departments": {"mscjgj": 1},
        "zlq_windows": {"Z01": 1},
        "xlht_items": {BANNER_ITEM: 2},
    }
    with session_scope(league.hall.sessions) as s, pytest.raises(NotFound):
        supervise(s, date.today(), date.today(), hall="nowhere")


def test_pages_show_each_staff_member_their_hall(league: League, api: TestClient) -> None:
    numbers = _three_cases(league)
    log_in(api, "clerk_zlq")
    counter_page = api.get("/counter").text  # recent cases: the hall's own
    assert numbers["zlq"] in counter_page
    assert numbers["xlgl"] not in counter_page and numbers["xlht"] not in counter_page
    assert "正蓝旗政务服务中心" in counter_page
    api.cookies.clear()
    log_in(api, "admin_xlht")
    dashboard = api.get("/admin").text
    assert "效能监督 · 锡林浩特市政务服务中心" in dashboard
    assert "正蓝旗政务服务中心" not in dashboard and "锡林郭勒盟政务服务中心" not in dashboard
    staff = api.get("/admin/users").text  # a hall's administrator manages its own staff
    assert "clerk_xlht" in staff and "clerk_zlq" not in staff and "league_scjg" not in staff
    api.cookies.clear()
    log_in(api, "admin_league")
    dashboard = api.get("/admin").text
    assert "效能监督 · 全盟" in dashboard
    for name in ("锡林郭勒盟政务服务中心", "锡林浩特市政务服务中心", "正蓝旗政务服务中心"):
        assert name in dashboard


# --- 跨域通办 --------------------------------------------------------------------------


def test_cross_hall_case_applied_at_a_banner_hall_decided_by_the_league(
    league: League, api: TestClient
) -> None:
    hall = league.hall
    with session_scope(hall.sessions) as s:
        case = accept(s, league, open_case(s, league, "clerk_zlq", LEAGUE_ITEM), "clerk_zlq")
        number = case.number
        assert case.window is not None and case.window.code == "Z01"
        assert (case.hall.code, case.department.code) == ("zlq", "mscjgj")
        # 正蓝旗's variant: three more working days for the paper's journey, one more form
        assert case_spec(case).time_limit_days == 18
        assert case.due_on == add_working_days(date.today(), 18)
        assert "cross_region_form" in {m.code for m in case_spec(case).materials}
    zlq, league_desk = _as(league, "clerk_zlq"), _as(league, "league_scjg")

    # the banner window hands the paper to the league department, by courier
    sent = api.post(
        f"{API}/cases/{number}/handovers", json={"transit": "EMS1234567890"}, headers=zlq
    )
    assert sent.status_code == 201, sent.text
    (paper,) = sent.json()
    assert paper["cross_hall"] is True and paper["transit"] == "EMS1234567890"
    assert api.post(f"{API}/handovers/{paper['id']}/sign", headers=league_desk).status_code == 200

    # the league department decides; its desk sees the case, 锡林浩特市's does not
    tasks = api.get(f"{API}/review/tasks", headers=league_desk).json()
    assert number in {t["case"] for t in tasks}
    other = api.post(f"{API}/cases/{number}/approve", json={}, headers=_as(league, "xlht_scjg"))
    assert other.status_code == 404
    approved = api.post(f"{API}/cases/{number}/approve", json={}, headers=league_desk)
    assert approved.status_code == 201, approved.text

    # the result comes back to the banner window: only 正蓝旗's clerks sign for it ...
    back = [h for h in api.get(f"{API}/cases/{number}/handovers", headers=zlq).json()]
    (result,) = [h for h in back if h["direction"] == "to_window"]
    assert result["cross_hall"] is True
    sign = f"{API}/handovers/{result['id']}/sign"
    assert api.post(sign, headers=_as(league, "clerk_xlgl")).status_code == 404
    assert api.post(sign, headers=zlq).status_code == 200
    # ... and hand it out, at the hall where the applicant applied
    pickup = {"receiver_name": "王芳", "id_number": PHARMACY_ID, "attorney_ref": ""}
    url = f"{API}/cases/{number}/delivery/pickup"
    assert api.post(url, json=pickup, headers=_as(league, "clerk_xlgl")).status_code == 404
    handed = api.post(url, json=pickup, headers=zlq)
    assert handed.status_code == 200, handed.text

    with session_scope(hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.status == "issued"
        delivery = s.scalars(select(Delivery).where(Delivery.case_id == case.id)).one()
        assert delivery.status == "delivered" and delivery.window_id == case.window_id
        signed = s.scalars(select(Handover).where(Handover.case_id == case.id)).all()
        assert all(h.received_at is not None for h in signed) and len(signed) == 2
        sent_sms = s.scalars(select(SmsMessage).where(SmsMessage.case_id == case.id)).all()
        assert {m.template for m in sent_sms} >= {"result_ready", "delivered"}
        records = s.scalars(
            select(PlatformRecord)
            .where(PlatformRecord.case_id == case.id)
            .order_by(PlatformRecord.seq)
        ).all()
        header = records[0].payload["case"]
        assert (header["accepting_hall"], header["deciding_hall"]) == (
            "正蓝旗政务服务中心",
            "锡林郭勒盟政务服务中心",
        )
        assert header["cross_region"] is True
        assert header["accepting_department"] == "锡林郭勒盟市场监督管理局"
        assert [r.stage for r in records][:1] == ["acceptance"]
        assert "delivery" in [r.stage for r in records]
        zlq_hall = s.scalars(select(ServiceHall).where(ServiceHall.code == "zlq")).one()
        assert case.hall_id == zlq_hall.id
    # the applicant is told where to come: the banner hall, not the deciding one
    outbox = (hall.settings.data_dir / "sms-outbox.jsonl").read_text("utf-8")
    assert "正蓝旗政务服务中心" in outbox and "锡林郭勒盟政务服务中心" not in outbox
