"""The applicant's channels in a real browser at a phone's viewport (Chromium driven by
Playwright, the app on loopback, the real OCR engine, the loopback SMS provider): apply
online with one material missing → 补正 notice → supplied online → the clerk accepts →
the department approves → the applicant downloads the sealed license and rates; a mail-in
case at the counter; a kiosk progress query and a notice reprint.

Screenshots go to var/screenshots/ (prefix `m`) for people to look at."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect

from api.app import create_app
from cases.config import Settings
from ocr import Engine
from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import open_desk
from tests.sms_sink import LoopbackSmsSink
from tests.waiting import wait_until
from tests.web.test_browser import SHOTS, browser, log_in

__all__ = ["browser"]
pytestmark = pytest.mark.ocr

PHONE_VIEWPORT = {"width": 390, "height": 844}  # a common phone, CSS pixels
PHONE = "13812340000"


class Live:
    def __init__(self, url: str, sink: LoopbackSmsSink) -> None:
        self.url, self.sink = url, sink

    def code(self) -> str:
        found = re.search(r"验证码为(\d{6})", self.sink.messages[-1]["text"])
        assert found
        return found.group(1)

    def texts(self, phone: str) -> list[str]:
        return [m["text"] for m in self.sink.messages if m["phone"] == phone]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, reading_engine: Engine) -> Iterator[Live]:
    with LoopbackSmsSink() as sink:
        settings = Settings(data_dir=tmp_path_factory.mktemp("live-applicant"), sms_url=sink.url)
        desks = open_desk(settings, reading_engine)
        desk = next(desks)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(hall=desk.hall), host="127.0.0.1", port=port, log_level="warning"
            )
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        wait_until(lambda: server.started, what="uvicorn serving the app")
        yield Live(f"http://127.0.0.1:{port}", sink)
        server.should_exit = True
        thread.join(10)
        desks.close()


def shot(page: Page, name: str) -> None:
    """As tests/web/test_browser.py's, but only the images on screen must have loaded: the
    guide's samples load lazily, when the applicant opens one."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state("load")
    for image in page.locator("img:visible").all():
        expect(image).to_have_js_property("complete", True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _files(tmp: Path, *pages: SamplePage) -> list[str]:
    paths = []
    for p in pages:
        path = tmp / p.filename
        path.write_bytes(p.data)
        paths.append(str(path))
    return paths


def _upload(page: Page, tmp: Path, *pages: SamplePage) -> None:
    page.set_input_files("form.upload input[type=file]", _files(tmp, *pages))
    with page.expect_navigation():
        page.click("form.upload button")
    expect(page.locator(".busy")).to_have_count(0, timeout=60_000)  # the page refreshes


def test_an_applicant_online_on_a_phone(
    live: Live, browser: Browser, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    phone = browser.new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True)
    staff = browser.new_page(viewport={"width": 1366, "height": 768})
    page = phone.new_page()
    try:
        _online_journey(live, page, staff, sample_pages, tmp_path)
    except Exception:
        shot(page, "m-failure-phone")
        shot(staff, "m-failure-staff")
        raise
    finally:
        phone.close()
        staff.close()


def _online_journey(
    live: Live, page: Page, staff: Page, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    base = live.url
    page.goto(base + "/apply")
    page.fill("input[name=phone]", PHONE)
    page.click("text=获取短信验证码")
    expect(page.locator(".sent")).to_contain_text("138****0000")
    page.fill("input[name=code]", live.code())
    shot(page, "m01-sign-in")
    page.click("form.signin button")
    expect(page.locator("h1")).to_have_text("我的办件")

    page.click("text=我要办事")
    page.fill("input[name=q]", "gtgsh")
    page.keyboard.press("Enter")
    page.click("a.item:has-text('个体工商户设立登记')")
    expect(page.locator(".materials")).to_contain_text("经营场所")
    shot(page, "m02-guide-checklist")
    person = sample_applicant(3)
    page.fill("input[name=applicant_name]", person.name)
    page.fill("input[name=applicant_id]", person.id_number)
    page.click("text=开始申报")
    number = page.locator(".number").inner_text()

    _upload(page, tmp_path, sample_pages["application_form"], sample_pages["id_card"])
    page.click("text=检查材料")
    expect(page.locator(".findings")).to_contain_text("经营场所")
    shot(page, "m03-check-before-submit")
    page.click("text=提交给综合受理窗口")
    expect(page.locator(".status")).to_contain_text("已提交,等待窗口审核")
    shot(page, "m04-submitted")

    log_in(staff, base, "clerk")
    staff.goto(base + "/counter/online")
    expect(staff.locator(".online-queue")).to_contain_text(number)
    shot(staff, "m05-counter-online-queue")
    staff.click(f"text={number}")
    staff.click("text=出具补正通知书")  # the missing material may be 容缺: 补正 is chosen
    expect(staff.locator(".status").first).to_contain_text("待补正")
    assert "需补正材料" in live.texts(PHONE)[-1]

    page.goto(f"{base}/apply/cases/{number}")
    expect(page.locator(".status")).to_contain_text("待补正材料")
    with page.expect_download() as notice:
        page.click(".notices a")
    assert Path(notice.value.path()).read_bytes().startswith(b"%PDF")
    shot(page, "m06-correction-notice")
    _upload(page, tmp_path, sample_pages["premises_proof"])
    page.click("text=检查材料")
    expect(page.locator(".findings")).to_contain_text("材料齐全")
    page.click("text=提交给综合受理窗口")
    expect(page.locator(".status")).to_contain_text("已提交,等待窗口审核")

    staff.goto(base + "/counter/online")
    staff.click(f"text={number}")
    staff.click("text=出具受理通知书")
    expect(staff.locator(".status").first).to_contain_text("已受理")
    staff.click("text=退出")
    assert "已受理" in live.texts(PHONE)[-1]

    page.goto(f"{base}/apply/cases/{number}")
    page.check("input[name=by][value=download]")
    page.click("text=保存领取方式")
    shot(page, "m07-accepted-result-by")

    log_in(staff, base, "reviewer")
    staff.click(f"td a:has-text('{number}')")
    staff.click("text=批准并加盖电子印章出证")
    expect(staff.locator(".ok")).to_contain_text("已出具电子证照")
    staff.click("text=退出")

    page.goto(f"{base}/apply/cases/{number}")
    with page.expect_download() as license_:
        page.click("a.download")
    assert Path(license_.value.path()).read_bytes().startswith(b"%PDF")
    page.goto(f"{base}/apply/cases/{number}")
    page.check("input[name=score][value='5']")
    page.fill("textarea[name=comment]", "网上办理很方便")
    page.click("text=提交评价")
    expect(page.locator(".rating")).to_contain_text("您的评价:5 星")
    shot(page, "m08-delivered-rated")
    page.goto(base + "/apply")
    shot(page, "m09-my-cases")


def test_mail_in_and_the_kiosk(
    live: Live, browser: Browser, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    staff = browser.new_page(viewport={"width": 1366, "height": 768})
    kiosk = browser.new_page(viewport={"width": 1080, "height": 1920})  # a portrait kiosk
    try:
        _mail_in_and_kiosk(live, staff, kiosk, sample_pages, tmp_path)
    except Exception:
        shot(staff, "m-failure-mail")
        shot(kiosk, "m-failure-kiosk")
        raise
    finally:
        staff.close()
        kiosk.close()


def _mail_in_and_kiosk(
    live: Live, staff: Page, kiosk: Page, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    base = live.url
    log_in(staff, base, "clerk")
    staff.fill("input[name=q]", "gtgsh")
    staff.keyboard.press("Enter")
    staff.click("a.item:has-text('个体工商户设立登记')")
    person = sample_applicant(3)  # whose paper came in the envelope
    staff.fill("input[name=applicant_name]", person.name)
    staff.fill("input[name=applicant_id]", person.id_number)
    staff.fill("input[name=applicant_phone]", "13812348888")
    staff.click("text=开始收件")
    number = staff.locator("h1 small").inner_text().removeprefix("办件").strip()
    staff.click("text=登记邮寄收件")
    staff.fill("input[name=tracking_number]", "EMS9876543210")
    staff.fill("input[name=sender]", person.name)
    staff.fill("input[name=address]", "北京市东城区示例路8号")
    staff.click("button:has-text('登记邮寄收件')")
    expect(staff.locator(".postal")).to_contain_text("EMS9876543210")
    assert "EMS9876543210" in live.texts("13812348888")[-1]
    staff.set_input_files(
        "form.upload input[type=file]",
        _files(
            tmp_path,
            sample_pages["application_form"],
            sample_pages["id_card"],
            sample_pages["premises_proof"],
        ),
    )
    with staff.expect_navigation():
        staff.click("form.upload button")
    expect(staff.locator("#panel .busy")).to_have_count(0, timeout=60_000)
    staff.click("text=出具受理通知书")
    expect(staff.locator(".notices")).to_contain_text("受理通知书")
    shot(staff, "m10-mail-in-case")
    response = staff.request.get(f"{base}/counter/cases/{number}/address-sheet.pdf")
    assert response.ok and response.body().startswith(b"%PDF")
    (tmp_path / "address-sheet.pdf").write_bytes(response.body())
    assert "已受理" in live.texts("13812348888")[-1]

    kiosk.goto(base + "/kiosk")
    shot(kiosk, "m11-kiosk-menu")
    kiosk.click("text=办件进度查询")
    kiosk.fill("input[name=case]", number)
    kiosk.fill("input[name=id_tail]", person.id_number[-4:])
    kiosk.click("form:has(input[name=case]) button")
    expect(kiosk.locator(".status")).to_contain_text("已受理")
    expect(kiosk.locator(".reprint")).to_contain_text("受理通知书")
    shot(kiosk, "m12-kiosk-progress")
    href = kiosk.locator(".reprint").first.get_attribute("href") or ""
    response = kiosk.request.get(base + href)
    assert response.ok and response.body().startswith(b"%PDF")
    kiosk.click("text=结束查询")
    expect(kiosk.locator(".kiosk-menu")).to_be_visible()
