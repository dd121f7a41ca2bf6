"""The `mupdf` corpus's layouts: five service-hall documents of its own, each a function of
a seeded Random that fills a `Page` in reading order (top to bottom; table rows left to
right; a left block before a right one)."""

from __future__ import annotations

import random
from collections.abc import Callable

from reporting_corpora import mupdf_data as data
from reporting_corpora.mupdf_draw import Page, width

L, R = 50.0, 545.0  # the forms' left and right edges, points
ETHNIC = ["汉", "苗", "土家", "彝", "白", "壮", "回", "蒙古", "藏", "侗", "瑶"]
SCHOOL = ["初中", "高中", "中专", "大专", "本科", "硕士"]
CN_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def _label(p: Page, x0: float, x1: float, y: float, h: float, s: str, size: float = 10) -> None:
    """A label centred in its cell."""
    while width(s, size) > x1 - x0 - 4 and size > 6.5:
        size -= 0.5
    p.text((x0 + x1 - width(s, size)) / 2, y + h / 2 + size * 0.36, s, size)


def _entry(
    p: Page, x0: float, x1: float, y: float, h: float, s: str, rng: random.Random, size: float = 12
) -> None:
    """An entry by hand in its cell, made smaller until it fits."""
    while width(s, size, "hand") > x1 - x0 - 10 and size > 7:
        size -= 0.5
    p.hand(x0 + 4, y + h / 2 + size * 0.36, s, rng, size)


def _row(
    p: Page,
    y: float,
    h: float,
    cells: list[tuple[float, float, str, str]],
    rng: random.Random,
) -> float:
    """One ruled row: cells (x0, x1, kind, text), kind 'label' or 'hand'; returns the
    row's bottom."""
    for x0, x1, kind, s in cells:
        p.box(x0, y, x1, y + h, 0.6)
        if kind == "label":
            _label(p, x0, x1, y, h, s)
        else:
            _entry(p, x0, x1, y, h, s, rng)
    return y + h


def _name_row(
    p: Page, y: float, h: float, c: list[float], me: data.Person, rng: random.Random
) -> float:
    """An applicant's row of name, sex and ethnic group beside the photo (columns `c`)."""
    return _row(
        p,
        y,
        h,
        [
            (c[0], c[1], "label", "姓名"),
            (c[1], c[2], "hand", me.name),
            (c[2], c[3], "label", "性别"),
            (c[3], c[4], "hand", me.sex),
            (c[4], c[5], "label", "民族"),
            (c[5], c[6], "hand", rng.choice(ETHNIC)),
        ],
        rng,
    )


def _id_row(
    p: Page, y: float, h: float, c: list[float], me: data.Person, rng: random.Random
) -> float:
    """An applicant's ID number across the row beside the photo."""
    return _row(
        p, y, h, [(c[0], c[1], "label", "公民身份号码"), (c[1], c[6], "hand", me.id_number)], rng
    )


def _member(
    p: Page,
    y: float,
    cols: list[float],
    kin: data.Person,
    rel: str,
    last: str,
    rng: random.Random,
) -> float:
    """A family member's row filled in by hand (name, relation, ID number, `last`)."""
    y = _row(
        p,
        y,
        24,
        [
            (cols[0], cols[1], "hand", kin.name),
            (cols[1], cols[2], "hand", rel),
            (cols[2], cols[3], "hand", kin.id_number),
            (cols[3], cols[4], "hand", last),
        ],
        rng,
    )
    p.field("person_name", kin.name)
    p.field("id_number", kin.id_number)
    return y


def _birth(person: data.Person) -> str:
    y, m, d = person.born
    return f"{y}年{m}月{d}日"


def _choices(
    p: Page, x: float, y: float, options: list[str], chosen: str, rng: random.Random
) -> float:
    """Check boxes in a line, the chosen one ticked; returns the x after the last."""
    for opt in options:
        p.checkbox(x, y - 7, opt == chosen, rng)
        x += 10 + p.text(x + 10, y, opt, 9.5) + 12
    return x


