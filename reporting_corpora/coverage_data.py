"""The `coverage` corpus's people, places, enterprises and numbers: Chinese names of two
and three characters (some with rare given-name characters), 18-digit ID numbers with the
GB 11643 (ISO 7064 MOD 11-2) check digit, unified social credit codes with the GB 32100
check character (and the GB 11714 organisation-code check inside), mobile numbers, dates
and amounts. Nothing here is shared with another corpus."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
DOUBLE_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫")
COMMON_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰凤文斌海波辉鹏宇浩然"
    "子轩梓涵欣怡佳琪晨阳雨婷思远博文嘉豪俊杰诗雅梦瑶一鸣天佑晓东丹妮德"
)
RARE_GIVEN = "昶喆垚晗琰昊昕淼焱鑫懿骁彧熠珩祎瑾琦钰婕瑜璐琳彤妍钊煜涓"

# (6-digit county code, province, city, county/district)
REGIONS = (
    ("110105", "北京市", "北京市", "朝阳区"),
    ("120104", "天津市", "天津市", "南开区"),
    ("130102", "河北省", "石家庄市", "长安区"),
    ("140105", "山西省", "太原市", "小店区"),
    ("210102", "辽宁省", "沈阳市", "和平区"),
    ("220104", "吉林省", "长春市", "朝阳区"),
    ("320106", "江苏省", "南京市", "鼓楼区"),
    ("320583", "江苏省", "苏州市", "昆山市"),
    ("330106", "浙江省", "杭州市", "西湖区"),
    ("340104", "安徽省", "合肥市", "蜀山区"),
    ("350203", "福建省", "厦门市", "思明区"),
    ("360102", "江西省", "南昌市", "东湖区"),
    ("370102", "山东省", "济南市", "历下区"),
    ("410105", "河南省", "郑州市", "金水区"),
    ("420106", "湖北省", "武汉市", "武昌区"),
    ("430104", "湖南省", "长沙市", "岳麓区"),
    ("440106", "广东省", "广州市", "天河区"),
    ("450103", "广西壮族自治区", "南宁市", "青秀区"),
    ("500103", "重庆市", "重庆市", "渝中区"),
    ("510107", "四川省", "成都市", "武侯区"),
    ("520102", "贵州省", "贵阳市", "南明区"),
    ("530102", "云南省", "昆明市", "五华区"),
    ("610113", "陕西省", "西安市", "雁塔区"),
    ("620102", "甘肃省", "兰州市", "城关区"),
)
STREETS = [
    "中山路",
    "人民路",
    "解放路",
    "建设路",
    "和平街",
    "胜利路",
    "文化路",
    "新华路",
    "光明街",
    "幸福路",
    "长江路",
    "黄河路",
    "迎宾大道",
    "滨江路",
    "学府路",
    "工业园路",
]
TOWNS = ["城关镇", "新集镇", "东坝乡", "石桥镇", "柳河乡", "清水镇", "桃源镇", "白沙乡"]
VILLAGES = ["杨庄村", "王家湾村", "前进村", "大河村", "松林村", "东风村", "马家堡村", "龙泉村"]
NATIONS = ("汉族",) * 8 + ("回族", "满族", "壮族", "土家族", "苗族", "蒙古族")
TRADES = ("化工", "机械制造", "纸业", "食品加工", "电镀", "印染", "建材", "医药")
FIRM_WORDS = [
    "华泰",
    "鼎盛",
    "恒远",
    "瑞丰",
    "金桥",
    "宏达",
    "永新",
    "天正",
    "博源",
    "中汇",
    "嘉禾",
    "信诚",
    "联创",
    "安顺",
]
CAR_BRANDS = (
    ("大众", "朗逸", "LSVAX"),
    ("丰田", "卡罗拉", "LFMAP"),
    ("本田", "雅阁", "LHGCV"),
    ("比亚迪", "秦", "LGXCE"),
    ("吉利", "帝豪", "L6T78"),
    ("长安", "逸动", "LS5A3"),
    ("日产", "轩逸", "LGBH5"),
)
PLATE_PREFIX = {"11": "京A", "12": "津A", "13": "冀A", "14": "晋A", "21": "辽A", "22": "吉A"}
PLATE_PREFIX |= {"32": "苏A", "33": "浙A", "34": "皖A", "35": "闽D", "36": "赣A", "37": "鲁A"}
PLATE_PREFIX |= {"41": "豫A", "42": "鄂A", "43": "湘A", "44": "粤A", "45": "桂A", "50": "渝A"}
PLATE_PREFIX |= {"51": "川A", "52": "贵A", "53": "云A", "61": "陕A", "62": "甘A"}

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    """GB 11643 check digit (ISO 7064 MOD 11-2)."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def org_check(body8: str) -> str:
    """GB 11714 organisation code check character."""
    total = sum(int(c, 36) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_check(first17: str) -> str:
    """GB 32100 unified social credit code check character."""
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARS[(31 - total % 31) % 31]


def credit_code(rng: random.Random, county: str, kind: str = "91") -> str:
    body = "".join(rng.choice("0123456789") for _ in range(8))
    org = body + org_check(body)
    first = kind + county + org
    return first + credit_check(first)


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    born: date
    id_number: str
    nation: str
    phone: str
    region: tuple[str, str, str, str]
    address: str


def person_name(rng: random.Random) -> str:
    surname = rng.choice(DOUBLE_SURNAMES) if rng.random() < 0.05 else rng.choice(SURNAMES)
    pool = RARE_GIVEN if rng.random() < 0.3 else COMMON_GIVEN
    given = rng.choice(pool)
    if len(surname) == 1 and rng.random() < 0.65:
        given += rng.choice(COMMON_GIVEN + RARE_GIVEN)
    return surname + given


def phone(rng: random.Random) -> str:
    head = rng.choice(("135", "136", "138", "139", "150", "152", "158", "177", "186", "189", "199"))
    return head + "".join(rng.choice("0123456789") for _ in range(8))


def address(rng: random.Random, region: tuple[str, str, str, str], rural: bool = False) -> str:
    _, prov, city, county = region
    head = (prov if prov == city else prov + city) + county
    if rural:
        return (
            head
            + rng.choice(TOWNS)
            + rng.choice(VILLAGES)
            + f"{rng.randint(1, 12)}组{rng.randint(1, 60)}号"
        )
    return (
        head
        + rng.choice(STREETS)
        + f"{rng.randint(1, 399)}号{rng.randint(1, 28)}栋"
        + f"{rng.randint(1, 3)}单元{rng.randint(1, 26)}{rng.randint(1, 4):02d}室"
    )


def person(
    rng: random.Random,
    region: tuple[str, str, str, str] | None = None,
    born_from: int = 1950,
    born_to: int = 2004,
    sex: str | None = None,
    rural: bool = False,
) -> Person:
    region = region or rng.choice(REGIONS)
    sex = sex or rng.choice("男女")
    born = date(born_from, 1, 1) + timedelta(days=rng.randint(0, (born_to - born_from) * 365))
    seq = rng.randint(0, 99) * 10 + (
        rng.choice((1, 3, 5, 7, 9)) if sex == "男" else rng.choice((0, 2, 4, 6, 8))
    )
    first = region[0] + born.strftime("%Y%m%d") + f"{seq:03d}"
    return Person(
        person_name(rng),
        sex,
        born,
        first + id_check(first),
        rng.choice(NATIONS),
        phone(rng),
        region,
        address(rng, region, rural),
    )


def enterprise(rng: random.Random, region: tuple[str, str, str, str], trade: str) -> str:
    city = region[2].removesuffix("市")
    return f"{city}{rng.choice(FIRM_WORDS)}{trade}有限公司"


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def day(rng: random.Random, start: date = date(2024, 1, 1), span: int = 700) -> date:
    return start + timedelta(days=rng.randint(0, span))


def amount(rng: random.Random, lo: int, hi: int) -> str:
    return f"{rng.randint(lo, hi) * 100:,}.00"


def upper_amount(n: int) -> str:
    """A whole-yuan amount in capital numerals (壹万贰仟叁佰元整)."""
    digits = "零壹贰叁肆伍陆柒捌玖"
    units = ("", "拾", "佰", "仟")
    out = ""
    for group, suffix in ((n // 10000, "万"), (n % 10000, "")):
        if not group:
            continue
        s = ""
        zero = False
        for i, c in enumerate(f"{group:04d}" if out else str(group)):
            k = int(c)
            pos = len(f"{group:04d}" if out else str(group)) - 1 - i
            if k == 0:
                zero = bool(s)
                continue
            if zero or (out and not s and i > 0):
                s += "零"
            zero = False
            s += digits[k] + units[pos]
        out += s + suffix
    return (out or "零") + "元整"
