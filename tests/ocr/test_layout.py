"""Reading order from ruled tables: a cell's wrapped lines are read together, cells row by
row, whatever order the detector returned the lines in."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import Line, read_page
from ocr.engine import rect_box
from ocr.layout import Rulings, dividers, rulings, split_tables, table_cells
from ocr.pipeline import reading_order
from ocr.testing import FixedLinesEngine


def _table_page() -> np.ndarray:
    page = np.full((1400, 1000, 3), 255, np.uint8)
    xs, ys = (100, 300, 600, 900), (200, 320, 440)
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), (0, 0, 0), 3)
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), (0, 0, 0), 3)
    cv2.putText(page, "x", (150, 270), cv2.FONT_HERSHEY_SIMPLEX, 1, (0, 0, 0), 2)
    return page


def _ln(text: str, left: float, top: float, right: float, bottom: float) -> Line:
    return Line(text, rect_box(left, top, right, bottom), 0.98)


# row 1: a label wrapped on two lines, a value, a header wrapped on two lines
LINES = [
    _ln("统一社会信用代", 110, 222, 290, 252),
    _ln("91150402MA0N1X2Y3K", 310, 245, 590, 275),
    _ln("认缴出资额", 610, 222, 800, 252),
    _ln("码", 110, 262, 150, 292),
    _ln("（万元）", 610, 262, 760, 292),
    _ln("法定代表人", 110, 365, 290, 395),
    _ln("张旻", 310, 365, 400, 395),
    _ln("100.00", 610, 365, 720, 395),
]


def test_cells_found_from_rules() -> None:
    cells = sorted(table_cells(_table_page()))
    assert len(cells) == 6
    left, top, right, bottom = cells[0]
    assert abs(left - 100) < 12 and abs(top - 200) < 12
    assert abs(right - 300) < 12 and abs(bottom - 320) < 12


def _smeared(image: np.ndarray, length: int, degrees: float) -> np.ndarray:
    """`image` smeared by a straight streak, as a hand's shake smears a phone's photo."""
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1
    turn = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), degrees, 1.0)
    kernel = cv2.warpAffine(kernel, turn, (length, length))
    return cv2.filter2D(image, -1, kernel / kernel.sum())


def test_thin_rules_smeared_by_a_shake_still_close_their_cells() -> None:
    """A table of thin grey rules on an A4 page at 300 ppi, photographed by a shaking
    hand: its 20 cells are found all the same."""
    page = np.full((3508, 2480, 3), 255, np.uint8)
    xs, ys = (200, 700, 1300, 1900, 2300), (800, 950, 1100, 1250, 1400, 1550)
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), (90, 90, 90), 1)
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), (90, 90, 90), 1)
    assert len(table_cells(page)) == 20
    for length, degrees in ((11, 30), (13, 40), (11, 10)):
        assert len(table_cells(_smeared(page, length, degrees))) == 20


def test_the_edge_of_a_shadow_is_no_rule() -> None:
    page = np.full((1400, 1000, 3), 250, np.uint8)
    # a fold: the paper darkens towards the crease over 24 px, then is lit again at once
    for k in range(24):
        page[676 + k] = 250 - round(36 * (k + 1) / 24)
    page[300:303, 100:900] = 185  # a printed rule, faint (toner running low)
    page[1000:1003, 100:900] = 40  # and a dark one
    rules = rulings(page).rules
    assert [(top, bottom) for _, top, _, bottom in rules] == [(300, 303), (1000, 1003)]


def test_a_folds_crease_is_no_rule() -> None:
    """A sheet folded in three and flattened (fpdf's folded-crease capture): each crease
    is a faint dark line with a ridge lighter than the paper beside it. Read as rules,
    they ran across the gap between a licence's two halves and tied them into rows (its
    strict CER 0.3% -> 51.9%). A faint printed rule has paper on both sides, and stays."""
    page = np.full((1400, 1000, 3), 243, np.uint8)
    for y in (450, 700):
        page[y - 2 : y + 2] = 190  # the crease, 53 levels below the paper
        for k in range(14):  # the ridge below it, catching the light, fading out
            page[y + 2 + k] = 253 - round(10 * k / 14)
    page[300:303, 100:900] = 185  # a printed rule, faint (toner running low)
    page[1000:1003, 100:900] = 40  # and a dark one
    rules = rulings(page).rules
    assert [(top, bottom) for _, top, _, bottom in rules] == [(300, 303), (1000, 1003)]


def test_a_ruled_cell_over_three_rows_is_read_with_the_first_of_them() -> None:
    """A power of attorney's "委托权限" cell, ruled, merged over the three rows of its
    permissions, under the row "其他：…" of the cell above (fpdf, its boxes and cells):
    set level with its first row from the rules, it was lifted once more from there, as
    if no rules bounded it, and read before "其他：…"."""
    cells = [
        (146, 460, 374, 610),
        (382, 460, 1509, 532),
        (382, 540, 1509, 610),
        (146, 618, 374, 846),
        (382, 618, 1509, 690),
        (382, 698, 1509, 768),
        (382, 776, 1509, 846),
    ]
    lines = [
        _ln("委托事项", 181, 496, 339, 566),
        _ln("□设立 □变更 ☑注销 □备案", 381, 464, 798, 518),
        _ln("其他：变更法定代表人", 378, 540, 691, 598),
        _ln("委托权限", 184, 696, 336, 763),
        _ln("1. 同意□不同意☑核对登记材料中的复印件并签署核对意见；", 375, 622, 1144, 677),
        _ln("2. 同意☑不同意□修改企业自备文件的错误；", 375, 703, 949, 757),
        _ln("3. 同意☑不同意□领取营业执照和有关文书。", 371, 772, 950, 839),
    ]
    _, text = reading_order(lines, cells)
    assert text.splitlines()[1:3] == [
        "其他：变更法定代表人",
        "委托权限 1. 同意□不同意☑核对登记材料中的复印件并签署核对意见；",
    ]


def test_a_rule_in_a_flashs_hotspot_is_a_rule() -> None:
    """A phone photo's flash lights a patch of the page far above its paper: a table's
    rule there has light on both sides, far from it too. It is no crease (taken for one,
    the rules of the tables in a hotspot went, and their cells with them)."""
    page = np.full((1400, 1000, 3), 200, np.uint8)
    yy, xx = np.mgrid[0:1400, 0:1000]
    glow = 55 * np.exp(-((xx - 500) ** 2 + (yy - 700) ** 2) / (2 * 260.0**2))
    page[:] = np.clip(200 + glow, 0, 255).astype(np.uint8)[..., None]
    page[650:653, 200:800] = 150  # a grey rule, faint against the lit paper
    page[1000:1003, 100:900] = 40
    rules = rulings(page).rules
    assert [(top, bottom) for _, top, _, bottom in rules] == [(650, 653), (1000, 1003)]


def test_wrapped_cells_are_read_whole() -> None:
    ordered, text = reading_order(LINES, table_cells(_table_page()))
    assert [ln.text for ln in ordered] == [
        "统一社会信用代",
        "码",
        "91150402MA0N1X2Y3K",
        "认缴出资额",
        "（万元）",
        "法定代表人",
        "张旻",
        "100.00",
    ]
    assert text.splitlines() == [
        "统一社会信用代码 91150402MA0N1X2Y3K 认缴出资额（万元）",
        "法定代表人 张旻 100.00",
    ]
    # without the rules, the wrapped label and header are read whole all the same: a
    # value centred beside two lines stacked tight tells they are one cell
    flat_order, _ = reading_order(LINES)
    assert flat_order == ordered


def test_pipeline_reads_tables_by_cell_and_restores_punctuation() -> None:
    page = _table_page()
    ok, buf = cv2.imencode(".png", page)
    assert ok
    lines = [*LINES[:-1], _ln("备注:无(见附件)", 610, 365, 880, 395)]
    reading = read_page(buf.tobytes(), FixedLinesEngine(lines, page_width=page.shape[1]))
    assert reading.text.splitlines()[0].startswith("统一社会信用代码 ")
    assert reading.text.splitlines()[-1].endswith("备注：无（见附件）")


def test_label_wrapped_inside_a_bracket_is_read_before_its_value_without_rules() -> None:
    """No rules around a key/value list: the label's second line ("人）", closing the
    bracket its first line left open) sits lower than the value beside it, and was read
    after it ("法定代表人（负责 汪翊 / 人）")."""
    lines = [
        _ln("经营者名称", 133, 362, 323, 429),
        _ln("四川嘉沐建材贸易股份有限公司", 443, 369, 908, 423),
        _ln("法定代表人（负责", 133, 506, 417, 572),
        _ln("汪翊", 436, 525, 539, 598),
        _ln("人）", 133, 553, 220, 620),
        _ln("住所", 133, 622, 290, 690),
        _ln("四川省成都市青羊区启明大道552号", 446, 626, 1104, 680),
    ]
    _, text = reading_order(lines)
    assert text.splitlines() == [
        "经营者名称 四川嘉沐建材贸易股份有限公司",
        "法定代表人（负责人） 汪翊",
        "住所 四川省成都市青羊区启明大道552号",
    ]
    # a bracket closed on its own line ties nothing
    closed = [_ln("名称（全称）", 133, 506, 417, 572), _ln("（盖章）", 133, 580, 300, 640)]
    assert reading_order(closed)[1].splitlines() == ["名称（全称）", "（盖章）"]


def _form(label_lines: list[Line]) -> list[Line]:
    """A licence's fields without rules: labels, values 330 px right, a QR caption far
    right level with the wrapped label's second line."""
    return [
        *label_lines,
        _ln("经营者名称", 130, 360, 320, 425),
        _ln("武汉嘉沐食品科技有限公司", 460, 360, 900, 425),
        _ln("社会信用代码", 130, 435, 350, 495),
        _ln("91370202763475645L", 460, 435, 780, 495),
        _ln("茅楠舸", 460, 525, 590, 598),  # centred on the two lines of its label
        _ln("扫一扫 查信息", 1240, 570, 1450, 630),
        _ln("住所", 130, 655, 320, 720),
        _ln("山东省青岛市黄岛区启明路483号", 460, 655, 1000, 720),
    ]


