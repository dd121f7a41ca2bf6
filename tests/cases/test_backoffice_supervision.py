"""Supervision figures, CSV and chart; deadline warnings and overdue escalation."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from cases.config import Settings
from cases.db import session_scope
from cases.oversight import supervision
from cases.tasks import deadlines
from tests.cases.backoffice_world import World, accepted_case, open_world, supervision_dataset


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from open_world(tmp_path_factory.mktemp("supervision"))


@pytest.fixture(scope="module")
def numbers(world: World) -> dict[str, str]:
    return supervision_dataset(world)


def test_figures_per_window_department_and_item(
    world: World, numbers: dict[str, str], tmp_path: Path
) -> None:
    with session_scope(world.hall.sessions) as s:
        today = date.today()
        report = supervision.supervise(s, today - timedelta(days=1), today, today=today)
    items = {r.key: r for r in report.by("item")}
    gt, gg, sp = items["SCJG-GT-001"], items["WJ-GG-001"], items["SCJG-SP-002"]
    assert (gt.volume, gt.decided, gt.on_time_rate) == (2, 2, 1.0)
    assert (gt.corrected, gt.repeat_corrected, gt.correction_rate) == (2, 1, 1.0)
    assert gt.satisfaction == 4.0 and gt.ratings == 2
    assert gt.mean_handling_days == 0.0
    assert (gg.volume, gg.decided, gg.overdue_open, gg.late) == (2, 1, 1, 1)
    assert gg.on_time_rate == 0.5
    assert (sp.conditional, sp.converted, sp.conversion_rate) == (1, 0, 0.0)
    depts = {r.key: r for r in report.by("department")}
    assert depts["scjgj"].volume == 3 and depts["wjw"].volume == 2
    (window,) = report.by("window")
    assert window.key == "W01" and window.volume == 5
    assert [o.case_number for o in report.overdue] == [numbers["c"]]
    text = supervision.table(report)
    assert "按时办结率" in text and "卫生健康委员会" in text and numbers["c"] in text
    rows = list(csv.DictReader(io.StringIO(supervision.to_csv(report))))
    gt_row = next(r for r in rows if r["key"] == "SCJG-GT-001")
    assert gt_row["volume"] == "2" and float(gt_row["satisfaction"]) == 4.0
    png = supervision.render_chart(report, tmp_path / "stats.png")
    with Image.open(png) as image:
        assert image.format == "PNG" and image.size == (1500, 520)
        assert len(image.getcolors(1 << 20) or []) > 50  # bars, labels, not a blank canvas


def test_warning_then_escalation_once(world: World) -> None:
    with session_scope(world.hall.sessions) as s:
        case = accepted_case(s, world, "WJ-GG-001", today=date(2026, 9, 1))
        assert case.due_on == date(2026, 9, 29)  # 20 working days, with Sunday 20 Sep worked
        mine = lambda alerts: [a.kind for a in alerts if a.case_number == case.number]  # noqa: E731
        warn = world.hall.settings.deadline_warning_days
        assert warn == 2  # the default
        assert mine(deadlines.scan(s, date(2026, 9, 22), warning_days=warn)) == []  # 4 left
        # 24 Sep: only 28 and 29 Sep are left, the Mid-Autumn holiday 25-27 Sep does not count
        assert mine(deadlines.scan(s, date(2026, 9, 24), warning_days=warn)) == ["warning"]
        assert mine(deadlines.scan(s, date(2026, 9, 28), warning_days=warn)) == []  # warned once
        assert mine(deadlines.scan(s, date(2026, 9, 30), warning_days=warn)) == ["escalation"]
        assert mine(deadlines.scan(s, date(2026, 10, 8), warning_days=warn)) == []  # escalated once
        other = accepted_case(s, world, "WJ-GG-001", today=date(2026, 9, 1))
        deadlines.suspend_clock(s, other, actor="t", reason="补充说明", on=date(2026, 9, 10))
        assert [
            a
            for a in deadlines.scan(s, date(2026, 10, 8), warning_days=warn)
            if a.case_number == other.number
        ] == []


def test_warning_days_are_the_halls_setting(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """ONEWINDOW_DEADLINE_WARNING_DAYS=4: the department is warned four working days ahead."""
    monkeypatch.setenv("ONEWINDOW_DEADLINE_WARNING_DAYS", "4")
    warn = Settings().deadline_warning_days
    assert warn == 4
    with session_scope(world.hall.sessions) as s:
        case = accepted_case(s, world, "WJ-GG-001", today=date(2026, 9, 1))
        assert case.due_on == date(2026, 9, 29)
        alerts = deadlines.scan(s, date(2026, 9, 22), warning_days=warn)  # 23, 24, 28, 29 left
        assert [(a.kind, a.working_days_left) for a in alerts if a.case_number == case.number] == [
            ("warning", 4)
        ]
