from __future__ import annotations

from pathlib import Path

import pytest

from ocr import PageReading
from tests.cases.scenario_pages import LIFECYCLE, PageKey, read_all


@pytest.fixture(scope="session")
def scenario_readings(
    request: pytest.FixtureRequest,
) -> dict[PageKey, tuple[bytes, PageReading]]:
    """Each distinct scenario page read once (and kept in pytest's cache between runs)."""
    return read_all(request.getfixturevalue("reading_engine"), _readings_folder(request))


@pytest.fixture(scope="session")
def lifecycle_readings(
    request: pytest.FixtureRequest,
) -> dict[PageKey, tuple[bytes, PageReading]]:
    """The lifecycle machine's pages (13 pages), read once the same way."""
    keys = tuple(k for pages in LIFECYCLE.values() for k in pages)
    return read_all(request.getfixturevalue("reading_engine"), _readings_folder(request), keys)


def _readings_folder(request: pytest.FixtureRequest) -> Path:
    cache = getattr(request.config, "cache", None)  # absent with -p no:cacheprovider
    if cache is not None:
        return Path(cache.mkdir("scenario_readings"))
    # one folder for the session, so the lifecycle machine reuses the scenarios' readings
    base = request.getfixturevalue("tmp_path_factory").getbasetemp()
    folder = Path(base) / "scenario_readings"
    folder.mkdir(exist_ok=True)
    return folder
