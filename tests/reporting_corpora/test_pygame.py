"""The `pygame` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (as a multiset of characters) to the runs SDL_ttf drew with ink, every
character in the face that draws it with an outline, numbers passing their check
characters, never tuned on."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.pygame_captures import CAPTURES, PROFILES
from reporting_corpora.pygame_data import (
    DISTRICTS,
    GIVEN,
    SURNAMES,
    TRADE_WORDS,
    credit_check,
    id_check,
    org_check,
)
from reporting_corpora.pygame_draw import FACES, PX_H, PX_W, missing_glyphs, render
from reporting_corpora.pygame_pages import (
    LAYOUTS,
    MissingGlyph,
    Page,
    TruthMismatch,
    check_truth,
    model,
    render_all,
)
from tests.reporting_corpora.truth_fields import checked_people

FIELD_NAMES = {"id_number", "credit_code", "phone", "person_name", "enterprise_name"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 5 pages: every layout, every capture profile (build checks each page's truth
    # against the runs drawn as it goes)
    return build("pygame", 5, 3, tmp_path_factory.mktemp("pygame"))


def test_registered() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import PYGAME, TUNED_ON

    assert "pygame" in CORPORA and PYGAME == "pygame" and PYGAME not in TUNED_ON
    assert "pygame:12" in DEFAULT_CORPORA.split(",")
    assert CORPUS_CAPTURES["pygame"] == CAPTURES == tuple(PROFILES)
    assert len(LAYOUTS) >= 5


def test_every_layout_and_capture(pages: list[ReportPage]) -> None:
    assert {p.layout for p in pages} == set(LAYOUTS)
    assert {p.capture for p in pages} == set(CAPTURES)
    for p in pages:
        img = cv2.imread(p.path)
        assert img is not None and img.shape[0] > 1000, p.path
        assert Path(p.path).read_bytes()[:2] == b"\xff\xd8"


def test_fields(pages: list[ReportPage]) -> None:
    people: set[str] = set()
    for p in pages:
        assert p.truth_fields and {k for k, _ in p.truth_fields} <= FIELD_NAMES
        people |= checked_people(p.truth_text, p.truth_fields)
    assert len(people) >= 6


def test_check_characters() -> None:
    assert id_check("11010519491231002") == "X"  # GB 11643's example
    assert credit_check("91350100M000100Y4") == "3"
    assert org_check("M000100Y") == "4"  # the same code's organisation part (GB 11714)


def test_deterministic(tmp_path: Path) -> None:
    a = build("pygame", 2, 7, tmp_path / "a")
    b = build("pygame", 2, 7, tmp_path / "b")
    c = build("pygame", 2, 8, tmp_path / "c")
    assert [p.truth_text for p in a] == [p.truth_text for p in b]
    assert [Path(p.path).read_bytes() for p in a] == [Path(p.path).read_bytes() for p in b]
    assert [p.truth_text for p in a] != [p.truth_text for p in c]


def test_truth_is_what_was_drawn() -> None:
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    for page, (image, text) in zip(models, render_all(models), strict=True):
        assert image.shape == (PX_H, PX_W, 3) and image.dtype == np.uint8
        assert (image < 128).any()
        check_truth(page, text)
        # seal ring words are outlines, not runs: the truth has them only where the page
        # prints them as text too (a change form names its enterprise)
        flat = "".join(page.truth().split())
        for _, _, _, ring, _, _ in (args for kind, args in page.ops if kind == "seal"):
            assert flat.count(ring) == sum(ring in run for run in page.runs)
        with pytest.raises(TruthMismatch):
            check_truth(page, text + "多")


def test_every_run_leaves_ink() -> None:
    page = model("id_copy", random.Random(2))
    for kind, args in page.ops:
        if kind == "text":
            alone = Page("x")
            alone.ops.append((kind, args))
            alone.runs.append(args[3])
            image, text = render(alone)
            assert text == args[3] and (image < 200).any(), args[3]


def test_names_and_places_in_every_face() -> None:
    for word in SURNAMES + GIVEN + TRADE_WORDS:
        for face in FACES:
            assert missing_glyphs(face, word) == "", (face, word)
    for district in DISTRICTS:
        assert missing_glyphs("hand", "".join(district[1:])) == ""


def test_missing_glyph_raises() -> None:
    assert missing_glyphs("song", "营业执照") == ""
    assert missing_glyphs("song", "𠀀") == "𠀀"
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, 12, "申请人𠀀", "hand")


def test_captures_change_the_page() -> None:
    page = model("individual_licence", random.Random(5))
    ((image, _),) = render_all([page])
    for name, simulate in PROFILES.items():
        a = simulate(image, random.Random(1))
        assert a == simulate(image, random.Random(1)), name
        decoded = cv2.imdecode(np.frombuffer(a, np.uint8), cv2.IMREAD_UNCHANGED)
        assert decoded is not None and 1400 < decoded.shape[0] < 3600, name
