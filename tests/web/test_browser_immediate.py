"""即办件 in a real browser: the clerk registers the applicant of an immediate item, uploads
the generated scans, the real OCR fills the checklist, one button (当场办结) issues the
acceptance notice and the sealed license, and the result is handed out in the same visit.
Screenshots go to var/screenshots/ (21-24)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from sample_scans.scans import SamplePage, generate_pages, sample_applicant
from tests.web.test_browser import browser, live, live_url, log_in, shot, upload

__all__ = ["browser", "live", "live_url"]  # the journey's live hall and browser fixtures

pytestmark = pytest.mark.ocr

SEED = 8


@pytest.fixture(scope="module")
def change_pages() -> dict[str, SamplePage]:
    pages = generate_pages(
        "个体工商户变更登记", ["application_form", "id_card"], sample_applicant(SEED), seed=SEED
    )
    return {p.material_code: p for p in pages}


def test_immediate_item_in_one_visit_in_the_browser(
    live_url: str, browser: Browser, change_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        one_visit(page, live_url, change_pages, tmp_path)
    except Exception:
        shot(page, "failure-immediate")
        raise
    finally:
        page.close()


def one_visit(page: Page, live_url: str, pages: dict[str, SamplePage], tmp_path: Path) -> None:
    log_in(page, live_url, "clerk")
    page.fill("input[name=q]", "SCJG-GT-002")
    page.keyboard.press("Enter")
    page.click("a.item:has-text('个体工商户变更登记')")
    applicant = sample_applicant(SEED)
    page.fill("input[name=applicant_name]", applicant.name)
    page.fill("input[name=applicant_id]", applicant.id_number)
    page.click("text=开始收件")
    expect(page.locator("h1")).to_contain_text("即办件")
    number = page.locator("h1 small").inner_text().removeprefix("办件").strip()

    upload(page, tmp_path, pages["application_form"], pages["id_card"])
    expect(page.locator(".pages .page")).to_have_count(2)
    expect(page.locator(".checklist .st-present")).to_have_count(2)
    button = page.locator("button.immediate")
    expect(button).to_have_text("当场办结 Alt+D")
    shot(page, "21-immediate-ready")
    button.click()
    expect(page.locator(".status").first).to_contain_text("已出证")
    expect(page.locator(".notices")).to_contain_text("受理通知书")
    expect(page.locator(".licenses")).to_contain_text("个体工商户登记证明")
    shot(page, "22-immediate-issued")
    license_number = page.locator(".licenses a").first.inner_text().split()[-1]
    response = page.request.get(f"{live_url}/api/v1/licenses/{license_number}/pdf")
    assert response.ok and response.body().startswith(b"%PDF")

    # no desk step: the result is at the window, handed out in the same visit
    page.click("text=发放给申请人")
    expect(page).to_have_url(f"{live_url}/delivery/cases/{number}")
    page.fill("input[name=receiver_name]", applicant.name)
    page.fill("input[name=id_number]", applicant.id_number)
    page.click("text=核验身份并签收")
    expect(page.locator(".ok")).to_contain_text("已送达")
    shot(page, "23-immediate-delivered")

    pdf = tmp_path / "license.pdf"
    pdf.write_bytes(response.body())
    page.goto(live_url + "/verify")
    page.set_input_files("input[type=file]", str(pdf))
    page.click("form button")
    verdict = page.locator("section.report .verdict")
    expect(verdict.locator("strong")).to_have_text("有效")
    shot(page, "24-immediate-verified")
