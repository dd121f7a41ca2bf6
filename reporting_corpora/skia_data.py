"""People, enterprises, places and numbers of the `skia` corpus, its own lists.

Entries on these pages are filled in with VL Gothic and IPAex Mincho, Japanese faces:
every name, place and trade word here is made only of characters both faces carry (the
build checks each one against the face's cmap), so the people come from surnames and
given-name characters shared by simplified Chinese and Japanese print, and the places are
in Hubei with names those faces can set."""

from __future__ import annotations

import random
from dataclasses import dataclass

SURNAMES = (
    "王李黄周徐朱胡郭林何高梁宋唐曹曾程蔡彭潘袁董余叶魏蒋田杜丁沈姜范江傅汪戴崔任廖姚"
    "方金邱夏石熊孟秦薛侯雷白段郝孔邵史毛常武康尹施牛洪陶黎温莫易樊文安殷庄章倪邢翟"
    "向葛柴伍柳祝尚耿左季管符辛苗詹曲靳祁路涂甘裴梅童翁霍游阮舒柯滕谷岳卜成凌盛冉包"
    "屈房解蒲吉党司席晏隋穆景米麦柏瞿艾沙桂郁卓褚戚全甄郎池岑商臧卞虞冷匡栗楚封燕桑"
)
GIVEN = (
    "芳娜秀英敏静磊洋勇杰娟涛明超霞平桂玉萍玲芬燕彬建国志斌宇浩健俊帆旭宁林欣怡佳雨晨"
    "思涵博文雅琳瑞梓嘉睿海波春梅秋菊冬雪德福寿喜富祥和安康永清正信礼智仁忠善美真慧巧"
    "云霄峰晴露霖雷震江河山川岩松柏竹荷桃杏"
)
# Hubei: (city, district, region code of 6 digits, streets)
PLACES = (
    ("宜昌市", "西陵区", "420502", ("夷陵大道", "沿江大道", "云集路", "珍珠路", "解放路")),
    ("宜昌市", "夷陵区", "420506", ("桔城路", "夷陵大道", "中南路", "学院街")),
    ("黄石市", "西塞山区", "420203", ("黄石大道", "八泉街", "沿湖路", "湖心路")),
    ("孝感市", "孝南区", "420902", ("文化路", "北京路", "城站路", "乾坤大道")),
    ("咸宁市", "咸安区", "421202", ("温泉路", "金桂路", "永安大道", "青山路")),
    ("随州市", "曾都区", "421303", ("烈山大道", "解放路", "沿河大道", "季梁大道")),
    ("十堰市", "茅箭区", "420302", ("北京北路", "人民北路", "朝阳中路", "五堰街")),
    ("恩施市", "六角亭", "422801", ("施州大道", "航空大道", "金桂大道", "清江路")),
)
BRANDS = (
    "恒信",
    "泰和",
    "金石",
    "永安",
    "嘉禾",
    "明德",
    "福瑞",
    "博雅",
    "青松",
    "云海",
    "晴川",
    "丰年",
    "春雨",
    "山川",
    "大江",
    "江城",
    "楚天",
    "金山",
    "宏泰",
    "信和",
    "德信",
    "万福",
    "千山",
    "百合",
    "金桂",
    "玉泉",
    "清江",
    "百川",
    "巴山",
    "三峡",
)
TRADES = (
    "食品",
    "建材",
    "印刷",
    "物流",
    "科技",
    "信息",
    "包装",
    "家具",
    "水果",
    "五金",
    "塑料制品",
    "茶叶",
    "粮油",
    "旅行社",
    "酒店管理",
    "花卉",
    "广告",
    "服装",
)
FORMS = ("有限公司", "有限公司", "有限公司", "股份有限公司", "商行", "工作室")
TYPES = ("有限责任公司（自然人投资或控股）", "股份有限公司（非上市）", "个人独资企业", "合伙企业")

_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK = "10X98765432"
# GB 32100: 31 code characters (no I, O, S, V, Z); weights 3^i mod 31
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def id_check(first17: str) -> str:
    """The 18th character of a resident ID number (GB 11643, ISO 7064 MOD 11-2)."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError(first17)
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def credit_check(first17: str) -> str:
    """The 18th character of a unified social credit code (GB 32100, MOD 31)."""
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(first17, _CODE_WEIGHTS, strict=True))
    return _CODE_CHARS[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str
    phone: str
    address: str
    sex: str


@dataclass(frozen=True)
class Enterprise:
    name: str
    code: str
    kind: str
    address: str
    capital: str  # 万元
    founded: str
    scope: str


def person(
    rng: random.Random,
    place: tuple[str, str, str, tuple[str, ...]] | None = None,
    sex: str | None = None,
    year: int | None = None,
    surname: str | None = None,
) -> Person:
    """A person of `place` (any), `sex` 男 or 女 (any), born in `year` (1958-2003)."""
    city, district, region, streets = place or rng.choice(PLACES)
    name = (surname or rng.choice(SURNAMES)) + "".join(
        rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2)))
    )
    year = min(year or rng.randint(1958, 2003), 2012)
    born = f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    order = rng.randint(0, 499) * 2 + (rng.randint(0, 1) if sex is None else sex == "男")
    sex = "男" if order % 2 else "女"
    first17 = f"{region}{born}{order:03d}"
    phone = rng.choice(("133", "139", "150", "158", "177", "180", "186", "199")) + "".join(
        str(rng.randint(0, 9)) for _ in range(8)
    )
    address = f"湖北省{city}{district}{rng.choice(streets)}{rng.randint(1, 299)}号"
    return Person(name, first17 + id_check(first17), phone, address, sex)


def credit_code(rng: random.Random, region: str) -> str:
    kind = rng.choice(("91", "91", "91", "92", "93"))
    body = "".join(rng.choice(_CODE_CHARS) for _ in range(9))
    first17 = kind + region + body
    return first17 + credit_check(first17)


def enterprise(rng: random.Random) -> Enterprise:
    place = rng.choice(PLACES)
    city, district, region, streets = place
    trade = rng.choice(TRADES)
    name = f"{city[:-1]}{rng.choice(BRANDS)}{trade}{rng.choice(FORMS)}"
    address = (
        f"湖北省{city}{district}{rng.choice(streets)}{rng.randint(1, 399)}号"
        f"{rng.randint(1, 18)}楼{rng.randint(1, 12)}0{rng.randint(1, 9)}室"
    )
    capital = str(rng.choice((10, 30, 50, 100, 200, 300, 500, 1000, 1200)))
    founded = date(rng, 2008, 2025)
    scope = (
        f"{trade}相关产品的生产、加工与销售；技术开发、技术咨询；"
        "货物进出口（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
    )
    return Enterprise(
        name, credit_code(rng, region), rng.choice(TYPES), address, capital, founded, scope
    )


def date(rng: random.Random, first: int = 2024, last: int = 2026) -> str:
    return f"{rng.randint(first, last)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def place(rng: random.Random) -> tuple[str, str, str, tuple[str, ...]]:
    return rng.choice(PLACES)
