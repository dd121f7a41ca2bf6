"""People, units and numbers of the `mupdf` reporting corpus: its own uncommon surnames and
given names, counties with area codes, enterprise words, and its own check-character code
for 18-digit resident ID numbers (GB 11643) and 18-character unified social credit codes
(GB 32100, with the GB 11714 organisation code inside)."""

from __future__ import annotations

import random
from dataclasses import dataclass


def _words(s: str) -> tuple[str, ...]:
    return tuple(s.split())


# (the hand face, LXGW Marker Gothic, lacks 厍峤潋缑谯郦钭钺镡韫颀: none is used)
# uncommon surnames, and given-name characters seldom seen in lists of common names
SURNAMES = _words(
    "亓官 笪 隗 璩 禤 蒯 阚 鄢 殳 漆 郗 佟 訾 逯 牟 郜 邴 宓 昝 "
    "闵 靳 扈 覃 栾 荀 邝 闫 蔺 仝 芮 檀 戈 糜 濮 麴 竺 羿 詹台 "
    "仉 甘 巫马 司寇 麦 粟 冶 酆 荆 鞠 "
)
GIVEN = _words(
    "翀 沅 蓁 彧 湛 珣 砚 朔 祎 骞 栩 瑀 昶 霁 岚 樾 湉 珂 晗 琮 "
    "筠 璟 苒 翦 铮 晁 澍 霈 棠 汐 鸢 琬 燚 赟 泓 濯 珏 杭 柘 菀 "
    "旻 昀 曦 桉 芃 芷 隽 湄 洹 稷 笙 葳 荞 砺 黛 泠 暄 璞 琤 骁 "
    "沂 溥 嵘 澄 忱 渥 舸 驿 晏 岫 莘 滢 皙 粲 "
)
# counties of the corpus's own choosing with their six-digit area codes
COUNTIES = (
    ("513325", "四川省", "雅江县", "河口镇"),
    ("622926", "甘肃省", "东乡族自治县", "锁南镇"),
    ("433127", "湖南省", "永顺县", "灵溪镇"),
    ("532931", "云南省", "剑川县", "金华镇"),
    ("451031", "广西壮族自治区", "隆林各族自治县", "新州镇"),
    ("360732", "江西省", "兴国县", "埠头乡"),
    ("140929", "山西省", "岢岚县", "岚漪镇"),
    ("150823", "内蒙古自治区", "乌拉特前旗", "乌拉山镇"),
    ("230229", "黑龙江省", "克山县", "克山镇"),
    ("341823", "安徽省", "泾县", "泾川镇"),
    ("350825", "福建省", "连城县", "莲峰镇"),
    ("410927", "河南省", "台前县", "城关镇"),
)
STREETS = _words(
    "瓦窑坡 青苔巷 驿马路 石碾街 桐油坊 晒谷场 鸭塘湾 磨盘岭 枫杨路 铁匠巷 盐井街 窑背路 "
)
TRADES = (
    ("竹编", "竹木制品加工、销售"),
    ("山茶油", "食用植物油加工、销售"),
    ("冷链", "道路货物运输、仓储服务"),
    ("苗绣", "民族工艺品制作、销售"),
    ("菌菇", "食用菌种植、收购、销售"),
    ("砂石", "建筑用砂石开采、销售"),
    ("蜂业", "蜂产品收购、销售"),
    ("农机", "农业机械维修、租赁"),
    ("米粉", "米粉制品生产、销售"),
    ("纸扎", "传统手工纸制品制作、销售"),
)
BRAND = _words("禾岫 青芃 栎川 云杪 砚溪 棠樾 苔岭 泠泉 驿禾 稷丰 沂蒙 溥源 嵘石 燚泰 蓁林 ")
# GB 11643: weights 2^(17-i) mod 11, check characters by the remainder
_ID_CHECK = "10X98765432"
# GB 32100: 31 characters (no I, O, S, V, Z), weights 3^i mod 31
_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = tuple(pow(3, i, 31) for i in range(17))
# GB 11714: organisation code, 8 characters and a check character
_ORG_W = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(body: str) -> str:
    return _ID_CHECK[sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body)) % 11]


def org_check(body: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(body, _ORG_W, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_check(body: str) -> str:
    total = sum(_USCC.index(c) * w for c, w in zip(body, _USCC_W, strict=True))
    return _USCC[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    born: tuple[int, int, int]
    id_number: str
    phone: str
    county: tuple[str, str, str, str]
    address: str


@dataclass(frozen=True)
class Unit:
    name: str
    short: str
    credit_code: str
    trade: str
    address: str
    county: tuple[str, str, str, str]


def person(rng: random.Random, young: int = 1958, old: int = 2004) -> Person:
    county = rng.choice(COUNTIES)
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2, 2))))
    y, m, d = rng.randint(young, old), rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randint(0, 999)
    sex = "男" if seq % 2 else "女"
    body = f"{county[0]}{y:04d}{m:02d}{d:02d}{seq:03d}"
    phone = rng.choice(("135", "139", "150", "166", "173", "181", "187", "199")) + "".join(
        rng.choice("0123456789") for _ in range(8)
    )
    address = f"{county[1]}{county[2]}{county[3]}{rng.choice(STREETS)}{rng.randint(2, 188)}号"
    return Person(name, sex, (y, m, d), body + id_check(body), phone, county, address)


def unit(
    rng: random.Random, kind: str = "有限公司", org_type: str = "1", trade_word: bool = True
) -> Unit:
    county = rng.choice(COUNTIES)
    word, trade = rng.choice(TRADES)
    word = word if trade_word else ""
    brand = rng.choice(BRAND)
    place = county[2].removesuffix("县").removesuffix("各族自治").removesuffix("族自治")
    name = f"{place}{brand}{word}{kind}"
    letters = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    org = "".join(rng.choice(letters) for _ in range(8))
    body = f"9{org_type}{county[0]}{org}{org_check(org)}"
    address = f"{county[1]}{county[2]}{county[3]}{rng.choice(STREETS)}{rng.randint(2, 99)}号"
    return Unit(name, brand + word, body + credit_check(body), trade, address, county)


def date_cn(rng: random.Random, year: int = 2026) -> str:
    return f"{year}年{rng.randint(1, 11)}月{rng.randint(1, 28)}日"
