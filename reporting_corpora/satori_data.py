"""People, enterprises and numbers of the `satori` corpus, with its own check-character code
(GB 11643 for resident ID numbers, GB 32100 with GB 11714 inside for unified social credit
codes). Nothing here is shared with another corpus."""

from __future__ import annotations

import random
from dataclasses import dataclass

# surnames: common ones and a few rarer ones, plus compound surnames
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
    "于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾韦夏付方邹熊白孟秦邱侯江尹薛闫段雷"
    "龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄滕"
)
RARE_SURNAMES = "禤蒯阚訾厍甄蔺糜郦晏靳逯隗仝佘邝"
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅春燕晓东海波"
    "宇浩然子轩欣怡梓涵雨萱博文思远嘉豪诗琪佳琪俊杰一诺宏图振华立新永胜德林凤琴淑珍"
)
RARE_GIVEN = "翀昶玥翊珩琮璟堃淼焱犇鑫垚喆煜晗昀旻祎婕妤骞蓁芃湉瑗璐珺"

# county-level divisions: (code, province, city, county)
REGIONS = (
    ("420106", "湖北省", "武汉市", "武昌区"),
    ("420111", "湖北省", "武汉市", "洪山区"),
    ("430104", "湖南省", "长沙市", "岳麓区"),
    ("360111", "江西省", "南昌市", "青山湖区"),
    ("520102", "贵州省", "贵阳市", "南明区"),
    ("530102", "云南省", "昆明市", "五华区"),
    ("450103", "广西壮族自治区", "南宁市", "青秀区"),
    ("610113", "陕西省", "西安市", "雁塔区"),
    ("620102", "甘肃省", "兰州市", "城关区"),
    ("150102", "内蒙古自治区", "呼和浩特市", "新城区"),
    ("340104", "安徽省", "合肥市", "蜀山区"),
    ("350203", "福建省", "厦门市", "思明区"),
    ("370202", "山东省", "青岛市", "市南区"),
    ("140105", "山西省", "太原市", "小店区"),
)
STREETS = (
    "解放路",
    "中山大道",
    "人民北路",
    "建设街",
    "和平巷",
    "滨江东路",
    "文化路",
    "光明街",
    "朝阳北路",
    "新华西路",
    "学府路",
    "长青街",
    "桂花巷",
    "工农路",
    "友谊大道",
    "翠湖南路",
)
COMMUNITIES = ("幸福里", "东湖", "花园村", "新桥", "锦绣", "南湖", "金桥", "丰收", "柳林", "银杏")
TRADE_NAMES = (
    "鸿晟",
    "嘉禾",
    "恒顺",
    "瑞丰",
    "锦程",
    "泓源",
    "汇通",
    "德昌",
    "宏达",
    "兴邦",
    "华瀚",
    "盛世",
    "博远",
    "正阳",
    "祥瑞",
    "卓越",
    "润泽",
    "昱晖",
    "翔宇",
    "铭森",
    "沁园",
    "澜庭",
)
INDUSTRIES = (
    ("商贸", "日用百货、五金交电、针纺织品批发零售"),
    ("科技", "软件开发；信息技术咨询服务；计算机系统集成"),
    ("餐饮管理", "餐饮服务；餐饮管理；食品销售"),
    ("建筑劳务", "建筑劳务分包；土石方工程施工；建筑装饰材料销售"),
    ("物流", "普通货物道路运输；仓储服务；装卸搬运"),
    ("农业开发", "蔬菜、水果种植与销售；农业技术推广服务"),
    ("文化传媒", "广告设计、制作、代理；组织文化艺术交流活动"),
    ("医疗器械", "第一类医疗器械销售；第二类医疗器械销售"),
    ("环保工程", "污水处理及其再生利用；环境保护专用设备销售"),
)
SHOP_KINDS = (
    ("便利店", "店"),
    ("小吃店", "店"),
    ("理发店", "店"),
    ("茶馆", "馆"),
    ("面馆", "馆"),
    ("照相馆", "馆"),
    ("五金经营部", "部"),
    ("日杂经营部", "部"),
    ("服装店", "店"),
)
LEGAL_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "合伙企业（有限合伙）", "个体工商户")
MOBILE_PREFIXES = (
    "134",
    "135",
    "136",
    "138",
    "139",
    "150",
    "151",
    "152",
    "157",
    "158",
    "159",
    "166",
    "170",
    "176",
    "177",
    "180",
    "181",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, Z, S, V
CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    """GB 11643 check character of the first 17 digits of a resident ID number."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def code_check(first17: str) -> str:
    """GB 32100 check character of a unified social credit code's first 17 characters."""
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(first17, CODE_WEIGHTS, strict=True))
    return CODE_CHARS[(31 - total % 31) % 31]


