"""Columns without rules, from the geometry of synthetic line boxes (no engine): text in
two columns and blocks side by side are read one after the other; label/value rows,
grids, tables with horizontal rules only and tables set in whitespace keep row order."""

from __future__ import annotations

import itertools

import pytest

from ocr import Engine, read_page
from ocr.columns import _side_ended, column_blocks
from ocr.engine import Line, rect_box
from ocr.labels import part_label_values, part_next_labels
from ocr.names import NEXT_LABELS
from ocr.pipeline import reading_order
from ocr.rows import group_rows, page_scale
from ocr.strips import Gap
from sample_scans.columns import dev_page


def squash(text: str) -> str:
    return "".join(text.split())


def cer_counts(truth: str, read: str) -> tuple[int, int]:
    """(edit distance, length) of the page texts, whitespace ignored (as bench/ocr)."""
    a, b = squash(truth), squash(read)
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1], len(a)


BODY = "正文内容" * 3  # a line of running text: 17 characters in a 500 px column
H = 30.0  # line height
PITCH = 48.0


def _ln(text: str, left: float, top: float, right: float, height: float = H) -> Line:
    return Line(text, rect_box(left, top, right, top + height), 0.98)


def _order(lines: list[Line], **kw: object) -> list[str]:
    ordered, _ = reading_order(lines, **kw)  # type: ignore[arg-type]
    return [ln.text for ln in ordered]


def _prose_page() -> list[Line]:
    lines = [_ln("关于推行一窗受理改革的说明", 300, 60, 900, 44)]
    lines += [_ln(f"左栏第{k}行{BODY}", 100, 160 + k * PITCH, 600) for k in range(6)]
    lines += [_ln(f"右栏第{k}行{BODY}", 660, 160 + k * PITCH, 1160) for k in range(4)]
    lines.append(_ln("右栏末行", 660, 160 + 4 * PITCH, 820))
    lines.append(_ln("二〇二六年十一月", 900, 560, 1160))
    return lines


def test_two_text_columns_are_read_column_by_column() -> None:
    got = _order(_prose_page())
    assert got == (
        ["关于推行一窗受理改革的说明"]
        + [f"左栏第{k}行{BODY}" for k in range(6)]
        + [f"右栏第{k}行{BODY}" for k in range(4)]
        + ["右栏末行", "二〇二六年十一月"]
    )
    _, text = reading_order(_prose_page())
    assert text.splitlines()[1:3] == [f"左栏第0行{BODY}", f"左栏第1行{BODY}"]


def test_detector_order_does_not_matter() -> None:
    lines = _prose_page()
    assert _order(lines[::-1]) == _order(lines)


def test_columns_with_different_leading_are_split() -> None:
    # both sides of an ID card copied side by side: other sizes, other rows
    left = [
        _ln(s, 110, 270 + k * 44, 110 + 28 * len(s), 24)
        for k, s in enumerate(
            ["姓名斯琴高娃", "性别女民族蒙古", "出生1969年9月22日", "住址锡林浩特市希日塔拉街道"]
        )
    ]
    right = [
        _ln("中华人民共和国", 690, 265, 900, 32),
        _ln("居民身份证", 690, 340, 880, 40),
        _ln("签发机关锡林浩特市公安局", 670, 420, 1000, 24),
        _ln("有效期限2019.05.06-2039.05.06", 670, 486, 1080, 24),
    ]
    assert _order(right + left) == [ln.text for ln in left + right]


def test_label_value_rows_keep_row_order() -> None:
    # labels in a strip on the left, values aligned right of it, some wrapped
    lines = []
    y = 100.0
    for label, values in (
        ("名称", ["锡林浩特市草原明珠餐饮店"]),
        ("类型", ["个体工商户"]),
        ("经营者", ["巴特尔"]),
        ("经营场所", ["内蒙古自治区锡林浩特市那达慕", "大街12号3号商铺"]),
        ("经营范围", ["餐饮服务；预包装食品销售（不含", "冷藏冷冻食品）"]),
    ):
        lines.append(_ln(label, 200, y, 200 + 38 * len(label)))
        for k, value in enumerate(values):
            lines.append(_ln(value, 480, y + k * PITCH, 480 + 36 * len(value)))
        y += PITCH * len(values) + 40
    assert [ln.text for ln in column_blocks(lines)[0]] == [ln.text for ln in lines]
    assert len(column_blocks(lines)) == 1


def test_grid_of_fields_keeps_row_order() -> None:
    rows = [
        ("法定代表人：乌云其木格", "联系电话：13912345678"),
        ("注册资本：壹佰万元", "企业类型：有限责任公司"),
        ("从业人数：12人", "登记机关：锡林浩特市市场监督管理局"),
        ("申请日期：2026年11月20日", "经办人：苏和"),
    ]
    lines = []
    for k, (a, b) in enumerate(rows):
        lines += [_ln(a, 110, 200 + k * 64, 110 + 24 * len(a)), _ln(b, 660, 200 + k * 64, 1150)]
    assert _order(lines) == [s for row in rows for s in row]


def test_signature_blocks_of_the_parties_are_read_one_after_the_other() -> None:
    """A contract's foot: each party's block (signature, telephone, date) beside the
    other's, rows level as in a grid of fields; a person reads one party's block whole."""
    body = _ln("第五条本合同一式两份，甲乙双方各执一份，自双方签字之日起生效。", 110, 130, 1150)
    blocks = [
        ("甲方（签字）：彭诗琪", "联系电话：13412761627", "2026年4月12日"),
        ("乙方（盖章）：", "委托代理人：石雨桐", "2026年4月16日"),
    ]
    lines = [body]
    for k in range(3):
        a, b = blocks[0][k], blocks[1][k]
        top = 200 + k * 64
        lines += [_ln(a, 110, top, 110 + 28 * len(a)), _ln(b, 660, top, 660 + 28 * len(b))]
    assert _order(lines) == [body.text, *blocks[0], *blocks[1]]
    # without a party heading each side, the same rows are a grid of fields
    plain = [body] + [
        _ln(ln.text.replace("甲方", "户主").replace("乙方", "单位"), ln.left, ln.top, ln.right)
        for ln in lines[1:]
    ]
    rows = [t for row in zip(*blocks, strict=True) for t in row]
    assert _order(plain) == [body.text] + [
        t.replace("甲方", "户主").replace("乙方", "单位") for t in rows
    ]


def test_two_parties_signing_over_their_dates_are_read_one_after_the_other() -> None:
    """A power of attorney's foot: each party's signature over its date, two rows only,
    then a note across the page; each block is read whole. Two rows of a grid without
    parties keep their rows."""
    body = _ln("受托人在上述权限内签署的一切文件，委托人均予以承认。", 217, 1163, 1446)
    note = _ln("附：委托人、受托人身份证件复印件各一份。", 215, 1479, 782)
    lines = [
        body,
        _ln("受托人（签字）：凌瀚岚", 814, 1304, 1216),
        _ln("委托人（签字）：季之", 215, 1306, 567),
        _ln("2026年11月13日", 217, 1357, 510),
        _ln("2026年11月13日", 821, 1357, 1112),
        note,
    ]
    assert _order(lines) == [
        body.text,
        "委托人（签字）：季之",
        "2026年11月13日",
        "受托人（签字）：凌瀚岚",
        "2026年11月13日",
        note.text,
    ]
    grid = [
        ln if "签字" not in ln.text else _ln(ln.text[:2] + "单位：某某", ln.left, ln.top, ln.right)
        for ln in lines
    ]
    assert _order(grid)[1:3] == ["委托单位：某某", "受托单位：某某"]


def test_a_note_a_blank_line_under_the_parties_faxed_is_read_after_both() -> None:
    """A fax shows each scan line twice: its boxes are tall (64 px a line here) and the
    blank line between the dates and the note left 64.5 px between their boxes, no more
    than a line's height: the note was read inside the left party's block, before the
    right party."""
    lines = _from_boxes(
        """288 1123 1462 1187 受托人在上述权限内签署的一切文件和办理的一切事务，委托人均予以承认，并
223 1171 876 1236 承担相应的法律责任。受托人无转委托权。
222 1310 666 1380 委托人（签字）：欧阳和明
827 1310 1189 1383 受托人（签字）：聂清
226 1364 489 1421 2026年9月5日
833 1364 1102 1421 2026年9月5日
223 1485.5 786 1550 附：委托人、受托人身份证件复印件各一份"""
    )
    assert _order(lines)[2:] == [
        "委托人（签字）：欧阳和明",
        "2026年9月5日",
        "受托人（签字）：聂清",
        "2026年9月5日",
        "附：委托人、受托人身份证件复印件各一份",
    ]


def _from_boxes(boxes: str) -> list[Line]:
    """Lines from "left top right bottom text" rows (a page's boxes as the engine gave them)."""
    lines = []
    for row in boxes.splitlines():
        left, top, right, bottom, text = row.split()
        lines.append(_ln(text, float(left), float(top), float(right), float(bottom) - float(top)))
    return lines


def _licence_lines() -> list[Line]:
    """A typst landscape licence's boxes, its top half."""
    boxes = """983 111 1368 246 营业执照
1104 272 1248 344 （副本）
1775 333 2173 398 证照编号：32995785967610
182 340 452 398 统一社会信用代码
188 392 528 440 9135020333837873X8
182 466 283 540 名称
381 466 875 531 厦门渡远医疗器械股份有限公司
1019 470 1186 537 注册资本
1218 472 1422 531 3000万元整
182 528 280 592 类型
379 528 611 596 股份有限公司
1019 528 1184 596 成立日期
1222 531 1486 589 2024年1月3日
1019 583 1186 651 营业期限
182 586 385 655 法定代表人
375 586 516 655 骆璟彧
1218 586 1591 651 2024年1月3日至长期"""
    return _from_boxes(boxes)


def test_a_number_over_a_title_over_two_columns_is_read_before_the_title() -> None:
    """A landscape health licence (an office page's boxes): its number at the right
    margin over the centred title, then the holder's entries left and the issuing
    authority's block right. The number is the page's head, read before the title, not
    the head of the right-hand block."""
    lines = _from_boxes("""1362 377 2179 565 卫生许可证
265 704 1287 797 单位名称：保定泓钧货运有限责任公司
261 843 1344 936 统一社会信用代码：911306021177062509
256 984 1113 1089 法定代表人（负责人）：谯彤朗
245 1117 1494 1239 地址：河北省保定市竞秀区东风中路91号
261 1276 824 1369 许可项目：游泳场所
265 1420 1469 1513 有效期限：2026年4月7日至2030年4月6日
2466 280 3310 359 冀卫公证字〔2026〕第130602—229516号
2236 945 2543 1058 发证机关：
2245 1100 3040 1193 保定市竞秀区卫生健康委员会
2245 1244 2978 1337 发证日期：2026年4月7日
2245 1454 3219 1533 本证有效期四年，期满前三十日内应向原发证机关申请延
2250 1527 2332 1593 续。
2245 1578 3117 1658 本证应悬挂于经营场所醒目位置，不得涂改、转让。""")
    order = _order(lines)
    assert order[:3] == [
        "冀卫公证字〔2026〕第130602—229516号",
        "卫生许可证",
        "单位名称：保定泓钧货运有限责任公司",
    ]
    assert order.index("有效期限：2026年4月7日至2030年4月6日") < order.index("发证机关：")


