from __future__ import annotations

from dataclasses import replace

import pytest

from ocr.engine import Line, rect_box
from ocr.fields import (
    credit_code_check_char,
    extract_fields,
    id_number_check_char,
    valid_credit_code,
    valid_id_number,
)
from ocr.pipeline import PageReading, reading_order
from ocr.preprocess import Quality
from tests.ocr.synthetic import box as _box
from tests.ocr.synthetic import line as _line
from tests.ocr.synthetic import named as _named
from tests.ocr.synthetic import reading as _reading


@pytest.mark.parametrize("number", ["11010519491231002X", "440524188001010014"])
def test_valid_id_numbers(number: str) -> None:
    assert valid_id_number(number)
    assert valid_id_number(number.lower())


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check digit
        "11010519491331002X",  # month 13
        "110105194902300025",  # 30 February
        "11010519491231002",  # too short
        "11010519491231002XX",
        "11010519491231O02X",  # a letter O
        "",
    ],
)
def test_invalid_id_numbers(number: str) -> None:
    assert not valid_id_number(number)


def test_id_check_char() -> None:
    assert id_number_check_char("11010519491231002") == "X"
    with pytest.raises(ValueError):
        id_number_check_char("1234")


def test_credit_code_known_valid() -> None:
    assert valid_credit_code("11152500011609534E")
    assert valid_credit_code("91350100M000100Y43")
    assert credit_code_check_char("11152500011609534") == "E"


@pytest.mark.parametrize(
    "code",
    ["11152500011609534F", "11152500011609534", "1115250001160953IE", "11152500011609534O"],
)
def test_credit_code_invalid(code: str) -> None:
    assert not valid_credit_code(code)


def test_credit_code_check_maps_31_to_zero() -> None:
    # find a prefix whose weighted sum is divisible by 31: its check char must be "0"
    for n in range(10_000):
        first17 = f"9115250000{n:07d}"
        if credit_code_check_char(first17) == "0":
            assert valid_credit_code(first17 + "0")
            return
    pytest.fail("no prefix with check char 0 found")


def test_fields_from_table_cells_by_geometry() -> None:
    lines = [
        # value boxes listed before their labels, and slightly lower: order must not matter
        _line("苏日娜", 460, 352),
        _line("经营者姓名", 160, 350),
        _line("152502199012223136", 460, 462),
        _line("公民身份号码", 160, 460),
        _line("联系电话", 1010, 460),
        _line("15307808422", 1210, 463),
        _line("个体工商户名称", 160, 570),
        _line("锡林浩特市敖包山餐饮店", 460, 571),
        _line("住址", 160, 680),
        _line("内蒙古自治区锡林浩特市额尔", 460, 680),
        _line("敦街道贝子庙街75号", 460, 728),
        _line("统一社会信用代码:92152502MANKKGONTM", 160, 800),
        _line("经营场所平面布局图", 160, 900),
    ]
    fields = {f.name: f for f in extract_fields(_reading(lines))}
    assert fields["person_name"].value == "苏日娜"
    assert fields["id_number"].value == "152502199012223136" and fields["id_number"].valid
    assert fields["phone"].value == "15307808422"
    assert fields["enterprise_name"].value == "锡林浩特市敖包山餐饮店"
    assert fields["address"].value == "内蒙古自治区锡林浩特市额尔敦街道贝子庙街75号"
    # O read for 0 is repaired because the check character confirms it
    assert fields["credit_code"].value == "92152502MANKKG0NTM"
    assert fields["credit_code"].valid
    assert not any(f.value == "平面布局图" for f in fields.values())


def test_bad_check_digit_needs_review() -> None:
    lines = [_line("公民身份号码", 100, 100), _line("152502199012223137", 400, 100)]
    (field,) = [f for f in extract_fields(_reading(lines)) if f.name == "id_number"]
    assert not field.valid and field.needs_review


def test_an_id_number_wrapped_onto_the_next_line_of_prose_is_found() -> None:
    """A shareholders' resolution names the new director with her ID number in its
    prose, and the line wraps inside the number: its two pieces make 18 characters whose
    check character holds. Pieces whose check character fails are no number."""
    lines = [
        _box("一、选举史丽明（身份证号码：4501031986", 120, 600, 1400, 650),
        _box("01027140）为公司执行董事，任期三年。", 120, 660, 1100, 710),
        _box("合同编号：11010519", 120, 760, 1000, 810),
        _box("4912310021号，租期一年。", 120, 820, 700, 870),
    ]
    ids = [f for f in extract_fields(_reading(lines)) if f.name == "id_number"]
    assert [(f.value, f.valid) for f in ids] == [("450103198601027140", True)]


