"""The `office` reporting corpus: deterministic from its seed, every layout and capture
profile, truth equal to the text of the PDF LibreOffice made of the Word document (seal
words left out), every character in the face meant for it, numbers passing their check
characters, captures that change the page but keep its size."""

from __future__ import annotations

import datetime
import random
import re
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import ReportPage, build
from reporting_corpora.office_captures import CAPTURES, PROFILES
from reporting_corpora.office_data import PLACES, credit_check, id_check
from reporting_corpora.office_model import Page, Run, para
from reporting_corpora.office_pages import LAYOUTS, check_truth, model, render_all
from tests.reporting_corpora.truth_fields import checked_people

SEED = 7


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 4 pages, one LibreOffice run: the first four layouts, each in its own capture
    # profile; the build checks each page's truth against its PDF's text as it goes
    return build("office", len(CAPTURES), SEED, tmp_path_factory.mktemp("office"))


def _model(i: int) -> tuple[Page, random.Random]:
    rng = random.Random(f"office:{SEED}:{i}")
    return model(list(LAYOUTS)[i], rng), rng


def test_covers_every_capture(pages: list[ReportPage]) -> None:
    assert [p.layout for p in pages] == list(LAYOUTS)[: len(pages)]
    assert [p.capture for p in pages] == list(CAPTURES)
    assert len({p.truth_text for p in pages}) == len(pages)


def test_truth_is_the_pdfs_text_and_pages_repeat(pages: list[ReportPage]) -> None:
    # a second LibreOffice renders the first page again from the same seed, byte for byte,
    # and the layouts the fixture left out: their truth is their PDF's text too
    page, rng = _model(0)
    assert page.truth() == pages[0].truth_text
    rest = [_model(i)[0] for i in range(len(pages), len(LAYOUTS))]
    [(image, text), *others] = render_all([page, *rest])
    for other_page, (_, other_text) in zip(rest, others, strict=True):
        check_truth(other_page, other_text)
    assert Counter("".join(pages[0].truth_text.split())) == Counter("".join(text.split()))
    assert image.shape[:2] == (3508, 2480)
    assert PROFILES[pages[0].capture](image, rng) == Path(pages[0].path).read_bytes()
    # the seal is ink on the page, not text: its words are in neither truth nor PDF
    assert page.seals and page.seals[0].ring not in "".join(text.split())
    r, g, b = (image[..., k].astype(np.int16) for k in range(3))
    assert int(((r - g > 80) & (r - b > 80)).sum()) > 5000
    with pytest.raises(ValueError, match="truth and document differ"):
        check_truth(page, text + "章")
    other = model(next(iter(LAYOUTS)), random.Random(f"office:{SEED + 1}:0"))
    assert other.truth() != pages[0].truth_text


def test_every_character_is_in_its_face() -> None:
    for i in range(len(LAYOUTS)):
        page, _ = _model(i)
        assert not page.missing_glyphs(), (page.layout, page.missing_glyphs())
    page.blocks.append(para(Run("ᚠ"), Run("ᚢ", "entry")))
    assert page.missing_glyphs() == {
        ("ᚠ", "Noto Serif CJK SC Light"),
        ("ᚢ", "Noto Sans CJK SC Medium"),
    }


def test_check_characters() -> None:
    # published examples: GB 11643's and a unified social credit code's
    assert id_check("11010519491231002") == "X"
    assert credit_check("91350100M000100Y4") == "3"


def test_fields_pass_their_checks_and_stand_on_the_page(pages: list[ReportPage]) -> None:
    names = set()
    for page in pages:
        flat = "".join(page.truth_text.split())
        kinds = {name for name, _ in page.truth_fields}
        assert "person_name" in kinds and ({"id_number", "credit_code"} & kinds)
        names |= checked_people(page.truth_text, page.truth_fields)
        # full-width punctuation, as on paper
        assert "：" in flat and ":" not in flat
    assert len(names) == len(pages)
    assert any("☑" in p.truth_text and "□" in p.truth_text for p in pages)
    assert any("一、" in p.truth_text for p in pages)


def test_captures_change_the_page_and_keep_its_size(pages: list[ReportPage]) -> None:
    for page in pages:
        data = Path(page.path).read_bytes()
        assert 100_000 < len(data) < 1_500_000, (page.capture, len(data))
        image = cv2.imread(page.path, cv2.IMREAD_COLOR)
        assert image is not None
        h, w = image.shape[:2]
        portrait = page.layout != "health_licence"
        long, short = max(h, w), min(h, w)
        assert (h > w) == portrait, page.layout
        if page.capture == "desk-lamp-photo":
            assert (long, short) == (3264, 2448)
        elif page.capture == "high-speed-adf-300":
            assert (long, short) == (3508, 2480)
        else:  # 200 dpi
            assert (long, short) == (2339, 1653)
        grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        # still a page a clerk can read: dark strokes on a lighter ground
        assert (grey < 110).mean() > 0.005 and np.median(grey) > 150, page.capture
    # each profile changes a page in its own way
    clean = np.full((1169, 827, 3), 255, np.uint8)
    cv2.putText(clean, "office 2026", (100, 300), cv2.FONT_HERSHEY_SIMPLEX, 3, (0, 0, 0), 8)
    outs = {name: PROFILES[name](clean, random.Random(1)) for name in CAPTURES}
    assert len(set(outs.values())) == len(CAPTURES)
    for name, data in outs.items():
        grey = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        assert np.median(grey) < 250, name  # no longer a white page


