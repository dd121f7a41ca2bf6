"""The `coverage` corpus's five layouts, each a national form or certificate a service
hall receives: 出生医学证明 (a two-column certificate, the mother left, the father right,
the hospital's seal over its date), 城乡居民基本养老保险参保登记表 (a table with spans,
entries by hand, tick boxes, signature and date rows, small-print notes, the village
committee's seal), 二手车交易登记表 (seller and buyer side by side, the vehicle's table,
the price in figures and capitals, the market's seal), 排污许可证 (a certificate with a
QR-like block, the bureau's seal over the date, a clerk's note by hand) and
无犯罪记录证明 (prose, notes in small print, the police station's seal over its name).

Text is added in reading order: a table row by row, left to right, each cell whole;
side-by-side blocks left then right. Seal words are not text."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from reporting_corpora.coverage_data import (
    CAR_BRANDS,
    PLATE_PREFIX,
    REGIONS,
    TRADES,
    Person,
    address,
    cn_date,
    credit_code,
    day,
    enterprise,
    person,
    upper_amount,
)
from reporting_corpora.coverage_draw import PX_W, Hand, Page, measure, wrap

BODY = 40.0
SMALL = 31.0
LEFT, RIGHT = 200.0, PX_W - 200.0


def _hand(rng: random.Random, ink: str = "hand") -> Hand:
    return Hand(
        slant=rng.uniform(0.05, 0.22),
        width=rng.uniform(0.035, 0.05),
        jitter=rng.uniform(0.006, 0.014),
        drift=rng.uniform(0.02, 0.05),
        rng_seed=rng.randrange(1 << 30),
        ink=ink,
    )


def _title(page: Page, y: float, s: str, size: float = 78.0) -> None:
    page.text(PX_W / 2, y, s, size, "bold", anchor="c")


def _cell(
    page: Page,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    s: str,
    size: float = BODY,
    role: str = "print",
    align: str = "c",
    hand: Hand | None = None,
    border: bool = True,
) -> None:
    """A table cell: its border, and its text wrapped to its width, centred in its
    height (shrunk until it fits)."""
    if border:
        page.rect(x0, y0, x1, y1, 3)
    if not s:
        return
    pad = 14.0
    while True:
        lines = wrap(s, size, x1 - x0 - 2 * pad, role)
        lead = size * 1.3
        if len(lines) * lead <= y1 - y0 - 8 or size < 22:
            break
        size *= 0.9
    top = (y0 + y1) / 2 - len(lines) * lead / 2
    for i, line in enumerate(lines):
        base = top + i * lead + lead * 0.5 + size * 0.36
        if align == "c":
            page.text((x0 + x1) / 2, base, line, size, role, "c", hand)
        else:
            page.text(x0 + pad, base, line, size, role, "l", hand)


def _prose(
    page: Page, x0: float, x1: float, y: float, s: str, size: float, indent: bool = True
) -> float:
    """A paragraph from `y` (its first baseline), wrapped to x0..x1; returns the next baseline."""
    first = "　　" if indent else ""
    lines = wrap(first + s, size, x1 - x0)
    for line in lines:
        lead = line.lstrip("　")
        dx = measure(line[: len(line) - len(lead)], size)
        page.text(x0 + dx, y, lead, size)
        y += size * 1.65
    return y


def _id_spaced(idn: str) -> str:
    return idn


def _fields(page: Page, p: Person) -> None:
    page.field("person_name", p.name)
    page.field("id_number", p.id_number)


# --- 出生医学证明


def birth_cert(rng: random.Random) -> Page:
    page = Page("birth_cert")
    region = rng.choice(REGIONS)
    born = day(rng, date(2023, 1, 1), 900)
    mother = person(rng, region, 1985, 2000, "女")
    father = person(rng, region, 1982, 1998, "男")
    baby_name = (
        father.name[0]
        + (mother.name[-1] if rng.random() < 0.3 else "")
        + rng.choice("子梓一思嘉若浩欣宇诗")
        + rng.choice("涵轩睿琪萱晨然彤泽")
    )
    baby_name = baby_name[:3]
    sex = rng.choice("男女")
    hospital = f"{region[2].removesuffix('市')}市妇幼保健院"
    # a double frame, as the printed blank has
    page.rect(120, 150, PX_W - 120, 3330, 9)
    page.rect(150, 180, PX_W - 150, 3300, 3)
    _title(page, 400, "出生医学证明", 96)
    page.text(PX_W / 2, 480, "Medical Certificate of Birth", 40, "print", "c")
    no = rng.choice("PQRS") + f"{rng.randint(440000000, 449999999)}"
    page.text(RIGHT - 40, 590, "编号  " + no, BODY, "print", "r")
    y = 720.0
    born_t = f"{born.year}年{born.month}月{born.day}日{rng.randint(0, 23)}时{rng.randint(0, 59)}分"
    rows = [
        ("新生儿姓名", baby_name, "性别", sex),
        ("出生时间", born_t, "出生孕周", f"{rng.randint(37, 41)}周"),
        ("出生体重", f"{rng.randint(2600, 4100)}克", "出生身长", f"{rng.randint(47, 54)}厘米"),
        ("健康状况", rng.choice(("良好", "良好", "一般")), "出生地点分类", "医院"),
    ]
    for a, av, b, bv in rows:
        page.text(LEFT + 60, y, a, BODY)
        page.text(LEFT + 380, y, av, BODY)
        page.line(LEFT + 370, y + 14, LEFT + 1000, y + 14, 2)
        page.text(LEFT + 1140, y, b, BODY)
        page.text(LEFT + 1460, y, bv, BODY)
        page.line(LEFT + 1450, y + 14, RIGHT - 60, y + 14, 2)
        y += 110
    page.text(LEFT + 60, y, "出生地点", BODY)
    page.text(
        LEFT + 380, y, f"{region[1]}{'' if region[1] == region[2] else region[2]}{region[3]}", BODY
    )
    page.line(LEFT + 370, y + 14, RIGHT - 60, y + 14, 2)
    y += 110
    page.text(LEFT + 60, y, "助产机构名称", BODY)
    page.text(LEFT + 380, y, hospital, BODY)
    page.line(LEFT + 370, y + 14, RIGHT - 60, y + 14, 2)
    y += 150
    # mother left, father right
    col = (RIGHT - LEFT) / 2
    top = y
    for k, (who, p) in enumerate((("母亲", mother), ("父亲", father))):
        x = LEFT + 60 + k * col
        yy = top
        page.text(x, yy, who, BODY * 1.1, "bold")
        yy += 100
        age = born.year - p.born.year - ((born.month, born.day) < (p.born.month, p.born.day))
        for label, value in (
            ("姓名", p.name),
            ("年龄", f"{age}岁"),
            ("国籍", "中国"),
            ("民族", p.nation),
            ("住址", p.address),
            ("有效身份证件号码", p.id_number),
        ):
            page.text(x, yy, label, BODY)
            if label == "有效身份证件号码":
                yy += 70
                page.text(x, yy, value, BODY)
            elif label == "住址":
                lines = wrap(value, BODY, col - 260)
                for i, line in enumerate(lines):
                    page.text(x + 180, yy + i * 60, line, BODY)
                yy += 60 * (len(lines) - 1)
            else:
                page.text(x + 180, yy, value, BODY)
            yy += 90
        _fields(page, p)
    page.line(LEFT + col, top - 60, LEFT + col, top + 760, 2)
    y = top + 860
    page.field("person_name", baby_name)
    issued = born + timedelta(days=rng.randint(1, 20))
    page.text(LEFT + 60, y, "签发日期", BODY)
    page.text(LEFT + 380, y, cn_date(issued), BODY)
    page.text(LEFT + 1140, y, "签发机构（盖章）", BODY)
    page.seal(LEFT + 1560, y - 40, 190, hospital, rng, "出生医学证明专用章")
    y += 220
    for note in (
        "注：1．本证明是新生儿出生的医学证明，是依法申报户口的凭证，请妥善保管，不得涂改。",
        "2．新生儿应自出生之日起一个月内持本证明向常住户口所在地公安机关申报出生登记。",
        "3．本证明由国家卫生健康委员会统一印制，加盖出生医学证明专用章有效。",
    ):
        x = LEFT + 60 if note.startswith("注") else LEFT + 60 + measure("注：", SMALL)
        for line in wrap(note, SMALL, RIGHT - 60 - x):
            page.text(x, y, line, SMALL)
            y += SMALL * 1.6
    clerk = _hand(rng, "black_pen")
    y += 70
    page.text(RIGHT - 700, y, "与原件核对一致", 46, "hand", hand=clerk)
    return page


# --- 城乡居民基本养老保险参保登记表


def pension_enrol(rng: random.Random) -> Page:
    page = Page("pension_enrol")
    region = rng.choice(REGIONS)
    p = person(rng, region, 1966, 2006, rural=True)
    me = _hand(rng)
    clerk = _hand(rng, "black_pen")
    _title(page, 300, "城乡居民基本养老保险参保登记表")
    page.text(LEFT, 420, f"{region[2]}{region[3]}社会保险事业管理局制", SMALL)
    page.text(RIGHT, 420, "编号：" + f"{rng.randint(100000, 999999)}", SMALL, "print", "r")
    x = [LEFT, LEFT + 300, LEFT + 720, LEFT + 940, LEFT + 1240, LEFT + 1460, RIGHT - 380, RIGHT]
    h = 135.0
    y = 460.0
    # rows 1-3: the photo box takes the right column
    _cell(page, x[0], y, x[1], y + h, "姓名")
    _cell(page, x[1], y, x[2], y + h, p.name, 50, "hand", hand=me)
    _cell(page, x[2], y, x[3], y + h, "性别")
    _cell(page, x[3], y, x[4], y + h, p.sex, 50, "hand", hand=me)
    _cell(page, x[4], y, x[5], y + h, "民族")
    _cell(page, x[5], y, x[6], y + h, p.nation, 50, "hand", hand=me)
    _cell(page, x[6], y, x[7], y + 3 * h, "照片")
    y += h
    _cell(page, x[0], y, x[1], y + h, "公民身份号码")
    _cell(page, x[1], y, x[6], y + h, p.id_number, 54, "hand", hand=me)
    y += h
    _cell(page, x[0], y, x[1], y + h, "出生日期")
    _cell(
        page,
        x[1],
        y,
        x[3],
        y + h,
        f"{p.born.year}年{p.born.month}月{p.born.day}日",
        46,
        "hand",
        hand=me,
    )
    _cell(page, x[3], y, x[4], y + h, "联系电话")
    _cell(page, x[4], y, x[6], y + h, p.phone, 48, "hand", hand=me)
    y += h
    _cell(page, x[0], y, x[1], y + h, "户籍性质")
    kind = rng.choice(("农业户口", "非农业户口"))
    _cell(page, x[1], y, x[3], y + h, kind, 46, "hand", hand=me)
    _cell(page, x[3], y, x[4], y + h, "文化程度")
    _cell(
        page,
        x[4],
        y,
        x[7],
        y + h,
        rng.choice(("初中", "高中", "小学", "中专", "大专")),
        46,
        "hand",
        hand=me,
    )
    y += h
    _cell(page, x[0], y, x[1], y + 1.4 * h, "户籍所在地")
    _cell(page, x[1], y, x[7], y + 1.4 * h, p.address, 46, "hand", "l", me)
    y += 1.4 * h
    other = address(rng, region)
    _cell(page, x[0], y, x[1], y + 1.4 * h, "现居住地址")
    _cell(page, x[1], y, x[7], y + 1.4 * h, other, 46, "hand", "l", me)
    y += 1.4 * h
    # contribution grade: printed options, one ticked by hand
    grades = ("200元", "300元", "500元", "800元", "1000元", "2000元", "3000元")
    _cell(page, x[0], y, x[1], y + h, "缴费档次")
    page.rect(x[1], y, x[7], y + h, 3)
    tick = rng.randrange(len(grades))
    xx = x[1] + 30
    for i, g in enumerate(grades):
        page.rect(xx, y + 42, xx + 36, y + 78, 2.5)
        if i == tick:
            page.text(xx - 2, y + 76, "√", 52, "hand", hand=me)
        page.text(xx + 50, y + 74, g, BODY)
        xx += 50 + measure(g, BODY) + 60
    y += h
    groups = ("低保对象", "特困人员", "重度残疾人", "返贫致贫人口", "其他")
    _cell(page, x[0], y, x[1], y + h, "特殊群体")
    page.rect(x[1], y, x[7], y + h, 3)
    tick = rng.randrange(len(groups))
    xx = x[1] + 30
    for i, g in enumerate(groups):
        page.rect(xx, y + 42, xx + 36, y + 78, 2.5)
        if i == tick:
            page.text(xx - 2, y + 76, "√", 52, "hand", hand=me)
        page.text(xx + 50, y + 74, g, BODY)
        xx += 50 + measure(g, BODY) + 70
    y += h
    bank = rng.choice(("中国农业银行", "中国邮政储蓄银行", "农村商业银行", "中国建设银行"))
    acct = "6" + "".join(rng.choice("0123456789") for _ in range(18))
    _cell(page, x[0], y, x[1], y + h, "开户银行")
    _cell(page, x[1], y, x[3], y + h, bank, 44, "hand", hand=me)
    _cell(page, x[3], y, x[4], y + h, "银行账号")
    _cell(page, x[4], y, x[7], y + h, acct, 42, "hand", hand=me)
    y += h
    # declaration and signature
    page.rect(x[0], y, x[7], y + 2.4 * h, 3)
    yy = _prose(
        page,
        x[0] + 30,
        x[7] - 30,
        y + 70,
        "本人自愿参加城乡居民基本养老保险，承诺以上所填信息真实有效，未参加职工基本养老保险等其他基本养老保险。",
        BODY,
    )
    page.text(x[3], yy + 40, "参保人签字：", BODY)
    sx = x[3] + measure("参保人签字：", BODY) + 20
    page.text(sx, yy + 40, p.name, 60, "hand", hand=me)
    signed = day(rng, date(2024, 3, 1), 600)
    page.text(x[6] - 120, yy + 40, cn_date(signed), 44, "hand", hand=me)
    y += 2.4 * h
    # village committee and township office
    _cell(page, x[0], y, x[1], y + 2.4 * h, "村（居）委会意见")
    page.rect(x[1], y, x[4], y + 2.4 * h, 3)
    page.text(x[1] + 40, y + 100, "情况属实，同意参保。", 48, "hand", hand=clerk)
    page.text(x[1] + 40, y + 220, "经办人：", BODY)
    agent = person(rng, region)
    page.text(x[1] + 40 + measure("经办人：", BODY), y + 220, agent.name, 50, "hand", hand=clerk)
    village = (
        region[3]
        + rng.choice(("城关镇", "石桥镇", "新集镇"))
        + rng.choice(("杨庄村", "前进村", "大河村"))
        + "民委员会"
    )
    page.seal(x[2] + 120, y + 150, 150, village, rng)
    _cell(page, x[4], y, x[5], y + 2.4 * h, "乡镇（街道）审核意见")
    page.rect(x[5], y, x[7], y + 2.4 * h, 3)
    page.text(x[5] + 30, y + 100, "审核通过", 48, "hand", hand=clerk)
    page.text(
        x[5] + 30,
        y + 220,
        cn_date(signed + timedelta(days=rng.randint(1, 9))),
        40,
        "hand",
        hand=clerk,
    )
    y += 2.4 * h + 70
    notes = (
        "填表说明：1．本表由参保人本人填写，一式两份；字迹应清楚，不得涂改。",
        "2．公民身份号码须与居民身份证一致；缴费档次在对应方框内打“√”。",
        "3．年满16周岁（不含在校学生）、非国家机关和事业单位工作人员及不属于职工基本养老保险覆盖范围的城乡居民，可在户籍地参加城乡居民养老保险。",
    )
    for note in notes:
        x0 = LEFT if note.startswith("填") else LEFT + measure("填表说明：", SMALL)
        for line in wrap(note, SMALL, RIGHT - x0):
            page.text(x0, y, line, SMALL)
            y += SMALL * 1.55
    _fields(page, p)
    page.field("phone", p.phone)
    return page


# --- 二手车交易登记表


def used_car(rng: random.Random) -> Page:
    page = Page("used_car")
    region = rng.choice(REGIONS)
    market = enterprise(rng, region, "二手车交易市场")
    market_code = credit_code(rng, region[0])
    seller_firm = rng.random() < 0.4
    seller = person(rng, region, 1960, 2000)
    buyer = person(rng, region, 1965, 2003)
    hand_s = _hand(rng)
    hand_b = _hand(rng, "black_pen")
    _title(page, 300, "二手车交易登记表")
    no = f"{region[0]}{rng.randint(2024, 2025)}{rng.randint(1, 99999):05d}"
    page.text(LEFT, 420, "交易市场：" + market, BODY)
    page.text(RIGHT, 420, "编号：" + no, BODY, "print", "r")
    page.field("enterprise_name", market)
    y = 470.0
    mid = PX_W / 2
    h = 125.0
    lab = 300.0
    # seller left, buyer right, each a block of label/value rows
    seller_rows: tuple[tuple[str, str], ...]
    if seller_firm:
        firm = enterprise(rng, region, rng.choice(TRADES))
        firm_code = credit_code(rng, region[0])
        seller_rows = (
            ("名称", firm),
            ("统一社会信用代码", firm_code),
            ("住所", address(rng, region)),
            ("联系电话", seller.phone),
        )
    else:
        seller_rows = (
            ("姓名", seller.name),
            ("身份证号码", seller.id_number),
            ("住址", seller.address),
            ("联系电话", seller.phone),
        )
    buyer_rows = (
        ("姓名", buyer.name),
        ("身份证号码", buyer.id_number),
        ("住址", buyer.address),
        ("联系电话", buyer.phone),
    )
    bottom = y
    for k, (who, rows, hd) in enumerate(
        (("卖方（出让方）", seller_rows, hand_s), ("买方（受让方）", buyer_rows, hand_b))
    ):
        x0 = LEFT if k == 0 else mid
        x1 = mid if k == 0 else RIGHT
        _cell(page, x0, y, x1, y + h, who, BODY * 1.05, "bold")
        yy = y + h
        for label, value in rows:
            hh = 1.8 * h if label in ("住址", "住所") else h
            lsize = 32 if len(label) > 6 else 36 if len(label) > 5 else BODY
            _cell(page, x0, yy, x0 + lab, yy + hh, label, lsize)
            size = 44 if label in ("住址", "住所", "名称") else 48
            role = "print" if label == "统一社会信用代码" else "hand"
            _cell(
                page,
                x0 + lab,
                yy,
                x1,
                yy + hh,
                value,
                size if role == "hand" else BODY,
                role,
                "l",
                hd,
            )
            yy += hh
        bottom = max(bottom, yy)
    y = bottom + 70
    brand, model, wmi = rng.choice(CAR_BRANDS)
    vin = (
        wmi
        + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(4))
        + "".join(rng.choice("0123456789") for _ in range(8))
    )
    plate = (
        PLATE_PREFIX[region[0][:2]]
        + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
        + "".join(rng.choice("0123456789") for _ in range(4))
    )
    reg = date(rng.randint(2014, 2021), rng.randint(1, 12), rng.randint(1, 28))
    price = rng.randint(25, 180) * 1000
    _cell(page, LEFT, y, RIGHT, y + h, "车辆信息", BODY * 1.05, "bold")
    y += h
    c = [LEFT, LEFT + 330, LEFT + 1040, LEFT + 1370, RIGHT]
    vrows = (
        ("号牌号码", plate, "车辆类型", "小型轿车"),
        ("厂牌型号", f"{brand}{model}", "车身颜色", rng.choice(("白", "黑", "银灰", "蓝", "红"))),
        ("车辆识别代号", vin, "使用性质", "非营运"),
        (
            "初次登记日期",
            cn_date(reg),
            "表显里程",
            f"{rng.randint(2, 19)}.{rng.randint(0, 9)}万公里",
        ),
        (
            "登记证书编号",
            f"{region[0][:2]}{rng.randint(100000000, 999999999)}",
            "年检有效期至",
            f"{rng.randint(2025, 2027)}年{rng.randint(1, 12)}月",
        ),
    )
    for a, av, b, bv in vrows:
        _cell(page, c[0], y, c[1], y + h, a, 36 if len(a) > 5 else BODY)
        _cell(page, c[1], y, c[2], y + h, av, BODY, "print", "l")
        _cell(page, c[2], y, c[3], y + h, b, 36 if len(b) > 5 else BODY)
        _cell(page, c[3], y, c[4], y + h, bv, BODY, "print", "l")
        y += h
    _cell(page, c[0], y, c[1], y + h, "成交价格")
    _cell(page, c[1], y, c[2], y + h, f"￥{price:,}.00元", BODY, "print", "l")
    _cell(page, c[2], y, c[3], y + h, "大写")
    _cell(page, c[3], y, c[4], y + h, upper_amount(price), BODY, "print", "l")
    y += h
    _cell(page, LEFT, y, RIGHT, y + 1.6 * h, "", BODY)
    _prose(
        page,
        LEFT + 30,
        RIGHT - 30,
        y + 70,
        "买卖双方确认以上车辆信息及成交价格真实，车辆来源合法，无抵押、查封等限制交易情形；交易后由买方在三十日内办理转移登记。",
        36,
    )
    y += 1.6 * h
    third = (RIGHT - LEFT) / 3
    signed = day(rng, date(2024, 2, 1), 640)
    for k, (label, who, hd) in enumerate(
        (
            ("卖方签字（盖章）", seller.name, hand_s),
            ("买方签字", buyer.name, hand_b),
            ("市场经办人", person(rng, region).name, _hand(rng, "black_pen")),
        )
    ):
        x0 = LEFT + k * third
        page.rect(x0, y, x0 + third, y + 2.6 * h, 3)
        page.text(x0 + 30, y + 70, label, BODY)
        page.text(x0 + 60, y + 180, who, 62, "hand", hand=hd)
        page.text(x0 + 40, y + 260, cn_date(signed), 40, "hand", hand=hd)
    page.seal(LEFT + 2 * third + 330, y + 150, 175, market, rng, "业务专用章")
    y += 2.6 * h + 80
    page.text(LEFT, y, f"交易市场统一社会信用代码：{market_code}", SMALL)
    page.field("credit_code", market_code)
    y += SMALL * 1.6
    for line in wrap(
        "注：本表一式三份，买方、卖方、交易市场各执一份；凭本表及二手车销售统一发票办理转移登记。",
        SMALL,
        RIGHT - LEFT,
    ):
        page.text(LEFT, y, line, SMALL)
        y += SMALL * 1.6
    if seller_firm:
        page.field("enterprise_name", firm)
        page.field("credit_code", firm_code)
    else:
        _fields(page, seller)
    _fields(page, buyer)
    page.field("phone", buyer.phone)
    return page


# --- 排污许可证


def discharge_permit(rng: random.Random) -> Page:
    page = Page("discharge_permit")
    region = rng.choice(REGIONS)
    trade = rng.choice(TRADES)
    firm = enterprise(rng, region, trade)
    code = credit_code(rng, region[0])
    boss = person(rng, region, 1960, 1990)
    tech = person(rng, region, 1970, 1995)
    page.rect(110, 140, PX_W - 110, 3360, 7)
    _title(page, 420, "排污许可证", 110)
    no = code + f"{rng.randint(1, 3):03d}" + rng.choice("PVQ")
    page.text(PX_W / 2, 560, "证书编号：" + no, BODY, "print", "c")
    page.qr(RIGHT - 300, 240, 260, rng)
    y = 760.0
    lx, vx = LEFT + 80, LEFT + 520
    issued = day(rng, date(2023, 6, 1), 700)
    until = date(issued.year + 5, issued.month, min(issued.day, 28)) - timedelta(days=1)
    rows = (
        ("单位名称", firm),
        ("注册地址", address(rng, region)),
        ("法定代表人", boss.name),
        ("技术负责人", tech.name),
        (
            "生产经营场所地址",
            address(rng, region).split("路")[0] + "路" + f"{rng.randint(1, 300)}号",
        ),
        ("行业类别", f"{trade}业"),
        ("统一社会信用代码", code),
        ("有效期限", f"自{cn_date(issued)}至{cn_date(until)}止"),
    )
    for label, value in rows:
        page.text(lx, y, label, 44)
        for i, line in enumerate(wrap(value, 44, RIGHT - 80 - vx)):
            page.text(vx, y + i * 70, line, 44)
            y += 70 if i else 0
        y += 130
    y += 40
    y = _prose(
        page,
        lx,
        RIGHT - 80,
        y,
        "你单位应当严格执行排污许可证的规定，按证排污，自行监测并如实记录，按时提交执行报告，依法公开污染物排放信息，接受生态环境主管部门的监督管理。",
        40,
    )
    y += 260
    bureau = f"{region[2]}生态环境局"
    page.text(RIGHT - 160, y, "发证机关：" + bureau, 44, "print", "r")
    y += 110
    page.text(RIGHT - 160, y, "发证日期：" + cn_date(issued), 44, "print", "r")
    page.seal(RIGHT - 480, y - 100, 210, bureau, rng)
    y += 200
    for line in wrap(
        "（副本另行载明排污口、污染物种类、许可排放浓度与排放量等许可事项；正本应悬挂于生产经营场所内醒目处。）",
        SMALL,
        RIGHT - 80 - lx,
    ):
        page.text(lx, y, line, SMALL)
        y += SMALL * 1.6
    clerk = _hand(rng, "black_pen")
    y += 120
    page.text(lx, y, "复印件与原件一致", 50, "hand", hand=clerk)
    page.text(lx + 560, y, boss.name, 56, "hand", hand=clerk)
    page.field("enterprise_name", firm)
    page.field("credit_code", code)
    page.field("person_name", boss.name)
    page.field("person_name", tech.name)
    return page


# --- 无犯罪记录证明


def no_crime(rng: random.Random) -> Page:
    page = Page("no_crime")
    region = rng.choice(REGIONS)
    p = person(rng, region, 1970, 2004)
    station = (
        f"{region[2]}公安局{region[3]}{rng.choice(('城关', '东风', '新华', '滨江', '和平'))}派出所"
    )
    _title(page, 520, "无犯罪记录证明", 92)
    issued = day(rng, date(2024, 1, 1), 650)
    page.text(
        RIGHT - 100, 680, f"（{issued.year}）第{rng.randint(100, 9999)}号", BODY, "print", "r"
    )
    y = 880.0
    page.text(LEFT + 100, y, "兹证明：", 48)
    y += 110
    span_from = max(p.born.year + 18, 2000)
    y = _prose(
        page,
        LEFT + 100,
        RIGHT - 100,
        y,
        f"{p.name}，性别{p.sex}，{p.nation}，{p.born.year}年{p.born.month}月{p.born.day}日出生，"
        f"公民身份号码{p.id_number}，户籍地址{p.address}。",
        48,
    )
    y = _prose(
        page,
        LEFT + 100,
        RIGHT - 100,
        y + 20,
        f"经查询全国违法犯罪人员信息资源库，截至{cn_date(issued)}，该人员在{span_from}年1月1日以来未发现有犯罪记录。",
        48,
    )
    y = _prose(page, LEFT + 100, RIGHT - 100, y + 20, "特此证明。", 48)
    use = rng.choice(
        ("求职就业", "出国（境）定居", "办理签证", "报考公务员", "申请出租车驾驶员从业资格")
    )
    y = _prose(page, LEFT + 100, RIGHT - 100, y + 20, f"用途：{use}。", 48, indent=False)
    y += 300
    page.text(RIGHT - 200, y, station, 48, "print", "r")
    y += 110
    page.text(RIGHT - 200, y, cn_date(issued), 48, "print", "r")
    page.seal(RIGHT - 200 - measure(station, 48) / 2, y - 90, 200, station, rng)
    y += 280
    page.line(LEFT + 100, y - 60, RIGHT - 100, y - 60, 2)
    for note in (
        "注：1．本证明仅证明被查询人在查询时点之前的犯罪记录情况，不作他用。",
        "2．本证明自开具之日起三个月内有效。",
        "3．本证明涂改无效，复印无效；查询单位可向开具单位核实。",
    ):
        x0 = LEFT + 100 if note.startswith("注") else LEFT + 100 + measure("注：", SMALL + 2)
        for line in wrap(note, SMALL + 2, RIGHT - 100 - x0):
            page.text(x0, y, line, SMALL + 2)
            y += (SMALL + 2) * 1.6
    clerk = _hand(rng)
    y += 220
    page.text(LEFT + 100, y, "已核验原件", 52, "hand", hand=clerk)
    page.text(LEFT + 560, y, "联系电话", 44)
    page.text(LEFT + 560 + measure("联系电话", 44) + 30, y, p.phone, 50, "hand", hand=clerk)
    _fields(page, p)
    page.field("phone", p.phone)
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "birth_cert": birth_cert,
    "pension_enrol": pension_enrol,
    "used_car": used_car,
    "discharge_permit": discharge_permit,
    "no_crime": no_crime,
}
