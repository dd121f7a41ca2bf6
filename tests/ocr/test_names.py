"""Person and enterprise names as real hall documents set them: labels of leases, venue
certificates and name notices, a label wrapped in its cell, a name sharing its line with
the next field, tables whose headers are centred over their cells."""

from __future__ import annotations

import pytest

from ocr.engine import Line, rect_box
from ocr.fields import extract_fields
from ocr.name_readings import repair_legal_form
from tests.ocr.synthetic import box as _box
from tests.ocr.synthetic import line as _line
from tests.ocr.synthetic import named as _named
from tests.ocr.synthetic import reading as _reading


@pytest.mark.parametrize(
    ("label", "value", "kind"),
    [
        # leases
        ("出租人", "乌云其木格", "person_name"),
        ("出租人", "包头市鹿城置业有限公司", "enterprise_name"),
        ("承租人", "巴特尔", "person_name"),
        # venue certificates
        ("产权单位", "锡林浩特市白马商贸有限公司", "enterprise_name"),
        ("使用单位", "赤峰市红山区惠民超市", "enterprise_name"),
        # forms and notices
        ("申报人", "其其格", "person_name"),
        ("申报人", "通辽市远航商贸有限公司", "enterprise_name"),
        ("申请单位", "呼伦贝尔市海拉尔区兴安宾馆", "enterprise_name"),
        ("申报单位", "乌海市新华书店", "enterprise_name"),
    ],
)
def test_labels_of_leases_venue_certificates_and_notices(label: str, value: str, kind: str) -> None:
    assert (kind, value) in _named([_line(f"{label}：{value}", 160, 300)])
    beside = [_line(label, 160, 300), _line(value, 160 + 32 * len(label) + 60, 302)]
    assert _named(beside) == {(kind, value)}


def test_a_partys_label_with_name_after_it_is_a_business_when_its_value_is() -> None:
    """A food business licence's "经营者名称" is the business (a branch here), not its
    operator; the same label holding a person's name is a person."""
    lines = [
        _box("经营者名称", 133, 362, 323, 429),
        _box("武汉嘉沐食品科技有限公司青岛黄岛区分公司", 463, 369, 1133, 423),
    ]
    assert _named(lines) == {("enterprise_name", "武汉嘉沐食品科技有限公司青岛黄岛区分公司")}
    assert _named([_line("经营者名称：其木格", 160, 300)]) == {("person_name", "其木格")}


def test_a_label_wrapped_inside_its_note_still_labels_the_value_beside() -> None:
    """A narrow cell wraps "法定代表人（负责人）" inside its parentheses; the name stands
    in the next cell, level with the label's first line."""
    lines = [
        _box("法定代表人（负责", 133, 506, 417, 572),
        _box("汪翊", 436, 525, 539, 598),
        _box("人）", 133, 553, 220, 620),
    ]
    assert _named(lines) == {("person_name", "汪翊")}


@pytest.mark.parametrize(
    "text",
    ["联系人：冉霁钊 联系电话：13961199235", "联系人：冉霁钊联系电话：13961199235"],
)
def test_a_name_ends_where_the_next_field_of_its_line_begins(text: str) -> None:
    lines = [_box(text, 101, 1267, 640, 1323)]
    assert _named(lines) == {("person_name", "冉霁钊")}
    fields = {(f.name, f.value) for f in extract_fields(_reading(lines))}
    assert ("phone", "13961199235") in fields


def test_a_persons_label_followed_by_another_fields_word_is_no_name() -> None:
    """ "经营者住所" is the operator's address's label, "经营者性别" their sex's."""
    lines = [_box("经营者住所", 120, 300, 330, 360), _box("性别", 700, 300, 780, 360)]
    lines += [_box("经营者性别", 120, 400, 330, 460), _box("男", 400, 400, 440, 460)]
    assert _named(lines) == set()


def test_people_under_a_header_centred_over_their_cells() -> None:
    """A directors' table: the headers are centred over their columns, the names set left
    in their cells (to the left of where the header starts) and the duties centred in
    theirs (starting before the midpoint between the two headers). "姓名" in a header
    row labels no value: the cell beside it is the next column's header."""
    lines = [
        _box("姓名", 242, 1100, 345, 1175),
        _box("职务", 581, 1096, 694, 1179),
        _box("公民身份号码", 1043, 1100, 1272, 1175),
        _box("郝楠珂", 116, 1182, 258, 1261),
        _box("董事", 452, 1171, 578, 1267),
        _box("420106197202279585", 813, 1181, 1131, 1256),
        _box("邵钊", 116, 1261, 229, 1344),
        _box("董事长", 462, 1265, 601, 1344),
        _box("440305199504088511", 820, 1280, 1128, 1329),
        _box("联系人：靳曜晗 联系电话：13505872134", 110, 1360, 727, 1424),
    ]
    assert _named(lines) == {
        ("person_name", "郝楠珂"),
        ("person_name", "邵钊"),
        ("person_name", "靳曜晗"),
    }


