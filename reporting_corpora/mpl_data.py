"""The `mpl` corpus's people, enterprises and numbers: word lists of its own, ID numbers
with their GB 11643 check character, unified social credit codes with their GB 32100 (and
embedded GB 11714 organisation code) check characters, mobile phones, dates and amounts."""

from __future__ import annotations

import random
from dataclasses import dataclass


def _pairs(s: str) -> tuple[str, ...]:
    return tuple(s[i : i + 2] for i in range(0, len(s), 2))


# surnames, one character or two; given-name characters
SURNAMES = tuple(
    "邬钟滕蒋葛阎龚符甘殷谭邵熊岑牛卢覃晏柯黎欧庞鲁莫骆苗褚景詹卓祁童裘喻尚温栾麦谷房"
    "聂全芦饶宁蓝农巫"
)
COMPOUND_SURNAMES = ("公孙", "端木", "东方", "闻人", "诸葛", "皇甫", "令狐", "慕容")
GIVEN = tuple(
    "瑾澄朔蔚砚沅岫琛珩翊昀霁暄晗煦岚芮苒菁蕾萱颂韬锴铖骁骞湛淇涵漪沛溪嵘峻崧楠桐樾棠"
    "杉钧钰铭曦旻昶晟雯霖靖竣彦恺悦恬愉慧宸宥安禾稷秋穗芊苓茗荔莘蓁薇"
)

# places: (six-digit administrative code, city, district) — codes of the mpl corpus's own
PLACES = (
    ("330402", "嘉兴市", "南湖区"),
    ("510703", "绵阳市", "涪城区"),
    ("350503", "泉州市", "丰泽区"),
    ("430602", "岳阳市", "岳阳楼区"),
    ("620102", "兰州市", "城关区"),
    ("450305", "桂林市", "七星区"),
    ("411302", "南阳市", "宛城区"),
    ("210202", "大连市", "中山区"),
    ("140105", "太原市", "小店区"),
    ("360702", "赣州市", "章贡区"),
)
PROVINCES = {
    "33": "浙江省",
    "51": "四川省",
    "35": "福建省",
    "43": "湖南省",
    "62": "甘肃省",
    "45": "广西壮族自治区",
    "41": "河南省",
    "21": "辽宁省",
    "14": "山西省",
    "36": "江西省",
}
STREETS = (
    "青莲路",
    "临江大道",
    "望海街",
    "梧桐巷",
    "新华北路",
    "丰收东路",
    "银杏里",
    "学府路",
    "龙泉街",
    "建设西路",
    "松涛路",
    "滨河南路",
)
TRADE_WORDS = _pairs(
    "禾丰鼎盛锦程汇川瑞祥明远泓业德润启航恒达云帆嘉实同舟晨曦翰墨丰年聚源方圆新禾信诚"
    "长青知行若水致远"
)
INDUSTRIES = (
    "科技",
    "餐饮管理",
    "建材",
    "物流",
    "文化传媒",
    "农业开发",
    "电子商务",
    "环保工程",
    "医疗器械",
    "家政服务",
    "建筑装饰",
    "食品贸易",
)
SHOP_KINDS = ("便利店", "经营部", "工作室", "小吃店", "五金店", "理发店", "水果店", "茶叶店")
SCOPES = (
    "预包装食品销售",
    "日用百货零售",
    "五金产品零售",
    "技术服务、技术开发、技术咨询",
    "计算机系统服务",
    "道路货物运输（不含危险货物）",
    "餐饮服务",
    "家用电器维修",
    "建筑材料销售",
    "广告设计、代理",
    "会议及展览服务",
    "农副产品销售",
    "软件开发",
    "办公设备租赁服务",
    "劳务服务（不含劳务派遣）",
)
ETHNIC = ("汉", "壮", "回", "满", "苗", "土家", "彝", "蒙古")
AUTHORITIES = ("市场监督管理局", "公安局", "自然资源和规划局", "人力资源和社会保障局")

