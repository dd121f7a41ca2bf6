"""Traditional characters read on a page printed in simplified ones are put back."""

from __future__ import annotations

from ocr import read_page
from ocr.simplified import simplified, traditional_only
from ocr.testing import FixedTextEngine

FORM = [
    "城乡居民基本养老保险参保登记表",
    "彭泽县芙蓉鎮社会保障服务中心 編号：3623",  # 镇, 编 read in their traditional forms
    "本人自愿參加城乡居民基本养老保险，按时足額缴费。",
    "姓名：胡濛筠 出生地：青島市",  # 濛 a name's own; 岛 read traditional
    "经办人：乾坤 联系电话：13800000000",
]


def test_traditional_only_characters_are_put_back_on_a_simplified_page() -> None:
    out = simplified(FORM)
    assert out[1] == "彭泽县芙蓉镇社会保障服务中心 编号：3623"
    assert out[2] == "本人自愿参加城乡居民基本养老保险，按时足额缴费。"
    assert out[3] == "姓名：胡濛筠 出生地：青岛市"  # 濛 stays: 蒙 stands for it among others
    assert out[4] == FORM[4]  # 乾 is a simplified character too
    assert [len(a) for a in out] == [len(a) for a in FORM]


def test_a_page_read_mostly_traditional_is_left_alone() -> None:
    page = ["香港特別行政區", "公司註冊處", "商業登記證", "業務性質：貿易"]
    assert simplified(page) == page


def test_the_table_maps_only_to_simplified_characters() -> None:
    table = traditional_only()
    assert len(table) > 2000
    assert {table[c] for c in "編鎮參額曉況屬項內島"} == set("编镇参额晓况属项内岛")
    assert "濛" not in table and "乾" not in table and "髮" not in table
    for simple in table.values():
        simple.encode("gb2312")


def test_the_pipeline_puts_them_back(text_page: bytes) -> None:
    reading = read_page(text_page, FixedTextEngine(FORM))
    assert "编号：3623" in reading.text and "青岛市" in reading.text
