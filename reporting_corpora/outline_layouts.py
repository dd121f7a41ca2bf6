"""The `outline` corpus's five layouts, forms a service hall receives: a minimum living
allowance application and approval form (a table with spans, check boxes, the family's
rows and the street office's seal), a food business licence
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
from dataclasses import dataclass, field, replace

from reporting_corpora.outline_data import (
    DOUBLE_SURNAMES,
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
OPENING = "（《“"


def wrap(text: str, width: float, size: float, role: str) -> list[str]:
    """Lines of `text` at most `width` wide; closing punctuation stays on its line."""
    lines, cur = [], ""
    for ch in text:
        if (
            cur
            and ch not in CLOSING
            and cur[-1] not in OPENING
            and text_width(cur + ch, size, role) > width
        ):
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
    page.say(text.replace("\n", ""))


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


# ---------------------------------------------------------------- 1 最低生活保障申请审批表


def relation(who: Person, other: Person) -> str:
    """What `other` is to `who`, by their ages and sexes."""
    years = (other.birth - who.birth).days / 365.25
    if years < -18:
        return "父亲" if other.sex == "男" else "母亲"
    if years > 40:
        return "孙子" if other.sex == "男" else "孙女"
    if years > 18:
        return "儿子" if other.sex == "男" else "女儿"
    if other.sex != who.sex:
        return "配偶"
    if years < 0:
        return "哥哥" if other.sex == "男" else "姐姐"
    return "弟弟" if other.sex == "男" else "妹妹"


def living_allowance(rng: random.Random) -> Page:
    page = Page("living_allowance", rng.randrange(1 << 20))
    who = person(rng, age=(30, 75))
    day = date_between(rng, dt.date(2025, 2, 1), dt.date(2026, 10, 20))
    street = f"{who.region[3]}{rng.choice(['城南', '北关', '河西', '新华', '滨湖'])}街道办事处"
    title(page, "最低生活保障申请审批表", 300)
    y: float = 400
    page.text(LEFT, y, f"申请日期：{ymd(day)}", 38)
    page.text(RIGHT - 640, y, f"编号：DB{who.region[0]}{rng.randint(1, 99999):05d}", 38)
    page.br()
    page.field("person_name", who.name)
    page.field("id_number", who.id_number)
    page.field("phone", who.phone)
    w = [250, 330, 330, 400, 300, 490]
    members = [person(rng, age=(8, 88)) for _ in range(rng.randint(1, 4))]
    if who.name[:2] not in DOUBLE_SURNAMES:
        # children and grandchildren carry the applicant's surname
        members = [
            replace(m, name=who.name[0] + m.name[1:])
            if relation(who, m)[0] in "儿女孙" and m.name[:2] not in DOUBLE_SURNAMES
            else m
            for m in members
        ]
    cause = rng.choice(["因病", "因残", "缺乏劳动力", "失业"])
    incomes = [rng.choice([0, 0, rng.randint(3, 30) * 100]) for _ in members]
    own = rng.randint(0, 12) * 100
    total = own + sum(incomes)
    rows: list[tuple[float, list[Cell]]] = [
        (
            124,
            [
                lab("申请人"),
                val(who.name),
                lab("性别"),
                val(who.sex),
                lab("出生日期"),
                val(ymd(who.birth), size=44),
            ],
        ),
        (124, [lab("身份证号"), val(who.id_number, span=3), lab("联系电话"), val(who.phone)]),
        (140, [lab("户籍地址"), val(who.address, span=5, size=44)]),
        (
            124,
            [
                lab("申请类别"),
                Cell(
                    span=5,
                    checks=[
                        ("城市低保", True),
                        ("农村低保", False),
                        ("单人户施保", len(members) == 0),
                    ],
                ),
            ],
        ),
        (
            124,
            [
                lab("致贫原因"),
                Cell(
                    span=5,
                    checks=[
                        (k, k == cause) for k in ("因病", "因残", "缺乏劳动力", "失业", "其他")
                    ],
                ),
            ],
        ),
        (
            110,
            [
                lab("家\n庭\n成\n员", rowspan=5),
                lab("姓名"),
                lab("与申请人关系"),
                lab("身份证号", span=2),
                lab("月收入（元）"),
            ],
        ),
    ]
    for m, income in zip(members, incomes, strict=True):
        rows.append(
            (
                110,
                [
                    val(m.name, ("person_name", m.name)),
                    val(relation(who, m)),
                    val(m.id_number, ("id_number", m.id_number), span=2, size=44),
                    val(f"{income}"),
                ],
            )
        )
    for _ in range(4 - len(members)):
        rows.append((110, [Cell(), Cell(), Cell(span=2), Cell()]))
    rows += [
        (
            124,
            [
                lab("家庭月总收入", span=2),
                val(f"{total}元"),
                lab("人均月收入"),
                val(f"{total / (len(members) + 1):.2f}元", span=2),
            ],
        ),
        (
            230,
            [
                lab("申请理由"),
                Cell(
                    rng.choice(
                        [
                            "本人长期患病，需常年服药治疗，家庭无稳定收入来源，生活十分困难，特申请最低生活保障。",
                            "家中主要劳动力因残丧失劳动能力，子女尚在读书，家庭收入低于当地低保标准，特此申请。",
                            "本人失业多年，年老体弱无法就业，配偶患慢性病，家庭生活困难，恳请给予低保救助。",
                        ]
                    ),
                    "hand",
                    span=5,
                    align="left",
                    size=46,
                ),
            ],
        ),
        (
            190,
            [
                lab("社区（村）\n意见"),
                Cell("经入户调查，情况属实，同意上报。", "hand", span=3, align="left"),
                lab("经办人"),
                val(person_name(rng)),
            ],
        ),
        (
            190,
            [
                lab("街道（乡镇）\n审核意见"),
                Cell("经审核和民主评议，符合条件，同意。", "hand", span=3, align="left"),
                lab("审核日期"),
                val(ymd(day + dt.timedelta(days=rng.randint(5, 20))), size=42),
            ],
        ),
    ]
    y = table(page, LEFT, 450, w, rows)
    page.seal(RIGHT - 640 + rng.uniform(-40, 40), y - 120, 200, street, rng)
    y += 120
    sign_row(page, y, [("申请人签字：", who.name), ("日期：", ymd(day))])
    small_print(
        page,
        y + 120,
        [
            "注：1．申请人应如实填报家庭成员、收入及财产状况，并授权民政部门核对；",
            "2．隐瞒或虚报家庭收入、财产骗取低保金的，依法追回并记入个人诚信档案。",
        ],
    )
    return page


# ---------------------------------------------------------------- 2 食品经营许可证


def food_licence(rng: random.Random) -> Page:
    page = Page("food_licence", rng.randrange(1 << 20))
    firm = enterprise(rng, food=True)
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
    # a child's guardian is a parent; a grown applicant's a spouse, child or parent
    age = (dt.date(2026, 11, 20) - who.birth).days // 365
    guardian = person(rng, age=(age + 22, age + 40) if age < 18 else (20, 80))
    if (
        who.name[:2] not in DOUBLE_SURNAMES
        and guardian.name[:2] not in DOUBLE_SURNAMES
        and relation(who, guardian) in ("父亲", "儿子", "女儿")
    ):
        guardian = replace(guardian, name=who.name[0] + guardian.name[1:])
    day = date_between(rng, dt.date(2025, 1, 2), dt.date(2026, 11, 1))
    title(page, "中华人民共和国残疾人证申请表", 290, size=76)
    page.text(LEFT, 400, f"申请日期：{ymd(day)}", 38)
    page.text(RIGHT - 640, 400, "受理编号：", 38)
    page.br()
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
                val(relation(who, guardian)),
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
    "living_allowance": living_allowance,
    "food_licence": food_licence,
    "social_insurance": social_insurance,
    "marriage_review": marriage_review,
    "disability_application": disability_application,
}

__all__ = ["LAYOUTS", "MM", "credit_code", "phone"]
