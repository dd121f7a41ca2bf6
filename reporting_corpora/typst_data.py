"""People, businesses, places, dates and numbers of the `typst` reporting corpus, drawn
from a `random.Random`; its own lists and its own check-character code (GB 11643 for
resident ID numbers, GB 32100 with GB 11714 for unified social credit codes), sharing
nothing with the other corpora."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# county-level divisions: (code, the address up to the district)
AREAS = (
    ("330106", "浙江省杭州市西湖区"),
    ("320508", "江苏省苏州市姑苏区"),
    ("440305", "广东省深圳市南山区"),
    ("510107", "四川省成都市武侯区"),
    ("420106", "湖北省武汉市武昌区"),
    ("370202", "山东省青岛市市南区"),
    ("610113", "陕西省西安市雁塔区"),
    ("350203", "福建省厦门市思明区"),
    ("430104", "湖南省长沙市岳麓区"),
    ("210202", "辽宁省大连市中山区"),
    ("340104", "安徽省合肥市蜀山区"),
    ("500103", "重庆市渝中区"),
    ("450103", "广西壮族自治区南宁市青秀区"),
    ("620102", "甘肃省兰州市城关区"),
)
SURNAMES = _words(
    "贺 邵 聂 阎 褚 甘 祁 柯 滕 钮 鲍 岑 卜 牛 喻 "
    "晏 季 凌 蓝 巫 骆 艾 裘 缪 饶 翁 鞠 戚 欧阳 "
    "司徒 上官 宇文"
)
GIVEN = _words(
    "沐 晗 钰 昕 珂 湛 霁 淼 韬 珏 屹 岚 翊 彧 芮 "
    "璟 朔 筠 骞 澍 棠 曦 砚 邈 蔚 歆 瀚 珩 若 初 "
    "知 予 景 修 安 言 清 远 之 宁 明 和"
)
TRADE_NAMES = _words(
    "澄川 禾映 栖梧 岱青 砺行 朗泽 霁川 辰溪 蕴石 拓岚 "
    "衡舟 汇澜 稷丰 鸣泉 枫屿 渡远 植森 璞玉 晴岸 启垣"
)
INDUSTRIES = (
    ("信息技术", "软件开发；信息系统集成服务；数据处理和存储支持服务；信息技术咨询服务"),
    ("餐饮管理", "餐饮服务；食品销售；餐饮管理；外卖递送服务；日用百货销售"),
    ("建筑装饰工程", "住宅室内装饰装修；建设工程施工；建筑材料销售；五金产品零售"),
    ("供应链管理", "供应链管理服务；国内货物运输代理；普通货物仓储服务；装卸搬运"),
    ("文化传播", "组织文化艺术交流活动；广告设计、代理；会议及展览服务；摄影扩印服务"),
    ("生态农业", "蔬菜种植；水果种植；农产品的生产、销售、加工、运输、贮藏及其他相关服务"),
    ("医疗器械", "第一类医疗器械销售；第二类医疗器械销售；卫生用品和一次性使用医疗用品销售"),
    ("环保科技", "环境保护专用设备销售；固体废物治理；污水处理及其再生利用；技术服务"),
)
FORMS = ("有限公司", "有限责任公司", "股份有限公司")
ROADS = _words(
    "文澜路 梧桐巷 望江东路 青石街 星湖大道 锦绣路 明月桥路 翠柳街 长庚路 云栖大道 金沙南路 桂香巷"
)
# GB 32100 characters: digits and capitals without I, O, Z, S, V
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    """GB 11643 check character of the first 17 digits of a resident ID number."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    return "10X98765432"[total % 11]


def org_check(first8: str) -> str:
    """GB 11714 check character of an organisation code's first 8 characters."""
    total = sum(int(c, 36) * w for c, w in zip(first8, ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def credit_check(first17: str) -> str:
    """GB 32100 check character of a unified social credit code's first 17 characters."""
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CODE_CHARS[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    born: date
    id_number: str
    address: str
    phone: str


@dataclass(frozen=True)
class Business:
    name: str
    credit_code: str
    form: str
    industry: str
    scope: str
    address: str
    capital: int  # 万元
    founded: date


def person_name(rng: random.Random) -> str:
    given = "".join(rng.sample(GIVEN, rng.choice((1, 2, 2))))
    return rng.choice(SURNAMES) + given


def address(rng: random.Random, area: str | None = None) -> str:
    area = area or rng.choice(AREAS)[1]
    tail = rng.choice(("", f"{rng.randint(1, 18)}幢", f"{rng.randint(1, 9)}单元"))
    return f"{area}{rng.choice(ROADS)}{rng.randint(1, 399)}号{tail}{rng.randint(101, 2808)}室"


def phone(rng: random.Random) -> str:
    return rng.choice(("13", "15", "17", "18", "19")) + "".join(
        rng.choice("0123456789") for _ in range(9)
    )


def person(rng: random.Random, taken: set[str] | None = None) -> Person:
    """A resident of one of AREAS, aged 20 to 70 in 2026; a name not in `taken`."""
    taken = taken if taken is not None else set()
    name = person_name(rng)
    while name in taken:
        name = person_name(rng)
    taken.add(name)
    code, area = rng.choice(AREAS)
    born = date(1956, 1, 1) + timedelta(days=rng.randint(0, 50 * 365))
    seq = rng.randint(1, 999)
    sex = "男" if seq % 2 else "女"
    first17 = f"{code}{born:%Y%m%d}{seq:03d}"
    return Person(name, sex, born, first17 + id_check(first17), address(rng, area), phone(rng))


def credit_code(rng: random.Random, area: str, category: str = "1") -> str:
    body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = f"9{category}{area}{body}{org_check(body)}"
    return first17 + credit_check(first17)


def business(rng: random.Random, taken: set[str] | None = None) -> Business:
    taken = taken if taken is not None else set()
    code, area = rng.choice(AREAS)
    city = area.split("省")[-1].split("区")[0].split("市")[0]
    if "自治区" in area:
        city = area.split("自治区")[1].split("市")[0]
    industry, scope = rng.choice(INDUSTRIES)
    form = rng.choice(FORMS)
    name = f"{city}{rng.choice(TRADE_NAMES)}{industry}{form}"
    while name in taken:
        name = f"{city}{rng.choice(TRADE_NAMES)}{industry}{form}"
    taken.add(name)
    founded = date(2008, 1, 1) + timedelta(days=rng.randint(0, 17 * 365))
    return Business(
        name,
        credit_code(rng, code),
        form,
        industry,
        scope,
        address(rng, area),
        rng.choice((50, 100, 200, 300, 500, 800, 1000, 3000)),
        founded,
    )


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def recent(rng: random.Random) -> date:
    """A day in the second half of 2026."""
    return date(2026, 6, 1) + timedelta(days=rng.randint(0, 180))
