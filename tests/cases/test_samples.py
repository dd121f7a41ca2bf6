from __future__ import annotations

import random

import numpy as np
import pytest

from cases.errors import InvalidInput
from cases.samples import (
    SUPPORTED_MATERIALS,
    degrade,
    generate_pages,
    render_material,
    sample_applicant,
)
from ocr.fields import valid_credit_code, valid_id_number
from ocr.preprocess import decode_image


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
