"""Colourless seals: a red seal on a greyscale scan is a grey ring over black text."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from bench.ocr.metrics import cer_counts
from ocr import Engine, read_page
from ocr.engine import Line, rect_box
from ocr.preprocess import find_red_seals
from ocr.seals import drop_seal_words, seal_rings, suppress_grey_seals
from reporting_corpora import build
from sample_scans.scans import SampleApplicant, render_material
from tests.ocr.conftest import GTGSH


def _grey(page: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(cv2.cvtColor(page, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)


@pytest.fixture(scope="module")
def lease(applicant: SampleApplicant) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A lease with its seal, scanned in grey (where the seal is, from the colour page)."""
    (page,) = render_material(
        "premises_proof", item_name=GTGSH, applicant=applicant, rng=random.Random(1)
    )
    (seal,) = find_red_seals(page)
    return _grey(page), seal


def test_grey_seal_turns_to_paper_and_the_text_under_it_stays(
    lease: tuple[np.ndarray, tuple[int, int, int, int]],
) -> None:
    page, (x, y, w, h) = lease
    cleaned = suppress_grey_seals(page)
    before = cv2.cvtColor(page[y : y + h, x : x + w], cv2.COLOR_BGR2GRAY)
    after = cv2.cvtColor(cleaned[y : y + h, x : x + w], cv2.COLOR_BGR2GRAY)
    seal_ink = (before > 60) & (before < 200)  # the red ink's grey; text is black
    assert int(seal_ink.sum()) > 5000
    assert int((seal_ink & (after < 200)).sum()) < 0.1 * int(seal_ink.sum())
    text = before < 40
    assert int((text & (after < 40)).sum()) > 0.9 * int(text.sum())
    assert np.array_equal(cleaned[: y - 40], page[: y - 40])  # nothing outside the seal


def _one_ink(page: np.ndarray) -> np.ndarray:
    """A carbon copy: text and seal in one ink."""
    return np.where(page < 200, 110, page).astype(np.uint8)


def _ring_pixels(page: np.ndarray, ring: tuple[float, float, float]) -> np.ndarray:
    """The page's ink within a twentieth of the ring's radius of its circle."""
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    yy, xx = np.mgrid[: gray.shape[0], : gray.shape[1]]
    x, y, r = ring
    near = np.abs(np.hypot(xx - x, yy - y) - r) < 0.05 * r
    return near & (gray < 200)


def test_seal_in_the_texts_ink_loses_its_ring_and_keeps_the_text(
    lease: tuple[np.ndarray, tuple[int, int, int, int]],
) -> None:
    """A seal no lighter than the text: lifting its tone would lift the text under it
    too, so its tone is left alone; its ring's line, which clips the lines it crosses,
    is painted over from the paper beside it."""
    page, (_, y, _, _) = lease
    one_ink = _one_ink(page)
    (ring,) = seal_rings(one_ink)
    cleaned = suppress_grey_seals(one_ink)
    before, after = _ring_pixels(one_ink, ring), _ring_pixels(cleaned, ring)
    assert int(before.sum()) > 3000
    assert int(after.sum()) < 0.1 * int(before.sum())
    # the ink inside the ring (the text under the seal, its star and words) stays
    grey_before = cv2.cvtColor(one_ink, cv2.COLOR_BGR2GRAY)
    grey_after = cv2.cvtColor(cleaned, cv2.COLOR_BGR2GRAY)
    cx, cy, r = ring
    yy, xx = np.mgrid[: grey_before.shape[0], : grey_before.shape[1]]
    inside = np.hypot(xx - cx, yy - cy) < 0.85 * r
    ink = inside & (grey_before < 200)
    assert int((ink & (grey_after < 200)).sum()) > 0.97 * int(ink.sum())
    assert np.array_equal(cleaned[: y - 40], one_ink[: y - 40])  # nothing outside the seal


