"""People, units and numbers of the `chromium` corpus: its own surnames, given names,
places and businesses, ID numbers with their GB 11643 check character and unified social
credit codes with their GB 32100 check character (and GB 11714 for the organisation code
inside)."""

from __future__ import annotations

import random

SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "皇甫", "慕容", "东方", "尉迟", "公孙", "令狐",
    "邝", "靳", "覃", "蒲", "阮", "饶", "滕", "甘", "柏", "苗", "闫", "骆", "谷", "宁",
)  # fmt: skip
GIVEN = "沛霖晗蔚珂湘颖铎绮黎舟澄渝岚骁琛萱屹桐朔曦珩锐翎瑜彤岱嵘鸣"
# (six-digit division code, city, district) pairs, with the streets drawn for each
PLACES = (
    ("420106", "武汉市", "武昌区", ("中北路", "水果湖路", "积玉桥街", "首义路")),
    ("510107", "成都市", "武侯区", ("科华北路", "玉林南路", "倪家桥路", "浆洗街")),
    ("330106", "杭州市", "西湖区", ("文三路", "古墩路", "天目山路", "教工路")),
    ("370202", "青岛市", "市南区", ("香港中路", "南京路", "江西路", "宁夏路")),
    ("500103", "重庆市", "渝中区", ("民族路", "中山三路", "大坪正街", "解放碑步行街")),
    ("450105", "郑州市", "金水区", ("花园路", "经三路", "纬五路", "农业路")),
)
AREA_CODES = {"武汉市": "027", "成都市": "028", "杭州市": "0571", "青岛市": "0532",
              "重庆市": "023", "郑州市": "0371"}  # fmt: skip
TRADE_NAMES = ("鼎谦", "澜图", "枫禾", "启衡", "朗硕", "沃川", "嘉屹", "拓渊", "禾曦", "锦岱")
TRADES = ("物流", "医药", "软件", "餐饮管理", "建材", "文化传媒", "环保科技", "农业开发")
FORMS = ("有限公司", "有限责任公司", "股份有限公司")
BANKS = ("中国建设银行", "中国农业银行", "招商银行", "交通银行", "中国银行")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def id_number(rng: random.Random, division: str, age_from: int = 22, age_to: int = 64) -> str:
    year = 2026 - rng.randint(age_from, age_to)
    body = (
        f"{division}{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    )
    return body + id_check(body)


def org_check(first8: str) -> str:
    rest = (
        11 - sum(_CODE_CHARS.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True)) % 11
    )
    return "X" if rest == 10 else "0" if rest == 11 else str(rest)


def code_check(first17: str) -> str:
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(first17, _CODE_WEIGHTS, strict=True))
    return _CODE_CHARS[(31 - total % 31) % 31]


def credit_code(rng: random.Random, division: str, kind: str = "91") -> str:
    """`kind`: "91" a company (market regulation), "52" a private non-enterprise unit."""
    org = "".join(rng.choice(_CODE_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    body = kind + division + org + org_check(org)
    return body + code_check(body)


def person(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES)
    size = rng.choice((1, 2)) if len(surname) == 1 else rng.choice((1, 1, 2))
    return surname + "".join(rng.sample(GIVEN, size))


def mobile(rng: random.Random) -> str:
    return rng.choice(("135", "139", "152", "158", "177", "186", "191", "199")) + "".join(
        str(rng.randint(0, 9)) for _ in range(8)
    )


def landline(rng: random.Random, city: str) -> str:
    return f"{AREA_CODES[city]}-{rng.randint(6, 8)}{rng.randint(0, 9999999):07d}"


def place(rng: random.Random) -> tuple[str, str, str, str]:
    """(division code, city, district, street address)."""
    division, city, district, streets = rng.choice(PLACES)
    street = f"{rng.choice(streets)}{rng.randint(3, 388)}号"
    if rng.random() < 0.6:
        floor, door = rng.randint(2, 28), rng.randint(1, 6)
        street += f"{rng.randint(1, 12)}栋{rng.randint(1, 4)}单元{floor}0{door}室"
    return division, city, district, street


def enterprise(rng: random.Random, city: str) -> str:
    return city[:-1] + rng.choice(TRADE_NAMES) + rng.choice(TRADES) + rng.choice(FORMS)


def amount(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low * 100, high * 100) / 100:.2f}"


def date(rng: random.Random, year: int = 2026) -> tuple[int, int, int]:
    return year, rng.randint(1, 11), rng.randint(1, 28)


def cn_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


def account(rng: random.Random) -> str:
    return "6217" + "".join(str(rng.randint(0, 9)) for _ in range(15))