def _hand_date(rng: random.Random) -> str:
    return f"2026年{rng.randint(1, 11)}月{rng.randint(1, 28)}日"


def employment_register(rng: random.Random) -> Page:
    """就业创业证申领登记表: a ruled table with a photo box, check boxes, household members
    by hand, the service centre's seal over its box."""
    p = Page("employment_register")
    me = data.person(rng, 1970, 2003)
    county = me.county
    p.centred(297.6, 72, "就业创业证申领登记表", 18, bold=True)
    p.text(L, 96, f"编号：JY{county[0]}{rng.randint(10000, 99999)}", 8.5)
    p.text(380, 96, "填表日期：", 8.5)
    p.hand(425, 96, _hand_date(rng), rng, 10)
    y, h = 104.0, 27.0
    c = [L, 115, 205, 250, 300, 345, 430, R]
    p.photo(c[6], y, R, y + 4 * h)
    y = _name_row(p, y, h, c, me, rng)
    y = _row(
        p,
        y,
        h,
        [
            (c[0], c[1], "label", "出生日期"),
            (c[1], c[3], "hand", _birth(me)),
            (c[3], c[4], "label", "文化程度"),
            (c[4], c[6], "hand", rng.choice(SCHOOL)),
        ],
        rng,
    )
    y = _id_row(p, y, h, c, me, rng)
    y = _row(p, y, h, [(c[0], c[1], "label", "联系电话"), (c[1], c[6], "hand", me.phone)], rng)
    y = _row(p, y, h, [(c[0], c[1], "label", "户籍地址"), (c[1], R, "hand", me.address)], rng)
    home = data.person(rng)
    y = _row(p, y, h, [(c[0], c[1], "label", "常住地址"), (c[1], R, "hand", home.address)], rng)
    p.field("person_name", me.name)
    p.field("id_number", me.id_number)
    p.field("phone", me.phone)
    # check boxes
    for label, options in (
        ("就业状态", ["登记失业", "灵活就业", "自主创业", "单位就业"]),
        ("人员类别", ["高校毕业生", "农村转移劳动力", "就业困难人员", "其他"]),
    ):
        p.box(L, y, c[1], y + h)
        p.box(c[1], y, R, y + h)
        _label(p, L, c[1], y, h, label)
        _choices(p, c[1] + 8, y + h / 2 + 3.5, options, rng.choice(options), rng)
        y += h
    # household members
    y += 16
    p.text(L, y, "家庭成员情况", 11, bold=True)
    y += 6
    cols = [L, 125, 195, 375, R]
    y = _row(
        p,
        y,
        22,
        [
            (cols[0], cols[1], "label", "姓名"),
            (cols[1], cols[2], "label", "与本人关系"),
            (cols[2], cols[3], "label", "公民身份号码"),
            (cols[3], cols[4], "label", "工作单位或就读学校"),
        ],
        rng,
    )
    for rel in rng.sample(["配偶", "父亲", "母亲", "儿子", "女儿"], rng.randint(2, 3)):
        kin = data.person(rng, 1950, 2012)
        work = data.unit(rng).name if rng.random() < 0.6 else "务农"
        y = _member(p, y, cols, kin, rel, work, rng)
    y += 22
    y = p.wrap(
        L,
        y,
        R - L,
        "本人承诺：以上填写内容及提供的材料真实有效，如有虚假，本人愿意承担相应责任，"
        "并退回已享受的就业创业扶持政策资金。",
        9.5,
    )
    p.text(330, y + 8, "申请人签名：", 10)
    p.hand(395, y + 8, me.name, rng, 14)
    p.hand(400, y + 30, _hand_date(rng), rng, 10.5)
    # the service centre's box, its seal over the words
    y += 48
    p.box(L, y, R, y + 110)
    p.text(L + 8, y + 20, "公共就业服务机构审核意见：", 10)
    p.hand(L + 30, y + 46, "经核实，情况属实，同意发放《就业创业证》。", rng, 12)
    clerk = data.person(rng)
    p.text(L + 8, y + 92, "经办人：", 10)
    p.hand(L + 52, y + 92, clerk.name, rng, 12)
    stamp_x = 330
    p.text(stamp_x, y + 72, "经办机构（盖章）", 10)
    p.hand(stamp_x + 4, y + 94, _hand_date(rng), rng, 10.5)
    p.seal(stamp_x + 45, y + 66, 42, f"{county[2]}公共就业服务中心", rng)
    return p


