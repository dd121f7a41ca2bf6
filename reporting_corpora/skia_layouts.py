"""The `skia` corpus's layouts: service-hall documents of its own, drawn on A4 in
millimetres, truth said in reading order as each element is drawn (top to bottom, left
column before right, table rows left to right)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from reporting_corpora import skia_data as data
from reporting_corpora.skia_draw import Page

LEFT, RIGHT = 20.0, 190.0
WIDTH = RIGHT - LEFT


def _cell(
    page: Page,
    x: float,
    y: float,
    w: float,
    h: float,
    text: str,
    face: str = "print",
    size: float = 3.6,
    align: str = "left",
) -> None:
    page.rect(x, y, w, h, 0.25)
    if not text:
        return
    base = y + h / 2 + size * 0.36
    if align == "center":
        page.text(x + w / 2, base, size, text, face, align="center")
    else:
        page.text(x + 1.8, base, size, text, face)


def _row(page: Page, y: float, h: float, cells: Sequence[tuple[float, str, str]]) -> float:
    """Cells of (width, text, face) left to right from LEFT; returns the next row's y."""
    x = LEFT
    for w, text, face in cells:
        _cell(page, x, y, w, h, text, face, 3.6 if face != "mono" else 3.4)
        x += w
    return y + h


def _header(page: Page, rng: random.Random, title: str, number: str) -> float:
    if number.isascii():
        page.text(RIGHT, 14, 2.6, f"No. {number}", "latin", align="right")
    else:
        page.text(RIGHT, 14, 3.0, number, align="right")
    page.text(105, 30, 7.0, title, "print", align="center")
    return 40.0


def _small(page: Page, y: float, notes: Sequence[str]) -> float:
    for i, note in enumerate(notes, 1):
        y += page.rich(LEFT, y, WIDTH, [("print", f"{i}.{note}")], size=2.5, spacing=1.4)
    return y


