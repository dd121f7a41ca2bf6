from __future__ import annotations

import threading
from pathlib import Path

import pytest

from scanner_drivers import Cancelled, DeviceGone, ScannerDriver, TruncatedPage
from scanner_drivers.camera import DocumentCameraDriver, opencv_capture
from tests.scanner_drivers import images


def test_shots_stream_while_the_clerk_shoots() -> None:
    frames = iter([images.jpeg("one"), images.jpeg("two")])
    camera = DocumentCameraDriver(lambda: next(frames))
    assert isinstance(camera, ScannerDriver)
    received: list[str] = []

    def consume() -> None:
        received.extend(p.source for p in camera.scan())

    reader = threading.Thread(target=consume)
    reader.start()
    assert camera.shoot() == 1
    assert camera.shoot() == 2
    camera.finish()
    reader.join(5)
    assert received == ["camera#1", "camera#2"]


def test_broken_frame_is_refused_at_the_shot() -> None:
    camera = DocumentCameraDriver(lambda: images.jpeg()[:-200])
    with pytest.raises(TruncatedPage):
        camera.shoot()


def test_cancel() -> None:
    camera = DocumentCameraDriver(lambda: images.jpeg())
    camera.shoot()
    camera.cancel()
    with pytest.raises(Cancelled):
        list(camera.scan())


def test_opencv_capture_reads_a_frame(tmp_path: Path) -> None:
    """OpenCV's image-sequence source stands in for /dev/video0 (same VideoCapture API)."""
    (tmp_path / "frame000.jpg").write_bytes(images.jpeg("doc"))
    camera = DocumentCameraDriver(opencv_capture(str(tmp_path / "frame%03d.jpg")))
    camera.shoot()
    camera.finish()
    pages = list(camera.scan())
    assert len(pages) == 1 and pages[0].content_type == "image/jpeg"
    with pytest.raises(DeviceGone):
        opencv_capture(str(tmp_path / "missing%03d.jpg"))()