def test_a_label_wrapped_inside_its_cell_still_labels_its_value() -> None:
    """A social insurance certificate's narrow label cell wraps "参保单位" as "参保单"
    over "位" (fpdf, its boxes): the two lines are one label, and the business beside it
    is the insured employer."""
    lines = [
        _box("姓名", 178, 317, 282, 397),
        _box("苏刚颖", 336, 312, 484, 402),
        _box("参保单", 186, 393, 322, 469),
        _box("位", 181, 437, 256, 513),
        _box("南昌宏远物业服务有限公司", 348, 421, 766, 481),
    ]
    assert ("enterprise_name", "南昌宏远物业服务有限公司") in _named(lines)


def test_people_in_a_table_with_their_document_type_before_the_number() -> None:
    """A shareholders' table whose narrow cells wrap (mpl, its boxes and ruled cells):
    its header's "股东名称或姓" over "名", then a business, and each row is number, name,
    document type ("居民身" over "份证", read whole in its ruled cell) and number, every
    cell a line of its own. The person opening a row is named before the ID number, the
    document between; so is the business opening a row before its credit code, its name
    wrapped over three lines, "营业执" over "照" between."""
    lines = [
        _box("股东名称或姓", 334, 747, 644, 848),
        _box("名", 445, 815, 537, 905),
        _box("证件类", 639, 753, 824, 843),
        _box("型", 683, 809, 780, 899),
        _box("证件号码", 949, 776, 1176, 877),
        _box("认缴出资额", 1345, 776, 1613, 877),
        _box("试式", 1638, 800, 1787, 915),
        _box("钟宸", 315, 915, 459, 1025),
        _box("居民身", 644, 891, 819, 995),
        _box("份证", 658, 953, 803, 1048),
        _box("510703199106068491", 813, 933, 1289, 1006),
        _box("¥99,500.00", 1303, 930, 1578, 1014),
        _box("2", 257, 1119, 310, 1182),
        _box("大连泓业电子", 318, 1027, 621, 1140),
        _box("商务股份有限", 320, 1105, 614, 1191),
        _box("公司", 320, 1163, 454, 1258),
        _box("营业执", 648, 1073, 819, 1163),
        _box("照", 686, 1129, 785, 1220),
        _box("91210202GFTMF85G03", 813, 1110, 1317, 1182),
        _box("¥736,300.00", 1303, 1110, 1602, 1182),
        _box("3", 251, 1281, 320, 1357),
        _box("甘竣恺", 315, 1267, 503, 1372),
        _box("居民身", 644, 1239, 819, 1343),
        _box("份证", 658, 1301, 808, 1396),
        _box("411302200606254092", 803, 1273, 1303, 1363),
        _box("¥577,100.00", 1303, 1276, 1599, 1363),
    ]
    cells = [
        (left, top, right, bottom)
        for top, bottom in ((763, 895), (909, 1041), (1052, 1242), (1257, 1389))
        for left, right in ((243, 324), (339, 646), (658, 810), (821, 1304), (1318, 1637))
    ]
    ordered, text = reading_order(lines, cells)
    page = replace(_reading(lines), lines=ordered, text=text)
    fields = extract_fields(page)
    assert {"钟宸", "甘竣恺"} <= {f.value for f in fields if f.name == "person_name"}
    assert "大连泓业电子商务股份有限公司" in {
        f.value for f in fields if f.name == "enterprise_name"
    }


def test_low_confidence_needs_review() -> None:
    lines = [_line("姓名", 100, 100), _line("张晓梅", 300, 100, conf=0.6)]
    (field,) = extract_fields(_reading(lines))
    assert field.name == "person_name" and field.valid and field.needs_review


def test_value_box_overlapping_its_label_box_is_still_its_value() -> None:
    # padded detector boxes: the name starts 22 px before the label's box ends (seen on
    # a generated ID card copy)
    lines = [
        Line("姓名", rect_box(458, 357, 558, 404), 1.0),
        Line("刘海军", rect_box(536, 351, 694, 408), 1.0),
    ]
    (field,) = extract_fields(_reading(lines))
    assert field.name == "person_name" and field.value == "刘海军"