WRAPPED_LABEL = [_ln("法定代表人姓", 130, 506, 420, 572), _ln("名", 130, 553, 180, 620)]


def test_a_label_wrapped_without_rules_is_read_whole_before_its_value() -> None:
    """ "法定代表人（负责" over "人）", the name centred beside both: one cell, read
    whole, then the name (row by row, "人）" went after the name or with the caption)."""
    _, text = reading_order(_form(WRAPPED_LABEL))
    assert text.splitlines()[2].startswith("法定代表人姓名 茅楠舸")
    assert text.index("茅楠舸") < text.index("住所")


def test_stacked_labels_each_level_with_a_value_stay_rows() -> None:
    # the labels above stand as tight as a wrapped label's lines, but each has its value
    # level with it: rows, not a cell
    lines = _form([_ln("法定代表人", 130, 530, 320, 595)])
    _, text = reading_order(lines)
    assert text.splitlines()[:2] == [
        "经营者名称 武汉嘉沐食品科技有限公司",
        "社会信用代码 91370202763475645L",
    ]


def _rows_page() -> np.ndarray:
    """Three ruled rows of a form, label cell | value cell (the middle row's value cell
    split again for a phone), each row just a line high."""
    page = np.full((1000, 1400, 3), 255, np.uint8)
    for y in (200, 290, 370, 460):
        cv2.line(page, (100, y), (1300, y), (0, 0, 0), 3)
    for x in (100, 400, 1300):
        cv2.line(page, (x, 200), (x, 460), (0, 0, 0), 3)
    for x in (800, 1000):
        cv2.line(page, (x, 290), (x, 370), (0, 0, 0), 3)
    return page


