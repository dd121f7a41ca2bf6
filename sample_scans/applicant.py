"""A deterministic, realistic applicant for the generated scans: a person from 锡林浩特市
with a valid ID number (GB 11643) and a business with a valid credit code (GB 32100)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ocr.fields import CREDIT_CHARSET, credit_code_check_char, id_number_check_char

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
    ("餐饮店", "餐饮服务；预包装食品销售（不含冷藏冷冻食品）"),
    ("羊肉馆", "餐饮服务；食品销售"),
    ("便利店", "日用百货、预包装食品销售"),
    ("奶食品店", "乳制品（奶食品）零售；预包装食品销售"),
    ("宾馆", "住宿服务；日用百货零售"),
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
