"""People, enterprises and numbers for the `pango` corpus, drawn from the seed: names,
resident ID numbers (GB 11643 check character), unified social credit codes (GB 32100,
with the GB 11714 organisation-code check inside), phones, dates, amounts, addresses.
Its own lists and code, shared with no other corpus."""

from __future__ import annotations

import random
from dataclasses import dataclass

SURNAMES = (
    "钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜谢邹喻柏窦章"
    "苏潘葛范彭鲁韦马苗方俞任袁柳鲍史唐费岑薛雷贺倪汤殷罗毕郝邬安常乐于傅齐康伍余顾孟黄"
)
GIVEN = (
    "嘉怡宇轩梓涵浩然思远若曦俊杰雨桐晨阳子墨一诺欣妍明哲文博佳琪志强丽娟建国秀英海燕"
    "国华春梅永红德胜慧敏晓东立新亚楠"
)
# (region code, city for addresses and offices)
REGIONS = (
    ("330106", "杭州市", "西湖区"),
    ("320508", "苏州市", "姑苏区"),
    ("440305", "深圳市", "南山区"),
    ("510107", "成都市", "武侯区"),
    ("420106", "武汉市", "武昌区"),
    ("370202", "青岛市", "市南区"),
    ("350102", "福州市", "鼓楼区"),
    ("610113", "西安市", "雁塔区"),
)
PROVINCE = {
    "33": "浙江省",
    "32": "江苏省",
    "44": "广东省",
    "51": "四川省",
    "42": "湖北省",
    "37": "山东省",
    "35": "福建省",
    "61": "陕西省",
}
TRADE_WORDS = (
    "澄川",
    "禾丰",
    "启明",
    "瀚海",
    "青檀",
    "远帆",
    "合璟",
    "森泰",
    "朗越",
    "知行",
    "鼎信",
    "沐阳",
    "云栖",
    "和煦",
    "星垣",
    "拓岭",
)
INDUSTRIES = (
    ("信息技术", "软件开发；信息系统集成服务；信息技术咨询服务；数据处理和存储支持服务"),
    ("餐饮管理", "餐饮服务；食品销售（仅销售预包装食品）；餐饮管理；外卖递送服务"),
    ("建筑装饰工程", "住宅室内装饰装修；建筑装饰材料销售；五金产品零售；园林绿化工程施工"),
    ("商贸", "日用百货销售；服装服饰零售；电子产品销售；货物进出口；技术进出口"),
    ("物流", "普通货物仓储服务（不含危险化学品等需许可审批的项目）；国内货物运输代理；装卸搬运"),
    ("文化传媒", "组织文化艺术交流活动；广告设计、代理；广告制作；会议及展览服务"),
    ("医疗器械", "第一类医疗器械销售；第二类医疗器械销售；卫生用品和一次性使用医疗用品销售"),
)
STREETS = (
    "文三路",
    "学院路",
    "人民路",
    "科技园中路",
    "中山北路",
    "长江东路",
    "解放大道",
    "香港中路",
)
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def id_check(first17: str) -> str:
    """GB 11643 check character of the first 17 digits."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    return "10X98765432"[total % 11]


def org_check(first8: str) -> str:
    """GB 11714 check character of an 8-character organisation code."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(
        (int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(first8, weights, strict=True)
    )
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_check(first17: str) -> str:
    """GB 32100 check character of the first 17 characters of a credit code."""
    total = sum(CREDIT_CHARS.index(c) * (3**i % 31) for i, c in enumerate(first17))
    return CREDIT_CHARS[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str
    phone: str
    region: tuple[str, str, str]


@dataclass(frozen=True)
class Enterprise:
    name: str
    short: str
    credit_code: str
    kind: str
    scope: str
    capital_wan: int
    founded: tuple[int, int, int]
    address: str
    region: tuple[str, str, str]


def person(rng: random.Random, taken: set[str] | None = None) -> Person:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2, 2))))
        if taken is None or name not in taken:
            break
    if taken is not None:
        taken.add(name)
    region = rng.choice(REGIONS)
    birth = f"{rng.randint(1962, 2002)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first17 = region[0] + birth + f"{rng.randint(0, 999):03d}"
    phone = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    return Person(name, first17 + id_check(first17), phone, region)


def enterprise(rng: random.Random, kind: str = "有限责任公司（自然人投资或控股）") -> Enterprise:
    region = rng.choice(REGIONS)
    word = rng.choice(TRADE_WORDS)
    industry, scope = rng.choice(INDUSTRIES)
    name = f"{region[1][:-1]}{word}{industry}有限公司"
    org8 = "".join(rng.choice(ORG_CHARS[:10] if i < 2 else ORG_CHARS) for i in range(8))
    first17 = "91" + region[0] + org8 + org_check(org8)
    code = first17 + credit_check(first17)
    street = rng.choice(STREETS)
    address = (
        f"{PROVINCE[region[0][:2]]}{region[1]}{region[2]}{street}{rng.randint(1, 399)}号"
        f"{rng.randint(2, 28)}层{rng.randint(1, 30):02d}室"
    )
    founded = (rng.randint(2012, 2026), rng.randint(1, 12), rng.randint(1, 28))
    return Enterprise(
        name,
        word,
        code,
        kind,
        scope,
        rng.choice((10, 50, 100, 200, 500, 1000)),
        founded,
        address,
        region,
    )


def cn_date(y: int, m: int, d: int) -> str:
    return f"{y}年{m:02d}月{d:02d}日"


def recent_date(rng: random.Random) -> tuple[int, int, int]:
    return (2026, rng.randint(1, 11), rng.randint(1, 28))


def amount(value: float) -> str:
    """An amount as printed: thousands separated, two decimals."""
    return f"{value:,.2f}"
