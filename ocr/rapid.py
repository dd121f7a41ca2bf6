"""RapidOCR (PP-OCRv6 small, ONNX Runtime) behind the `Engine` contract.

Measured on this hardware (see FACTS.md): the 180° line classifier drops lines under
seals, so it is off; the detector's long side is capped at 1280 px, which roughly halves
the time for a small accuracy cost; bench/ocr chose 960 px (as accurate as 1280 on the
corpus, and faster), then 736 px once short lines stopped being padded to 320 px wide
(bench: 2.33 → 2.90 pages/s, strict CER 2.1% → 2.0%; 640 px is faster still but worse on
office copies, also with wider boxes: copies 3.5% → 3.9-4.3%). Detected boxes are grown
by 2.3 instead of 1.6 (more accurate and faster, see `unclip_ratio`). The recogniser's
cost is linear in a line's width at 48 px high (about 0.035 ms a column on one core),
so what makes lines shorter makes reading faster. Each page is detected and recognised
once: the line classifier
decides the page's orientation by a vote before recognition (`recognise_upright`), so an
upside-down page is not read twice.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Any

import cv2
import numpy as np

from ocr.engine import Box, Engine, Line, lines_from_polygons
from ocr.errors import EngineFailed, EngineUnavailable
from ocr.preprocess import as_gray, percentiles

log = logging.getLogger(__name__)


class RapidOcrEngine(Engine):
    """Loads the model lazily, once, on first use (thread-safe)."""

    name = "rapidocr-ppocrv6-small"

    def __init__(
        self,
        *,
        det_limit_side_len: int = 736,
        use_cls: bool = False,
        threads: int | None = None,
        rec_batch: int = 1,
        rec_min_width: int = 96,
        unclip_ratio: float = 2.3,
    ) -> None:
        self._params: dict[str, Any] = {
            "Global.use_cls": use_cls,
            "Global.log_level": "error",
            "Det.limit_type": "max",
            "Det.limit_side_len": det_limit_side_len,
            # how far each detected text kernel is grown into its line box (RapidOCR: 1.6).
            # Wider margins give the recogniser more context above and below the
            # characters, and a shorter input once scaled to 48 px high: on three
            # generated corpora (seeds 1-3) strict CER 2.10/1.96/1.86% -> 1.65/1.66/1.51%
            # and 6-9% faster; 3.0 starts reading neighbouring lines into the crop
            "Det.unclip_ratio": unclip_ratio,
            # RapidOCR turns ONNX Runtime's memory arena off; on, pages are read ~20%
            # faster (no allocation per recogniser batch) for a bounded amount of memory
            "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
            # lines one at a time: a batch is padded to its widest line, and on one thread
            # that padding costs more than batching saves (bench: ~10% faster recognition)
            "Rec.rec_batch_num": rec_batch,
            # RapidOCR pads every line to at least 320 px wide (48 px high); most lines on
            # forms are short labels and values, so that padding was most of the work.
            # Padded only to `rec_min_width`, recognition is ~23% faster, as accurate
            "Rec.rec_img_shape": [3, 48, rec_min_width],
        }
        if threads is not None:
            self._params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
            self._params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
        self._use_cls = use_cls
        self._ocr: Any = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @classmethod
    def with_params(cls, params: dict[str, Any], name: str) -> RapidOcrEngine:
        """An engine with raw RapidOCR parameters (for benchmarks against its defaults)."""
        engine = cls()
        engine._params = {"Global.log_level": "error", **params}
        engine.name = name
        return engine

    def load(self) -> None:
        """Load the models now (otherwise the first page pays for it)."""
        if self._ocr is not None:
            return
        with self._load_lock:
            if self._ocr is not None:
                return
            try:
                from rapidocr import RapidOCR

                ocr = RapidOCR(params=dict(self._params))
                logging.getLogger("RapidOCR").setLevel(logging.ERROR)
                # the detector and recogniser load lazily too; load them now, under our lock
                ocr._load_det_model()
                ocr._load_rec_model()
                ocr._load_cls_model()  # small; votes on the page's orientation
            except Exception as e:
                log.error("could not load RapidOCR: %s", type(e).__name__)
                raise EngineUnavailable(
                    f"the OCR engine could not be loaded ({type(e).__name__}: {e}); "
                    "tell the administrator (reinstall rapidocr and onnxruntime)",
                    "文字识别引擎无法加载,请联系管理员(重新安装 rapidocr 与 onnxruntime)",
                ) from e
            self._ocr = ocr
            log.info("loaded %s", self.name)

    def recognise(self, image: np.ndarray) -> list[Line]:
        self.load()
        try:
            with self._run_lock:
                result = self._ocr(image)
        except Exception as e:
            raise _failed(e) from e
        boxes = getattr(result, "boxes", None)
        txts = getattr(result, "txts", None)
        scores = getattr(result, "scores", None)
        if boxes is None or txts is None or scores is None:
            return []
        return lines_from_polygons(boxes, txts, scores)

    def char_choices(
        self, image: np.ndarray, box: Box, best: int
    ) -> list[tuple[tuple[str, float], ...]] | None:
        """The line in `box` read padded to `SHORT_PAD_PX`, with the `best` likeliest
        characters where the greedy reading of the recogniser's output emits one."""
        self.load()
        try:
            with self._run_lock:
                rec = self._ocr._load_rec_model()
                crop = self._ocr.crop_text_regions(image, np.asarray([box], np.float32))[0]
                if crop.size == 0:
                    return None
                ratio = max(SHORT_PAD_PX / 48.0, crop.shape[1] / crop.shape[0])
                norm = rec.resize_norm_img(crop, ratio)[np.newaxis].astype(np.float32)
                probs = np.asarray(rec.session(norm))[0]
                charset = rec.postprocess_op.character
        except Exception as e:
            raise _failed(e) from e
        out: list[tuple[tuple[str, float], ...]] = []
        previous = -1
        for step in probs:
            k = int(step.argmax())
            if k != 0 and k != previous:  # (0 is CTC's blank)
                order = np.argsort(step)[::-1][: best + 1]
                out.append(tuple((charset[j], float(step[j])) for j in order if j != 0)[:best])
            previous = k
        return out

    def recognise_upright(self, image: np.ndarray) -> tuple[list[Line], float]:
        """Lines of the page read the right way up, in one detection and one recognition.

        The page's orientation is a vote of the 180° line classifier over the detected
        lines (each vote weighted by the line's length), taken before recognition; when
        the page is upside down, the crops are turned and the boxes are returned in the
        coordinates of the image turned by 180°. Returns the lines and the share of the
        vote for "upside down" (0..1).
        """
        self.load()
        try:
            with self._run_lock:
                lines, upside_down = self._read_upright(image)
        except Exception as e:
            raise _failed(e) from e
        return lines, upside_down

    def _read_upright(self, image: np.ndarray) -> tuple[list[Line], float]:
        from rapidocr.utils.process_img import apply_vertical_padding, map_boxes_to_original

        ocr = self._ocr
        img, op_record = ocr.preprocess_img(image)
        det_model = ocr._load_det_model()
        if ocr.cfg.Global.use_vertical_padding:
            img, op_record = apply_vertical_padding(
                img, op_record, ocr.width_height_ratio, ocr.min_height
            )
        else:
            op_record["padding_1"] = {"top": 0, "left": 0}
        det_res = det_model(img)
        if det_res.boxes is None or len(det_res.boxes) == 0:
            return [], 0.0
        det_boxes = _split_tall(img, _redetect_crowded(det_model, img, det_res.boxes))
        # the recogniser reads each box parted from the boxes stacked on it; the boxes
        # themselves, which the page's layout is read from, stay as the detector drew them
        crops = ocr.crop_text_regions(img, _trim_stacked(det_boxes))
        upside_down = self._vote_upside_down(crops)
        if upside_down > 0.5:
            crops = [cv2.rotate(c, cv2.ROTATE_180) for c in crops]
        rec_res = ocr.recognize_txt(crops)
        txts, scores = _reread_narrow(
            ocr, crops, list(rec_res.txts or ()), list(rec_res.scores or ())
        )
        txts, scores = _reread_short(ocr, crops, txts, scores)
        txts, scores = _without_mirrored(ocr, crops, txts, scores)
        min_score = float(ocr.cfg.Global.text_score)
        if upside_down <= 0.5:
            det_boxes, txts, scores = _part_solid(ocr, img, det_boxes, txts, scores)
            # (a box read as nothing sure hides no line: the line under a mark is in it)
            read = [i for i, s in enumerate(scores) if s >= min_score and txts[i].strip()]
            det_boxes = np.asarray(det_boxes, np.float32)
            extra, more, sure = _dark_lines(ocr, det_model, img, det_boxes[read])
            if len(extra):
                det_boxes = np.concatenate([det_boxes, extra])
                txts, scores = txts + more, scores + sure
        h, w = image.shape[:2]
        boxes = map_boxes_to_original(det_boxes, op_record, h, w)
        lines = [
            line
            for line in lines_from_polygons(boxes, txts, scores)
            if line.confidence >= min_score
        ]
        if upside_down > 0.5:
            lines = [_turn_line(line, w, h) for line in lines]
        return lines, upside_down

    def _vote_upside_down(self, crops: list[np.ndarray], sample: int = 24) -> float:
        """Share (by text length) of the `sample` longest lines the classifier reads as
        turned by 180°; a few lines under a seal that it gets wrong are outvoted."""
        widths = [(c.shape[1] / max(1, c.shape[0]), i) for i, c in enumerate(crops)]
        chosen = [i for ratio, i in sorted(widths, reverse=True)[:sample] if ratio >= 1.5]
        if not chosen:
            return 0.0
        out = self._ocr.text_cls([crops[i] for i in chosen])
        total = flipped = 0.0
        for i, (label, score) in zip(chosen, out.cls_res, strict=True):
            weight = min(8.0, crops[i].shape[1] / max(1, crops[i].shape[0]))
            total += weight
            if "180" in str(label):
                flipped += weight * float(score)
            else:
                flipped += weight * (1.0 - float(score))
        return flipped / total if total else 0.0


