"""Line boxes trimmed to the ink they hold.

The detector pads each line's box by a share of its height, and how much varies with the
capture: on a scanner app's output (paper thresholded to white, strokes over-sharpened) a
food licence's longest value and the licence number beside the QR code came 16 px apart
in their boxes, 56 px apart in ink, so no column gap was seen between them and the QR
block was read between the rows. Reading order measures gaps between the boxes trimmed
to their ink, each keeping a fixed margin (`MARGIN` of its height) on either side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import cv2
import numpy as np

from ocr.engine import Line, rect_box

MARGIN = 0.3  # of the line's height, kept beyond its ink on either side
MIN_CONTRAST = 60.0  # grey levels between a box's darkest point and its paper


def trim_to_ink(lines: Sequence[Line], image: np.ndarray) -> list[Line]:
    """`lines` with their boxes' left and right edges brought in to their ink plus the
    margin (never moved out); a box without clear ink (too faint to tell) is kept."""
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    out: list[Line] = []
    for line in lines:
        x0, x1 = max(0, int(line.left)), min(w, int(line.right) + 1)
        y0, y1 = max(0, int(line.top)), min(h, int(line.bottom) + 1)
        crop = gray[y0:y1, x0:x1]
        if crop.size == 0:
            out.append(line)
            continue
        dark, paper = float(crop.min()), float(np.percentile(crop, 95))
        if paper - dark < MIN_CONTRAST:
            out.append(line)
            continue
        columns = np.flatnonzero((crop < (dark + paper) / 2.0).any(axis=0))
        margin = MARGIN * (line.bottom - line.top)
        left = max(line.left, x0 + float(columns[0]) - margin)
        right = min(line.right, x0 + float(columns[-1]) + margin)
        if (left, right) == (line.left, line.right):
            out.append(line)
            continue
        out.append(replace(line, box=rect_box(left, line.top, right, line.bottom)))
    return out
