"""The `outline` corpus's people and numbers: mainland names (two and three characters,
some uncommon given-name characters), 18-digit citizen ID numbers with their GB 11643
check digit (ISO 7064 MOD 11-2), unified social credit codes with their GB 32100 check
character (and the GB 11714 one of the organisation code inside), enterprises,
addresses, phones, dates and amounts."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤"
)
DOUBLE_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容")
# uncommon but real given-name characters (all in the faces: the tests check)
RARE_GIVEN = "璟昀彧翀珩婕玥琰晗昶旻祎炜钰瑾琮珏颢骞沅濛翊睿曦"
COMMON_GIVEN = (
    "伟芳娜英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华宇轩浩然涵萱欣怡诺远佳琪俊东燕梅生菊新卫振庆"
    "德珍芝晨阳鑫婷雪琳倩"
)

# (county-level code, province, city, district)
REGIONS = (
    ("320106", "江苏省", "南京市", "鼓楼区"),
    ("330106", "浙江省", "杭州市", "西湖区"),
    ("370202", "山东省", "青岛市", "市南区"),
    ("420106", "湖北省", "武汉市", "武昌区"),
    ("430104", "湖南省", "长沙市", "岳麓区"),
    ("510107", "四川省", "成都市", "武侯区"),
    ("610113", "陕西省", "西安市", "雁塔区"),
    ("350203", "福建省", "厦门市", "思明区"),
    ("410105", "河南省", "郑州市", "金水区"),
    ("450103", "广西壮族自治区", "南宁市", "青秀区"),
    ("530102", "云南省", "昆明市", "五华区"),
    ("220104", "吉林省", "长春市", "朝阳区"),
)
ROADS = (
    "中山路",
    "解放路",
    "人民路",
    "建设大道",
    "长江路",
    "和平街",
    "文化路",
    "新华路",
    "黄河路",
    "光明街",
    "滨江大道",
    "科技路",
    "学府路",
    "东风路",
    "友谊路",
    "民主街",
    "青年路",
)
COMMUNITIES = ("阳光花园", "锦绣家园", "金色港湾", "翠湖苑", "融城小区", "丽景湾", "书香门第")
TRADE_WORDS = ("恒信", "瑞丰", "德润", "鑫源", "嘉禾", "汇通", "博远", "华盛", "泰和", "宏图")
TRADES = (
    ("餐饮管理", "餐饮服务"),
    ("食品", "食品销售"),
    ("商贸", "预包装食品销售"),
    ("科技", "信息技术服务"),
    ("物业服务", "物业管理"),
    ("建筑工程", "建筑施工"),
)
FORMS = ("有限公司", "有限责任公司", "股份有限公司")

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    """GB 11643's check character of an ID number's first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def org_check(first8: str) -> str:
    """GB 11714's check character of an organisation code's first 8 characters."""
    total = sum(
        (int(c) if c.isdigit() else ord(c) - 55) * w
        for c, w in zip(first8, ORG_WEIGHTS, strict=True)
    )
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_check(first17: str) -> str:
    """GB 32100's check character of a unified social credit code's first 17."""
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    sex: str  # 男 / 女
    birth: dt.date
    id_number: str
    phone: str
    address: str
    region: tuple[str, str, str, str]


def person_name(rng: random.Random) -> str:
    if rng.random() < 0.05:
        surname = rng.choice(DOUBLE_SURNAMES)
        return surname + rng.choice(COMMON_GIVEN)
    surname = rng.choice(SURNAMES)
    pool = RARE_GIVEN if rng.random() < 0.3 else COMMON_GIVEN
    if rng.random() < 0.3:
        return surname + rng.choice(pool)
    return surname + rng.choice(COMMON_GIVEN) + rng.choice(pool)


def phone(rng: random.Random) -> str:
    prefix = rng.choice(
        (
            "130",
            "131",
            "135",
            "136",
            "138",
            "139",
            "150",
            "152",
            "158",
            "177",
            "180",
            "186",
            "188",
            "189",
            "199",
        )
    )
    return prefix + "".join(rng.choice("0123456789") for _ in range(8))


def date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days))


def address(rng: random.Random, region: tuple[str, str, str, str]) -> str:
    _, province, city, district = region
    road = rng.choice(ROADS)
    if rng.random() < 0.5:
        return (
            f"{province}{city}{district}{road}{rng.randint(1, 399)}号"
            f"{rng.choice(COMMUNITIES)}{rng.randint(1, 30)}栋{rng.randint(1, 3)}单元"
            f"{rng.randint(1, 32)}{rng.randint(1, 4):02d}室"
        )
    return f"{city}{district}{road}{rng.randint(1, 599)}号"


def person(
    rng: random.Random,
    *,
    sex: str | None = None,
    age: tuple[int, int] = (22, 68),
    today: dt.date = dt.date(2026, 11, 20),
) -> Person:
    sex = sex or rng.choice("男女")
    region = rng.choice(REGIONS)
    birth = date_between(
        rng, today.replace(year=today.year - age[1]), today.replace(year=today.year - age[0])
    )
    seq = rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
    first17 = f"{region[0]}{birth:%Y%m%d}{seq:03d}"
    name = person_name(rng)
    return Person(
        name, sex, birth, first17 + id_check(first17), phone(rng), address(rng, region), region
    )


@dataclass(frozen=True)
class Enterprise:
    name: str
    credit_code: str
    trade: str
    address: str
    region: tuple[str, str, str, str]


def credit_code(rng: random.Random, region: str, kind: str = "91") -> str:
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    org = body + org_check(body)
    first17 = kind + region + org
    return first17 + credit_check(first17)


def enterprise(rng: random.Random, *, food: bool = False) -> Enterprise:
    """An enterprise; a `food` one trades in food (a food business licence's holder)."""
    region = rng.choice(REGIONS)
    word = rng.choice(TRADE_WORDS) + rng.choice(TRADE_WORDS)
    if word[:2] == word[2:]:
        word = word[:2]
    trade, business = rng.choice(TRADES[:3] if food else TRADES)
    name = f"{region[2]}{word}{trade}{rng.choice(FORMS)}"
    return Enterprise(name, credit_code(rng, region[0]), business, address(rng, region), region)


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def amount(rng: random.Random, low: float, high: float) -> str:
    return f"{rng.uniform(low, high):.2f}"
