"""The `typeset` corpus: its truth is what the page draws (checked against the text of the
PDF that Typst makes from the same source), its numbers pass their check characters, its
pages cycle through every layout and capture profile, and a seed gives the same bytes."""

from __future__ import annotations

import json
import random
import re
import subprocess
from collections import Counter
from pathlib import Path

import cv2
import numpy as np

from ocr import valid_credit_code, valid_id_number
from reporting_corpora import CORPUS_CAPTURES, build
from reporting_corpora.build import cycle
from reporting_corpora.typeset_doc import seal_text, truth
from reporting_corpora.typeset_pages import LAYOUTS, compose, pdf

CAPTURES = CORPUS_CAPTURES["typeset"]
SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return SPACE.sub("", text)


def pdf_text(source: str, tmp_path: Path) -> str:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf(source))
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def test_sixteen_pages_share_the_profiles_and_thirty_two_meet_every_pair() -> None:
    sixteen = cycle(list(LAYOUTS), CAPTURES, 16)
    assert Counter(c for _, c in sixteen) == dict.fromkeys(CAPTURES, 4)
    assert Counter(layout for layout, _ in sixteen) == dict.fromkeys(LAYOUTS, 2)
    assert set(cycle(list(LAYOUTS), CAPTURES, 32)) == {(x, c) for x in LAYOUTS for c in CAPTURES}


def test_truth_is_the_text_the_pdf_draws_less_the_seals(tmp_path: Path) -> None:
    """Every layout, three seeds each: the characters of the truth, plus the seals' ring
    text, are exactly the characters in the PDF (pdftotext; whitespace and order aside:
    pdftotext reads tables in its own order). And the page holds on one sheet."""
    for k, layout in enumerate(LAYOUTS):
        for seed in range(3):
            page, source, fields = compose(layout, random.Random(f"test:{seed}:{k}"))
            text = truth(page)
            drawn = pdf_text(source, tmp_path)
            assert drawn.count("\f") == 1, f"{layout} ran over one page"
            expected = Counter(squash(text)) + Counter(squash(seal_text(page)))
            got = Counter(squash(drawn))
            assert got == expected, (layout, got - expected, expected - got)
            # full-width punctuation in Chinese text, half-width only in numbers and URLs
            assert "：" in text and ":" not in text.replace("https:", "")
            flat = squash(text)
            assert fields or layout == "property_cert"  # co-owners: no single name
            for name, value in fields:
                assert value in flat, (layout, name, value)
                if name == "id_number":
                    assert valid_id_number(value), value
                elif name == "credit_code":
                    assert valid_credit_code(value), value
                elif name == "phone":
                    assert re.fullmatch(r"1[3-9]\d{9}", value), value


def test_enterprise_names_cover_the_legal_forms() -> None:
    names = set()
    for k in range(60):
        for layout in ("license_portrait", "poa_agents", "resolution", "application"):
            _, _, fields = compose(layout, random.Random(f"forms:{k}"))
            names |= {v for n, v in fields if n == "enterprise_name"}
    for form in ("有限公司", "有限责任公司", "股份有限公司", "分公司", "合伙企业（有限合伙）"):
        assert any(n.endswith(form) for n in names), form
    for form in ("农民专业合作社", "律师事务所", "店"):
        assert any(n.endswith(form) for n in names), form


def test_build_is_deterministic_per_seed_and_covers_the_four_captures(tmp_path: Path) -> None:
    pages = build("typeset", 4, 5, tmp_path / "a")
    assert [p.capture for p in pages] == list(CAPTURES)
    assert [p.layout for p in pages] == list(LAYOUTS)[:4]
    sizes = {p.capture: cv2.imread(p.path, cv2.IMREAD_COLOR).shape[:2] for p in pages}
    assert sizes == {
        "fax": (2338, 1653),  # 200 × 100 dpi, rows doubled
        "flatbed-color": (3508, 2480),
        "phone-low-light": (3264, 2448),
        "photocopy-of-copy": (3508, 2480),
    }
    flatbed = cv2.imread(pages[1].path, cv2.IMREAD_COLOR)
    b, g, r = (flatbed[..., k].astype(np.int16) for k in range(3))
    assert int(((r - g > 80) & (r - b > 80)).sum()) > 2000  # the red seal, in colour
    manifest = json.loads((tmp_path / "a" / "typeset-manifest.json").read_text("utf-8"))
    assert [m["truth_text"] for m in manifest] == [p.truth_text for p in pages]
    again = build("typeset", 1, 5, tmp_path / "b")[0]
    assert again.truth_text == pages[0].truth_text
    assert Path(again.path).read_bytes() == Path(pages[0].path).read_bytes()
    other, _, _ = compose(pages[0].layout, random.Random("typeset:6:0"))  # seed 6, page 1
    assert truth(other) != pages[0].truth_text
