"""The `pango` corpus's seven service-hall documents, each written in reading order (title,
then tables row by row with each label before its value, columns as a person reads them)
as it is drawn: 企业名称自主申报告知书, 营业执照（正本）, 公司登记（备案）申请书 (法定代表人
and 董事、监事、经理 tables), 授权委托书, 税务登记表, 社会保险个人参保证明 (a table of
months), 受理 / 不予受理通知书 with a tear-off receipt."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from reporting_corpora.pango_data import (
    Enterprise,
    Person,
    amount,
    cn_date,
    enterprise,
    person,
    recent_date,
)
from reporting_corpora.pango_draw import A4, INK, Page, measure

GREY = (0.9, 0.9, 0.9)
BROWN = (0.55, 0.36, 0.16)
# (width, text, style): style L label, V value, H heading cell, N small value
Cell = tuple[float, str, str]
STYLE = {
    "L": ("mono", "center"),
    "V": ("mono", "left"),
    "H": ("black", "center"),
    "N": ("mono", "left"),
    "C": ("mono", "center"),
}


def rows(
    page: Page,
    x: float,
    y: float,
    table: Sequence[Sequence[Cell]],
    size: float = 10.0,
    min_h: float = 22.0,
    pad: float = 4.0,
) -> float:
    """A ruled table, one row at a time, each cell's text in turn; returns the y below it."""
    for row in table:
        heights = [
            measure(t, STYLE[st][0], size * (0.85 if st == "N" else 1), w - 2 * pad)[1]
            for w, t, st in row
        ]
        h = max(min_h, max(heights) + 2 * pad)
        xx = x
        for (w, t, st), th in zip(row, heights, strict=True):
            page.rect(xx, y, w, h, 0.7, GREY if st == "H" else None)
            face, align = STYLE[st]
            if t:
                page.text(
                    xx + pad,
                    y + (h - th) / 2,
                    t,
                    face=face,
                    width=w - 2 * pad,
                    size=size * (0.85 if st == "N" else 1),
                    align=align,
                )
            xx += w
        y += h
    return y


def options(
    page: Page,
    x: float,
    y: float,
    items: Sequence[str],
    chosen: int,
    size: float = 10.0,
    gap: float = 12.0,
) -> float:
    """Check boxes on one line, a pen tick in the chosen one; returns the x after them."""
    for k, item in enumerate(items):
        page.text(x, y, "□", size=size)
        if k == chosen:
            page.tick(x + size * 0.1, y + size * 0.5, size * 0.9)
        bw = measure("□", "mono", size, None)[0]
        page.text(x + bw, y, item, size=size)
        x += bw + measure(item, "mono", size, None)[0] + gap
    return x


def title(page: Page, y: float, s: str, size: float = 20.0, letter: float = 4.0) -> float:
    w = page.size[0]
    return y + page.text(0, y, s, face="black", size=size, width=w, align="center", letter=letter)


def para(
    page: Page,
    x: float,
    y: float,
    w: float,
    s: str,
    size: float = 10.5,
    face: str = "mono",
    spacing: float = 5.0,
) -> float:
    return y + page.text(x, y, s, face=face, size=size, width=w, justify=True, spacing=spacing)


def office(p: Enterprise | Person) -> str:
    return f"{p.region[1]}{p.region[2]}市场监督管理局"


