"""The `ps` corpus's own people, enterprises and places, and its own check characters:
resident ID numbers (GB 11643, ISO 7064 MOD 11-2) and unified social credit codes
(GB 32100, with the organisation code's own GB 11714 check character inside)."""

from __future__ import annotations

import random
from dataclasses import dataclass

SURNAMES = (
    "王李林石田方何高马黄郭罗梁宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪"
    "任姜范金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严"
    "牛温芦季俞章鲁葛伍韦申尤毕聂焦向柳邢路岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项"
    "曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边"
)
COMPOUND = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "宇文",
    "长孙",
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏飞宇浩然梓涵子轩欣怡思远"
    "雨桐诗琪博文晨曦佳怡俊杰晓东海燕国栋立新春生秋菊冬梅建军卫东红梅爱民学良德胜永福宏伟振华庆丰"
)
RARE_GIVEN = "翀赟堃珺昶玥婕岚晟昊翊珩喆琛璟骁彧淼鑫犇垚焱燚煜曌湉沅渃懿"

# (district, county-level code) of the corpus's own places
DISTRICTS = (
    ("湖南省长沙市岳麓区", "430104"),
    ("浙江省金华市婺城区", "330702"),
    ("四川省绵阳市涪城区", "510703"),
    ("山东省潍坊市奎文区", "370705"),
    ("江西省赣州市章贡区", "360702"),
    ("河南省洛阳市涧西区", "410305"),
    ("广西壮族自治区柳州市鱼峰区", "450203"),
    ("吉林省吉林市船营区", "220204"),
    ("福建省泉州市丰泽区", "350503"),
    ("安徽省芜湖市镜湖区", "340202"),
    ("云南省曲靖市麒麟区", "530302"),
    ("甘肃省天水市秦州区", "620502"),
)
ROADS = (
    "桐梓坡路",
    "滨江大道",
    "临园路",
    "新华东街",
    "红旗中路",
    "长春路",
    "柳石路",
    "迎宾大道",
    "丰泽街",
)
WORDS = (
    "恒瑞",
    "汇丰达",
    "锦程",
    "鑫源",
    "德信",
    "宏图",
    "聚力",
    "安泰",
    "博远",
    "启明",
    "华岳",
    "瑞禾",
)
TRADES = (
    ("商贸", "日用百货、五金交电的销售"),
    ("建筑装饰工程", "建筑装饰工程施工、室内装潢设计"),
    ("餐饮管理", "餐饮服务、食品销售"),
    ("信息技术", "软件开发、信息系统集成服务"),
    ("农业科技", "农作物种植、农产品初加工"),
    ("物流", "普通货物道路运输、仓储服务"),
    ("医疗器械", "第一类医疗器械销售、第二类医疗器械销售"),
)
FORMS = ("有限公司", "有限责任公司", "股份有限公司")

ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(body: str) -> str:
    total = sum(int(c) * w for c, w in zip(body, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def uscc_check(body: str) -> str:
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def org_check(body: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(body, ORG_WEIGHTS, strict=True))
    c9 = 11 - total % 11
    return "X" if c9 == 10 else "0" if c9 == 11 else str(c9)


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str
    phone: str
    sex: str
    birth: tuple[int, int, int]
    district: str


@dataclass(frozen=True)
class Enterprise:
    name: str
    credit_code: str
    district: str
    address: str
    scope: str
    capital: int  # ten thousand yuan
    founded: tuple[int, int, int]


def person(rng: random.Random, carried: str | None = None) -> Person:
    """A mainland resident; with `carried`, a name whose every character is in it."""
    while True:
        surname = rng.choice(COMPOUND) if rng.random() < 0.12 else rng.choice(SURNAMES)
        pool = RARE_GIVEN if rng.random() < 0.3 else GIVEN
        given = "".join(
            rng.choice(pool) for _ in range(1 if len(surname) == 2 else rng.choice((1, 2, 2)))
        )
        name = surname + given
        if carried is None or all(c in carried for c in name):
            break
    district, code = rng.choice(DISTRICTS)
    y, m, d = rng.randint(1958, 2003), rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randint(0, 99)
    sex_digit = rng.randint(0, 9)
    body = f"{code}{y:04d}{m:02d}{d:02d}{seq:02d}{sex_digit}"
    phone = rng.choice(("13", "15", "17", "18", "19")) + "".join(
        str(rng.randint(0, 9)) for _ in range(9)
    )
    return Person(
        name, body + id_check(body), phone, "男" if sex_digit % 2 else "女", (y, m, d), district
    )


def enterprise(rng: random.Random) -> Enterprise:
    district, code = rng.choice(DISTRICTS)
    city = district.split("省")[-1].split("区")[0][:2] if "省" in district else "柳州"
    trade, scope = rng.choice(TRADES)
    name = f"{city}{rng.choice(WORDS)}{trade}{rng.choice(FORMS)}"
    org = "".join(rng.choice(USCC_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    body = "91" + code + org + org_check(org)
    address = f"{district}{rng.choice(ROADS)}{rng.randint(3, 688)}号"
    return Enterprise(
        name,
        body + uscc_check(body),
        district,
        address,
        scope,
        rng.choice((10, 30, 50, 100, 200, 500)),
        (rng.randint(2009, 2023), rng.randint(1, 12), rng.randint(1, 28)),
    )


def date(ymd: tuple[int, int, int]) -> str:
    return f"{ymd[0]}年{ymd[1]}月{ymd[2]}日"


def recent(rng: random.Random) -> tuple[int, int, int]:
    return (rng.choice((2025, 2026)), rng.randint(1, 12), rng.randint(1, 28))
