"""人工核对 in a real browser, keyboard only: at the counter the doubtful fields of a page
are highlighted; Alt+K goes to the first, ↓ to the next, Enter confirms one as read, a
wrong correction is refused in place, a typed correction + Enter is saved and the
checklist takes it; the desk shows the correction and corrects the field left (the
address) the same way; the supervision page counts all three.
The page's OCR result is fixed (tests/api/doubtful_page.py), so no OCR model runs.
Screenshots go to var/screenshots/ (31-36)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from cases.config import Settings
from tests.api.doubtful_page import (
    APPLICANT,
    GOOD_ID,
    MISREAD_ADDRESS,
    MISREAD_ID,
    doubtful_engine,
    page_image,
)
from tests.web.test_browser import Live, browser, log_in, serve, shot

__all__ = ["browser"]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    yield from serve(Settings(data_dir=tmp_path_factory.mktemp("confirm")), doubtful_engine())


def test_doubtful_fields_are_confirmed_and_corrected_from_the_keyboard(
    live: Live, browser: Browser, tmp_path: Path
) -> None:
    pages = [browser.new_page(viewport={"width": 1366, "height": 900}) for _ in range(3)]
    try:
        number = at_the_counter(pages[0], live.url, tmp_path)
        at_the_desk(pages[1], live.url, number)
        in_the_statistics(pages[2], live.url)
    except Exception:
        for i, page in enumerate(pages):
            shot(page, f"failure-confirmation-{i}")
        raise
    finally:
        for page in pages:
            page.close()


def focused_row(page: Page, label_column: int = 1) -> str:
    """The label of the field whose input has the keyboard focus (the counter's table
    has the page number first, the desk's one table per page)."""
    cells = page.locator("tr.field:has(input.doubt-input:focus) td")
    return cells.nth(label_column).inner_text()


def at_the_counter(page: Page, url: str, tmp: Path) -> str:
    log_in(page, url, "clerk")
    page.fill("input[name=q]", "SCJG-GT-001")
    page.keyboard.press("Enter")
    page.click("a.item:has-text('个体工商户设立登记')")
    page.fill("input[name=applicant_name]", APPLICANT.name)
    page.fill("input[name=applicant_id]", GOOD_ID)
    page.click("text=开始收件")
    number = page.locator("h1 small").inner_text().removeprefix("办件").strip()
    scan = tmp / "id.png"
    scan.write_bytes(page_image())
    page.set_input_files("input[type=file]", str(scan))
    with page.expect_navigation():
        page.click("form.upload button")
    expect(page.locator("#panel .busy")).to_have_count(0, timeout=30_000)

    checks = page.locator(".field-check")
    doubtful = checks.locator("tr.doubt")
    expect(doubtful).to_have_count(3)
    expect(checks.locator("h3")).to_contain_text("3 项待核对")
    expect(doubtful.first).to_contain_text("校验未通过")
    expect(doubtful.first).to_contain_text("与登记的申请人证件号码相差一两位")
    expect(doubtful.nth(1)).to_contain_text("识别置信度低")
    expect(page.locator(".checklist")).to_contain_text("公民身份号码校验未通过")
    label = doubtful.first.locator("input").get_attribute("aria-label") or ""
    assert label.startswith("第 1 页公民身份号码,识别为 " + MISREAD_ID) and "按回车确认" in label
    shot(page, "31-counter-doubtful-fields")

    page.keyboard.press("Alt+k")  # to the first doubtful field: the ID number
    assert focused_row(page) == "公民身份号码"
    page.keyboard.press("ArrowDown")  # the next: the name
    assert focused_row(page) == "姓名"
    page.keyboard.press("Enter")  # one keystroke: the name is as read
    expect(doubtful).to_have_count(2)
    expect(checks.locator("tr.settled.confirmed")).to_contain_text(APPLICANT.name)
    expect(checks.locator(".field-status")).to_contain_text("姓名已确认识别无误")
    assert focused_row(page) == "公民身份号码"  # the focus went on to what is left

    page.keyboard.press("Control+a")
    page.keyboard.type(GOOD_ID[:17])
    page.keyboard.press("Enter")  # a number that cannot be right is refused where it was typed
    alert = doubtful.first.locator(".msg[role=alert]")
    expect(alert).to_contain_text("更正后的公民身份号码不正确")
    expect(doubtful.first.locator("input")).to_have_attribute("aria-invalid", "true")
    assert focused_row(page) == "公民身份号码"
    shot(page, "32-counter-correction-refused")

    page.keyboard.press("Control+a")
    page.keyboard.type(GOOD_ID)
    page.keyboard.press("Enter")
    expect(doubtful).to_have_count(1)  # the address is left for the desk
    expect(checks.locator("h3")).to_contain_text("1 项待核对")
    corrected = checks.locator("tr.settled.corrected")
    expect(corrected).to_contain_text(GOOD_ID)
    expect(corrected).to_contain_text(f"已更正(识别为 {MISREAD_ID})")
    expect(page.locator(".checklist")).not_to_contain_text("公民身份号码校验未通过")
    shot(page, "33-counter-fields-checked")
    return number


def at_the_desk(page: Page, url: str, number: str) -> None:
    log_in(page, url, "reviewer")
    page.goto(f"{url}/desk/cases/{number}")
    fields = page.locator("table.fields")
    corrected = fields.locator("tr.settled.corrected")
    expect(corrected).to_contain_text(GOOD_ID)
    expect(corrected).to_contain_text(f"识别为 {MISREAD_ID}")
    expect(fields.locator("tr.settled.confirmed")).to_contain_text("已确认识别无误 · clerk")
    expect(fields.locator("tr.doubt")).to_have_count(1)
    expect(page.locator(".doubt-summary")).to_contain_text("识别字段 1 项待核对")
    shot(page, "34-desk-sees-the-correction")

    page.keyboard.press("Alt+k")  # the address, corrected at the desk in place
    assert focused_row(page, 0) == "地址"
    page.keyboard.press("Control+a")
    page.keyboard.type(APPLICANT.address)
    page.keyboard.press("Enter")
    expect(fields.locator("tr.doubt")).to_have_count(0)
    expect(corrected).to_have_count(2)
    expect(corrected.nth(1)).to_contain_text(f"已更正(识别为 {MISREAD_ADDRESS}) · reviewer")
    expect(page.locator(".doubt-summary")).to_have_text("识别字段已全部核对。")
    expect(page.locator(".field-status").first).to_contain_text("全部核对完毕")
    shot(page, "35-desk-corrects-the-address")


def in_the_statistics(page: Page, url: str) -> None:
    log_in(page, url, "admin")
    page.goto(f"{url}/admin")
    stats = page.locator(".ocr-accuracy")
    expect(stats).to_contain_text("确认识别无误 1 项,更正 2 项,识别正确率 33%")
    cells = ["公民身份号码", "0", "1", "0%"]
    expect(stats.locator("tr[data-key=id_number] td")).to_have_text(cells)
    expect(stats.locator("tr[data-key=person_name] td")).to_have_text(["姓名", "1", "0", "100%"])
    expect(stats.locator("tr[data-key=reviewer] td")).to_have_text(["部门审批", "0", "1", "0%"])
    shot(page, "36-ocr-accuracy-statistics")
