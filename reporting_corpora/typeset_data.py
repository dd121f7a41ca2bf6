"""People, places, enterprises and numbers of the `typeset` corpus: its own name lists and
its own code (GB 11643 ID numbers, GB 32100 credit codes with their GB 11714 organisation
code), drawn from the page's `random.Random`."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SURNAMES = words(
    "冯 韦 诸葛 郝 邬 安 常 乐 于 时 傅 皮 卞 齐 康 伍 余 元 卜 顾 孟 平 黄 和 穆 萧 尹 姚 邵 "
    "湛 汪 祁 毛 禹 狄 米 贝 明 臧 计 伏 成 戴 谈 宋 茅 庞 熊 纪 舒 屈 项 祝 董 梁 杜 阮 蓝 闵 "
    "席 季 麻 强 贾 路 娄 危 江 童 颜 郭 梅 盛 林 刁 钟 徐 邱 骆 高 夏 蔡 田 樊 胡 凌 霍 欧阳"
)
GIVEN = words(
    "晓 婉 泽 峻 岚 雯 皓 翊 珂 璐 昱 骁 芮 铮 琛 湘 楠 蔚 彬 恺 潇 钰 舟 澄 曦 嵘 瑾 鹭 岑 "
    "朗 茜 逸 笙 沅 菁 璟 炜 芃 淞 黎 韬 沐 蕾 屹 谦 瀚 熙 苒 珩 煜 旻 桐 筠 浔 焘 霁 濛 翀"
)

# (division code, province, city, district, province and city in web addresses):
# GB/T 2260 codes of real districts
PLACES = (
    ("320106", "江苏省", "南京市", "鼓楼区", "jiangsu", "nj"),
    ("320506", "江苏省", "苏州市", "吴中区", "jiangsu", "suzhou"),
    ("330106", "浙江省", "杭州市", "西湖区", "zhejiang", "hangzhou"),
    ("330203", "浙江省", "宁波市", "海曙区", "zhejiang", "ningbo"),
    ("440305", "广东省", "深圳市", "南山区", "guangdong", "sz"),
    ("440106", "广东省", "广州市", "天河区", "guangdong", "gz"),
    ("510107", "四川省", "成都市", "武侯区", "sichuan", "chengdu"),
    ("420106", "湖北省", "武汉市", "武昌区", "hubei", "wuhan"),
    ("370212", "山东省", "青岛市", "崂山区", "shandong", "qingdao"),
    ("610113", "陕西省", "西安市", "雁塔区", "shaanxi", "xa"),
    ("350203", "福建省", "厦门市", "思明区", "fujian", "xm"),
    ("430104", "湖南省", "长沙市", "岳麓区", "hunan", "changsha"),
    ("210106", "辽宁省", "沈阳市", "铁西区", "liaoning", "shenyang"),
    ("340104", "安徽省", "合肥市", "蜀山区", "anhui", "hefei"),
)
STREETS = words(
    "汉中 龙蟠 凤凰 梧桐 青溪 紫荆 云栖 望江 金沙 银杏 长乐 崇文 玉泉 丹桂 柳浪 松涛 "
    "白鹭 翠屏 广福 宝华"
)
STREET_KINDS = ("路", "大道", "街", "巷", "东路", "北街")
BRANDS = words(
    "恒瑞 启明 远帆 嘉禾 华澜 青岚 睿拓 鼎信 云杉 星汉 瀚川 沐阳 泓泰 知行 博越 锦程 "
    "朗峰 澄源 晟达 汇智 北辰 南枫 禾丰 拓维"
)
TRADES = words(
    "信息技术 商贸 建筑工程 餐饮管理 物流 生物医药 环保设备 文化传媒 农业开发 新材料 "
    "智能装备 供应链管理 教育咨询 医疗器械 电子商务 物业服务"
)
SHOPS = ("小吃店", "五金店", "便利店", "理发店", "水果店", "裁缝铺", "面馆", "修车铺")
CROPS = ("茶叶", "蔬菜", "柑橘", "水稻", "食用菌", "蓝莓", "中药材")
FIRMS = ("有限公司", "有限责任公司", "股份有限公司")

# GB 32100 character set: digits and capitals without I, O, Z, S, V
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))


@dataclass(frozen=True)
class Place:
    code: str
    province: str
    city: str
    district: str
    province_web: str
    city_web: str

    def address(self, rng: random.Random) -> str:
        street = rng.choice(STREETS) + rng.choice(STREET_KINDS)
        tail = rng.choice(
            (
                f"{rng.randint(1, 399)}号",
                f"{rng.randint(1, 199)}号{rng.randint(1, 28)}栋{rng.randint(101, 2604)}室",
                f"{rng.randint(1, 99)}号{rng.choice('ABCDE')}座{rng.randint(3, 31)}层",
            )
        )
        return f"{self.province}{self.city}{self.district}{street}{tail}"


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    birth: date
    id_number: str
    phone: str
    place: Place


@dataclass(frozen=True)
class Enterprise:
    name: str
    kind: str  # 类型 as a license prints it
    credit_code: str
    place: Place
    address: str


def id_check(body: str) -> str:
    """GB 11643 check character of the 17 first digits (ISO 7064 MOD 11-2)."""
    total = sum(int(c) * w for c, w in zip(body, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def org_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code body."""
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(body, ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def credit_check(body: str) -> str:
    """GB 32100 check character of the 17 first characters."""
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(body, CODE_WEIGHTS, strict=True))
    return CODE_CHARS[(31 - total % 31) % 31]


