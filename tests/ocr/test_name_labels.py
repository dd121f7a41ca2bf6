"""Names as more hall documents set them: a party's qualifier inside its label, an
article's number before its clause, the short name given after a name, a note whose colon
was lost, a signature line listing several agents, a form's heading that starts with a
party's label."""

from __future__ import annotations

import pytest

from tests.ocr.synthetic import box as _box
from tests.ocr.synthetic import named as _named


def test_a_partys_qualifier_inside_its_label() -> None:
    """A social insurance certificate's "单位（纳税人）名称" is 单位名称 and 纳税人名称."""
    lines = [_box("单位（纳税人）名称：南京北辰信息技术股份有限公司", 192, 529, 1356, 627)]
    assert _named(lines) == {("enterprise_name", "南京北辰信息技术股份有限公司")}


@pytest.mark.parametrize(
    "text",
    [
        "第二条 公司名称：西安晟达电子商务有限责任公司（以下简称“公司”）。",
        "第二条公司名称：西安晟达电子商务有限责任公司（以下简称“公司”）。",
    ],
)
def test_a_clause_of_articles_of_association_names_the_company(text: str) -> None:
    """Articles of association number their clauses ("第二条") and give the company its
    short name after its name ("（以下简称“公司”）")."""
    lines = [_box(text, 284, 671, 1622, 762)]
    assert _named(lines) == {("enterprise_name", "西安晟达电子商务有限责任公司")}


def test_a_note_after_a_label_goes_when_its_colon_was_lost() -> None:
    lines = [_box("委托人（盖章）武汉泓泰新材料有限责任公司", 395, 1559, 1081, 1621)]
    assert _named(lines) == {("enterprise_name", "武汉泓泰新材料有限责任公司")}


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("受托人 （签字）：狄瀚皓 计琛瑾 \u3000 骆浔", {"狄瀚皓", "计琛瑾", "骆浔"}),
        ("受托人（签字）：邱逸婉 \u3000 卞璟", {"邱逸婉", "卞璟"}),
        # a four-character name spaced in its middle stays one name
        ("受托人（签字）：欧阳 娜娜", {"欧阳娜娜"}),
    ],
)
def test_a_signature_line_lists_several_agents(text: str, people: set[str]) -> None:
    lines = [_box(text, 387, 1784, 1009, 1856)]
    assert _named(lines) == {("person_name", p) for p in people}


def test_a_forms_heading_after_a_partys_label_is_no_name() -> None:
    """ "申请人声明" heads the applicant's declaration; "声明" is nobody's name."""
    lines = [
        _box("申请人声明", 288, 1759, 563, 1856),
        _box("本人承诺所提交的申请材料真实有效，复印件与原件一致。", 627, 1767, 2208, 1847),
        _box("申请人信息", 288, 1900, 563, 1990),
    ]
    assert _named(lines) == set()


def test_agents_under_a_name_header_beside_row_numbers_and_wrapped_in_their_cell() -> None:
    """A power of attorney's table of agents: the row's number (序号) stands close left of
    the name, and a narrow cell wraps a four-character name ("欧阳泽" / "熙")."""
    lines = [
        _box("序号", 134, 1252, 241, 1415),
        _box("姓名", 291, 1280, 436, 1390),
        _box("身份证号码", 581, 1286, 831, 1385),
        _box("1", 173, 1480, 244, 1552),
        _box("欧阳泽", 253, 1432, 469, 1533),
        _box("熙", 319, 1499, 412, 1590),
        _box("340104197802132293", 469, 1471, 900, 1556),
        _box("2", 173, 1657, 244, 1733),
        _box("姚澄筠", 277, 1648, 450, 1738),
        _box("610113195904204481", 469, 1657, 881, 1729),
        _box("3", 157, 1800, 223, 1881),
        _box("骆浔", 280, 1791, 414, 1884),
        _box("430104196205176041", 455, 1794, 874, 1881),
    ]
    assert _named(lines) == {
        ("person_name", "欧阳泽熙"),
        ("person_name", "姚澄筠"),
        ("person_name", "骆浔"),
    }


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("义务人名称 厦门云栖物业服务有限公司", "enterprise_name", "厦门云栖物业服务有限公司"),
        ("义务人姓名：蒋恺煜", "person_name", "蒋恺煜"),
    ],
)
def test_a_property_registrations_obligor(text: str, kind: str, value: str) -> None:
    """A property registration names its obligor (义务人, the seller) beside its right
    holder (权利人): a person or a business, as the value ends."""
    lines = [_box(text, 124, 520, 1130, 566)]
    assert _named(lines) == {(kind, value)}


