"""The `latex` corpus's people, enterprises and numbers (its own pools and its own
check-character code, shared with no other corpus): 18-digit resident ID numbers with the
GB 11643 check character, 18-character unified social credit codes with the GB 32100 one
(the organisation code inside carrying GB 11714's), mobile numbers, addresses, dates and
amounts, all drawn from a seeded Random."""

from __future__ import annotations

import random
from dataclasses import dataclass

# single surnames, a few compound ones, given-name characters (some rarer ones too)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜谢邹喻柏窦章苏潘葛范彭郎鲁韦马苗凤方俞任袁柳鲍史唐费薛雷贺倪汤殷罗毕郝邬安常乐于傅齐康伍余顾孟黄萧尹姚邵汪祁毛狄米贝明臧计伏成戴谈宋庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄江童颜郭梅盛林钟徐邱骆高夏蔡田樊胡凌霍虞万柯卢莫房解应宗丁宣邓单杭洪包诸左石崔龚程邢裴陆荣翁荀甄曲封储靳焦牧山谷车侯全班仰秋仲伊宫宁仇栾甘厉戎祖武符刘景詹龙叶幸司黎薄白蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阳胥苍双闻莘党翟谭贡姬申扶堵冉宰雍桑桂濮牛寿通边扈燕冀浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧沃利蔚越夔隆师巩聂晁勾敖融冷辛阚那简饶空曾沙养鞠须丰巢关蒯相查荆红游竺权逯盖益桓公"  # noqa: E501
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "宇文", "慕容", "端木")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红飞鹏宇浩凯俊帆晨欣怡雪琳晓燕云峰海波志鸿文博思远嘉颖婷雯琪瑞丹宁泽楠梓涵子轩睿哲彤昕铭诚翔旭东春梅立新永庆德福荣辉佳悦蕾薇倩莹若曦晗煜炜琛珂璇瑶琼"  # noqa: E501
RARE_GIVEN = "翀昶頔珣璟琰祎玥晞煊燊淼垚鑫焱喆赟翯骞弢翊昀珏瑾璠祺禛"

# county-level regions: (GB/T 2260 code, province, city, district)
REGIONS = (
    ("320583", "江苏省", "苏州市", "昆山市"),
    ("350203", "福建省", "厦门市", "思明区"),
    ("420106", "湖北省", "武汉市", "武昌区"),
    ("510107", "四川省", "成都市", "武侯区"),
    ("610113", "陕西省", "西安市", "雁塔区"),
    ("370213", "山东省", "青岛市", "李沧区"),
    ("430104", "湖南省", "长沙市", "岳麓区"),
    ("450103", "广西壮族自治区", "南宁市", "青秀区"),
    ("140105", "山西省", "太原市", "小店区"),
    ("530102", "云南省", "昆明市", "五华区"),
    ("340104", "安徽省", "合肥市", "蜀山区"),
    ("220104", "吉林省", "长春市", "朝阳区"),
)
ROADS = ("枫林路", "金湖大道", "南屏街", "青年巷", "东风北路", "柳荫街", "新华西路", "滨江中路",
         "学府路", "桃源里", "星光大道", "古楼巷", "长乐路", "和平东路")  # fmt: skip
COMMUNITIES = (
    "锦绣花园",
    "翠湖苑",
    "阳光新城",
    "梧桐小区",
    "丽景湾",
    "金桂园",
    "银杏公寓",
    "书香门第",
)
TRADE_NAMES = ("瑞禾", "鼎升", "恒通", "沐阳", "嘉程", "拓远", "汇川", "鹏展", "启明", "青禾", "华晟",  # noqa: E501
               "麦田", "润泽", "远帆", "立信", "墨林", "知行", "九州", "丰源", "睿思")  # fmt: skip
INDUSTRIES = (
    ("餐饮管理", "餐饮服务；食品销售；外卖递送服务"),
    ("信息技术", "软件开发；信息系统集成服务；数据处理和存储支持服务"),
    ("商贸", "日用百货销售；五金产品零售；家用电器销售"),
    ("建筑装饰工程", "住宅室内装饰装修；建筑装饰材料销售；园林绿化工程施工"),
    ("物流", "普通货物仓储服务；国内货物运输代理；装卸搬运"),
    ("文化传媒", "组织文化艺术交流活动；广告设计、代理；会议及展览服务"),
    ("农业科技", "蔬菜种植；农产品的生产、销售、加工；农业机械服务"),
    ("医疗器械", "第一类医疗器械销售；第二类医疗器械销售；健康咨询服务"),
)
FORMS = ("有限公司", "有限责任公司", "股份有限公司", "合伙企业（有限合伙）")
SHOP_KINDS = ("便利店", "小吃店", "五金店", "理发店", "水果店", "烟酒店")
CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"