def test_people_and_businesses_under_a_header_with_a_note() -> None:
    """ "投资人名称（姓名）" heads a column of people and businesses; a person's short cell
    right above a business's is no first line of it (a wrapped name's first line is full),
    a business name wrapped in its cell is whole."""
    lines = [
        _box("投资人名称（姓名）", 238, 966, 549, 1033),
        _box("证照类型", 720, 963, 879, 1033),
        _box("证照号码", 1144, 960, 1315, 1036),
        _box("崔钧韫", 129, 1042, 268, 1122),
        _box("居民身份证", 655, 1039, 862, 1125),
        _box("350203196712054996", 943, 1052, 1257, 1109),
        _box("成都蔚岚建材贸易有限公司", 136, 1132, 546, 1195),
        _box("营业执照", 655, 1125, 827, 1205),
        _box("91510107380071432K", 940, 1138, 1257, 1195),
        _box("杭州恒楷股权投资合伙企业（有限", 136, 1210, 676, 1276),
        _box("合伙）", 136, 1256, 250, 1330),
        _box("营业执照", 655, 1230, 827, 1300),
        _box(
            "本告知书不作为企业登记的依据，名称的使用以登记机关核准登记为准。",
            120,
            1400,
            1015,
            1464,
        ),
    ]
    assert _named(lines) == {
        ("person_name", "崔钧韫"),
        ("enterprise_name", "成都蔚岚建材贸易有限公司"),
        ("enterprise_name", "杭州恒楷股权投资合伙企业（有限合伙）"),
    }


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("委托人", "中国农业银行锡林浩特支行"),
        ("权利人", "内蒙古人民出版社"),
        ("申请人", "锡林郭勒盟中蒙医研究所"),
        ("出租人", "锡林浩特市白马加油站"),
        ("申报人", "锡林浩特市个体劳动者协会"),
        ("机构名称", "永顺燚泰社区卫生服务站"),
        ("申请人", "锡林浩特市宝力根街道卫生服务站"),
        ("申请单位", "锡林浩特市阿尔善嘎查卫生室"),
        ("机构名称", "锡林浩特市第一敬老院"),
    ],
)
def test_banks_publishers_institutes_stations_and_associations_are_businesses(
    label: str, value: str
) -> None:
    """A party's value ending like a bank's branch, a publisher, an institute, a filling
    station, an association, a community or village clinic or an old people's home is an
    enterprise's name, not a person's."""
    assert _named([_line(f"{label}：{value}", 160, 300)]) == {("enterprise_name", value)}


def test_the_party_a_letter_opens_with_is_named() -> None:
    """A power of attorney names its agent in its opening sentence, a certificate the
    business it certifies; a commitment's "本人" names nobody."""
    lines = [
        _line("兹委托傅天佑同志代表我单位前往市场监督管理部门办理变更登记", 120, 300),
        _line("兹证明厦门蔚岚文化传媒有限公司（统一社会信用代码：91350203464906871Y）", 120, 400),
        _line("本人承诺：所提交的申请材料真实、合法、有效", 120, 500),
    ]
    assert _named(lines) == {
        ("person_name", "傅天佑"),
        ("enterprise_name", "厦门蔚岚文化传媒有限公司"),
    }


def test_a_certificate_of_a_person_opens_with_a_comma() -> None:
    """A record certificate sets a comma after its opening words and after the person
    ("兹证明，尉迟楠蕾，性别男，…"); its own unit ("兹证明，我单位…") is nobody."""
    lines = [
        _line("兹证明，尉迟楠蕾，性别男，公民身份号码210102199610270998，于", 120, 300),
        _line("兹证明，我单位，现有在职职工一百二十人。", 120, 400),
    ]
    assert _named(lines) == {("person_name", "尉迟楠蕾")}


def test_a_certificate_of_a_person_opens_a_line_with_them() -> None:
    """A no-criminal-record certificate sets its opening words on a line of their own,
    the person on the next, with their particulars ("肖子，性别女，壮族，…"); a record
    that opens with the person's sex after a comma names them too."""
    lines = [
        _line("兹证明：", 120, 300),
        _line("肖子，性别女，壮族，1998年1月23日出生，公民身份号码450103199801238203，", 120, 360),
        _line("兹证明：侯红，男，汉族，1990年3月2日出生，", 120, 460),
        _line("户籍地址广西壮族自治区南宁市青秀区解放路16号17栋3单元1301室。", 120, 560),
    ]
    assert _named(lines) == {("person_name", "肖子"), ("person_name", "侯红")}