def test_values_stacked_in_ruled_rows_are_no_wrapped_cell() -> None:
    """Values stacked as tight as one cell's lines, the middle row's label centred beside
    them: without rules that is a value that wrapped, but each sits in a ruled cell of its
    own row, so the rows are read one by one (the three values were read as one)."""
    lines = [
        _ln("统一社会信用", 130, 205, 370, 245),
        _ln("代码", 210, 245, 290, 285),
        _ln("914201061GQ8KR7W2T", 410, 212, 720, 282),
        _ln("拟任法定代表人", 130, 297, 370, 362),
        _ln("东方彤晗", 410, 292, 560, 366),
        _ln("联系电话", 830, 297, 980, 362),
        _ln("18619929524", 1010, 297, 1230, 362),
        _ln("身份证号", 180, 375, 330, 415),
        _ln("码", 240, 415, 280, 455),
        _ln("420106196909238256", 410, 377, 720, 452),
    ]
    cells, rules, _ = rulings(_rows_page())
    _, text = reading_order(lines, cells, rules)
    assert text.splitlines() == [
        "统一社会信用代码 914201061GQ8KR7W2T",
        "拟任法定代表人 东方彤晗 联系电话 18619929524",
        "身份证号码 420106196909238256",
    ]


def test_text_columns_with_other_leading_are_no_wrapped_cell() -> None:
    # two lines of the left column with two lines of the right one beside them: running
    # text, no cell (a cell holds one value beside its two lines)
    left = [_ln(f"左栏第{k}行正文内容正文", 100, 200 + k * 50, 600, 240 + k * 50) for k in range(5)]
    right = [
        _ln(f"右栏第{k}行正文内容正文", 660, 215 + k * 36, 1160, 245 + k * 36) for k in range(7)
    ]
    ordered, _ = reading_order(left + right)
    assert [ln.text for ln in ordered] == [ln.text for ln in left + right]


def _merged_page() -> np.ndarray:
    """A form whose first column merges three rows ("申请人信息" heading the applicant's
    name, ID number and phone), then a row of its own."""
    page = np.full((1400, 1300, 3), 255, np.uint8)
    black = (0, 0, 0)
    for y in (200, 300, 400, 500, 600):
        cv2.line(page, (100 if y in (200, 500, 600) else 350, y), (1200, y), black, 3)
    for x, top in ((100, 200), (350, 200), (600, 200), (1200, 200)):
        cv2.line(page, (x, top), (x, 600), black, 3)
    cv2.line(page, (350, 500), (350, 600), (255, 255, 255), 3)  # the last row: two cells
    return page


MERGED = [
    _ln("申请人信息", 130, 330, 320, 370),
    _ln("姓名", 370, 230, 450, 270),
    _ln("其木格", 620, 230, 750, 270),
    _ln("身份证号", 370, 330, 530, 370),
    _ln("152501199003150020", 620, 330, 950, 370),
    _ln("联系电话", 370, 430, 530, 470),
    _ln("13800471234", 620, 430, 850, 470),
    _ln("经营场所", 130, 530, 290, 570),
    _ln("锡林浩特市额尔敦路1号", 620, 530, 1000, 570),
]


