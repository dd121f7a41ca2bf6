"""People, units, places and numbers of the `office` corpus, its own (no list or code shared
with the other corpora): resident ID numbers with their GB 11643 check character, unified
social credit codes with their GB 32100 check character (and the GB 11714 one of the
organisation code inside), mobile numbers, dates and sums."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

SURNAMES = "葛卜詹阎鲍蔺籍柏邰荆巫滕燕瞿郜闵谯隗俞宓缪岑褚戚鄢羿訾莘"
GIVEN = "瀚澄屹琨璟煦峻楠芃蔚翊琛珂昀骞湛霁璐歆彤钧岚霖铎珩婕樾晞朗"
# (region, 6-digit area code, districts with their codes, streets)
PLACES = (
    (
        "江西省南昌市",
        "360100",
        (("东湖区", "360102"), ("青山湖区", "360111")),
        ("阳明路", "八一大道", "叠山路", "北京东路"),
    ),
    (
        "广西壮族自治区柳州市",
        "450200",
        (("城中区", "450202"), ("鱼峰区", "450203")),
        ("文昌路", "桂中大道", "东环大道", "荣军路"),
    ),
    (
        "河北省保定市",
        "130600",
        (("竞秀区", "130602"), ("莲池区", "130606")),
        ("朝阳北大街", "东风中路", "七一东路", "裕华西路"),
    ),
    (
        "甘肃省天水市",
        "620500",
        (("秦州区", "620502"), ("麦积区", "620503")),
        ("民主西路", "藉河南路", "羲皇大道", "岷山路"),
    ),
    (
        "黑龙江省牡丹江市",
        "231000",
        (("东安区", "231002"), ("爱民区", "231004")),
        ("太平路", "西三条路", "光华街", "牡丹街"),
    ),
)
SHORT = {"江西": "赣", "广西": "桂", "河北": "冀", "甘肃": "甘", "黑龙": "黑"}
UNIT_WORDS = ("恒沅", "锦嵘", "翔隆", "瑞禾", "泓钧", "柏川", "鼎祺", "岚湾")
UNIT_TRADES = (
    ("物流", "有限公司"),
    ("货运", "有限责任公司"),
    ("机械设备", "有限公司"),
    ("酒店管理", "有限公司"),
    ("文化传播", "有限公司"),
    ("热力", "有限公司"),
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    """GB 11643 check character of a resident ID number's first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def credit_check(first17: str) -> str:
    """GB 32100 check character of a unified social credit code's first 17 characters."""
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(first17, _CODE_WEIGHTS, strict=True))
    return _CODE_CHARS[(31 - total % 31) % 31]


def org_check(first8: str) -> str:
    """GB 11714 check character of an organisation code's first 8 characters."""
    total = sum(int(c, 36) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


@dataclass(frozen=True)
class Place:
    region: str
    district: str
    code: str  # the district's area code
    street: str

    @property
    def short(self) -> str:
        """The province's one-character name (赣, 桂, 冀, 甘, 黑)."""
        return SHORT[self.region[:2]]

    def address(self, rng: random.Random) -> str:
        return f"{self.region}{self.district}{self.street}{rng.randint(3, 388)}号"


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    birth: tuple[int, int, int]
    id_number: str
    phone: str
    address: str

    @property
    def birth_text(self) -> str:
        y, m, d = self.birth
        return f"{y}年{m}月{d}日"


@dataclass(frozen=True)
class Unit:
    name: str
    credit_code: str
    address: str
    phone: str
    legal: Person


def place(rng: random.Random) -> Place:
    region, _, districts, streets = rng.choice(PLACES)
    district, code = rng.choice(districts)
    return Place(region, district, code, rng.choice(streets))


def phone(rng: random.Random) -> str:
    return rng.choice(("135", "139", "150", "177", "186", "191")) + f"{rng.randrange(10**8):08d}"


def person(
    rng: random.Random,
    taken: set[str],
    years: tuple[int, int] = (1958, 2002),
    sex: str | None = None,
) -> Person:
    """A person whose name differs from every name in `taken` (added to it)."""
    while True:
        n = rng.choice((1, 2, 2))
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, n))
        if name not in taken:
            taken.add(name)
            break
    sex = sex or rng.choice("男女")
    birth = (rng.randint(*years), rng.randint(1, 12), rng.randint(1, 28))
    where = place(rng)
    serial = rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
    first17 = f"{where.code}{birth[0]:04d}{birth[1]:02d}{birth[2]:02d}{serial:03d}"
    return Person(name, sex, birth, first17 + id_check(first17), phone(rng), where.address(rng))


def relative(
    rng: random.Random, taken: set[str], of: Person, relation: str, youngest: int = 2016
) -> Person:
    """A relative of `of` born when such a relative is: a parent (父亲, 母亲) 20 to 38 years
    before, a spouse (配偶) of the other sex within 6 years, a child (长子, 次女, 子女...)
    20 to 38 years after but not after `youngest`."""
    y = of.birth[0]
    if relation in ("父亲", "母亲"):
        return person(rng, taken, (y - 38, y - 20), "男" if relation == "父亲" else "女")
    if relation == "配偶":
        return person(rng, taken, (y - 6, y + 6), "女" if of.sex == "男" else "男")
    sex = {"子": "男", "女": "女"}.get(relation[-1]) if relation != "子女" else None
    return person(rng, taken, (y + 20, min(y + 38, youngest)), sex)


def unit(
    rng: random.Random, taken: set[str], where: Place | None = None, kind: str = "company"
) -> Unit:
    """An enterprise (or, `kind` "society", a social organisation) with its credit code,
    in `where` (a place drawn when None)."""
    where = where or place(rng)
    city = where.region[-3:-1]  # 南昌, 柳州, 保定, 天水; 牡丹江 is one character longer
    city = "牡丹江" if city == "丹江" else city
    if kind == "society":
        name = f"{city}市{rng.choice(('青少年科技', '民间文艺', '楹联', '摄影', '养蜂'))}协会"
        head = "5" + "1"  # civil affairs, social organisation
    else:
        trade, form = rng.choice(UNIT_TRADES)
        name = f"{city}{rng.choice(UNIT_WORDS)}{trade}{form}"
        head = "9" + "1"  # market regulation, enterprise
    org = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = f"{head}{where.code}{org}{org_check(org)}"
    return Unit(
        name,
        first17 + credit_check(first17),
        where.address(rng),
        phone(rng),
        person(rng, taken),
    )


def date(rng: random.Random, year: int = 2026) -> tuple[int, int, int]:
    return (year, rng.randint(1, 11), rng.randint(1, 28))


# no page is dated after November 2026: later dates (a review after an application) stop there
LATEST = (2026, 11, 30)


def later(rng: random.Random, d: tuple[int, int, int], lo: int, hi: int) -> tuple[int, int, int]:
    """A date `lo` to `hi` days after `d` (an approval after its application), no later
    than LATEST nor before `d`."""
    t = datetime.date(*d) + datetime.timedelta(days=rng.randint(lo, hi))
    return max(d, min((t.year, t.month, t.day), LATEST))


def years_after(d: tuple[int, int, int], years: int) -> tuple[int, int, int]:
    """The last day of a term of `years` years from `d` (2026-03-01: 2030-02-28)."""
    t = datetime.date(d[0] + years, d[1], d[2]) - datetime.timedelta(days=1)
    return (t.year, t.month, t.day)


def cn_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"
