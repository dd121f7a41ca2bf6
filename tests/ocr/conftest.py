"""Shared fixtures: sample pages, generated once (the real engine is the session's
`ocr_engine`, tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
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


@pytest.fixture(scope="session")
def text_page() -> bytes:
    """A page of twelve printed lines, for engines that return lines of their own."""
    page = np.full((1200, 900, 3), 255, np.uint8)
    for i in range(12):
        cv2.putText(page, f"LINE {i} TEXT", (80, 100 + i * 80), 0, 1.4, (0, 0, 0), 3)
    ok, buf = cv2.imencode(".jpg", page)
    assert ok
    return buf.tobytes()