def test_two_entries_at_the_right_of_a_forms_first_rows_are_read_row_by_row() -> None:
    """An office application form (its boxes): "经办人：" and "邮政编码：" with their
    values stand right of the first two rows of entries, level with them; the entries
    go on below across the page. Row by row, not the right-hand pair after the rest."""
    lines = _from_boxes("""641 258 1025 322 （适用于道路货物运输经营申请）
153 344 755 408 申请人名称：南昌瑞禾酒店管理有限公司
149 414 751 469 统一社会信用代码：91360102569715780D
147 476 296 542 负责人：
374 476 543 542 俞湛彤
143 542 312 609 联系电话：
383 549 602 606 19119606263
147 609 312 676 经营地址：
383 615 872 670 江西省南昌市东湖区叠山路164号
153 679 361 737 申请经营范围：
208 740 852 794 ☑道路普通货物运输□货物专用运输（集装箱）
918 476 1054 546 经办人：
918 542 1080 609 邮政编码：
208 794 660 849 □货物专用运输（冷藏保鲜设备）
664 794 902 852 □大型物件运输
160 858 452 916 一、拟投入车辆情况
1149 472 1320 549 籍铎歆
1162 549 1309 606 457906""")
    order = _order(lines)
    assert order[3:11] == [
        "负责人：",
        "俞湛彤",
        "经办人：",
        "籍铎歆",
        "联系电话：",
        "19119606263",
        "邮政编码：",
        "457906",
    ]
    assert order.index("457906") < order.index("经营地址：")


def test_a_letters_title_set_larger_is_read_before_its_entries_in_two_columns() -> None:
    """A power of attorney (an mpl page's boxes): its title, set larger and centred on
    the page, stands right of the whitespace between the principal's entries and their
    ID numbers, which do not reach the right margin. It is the letter's title, read
    first, not the head of the right-hand column."""
    lines = _from_boxes("""213 591 592 691 委托人：莫旻
208 705 867 810 联系电话：16611173197
979 290 1501 433 授权委托书
1094 585 2010 691 身份证号码：411302200109143383
213 829 1617 925 住址：河南省南阳市宛城区新华北路294号24幢4单元619室
213 1015 639 1116 受托人：滕嵘彦
1099 1026 1414 1110 身份证号码：
1420 1029 2004 1105 450305198002119944
203 1130 867 1234 联系电话：15050684140
203 1239 1855 1358 住址：广西壮族自治区桂林市七星区丰收东路397号28幢3单元2078室
310 1526 2248 1605 现委托受托人滕嵘彦代表委托人前往南阳市宛城区政务服务中心办理食品经营许可申请事宜
305 1602 2248 1697 受托人在办理上述事项过程中所签署的有关文件，委托人均予以认可，并承担相应法律责任
305 1740 1439 1835 委托期限：自2026年2月17日起至2026年5月17日止。
310 1864 726 1950 受托人无转委托权。""")
    order = _order(lines)
    assert order[0] == "授权委托书"
    assert order.index("委托人：莫旻") < order.index("身份证号码：411302200109143383")


def test_a_licence_half_whose_last_value_wraps_on_below_the_other_is_a_column() -> None:
    """A qt business licence photographed by a kiosk camera (its boxes): the right half
    has four entries level with the left half's, and the left half's business scope
    wraps on below the right half's end, its lines indented from the left half's labels.
    Not a form's entries two to a row: the left half is read, then the right."""
    lines = _from_boxes("""125 121 630 201 统一社会信用代码91330402Q8XKEC3G6J
508 265 903 402 营业执照
118 519 203 581 名称
294 510 714 570 嘉兴清和餐饮管理股份有限公司
739 513 881 570 注册资本
914 516 1054 573 1000万元
115 608 200 670 类型
294 589 717 651 有限责任公司（自然人投资或控
302 632 352 670 股）
741 605 884 662 成立日期
911 604 1121 668 2026年4月21日
115 702 288 759 法定代表人
283 702 373 754 彭娟
738 693 885 760 营业期限
914 697 1002 759 长期
113 794 247 851 经营范围
297 778 714 832 一般项目：文化传媒的研发、销
739 789 829 851 住所
911 794 1255 854 浙江省嘉兴市建设路269号
291 802 717 864 售：技术服务、技术开发、技术
291 832 714 894 咨询：货物进出口。（除依法
291 859 714 921 经批准的项目外，凭营业执照依
288 888 583 951 法自主开展经营活动）
736 1434 892 1499 登记机关
884 1532 1104 1588 2026年7月19日""")
    order = _order(lines)
    assert order.index("法自主开展经营活动）") < order.index("注册资本")
    assert order[order.index("注册资本") :][:8] == [
        "注册资本",
        "1000万元",
        "成立日期",
        "2026年4月21日",
        "营业期限",
        "长期",
        "住所",
        "浙江省嘉兴市建设路269号",
    ]


def test_a_licences_halves_a_third_of_a_character_apart_are_columns() -> None:
    """A qt licence's halves set close (receipt-thermal, its boxes): the left half's
    values wrap to within 19 px (half a character) of the right half's labels. The
    whitespace between padded boxes is narrower than the page's own gutter; it still
    parts the halves."""
    lines = _from_boxes("""174 206 742 261 统一社会信用代码913305025RUBE17L5A
607 365 1050 527 营业执照
171 645 268 709 名称
380 648 839 703 湖州博远机械制造有限责任公司
862 643 1024 709 注册资本
1052 643 1214 709 1000万元
168 740 268 813 类型
378 731 839 795 有限责任公司（自然人投资或控
387 769 439 817 股）
171 849 472 915 法定代表人昌芳
168 950 329 1017 经营范围
400 941 836 995 一般项目：电子科技的研发、销
375 963 843 1036 售：技术服务、技术开发、技术
380 1027 636 1093 经批准的项目外
378 1055 697 1122 法自主开展经营活动）
865 744 1024 810 成立日期
1050 750 1275 808 2026年4月18日
865 845 1024 915 营业期限
1055 849 1149 912 长期
865 950 959 1014 住所
1055 950 1469 1014 浙江省湖州市人民大道109号
862 1646 1037 1722 登记机关""")
    order = _order(lines)
    assert order.index("法自主开展经营活动）") < order.index("注册资本")
    assert order.index("浙江省湖州市人民大道109号") < order.index("登记机关")


def test_a_licence_half_whose_scope_wraps_under_the_other_halfs_labels_stays_a_column() -> None:
    """A skia licence (dusty-glass-240, its boxes): the business scope's lines reach past
    where the right half's labels start, below them, so the gap between the halves
    steps aside under the last labels. The halves still read one after the other."""
    lines = _from_boxes("""702 297 1271 519 营业执照
888 499 1120 569 （副本）
206 645 558 724 统一社会信用代码
554 645 1030 720 91421303WE5EMMM1QQ
213 735 519 793 证照编号：99222786514689
202 922 411 1014 名称
454 933 845 1003 随州丰年食品有限公司
197 999 407 1090 类型
454 1010 868 1079 股份有限公司（非上市）
206 1079 442 1158 法定代表人
445 1083 597 1155 郭雅清
1034 931 1504 1007 注册资本人民币30万元
1034 1003 1240 1083 成立日期
1232 1010 1511 1079 2013年6月11日
1034 1079 1236 1158 住所
1240 1083 1767 1158 湖北省随州市曾都区解放路238
206 1155 399 1235 经营范围
450 1163 1070 1239 食品相关产品的生产、加工与销售；技
454 1209 1065 1284 术开发、技术咨询；货物进出口（依法
454 1250 1062 1331 须经批准的项目，经相关部门批准后方
448 1296 761 1385 可开展经营活动）
1244 1136 1465 1216 号4楼702室
1127 2188 1333 2280 登记机关
1213 2325 1492 2406 2026年9月28日""")
    order = _order(lines)
    assert order.index("可开展经营活动）") < order.index("注册资本人民币30万元")
    assert order[order.index("住所") :] == [
        "住所",
        "湖北省随州市曾都区解放路238",
        "号4楼702室",
        "登记机关",
        "2026年9月28日",
    ]


def test_a_licences_footer_far_below_its_left_half_is_read_after_both_halves() -> None:
    """A landscape licence photographed with a flash (pango, its boxes): the footer's two
    lines stand far below the left half's scope, while the right half's authority and
    date run down close to them, and the print maker's line stands at the right in the
    footer's last row. The footer is no part of the left column: both halves, then it."""
    lines = _from_boxes("""187 198 528 269 统一社会信用代码
187 269 641 338 9132050842GAP7HA0B
263 814 345 898 名
386 814 472 893 称
560 819 1018 888 苏州云栖商贸有限公司
268 935 335 1009 类
391 930 472 1012 型
555 935 1255 1012 有限责任公司（自然人投资或控股）
263 1049 522 1134 法定代表人
555 1049 727 1137 康华燕
259 1160 482 1258 经营范围
560 1165 1491 1258 日用百货销售；服装服饰零售；电子产品销售；
560 1245 1504 1322 货物进出口；技术进出口（除依法须经批准的项
568 1327 1396 1406 目外，凭营业执照依法自主开展经营活动）
209 2067 1059 2151 国家企业信用信息公示系统网址：https://www.gsxt.gov.cn
214 2119 1472 2197 市场主体应当于每年1月1日至6月30日报送公示年度报告。
1209 232 2118 476 营业执照
1536 454 1786 565 （正本）
1764 804 1987 901 注册资本
2054 804 2274 901 10万元整
1764 925 1992 1022 成立日期
2069 938 2383 1009 2022年09月03日
1769 1046 1987 1142 营业期限
2069 1059 2518 1128 2022年09月03日至长期
1769 1160 1995 1258 住所
2069 1174 2979 1240 江苏省苏州市姑苏区科技园中路232号27层09室
2019 1763 2255 1860 登记机关
2319 1897 2673 1966 2022年09月03日
2756 2136 3156 2194 国家市场监督管理总局监制""")
    order = _order(lines)
    footer = order.index("国家企业信用信息公示系统网址：https://www.gsxt.gov.cn")
    assert footer > order.index("登记机关") and footer > order.index("2022年09月03日")
    assert order.index("目外，凭营业执照依法自主开展经营活动）") < order.index("注册资本")


def test_a_table_set_in_whitespace_between_entries_and_notes_keeps_its_rows() -> None:
    """A skia social insurance record (its boxes): five columns of figures set in
    whitespace, entries above and notes below reaching past the third column. The
    columns of amounts ("154.00", "23.10") are no strip of labels: the widest gap is not
    the only one, and the table is read row by row, not its two right-hand columns after
    the notes."""
    lines = _from_boxes("""840 407 1033 487 性别：男
180 414 440 484 姓名：祝欣霞
180 476 826 552 公民身份号码：420302196003164831
180 541 857 618 参保单位：宜昌恒信花卉股份有限公司
180 607 974 688 单位统一社会信用代码：92420502UK2E7Y2504
184 763 366 833 费款所属期
448 763 606 833 缴费基数
770 763 923 833 养老保险
1108 763 1265 837 医疗保险
1430 763 1587 837 失业保险
184 867 330 926 202503
451 867 613 926 7700.00
770 867 916 926 616.00
1111 867 1261 926 154.00
1430 867 1560 928 23.10
180 917 334 987 202504.
448 917 620 987 7700.00
766 917 920 987 616.00
1111 917 1261 987 154.00
1434 921 1560 982 23.10
180 975 334 1044 202505
448 975 617 1044 7700.00
766 975 920 1044 616.00
1108 975 1261 1044 154.00
1434 978 1560 1041 23.10
766 1028 920 1102 616.00
180 1032 334 1102 202506
448 1032 624 1102 7700.00.
1111 1032 1261 1102 154.00
1434 1037 1560 1098 23.10
180 1091 330 1159 202507
766 1091 920 1159 616.00
1111 1091 1257 1159 154.00
451 1094 613 1152 7700.00
1430 1094 1560 1155 23.10
189 1616 797 1682 以上信息仅证明参保人在上述期间的缴费情况。
184 1673 938 1739 验证方式：扫描右侧二维码或登录社会保险网上服务平台。
180 1892 664 1969 打印日期：2026年12月20日""")
    order = _order(lines)
    row = order.index("202503")
    assert order[row : row + 5] == ["202503", "7700.00", "616.00", "154.00", "23.10"]
    assert order.index("23.10") < order.index("以上信息仅证明参保人在上述期间的缴费情况。")