_D = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
# the dates each layout draws, as they must follow one another: application or signing,
# review, approval or issue (the last one is the page's own date)
_CHAINS = {
    "subsistence_allowance": (rf"填表日期：{_D}", rf"申请人签字：\D+?{_D}", rf"审核人：\D+?{_D}",
                              rf"（盖章）\s*{_D}"),
    "road_transport": (rf"（签章）：\D+?{_D}",),
    "health_licence": (rf"有效期限：\s*{_D}", rf"发证日期：\s*{_D}"),
    "social_organisation": (rf"发起人代表签字：\D+?{_D}",),
    "acceptance_notice": (rf"你于{_D}", rf"审批局\s*{_D}"),
    "permit_decision": (rf"于{_D}提出", rf"自{_D}起", rf"审批局\s*{_D}"),
    "special_equipment": (rf"投入使用日期\s*{_D}", rf"（公章）：\D+?{_D}"),
    "disability_card": (rf"申请日期：{_D}", rf"医院\s*{_D}", rf"（盖章）\s*{_D}"),
}  # fmt: skip


def _date(match: re.Match[str]) -> datetime.date:
    return datetime.date(*(int(match.group(k)) for k in (1, 2, 3)))


def test_dates_follow_one_another() -> None:
    # 25 pages of each layout: every date real, the application or signing first, review,
    # approval and issue after it, none after the page's own date, every person on the page
    # born (18-digit ID number) before its first date; 200 page models take 0.1 s
    assert set(_CHAINS) == set(LAYOUTS)
    latest = datetime.date(2026, 11, 30)  # the corpus's pages are all dated before December
    districts = {code for _, _, pairs, _ in PLACES for _, code in pairs}
    for i in range(200):
        layout = list(LAYOUTS)[i % len(LAYOUTS)]
        text = model(layout, random.Random(f"office:{SEED}:{i}")).truth()
        chain = []
        for pattern in _CHAINS[layout]:
            found = re.search(pattern, text)
            assert found, (i, layout, pattern)
            chain.append(_date(found))
        assert chain == sorted(chain), (i, layout, chain)
        first, issued = chain[0], chain[-1]
        assert issued <= latest, (i, layout, issued)
        until = re.search(rf"至{_D}", text)
        assert (until is not None) == (layout == "health_licence"), (i, layout)
        for found in re.finditer(_D, text):
            if until is None or found.start() != until.start() + 1:
                assert _date(found) <= issued, (i, layout, found.group(), issued)
        for number in re.findall(r"(?<![\dX])\d{17}[\dX](?![\dX])", text):
            if number[:6] not in districts:
                continue  # a credit code
            born = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
            assert born < first, (i, layout, number, first)
        if until:  # a four-year licence ends the day before its fourth anniversary
            end = _date(until)
            assert end == first.replace(year=first.year + 4) - datetime.timedelta(days=1), (i, end)
        if layout == "special_equipment":  # made before its use, registered within 30 days
            made = re.search(r"制造日期\s*(\d{4})年(\d{1,2})月", text)
            assert made and (int(made[1]), int(made[2])) < (first.year, first.month), i
            assert issued - first <= datetime.timedelta(days=30), (i, chain)
        if layout == "road_transport":  # a driver is licensed at 18 at the earliest
            drivers = re.findall(r"\n(\d{2})\n[\dX]{18}\n(\d{1,2})\n", text)
            assert len(drivers) == 2, i
            for age, years in drivers:
                assert int(years) <= int(age) - 18, (i, age, years)


def _born(number: str) -> datetime.date:
    return datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def test_relatives_are_born_in_order() -> None:
    # 25 pages of each layout that names relatives: a parent (by the ID number) born before
    # the applicant, a child after, the elder son before the younger, sex as the word says
    kin = r"(配偶|长子|次子|长女|次女|母亲|父亲|子女)"
    for i in range(200):
        layout = list(LAYOUTS)[i % len(LAYOUTS)]
        if layout not in ("subsistence_allowance", "disability_card"):
            continue
        text = model(layout, random.Random(f"office:{SEED}:{i}")).truth()
        head = re.search(r"身份证号码\n(\d{17}[\dX])\n", text)
        assert head, i
        male = int(head[1][16]) % 2 == 1
        found = re.findall(rf"\n{kin}\n(?:身份证号码\n)?(\d{{17}}[\dX])\n", text)
        assert found, (i, layout)
        born = {}
        for relation, number in found:
            born[relation] = _born(number)
            if relation in ("父亲", "母亲"):
                assert born[relation] < _born(head[1]), (i, relation, number, head[1])
            elif relation != "配偶":
                assert born[relation] > _born(head[1]), (i, relation, number, head[1])
            he = int(number[16]) % 2 == 1
            if relation == "配偶":
                assert he != male, (i, number, head[1])
            elif relation != "子女":
                assert he == (relation in ("父亲", "长子", "次子")), (i, relation, number)
        for elder, younger in (("长子", "次子"), ("长女", "次女")):
            if elder in born and younger in born:
                assert born[elder] <= born[younger], (i, born)