def establish_application(rng: random.Random) -> Page:
    page = Page("establish_application")
    firm = data.enterprise(rng)
    boss = data.person(rng)
    clerk = data.person(rng)
    y = _header(page, rng, "企业设立登记申请书", f"HB-{rng.randint(100000, 999999)}")
    page.text(LEFT, y, 3.0, "（请使用黑色或蓝色墨水填写，带＊号为必填项）")
    y += 4
    y = _row(page, y, 11, [(34, "＊企业名称", "print"), (136, firm.name, "entry")])
    y = _row(page, y, 11, [(34, "＊住所", "print"), (136, firm.address, "entry")])
    y = _row(
        page,
        y,
        11,
        [
            (34, "＊法定代表人", "print"),
            (40, boss.name, "entry"),
            (30, "＊身份证号码", "print"),
            (66, boss.id_number, "mono"),
        ],
    )
    y = _row(
        page,
        y,
        11,
        [
            (34, "＊移动电话", "print"),
            (40, boss.phone, "mono"),
            (30, "注册资本", "print"),
            (66, f"{firm.capital}万元", "entry"),
        ],
    )
    page.rect(LEFT, y, 34, 22, 0.25)
    page.text(LEFT + 1.8, y + 12.3, 3.6, "＊企业类型")
    page.rect(LEFT + 34, y, 136, 22, 0.25)
    for i, kind in enumerate(data.TYPES):
        bx = LEFT + 37 + (i % 2) * 67
        by = y + 3 + (i // 2) * 10
        page.box(bx, by, kind == firm.kind)
        page.text(bx + 4.5, by + 2.9, 3.0, kind)
    y += 22
    page.rect(LEFT, y, 34, 30, 0.25)
    page.text(LEFT + 1.8, y + 16, 3.6, "经营范围")
    page.rect(LEFT + 34, y, 136, 30, 0.25)
    page.rich(LEFT + 36, y + 2, 132, [("print", firm.scope)], size=3.4, spacing=1.5)
    y += 30
    y = _row(
        page,
        y,
        11,
        [
            (34, "联络员", "print"),
            (40, clerk.name, "entry"),
            (30, "联络员电话", "print"),
            (66, clerk.phone, "mono"),
        ],
    )
    y += 8
    page.rich(
        LEFT,
        y,
        WIDTH,
        [
            (
                "print",
                "本人承诺：所提交的申请材料真实、合法、有效，复印件与原件一致，"
                "并对因提交虚假材料所引发的一切后果承担相应的法律责任。",
            )
        ],
        size=3.4,
    )
    y += 22
    w = page.text(110, y, 3.6, "法定代表人签字：")
    page.text(112 + w, y, 5.2, boss.name, "sign")
    y += 10
    page.text(140, y, 3.6, data.date(rng), "entry")
    y += 14
    page.text(LEFT, y, 2.8, "注：")
    _small(
        page,
        y + 2,
        (
            "本申请书适用于各类企业设立登记，一式一份，由申请人或其委托的代理人提交。",
            "“企业类型”请在对应方框内打“√”，其他栏目不适用的填“无”。",
            "申请人应当对申请材料的真实性负责，登记机关依法对申请材料进行形式审查。",
        ),
    )
    page.field("enterprise_name", firm.name)
    page.field("person_name", boss.name)
    page.field("id_number", boss.id_number)
    page.field("phone", boss.phone)
    page.field("person_name", clerk.name)
    page.field("phone", clerk.phone)
    return page


def business_licence(rng: random.Random) -> Page:
    page = Page("business_licence")
    firm = data.enterprise(rng)
    boss = data.person(rng)
    page.rect(10, 10, 190, 277, 1.2)
    page.rect(13, 13, 184, 271, 0.3)
    page.text(105, 48, 13.0, "营业执照", align="center")
    page.text(105, 58, 3.8, "（副　本）", align="center")
    page.text(LEFT + 4, 74, 3.8, "统一社会信用代码")
    page.text(LEFT + 42, 74, 4.2, firm.code, "latin")
    page.qr(152, 60, 30, rng.randint(0, 10**9))
    page.text(LEFT + 4, 82, 2.8, f"证照编号：{rng.randint(10**13, 10**14 - 1)}")
    left = [
        ("名　　称", firm.name),
        ("类　　型", firm.kind),
        ("法定代表人", boss.name),
    ]
    y = 104.0
    for label, value in left:
        page.text(LEFT + 4, y, 3.8, label)
        y += page.rich_at(LEFT + 30, y, 62, [("print", value)], size=3.8) + 7
    page.text(LEFT + 4, y, 3.8, "经营范围")
    page.rich_at(LEFT + 30, y, 62, [("print", firm.scope)], size=3.6)
    y = 104.0
    right = [
        ("注册资本", f"人民币{firm.capital}万元"),
        ("成立日期", firm.founded),
        ("住　　所", firm.address),
    ]
    for label, value in right:
        page.text(112, y, 3.8, label)
        y += page.rich_at(134, y, 54, [("print", value)], size=3.8) + 7
    page.text(122, 238, 3.8, "登记机关")
    issued = data.date(rng)
    page.text(130, 252, 3.8, issued)
    city = firm.address[3:6]
    page.seal(150, 242, 20, f"{city}市场监督管理局", "登记专用章")
    page.text(105, 276, 2.6, "国家企业信用信息公示系统网址：略", align="center")
    page.field("credit_code", firm.code)
    page.field("enterprise_name", firm.name)
    page.field("person_name", boss.name)
    return page


def power_of_attorney(rng: random.Random) -> Page:
    page = Page("power_of_attorney")
    firm = data.enterprise(rng)
    boss = data.person(rng)
    agent = data.person(rng)
    y = _header(page, rng, "授权委托书", f"WT{rng.randint(1000, 9999)}")
    y += 6
    y += (
        page.rich(
            LEFT,
            y,
            WIDTH,
            [
                ("print", "委托单位："),
                ("entry", firm.name),
            ],
            size=4.0,
        )
        + 2
    )
    y += (
        page.rich(
            LEFT,
            y,
            WIDTH,
            [
                ("print", "统一社会信用代码："),
                ("mono", firm.code),
            ],
            size=4.0,
        )
        + 2
    )
    y += (
        page.rich(
            LEFT,
            y,
            WIDTH,
            [
                ("print", "法定代表人："),
                ("entry", boss.name),
            ],
            size=4.0,
        )
        + 6
    )
    y += (
        page.rich(
            LEFT,
            y,
            WIDTH,
            [
                ("print", "　　现委托"),
                ("entry", agent.name),
                ("print", "（身份证号码："),
                ("mono", agent.id_number),
                ("print", "，联系电话："),
                ("mono", agent.phone),
                ("print", "）作为我单位的代理人，前往政务服务中心办理"),
                ("print", rng.choice(("变更登记", "注销登记", "备案", "设立登记"))),
                (
                    "print",
                    "事宜。代理人在办理上述事项过程中所签署的有关文件，我单位均予以承认，"
                    "由此产生的法律后果由我单位承担。",
                ),
            ],
            size=4.0,
            spacing=1.9,
        )
        + 6
    )
    page.text(LEFT, y + 4, 4.0, "委托权限（请在方框内打“√”）：")
    y += 10
    powers = (
        "同意核对登记材料中的复印件并签署核对意见",
        "同意修改企业自备文件的错误",
        "同意修改有关表格的填写错误",
        "同意领取营业执照和有关文书",
    )
    for p in powers:
        page.box(LEFT + 4, y, rng.random() < 0.75)
        page.text(LEFT + 10, y + 2.9, 3.8, p)
        y += 8
    y += 4
    page.text(
        LEFT, y + 4, 4.0, f"委托期限：自{data.date(rng, 2026, 2026)}至{data.date(rng, 2027, 2027)}"
    )
    y += 24
    w = page.text(LEFT, y, 4.0, "委托单位（盖章）：")
    page.text(LEFT + w + 2, y, 4.0, firm.name, "entry")
    page.seal(LEFT + 70, y - 6, 19, firm.name)
    y += 16
    w = page.text(LEFT, y, 4.0, "法定代表人（签字）：")
    page.text(LEFT + w + 3, y, 5.4, boss.name, "sign")
    w = page.text(120, y, 4.0, "代理人（签字）：")
    page.text(123 + w, y, 5.4, agent.name, "sign")
    y += 14
    page.text(RIGHT, y, 4.0, data.date(rng), "entry", align="right")
    page.field("enterprise_name", firm.name)
    page.field("credit_code", firm.code)
    page.field("person_name", boss.name)
    page.field("person_name", agent.name)
    page.field("id_number", agent.id_number)
    page.field("phone", agent.phone)
    return page


def household_table(rng: random.Random) -> Page:
    page = Page("household_table")
    place = data.place(rng)
    relations = ("本人", "配偶", "儿子", "女儿", "父", "母")
    head = rng.choice("男女")
    sexes = (head, "女" if head == "男" else "男", "男", "女", "男", "女")
    born = rng.randint(1968, 1990)
    years = (
        born,
        born + rng.randint(-3, 3),
        born + rng.randint(22, 30),
        born + rng.randint(22, 32),
        born - rng.randint(22, 30),
        born - rng.randint(20, 28),
    )
    people = [data.person(rng, place, sexes[i], years[i]) for i in range(rng.randint(3, 6))]
    # the children take the applicant's or the spouse's surname
    family = people[0].name[0] if head == "男" or len(people) < 2 else people[1].name[0]
    people[2:4] = [data.person(rng, place, sexes[i], years[i], family) for i in (2, 3)][
        : len(people[2:4])
    ]
    y = _header(page, rng, "家庭成员及收入情况登记表", f"MZ-{rng.randint(10**5, 10**6 - 1)}")
    w = page.text(LEFT, y + 2, 3.6, "申请人：")
    page.text(LEFT + w + 1, y + 2, 3.8, people[0].name, "entry")
    page.text(95, y + 2, 3.6, "现住址：")
    page.rich_at(111, y + 2, 79, [("entry", people[0].address)], size=3.6, spacing=1.3)
    y += 12
    widths = (12, 22, 26, 12, 52, 46)
    y = _row(
        page,
        y,
        10,
        list(
            zip(
                widths,
                ("序号", "姓名", "与申请人关系", "性别", "公民身份号码", "年收入（元）"),
                ("print",) * 6,
                strict=True,
            )
        ),
    )
    for i, p in enumerate(people):
        income = f"{rng.randint(0, 68) * 1000 + rng.choice((0, 500)):,}"
        y = _row(
            page,
            y,
            10,
            [
                (12, str(i + 1), "entry"),
                (22, p.name, "entry"),
                (18, relations[i], "entry"),
                (12, p.sex, "entry"),
                (56, p.id_number, "mono"),
                (50, income, "mono"),
            ],
        )
        page.field("person_name", p.name)
        page.field("id_number", p.id_number)
    for _ in range(6 - len(people)):
        y = _row(page, y, 10, [(w, "", "print") for w in widths])
    y += 8
    w = page.text(LEFT, y, 3.6, "联系电话：")
    page.text(LEFT + w + 1, y, 3.6, people[0].phone, "mono")
    page.field("phone", people[0].phone)
    y += 12
    y += (
        page.rich(
            LEFT,
            y,
            WIDTH,
            [
                (
                    "print",
                    "　　本人承诺以上所填家庭成员、收入情况真实完整，"
                    "同意民政部门依法核对家庭经济状况。"
                    "如有隐瞒或虚报，愿承担由此产生的一切责任。",
                )
            ],
            size=3.6,
        )
        + 10
    )
    w = page.text(110, y, 3.6, "申请人签名：")
    page.text(112 + w, y, 5.2, people[0].name, "sign")
    y += 10
    page.text(135, y, 3.6, data.date(rng), "entry")
    y += 16
    page.line(LEFT, y, RIGHT, y, 0.2)
    w = page.text(LEFT, y + 7, 3.6, "社区（村）意见：")
    page.text(LEFT + w + 2, y + 7, 3.8, "同意。", "entry")
    page.seal(150, y + 20, 17, f"{place[1]}社会事务办")
    _small(
        page,
        y + 36,
        (
            "本表由申请人填写，社区（村）核实后签署意见。",
            "收入栏填写近十二个月家庭成员的全部收入。",
        ),
    )
    return page


def acceptance_notice(rng: random.Random) -> Page:
    page = Page("acceptance_notice")
    firm = data.enterprise(rng)
    agent = data.person(rng)
    city = firm.address[3:6]
    y = _header(page, rng, "受理通知书", f"{city[:2]}受字〔2026〕第{rng.randint(100, 9999)}号")
    y += 8
    page.text(LEFT, y, 4.0, f"{firm.name}：", "entry")
    y += 8
    y += (
        page.rich(
            LEFT,
            y,
            WIDTH,
            [
                ("print", "　　你单位于"),
                ("entry", data.date(rng, 2026, 2026)),
                ("print", "提交的"),
                ("print", rng.choice(("股东变更", "住所变更", "经营范围变更"))),
                (
                    "print",
                    "登记申请，经审查，申请材料齐全，符合法定形式，根据《中华人民共和国行政许可法》"
                    "第三十二条的规定，决定予以受理。",
                ),
            ],
            size=4.0,
            spacing=1.9,
        )
        + 6
    )
    y += page.rich(LEFT, y, WIDTH, [("print", "　　请注意以下事项：")], size=4.0) + 2
    items = (
        "请于受理之日起二十个工作日后，凭本通知书到综合窗口领取办理结果。",
        "领取时，法定代表人本人或经办人须携带本人身份证件原件。",
        "如需补正材料，本机关将以电话或短信方式通知联系人。",
    )
    for i, item in enumerate(items, 1):
        y += page.rich(LEFT + 6, y, WIDTH - 6, [("print", f"{i}.{item}")], size=3.8) + 1
    y += 6
    y = _row(
        page,
        y,
        11,
        [
            (36, "经办人", "print"),
            (44, agent.name, "entry"),
            (36, "联系电话", "print"),
            (54, agent.phone, "mono"),
        ],
    )
    y = _row(page, y, 11, [(36, "统一社会信用代码", "print"), (134, firm.code, "mono")])
    y += 24
    page.text(RIGHT - 10, y, 4.0, f"{city}政务服务中心", align="right")
    y += 10
    page.text(RIGHT - 10, y, 4.0, data.date(rng, 2026, 2026), "entry", align="right")
    page.seal(RIGHT - 38, y - 8, 18, f"{city}行政审批局", "业务专用章")
    y += 16
    page.dashed(LEFT, y, RIGHT, y)
    page.text(LEFT, y + 6, 2.6, "本通知书一式两份，一份交申请人，一份存档。咨询电话：12345")
    page.field("enterprise_name", firm.name)
    page.field("person_name", agent.name)
    page.field("phone", agent.phone)
    page.field("credit_code", firm.code)
    return page


def contribution_certificate(rng: random.Random) -> Page:
    """A social insurance contribution record printed by an impact printer on continuous
    stationery: everything in Unifont, sprocket holes down the margins."""
    page = Page("contribution_certificate")
    p = data.person(rng)
    firm = data.enterprise(rng)
    page.holes()
    page.text(105, 28, 6.0, "社会保险个人缴费证明", align="center")
    page.text(105, 36, 3.2, f"打印流水号：{rng.randint(10**11, 10**12 - 1)}", align="center")
    y = 48.0
    page.text(LEFT, y, 3.6, f"姓名：{p.name}")
    page.text(90, y, 3.6, f"性别：{p.sex}")
    y += 7
    page.text(LEFT, y, 3.6, f"公民身份号码：{p.id_number}")
    y += 7
    page.text(LEFT, y, 3.6, f"参保单位：{firm.name}")
    y += 7
    page.text(LEFT, y, 3.6, f"单位统一社会信用代码：{firm.code}")
    y += 10
    page.dashed(LEFT, y, RIGHT, y)
    y += 6
    cols = (LEFT, LEFT + 28, LEFT + 62, LEFT + 98, LEFT + 132)
    heads = ("费款所属期", "缴费基数", "养老保险", "医疗保险", "失业保险")
    for x, h in zip(cols, heads, strict=True):
        page.text(x, y, 3.4, h)
    y += 4
    page.dashed(LEFT, y, RIGHT, y)
    y += 6
    year = rng.randint(2024, 2025)
    base = rng.randint(38, 92) * 100
    month = rng.randint(1, 12)
    for _ in range(12):
        cells = (
            f"{year}{month:02d}",
            f"{base:.2f}",
            f"{base * 0.08:.2f}",
            f"{base * 0.02:.2f}",
            f"{base * 0.003:.2f}",
        )
        for x, c in zip(cols, cells, strict=True):
            page.text(x, y, 3.4, c)
        y += 6
        month += 1
        if month > 12:
            year, month = year + 1, 1
    page.dashed(LEFT, y, RIGHT, y)
    y += 8
    page.text(LEFT, y, 3.4, "以上信息仅证明参保人在上述期间的缴费情况。")
    y += 6
    page.text(LEFT, y, 3.4, "验证方式：扫描右侧二维码或登录社会保险网上服务平台。")
    page.qr(150, y + 6, 28, rng.randint(0, 10**9))
    y += 24
    page.text(LEFT, y, 3.6, f"打印日期：{data.date(rng, 2026, 2026)}")
    page.seal(75, y - 4, 17, f"{p.address[3:6]}社会保险事业管理局", "业务专用章")
    page.field("person_name", p.name)
    page.field("id_number", p.id_number)
    page.field("enterprise_name", firm.name)
    page.field("credit_code", firm.code)
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "establish_application": establish_application,
    "business_licence": business_licence,
    "power_of_attorney": power_of_attorney,
    "household_table": household_table,
    "acceptance_notice": acceptance_notice,
    "contribution_certificate": contribution_certificate,
}