def test_a_title_centred_over_two_columns_is_read_before_them() -> None:
    """A landscape licence (a typst page's boxes): "营业执照" and "（副本）" centred over its
    two halves stand right of the gap between them (the left half is narrower, the QR
    caption widens the right one); they are its title, read first, not the head of its
    right half."""
    lines = _licence_lines()
    order = _order(lines)
    assert order[:2] == ["营业执照", "（副本）"]
    assert order.index("名称") < order.index("注册资本")


def test_a_band_over_two_columns_is_read_before_them() -> None:
    """The same licence: "统一社会信用代码" over its code at the left and "证照编号：…"
    at the right margin, where no line of the right half starts, are a band over the two
    halves, read first (its left part, then its right part), not the heads of the
    halves."""
    order = _order(_licence_lines())
    assert order[2:5] == ["统一社会信用代码", "9135020333837873X8", "证照编号：32995785967610"]
    assert order[5:] == [
        *("名称", "厦门渡远医疗器械股份有限公司", "类型", "股份有限公司", "法定代表人", "骆璟彧"),
        *("注册资本", "3000万元整", "成立日期", "2024年1月3日", "营业期限", "2024年1月3日至长期"),
    ]


def test_a_row_across_under_a_sign_off_is_no_column() -> None:
    """A correction notice's foot (a typst page's boxes): the authority's name and date
    at the right, then the tear-off receipt's row across the page. A gap runs between the
    receipt's fields under the sign-off, but the left side's lines all stand in the
    receipt's row: the sign-off is read first, then the row."""
    boxes = """242 1039 1062 1093 受理窗口：综合受理区5号窗口咨询电话：013-50064022
1081 1128 1425 1203 南宁市市场监督管理局
1157 1182 1421 1241 2026年10月1日
513 1314 1010 1378 身份证号码：510107200401145160
1033 1314 1454 1378 签收日期：2026年10月1日
183 1318 490 1375 申请人签收：鞠若韬"""
    assert _order(_from_boxes(boxes)) == [
        "受理窗口：综合受理区5号窗口咨询电话：013-50064022",
        "南宁市市场监督管理局",
        "2026年10月1日",
        "申请人签收：鞠若韬",
        "身份证号码：510107200401145160",
        "签收日期：2026年10月1日",
    ]


def test_a_footer_far_below_blocks_side_by_side_does_not_close_their_gap() -> None:
    """A claim form's foot (a chromium page's boxes): the applicant's signature over its
    date at the left, the window's seal, clerk and date at the right, then the page's
    footer half the page further down under a rule across the page. With the footer in
    the run, the rule ran across the run's gap (a table without vertical rules) and the
    blocks were read row by row; a row standing that far apart from the rows above ends
    the run."""
    boxes = """69 515 166 552 填表说明：
68 546 651 589 1.申请人应提供医疗费用原始票据、费用明细清单及出院小结（门诊病历）；
67 581 534 622 2.委托他人办理的，须同时提供代办人身份证原件及复印件；
67 615 510 654 3.报销款项将在受理之日起20个工作日内拨付至上述账户。
69 685 245 722 申请人（签字）：谷岚
481 689 620 726 受理窗口（盖章）
66 723 231 766 日期：2026年7月24日
480 727 613 769 经办人：上官萱
477 764 610 810 2026年7月24日
313 1228 559 1272 医保报销第1页共1页（2023版）"""
    assert _order(_from_boxes(boxes), rules=[(69, 1226, 826, 1252)])[3:] == [
        "3.报销款项将在受理之日起20个工作日内拨付至上述账户。",
        "申请人（签字）：谷岚",
        "日期：2026年7月24日",
        "受理窗口（盖章）",
        "经办人：上官萱",
        "2026年7月24日",
        "医保报销第1页共1页（2023版）",
    ]


def test_horizontal_rules_keep_table_rows() -> None:
    # names wrapped on two lines, amounts centred in their rows: no row pairs up
    lines, rules = [], []
    for k in range(4):
        top = 200 + k * 100
        lines += [
            _ln(f"内蒙古股东{k}号有限责任公司", 110, top, 620),
            _ln(f"{k}0.00", 760, top + 18, 860),
            _ln("锡林浩特分公司", 110, top + 36, 400),
        ]
        rules.append((100.0, top - 22.0, 1140.0, top - 20.0))
    # row by row, each name whole (its two lines) before the amount beside it
    by_rows = [lines[k + i].text for k in range(0, len(lines), 3) for i in (0, 2, 1)]
    assert _order(lines) != by_rows  # without its rules it reads as two columns
    assert _order(lines, rules=rules) == by_rows


def test_table_set_in_whitespace_keeps_row_order() -> None:
    lines = []
    for k in range(4):
        top = 200 + k * 70
        lines += [
            _ln(f"股东名称第{k}位出资人", 110, top, 400),
            _ln(f"15250219800101{k:04d}", 480, top, 760),
            _ln(f"{k}5.00", 860, top, 960),
        ]
    assert _order(lines) == [ln.text for ln in lines]


def test_two_licence_halves_are_columns_even_when_level() -> None:
    left = [
        ("名称", "锡林郭勒盟远航物流有限责任公司"),
        ("类型", "有限责任公司"),
        ("法定代表人", "刘佳怡"),
        ("经营范围", "建设工程施工"),
    ]
    right = [
        ("注册资本", "人民币叁佰万元"),
        ("成立日期", "2023年3月20日"),
        ("营业期限", "长期"),
        ("住所", "内蒙古自治区锡林浩特市"),
    ]
    lines = []
    for k, ((la, va), (lb, vb)) in enumerate(zip(left, right, strict=True)):
        top = 460 + k * 60
        lines += [_ln(la, 110, top, 110 + 24 * len(la)), _ln(va, 240, top, 240 + 24 * len(va))]
        lines += [_ln(lb, 680, top, 680 + 24 * len(lb)), _ln(vb, 810, top, 810 + 24 * len(vb))]
    expected = [s for pair in left for s in pair] + [s for pair in right for s in pair]
    assert _order(lines) == expected


def _licence_head() -> list[Line]:
    """A business licence's header set as blocks side by side (the credit code, the
    title, the QR caption in three small lines), a serial number under the code block,
    then the licence's two columns (boxes as the detector gave them, 300 dpi)."""
    return [
        _ln("统一社会信用代码", 174, 205, 557, 71),
        _ln("91150402MAPXFJ2KGK", 174, 267, 747, 71),
        _ln("营业执照", 749, 260, 1674, 276),
        _ln("（副本）", 1124, 506, 1367, 99),
        _ln("扫描二维码登录“国家企业信", 1875, 495, 2298, 73),
        _ln("用信息公示系统”了解更多登", 1875, 543, 2292, 72),
        _ln("记、备案、许可、监管信息", 1880, 582, 2287, 70),
        _ln("编号：S37635744671", 169, 652, 493, 73),
        _ln("名称", 174, 835, 421, 84),
        _ln("赤峰市嘉禾餐饮管理有限公司", 460, 835, 1149, 81),
        _ln("类型", 174, 953, 412, 90),
        _ln("有限责任公司（自然人投资或控", 455, 953, 1202, 96),
        _ln("股）", 451, 1026, 576, 109),
        _ln("法定代表人　杨婧", 169, 1149, 606, 99),
        _ln("经营范围", 174, 1282, 412, 87),
        _ln("餐饮服务；食品销售；餐饮管", 460, 1287, 1144, 82),
        _ln("理。（依法须经批准的项目，经", 455, 1354, 1202, 94),
        _ln("相关部门批准后方可开展经营活", 460, 1430, 1202, 96),
        _ln("动）", 455, 1501, 571, 101),
        _ln("注册资本", 1290, 824, 1545, 101),
        _ln("300万元", 1570, 829, 1808, 101),
        _ln("成立日期", 1299, 958, 1540, 85),
        _ln("2024年7月18日", 1579, 964, 1949, 85),
        _ln("营业期限", 1283, 1061, 1544, 118),
        _ln("2024年7月18日至长期", 1579, 1087, 2099, 85),
        _ln("住所", 1299, 1211, 1540, 82),
        _ln("内蒙古自治区赤峰市红山区昭乌", 1579, 1206, 2321, 95),
        _ln("达路248号商务大厦13层", 1584, 1282, 2151, 95),
    ]


def test_a_block_below_a_header_of_blocks_ends_their_columns() -> None:
    """The QR caption beside the title makes a column with the rows below it only until
    the caption ends: the serial number stands apart below the code block (blank space
    above it), so it and the licence's columns are read after the header's blocks, not
    as the rest of the header's left column (which would put the caption after the
    first row of the licence, and that row across both of its columns)."""
    lines = _licence_head()
    # ("法定代表人　杨婧" is parted at the strip of values, `part_label_values`)
    texts = [ln.text for ln in part_label_values(lines, NEXT_LABELS)]
    assert _order(lines[::-1]) == texts


def test_rows_standing_apart_below_do_not_decide_the_columns() -> None:
    """Two licence halves whose first rows pair up like a grid's: the run with the
    registration authority far below them pairs up too rarely to be a grid, so it is
    columns; the authority's rows, standing apart below, end the block, and the halves
    stay columns (150 dpi boxes as the detector gave them)."""
    left = [
        _ln("名称", 115, 468, 195, 56),
        _ln("锡林浩特市牧歌农牧业专业合作社", 248, 468, 631, 48),
        _ln("类型", 115, 526, 193, 58),
        _ln("有限责任公司（自然人投资或控股）", 248, 528, 636, 49),
        _ln("法定代表人 王建军", 115, 589, 343, 51),
        _ln("经营范围", 118, 652, 240, 44),
        _ln("乳制品生产；食品销售；道路货物运", 240, 650, 654, 48),
        _ln("输（不含危险货物）；仓储服务（不", 245, 686, 656, 48),
        _ln("含危险化学品）", 250, 727, 421, 44),
    ]
    right = [
        _ln("注册资本", 686, 470, 816, 51),
        _ln("人民币叁佰万元", 809, 468, 1009, 51),
        _ln("成立日期", 689, 531, 811, 51),
        _ln("2012年11月22日", 816, 531, 1004, 43),
        _ln("营业期限", 684, 587, 814, 58),
        _ln("长期", 816, 589, 889, 48),
        _ln("住所", 686, 652, 759, 49),
        _ln("内蒙古自治区锡林浩特市那达", 819, 650, 1152, 48),
        _ln("慕大街76号", 819, 686, 962, 51),
    ]
    below = [_ln("登记机关", 824, 1304, 959, 58), _ln("2026年4月2日", 829, 1362, 1002, 44)]
    lines = left + right + below
    texts = [ln.text for ln in part_label_values(lines, NEXT_LABELS)]
    assert _order(lines[::-1]) == texts