# The recogniser reads a line scaled to 48 px high and emits one symbol per 8 px of its
# width; a character narrower than about two of those steps cannot be told from its twin
# beside it (CTC merges repeats), so "17718000675" comes out "771800065". Digits and
# letters of a condensed face in a box padded above and below are that narrow. A line
# with a run of six letters or digits (a phone, an ID number, a code: the fields a lost
# figure breaks) whose characters (a Chinese one counted as two) are narrower than
# NARROW_PX once scaled is read again stretched to WIDE_PX a character, and the surer
# reading kept.
NARROW_PX = 15.0
WIDE_PX = 24.0
_CODE = re.compile(r"[0-9A-Za-z]{6}")  # a number or code of a field: where repeats matter


# The detector sees the page shrunk to `det_limit_side_len`: lines set with no leading
# (a licence's business scope, fine print) run together there, and their boxes come out
# stacked, each overlapping the next by much of its height, or one box over two lines;
# the recogniser then reads a strip cut across two lines. Where boxes stand stacked like
# that (`_stacked_pairs`), their region is detected again at the image's own resolution,
# and its boxes are taken when they stand clear of each other; boxes still stacked are
# parted at the middle between them for the recogniser (`_trim_stacked`).
CROWDED_OVERLAP = 0.4
CROWDED_APART = 0.3
CROWDED_MAX_REGIONS = 8