def test_values_set_under_their_labels() -> None:
    """A table of one row under its header row ("企业名称 | 统一社会信用代码 | 法定代表人"),
    and a label ending in a colon with its value on the line below; a label without a
    colon beside an empty cell takes nothing from the next row ("职业" is no name)."""
    lines = [
        _box("企业名称", 160, 300, 300, 350),
        _box("统一社会信用代码", 700, 300, 960, 350),
        _box("法定代表人", 1100, 300, 1280, 350),
        _box("锡林浩特市白马商贸有限公司", 120, 370, 560, 420),
        _box("91152502MA0N0K8X4R", 690, 370, 980, 420),
        _box("乌云其木格", 1100, 370, 1280, 420),
        _box("委托人：", 120, 600, 240, 650),
        _box("巴特尔", 120, 665, 230, 715),
        _box("姓名", 120, 900, 200, 950),
        _box("职业", 120, 970, 200, 1020),
        _box("个体经营", 300, 970, 440, 1020),
    ]
    assert _named(lines) == {
        ("enterprise_name", "锡林浩特市白马商贸有限公司"),
        ("person_name", "乌云其木格"),
        ("person_name", "巴特尔"),
    }


def test_a_short_name_above_a_business_is_not_its_first_line() -> None:
    """Under "投资人名称" a person's cell stands right above a business's: the person is
    whole, the business's name is no continuation of theirs."""
    lines = [
        _box("投资人名称", 238, 966, 549, 1033),
        _box("证照类型", 720, 963, 879, 1033),
        _box("崔钧韫", 238, 1042, 377, 1102),
        _box("居民身份证", 720, 1039, 862, 1105),
        _box("成都蔚岚建材贸易有限公司", 238, 1112, 648, 1175),
        _box("营业执照", 720, 1110, 827, 1175),
    ]
    assert _named(lines) == {
        ("person_name", "崔钧韫"),
        ("enterprise_name", "成都蔚岚建材贸易有限公司"),
    }


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "单位名称（盖章）：西安云栖物业服务白限公司",
            "enterprise_name",
            "西安云栖物业服务有限公司",
        ),
        ("委托人：青岛嘉禾商贸有限公可", "enterprise_name", "青岛嘉禾商贸有限公司"),
        ("名称：武汉泓泰新材料有限责仼公司", "enterprise_name", "武汉泓泰新材料有限责任公司"),
    ],
)
def test_a_legal_form_read_with_one_wrong_character(text: str, kind: str, value: str) -> None:
    """有限公司 with one character misread is 有限公司: a party whose form was misread is
    still a business, and its name is read right."""
    assert _named([_line(text, 120, 300)]) == {(kind, value)}


@pytest.mark.parametrize("value", ["某某有色公司", "某某有线公司", "某某无限公司", "某某集团公司"])
def test_a_legal_form_one_character_away_from_another_is_left_alone(value: str) -> None:
    """有色公司, 有线公司 and 无限公司 are words and forms of their own."""
    assert repair_legal_form(value) == value


def test_a_business_name_cut_short_by_a_seal_is_the_letterheads() -> None:
    """A certificate's seal covers the end of the unit's name beside 单位名称（盖章）; the
    letterhead names the unit whole."""
    lines = [
        _line("杭州橙果餐饮管理有限公司", 400, 120),
        _line("统一社会信用代码：91330106L3578LL04N", 400, 200),
        _line("收入证明", 600, 300),
        _line("单位名称（盖章）：杭州橙果餐饮", 200, 1200),
    ]
    assert _named(lines) == {("enterprise_name", "杭州橙果餐饮管理有限公司")}


def test_a_business_name_cut_short_stays_when_the_page_names_two_it_begins() -> None:
    """Two businesses on the page begin with what was read: which one is not known."""
    lines = [
        _line("致：杭州橙果餐饮管理有限公司、杭州橙果餐饮连锁有限公司：", 200, 120),
        _line("单位名称（盖章）：杭州橙果餐饮", 200, 1200),
    ]
    assert _named(lines) == {("enterprise_name", "杭州橙果餐饮")}


def test_the_unit_a_legal_representative_serves() -> None:
    """A certificate of a legal representative names the unit the person serves ("系
    ____的执行董事"); an employee of "我单位" names no business."""
    lines = [
        _line("号码：510107198403130149，系 西湖区朗峰食用菌种植农民专业合作社的", 120, 300),
        _line("执行董事，为本单位的法定代表人。", 120, 360),
        _line("兹证明马祎菁（公民身份号码：350203197108072121）系我单位的正式员工", 120, 500),
    ]
    assert _named(lines) == {
        ("enterprise_name", "西湖区朗峰食用菌种植农民专业合作社"),
        ("person_name", "马祎菁"),
    }


