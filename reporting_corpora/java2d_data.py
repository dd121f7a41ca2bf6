"""People, enterprises, places and numbers of the `java2d` corpus, its own (no code shared
with the other corpora): names with compound surnames and rarer given names, enterprises,
addresses, mobile numbers, and its own check characters of the 18-digit resident ID number
(GB 11643) and of the 18-character unified social credit code (GB 32100, with the
organisation code's own check character, GB 11714)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

SURNAMES_COMPOUND = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
    "宇文", "长孙", "夏侯", "端木", "澹台", "西门", "南宫", "闻人", "呼延", "百里",
)  # fmt: skip
SURNAMES = (
    "钮", "阚", "禚", "訾", "郗", "芮", "靳", "滕", "晏", "暴", "隗", "冼", "覃", "邝", "缪",
    "柏", "蓟", "佘", "宓", "祁", "谯", "鄂", "郦", "阎", "裘", "甄", "戚", "廉", "聂", "房",
    "卞", "谌", "苟", "扈", "笪", "栾", "过", "逄", "凃", "於",
)  # fmt: skip
GIVEN = (
    "翀", "珩", "昶", "晗", "玥", "琬", "璟", "婳", "湉", "骞", "桉", "芃", "赟", "喆", "禛",
    "渟", "霁", "翊", "熠", "歆", "沅", "璞", "弢", "堃", "焓", "炜", "洺", "钰", "筠", "岚",
    "靖", "蕴", "朗", "澍", "蓁", "棠", "鹭", "舒", "悦", "敏", "洁", "峰", "强", "勇", "芳",
    "凤", "兰", "梅", "春", "秋", "冬", "文", "武", "光", "明", "德", "平", "安", "和", "宁",
)  # fmt: skip

CITIES = (
    ("江苏省", "常州市", "新北区", "320411"),
    ("浙江省", "湖州市", "吴兴区", "330502"),
    ("安徽省", "芜湖市", "鸠江区", "340207"),
    ("江西省", "九江市", "濂溪区", "360402"),
    ("湖南省", "株洲市", "荷塘区", "430202"),
    ("四川省", "绵阳市", "涪城区", "510703"),
    ("山东省", "潍坊市", "奎文区", "370705"),
    ("河北省", "保定市", "竞秀区", "130602"),
    ("福建省", "泉州市", "丰泽区", "350503"),
    ("广西壮族自治区", "柳州市", "鱼峰区", "450203"),
    ("云南省", "曲靖市", "麒麟区", "530302"),
    ("陕西省", "宝鸡市", "渭滨区", "610302"),
)
STREETS = (
    "青枫路", "长虹街", "云栖大道", "学府路", "望江路", "杏林街", "桂香巷", "龙潭路",
    "新华东路", "光明巷", "白鹭街", "梧桐大道", "滨河西路", "朝阳路", "和平里", "春晖路",
)  # fmt: skip
TRADE_WORDS = (
    "瑞禾", "恒昶", "嘉穗", "澄川", "鼎钰", "沐阳", "拓源", "青禾", "蓝鲸", "启航",
    "汇川", "德赟", "翊泰", "璟辉", "云麓", "泓瑞", "朗峰", "禾丰", "熠星", "金穗",
)  # fmt: skip
INDUSTRIES = (
    ("商贸", "日用百货、五金交电、办公用品的销售"),
    ("科技", "软件开发；信息技术咨询服务；计算机系统服务"),
    ("餐饮管理", "餐饮服务；食品销售；餐饮管理咨询"),
    ("建材", "建筑材料、装饰材料、卫生洁具的销售；室内装饰工程施工"),
    ("农业开发", "蔬菜、水果种植与销售；农业技术推广服务"),
    ("物流", "普通货物道路运输；仓储服务（不含危险化学品）；装卸搬运"),
    ("文化传媒", "组织文化艺术交流活动；广告设计、制作、代理；会议及展览服务"),
    ("家政服务", "家政服务；保洁服务；养老服务；母婴生活护理"),
    ("机械设备", "机械设备及配件的销售、租赁、维修；五金产品零售"),
    ("汽车维修", "机动车维修；汽车零配件销售；洗车服务"),
)
FORMS = ("有限公司", "有限责任公司", "股份有限公司")
MOBILE_PREFIXES = (
    "133", "135", "136", "138", "139", "150", "151", "152", "155", "157",
    "158", "159", "166", "172", "177", "180", "182", "185", "187", "189", "191", "199",
)  # fmt: skip

# GB 11643-1999: weights of the first 17 digits and the check character of the sum mod 11
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# GB 32100-2015: the 31 characters (no I, O, Z, S, V) and the weights of positions 1-17
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714-1997: the organisation code's eight body characters and its check character
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    """The 18th character of a resident ID number whose first 17 digits are given."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_number_ok(value: str) -> bool:
    return len(value) == 18 and value[:17].isdigit() and id_check(value[:17]) == value[17].upper()