def test_the_rest_of_a_longer_column_stays_in_it() -> None:
    """After the shorter column ends, the longer one's lines at its own leading are
    still that column (read before the other), however far they run."""
    lines = [_ln(f"左栏第{k}行{BODY}", 100, 160 + k * PITCH, 600) for k in range(9)]
    lines += [_ln(f"右栏第{k}行{BODY}", 660, 160 + k * PITCH, 1160) for k in range(3)]
    assert _order(lines) == [ln.text for ln in lines]


def test_a_ruled_cell_blocks_the_gap() -> None:
    lines = _prose_page()
    cell = (560.0, 150.0, 700.0, 420.0)  # a framed box straddling the gap
    got = _order(lines, cells=[cell])
    assert got.index(f"右栏第0行{BODY}") < got.index(f"左栏第1行{BODY}")


def test_a_full_width_line_ends_the_columns() -> None:
    lines = _prose_page()
    lines.append(_ln("全宽的一行文字横跨两栏" * 3, 100, 160 + 6 * PITCH, 1160))
    lines += [_ln(f"下方左栏{k}{BODY}", 100, 500 + k * PITCH, 560) for k in range(3)]
    lines += [_ln(f"下方右栏{k}{BODY}", 660, 500 + k * PITCH, 1120) for k in range(3)]
    lines = [ln for ln in lines if ln.text != "二〇二六年十一月"]
    got = _order(lines)
    wide = got.index("全宽的一行文字横跨两栏" * 3)
    assert got.index("右栏末行") < wide < got.index(f"下方左栏0{BODY}")
    assert got[-6:] == [f"下方左栏{k}{BODY}" for k in range(3)] + [
        f"下方右栏{k}{BODY}" for k in range(3)
    ]


@pytest.mark.ocr
def test_generated_two_column_page_is_read_column_by_column(ocr_engine: Engine) -> None:
    """The real engine on a page no tuning page resembles (`sample_scans.columns`: other
    fonts, 150 dpi, text in two columns), scanned: each column is read whole (row by row,
    its strict error is over 40%)."""
    page = dev_page("prose", "scanner", seed=5)
    reading = read_page(page.data, ocr_engine)
    errors, length = cer_counts(page.truth_text, reading.text)
    assert errors <= 0.03 * length, reading.text
    text = squash(reading.text)
    starts = [text.find(squash(row)[:6]) for row in page.truth_text.splitlines()]
    found = [s for s in starts if s >= 0]
    assert len(found) >= 0.9 * len(starts) and found == sorted(found), reading.text


def test_labels_with_a_bracketed_qualifier_still_part_labels_from_values() -> None:
    """A licence's "label  value" list (as detected on a 200 dpi sheet-feeder scan: the
    boxes of short labels are taller than the body's). "法定代表人（负责人）" is ten
    characters, longer than a label, but its qualifier does not count: the strip is
    labels, and the list is read row by row, not labels first and values after."""

    def ln(text: str, left: float, top: float, right: float, bottom: float) -> Line:
        return Line(text, rect_box(left, top, right, bottom), 0.98)

    lines = [
        ln("法定代表人（负责人）", 153, 536, 436, 596),
        ln("茅楠舸", 460, 563, 594, 613),
        ln("住所", 143, 648, 320, 728),
        ln("山东省青岛市黄岛区启明路483号2207室", 470, 661, 1049, 711),
        ln("经营场所", 150, 724, 313, 793),
        ln("山东省青岛市黄岛区启明路483号2207室", 466, 733, 1049, 783),
        ln("主体业态", 150, 796, 313, 866),
        ln("餐饮服务经营者（中型餐馆）", 466, 806, 883, 856),
    ]
    assert reading_order(lines)[1].splitlines() == [
        "法定代表人（负责人） 茅楠舸",
        "住所 山东省青岛市黄岛区启明路483号2207室",
        "经营场所 山东省青岛市黄岛区启明路483号2207室",
        "主体业态 餐饮服务经营者（中型餐馆）",
    ]


def _boxes(rows: str) -> list[Line]:
    """Lines from "left top right bottom text" rows (boxes as the detector gave them)."""
    out = []
    for row in rows.strip().splitlines():
        left, top, right, bottom, text = row.split(maxsplit=4)
        out.append(Line(text, rect_box(*map(float, (left, top, right, bottom))), 0.98))
    return out


# a food licence's fields beside its QR code (weasy, adf-scan): the code itself is no
# text, its caption and the licence number stand right of the fields
FOOD_LICENCE = """
526 175 1163 280 食品经营许可证
463 388 1133 454 武汉嘉沐食品科技有限公司青岛黄岛区分公司
153 392 339 450 经营者名称
153 464 373 524 社会信用代码
463 464 777 524 91370202763475645L
153 536 436 596 法定代表人（负责
460 553 594 625 茅楠舸
147 576 247 652 人）
1246 599 1459 658 扫一扫 查信息
143 648 320 728 住所
1156 654 1550 704 许可证编号：JY13659474393386
470 658 1049 714 山东省青岛市黄岛区启明路483号2207室
150 724 313 793 经营场所
466 730 1049 786 山东省青岛市黄岛区启明路483号2207室
150 796 313 866 主体业态
466 803 883 859 餐饮服务经营者（中型餐馆）
"""


@pytest.mark.parametrize("wrapped", [("法定代表人（负责", "人）"), ("法定代表人姓", "名")])
def test_fields_beside_a_qr_block_are_read_whole_before_it(wrapped: tuple[str, str]) -> None:
    """The fields, each label with its value (the label wrapped on two lines read whole,
    a cell as tall as two lines that is no reason to part labels from values), then the
    QR block's caption and number."""
    page = FOOD_LICENCE.replace("法定代表人（负责", wrapped[0]).replace("人）", wrapped[1])
    _, text = reading_order(_boxes(page))
    assert [squash(row) for row in text.splitlines()] == [
        "食品经营许可证",
        "经营者名称武汉嘉沐食品科技有限公司青岛黄岛区分公司",
        "社会信用代码91370202763475645L",
        f"{''.join(wrapped)}茅楠舸",
        "住所山东省青岛市黄岛区启明路483号2207室",
        "经营场所山东省青岛市黄岛区启明路483号2207室",
        "主体业态餐饮服务经营者（中型餐馆）",
        "扫一扫查信息",
        "许可证编号：JY13659474393386",
    ]


def test_a_value_under_the_value_above_stays_in_its_column() -> None:
    """The label "住所" was lost (under a seal, misread): "经营场所" stands apart from the
    label above it, but its value stands right under the value above; the fields go on
    below the QR block's end, and the block is read after them."""
    lines = _boxes(FOOD_LICENCE.replace("143 648 320 728 住所\n", ""))
    _, text = reading_order(lines)
    assert text.splitlines()[-3:] == [
        "主体业态 餐饮服务经营者（中型餐馆）",
        "扫一扫 查信息",
        "许可证编号：JY13659474393386",
    ]


def test_lines_of_small_print_set_tight_are_read_top_to_bottom() -> None:
    """A QR code's caption in small print (web-html, office scan): its padded boxes
    overlap by half a line, so the second line's top reaches the first's middle; one
    line over the other is the next line of the block, not a cell of the same row (by
    row, the second line, starting 7 px further left, was read first)."""
    caption = _boxes("""
1253 348 1531 397 扫描二维码登录“国家企业信
1246 371 1536 436 用信息公示系统”了解更多登
1259 413 1525 451 记、备案、许可、监管信息
""")
    _, text = reading_order(caption[::-1])
    assert squash(text) == squash("".join(ln.text for ln in caption))


def test_a_grid_photographed_keeps_row_order_though_its_boxes_vary_in_height() -> None:
    """A grid of "label：value" fields photographed (camera capture): the detector's
    boxes of one row differ by a third in height (49 px and 37 px), still cells of one
    row, not two columns."""
    grid = _boxes("""
107 227 581 277 企业名称：内蒙古草原之星乳业有限公司
104 295 403 344 法定代表人：乌云其木格
688 300 969 337 联系电话：13491033318
104 364 353 409 注册资本：壹佰万元
680 359 979 409 企业类型：有限责任公司
107 432 299 477 从业人数：12人
685 432 1132 474 登记机关：锡林浩特市市场监督管理局
107 499 424 542 申请日期：2026年11月20日
680 494 858 547 经办人：苏和
""")
    assert _order(grid[::-1]) == [ln.text for ln in grid]


def test_a_party_named_alone_on_its_line_heads_its_signature_block() -> None:
    """A lease's signature blocks on a poor copy: the seal took "（盖章）：" and the agent's
    name from the right block, leaving "乙方" alone on its line; it still names a party,
    so each block is read whole (row by row, "甲方（签字）：斯琴高娃 乙方 / 联系电话：… 委托")."""
    blocks = _boxes("""
243 1069 1353 1124 第五条 本合同一式两份，甲乙双方各执一份，自双方签字（盖章）之日起生效。
178 1211 543 1274 甲方（签字）：斯琴高娃
914 1213 1003 1278 乙方
174 1294 534 1368 联系电话：17615820284
914 1300 1011 1361 委托
181 1387 402 1445 2026年5月22日
907 1384 1054 1452 2026年5
1035 1387 1138 1448 月15日
""")
    _, text = reading_order(blocks[::-1])
    assert [squash(row) for row in text.splitlines()][1:] == [
        "甲方（签字）：斯琴高娃",
        "联系电话：17615820284",
        "2026年5月22日",
        "乙方",
        "委托",
        "2026年5月15日",
    ]


def test_the_parties_blocks_under_a_contracts_title_are_read_one_after_the_other() -> None:
    """A lease names its parties side by side under its title, each block a party, a
    name, a number under its label: the left block's short lines look like a strip of
    labels beside values, yet each block is read whole."""
    lines = _boxes("""
480 120 784 183 房屋租赁合同
913 195 1150 239 合同编号：ZL-2027-8445
124 266 314 310 甲方（出租方）：
657 268 846 312 乙方（承租方）：
652 298 751 351 欧阳欣
124 300 214 347 费锋彤
124 351 269 395 身份证号码：
654 351 801 395 身份证号码：
122 386 353 429 210102198805227805
657 388 881 425 330106197104020295
122 434 249 478 联系电话：
654 434 781 478 联系电话：
124 469 271 512 13684980607
657 473 799 510 13330334972
169 566 1130 608 根据《中华人民共和国民法典》及有关法律、法规的规定，甲乙双方在平等、自愿、协商一
124 603 657 644 的基础上，就乙方承租甲方房屋事宜，订立本合同。
""")
    _, text = reading_order(lines[::-1])
    assert [squash(row) for row in text.splitlines()][2:10] == [
        "甲方（出租方）：",
        "费锋彤",
        "身份证号码：",
        "210102198805227805",
        "联系电话：",
        "13684980607",
        "乙方（承租方）：",
        "欧阳欣",
    ]


