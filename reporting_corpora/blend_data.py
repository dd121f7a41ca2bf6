"""People, enterprises and numbers of the `blend` corpus: its own surnames and given names
(uncommon ones), its own counties and their area codes, its own enterprise words, and its
own check-character code for 18-digit resident ID numbers (GB 11643) and 18-character
unified social credit codes (GB 32100, with the GB 11714 organisation code inside)."""

from __future__ import annotations

import random
from dataclasses import dataclass

# (area code, province, county) of counties nobody else's pages use
COUNTIES = (
    ("360430", "江西省九江市", "彭泽县"),
    ("141126", "山西省吕梁市", "石楼县"),
    ("530629", "云南省昭通市", "威信县"),
    ("341523", "安徽省六安市", "舒城县"),
    ("411729", "河南省驻马店市", "新蔡县"),
    ("630121", "青海省西宁市", "大通县"),
    ("370883", "山东省济宁市", "邹城市"),
    ("220381", "吉林省四平市", "公主岭市"),
    ("522732", "贵州省黔南州", "三都县"),
    ("430624", "湖南省岳阳市", "湘阴县"),
)
TOWNS = ("芙蓉镇", "杨柳乡", "石门镇", "龙湾街道", "清溪镇", "马鞍乡", "柏林镇", "桥头街道")
VILLAGES = ("桃坪村", "石碾村", "上坝村", "枫香村", "槐树村", "竹园社区", "河湾村", "新塘社区")

SURNAMES = (
    "郗", "笪", "郜", "逄", "晁", "郦", "嵇", "蒯", "扈", "冼", "甄", "阚", "晏", "靳",
    "佘", "鞠", "禹", "苟", "糜", "谯", "蔺", "邝", "戢", "阮", "覃", "揭", "涂", "寇",
)  # fmt: skip
GIVEN = (
    "砚秋", "沅芷", "鹤鸣", "栖桐", "知微", "望舒", "临川", "穗禾", "闻笛", "若谷", "鸿渐",
    "青蘅", "沛霖", "霁", "棠", "屹", "稷", "岫", "澈", "槿", "晗", "尧臣", "秋禾",
    "春泥", "守拙", "叔同", "雁行", "楚材", "素衣", "松涛", "映雪", "景行", "星垂",
)  # fmt: skip
ETHNIC = ("汉族", "汉族", "汉族", "土家族", "回族", "苗族", "布依族", "水族", "土族", "满族")
BRANDS = (
    "栖禾", "砚川", "岫岚", "澄溪", "藜光", "檩木", "棹歌", "蓁蓁", "苜蓿", "荇菜", "篁岭",
    "陶埙", "榫语", "枳香", "蒹葭", "芷兰",
)  # fmt: skip
TRADES = (
    ("榫卯家具", "家具制造；木制品加工；家具零售"),
    ("菌菇烘焙", "糕点制售；食用菌干制品销售；预包装食品销售"),
    ("竹编工艺", "竹编制品制造；工艺品销售"),
    ("苔藓园艺", "园艺产品种植；花卉绿植租摆"),
    ("古籍修复", "古籍修复；装订服务；文化用品零售"),
    ("蜂蜡制品", "蜂产品收购；蜂蜡制品加工；预包装食品销售"),
    ("柑橘分拣", "水果分拣包装；农产品初加工；仓储服务"),
    ("粉面作坊", "米粉制售；热食类食品制售；散装食品销售"),
)
FORMS = ("有限公司", "有限责任公司", "专业合作社")
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100's 31 characters
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))


def id_check(first17: str) -> str:
    """GB 11643's check character of the first 17 digits."""
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def org_check(first8: str) -> str:
    """GB 11714's check character of an 8-character organisation code."""
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def credit_check(first17: str) -> str:
    """GB 32100's check character of the first 17 characters."""
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARS[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    id_number: str
    phone: str
    ethnic: str
    address: str
    born: str  # 1987年03月09日


@dataclass(frozen=True)
class Enterprise:
    name: str
    credit_code: str
    address: str
    scope: str
    county: str


def county(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(COUNTIES)


def address(rng: random.Random, where: tuple[str, str, str] | None = None) -> str:
    _, province, name = where or county(rng)
    return (
        f"{province}{name}{rng.choice(TOWNS)}{rng.choice(VILLAGES)}"
        f"{rng.randint(1, 18)}组{rng.randint(2, 96)}号"
    )


def person(rng: random.Random, used: set[str] | None = None) -> Person:
    taken = used if used is not None else set()
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in taken:
            taken.add(name)
            break
    where = county(rng)
    year, month, day = rng.randint(1956, 2003), rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randint(1, 499) * 2 + (1 if rng.random() < 0.5 else 0)
    first17 = f"{where[0]}{year:04d}{month:02d}{day:02d}{seq:03d}"
    sex = "男" if seq % 2 else "女"
    phone = rng.choice(("139", "152", "178", "186", "147", "199", "133")) + "".join(
        str(rng.randint(0, 9)) for _ in range(8)
    )
    return Person(
        name,
        sex,
        first17 + id_check(first17),
        phone,
        rng.choice(ETHNIC),
        address(rng, where),
        f"{year}年{month:02d}月{day:02d}日",
    )


def credit_code(rng: random.Random, area: str, kind: str) -> str:
    """`kind`: 1 an enterprise, 2 an individual business, 3 a farmers' cooperative (all
    registered by market regulation, 9)."""
    body = "".join(rng.choice(CREDIT_CHARS) for _ in range(8))
    first17 = f"9{kind}{area}{body}{org_check(body)}"
    return first17 + credit_check(first17)


def enterprise(rng: random.Random, form: str | None = None) -> Enterprise:
    code, province, name = county(rng)
    trade, scope = rng.choice(TRADES)
    kind = form or rng.choice(FORMS)
    full = f"{name.rstrip('县市')}{rng.choice(BRANDS)}{trade}{kind}"
    return Enterprise(
        full,
        credit_code(rng, code, "3" if kind == "专业合作社" else "1"),
        address(rng, (code, province, name)),
        scope,
        name,
    )


def date(rng: random.Random) -> tuple[int, int, int]:
    return 2026, rng.randint(1, 11), rng.randint(1, 28)