@pytest.mark.parametrize(
    ("text", "people"),
    [("权利人 冯鹭琛、童舟", {"冯鹭琛", "童舟"}), ("权利人：王芳、李娜", {"王芳", "李娜"})],
)
def test_co_owners_listed_with_a_separator_are_each_named(text: str, people: set[str]) -> None:
    """A property certificate lists its co-owners after 权利人, parted by "、"."""
    assert _named([_line(text, 120, 300)]) == {("person_name", p) for p in people}


def test_a_business_named_twice_is_read_as_the_surer_line_reads_it() -> None:
    """The letterhead and the seal box name the same unit; one character of the seal
    box's reading differs (饰 read 项) and the engine was surer of the letterhead."""
    lines = [
        Line("青岛知行建筑装饰工程有限公司", rect_box(500, 118, 1150, 191), 0.999),
        Line(
            "单位名称（盖章）：青岛知行建筑装项工程有限公司", rect_box(535, 997, 1314, 1061), 0.974
        ),
    ]
    assert _named(lines) == {("enterprise_name", "青岛知行建筑装饰工程有限公司")}


def test_two_businesses_one_character_apart_when_the_label_was_read_surer() -> None:
    """The reading beside the label stands when the engine was surer of it."""
    lines = [
        Line("青岛知行建筑装项工程有限公司", rect_box(500, 118, 1150, 191), 0.9),
        Line(
            "单位名称（盖章）：青岛知行建筑装饰工程有限公司", rect_box(535, 997, 1314, 1061), 0.974
        ),
    ]
    assert _named(lines) == {("enterprise_name", "青岛知行建筑装饰工程有限公司")}


def test_a_legal_form_put_right_stays_right_beside_a_label_read_less_surely() -> None:
    """The value's own cell, read surer than its label, is no other reading of it."""
    lines = [
        Line("单位名称", rect_box(120, 300, 280, 340), 0.9),
        Line("西安云栖物业服务白限公司", rect_box(320, 300, 720, 340), 0.97),
    ]
    assert _named(lines) == {("enterprise_name", "西安云栖物业服务有限公司")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("财务负责人：白音", {("person_name", "白音")}),
        ("项目负责人（签字）：乌日娜", {("person_name", "乌日娜")}),
        ("受让方：包头市鹿城置业有限公司", {("enterprise_name", "包头市鹿城置业有限公司")}),
        ("发包方：巴特尔", {("person_name", "巴特尔")}),
        (
            "建设单位：赤峰市红山区惠民建筑工程有限公司",
            {("enterprise_name", "赤峰市红山区惠民建筑工程有限公司")},
        ),
        (
            "分支机构名称：通辽市远航商贸有限公司科尔沁分公司",
            {("enterprise_name", "通辽市远航商贸有限公司科尔沁分公司")},
        ),
        # a role's label without a name's shape after it is no field
        ("建设单位：见附件", set()),
        ("产品名称：奶豆腐", set()),
        ("收件人：", set()),
        ("处方：阿莫西林胶囊", set()),
        ("个人：无", set()),
        ("出具单位：锡林浩特市社会保险事业管理中心", set()),
    ],
)
def test_roles_the_label_table_does_not_list(text: str, expected: set[tuple[str, str]]) -> None:
    """The forms name more parties than any list of labels holds: a label of a few
    characters ending in 人, a contract's 方, 单位 or 名称, then a colon, labels the name
    after it when that value is shaped like a person's or a business's."""
    assert _named([_line(text, 160, 300)]) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a label cell, the value in the cell beside (a form's table, no colon)
        (
            [_line("举办者名称", 160, 300), _line("郑州枫禾餐饮管理有限责任公司", 500, 300)],
            {("enterprise_name", "郑州枫禾餐饮管理有限责任公司")},
        ),
        (
            [_line("工作单位", 160, 300), _line("武汉鼎谦建材有限公司", 500, 300)],
            {("enterprise_name", "武汉鼎谦建材有限公司")},
        ),
        # a space parts label and value
        (
            [_line("受让方 包头市鹿城置业有限公司", 160, 300)],
            {("enterprise_name", "包头市鹿城置业有限公司")},
        ),
        ([_line("发包人 巴特尔", 160, 300)], {("person_name", "巴特尔")}),
        # glued: a business only ("扣缴义务人" and its value merged by the detector)
        (
            [_line("扣缴义务人重庆澜图软件有限责任公司", 160, 300)],
            {("enterprise_name", "重庆澜图软件有限责任公司")},
        ),
        ([_line("委托他人办理的须提供身份证", 160, 300)], set()),
        ([_line("代办人王芳", 160, 300)], set()),
        # an authority's unit, wherever its word stands, is nobody's business
        ([_line("业务主管单位", 160, 300), _line("郑州市金水区民政局", 500, 300)], set()),
        ([_line("业务主管单位", 160, 300), _line("郑州市金水区社会福利中心", 500, 300)], set()),
        # the office a person is to take, before a listed label
        ([_line("拟任法定代表人饶霖", 160, 300)], {("person_name", "饶霖")}),
    ],
)
def test_a_roles_label_without_a_colon(lines: list[Line], expected: set[tuple[str, str]]) -> None:
    """A form's label cell needs no colon: a role's label alone in its cell labels the
    name in the cell beside, one parted from its value by a space labels it; glued to
    what follows, it labels a business (the detector merged the two cells), never words
    that happen to start like a name."""
    assert _named(lines) == expected


