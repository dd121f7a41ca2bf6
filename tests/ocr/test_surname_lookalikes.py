"""The table of characters that look like surnames is what the faces draw."""

from __future__ import annotations

from ocr.surname_lookalikes import _PAIRS, LOOKALIKE, measured, surname_lookalike
from ocr.surnames import SINGLE


def test_the_table_is_drawn_again_the_same_from_the_faces() -> None:
    assert measured() == _PAIRS


def test_the_table_pairs_characters_no_one_bears_with_surnames() -> None:
    assert LOOKALIKE["库"] == "厍" and LOOKALIKE["洗"] == "冼" and LOOKALIKE["禺"] == "禹"
    assert not set(LOOKALIKE) & SINGLE and set(LOOKALIKE.values()) <= SINGLE
    assert surname_lookalike("库婕") == "厍婕" and surname_lookalike("王五") is None
