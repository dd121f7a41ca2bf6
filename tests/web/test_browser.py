"""End to end in a real browser: Debian's Chromium driven by Playwright against the app
served by uvicorn on loopback, with the real OCR engine and generated scans.

Screenshots of each main page go to var/screenshots/ for people to look at.
"""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright
from sqlalchemy import select

from api.app import create_app
from cases.accounts import create_user, set_password
from cases.catalog.spec import SAMPLE_CATALOG_DIR
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.intake.pages import add_page, create_case
from cases.tasks.routing import route_case
from models import Case, CaseStatus, PageStatus, Role, TaskKind, User
from models import Page as ScannedPage
from ocr import Engine
from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import open_desk, password_of
from tests.cases.backoffice_world import JOINT_ITEM
from tests.catalog_items import NEW, new_item
from tests.waiting import wait_until

pytestmark = pytest.mark.ocr  # the live hall reads the journey's pages with the real engine

SHOTS = Path("var/screenshots")
expect.set_options(timeout=15_000)  # the machine is shared: sealing may take a while
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@dataclass(frozen=True)
class Live:
    url: str
    hall: Hall


@pytest.fixture(scope="module")
def live_url(live: Live) -> str:
    return live.url


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, reading_engine: Engine) -> Iterator[Live]:
    yield from serve(Settings(data_dir=tmp_path_factory.mktemp("live")), reading_engine)