def test_prose_starting_with_label_is_not_a_field() -> None:
    lines = [_line("名称、规格、数量、生产日期", 100, 100)]
    assert extract_fields(_reading(lines)) == []


def test_id_number_gives_birth_date_and_sex_and_periods_are_checked() -> None:
    from ocr.engine import Line, rect_box

    lines = (
        Line("公民身份号码 152502198408227243", rect_box(0, 0, 900, 40), 0.99),
        Line("有效期限 2021.11.06-2041.11.06", rect_box(0, 60, 900, 100), 0.97),
        Line("有效期限 2030.01.01-2020.01.01", rect_box(0, 120, 900, 160), 0.97),
        Line("有效期限 2021.11.06-长期", rect_box(0, 180, 900, 220), 0.60),
    )
    reading = PageReading(lines, "", 1000, 1000, 0.0, (), False, Quality(100, 100, True), "t", 0)
    got = {(f.name, f.value): f for f in extract_fields(reading)}
    assert ("birth_date", "1984-08-22") in got and ("sex", "女") in got
    ok = got[("validity_period", "2021-11-06/2041-11-06")]
    assert ok.valid and not ok.needs_review and ok.box == lines[1].box
    backwards = got[("validity_period", "2030-01-01/2020-01-01")]
    assert not backwards.valid and backwards.needs_review
    open_ended = got[("validity_period", "2021-11-06/长期")]
    assert open_ended.valid and open_ended.needs_review  # low confidence: the clerk looks


def test_wrapped_business_names_in_a_two_column_licence() -> None:
    """Padded boxes of a wrapped value overlap the line above; the next field's value
    (with its label before it) is no continuation; the right column's wrapped address
    continues though the left column has a line in that row."""
    lines = [
        _box("名称", 140, 646, 255, 725),
        _box("锡林浩特华泰股权投资合伙企业（有", 336, 642, 940, 721),
        _box("限合伙）", 336, 701, 493, 778),
        _box("类型", 144, 794, 248, 863),
        _box("有限责任公司（自然人投资或控股）", 338, 790, 909, 860),
        _box("经营范围", 140, 967, 322, 1039),
        _box("建设工程施工；住宅室内装饰装修；", 336, 967, 913, 1036),
        _box("建筑材料销售；劳务服务（不含劳务", 338, 1022, 933, 1092),
        _box("住所", 980, 908, 1098, 998),
        _box("内蒙古自治区锡林浩特市那达", 1182, 915, 1669, 984),
        _box("慕大街75号", 1174, 963, 1384, 1036),
    ]
    fields = {f.name: f.value for f in extract_fields(_reading(lines))}
    assert fields["enterprise_name"] == "锡林浩特华泰股权投资合伙企业（有限合伙）"
    assert fields["address"] == "内蒙古自治区锡林浩特市那达慕大街75号"


def test_branch_on_the_next_line_completes_the_name() -> None:
    lines = [
        _line("企业名称", 160, 300),
        _line("锡林浩特市白马商贸有限公司", 460, 300),
        _line("第一分公司", 460, 345),
        _line("企业类型", 160, 420),
        _line("有限责任公司", 460, 420),
    ]
    fields = [f for f in extract_fields(_reading(lines)) if f.name == "enterprise_name"]
    assert [f.value for f in fields] == ["锡林浩特市白马商贸有限公司第一分公司"]


def test_name_ending_like_a_business_takes_no_next_line() -> None:
    lines = [
        _line("名称：内蒙古金马律师事务所", 160, 300),
        _line("委托事项详见附件清单", 160 + 32 * 3, 345),
    ]
    fields = [f for f in extract_fields(_reading(lines)) if f.name == "enterprise_name"]
    assert [f.value for f in fields] == ["内蒙古金马律师事务所"]


def test_business_names_under_a_shareholders_header() -> None:
    """A register's names stand under their header: a name wrapped in its cell is joined,
    an ID number the detector merged onto it is dropped, people are not businesses."""
    lines = [
        _box("股东名称", 120, 225, 248, 284),
        _box("证件号码", 390, 225, 519, 284),
        _box("蒙源（内蒙古）食品股份", 123, 296, 390, 345),
        _box("152502198079", 397, 301, 613, 338),
        _box("有限公司", 123, 328, 238, 379),
        _box("哈斯巴根", 120, 396, 238, 448),
        _box("锡林浩特市牧歌农牧业专 152502198061098089", 123, 467, 616, 516),
        _box("业合作社", 123, 499, 329, 551),
    ]
    names = sorted(f.value for f in extract_fields(_reading(lines)) if f.name == "enterprise_name")
    assert names == ["蒙源（内蒙古）食品股份有限公司", "锡林浩特市牧歌农牧业专业合作社"]


