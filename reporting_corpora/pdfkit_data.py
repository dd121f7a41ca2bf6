"""The `pdfkit` corpus's people, places, enterprises and numbers: names of two to four
characters, 18-character ID numbers with the GB 11643 check character (ISO 7064
MOD 11-2), unified social credit codes with the GB 32100 check character (and the
GB 11714 organisation-code check at its place), mobile and landline numbers, dates and
enterprise names of many legal forms. Written for this corpus alone; every character is
one the Fandol faces carry (a test checks)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

SURNAMES = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章"
    "云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐"
    "于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪"
)
COMPOUND_SURNAMES = ("欧阳", "慕容", "司徒", "令狐", "夏侯", "尉迟", "公孙", "端木")
GIVEN = (
    "建华秀英桂兰志强国庆海燕丽娟春梅永红文军晓峰振宇思源雨萱梓豪浩宇一诺子墨若曦沐阳"
    "欣然佳怡俊熙嘉懿亦菲逸飞天翔明轩静怡宏伟翠花德胜玉珍淑芬长青小龙家乐婉清晨曦"
)
RARE_GIVEN = "淼焱鑫昶昊晔炜琛珏瑶琨钧铖锴骞骅珈翎"

# (county code, province, city, district)
REGIONS = (
    ("110108", "北京市", "北京市", "海淀区"),
    ("120101", "天津市", "天津市", "和平区"),
    ("130602", "河北省", "保定市", "竞秀区"),
    ("140202", "山西省", "大同市", "平城区"),
    ("150102", "内蒙古自治区", "呼和浩特市", "新城区"),
    ("210202", "辽宁省", "大连市", "中山区"),
    ("230103", "黑龙江省", "哈尔滨市", "南岗区"),
    ("310104", "上海市", "上海市", "徐汇区"),
    ("320214", "江苏省", "无锡市", "新吴区"),
    ("330203", "浙江省", "宁波市", "海曙区"),
    ("340202", "安徽省", "芜湖市", "镜湖区"),
    ("350102", "福建省", "福州市", "鼓楼区"),
    ("360402", "江西省", "九江市", "濂溪区"),
    ("370202", "山东省", "青岛市", "市南区"),
    ("410302", "河南省", "洛阳市", "老城区"),
    ("420502", "湖北省", "宜昌市", "西陵区"),
    ("430602", "湖南省", "岳阳市", "岳阳楼区"),
    ("440304", "广东省", "深圳市", "福田区"),
    ("460105", "海南省", "海口市", "秀英区"),
    ("510704", "四川省", "绵阳市", "游仙区"),
    ("530402", "云南省", "玉溪市", "红塔区"),
    ("610402", "陕西省", "咸阳市", "秦都区"),
    ("640104", "宁夏回族自治区", "银川市", "兴庆区"),
    ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
)
ROADS = (
    "朝阳北路",
    "复兴大道",
    "青年路",
    "友谊街",
    "建国路",
    "滨海大道",
    "花园路",
    "文昌街",
    "北京路",
    "振兴路",
    "红旗街",
    "五一路",
    "东方红大街",
    "南湖路",
)
COMMUNITIES = ("锦绣花园", "阳光小区", "翠湖苑", "金色家园", "紫荆公寓", "东湖名邸", "望江苑")
ENTERPRISE_WORDS = (
    "恒信",
    "德润",
    "同仁",
    "康泰",
    "百川",
    "益民",
    "天成",
    "仁和",
    "众诚",
    "嘉和",
    "普济",
    "新纪元",
    "长兴",
    "金穗",
    "润泽",
    "海纳",
)

_ID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_W = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    """GB 11643: the weighted sum mod 11 picks the check character."""
    s = 0
    for ch, w in zip(first17, _ID_W, strict=True):
        s += int(ch) * w
    return "10X98765432"[s % 11]


def org_check(body: str) -> str:
    """GB 11714: the organisation code's ninth character."""
    s = sum(int(ch, 36) * w for ch, w in zip(body, _ORG_W, strict=True))
    r = 11 - s % 11
    return {10: "X", 11: "0"}.get(r, str(r))


def code_check(first17: str) -> str:
    """GB 32100: the unified social credit code's eighteenth character."""
    s = sum(CODE_CHARS.index(ch) * w for ch, w in zip(first17, _CODE_W, strict=True))
    return CODE_CHARS[(31 - s % 31) % 31]


