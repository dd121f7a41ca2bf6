"""The checks every reporting corpus's truth fields pass (the corpora share no code; their
tests share these)."""

from __future__ import annotations

from ocr import valid_credit_code, valid_id_number


def checked_people(truth_text: str, truth_fields: tuple[tuple[str, str], ...]) -> set[str]:
    """Each field stands in the page's text and has its field's shape: an ID number and a
    credit code pass their check characters (GB 11643, GB 32100), a mobile phone has 11
    digits from 1, a person's name 2-4 characters. Returns the people named."""
    flat = "".join(truth_text.split())
    people = set()
    for name, value in truth_fields:
        assert value in flat, (name, value)
        if name == "id_number":
            assert valid_id_number(value), value
        elif name == "credit_code":
            assert valid_credit_code(value), value
        elif name == "phone":
            assert len(value) == 11 and value.startswith("1")
        elif name == "person_name":
            assert 2 <= len(value) <= 4
            people.add(value)
    return people