def org_check(first8: str) -> str:
    """GB 11714 check character of an organisation code's first 8 characters."""
    total = sum(ORG_CHARS.index(c) * w for c, w in zip(first8, ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    birth: tuple[int, int, int]
    id_number: str
    phone: str
    address: str


def full_name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.1:
        surname = rng.choice(COMPOUND_SURNAMES)
    elif r < 0.2:
        surname = rng.choice(RARE_SURNAMES)
    else:
        surname = rng.choice(SURNAMES)
    pool = GIVEN + RARE_GIVEN
    n = 1 if len(surname) == 2 and rng.random() < 0.6 else rng.choice((1, 2, 2))
    given = "".join(rng.choice(RARE_GIVEN if rng.random() < 0.25 else pool) for _ in range(n))
    return surname + given


def region(rng: random.Random) -> tuple[str, str, str, str]:
    return rng.choice(REGIONS)


def address(rng: random.Random, reg: tuple[str, str, str, str] | None = None) -> str:
    _, prov, city, county = reg or region(rng)
    street = rng.choice(STREETS)
    if rng.random() < 0.5:
        return f"{prov}{city}{county}{street}{rng.randint(1, 399)}号"
    return (
        f"{prov}{city}{county}{street}{rng.randint(1, 199)}号{rng.choice(COMMUNITIES)}小区"
        f"{rng.randint(1, 28)}栋{rng.randint(1, 4)}单元"
        f"{rng.randint(1, 33)}{rng.randint(1, 4):02d}室"
    )


def phone(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(8))


def id_number(rng: random.Random, code: str, birth: tuple[int, int, int], sex: str) -> str:
    y, m, d = birth
    seq = rng.randint(0, 99)
    sex_digit = rng.choice("13579" if sex == "男" else "02468")
    first17 = f"{code}{y:04d}{m:02d}{d:02d}{seq:02d}{sex_digit}"
    return first17 + id_check(first17)


def person(rng: random.Random, min_age: int = 18, max_age: int = 75) -> Person:
    reg = region(rng)
    sex = rng.choice("男女")
    birth = (2026 - rng.randint(min_age, max_age), rng.randint(1, 12), rng.randint(1, 28))
    return Person(
        full_name(rng),
        sex,
        birth,
        id_number(rng, reg[0], birth, sex),
        phone(rng),
        address(rng, reg),
    )


def credit_code(rng: random.Random, county_code: str, kind: str = "92") -> str:
    """18 characters: registering authority and kind (`91` enterprise, `92` individual
    business, `93` farmers' cooperative), county code, organisation code (GB 11714 check
    character last), GB 32100 check character."""
    body = "".join(rng.choice(ORG_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    org = body + org_check(body)
    first17 = kind + county_code + org
    if any(c not in CODE_CHARS for c in first17):  # GB 11714's X is in CODE_CHARS
        raise ValueError(first17)
    return first17 + code_check(first17)


@dataclass(frozen=True)
class Enterprise:
    name: str
    form: str
    credit_code: str
    region: tuple[str, str, str, str]
    scope: str
    address: str
    capital: int  # yuan; 0 for an individual business


def enterprise(rng: random.Random, form: str | None = None) -> Enterprise:
    reg = region(rng)
    form = form or rng.choice(LEGAL_FORMS)
    trade = rng.choice(TRADE_NAMES)
    city = reg[2].removesuffix("市")
    if form == "个体工商户":
        kind, suffix = rng.choice(SHOP_KINDS)
        name = f"{reg[3]}{trade}{kind}"
        assert name.endswith(suffix)
        scope = "日用品零售；食品销售；餐饮服务" if "馆" in kind else "日用百货零售；五金产品零售"
        return Enterprise(
            name, form, credit_code(rng, reg[0], "92"), reg, scope, address(rng, reg), 0
        )
    industry, scope = rng.choice(INDUSTRIES)
    name = f"{city}{trade}{industry}{form}"
    capital = rng.choice((50, 100, 200, 300, 500, 800, 1000, 2000)) * 10000
    return Enterprise(
        name, form, credit_code(rng, reg[0], "91"), reg, scope, address(rng, reg), capital
    )


def date_cn(y: int, m: int, d: int) -> str:
    return f"{y}年{m}月{d}日"


def rand_date(rng: random.Random, year: int = 2026) -> tuple[int, int, int]:
    return (year, rng.randint(1, 11), rng.randint(1, 28))


def yuan(amount: float) -> str:
    """¥7,350.00"""
    return f"¥{amount:,.2f}"


DIGITS_CAP = "零壹贰叁肆伍陆柒捌玖"


def capital_yuan(n: int) -> str:
    """An integer amount of yuan in capital numerals (up to 9999 万), e.g. 壹拾万零伍元整."""
    if n == 0:
        return "零元整"

    def four(x: int) -> str:
        out, zero = "", False
        for value, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
            digit = x // value % 10
            if digit == 0:
                zero = bool(out)
            else:
                if zero:
                    out += "零"
                    zero = False
                out += DIGITS_CAP[digit] + unit
        return out

    high, low = divmod(n, 10000)
    text = ""
    if high:
        text = four(high) + "万"
        if low and low < 1000:
            text += "零"
    if low:
        text += four(low)
    return text + "元整"
