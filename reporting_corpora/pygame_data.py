"""The `pygame` corpus's people, places, enterprises and numbers, its own lists: uncommon
surnames and given names, districts of its own with area codes, enterprise words, and its
own check-character code for resident ID numbers (GB 11643) and unified social credit
codes (GB 32100, its organisation code part checked by GB 11714)."""

from __future__ import annotations

import random
from dataclasses import dataclass

# uncommon single surnames and a few double ones (each written by every face: the
# hand and signature faces lack 禚佴仉芃洺荄, so those were left out)
SURNAMES = (
    "甄",
    "牟",
    "阚",
    "郜",
    "汲",
    "邝",
    "茆",
    "逯",
    "鄂",
    "琚",
    "郏",
    "糜",
    "蔺",
    "扈",
    "闾",
    "詹",
    "厍",
    "揭",
    "靳",
    "栾",
    "邬",
    "冼",
    "闫",
    "漆",
    "沙",
    "端木",
    "闻人",
    "东方",
    "公冶",
)
GIVEN = (
    "砚秋",
    "岫",
    "澍",
    "泠然",
    "蕴藻",
    "昀",
    "朔",
    "霁川",
    "楠笙",
    "棠溪",
    "稷",
    "若蘅",
    "钰衡",
    "峤",
    "舒窈",
    "穗禾",
    "炜彤",
    "骁",
    "湛卢",
    "云岫",
    "沅芷",
    "樾",
    "皓轩",
    "杼",
    "蓁蓁",
    "聿修",
    "檀",
    "溪亭",
    "鹤年",
    "粟",
)

# districts of its own (province-city-district) with six-digit area codes
DISTRICTS = (
    ("330782", "浙江省", "金华市", "义乌市", "稠城街道", "宾王路"),
    ("421003", "湖北省", "荆州市", "荆州区", "西城街道", "郢都路"),
    ("510705", "四川省", "绵阳市", "安州区", "界牌镇", "罗浮山大道"),
    ("620702", "甘肃省", "张掖市", "甘州区", "东街街道", "马神庙街"),
    ("360802", "江西省", "吉安市", "吉州区", "古南镇", "庐陵大道"),
    ("450305", "广西壮族自治区", "桂林市", "七星区", "漓东街道", "穿山路"),
    ("130682", "河北省", "保定市", "定州市", "北城区街道", "兴华路"),
    ("371402", "山东省", "德州市", "德城区", "新湖街道", "三八路"),
)

TRADE_WORDS = (
    "溪桥",
    "松砚",
    "禾丰",
    "澄湖",
    "岚山",
    "瑞芸",
    "栖木",
    "澜汀",
    "丹枫",
    "汀兰",
    "云麓",
    "鹊桥",
    "青檀",
    "麦穗",
    "星垣",
    "拾光",
)
TRADES = (
    ("五金建材", "五金交电、建筑材料零售"),
    ("茶叶", "预包装食品（茶叶）销售"),
    ("农机修理", "农业机械维修；农机配件零售"),
    ("图文", "打字复印；图文设计制作"),
    ("竹木制品", "竹木制品加工、销售"),
    ("家电维修", "日用电器修理；家用电器零售"),
    ("粮油", "粮油及制品零售"),
    ("汽车美容", "汽车装饰用品销售；洗车服务"),
)
SUFFIXES = ("有限公司", "有限责任公司", "商贸有限公司", "科技有限公司")


# GB 11643: weights 2^(17-i) mod 11 of the first seventeen digits
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
# GB 32100: 31 characters, weights 3^i mod 31
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def org_check(first8: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def credit_check(first17: str) -> str:
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(first17, _CODE_WEIGHTS, strict=True))
    return _CODE_CHARS[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str
    sex: str
    born: tuple[int, int, int]
    phone: str
    address: str
    nation: str


@dataclass(frozen=True)
class Enterprise:
    name: str
    credit_code: str
    trade: str
    address: str
    district: tuple[str, ...]


def district(rng: random.Random) -> tuple[str, ...]:
    return rng.choice(DISTRICTS)


def address(rng: random.Random, place: tuple[str, ...] | None = None) -> str:
    d = place or district(rng)
    number, block, room = rng.randint(2, 388), rng.randint(1, 9), rng.randint(101, 1806)
    return f"{d[1]}{d[2]}{d[3]}{d[5]}{number}号{block}栋{room}室"


def person(rng: random.Random, used: set[str] | None = None) -> Person:
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if len(name) <= 4 and (used is None or name not in used):
            break
    if used is not None:
        used.add(name)
    d = district(rng)
    year, month, day = rng.randint(1958, 2003), rng.randint(1, 12), rng.randint(1, 28)
    serial = rng.randint(0, 99)
    sex_digit = rng.randint(0, 9)
    first17 = f"{d[0]}{year:04d}{month:02d}{day:02d}{serial:02d}{sex_digit}"
    phone = rng.choice(("13", "15", "17", "18", "19")) + "".join(
        str(rng.randint(0, 9)) for _ in range(9)
    )
    return Person(
        name,
        first17 + id_check(first17),
        "男" if sex_digit % 2 else "女",
        (year, month, day),
        phone,
        address(rng, d),
        rng.choice(("汉", "汉", "汉", "回", "土家", "壮")),
    )


def credit_code(rng: random.Random, kind: str, area: str) -> str:
    body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = f"9{kind}{area}{body}{org_check(body)}"
    return first17 + credit_check(first17)


def enterprise(rng: random.Random, individual: bool = False) -> Enterprise:
    d = district(rng)
    word = rng.choice(TRADE_WORDS)
    trade, scope = rng.choice(TRADES)
    if individual:
        name = f"{d[3]}{word}{trade}店"
    else:
        name = f"{d[2][:-1]}{word}{trade}{rng.choice(SUFFIXES)}"
    return Enterprise(
        name, credit_code(rng, "2" if individual else "1", d[0]), scope, address(rng, d), d
    )


def date_cn(rng: random.Random, year: int = 2026) -> str:
    return f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