def _halftone(page: np.ndarray) -> np.ndarray:
    """The page scanned in black and white with an ordered dither (a 4×4 Bayer matrix):
    black text stays black, paper white, the seal's lighter ink turns into dots."""
    bayer = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]])
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY).astype(np.float32)
    h, w = gray.shape
    limits = (np.tile(bayer, (h // 4 + 1, w // 4 + 1))[:h, :w] + 0.5) * 16.0
    return cv2.cvtColor(np.where(gray < limits, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)


def test_a_seal_dithered_into_dots_turns_to_paper_and_the_text_under_it_stays(
    lease: tuple[np.ndarray, tuple[int, int, int, int]],
) -> None:
    """A black-and-white scan: the seal is no lighter than the text, pixel by pixel, but
    it is a screen of dots, which text is not."""
    page, (x, y, w, h) = lease
    bw = _halftone(page)
    cleaned = suppress_grey_seals(bw)
    grey = cv2.cvtColor(page[y : y + h, x : x + w], cv2.COLOR_BGR2GRAY)
    before = cv2.cvtColor(bw[y : y + h, x : x + w], cv2.COLOR_BGR2GRAY) < 128
    after = cv2.cvtColor(cleaned[y : y + h, x : x + w], cv2.COLOR_BGR2GRAY) < 128
    seal_dots = before & (grey > 60)
    assert int(seal_dots.sum()) > 3000
    assert int((seal_dots & after).sum()) < 0.2 * int(seal_dots.sum())
    # the text's edges touching the screen go with it; its strokes stay
    text = grey < 40
    assert int((text & after).sum()) > 0.65 * int(text.sum())
    assert np.array_equal(cleaned[: y - 40], bw[: y - 40])  # nothing outside the seal


@pytest.mark.ocr
def test_the_line_under_a_dithered_seal_is_read(
    lease: tuple[np.ndarray, tuple[int, int, int, int]], ocr_engine: Engine
) -> None:
    """Under the seal's dots the lessor's "（盖章）" was lost with its line."""
    page, _ = lease
    ok, data = cv2.imencode(".png", _halftone(page))
    assert ok
    text = read_page(data.tobytes(), ocr_engine).text.replace(" ", "")
    assert "出租方（盖章" in text
    assert "专用章" not in text


def test_page_without_a_seal_is_left_alone(form_page_grey: np.ndarray) -> None:
    assert suppress_grey_seals(form_page_grey) is form_page_grey


@pytest.fixture(scope="module")
def form_page_grey(applicant: SampleApplicant) -> np.ndarray:
    (page,) = render_material(
        "application_form", item_name=GTGSH, applicant=applicant, rng=random.Random(2)
    )
    return _grey(page)


@pytest.mark.ocr
def test_a_faxed_black_seal_leaves_the_lines_its_ring_crosses(
    ocr_engine: Engine, tmp_path: Path
) -> None:
    """The typeset corpus's legal representative's certificate, faxed (a tuning page:
    seed 1, its fifth): the seal, as black as the text, ran its ring along "单位名称（盖章）
    ：…", which was not found at all, and across the credit code and the address, which
    lost their middles: 35 errors, 16 with the ring painted over."""
    page = build("typeset", 5, 1, tmp_path)[4]
    assert (page.layout, page.capture) == ("legal_rep", "fax")
    text = read_page(Path(page.path).read_bytes(), ocr_engine).text
    assert "单位名称（盖章）：青岛" in text.replace(" ", "")
    errors, _ = cer_counts(page.truth_text, text)
    assert errors <= 20


@pytest.mark.ocr
def test_lines_under_a_grey_seal_are_read_and_its_words_are_not(
    lease: tuple[np.ndarray, tuple[int, int, int, int]], ocr_engine: Engine
) -> None:
    page, _ = lease
    ok, data = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    text = read_page(data.tobytes(), ocr_engine).text
    assert "专用章" not in text  # the seal's own words are not page text
    assert "出租方（盖章）：" in text.replace(" ", "")


def test_a_seals_own_name_inside_its_ring_is_not_page_text(
    lease: tuple[np.ndarray, tuple[int, int, int, int]],
) -> None:
    """A seal in the text's own ink (a carbon copy) stays on the page and its name is
    read; a line naming a seal wholly inside the ring is dropped, the page's lines under
    the seal and a "专用章" outside any ring are kept."""
    page, (x, y, w, h) = lease
    (ring,) = seal_rings(_one_ink(page))
    cx, cy, r = ring
    assert abs(cx - (x + w / 2)) < 10 and abs(cy - (y + h / 2)) < 10 and 150 < r < 190

    def line(text: str, left: float, top: float, right: float, bottom: float) -> Line:
        return Line(text, rect_box(left, top, right, bottom), 0.9)

    seal_name = line("合同专用章", cx - 60, cy + 60, cx + 60, cy + 90)
    under = line("日期：2025年12月22日", cx - 120, cy + 20, cx + 150, cy + 55)
    elsewhere = line("财务专用章", 100, 100, 300, 140)
    kept = drop_seal_words([seal_name, under, elsewhere], [ring])
    assert kept == [under, elsewhere]
    # a black-and-white scan's seal, as dark as the text, its name's last character lost
    # in the ring's ink, its box reaching just past the ring, and its star
    misread = line("出生医学证现专用心", cx - 80, cy + 0.5 * r, cx + 80, cy + 0.85 * r)
    star = line("★", cx - 40, cy - 60, cx + 40, cy + 40)
    note = line("加盖出生医学证明专用章有效。", cx - 2 * r, cy + 1.2 * r, cx + r, cy + 1.4 * r)
    assert drop_seal_words([misread, star, under, note], [ring]) == [under, note]
