from __future__ import annotations

import pytest

from cases.numbering import license_number, mod37_36_check, valid_license_number


def test_license_number_structure_and_check_character() -> None:
    number = license_number("GTGSH", "11152500011609534E", 2026, 12)
    assert number.startswith("GTGSH-11152500011609534E-2026000012-V1")
    assert len(number) == len("GTGSH-11152500011609534E-2026000012-V1") + 1
    assert valid_license_number(number)


@pytest.mark.parametrize("position", [0, 7, 27, 36])
def test_a_single_typo_is_detected(position: int) -> None:
    number = license_number("SPJY", "11152500011609534E", 2026, 345)
    wrong = "Z" if number[position] != "Z" else "Y"
    typo = number[:position] + wrong + number[position + 1 :]
    assert not valid_license_number(typo)


def test_transposition_is_detected() -> None:
    number = license_number("SPJY", "11152500011609534E", 2026, 345)
    body = number.replace("-", "")[:-1]
    swapped = body[:3] + body[4] + body[3] + body[5:]
    assert mod37_36_check(swapped) != mod37_36_check(body)