def medical_licence(rng: random.Random) -> Page:
    """医疗机构执业许可证（副本）: a framed licence, the institution's particulars in one
    block and the licence's terms in another, a QR-like block and the health commission's
    seal over the date."""
    p = Page("medical_licence")
    unit = data.unit(
        rng, rng.choice(["中医诊所", "口腔门诊部", "社区卫生服务站", "康复医疗中心"]), "1", False
    )
    head, legal = data.person(rng, 1960, 1990), data.person(rng, 1960, 1990)
    p.box(36, 36, 559, 806, 2.2)
    p.box(42, 42, 553, 800, 0.6)
    p.centred(297.6, 110, "医疗机构执业许可证", 24, bold=True)
    p.centred(297.6, 138, "（副本）", 13)
    p.text(70, 170, f"登记号：PDY{rng.randint(10000000, 99999999)}{unit.county[0]}", 9.5)
    y = 205.0
    rows = [
        ("机构名称", unit.name),
        ("地址", unit.address),
        ("主要负责人", head.name),
        ("法定代表人", legal.name),
        ("统一社会信用代码", unit.credit_code),
        ("经营性质", rng.choice(["营利性", "非营利性"])),
        ("所有制形式", rng.choice(["私有", "集体", "股份合作"])),
        ("服务对象", "社会"),
        (
            "诊疗科目",
            rng.choice(
                [
                    "中医科；内科专业；针灸科；推拿科",
                    "口腔科；牙体牙髓病专业；口腔修复专业",
                    "预防保健科；全科医疗科；医学检验科",
                    "康复医学科；疼痛科；中医科",
                ]
            ),
        ),
        ("床位（牙椅）", f"{rng.randint(2, 20)}张"),
    ]
    for label, value in rows:
        p.text(75, y, label, 11)
        y = p.wrap(185, y, 330, value, 12, 1.45) + 9
    p.field("enterprise_name", unit.name)
    p.field("person_name", head.name)
    p.field("person_name", legal.name)
    p.field("credit_code", unit.credit_code)
    # the second block: the licence's terms
    y += 14
    p.rule(70, y - 18, 525, y - 18, 0.5)
    start = rng.randint(2021, 2026)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    for label, value in (
        ("有效期限", f"自{start}年{m}月{d}日至{start + 5}年{m}月{d - 1 if d > 1 else 28}日"),
        ("发证机关", f"{unit.county[2]}卫生健康局"),
    ):
        p.text(75, y, label, 11)
        y = p.wrap(185, y, 330, value, 12, 1.45) + 9
    p.qr(75, 640, 80, rng)
    p.text(70, 740, "扫描二维码查询电子证照信息", 8)
    issued = f"{start}年{m}月{d}日"
    p.text(380, 735, issued, 12)
    p.seal(420, 712, 52, f"{unit.county[2]}卫生健康局", rng)
    p.centred(297.6, 785, "本许可证副本与正本具有同等法律效力，不得伪造、涂改、出借、转让。", 8)
    return p


