"""The `java2d` reporting corpus: pages drawn by Java2D cover every layout and capture
profile, carry fields that pass their checks, are checked against the runs Java reports,
and repeat from their seed."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from reporting_corpora import build
from reporting_corpora.java2d_captures import CAPTURES
from reporting_corpora.java2d_data import credit_code_ok, id_number_ok
from reporting_corpora.java2d_doc import Page, RenderError, check_truth, render_batch
from reporting_corpora.java2d_pages import LAYOUTS, model
from tests.reporting_corpora.truth_fields import check_fields, check_pages


def test_pages_cover_layouts_and_captures_and_repeat(tmp_path: Path) -> None:
    pages = build("java2d", 8, 3, tmp_path / "a")
    check_pages(pages, LAYOUTS, CAPTURES)
    check_fields(pages)
    for p in pages:
        # full-width punctuation, as on paper (an ID card has none)
        assert "：" in p.truth_text or p.layout == "id_copy"
        assert ":" not in p.truth_text.replace("http:", "")
        for name, value in p.truth_fields:
            if name == "id_number":
                assert id_number_ok(value)
            elif name == "credit_code":
                assert credit_code_ok(value)
    again = build("java2d", 2, 3, tmp_path / "b")
    for first, second in zip(pages, again, strict=False):
        assert first.truth_text == second.truth_text
        assert Path(first.path).read_bytes() == Path(second.path).read_bytes()
    other = build("java2d", 1, 4, tmp_path / "c")
    assert other[0].truth_text != pages[0].truth_text


def test_a_missing_glyph_stops_the_batch() -> None:
    page = Page("probe")
    page.text("营业", 200, 400, 50, "hand")  # Klee One has neither character
    with pytest.raises(RenderError, match="cannot display"):
        render_batch([page])


def test_a_tampered_truth_or_field_is_caught() -> None:
    page = model("attorney", random.Random("java2d-tamper"))
    ((_, runs),) = render_batch([page])
    check_truth(page, runs)
    swapped = [replace(runs[0], text=runs[0].text[:-1] + "乙"), *runs[1:]]
    with pytest.raises(AssertionError):
        check_truth(page, swapped)
    with pytest.raises(AssertionError):
        check_truth(page, runs[:-1])
    page.fields.append(("person_name", "甲乙丙"))
    with pytest.raises(AssertionError):
        check_truth(page, runs)


def test_every_run_leaves_ink_inside_its_box_and_none_elsewhere() -> None:
    pages = [model(name, random.Random(f"java2d-ink:{name}")) for name in LAYOUTS]
    drawn = render_batch(pages)
    bare = render_batch(pages, no_text=True)
    for page, (image, runs), (blank, bare_runs) in zip(pages, drawn, bare, strict=True):
        assert [r.box for r in runs] == [r.box for r in bare_runs]
        h, w = image.shape[:2]
        ink = np.abs(image.astype(np.int16) - blank.astype(np.int16)).max(axis=2) > 24
        inside = np.zeros_like(ink)
        for r in runs:
            x0, y0, x1, y1 = r.box
            assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h, (page.layout, r)
            assert ink[y0:y1, x0:x1].sum() > 20, (page.layout, r)
            inside[max(0, y0 - 2) : y1 + 2, max(0, x0 - 2) : x1 + 2] = True
        assert int((ink & ~inside).sum()) == 0, page.layout


def test_registered() -> None:
    from bench.ocr.corpus import JAVA2D, TUNED_ON

    # read as tuning since 6 December 2026 04:00 (ps reports in its place)
    assert JAVA2D == "java2d" and JAVA2D in TUNED_ON
