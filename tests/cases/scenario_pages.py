"""The distinct generated pages the counter's scenarios are built from, OCR'd once.

A page is named by (item, material code, variant, applicant seed). Scenarios combine the
cached readings, so 40 scenarios cost the OCR of about 20 pages.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import pickle
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import ocr
from ocr import Engine, Line, PageReading, read_page
from sample_scans.scans import (
    SampleApplicant,
    encode_page,
    render_material,
    render_variant,
    sample_applicant,
)

ITEM_NAMES = {
    "SCJG-GT-001": "个体工商户设立登记",
    "SCJG-GT-002": "个体工商户变更登记",
    "SCJG-SP-002": "食品经营许可",
    "WJ-GG-001": "公共场所卫生许可",
}
APPLICANT = 1  # the applicant of every scenario
OTHER = 2  # someone else: their ID card or license handed in by mistake
RENAMED = 9  # the applicant's ID number with another name (a typo on the form, or a fake)
TYPO = 8  # the applicant, with a mistyped ID number (check digit fails) on the form


@dataclass(frozen=True)
class PageKey:
    item: str
    material: str  # renderer: material code, or a variant name
    who: int = APPLICANT
    take: int = 0  # another rendering of the same page (other scan noise)

    @property
    def label(self) -> str:
        return f"{self.item}/{self.material}/{self.who}" + (f"/{self.take}" if self.take else "")


def applicant(who: int) -> SampleApplicant:
    if who == RENAMED:
        return dataclasses.replace(sample_applicant(APPLICANT), name="王振华")
    if who == TYPO:
        real = sample_applicant(APPLICANT)
        wrong = "0" if real.id_number[-1] != "0" else "1"
        return dataclasses.replace(real, id_number=real.id_number[:-1] + wrong)
    return sample_applicant(who)


@functools.cache
def render(key: PageKey) -> bytes:
    """The page's JPEG, made once per session (about half a second of drawing and scan
    degradation a page): the scenario, lifecycle, counter-flow and check tests share pages."""
    rng = random.Random(f"scenario:{key.label}")
    kwargs = {"item_name": ITEM_NAMES[key.item], "applicant": applicant(key.who), "rng": rng}
    try:
        images = render_variant(key.material, **kwargs)  # type: ignore[arg-type]
    except Exception:
        code = "id_card" if key.material == "legal_rep_id" else key.material
        images = render_material(code, **kwargs)  # type: ignore[arg-type]
    return encode_page(images[0], rng)


GT, SP, WJ = "SCJG-GT-001", "SCJG-SP-002", "WJ-GG-001"
GT_CHANGE = "SCJG-GT-002"  # 个体工商户变更登记, an immediate item (即办件)
ALL_PAGES: tuple[PageKey, ...] = (
    *(
        PageKey(GT, m)
        for m in (
            "application_form",
            "premises_proof",
            "property_certificate",
            "agent_authorization",
            "unsigned",
            "expired_id",
        )
    ),
    PageKey(GT, "id_card", take=1),
    PageKey(GT, "application_form", TYPO),
    PageKey(GT, "id_card", OTHER),
    PageKey(GT, "id_card", RENAMED),
    *(
        PageKey(SP, m)
        for m in (
            "application_form",
            "business_license",
            "legal_rep_id",
            "premises_proof",
            "food_safety_rules",
            "layout_plan",
            "unsealed",
            "expired_license",
            "unsigned",
        )
    ),
    PageKey(SP, "business_license", OTHER),
    *(
        PageKey(WJ, m)
        for m in (
            "application_form",
            "business_license",
            "legal_rep_id",
            "hygiene_test_report",
            "hygiene_rules",
        )
    ),
)

# the pages the lifecycle machine hands in (tests/cases/test_lifecycle_machine.py): a full
# set for 个体工商户设立登记, one for 开办餐饮店联合审批 from the food and hygiene items', and
# one for the immediate 个体工商户变更登记
JOINT = "LH-CY-001"
LIFECYCLE: dict[str, tuple[PageKey, ...]] = {
    GT: (
        PageKey(GT, "application_form"),
        PageKey(GT, "id_card", take=1),
        PageKey(GT, "premises_proof"),
    ),
    JOINT: (
        *(
            PageKey(SP, m)
            for m in (
                "application_form",
                "business_license",
                "legal_rep_id",
                "premises_proof",
                "layout_plan",
                "food_safety_rules",
            )
        ),
        PageKey(WJ, "hygiene_rules"),
        PageKey(WJ, "hygiene_test_report"),
    ),
    GT_CHANGE: (PageKey(GT_CHANGE, "application_form"), PageKey(GT_CHANGE, "id_card", take=1)),
}


def read_all(
    engine: Engine, cache_dir: Path, keys: tuple[PageKey, ...] = ALL_PAGES
) -> dict[PageKey, tuple[bytes, PageReading]]:
    """Every page of `keys` rendered and read; readings are kept in `cache_dir` keyed by
    the page's bytes and the OCR package's source, so a change to either reads it again."""
    source = b"".join(p.read_bytes() for p in sorted(Path(ocr.__file__).parent.glob("*.py")))
    out = {}
    for key in keys:
        data = render(key)
        digest = hashlib.sha256(data + source + engine.name.encode()).hexdigest()
        cached = cache_dir / f"{digest}.pickle"
        if cached.exists():
            reading = pickle.loads(cached.read_bytes())
        else:
            reading = read_page(data, engine)
            cached.write_bytes(pickle.dumps(reading))
        out[key] = (data, reading)
    return out


class CachingEngine(Engine):
    """Wraps the real engine; the same preprocessed image is recognised once per session,
    so API scenarios re-uploading the same generated page cost no OCR after the first."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.name
        self._seen: dict[str, list[Line]] = {}
        self._upright: dict[str, tuple[list[Line], float | None]] = {}

    @staticmethod
    def _key(image: np.ndarray) -> str:
        return hashlib.sha256(image.tobytes() + str(image.shape).encode()).hexdigest()

    def recognise(self, image: np.ndarray) -> list[Line]:
        key = self._key(image)
        if key not in self._seen:
            self._seen[key] = self.engine.recognise(image)
        return list(self._seen[key])

    def recognise_upright(self, image: np.ndarray) -> tuple[list[Line], float | None]:
        """As the engine's (one read with an orientation vote), cached the same way."""
        key = self._key(image)
        if key not in self._upright:
            self._upright[key] = self.engine.recognise_upright(image)
        lines, share = self._upright[key]
        return list(lines), share