def test_a_business_signing_on_a_line_of_its_own() -> None:
    """A letterhead and a signature name the business on a line of their own; the second
    line of a name wrapped in its cell is no business ("牧业发展有限公司"), nor is a hall
    ending like an office ("政务服务中心")."""
    lines = [
        _box("鄂尔多斯市瑞丰农牧业发展有限公司", 400, 120, 1250, 180),
        _box("锡林浩特市政务服务中心", 400, 220, 1000, 280),
        _box("鄂尔多斯市华信农", 334, 1187, 691, 1291),
        _box("牧业发展有限公司", 343, 1250, 687, 1330),
        _box("通辽市远航商贸有限公司（盖章）", 900, 2000, 1500, 2060),
    ]
    assert _named(lines) == {
        ("enterprise_name", "鄂尔多斯市瑞丰农牧业发展有限公司"),
        ("enterprise_name", "通辽市远航商贸有限公司"),
    }


def test_a_business_under_a_shorter_line_is_no_wrapped_name() -> None:
    """A text wraps where its line is full: a shorter line right over a business's name
    (a shareholder named under another in a table, the words a signature opens with) is
    no first half of the name."""
    lines = [
        _box("余霁", 159, 1432, 255, 1505),
        _box("西安恒瑞农业开发有限责任公司", 159, 1502, 583, 1565),
        _box("盖章单位", 900, 1800, 1060, 1860),
        _box("宁波甬江包装有限公司", 900, 1862, 1300, 1922),
    ]
    found = _named(lines)
    assert ("enterprise_name", "西安恒瑞农业开发有限责任公司") in found
    assert ("enterprise_name", "宁波甬江包装有限公司") in found


def test_a_business_titling_its_own_document_or_sealing_after_the_word() -> None:
    """A resolution titled with the business's name ("某某有限公司股东会决议"), its articles
    ("某某有限公司章程") and a seal's line "公司盖章：某某有限公司" name the business; a
    title without a business ("股东会决议") names none."""
    lines = [
        _box("兰州恒泰商贸有限公司股东会决议", 500, 100, 1300, 170),
        _box("银川塞上明珠餐饮有限公司章程", 500, 300, 1250, 370),
        _box("股东会决议", 600, 500, 900, 570),
        _box("公司盖章：贵阳筑城印务有限公司", 900, 2000, 1600, 2060),
    ]
    assert _named(lines) == {
        ("enterprise_name", "兰州恒泰商贸有限公司"),
        ("enterprise_name", "银川塞上明珠餐饮有限公司"),
        ("enterprise_name", "贵阳筑城印务有限公司"),
    }


def test_an_addressee_of_any_kind_of_business() -> None:
    """A notice addressed to its applicant on a line of its own ("某某花卉工作室：",
    "某某超市：") names the business, whatever kind it is; a letter addressed to a hall
    ("某某政务服务中心：") or a heading with no colon ("某某便利店") names none."""
    lines = [
        _box("宜昌千山花卉工作室：", 150, 300, 700, 360),
        _box("荆门漳河生鲜超市:", 150, 500, 600, 560),
        _box("宜昌市西陵区政务服务中心：", 150, 700, 800, 760),
        _box("宜昌东山便利店", 150, 900, 600, 960),
    ]
    assert _named(lines) == {
        ("enterprise_name", "宜昌千山花卉工作室"),
        ("enterprise_name", "荆门漳河生鲜超市"),
    }


def test_a_person_named_before_their_id_number() -> None:
    """A pledge's signer ("本人张三，身份证号码…") and a party followed by their ID number
    are named, so is one after a role's word ("经办人萨仁，身份证号码…"), a business
    followed by its credit code too; a person's particulars
    ("性别男，公民身份号码…") and a document's words ("本人有效身份证件") are not, nor a
    name before a number whose check character fails."""
    lines = [
        _line("锡林浩特市白马商贸有限公司（统一社会信用代码：91152502MA0N0K8X4B）", 120, 200),
        _line("股东 乌兰（身份证号：152501199003150021）", 120, 250),
        _line("本人其木格，身份证号码：152501199003150020，承诺如下：", 120, 300),
        _line("股东 哈斯巴根（身份证号：15250119850615001X）", 120, 400),
        _line("性别男，公民身份号码210102199610270998", 120, 500),
        _line("受托人须持本人有效身份证件原件", 120, 600),
        _line("你单位（经办人萨仁，身份证号码152502199203040025）于2026年8月13日申请", 120, 700),
    ]
    assert _named(lines) == {
        ("person_name", "萨仁"),
        ("person_name", "其木格"),
        ("person_name", "哈斯巴根"),
        ("enterprise_name", "锡林浩特市白马商贸有限公司"),
    }


