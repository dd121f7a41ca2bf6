from __future__ import annotations

import pytest

from ocr import PageReading
from tests.cases.scenario_pages import PageKey, read_all


@pytest.fixture(scope="session")
def scenario_readings(
    request: pytest.FixtureRequest,
) -> dict[PageKey, tuple[bytes, PageReading]]:
    """Each distinct scenario page read once (and kept in pytest's cache between runs)."""
    engine = request.getfixturevalue("ocr_engine")
    cache = getattr(request.config, "cache", None)  # absent with -p no:cacheprovider
    if cache is not None:
        folder = cache.mkdir("scenario_readings")
    else:
        folder = request.getfixturevalue("tmp_path_factory").mktemp("scenario_readings")
    return read_all(engine, folder)
