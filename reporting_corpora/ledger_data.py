"""People, enterprises, places and numbers of the `ledger` corpus, its own lists and its
own check-character code (GB 11643 for citizen ID numbers, GB 32100 with GB 11714 for
unified social credit codes), written apart from the pipeline and the other corpora."""

from __future__ import annotations

import random
from dataclasses import dataclass

# six-digit county codes (GB/T 2260) with their places, for ID numbers, credit codes and
# addresses that agree with each other
COUNTIES = (
    ("330106", "浙江省", "杭州市", "西湖区", ("文三路", "天目山路", "古墩路", "学院路")),
    ("320102", "江苏省", "南京市", "玄武区", ("中山路", "北京东路", "珠江路", "龙蟠路")),
    ("440305", "广东省", "深圳市", "南山区", ("科技南路", "南海大道", "后海大道", "学府路")),
    ("510107", "四川省", "成都市", "武侯区", ("武侯祠大街", "科华北路", "玉林北路", "高升桥路")),
    ("420106", "湖北省", "武汉市", "武昌区", ("中北路", "友谊大道", "武珞路", "徐东大街")),
    ("370202", "山东省", "青岛市", "市南区", ("香港中路", "东海西路", "山东路", "闽江路")),
    ("610113", "陕西省", "西安市", "雁塔区", ("小寨西路", "含光路", "长安南路", "科技路")),
    ("350203", "福建省", "厦门市", "思明区", ("湖滨南路", "厦禾路", "莲前西路", "鹭江道")),
    ("430104", "湖南省", "长沙市", "岳麓区", ("麓山南路", "桐梓坡路", "金星中路", "枫林三路")),
    ("210102", "辽宁省", "沈阳市", "和平区", ("南京北街", "三好街", "太原街", "十一纬路")),
)