# an individual business licence (ink-starved copy): two blocks of entries side by side,
# the right one shorter, its second value wrapped; a paragraph across both below them
SOLE_TRADER_LICENCE = """
355 562 637 637 武昌区稻香理发店
866 569 1034 635 注册日期
174 572 275 635 名称
1034 579 1276 626 2019年01月08日
168 652 277 725 类型
365 654 546 722 个体工商户
866 654 1024 722 经营场所
1041 661 1512 716 湖北省武汉市武昌区徐东大街140
1047 703 1327 759 号10幢1单元1601室
172 740 297 810 经营者
365 744 484 804 岑歆欣
362 826 517 892 个人经营
172 830 329 896 组成形式
174 997 327 1055 经营范围
362 997 1490 1052 理发服务；美容服务。（依法须经批准的项目，经相关部门批准后方可开展经营）
866 1672 1060 1739 登记机关
"""


def test_blocks_of_entries_above_a_paragraph_across_both_are_columns() -> None:
    """The left block's four entries are read before the right block's two: the gap
    between them runs down to the paragraph across both ("经营范围 …"), though the
    whitespace between the labels and their values runs on below it, and the left
    values, short as labels, are values (they stand right of a strip of labels)."""
    _, text = reading_order(_boxes(SOLE_TRADER_LICENCE)[::-1])
    assert [squash(row) for row in text.splitlines()][:8] == [
        "名称武昌区稻香理发店",
        "类型个体工商户",
        "经营者岑歆欣",
        "组成形式个人经营",
        "注册日期2019年01月08日",
        "经营场所湖北省武汉市武昌区徐东大街140",
        "号10幢1单元1601室",
        "经营范围理发服务；美容服务。（依法须经批准的项目，经相关部门批准后方可开展经营）",
    ]


def test_a_grid_of_short_entries_keeps_its_rows() -> None:
    """The same two blocks with every row paired across the gap: a grid of fields,
    read row by row, though its values are as short as labels."""
    lines = [
        ln
        for ln in _boxes(SOLE_TRADER_LICENCE)
        if ln.text not in ("号10幢1单元1601室", "经营者", "岑歆欣", "个人经营", "组成形式")
    ]
    _, text = reading_order(lines)
    assert [squash(row) for row in text.splitlines()][:2] == [
        "名称武昌区稻香理发店注册日期2019年01月08日",
        "类型个体工商户经营场所湖北省武汉市武昌区徐东大街140",
    ]


# a business licence copied on an office scanner (web-html): labels set letter-spaced,
# "名" and "称" in boxes of their own; "类" lost under the seal
LETTER_SPACED_LICENCE = """
119.5 148.4 378.7 207.0 统一社会信用代码
119.5 193.8 504.1 248.9 91150105MA02FJXLM5
507.6 196.2 1118.2 376.9 营业执照
749.0 348.2 918.3 426.0 （副 本）
1253.1 348.2 1531.2 397.3 扫描二维码登录“国家企业信
1246.0 370.9 1536.0 435.6 用信息公示系统”了解更多登
1259.1 412.8 1525.3 451.1 记、备案、许可、监管信息
119.5 451.1 332.5 500.2 编号：S98256297992
865.0 567.2 1034.2 635.4 注册资本
306.5 570.8 804.7 635.4 呼和浩特市远航信息技术有限公
1055.5 570.8 1205.8 639.0 500万元
121.9 574.4 182.2 629.4 名
216.5 574.4 281.6 629.4 称
310.0 622.2 372.7 683.2 司
867.4 652.1 1034.2 719.1 成立日期
1059.1 658.1 1300.5 715.6 2016年6月23日
207.1 703.6 285.2 768.2 型
306.5 703.6 804.7 768.2 有限责任公司（自然人投资或控
863.8 727.5 1031.9 807.7 营业期限
1055.5 738.3 1407.0 802.9 2016年6月23日至长期
306.5 751.4 382.2 819.7 股）
867.4 816.1 973.9 886.7 住
945.5 822.0 1034.2 884.3 所
1061.4 825.6 1550.2 880.7 内蒙古自治区呼和浩特市赛罕区
116.0 835.2 403.5 903.4 法定代表人　邹赟
1061.4 871.1 1504.0 935.7 鄂尔多斯大街14号综合楼8层
116.0 916.6 281.6 983.6 经营范围
310.0 926.1 776.3 980.0 软件开发；信息系统集成服务；
310.0 970.4 804.7 1035.0 数据处理和存储支持服务。（依
310.0 1019.5 804.7 1084.1 法须经批准的项目，经相关部门
310.0 1070.9 717.1 1135.5 批准后方可开展经营活动）
1008.2 1664.4 1186.9 1742.2 登记机关
968.0 1748.2 1224.8 1816.4 2026年3月21日
560.9 2147.8 1099.3 2202.9 国家企业信用信息公示系统网址：http://www.gst.gov.cn
407.1 2183.7 1247.2 2238.8 市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。
"""  # noqa: E501


def test_the_rest_of_a_letter_spaced_label_is_no_strip_of_values() -> None:
    """ "称" and "型" stand between the strip of "名" and the values: they end labels set
    letter-spaced, no values, so the gap after them parts labels from values, and each
    label is read with its value."""
    _, text = reading_order(_boxes(LETTER_SPACED_LICENCE))
    rows = [squash(row) for row in text.splitlines()]
    assert "名称呼和浩特市远航信息技术有限公" in rows
    assert "型有限责任公司（自然人投资或控股）" in rows


# both sides of an ID card copied side by side (a phone photo), under a title that
# stands over the card's back
ID_COPIES = """
658.3 154.3 1175.0 251.1 身份证复印件（正反面）
174.3 356.4 271.1 422.6 姓名
294.1 356.4 421.1 418.9 王建军
1003.2 358.9 1349.3 456.8 中华人民共和国
286.8 405.4 549.4 492.4 男民族　蒙古
174.3 418.9 274.7 482.6 性别
999.5 461.7 1322.6 568.3 居民身份证
174.3 478.9 271.1 545.0 出生
294.1 482.6 525.2 541.4 1979年4月27日
283.2 530.3 670.4 611.2 锡林浩特市希日塔拉街道
174.3 537.7 271.1 603.8 住址
972.9 574.4 1408.6 650.4 签发机关 锡林浩特市公安局
283.2 576.9 513.1 655.3 额尔敦路18号
167.0 670.0 733.3 743.5 公民身份号码 152502197006149815
976.6 673.6 1488.4 739.8 有效期限 2019.05.06-2039.05.06
"""


def test_a_title_over_one_block_opens_no_block_of_entries() -> None:
    """The title stands over the card's back, not level with the front's first entry:
    with the front's short values it starts no blocks of entries; the title is read
    first, then the front, then the back."""
    _, text = reading_order(_boxes(ID_COPIES))
    assert [squash(row) for row in text.splitlines()] == [
        "身份证复印件（正反面）",
        "姓名王建军",
        "性别男民族蒙古",
        "出生1979年4月27日",
        "住址锡林浩特市希日塔拉街道",
        "额尔敦路18号",
        "公民身份号码152502197006149815",
        "中华人民共和国",
        "居民身份证",
        "签发机关锡林浩特市公安局",
        "有效期限2019.05.06-2039.05.06",
    ]


def test_a_date_under_a_seal_stays_in_its_block() -> None:
    """A birth certificate's foot: the issuing office, its seal stamped below it and
    the date of issue under the seal, beside the head of the hospital and his name.
    The date stands far below its block's first line, but on the seal's space, no
    blank space: it ends the left block, read before the right one; the notes below,
    apart from the date by blank space, are read after both."""
    lines = _boxes("""
174 1608 653 1672 签证机构（出生医学证明专用章）
1159 1608 1490 1675 医疗保健机构负责人：
1344 1678 1499 1758 吴文川
172 1850 565 1913 签发日期：2026年04月17日
139 2015 220 2078 注：
148 2056 875 2120 1.本证明是新生儿的出生医学证明文件，请妥善保管，不得涂改；
155 2094 707 2148 2.遗失的，可凭有关证明向原签发机构申请补发。
""")
    _, text = reading_order(lines[::-1], seals=[(473.6, 1730.9, 158.0)])
    assert [squash(row) for row in text.splitlines()] == [
        "签证机构（出生医学证明专用章）",
        "签发日期：2026年04月17日",
        "医疗保健机构负责人：",
        "吴文川",
        "注：",
        "1.本证明是新生儿的出生医学证明文件，请妥善保管，不得涂改；",
        "2.遗失的，可凭有关证明向原签发机构申请补发。",
    ]


def test_a_line_at_its_columns_own_leading_stays_in_it() -> None:
    """A power of attorney's signature blocks: the agent's date stands more than a
    line's height below "（按指印）", but no further than that caption stands below the
    agent's signature: the block's own leading, so it ends the agent's block rather than
    standing below both; the note far below is read after both."""
    lines = _boxes("""
889 1310 1333 1393 受托人（签字）：韩浩航
157 1327 425 1383 委托人（盖章）：
150 1410 654 1483 法定代表人（签字）：章若文
896 1457 1049 1525 （按指印）
153 1508 405 1576 2026年8月19日
889 1591 1141 1649 2026年8月19日
153 2086 997 2141 附：1.受托人居民身份证复印件；2.委托单位营业执照复印件（加盖公章）。
""")
    _, text = reading_order(lines[::-1])
    assert squash(text) == squash(
        "委托人（盖章）： 法定代表人（签字）：章若文 2026年8月19日"
        " 受托人（签字）：韩浩航 （按指印） 2026年8月19日"
        " 附：1.受托人居民身份证复印件；2.委托单位营业执照复印件（加盖公章）。"
    )


# a business licence photographed under a phone's flash (pango): the code at the left and
# the title right of it over the two halves; the QR caption mostly lost in the flash
FLASHED_LICENCE = """
198 184 543 252 统一社会信用代码
1228 220 2124 448 营业执照
198 247 662 331 91350102026EMGHR4Q
1549 431 1803 540 （正 本）
2723 527 2967 581 了解更多登记、备案、
2070 779 2290 875 10万元整
266 784 350 866 名
391 784 478 866 称
566 784 1123 858 福州鼎信文化传媒有限公司
1780 784 1996 866 注册资本
266 899 350 980 类
391 899 478 980 型
561 902 1269 980 有限责任公司（自然人投资或控股）
1785 902 2001 985 成立日期
2078 902 2406 985 2013年06月23日
1780 1013 2005 1108 营业期限
266 1018 520 1100 法定代表人
551 1018 689 1105 严然
2083 1026 2539 1095 2013年06月23日至长期
556 1132 1522 1224 组织文化艺术交流活动；广告设计、代理；广告
1780 1132 2015 1228 住所
263 1135 478 1219 经营范围
2083 1141 3003 1219 福建省福州市鼓楼区科技园中路178号22层05室
561 1214 1513 1292 制作；会议及展览服务（除依法须经批准的项目
561 1297 1362 1374 外，凭营业执照依法自主开展经营活动）
2037 1732 2281 1828 登记机关
2341 1860 2709 1944 2013年06月23日
184 2048 1063 2131 国家企业信用信息公示系统网址：https/www.gsxw.gov.cn
193 2107 1481 2172 市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。
2791 2112 3201 2167 国家市场监督管理总局监制
"""


