"""A person's name whose surname no one bears is put right from the recogniser's other
choices at that character (`ocr.surnames`), in the pipeline (`read_page`)."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import Engine, Line, extract_fields, read_page
from ocr.engine import Box, rect_box
from ocr.pool import EnginePool
from ocr.surnames import COMPOUND, SINGLE, find, has_surname, put_right
from ocr.testing import FixedLinesEngine

# the recogniser's choices at each character of "墓暄铭" read again (tuned page, mpl)
GE_XUANMING = [
    (("葛", 0.85), ("墓", 0.14), ("募", 0.002)),
    (("暄", 0.72), ("喧", 0.26), ("谊", 0.009)),
    (("铭", 0.999), ("名", 0.0004), ("銘", 0.00005)),
]


def test_the_surname_lists() -> None:
    assert len(SINGLE) > 400 and {"赵", "葛", "柯", "蔺", "姜", "詹", "谯"} <= SINGLE
    assert {"上官", "欧阳", "司马", "诸葛"} <= COMPOUND and all(len(s) == 2 for s in COMPOUND)
    assert not {"墓", "祠", "葡", "基"} & SINGLE
    assert has_surname("上官翎桐") and not has_surname("上宫翎桐") and has_surname("宫翎")
    # modern surnames 《百家姓》 lacks, and names with no surname, are not put "right"
    assert all(has_surname(n) for n in ("肖战", "付强", "禤粲砺", "次仁卓玛", "玉素甫", "阿依古丽"))


def test_a_surname_no_one_bears_takes_the_choice_that_is_one() -> None:
    misread = [(("墓", 0.6), ("葛", 0.35), ("募", 0.01)), *GE_XUANMING[1:]]
    assert put_right("墓暄铭", misread) == "葛暄铭"
    # a compound surname's second character
    shang_guan = [
        (("上", 0.99),),
        (("宫", 0.7), ("官", 0.25)),
        (("翎", 0.95),),
        (("桐", 0.97),),
    ]
    assert put_right("上宫翎桐", shang_guan) == "上官翎桐"


def test_a_sure_reading_or_a_faint_choice_is_kept() -> None:
    sure = [(("墓", 0.95), ("葛", 0.04)), *GE_XUANMING[1:]]
    assert put_right("墓暄铭", sure) == "墓暄铭"
    faint = [(("墓", 0.6), ("募", 0.39), ("葛", 0.01)), *GE_XUANMING[1:]]
    assert put_right("墓暄铭", faint) == "墓暄铭"
    assert put_right("葛暄铭", GE_XUANMING) == "葛暄铭"  # a surname already
    assert put_right("墓暄铭", GE_XUANMING[:2]) == "墓暄铭"  # choices not for this name


def test_the_name_is_found_among_the_second_readings_choices() -> None:
    line = [(("经", 0.99),), (("办", 0.99),), (("人", 0.99),), (("：", 0.9),), *GE_XUANMING]
    assert find("墓暄铭", line) == 4 and find("葛暄铭", line) == 4
    assert find("葛铭", line) == -1


class _Choosing(FixedLinesEngine):
    """Fixed lines, and the choices a recogniser gives at each character of the name."""

    choices = GE_XUANMING

    def char_choices(
        self, image: np.ndarray, box: Box, best: int
    ) -> list[tuple[tuple[str, float], ...]] | None:
        self.asked = getattr(self, "asked", 0) + 1
        head = [(("经", 0.99),), (("办", 0.99),), (("人", 0.99),), (("：", 0.9),)]
        return [*head, *self.choices]


def test_read_page_puts_a_names_surname_right() -> None:
    page = np.full((1200, 900, 3), 255, np.uint8)
    cv2.putText(page, "TEXT", (80, 100), 0, 1.4, (0, 0, 0), 3)
    ok, buf = cv2.imencode(".png", page)
    assert ok
    lines = [Line("经办人：墓暄铭", rect_box(80, 300, 400, 340), 0.78)]
    engine = _Choosing(lines)
    reading = read_page(buf.tobytes(), engine)
    assert reading.text == "经办人：葛暄铭" and engine.asked == 1
    # a surname the recogniser gave little weight to is the clerk's to confirm
    engine = _Choosing([Line("经办人：墓暄铭", rect_box(80, 300, 400, 340), 0.97)])
    engine.choices = [(("墓", 0.6), ("葛", 0.35)), *GE_XUANMING[1:]]
    (name,) = [f for f in extract_fields(read_page(buf.tobytes(), engine)) if f.value == "葛暄铭"]
    assert name.confidence == 0.35 and name.needs_review
    # an engine that gives no choices reads the page as before
    assert read_page(buf.tobytes(), FixedLinesEngine(lines)).text == "经办人：墓暄铭"
    assert isinstance(engine, Engine)
    # through a pool of engines, as the hall and the bench read (its instances' choices
    # were never asked: the pool gave none)
    pool = EnginePool(lambda: _Choosing(lines), 2)
    assert read_page(buf.tobytes(), pool).text == "经办人：葛暄铭"


def test_a_surname_no_choice_gives_is_the_one_its_character_looks_like() -> None:
    """厍 read surely as 库, 冼 as 洗, with no surname among the other choices: the name
    takes the surname its first character looks like, for the clerk to confirm."""
    page = np.full((1200, 900, 3), 255, np.uint8)
    cv2.putText(page, "TEXT", (80, 100), 0, 1.4, (0, 0, 0), 3)
    buf = cv2.imencode(".png", page)[1].tobytes()
    engine = _Choosing([Line("经办人：库筱悦", rect_box(80, 300, 400, 340), 0.97)])
    engine.choices = [(("库", 0.76), ("庫", 0.1), ("摩", 0.05)), (("筱", 0.99),), (("悦", 0.99),)]
    (name,) = [f for f in extract_fields(read_page(buf, engine)) if f.name == "person_name"]
    assert name.value == "厍筱悦" and name.needs_review
    # a name of four characters or more is no Han name of a surname and a given name
    engine = _Choosing([Line("经办人：库尔班江", rect_box(80, 300, 400, 340), 0.97)])
    engine.choices = [(("库", 0.99),), (("尔", 0.99),), (("班", 0.99),), (("江", 0.99),)]
    assert read_page(buf, engine).text == "经办人：库尔班江"


class _Failing(FixedLinesEngine):
    def char_choices(
        self, image: np.ndarray, box: Box, best: int
    ) -> list[tuple[tuple[str, float], ...]] | None:
        raise RuntimeError("simulated failure of the second look")


def test_an_engine_failing_to_give_choices_leaves_the_page_as_read() -> None:
    page = np.full((1200, 900, 3), 255, np.uint8)
    cv2.putText(page, "TEXT", (80, 100), 0, 1.4, (0, 0, 0), 3)
    ok, buf = cv2.imencode(".png", page)
    assert ok
    lines = [Line("经办人：墓暄铭", rect_box(80, 300, 400, 340), 0.78)]
    assert read_page(buf.tobytes(), _Failing(lines)).text == "经办人：墓暄铭"
