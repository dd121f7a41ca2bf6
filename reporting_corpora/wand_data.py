"""People, enterprises and numbers of the `wand` corpus: mainland residents and the
enterprises they register at a service hall, in simplified characters. Its own name lists
(uncommon surnames and given names, enterprise words of its own), its own districts and its
own check-character code for 18-digit resident ID numbers (GB 11643) and 18-character
unified social credit codes (GB 32100, with the GB 11714 organisation code inside)."""

from __future__ import annotations

import random

SURNAMES = "蔺缪滕栾甄禹阚鄢郜晏靳冼闵蒯郦鞠邬隗扈柯逄昝佘麻冀揭苟漆"
GIVEN = (
    "骁",
    "沅芷",
    "晗煦",
    "珩",
    "翊辰",
    "芊芊",
    "逸枫",
    "楚瑶",
    "砚秋",
    "霁",
    "澍",
    "钰琪",
    "杳然",
    "灏",
    "蕴仪",
    "亦舟",
    "泓渊",
    "黛青",
    "牧之",
    "婧姝",
    "煜",
    "樾",
    "苒",
    "峤",
    "骞",
    "锦棠",
    "若岚",
    "琰",
    "尧臣",
    "昀",
    "筠",
    "沛霖",
)
ETHNIC = ("汉", "汉", "汉", "回", "满", "蒙古", "土家", "彝")
# area codes of the districts where its people live and its enterprises register
DISTRICTS = {
    "620102": "甘肃省兰州市城关区",
    "640104": "宁夏回族自治区银川市兴庆区",
    "520103": "贵州省贵阳市云岩区",
    "150102": "内蒙古自治区呼和浩特市新城区",
    "460106": "海南省海口市龙华区",
    "230103": "黑龙江省哈尔滨市南岗区",
}
CITIES = {
    "620102": "兰州",
    "640104": "银川",
    "520103": "贵阳",
    "150102": "呼和浩特",
    "460106": "海口",
    "230103": "哈尔滨",
}
STREETS = ("雁滩路", "庆丰街", "中华北路", "新华大街", "滨海大道", "果戈里大街", "解放西路")
PLACES = ("星耀大厦", "汇泉商务楼", "东方广场", "科创中心", "金茂花园", "翠湖苑")
TRADE_WORDS = ("澄岚", "砚田", "苇舟", "鹤汀", "栎阳", "蕴川", "棠溪", "青蘅", "柘林", "沐渊")
TRADES = (
    ("农业科技", "农作物种植技术推广；农业机械销售；有机肥料销售"),
    ("环境工程", "水污染治理；固体废物治理；环境保护监测"),
    ("仪器仪表", "电子测量仪器销售；实验分析仪器制造；仪器仪表修理"),
    ("物流", "普通货物仓储服务；国内货物运输代理；装卸搬运"),
    ("食品", "食品销售；农副产品销售；预包装食品批发"),
    ("建材", "建筑材料销售；五金产品零售；轻质建筑材料制造"),
)
FORMS = ("有限公司", "有限责任公司")
KINDS = ("有限责任公司（自然人独资）", "有限责任公司（自然人投资或控股）")

ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7 9 10 5 8 4 2 1 6 3 7 9 ...
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I O S V Z
CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1 3 9 27 19 26 16 17 20 ...
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714


def id_check(first17: str) -> str:
    """GB 11643 check character: ISO 7064 MOD 11-2."""
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def credit_check(first17: str) -> str:
    """GB 32100 check character: weights 3^i mod 31 over the 31-character alphabet."""
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARS[(31 - total % 31) % 31]


def org_check(first8: str) -> str:
    """GB 11714 check character of the organisation code inside a credit code."""
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first8, ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def id_number(rng: random.Random, area: str, year: int, female: bool) -> str:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randrange(0, 100) * 10 + rng.choice((0, 2, 4, 6, 8) if female else (1, 3, 5, 7, 9))
    first17 = f"{area}{year:04d}{month:02d}{day:02d}{seq:03d}"
    return first17 + id_check(first17)


def credit_code(rng: random.Random, area: str) -> str:
    org = "".join(rng.choice(CREDIT_CHARS[:10] * 2 + CREDIT_CHARS[10:]) for _ in range(8))
    first17 = "91" + area + org + org_check(org)
    return first17 + credit_check(first17)


def _address(rng: random.Random, area: str) -> str:
    return (
        f"{DISTRICTS[area]}{rng.choice(STREETS)}{rng.randint(3, 299)}号"
        f"{rng.choice(PLACES)}{rng.randint(2, 28)}层{rng.randint(1, 20):02d}室"
    )


class Person:
    def __init__(self, rng: random.Random) -> None:
        self.female = rng.random() < 0.5
        self.name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        self.year = rng.randint(1961, 2003)
        self.area = rng.choice(tuple(DISTRICTS))
        self.id_number = id_number(rng, self.area, self.year, self.female)
        self.phone = "1" + rng.choice("3589") + "".join(str(rng.randrange(10)) for _ in range(9))
        self.sex = "女" if self.female else "男"
        self.ethnic = rng.choice(ETHNIC)
        self.address = _address(rng, self.area).split("号")[0] + "号"

    @property
    def birth(self) -> tuple[int, int, int]:
        return (self.year, int(self.id_number[10:12]), int(self.id_number[12:14]))


class Enterprise:
    def __init__(self, rng: random.Random) -> None:
        self.area = rng.choice(tuple(DISTRICTS))
        city = CITIES[self.area]
        trade, self.scope = rng.choice(TRADES)
        self.name = f"{city}{rng.choice(TRADE_WORDS)}{trade}{rng.choice(FORMS)}"
        self.code = credit_code(rng, self.area)
        self.address = _address(rng, self.area)
        self.capital = rng.choice((30, 50, 100, 200, 300, 500, 800))
        self.kind = rng.choice(KINDS)


def date(rng: random.Random, year: int | None = None) -> tuple[int, int, int]:
    return (year or rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28))