def test_a_cell_merged_over_rows_is_read_before_the_rows_it_heads() -> None:
    """Row by row, the merged cell's words stand level with its middle row and were read
    between the name and the ID number; a person (and the table's own order: HTML's
    rowspan, Word's vertical merge) reads them first."""
    page = _merged_page()
    ok, buf = cv2.imencode(".png", page)
    assert ok
    reading = read_page(buf.tobytes(), FixedLinesEngine(MERGED, page_width=page.shape[1]))
    assert reading.text.splitlines() == [
        "申请人信息 姓名 其木格",
        "身份证号 152501199003150020",
        "联系电话 13800471234",
        "经营场所 锡林浩特市额尔敦路1号",
    ]
    # a heading set down its cell a character a line reads the same
    upright = [_ln(ch, 200, 240 + 70 * k, 240, 280 + 70 * k) for k, ch in enumerate("申请人")]
    reading = read_page(
        buf.tobytes(), FixedLinesEngine([*upright, *MERGED[1:]], page_width=page.shape[1])
    )
    assert reading.text.splitlines()[:2] == ["申请人 姓名 其木格", "身份证号 152501199003150020"]


SCOPE = [
    "零售：预包装食品、散装食品、乳制品（含婴幼儿配方乳粉）、",
    "保健食品、特殊医学用途配方食品；日用百货、文具用品、",
    "五金交电、针纺织品的销售；烟草制品零售（凭许可证经营）",
    "以上项目依法须经批准的项目，经相关部门批准后方可开展。",
]


def test_a_label_centred_beside_a_value_of_many_lines_is_read_before_it() -> None:
    """HTML centres a table's cells by default: "经营范围" stands level with the middle of
    its value's lines. Row by row it fell between them; the lines stacked in one column,
    with one line beside level with their middle, are one cell."""
    for n in (3, 4):
        lines = [
            _ln("名称", 100, 100, 180, 140),
            _ln("锡林浩特市白马商贸有限公司", 400, 100, 900, 140),
        ]
        lines += [
            _ln(v, 400, 180 + 50 * k, 400 + 30 * len(v), 220 + 50 * k)
            for k, v in enumerate(SCOPE[:n])
        ]
        middle = 180 + 25 * (n - 1)
        lines += [_ln("经营范围", 100, middle, 260, middle + 40)]
        lines += [_ln("住所", 100, 240 + 50 * n, 180, 280 + 50 * n)]
        lines += [_ln("额尔敦路1号", 400, 240 + 50 * n, 600, 280 + 50 * n)]
        assert reading_order(lines)[1].splitlines() == [
            "名称 锡林浩特市白马商贸有限公司",
            "经营范围 " + "".join(SCOPE[:n]),
            "住所 额尔敦路1号",
        ]


def test_values_each_level_with_their_label_are_no_cell_of_many_lines() -> None:
    """A form's column of values stacked tight, each level with its own label on the left,
    with one field on the right level with the middle one: rows, not one cell."""
    lines = [
        _ln("经营范围", 100, 100, 260, 140),
        _ln("食品销售；餐饮管理；食品技术开发", 400, 100, 880, 140),
        _ln("从业人数", 100, 150, 260, 190),
        _ln("6人", 400, 150, 450, 190),
        _ln("资金数额 50.00万元", 1000, 150, 1300, 190),
        _ln("电子邮箱", 100, 200, 260, 240),
        _ln("kf403@qq.com", 400, 200, 600, 240),
    ]
    assert reading_order(lines)[1].splitlines() == [
        "经营范围 食品销售；餐饮管理；食品技术开发",
        "从业人数 6人 资金数额 50.00万元",
        "电子邮箱 kf403@qq.com",
    ]


def _heading_form(n: int) -> list[Line]:
    """An unruled form whose first column holds one heading level with the middle of the
    `n` rows it heads ("申请人信息"), the rest of its rows starting in the second column."""
    lines = [
        _ln("企业名称", 300, 40, 460, 80),
        _ln("锡林浩特市白马商贸有限公司", 600, 40, 1000, 80),
    ]
    rows = [("姓名", "其木格"), ("身份证号", "152501199003150020"), ("联系电话", "13800471234")]
    rows += [("电子邮箱", "a@b.cn")]
    for k, (label, value) in enumerate(rows[:n]):
        top = 120 + 60 * k
        lines += [_ln(label, 300, top, 300 + 32 * len(label), top + 40)]
        lines += [_ln(value, 600, top, 600 + 28 * len(value), top + 40)]
    middle = 120 + 30 * (n - 1)
    lines += [_ln("申请人信息", 60, middle, 240, middle + 40)]
    lines += [_ln("经营场所", 300, 120 + 60 * n, 460, 160 + 60 * n)]
    return [*lines, _ln("额尔敦路1号", 600, 120 + 60 * n, 800, 160 + 60 * n)]


