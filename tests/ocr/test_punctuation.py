"""Punctuation is restored to the width the page prints: full in Chinese text, half in
numbers, codes, dates and URLs."""

from __future__ import annotations

import pytest

from ocr.punctuation import boxes_opening_lines, restore, tidy


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("经营范围:餐饮服务;食品销售(不含冷藏)", "经营范围：餐饮服务；食品销售（不含冷藏）"),
        ("年租金60,000.00元(大写:陆万元整),乙方", "年租金60,000.00元（大写：陆万元整），乙方"),
        ("网址:http://www.gsxt.gov.cn", "网址：http://www.gsxt.gov.cn"),
        ("比例 1：100", "比例 1:100"),
        ("10:30", "10:30"),
        ("申请人(签字):", "申请人（签字）："),
        ("噪声(dB(A))", "噪声（dB(A)）"),
        ("编号:XL-2026-0012", "编号：XL-2026-0012"),
        ("Tel: 0479-8123456", "Tel: 0479-8123456"),
        ("2026-03-01", "2026-03-01"),
        ("91150402MA0N1X2Y3K", "91150402MA0N1X2Y3K"),
        ("是否同意?同意!", "是否同意？同意！"),
        # a year in brackets before Chinese text or after a colon (pdfkit's lease filing)
        ("备案编号：(2025)海淀住租备字第81289号", "备案编号：（2025）海淀住租备字第81289号"),
        ("GB/T 31962(2019)", "GB/T 31962(2019)"),
    ],
)
def test_width_follows_context(read: str, printed: str) -> None:
    assert restore(read) == printed
    assert restore(printed) == printed  # idempotent: a page read right stays right


def test_known_confusions_are_undone() -> None:
    assert tidy("乌曰娜 2026年3月1曰") == "乌日娜 2026年3月1日"
    assert tidy("申方（出租方）： 乙方（承租方）：") == "甲方（出租方）： 乙方（承租方）："
    assert tidy("申方：") == "甲方："
    assert tidy("重申方针政策") == "重申方针政策"
    assert tidy("网址:http://ww.gsxt.gov.cn") == "网址：http://www.gsxt.gov.cn"
    assert tidy("http://www.gsxt.gov.cn") == "http://www.gsxt.gov.cn"
    # a document number's year, its hexagonal brackets read as round ones (GB/T 9704)
    assert tidy("岳阳楼区援申字(2025〕7号") == "岳阳楼区援申字〔2025〕7号"
    assert tidy("审批受字（2026）第9171号") == "审批受字〔2026〕第9171号"
    assert (
        tidy("备案编号：(2025)海淀住租备字第81289号") == "备案编号：（2025）海淀住租备字第81289号"
    )


def test_a_numbered_items_point_is_full_width() -> None:
    """GB/T 9704 numbers items "1．" (the full-width point); the recogniser reads it ".".
    Decimals, dates and versions keep theirs."""
    assert tidy("1.本证明一式两联") == "1．本证明一式两联"
    assert tidy("委托权限：2.同意□不同意") == "委托权限：2．同意□不同意"
    assert tidy("12. 其他事项") == "12． 其他事项"
    # read as a middle dot (latex's application form by a document camera)
    assert tidy("申请材料 1·食品经营许可申请书；2·营业执照复印件") == (
        "申请材料 1．食品经营许可申请书；2．营业执照复印件"
    )
    kept = "面积12.5平方米 2026.1.5日 v1.2 No.3 3.14 3·15"
    assert tidy(kept) == kept


def test_a_web_address_scheme_missing_letters_is_http() -> None:
    """Small print at the foot of a licence: the scheme loses letters and a slash."""
    for read in ("htt:/www.gsxt.gov.cn", "hp:/ww.gsxt.gov.cn", "htp://www.gsxt.gov.cn"):
        assert tidy(f"网址：{read}") == "网址：http://www.gsxt.gov.cn"
    assert tidy("https:/zwfw.nmg.gov.cn") == "https://zwfw.nmg.gov.cn"
    # not a scheme: a word before a colon, a time, a ratio
    assert tidy("Depth:/ 10:30 1:100") == "Depth:/ 10:30 1:100"


def test_an_empty_check_box_read_as_kou_is_a_box() -> None:
    """Microfilmed forms: an empty box reads as 口 on a line that has boxes; 口 in a word
    (窗口, 户口簿) stays, and so does 口 on a line without boxes."""
    assert (
        tidy("申请类别口城市低保☑农村低保口单人户施保") == "申请类别□城市低保☑农村低保□单人户施保"
    )
    assert tidy("☑城镇口农村") == "☑城镇□农村"
    assert tidy("■窗口领取 口邮寄送达") == "■窗口领取 □邮寄送达"
    assert tidy("☑户口簿 口身份证") == "☑户口簿 □身份证"
    assert tidy("口腔诊所 人口 出口") == "口腔诊所 人口 出口"


def test_the_underline_of_a_filled_in_blank_is_no_character() -> None:
    """The line an entry is written on reads as "_" before or after it; an underscore
    between letters or digits is the text's own."""
    assert tidy("委托人：_莫旻") == "委托人：莫旻"
    assert tidy("申请人名称：__南昌鼎祺酒店管理有限公司") == "申请人名称：南昌鼎祺酒店管理有限公司"
    assert tidy("经办人： 籍铎歆_") == "经办人： 籍铎歆"
    assert tidy("电子邮箱：kf_403@qq.com") == "电子邮箱：kf_403@qq.com"


def test_an_opening_parenthesis_read_as_zeta() -> None:
    """The recogniser reads a faint "（" as "ζ" (yellowed copies): after a Chinese
    character, closed further on, it is the parenthesis; without a closing one it stays."""
    assert tidy("代理人ζ签字）：邵梅睿") == "代理人（签字）：邵梅睿"
    assert tidy("有限责任公司ζ自然人投资或控股）") == "有限责任公司（自然人投资或控股）"
    assert tidy("角度ζ为") == "角度ζ为"


def test_an_amounts_point_read_as_a_colon_or_a_comma_is_a_point() -> None:
    """A fax's dither turns the point of "7350.00" into a colon or a comma."""
    assert tidy("2025年04月 7350:00 588.00") == "2025年04月 7350.00 588.00"
    assert tidy("缴费基数7350,00元") == "缴费基数7350.00元"
    # times, ratios, thousands and a time's seconds keep theirs
    kept = "10:30 比例1:500 7,350 12,345,678 2025-11-08 10:30:00 1:100,00"
    assert tidy(kept) == kept


def test_a_figure_read_as_a_letter_inside_a_number_is_a_figure() -> None:
    assert tidy("联系电话1991I182321") == "联系电话19911182321"
    assert tidy("编号：20l6O5") == "编号：201605"
    # letters of a code, a model or a standard's name stay letters
    for text in ("ISO9001", "F63K84", "91370883C8L9TDF71P", "证号12345I", "型号A1I2345678"):
        assert tidy(text) == text


def test_a_kou_opening_a_line_is_a_check_box_on_a_page_with_boxes() -> None:
    """A notary form's options stand one to a line; the faint boxes of a row read as 口,
    the grid's last column as □ and ☑, and the row's options no longer looked like a
    grid's: the last column was read after the questions below."""
    page = ["申办公证事项（请在□内打√）：", "口委托", "口声明", "☑营业执照", "口岸", "口"]
    assert boxes_opening_lines(page) == [page[0], "□委托", "□声明", "☑营业执照", "口岸", "口"]
    assert boxes_opening_lines(["口委托", "口声明"]) == ["口委托", "口声明"]  # no box on the page
