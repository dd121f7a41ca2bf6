"""`onewindow stats` prints the supervision table and writes CSV and chart; `onewindow
deadlines` warns and escalates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from api.cli import main
from tests.cases.backoffice_world import open_world, supervision_dataset


def test_stats_and_deadlines_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for world in open_world(tmp_path):
        numbers = supervision_dataset(world)
        monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(world.hall.settings.data_dir))
        monkeypatch.setenv("ONEWINDOW_CATALOG_DIR", str(world.hall.settings.catalog_dir))
    today = date.today().isoformat()
    chart, table_csv = tmp_path / "out" / "stats.png", tmp_path / "stats.csv"
    code = main(
        ["stats", "--from", today, "--to", today, "--chart", str(chart), "--csv", str(table_csv)]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "办件量" in out and "按时办结率" in out and "综合受理窗口一号" in out
    assert "个体工商户设立登记" in out and numbers["c"] in out  # the overdue case is listed
    assert table_csv.read_text("utf-8").startswith("dimension,key,name,volume")
    with Image.open(chart) as image:
        assert image.format == "PNG"
    assert main(["deadlines", "--today", today]) == 0
    out = capsys.readouterr().out
    assert "超期督办" in out and numbers["c"] in out