def place(rng: random.Random) -> Place:
    return Place(*rng.choice(PLACES))


def person(rng: random.Random, born_after: int = 1958, born_before: int = 2001) -> Person:
    where = place(rng)
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2, 2))))
    birth = date(born_after, 1, 1) + timedelta(
        days=rng.randrange((date(born_before, 12, 31) - date(born_after, 1, 1)).days)
    )
    seq = rng.randrange(1, 999)
    sex = "男" if seq % 2 else "女"
    body = f"{where.code}{birth:%Y%m%d}{seq:03d}"
    phone = rng.choice(("13", "15", "17", "18", "19")) + "".join(
        str(rng.randrange(10)) for _ in range(9)
    )
    return Person(name, sex, birth, body + id_check(body), phone, where)


def credit_code(rng: random.Random, where: Place, authority: str, kind: str) -> str:
    """Registration authority (9 market regulation, 3 justice), kind (1 enterprise,
    2 individual business, 3 farmers' cooperative; 1 law firm under 3)."""
    org = "".join(rng.choice(CODE_CHARS[:10] if k < 2 else CODE_CHARS) for k in range(8))
    body = f"{authority}{kind}{where.code}{org}{org_check(org)}"
    return body + credit_check(body)


def enterprise(rng: random.Random, form: str | None = None, long: bool = False) -> Enterprise:
    """An enterprise of a legal form drawn (or given): companies, a branch, a limited
    partnership, an individual business, a farmers' cooperative, a law firm."""
    where = place(rng)
    form = form or rng.choice(
        ("company", "company", "company", "branch", "partnership", "shop", "coop", "lawfirm")
    )
    brand, trade = rng.choice(BRANDS), rng.choice(TRADES)
    city = where.city.removesuffix("市")
    authority, kind_code = "9", "1"
    if form == "company":
        firm = rng.choice(FIRMS)
        if long:
            trade = trade + rng.choice(TRADES) + "技术开发"
        name = f"{city}{brand}{trade}{firm}"
        kind = {
            "有限公司": "有限责任公司（自然人投资或控股）",
            "有限责任公司": "有限责任公司（自然人独资）",
            "股份有限公司": "股份有限公司（非上市、自然人投资或控股）",
        }[firm]
    elif form == "branch":
        name = f"{city}{brand}{trade}有限公司{where.district}分公司"
        kind = "有限责任公司分公司（自然人投资或控股）"
    elif form == "partnership":
        purpose = rng.choice(("创业投资", "股权投资", "企业管理"))
        name = f"{city}{brand}{purpose}合伙企业（有限合伙）"
        kind = "有限合伙企业"
    elif form == "shop":
        name = f"{where.district}{brand}{rng.choice(SHOPS)}"
        kind, kind_code = "个体工商户", "2"
    elif form == "coop":
        name = f"{where.district}{brand}{rng.choice(CROPS)}种植农民专业合作社"
        kind, kind_code = "农民专业合作社", "3"
    else:
        name = f"{where.province.removesuffix('省')}{brand}律师事务所"
        kind, authority = "普通合伙律师事务所", "3"
    code = credit_code(rng, where, authority, kind_code)
    return Enterprise(name, kind, code, where, where.address(rng))


def day(rng: random.Random, start: date = date(2024, 1, 1), span_days: int = 700) -> date:
    return start + timedelta(days=rng.randrange(span_days))


def iso(d: date) -> str:
    return f"{d:%Y-%m-%d}"


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def amount(value: float) -> str:
    return f"{value:,.2f}"
