"""People, enterprises and numbers of the `qt` corpus: its own name lists and its own
check-character code (GB 11643 for ID numbers, GB 32100 for credit codes)."""

from __future__ import annotations

import random

SURNAMES = "冯蒋韩卫褚沈陶姜戚严华金魏柏窦章苏潘葛范彭鲁韦昌马苗凤花方俞任袁柳鲍史唐"
GIVEN = "思远建平秀英志刚海燕俊杰丽娟晓峰春梅国庆玉兰德明桂芳振华淑珍永强雪莲宏伟"
CITIES = ("嘉兴", "绍兴", "湖州", "台州", "金华", "衢州", "丽水", "舟山")
CITY_CODES = {
    "嘉兴": "330402",
    "绍兴": "330602",
    "湖州": "330502",
    "台州": "331002",
    "金华": "330702",
    "衢州": "330802",
    "丽水": "331102",
    "舟山": "330902",
}
CORES = ("锦程", "瑞丰", "德润", "恒晟", "汇川", "清和", "众拓", "隆鑫", "博远", "安泰")
TRADES = ("纺织品", "电子科技", "物流", "餐饮管理", "建材", "文化传媒", "农业开发", "机械制造")
FORMS = ("有限公司", "有限责任公司", "股份有限公司")
STREETS = ("中山路", "解放路", "人民大道", "南湖路", "环城西路", "建设路", "新华街")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def person(rng: random.Random) -> str:
    """A name of two to four characters from this corpus's lists."""
    n = rng.choice((1, 2, 2, 2))
    surname = rng.choice(SURNAMES)
    if rng.random() < 0.05:
        surname += rng.choice("欧司上")  # rarely a two-character surname: 4 chars in all
    return surname + "".join(rng.choice(GIVEN) for _ in range(n))


def id_number(rng: random.Random, city: str | None = None) -> str:
    area = CITY_CODES[city or rng.choice(CITIES)]
    body = (
        f"{area}{rng.randint(1956, 2003)}{rng.randint(1, 12):02d}"
        f"{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    )
    return body + id_check(body)


def id_check(body: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def credit_code(rng: random.Random, city: str | None = None) -> str:
    org = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    org += org_check(org)
    body = "91" + CITY_CODES[city or rng.choice(CITIES)] + org
    return body + credit_check(body)


def org_check(org8: str) -> str:
    # GB 11714 check of the organisation code inside the credit code
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in org8]
    c = 11 - sum(v * w for v, w in zip(values, weights, strict=True)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_check(body17: str) -> str:
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(body17, _CODE_WEIGHTS, strict=True))
    return _CODE_CHARS[(31 - total % 31) % 31]


def phone(rng: random.Random) -> str:
    return rng.choice(("135", "138", "150", "158", "177", "189", "199")) + "".join(
        str(rng.randint(0, 9)) for _ in range(8)
    )


def enterprise(rng: random.Random, city: str) -> str:
    return city + rng.choice(CORES) + rng.choice(TRADES) + rng.choice(FORMS)


def address(rng: random.Random, city: str) -> str:
    return f"浙江省{city}市{rng.choice(STREETS)}{rng.randint(2, 388)}号"


def day(rng: random.Random) -> tuple[int, int, int]:
    return 2026, rng.randint(1, 11), rng.randint(1, 28)


def money(rng: random.Random) -> str:
    return f"{rng.choice((10, 30, 50, 100, 200, 500, 1000))}万元"
