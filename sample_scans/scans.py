"""Synthetic scanned pages of an applicant's materials, for demos, tests and benchmarks.

Everything is generated (no image files from elsewhere): a deterministic applicant from
锡林浩特市 with valid ID number and credit code, clean A4 pages at 200 dpi drawn like the
real paperwork, and an office-scanner degradation.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import cv2
import numpy as np

from cases.errors import InvalidInput
from sample_scans import materials as m
from sample_scans.applicant import SampleApplicant, sample_applicant
from sample_scans.drawing import CAPTURES, Canvas, capture, degrade

__all__ = [
    "BLANK_PAGE",
    "CAPTURES",
    "VARIANTS",
    "SampleApplicant",
    "SamplePage",
    "degrade",
    "encode_page",
    "generate_page",
    "generate_pages",
    "render_material",
    "render_variant",
    "sample_applicant",
]


@dataclass(frozen=True)
class SamplePage:
    material_code: str
    filename: str  # e.g. "02-id_card.jpg"
    data: bytes  # JPEG
    # ground truth: the exact text drawn (reading order, rows joined by newlines, seal text
    # excluded) and the values of the applicant's fields that appear on the page
    truth_text: str = ""
    truth_fields: tuple[tuple[str, str], ...] = ()
    capture: str = "scanner"


_Renderer = Callable[[str, SampleApplicant, random.Random], Canvas]

_RENDERERS: dict[str, _Renderer] = {
    "application_form": m.application_form,
    "id_card": m.id_card,
    "legal_rep_id": m.id_card,
    "premises_proof": m.lease,
    "business_license": m.business_license,
    "food_safety_rules": m.rules("食品安全管理制度", m.FOOD_RULES),
    "hygiene_rules": m.rules("卫生管理制度", m.HYGIENE_RULES),
    "layout_plan": m.layout_plan,
    "hygiene_test_report": m.test_report,
    "agent_authorization": m.authorization,
    "property_certificate": m.property_certificate,
}

SUPPORTED_MATERIALS = tuple(_RENDERERS)
BLANK_PAGE = "blank_page"  # an empty sheet fed by the scanner (not a checklist material)


def _render(code: str, item_name: str, applicant: SampleApplicant, rng: random.Random) -> Canvas:
    if code == BLANK_PAGE:
        return Canvas()
    renderer = _RENDERERS.get(code)
    if renderer is None:
        raise InvalidInput(
            f"no sample renderer for material {code!r}; "
            f"supported: {', '.join(SUPPORTED_MATERIALS)}",
            f"不支持生成材料 {code} 的样例页",
        )
    return renderer(item_name, applicant, rng)


def truth_fields(text: str, applicant: SampleApplicant) -> tuple[tuple[str, str], ...]:
    """The applicant's values that were drawn on the page (what extraction should find)."""
    flat = "".join(text.split())
    candidates = (
        ("id_number", applicant.id_number),
        ("credit_code", applicant.credit_code),
        ("phone", applicant.phone),
        ("person_name", applicant.name),
        ("enterprise_name", applicant.enterprise_name),
    )
    return tuple((name, value) for name, value in candidates if value in flat)


def generate_page(
    item_name: str,
    material_code: str,
    applicant: SampleApplicant,
    *,
    seed: int = 0,
    capture_kind: str = "scanner",
    filename: str | None = None,
) -> SamplePage:
    """One JPEG page with its ground truth, captured as `capture_kind` (see `CAPTURES`)."""
    rng = random.Random(f"{seed}:{item_name}:{material_code}:{capture_kind}")
    canvas = _render(material_code, item_name, applicant, rng)
    page = capture(canvas.as_bgr(), capture_kind, rng)
    ok, buf = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, 85])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    text = canvas.truth_text()
    return SamplePage(
        material_code=material_code,
        filename=filename or f"{material_code}-{capture_kind}.jpg",
        data=buf.tobytes(),
        truth_text=text,
        truth_fields=truth_fields(text, applicant),
        capture=capture_kind,
    )


def render_material(
    material_code: str, *, item_name: str, applicant: SampleApplicant, rng: random.Random
) -> list[np.ndarray]:
    """Clean page(s) of one material: white A4 at 200 dpi (1654x2339), BGR uint8."""
    return [_render(material_code, item_name, applicant, rng).as_bgr()]


def generate_pages(
    item_name: str,
    material_codes: Sequence[str],
    applicant: SampleApplicant,
    *,
    seed: int = 0,
    degrade_pages: bool = True,
) -> list[SamplePage]:
    """JPEG pages of the given materials, in order, numbered from 01 (deterministic)."""
    pages: list[SamplePage] = []
    for code in material_codes:
        rng = random.Random(f"{seed}:{item_name}:{code}")
        canvases = [_render(code, item_name, applicant, rng)]
        for k, canvas in enumerate(canvases):
            image = canvas.as_bgr()
            page = degrade(image, rng) if degrade_pages else image
            ok, buf = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, 85])
            if not ok:
                raise RuntimeError("JPEG encoding failed")
            suffix = f"-p{k + 1}" if len(canvases) > 1 else ""
            text = canvas.truth_text()
            pages.append(
                SamplePage(
                    material_code=code,
                    filename=f"{len(pages) + 1:02d}-{code}{suffix}.jpg",
                    data=buf.tobytes(),
                    truth_text=text,
                    truth_fields=truth_fields(text, applicant),
                )
            )
    return pages


# Scenario variants of a material, for the counter's legal-form checks: the form without
# the applicant's signature, a business license without its seal or past its term, an
# ID card past its validity.
VARIANTS: dict[str, tuple[str, Callable[..., Canvas], dict[str, object]]] = {
    "unsigned": ("application_form", m.application_form, {"signed": False}),
    "unsealed": ("business_license", m.business_license, {"sealed": False}),
    "expired_license": (
        "business_license",
        m.business_license,
        {"valid_until": date(2026, 10, 31)},
    ),
    "expired_id": ("id_card", m.id_card, {"expires_on": date(2024, 7, 1)}),
}


def render_variant(
    variant: str, *, item_name: str, applicant: SampleApplicant, rng: random.Random
) -> list[np.ndarray]:
    """Clean page(s) of a scenario variant (see VARIANTS)."""
    if variant not in VARIANTS:
        raise InvalidInput(f"unknown sample variant {variant!r}", f"未知的样例变体 {variant}")
    _, renderer, options = VARIANTS[variant]
    return [renderer(item_name, applicant, rng, **options).as_bgr()]


def encode_page(image: np.ndarray, rng: random.Random, *, degrade_page: bool = True) -> bytes:
    """One page as the scanner would hand it over: degraded, JPEG."""
    page = degrade(image, rng) if degrade_page else image
    ok, buf = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, 85])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return bytes(buf.tobytes())
