from __future__ import annotations

import time

import cv2
import numpy as np
import pytest

from ocr import Engine, EngineFailed, EngineTimeout, Line, read_page
from ocr.engine import rect_box
from ocr.pipeline import reading_order
from ocr.testing import CrashingEngine, FixedLinesEngine, FixedTextEngine, HangingEngine


def _jpeg(image: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".jpg", image)
    assert ok
    return buf.tobytes()


@pytest.fixture(scope="module")
def blank_page() -> bytes:
    return _jpeg(np.full((1200, 900, 3), 250, np.uint8))


def _line(text: str, left: float, top: float, width: float = 200, height: float = 40) -> Line:
    return Line(text, rect_box(left, top, left + width, top + height), 0.95)


def test_fake_engines_satisfy_the_protocol() -> None:
    for engine in (FixedTextEngine(["a"]), CrashingEngine(), HangingEngine(0.0)):
        assert isinstance(engine, Engine)


def test_reading_order_groups_table_rows() -> None:
    lines = [
        _line("公民身份号码", 100, 204),
        _line("152502199012223136", 400, 200),
        _line("联系电话", 900, 206),
        _line("个体工商户设立登记申请书", 400, 50, 600),
        _line("经营者姓名", 100, 102),
        _line("苏日娜", 400, 98),
        _line("15307808422", 1100, 198),
    ]
    ordered, text = reading_order(lines)
    assert [ln.text for ln in ordered][:3] == ["个体工商户设立登记申请书", "经营者姓名", "苏日娜"]
    assert text.splitlines() == [
        "个体工商户设立登记申请书",
        "经营者姓名 苏日娜",
        "公民身份号码 152502199012223136 联系电话 15307808422",
    ]


def test_reading_order_glues_fragments_of_one_phrase() -> None:
    lines = [_line("个体工商户", 100, 100, 200), _line("设立登记申请书", 310, 101, 280)]
    _, text = reading_order(lines)
    assert text == "个体工商户设立登记申请书"


def test_read_page_with_fixed_text(text_page: bytes) -> None:
    engine = FixedTextEngine(["营业执照", "统一社会信用代码 11152500011609534E"])
    reading = read_page(text_page, engine)
    assert engine.calls == 1
    assert reading.text == "营业执照\n统一社会信用代码 11152500011609534E"
    assert reading.engine == "fixed-text" and not reading.blank
    assert reading.width == 1800 and reading.height == 2400  # read at twice its 900 × 1200
    assert reading.seconds >= 0


def test_blank_page_skips_engine(blank_page: bytes) -> None:
    engine = FixedTextEngine(["should not appear"])
    reading = read_page(blank_page, engine)
    assert reading.blank and reading.lines == () and reading.text == ""
    assert engine.calls == 0


def test_crashing_engine_becomes_engine_failed(text_page: bytes) -> None:
    with pytest.raises(EngineFailed) as info:
        read_page(text_page, CrashingEngine())
    assert isinstance(info.value.__cause__, RuntimeError)
    assert info.value.code == "ocr.engine_failed"
    assert "重试" in info.value.zh


def test_invalid_engine_result_becomes_engine_failed(text_page: bytes) -> None:
    class Broken(Engine):
        name = "broken"

        def recognise(self, image: np.ndarray) -> list[Line]:
            return ["not a line"]  # type: ignore[list-item]

    with pytest.raises(EngineFailed):
        read_page(text_page, Broken())