def test_a_heading_centred_on_the_rows_it_heads_without_rules_is_read_first() -> None:
    """Row by row the heading fell between the rows it heads (with two rows, the form was
    even read as two columns); it is read with the first of them."""
    for n in (2, 3, 4):
        text = reading_order(_heading_form(n))[1].splitlines()
        assert text[:3] == [
            "企业名称 锡林浩特市白马商贸有限公司",
            "申请人信息 姓名 其木格",
            "身份证号 152501199003150020",
        ]
        assert text[-1] == "经营场所 额尔敦路1号" and len(text) == n + 2


def test_a_field_of_the_left_column_between_rows_of_the_right_is_no_heading() -> None:
    """A licence's two columns: "法定代表人 刘佳怡" stands level between two rows of the
    right column, under another field of its own column; it heads nothing."""
    lines = [
        _ln("类型", 145, 795, 249, 864),
        _ln("有限责任公司（自然人投资或控股）", 339, 791, 910, 860),
        _ln("营业期限", 987, 829, 1166, 902),
        _ln("长期", 1179, 829, 1283, 899),
        _ln("法定代表人", 151, 881, 330, 943),
        _ln("住所", 981, 909, 1099, 998),
        _ln("内蒙古自治区锡林浩特市那达", 1182, 915, 1670, 984),
    ]
    assert reading_order(lines)[1].splitlines() == [
        "类型 有限责任公司（自然人投资或控股）",
        "法定代表人",
        "营业期限长期",
        "住所 内蒙古自治区锡林浩特市那达",
    ]


def _two_header_rows() -> np.ndarray:
    """A shareholders' table: 序号, 姓名 and 证件号码 merged over two header rows, 出资情况
    over its two columns 出资额 and 出资方式, then a row of data."""
    page = np.full((1000, 1400, 3), 255, np.uint8)
    black = (0, 0, 0)
    for y, (x0, x1) in (
        (200, (100, 1300)),
        (280, (450, 950)),
        (360, (100, 1300)),
        (440, (100, 1300)),
    ):
        cv2.line(page, (x0, y), (x1, y), black, 3)
    for x in (100, 250, 450, 950, 1300):
        cv2.line(page, (x, 200), (x, 440), black, 3)
    cv2.line(page, (700, 280), (700, 440), black, 3)
    return page


def test_the_last_columns_header_merged_over_two_header_rows_is_read_in_the_first() -> None:
    lines = [
        _ln("序号", 130, 260, 200, 300),
        _ln("姓名", 300, 260, 380, 300),
        _ln("出资情况", 520, 220, 680, 260),
        _ln("证件号码", 1050, 260, 1210, 300),
        _ln("出资额", 500, 300, 620, 340),
        _ln("出资方式", 750, 300, 910, 340),
        _ln("1", 160, 380, 180, 420),
        _ln("其木格", 300, 380, 420, 420),
        _ln("12.00", 500, 380, 600, 420),
        _ln("货币", 750, 380, 830, 420),
        _ln("152501199003150020", 960, 380, 1290, 420),
    ]
    page = _two_header_rows()
    ok, buf = cv2.imencode(".png", page)
    assert ok
    assert read_page(
        buf.tobytes(), FixedLinesEngine(lines, page_width=page.shape[1])
    ).text.splitlines() == [
        "序号 姓名 出资情况 证件号码",
        "出资额 出资方式",
        "1 其木格 12.00 货币 152501199003150020",
    ]


def test_labels_stacked_tight_each_with_its_value_are_no_cell() -> None:
    """Labels centred in their column and stacked tight, each level with its value (a
    ledger page held askew and bent: these are its boxes): not one cell beside the value
    in the middle, but rows."""
    lines = [
        _ln("性别", 1115, 349, 1237, 434),
        _ln("男", 1300, 353, 1381, 434),
        _ln("魏琳筠", 435, 356, 580, 438),
        _ln("姓名", 244, 364, 359, 449),
        _ln("330106200208112594", 435, 411, 776, 501),
        _ln("参保状态", 1089, 416, 1262, 492),
        _ln("正常参保", 1308, 416, 1481, 496),
        _ln("公民身份号码", 180, 421, 419, 513),
        _ln("青岛远帆商贸有限公司", 438, 473, 810, 563),
        _ln("参保单位", 208, 484, 389, 576),
        _ln("91370202RY2G3KEU4K", 435, 540, 776, 626),
        _ln("2013年9月", 1304, 544, 1496, 622),
    ]
    text = reading_order(lines)[1]
    assert "公民身份号码 330106200208112594" in text.replace("\n", " ")
    assert "参保单位 青岛远帆商贸有限公司" in text.replace("\n", " ")


