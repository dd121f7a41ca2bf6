"""The `outline` corpus's five layouts, forms a service hall receives: a real-estate
registration application (a table with spans and check boxes), a food business licence
(a two-column certificate with a QR-like block and the bureau's seal over its date), a
social insurance enrolment list (a table of employees under the unit's seal), a marriage
registration review form (the two parties side by side, the declaration as prose, the
registry's seal) and a disability certificate application (a photo box, check boxes,
small-print notes). Truth in reading order: tables row by row, each cell whole; two
columns left then right; no seal's words."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reporting_corpora.outline_data import (
    Enterprise,
    Person,
    cn_date,
    credit_code,
    date_between,
    enterprise,
    person,
    person_name,
    phone,
)
from reporting_corpora.outline_draw import MM, PX_W, Page, text_width

LEFT = 190.0
RIGHT = PX_W - 190.0
BODY = 42.0  # 五号 (10.5 pt) at 300 ppi is 44 px
HAND = 50.0


@dataclass
class Cell:
    text: str = ""
    role: str = "print"
    span: int = 1
    rowspan: int = 1
    align: str = "center"
    size: float = 0.0
    checks: list[tuple[str, bool]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)


def lab(text: str, **kw: object) -> Cell:
    return Cell(text, "print", **kw)  # type: ignore[arg-type]


def val(text: str, *fields: tuple[str, str], **kw: object) -> Cell:
    kw.setdefault("align", "left")
    return Cell(text, "hand", fields=list(fields), **kw)  # type: ignore[arg-type]


CLOSING = "，。、；：）》”！？"


def wrap(text: str, width: float, size: float, role: str) -> list[str]:
    """Lines of `text` at most `width` wide; closing punctuation stays on its line."""
    lines, cur = [], ""
    for ch in text:
        if cur and ch not in CLOSING and text_width(cur + ch, size, role) > width:
            lines.append(cur)
            cur = ""
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def block(
    page: Page,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    text: str,
    size: float,
    role: str = "print",
    align: str = "left",
    pad: float = 16.0,
) -> None:
    """`text` wrapped into the box, shrunk until it fits, centred on the box's height;
    one truth part (a cell is read whole)."""
    if not text:
        return
    # a hand spaces and wobbles: its line needs room the face's advances do not count
    width = (x1 - x0 - 2 * pad) * (0.9 if role == "hand" else 1.0)
    whole = text_width(text, size, role)
    if "\n" not in text and width < whole <= width / 0.78:
        size *= width / whole  # a label a little too long is set narrower, not broken
    while True:
        lines = [part for para in text.split("\n") for part in wrap(para, width, size, role)]
        lead = size * 1.32
        if len(lines) * lead <= (y1 - y0) - 8 or size < 24:
            break
        size *= 0.92
    top = (y0 + y1) / 2 - len(lines) * lead / 2
    for k, line in enumerate(lines):
        w = text_width(line, size, role, 0.04 if role == "hand" else 0.0)
        x = x0 + pad if align == "left" else (x0 + x1) / 2 - w / 2
        page.text(x, top + k * lead + size * 0.95, line, size, role, truth=False)
    page.say(text)


def table(
    page: Page,
    x0: float,
    y0: float,
    widths: Sequence[float],
    rows: list[tuple[float, list[Cell]]],
    size: float = BODY,
) -> float:
    """A ruled table: `rows` of (height, cells), cells taking `span` columns and `rowspan`
    rows; read row by row, a cell spanning rows read in its first. Returns its bottom."""
    edges = [x0]
    for w in widths:
        edges.append(edges[-1] + w)
    tops = [y0]
    for h, _ in rows:
        tops.append(tops[-1] + h)
    taken: set[tuple[int, int]] = set()
    for r, (_, cells) in enumerate(rows):
        col = 0
        for cell in cells:
            while (r, col) in taken:
                col += 1
            c0, c1 = col, min(col + cell.span, len(widths))
            r1 = min(r + cell.rowspan, len(rows))
            for rr in range(r, r1):
                for cc in range(c0, c1):
                    taken.add((rr, cc))
            bx0, bx1, by0, by1 = edges[c0], edges[c1], tops[r], tops[r1]
            page.draw("rect", bx0, by0, bx1, by1, 2.4)
            cell_size = cell.size or (HAND if cell.role == "hand" else size)
            if cell.checks:
                checks(page, bx0 + 16, (by0 + by1) / 2, cell.checks, size, bx1 - 10)
            else:
                block(page, bx0, by0, bx1, by1, cell.text, cell_size, cell.role, cell.align)
            for f in cell.fields:
                page.field(*f)
            col = c1
        page.br()
    # the outer frame heavier, as printed forms have it
    page.draw("rect", x0, y0, edges[-1], tops[-1], 4.5)
    return tops[-1]


def checks(
    page: Page,
    x: float,
    mid: float,
    items: list[tuple[str, bool]],
    size: float,
    right: float,
) -> float:
    """Check boxes with their labels in a row (wrapping at `right`); the labels are
    truth, the boxes and ticks are not. Returns the bottom."""
    box = size * 0.78
    cx, y = x, mid
    rows = 1
    for label, _ in items:
        w = box + 8 + text_width(label, size) + size * 0.9
        if cx + w > right and cx > x:
            rows += 1
            cx = x
        cx += w
    y = mid - (rows - 1) * size * 0.75
    cx = x
    for label, ticked in items:
        w = box + 8 + text_width(label, size) + size * 0.9
        if cx + w > right and cx > x:
            cx = x
            y += size * 1.5
        page.draw("check", cx, y - box / 2 - 2, box, ticked, page.seed * 31 + int(cx))
        page.text(cx + box + 8, y + size * 0.36, label, size)
        cx += w
    return y + size


def title(page: Page, text: str, y: float, size: float = 84.0, spacing: float = 0.12) -> None:
    w = text_width(text, size, "print", spacing)
    page.text(PX_W / 2 - w / 2, y, text, size, bold=0.035, spacing=spacing)
    page.br()


def label_value(
    page: Page,
    x: float,
    y: float,
    label: str,
    value: str,
    size: float = BODY,
    underline: float = 0.0,
    *fields: tuple[str, str],
) -> float:
    """`label` printed then `value` by hand on a rule; returns the end of the rule."""
    w = page.text(x, y, label, size)
    vx = x + w + 8
    vw = page.text(vx + 10, y - 4, value, HAND * 0.96, "hand")
    end = max(vx + vw + 30, vx + underline)
    page.draw("line", vx, y + 12, end, y + 12, 2.0)
    for f in fields:
        page.field(*f)
    return end


def sign_row(
    page: Page, y: float, items: list[tuple[str, str]], x: float = LEFT, gap: float = 70.0
) -> None:
    """A signature and date row: labels printed, names and dates by hand."""
    for label, value in items:
        w = page.text(x, y, label, BODY)
        x += w + 10
        if value:
            x += page.text(x, y - 6, value, HAND, "hand") + gap
        else:
            x += 260
    page.br()


def small_print(page: Page, y: float, lines: list[str], size: float = 34.0) -> float:
    for line in lines:
        for part in wrap(line, RIGHT - LEFT, size, "print"):
            page.text(LEFT, y, part, size)
            page.br()
            y += size * 1.45
    return y


def ymd(d: dt.date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


# ---------------------------------------------------------------- 1 不动产登记申请书


def real_estate(rng: random.Random) -> Page:
    page = Page("real_estate", rng.randrange(1 << 20))
    buyer, seller, agent = person(rng), person(rng), person(rng)
    today = date_between(rng, dt.date(2025, 3, 1), dt.date(2026, 11, 1))
    region = buyer.region
    title(page, "不动产登记申请书", 300)
    y: float = 400
    no = f"{today:%Y%m%d}{rng.randint(1, 9999):04d}"
    page.text(LEFT, y, f"收件编号：{no}", 38)
    page.text(LEFT + 760, y, f"收件日期：{ymd(today)}", 38)
    page.text(RIGHT - 420, y, "单位：平方米、万元", 38)
    page.br()
    unit = (
        f"{region[0]}{rng.randint(1, 20):03d}{rng.randint(1, 999):03d}GB"
        f"{rng.randint(1, 99999):05d}F{rng.randint(1, 9999):04d}{rng.randint(1, 9999):04d}"
    )
    cert_year = today.year - rng.randint(3, 12)
    cert = f"{region[1][0]}（{cert_year}）{region[2]}不动产权第{rng.randint(10**6, 10**7 - 1)}号"
    area = f"{rng.uniform(48, 168):.2f}"
    price = f"{rng.uniform(60, 480):.2f}"
    kinds = ["首次登记", "转移登记", "变更登记", "注销登记", "更正登记", "预告登记"]
    w = [200, 400, 580, 260, 660]
    rows: list[tuple[float, list[Cell]]] = [
        (
            140,
            [
                lab("申请登记事项", span=2),
                Cell(
                    span=3,
                    checks=[
                        ("国有建设用地使用权", False),
                        ("房屋所有权", True),
                        ("抵押权", False),
                        ("地役权", False),
                        ("其他", False),
                    ],
                ),
            ],
        ),
        (
            140,
            [lab("登记类型", span=2), Cell(span=3, checks=[(k, k == "转移登记") for k in kinds])],
        ),
        (124, [lab("申\n请\n人\n情\n况", rowspan=8), lab("登记申请人", span=4, size=44)]),
        (124, [lab("权利人姓名（名称）"), val(buyer.name, ("person_name", buyer.name), span=3)]),
        (
            124,
            [
                lab("身份证件种类"),
                val("居民身份证"),
                lab("证件号"),
                val(buyer.id_number, ("id_number", buyer.id_number), size=44),
            ],
        ),
        (140, [lab("通讯地址"), val(buyer.address, span=3, size=42)]),
        (
            124,
            [
                lab("联系电话"),
                val(buyer.phone, ("phone", buyer.phone)),
                lab("邮编"),
                val(f"{region[0][:4]}00"),
            ],
        ),
        (124, [lab("义务人姓名（名称）"), val(seller.name, ("person_name", seller.name), span=3)]),
        (
            124,
            [
                lab("身份证件种类"),
                val("居民身份证"),
                lab("证件号"),
                val(seller.id_number, ("id_number", seller.id_number), size=44),
            ],
        ),
        (
            124,
            [
                lab("代理人姓名"),
                val(agent.name, ("person_name", agent.name)),
                lab("联系电话"),
                val(agent.phone, ("phone", agent.phone)),
            ],
        ),
        (
            140,
            [
                lab("不\n动\n产\n情\n况", rowspan=5),
                lab("坐落"),
                val(
                    seller.address.split("号")[0] + "号" + f"{rng.randint(1, 30)}幢"
                    f"{rng.randint(1, 33)}{rng.randint(1, 4):02d}室",
                    span=3,
                    size=42,
                ),
            ],
        ),
        (124, [lab("不动产单元号"), val(unit, span=3, size=42)]),
        (124, [lab("不动产类型"), val("房屋"), lab("面积"), val(f"{area}平方米")]),
        (
            124,
            [
                lab("用途"),
                val(rng.choice(["住宅", "成套住宅", "商业服务"])),
                lab("成交价格"),
                val(f"{price}万元"),
            ],
        ),
        (124, [lab("原不动产权证书号"), val(cert, span=3, size=42)]),
        (
            190,
            [
                lab("登记原因及证明", span=2),
                Cell(
                    "1．不动产权属证书；2．存量房买卖合同；3．完税凭证；4．申请人身份证明。",
                    span=3,
                    align="left",
                ),
            ],
        ),
        (
            140,
            [
                lab("申请证书版式", span=2),
                Cell(span=1, checks=[("单一版", True), ("集成版", False)]),
                lab("申请分别持证"),
                Cell(checks=[("是", False), ("否", True)]),
            ],
        ),
    ]
    y = table(page, LEFT, 450, w, rows)
    y += 110
    sign_row(page, y, [("申请人（签章）：", buyer.name), ("代理人（签章）：", agent.name)])
    y += 90
    sign_row(page, y, [("申请日期：", ymd(today))])
    small_print(
        page,
        y + 110,
        [
            "注：1．申请人应当如实填写本申请书，并对申请材料的真实性负责；",
            "2．本申请书一式一份，由不动产登记机构留存；申请人为两人以上的，可另附页填写。",
        ],
    )
    return page


# ---------------------------------------------------------------- 2 食品经营许可证


def food_licence(rng: random.Random) -> Page:
    page = Page("food_licence", rng.randrange(1 << 20))
    firm = enterprise(rng)
    boss = person(rng)
    signer = person_name(rng)
    issued = date_between(rng, dt.date(2022, 1, 1), dt.date(2026, 10, 1))
    until = issued.replace(year=issued.year + 5) - dt.timedelta(days=1)
    bureau = f"{firm.region[2]}{firm.region[3]}市场监督管理局"
    x0, y0, x1, y1 = 150.0, 170.0, PX_W - 150.0, 3508 - 420.0
    page.draw("rect", x0, y0, x1, y1, 9.0)
    page.draw("rect", x0 + 22, y0 + 22, x1 - 22, y1 - 22, 3.0)
    title(page, "食品经营许可证", y0 + 260, size=120, spacing=0.25)
    page.text(PX_W / 2 - text_width("（副本）", 52) / 2, y0 + 370, "（副本）", 52)
    page.br()
    mid = PX_W / 2 + 120
    size = 46
    lead = 150
    y = y0 + 560
    lx = x0 + 110
    items_left: list[tuple[str, str, tuple[str, str] | None]] = [
        ("经营者名称：", firm.name, ("enterprise_name", firm.name)),
        ("社会信用代码：", firm.credit_code, ("credit_code", firm.credit_code)),
        ("法定代表人（负责人）：", boss.name, ("person_name", boss.name)),
        ("住　　所：", firm.address, None),
        ("经营场所：", firm.address, None),
        (
            "主体业态：",
            rng.choice(
                [
                    "餐饮服务经营者（中型餐馆）",
                    "食品销售经营者（超市）",
                    "单位食堂（学校食堂）",
                    "食品销售经营者（便利店）",
                ]
            ),
            None,
        ),
        (
            "经营项目：",
            "、".join(
                rng.sample(
                    [
                        "预包装食品（含冷藏冷冻食品）销售",
                        "散装食品（不含冷藏冷冻食品）销售",
                        "热食类食品制售",
                        "冷食类食品制售",
                        "特殊食品销售（保健食品）",
                        "自制饮品制售",
                        "糕点类食品制售",
                    ],
                    3,
                )
            ),
            None,
        ),
    ]
    for label, value, fld in items_left:
        w = page.text(lx, y, label, size)
        lines = wrap(value, mid - 60 - lx - w, size, "print")
        for k, line in enumerate(lines):
            page.text(lx + w, y + k * size * 1.4, line, size, truth=False)
        page.say(value)
        page.br()
        if fld:
            page.field(*fld)
        y += lead + (len(lines) - 1) * size * 1.4
    lic = f"JY{rng.choice('123')}{firm.region[0]}{rng.randint(10**7, 10**8 - 1)}"
    items_right = [
        ("许可证编号：", lic),
        ("日常监督管理机构：", f"{firm.region[3]}市场监督管理所"),
        ("日常监督管理人员：", f"{person_name(rng)}、{person_name(rng)}"),
        ("投诉举报电话：", "12315"),
        ("发证机关：", bureau),
        ("签发人：", signer),
        ("有效期至：", cn_date(until)),
    ]
    y = y0 + 560
    for label, value in items_right:
        w = page.text(mid, y, label, size)
        lines = wrap(value, x1 - 100 - mid - w, size, "print")
        for k, line in enumerate(lines):
            page.text(mid + w, y + k * size * 1.4, line, size, truth=False)
        page.say(value)
        page.br()
        y += lead + (len(lines) - 1) * size * 1.4
    page.field("person_name", signer)
    qr_y = y + 40
    page.draw("qr", x1 - 480, qr_y, 29, 12, random.Random(rng.randrange(1 << 30)))
    page.text(x1 - 520, qr_y + 29 * 12 + 70, "扫描二维码查询许可信息", 34)
    page.br()
    dy = y1 - 260
    date_text = cn_date(issued)
    dw = text_width(date_text, 50)
    page.text(x1 - 220 - dw, dy, date_text, 50)
    page.br()
    page.seal(x1 - 220 - dw / 2, dy - 30, 230, bureau, rng)
    note = "国家市场监督管理总局监制"
    page.text(PX_W / 2 - text_width(note, 34) / 2, y1 - 70, note, 34)
    page.br()
    return page


# ---------------------------------------------------------------- 3 社会保险参保登记表


def social_insurance(rng: random.Random) -> Page:
    page = Page("social_insurance", rng.randrange(1 << 20))
    firm: Enterprise = enterprise(rng)
    filed = date_between(rng, dt.date(2025, 1, 1), dt.date(2026, 11, 1))
    title(page, "社会保险参保人员增员登记表", 290, size=78)
    y: float = 420
    page.text(LEFT, y, "单位名称（盖章）：", BODY)
    page.text(LEFT + text_width("单位名称（盖章）：", BODY) + 10, y, firm.name, BODY)
    page.br()
    page.field("enterprise_name", firm.name)
    y += 80
    page.text(LEFT, y, "统一社会信用代码：", BODY)
    page.text(LEFT + text_width("统一社会信用代码：", BODY) + 10, y, firm.credit_code, BODY)
    page.field("credit_code", firm.credit_code)
    sb = f"{rng.randint(10**9, 10**10 - 1)}"
    page.text(RIGHT - 620, y, f"单位社保编号：{sb}", BODY)
    page.br()
    y += 80
    page.text(LEFT, y, f"填报日期：{ymd(filed)}", BODY)
    page.text(RIGHT - 620, y, "金额单位：元", BODY)
    page.br()
    w = [100, 230, 560, 110, 300, 280, 520]
    header = [
        lab(t)
        for t in ("序号", "姓名", "公民身份号码", "性别", "参保险种", "月缴费工资", "参加工作日期")
    ]
    rows: list[tuple[float, list[Cell]]] = [(130, header)]
    n = rng.randint(6, 10)
    for i in range(n):
        p: Person = person(rng, age=(19, 58))
        wage = f"{rng.randint(40, 180) * 50}.00"
        joined = date_between(rng, dt.date(2003, 1, 1), filed)
        kinds = rng.choice(["1、2、3、4、5", "1、2、3、4", "1、2、3、4、5", "2、4"])
        rows.append(
            (
                118,
                [
                    lab(str(i + 1)),
                    lab(p.name),
                    lab(p.id_number),
                    lab(p.sex),
                    lab(kinds),
                    lab(wage),
                    lab(ymd(joined)),
                ],
            )
        )
        page_fields = [("person_name", p.name), ("id_number", p.id_number)]
        rows[-1][1][1].fields = page_fields[:1]
        rows[-1][1][2].fields = page_fields[1:]
    for _ in range(12 - n):
        rows.append((118, [Cell() for _ in w]))
    y = table(page, LEFT, y + 60, w, rows, size=40)
    y += 100
    clerk = person(rng)
    sign_row(page, y, [("单位经办人：", clerk.name), ("联系电话：", clerk.phone)])
    page.field("person_name", clerk.name)
    page.field("phone", clerk.phone)
    y += 110
    stamp_x = RIGHT - 560
    page.text(stamp_x, y, "单位（盖章）", BODY)
    page.br()
    page.text(stamp_x, y + 80, ymd(filed), HAND, "hand")
    page.br()
    page.seal(stamp_x + 170 + rng.uniform(-40, 40), y + rng.uniform(-10, 40), 200, firm.name, rng)
    y += 170
    rows = [
        (
            220,
            [
                lab("社保经办机构\n审核意见"),
                Cell("经审核，资料齐全，同意办理参保登记。", "hand", align="left"),
            ],
        ),
        (100, [lab("经办人"), val(person_name(rng)), lab("审核人"), val(person_name(rng))]),
    ]
    rows[0][1][1].span = 3
    y = table(page, LEFT, y, [380, 660, 380, 680], rows)
    small_print(
        page,
        y + 90,
        [
            "说明：1．参保险种填写代码：1-企业职工基本养老保险，2-职工基本医疗保险，3-失业保险，4-工伤保险，5-生育保险。",
            "2．本表一式两份，经办机构与参保单位各留存一份；增员人员应于用工之日起三十日内办理。",
        ],
    )
    return page


# ---------------------------------------------------------------- 4 结婚登记审查处理表


def marriage_review(rng: random.Random) -> Page:
    page = Page("marriage_review", rng.randrange(1 << 20))
    he = person(rng, sex="男", age=(22, 45))
    she = person(rng, sex="女", age=(20, 43))
    clerk = person_name(rng)
    day = date_between(rng, dt.date(2025, 1, 2), dt.date(2026, 11, 1))
    office = f"{he.region[2]}{he.region[3]}民政局"
    title(page, "结婚登记审查处理表", 300)
    page.text(RIGHT - 700, 400, f"编号：{he.region[0]}-{day.year}-{rng.randint(1, 9999):05d}", 38)
    page.br()
    nations = ["汉族", "汉族", "汉族", "回族", "壮族", "满族", "苗族", "土家族"]
    jobs = ["教师", "工程师", "职员", "医生", "会计", "自由职业", "公务员", "销售"]
    edu = ["大学本科", "硕士研究生", "大学专科", "高中"]

    def row(
        label: str,
        a: str,
        b: str,
        *fa: tuple[str, str],
        fb: tuple[str, str] | None = None,
        size: float = 0.0,
    ) -> tuple[float, list[Cell]]:
        return (100, [lab(label), val(a, *fa, size=size), val(b, *([fb] if fb else []), size=size)])

    rows = [
        (100, [lab("项目"), lab("男方"), lab("女方")]),
        row("姓名", he.name, she.name, ("person_name", he.name), fb=("person_name", she.name)),
        row("出生日期", ymd(he.birth), ymd(she.birth)),
        row(
            "身份证件号",
            he.id_number,
            she.id_number,
            ("id_number", he.id_number),
            fb=("id_number", she.id_number),
            size=44,
        ),
        row("国籍", "中国", "中国"),
        row("民族", rng.choice(nations), rng.choice(nations)),
        row("职业", rng.choice(jobs), rng.choice(jobs)),
        row("文化程度", rng.choice(edu), rng.choice(edu)),
        row("联系电话", he.phone, she.phone, ("phone", he.phone), fb=("phone", she.phone)),
        (150, [lab("常住户口所在地"), val(he.address, size=38), val(she.address, size=38)]),
    ]
    y = table(page, LEFT, 460, [380, 850, 870], rows)
    y += 110
    page.text(LEFT, y, "当事人声明", 48, bold=0.02)
    page.br()
    y += 80
    statement = (
        "　　本人与对方均无配偶，没有直系血亲和三代以内旁系血亲关系，了解对方的身体健康状况，"
        "现依照《中华人民共和国民法典》的规定，自愿结婚。本人上述声明完全真实，如有虚假，"
        "愿承担法律责任。"
    )
    for line in wrap(statement, RIGHT - LEFT, 46, "print"):
        page.text(LEFT, y, line, 46)
        y += 46 * 1.6
    page.br()
    y += 40
    sign_row(page, y, [("男方签名：", he.name), ("女方签名：", she.name), ("声明日期：", ymd(day))])
    y += 150
    rows = [
        (170, [lab("审查意见"), Cell("符合结婚条件，准予登记。", "hand", align="left")]),
        (100, [lab("结婚证字号"), val(f"J{he.region[0]}-{day.year}-{rng.randint(1, 99999):06d}")]),
        (100, [lab("登记员签名"), val(clerk, ("person_name", clerk))]),
        (100, [lab("登记日期"), val(ymd(day))]),
    ]
    y = table(page, LEFT, y, [380, 1720], rows)
    page.seal(LEFT + 1350, y - 160, 210, f"{office}婚姻登记专用章", rng)
    small_print(
        page,
        y + 90,
        [
            "注：本表由婚姻登记员填写，当事人声明部分由当事人本人亲自签名，不得由他人代签。",
        ],
    )
    return page


# ---------------------------------------------------------------- 5 残疾人证申请表


def disability_application(rng: random.Random) -> Page:
    page = Page("disability_application", rng.randrange(1 << 20))
    who = person(rng, age=(6, 80))
    guardian = person(rng)
    day = date_between(rng, dt.date(2025, 1, 2), dt.date(2026, 11, 1))
    title(page, "中华人民共和国残疾人证申请表", 290, size=76)
    page.text(LEFT, 400, f"申请日期：{ymd(day)}", 38)
    page.text(RIGHT - 640, 400, "受理编号：", 38)
    page.br()
    w = [300, 420, 220, 300, 420, 440]
    photo = Cell("照片（一寸免冠）", rowspan=4)
    kinds = ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]
    kind = rng.choice(kinds)
    married = rng.choice(["未婚", "已婚", "离异", "丧偶"]) if who.birth.year < 2004 else "未婚"
    rows: list[tuple[float, list[Cell]]] = [
        (
            140,
            [
                lab("姓名"),
                val(who.name, ("person_name", who.name)),
                lab("性别"),
                val(who.sex),
                lab("民族"),
                photo,
            ],
        ),
        (
            140,
            [lab("出生日期"), val(ymd(who.birth), span=2, size=44), lab("婚姻状况"), val(married)],
        ),
        (140, [lab("身份证号"), val(who.id_number, ("id_number", who.id_number), span=4)]),
        (
            140,
            [
                lab("联系电话"),
                val(who.phone, ("phone", who.phone), span=2),
                lab("文化程度"),
                val(rng.choice(["小学", "初中", "高中", "中专", "大专"])),
            ],
        ),
        (160, [lab("户籍地址"), val(who.address, span=5, size=44)]),
        (
            160,
            [
                lab("现居住地址"),
                val(who.address if rng.random() < 0.6 else guardian.address, span=5, size=44),
            ],
        ),
        (
            140,
            [
                lab("监护人姓名"),
                val(guardian.name, ("person_name", guardian.name)),
                lab("关系"),
                val(rng.choice(["父亲", "母亲", "配偶", "子女"])),
                lab("监护人电话"),
                val(guardian.phone, ("phone", guardian.phone)),
            ],
        ),
        (160, [lab("残疾类别"), Cell(span=5, checks=[(k, k == kind) for k in kinds])]),
        (
            160,
            [
                lab("申请类型"),
                Cell(
                    span=5,
                    checks=[("新办", True), ("换领", False), ("补办", False), ("迁移", False)],
                ),
            ],
        ),
    ]
    # the first row's 民族 value: the cell after its label
    rows[0][1].insert(5, val(rng.choice(["汉", "汉", "回", "藏", "彝", "壮"])))
    w = [280, 400, 200, 300, 380, 260, 280]
    rows[0][1][-1].rowspan = 4
    rows[1][1][-1].span = 2
    rows[2][1][-1].span = 5
    rows[3][1][-1].span = 2
    for r in (4, 5, 7, 8):
        rows[r][1][-1].span = 6
    rows[6][1][-1].span = 2
    y = table(page, LEFT, 450, w, rows)
    y += 100
    page.text(LEFT, y, "本人承诺", 46, bold=0.02)
    page.br()
    y += 75
    promise = (
        "　　本人自愿申请办理残疾人证，保证所提供的身份证明、照片及评定材料真实有效。"
        "如有弄虚作假，愿承担相应法律责任，并同意残联收回已核发的证件。"
    )
    for line in wrap(promise, RIGHT - LEFT, 44, "print"):
        page.text(LEFT, y, line, 44)
        y += 44 * 1.6
    page.br()
    y += 40
    sign_row(page, y, [("申请人（监护人）签名：", guardian.name), ("日期：", ymd(day))])
    y += 110
    street = f"{who.region[3]}{rng.choice(['东湖', '南苑', '新城', '桥西', '城关'])}街道办事处"
    rows = [
        (230, [lab("街道（乡镇）\n审核意见"), Cell("情况属实，同意上报。", "hand", align="left")]),
        (
            120,
            [
                lab("经办人"),
                val(person_name(rng)),
                lab("审核日期"),
                val(ymd(day + dt.timedelta(days=rng.randint(1, 9)))),
            ],
        ),
        (
            230,
            [
                lab("县级残联\n审核意见"),
                Cell("经评定，符合办证条件，同意核发。", "hand", align="left"),
            ],
        ),
        (
            120,
            [
                lab("审核人"),
                val(person_name(rng)),
                lab("发证日期"),
                val(ymd(day + dt.timedelta(days=rng.randint(12, 30)))),
            ],
        ),
    ]
    rows[2][1][1].span = 3
    rows[0][1][1].span = 3
    y = table(page, LEFT, y, [380, 700, 340, 680], rows)
    page.seal(LEFT + 1650, y - 170, 190, street, rng)
    small_print(
        page,
        y + 90,
        [
            "填表说明：1．本表用黑色或蓝黑色钢笔、签字笔填写，字迹清楚，不得涂改；",
            "2．申请人为未成年人或无民事行为能力人的，由其监护人代为申请并签名；",
            "3．照片为近期一寸免冠白底彩色证件照，不得使用生活照。",
        ],
    )
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "real_estate": real_estate,
    "food_licence": food_licence,
    "social_insurance": social_insurance,
    "marriage_review": marriage_review,
    "disability_application": disability_application,
}

__all__ = ["LAYOUTS", "MM", "credit_code", "phone"]
