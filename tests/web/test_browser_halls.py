"""Many halls in the browser: 正蓝旗's clerk sees their own hall's cases, the league's
administrator the supervision of every hall, row by row. Screenshots 49 and 50 go to
var/screenshots/."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, expect

from api.app import create_app
from cases.db import session_scope
from tests.cases.league_world import (
    BANNER_ITEM,
    LEAGUE_ITEM,
    League,
    accept,
    open_case,
    open_league,
)
from tests.waiting import wait_until
from tests.web.test_browser import browser, log_in, shot

__all__ = ["browser"]


@pytest.fixture
def league_url(tmp_path: Path) -> Iterator[tuple[League, str]]:
    opened = open_league(tmp_path)
    league = next(opened)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(hall=league.hall, worker=False)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: server.started, what="uvicorn serving the app")
    yield league, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    next(opened, None)  # closes the hall


def test_each_hall_sees_its_own(league_url: tuple[League, str], browser: Browser) -> None:
    league, url = league_url
    with session_scope(league.hall.sessions) as s:
        own = accept(s, league, open_case(s, league, "clerk_zlq", LEAGUE_ITEM), "clerk_zlq")
        other = accept(s, league, open_case(s, league, "clerk_xlht", BANNER_ITEM), "clerk_xlht")
        accept(s, league, open_case(s, league, "clerk_xlgl", LEAGUE_ITEM), "clerk_xlgl")
        own_number, other_number = own.number, other.number
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    try:
        log_in(page, url, "clerk_zlq")
        page.goto(url + "/counter")
        expect(page.locator("header")).to_contain_text("正蓝旗政务服务中心")
        expect(page.locator("main")).to_contain_text(own_number)
        expect(page.locator("main")).not_to_contain_text(other_number)
        shot(page, "49-banner-clerk-own-hall")
        page.context.clear_cookies()
        log_in(page, url, "admin_league")
        page.goto(url + "/admin")
        expect(page.locator("h1")).to_contain_text("效能监督 · 全盟")
        for hall in ("锡林郭勒盟政务服务中心", "锡林浩特市政务服务中心", "正蓝旗政务服务中心"):
            expect(page.locator("main")).to_contain_text(hall)
        shot(page, "50-league-supervision-per-hall")
    finally:
        page.close()