def test_a_left_value_reaching_past_the_header_gap_does_not_close_it() -> None:
    """The left half's wide value ("有限责任公司（…）") reaches just past the gap between
    the code and the title: no line running across both sides, so the header's columns
    do not end above it and take in the halves' first row. The left half is read whole
    before the right half."""
    _, text = reading_order(_boxes(FLASHED_LICENCE)[::-1])
    rows = [squash(row) for row in text.splitlines()]
    assert rows[4:10] == [
        "名称福州鼎信文化传媒有限公司",
        "类型有限责任公司（自然人投资或控股）",
        "法定代表人严然",
        "经营范围组织文化艺术交流活动；广告设计、代理；广告",
        "制作；会议及展览服务（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）",
        "注册资本10万元整",
    ]


# the same licence with another company (pango, phone-flash): the caption lost whole, the
# header's columns (code | title) end on the halves' first row
FLASHED_LICENCE_2 = """
204 234 563 317 统一社会信用代码
1233 260 2150 524 营业执照
207 312 669 382 91370202026UX36E77
1569 495 1817 606 （正 本）
563 845 1134 936 青岛启明医疗器械有限公司
1784 850 2015 945 注册资本
2080 850 2339 945 1000万元整
397 858 489 936 称
281 863 356 931 名
568 969 1281 1060 有限责任公司（自然人投资或控股）
1789 969 2015 1065 成立日期
272 974 356 1055 类
402 974 489 1055 型
2089 977 2417 1060 2018年09月04日
267 1087 535 1184 法定代表人
1795 1087 2010 1184 营业期限
563 1092 701 1179 罗佳
2094 1101 2546 1170 2018年09月04日至长期
1784 1208 2020 1303 住所
267 1211 489 1294 经营范围
571 1216 1531 1294 第一类医疗器械销售；第二类医疗器械销售；卫
2094 1216 2965 1294 山东省青岛市市南区中山北路227号23层23室
571 1294 1531 1372 生用品和一次性使用医疗用品销售（除依法须经
568 1372 1526 1450 批准的项目外，凭营业执照依法自主开展经营活
563 1450 674 1542 动）
2043 1813 2279 1910 登记机关
2339 1946 2706 2029 2018年09月04日
198 2139 1069 2217 国家企业信用信息公示系统网址：https://www.gsxt.gov.cn
2780 2190 3201 2258 国家市场监督管理总局监制
198 2193 1480 2258 市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。
"""


def test_the_halves_first_row_is_handed_on_from_the_header_to_the_halves() -> None:
    """The header's run of columns (code | title) holds the halves' first row ("名称 …"
    | "注册资本 …"), which opens the halves' longer run with a gap of its own: the
    header ends above it, its code read before its title, and the halves are read
    half by half."""
    _, text = reading_order(_boxes(FLASHED_LICENCE_2)[::-1])
    rows = [squash(row) for row in text.splitlines()]
    assert rows[:5] == [
        "统一社会信用代码",
        "91370202026UX36E77",
        "营业执照",
        "（正本）",
        "名称青岛启明医疗器械有限公司",
    ]
    assert rows.index("动）") + 1 == rows.index("注册资本1000万元整")


def test_an_authority_over_the_footer_is_read_before_it() -> None:
    """Under the halves, the authority and its date stand at the right over the footer,
    whose last line has the print maker's line beside it: the footer's side starts only
    below the authority's block, which is read first, not as a column beside it."""
    _, text = reading_order(_boxes(FLASHED_LICENCE_2)[::-1])
    rows = [squash(row) for row in text.splitlines()]
    assert rows[-4:] == [
        "登记机关",
        "2018年09月04日",
        "国家企业信用信息公示系统网址：https://www.gsxt.gov.cn",
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。"
        "国家市场监督管理总局监制",
    ]


# a business licence's yellowed old copy (skia): the detector merged the left half's type
# with the right half's next label across the narrow gap; the right half's labels merged
# with their values ("注册资本人民币300万元")
MERGED_ACROSS_HALVES = """
208 956 421 1053 名称
476 972 881 1045 宜昌金桂印刷有限公司
1075 969 1578 1049 注册资本人民币300万元
210 1040 424 1136 类型
468 1049 1280 1129 有限责任公司（自然人投资或控股）成立日期
1292 1052 1559 1124 2022年9月9日
"""


def test_a_value_merged_with_the_next_halfs_label_is_parted() -> None:
    """The box "…控股）成立日期" is two again, parted where "成立日期" starts at the box's
    pitch, beside "注册资本" which starts there too; a line ending in a label's words
    with no label starting where they would ("请核对住所") stays whole."""
    lines = [*_boxes(MERGED_ACROSS_HALVES), *_boxes("468 1300 800 1380 请核对住所")]
    parted = part_next_labels(lines, NEXT_LABELS)
    texts = [ln.text for ln in parted]
    assert texts[4:6] == ["有限责任公司（自然人投资或控股）", "成立日期"]
    assert abs(parted[4].right - 1075) < 60 and parted[5].left == parted[4].right
    assert texts[-1] == "请核对住所"
    _, text = reading_order(_boxes(MERGED_ACROSS_HALVES)[::-1])
    assert "有限责任公司（自然人投资或控股） 成立日期 2022年9月9日" in text.splitlines()[1]


# a pension enrolment form's options (blend): contribution grades four to a row, then the
# group the applicant belongs to, five to a row; the widest whitespace runs between the
# second and third option of each row
OPTION_GRID = """
141 788 354 858 缴费档次（每年）
165 853 325 926 □ 200元
460 853 619 926 □ 300元
754 853 914 926 □ 500元
1049 853 1209 924 □800元
162 915 343 994 □1000元
454 912 634 992 □1500元
757 917 929 992 □ 2000元
1049 912 1226 994 ☑3000元
141 1015 321 1086 特殊群体标识
172 1083 289 1148 ☑无
295 1086 484 1148 □ 低保对象
502 1086 691 1148 □ 特困人员
715 1089 926 1142 □ 重度残疾人
950 1089 1185 1142 □ 返贫致贫人口
"""


def test_a_forms_options_are_read_row_by_row() -> None:
    """Whitespace running down between a form's check-box options is no column gap: a
    question's options are read row by row, as the applicant ticks them."""
    _, text = reading_order(_boxes(OPTION_GRID)[::-1])
    assert [squash(row) for row in text.splitlines()] == [
        "缴费档次（每年）",
        "□200元□300元□500元□800元",
        "□1000元□1500元□2000元☑3000元",
        "特殊群体标识",
        "☑无□低保对象□特困人员□重度残疾人□返贫致贫人口",
    ]


# a power of attorney's matters, three to a row (blend): one faint box was not read
MATTERS_GRID = """
232 1849 858 1945 内签署的文件甲方均予承认：
321 1920 634 2021 □ 设立登记
315 2021 631 2136 ☑ 注销登记
935 1911 1251 2026 变更登记
1555 1920 1768 2026 □备案
941 2026 1337 2125 □ 领取营业执照
1561 2035 2034 2122 ☑ 食品经营许可申请
335 2170 1589 2249 1.同意/不同意代理人核对登记材料中的复印件并签署核对意见；
"""


def test_options_are_read_row_by_row_though_a_box_is_lost() -> None:
    _, text = reading_order(_boxes(MATTERS_GRID)[::-1])
    assert [squash(row) for row in text.splitlines()][1:3] == [
        "□设立登记变更登记□备案",
        "☑注销登记□领取营业执照☑食品经营许可申请",
    ]


def test_a_licences_halves_under_its_title_and_over_its_footer_are_columns() -> None:
    """A licence scanned to mail in black and white (svg, its boxes): the code under its
    label at the top left, its number at the right margin, the title and "（副本）", the
    two halves of entries (the right half's labels a character from the left half's
    longest value) and, far below, the QR caption and the footer, which runs across the
    gap between the halves. The left half is read to its end, then the right one; the
    code under its label before the number at the right."""
    lines = _from_boxes("""190 242 450 298 统一社会信用代码
1144 248 1461 296 证照编号：53177965463790
194 293 544 340 91350503U7EKYM3JGF
548 401 1115 541 营业执照
755 535 907 614 （副本）
200 706 294 770 名称
420 710 852 764 泉州棠邑信息技术股份有限公司
878 704 1033 770 注册资本
1069 710 1276 767 人民币50万元
200 792 292 856 类型
418 799 796 847 有限责任公司（自然人独资）
881 796 1030 853 成立日期
1070 796 1293 853 2010年6月22日
203 882 376 939 法定代表人
415 878 531 939 凌淼琪
881 878 976 942 住所
1070 878 1448 942 泉州市丰泽区滨江东路19号
1070 929 1335 987 商务中心15层05室
200 967 346 1025 经营范围
407 961 833 1025 软件开发；信息系统集成服务；
411 1012 846 1066 数据处理和存储支持服务（依法
411 1060 846 1114 须经批准的项目，经相关部门批
418 1108 745 1166 准后方可开展经营活动）
1235 1703 1433 1761 扫描二维码登录
1183 1742 1491 1789 国家企业信用信息公示系统
677 2152 982 2201 国家市场监督管理总局监制""")
    order = _order(lines)
    assert order[:3] == ["统一社会信用代码", "91350503U7EKYM3JGF", "证照编号：53177965463790"]
    assert order.index("准后方可开展经营活动）") < order.index("注册资本")
    assert order.index("注册资本") < order.index("人民币50万元") < order.index("成立日期")
    assert order[-1] == "国家市场监督管理总局监制"


def test_a_licences_halves_under_a_title_narrower_than_its_gaps_are_columns() -> None:
    """A licence under a visualiser (svg, its boxes): "（副本）" stands over the left
    half's longest value and the right half's labels, so with it the gap after those
    labels looks like one between columns; the rows below it decide on their own."""
    lines = _from_boxes("""198 253 474 314 统一社会信用代码
1209 260 1544 311 证照编号：75018402571046
201 307 570 358 91420106L45FWW9AB6
581 428 1175 568 营业执照
796 564 956 649 （副本）
211 747 308 815 名称
437 747 905 815 武汉樾丰建筑劳务股份有限公司
929 749 1089 811 注册资本
1126 749 1345 811 人民币50万元
204 835 310 912 类型
440 848 785 899 股份有限公司（非上市）
929 838 1093 909 成立日期
1130 841 1366 902 2017年4月24日
204 926 396 996 法定代表人
437 933 563 996 祁舟珏
929 933 1028 1000 住所
1130 933 1547 1000 武汉市武昌区杉林街219号星
1130 983 1346 1044 海苑10层01室
211 1027 368 1088 经营范围
433 1024 881 1092 建筑劳务分包；施工专业作业；
437 1074 894 1132 园林绿化工程施工（依法须经批
437 1126 894 1182 准的项目，经相关部门批准后方
440 1176 696 1237 可开展经营活动）
1311 1815 1516 1866 扫描二维码登录
1253 1849 1577 1899 国家企业信用信息公示系统
1042 2059 1233 2139 登记机关
1048 2177 1319 2238 2026年10月20日
717 2288 1042 2338 国家市场监督管理总局监制""")
    order = _order(lines)
    assert order[:3] == ["统一社会信用代码", "91420106L45FWW9AB6", "证照编号：75018402571046"]
    assert order.index("可开展经营活动）") < order.index("注册资本")
    assert order.index("注册资本") < order.index("人民币50万元") < order.index("成立日期")