def test_next_field_merged_onto_a_name_is_cut_off() -> None:
    lines = [_line("名称 内蒙古草原之星乳业有限公司注册资本人民币伍拾万元", 160, 300)]
    fields = [f for f in extract_fields(_reading(lines)) if f.name == "enterprise_name"]
    assert [f.value for f in fields] == ["内蒙古草原之星乳业有限公司"]


def test_letter_spaced_labels_split_by_the_detector_are_labels() -> None:
    """ "名　　称" and "住　　所" (short labels padded to four characters) come back as a box
    per character; the name's last characters wrapped onto the next line; on the right,
    the detector merged the label's second character with the value."""
    lines = [
        _box("名", 153, 771, 250, 847),
        _box("称", 260, 766, 384, 852),
        _box("鄂尔多斯市蓝海农牧业发展有限", 411, 766, 1104, 855),
        _box("公司", 411, 829, 554, 931),
        _box("类型", 138, 939, 393, 1046),
        _box("有限责任公司（自然人投资或控", 411, 954, 1104, 1041),
        _box("住", 1180, 1108, 1260, 1215),
        _box("所内蒙古自治区鄂尔多斯市东胜区", 1434, 1117, 2146, 1206),
        _box("鄂托克西街205号商务大厦4层", 1462, 1187, 2100, 1276),
    ]
    fields = {f.name: f.value for f in extract_fields(_reading(lines))}
    assert fields["enterprise_name"] == "鄂尔多斯市蓝海农牧业发展有限公司"
    assert fields["address"] == "内蒙古自治区鄂尔多斯市东胜区鄂托克西街205号商务大厦4层"


def test_a_name_wrapped_beside_its_centred_label_is_whole() -> None:
    """A form's cell: the label centred beside a name that wraps onto a second line
    stands level with that line too; it is the name's own label, not the next field's."""
    lines = [
        _box("企业名称", 163, 420, 316, 491),
        _box("呼和浩特市沃土农牧业发展有限", 399, 401, 845, 465),
        _box("公司", 402, 443, 498, 508),
        _box("统一社会信用代码", 858, 420, 1100, 491),
    ]
    fields = [f.value for f in extract_fields(_reading(lines)) if f.name == "enterprise_name"]
    assert fields == ["呼和浩特市沃土农牧业发展有限公司"]
    # another label beside the second line still marks it as the next field's value
    lines[2] = _box("公司", 402, 443, 498, 508)
    lines.append(_box("类型", 163, 450, 250, 500))
    lines[0] = _box("企业名称", 163, 395, 316, 440)
    fields = [f.value for f in extract_fields(_reading(lines)) if f.name == "enterprise_name"]
    assert fields == ["呼和浩特市沃土农牧业发展有限"]


def test_characters_that_begin_no_label_stay_apart() -> None:
    """ "名" and "单" side by side are no "名称" or "单位名称": the shop's name beside them
    is no labelled field (a shop's ending is no legal form's, which alone names a
    business on a line of its own)."""
    lines = [_box("名", 153, 771, 250, 847), _box("单", 260, 766, 384, 852)]
    lines.append(_box("锡林浩特市白马商店", 411, 766, 1104, 855))
    assert [f for f in extract_fields(_reading(lines)) if f.name == "enterprise_name"] == []


