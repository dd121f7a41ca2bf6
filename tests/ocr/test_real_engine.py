"""The real engine on generated scans of 个体工商户设立登记 (slow: marked `ocr`)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from cases.printing.fonts import FontKind
from ocr import Engine, PageReading, RapidOcrEngine, classify, extract_fields, rapid, read_page
from sample_scans.drawing import font
from sample_scans.scans import SampleApplicant, SamplePage
from tests.ocr.conftest import load_hints

pytestmark = pytest.mark.ocr


@pytest.fixture(scope="module")
def readings(gtgsh_pages: list[SamplePage], ocr_engine: Engine) -> dict[str, PageReading]:
    return {p.material_code: read_page(p.data, ocr_engine) for p in gtgsh_pages}


def test_each_page_is_classified_as_its_material(readings: dict[str, PageReading]) -> None:
    hints = load_hints("gtgsh-sl.yaml")
    for code, reading in readings.items():
        result = classify(reading.text, hints)
        assert result.code == code, (code, result)
        assert result.confidence >= 0.5


def test_id_number_extracted_from_id_card(
    readings: dict[str, PageReading], applicant: SampleApplicant
) -> None:
    fields = extract_fields(readings["id_card"])
    ids = [f for f in fields if f.name == "id_number"]
    assert ids and ids[0].value == applicant.id_number
    assert ids[0].valid and not ids[0].needs_review
    names = [f.value for f in fields if f.name == "person_name"]
    assert applicant.name in names


def test_seal_found_and_pages_straightened(readings: dict[str, PageReading]) -> None:
    assert len(readings["premises_proof"].seals) == 1
    assert readings["id_card"].seals == ()
    for reading in readings.values():
        assert reading.quality.ok
        assert reading.engine == "rapidocr-ppocrv6-small"


def test_application_form_fields(
    readings: dict[str, PageReading], applicant: SampleApplicant
) -> None:
    fields = {(f.name, f.value) for f in extract_fields(readings["application_form"])}
    assert ("id_number", applicant.id_number) in fields
    assert ("phone", applicant.phone) in fields
    assert ("enterprise_name", applicant.enterprise_name) in fields


class _Counting(Engine):
    """The real engine, counting the passes (detection + recognition) over a page."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.name
        self.passes = 0

    def recognise(self, image: Any) -> Any:
        self.passes += 1
        return self.engine.recognise(image)

    def recognise_upright(self, image: Any) -> Any:
        self.passes += 1
        return self.engine.recognise_upright(image)


@pytest.fixture(scope="module")
def hard_pages(applicant: SampleApplicant, ocr_engine: Engine) -> dict[str, Any]:
    from sample_scans.scans import generate_page

    out = {}
    for code, kind in (
        ("id_card", "phone"),
        ("application_form", "rotated180"),
        ("application_form", "rotated90"),
    ):
        page = generate_page("个体工商户设立登记", code, applicant, seed=11, capture_kind=kind)
        counting = _Counting(ocr_engine)
        out[kind] = (page, read_page(page.data, counting), counting.passes)
    return out


def test_phone_photo_is_flattened_and_read(
    hard_pages: dict[str, Any], applicant: SampleApplicant
) -> None:
    page, reading, _ = hard_pages["phone"]
    assert reading.perspective_corrected and reading.rotation == 0
    ids = [f for f in extract_fields(reading) if f.name == "id_number"]
    assert [f.value for f in ids] == [applicant.id_number] and ids[0].valid
    assert _cer(page.truth_text, reading.text) < 0.05


def test_upside_down_page_is_turned_and_read(
    hard_pages: dict[str, Any], applicant: SampleApplicant
) -> None:
    page, reading, passes = hard_pages["rotated180"]
    assert reading.rotation == 180
    assert passes == 1  # the orientation vote comes before recognition: read once
    assert reading.text.startswith("个体工商户设立登记申请书")
    assert _cer(page.truth_text, reading.text) < 0.05
    # boxes refer to the turned page: the title is at its top
    assert reading.image is not None and reading.lines[0].top < 0.2 * reading.height
    assert all(ln.left >= 0 and ln.right <= reading.width for ln in reading.lines)