def test_a_contracts_parties_over_their_names() -> None:
    """A lease names its parties 甲方 and 乙方, their roles in a note, side by side with
    their names under them: the label beside is the other party's, no value."""
    lines = [
        _box("甲方（出租方）：", 124, 266, 314, 310),
        _box("乙方（承租方）：", 657, 268, 846, 312),
        _box("费锋彤", 124, 300, 214, 347),
        _box("长沙澄明商贸有限公司", 652, 298, 930, 351),
        _box("身份证号码：", 124, 351, 269, 395),
        _box("统一社会信用代码：", 654, 351, 861, 395),
    ]
    assert _named(lines) == {
        ("person_name", "费锋彤"),
        ("enterprise_name", "长沙澄明商贸有限公司"),
    }


@pytest.mark.parametrize("text", ["乙方同意", "甲方将坐落于古墩路的房屋出租给乙方作居住使用"])
def test_a_contracts_prose_naming_a_party_is_no_label(text: str) -> None:
    """Only a note or a separator after 甲方/乙方 makes them a label: "乙方同意" is the
    contract's prose, "同意" nobody's name."""
    lines = [_box(text, 124, 700, 124 + 40 * len(text), 746)]
    assert _named(lines) == set()


def test_people_named_by_their_role() -> None:
    """A birth certificate names the newborn and the parents by their role before 姓名;
    the fields beside (性别, 年龄) are not theirs."""
    lines = [
        _box("新生儿姓名", 200, 416, 395, 493),
        _box("韩煜然", 426, 413, 565, 493),
        _box("性别", 969, 413, 1082, 496),
        _box("女", 1134, 420, 1208, 493),
        _box("母亲姓名 严晓然", 216, 887, 565, 966),
        _box("年龄", 963, 877, 1081, 975),
        _box("29岁", 1130, 883, 1248, 969),
        _box("父亲姓名韩彤嘉", 216, 1170, 565, 1248),
        _box("年龄", 973, 1173, 1076, 1248),
        _box("33岁", 1128, 1166, 1248, 1252),
    ]
    assert _named(lines) == {
        ("person_name", "韩煜然"),
        ("person_name", "严晓然"),
        ("person_name", "韩彤嘉"),
    }


def test_a_label_beside_an_empty_seal_box_is_no_value() -> None:
    """A power of attorney's signature row: the principal's seal box is empty, the
    agent's label and name stand beside it; the agent is the agent's, not the seal's."""
    lines = [
        _box("委托人（盖章）：", 152, 1306, 418, 1364),
        _box("受托人（签字）：尉迟涛", 874, 1291, 1310, 1373),
        _box("法定代表人（签字）：金亦", 142, 1385, 598, 1466),
    ]
    assert _named(lines) == {("person_name", "尉迟涛"), ("person_name", "金亦")}


def test_a_header_of_people_or_businesses_is_no_name() -> None:
    """A shareholder register's "股东姓名或名称" heads its names: "或名称" is no name; the
    cell under it is the first shareholder."""
    lines = [
        _box("股东姓名或名称", 120, 416, 362, 483),
        _box("证件号码", 395, 416, 550, 483),
        _box("认缴出资额（万元）", 808, 416, 1092, 483),
        _box("黄吴天", 113, 489, 249, 569),
        _box("15040219681023439X", 401, 502, 746, 559),
    ]
    assert _named(lines) == {("person_name", "黄吴天")}


def test_a_header_with_a_note_beside_a_label_is_no_value() -> None:
    """ "认缴出资额（万元）" is the next column's header, its unit in a note, not the
    name of whoever "股东名称或姓名" labels."""
    lines = [
        _box("股东名称或姓名", 330, 1235, 561, 1292),
        _box("认缴出资额（万元）", 739, 1232, 1008, 1299),
        _box("持股比例", 1041, 1232, 1193, 1299),
        _box("萧菁昱", 340, 1295, 463, 1365),
        _box("70.00", 911, 1299, 1019, 1359),
    ]
    assert _named(lines) == {("person_name", "萧菁昱")}


def test_an_officer_is_named_by_the_office_but_members_are_nobody() -> None:
    """A special equipment registration names its safety officer ("安全管理员") in the
    cell beside, before the officer's ID number; a social organisation's business scope
    ("组织会员开展学术交流…") names no member, however its line ends."""
    lines = [
        _box("安全管理员", 150, 1200, 420, 1260),
        _box("葛昀楠", 470, 1200, 640, 1260),
        _box("身份证号码", 700, 1200, 960, 1260),
        _box("231004198105098450", 1000, 1200, 1500, 1260),
        _box("组织会员开展学术交流、技术培训；受政府部", 150, 1400, 1300, 1460),
    ]
    assert _named(lines) == {("person_name", "葛昀楠")}


def test_a_legal_representative_in_a_decisions_brackets() -> None:
    """An administrative licence decision names its party's legal representative in
    brackets inside its opening sentence."""
    text = "你单位（统一社会信用代码：911306064107396094，法定代表人：詹煦婕）于"
    lines = [_box(text, 150, 600, 150 + 40 * len(text), 660)]
    assert ("person_name", "詹煦婕") in _named(lines)