PROVINCE_SHORT = {
    "浙江省": "浙", "江苏省": "苏", "广东省": "粤", "四川省": "川", "湖北省": "鄂",
    "山东省": "鲁", "陕西省": "陕", "福建省": "闽", "湖南省": "湘", "辽宁省": "辽",
}  # fmt: skip
SURNAMES = (
    "赵", "钱", "孙", "周", "吴", "郑", "冯", "陈", "褚", "卫", "蒋", "沈", "韩", "杨",
    "朱", "秦", "许", "何", "吕", "施", "孔", "曹", "严", "华", "金", "魏", "陶", "姜",
    "戚", "谢", "邹", "喻", "柏", "窦", "章", "苏", "潘", "葛", "范", "彭", "鲁", "韦",
    "马", "苗", "方", "俞", "任", "袁", "柳", "鲍", "史", "唐", "费", "岑", "薛", "雷",
)  # fmt: skip
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙")
GIVEN = (
    "晓", "梦", "子", "思", "雨", "佳", "嘉", "俊", "宇", "浩", "然", "欣", "怡", "婷",
    "蕾", "昊", "天", "博", "文", "涛", "琳", "璐", "悦", "彤", "航", "泽", "楠", "锋",
    "瑶", "鑫", "淼", "祎", "歆", "川", "岚", "舒", "亦", "凡", "若", "曦", "程", "铭",
    "煜", "骁", "菁", "蔚", "澜", "翊", "柯", "黎", "韬", "筠", "琦", "恺", "潇", "旻",
)  # fmt: skip
TRADE_NAMES = (
    "青禾", "云栖", "拾光", "鼎泰", "汇川", "澄明", "知行", "禾丰", "启源", "沐阳", "恒升",
    "松间", "远帆", "嘉禾", "朗润", "橙果", "易安", "卓越", "景和", "稻香",
)  # fmt: skip
INDUSTRIES = (
    ("餐饮管理", "餐饮服务；食品销售（仅销售预包装食品）"),
    ("信息技术", "软件开发；信息系统集成服务；数据处理和存储支持服务"),
    ("商贸", "日用百货销售；五金产品零售；文具用品批发"),
    ("建筑装饰工程", "住宅室内装饰装修；建筑装饰材料销售"),
    ("文化传媒", "组织文化艺术交流活动；广告设计、代理；会议及展览服务"),
    ("物业服务", "物业管理；停车场服务；家政服务"),
)
SHOP_KINDS = (
    ("小吃店", "小餐饮；食品销售"),
    ("便利店", "食品销售；日用百货销售；烟草制品零售"),
    ("理发店", "理发服务；美容服务"),
    ("五金店", "五金产品零售；电线、电缆经营"),
    ("水果店", "食用农产品零售；新鲜水果零售"),
    ("洗衣店", "洗烫服务；日用品销售"),
)
DIGITS_ZH = "〇一二三四五六七八九"
CAPITALS = "零壹贰叁肆伍陆柒捌玖"

ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(body17: str) -> str:
    """GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def org_check(body8: str) -> str:
    """GB 11714 check character of an organization code's 8 characters (digits and
    capitals, each counted by its value in base 36)."""
    total = sum(int(c, 36) * w for c, w in zip(body8, ORG_WEIGHTS, strict=True))
    c9 = 11 - total % 11
    return "X" if c9 == 10 else "0" if c9 == 11 else str(c9)


def credit_check(body17: str) -> str:
    """GB 32100 check character of the first 17 characters."""
    total = sum(CREDIT_CHARSET.index(c) * w for c, w in zip(body17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Person:
    name: str
    sex: str  # 男 / 女
    birth: tuple[int, int, int]
    id_number: str
    phone: str
    address: str
    nation: str


@dataclass(frozen=True)
class Enterprise:
    name: str
    credit_code: str
    address: str
    scope: str
    kind: str  # 有限责任公司（自然人投资或控股）/ 个体工商户 ...
    phone: str  # a landline
    district: str  # where it is registered


def person_name(rng: random.Random) -> str:
    """2 to 4 characters: single surname and one or two given characters, or a compound
    surname and one or two."""
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.2 else rng.choice(SURNAMES)
    return surname + "".join(rng.sample(GIVEN, rng.choice((1, 2, 2))))


def county(rng: random.Random) -> tuple[str, str, str, str, tuple[str, ...]]:
    return rng.choice(COUNTIES)


def address(rng: random.Random, place: tuple[str, str, str, str, tuple[str, ...]]) -> str:
    _, province, city, district, roads = place
    tail = rng.choice(
        (
            f"{rng.randint(1, 30)}幢{rng.randint(1, 4)}单元"
            f"{rng.randint(2, 28)}0{rng.randint(1, 4)}室",
            f"{rng.randint(1, 12)}号楼{rng.randint(101, 1902)}室",
            f"{rng.choice('东西南北')}区{rng.randint(1, 9)}号",
        )
    )
    return f"{province}{city}{district}{rng.choice(roads)}{rng.randint(1, 399)}号{tail}"


def mobile(rng: random.Random) -> str:
    return (
        rng.choice(("13", "15", "17", "18", "19"))
        + str(rng.randint(0, 9))
        + "".join(str(rng.randint(0, 9)) for _ in range(8))
    )


def landline(rng: random.Random, code: str) -> str:
    area = {
        "33": "0571", "32": "025", "44": "0755", "51": "028", "42": "027",
        "37": "0532", "61": "029", "35": "0592", "43": "0731", "21": "024",
    }[code[:2]]  # fmt: skip
    return f"{area}-{rng.randint(2, 8)}{rng.randint(1000000, 9999999)}"[: len(area) + 9]


def make_person(rng: random.Random, age: tuple[int, int] = (22, 64), sex: str = "") -> Person:
    place = county(rng)
    year = 2026 - rng.randint(*age)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    sex = sex or rng.choice("男女")
    seq = rng.randint(0, 499) * 2 + (1 if sex == "男" else 0)
    body = f"{place[0]}{year:04d}{month:02d}{day:02d}{seq:03d}"
    return Person(
        person_name(rng),
        sex,
        (year, month, day),
        body + id_check(body),
        mobile(rng),
        address(rng, place),
        rng.choice(("汉", "汉", "汉", "回", "满", "壮", "土家")),
    )


def credit_code(rng: random.Random, area: str, kind: str = "91") -> str:
    """A code of a registered business (kind 91 enterprise, 92 individual business): the
    registration authority and class, the county, a GB 11714 organization code (8
    characters from the credit code's alphabet and their check character), then the GB
    32100 check character."""
    body8 = "".join(rng.choice(CREDIT_CHARSET) for _ in range(8))
    body = f"{kind}{area}{body8}{org_check(body8)}"
    return body + credit_check(body)


def make_enterprise(rng: random.Random, shop: bool = False) -> Enterprise:
    place = county(rng)
    trade = rng.choice(TRADE_NAMES)
    if shop:
        kind_name, scope = rng.choice(SHOP_KINDS)
        name = f"{place[3]}{trade}{kind_name}"
        kind, code = "个体工商户", credit_code(rng, place[0], "92")
    else:
        industry, scope = rng.choice(INDUSTRIES)
        name = f"{place[2][:-1]}{trade}{industry}有限公司"
        kind = rng.choice(("有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）"))
        code = credit_code(rng, place[0])
    return Enterprise(
        name, code, address(rng, place), scope, kind, landline(rng, place[0]), place[3]
    )


def date_zh(d: tuple[int, int, int], pad: bool = False) -> str:
    y, m, day = d
    return f"{y}年{m:02d}月{day:02d}日" if pad else f"{y}年{m}月{day}日"


def date_capital(d: tuple[int, int, int]) -> str:
    """二〇二六年十一月三日, as certificates print their date of issue."""
    y, m, day = d

    def small(n: int) -> str:
        tens, ones = divmod(n, 10)
        return (
            ("" if tens < 2 else DIGITS_ZH[tens])
            + ("十" if tens else "")
            + (DIGITS_ZH[ones] if ones else "")
        )

    return "".join(DIGITS_ZH[int(c)] for c in str(y)) + f"年{small(m)}月{small(day)}日"


def some_date(rng: random.Random, year: int = 2026) -> tuple[int, int, int]:
    return (year, rng.randint(1, 11), rng.randint(1, 28))


def amount_capital(yuan: int) -> str:
    """人民币 capitals of a whole amount below 100 000 000: 叁仟伍佰元整."""
    units = ("", "拾", "佰", "仟")
    out = ""

    def group(n: int) -> str:
        s, zero = "", False
        for k in range(3, -1, -1):
            d = n // 10**k % 10
            if d:
                if zero and s:
                    s += "零"
                s, zero = s + CAPITALS[d] + units[k], False
            else:
                zero = True
        return s

    high, low = divmod(yuan, 10000)
    if high:
        out = group(high) + "万"
        if low and low < 1000:
            out += "零"
    out += group(low)
    return (out or "零") + "元整"


def money(yuan: float) -> str:
    return f"{yuan:,.2f}"
