"""Line boxes trimmed to their ink (ocr/ink.py)."""

from __future__ import annotations

import numpy as np

from ocr.engine import Line, rect_box
from ocr.ink import trim_to_ink


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
