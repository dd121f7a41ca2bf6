"""Shared fixtures: sample pages, generated once (the real engine is the session's
`ocr_engine`, tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ocr.classify import MaterialHint
from sample_scans.scans import SampleApplicant, SamplePage, generate_pages, sample_applicant

ITEMS = Path(__file__).resolve().parents[2] / "cases" / "catalog" / "data" / "items"
GTGSH = "个体工商户设立登记"


def load_hints(item_file: str) -> list[MaterialHint]:
    data = yaml.safe_load((ITEMS / item_file).read_text(encoding="utf-8"))
    return [
        MaterialHint(
            code=m["code"],
            keywords=tuple(m.get("hints", {}).get("keywords", ())),
            patterns=tuple(m.get("hints", {}).get("patterns", ())),
        )
        for m in data["materials"]
    ]


@pytest.fixture(scope="session")
def applicant() -> SampleApplicant:
    return sample_applicant(7)


@pytest.fixture(scope="session")
def gtgsh_pages(applicant: SampleApplicant) -> list[SamplePage]:
    codes = ["application_form", "id_card", "premises_proof"]
    return generate_pages(GTGSH, codes, applicant, seed=3)