# --- 1. 企业名称自主申报告知书 --------------------------------------------------------------
def name_notice(rng: random.Random) -> Page:
    page = Page("name_notice")
    ent, who = enterprise(rng), person(rng)
    left, width = 72.0, A4[0] - 144
    y = title(page, 80, "企业名称自主申报告知书", 19)
    number = f"（{ent.region[1][:2]}）名申报字〔2026〕第{rng.randint(1000, 99999):05d}号"
    y += 8 + page.text(left, y + 8, number, width=width, align="right", size=10)
    y += 18
    y += page.text(left, y, f"{who.name}：", size=11) + 6
    day = recent_date(rng)
    keep = (day[0] + (day[1] + 1) // 12, (day[1] + 1) % 12 + 1, day[2])
    y = para(
        page,
        left,
        y,
        width,
        f"　　你（单位）通过企业名称申报系统自主申报的企业名称“{ent.name}”，经系统比对，"
        "未发现与同一登记机关已登记或者在保留期内的同行业企业名称相同。现将申报结果告知如下，"
        f"该名称保留至{cn_date(*keep)}，保留期内不得用于经营活动，不得转让。",
        11,
    )
    y += 16
    c1, c2 = 110.0, width - 110
    y = rows(
        page,
        left,
        y,
        [
            [(c1, "企业名称", "L"), (c2, ent.name, "V")],
            [(c1, "住所（经营场所）", "L"), (c2, ent.address, "V")],
            [
                (c1, "申报人", "L"),
                (c2 / 2 - 40, who.name, "V"),
                (80, "联系电话", "L"),
                (c2 / 2 - 40, who.phone, "V"),
            ],
            [(c1, "身份证件号码", "L"), (c2, who.id_number, "V")],
            [(c1, "申报日期", "L"), (c2, cn_date(*day), "V")],
        ],
        10.5,
        26,
    )
    y += 18
    y += page.text(left, y, "温馨提示：", face="black", size=9) + 4
    tips = (
        "1．本告知书不作为企业登记的批准文件，申请人应在保留期内持本告知书及相关材料办理登记。",
        "2．申报人对申报名称的真实性、合法性负责；因名称侵犯他人合法权益的，由申报人承担法律责任。",
        "3．企业名称中的字号、行业表述可通过“一网通办”平台查询；咨询电话：12345（工作日9:00—17:00）。",
    )
    for tip in tips:
        y += page.text(left + 12, y, tip, face="thin", size=8.5, width=width - 12, spacing=2) + 3
    y = max(y + 40, 640)
    x_sign = A4[0] - 72 - 200
    page.text(x_sign, y, office(ent), width=200, align="center", size=11)
    page.text(x_sign, y + 22, cn_date(*day), width=200, align="center", size=11)
    page.seal(
        x_sign + 100 + rng.uniform(-20, 20),
        y + 12 + rng.uniform(-8, 8),
        56,
        office(ent),
        "名称申报专用章",
        rng,
    )
    page.field("enterprise_name", ent.name)
    page.field("person_name", who.name)
    page.field("id_number", who.id_number)
    return page


# --- 2. 营业执照（正本）: landscape, two columns, QR block, seal ---------------------------
def licence(rng: random.Random) -> Page:
    w, h = A4[1], A4[0]
    page = Page("business_licence", (w, h))
    ent, boss = enterprise(rng), person(rng)
    for inset, lw in ((18, 2.4), (25, 0.8)):
        page.rect(inset, inset, w - 2 * inset, h - 2 * inset, lw, None, BROWN)
    page.text(52, 50, "统一社会信用代码", face="thin", size=10)
    page.text(52, 66, ent.credit_code, face="mono", size=12.5)
    y = title(page, 58, "营业执照", 38, 18)
    page.text(0, y + 4, "（正　本）", face="mono", size=13, width=w, align="center")
    qx, qs = w - 52 - 78, 78.0
    page.qr(qx, 46, qs, rng)
    page.text(
        qx - 40,
        46 + qs + 5,
        "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。",
        face="thin",
        size=6.5,
        width=qs + 48,
        align="center",
    )
    top, lx, rx, lab = 205.0, 70.0, w / 2 + 30, 74.0
    colw = w / 2 - 110
    founded = ent.founded
    left_col = (
        ("名　　称", ent.name),
        ("类　　型", ent.kind),
        ("法定代表人", boss.name),
        ("经营范围", ent.scope + "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"),
    )
    right_col = (
        ("注册资本", f"{ent.capital_wan}万元整"),
        ("成立日期", cn_date(*founded)),
        ("营业期限", f"{cn_date(*founded)}至长期"),
        ("住　　所", ent.address),
    )
    for x, col in ((lx, left_col), (rx, right_col)):
        yy = top
        for label, value in col:
            page.text(x, yy, label, face="black", size=11)
            yy += (
                page.text(x + lab, yy, value, face="mono", size=11, width=colw - lab, spacing=4)
                + 14
            )
    dy = h - 150
    page.text(w - 330, dy, "登记机关", face="black", size=12)
    page.text(w - 330, dy + 30, cn_date(*founded), face="mono", size=12, width=230, align="center")
    page.seal(
        w - 220 + rng.uniform(-15, 15), dy + 10 + rng.uniform(-6, 6), 58, office(ent), "", rng
    )
    page.text(
        52, h - 70, "国家企业信用信息公示系统网址：https://www.gsxt.gov.cn", face="thin", size=8
    )
    page.text(
        52,
        h - 58,
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
        face="thin",
        size=8,
    )
    page.text(
        0, h - 58, "国家市场监督管理总局监制", face="thin", size=8, width=w - 52, align="right"
    )
    page.field("credit_code", ent.credit_code)
    page.field("enterprise_name", ent.name)
    page.field("person_name", boss.name)
    return page


# --- 3. 公司登记（备案）申请书: 法定代表人 and 董事、监事、经理 --------------------------------
def company_application(rng: random.Random) -> Page:
    page = Page("company_application")
    ent = enterprise(rng)
    taken: set[str] = set()
    boss = person(rng, taken)
    left, width = 60.0, A4[0] - 120
    page.text(left, 40, "附表2", face="thin", size=9)
    y = title(page, 58, "公司登记（备案）申请书", 18, 2)
    y += 6 + page.text(
        0,
        y + 6,
        "法定代表人、董事、监事、经理信息",
        face="mono",
        size=11,
        width=A4[0],
        align="center",
    )
    y += 14
    y += page.text(left, y, f"企业名称：{ent.name}", size=10.5) + 8
    q = width / 4
    y = rows(
        page,
        left,
        y,
        [
            [(width, "一、法定代表人信息", "H")],
            [
                (q * 0.8, "姓名", "L"),
                (q * 1.2, boss.name, "V"),
                (q * 0.8, "固定电话", "L"),
                (q * 1.2, f"0{rng.randint(10, 99)}-{rng.randint(2000000, 8999999)}", "V"),
            ],
            [
                (q * 0.8, "移动电话", "L"),
                (q * 1.2, boss.phone, "V"),
                (q * 0.8, "电子邮箱", "L"),
                (
                    q * 1.2,
                    f"{rng.choice(('li', 'zh', 'wx', 'hz'))}{rng.randint(100, 999)}@163.com",
                    "V",
                ),
            ],
            [
                (q * 0.8, "身份证件类型", "L"),
                (q * 1.2, "中华人民共和国居民身份证", "V"),
                (q * 0.8, "身份证件号码", "L"),
                (q * 1.2, boss.id_number, "V"),
            ],
        ],
        9.5,
        24,
    )
    y += 14
    cols = (width * 0.14, width * 0.16, width * 0.2, width * 0.32, width * 0.18)
    table: list[list[Cell]] = [
        [(width, "二、董事、监事、经理信息", "H")],
        [
            (c, t, "L")
            for c, t in zip(
                cols, ("姓名", "职务", "身份证件类型", "身份证件号码", "产生方式"), strict=True
            )
        ],
    ]
    duties = [("执行董事", "股东会选举"), ("监事", "股东会选举"), ("经理", "执行董事聘任")]
    if rng.random() < 0.5:
        duties.insert(1, ("董事", "股东会选举"))
    for k, (duty, how) in enumerate(duties):
        who = boss if k == 0 else person(rng, taken)
        table.append(
            [
                (cols[0], who.name, "C"),
                (cols[1], duty, "C"),
                (cols[2], "居民身份证", "C"),
                (cols[3], who.id_number, "C"),
                (cols[4], how, "C"),
            ]
        )
    y = rows(page, left, y, table, 9.5, 24)
    y += 14
    liaison = person(rng, taken)
    y = rows(
        page,
        left,
        y,
        [
            [(width, "三、联络员信息", "H")],
            [
                (q * 0.8, "姓名", "L"),
                (q * 1.2, liaison.name, "V"),
                (q * 0.8, "移动电话", "L"),
                (q * 1.2, liaison.phone, "V"),
            ],
        ],
        9.5,
        24,
    )
    y += 18
    y = para(
        page,
        left,
        y,
        width,
        "　　本公司依照《中华人民共和国公司法》《中华人民共和国市场主体登记管理条例》申请登记"
        "（备案），提交材料真实有效。通过联络员登录信息系统提交的电子材料与提交的纸质材料一致。"
        "如有虚假，愿意承担相应的法律责任。",
        10,
    )
    y += 26
    page.text(A4[0] - 300, y, "法定代表人签字：", size=10.5)
    page.scribble(A4[0] - 190, y + 8, 90, rng)
    page.text(A4[0] - 300, y + 34, "公司盖章：", size=10.5)
    page.text(A4[0] - 300, y + 68, cn_date(*recent_date(rng)), size=10.5)
    page.seal(A4[0] - 175 + rng.uniform(-10, 10), y + 52, 50, ent.name, "", rng)
    y = A4[1] - 60
    page.text(
        left,
        y,
        "注：1．董事、监事、经理信息按实际任职情况填写，行数不够可另附页；"
        "2．身份证件号码应与身份证件原件一致。",
        face="thin",
        size=7.5,
        width=width,
    )
    page.field("enterprise_name", ent.name)
    page.field("person_name", boss.name)
    page.field("id_number", boss.id_number)
    return page


# --- 4. 授权委托书 ---------------------------------------------------------------------------
def power_of_attorney(rng: random.Random) -> Page:
    page = Page("power_of_attorney")
    ent = enterprise(rng)
    taken: set[str] = set()
    boss, agent = person(rng, taken), person(rng, taken)
    left, width = 66.0, A4[0] - 132
    y = title(page, 64, "授权委托书", 22, 10) + 20
    c = width / 4
    y = rows(
        page,
        left,
        y,
        [
            [(width, "委托人", "H")],
            [(c, "委托人名称", "L"), (c * 3, ent.name, "V")],
            [(c, "统一社会信用代码", "L"), (c * 3, ent.credit_code, "V")],
            [
                (c, "法定代表人", "L"),
                (c, boss.name, "V"),
                (c, "联系电话", "L"),
                (c, boss.phone, "V"),
            ],
            [(c, "住所", "L"), (c * 3, ent.address, "V")],
        ],
        10,
        25,
    )
    y += 12
    y = rows(
        page,
        left,
        y,
        [
            [(width, "受托人", "H")],
            [(c, "姓名", "L"), (c, agent.name, "V"), (c, "联系电话", "L"), (c, agent.phone, "V")],
            [(c, "身份证件号码", "L"), (c * 3, agent.id_number, "V")],
            [
                (c, "工作单位", "L"),
                (
                    c * 3,
                    f"{agent.region[1]}{rng.choice(('诚信', '汇智', '立达'))}企业登记代理事务所",
                    "V",
                ),
            ],
        ],
        10,
        25,
    )
    y += 16
    y += page.text(left, y, "委托事项：", face="black", size=10.5) + 6
    options(
        page,
        left + 10,
        y,
        ("设立登记", "变更登记", "备案", "注销登记", "领取营业执照"),
        rng.randrange(5),
    )
    y += 24
    y += page.text(left, y, "委托权限：", face="black", size=10.5) + 6
    for k, s in enumerate(
        (
            "同意□不同意□核对登记材料中的复印件并签署核对意见；",
            "同意□不同意□修改企业自备文件的错误；",
            "同意□不同意□修改有关表格的填写错误；",
            "同意□不同意□领取营业执照和有关文书。",
        )
    ):
        page.text(left + 10, y, f"{k + 1}．{s}", size=10)
        cw = measure("同意", "mono", 10, None)[0] + measure(f"{k + 1}．", "mono", 10, None)[0]
        page.tick(left + 10 + cw + 1, y + 5, 9)
        y += 19
    y += 6
    start = recent_date(rng)
    y += (
        page.text(
            left,
            y,
            f"委托有效期限：自{cn_date(*start)}至{cn_date(start[0] + 1, *start[1:])}。",
            size=10.5,
        )
        + 30
    )
    page.text(left, y, "委托人（盖章）：", size=10.5)
    page.text(left + width / 2 + 10, y, "受托人（签字）：", size=10.5)
    page.scribble(left + width / 2 + 110, y + 8, 80, rng)
    page.text(left, y + 40, cn_date(*start), size=10.5)
    page.text(left + width / 2 + 10, y + 40, cn_date(*start), size=10.5)
    page.seal(left + 120 + rng.uniform(-10, 15), y + 18, 50, ent.name, "", rng)
    page.text(
        left,
        A4[1] - 80,
        "说明：委托人为企业的，由法定代表人签字并加盖公章；受托人应当提交本人身份证件复印件。"
        "勾选“同意”的，受托人可代为办理相应事项。",
        face="thin",
        size=8,
        width=width,
    )
    page.field("enterprise_name", ent.name)
    page.field("credit_code", ent.credit_code)
    page.field("person_name", agent.name)
    page.field("id_number", agent.id_number)
    return page


# --- 5. 税务登记表（适用单位纳税人）: a dense ruled table --------------------------------------
def tax_registration(rng: random.Random) -> Page:
    page = Page("tax_registration")
    ent = enterprise(rng)
    taken: set[str] = set()
    boss, cfo, clerk = person(rng, taken), person(rng, taken), person(rng, taken)
    left, width = 36.0, A4[0] - 72
    y = title(page, 40, "税务登记表", 17, 6)
    y += 2 + page.text(0, y + 2, "（适用单位纳税人）", size=10, width=A4[0], align="center")
    y += 8
    y += page.text(left, y, f"填表日期：{cn_date(*recent_date(rng))}", face="thin", size=8.5) + 4
    u = width / 12
    zip_code = f"{rng.randint(31, 71)}{rng.randint(0, 9999):04d}"
    tel = f"0{rng.randint(10, 99)}-{rng.randint(2000000, 8999999)}"
    size = 8.5
    table: list[list[Cell]] = [
        [
            (u * 2, "纳税人名称", "L"),
            (u * 5, ent.name, "V"),
            (u * 2, "纳税人识别号", "L"),
            (u * 3, ent.credit_code, "V"),
        ],
        [
            (u * 2, "登记注册类型", "L"),
            (u * 5, "有限责任公司", "V"),
            (u * 2, "批准设立机关", "L"),
            (u * 3, office(ent), "V"),
        ],
        [
            (u * 2, "开业（设立）日期", "L"),
            (u * 2, cn_date(*ent.founded), "V"),
            (u * 2, "生产经营期限", "L"),
            (u * 1, "长期", "V"),
            (u * 2, "证照名称", "L"),
            (u * 3, "营业执照", "V"),
        ],
        [
            (u * 2, "注册地址", "L"),
            (u * 5, ent.address, "N"),
            (u * 1, "邮政编码", "L"),
            (u * 1, zip_code, "N"),
            (u * 1, "联系电话", "L"),
            (u * 2, tel, "N"),
        ],
        [
            (u * 2, "生产经营地址", "L"),
            (u * 5, ent.address, "N"),
            (u * 1, "邮政编码", "L"),
            (u * 1, zip_code, "N"),
            (u * 1, "联系电话", "L"),
            (u * 2, tel, "N"),
        ],
        [
            (u * 2, "核算方式", "L"),
            (u * 4, "独立核算", "V"),
            (u * 2, "从业人数", "L"),
            (u * 1, str(rng.randint(3, 180)), "V"),
            (u * 2, "其中外籍人数", "L"),
            (u * 1, "0", "V"),
        ],
        [(u * 2, "经营范围", "L"), (u * 10, ent.scope, "N")],
        [
            (u * 2, "项目", "H"),
            (u * 1.4, "姓名", "H"),
            (u * 1.6, "身份证件种类", "H"),
            (u * 3.2, "身份证件号码", "H"),
            (u * 1.8, "固定电话", "H"),
            (u * 2, "移动电话", "H"),
        ],
    ]
    for role, who in (("法定代表人", boss), ("财务负责人", cfo), ("办税人", clerk)):
        table.append(
            [
                (u * 2, role, "L"),
                (u * 1.4, who.name, "C"),
                (u * 1.6, "居民身份证", "C"),
                (u * 3.2, who.id_number, "C"),
                (u * 1.8, tel if who is boss else "", "C"),
                (u * 2, who.phone, "C"),
            ]
        )
    capital = ent.capital_wan * 10000
    table += [
        [
            (u * 2, "注册资本币种", "L"),
            (u * 2, "人民币", "V"),
            (u * 2, "注册资本金额", "L"),
            (u * 6, f"{amount(capital)}元", "V"),
        ],
        [
            (u * 3, "投资方名称", "H"),
            (u * 2, "投资方经济性质", "H"),
            (u * 1.5, "投资比例", "H"),
            (u * 1.5, "证件种类", "H"),
            (u * 4, "证件号码", "H"),
        ],
    ]
    share = rng.choice((51, 60, 70, 80))
    for who, pct in ((boss, share), (cfo, 100 - share)):
        table.append(
            [
                (u * 3, who.name, "C"),
                (u * 2, "自然人", "C"),
                (u * 1.5, f"{pct}%", "C"),
                (u * 1.5, "居民身份证", "C"),
                (u * 4, who.id_number, "C"),
            ]
        )
    table += [
        [
            (u * 3, "代扣代缴、代收代缴税款业务内容", "L"),
            (u * 9, "个人所得税（工资薪金所得）", "V"),
        ],
        [
            (u * 3, "附报资料", "L"),
            (u * 9, "营业执照复印件；法定代表人身份证件复印件；生产经营场所使用证明", "N"),
        ],
    ]
    y = rows(page, left, y, table, size, 21, 3)
    y += 16
    third = width / 3
    for k, (who_label, sign) in enumerate(
        (("经办人：", True), ("法定代表人（负责人）：", True), ("纳税人（签章）", False))
    ):
        page.text(left + k * third, y, who_label, size=9)
        if sign:
            page.scribble(left + k * third + 20, y + 26, 60, rng)
    page.seal(left + 2 * third + 60, y + 30, 48, ent.name, "", rng)
    y += 80
    y += page.text(left, y, "以下由税务机关填写：", face="black", size=9) + 4
    y = rows(
        page,
        left,
        y,
        [
            [
                (u * 2, "纳税人所处街乡", "L"),
                (u * 4, f"{ent.region[2]}{rng.choice('东西南北')}街道", "V"),
                (u * 2, "隶属关系", "L"),
                (u * 4, "区级", "V"),
            ],
            [
                (u * 2, "主管税务机关", "L"),
                (
                    u * 10,
                    f"国家税务总局{ent.region[1]}{ent.region[2]}税务局第{rng.choice('一二三')}税务所",
                    "V",
                ),
            ],
            [
                (u * 2, "受理人", "L"),
                (u * 2, "", "V"),
                (u * 2, "受理日期", "L"),
                (u * 2, "", "V"),
                (u * 2, "核准日期", "L"),
                (u * 2, "", "V"),
            ],
        ],
        size,
        21,
        3,
    )
    page.text(
        left,
        A4[1] - 50,
        "注：本表一式二份，税务机关和纳税人各留存一份；纳税人识别号为统一社会信用代码的，"
        "无需另行填写组织机构代码。",
        face="thin",
        size=7.5,
        width=width,
    )
    page.field("enterprise_name", ent.name)
    page.field("credit_code", ent.credit_code)
    page.field("person_name", boss.name)
    page.field("id_number", boss.id_number)
    return page


# --- 6. 社会保险个人参保证明: a table of months ------------------------------------------------
def insurance_certificate(rng: random.Random) -> Page:
    page = Page("insurance_certificate")
    ent, who = enterprise(rng), person(rng)
    left, width = 50.0, A4[0] - 100
    y = title(page, 56, f"{who.region[1]}社会保险个人参保证明", 17, 2) + 6
    y += (
        page.text(
            left,
            y,
            f"证明编号：SB{rng.randint(10**11, 10**12 - 1)}",
            face="thin",
            size=8.5,
            width=width,
            align="right",
        )
        + 6
    )
    c = width / 6
    sex = "男" if int(who.id_number[16]) % 2 else "女"
    y = rows(
        page,
        left,
        y,
        [
            [
                (c, "姓名", "L"),
                (c, who.name, "V"),
                (c * 0.6, "性别", "L"),
                (c * 0.6, sex, "V"),
                (c * 1.1, "公民身份号码", "L"),
                (c * 1.7, who.id_number, "V"),
            ],
            [(c, "参保单位", "L"), (c * 5, ent.name, "V")],
            [
                (c, "参保险种", "L"),
                (c * 2, "城镇企业职工基本养老保险", "V"),
                (c, "证明时段", "L"),
                (c * 2, "2025年12月至2026年11月", "V"),
            ],
        ],
        9.5,
        23,
    )
    y += 10
    cols = (c, c * 1.2, c * 1.2, c * 0.9, c * 0.9, c * 0.8)
    table: list[list[Cell]] = [
        [
            (w, t, "H")
            for w, t in zip(
                cols,
                ("缴费年月", "缴费单位", "缴费基数（元）", "单位缴纳", "个人缴纳", "缴费状态"),
                strict=True,
            )
        ]
    ]
    base = rng.choice((4812, 5230, 6318, 7460, 8904, 11200))
    total_unit = total_own = 0.0
    for k in range(12):
        ym = (2025, 12) if k == 0 else (2026, k)
        if k == 7 and rng.random() < 0.5:
            base = round(base * 1.06)
        unit, own = base * 0.16, base * 0.08
        total_unit += unit
        total_own += own
        state = "补缴" if k == 5 and rng.random() < 0.3 else "已实缴"
        table.append(
            [
                (cols[0], f"{ym[0]}{ym[1]:02d}", "C"),
                (cols[1], ent.short, "C"),
                (cols[2], amount(base), "C"),
                (cols[3], amount(unit), "C"),
                (cols[4], amount(own), "C"),
                (cols[5], state, "C"),
            ]
        )
    table.append(
        [
            (cols[0] + cols[1] + cols[2], "合计", "L"),
            (cols[3], amount(total_unit), "C"),
            (cols[4], amount(total_own), "C"),
            (cols[5], "", "C"),
        ]
    )
    y = rows(page, left, y, table, 9, 19, 3)
    y += 14
    notes = (
        "注：1．本证明仅反映打印时点的参保缴费情况，缴费状态以社会保险经办机构记录为准；",
        "2．本证明可通过扫描右下角二维码或登录电子社保卡核验真伪，核验码："
        f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}；",
        "3．单位缴纳按16%、个人缴纳按8%计算，金额单位为元，保留两位小数。",
    )
    for note in notes:
        y += page.text(left, y, note, face="thin", size=7.5, width=width) + 2
    y += 24
    page.qr(left + width - 70, y, 62, rng)
    page.text(
        left + width - 300,
        y + 6,
        f"{who.region[1]}社会保险事业管理中心",
        size=10.5,
        width=210,
        align="center",
    )
    page.text(
        left + width - 300,
        y + 28,
        f"打印日期：{cn_date(*recent_date(rng))}",
        size=9.5,
        width=210,
        align="center",
    )
    page.seal(
        left + width - 195 + rng.uniform(-12, 12),
        y + 22,
        52,
        f"{who.region[1]}社会保险事业管理中心",
        "业务专用章",
        rng,
    )
    page.field("person_name", who.name)
    page.field("id_number", who.id_number)
    page.field("enterprise_name", ent.name)
    return page


