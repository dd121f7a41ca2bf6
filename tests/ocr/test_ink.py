"""Line boxes trimmed to their ink (ocr/ink.py), and the reading order they give."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import read_page
from ocr.engine import Line, rect_box
from ocr.ink import trim_to_ink
from ocr.pipeline import reading_order
from ocr.testing import FixedLinesEngine
from tests.ocr.synthetic import box


def _page() -> np.ndarray:
    page = np.full((200, 1000), 255, np.uint8)
    page[60:100, 130:560] = 0  # a line's ink, its box padded 30 px beyond it on each side
    page[60:100, 650:900] = 230  # a faint line: no clear ink
    return page


def test_a_padded_box_is_trimmed_to_its_ink_and_a_margin() -> None:
    padded = Line("四川省成都市青羊区启明大道552号", rect_box(100, 50, 590, 110), 0.99)
    (trimmed,) = trim_to_ink([padded], _page())
    # ink from x 130 to 559; a margin of 0.3 of the 60 px height kept on either side
    assert (trimmed.left, trimmed.right) == (112.0, 577.0)
    assert (trimmed.top, trimmed.bottom) == (50.0, 110.0)
    assert trimmed.text == padded.text and trimmed.confidence == padded.confidence


def test_a_box_is_never_widened_nor_trimmed_without_clear_ink() -> None:
    tight = Line("许可证编号", rect_box(135, 50, 555, 110), 0.9)
    faint = Line("扫一扫", rect_box(620, 50, 930, 110), 0.9)
    assert trim_to_ink([tight, faint], _page()) == [tight, faint]


# A food licence's foot as a scanner app delivers it: the label rows' values on the left
# and the QR code's caption block on the right stand 87 px apart in ink, but the
# detector's boxes run 38 px beyond the ink on either side, so they stand 11 px apart.
LEFT = [
    "申请人住所四川省成都市青羊区",
    "启明大道五百五十二号附一号",
    "经营场所同上联系电话一八零",
    "经营范围餐饮服务小型饭店",
    "有效期至二零三一年十二月三日",
]
RIGHT = [
    "扫描二维码查询本许可证信息",
    "许可证编号JY一五一零一零五",
    "日常监督管理机构青羊区市场",
    "日常监督管理人员王建国李华",
    "投诉举报电话一二三一五热线",
]
PAD = 38  # px the detector's box runs beyond the ink on the left and right


def _two_columns() -> tuple[bytes, list[Line]]:
    """A page image with the two columns' ink, and the engine's padded lines for it."""
    page = np.full((1400, 1654, 3), 255, np.uint8)
    lines = []
    for i, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        for text, x in ((left, 120), (right, 610)):
            ink = np.full_like(page, 255)
            baseline = 240 + 80 * i
            cv2.putText(ink, "HWMNHWMNHWMNHW", (x, baseline), 0, 1.3, (0, 0, 0), 3)
            ys, xs = np.nonzero(ink[:, :, 0] < 128)
            top, bottom = ys.min() - 6, ys.max() + 6
            lines.append(box(text, xs.min() - PAD, top, xs.max() + PAD, bottom))
            page = np.minimum(page, ink)
    ok, png = cv2.imencode(".png", page)
    assert ok
    return png.tobytes(), lines


def test_columns_whose_padded_boxes_nearly_touch_are_read_column_by_column() -> None:
    data, lines = _two_columns()
    right_edge = max(ln.right for ln in lines if ln.text in LEFT)
    left_edge = min(ln.left for ln in lines if ln.text in RIGHT)
    assert 0 < left_edge - right_edge < 16  # the boxes nearly touch: no column gap seen
    _, untrimmed = reading_order(lines)
    assert untrimmed.splitlines() == [a + b for a, b in zip(LEFT, RIGHT, strict=True)]
    reading = read_page(data, FixedLinesEngine(lines))
    assert reading.text.splitlines() == LEFT + RIGHT
    assert [ln.text for ln in reading.lines] == LEFT + RIGHT
