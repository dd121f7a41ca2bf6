"""Document camera (高拍仪) driver: the clerk places a sheet and presses "shoot".

Most document cameras are UVC devices (``/dev/video*``) or vendor services returning a
JPEG; either way a ``capture`` callable gives one JPEG frame. Shots are checked and queued
as they are taken, and ``scan()`` streams them until the clerk presses "done", so the
camera feeds intake through the same contract as a feeder.
"""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections.abc import Callable, Iterator

from scanner_drivers._formats import split_pages
from scanner_drivers.base import ScannedPage
from scanner_drivers.errors import Cancelled, DeviceGone

logger = logging.getLogger(__name__)


class DocumentCameraDriver:
    name = "camera"

    def __init__(self, capture: Callable[[], bytes], *, device: str = "camera") -> None:
        self.capture = capture
        self.device = device
        self.id = uuid.uuid4().hex
        self._shots: queue.Queue[tuple[int, bytes, str] | None] = queue.Queue()
        self._count = 0
        self._lock = threading.Lock()
        self._cancelled = threading.Event()

    def shoot(self) -> int:
        """Take one picture now; returns its 1-based number. Bad frames raise at once."""
        data = self.capture()
        pages = split_pages(f"{self.device}#shot", data)  # refuses a broken frame
        with self._lock:
            self._count += 1
            number = self._count
        for page in pages:
            self._shots.put((number, page.data, page.content_type))
        return number

    def finish(self) -> None:
        self._shots.put(None)

    def cancel(self) -> None:
        self._cancelled.set()
        self._shots.put(None)

    def scan(self) -> Iterator[ScannedPage]:
        index = 0
        while True:
            item = self._shots.get()
            if self._cancelled.is_set():
                raise Cancelled(f"scan cancelled after {index} shot(s)", "拍摄已取消")
            if item is None:  # the clerk pressed "done"
                return
            number, data, content_type = item
            name = f"{self.device}#{number}"
            yield ScannedPage(index, data, content_type, name, key=f"camera:{self.id}:{number}")
            index += 1


def opencv_capture(
    device: int | str, *, width: int = 3264, height: int = 2448
) -> Callable[[], bytes]:
    """A capture callable for a UVC document camera (or any source OpenCV opens)."""
    import cv2

    def capture() -> bytes:
        cam = cv2.VideoCapture(device)
        try:
            if not cam.isOpened():
                raise DeviceGone(
                    f"camera {device!r} cannot be opened", "无法打开高拍仪，请检查连接"
                )
            cam.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            cam.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
            ok, frame = cam.read()
            if not ok or frame is None:
                raise DeviceGone(f"camera {device!r} gave no picture", "高拍仪未返回图像，请重试")
            ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])
            if not ok:
                raise DeviceGone("camera picture could not be encoded", "高拍仪图像编码失败")
            return bytes(encoded.tobytes())
        finally:
            cam.release()

    return capture