def test_options_in_a_grid_that_lost_most_of_their_boxes_keep_their_rows() -> None:
    """A pension enrolment form scanned in black and white (its boxes, tuned pages under
    a capture of our own): the grades' boxes mostly lost in the threshold, the options'
    short lines looked like two strips of labels, and the grid was read as two columns."""
    lines = _from_boxes("""127 681 302 735 缴费档次（每年）
142 735 279 798 200元
394 728 534 799 300元
645 731 787 802 □500元
898 728 1037 799 800元
145 791 292 854 1000元
395 793 543 854 □1500元
649 791 796 854 2000元
902 793 1049 854 3000元
127 877 276 930 特殊群体标识
147 933 248 989 无
253 938 413 984 □低保对象
432 936 594 981 □特困人员
610 938 796 984 □重度残疾人
809 933 1013 986 □返贫致贫人口""")
    order = _order(lines)
    assert order.index("□500元") < order.index("1000元") < order.index("2000元")
    assert order.index("3000元") < order.index("特殊群体标识") < order.index("□重度残疾人")


# A birth certificate (coverage, sepia copy at 220 dpi): the mother's particulars beside
# the father's, a vertical rule between them and no rule across; its boxes as detected.
PARENTS = """
171 720 331 794 健康状况
402 717 508 798 良好
970 728 1180 790 出生地点分类
1198 724 1297 794 医院
178 888 384 951 助产机构名称
408 888 674 951 济南市妇幼保健院
171 990 276 1070 母亲
930 990 1041 1070 父亲
167 1062 274 1143 姓名
302 1066 398 1140 韩兰
930 1062 1037 1143 姓名
1066 1070 1190 1136 苏红秀
171 1132 270 1202 年龄
302 1132 406 1202 34岁
934 1132 1031 1202 年龄
1062 1132 1165 1202 37岁
171 1332 270 1402 住址
302 1332 885 1402 山东省济南市历下区解放路17号10栋3单元
934 1332 1034 1402 住址
1070 1332 1648 1402 山东省济南市历下区胜利路200号23栋3单
305 1377 422 1443 603室
1066 1373 1230 1447 元2104室
181 1451 437 1503 有效身份证件号码
942 1451 1204 1503 有效身份证件号码
174 1497 508 1559 370102198910070605
938 1497 1269 1559 370102198610249574
171 1622 331 1695 签发日期
408 1629 650 1692 2024年4月30日
966 1629 1214 1692 签发机构（盖章）
"""


def test_blocks_parted_by_a_vertical_rule_are_read_one_after_the_other() -> None:
    """Two blocks of entries whose rows pair up are a grid, read row by row, unless a
    vertical rule stands between them: the mother's block, then the father's (read as
    a grid, the page's strict CER was 23.8%). The rows above and below the rule are
    read as before; the page's frame and the strokes of its title part nothing."""
    frame = [(84, 107, 92, 2449), (1726, 107, 1735, 2449), (729, 234, 738, 298)]
    rule = (907, 999, 911, 1602)
    _, text = reading_order(_boxes(PARENTS)[::-1], dividers=[*frame, rule])
    assert text.splitlines() == [
        "健康状况 良好 出生地点分类医院",
        "助产机构名称济南市妇幼保健院",
        "母亲",
        "姓名韩兰",
        "年龄 34岁",
        "住址山东省济南市历下区解放路17号10栋3单元",
        "603室",
        "有效身份证件号码",
        "370102198910070605",
        "父亲",
        "姓名苏红秀",
        "年龄 37岁",
        "住址 山东省济南市历下区胜利路200号23栋3单",
        "元2104室",
        "有效身份证件号码",
        "370102198610249574",
        "签发日期 2024年4月30日 签发机构（盖章）",
    ]
    # without the rule, the same lines are a grid
    _, grid = reading_order(_boxes(PARENTS)[::-1], dividers=frame)
    assert "姓名韩兰 姓名苏红秀" in grid.splitlines()


def test_a_table_ruled_down_but_not_across_keeps_its_rows() -> None:
    """A register ruled only down its columns: each rule has rows of lines on both sides,
    as a divider between two blocks has, but they are the table's columns, read row by
    row."""
    lines = []
    for k in range(4):
        top = 300 + 70 * k
        lines += [
            _ln(f"股东{k}", 120, top, 260),
            _ln(f"15250219800101{k:04d}", 320, top, 620),
            _ln(f"{10 + k}.00", 680, top, 780),
        ]
    rules = [(300, 280, 302, 600), (660, 280, 662, 600)]
    _, text = reading_order(lines[::-1], dividers=rules)
    assert text.splitlines() == [f"股东{k} 15250219800101{k:04d} {10 + k}.00" for k in range(4)]
    # one of them alone parts its two sides
    _, text = reading_order(lines[::-1], dividers=rules[1:])
    assert text.splitlines()[:2] == ["股东0 152502198001010000", "股东1 152502198001010001"]


# a lease filing's top (pdfkit, sheet feeder at 180 dpi; boxes and rules as found): the
# number at the right margin, then the lessor's and the lessee's ruled tables side by side
# under their headings, then a section's heading and its table across the page
LEASE_FILING = """
471 161 1042 236 房屋租赁登记备案证明
871 239 1363 297 备案编号：（2025）岳阳住租备字第68300号
356 297 524 365 出租人信息
986 297 1154 365 承租人信息
173 357 268 423 姓名
298 357 417 429 蒋吴春
804 357 898 426 姓名
922 357 1045 429 彭青庆
150 417 291 480 证件类型
300 423 465 484 居民身份证
780 421 922 480 证件类型
927 423 1095 484 居民身份证
150 477 291 541 证件号码
303 487 565 538 430602197605303950
780 477 922 541 证件号码
933 487 1194 538 420502199212217455
150 538 291 601 联系电话
300 541 477 601 13737020284
780 538 922 601 联系电话
930 547 1103 599 14713132428
126 625 383 685 一、房屋基本情况
171 696 309 760 房屋坐落
341 702 777 760 湖南省岳阳市岳阳楼区南湖路287号
"""
LEASE_RULES = (
    [(141.0, float(y), 745.0, y + 4.0) for y in (307, 362, 422, 482, 542, 602)]
    + [(770.0, float(y), 1373.0, y + 4.0) for y in (307, 362, 422, 482, 542, 602)]
    + [(141.0, 687.0, 1373.0, 692.0)]
)


def test_headings_over_two_tables_side_by_side_head_their_columns() -> None:
    """A row of words alone over each side ("出租人信息" | "承租人信息") heads the two
    columns; it is no band over them read before both (the band is the number at the
    right margin above it). And the rules closing both tables at one height close the
    columns: the section's heading under them ("一、房屋基本情况") is read after both
    tables, not as the left table's last line."""
    order = _order(_boxes(LEASE_FILING), rules=LEASE_RULES)
    assert order[:3] == [
        "房屋租赁登记备案证明",
        "备案编号：（2025）岳阳住租备字第68300号",
        "出租人信息",
    ]
    assert order[10:12] == ["13737020284", "承租人信息"]
    assert order[-3:] == ["一、房屋基本情况", "房屋坐落", "湖南省岳阳市岳阳楼区南湖路287号"]


# a lease's parties (latex, document camera at 200 dpi; boxes as found): a grid of
# "label：value" fields whose last column of values stands apart from its labels
LEASE_PARTIES = """
1205 118 1525 174 合同编号：ZL-2026-4269
633 165 1017 261 房屋租赁合同
122 274 510 347 出租方（甲方）：颜兰福
846 277 1017 343 联系电话：
1078 283 1279 340 17792668277
133 356 362 413 身份证号码：
375 362 694 410 320583195711287809
126 429 831 493 承租方（乙方）：西安恒通农业科技有限责任公司
820 433 1017 489 信用代码：
1076 433 1403 489 91610113BF9RABT3XH
129 506 355 562 委托代理人：
375 506 504 566 薄曦思
846 502 1021 569 联系电话：
1076 508 1279 566 13533195350
194 579 1528 643 根据《中华人民共和国民法典》及有关规定，甲、乙双方在平等、自愿、协商一致的基础上
133 645 688 699 乙方承租甲方房屋事宜，订立本合同。
"""


def test_values_right_of_labels_ending_in_a_colon_are_no_column() -> None:
    """Every line right of the gap stands level with a label ending in a colon right
    before it ("联系电话：" | "17792668277"): the gap parts labels from their values, and
    the rows are read across, though one row ("身份证号码：…") has nothing right of it and
    so the rows pair up too seldom to be taken for a grid."""
    order = _order(_boxes(LEASE_PARTIES))
    assert order[2:5] == ["出租方（甲方）：颜兰福", "联系电话：", "17792668277"]
    assert order[11:14] == ["薄曦思", "联系电话：", "13533195350"]


# a lease's parties on a black-and-white scan (latex; boxes as found): each party's
# heading on the left, its fields on down the rows and across to the right
PARTIES_DOWN_THE_ROWS = """
1808 177 2282 248 合同编号：ZL-2026-8601
944 233 1537 391 房屋租赁合同
180 405 765 515 出租方（甲方）：上官旭
1274 416 1522 500 联系电话：
1618 416 1919 500 19957593859
194 529 509 615 身份证号码：
562 529 1041 615 510107197904094321
183 629 761 739 承租方（乙方）： 宁珂璇
1269 635 1579 734 身份证号码：
1614 649 2079 720 610113196801156995
1269 744 1531 843 联系电话：
1600 753 1919 838 15012335589
291 863 2292 958 根据《中华人民共和国民法典》及有关规定，甲、乙双方在平等、自愿、协商一致的
"""


def test_two_parties_one_under_the_other_are_read_row_by_row() -> None:
    """ "出租方（甲方）：…" over "承租方（乙方）：…" on the left, their phones and ID numbers
    on the right: a side holding two parties' headings is no one party's block, and the
    rows go across (read as columns, the lessor's phone came after the lessee's name)."""
    order = _order(_boxes(PARTIES_DOWN_THE_ROWS))
    assert order[2:5] == ["出租方（甲方）：上官旭", "联系电话：", "19957593859"]
    assert order[7:10] == ["承租方（乙方）： 宁珂璇", "身份证号码：", "610113196801156995"]


# a landscape business licence (satori, textured-color-200): the code's label over the code
# left of the large title, "（副本）" over the licence number right of it; two halves of
# label/value entries, the legal representative's name merged into its label's box across
# the space between them; a wide blank band; the QR code's caption in small print beside
# the registration authority under its seal, then the footer's two lines
LANDSCAPE_LICENCE = """
896 114 1427 270 营业执照
124 138 358 196 统一社会信用代码
2040 140 2208 209 （副　本）
121 173 555 238 91450103D5XU91L06U
1893 183 2225 242 证照编号：90543157759053
128 290 201 358 名
220 290 313 356 称
367 290 1063 356 南宁正阳建筑劳务合伙企业（有限合伙）
1180 283 1376 362 注册资本
1427 290 1650 358 伍佰万元整
115 378 320 466 类型
363 384 757 460 合伙企业（有限合伙）
1188 388 1372 456 成立日期
1427 384 1707 453 2023年1月3日
121 482 476 561 法定代表人　 廖祎
1180 479 1372 557 营业期限
1427 482 1826 548 2023年1月3日至长期
118 581 313 659 经营范围
363 583 1130 648 建筑劳务分包；土石方工程施工；建筑装饰材料销
1286 587 1372 656 所
1427 587 2218 652 广西壮族自治区南宁市青秀区翠湖南路134号
363 629 1159 695 售。（依法须经批准的项目，经相关部门批准后方可
1430 639 1944 704 花园村小区20栋3单元301室
367 678 603 737 开展经营活动）
386 1334 760 1382 扫描二维码登录“国家企业信用信息
1653 1353 2144 1427 登记机关2026年10月9日
386 1366 760 1415 公示系统”了解更多登记、备案、许
390 1395 559 1444 可、监管信息。
124 1526 760 1581 国家企业信用信息公示系统网址：http://www.gsxt.gov.cn
1242 1529 2202 1574 市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。
"""