def test_a_signer_named_after_the_signing_word() -> None:
    """A receipt's "申请人签收：张三" names the applicant; a table of materials' "法定代表人
    任职文件" (the detector merged the label and the document's name) names nobody; a
    signature's place without a name ("委托人签字：") neither. A signing word ending its
    line names the person in the box beside ("受托人签名：" | "郜晓岚"), and so does a
    role's ("领取人签字：阚立新"), its second character misread ("签予：") or a speck read
    before its note ("委托人·（签字）：")."""
    lines = [
        _line("申请人签收：晏淼棠", 120, 300),
        _line("法定代表人任职文件", 120, 400),
        _line("委托代理人授权委托书", 120, 500),
        _line("委托人签字：", 120, 600),
        _box("受托人签名：", 120, 700, 330, 740),
        _box("郜晓岚", 420, 700, 520, 740),
        _line("领取人签字：阚立新", 120, 800),
        # a poor copy: the signing word's second character misread, a speck before a note
        _line("法定代表人签予：方强", 120, 900),
        _line("委托人·（签字）：葛锴", 120, 1000),
    ]
    assert _named(lines) == {
        ("person_name", "方强"),
        ("person_name", "葛锴"),
        ("person_name", "晏淼棠"),
        ("person_name", "郜晓岚"),
        ("person_name", "阚立新"),
    }


def test_words_of_a_forms_vocabulary_are_no_names() -> None:
    """A contribution table's headers ("医疗单位", "失业个人", "缴费状态") under a header
    row were read as people; the end of a label wrapped in its cell ("参保人" / "员名单")
    as the insured person, with no doubt. Such words name nobody: none is found, and a
    label's value made of them is flagged for the clerk."""
    lines = [
        _box("姓名", 178, 317, 282, 397),
        _box("苏刚颖", 336, 312, 484, 402),
        _box("费款所属期", 214, 542, 395, 613),
        _box("医疗单位", 900, 542, 1040, 613),
        _box("失业个人", 1100, 542, 1240, 613),
        _box("缴费状态", 1300, 542, 1440, 613),
        _box("202502", 214, 620, 330, 690),
        _box("已实缴", 1300, 620, 1410, 690),
    ]
    assert _named(lines) == {("person_name", "苏刚颖")}
    (field,) = [f for f in extract_fields(_reading([_line("参保人：员名单", 120, 200)]))]
    assert field.value == "员名单" and not field.valid and field.needs_review


def test_a_companys_officers_labelled_with_a_colon() -> None:
    """A registration form's officers ("执行董事：…", "监事：…", "经理：…") are people; the
    offices a form ticks ("☑章程修正案董事 | 监事 | ☑经理") and a board's resolution are
    not labels."""
    lines = [
        _line("执行董事：栾国栋", 120, 300),
        _line("监事：鄢秀英", 120, 400),
        _line("经理：逄志强", 120, 500),
        _box("备案事项", 120, 600, 300, 640),
        _box("☑章程修正案董事", 350, 600, 640, 640),
        _box("监事", 700, 600, 780, 640),
        _box("☑经理", 830, 600, 940, 640),
        _line("董事会决议", 120, 700),
    ]
    assert _named(lines) == {
        ("person_name", "栾国栋"),
        ("person_name", "鄢秀英"),
        ("person_name", "逄志强"),
    }


def test_a_labels_note_in_the_cell_of_its_value() -> None:
    """ "乙方" alone on its line, its note "（盖章）：" opening the business's line beside."""
    lines = [
        _box("乙方", 120, 300, 200, 350),
        _box("（盖章）：武汉霁川医疗器械股份有限公司", 230, 300, 900, 350),
    ]
    assert _named(lines) == {("enterprise_name", "武汉霁川医疗器械股份有限公司")}


