"""The `wand` reporting corpus: layouts and capture profiles, deterministic from its seed,
truth equal to the page model's drawn runs in simplified characters, every run and every
character leaving ink in its own face (no empty glyph, no .notdef box), check characters
valid, faces loaded from the npm packages only, never tuned on."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, build, wand_draw
from reporting_corpora.wand_captures import CAPTURES, PROFILES
from reporting_corpora.wand_data import Enterprise, Person, credit_check, id_check
from reporting_corpora.wand_draw import (
    FACES,
    MissingFace,
    MissingGlyph,
    Page,
    TruthMismatch,
    check_truth,
    missing_glyphs,
    render,
)
from reporting_corpora.wand_pages import LAYOUTS, model
from tests.reporting_corpora.truth_fields import checked_people

FIELDS = {"id_number", "credit_code", "phone", "person_name", "enterprise_name"}


def test_registered_never_tuned_on() -> None:
    from bench.ocr.corpus import TUNED_ON, WAND

    assert "wand" in CORPORA and CORPUS_CAPTURES["wand"] == CAPTURES == tuple(PROFILES)
    assert WAND == "wand" and WAND not in TUNED_ON
    assert len(LAYOUTS) >= 6


def test_check_characters() -> None:
    assert id_check("11010519491231002") == "X"
    assert credit_check("91350100M000100Y4") == "3"
    rng = random.Random(9)
    people = [Person(rng) for _ in range(50)]
    codes = [Enterprise(rng).code for _ in range(50)]
    text = "".join(p.id_number for p in people) + "".join(codes)
    checked_people(
        text,
        tuple(("id_number", p.id_number) for p in people)
        + tuple(("credit_code", c) for c in codes),
    )


def test_build_deterministic_and_fields(tmp_path: Path) -> None:
    """Six pages: every layout once, every capture; the first four (one in each capture)
    built again are byte for byte equal (a page depends on its index, not on `n`)."""
    a = build("wand", 6, 3, tmp_path / "a")
    b = build("wand", 4, 3, tmp_path / "b")
    assert {p.capture for p in b} == set(CAPTURES)
    assert [Path(p.path).read_bytes() for p in a[:4]] == [Path(p.path).read_bytes() for p in b]
    assert {p.capture for p in a} == set(CAPTURES) and {p.layout for p in a} == set(LAYOUTS)
    for p in a:
        names = {k for k, _ in p.truth_fields}
        assert names <= FIELDS and {"person_name", "enterprise_name"} <= names, p.layout
        assert checked_people(p.truth_text, p.truth_fields)
        # simplified characters: none of the traditional forms the corpus once drew
        assert not set(p.truth_text) & set("營業執統會號碼書託權證區"), p.layout
        d = cv2.imread(p.path, cv2.IMREAD_UNCHANGED)
        assert d is not None and 2000 < d.shape[0] < 3600, p.path


def _cells(face: str, chars: list[str], size: float = 16.0) -> list[np.ndarray]:
    """Each character drawn alone in a cell of one small canvas, in `face`."""
    cell = 100
    page = Page("probe")
    for i, c in enumerate(chars):
        x, y = (i % 20) * cell, (i // 20) * cell
        page.ops.append(("text", (x / wand_draw.MM + 1, (y + 75) / wand_draw.MM, c, face, size)))
    rows = (len(chars) + 19) // 20
    image, _ = render(page, (20 * cell, rows * cell))
    return [
        image[(i // 20) * cell : (i // 20 + 1) * cell, (i % 20) * cell : (i % 20 + 1) * cell]
        for i in range(len(chars))
    ]


def test_every_run_and_character_leaves_ink() -> None:
    """Every text run of every layout (two seeds) is in its face's cmap with an outline,
    and each of its characters drawn alone by ImageMagick leaves ink unlike the face's
    missing-glyph box."""
    used: dict[str, set[str]] = {}
    for seed in (11, 12):
        for layout in LAYOUTS:
            page = model(layout, random.Random(seed))
            _, text = render(page)
            check_truth(page, text)
            with pytest.raises(TruthMismatch):
                check_truth(page, text + "多")
            for kind, args in page.ops:
                if kind == "text":
                    _, _, run, face, _ = args
                    assert missing_glyphs(face, run) == "", (face, run)
                    used.setdefault(face, set()).update(c for c in run if not c.isspace())
    assert set(used) <= set(FACES)
    for face, chars in used.items():
        ordered = sorted(chars)
        notdef = _cells(face, ["\U00020000"])[0]
        for c, ink in zip(ordered, _cells(face, ordered), strict=True):
            assert (ink < 128).any() and not np.array_equal(ink, notdef), (face, c)


def test_missing_glyph_and_face_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    assert missing_glyphs("print", "营业执照统一社会信用代码") == ""
    assert missing_glyphs("hand", "申请人\U00020000") == "\U00020000"
    with pytest.raises(MissingGlyph):
        Page("x").text(10, 10, "申请人\U00020000", "hand")
    with pytest.raises(MissingGlyph):
        Page("x").seal(50, 50, 19, "市场监督管理局\U00020000")
    monkeypatch.setitem(FACES, "print", wand_draw._NODE / "noto-sans-sc/files/gone.woff")
    wand_draw._font.cache_clear()
    try:
        with pytest.raises(MissingFace, match="make node-deps"):
            wand_draw.face_file("print")
    finally:
        wand_draw._font.cache_clear()


def test_faces_are_the_npm_packages() -> None:
    for face in ("print", "label", "title", "display", "hand", "sign"):
        path = str(FACES[face])
        assert "/tests/node/node_modules/@fontsource/" in path and path.endswith(".woff")
        assert "chinese-simplified" in path


def test_captures_change_the_page() -> None:
    """Each capture changes the page but keeps its size sane (their determinism is the
    build test's)."""
    image, _ = render(model(LAYOUTS[0], random.Random(5)))
    for name, simulate in PROFILES.items():
        a = simulate(image, random.Random(1))
        d = cv2.imdecode(np.frombuffer(a, np.uint8), cv2.IMREAD_UNCHANGED)
        assert d is not None and 1400 < d.shape[0] < 3600, name
        small = cv2.resize(image, (d.shape[1], d.shape[0]), interpolation=cv2.INTER_AREA)
        if d.ndim == 2:
            small = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
        assert np.abs(d.astype(int) - small.astype(int)).mean() > 1.0, name
