"""People, companies and places of the reporting corpora, with valid check characters.

Independent of `sample_scans.applicant`: other regions (赤峰, 呼和浩特, 鄂尔多斯, 通辽), other
surnames and given names (including characters such as 旻, 翀 and 赟), companies rather than
only 个体工商户. GB 11643 and GB 32100 check characters are computed here from the standards.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_REGIONS = (
    ("150402", "赤峰市", "内蒙古自治区赤峰市红山区", ("哈达街", "昭乌达路", "钢铁街", "新华路")),
    ("150105", "呼和浩特市", "内蒙古自治区呼和浩特市赛罕区", ("大学东街", "鄂尔多斯大街")),
    ("150602", "鄂尔多斯市", "内蒙古自治区鄂尔多斯市东胜区", ("伊煤路", "鄂托克西街")),
    ("150502", "通辽市", "内蒙古自治区通辽市科尔沁区", ("建国路", "霍林河大街", "永清大街")),
)
_SURNAMES = (
    "刘陈杨黄周吴徐孙胡朱林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
    "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
)
_GIVEN = (
    "旻",
    "翀",
    "赟",
    "子涵",
    "浩然",
    "雨桐",
    "思远",
    "一鸣",
    "婧",
    "晗",
    "梓萱",
    "泽宇",
    "欣怡",
    "宇航",
    "嘉懿",
    "昊天",
    "若曦",
    "俊杰",
    "瑾",
    "煜",
    "诗琪",
    "明轩",
    "佳琪",
    "天佑",
)
_MONGOL = ("斯琴高娃", "敖登格日乐", "巴雅尔", "乌力吉", "哈斯", "达来", "图门", "萨日朗")
_BRANDS = ("鼎泰", "恒信", "瑞丰", "北辰", "华信", "金穗", "远航", "嘉禾", "聚力", "蓝海", "沃土")
_TRADES = (
    ("商贸有限公司", "日用百货、五金产品、建筑材料销售；货物进出口"),
    ("餐饮管理有限公司", "餐饮服务；食品销售；餐饮管理"),
    ("物流有限公司", "道路货物运输（不含危险货物）；仓储服务；装卸搬运"),
    ("信息技术有限公司", "软件开发；信息系统集成服务；数据处理和存储支持服务"),
    ("农牧业发展有限公司", "牲畜饲养；草种植；农产品的生产、销售、加工、运输、贮藏"),
)


def id_check(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def credit_check(first17: str) -> str:
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    city: str
    sex: str
    birth: date
    id_number: str
    address: str
    phone: str


@dataclass(frozen=True)
class Company:
    name: str
    city: str
    credit_code: str
    address: str
    scope: str
    capital: int  # 万元
    founded: date


def person(rng: random.Random) -> Person:
    code, city, place, streets = rng.choice(_REGIONS)
    sex = rng.choice("男女")
    mongol = rng.random() < 0.2
    name = rng.choice(_MONGOL) if mongol else rng.choice(_SURNAMES) + rng.choice(_GIVEN)
    birth = date(1960, 1, 1) + timedelta(days=rng.randrange(40 * 365))
    seq = rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
    first17 = f"{code}{birth:%Y%m%d}{seq:03d}"
    return Person(
        name=name,
        city=city,
        sex=sex,
        birth=birth,
        id_number=first17 + id_check(first17),
        address=f"{place}{rng.choice(streets)}{rng.randint(1, 300)}号{rng.randint(1, 30)}栋"
        f"{rng.randint(1, 6)}单元{rng.randint(101, 2402)}室",
        phone=f"1{rng.choice('35789')}{rng.randrange(10**9):09d}",
    )


def company(rng: random.Random) -> Company:
    code, city, place, streets = rng.choice(_REGIONS)
    trade, scope = rng.choice(_TRADES)
    org = "MA" + "".join(rng.choice(_CREDIT_CHARS) for _ in range(7))
    first17 = f"91{code}{org}"
    return Company(
        name=f"{city}{rng.choice(_BRANDS)}{trade}",
        city=city,
        credit_code=first17 + credit_check(first17),
        address=f"{place}{rng.choice(streets)}{rng.randint(1, 300)}号"
        f"{rng.choice(('写字楼', '商务大厦', '综合楼'))}{rng.randint(2, 18)}层",
        scope=scope,
        capital=rng.choice((50, 100, 200, 300, 500, 1000)),
        founded=date(2015, 1, 1) + timedelta(days=rng.randrange(10 * 365)),
    )


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