def test_lines_set_solid_overlapping_by_more_than_half_are_read_in_turn() -> None:
    """A business scope set solid (a qt licence by a kiosk camera, its boxes): the
    detector's boxes of two lines overlap by 61% of the shorter's height, their middles
    28 px apart. One line over the other, not two cells of one row: the upper is read
    first, though the lower starts 3 px further left."""
    lines = [
        _ln("经营范围", 109, 790, 248, 857),
        _ln("一般项目：文化传媒的研发、销", 297, 781, 711, 835),
        _ln("咨询；货物进出口。（除依法须", 288, 829, 717, 899),
        _ln("售；技术服务、技术开发、技术", 291, 805, 714, 867),
        _ln("经批准的项目外，凭营业执照依", 291, 862, 714, 924),
    ]
    _, text = reading_order(lines)
    assert text.index("售；技术服务") < text.index("咨询；货物进出口") < text.index("经批准")


def test_a_line_within_a_taller_cells_height_stands_in_its_row() -> None:
    """A table cell's wrapped lines read as one unit (mpl, our own fold over a stapled
    page: "养老、医疗、" over "业、工伤、生育") and the "失" the detector cut off its first line,
    within the unit's height: level, not one over the other, though their middles stand
    26 px apart."""
    from ocr.rows import group_rows

    cell = _ln("养老、医疗、业、工伤、生育", 838, 1028, 1120, 1152)
    cut = _ln("失", 1041, 1028, 1110, 1100)
    assert group_rows([cell, cut]) == [[cell, cut]]


def test_a_scanners_streak_down_the_page_cuts_no_cell() -> None:
    """Dust on a feeder's glass draws a line down the whole scan, through the margins and
    the table alike, broken where it crosses print: no rule, so the table's cells are the
    same with it as without it, and none of the page beside it is a cell."""
    clean = _table_page()
    streaked = clean.copy()
    for x in (450, 960):  # through the table's cells, and in the right margin
        for top in range(0, 1400, 200):
            cv2.line(streaked, (x, top), (x + 1, top + 170), (90, 90, 90), 3)
    assert sorted(table_cells(streaked)) == sorted(table_cells(clean))


def test_a_streak_leaning_with_a_deskewed_page_cuts_no_cell() -> None:
    """The feeder draws its streak straight down the sheet; deskewing the page (a pdfkit
    lease by a sheet feeder at 180 dpi, turned 0.4°) leans it with the print, 8 px over
    the page at 1200 px. Looked for in straight columns only, it was taken for a rule
    and cut the label cells of the rows it crossed into two, which split the table into
    halves read one after the other."""
    clean = _table_page()
    streaked = clean.copy()
    for top in range(0, 1400, 200):
        x = 440 + round(30 * top / 1400)
        cv2.line(streaked, (x, top), (x + 4, top + 170), (90, 90, 90), 3)
    assert sorted(table_cells(streaked)) == sorted(table_cells(clean))


# A used-car register (coverage, sepia copy at 220 dpi): the seller's and the buyer's
# halves of one ruled table under their headers, then the vehicle's table, whose rows of
# "label | value | label | value" go across; boxes and cells as found.
PARTIES = [
    _ln("卖方（出让方）", 407, 353, 638, 428),
    _ln("买方（受让方）", 1166, 353, 1406, 428),
    _ln("姓名", 204, 442, 318, 522),
    _ln("薛静", 361, 438, 475, 522),
    _ln("姓名", 966, 442, 1076, 525),
    _ln("石凤一", 1120, 438, 1270, 525),
    _ln("身份证号码", 163, 535, 357, 609),
    _ln("350203196001256057", 364, 535, 746, 609),
    _ln("身份证号码", 931, 535, 1120, 609),
    _ln("350203198503149023", 1131, 543, 1504, 606),
    _ln("福建省厦门市思明区学府路181号16", 361, 644, 917, 715),
    _ln("福建省厦门市思明区和平街19号2栋", 1120, 641, 1683, 711),
    _ln("住址", 204, 659, 314, 742),
    _ln("住址", 970, 659, 1076, 739),
    _ln("栋3单元1502室", 359, 678, 615, 761),
    _ln("1单元2101室", 1123, 686, 1351, 760),
    _ln("联系电话", 179, 791, 342, 869),
    _ln("13569118229", 361, 789, 613, 872),
    _ln("联系电话", 942, 791, 1105, 869),
    _ln("17755998109", 1123, 791, 1384, 865),
    _ln("车辆信息", 831, 936, 995, 1012),
    _ln("号牌号码", 192, 1027, 353, 1103),
    _ln("闽DH1028", 379, 1023, 563, 1107),
    _ln("车辆类型", 956, 1027, 1113, 1103),
    _ln("小型轿车", 1141, 1027, 1305, 1103),
    _ln("厂牌型号", 189, 1121, 353, 1194),
    _ln("本田雅阁", 381, 1121, 542, 1194),
    _ln("车身颜色", 956, 1121, 1117, 1194),
    _ln("银灰", 1141, 1114, 1251, 1198),
]
PARTIES_CELLS = [
    (155, 352, 909, 434), (917, 352, 1671, 434),
    (155, 443, 365, 526), (376, 443, 909, 526), (917, 445, 1128, 526), (1139, 445, 1671, 526),
    (155, 535, 365, 617), (376, 535, 909, 617), (917, 535, 1128, 617), (1139, 535, 1671, 617),
    (155, 627, 365, 782), (376, 627, 909, 782), (917, 627, 1128, 782), (1139, 627, 1671, 782),
    (155, 793, 365, 874), (376, 793, 909, 874), (917, 793, 1128, 874), (1139, 793, 1671, 874),
    (155, 935, 1671, 1018),
    (155, 1027, 387, 1109), (397, 1027, 909, 1109),
    (917, 1027, 1152, 1109), (1160, 1027, 1671, 1109),
    (155, 1119, 387, 1201), (397, 1119, 909, 1201),
    (917, 1119, 1152, 1201), (1160, 1119, 1671, 1201),
]  # fmt: skip


