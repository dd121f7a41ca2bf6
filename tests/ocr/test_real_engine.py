"""The real engine on generated scans of 个体工商户设立登记 (slow: marked `ocr`)."""

from __future__ import annotations

import pytest

from cases.samples import SampleApplicant, SamplePage
from ocr import PageReading, RapidOcrEngine, classify, extract_fields, read_page
from tests.ocr.conftest import load_hints

pytestmark = pytest.mark.ocr


@pytest.fixture(scope="module")
def readings(gtgsh_pages: list[SamplePage], rapid_engine: RapidOcrEngine) -> dict[str, PageReading]:
    return {p.material_code: read_page(p.data, rapid_engine) for p in gtgsh_pages}


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