def test_page_turned_left_is_read_once(hard_pages: dict[str, Any]) -> None:
    page, reading, passes = hard_pages["rotated90"]
    assert reading.rotation == 270 and passes == 1
    assert reading.text.startswith("个体工商户设立登记申请书")
    assert _cer(page.truth_text, reading.text) < 0.05


def test_cli_writes_a_searchable_pdf(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    gtgsh_pages: list[SamplePage],
    ocr_engine: Engine,
    applicant: SampleApplicant,
) -> None:
    import cases.hall
    from api.cli import main as cli

    monkeypatch.setattr(cases.hall, "make_ocr_engine", lambda settings: ocr_engine)
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path))
    scan = tmp_path / "id.jpg"
    scan.write_bytes(next(p for p in gtgsh_pages if p.material_code == "id_card").data)
    out_pdf = tmp_path / "out.pdf"
    assert cli(["ocr", str(scan), "--json", "--pdf", str(out_pdf), "--item", "SCJG-GT-001"]) == 0
    result = json.loads(capsys.readouterr().out)
    (page,) = result["pages"]
    assert page["material"] == "id_card" and not page["unknown"]
    assert {"text", "confidence", "box"} <= set(page["lines"][0])
    assert page["quality"]["ok"] and page["seconds"] > 0
    assert any(f["name"] == "id_number" and f["valid"] for f in page["fields"])
    text = subprocess.run(
        ["pdftotext", str(out_pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert applicant.id_number in text and "公民身份号码" in text


def _cer(truth: str, text: str) -> float:
    import difflib

    a, b = "".join(truth.split()), "".join(text.split())
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return 1.0 - sum(m.size for m in matcher.get_matching_blocks()) / len(a)


def _condensed_number(text: str, squeeze: float) -> np.ndarray:
    """A label and a number printed in a condensed face (the figures squeezed to
    `squeeze` of their width), as a form's narrow table cell has them."""
    page = Image.new("L", (900, 160), 255)
    ImageDraw.Draw(page).text((20, 20), "联系电话", font=font(30, FontKind.HEI), fill=0)
    strip = Image.new("L", (700, 50), 255)
    ImageDraw.Draw(strip).text((0, 5), text, font=font(30, FontKind.HEI), fill=0)
    right = strip.getbbox()[2] + 2  # type: ignore[index]
    strip = strip.crop((0, 0, right, 50)).resize((round(right * squeeze), 50))
    page.paste(strip, (200, 15))
    return cv2.cvtColor(np.array(page), cv2.COLOR_GRAY2BGR)


@pytest.mark.parametrize("number", ["17718000675", "420106197111195319"])
def test_digits_of_a_condensed_face_are_all_read(
    ocr_engine: RapidOcrEngine, number: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scaled to the recogniser's 48 px, these figures are narrower than two of its steps
    and it merged the repeated ones ("178000675"); read again stretched, every one is
    there."""
    image = _condensed_number(number, 0.35)
    lines, _ = ocr_engine.recognise_upright(image)
    assert [ln.text for ln in lines] == ["联系电话", number]
    monkeypatch.setattr(rapid, "NARROW_PX", 0.0)  # the premise: read once, figures go
    lines, _ = ocr_engine.recognise_upright(image)
    assert lines[1].text != number


SCOPE = [
    "一般项目：电子科技的研发、销",
    "售；技术服务、技术开发、技术",
    "咨询；货物进出口。（除依法须",
    "经批准的项目外，凭营业执照依",
]


def _set_solid(size: int) -> np.ndarray:
    """A licence's business scope set solid (no leading: lines one point apart more
    than their size) on a 200 dpi page, under a large title."""
    page = Image.new("L", (1660, 2340), 255)
    draw = ImageDraw.Draw(page)
    draw.text((120, 200), "营业执照", font=font(90, FontKind.HEI), fill=0)
    draw.text((120, 500), "经营范围", font=font(size, FontKind.HEI), fill=0)
    for k, text in enumerate(SCOPE):
        draw.text((380, 500 + k * (size + 1)), text, font=font(size, FontKind.SONG), fill=0)
    return cv2.cvtColor(np.array(page), cv2.COLOR_GRAY2BGR)


@pytest.mark.parametrize("size", [30, 32])
def test_lines_set_solid_are_each_read_alone(
    ocr_engine: RapidOcrEngine, size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Grown into the lines above and below, each box is a strip across two lines and
    its middle lines are misread ("询：物进出口依法须"); parted between their centres,
    every line is read whole."""
    image = _set_solid(size)
    texts = [ln.text for ln in ocr_engine.recognise_upright(image)[0]]
    assert all(line in texts for line in SCOPE), texts
    monkeypatch.setattr(rapid, "CROWDED_OVERLAP", 9.0)  # the premise: boxes left stacked
    texts = [ln.text for ln in ocr_engine.recognise_upright(image)[0]]
    assert sum(line in texts for line in SCOPE) <= 2, texts


def test_lines_run_together_at_the_detectors_scale_are_detected_again(
    ocr_engine: RapidOcrEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shrunk to the detector's 736 px, two of the four lines set solid run together
    into one box; their region, detected again at the page's own scale, has a box for
    each line."""

    def scope_lines() -> list[str]:
        lines, _ = ocr_engine.recognise_upright(_set_solid(28))
        return [ln.text for ln in lines if ln.left > 300 and 450 < ln.centre_y < 650]

    assert len(scope_lines()) == len(SCOPE)
    monkeypatch.setattr(rapid, "_redetect_crowded", lambda _det, _img, boxes: boxes)
    # without it, the box over two lines is cut where no ink runs across (`_split_tall`)
    assert len(scope_lines()) == len(SCOPE)
    monkeypatch.setattr(rapid, "_split_tall", lambda _img, boxes: boxes)
    assert len(scope_lines()) < len(SCOPE)


def _back_showing_through() -> np.ndarray:
    """A form's two lines, and between them the back of the sheet showing through the
    paper: a line of its print, mirrored, grey and soft."""
    front = Image.new("L", (1200, 500), 255)
    draw = ImageDraw.Draw(front)
    draw.text((60, 40), "申请人：张三丰", font=font(34, FontKind.SONG), fill=30)
    draw.text((60, 300), "联系电话：13800471234", font=font(34, FontKind.SONG), fill=30)
    back = Image.new("L", (1200, 500), 255)
    ImageDraw.Draw(back).text(
        (300, 150), "本人承诺所提交的材料真实有效", font=font(40, FontKind.SONG), fill=0
    )
    mirrored = cv2.GaussianBlur(np.array(back)[:, ::-1].astype(np.float32), (0, 0), 1.5)
    page = np.clip(np.array(front).astype(np.float32) - (255 - mirrored) * 0.3, 0, 255)
    return cv2.cvtColor(page.astype(np.uint8), cv2.COLOR_GRAY2BGR)


def test_the_back_of_the_sheet_showing_through_is_not_read(
    ocr_engine: RapidOcrEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mirrored line is found and read as a string of unrelated characters, less
    surely than the page's own; read flipped, it is surer: the back's, left out."""
    image = _back_showing_through()
    lines, _ = ocr_engine.recognise_upright(image)
    assert [ln.text for ln in lines] == ["申请人：张三丰", "联系电话：13800471234"]
    monkeypatch.setattr(rapid, "MIRROR_SUSPECT", 0.0)  # the premise: it is found and read
    lines, _ = ocr_engine.recognise_upright(image)
    assert len(lines) == 3


class _Flipped:
    """A recogniser that reads every crop flipped as the given text and score."""

    def __init__(self, readings: list[tuple[str, float]]) -> None:
        self.readings = readings

    def recognize_txt(self, crops: list[np.ndarray]) -> Any:
        texts, scores = zip(*self.readings[: len(crops)], strict=True)
        return type("Out", (), {"txts": texts, "scores": scores})()


def _crop(ink: int) -> np.ndarray:
    """A line's crop: white paper, a band of strokes `ink` grey levels dark."""
    crop = np.full((40, 200, 3), 250, np.uint8)
    crop[15:25, 10:190:4] = 250 - ink
    return crop


def test_only_pale_lines_that_read_as_other_characters_mirrored_are_the_backs() -> None:
    crops = [_crop(60), _crop(200), _crop(200), _crop(200)]
    txts = ["姣突真迷林交熨", "18", "（副本）", "联系电话：13800471234"]
    scores = [0.69, 0.88, 0.85, 0.99]
    flipped = _Flipped([("本人承诺所提交", 0.99), ("81", 0.999), ("（本幅）", 0.985)])
    kept, _ = rapid._without_mirrored(flipped, crops, txts, scores)
    # the back's line goes; a short line stays however it reads flipped (figures,
    # brackets and many characters are their own mirror images), and so does a line
    # read surely enough
    assert kept == ["", "18", "（副本）", "联系电话：13800471234"]
    # the same pale line on a page printed as pale: the page's own
    crops = [_crop(60), _crop(60), _crop(60), _crop(60)]
    kept, _ = rapid._without_mirrored(flipped, crops, txts, scores)
    assert kept[0] == "姣突真迷林交熨"


def test_a_dark_line_read_unsurely_is_the_pages_own_however_it_reads_flipped() -> None:
    """A rare name written by hand in dark ink ("昝澄隽", read at 0.73) reads flipped as
    three surer other characters ("曹强督", 0.84): as dark as the page's print, it stays."""
    crops = [_crop(170), _crop(175), _crop(175)]
    txts = ["昝澄隽", "姓名", "固定电话"]
    kept, _ = rapid._without_mirrored(_Flipped([("曹强督", 0.84)]), crops, txts, [0.73, 0.99, 0.99])
    assert kept == txts


class _Padded:
    """A recogniser that notes how wide it pads the lines it is given, and reads them as
    the given texts and scores."""

    def __init__(self, readings: list[tuple[str, float]]) -> None:
        self.readings = readings
        self.rec_image_shape = [3, 48, 96]
        self.read: list[tuple[int, list[int]]] = []  # (lines, padding) of each call

    def _load_rec_model(self) -> Any:
        return self

    def recognize_txt(self, crops: list[np.ndarray]) -> Any:
        self.read.append((len(crops), list(self.rec_image_shape)))
        texts, scores = zip(*self.readings[: len(crops)], strict=True)
        return type("Out", (), {"txts": texts, "scores": scores})()


def test_short_lines_read_unsurely_are_read_again_padded_wider() -> None:
    """Names on tuned pages read 墓暄铭, 阮哈 padded to 96 px read 葛暄铭, 阮晗 padded to
    RapidOCR's 320: a short line of Chinese read less surely than 0.95 is read again so
    padded and the surer reading kept; a sure line, a long one and figures are not."""
    short, long = np.zeros((48, 150, 3), np.uint8), np.zeros((48, 900, 3), np.uint8)
    crops = [short, short, short, long, short]
    txts = ["墓暄铭", "阮哈", "性别", "经营范围：技术服务、技术开发", "2026"]
    scores = [0.78, 0.86, 0.99, 0.80, 0.70]
    padded = _Padded([("葛暄铭", 0.93), ("阮啥", 0.70)])
    kept, sure = rapid._reread_short(padded, crops, txts, scores)
    assert kept == ["葛暄铭", "阮哈", "性别", "经营范围：技术服务、技术开发", "2026"]
    assert sure[:2] == [0.93, 0.86]
    assert padded.read == [(2, [3, 48, 320])]
    assert padded.rec_image_shape == [3, 48, 96]  # put back for the page's other lines


def _id_copy_marked() -> np.ndarray:
    """An ID card copy's last entry and, written aslant in light grey across the
    number's end, the copy's purpose ("仅供……使用，他用无效"), as halls mark them."""
    page = Image.new("L", (1400, 1000), 255)
    draw = ImageDraw.Draw(page)
    draw.text((200, 200), "姓名　殷悦", font=font(34, FontKind.HEI), fill=40)
    draw.text(
        (200, 300), "住址　福建省泉州市丰泽区临江大道258号", font=font(34, FontKind.HEI), fill=40
    )
    draw.text((200, 420), "公民身份号码", font=font(30, FontKind.HEI), fill=90)
    draw.text((430, 415), "350503197310121376", font=font(38, FontKind.HEI), fill=60)
    mark = Image.new("L", (1400, 200), 0)
    words = "仅供办理不动产转移登记使用，他用无效"
    ImageDraw.Draw(mark).text((20, 40), words, font=font(44, FontKind.HEI), fill=255)
    layer = Image.new("L", page.size, 0)
    layer.paste(mark.rotate(20, expand=True), (150, 150))
    share = np.array(layer).astype(np.float32) / 255
    marked = np.minimum(np.array(page) * (1 - share) + 160 * share, np.array(page))
    return cv2.cvtColor(marked.astype(np.uint8), cv2.COLOR_GRAY2BGR)


def test_a_line_under_a_light_mark_is_detected_in_the_dark_ink(
    ocr_engine: RapidOcrEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The light words written aslant across the ID number hide it and its label from
    the detector; detected again in the page's dark ink alone, both are read."""
    lines, _ = ocr_engine.recognise_upright(_id_copy_marked())
    assert "公民身份号码350503197310121376" in "".join(ln.text for ln in lines).replace(" ", "")
    # the premise: without the second look, the number is lost
    monkeypatch.setattr(rapid, "_uncovered_text", lambda _dark, _rects: False)
    lines, _ = ocr_engine.recognise_upright(_id_copy_marked())
    assert not any("350503197310121376" in ln.text for ln in lines)


def test_the_engine_gives_its_choices_at_each_character(ocr_engine: RapidOcrEngine) -> None:
    """Read again for its choices, a clear name gives its own characters first, each
    with the recogniser's probability, and a few other characters after them."""
    page = Image.new("L", (600, 120), 255)
    ImageDraw.Draw(page).text((20, 30), "经办人：葛暄铭", font=font(40, FontKind.SONG), fill=0)
    image = cv2.cvtColor(np.array(page), cv2.COLOR_GRAY2BGR)
    (line,) = ocr_engine.recognise(image)
    choices = ocr_engine.char_choices(image, line.box, 3)
    assert choices is not None
    assert "".join(c[0][0] for c in choices) == line.text == "经办人：葛暄铭"
    assert all(len(c) == 3 and 0.5 < c[0][1] <= 1.0 and c[0][1] >= c[1][1] for c in choices)


def _box(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32)


def test_a_box_over_lines_set_solid_is_cut_into_the_lines_no_box_holds() -> None:
    """A business scope set solid, scanned in black and white: the detector gives its
    second line a box of its own and one box over the second to the fourth (at full
    resolution too); the recogniser read that strip as noise and the third and fourth
    lines were lost. It is cut where rows across it hold next to no ink."""
    page = np.full((300, 800, 3), 255, np.uint8)
    bands = [(40, 62), (65, 87), (90, 112), (115, 137), (140, 162)]  # ink, 3 px apart
    for top, bottom in bands:
        for x in range(60, 700, 30):  # characters
            page[top:bottom, x : x + 24] = 0
    boxes = np.stack(
        [
            _box(50, 24, 710, 78),  # the first line, padded as the detector pads
            _box(50, 49, 710, 103),  # the second
            _box(40, 52, 720, 182),  # the second to the fifth, run together
            _box(50, 124, 710, 178),  # the fifth
        ]
    )
    out = rapid._split_tall(page, boxes)
    rects = rapid._rects(out)
    assert len(out) == 5
    assert rects[:2].tolist() == rapid._rects(boxes[:2]).tolist()
    new = sorted((r[1] + r[3]) / 2.0 for r in rects[3:])
    assert 90 < new[0] < 112 and 115 < new[1] < 137  # the third and fourth lines
    # a tall box over one line (a title set large) is left whole
    title = np.stack([_box(50, 24, 710, 78), _box(40, 30, 720, 170), _box(50, 49, 710, 103)])
    one = np.full((300, 800, 3), 255, np.uint8)
    one[60:150, 60:700] = 0
    assert len(rapid._split_tall(one, title)) == 3


def _solid_page() -> tuple[np.ndarray, np.ndarray]:
    """Three lines set apart, and two set solid (their ink 2 px apart) that the detector
    took for one box: cut at the top through the first, as wide as the shorter second;
    the first runs on 300 px further right."""
    page = np.full((420, 1400, 3), 255, np.uint8)

    def ink(top: int, right: int) -> None:
        for x in range(60, right, 30):  # characters (strokes under half the row: no rule)
            page[top : top + 24, x : x + 12] = 0

    for top in (20, 260, 330):
        ink(top, 1000)
    ink(120, 1300)  # set solid: the first line
    ink(146, 1000)  # and the second
    boxes = np.stack(
        [_box(50, 10, 1010, 54), _box(50, 128, 1010, 178)]
        + [_box(50, top - 10, 1010, top + 34) for top in (260, 330)]
    )
    return page, boxes


class _Reader:
    """Recognises each crop as the text it is given for it, in order."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def crop_text_regions(self, img: np.ndarray, boxes: np.ndarray) -> list[np.ndarray]:
        return list(boxes)

    def recognize_txt(self, crops: list[np.ndarray]) -> Any:
        from types import SimpleNamespace

        return SimpleNamespace(txts=self.texts[: len(crops)], scores=[0.95] * len(crops))


def test_a_box_over_two_lines_set_solid_is_parted_into_them() -> None:
    """A phone photo of prose with no leading: the detector gave the two lines one box,
    cut through the first and only as wide as the second, and the recogniser read the
    second alone (the first line of a resolution's prose was lost). The box is parted at
    the valley between their ink, each line followed out to its own end, when reading
    them apart finds more text than the box did."""
    page, boxes = _solid_page()
    parts = rapid._solid_parts(page, boxes)
    assert list(parts) == [1]
    first, second = rapid._rects(parts[1]).tolist()
    assert first[1] <= 121 and 144 <= first[3] <= 146 and first[2] >= 1290  # its whole line
    assert 144 <= second[1] <= 146 and second[3] >= 170 and second[2] <= 1010
    texts = ["甲" * 32, "乙" * 31, "丙" * 31, "丁" * 31]
    reader = _Reader(["甲" * 41, "乙" * 31])
    out, read, _ = rapid._part_solid(reader, page, boxes, texts, [0.95] * 4)
    assert len(out) == 5 and "甲" * 41 in read and "乙" * 31 in read and "乙" * 31 in read
    # parted, the lines read no more than the box did (a row of check boxes, a label over
    # an underline): the box is read whole
    reader = _Reader(["乙" * 16, "乙" * 15])
    out, read, _ = rapid._part_solid(reader, page, boxes, texts, [0.95] * 4)
    assert len(out) == 4 and read == texts
    # the halves of one line set large, each read as the whole line: the box is read whole
    reader = _Reader(["甲乙丙丁戊己庚辛壬癸" * 3, "甲乙丙丁戊己庚辛壬" * 3])
    out, read, _ = rapid._part_solid(reader, page, boxes, texts, [0.95] * 4)
    assert len(out) == 4 and read == texts
    # lines set close, each with its own box, are no box over lines set solid
    held = np.concatenate([boxes, _box(50, 110, 1310, 150)[None]])
    assert rapid._solid_parts(page, held) == {}


def test_an_upright_page_judged_sideways_is_read_upright(
    ocr_engine: RapidOcrEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A roster's columns of values, far apart down a copy, looked like lines running down
    the page (java2d, copier-adf-mono): turned, its lines were read standing across the
    page and its table read column by column (638 errors on 889 characters). When most
    of the text read stands in tall boxes, the page is read as it came."""
    page = Image.new("L", (1654, 1100), 255)
    draw = ImageDraw.Draw(page)
    draw.text((560, 60), "参保职工花名册", font=font(56, FontKind.HEI), fill=0)
    names = ["逄堃峰", "訾钰", "公孙湉靖", "佘峰璟", "逄钰", "长孙舒", "扈焓棠", "宓哈蓁"]
    for k, name in enumerate(names):
        y = 200 + k * 100
        row = (str(k + 1), name, f"3204111992041{k:02d}6701", f"{5000 + 431 * k}.00")
        for x, text in zip((160, 260, 520, 1150), row, strict=True):
            draw.text((x, y), text, font=font(34, FontKind.SONG), fill=0)
    data = cv2.imencode(".png", np.array(page))[1].tobytes()
    monkeypatch.setattr("ocr.pipeline.lies_sideways", lambda *_a, **_k: True)  # the premise
    reading = read_page(data, ocr_engine)
    assert reading.rotation == 0
    text = "".join(reading.text.split())
    assert text.startswith("参保职工花名册"), text
    assert "2訾钰32041119920410167015431.003公孙湉靖" in text, text