def test_a_table_split_under_two_headers_is_read_half_by_half() -> None:
    """Under "卖方（出让方）" | "买方（受让方）", each header over its own label and value
    cells, the seller's half is read before the buyer's (read across, the page's strict
    CER was 17.7%); the vehicle's table below, under one header, goes across."""
    assert split_tables(PARTIES_CELLS) == [(912, 352, 914, 874)]
    parting = dividers(Rulings(PARTIES_CELLS, [], []))
    _, text = reading_order(PARTIES[::-1], PARTIES_CELLS, dividers=parting)
    assert text.splitlines() == [
        "卖方（出让方）",
        "姓名 薛静",
        "身份证号码 350203196001256057",
        "住址 福建省厦门市思明区学府路181号16栋3单元1502室",
        "联系电话 13569118229",
        "买方（受让方）",
        "姓名 石凤一",
        "身份证号码 350203198503149023",
        "住址 福建省厦门市思明区和平街19号2栋1单元2101室",
        "联系电话 17755998109",
        "车辆信息",
        "号牌号码闽DH1028 车辆类型小型轿车",
        "厂牌型号本田雅阁 车身颜色银灰",
    ]


def test_two_tables_side_by_side_under_their_headers_are_read_one_after_the_other() -> None:
    """The seller's and the buyer's tables framed apart, side by side, each under its
    header: the headers were read as one row before the two tables, read as columns."""
    cells = []
    for x0 in (100, 650):
        cells.append((x0, 200, x0 + 490, 264))
        for k in range(1, 5):
            cells += [(x0, 200 + 64 * k, x0 + 140, 264 + 64 * k)]
            cells += [(x0 + 140, 200 + 64 * k, x0 + 490, 264 + 64 * k)]
    assert split_tables(cells) == [(619, 200, 621, 520)]


def test_a_table_is_no_split_one_without_headers_over_halves() -> None:
    """Rows of "label | value | label | value" under one header, a table of figures
    under "本期 | 上期" with its items' names out left of them, and headers over one
    cell each are read across."""
    vehicle = PARTIES_CELLS[18:]
    assert split_tables(vehicle) == []
    figures = [
        (100, 100, 300, 200), (300, 100, 700, 150), (700, 100, 1100, 150),
        (300, 150, 500, 200), (500, 150, 700, 200), (700, 150, 900, 200), (900, 150, 1100, 200),
        (100, 200, 300, 250), (300, 200, 500, 250), (500, 200, 700, 250), (700, 200, 900, 250),
        (900, 200, 1100, 250), (100, 250, 300, 300), (300, 250, 500, 300), (500, 250, 700, 300),
        (700, 250, 900, 300), (900, 250, 1100, 300),
    ]  # fmt: skip
    assert split_tables(figures) == []
    two_by_two = [
        (100, 100, 500, 150), (500, 100, 900, 150),
        (100, 150, 500, 200), (500, 150, 900, 200),
        (100, 200, 500, 250), (500, 200, 900, 250),
    ]  # fmt: skip
    assert split_tables(two_by_two) == []


def test_a_row_of_a_label_and_its_value_heads_no_halves() -> None:
    """A food licence application (latex, its cells and boxes): "住所" | its address over
    "联系人" merged down two rows beside "姓名 | 陆兰燕 | 移动电话 | 18255809501" has the
    shape of two headers over halves of label and value cells; but a header is words
    alone centred in its cell, and an address is none: the table is read across."""
    cells = [
        (146, 534, 594, 583), (602, 534, 1483, 583), (146, 591, 335, 727),
        (343, 591, 594, 655), (602, 591, 980, 655), (988, 591, 1177, 655),
        (1185, 591, 1483, 655), (343, 663, 594, 727), (602, 663, 1483, 727),
    ]  # fmt: skip
    lines = [
        _ln("住所", 320, 521, 423, 594),
        _ln("湖北省武汉市武昌区柳荫街227号书香门第9栋1904室", 594, 525, 1318, 588),
        _ln("姓名", 327, 585, 430, 661),
        _ln("陆兰燕", 585, 581, 717, 661),
        _ln("移动电话", 975, 588, 1128, 658),
        _ln("18255809501", 1176, 588, 1373, 654),
        _ln("联系人", 172, 620, 307, 699),
        _ln("身份证号码", 332, 661, 510, 727),
        _ln("530102199805262247", 594, 667, 897, 725),
    ]
    assert split_tables(cells) == [(597, 534, 599, 727)]  # the cells alone
    assert split_tables(cells, lines) == []
    # the seller's and the buyer's headers are words centred in their cells
    assert split_tables(PARTIES_CELLS, PARTIES) == [(912, 352, 914, 874)]


