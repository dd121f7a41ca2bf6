"""The `chromium` reporting corpus: deterministic from its seed, every layout and capture
profile, truth equal to the text of the document Chromium rendered (seal words left out),
every character drawn in the font meant for it, numbers passing their check characters."""

from __future__ import annotations

import functools
import random
from collections import Counter
from pathlib import Path

import cv2
import pytest
from fontTools.ttLib import TTFont

from reporting_corpora import ReportPage, build
from reporting_corpora.chromium_captures import CAPTURES, PROFILES
from reporting_corpora.chromium_model import FONT_FILES, HANA, Page
from reporting_corpora.chromium_pages import LAYOUTS, check_truth, model, render_all
from tests.reporting_corpora.truth_fields import checked_people

SEED = 7


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 6 pages: every layout once, and the captures shift so all four appear
    return build("chromium", len(LAYOUTS), SEED, tmp_path_factory.mktemp("chromium"))


@functools.cache
def _cmap(path: str) -> frozenset[int]:
    return frozenset(TTFont(path, lazy=True).getBestCmap())


def _models() -> list[tuple[Page, random.Random]]:
    out = []
    for i, layout in enumerate(LAYOUTS):
        rng = random.Random(f"chromium:{SEED}:{i}")
        out.append((model(layout, rng), rng))
    return out


def test_covers_every_layout_and_capture(pages: list[ReportPage]) -> None:
    assert [p.layout for p in pages] == list(LAYOUTS)
    assert {p.capture for p in pages} == set(CAPTURES)
    assert len({p.truth_text for p in pages}) == len(pages)


def test_truth_is_the_rendered_documents_text_and_pages_repeat(pages: list[ReportPage]) -> None:
    # the build checked every page's truth against its document's text; here a second
    # Chromium renders the first two pages again from the same seed, byte for byte
    models = _models()
    for built, (page, _) in zip(pages, models, strict=True):
        assert page.truth() == built.truth_text
    clean = render_all([m for m, _ in models[:2]])
    for built, (page, rng), (image, dom_text) in zip(pages, models, clean, strict=False):
        truth = Counter("".join(built.truth_text.split()))
        assert truth == Counter("".join(dom_text.split())), built.layout
        assert page.seal and truth != Counter("".join((dom_text + page.seal).split()))
        assert image.shape[:2] == (2340, 1654)
        assert PROFILES[built.capture](image, rng) == Path(built.path).read_bytes()
    with pytest.raises(ValueError, match="truth and document differ"):
        check_truth(models[0][0], dom_text + "章")
    other = model(LAYOUTS[0], random.Random(f"chromium:{SEED + 1}:0"))
    assert other.truth() != pages[0].truth_text


def test_every_character_is_in_its_own_font() -> None:
    for page, _ in _models():
        for text, kind in [*page.pieces(), (page.seal or "", "p")]:
            missing = {c for c in text if not c.isspace() and ord(c) not in _cmap(FONT_FILES[kind])}
            assert not missing, (text, kind, missing)
    assert ord("☑") in _cmap(HANA) and ord("□") in _cmap(HANA)


def test_fields_pass_their_checks_and_stand_on_the_page(pages: list[ReportPage]) -> None:
    names = set()
    for page in pages:
        flat = "".join(page.truth_text.split())
        kinds = {name for name, _ in page.truth_fields}
        assert {"id_number", "person_name"} <= kinds
        names |= checked_people(page.truth_text, page.truth_fields)
        # full-width punctuation, as on paper; numbered notes with the full-width stop
        assert "：" in flat and ":" not in flat
    assert len(names) == len(pages)
    assert any("1．" in p.truth_text for p in pages)
    assert any("☑" in p.truth_text and "□" in p.truth_text for p in pages)


def test_captures_are_sized_like_their_devices(pages: list[ReportPage]) -> None:
    for page in pages:
        data = Path(page.path).read_bytes()
        assert 40_000 < len(data) < 1_500_000, (page.capture, len(data))
        image = cv2.imread(page.path, cv2.IMREAD_COLOR)
        assert image is not None
        h, w = image.shape[:2]
        if page.capture == "wechat-forward":
            assert max(h, w) == 1280
        elif page.capture == "tilted-handheld":
            assert h > 2340 and w > 1654  # the desk around the sheet
        elif page.capture == "multifunction-fax-in":
            assert (h, w) == (round(2340 * 196 / 200), round(1654 * 204 / 200))
            grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
            assert ((grey > 40) & (grey < 215)).mean() < 0.05  # one bit per dot
        else:
            assert (h, w) == (2340, 1654)
