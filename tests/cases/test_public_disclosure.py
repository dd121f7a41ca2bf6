"""What the public routes give away: a masked holder name on the license page without the
QR's payload, and an applicant's ID number compared as people type it."""

from __future__ import annotations

import pytest

from cases.delivery.applicant import normalised_id
from cases.verification.status import mask_name


@pytest.mark.parametrize(
    ("name", "person", "shown"),
    [
        ("张三", True, "张*"),
        ("张三明", True, "张*明"),
        ("欧阳娜娜", True, "欧**娜"),
        ("乌力吉·巴特尔", True, "乌*****尔"),
        ("锡林浩特市和平餐饮店", False, "锡林浩特市****店"),
        ("某某公司", False, "某某*司"),
        ("王", True, "*"),
        (" 李四 ", True, "李*"),
    ],
)
def test_mask_name(name: str, person: bool, shown: str) -> None:
    assert mask_name(name, person=person) == shown
    assert len(mask_name(name, person=person)) == max(len(name.strip()), 1)


def test_an_id_number_as_people_type_it() -> None:
    assert normalised_id(" 11010519491231002x ") == "11010519491231002X"
    assert normalised_id("１１０１０５ 1949 1231 002Ｘ") == "11010519491231002X"
