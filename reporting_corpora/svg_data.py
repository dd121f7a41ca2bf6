"""People, enterprises, places and numbers of the `svg` corpus (its own lists and its own
check-character code: GB 11643 for 18-digit ID numbers, GB 32100 for unified social
credit codes). Every draw takes the page's random.Random, so a page is fixed by its seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

# surnames and given-name characters of this corpus alone (every one in SetoFont, the face
# entries by hand are written in, and in Noto Serif CJK SC)
SURNAMES = (
    "滕",
    "裴",
    "柏",
    "甄",
    "窦",
    "翟",
    "庞",
    "聂",
    "祁",
    "栾",
    "卞",
    "晏",
    "阮",
    "喻",
    "苗",
    "蒲",
    "屈",
    "凌",
    "池",
    "覃",
    "乔",
    "戚",
    "詹",
    "蓝",
    "欧阳",
    "上官",
)
GIVEN = (
    "沛",
    "岚",
    "湛",
    "珏",
    "蕾",
    "昶",
    "琪",
    "砚",
    "澜",
    "翊",
    "芮",
    "筠",
    "逸",
    "璇",
    "蔚",
    "朔",
    "晗",
    "溪",
    "樾",
    "岩",
    "缇",
    "榕",
    "纾",
    "淼",
    "昭",
    "楷",
    "媛",
    "煦",
    "棠",
    "渝",
    "曦",
    "舟",
    "琅",
    "沅",
    "屹",
)
# county-level division codes (6 digits) with the district they name on the page
DIVISIONS = (
    ("320411", "常州市新北区"),
    ("350503", "泉州市丰泽区"),
    ("430202", "株洲市荷塘区"),
    ("510107", "成都市武侯区"),
    ("370202", "青岛市市南区"),
    ("610113", "西安市雁塔区"),
    ("420106", "武汉市武昌区"),
    ("450103", "南宁市青秀区"),
)
STREETS = (
    "石榴路",
    "滨江东路",
    "梧桐巷",
    "望湖大道",
    "杉林街",
    "翠屏路",
    "云栖路",
    "泉山北街",
    "松涛路",
    "柳岸街",
)
BUILDINGS = ("汇鑫大厦", "创业园", "科技楼", "商务中心", "明珠广场", "星海苑")
ROOTS = (
    "澄怀",
    "翊川",
    "岚溪",
    "樾丰",
    "和煦",
    "沅芷",
    "朔方",
    "屹峰",
    "棠邑",
    "榕泽",
    "汀兰",
    "砚田",
)
TRADES = (
    ("环保科技", "环保技术开发、技术咨询；环境保护专用设备销售；水污染治理"),
    ("食品", "食品销售；农副产品销售；日用百货销售；互联网销售"),
    ("建筑劳务", "建筑劳务分包；施工专业作业；园林绿化工程施工"),
    ("文化传媒", "组织文化艺术交流活动；广告设计、代理；会议及展览服务"),
    ("物流", "普通货物仓储服务；国内货物运输代理；装卸搬运"),
    ("信息技术", "软件开发；信息系统集成服务；数据处理和存储支持服务"),
    ("酒店管理", "酒店管理；餐饮服务；住宿服务；会议及展览服务"),
)
FORMS = ("有限公司", "股份有限公司", "实业有限公司")
KINDS = ("有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）", "股份有限公司（非上市）")
MOBILE_HEADS = ("133", "149", "153", "166", "177", "180", "191", "198")

ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
ID_CHECKS = "10X98765432"
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def id_check(first17: str) -> str:
    """GB 11643 check character: ISO 7064 MOD 11-2 over the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECKS[total % 11]


def credit_check(first17: str) -> str:
    """GB 32100 check character: weights 3^i mod 31 over the 31-character alphabet."""
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    id_number: str
    phone: str
    born: tuple[int, int, int]


@dataclass(frozen=True)
class Enterprise:
    name: str
    credit_code: str
    kind: str
    scope: str
    capital: int  # ten thousand yuan
    founded: tuple[int, int, int]
    address: str


def person(rng: random.Random, taken: set[str] | None = None) -> Person:
    taken = set() if taken is None else taken
    while True:
        surname = rng.choice(SURNAMES)
        given = "".join(rng.sample(GIVEN, rng.choice((1, 2, 2)) if len(surname) == 1 else 1))
        name = surname + given
        if name not in taken:
            taken.add(name)
            break
    year, month, day = rng.randint(1958, 2003), rng.randint(1, 12), rng.randint(1, 28)
    sex = rng.choice("男女")
    seq = rng.randrange(0, 100) * 10 + rng.choice(
        (1, 3, 5, 7, 9) if sex == "男" else (0, 2, 4, 6, 8)
    )
    first17 = f"{rng.choice(DIVISIONS)[0]}{year:04d}{month:02d}{day:02d}{seq:03d}"
    phone = rng.choice(MOBILE_HEADS) + "".join(str(rng.randrange(10)) for _ in range(8))
    return Person(name, sex, first17 + id_check(first17), phone, (year, month, day))


def credit_code(rng: random.Random, division: str) -> str:
    body = "".join(rng.choice(CREDIT_ALPHABET[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    first17 = "91" + division + body
    return first17 + credit_check(first17)


def address(rng: random.Random) -> tuple[str, str]:
    """(division code, address on the page)."""
    code, district = rng.choice(DIVISIONS)
    where = (
        f"{district}{rng.choice(STREETS)}{rng.randint(3, 288)}号"
        f"{rng.choice(BUILDINGS)}{rng.randint(2, 21)}层{rng.randint(1, 30):02d}室"
    )
    return code, where


def enterprise(rng: random.Random) -> Enterprise:
    code, where = address(rng)
    city = where[: where.index("市")]
    trade, scope = rng.choice(TRADES)
    name = f"{city}{rng.choice(ROOTS)}{trade}{rng.choice(FORMS)}"
    founded = (rng.randint(2009, 2025), rng.randint(1, 12), rng.randint(1, 28))
    capital = rng.choice((50, 100, 200, 300, 500, 800, 1000))
    return Enterprise(
        name, credit_code(rng, code), rng.choice(KINDS), scope, capital, founded, where
    )


def day(rng: random.Random) -> tuple[int, int, int]:
    return (2026, rng.randint(1, 11), rng.randint(1, 28))


def ymd(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"
