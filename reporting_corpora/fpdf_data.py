"""Made-up people, businesses and numbers for the `fpdf` corpus, from the seed: ID numbers
with their GB 11643 check character, unified social credit codes with their GB 32100
check character over a GB 11714 organisation code, mobile numbers, dates and amounts."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
ID_CHECKS = "10X98765432"
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, S, V, Z
CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def id_check(body: str) -> str:
    return ID_CHECKS[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS, strict=True)) % 11]


def org_check(body: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(body, ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_check(body: str) -> str:
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(body, CODE_WEIGHTS, strict=True))
    return CODE_CHARS[(31 - total % 31) % 31]


@dataclass(frozen=True)
class Place:
    code: str  # GB/T 2260 county code
    province: str
    city: str
    district: str
    streets: tuple[str, ...]


PLACES = (
    Place("370102", "山东省", "济南市", "历下区", ("泉城路", "解放路", "文化东路")),
    Place("410105", "河南省", "郑州市", "金水区", ("花园路", "经三路", "农业路")),
    Place("350203", "福建省", "厦门市", "思明区", ("湖滨南路", "厦禾路", "莲前西路")),
    Place("430104", "湖南省", "长沙市", "岳麓区", ("麓山南路", "枫林三路", "桐梓坡路")),
    Place("340104", "安徽省", "合肥市", "蜀山区", ("长江西路", "潜山路", "黄山路")),
    Place("450103", "广西壮族自治区", "南宁市", "青秀区", ("民族大道", "东葛路", "竹溪大道")),
    Place("620102", "甘肃省", "兰州市", "城关区", ("庆阳路", "张掖路", "天水南路")),
    Place("360111", "江西省", "南昌市", "青山湖区", ("北京东路", "南京东路", "湖滨东路")),
    Place("130104", "河北省", "石家庄市", "桥西区", ("中山西路", "裕华西路", "自强路")),
    Place("520102", "贵州省", "贵阳市", "南明区", ("中华南路", "遵义路", "花果园大街")),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂焦向柳邢骆岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花仇艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠桑荆银明沙伏岑习胥保和蔺"  # noqa: E501
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰建文辉力鹏宇浩凯俊峰晨雪琳欣怡梓涵子轩雨博宏志海波斌鑫健鹤颖蕾薇倩婷露瑶佳慧晓东南春秋冬松柏梅竹翔鸿毅"  # noqa: E501
TRADES = (
    ("餐饮管理", "餐饮服务；食品销售；餐饮管理；外卖递送服务"),
    ("商贸", "日用百货销售；五金产品零售；电子产品销售；文具用品零售；家用电器销售"),
    ("信息技术", "软件开发；信息技术咨询服务；信息系统集成服务；数据处理服务；计算机系统服务"),
    ("建材", "建筑材料销售；轻质建筑材料销售；金属材料销售；装卸搬运；普通货物仓储服务"),
    ("农业科技", "农业科学研究和试验发展；初级农产品收购；食用农产品批发；谷物种植"),
    ("物业服务", "物业管理；停车场服务；家政服务；园林绿化工程施工；专业保洁、清洗、消毒服务"),
    ("文化传媒", "组织文化艺术交流活动；广告设计、代理；会议及展览服务；摄影扩印服务"),
    ("医疗器械", "第一类医疗器械销售；第二类医疗器械销售；医护人员防护用品零售；日用口罩销售"),
)
WORDS = "恒瑞鼎盛华泰宏远嘉禾润丰启航博雅锦程信达汇通金桥瑞祥德隆永昌聚源同创星辰天元鸿运"
SHOPS = ("便利店", "小吃店", "水果店", "理发店", "五金店", "面馆", "干洗店", "烟酒商行")


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    born: dt.date
    id_number: str
    phone: str
    address: str


@dataclass(frozen=True)
class Firm:
    name: str
    short: str
    credit_code: str
    scope: str
    address: str
    capital: int  # 万元
    founded: dt.date
    place: Place


def person_name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
    return rng.choice(SURNAMES) + given


def address(rng: random.Random, place: Place) -> str:
    tail = rng.choice(
        (
            f"{rng.randint(1, 399)}号",
            f"{rng.randint(1, 199)}号{rng.randint(1, 28)}层{rng.randint(1, 30):02d}室",
            f"{rng.randint(1, 99)}号院{rng.randint(1, 12)}号楼{rng.randint(1, 6)}单元"
            f"{rng.randint(1, 24)}{rng.randint(1, 4):02d}",
        )
    )
    return f"{place.province}{place.city}{place.district}{rng.choice(place.streets)}{tail}"


def phone(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + "".join(
        str(rng.randint(0, 9)) for _ in range(9)
    )


def person(rng: random.Random, place: Place | None = None) -> Person:
    place = place or rng.choice(PLACES)
    born = dt.date(1958, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 45))
    sex = rng.choice("男女")
    seq = rng.randint(0, 49) * 2 + (1 if sex == "男" else 0)
    body = f"{place.code}{born:%Y%m%d}{rng.randint(0, 9)}{seq:02d}"
    return Person(
        person_name(rng), sex, born, body + id_check(body), phone(rng), address(rng, place)
    )


def credit_code(rng: random.Random, place: Place, kind: str = "92") -> str:
    """`kind`: 91 a company, 92 an individual business."""
    org = "MA" + "".join(rng.choice(CODE_CHARS[:31]) for _ in range(6))
    org += org_check(org)
    if org[-1] not in CODE_CHARS:  # pragma: no cover - org checks are digits or X
        raise ValueError(org)
    body = kind + place.code + org
    return body + credit_check(body)


def firm(rng: random.Random, place: Place | None = None) -> Firm:
    place = place or rng.choice(PLACES)
    trade, scope = rng.choice(TRADES)
    i = rng.randrange(0, len(WORDS) - 1, 2)
    short = WORDS[i : i + 2]
    city = place.city.removesuffix("市")
    name = f"{city}{short}{trade}有限公司"
    founded = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 13))
    return Firm(
        name,
        short,
        credit_code(rng, place, "91"),
        scope,
        address(rng, place),
        rng.choice((10, 30, 50, 100, 200, 500, 1000)),
        founded,
        place,
    )


def shop(rng: random.Random, owner: Person, place: Place) -> str:
    return f"{place.city.removesuffix('市')}{place.district}{owner.name}{rng.choice(SHOPS)}"


def date(rng: random.Random, start: dt.date = dt.date(2025, 3, 1), days: int = 600) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, days))


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


DIGITS = "零壹贰叁肆伍陆柒捌玖"


def upper_amount(yuan: int) -> str:
    """人民币 in capitals, whole yuan (as leases write the rent): 叁仟伍佰元整."""
    units = ["", "拾", "佰", "仟", "万", "拾", "佰", "仟"]
    s = str(yuan)
    out = []
    zero = False
    for i, ch in enumerate(s):
        pos = len(s) - 1 - i
        d = int(ch)
        if d == 0:
            zero = True
            if pos == 4:
                out.append("万")
                zero = False
            continue
        if zero and out:
            out.append("零")
        zero = False
        out.append(DIGITS[d] + units[pos])
    return "".join(out) + "元整"


def money(x: float) -> str:
    return f"{x:,.2f}"