def sole_proprietorship(rng: random.Random) -> Page:
    """个人独资企业设立登记申请书: the enterprise and its investor filled in by hand, check
    boxes for how capital is contributed, an agent, the declaration in small print."""
    p = Page("sole_proprietorship")
    inv, agent = data.person(rng, 1965, 2000), data.person(rng, 1975, 2002)
    unit = data.unit(rng, rng.choice(["加工厂", "经营部", "农庄", "工作室"]))
    p.centred(297.6, 70, "个人独资企业设立登记申请书", 18, bold=True)
    p.text(L, 92, "申请日期：", 9)
    p.hand(L + 45, 92, _hand_date(rng), rng, 10)
    y, h = 102.0, 28.0
    a, b, c2, d = L, 150, 330, 400
    capital = rng.randint(3, 90)
    cap_cn = (
        CN_DIGITS[capital // 10] + "拾" + (CN_DIGITS[capital % 10] if capital % 10 else "")
        if capital >= 10
        else CN_DIGITS[capital]
    )
    if capital >= 10 and capital // 10 == 1:
        cap_cn = cap_cn[1:]
    y = _row(p, y, h, [(a, b, "label", "企业名称"), (b, R, "hand", unit.name)], rng)
    y = _row(p, y, h, [(a, b, "label", "企业住所"), (b, R, "hand", unit.address)], rng)
    y = _row(
        p,
        y,
        h,
        [
            (a, b, "label", "投资人姓名"),
            (b, c2, "hand", inv.name),
            (c2, d, "label", "性别"),
            (d, R, "hand", inv.sex),
        ],
        rng,
    )
    y = _row(p, y, h, [(a, b, "label", "身份证件号码"), (b, R, "hand", inv.id_number)], rng)
    y = _row(p, y, h, [(a, b, "label", "投资人居所"), (b, R, "hand", inv.address)], rng)
    y = _row(
        p,
        y,
        h,
        [
            (a, b, "label", "联系电话"),
            (b, c2, "hand", inv.phone),
            (c2, d, "label", "从业人数"),
            (d, R, "hand", f"{rng.randint(1, 12)}人"),
        ],
        rng,
    )
    y = _row(p, y, h, [(a, b, "label", "出资额"), (b, R, "hand", f"人民币{cap_cn}万元")], rng)
    p.box(a, y, b, y + h)
    p.box(b, y, R, y + h)
    _label(p, a, b, y, h, "出资方式")
    _choices(
        p,
        b + 8,
        y + h / 2 + 3.5,
        ["以个人财产出资", "以家庭共有财产出资"],
        rng.choice(["以个人财产出资", "以家庭共有财产出资"]),
        rng,
    )
    y += h
    y = _row(p, y, h * 1.3, [(a, b, "label", "经营范围"), (b, R, "hand", unit.trade)], rng)
    p.field("enterprise_name", unit.name)
    p.field("person_name", inv.name)
    p.field("id_number", inv.id_number)
    p.field("phone", inv.phone)
    y += 18
    p.text(L, y, "指定代表或者委托代理人", 11, bold=True)
    y += 6
    y = _row(
        p,
        y,
        h,
        [
            (a, b, "label", "姓名"),
            (b, c2, "hand", agent.name),
            (c2, d, "label", "固定电话"),
            (d, R, "hand", f"0{rng.randint(700, 999)}-{rng.randint(2000000, 8999999)}"),
        ],
        rng,
    )
    y = _row(p, y, h, [(a, b, "label", "身份证件号码"), (b, R, "hand", agent.id_number)], rng)
    y = _row(p, y, h, [(a, b, "label", "移动电话"), (b, R, "hand", agent.phone)], rng)
    p.field("person_name", agent.name)
    p.field("id_number", agent.id_number)
    y += 20
    y = p.wrap(
        L,
        y,
        R - L,
        "本人依照《中华人民共和国个人独资企业法》申请设立登记，提交材料真实有效。"
        "谨此对真实性承担责任。委托代理人仅在委托权限内办理登记事宜，"
        "核对登记材料中的复印件并签署核对意见，领取营业执照和有关文书。",
        9,
    )
    p.text(300, y + 14, "投资人签字：", 10)
    p.hand(365, y + 14, inv.name, rng, 15)
    p.hand(370, y + 38, _hand_date(rng), rng, 10.5)
    p.text(
        L,
        800,
        "注：1.手工填写表格的，请使用黑色或蓝黑色钢笔、签字笔，字迹工整。2.本表一式一份。",
        7.5,
    )
    return p


def fund_certificate(rng: random.Random) -> Page:
    """住房公积金缴存证明: the employer's certificate for one employee, a table of twelve
    months, the employer's seal over its name and date."""
    p = Page("fund_certificate")
    me = data.person(rng, 1975, 2001)
    unit = data.unit(rng, rng.choice(["有限公司", "农业开发有限公司", "物流有限公司"]))
    clerk = data.person(rng)
    base = rng.randrange(2800, 9800, 50)
    rate = rng.choice([5, 8, 10, 12])
    part = round(base * rate / 100)
    since_y, since_m = rng.randint(2012, 2023), rng.randint(1, 12)
    account = f"{rng.randint(10, 99)}{rng.randint(10000000, 99999999)}"
    p.centred(297.6, 78, "住房公积金缴存证明", 20, bold=True)
    p.text(400, 102, f"证明编号：GJJ{rng.randint(100000, 999999)}", 8.5)
    p.text(L, 132, f"{unit.county[2]}住房公积金管理中心：", 11)
    y = p.wrap(
        L + 22,
        160,
        R - L - 22,
        f"兹证明{me.name}（公民身份号码：{me.id_number}）系我单位职工，自{since_y}年{since_m}月起在贵中心"
        f"缴存住房公积金，个人账号{account}，现缴存基数{base}元，单位和个人缴存比例各{rate}%，"
        f"月缴存额{2 * part}元。近十二个月缴存情况如下：",
        11,
        1.75,
    )
    p.field("person_name", me.name)
    p.field("id_number", me.id_number)
    cols = [L, 130, 215, 300, 385, 465, R]
    y = _row(
        p,
        y + 4,
        24,
        [
            (cols[i], cols[i + 1], "label", s)
            for i, s in enumerate(
                ["缴存月份", "缴存基数", "单位缴存额", "个人缴存额", "合计", "状态"]
            )
        ],
        rng,
    )
    ym = (2026, rng.randint(1, 10))
    months = []
    for _ in range(12):
        months.append(ym)
        ym = (ym[0], ym[1] - 1) if ym[1] > 1 else (ym[0] - 1, 12)
    for yy, mm in months:
        cells = [
            f"{yy}年{mm:02d}月",
            f"{base:.2f}",
            f"{part:.2f}",
            f"{part:.2f}",
            f"{2 * part:.2f}",
            "正常",
        ]
        for i, s in enumerate(cells):
            p.box(cols[i], y, cols[i + 1], y + 20, 0.5)
            size = 9.5
            p.text((cols[i] + cols[i + 1] - width(s, size)) / 2, y + 13.5, s, size)
        y += 20
    y += 24
    y = p.wrap(L + 22, y, R - L - 22, "特此证明。本单位对以上内容的真实性负责。", 11)
    y += 16
    p.text(L, y, f"单位名称：{unit.name}", 11)
    p.text(L, y + 22, f"统一社会信用代码：{unit.credit_code}", 11)
    p.text(L, y + 44, "经办人：", 11)
    p.hand(L + 48, y + 44, clerk.name, rng, 13)
    p.text(L + 150, y + 44, f"联系电话：{clerk.phone}", 11)
    p.text(360, y + 84, "（单位盖章）", 11)
    p.text(360, y + 106, _hand_date(rng), 11)
    p.seal(400, y + 78, 48, unit.name, rng)
    p.field("enterprise_name", unit.name)
    p.field("credit_code", unit.credit_code)
    p.field("person_name", clerk.name)
    p.field("phone", clerk.phone)
    p.text(
        L,
        800,
        "注：本证明自开具之日起三十日内有效，涂改无效；仅供办理住房公积金相关业务使用。",
        7.5,
    )
    return p


def veteran_card(rng: random.Random) -> Page:
    """退役军人优待证申领表: a ruled table with a photo box, check boxes for the kind of
    discharge, family members with ID numbers by hand, the station's note and seal."""
    p = Page("veteran_card")
    me = data.person(rng, 1955, 1998)
    p.centred(297.6, 72, "退役军人优待证申领表", 18, bold=True)
    p.text(L, 96, f"{me.county[1]}{me.county[2]}退役军人事务局制", 8.5)
    y, h = 104.0, 27.0
    c = [L, 120, 210, 255, 305, 350, 440, R]
    p.photo(c[6], y, R, y + 4 * h)
    enlist = me.born[0] + rng.randint(17, 20)
    out = enlist + rng.choice([2, 5, 8, 12, 16])
    y = _name_row(p, y, h, c, me, rng)
    y = _id_row(p, y, h, c, me, rng)
    y = _row(
        p,
        y,
        h,
        [
            (c[0], c[1], "label", "入伍时间"),
            (c[1], c[3], "hand", f"{enlist}年{rng.randint(1, 12)}月"),
            (c[3], c[4], "label", "退役时间"),
            (c[4], c[6], "hand", f"{out}年{rng.randint(1, 12)}月"),
        ],
        rng,
    )
    y = _row(p, y, h, [(c[0], c[1], "label", "联系电话"), (c[1], c[6], "hand", me.phone)], rng)
    y = _row(p, y, h, [(c[0], c[1], "label", "户籍地址"), (c[1], R, "hand", me.address)], rng)
    p.field("person_name", me.name)
    p.field("id_number", me.id_number)
    p.field("phone", me.phone)
    kinds = ["退役士兵", "转业军官", "退休干部", "复员干部", "伤残军人"]
    p.box(L, y, c[1], y + h)
    p.box(c[1], y, R, y + h)
    _label(p, L, c[1], y, h, "退役类别")
    _choices(p, c[1] + 8, y + h / 2 + 3.5, kinds, rng.choice(kinds), rng)
    y += h
    p.box(L, y, c[1], y + h)
    p.box(c[1], y, R, y + h)
    _label(p, L, c[1], y, h, "申领方式")
    _choices(
        p,
        c[1] + 8,
        y + h / 2 + 3.5,
        ["本人申领", "委托他人代领"],
        rng.choice(["本人申领", "委托他人代领"]),
        rng,
    )
    y += h + 18
    p.text(L, y, "随同申领的家庭成员（配偶、未成年子女）", 11, bold=True)
    y += 6
    cols = [L, 125, 185, 365, R]
    y = _row(
        p,
        y,
        22,
        [
            (cols[0], cols[1], "label", "姓名"),
            (cols[1], cols[2], "label", "关系"),
            (cols[2], cols[3], "label", "公民身份号码"),
            (cols[3], cols[4], "label", "联系电话"),
        ],
        rng,
    )
    for rel in ["配偶", *rng.sample(["儿子", "女儿"], rng.randint(1, 2))]:
        kin = (
            data.person(rng, me.born[0] - 3, me.born[0] + 4)
            if rel == "配偶"
            else data.person(rng, 2009, 2018)
        )
        phone = kin.phone if rel == "配偶" else "无"
        y = _member(p, y, cols, kin, rel, phone, rng)
    y += 20
    y = p.wrap(
        L,
        y,
        R - L,
        "本人承诺所填信息真实准确，优待证仅限本人使用，不得转借他人；如有信息变更，"
        "将及时向户籍地退役军人服务站报告。",
        9.5,
    )
    p.text(330, y + 8, "申请人签字：", 10)
    p.hand(395, y + 8, me.name, rng, 14)
    y += 30
    p.box(L, y, R, y + 105)
    p.text(L + 8, y + 20, "乡镇（街道）退役军人服务站意见：", 10)
    p.hand(
        L + 30,
        y + 48,
        rng.choice(["信息核实无误，同意申领。", "经核对档案，情况属实，拟同意。"]),
        rng,
        12.5,
    )
    p.text(340, y + 72, "（盖章）", 10)
    p.hand(340, y + 94, _hand_date(rng), rng, 10.5)
    p.seal(372, y + 62, 40, f"{me.county[3]}退役军人服务站", rng)
    p.text(L, 800, "注：申请人须提交本人身份证、退役证件复印件及近期免冠彩色照片一张。", 7.5)
    return p


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "employment_register": employment_register,
    "medical_licence": medical_licence,
    "sole_proprietorship": sole_proprietorship,
    "fund_certificate": fund_certificate,
    "veteran_card": veteran_card,
}