def org_check(body8: str) -> str:
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_check(first17: str) -> str:
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(first17, _CODE_WEIGHTS, strict=True))
    return _CODE_CHARS[(31 - total % 31) % 31]


def credit_code_ok(value: str) -> bool:
    return (
        len(value) == 18
        and all(c in _CODE_CHARS for c in value)
        and credit_check(value[:17]) == value[17]
        and org_check(value[8:16]) == value[16]
    )


def make_id_number(rng: random.Random, region: str, year: int | None = None) -> str:
    y = year if year is not None else rng.randint(1958, 2003)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    first = f"{region}{y:04d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
    return first + id_check(first)


def make_credit_code(rng: random.Random, region: str, individual: bool = False) -> str:
    kind = "92" if individual else "91"
    body = "".join(rng.choice("0123456789") for _ in range(7))
    body = rng.choice("123456789MAHLJ") + body
    org = body + org_check(body)
    first = kind + region + org
    return first + credit_check(first)


def make_mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))


@dataclass(frozen=True)
class Person:
    name: str
    male: bool
    id_number: str
    phone: str
    province: str
    city: str
    district: str
    address: str  # street address within the district

    @property
    def birth(self) -> tuple[int, int, int]:
        n = self.id_number
        return int(n[6:10]), int(n[10:12]), int(n[12:14])


def make_name(rng: random.Random, ok: Callable[[str], bool] = lambda s: True) -> str:
    """A name of two to four characters; `ok` filters (a face must carry every character)."""
    for _ in range(400):
        surname = rng.choice(SURNAMES_COMPOUND) if rng.random() < 0.3 else rng.choice(SURNAMES)
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        name = surname + given
        if 2 <= len(name) <= 4 and ok(name):
            return name
    raise ValueError("no name the face can write")


def make_address(rng: random.Random, ok: Callable[[str], bool] = lambda s: True) -> str:
    for _ in range(400):
        street = rng.choice(STREETS)
        a = f"{street}{rng.randint(1, 399)}号"
        if rng.random() < 0.6:
            a += f"{rng.randint(1, 28)}栋{rng.randint(1, 3)}单元{rng.randint(101, 2806)}室"
        if ok(a):
            return a
    raise ValueError("no address the face can write")


def make_person(rng: random.Random, ok: Callable[[str], bool] = lambda s: True) -> Person:
    province, city, district, region = rng.choice(CITIES)
    male = rng.random() < 0.5
    first = make_id_number(rng, region)
    # the 17th digit is odd for men and even for women
    seq = int(first[14:17])
    if (seq % 2 == 1) != male:
        seq = (seq + 1) % 1000
    body = first[:14] + f"{seq:03d}"
    return Person(
        name=make_name(rng, ok),
        male=male,
        id_number=body + id_check(body),
        phone=make_mobile(rng),
        province=province,
        city=city,
        district=district,
        address=make_address(rng, ok),
    )


@dataclass(frozen=True)
class Enterprise:
    name: str
    short: str
    credit_code: str
    scope: str
    capital_wan: int
    founded: tuple[int, int, int]
    city: str
    district: str
    address: str


def make_enterprise(rng: random.Random, individual: bool = False) -> Enterprise:
    province, city, district, region = rng.choice(CITIES)
    trade = rng.choice(TRADE_WORDS)
    industry, scope = rng.choice(INDUSTRIES)
    place = city.removesuffix("市")
    if individual:
        name = f"{district}{trade}{industry}{rng.choice(('店', '经营部', '服务部'))}"
    else:
        name = f"{place}{trade}{industry}{rng.choice(FORMS)}"
    return Enterprise(
        name=name,
        short=trade,
        credit_code=make_credit_code(rng, region, individual),
        scope=scope + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        capital_wan=rng.choice((10, 30, 50, 100, 200, 300, 500, 800, 1000, 2000)),
        founded=(rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28)),
        city=f"{province}{city}",
        district=district,
        address=f"{province}{city}{district}{make_address(rng)}",
    )


def cn_date(y: int, m: int, d: int) -> str:
    return f"{y}年{m:02d}月{d:02d}日"


def recent_date(rng: random.Random) -> tuple[int, int, int]:
    return (rng.choice((2025, 2026)), rng.randint(1, 12), rng.randint(1, 28))