def test_fields_stacked_each_with_its_label_are_no_wrapped_cell() -> None:
    """A permit's foot (pdfkit, its boxes): "经办人：" signed by hand on the left, level with
    the middle of the issuer's two lines on the right. Lines each opening with a label of
    their own are two fields, not one value wrapped beside a centred label: read as one
    unit, they ran together ("海口市水务局发证日期：…")."""
    lines = [
        _ln("发证单位：海口市水务局", 960, 1370, 1303, 1428),
        _ln("经办人：韩晓东", 115, 1387, 374, 1457),
        _ln("发证日期：2024年10月25日", 931, 1433, 1294, 1482),
    ]
    assert "水务局\n" in reading_order(lines)[1]


def test_a_value_at_the_top_of_a_tall_cell_is_read_after_its_label() -> None:
    """A ruled row whose label is centred in its cell and whose value, one line, sits at
    the top of the cell beside it (room left for a seal): each cell's line stands level
    with its cell's row, so the label is read first, then the value, then the next row."""
    cells = [(60, 100, 400, 400), (400, 100, 1600, 400), (60, 400, 400, 700), (400, 400, 1600, 700)]
    lines = [
        _ln("社区（村）意见", 90, 225, 370, 275),
        _ln("经入户调查和邻里访问，申请人家庭情况属实，同意上报。", 430, 115, 1500, 165),
        _ln("街道（乡镇）审核意见", 90, 525, 370, 575),
        _ln("同意。", 430, 415, 560, 465),
    ]
    _, text = reading_order(lines, cells=cells)
    assert text.splitlines() == [
        "社区（村）意见 经入户调查和邻里访问，申请人家庭情况属实，同意上报。",
        "街道（乡镇）审核意见 同意。",
    ]


def test_lines_at_the_top_of_a_tall_cell_are_read_after_their_label() -> None:
    """A java2d application's business scope (its boxes and cells, seed 2): two lines at
    the top of their cell beside the label centred in its own; the cell's lines stand
    level with its row as one line does, so the label is read first, then the scope, then
    the next row (the label was read after the scope)."""
    cells = [(134, 839, 352, 933), (360, 839, 1551, 933), (134, 941, 352, 1138)]
    cells += [(360, 941, 1551, 1138), (134, 1146, 352, 1238), (360, 1146, 844, 1240)]
    cells += [(852, 1146, 1057, 1240), (1065, 1146, 1551, 1240)]
    lines = [
        _ln("组成形式", 121, 850, 286, 918),
        _ln("☑个人经营□ 家庭经营", 350, 850, 715, 914),
        _ln(
            "组织文化艺术交流活动；广告设计、制作、代理；会议及展览服务。（依法须经批准的",
            356,
            933,
            1549,
            998,
        ),
        _ln("项目，经相关部门批准后方可开展经营活动）", 356, 986, 972, 1039),
        _ln("经营范围", 118, 998, 282, 1075),
        _ln("从业人数", 121, 1152, 286, 1229),
        _ln("6人", 350, 1145, 443, 1226),
        _ln("资金数额", 839, 1152, 1004, 1229),
        _ln("8万元", 1047, 1152, 1174, 1232),
    ]
    _, text = reading_order(lines, cells=cells)
    assert [row.split()[0] for row in text.splitlines()] == ["组成形式", "经营范围", "从业人数"]


def test_a_label_set_down_a_merged_cell_stands_a_row_high() -> None:
    """A label set vertically down a cell merged over the table's first rows is one tall
    line; set level with the first row it heads, it is no taller than that row, so it
    does not reach up into the number and date printed above the table."""
    cells = [(145, 244, 203, 646), (210, 244, 378, 302), (385, 244, 1367, 302)]
    cells += [(210, 309, 378, 364), (385, 309, 1367, 364)]
    cells += [(210, 371, 378, 646), (385, 371, 1367, 646)]
    lines = [
        _ln("受理编号：镜湖区援申字〔2025〕448号", 130, 178, 569, 236),
        _ln("申请日期：2025年9月17日", 999, 163, 1362, 239),
        _ln("申请人基本情况", 133, 294, 212, 587),
        _ln("姓名", 230, 250, 360, 296),
        _ln("汤长", 400, 250, 520, 296),
        _ln("身份证号", 230, 315, 360, 358),
        _ln("340202198105063031", 400, 315, 800, 358),
        _ln("住所", 230, 480, 360, 530),
        _ln("芜湖市镜湖区赭山路12号", 400, 480, 900, 530),
    ]
    _, text = reading_order(lines, cells=cells)
    assert ["".join(row.split()) for row in text.splitlines()[:2]] == [
        "受理编号：镜湖区援申字〔2025〕448号申请日期：2025年9月17日",
        "申请人基本情况姓名汤长",
    ]
