"""What bench/ocr counts as an error: whitespace never; a check box the reader gives only
where the page's truth writes boxes at all (generators that draw boxes as shapes write
none, though the page shows them)."""

from __future__ import annotations

from bench.ocr.metrics import cer_counts, order_free_errors, unscored_boxes

FORM = "就业状态 登记失业 灵活就业\n签字：张三"


def test_boxes_on_a_page_whose_truth_has_none_are_not_counted() -> None:
    read = "就业状态 □登记失业 ☑灵活就业\n签字：张三"
    assert cer_counts(FORM, read) == (0, len(FORM.replace(" ", "").replace("\n", "")))
    assert order_free_errors(FORM, read) == 0
    assert unscored_boxes(FORM, read) == 2


def test_boxes_count_where_the_truth_writes_them() -> None:
    truth = "就业状态 □登记失业 ☑灵活就业"
    assert cer_counts(truth, "就业状态 登记失业 灵活就业")[0] == 2
    assert cer_counts(truth, "就业状态 □登记失业 □灵活就业")[0] == 1
    assert unscored_boxes(truth, "就业状态 登记失业 灵活就业") == 0


def test_an_empty_box_is_one_square_however_coded() -> None:
    truth = "主体业态 ☐食品销售经营者 ☑单位食堂"  # U+2610, as a TeX page codes it
    assert cer_counts(truth, "主体业态 □食品销售经营者 ☑单位食堂")[0] == 0  # U+25A1
    assert cer_counts(truth, "主体业态 ☑食品销售经营者 ☑单位食堂")[0] == 1


def test_a_ticked_box_counts_as_the_tick_a_truth_without_boxes_writes() -> None:
    """pdfkit draws its boxes as shapes and sets the tick as "√" in its truth: the box
    read ticked is that tick, an empty one nothing."""
    truth = "排水户类型：餐饮√工业医疗"
    assert cer_counts(truth, "排水户类型：□餐饮☑工业□医疗")[0] == 0
    assert cer_counts(truth, "排水户类型：☑餐饮□工业□医疗")[0] == 2
    assert cer_counts(FORM, "就业状态 □登记失业 ☑灵活就业\n签字：张三")[0] == 0
    # a tick quoted in an instruction ticks no box: the page's ticks are not written
    told = "委托权限（请在方框内打“√”）：\n同意修改有关表格的填写错误"
    assert cer_counts(told, "委托权限（请在方框内打“√”）：\n☑ 同意修改有关表格的填写错误")[0] == 0


def test_everything_else_the_reader_adds_or_misses_counts() -> None:
    # a box misread as a character is no box: "口" is counted
    assert cer_counts(FORM, "就业状态 口登记失业 灵活就业\n签字：张三")[0] == 1
    assert cer_counts(FORM, "就业状态 登记失业 灵活就业\n签字：张")[0] == 1
    assert order_free_errors(FORM, "灵活就业 就业状态 登记失业\n签字：张三") == 0