def test_hanging_engine_times_out(text_page: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(EngineTimeout) as info:
        read_page(text_page, HangingEngine(3.0), timeout=0.3)
    assert time.perf_counter() - started < 2.5
    assert info.value.code == "ocr.engine_timeout"


def test_timeout_not_hit_when_engine_is_quick(text_page: bytes) -> None:
    reading = read_page(text_page, FixedLinesEngine([_line("姓名", 10, 10)]), timeout=10)
    assert reading.text == "姓名"


def test_engine_sees_deskewed_red_free_image() -> None:
    page = np.full((1400, 1000, 3), 255, np.uint8)
    for i in range(12):
        cv2.putText(page, f"ROW {i} OF TEXT HERE", (60, 100 + i * 90), 0, 1.5, (0, 0, 0), 3)
    cv2.circle(page, (700, 900), 160, (40, 40, 220), 10)
    matrix = cv2.getRotationMatrix2D((500, 700), 3.0, 1.0)
    tilted = cv2.warpAffine(page, matrix, (1000, 1400), borderValue=(255, 255, 255))
    seen: list[np.ndarray] = []

    class Spy(Engine):
        name = "spy"

        def recognise(self, image: np.ndarray) -> list[Line]:
            seen.append(image)
            return []

    reading = read_page(_jpeg(tilted), Spy())
    assert abs(reading.skew_degrees - 3.0) <= 0.5
    assert len(reading.seals) == 1
    hsv = cv2.cvtColor(seen[0], cv2.COLOR_BGR2HSV)
    assert int(((hsv[..., 1] > 80) & (hsv[..., 2] > 60)).sum()) < 50


def test_engine_load_failure_is_engine_unavailable() -> None:
    from ocr import EngineUnavailable, RapidOcrEngine

    engine = RapidOcrEngine.with_params({"NoSuchSection.key": 1}, name="broken")
    with pytest.raises(EngineUnavailable) as info:
        engine.recognise(np.full((10, 10, 3), 255, np.uint8))
    assert info.value.code == "ocr.engine_unavailable"


def test_ocr_is_a_leaf_package() -> None:
    import ast
    from pathlib import Path

    import ocr

    forbidden = {"cases", "api", "models", "archive", "signing", "scanner_drivers"}
    for path in Path(ocr.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "os.environ" not in source and "getenv" not in source, path
        for node in ast.walk(ast.parse(source)):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not {n.split(".")[0] for n in names} & forbidden, (path, names)


class _Voting(Engine):
    """An engine that votes on the page's orientation (as RapidOcrEngine does)."""

    name = "voting"

    def __init__(self, share: float | None, confidence: float = 0.95) -> None:
        self.share = share
        self.confidence = confidence
        self.seen: list[np.ndarray] = []
        self.plain_calls = 0

    def recognise_upright(self, image: np.ndarray) -> tuple[list[Line], float | None]:
        self.seen.append(image)
        return [Line("申请书", rect_box(10, 10, 200, 50), self.confidence)], self.share

    def recognise(self, image: np.ndarray) -> list[Line]:
        self.plain_calls += 1
        return [Line("申请书", rect_box(10, 10, 200, 50), self.confidence - 0.2)]


def test_upside_down_vote_turns_the_page_without_a_second_read(text_page: bytes) -> None:
    engine = _Voting(0.97, confidence=0.6)
    reading = read_page(text_page, engine)
    assert reading.rotation == 180 and engine.plain_calls == 0
    assert reading.image is not None
    assert np.array_equal(reading.image, np.rot90(engine.seen[0], 2))


def test_upright_vote_keeps_the_page(text_page: bytes) -> None:
    engine = _Voting(0.02, confidence=0.6)  # low confidence, but the vote is clear
    reading = read_page(text_page, engine)
    assert reading.rotation == 0 and engine.plain_calls == 0
    assert reading.image is not None and np.array_equal(reading.image, engine.seen[0])


def test_split_vote_and_low_confidence_read_again_upside_down(text_page: bytes) -> None:
    engine = _Voting(0.45, confidence=0.6)
    reading = read_page(text_page, engine)
    assert engine.plain_calls == 1 and reading.rotation == 0  # the second read was worse


class _Plain(Engine):
    """An engine with no vote on the orientation: it implements `recognise` alone, and is
    surer of a page turned upside down than of the page as given."""

    name = "plain"

    def __init__(self) -> None:
        self.seen: list[np.ndarray] = []

    def recognise(self, image: np.ndarray) -> list[Line]:
        self.seen.append(image)
        confidence = 0.6 if len(self.seen) == 1 else 0.97
        return [Line("申请书", rect_box(10, 10, 200, 50), confidence)]


def test_an_engine_without_a_vote_gets_the_contract_default() -> None:
    engine = _Plain()
    assert "recognise_upright" not in vars(_Plain)  # inherited from the contract
    image = np.zeros((10, 10, 3), np.uint8)
    lines, share = engine.recognise_upright(image)
    assert share is None and [ln.text for ln in lines] == ["申请书"]
    assert len(engine.seen) == 1 and engine.seen[0] is image


def test_an_engine_without_a_vote_has_an_unsure_page_read_upside_down(text_page: bytes) -> None:
    engine = _Plain()
    reading = read_page(text_page, engine)
    assert len(engine.seen) == 2  # as given, then turned: the pipeline decides
    assert np.array_equal(engine.seen[1], np.rot90(engine.seen[0], 2))
    assert reading.rotation == 180 and reading.lines[0].confidence == 0.97


def test_an_engine_must_implement_recognise() -> None:
    class Mute(Engine):
        name = "mute"

    with pytest.raises(TypeError, match="recognise"):
        Mute()  # type: ignore[abstract]


def test_a_page_too_small_to_read_is_enlarged_by_a_whole_factor() -> None:
    """An A4 page at 100 dpi (a phone photo an app shrank) is read at twice its size, an
    icon-sized image at as many times as make it a page's length; a page of 1800 px or
    more as it is."""
    from ocr.preprocess import LOW_RES_SIDE, enlarged

    assert enlarged(np.full((1169, 827, 3), 255, np.uint8)).shape[:2] == (2338, 1654)
    assert enlarged(np.full((20, 10, 3), 255, np.uint8)).shape[:2] == (1800, 900)
    page = np.full((LOW_RES_SIDE, 1273, 3), 255, np.uint8)
    assert enlarged(page) is page
