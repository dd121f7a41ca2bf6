from __future__ import annotations

import pytest

from ocr.classify import MaterialHint, classify
from tests.ocr.conftest import load_hints

FORM = """个体工商户设立登记申请书
经营者姓名 苏日娜 性别 女
公民身份号码 152502199306151000 联系电话 15307808422
个体工商户名称 锡林浩特市敖包山餐饮店
经营场所 内蒙古自治区锡林浩特市桑根达来路103号
经营范围 餐饮服务"""

FOOD_FORM = """食品经营许可申请书
法定代表人 苏日娜 统一社会信用代码 92152502MAXNJUECGN
公民身份号码 152502199306151000
主体业态 餐饮服务经营者 经营项目 热食类食品制售"""

ID_CARD = """居民身份证复印件
姓名 苏日娜
性别 女 民族 蒙古
公民身份号码 152502199306151000
中华人民共和国
居民身份证
签发机关 锡林浩特市公安局
有效期限 2017.03.20-2037.03.20
此复印件仅供办理个体工商户设立登记使用"""

LEASE = """房屋租赁合同
出租方(甲方): 锡林浩特市宏达物业管理有限公司
承租方(乙方): 苏日娜
乙方身份证号码:152502199306151000
第二条 租赁期限:自2026年2月1日起至2029年1月31日止"""

LICENSE = """营业执照
(副本)
统一社会信用代码
92152502MAXNJUECGN
名称 锡林浩特市敖包山餐饮店
类型 个体工商户
经营者 苏日娜
登记机关"""


def _all_hints() -> list[MaterialHint]:
    by_code: dict[str, MaterialHint] = {}
    for item in ("gtgsh-sl.yaml", "spjy-xk.yaml"):
        for hint in load_hints(item):
            code = hint.code
            if code == "application_form":
                code = "form:" + hint.keywords[0]
            by_code.setdefault(code, MaterialHint(code, hint.keywords, hint.patterns))
    return list(by_code.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FORM, "form:个体工商户设立登记申请书"),
        (FOOD_FORM, "form:食品经营许可申请书"),
        (ID_CARD, "id_card"),
        (LEASE, "premises_proof"),
        (LICENSE, "business_license"),
    ],
)
def test_discriminates_materials(text: str, expected: str) -> None:
    result = classify(text, _all_hints())
    assert result.code == expected
    assert result.confidence > 0.5
    assert result.matched


def test_title_dominates_quoted_field_labels() -> None:
    # the food form quotes 统一社会信用代码, 法定代表人 and an ID pattern
    result = classify(FOOD_FORM, _all_hints())
    assert result.code == "form:食品经营许可申请书"


def test_tolerates_stray_spaces_and_one_wrong_character() -> None:
    text = "个 体 工 商 户 设 立 登 记 申 请 节\n经营者姓名 苏日娜\n经 营 范 围 餐饮"
    result = classify(text, load_hints("gtgsh-sl.yaml"))
    assert result.code == "application_form"
    assert any("≈" in m for m in result.matched)


def test_unknown_page() -> None:
    assert classify("今天天气很好,我们去公园散步。", _all_hints()).code is None
    assert classify("", _all_hints()).code is None
    assert classify("营业执照", []).code is None


def test_single_weak_keyword_is_not_enough() -> None:
    assert classify("记录了平面图的位置", _all_hints()).code is None


def test_group_pages_joins_continuations_and_skips_blanks() -> None:
    from ocr.classify import Classification, group_pages

    c = [
        Classification("premises_proof", 0.9, ("房屋租赁合同",)),
        Classification(None, 0.0, ()),  # page 2 of the lease: no title of its own
        Classification("premises_proof", 0.8, ()),
        Classification(None, 0.0, ()),  # a blank separator sheet
        Classification("id_card", 0.95, ()),
    ]
    groups = group_pages(c, [False, False, False, True, False])
    assert [(g.code, g.pages) for g in groups] == [
        ("premises_proof", (0, 1, 2)),
        ("id_card", (4,)),
    ]
    assert groups[0].continuation and groups[0].confidence == 0.45
    assert not groups[1].continuation


def test_group_pages_flags_an_unknown_first_page() -> None:
    from ocr.classify import Classification, group_pages

    groups = group_pages([Classification(None, 0.0, ()), Classification("id_card", 0.9, ())])
    assert groups[0].code is None and groups[0].pages == (0,)
    assert groups[1].code == "id_card"