def test_people_under_headers_wrapped_in_their_cells() -> None:
    """A shareholders' table whose narrow header cells wrap ("股东名称或姓" / "名",
    "证件类" / "型"): the header names people or businesses; the ID-type cells beside
    are no names."""
    lines = [
        _box("序号", 67, 210, 97, 257),
        _box("股东名称或姓", 97, 210, 185, 239),
        _box("名", 128, 229, 154, 255),
        _box("证件类", 184, 210, 238, 240),
        _box("型", 195, 226, 227, 256),
        _box("证件号码", 274, 218, 338, 248),
        _box("出资比例", 384, 217, 464, 249),
        _box("黎韬薇", 92, 259, 143, 290),
        _box("居民身份证", 185, 259, 236, 290),
        _box("620102199912161937", 240, 261, 373, 286),
        _box("4.00%", 384, 261, 452, 286),
        _box("农沛彦", 90, 301, 145, 330),
        _box("居民身份证", 185, 301, 236, 330),
        _box("330402199507171610", 240, 299, 374, 329),
        _box("96.00%", 384, 303, 452, 328),
    ]
    assert {v for k, v in _named(lines) if k == "person_name"} == {"黎韬薇", "农沛彦"}


def test_a_section_title_over_a_header_row_is_no_part_of_its_header() -> None:
    """A family table under its section's title ("家庭成员情况" over "姓名 与本人关系
    公民身份号码 …"): "姓名" heads its own column, so every member under it is a
    person, not only the one read with their ID number."""
    lines = [
        _box("家庭成员情况", 158, 982, 430, 1056),
        _box("姓名", 230, 1042, 340, 1123),
        _box("与本人关系", 399, 1046, 616, 1119),
        _box("公民身份号码", 767, 1046, 1019, 1119),
        _box("工作单位或就读学校", 1253, 1053, 1604, 1117),
        _box("司寇栩驿", 161, 1109, 347, 1194),
        _box("儿子", 388, 1105, 509, 1198),
        _box("410927197901060199", 612, 1111, 1012, 1201),
        _box("隆林泠泉纸扎有限公司", 1163, 1113, 1565, 1194),
        _box("司寇湉湛", 161, 1186, 351, 1271),
        _box("配偶", 395, 1186, 512, 1267),
        _box("433127195007076667", 616, 1194, 1000, 1264),
        _box("务农", 1155, 1183, 1280, 1275),
        _box("本人承诺：以上填写内容及提供的材料真实有效，如有虚假，本人", 154, 1285, 1686, 1356),
    ]
    assert {v for k, v in _named(lines) if k == "person_name"} == {"司寇栩驿", "司寇湉湛"}


def test_owners_under_a_roles_name_header_down_to_the_next_label() -> None:
    """A property application's owners under "权利人姓名" (wrapped in its cell), the
    next row's label ("坐落") no owner; a character of another cell to the left of a
    name is not the end of it."""
    lines = [
        _box("权利人姓", 238, 635, 493, 748),
        _box("名", 330, 720, 400, 810),
        _box("证件种类", 514, 663, 764, 776),
        _box("证件号码", 969, 667, 1207, 773),
        _box("联系电话", 1909, 663, 2156, 782),
        _box("尚昀岫", 271, 820, 470, 925),
        _box("居民身份证", 493, 815, 789, 930),
        _box("620102198612122632", 775, 824, 1328, 919),
        _box("15872606944", 1821, 829, 2170, 916),
        _box("况", 120, 900, 200, 985),
        _box("聂蓁恺", 266, 944, 476, 1063),
        _box("居民身份证", 493, 944, 789, 1063),
        _box("430602200506259645", 775, 950, 1328, 1050),
        _box("坐落", 271, 1100, 400, 1190),
        _box("甘肃省兰州市城关区望海街397号", 500, 1100, 1600, 1190),
    ]
    assert {v for k, v in _named(lines) if k == "person_name"} == {"尚昀岫", "聂蓁恺"}


def test_a_colon_read_as_an_equals_sign_parts_label_and_value() -> None:
    """A yellowed copy's faint "：" reads "=" ("姓名 = 臧永霞"): the name without it."""
    assert _named([_line("姓名 = 臧永霞 性别 = 女", 160, 300)]) == {("person_name", "臧永霞")}


@pytest.mark.parametrize(
    ("text", "business"),
    [
        # a table's row read as one line, its label one the label table does not list
        ("转让方 杭州云栖茶业有限公司 统一社会信用代码 91330106MA2H3K4L5P", "杭州云栖茶业有限公司"),
        ("1 嘉兴南湖丝绸有限公司 货币 50 2025年12月31日", "嘉兴南湖丝绸有限公司"),
        # a sentence about the business
        (
            "经审查，宁波甬江包装有限公司提交的变更登记申请材料齐全，符合法定形式。",
            "宁波甬江包装有限公司",
        ),
        ("前往市场监督管理局办理温州瓯江鞋业有限公司的设立登记", "温州瓯江鞋业有限公司"),
        ("…执行董事，系厦门信达农业科技有限公司的股东", "厦门信达农业科技有限公司"),
        ("丽水松阳茶叶专业合作社、衢州江山蜂业有限公司申请合并", "丽水松阳茶叶专业合作社"),
        ("丽水松阳茶叶专业合作社、衢州江山蜂业有限公司申请合并", "衢州江山蜂业有限公司"),
        # a shop named as the individual business it is (latex's correction notice)
        (
            "你（单位）于2026年8月1日提交的蜀山区立信便利店个体工商户设立登记申请材料，经审",
            "蜀山区立信便利店",
        ),
        ("经核准，思明区知行水果店（个体工商户）名称变更", "思明区知行水果店"),
    ],
)
def test_a_business_named_among_other_words_of_its_line(text: str, business: str) -> None:
    """A business named inside a line (a row read whole, a sentence) is found from its legal
    form back to the mark, the space or the sentence's words before it."""
    assert ("enterprise_name", business) in _named([_box(text, 100, 300, 1500, 360)])


