"""Synthetic scanned pages of an applicant's materials, for demos, tests and benchmarks.

Everything is generated (no image files from elsewhere): a deterministic applicant from
锡林浩特市 with valid ID number and credit code, clean A4 pages at 200 dpi drawn like the
real paperwork, and an office-scanner degradation.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import cv2
import numpy as np

from cases import sample_materials as m
from cases.errors import InvalidInput
from cases.sample_drawing import CAPTURES, Canvas, capture, degrade
from ocr.fields import CREDIT_CHARSET, credit_code_check_char, id_number_check_char

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

_SURNAMES = "王李张刘赵杨高郭包白吴陈孟韩云"
_GIVEN = {
    "男": ("建国", "海军", "志强", "晓东", "文斌", "旭东", "振华", "金山"),
    "女": ("秀英", "丽华", "红梅", "玉兰", "春燕", "海燕", "晓梅", "丽娟"),
}
_MONGOL = {
    "男": ("巴特尔", "额尔敦", "朝鲁", "宝音", "孟和", "阿拉坦", "苏和"),
    "女": ("乌日娜", "其其格", "苏日娜", "那仁花", "格日勒", "萨仁", "托娅"),
}
_STREETS = ("那达慕大街", "锡林大街", "额尔敦路", "团结大街", "桑根达来路", "贝子庙街", "宝力根路")
_SUBDISTRICTS = ("希日塔拉街道", "宝力根街道", "额尔敦街道", "楚古兰街道", "杭盖街道", "南郊街道")
_BRANDS = ("草原明珠", "乌珠穆沁", "敖包山", "白音", "锡林郭勒", "马背人家", "蒙古包", "奶香源")
_TRADES = (
    ("餐饮店", "餐饮服务;预包装食品销售(不含冷藏冷冻食品)"),
    ("羊肉馆", "餐饮服务;食品销售"),
    ("便利店", "日用百货、预包装食品销售"),
    ("奶食品店", "乳制品(奶食品)零售;预包装食品销售"),
    ("宾馆", "住宿服务;日用百货零售"),
)
_REGION = "152502"  # 锡林浩特市


@dataclass(frozen=True)
class SampleApplicant:
    name: str
    sex: str
    ethnicity: str
    birth: date
    address: str
    id_number: str  # valid GB 11643
    phone: str
    enterprise_name: str
    credit_code: str  # valid GB 32100
    business_address: str
    business_scope: str


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


def sample_applicant(seed: int = 0) -> SampleApplicant:
    """A deterministic, realistic applicant (the same seed gives the same person)."""
    rng = random.Random(f"applicant:{seed}")
    mongol = rng.random() < 0.4
    sex = rng.choice("男女")
    name = rng.choice(_MONGOL[sex]) if mongol else rng.choice(_SURNAMES) + rng.choice(_GIVEN[sex])
    birth = date(1965, 1, 1) + timedelta(days=rng.randrange(35 * 365))
    seq = rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
    first17 = f"{_REGION}{birth:%Y%m%d}{seq:03d}"
    org = "MA" + "".join(rng.choice(CREDIT_CHARSET) for _ in range(7))
    credit17 = f"92{_REGION}{org}"
    trade, scope = rng.choice(_TRADES)
    district = rng.choice(_SUBDISTRICTS)
    return SampleApplicant(
        name=name,
        sex=sex,
        ethnicity="蒙古" if mongol else rng.choice(("汉", "汉", "汉", "回", "满")),
        birth=birth,
        address=f"内蒙古自治区锡林浩特市{district}{rng.choice(_STREETS)}{rng.randint(1, 99)}号",
        id_number=first17 + id_number_check_char(first17),
        phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
        enterprise_name=f"锡林浩特市{rng.choice(_BRANDS)}{trade}",
        credit_code=credit17 + credit_code_check_char(credit17),
        business_address=(
            f"内蒙古自治区锡林浩特市{rng.choice(_STREETS)}{rng.randint(1, 199)}号"
            f"{rng.randint(1, 12)}号商铺"
        ),
        business_scope=scope,
    )


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