@pytest.mark.parametrize(
    ("label", "value", "kind"),
    [
        # the 2019 business licence
        ("名称", "锡林浩特市白马商贸有限公司", "enterprise_name"),
        ("法定代表人", "乌云其木格", "person_name"),
        ("执行事务合伙人", "苏和", "person_name"),
        ("执行事务合伙人", "内蒙古草原投资管理有限公司", "enterprise_name"),
        ("经营者", "巴特尔", "person_name"),
        ("负责人", "其其格", "person_name"),
        ("投资人", "额尔敦", "person_name"),
        # property certificate
        ("权利人", "娜仁花", "person_name"),
        ("权利人", "包头市鹿城置业有限公司", "enterprise_name"),
        # power of attorney
        ("委托人", "萨仁", "person_name"),
        ("委托人", "赤峰市红山区惠民超市", "enterprise_name"),
        ("受托人", "图雅", "person_name"),
        ("委托代理人", "王建国", "person_name"),
        ("代理人", "李文静", "person_name"),
        ("委托人姓名", "赵敏", "person_name"),
        # tax and social insurance certificates
        ("纳税人名称", "通辽市远航商贸有限公司", "enterprise_name"),
        ("缴费单位", "呼伦贝尔市海拉尔区兴安宾馆", "enterprise_name"),
        ("参保单位名称", "乌海市新华书店", "enterprise_name"),
        ("参保人", "阿拉坦仓", "person_name"),
        # ID documents and forms
        ("姓名", "孟根", "person_name"),
        ("申请人", "乌日娜", "person_name"),
        ("申请人", "鄂尔多斯市蓝海农牧业发展有限公司", "enterprise_name"),
        ("联系人", "高娃", "person_name"),
        ("经办人", "格日乐", "person_name"),
        # a lease filing's agency (pdfkit): a shop's name, no company's legal form
        ("经纪机构", "呼和浩特市新城区海纳不动产代理店", "enterprise_name"),
        ("中介机构", "包头市青山区安居房产经纪店", "enterprise_name"),
    ],
)
def test_standard_labels_of_person_and_enterprise_names(label: str, value: str, kind: str) -> None:
    """Labels of the materials a hall receives, as their national formats print them,
    with the value after a colon or in the box beside; a party that may be a person or an
    enterprise (权利人, 委托人, 申请人, ...) is an enterprise when its name ends like one."""
    assert (kind, value) in _named([_line(f"{label}：{value}", 160, 300)])
    beside = [_line(label, 160, 300), _line(value, 160 + 32 * len(label) + 60, 302)]
    assert _named(beside) == {(kind, value)}


def test_a_label_followed_by_another_fields_word_is_that_fields_label() -> None:
    lines = [_line("联系人电话", 160, 300), _line("13912345678", 400, 300)]
    # an investor's residence on a sole proprietorship's application: no person "居所"
    lines += [_line("投资人居所", 160, 500), _line("江西省兴国县埠头乡窑背路26号", 400, 500)]
    assert _named(lines) == set()


@pytest.mark.parametrize("label", ["委托人签字", "申请人签名", "经办人签字", "负责人签字"])
def test_a_partys_signature_cell_labels_the_name_signed_beside_it(label: str) -> None:
    lines = [_line(label, 160, 400), _line("王建国", 400, 400)]
    assert _named(lines) == {("person_name", "王建国")}


@pytest.mark.parametrize("label", ["受理人", "审批人", "登记人", "审核人"])
def test_the_official_who_accepted_or_approved_is_a_person(label: str) -> None:
    """Roles named by an authority's act ("受理", "审批", "登记") are its officials, persons;
    the authority's unit ("受理单位", "发证单位") is no applicant's business."""
    assert _named([_line(f"{label}：王建国", 160, 300)]) == {("person_name", "王建国")}
    beside = [_line(label, 160, 300), _line("王建国", 400, 302)]
    assert _named(beside) == {("person_name", "王建国")}
    assert _named([_line("受理单位：某某区政务服务中心", 160, 400)]) == set()


def test_people_and_businesses_under_a_column_header_of_names() -> None:
    """A shareholders' table: each cell under "股东名称" or "姓名" in the header row is a
    field, a person's name or a business's (wrapped in its cell); the column ends at the
    first cell that is neither. A label "姓名" beside its value heads no column."""
    lines = [
        _box("序号", 40, 225, 110, 284),
        _box("股东名称", 120, 225, 248, 284),
        _box("证件号码", 390, 225, 519, 284),
        _box("哈斯巴根", 120, 296, 238, 345),
        _box("152502198007291236", 397, 301, 613, 338),
        _box("锡林浩特市牧歌农牧业专", 123, 367, 390, 416),
        _box("业合作社", 123, 399, 329, 451),
        _box("其木格", 120, 466, 238, 515),
        _box("合计", 120, 536, 200, 585),
    ]
    assert _named(lines) == {
        ("person_name", "哈斯巴根"),
        ("person_name", "其木格"),
        ("enterprise_name", "锡林浩特市牧歌农牧业专业合作社"),
    }
    card = [
        _box("姓名", 120, 225, 200, 284),
        _box("孟根", 260, 225, 340, 284),
        _box("性别", 120, 296, 200, 345),
        _box("男", 260, 296, 300, 345),
    ]
    assert _named(card) == {("person_name", "孟根")}