# --- 7. 受理 / 不予受理通知书, with a tear-off receipt --------------------------------------------
def acceptance_notice(rng: random.Random) -> Page:
    page = Page("acceptance_notice")
    ent, agent = enterprise(rng), person(rng)
    refused = rng.random() < 0.5
    left, width = 70.0, A4[0] - 140
    y = title(page, 60, office(ent), 15, 1)
    y = title(page, y + 6, "不予受理通知书" if refused else "受理通知书", 20, 6)
    kind = "不受字" if refused else "受字"
    number = f"（{ent.region[2][:2]}）登记内{kind}〔2026〕第{rng.randint(100, 9999)}号"
    y += 6 + page.text(left, y + 6, number, size=10, width=width, align="center") + 16
    y += page.text(left, y, f"{ent.name}：", size=11) + 6
    day = recent_date(rng)
    matter = rng.choice(("变更登记", "设立登记", "备案", "注销登记"))
    if refused:
        body = (
            f"　　你（单位）于{cn_date(*day)}提交的{matter}申请，经审查，存在下列情形，"
            "根据《中华人民共和国市场主体登记管理条例》第十九条规定，决定不予受理："
        )
        reasons: tuple[str, ...] = (
            "一、申请事项依法不属于本机关登记管辖范围；",
            "二、申请材料未经法定代表人签署，且委托代理人未提交有效授权。",
        )
    else:
        body = (
            f"　　你（单位）于{cn_date(*day)}提交的{matter}申请，经审查，申请材料齐全，"
            "符合法定形式，根据《中华人民共和国市场主体登记管理条例》第十九条规定，决定予以受理。"
        )
        serial = rng.randint(10**9, 10**10 - 1)
        reasons = (f"本机关将自受理之日起3个工作日内作出登记决定。受理编号：{serial}。",)
    y = para(page, left, y, width, body, 11)
    y += 4
    for r in reasons:
        y = para(page, left + 22, y, width - 22, r, 10.5) + 2
    y += 4
    y = para(
        page,
        left,
        y,
        width,
        "　　如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，"
        "或者在六个月内依法向人民法院提起行政诉讼。",
        10.5,
    )
    y += 34
    x_sign = A4[0] - 80 - 200
    page.text(x_sign, y, "（登记机关印章）", size=10, width=200, align="center")
    page.text(x_sign, y + 22, cn_date(*day), size=10.5, width=200, align="center")
    page.seal(x_sign + 100 + rng.uniform(-15, 15), y + 14, 54, office(ent), "登记专用章", rng)
    cut = max(y + 90, 560.0)
    label = "（沿此线剪开）"
    lw = measure(label, "thin", 8, None)[0]
    page.line(30, cut, A4[0] / 2 - lw / 2 - 6, cut, 0.8, (5, 3))
    page.text(A4[0] / 2 - lw / 2, cut - 5, label, face="thin", size=8)
    page.line(A4[0] / 2 + lw / 2 + 6, cut, A4[0] - 30, cut, 0.8, (5, 3))
    y = title(page, cut + 22, "回　执", 14, 6) + 12
    c = width / 4
    y = rows(
        page,
        left,
        y,
        [
            [(c, "申请人", "L"), (c * 3, ent.name, "V")],
            [
                (c, "委托代理人", "L"),
                (c, agent.name, "V"),
                (c, "联系电话", "L"),
                (c, agent.phone, "V"),
            ],
            [(c, "身份证件号码", "L"), (c * 3, agent.id_number, "V")],
            [
                (c, "收到文书", "L"),
                (c * 3, f"《{'不予受理' if refused else '受理'}通知书》{number}", "N"),
            ],
        ],
        10,
        24,
    )
    y += 18
    page.text(left, y, "签收人：", size=10.5)
    page.scribble(left + 60, y + 8, 70, rng)
    page.text(left + width / 2, y, f"签收日期：{cn_date(*day)}", size=10.5)
    page.text(left, A4[1] - 50, "此联由登记机关留存归档。", face="thin", size=8)
    page.field("enterprise_name", ent.name)
    page.field("person_name", agent.name)
    page.field("id_number", agent.id_number)
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "name_notice": name_notice,
    "business_licence": licence,
    "company_application": company_application,
    "power_of_attorney": power_of_attorney,
    "tax_registration": tax_registration,
    "insurance_certificate": insurance_certificate,
    "acceptance_notice": acceptance_notice,
}
__all__ = ["INK", "LAYOUTS"]