def test_a_landscape_licence_reads_header_halves_then_its_foot() -> None:
    """The header's blocks beside the title are read whole, left, title, right; a label
    merged with its value across a space is parted where the strip of values starts, so
    the left half keeps its strip of labels and the halves are read one after the other;
    the blank band under them ends the halves; the caption's small lines, set solid, are
    one unit beside the authority, read before it, then the footer."""
    lines = _boxes(LANDSCAPE_LICENCE)
    rules = [(53.0, 53.0, 2299.0, 63.0), (53.0, 1606.0, 2299.0, 1616.0)]
    _, text = reading_order(lines, rules=rules, seals=[(1955.5, 1362.4, 144.4)])
    expected = [
        "统一社会信用代码",
        "91450103D5XU91L06U",
        "营业执照",
        "（副本）",
        "证照编号：90543157759053",
        "名称南宁正阳建筑劳务合伙企业（有限合伙）",
        "类型合伙企业（有限合伙）",
        "法定代表人廖祎",
        "经营范围建筑劳务分包；土石方工程施工；建筑装饰材料销",
        "售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        "注册资本伍佰万元整",
        "成立日期2023年1月3日",
        "营业期限2023年1月3日至长期",
        "所广西壮族自治区南宁市青秀区翠湖南路134号",
        "花园村小区20栋3单元301室",
        "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。"
        "登记机关2026年10月9日",
        "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn"
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
    ]
    assert [squash(row) for row in text.splitlines()] == expected


def test_a_label_merged_with_its_value_is_parted_at_the_strip_of_values() -> None:
    """ "法定代表人　 廖祎" is parted where "廖祎" starts, at the box's pitch with the
    spaces counted, since three values start there; the label's box ends where its
    characters end. Without such a strip ("住所 见附件" alone) it stays whole."""
    lines = _boxes(LANDSCAPE_LICENCE)
    parted = part_label_values(lines, NEXT_LABELS)
    label, value = next((a, b) for a, b in itertools.pairwise(parted) if a.text == "法定代表人")
    assert value.text == "廖祎"
    assert abs(value.left - 392) < 5 and label.right < 363
    alone = _boxes("100 100 500 160 住所　见附件")
    assert [ln.text for ln in part_label_values(alone, NEXT_LABELS)] == ["住所　见附件"]


# an acceptance notice (satori, textured-color-200): a list of materials, each with its
# number of copies at the right margin, over the authority and its date at the right
NOTICE_WITH_COPIES = """
137 654 387 711 已收取材料清单：
127 718 531 781 1．食品安全管理制度清单
1368 715 1541 781 复印件1份
130 788 566 852 2．从业人员健康证明复印件
1372 788 1538 854 复印件1份
134 865 674 918 3．法定代表人签署的《授权委托书》
1372 858 1538 925 复印件1份
127 928 531 992 4．经办人身份证件复印件
1368 925 1541 1001 复印件1份
130 1001 551 1065 5．《市场主体登记申请书》
1452 999 1541 1065 2份
134 1095 785 1159 承诺办结时限：自受理之日起15个工作日内。
134 1168 925 1232 申请人（经办人）：蒯玥芃 联系电话：19915616555
130 1225 752 1289 经办人身份证号码：520102198004190101
134 1285 378 1343 受理人：范蓁新
130 1330 674 1391 办件进度查询：https://zwfw.km.gov.cn/query
1095 1490 1493 1554 西安市雁塔区行政审批局
1154 1554 1441 1611 2026年11月17日
"""


def test_copies_at_the_right_of_a_list_over_an_authority_are_no_column() -> None:
    """Each item's number of copies, level with it at the right margin, is read with it:
    the authority and its date far below at the right made a gap run down the page, but
    once they are set apart, the copies alone are a short side level with the list."""
    _, text = reading_order(_boxes(NOTICE_WITH_COPIES))
    rows = [squash(row) for row in text.splitlines()]
    assert rows[1:6] == [
        "1．食品安全管理制度清单复印件1份",
        "2．从业人员健康证明复印件复印件1份",
        "3．法定代表人签署的《授权委托书》复印件1份",
        "4．经办人身份证件复印件复印件1份",
        "5．《市场主体登记申请书》2份",
    ]
    assert rows[-2:] == ["西安市雁塔区行政审批局", "2026年11月17日"]


# the same licence of another company (satori, duplex-gray-240): its left half ends with
# a scope wrapped on three lines, its right half with the address; far below, the QR
# caption at the left level with the authority at the right, then the footer
LICENCE_OVER_BLANK = """
1076 141 1718 325 营业执照
149 165 429 235 统一社会信用代码
2450 168 2652 250 （副　本）
149 208 663 286 913502033FFBALGAX9
2274 219 2667 290 证照编号：54173141566652
154 349 242 430 名
210 349 380 430 称
434 344 1031 434 厦门铭森物流股份有限公司
1426 349 1648 430 注册资本
1713 344 1982 427 贰仟万元整
154 465 246 548 类
203 465 380 552 型
437 465 748 548 股份有限公司
1422 461 1652 555 成立日期
1718 470 2073 541 2022年8月14日
145 584 617 673 法定代表人　逯蓁伟
1418 575 1648 669 营业期限
1713 584 2220 662 2022年8月14日至长期
145 697 375 791 经营范围
441 700 1399 779 普通货物道路运输；仓储服务；装卸搬运。（依法须
1548 705 1648 783 所
1713 705 2430 783 福建省厦门市思明区建设街309号
437 756 1354 834 经批准的项目，经相关部门批准后方可开展经营活
437 810 529 888 动）
464 1601 913 1660 扫描二维码登录“国家企业信用信息
1985 1613 2572 1715 登记机关 2026年11月8日
464 1640 913 1699 公示系统”了解更多登记、备案、许
464 1675 667 1734 可、监管信息。
149 1832 909 1899 国家企业信用信息公示系统网址：http://www.gsxt.gov.cn
1487 1828 2649 1894 市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。
"""


def test_a_blank_band_across_both_halves_ends_them() -> None:
    """The halves end at the blank band under both (more than three lines of blank page):
    the caption and the footer's first line below the left half are no part of it."""
    _, text = reading_order(_boxes(LICENCE_OVER_BLANK), seals=[(2355.5, 1636.2, 173.1)])
    rows = [squash(row) for row in text.splitlines()]
    address = rows.index("所福建省厦门市思明区建设街309号")
    assert rows[address - 3 : address] == [
        "注册资本贰仟万元整",
        "成立日期2022年8月14日",
        "营业期限2022年8月14日至长期",
    ]
    assert rows[address - 4] == "动）"
    assert rows[address + 1 :] == [
        "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。"
        "登记机关2026年11月8日",
        "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn"
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
    ]


def test_blank_page_under_a_header_does_not_end_the_columns_below_it() -> None:
    """Blank page ends a block of columns only under two columns: under a header's
    blocks (the code's label over the code at the left, the licence number at the right
    margin) the run goes on into the halves below, the header read as their band, its
    left part then its right part."""
    lines = _boxes(
        """
120 100 420 150 统一社会信用代码
1500 100 1900 150 证照编号：54173141566652
120 160 560 210 913502033FFBALGAX9
120 520 300 580 名　　称
340 520 900 580 厦门铭森物流股份有限公司
1100 520 1300 580 注册资本
1340 520 1600 580 贰仟万元整
120 620 300 680 类　　型
340 620 700 680 股份有限公司
1100 620 1300 680 成立日期
1340 620 1640 680 2022年8月14日
120 720 300 780 法定代表人
340 720 520 780 逯蓁伟
1100 720 1300 780 营业期限
1340 720 1800 780 2022年8月14日至长期
"""
    )
    rows = group_rows(lines)
    gap = Gap(left=1000.0, right=1100.0)
    assert _side_ended(rows, gap, page_scale(lines), seals=[]) == len(rows)
    # under two columns the same blank page ends them
    halves = rows[2:] + [
        [ln] for ln in _boxes("120 1300 700 1360 扫描二维码登录国家企业信用信息公示系统")
    ]
    assert _side_ended(halves, gap, page_scale(lines), seals=[]) == 3


# A java2d landscape licence sent by fax (fax-fine-relay, its boxes): the caption of its QR
# code stands at the right margin beside the credit code, over the right half; a frame
# runs round the page just under the footer's last line.
FAXED_LICENCE = """
186 201 453 250 编号：536983401457
964 169 1437 364 营业执照
1120 333 1277 423 （副本）
198 423 928 476 统一社会信用代码：91530302939312058X
1963 429 2231 467 扫描二维码登录“国家企业信
1957 455 2234 502 用信息公示系统”了解更多登
1957 483 2205 531 记、备案、许可、监管信
221 563 346 633 名称
446 573 876 627 曲靖沐阳物流股份有限公司
1250 563 1696 627 注册资本 人民币50万元整
219 671 342 743 类型
446 681 989 736 有限责任公司（自然人投资或控股）
1250 675 1694 739 成立日期 2019年03月12日
217 780 427 855 法定代表人
448 780 574 855 裘和洺
1250 783 1794 848 营业期限 2019年03月12日至长期
219 893 394 959 经营范围
443 906 1150 969 普通货物道路运输；仓储服务（不含危险化学
1247 893 1391 959 住所
1433 908 2169 963 云南省曲靖市麒麟区杏林街350号6栋1单元506室
440 954 1183 1020 品）；装卸搬运。（依法须经批准的项目，经相
446 1011 958 1065 关部门批准后方可开展经营活动）
1648 1225 1830 1302 登记机关
1752 1315 2013 1373 2019年03月12日
196 1418 814 1471 国家企业信用信息公示系统网址：http://www.gsxt.gov.cn
202 1449 1026 1503 市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。
"""


def test_a_faxed_licence_reads_its_qr_caption_then_its_halves_over_a_frame() -> None:
    """The caption's lines, at the right margin beside the credit code and standing right
    of where the right half's lines start, are a band read before the halves (though they
    stand over each other); the frame under the footer's last line, across no row, is no
    table's rule: the halves are read one after the other."""
    frame = [(136.0, 1502.0, 2265.0, 1506.0)]
    _, text = reading_order(_boxes(FAXED_LICENCE), rules=frame)
    rows = [squash(row) for row in text.splitlines()]
    caption = "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信"
    scope = (
        "经营范围普通货物道路运输；仓储服务（不含危险化学品）；装卸搬运。"
        "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
    )
    text = "".join(rows)
    assert text.index("统一社会信用代码") < text.index(caption) < text.index("名称")
    assert text.index(scope) < text.index("注册资本") < text.index("住所云南省")
    assert (
        text.index("住所云南省")
        < text.index("登记机关")
        < text.index("国家企业信用信息公示系统网址")
    )
