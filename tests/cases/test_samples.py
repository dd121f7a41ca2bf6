from __future__ import annotations

import random

import numpy as np
import pytest

from cases.errors import InvalidInput
from ocr.fields import valid_credit_code, valid_id_number
from ocr.preprocess import decode_image
from sample_scans.scans import (
    SUPPORTED_MATERIALS,
    degrade,
    generate_pages,
    render_material,
    sample_applicant,
)


@pytest.mark.parametrize("seed", range(20))
def test_applicant_numbers_are_valid(seed: int) -> None:
    a = sample_applicant(seed)
    assert valid_id_number(a.id_number)
    assert valid_credit_code(a.credit_code)
    assert a.id_number[6:14] == a.birth.strftime("%Y%m%d")
    assert (int(a.id_number[16]) % 2 == 1) == (a.sex == "男")
    assert "锡林浩特市" in a.address and "锡林浩特市" in a.business_address
    assert a.phone.isdigit() and len(a.phone) == 11


def test_applicant_is_deterministic() -> None:
    assert sample_applicant(3) == sample_applicant(3)
    assert sample_applicant(3) != sample_applicant(4)


@pytest.mark.parametrize("code", SUPPORTED_MATERIALS)
def test_every_material_renders_a4(code: str) -> None:
    pages = render_material(
        code, item_name="食品经营许可", applicant=sample_applicant(1), rng=random.Random(0)
    )
    assert pages
    for page in pages:
        assert page.shape == (2339, 1654, 3) and page.dtype == np.uint8
        assert int(page[5, 5].min()) == 255  # white margin
        assert float((page < 128).mean()) > 0.005  # something is printed


def test_unknown_material_is_refused() -> None:
    with pytest.raises(InvalidInput):
        render_material(
            "passport", item_name="x", applicant=sample_applicant(), rng=random.Random(0)
        )


def test_generate_pages_are_decodable_and_deterministic() -> None:
    a = sample_applicant(2)
    codes = ["application_form", "id_card", "premises_proof"]
    pages = generate_pages("个体工商户设立登记", codes, a, seed=5)
    assert [p.filename for p in pages] == [
        "01-application_form.jpg",
        "02-id_card.jpg",
        "03-premises_proof.jpg",
    ]
    assert [p.material_code for p in pages] == codes
    for page in pages:
        assert page.data[:2] == b"\xff\xd8"
        assert decode_image(page.data).shape == (2339, 1654, 3)
    again = generate_pages("个体工商户设立登记", codes[:1], a, seed=5)
    assert again[0].data == pages[0].data


def test_degrade_changes_the_page_but_keeps_size() -> None:
    (clean,) = render_material(
        "id_card",
        item_name="个体工商户设立登记",
        applicant=sample_applicant(),
        rng=random.Random(0),
    )
    noisy = degrade(clean, random.Random(1))
    assert noisy.shape == clean.shape
    assert float(np.abs(noisy.astype(int) - clean.astype(int)).mean()) > 3


def test_pages_carry_their_ground_truth() -> None:
    from sample_scans.scans import generate_page

    a = sample_applicant(4)
    page = generate_page("个体工商户设立登记", "id_card", a, seed=1)
    lines = page.truth_text.splitlines()
    assert lines[0] == "居民身份证复印件"
    assert f"公民身份号码 {a.id_number}" in lines
    assert dict(page.truth_fields) == {"id_number": a.id_number, "person_name": a.name}
    lease = generate_page("个体工商户设立登记", "premises_proof", a, seed=1)
    # the seal's ring text is red ink over the page, not document text
    assert "合同专用章" not in lease.truth_text
    assert "房屋租赁合同" in lease.truth_text.splitlines()[0].replace(" ", "")
    (legacy,) = generate_pages("个体工商户设立登记", ["id_card"], a, seed=1)
    assert f"公民身份号码 {a.id_number}" in legacy.truth_text.splitlines()
    assert legacy.truth_fields == page.truth_fields


@pytest.mark.parametrize("kind", ["copy", "phone", "camera", "rotated90", "rotated180"])
def test_captures(kind: str) -> None:
    from sample_scans.scans import BLANK_PAGE, generate_page

    a = sample_applicant(4)
    page = generate_page("食品经营许可", "application_form", a, seed=1, capture_kind=kind)
    image = decode_image(page.data)
    expected = {
        "phone": (3000, 2250),
        "camera": (1944, 2592),
        "rotated90": (1654, 2339),
    }.get(kind, (2339, 1654))
    assert image.shape[:2] == expected and page.capture == kind
    assert page.truth_fields == generate_page("食品经营许可", "application_form", a).truth_fields
    if kind == "copy":
        again = generate_page("食品经营许可", "application_form", a, seed=1, capture_kind=kind)
        assert again.data == page.data
        blank = generate_page("食品经营许可", BLANK_PAGE, a, seed=1)
        assert blank.truth_text == "" and blank.truth_fields == ()
        with pytest.raises(ValueError):
            generate_page("食品经营许可", "id_card", a, capture_kind="fax")