def serve(settings: Settings, engine: Engine) -> Iterator[Live]:
    """A hall with the test users (and an administrator) served by uvicorn on loopback."""
    desks = open_desk(settings, engine)
    desk = next(desks)  # creates the users with their passwords
    with session_scope(desk.hall.sessions) as session:
        admin, _ = create_user(session, username="admin", display_name="管理员", role=Role.ADMIN)
        set_password(admin, password_of("admin"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(hall=desk.hall), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: server.started, what="uvicorn serving the app")
    yield Live(f"http://127.0.0.1:{port}", desk.hall)
    server.should_exit = True
    thread.join(10)
    desks.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state("load")
    # checked from Playwright's own context: the pages' policy allows no eval in theirs
    for image in page.locator("img").all():
        expect(image).to_have_js_property("complete", True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(base + "/")
    expect(page).to_have_url(base + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password_of(username))
    page.click("button.primary")


def upload(page: Page, tmp: Path, *pages: SamplePage) -> None:
    paths = []
    for p in pages:
        path = tmp / p.filename
        path.write_bytes(p.data)
        paths.append(str(path))
    page.set_input_files("input[type=file]", paths)
    with page.expect_navigation():
        page.click("form.upload button")
    expect(page.locator(".pages .page")).not_to_have_count(0)
    # reading takes seconds a page, minutes when the shared machine is busy: a bound, no pace
    expect(page.locator("#panel .busy")).to_have_count(0, timeout=180_000)


def test_a_whole_case_in_the_browser(
    live_url: str, browser: Browser, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        whole_case(page, live_url, sample_pages, tmp_path)
    except Exception:
        shot(page, "failure")  # what the browser showed when the journey broke
        raise
    finally:
        page.close()


def whole_case(
    page: Page, live_url: str, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    log_in(page, live_url, "clerk")
    expect(page).to_have_url(live_url + "/counter")
    shot(page, "01-counter")

    page.fill("input[name=q]", "gtgsh")
    page.keyboard.press("Enter")
    page.click("a.item:has-text('个体工商户设立登记')")
    applicant = sample_applicant(3)
    page.fill("input[name=applicant_name]", applicant.name)
    page.fill("input[name=applicant_id]", applicant.id_number)
    shot(page, "02-register-applicant")
    page.click("text=开始收件")
    expect(page.locator("h1")).to_contain_text("个体工商户设立登记")

    upload(page, tmp_path, sample_pages["application_form"])
    expect(page.locator(".checklist")).to_contain_text("缺少")
    shot(page, "03-case-first-visit")
    page.click("text=出具材料补正通知书")
    expect(page.locator(".status").first).to_contain_text("待补正")
    expect(page.locator(".notices")).to_contain_text("材料补正通知书")

    upload(page, tmp_path, sample_pages["id_card"], sample_pages["premises_proof"])
    expect(page.locator(".checklist .st-missing")).to_have_count(0)
    shot(page, "04-case-complete")
    page.click("text=出具受理通知书")
    expect(page.locator(".status").first).to_contain_text("已受理")
    shot(page, "05-case-accepted")
    page.click("text=退出")

    log_in(page, live_url, "reviewer")
    expect(page).to_have_url(live_url + "/desk")
    shot(page, "06-desk-queue")
    page.click("td a")
    shot(page, "07-desk-case")
    page.click("text=批准并加盖电子印章出证")
    expect(page.locator(".ok")).to_contain_text("已出具电子证照")
    license_number = page.locator(".ok a").inner_text()
    response = page.request.get(f"{live_url}/api/v1/licenses/{license_number}/pdf")
    assert response.ok and response.body().startswith(b"%PDF")
    license_pdf = tmp_path / "license.pdf"
    license_pdf.write_bytes(response.body())
    page.click("a[accesskey='4']")  # 共享材料: the department's own scans
    expect(page.locator("h2", has_text="本部门的材料")).to_be_visible()
    shot(page, "08-shared")
    scans = page.locator("tr", has_text="材料扫描件")  # a scan, not a notice: preview, audited
    scans.first.locator("a").click()
    expect(page.locator("img.preview")).to_be_visible()
    shot(page, "08-shared-preview")
    page.click("text=退出")

    log_in(page, live_url, "clerk")
    page.click("a[accesskey='3']")  # 出件
    expect(page).to_have_url(live_url + "/delivery")
    expect(page.locator("table.grid").first).to_contain_text("可发放")
    shot(page, "09-delivery")
    page.click("td a")
    page.fill("input[name=receiver_name]", applicant.name)
    page.fill("input[name=id_number]", applicant.id_number)
    shot(page, "10-delivery-case")
    page.click("text=核验身份并签收")
    expect(page.locator(".notice-ok")).to_contain_text("已核验身份并交付")
    expect(page.locator(".ok")).to_contain_text("已送达")
    shot(page, "11-delivered")
    page.click("text=退出")

    log_in(page, live_url, "admin")
    for path, name in (
        ("/admin", "12-admin-dashboard"),
        ("/admin/catalog", "13-admin-catalog"),
        ("/admin/users", "14-admin-users"),
        ("/admin/seals", "15-admin-seals"),
    ):
        page.goto(live_url + path)
        expect(page.locator(".tabs a.on")).to_have_count(1)
        shot(page, name)
    page.click("text=退出")

    page.goto(live_url + "/verify")
    page.set_input_files("input[type=file]", str(license_pdf))
    page.click("form button")
    # the verdict itself, whole: the page also says 有效 in "不再有效" advice and in the
    # registry's license status, whatever the verdict
    verdict = page.locator("section.report .verdict")
    expect(verdict.locator("strong")).to_have_text("有效")
    expect(verdict).to_contain_text("(TOTAL-PASSED)")
    shot(page, "16-verify")
    forged = bytearray(license_pdf.read_bytes())
    at = forged.index(b"/Contents", 200) - 400  # inside the sealed byte range
    forged[at] = ord(b" ") if forged[at] != ord(b" ") else ord(b"x")
    license_pdf.write_bytes(bytes(forged))
    page.goto(live_url + "/verify")
    page.set_input_files("input[type=file]", str(license_pdf))
    page.click("form button")
    expect(verdict.locator("strong")).to_have_text("无效")


def test_pending_material_after_approval_in_the_browser(
    live_url: str, browser: Browser, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    """容缺 approved first: the department approves a conditional case, the window holds the
    result, the applicant brings the material, the counter takes it and the result goes out."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        pending_after_approval(page, live_url, sample_pages, tmp_path)
    except Exception:
        shot(page, "failure-pending")
        raise
    finally:
        page.close()


def pending_after_approval(
    page: Page, live_url: str, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    log_in(page, live_url, "clerk")
    page.fill("input[name=q]", "gtgsh")
    page.keyboard.press("Enter")
    page.click("a.item:has-text('个体工商户设立登记')")
    applicant = sample_applicant(4)
    page.fill("input[name=applicant_name]", applicant.name)
    page.fill("input[name=applicant_id]", applicant.id_number)
    page.click("text=开始收件")
    number = page.locator("h1 small").inner_text().removeprefix("办件").strip()
    upload(page, tmp_path, sample_pages["application_form"], sample_pages["id_card"])
    expect(page.locator(".checklist")).to_contain_text("缺少(可容缺)")
    page.click("text=申请人承诺,容缺受理")
    expect(page.locator(".status").first).to_contain_text("容缺")
    page.click("text=退出")

    log_in(page, live_url, "reviewer")
    page.click(f"td a:has-text('{number}')")
    page.click("text=批准并加盖电子印章出证")
    expect(page.locator(".ok")).to_contain_text("已出具电子证照")
    page.click("text=退出")

    log_in(page, live_url, "clerk")
    page.goto(live_url + "/delivery")
    row = page.locator("tr", has_text=number)
    expect(row).to_contain_text("容缺材料尚未补齐")
    page.goto(f"{live_url}/counter/cases/{number}")
    supplement = page.locator(".supplement")
    expect(supplement).to_contain_text("经营场所")
    shot(page, "18-pending-after-approval")
    upload(page, tmp_path, sample_pages["premises_proof"])
    page.click("text=收取容缺材料")
    expect(page.locator(".supply-result")).to_contain_text("容缺材料已全部补齐")
    expect(page.locator(".supplement")).to_have_count(0)
    expect(page.locator("form.upload")).to_have_count(0)  # closed again
    shot(page, "19-pending-supplied")
    page.goto(live_url + "/delivery")
    expect(page.locator("tr", has_text=number)).to_contain_text("可发放")
    shot(page, "20-delivery-after-supply")


def test_clerk_cannot_reach_the_desk_in_the_browser(live_url: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    log_in(page, live_url, "clerk")
    response = page.goto(live_url + "/desk")
    assert response is not None and response.status == 403
    expect(page.locator("h1")).to_have_text("无权操作")  # a page, with the header and 退出
    shot(page, "17-forbidden")
    # a form posted without the session's CSRF token is refused, even by the right role
    response = page.request.post(live_url + "/delivery/cases/X", form={"action": "pickup"})
    assert response.status == 403 and "页面已过期" in response.text()
    page.context.clear_cookies()
    log_in(page, live_url, "health")
    for path in ("/admin", "/delivery", "/counter"):
        response = page.goto(live_url + path)
        assert response is not None and response.status == 403, path
    page.close()


def test_joint_case_on_the_desk_in_the_browser(
    live: Live, browser: Browser, sample_pages: dict[str, SamplePage]
) -> None:
    """联合办理: each department of the route gives its opinion on its own step from /desk,
    the lead follows every step and who is late, and a participant loses the case when it
    ends. The case is accepted and routed by direct calls (the counter's path is above)."""
    number = joint_case_with_deadlines(live.hall, sample_pages["id_card"])
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        joint_journey(page, live.url, number)
    except Exception:
        shot(page, "failure-joint")
        raise
    finally:
        page.close()


def joint_case_with_deadlines(hall: Hall, scan: SamplePage) -> str:
    """A routed joint case with one read page: step 1 (消防) and 卫健委's step-2 task due
    yesterday, the lead's step-2 opinion due tomorrow, its final decision in ten days."""
    with session_scope(hall.sessions) as s:
        if s.scalars(select(User).where(User.username == "fire")).first() is None:
            fire, _ = create_user(
                s,
                username="fire",
                display_name="消防审查员",
                role=Role.REVIEWER,
                department_code="xfjy",
            )
            set_password(fire, password_of("fire"))
        clerk = s.scalars(select(User).where(User.username == "clerk")).one()
        applicant = sample_applicant(5)
        case = create_case(
            s,
            item_code=JOINT_ITEM,
            applicant_type="person",
            applicant_name=applicant.name,
            applicant_id=applicant.id_number,
            actor=clerk,
        )
        page = add_page(
            s,
            hall.store,
            case,
            scan.data,
            filename=scan.filename,
            actor=clerk,
            max_bytes=hall.settings.max_upload_bytes,
        )
        number, page_id = case.number, page.id

    def read() -> bool:
        with session_scope(hall.sessions) as s:
            return s.get_one(ScannedPage, page_id).status == PageStatus.READ

    wait_until(read, what="the joint case's page read by the live hall's worker", timeout=90)
    today = date.today()
    with session_scope(hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        clerk = s.scalars(select(User).where(User.username == "clerk")).one()
        case.status, case.accepted_at = CaseStatus.ACCEPTED, datetime.now(UTC)
        health = s.scalars(select(User).where(User.username == "health")).one()
        for task in route_case(s, hall, case, actor=clerk):
            if task.step == 1 or task.department_id == health.department_id:
                task.due_on = today - timedelta(days=1)
            elif task.kind == TaskKind.REVIEW:
                task.due_on = today + timedelta(days=1)
            else:
                task.due_on = today + timedelta(days=10)
    return number


def joint_journey(page: Page, live_url: str, number: str) -> None:
    log_in(page, live_url, "fire")
    row = page.locator("tr", has_text=number)
    expect(row).to_contain_text("联办意见 · 第 1 步")
    row.locator("a").click()
    expect(page.locator("form.opinion")).to_contain_text("本部门联办意见")
    expect(page.locator(".route-progress")).to_contain_text("卫生健康委员会")
    page.fill("form.opinion textarea", "经现场检查,消防设施符合要求,同意")
    shot(page, "21-desk-joint-opinion")
    page.click("form.opinion button[value=approve]")
    expect(page.locator(".route-progress")).to_contain_text("经现场检查,消防设施符合要求,同意")
    expect(page.locator("form.opinion")).to_have_count(0)
    page.click("text=退出")

    log_in(page, live_url, "reviewer")  # 市场监督管理局, the lead
    joint = page.locator(".coordination .joint-case", has_text=number)
    expect(joint.locator(".late")).to_have_text("超期:消防救援大队、卫生健康委员会")
    expect(joint.locator("tr.overdue", has_text="卫生健康委员会")).to_contain_text("已超期 1 天")
    expect(joint.locator("tr.overdue", has_text="消防救援大队")).to_contain_text("逾期办结")
    expect(joint.locator("tr.due-soon")).to_contain_text("剩 1 天")
    shot(page, "22-desk-coordination")
    page.click("text=退出")

    log_in(page, live_url, "health")
    page.goto(f"{live_url}/desk/cases/{number}")
    page.fill("form.opinion textarea", "卫生条件符合要求,同意")
    page.click("form.opinion button[value=approve]")
    expect(page.locator(".route-progress")).to_contain_text("卫生条件符合要求,同意")
    page.click("text=退出")

    log_in(page, live_url, "reviewer")
    page.goto(f"{live_url}/desk/cases/{number}")
    page.fill("form.opinion textarea", "食品经营条件符合要求,同意")
    page.click("form.opinion button[value=approve]")
    page.click("text=批准并加盖电子印章出证")
    expect(page.locator(".ok")).to_contain_text("已出具电子证照")
    shot(page, "23-desk-joint-issued")
    page.click("text=退出")

    log_in(page, live_url, "health")  # the case ended: a stranger to it again
    response = page.goto(f"{live_url}/desk/cases/{number}")
    assert response is not None and response.status == 403
    expect(page.locator(".alert")).to_contain_text("该办件属于其他部门")
    shot(page, "24-joint-ended-forbidden")
    page.goto(live_url + "/desk")  # what it keeps: the result its opinion went into
    expect(page.locator(".contributed tr", has_text=number)).to_contain_text("电子证照")
    shot(page, "25-desk-contributed")
    page.click("text=退出")


def test_a_published_item_in_the_browser(live_url: str, browser: Browser, tmp_path: Path) -> None:
    """The administrator publishes a new item and a later version of another; the public
    sees both on the announcement page, and the counter offers the new item at once."""
    later = date.today() + timedelta(days=30)
    gt = (SAMPLE_CATALOG_DIR / "items" / "gtgsh-sl.v2.yaml").read_text(encoding="utf-8")
    files = {
        "dz.yaml": new_item(date.today()),
        "gt.v3.yaml": gt.replace("version: 2", "version: 3")
        .replace("effective_from: 2026-06-01", f"effective_from: {later.isoformat()}")
        .replace("time_limit_days: 3 ", "time_limit_days: 2 "),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        log_in(page, live_url, "admin")
        page.goto(live_url + "/admin/catalog")
        page.set_input_files("input[type=file]", [str(tmp_path / name) for name in files])
        page.click("button[value=publish]")
        expect(page.locator(".notice-ok")).to_contain_text(f"已发布:{NEW} 第 1 版")
        page.click("text=退出")

        page.goto(live_url + "/catalog/announcements")  # a visitor, not logged in
        upcoming = page.locator("tr[data-item='SCJG-GT-001'][data-version='3']")
        expect(upcoming).to_contain_text("即将生效")
        expect(upcoming).to_contain_text("承诺办理时限由3个工作日调整为2个工作日")
        expect(page.locator(f"tr[data-item='{NEW}']")).to_contain_text("已生效")
        shot(page, "30-catalog-announcements")

        log_in(page, live_url, "clerk")
        page.goto(live_url + "/counter?q=grdz")
        page.click(f"a.item[href*='{NEW}']")
        expect(page.locator("h1").nth(1)).to_have_text("个人独资企业设立登记")
        expect(page.get_by_text("清单第 1 版")).to_be_visible()
        shot(page, "31-counter-published-item")
    except Exception:
        shot(page, "failure-published-item")
        raise
    finally:
        page.close()
