"""The `ft` corpus's applicants: mainland people (common and uncommon surnames and given
names), counties with their administrative division codes, enterprises, ID numbers with
GB 11643's check character, unified social credit codes with GB 32100's, mobiles."""

from __future__ import annotations

import random
from dataclasses import dataclass

SURNAMES = (
    "邬",
    "禹",
    "亢",
    "阚",
    "庹",
    "谌",
    "佘",
    "逯",
    "厍",
    "巫",
    "冼",
    "乜",
    "晏",
    "闫",
    "俞",
    "濮",
    "蓝",
    "芮",
    "缪",
    "雍",
    "覃",
    "蒯",
    "郦",
    "訾",
    "臧",
    "滕",
    "苗",
    "窦",
    "卜",
    "昝",
    "鄢",
    "眭",
    "敖",
    "储",
    "瞿",
    "麦",
    "宓",
    "荀",
    "暴",
    "茹",
    "欧阳",
    "皇甫",
    "上官",
    "东方",
)
GIVEN = (
    "沐辰",
    "婉清",
    "子墨",
    "梓萱",
    "宏图",
    "秀英",
    "建军",
    "桂芳",
    "翊航",
    "语桐",
    "浩然",
    "昕蔚",
    "德胜",
    "淑珍",
    "嘉懿",
    "一鸣",
    "若曦",
    "国栋",
    "晓岚",
    "骞",
    "骁",
    "琛",
    "杳",
    "晗",
    "奕辰",
    "泓",
    "婕",
    "铮",
    "煜祺",
    "梦瑶",
    "永福",
    "春燕",
    "烨",
    "琦",
    "瀚文",
    "靖雯",
    "锦程",
    "海燕",
    "志强",
    "筱悦",
)
# (province, city, county, division code)
COUNTIES = (
    ("甘肃省", "天水市", "秦安县", "620522"),
    ("湖南省", "怀化市", "沅陵县", "431222"),
    ("江西省", "赣州市", "兴国县", "360732"),
    ("四川省", "南充市", "阆中市", "511381"),
    ("贵州省", "遵义市", "湄潭县", "520328"),
    ("山西省", "吕梁市", "临县", "141124"),
    ("河南省", "信阳市", "固始县", "411525"),
    ("安徽省", "六安市", "霍山县", "341525"),
    ("广西壮族自治区", "百色市", "靖西市", "451081"),
    ("浙江省", "丽水市", "缙云县", "331122"),
    ("黑龙江省", "绥化市", "海伦市", "231283"),
    ("福建省", "宁德市", "霞浦县", "350921"),
)
TOWNS = ("城关镇", "河口乡", "新市镇", "白沙镇", "柳林镇", "东关街道", "青石乡", "马坪镇")
ROADS = ("人民路", "解放街", "建设路", "文化巷", "滨河北路", "迎宾大道", "新华街", "育才路")
TRADES = (
    ("粮油", "粮油零售"),
    ("农机", "农业机械维修"),
    ("茶叶", "茶叶种植及销售"),
    ("五金", "五金交电销售"),
    ("餐饮", "中式快餐服务"),
    ("物流", "普通货物道路运输"),
    ("建材", "建筑材料销售"),
    ("果蔬", "新鲜蔬菜水果零售"),
    ("印务", "包装装潢印刷"),
)
SHOP_WORDS = ("聚福", "恒兴", "润丰", "鑫源", "兴盛", "永顺", "佳和", "瑞达", "昌隆", "宏泰")


def id_check(first17: str) -> str:
    """GB 11643's check character of the first 17 characters."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return "10X98765432"[total % 11]


_CREDIT = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check(first17: str) -> str:
    """GB 32100's check character of the first 17 characters."""
    total = sum(_CREDIT.index(c) * w for c, w in zip(first17, _CREDIT_W, strict=True))
    return _CREDIT[(31 - total % 31) % 31]


def _org_code(rng: random.Random) -> str:
    """A GB 11714 organisation code (8 characters and its check)."""
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    w = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(_CREDIT.index(c) * k for c, k in zip(body, w, strict=True))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def credit_code(rng: random.Random, division: str, kind: str = "92") -> str:
    """A unified social credit code: kind (92: individual business, 91: enterprise),
    division code, organisation code, check character."""
    first17 = kind + division + _org_code(rng)
    return first17 + credit_check(first17)


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    born: tuple[int, int, int]
    id_number: str
    phone: str
    county: tuple[str, str, str, str]
    address: str


def person(
    rng: random.Random,
    county: tuple[str, str, str, str] | None = None,
    born_from: int = 1956,
    born_to: int = 2002,
) -> Person:
    county = county or rng.choice(COUNTIES)
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    sex = rng.choice("男女")
    y, m, d = rng.randint(born_from, born_to), rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randint(0, 99) * 10 + (
        rng.choice((1, 3, 5, 7, 9)) if sex == "男" else rng.choice((0, 2, 4, 6, 8))
    )
    first17 = f"{county[3]}{y:04d}{m:02d}{d:02d}{seq:03d}"
    phone = rng.choice(("13", "15", "17", "18", "19")) + "".join(
        str(rng.randint(0, 9)) for _ in range(9)
    )
    address = (
        f"{county[0]}{county[1]}{county[2]}{rng.choice(TOWNS)}{rng.choice(ROADS)}"
        f"{rng.randint(1, 188)}号"
    )
    return Person(name, sex, (y, m, d), first17 + id_check(first17), phone, county, address)


def enterprise(
    rng: random.Random, county: tuple[str, str, str, str], individual: bool = True
) -> tuple[str, str, str]:
    """(name, credit code, business scope)."""
    word, scope = rng.choice(TRADES)
    shop = rng.choice(SHOP_WORDS)
    place = county[2].rstrip("县市")
    if individual:
        name = (
            f"{place}县{shop}{word}经营部"
            if county[2].endswith("县")
            else (f"{place}市{shop}{word}经营部")
        )
        return name, credit_code(rng, county[3], "92"), scope
    name = f"{county[1].rstrip('市')}{shop}{word}有限公司"
    return name, credit_code(rng, county[3], "91"), scope


def date(rng: random.Random, year_from: int = 2024, year_to: int = 2026) -> str:
    return f"{rng.randint(year_from, year_to)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