def credit_code(rng: random.Random, county: str, kind: str = "91") -> str:
    """A code of registration authority and kind `kind` (91 enterprise, 92 individual
    business, 93 farmers' cooperative, 12 public institution, 52 private non-enterprise)."""
    if rng.random() < 0.55:  # codes given since 2015 start their organisation part with MA
        body = "MA" + "".join(rng.choice(CODE_CHARS) for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    first = kind + county + body + org_check(body)
    return first + code_check(first)


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    born: date
    id_number: str
    phone: str
    region: tuple[str, str, str, str]
    address: str


def name(rng: random.Random) -> str:
    if rng.random() < 0.06:
        return rng.choice(COMPOUND_SURNAMES) + rng.choice(GIVEN)
    given = rng.choice(RARE_GIVEN) if rng.random() < 0.25 else rng.choice(GIVEN)
    if rng.random() < 0.6:
        given += rng.choice(GIVEN + RARE_GIVEN)
    return rng.choice(SURNAMES) + given


def mobile(rng: random.Random) -> str:
    head = rng.choice(("130", "133", "137", "147", "151", "155", "166", "173", "180", "187", "198"))
    return head + "".join(rng.choice("0123456789") for _ in range(8))


def landline(rng: random.Random) -> str:
    return f"0{rng.randint(10, 999)}-{rng.randint(2000000, 89999999)}"


def street_address(rng: random.Random, region: tuple[str, str, str, str]) -> str:
    _, prov, city, county = region
    head = prov + (city if city != prov else "") + county
    if rng.random() < 0.5:
        return head + f"{rng.choice(ROADS)}{rng.randint(1, 688)}号"
    return (
        head
        + f"{rng.choice(ROADS)}{rng.randint(1, 300)}号{rng.choice(COMMUNITIES)}"
        + f"{rng.randint(1, 30)}幢{rng.randint(1, 33)}0{rng.randint(1, 6)}室"
    )


def person(
    rng: random.Random,
    region: tuple[str, str, str, str] | None = None,
    sex: str | None = None,
    born_from: int = 1955,
    born_to: int = 2003,
) -> Person:
    region = region or rng.choice(REGIONS)
    sex = sex or rng.choice(("男", "女"))
    born = date(born_from, 1, 1) + timedelta(days=rng.randrange((born_to - born_from) * 365))
    order = rng.randrange(100) * 10 + rng.choice(
        (1, 3, 5, 7, 9) if sex == "男" else (0, 2, 4, 6, 8)
    )
    first = f"{region[0]}{born:%Y%m%d}{order:03d}"
    return Person(
        name(rng),
        sex,
        born,
        first + id_check(first),
        mobile(rng),
        region,
        street_address(rng, region),
    )


def enterprise(rng: random.Random, region: tuple[str, str, str, str], trade: str) -> str:
    """An enterprise name of one of many legal forms, its place first."""
    city = region[2].removesuffix("市").removesuffix("地区")
    word = rng.choice(ENTERPRISE_WORDS)
    form = rng.choice(
        (
            f"{city}{word}{trade}有限公司",
            f"{city}{word}{trade}有限责任公司",
            f"{city}{word}{trade}股份有限公司",
            f"{word}{trade}（{city}）有限公司",
            f"{city}{word}{trade}有限公司{region[3]}分公司",
            f"{city}市{region[3]}{word}{trade}店",
            f"{city}{word}{trade}合伙企业（有限合伙）",
            f"{city}{word}{trade}个人独资企业",
        )
    )
    return form


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def dotted(d: date) -> str:
    return f"{d.year}.{d.month:02d}.{d.day:02d}"


def some_day(rng: random.Random, start: date = date(2024, 3, 1), days: int = 640) -> date:
    return start + timedelta(days=rng.randrange(days))


def capital_yuan(n: int) -> str:
    """Whole yuan below a hundred million in capital numerals (叁万伍仟元整)."""
    digits = "零壹贰叁肆伍陆柒捌玖"
    places = ("仟", "佰", "拾", "")

    def four(k: int, lead: bool) -> str:
        out, zero = "", False
        for i, ch in enumerate(f"{k:04d}"):
            d = int(ch)
            if d == 0:
                zero = bool(out) or lead
                continue
            if zero:
                out += "零"
            out += digits[d] + places[i]
            zero = False
        return out

    hi, lo = divmod(n, 10000)
    text = ""
    if hi:
        text = four(hi, False) + "万"
    if lo:
        text += four(lo, bool(hi))
    return (text or "零") + "元整"
