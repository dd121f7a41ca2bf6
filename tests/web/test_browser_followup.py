"""A conditional case's follow-ups in a real browser (Chromium + Playwright, real OCR): the
counter hands the paper over and the department signs for it on /desk; the department
returns the case for information; the counter uploads the applicant's supplementary scan
and records 'information supplied'; the desk sees the scan marked as that return's answer;
the counter takes the 容缺 material; the department approves; the counter signs for the
result. Screenshots 40-48 go to var/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from sample_scans.scans import SamplePage, generate_pages, sample_applicant
from tests.api.conftest import ITEM_NAME
from tests.web.test_browser import browser, live, live_url, log_in, shot, upload

__all__ = ["browser", "live", "live_url"]  # the module's own live hall and Chromium

pytestmark = pytest.mark.ocr

RETURN_ASKS = "身份证复印件模糊,请提交清晰的复印件"


def test_handover_return_and_pending_at_the_counter_and_desk(
    live_url: str, browser: Browser, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        follow_ups(page, live_url, sample_pages, tmp_path)
    except Exception:
        shot(page, "failure-followup")
        raise
    finally:
        page.close()


def follow_ups(page: Page, base: str, sample_pages: dict[str, SamplePage], tmp: Path) -> None:
    applicant = sample_applicant(5)
    log_in(page, base, "clerk")
    page.fill("input[name=q]", "gtgsh")
    page.keyboard.press("Enter")
    page.click("a.item:has-text('个体工商户设立登记')")
    page.fill("input[name=applicant_name]", applicant.name)
    page.fill("input[name=applicant_id]", applicant.id_number)
    page.click("text=开始收件")
    number = page.locator("h1 small").inner_text().removeprefix("办件").strip()
    upload(page, tmp, sample_pages["application_form"], sample_pages["id_card"])
    page.click("text=申请人承诺,容缺受理")
    expect(page.locator(".status").first).to_contain_text("容缺")

    # 容缺: what is outstanding and by when; paper to the department
    supplement = page.locator(".supplement")
    expect(supplement).to_contain_text("经营场所")
    expect(supplement).to_contain_text("期限")
    page.click("text=移交纸质材料至审批部门")
    handovers = page.locator("#handovers")
    expect(handovers).to_contain_text("窗口 → 部门")
    expect(handovers).to_contain_text("待部门签收")
    shot(page, "40-counter-pending-and-handover")
    page.click("text=退出")

    # the department signs for the paper on /desk, then returns the case for information
    log_in(page, base, "reviewer")
    unsigned = page.locator(".unsigned-handovers tr", has_text=number)
    expect(unsigned).to_contain_text("申请书")
    shot(page, "41-desk-paper-to-sign")
    unsigned.locator("button.sign").click()
    expect(page.locator("#handovers")).to_contain_text("已签收")
    page.click("details.return-form summary")
    page.fill("form[action$='/return'] textarea[name=comment]", RETURN_ASKS)
    page.click("form[action$='/return'] button")
    expect(page.locator(".return-item")).to_contain_text("等待申请人补充")
    expect(page.locator("details.return-form")).to_have_count(0)  # one return at a time
    expect(page.locator("form.desk-supplied")).to_have_count(1)  # if answered to the department
    shot(page, "42-desk-returned")
    page.click("text=退出")

    # the counter takes the answer: upload, read by OCR, then 'information supplied'
    log_in(page, base, "clerk")
    page.goto(f"{base}/counter/cases/{number}")
    returns = page.locator("#returns")
    expect(returns).to_contain_text(RETURN_ASKS)
    expect(returns).to_contain_text("尚未收到补充材料")
    (clearer,) = generate_pages(ITEM_NAME, ["id_card"], applicant, seed=12)
    upload(page, tmp, clearer)
    expect(page.locator(".pages .page").last).to_contain_text("退回补充材料")
    expect(page.locator(".pages .page").last).to_contain_text("身份证")
    expect(returns).to_contain_text("补充材料:第 3 页")
    shot(page, "43-counter-return-answered")
    page.click("text=补充材料已收齐,恢复计时")
    expect(returns.locator(".return-item")).to_contain_text("已于")
    expect(returns.locator("form")).to_have_count(0)
    shot(page, "44-counter-information-supplied")

    # then the 容缺 material, through upload and supply
    upload(page, tmp, sample_pages["premises_proof"])
    page.click("text=收取容缺材料")
    expect(page.locator(".supply-result")).to_contain_text("容缺材料已全部补齐")
    expect(page.locator("form.upload")).to_have_count(0)  # nothing more can be slipped in
    shot(page, "45-counter-pending-supplied")
    page.click("text=退出")

    # the desk sees the answer marked with its return, and approves
    log_in(page, base, "reviewer")
    expect(page.locator(".returned-cases tr", has_text=number)).to_contain_text("已补充")
    page.goto(f"{base}/desk/cases/{number}")
    marked = page.locator(".material", has=page.locator(".supplement-mark"))
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text("第 3 页")
    expect(marked.locator(".supplement-mark")).to_contain_text(RETURN_ASKS)
    shot(page, "46-desk-supplement-marked")
    page.click("text=批准并加盖电子印章出证")
    expect(page.locator(".ok")).to_contain_text("已出具电子证照")
    page.click("text=退出")

    # the result comes back to the window with a handover the clerk signs for
    log_in(page, base, "clerk")
    page.goto(f"{base}/counter/cases/{number}")
    back = page.locator("#handovers tr", has_text="部门 → 窗口")
    expect(back).to_contain_text("电子证照")
    shot(page, "47-counter-result-to-sign")
    back.locator("button.sign").click()
    expect(page.locator("#handovers tr", has_text="部门 → 窗口")).to_contain_text("已签收")
    shot(page, "48-counter-handovers-signed")