def test_a_change_tables_row_names_the_party_before_and_after_the_change() -> None:
    """A change registration's table ("项目 | 原登记内容 | 申请变更内容") names, in a row
    its label opens, the party before the change beside the label and the party after it
    in the next cell; a wrapped name before the change is no name after it, and the header
    row over a list of officers ("姓名 | 职务") labels nothing across."""
    lines = [
        _box("项目", 389, 368, 484, 438),
        _box("原登记内容", 647, 365, 816, 430),
        _box("申请变更内容", 1008, 370, 1200, 441),
        _box("法定代表人", 320, 439, 493, 514),
        _box("苏娟建", 538, 440, 655, 510),
        _box("严刚", 911, 440, 1006, 513),
        _box("名称", 320, 532, 420, 596),
        _box("金华德润机械制造有限", 440, 520, 860, 575),
        _box("公司", 440, 565, 520, 620),
        _box("金华德润智能装备有限公司", 911, 532, 1400, 596),
        _box("姓名", 320, 700, 420, 760),
        _box("职务", 600, 700, 700, 760),
        _box("雷淇", 320, 780, 420, 840),
        _box("董事", 600, 780, 700, 840),
    ]
    found = _named(lines)
    assert {("person_name", "苏娟建"), ("person_name", "严刚")} <= found
    assert ("enterprise_name", "金华德润智能装备有限公司") in found
    assert ("person_name", "董事") not in found
    assert not any(value in ("公司", "职务") for _, value in found)


def test_a_label_of_a_party_and_the_way_to_reach_them() -> None:
    """ "联系人及电话" labels a person with a number after the name: the person is the name,
    and "及电话" is no person."""
    lines = [
        _box("联系人及电话", 100, 300, 300, 360),
        _box("王芳 13812345678", 330, 300, 700, 360),
        _box("姓名/手机号码", 100, 500, 350, 560),
        _box("李雷13912345678", 380, 500, 700, 560),
        _box("联系人及电话：张伟 13512345678", 100, 700, 900, 760),
    ]
    assert _named(lines) == {
        ("person_name", "王芳"),
        ("person_name", "李雷"),
        ("person_name", "张伟"),
    }


def test_a_notice_names_the_business_its_application_is_for() -> None:
    """A one-time correction notice (java2d's, its lines): "你（单位）于…提交的某某有限
    责任公司变更登记申请材料" names the business in its prose; what was submitted without
    a business's name ("提交的注销登记申请", "提交的企业变更登记") names none."""
    lines = [
        _box("过文炜：", 150, 300, 330, 360),
        _box(
            "你（单位）于2026年07月05日提交的常州禾丰文化传媒有限责任公司变更登记申请材",
            150,
            380,
            1550,
            440,
        ),
        _box("料，经审查，尚需补正以下材料。", 150, 450, 900, 510),
        _box("你单位于2026年2月27日提交的注销登记申请材料，经审查，", 150, 600, 1500, 660),
        _box("请于十五个工作日内补正以下材料：", 150, 670, 1000, 730),
    ]
    assert ("enterprise_name", "常州禾丰文化传媒有限责任公司") in _named(lines)
    assert not any(kind == "enterprise_name" and "登记" in v for kind, v in _named(lines))


def test_a_notice_addressed_to_a_person() -> None:
    """A notice to its applicant opens with the person's name and a colon over words that
    speak to them ("你于…"); a form's words to its reader ("温馨提示：" over "您…") and a
    name with a colon over anything else name nobody."""
    lines = [
        _box("殷煦沅：", 150, 300, 330, 360),
        _box("你于2026年2月11日提交的个体工商户设立登记申请，", 150, 380, 1500, 440),
        _box("温馨提示：", 150, 900, 380, 960),
        _box("您可在政务服务网查询办理进度。", 150, 980, 1100, 1040),
        _box("王强：", 150, 1300, 300, 1360),
        _box("营业执照正本一份", 150, 1380, 700, 1440),
    ]
    assert _named(lines) == {("person_name", "殷煦沅")}
