"""The doubtful-field rule (`cases.intake.doubts`): failed check, low confidence, and an
ID number or credit code one or two characters off another page's or the registration."""

from __future__ import annotations

from typing import Any

import pytest

from cases.errors import InvalidInput
from cases.intake.confirmation import checked_value
from cases.intake.doubts import CONFIDENCE_FLOOR, PageFields, case_doubts, describe, field_doubts
from ocr.fields import id_number_check_char

FIRST17 = "15250219901222313"
GOOD = FIRST17 + id_number_check_char(FIRST17)


def _f(name: str, value: str, *, valid: bool = True, conf: float = 0.97, **kw: Any) -> dict:
    return {"name": name, "value": value, "valid": valid, "confidence": conf, **kw}


def _near(value: str, places: int) -> str:
    chars = list(value)
    for i in range(places):
        chars[i] = "9" if chars[i] != "9" else "8"
    return "".join(chars)


def test_per_field_reasons() -> None:
    assert field_doubts(_f("id_number", GOOD)) == []
    assert field_doubts(_f("id_number", GOOD, valid=False)) == ["check"]
    assert field_doubts(_f("person_name", "张三", conf=CONFIDENCE_FLOOR - 0.01)) == ["confidence"]
    assert field_doubts(_f("person_name", "张三", conf=CONFIDENCE_FLOOR)) == []


def test_numbers_one_or_two_characters_apart_are_doubtful() -> None:
    one_off, two_off, far = _near(GOOD, 1), _near(GOOD, 2), _near(GOOD, 6)
    pages = [
        PageFields(1, 1, [_f("id_number", GOOD), _f("phone", "13904791234")]),
        PageFields(2, 2, [_f("id_number", one_off)]),
        PageFields(3, 3, [_f("id_number", two_off)]),
        PageFields(4, 4, [_f("id_number", far)]),  # someone else's number: not a misread
    ]
    doubts = case_doubts(pages, applicant_type="person", applicant_id=GOOD)
    assert set(doubts) == {(1, 0), (2, 0), (3, 0)}
    assert doubts[(2, 0)].reasons == ("disagree",)
    assert doubts[(2, 0)].against == ("登记的申请人证件号码", "第 1 页", "第 3 页")
    assert doubts[(1, 0)].against == ("第 2 页", "第 3 页")  # the registration agrees with it
    assert describe(doubts[(3, 0)]).startswith("与登记的申请人证件号码、第 1 页")


def test_a_settled_field_is_no_longer_doubtful_but_still_compared() -> None:
    confirmed = {"action": "confirmed", "by": "clerk"}
    pages = [
        PageFields(1, 1, [_f("id_number", _near(GOOD, 1), valid=False, confirmed=confirmed)]),
        PageFields(2, 2, [_f("id_number", GOOD, conf=0.5, doubts=["confidence"])]),
    ]
    doubts = case_doubts(pages, applicant_type="enterprise", applicant_id="91150000MA0000000X")
    assert set(doubts) == {(2, 0)}
    assert doubts[(2, 0)].reasons == ("confidence", "disagree")  # stored reasons first


def test_corrections_are_checked_and_normalised() -> None:
    assert checked_value("id_number", f" {GOOD[:6]} {GOOD[6:].lower()} ") == GOOD
    assert checked_value("sex", "女") == "女"
    assert checked_value("validity_period", "2020-01-01/长期") == "2020-01-01/长期"
    assert checked_value("address", "锡林浩特市额尔敦路 1 号") == "锡林浩特市额尔敦路 1 号"
    for name, wrong in (
        ("id_number", _near(GOOD, 1)),
        ("credit_code", "91150000MA0000000I"),
        ("date", "2023-02-30"),
        ("validity_period", "2030-01-01/2020-01-01"),
        ("phone", "12345"),
        ("address", ""),
        ("address", "x" * 101),
        ("address", "第一行\n第二行"),
    ):
        with pytest.raises(InvalidInput) as refused:
            checked_value(name, wrong)
        assert refused.value.zh and refused.value.en
