from __future__ import annotations

from pathlib import Path

import pytest

from scanner_drivers import HotFolderDriver, ScannerDriver
from tests.scanner_drivers import images


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make(folder: Path, clock: FakeClock) -> HotFolderDriver:
    return HotFolderDriver(folder, quiet_seconds=2.0, broken_after_seconds=30.0, clock=clock)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file())


def test_complete_file_ingested_after_quiet_period(tmp_path: Path, clock: FakeClock) -> None:
    driver = make(tmp_path, clock)
    assert isinstance(driver, ScannerDriver)
    (tmp_path / "scan001.jpg").write_bytes(images.jpeg("one"))
    assert list(driver.scan()) == []  # first sighting starts the quiet period
    clock.advance(2.5)
    pages = list(driver.scan())
    assert [(p.index, p.source, p.content_type) for p in pages] == [
        (0, "scan001.jpg", "image/jpeg")
    ]
    assert pages[0].data == images.jpeg("one")
    assert names(tmp_path / "done") == ["scan001.jpg"]
    assert names(tmp_path) == [] and names(tmp_path / "processing") == []


def test_incomplete_file_waits_until_complete(tmp_path: Path, clock: FakeClock) -> None:
    driver = make(tmp_path, clock)
    data = images.jpeg("slow")
    target = tmp_path / "slow.jpg"
    target.write_bytes(data[: len(data) // 2])  # scanner still writing over SMB
    assert list(driver.scan()) == []
    clock.advance(5)
    assert list(driver.scan()) == []  # quiet, but the JPEG has no end marker yet
    assert names(tmp_path) == ["slow.jpg"]
    target.write_bytes(data)  # the rest arrives
    clock.advance(1)
    assert list(driver.scan()) == []  # size changed: the quiet period restarts
    clock.advance(2.5)
    assert [p.data for p in driver.scan()] == [data]


def test_growing_file_is_not_taken(tmp_path: Path, clock: FakeClock) -> None:
    driver = make(tmp_path, clock)
    data = images.png("growing")
    target = tmp_path / "g.png"
    for cut in (100, 200, 400):
        target.write_bytes(data[:cut])
        assert list(driver.scan()) == []
        clock.advance(1.5)
    target.write_bytes(data)
    clock.advance(0.1)
    assert list(driver.scan()) == []
    clock.advance(2.0)
    assert len(list(driver.scan())) == 1


def test_broken_files_are_quarantined_with_reason(tmp_path: Path, clock: FakeClock) -> None:
    driver = make(tmp_path, clock)
    (tmp_path / "notes.txt").write_bytes(b"not an image")
    (tmp_path / "contract.pdf").write_bytes(images.PDF)
    (tmp_path / "cut.jpg").write_bytes(images.jpeg()[:-100])
    (tmp_path / "good.png").write_bytes(images.png())
    list(driver.scan())
    clock.advance(3)
    pages = list(driver.scan())
    assert [p.source for p in pages] == ["good.png"]
    quarantine = tmp_path / "quarantine"
    assert names(quarantine) == [
        "contract.pdf",
        "contract.pdf.reason.txt",
        "notes.txt",
        "notes.txt.reason.txt",
    ]
    assert "PDF" in (quarantine / "contract.pdf.reason.txt").read_text(encoding="utf-8")
    assert "不是" in (quarantine / "notes.txt.reason.txt").read_text(encoding="utf-8")
    assert names(tmp_path) == ["cut.jpg"]  # truncated: waits for the broken-after period
    clock.advance(30)
    assert list(driver.scan()) == []
    assert "cut.jpg.reason.txt" in names(quarantine)
    assert "incomplete" in (quarantine / "cut.jpg.reason.txt").read_text(encoding="utf-8")


def test_multi_page_tiff_and_order(tmp_path: Path, clock: FakeClock) -> None:
    driver = make(tmp_path, clock)
    (tmp_path / "b.tif").write_bytes(images.tiff(2))
    list(driver.scan())
    clock.advance(3)
    pages = list(driver.scan())
    assert [(p.index, p.source) for p in pages] == [(0, "b.tif#1"), (1, "b.tif#2")]


def test_no_double_ingestion_after_restart(tmp_path: Path, clock: FakeClock) -> None:
    first = make(tmp_path, clock)
    (tmp_path / "a.jpg").write_bytes(images.jpeg("a"))
    (tmp_path / "b.jpg").write_bytes(images.jpeg("b"))
    list(first.scan())
    clock.advance(3)
    assert len(list(first.scan())) == 2
    restarted = make(tmp_path, clock)
    list(restarted.scan())
    clock.advance(3)
    assert list(restarted.scan()) == []
    # a scanner reusing a file name is a new document, and done/ keeps both
    (tmp_path / "a.jpg").write_bytes(images.jpeg("a again"))
    list(restarted.scan())
    clock.advance(3)
    assert [p.data for p in restarted.scan()] == [images.jpeg("a again")]
    assert len(names(tmp_path / "done")) == 3


def test_claimed_but_unconfirmed_page_is_offered_again(tmp_path: Path, clock: FakeClock) -> None:
    """At-least-once: a consumer that dies before asking for more gets the page again."""
    first = make(tmp_path, clock)
    (tmp_path / "a.jpg").write_bytes(images.jpeg("a"))
    list(first.scan())
    clock.advance(3)
    pages = first.scan()
    page = next(pages)
    del pages  # consumer crashed while holding the page
    assert names(tmp_path / "processing") == ["a.jpg"]
    restarted = make(tmp_path, clock)
    again = list(restarted.scan())
    assert [p.data for p in again] == [page.data]
    assert names(tmp_path / "done") == ["a.jpg"]
    assert list(make(tmp_path, clock).scan()) == []


def test_temporary_and_hidden_files_ignored(tmp_path: Path, clock: FakeClock) -> None:
    driver = make(tmp_path, clock)
    (tmp_path / ".~lock.jpg").write_bytes(images.jpeg())
    (tmp_path / "upload.jpg.part").write_bytes(images.jpeg())
    list(driver.scan())
    clock.advance(60)
    assert list(driver.scan()) == []
    assert names(tmp_path / "quarantine") == []