# GB 11643 weights for the 17 body digits; the check characters by remainder mod 11
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECKS = "10X98765432"
# GB 32100: the 31 characters of a credit code (no I, O, Z, S, V) and weights 3^i mod 31
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
# GB 11714 organisation code: digits and capitals, weights, check mod 11 (10 is X)
_ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(body: str) -> str:
    """The GB 11643 check character of a 17-digit ID body."""
    return _ID_CHECKS[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def code_check(body: str) -> str:
    """The GB 32100 check character of a 17-character credit code body."""
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(body, _CODE_WEIGHTS, strict=True))
    return _CODE_CHARS[(31 - total % 31) % 31]


def org_check(body: str) -> str:
    """The GB 11714 check character of an 8-character organisation code body."""
    total = sum(_ORG_CHARS.index(c) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    r = 11 - total % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    id_number: str
    phone: str
    birth: str  # 1988年03月07日
    address: str


@dataclass(frozen=True)
class Enterprise:
    name: str
    credit_code: str
    scope: str
    form: str
    region: tuple[str, str, str, str]
    address: str


def person_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.12 else rng.choice(SURNAMES)
    pool = GIVEN + RARE_GIVEN if rng.random() < 0.4 else GIVEN
    given = "".join(
        rng.choice(pool) for _ in range(1 if len(surname) == 2 else rng.choice((1, 2, 2)))
    )
    return surname + given


def address(rng: random.Random, region: tuple[str, str, str, str]) -> str:
    _, province, city, district = region
    if rng.random() < 0.5:
        tail = f"{rng.choice(ROADS)}{rng.randint(1, 399)}号{rng.choice(COMMUNITIES)}{rng.randint(1, 28)}栋{rng.randint(1, 32)}0{rng.randint(1, 6)}室"  # noqa: E501
    else:
        tail = f"{rng.choice(ROADS)}{rng.randint(1, 899)}号{rng.randint(1, 12)}楼"
    return f"{province}{city}{district}{tail}"


def phone(rng: random.Random) -> str:
    prefix = rng.choice(
        ("139", "138", "136", "158", "187", "135", "150", "182", "177", "199", "191")
    )
    return prefix + "".join(str(rng.randint(0, 9)) for _ in range(8))


def person(rng: random.Random) -> Person:
    region = rng.choice(REGIONS)
    year, month, day = rng.randint(1954, 2003), rng.randint(1, 12), rng.randint(1, 28)
    sex = rng.choice("男女")
    parity = rng.randint(0, 4) * 2 + (1 if sex == "男" else 0)
    body = f"{region[0]}{year:04d}{month:02d}{day:02d}{rng.randint(0, 99):02d}{parity}"
    return Person(
        person_name(rng), sex, body + id_check(body), phone(rng),
        f"{year}年{month:02d}月{day:02d}日", address(rng, region),
    )  # fmt: skip


def credit_code(rng: random.Random, region_code: str, kind: str = "91") -> str:
    """A unified social credit code: registering body and kind (91 an enterprise, 92 an
    individual business, 93 a farmers' cooperative), region, organisation code, check."""
    org = "".join(rng.choice(_ORG_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    body = kind + region_code + org + org_check(org)
    return body + code_check(body)


def enterprise(rng: random.Random, form: str | None = None) -> Enterprise:
    region = rng.choice(REGIONS)
    industry, scope = rng.choice(INDUSTRIES)
    form = form or rng.choice(FORMS)
    city = region[2].removesuffix("市")
    if form == "个体工商户":
        name = f"{region[3]}{rng.choice(TRADE_NAMES)}{rng.choice(SHOP_KINDS)}"
    else:
        name = f"{city}{rng.choice(TRADE_NAMES)}{industry}{form}"
    kind = "92" if form == "个体工商户" else "91"
    return Enterprise(
        name, credit_code(rng, region[0], kind), scope, form, region, address(rng, region)
    )


def date(rng: random.Random, year: int = 2026) -> tuple[int, int, int]:
    return year, rng.randint(1, 11), rng.randint(1, 28)


def ymd(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


def money(yuan: float) -> str:
    """¥7,350.00"""
    return f"¥{yuan:,.2f}"


def capital_yuan(n: int) -> str:
    """An integer amount of yuan in capital numerals: 144000 → 壹拾肆万肆仟元整."""
    if n == 0:
        return "零元整"

    def four(v: int) -> str:
        out, zero = "", False
        for unit, p in (("仟", 1000), ("佰", 100), ("拾", 10), ("", 1)):
            d = v // p % 10
            if d:
                out += ("零" if zero and out else "") + CAPITAL_DIGITS[d] + unit
                zero = False
            else:
                zero = True
        return out

    wan, rest = divmod(n, 10000)
    text = four(wan) + "万" if wan else ""
    if rest:
        text += ("零" if wan and rest < 1000 else "") + four(rest)
    return text + "元整"
