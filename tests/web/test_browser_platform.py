"""平台对接 in the browser: the hall's admin sees what the platform accepted and each
rejection with the platform's reason. Screenshot 25 goes to var/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import select

from cases.acceptance import counter
from cases.db import session_scope
from cases.intake.pages import create_case
from cases.platform.sender import send_due
from models import User
from sample_scans.scans import sample_applicant
from tests.platform_receiver import ReferenceReceiver
from tests.web.test_browser import Live, browser, live, live_url, log_in, shot

__all__ = ["browser", "live", "live_url"]

pytestmark = pytest.mark.ocr  # the live hall carries the session's engine (nothing is read)


@pytest.fixture
def receiver() -> Iterator[ReferenceReceiver]:
    with ReferenceReceiver() as running:
        yield running


def _rejected_case(live: Live, seed: int, reason: str) -> str:
    """A case the window refuses (不予受理): one real stage point, one record."""
    person = sample_applicant(seed)
    with session_scope(live.hall.sessions) as s:
        clerk = s.scalars(select(User).where(User.username == "clerk")).one()
        case = create_case(
            s,
            item_code="SCJG-GT-001",
            applicant_type="person",
            applicant_name=person.name,
            applicant_id=person.id_number,
            actor=clerk,
        )
        counter.reject(s, live.hall, case, actor=clerk, reason=reason)
        return case.number


def test_admin_sees_the_platforms_answers(
    live: Live, live_url: str, browser: Browser, receiver: ReferenceReceiver
) -> None:
    hall = live.hall
    # Playwright's loop runs in this thread; sealing runs its own: the hall's work goes
    # to another thread, as it does in the server
    with ThreadPoolExecutor(1) as pool:
        refused = pool.submit(_rejected_case, live, 31, "不属于本机关职权范围").result()
        kept = pool.submit(_rejected_case, live, 32, "申请事项依法不需要取得行政许可").result()
        receiver.refuse = lambda record: (
            "受理部门编码与事项实施编码不匹配" if record["case_number"] == refused else None
        )
        settings = hall.settings.model_copy(update={"platform_url": receiver.url})
        report = pool.submit(send_due, hall.sessions, hall.store, settings).result()
    assert (report.accepted, report.rejected) == (1, 1)

    page = browser.new_page(viewport={"width": 1366, "height": 900})
    try:
        log_in(page, live_url, "admin")
        page.goto(live_url + "/admin/platform")
        expect(page.locator("nav.tabs a.on")).to_have_text("平台对接")
        rejected = page.get_by_role("table", name="平台拒收")
        expect(rejected).to_contain_text(refused)
        expect(rejected).to_contain_text("受理部门编码与事项实施编码不匹配")
        expect(rejected).to_contain_text("不予受理")
        recent = page.get_by_role("table", name="最近的记录")
        expect(recent).to_contain_text(kept)
        expect(recent).to_contain_text("已接收")
        # the live hall itself has no receiver configured: the page says records stay queued
        expect(page.get_by_role("alert")).to_contain_text("ONEWINDOW_PLATFORM_URL")
        shot(page, "25-admin-platform")
    except Exception:
        shot(page, "failure-admin-platform")
        raise
    finally:
        page.close()