def test_a_name_before_the_next_field_loses_the_comma_between() -> None:
    lines = [_line("联系人：涂槿，联系电话：19995084242。", 100, 100)]
    assert ("person_name", "涂槿") in _named(lines)


# a food business licence's two halves, labels over their values (blend): each label of
# the left half stands level with a label of the right half
FOOD_LICENCE_HALVES = """
162 798 491 855 法定代表人（负责人）：
869 798 1062 855 许可证编号：
174 858 297 918 寇临川
885 862 1195 918 JY25463489239686
158 935 268 1004 住所：
871 941 1153 997 日常监督管理机构：
171 1001 791 1065 山东省济宁市邹城市龙湾街道竹园社区6组5
882 1001 1456 1055 邹城市市场监督管理局清溪镇市场监管所
171 1052 251 1115 9号
871 1083 1153 1141 日常监督管理人员：
882 1147 1007 1207 蔺守拙
"""


def test_a_label_beside_a_label_takes_the_value_under_it() -> None:
    """A line ending in a colon beside a label is the other half's label, not its value;
    the licence's inspector is a person."""
    lines = [
        _box(text, *map(float, (left, top, right, bottom)))
        for left, top, right, bottom, text in (
            row.split(maxsplit=4) for row in FOOD_LICENCE_HALVES.strip().splitlines()
        )
    ]
    people = {value for kind, value in _named(lines) if kind == "person_name"}
    assert people == {"寇临川", "蔺守拙"}


def test_a_long_name_without_a_dot_is_confirmed_by_the_clerk() -> None:
    """Two inspectors whose separator was lost read as one name of six characters."""
    lines = [_line("日常监督管理人员：", 100, 100), _line("米敏竹景博芳", 420, 100)]
    (field,) = [f for f in extract_fields(_reading(lines)) if f.name == "person_name"]
    assert field.value == "米敏竹景博芳" and not field.valid and field.needs_review
    lines = [_line("姓名：", 100, 100), _line("阿依古丽·买买提", 300, 100)]
    (field,) = [f for f in extract_fields(_reading(lines)) if f.name == "person_name"]
    assert field.valid


@pytest.mark.parametrize("label", ["用人单位", "开发企业", "生产企业", "申请企业", "供货方"])
def test_a_units_role_with_a_colon_labels_the_business_after_it(label: str) -> None:
    """Roles of a business the table of labels does not list: a unit that employs, an
    enterprise that develops or makes, a party that supplies."""
    found = _named([_line(f"{label}：宜昌晟通粮油贸易有限公司", 160, 300)])
    assert found == {("enterprise_name", "宜昌晟通粮油贸易有限公司")}


def test_a_signature_with_its_date_written_on_is_the_name_alone() -> None:
    """No figure is part of a person's name: the date or number run onto a signature
    goes ("经办人：阚秀英2025年11月8日" was one invalid value); a business's figures
    stay."""
    assert _named([_line("经办人：阚秀英2025年11月8日", 160, 300)]) == {("person_name", "阚秀英")}
    assert _named([_line("申请人（签字）：王五 2026年1月5日", 160, 300)]) == {
        ("person_name", "王五")
    }
    assert _named([_line("申请人：锡林浩特市58同城服务部", 160, 300)]) == {
        ("enterprise_name", "锡林浩特市58同城服务部")
    }


def test_a_label_opening_a_sentence_within_its_line_labels_a_value() -> None:
    """An officer's opinion signed on its own line: the officer's label follows the end
    of a sentence, not the start of the line."""
    line = _line("受理意见 材料齐全，符合受理条件，同意受理。经办人：阚秀英2025年11月8日", 120, 900)
    assert _named([line]) == {("person_name", "阚秀英")}
    signed = _line("本人承诺所填内容真实有效。申请人（签字）：王五", 120, 900)
    assert _named([signed]) == {("person_name", "王五")}
    # a sentence and no label after it, or a label with nothing after it
    assert _named([_line("经审查，同意。审批人：", 120, 900)]) == set()
    assert _named([_line("材料齐全。特此证明。", 120, 900)]) == set()