_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(body: str) -> str:
    """GB 11643 check character of the first 17 digits."""
    s = sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True))
    return "10X98765432"[s % 11]


def org_check(body: str) -> str:
    """GB 11714 check character of an organisation code's first 8 characters."""
    s = sum(int(c, 36) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    c = 11 - s % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_check(body: str) -> str:
    """GB 32100 check character of a unified social credit code's first 17 characters."""
    s = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(body, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - s % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str
    male: bool
    birth: tuple[int, int, int]
    phone: str
    place: tuple[str, str, str]
    address: str
    ethnic: str


def person_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.08 else rng.choice(SURNAMES)
    n = 1 if len(surname) == 2 or rng.random() < 0.3 else 2
    return surname + "".join(rng.choice(GIVEN) for _ in range(n))


def id_number(rng: random.Random, code: str, birth: tuple[int, int, int], male: bool) -> str:
    seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    body = f"{code}{birth[0]:04d}{birth[1]:02d}{birth[2]:02d}{seq:03d}"
    return body + id_check(body)


def phone(rng: random.Random) -> str:
    prefix = rng.choice(("133", "139", "150", "158", "166", "173", "177", "181", "187", "199"))
    return prefix + "".join(str(rng.randrange(10)) for _ in range(8))


def address(rng: random.Random, place: tuple[str, str, str]) -> str:
    province = PROVINCES[place[0][:2]]
    return f"{province}{place[1]}{place[2]}{rng.choice(STREETS)}{rng.randrange(1, 400)}号" + (
        f"{rng.randrange(1, 30)}幢{rng.randrange(1, 6)}单元{rng.randrange(101, 2803)}室"
    )


def person(rng: random.Random, min_age: int = 20, max_age: int = 68) -> Person:
    place = rng.choice(PLACES)
    male = rng.random() < 0.5
    birth = (2026 - rng.randrange(min_age, max_age), rng.randrange(1, 13), rng.randrange(1, 29))
    return Person(
        person_name(rng),
        id_number(rng, place[0], birth, male),
        male,
        birth,
        phone(rng),
        place,
        address(rng, place),
        rng.choice(ETHNIC) if rng.random() < 0.3 else "汉",
    )


def people(rng: random.Random, n: int) -> list[Person]:
    """`n` people with different names."""
    out: list[Person] = []
    while len(out) < n:
        p = person(rng)
        if all(p.name != q.name for q in out):
            out.append(p)
    return out


def credit_code(rng: random.Random, code: str, kind: str = "91") -> str:
    """A unified social credit code: `kind` 91 a company, 92 an individual business."""
    body8 = "".join(rng.choice(_CREDIT_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    org = body8 + org_check(body8)
    body = kind + code + org
    return body + credit_check(body)


def enterprise(rng: random.Random, city: str) -> str:
    form = rng.choice(("有限公司", "有限责任公司", "股份有限公司", "有限公司"))
    return f"{city[:-1]}{rng.choice(TRADE_WORDS)}{rng.choice(INDUSTRIES)}{form}"


def shop(rng: random.Random, district: str) -> str:
    return f"{district[:-1]}{rng.choice(TRADE_WORDS)}{rng.choice(SHOP_KINDS)}"


def date(rng: random.Random, year: int = 2026) -> tuple[int, int, int]:
    return (year, rng.randrange(1, 13), rng.randrange(1, 29))


def cn_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


def dot_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]}.{d[1]:02d}.{d[2]:02d}"


def amount(value: float) -> str:
    """¥12,500.00"""
    return f"¥{value:,.2f}"


def email(rng: random.Random) -> str:
    user = "".join(rng.choice("abcdefghjkmnprstwxyz") for _ in range(rng.randrange(4, 8)))
    return f"{user}{rng.randrange(10, 99)}@{rng.choice(('163.com', 'qq.com', 'foxmail.com'))}"


def scope(rng: random.Random, n: int) -> str:
    return "；".join(rng.sample(SCOPES, n)) + "。"
