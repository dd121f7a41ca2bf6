"""People, enterprises, places and numbers of the `weasy` corpus: its own name lists and
its own code (GB 11643 and GB 32100 check characters computed here), deterministic from
the page's random generator."""

from __future__ import annotations

import random
from dataclasses import dataclass

_SURNAMES = "邵晏蓝冉柯岑宓阎甘钮郝骆覃庞樊蒲卓龚詹茅雷俞瞿乔韦汪顾秦严殷伍崔靳"
_GIVEN = "铎韫瑶岚湛骁瑾沅渝珂霁翊昶琪舸煦澈萱杭濠璇蔓筠棠晗霖曜芮楠淇翎钧钊"
# (six-digit administrative code, province, city, districts)
_REGIONS = (
    ("330106", "浙江省", "杭州市", ("西湖区", "拱墅区", "上城区")),
    ("320505", "江苏省", "苏州市", ("虎丘区", "吴中区", "姑苏区")),
    ("440305", "广东省", "深圳市", ("南山区", "宝安区", "龙岗区")),
    ("510107", "四川省", "成都市", ("武侯区", "锦江区", "青羊区")),
    ("370202", "山东省", "青岛市", ("市南区", "崂山区", "黄岛区")),
    ("420106", "湖北省", "武汉市", ("武昌区", "洪山区", "江汉区")),
    ("350203", "福建省", "厦门市", ("思明区", "湖里区", "集美区")),
)
_ROADS = ("梧桐", "云栖", "望江", "翠柏", "锦绣", "长庚", "枫林", "清泉", "观澜", "启明", "银杏")
_ROAD_KINDS = ("路", "大道", "街", "巷")
_TRADES = (
    "禾润",
    "拓衡",
    "鸿屿",
    "澄明",
    "知远",
    "嘉沐",
    "森茂",
    "朗驰",
    "蔚岚",
    "恒楷",
    "青禾",
    "尚谷",
)
_INDUSTRIES = (
    ("食品科技", "食品销售；餐饮管理；食品技术开发"),
    ("供应链管理", "供应链管理服务；国内货物运输代理；仓储服务"),
    ("信息技术", "软件开发；信息系统集成服务；数据处理服务"),
    ("文化传媒", "文艺创作；会议及展览服务；广告设计、代理"),
    ("建材贸易", "建筑材料销售；五金产品零售；装卸搬运"),
    ("餐饮管理", "餐饮服务；小餐饮；食品经营（销售预包装食品）"),
)
_SHOPS = ("便利店", "小吃店", "百货商行", "理发店", "水果店", "五金店", "面馆")
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    birth: tuple[int, int, int]
    id_number: str
    phone: str
    address: str


@dataclass(frozen=True)
class Enterprise:
    name: str
    form: str  # legal form as a registrar writes it
    credit_code: str
    address: str
    scope: str


def id_check(first17: str) -> str:
    """GB 11643 check character of the first 17 digits of a citizen ID number."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def credit_check(first17: str) -> str:
    """GB 32100 check character of the first 17 characters of a unified credit code."""
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


def _org_code(rng: random.Random) -> str:
    """GB 11714 organisation code: eight digits and their check character."""
    body = "".join(rng.choice("0123456789") for _ in range(8))
    total = sum(int(c) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def credit_code(rng: random.Random, region: str, kind: str = "91") -> str:
    first = kind + region + _org_code(rng)
    return first + credit_check(first)


def address(
    rng: random.Random, region: tuple[str, str, str, tuple[str, ...]], district: str = ""
) -> str:
    _, province, city, districts = region
    road = rng.choice(_ROADS) + rng.choice(_ROAD_KINDS)
    tail = rng.choice(("", f"{rng.randint(1, 18)}幢", f"{rng.randint(1, 9)}号楼"))
    room = rng.choice(("", f"{rng.randint(1, 28)}{rng.randint(1, 9):02d}室"))
    district = district or rng.choice(districts)
    return f"{province}{city}{district}{road}{rng.randint(1, 999)}号{tail}{room}"


def person(rng: random.Random) -> Person:
    region = rng.choice(_REGIONS)
    name = rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))
    birth = (rng.randint(1962, 2003), rng.randint(1, 12), rng.randint(1, 28))
    sex = rng.choice("男女")
    seq = rng.randint(0, 99) * 10 + (
        rng.choice((1, 3, 5, 7, 9)) if sex == "男" else rng.choice((0, 2, 4, 6, 8))
    )
    first17 = f"{region[0]}{birth[0]:04d}{birth[1]:02d}{birth[2]:02d}{seq:03d}"
    phone = (
        "1"
        + rng.choice(("35", "37", "39", "52", "58", "77", "86", "89"))
        + f"{rng.randint(0, 99_999_999):08d}"
    )
    return Person(name, sex, birth, first17 + id_check(first17), phone, address(rng, region))


def landline(rng: random.Random) -> str:
    area = rng.choice(("571", "512", "755", "28", "532", "27", "592"))
    return f"0{area}-{rng.randint(8100_0000, 8899_9999)}"


_FORMS = (
    "有限公司",
    "股份有限公司",
    "分公司",
    "个体工商户",
    "合伙企业",
    "农民专业合作社",
    "个人独资企业",
)


def enterprise(rng: random.Random, form: str | None = None) -> Enterprise:
    """An enterprise of `form` (one of the legal forms above; any when None)."""
    region = rng.choice(_REGIONS)
    form = form or rng.choice(_FORMS)
    trade = rng.choice(_TRADES)
    industry, scope = rng.choice(_INDUSTRIES)
    city = region[2][:-1]
    district = rng.choice(region[3])  # where it is, and where its name says it is
    kind = "91"
    if form == "有限公司":
        name = f"{city}{trade}{industry}有限公司"
    elif form == "股份有限公司":
        name = f"{region[1][:-1]}{trade}{industry}股份有限公司"
    elif form == "分公司":
        other = rng.choice([r for r in _REGIONS if r != region])[2][:-1]
        name = f"{other}{trade}{industry}有限公司{city}{district}分公司"
    elif form == "个体工商户":
        name = f"{city}{district}{rng.choice(_SURNAMES)}记{rng.choice(_SHOPS)}"
        kind = "92"
    elif form == "合伙企业":
        name = f"{city}{trade}股权投资合伙企业（有限合伙）"
    elif form == "农民专业合作社":
        name = f"{city}{district}{trade}果蔬种植专业合作社"
        kind = "93"
        scope = "组织收购、销售成员种植的果蔬；引进新技术、新品种"
    else:
        name = f"{city}{trade}{industry}工作室"
    return Enterprise(
        name, form, credit_code(rng, region[0], kind), address(rng, region, district), scope
    )


def date_cn(rng: random.Random, year: int = 2026) -> str:
    return f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