def _rects(boxes: np.ndarray) -> np.ndarray:
    return np.stack(
        [
            boxes[:, :, 0].min(1),
            boxes[:, :, 1].min(1),
            boxes[:, :, 0].max(1),
            boxes[:, :, 1].max(1),
        ],
        axis=1,
    )


def _stacked_pairs(rects: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of boxes (left, top, right, bottom) standing stacked: overlapping across by
    half the narrower's width, down by CROWDED_OVERLAP of the height, their
    middles apart by CROWDED_APART of it (heights: the shorter box's)."""
    x0, y0, x1, y1 = (rects[:, k] for k in range(4))
    across = np.minimum(x1[:, None], x1[None]) - np.maximum(x0[:, None], x0[None])
    down = np.minimum(y1[:, None], y1[None]) - np.maximum(y0[:, None], y0[None])
    width = np.minimum((x1 - x0)[:, None], (x1 - x0)[None])
    height = np.minimum((y1 - y0)[:, None], (y1 - y0)[None])
    apart = np.abs((y0 + y1)[:, None] - (y0 + y1)[None]) / 2
    stacked = (
        (across > 0.5 * width)
        & (down > CROWDED_OVERLAP * height)
        & (apart > CROWDED_APART * height)
    )
    a, b = np.nonzero(np.triu(stacked, 1))
    return list(zip(a.tolist(), b.tolist(), strict=True))


def _redetect_crowded(det_model: Any, img: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """`boxes` with each region of stacked boxes detected again at full resolution."""
    boxes = np.asarray(boxes, dtype=np.float32)
    rects = _rects(boxes)
    pairs = _stacked_pairs(rects)
    if not pairs:
        return boxes
    group = list(range(len(boxes)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for a, b in pairs:
        group[root(a)] = root(b)
    members: dict[int, list[int]] = {}
    for i in {i for pair in pairs for i in pair}:
        members.setdefault(root(i), []).append(i)
    h, w = img.shape[:2]
    keep = np.ones(len(boxes), dtype=bool)
    found: list[np.ndarray] = []
    limit = det_model.limit_side_len
    try:
        for idx in list(members.values())[:CROWDED_MAX_REGIONS]:
            x0, y0 = rects[idx, 0].min(), rects[idx, 1].min()
            x1, y1 = rects[idx, 2].max(), rects[idx, 3].max()
            pad = 0.5 * float(np.median(rects[idx, 3] - rects[idx, 1]))
            cx0, cy0 = max(0, int(x0 - pad)), max(0, int(y0 - pad))
            cx1, cy1 = min(w, int(x1 + pad) + 1), min(h, int(y1 + pad) + 1)
            crop = img[cy0:cy1, cx0:cx1]
            det_model.limit_side_len = max(crop.shape[:2])
            again = det_model(np.ascontiguousarray(crop)).boxes
            if again is None or len(again) <= len(idx):
                continue
            again = np.asarray(again, dtype=np.float32) + np.array([cx0, cy0], np.float32)
            centres = again.mean(axis=1)
            inside = (
                (centres[:, 0] >= x0)
                & (centres[:, 0] <= x1)
                & (centres[:, 1] >= y0)
                & (centres[:, 1] <= y1)
            )
            again = again[inside]
            if len(again) <= len(idx) or _stacked_pairs(_rects(again)):
                continue
            keep[idx] = False
            found.append(again)
    finally:
        det_model.limit_side_len = limit
    if not found:
        return boxes
    return np.concatenate([boxes[keep], *found])


# A light mark printed or stamped across dark print (a copy's "仅供……使用，他用无效"
# written aslant over an ID card, the residue of a seal taken out in red, a form's tint)
# can hide a whole line of it from the detector, which sees the page shrunk: the line
# is in no box. Where dark ink (darker than DARK_SHARE of the way from the page's ink to
# its paper) shaped like a line of text stands outside every box, the page is detected
# again with everything lighter turned to paper; its boxes clear of the first ones
# (overlapping none by more than DARK_OVERLAP of their area) are read in that image and
# kept when read at least DARK_SURE.
DARK_SHARE = 0.4
DARK_OVERLAP = 0.3
DARK_SURE = 0.8
DARK_STROKES = 0.06  # least share of a line's box its strokes cover


def _dark_lines(
    ocr: Any, det_model: Any, img: np.ndarray, boxes: np.ndarray
) -> tuple[np.ndarray, list[str], list[float]]:
    """Boxes, texts and scores of the lines only the page's dark ink shows."""
    none: tuple[np.ndarray, list[str], list[float]] = (np.zeros((0, 4, 2), np.float32), [], [])
    gray = as_gray(img)
    ink, paper = percentiles(gray, (0.1, 50))  # (print covers a page's least share)
    dark = gray < ink + DARK_SHARE * (paper - ink)
    rects = _rects(np.asarray(boxes, np.float32))
    if not _uncovered_text(dark, rects):
        return none
    cleaned = img.copy()
    cleaned[~dark] = np.uint8(paper)
    found = det_model(cleaned).boxes
    if found is None or len(found) == 0:
        return none
    found = np.asarray(found, np.float32)
    new = _rects(found)
    x0 = np.maximum(new[:, None, 0], rects[None, :, 0])
    y0 = np.maximum(new[:, None, 1], rects[None, :, 1])
    x1 = np.minimum(new[:, None, 2], rects[None, :, 2])
    y1 = np.minimum(new[:, None, 3], rects[None, :, 3])
    shared = np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)
    area = np.maximum((new[:, 2] - new[:, 0]) * (new[:, 3] - new[:, 1]), 1.0)
    clear = (shared / area[:, None]).max(axis=1, initial=0.0) < DARK_OVERLAP
    if not clear.any():
        return none
    found = found[clear]
    read = ocr.recognize_txt(ocr.crop_text_regions(cleaned, found))
    keep = [i for i, score in enumerate(read.scores or ()) if float(score) >= DARK_SURE]
    return (
        found[keep],
        [str(read.txts[i]) for i in keep],
        [float(read.scores[i]) for i in keep],
    )


def _uncovered_text(dark: np.ndarray, rects: np.ndarray) -> bool:
    """Dark ink outside every box in a blob of a text line's height and at least two
    characters long (rules, a QR code's block and specks are none)."""
    if len(rects) == 0:
        return False
    height = float(np.median(rects[:, 3] - rects[:, 1]))
    mask = dark.astype(np.uint8)
    for x0, y0, x1, y1 in rects.astype(int):
        mask[max(0, y0) : y1 + 1, max(0, x0) : x1 + 1] = 0
    long = max(15, int(3 * height))
    across = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((1, long), np.uint8))
    down = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((long, 1), np.uint8))
    mask[(across > 0) | (down > 0)] = 0
    # (thin strokes of a faint copy part into specks: joined a little down, more across)
    joined = cv2.dilate(mask, np.ones((max(3, int(height / 6)), max(3, int(height / 3))), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined)
    h, w = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    # the share of its box the ink itself covers: strokes, not a photo's or a QR's block
    ink = np.bincount(labels[mask > 0], minlength=count)[1:]
    fill = ink / np.maximum(h * w, 1)
    # (specks of toner or of a fax, joined, cover a few hundredths of their box)
    line = (h > 0.3 * height) & (h < 1.2 * height) & (w > 1.5 * height)
    line &= (fill > DARK_STROKES) & (fill < 0.6)
    return bool(line.any())


# A box stacked on others and more than TALL_LINES lines high, that detecting its region
# again at full resolution did not part (a business scope set solid on a black-and-white
# scan), holds several lines: the recogniser reads such a strip as noise. It is cut where
# rows of the page across it hold next to no ink (under GAP_INK of its inkiest row's), and
# its lines no other box holds (no box beside it has its middle in them) are boxes of
# their own, each from the middle of the gap above it to the middle of the gap below.
TALL_LINES = 1.8
GAP_INK = 0.08


def _split_tall(img: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """`boxes` with each tall stacked box replaced by its lines no other box holds."""
    boxes = np.asarray(boxes, np.float32)
    rects = _rects(boxes)
    stacked = {i for pair in _stacked_pairs(rects) for i in pair}
    height = float(np.median(rects[:, 3] - rects[:, 1]))
    tall = [i for i in stacked if rects[i, 3] - rects[i, 1] > TALL_LINES * height]
    if not tall:
        return boxes
    dark = _dark(as_gray(img))
    keep = np.ones(len(boxes), bool)
    found: list[np.ndarray] = []
    for i in tall:
        x0, y0, x1, y1 = (int(v) for v in np.rint(rects[i]))
        rows = dark[max(0, y0) : y1, max(0, x0) : x1].sum(axis=1).astype(np.float32)
        if rows.size == 0 or rows.max() == 0:
            continue
        inked = np.flatnonzero(rows > GAP_INK * rows.max())
        # runs of inked rows, each a line when at least half as high as the highest
        breaks = np.flatnonzero(np.diff(inked) > 1)
        starts = np.r_[inked[0], inked[breaks + 1]] + max(0, y0)
        ends = np.r_[inked[breaks], inked[-1]] + 1 + max(0, y0)
        highest = float((ends - starts).max())
        runs = [(a, b) for a, b in zip(starts, ends, strict=True) if b - a >= 0.5 * highest]
        if len(runs) < 2:
            continue
        keep[i] = False
        others = np.delete(rects, i, axis=0)
        middles = (others[:, 1] + others[:, 3]) / 2.0
        beside = (others[:, 0] < x1) & (others[:, 2] > x0)
        for k, (a, b) in enumerate(runs):
            if (beside & (middles >= a) & (middles <= b)).any():
                continue  # a line another box holds
            top = (runs[k - 1][1] + a) / 2.0 if k else a - 0.5 * (b - a)
            bottom = (b + runs[k + 1][0]) / 2.0 if k + 1 < len(runs) else b + 0.5 * (b - a)
            found.append(
                np.array([[x0, top], [x1, top], [x1, bottom], [x0, bottom]], np.float32)[None]
            )
    if keep.all():
        return boxes
    return np.concatenate([boxes[keep], *found]) if found else boxes[keep]


# A box over lines set solid that the detector took for one (prose with no leading on a
# phone photo): its ink fills it (FULL_INK of its height) and stands TWO_LINES times as
# high as the ink of the page's lines, over a line's length (LONG_LINE of those heights).
# The recogniser would read one of its lines. It is followed out to the leading around it
# (SOLID_REACH) and cut into as many lines as its ink's height holds, each cut at the
# lightest row near where the pitch puts it (in a valley under VALLEY of the lines' ink);
# no line shorter than SOLID_LINE; rows of a rule across it (RULE_ROW of its width) hold no
# ink. Each line is followed out to its own end (`_line_ends`), and the parted reading is
# taken on the terms of `_part_solid`.
FULL_INK = 0.68
TWO_LINES = 1.5
LONG_LINE = 8.0
SOLID_REACH = 0.6
SOLID_LINE = 0.6
SOLID_GAP = 1.0
INK_SHARE = 0.4
VALLEY = 0.5
SOLID_MORE = 1.5
ALIKE = 0.5
SOLID_SURE = 0.9
RULE_ROW = 0.6


def _dark(gray: np.ndarray) -> np.ndarray:
    ink, paper = percentiles(gray, (0.1, 50))
    return gray < (ink + paper) / 2.0


def _ink_rows(dark: np.ndarray, rect: np.ndarray) -> tuple[np.ndarray, int]:
    """The count of ink pixels in each row of the box (left, top, right, bottom), rows of
    a rule or an underline across it (RULE_ROW of its width) counted empty, and the row it
    starts at."""
    x0, y0, x1, y1 = (int(v) for v in np.rint(rect))
    rows = dark[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)].sum(axis=1)
    rows[rows >= RULE_ROW * max(1, x1 - x0)] = 0
    return rows, max(0, y0)


def _span(rows: np.ndarray) -> tuple[int, int]:
    """First and past-last row with ink across more than GAP_INK of the inkiest row's."""
    if rows.size == 0 or rows.max() == 0:
        return 0, 0
    inked = np.flatnonzero(rows > GAP_INK * rows.max())
    return int(inked[0]), int(inked[-1]) + 1


def _line_ends(
    gray: np.ndarray, others: np.ndarray, rect: np.ndarray, cuts: list[int], usual: float
) -> list[tuple[float, float]]:
    """Where each line of a box over lines set solid (`rect`, its lines between the rows
    `cuts`) ends on each side. The detector's box spans where the lines lie over each
    other; a longer line's ink is followed out across gaps of less than a character's
    height (SOLID_GAP of `usual`), up to a rule or another box beside it, and is that
    line's only when its ink lies nearer its own rows than any other line's (the tail of
    a line above on a curled sheet dips into the rows of the line below)."""
    w = gray.shape[1]
    x0, x1 = int(rect[0]), int(rect[2])
    gap = max(2, int(SOLID_GAP * usual))
    # ink against the paper around it: the lines may run on into shade or light
    strip = gray[cuts[0] : cuts[-1]]
    paper = cv2.dilate(strip, np.ones((1, 2 * gap + 1), np.uint8)).astype(np.int16)
    depth = paper - strip
    ink = depth > INK_SHARE * float(np.percentile(depth[:, x0:x1], 99))
    middles = [(a + b) / 2 - cuts[0] for a, b in pairwise(cuts)]
    rows = np.arange(len(strip), dtype=np.float32)[:, None]
    rule = ink.sum(axis=0) >= 0.9 * len(strip)  # down all the lines: no stroke of one
    ends = []
    for k, (top, bottom) in enumerate(pairwise(cuts)):
        beside = np.minimum(others[:, 3], bottom) - np.maximum(others[:, 1], top) > 0.5 * (
            bottom - top
        )
        cols = ink[top - cuts[0] : bottom - cuts[0]].sum(axis=0)

        def follow(x: int, step: int, stop: float, cols: np.ndarray = cols) -> int:
            end, blank = x, 0
            while 0 <= x < w and (x - stop) * step < 0 and not rule[x] and blank <= gap:
                end, blank = (x, 0) if cols[x] else (end, blank + 1)
                x += step
            return end

        def own(lo: int, hi: int, k: int = k) -> bool:
            """The ink between columns `lo` and `hi` lies nearest this line's rows."""
            part = ink[:, lo:hi]
            if not part.any():
                return True
            centre = float((rows * part).sum() / part.sum())
            return int(np.argmin([abs(centre - m) for m in middles])) == k

        left = follow(x0, -1, max([-1, *others[beside & (others[:, 2] <= x0 + 1), 2]]))
        right = follow(x1 - 1, 1, min([w, *others[beside & (others[:, 0] >= x1 - 1), 0]])) + 1
        ends.append((float(left if own(left, x0) else x0), float(right if own(x1, right) else x1)))
    return ends


def _solid_parts(img: np.ndarray, boxes: np.ndarray) -> dict[int, np.ndarray]:
    """The boxes that may lie over lines set solid, each with the boxes of its lines."""
    rects = _rects(np.asarray(boxes, np.float32))
    parts: dict[int, np.ndarray] = {}
    if len(rects) < 3:
        return parts
    gray = as_gray(img)
    dark = _dark(gray)
    spans = np.array([b - a for a, b in (_span(_ink_rows(dark, r)[0]) for r in rects)], float)
    heights = rects[:, 3] - rects[:, 1]
    lines = spans[rects[:, 2] - rects[:, 0] >= LONG_LINE * heights]
    usual = float(np.median(lines)) if len(lines) else 0.0
    if usual <= 0:
        return parts
    solid = (
        (spans >= FULL_INK * heights)
        & (spans >= TWO_LINES * usual)
        & (rects[:, 2] - rects[:, 0] >= LONG_LINE * usual)
    )
    reach = int(SOLID_REACH * usual)
    for i in np.flatnonzero(solid):
        x0, y0, x1, y1 = rects[i]
        # the lines cut by the box's edges, followed out to the leading around them
        rows, top = _ink_rows(dark, np.array([x0, y0 - reach, x1, y1 + reach]))
        inside = rows[int(y0) - top : int(y1) - top]
        first, last = (v + int(y0) - top for v in _span(inside))
        limit = GAP_INK * inside.max()
        while first > 0 and rows[first - 1] > limit:
            first -= 1
        while last < rows.size and rows[last] > limit:
            last += 1
        n = round((last - first) / usual)
        if n < 2:
            continue
        pitch = (last - first) / n
        smooth = np.convolve(rows.astype(float), np.ones(3) / 3, mode="same")
        cuts = [first]
        for k in range(1, n):
            a, b = int(first + (k - 0.3) * pitch), int(first + (k + 0.3) * pitch)
            cuts.append(a + int(np.argmin(smooth[a:b])))
        cuts.append(last)
        if min(np.diff(cuts)) < SOLID_LINE * usual:
            continue
        # each cut in a valley between the lines' ink
        bands = [smooth[a:b].max() for a, b in pairwise(cuts)]
        valleys = [smooth[c] for c in cuts[1:-1]]
        if any(v > VALLEY * min(bands[k], bands[k + 1]) for k, v in enumerate(valleys)):
            continue
        cuts = [top + c for c in cuts]
        # a line another box holds (over half the line's rows) is that box's: the box
        # reaches over a line set close, not over lines set solid
        others = np.delete(rects, i, axis=0)
        above = others[(others[:, 0] < x1) & (others[:, 2] > x0)]
        if any(
            (np.minimum(above[:, 3], b) - np.maximum(above[:, 1], a) > 0.5 * (b - a)).any()
            for a, b in pairwise(cuts)
        ):
            continue
        margin = (heights[i] - spans[i]) / 2 if heights[i] > spans[i] else 0.2 * usual
        ends = _line_ends(gray, others, rects[i], cuts, usual)
        corners = []
        for k, (left, right) in enumerate(ends):
            upper = cuts[k] - (margin if k == 0 else 0)
            lower = cuts[k + 1] + (margin if k == n - 1 else 0)
            corners.append([[left, upper], [right, upper], [right, lower], [left, lower]])
        parts[int(i)] = np.array(corners, np.float32)
    return parts


def _alike(a: str, b: str) -> bool:
    """Two readings of one line: most of their characters in common, in order."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= ALIKE


def _part_solid(
    ocr: Any, img: np.ndarray, boxes: np.ndarray, txts: list[str], scores: list[float]
) -> tuple[np.ndarray, list[str], list[float]]:
    """Boxes, texts and scores with each box over lines set solid parted into its lines,
    where reading the lines apart finds SOLID_MORE times the text read in the box (a box
    over two lines reads as one of them; a row of check boxes or a label over a rule
    parted reads no more than it did whole), each line read at least SOLID_SURE and
    lines next to each other alike in no more than ALIKE of their characters (the top
    and bottom halves of one line set large each read as the whole line, or as little
    sure)."""
    parts = _solid_parts(img, boxes)
    if not parts:
        return boxes, txts, scores
    found = np.concatenate(list(parts.values()))
    read = ocr.recognize_txt(ocr.crop_text_regions(img, found))
    part_txts, part_scores = list(read.txts or ()), [float(v) for v in read.scores or ()]
    keep = np.ones(len(boxes), bool)
    new_boxes: list[np.ndarray] = []
    at = 0
    for i, lines in parts.items():
        texts = part_txts[at : at + len(lines)]
        sure = part_scores[at : at + len(lines)]
        at += len(lines)
        whole = len(txts[i].strip()) * scores[i]
        if sum(len(t.strip()) * v for t, v in zip(texts, sure, strict=True)) < SOLID_MORE * whole:
            continue
        if any(_alike(a, b) for a, b in pairwise(texts)) or any(
            v < SOLID_SURE for t, v in zip(texts, sure, strict=True) if t.strip()
        ):
            continue  # the halves of one line, each read as all of it, or unsurely
        keep[i] = False
        new_boxes.append(lines)
        txts, scores = txts + texts, scores + sure
    if keep.all():
        return boxes, txts, scores
    kept = [k for k in range(len(boxes)) if keep[k]] + list(range(len(boxes), len(txts)))
    return (
        np.concatenate([np.asarray(boxes, np.float32)[keep], *new_boxes]),
        [txts[k] for k in kept],
        [scores[k] for k in kept],
    )


def _trim_stacked(boxes: np.ndarray) -> np.ndarray:
    """`boxes` with each pair still stacked parted at the middle between their centres:
    grown into its neighbours, a box would give the recogniser a strip of two lines."""
    rects = _rects(boxes)
    pairs = _stacked_pairs(rects)
    if not pairs:
        return boxes
    boxes = boxes.copy()
    for a, b in pairs:
        upper, lower = (a, b) if rects[a, 1] + rects[a, 3] < rects[b, 1] + rects[b, 3] else (b, a)
        middle = (rects[upper, 1] + rects[upper, 3] + rects[lower, 1] + rects[lower, 3]) / 4
        # corners clockwise from the top left: the upper box's bottom, the lower's top
        boxes[upper, 2:, 1] = np.minimum(boxes[upper, 2:, 1], middle)
        boxes[lower, :2, 1] = np.maximum(boxes[lower, :2, 1], middle)
    return boxes


def _units(text: str) -> int:
    return sum(2 if "\u3400" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def _reread_narrow(
    ocr: Any, crops: list[np.ndarray], txts: list[str], scores: list[float]
) -> tuple[list[str], list[float]]:
    """`txts` and `scores` with the lines read too narrow (`NARROW_PX`) read again
    stretched, where the stretched reading is the surer."""
    redo: list[int] = []
    stretched: list[np.ndarray] = []
    for i, (crop, text) in enumerate(zip(crops, txts, strict=True)):
        units = _units(text.strip())
        if units == 0 or crop.shape[0] == 0 or not _CODE.search(text):
            continue
        per_unit = crop.shape[1] * 48.0 / crop.shape[0] / units
        if per_unit < NARROW_PX:
            factor = min(3.0, WIDE_PX / per_unit)
            size = (round(crop.shape[1] * factor), crop.shape[0])
            stretched.append(cv2.resize(crop, size, interpolation=cv2.INTER_CUBIC))
            redo.append(i)
    if not redo:
        return txts, scores
    return _surer(txts, scores, redo, ocr.recognize_txt(stretched))


def _surer(
    txts: list[str], scores: list[float], redo: list[int], again: Any
) -> tuple[list[str], list[float]]:
    """`txts` and `scores` with line `redo[k]` read as `again`'s k-th reading where that
    reading is the surer."""
    txts, scores = list(txts), list(scores)
    for i, text, score in zip(redo, again.txts or (), again.scores or (), strict=False):
        if float(score) > float(scores[i]):
            txts[i], scores[i] = text, float(score)
    return txts, scores


# A short line (a name, a value in its cell) is padded only to `rec_min_width` before it
# is read, which is faster; padded to RapidOCR's own 320 px, the recogniser reads some of
# its characters otherwise, and on names more often rightly (on tuned pages: 晗 for 哈,
# 葛 for 墓, 蔺 for 葡, 柯 for 祠). A short line with Chinese in it read less surely than
# SHORT_UNSURE is read again so padded, and the surer reading kept.
SHORT_UNSURE = 0.95
SHORT_PAD_PX = 320
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _reread_short(
    ocr: Any, crops: list[np.ndarray], txts: list[str], scores: list[float]
) -> tuple[list[str], list[float]]:
    """`txts` and `scores` with the short lines read unsurely read again padded wider."""
    redo = [
        i
        for i, (crop, text, score) in enumerate(zip(crops, txts, scores, strict=True))
        if float(score) < SHORT_UNSURE
        and crop.shape[0] > 0
        and crop.shape[1] * 48.0 / crop.shape[0] < SHORT_PAD_PX
        and _CHINESE.search(text)
    ]
    if not redo:
        return txts, scores
    rec = ocr._load_rec_model()
    shape = rec.rec_image_shape
    rec.rec_image_shape = [shape[0], shape[1], SHORT_PAD_PX]
    try:
        again = ocr.recognize_txt([crops[i] for i in redo])
    finally:
        rec.rec_image_shape = shape
    return _surer(txts, scores, redo, again)


# Thin paper scanned on a duplex scanner or photographed against the light shows the back
# of the sheet through it, mirrored: the detector finds those lines too and the recogniser
# reads them as strings of unrelated characters, less surely than the page's own. A line
# read less surely than MIRROR_SUSPECT is read again flipped left to right; when that
# reading is surer by MIRROR_MARGIN (and sure in itself) and made of other characters,
# the line is the back's, dropped. The back shows through the paper paler than the page's
# own print: a line whose ink stands out from its paper by MIRROR_FAINT of the page's
# typical line's or more is the page's own however it reads (a rare name written by hand
# reads unsurely, and flipped, now and then, as three surer characters).
MIRROR_SUSPECT = 0.9
MIRROR_FAINT = 0.6
MIRROR_MARGIN = 0.1
MIRROR_SURE = 0.8
MIRROR_LONG = 6  # characters: a flipped reading this long is no mirror image of itself
MIRROR_SHARED = 0.5  # share of its characters a shorter one may have with the line's


def _without_mirrored(
    ocr: Any, crops: list[np.ndarray], txts: list[str], scores: list[float]
) -> tuple[list[str], list[float]]:
    """`txts` and `scores` with the pale lines that read better mirrored emptied (score 0)."""
    unsure = [
        i
        for i, (t, s) in enumerate(zip(txts, scores, strict=True))
        if t.strip() and s < MIRROR_SUSPECT
    ]
    if not unsure:
        return txts, scores
    contrast = {
        i: _ink_contrast(c) for i, (c, t) in enumerate(zip(crops, txts, strict=True)) if t.strip()
    }
    typical = float(np.median(list(contrast.values())))
    doubtful = [i for i in unsure if contrast[i] < MIRROR_FAINT * typical]
    if not doubtful:
        return txts, scores
    again = ocr.recognize_txt([cv2.flip(crops[i], 1) for i in doubtful])
    txts, scores = list(txts), list(scores)
    for i, text, score in zip(doubtful, again.txts or (), again.scores or (), strict=False):
        # brackets, figures and many characters are their own mirror images: a short line
        # of the page's own may read flipped as mostly its own characters ("（副本）" as
        # "（本幅）", "18" as "81"); the back's reads as others
        flipped, read = text.strip(), txts[i].strip()
        shared = sum((Counter(flipped) & Counter(read)).values()) / max(1, len(flipped))
        other = len(flipped) >= MIRROR_LONG or (len(flipped) >= 3 and shared < MIRROR_SHARED)
        surer = float(score) >= MIRROR_SURE and float(score) > float(scores[i]) + MIRROR_MARGIN
        if surer and other:
            txts[i], scores[i] = "", 0.0
    return txts, scores


def _ink_contrast(crop: np.ndarray) -> float:
    """How far a line's darkest ink stands out from its paper (grey levels)."""
    gray = as_gray(crop)
    low, paper = percentiles(gray, (2, 50))
    return paper - low


def _failed(e: Exception) -> EngineFailed:
    return EngineFailed(
        f"RapidOCR failed on the page ({type(e).__name__}); try again or rescan",
        "文字识别引擎处理该页时出错,请重试或重新扫描",
    )


def _turn_line(line: Line, width: int, height: int) -> Line:
    """`line` in the coordinates of the image turned by 180° (still clockwise from its
    top-left corner)."""
    p = [(width - 1 - x, height - 1 - y) for x, y in line.box]
    return Line(text=line.text, box=(p[2], p[3], p[0], p[1]), confidence=line.confidence)
