"""The `mpl` corpus's layouts: service-hall materials a window clerk scans, each a function
from the seed's rng to a `Page` whose text is added in reading order (row by row in
tables, label then value, the left column before the right)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from reporting_corpora import mpl_data as d
from reporting_corpora.mpl_draw import PT, Code, Page, Portrait, Seal, width, wrap

LEFT, RIGHT = 20.0, 190.0


@dataclass(frozen=True)
class Style:
    """A page's faces and sizes: labels and prose in `face`, entries in `entry`."""

    face: str
    entry: str
    title: str
    size: float
    entry_size: float
    title_size: float
    small: float = 9.0


def style(rng: random.Random) -> Style:
    face = rng.choice(("song", "hei"))
    entry = rng.choice(("kai", "kai", face, "song" if face == "hei" else "hei"))
    return Style(
        face,
        entry,
        rng.choice(("title", "title", "hei")),
        rng.choice((10.5, 11.0, 12.0)),
        rng.choice((11.0, 12.0, 12.0)),
        rng.choice((18.0, 20.0, 22.0)),
    )


Cell = tuple[str, str, int]  # text, kind (l label, v value, h head, c centred value), span


def L(text: str, span: int = 1) -> Cell:
    return (text, "l", span)


def V(text: str, span: int = 1) -> Cell:
    return (text, "v", span)


def C(text: str, span: int = 1) -> Cell:
    return (text, "c", span)


def H(text: str, span: int = 1) -> Cell:
    return (text, "h", span)


def table(
    page: Page,
    st: Style,
    x: float,
    y: float,
    widths: list[float],
    rows: list[list[Cell]],
    min_h: float = 9.0,
    pad: float = 1.8,
    size: float | None = None,
) -> float:
    """A ruled table, row by row; cell text wrapped to its cell (`size`: labels' and
    entries' size, else the style's). Returns its bottom."""
    total = sum(widths)
    top = y
    page.rule(x, y, x + total, y, lw=1.2)
    for row in rows:
        cells = []
        cx, col = x, 0
        for text, kind, span in row:
            w = sum(widths[col : col + span])
            face = st.face if kind in "lh" else st.entry
            sz = size or (st.size if kind in "lh" else st.entry_size)
            cells.append((cx, w, kind, face, sz, wrap(face, sz, text, w - 2 * pad)))
            cx += w
            col += span
        assert col == len(widths), (row, widths)
        h = max(min_h, *(len(ls) * sz * PT * 1.4 + 2 * pad for *_, sz, ls in cells))
        for cx, w, kind, face, sz, ls in cells:
            if kind == "h":
                page.box(cx, y, w, h, lw=0, edge="none", fill="#e8e8e8")
            lead = sz * PT * 1.4
            base = y + (h - len(ls) * lead) / 2 + (lead - sz * PT) / 2 + 0.86 * sz * PT
            for i, line in enumerate(ls):
                if kind == "v":
                    page.text(cx + pad, base + i * lead, line, face, sz)
                else:
                    page.text(cx + w / 2, base + i * lead, line, face, sz, ha="center")
            if cx > x:
                page.rule(cx, y, cx, y + h)
        y += h
        page.rule(x, y, x + total, y, lw=1.2 if row is rows[-1] else 0.8)
    page.rule(x, top, x, y, lw=1.2)
    page.rule(x + total, top, x + total, y, lw=1.2)
    return y


def title(page: Page, st: Style, y: float, s: str, size: float | None = None) -> None:
    page.text(105, y, s, st.title, size or st.title_size, ha="center")


def check(page: Page, st: Style, x: float, y: float, label: str, on: bool) -> float:
    """A check box and its label on baseline `y`; returns where the next one can start."""
    s = st.size * PT
    page.box(x, y - 0.82 * s, 0.8 * s, 0.8 * s, lw=0.7)
    if on:
        page.rule(x + 0.12 * s, y - 0.42 * s, x + 0.34 * s, y - 0.1 * s, lw=1.3)
        page.rule(x + 0.34 * s, y - 0.1 * s, x + 0.72 * s, y - 0.74 * s, lw=1.3)
    page.text(x + 1.1 * s, y, label, st.face, st.size)
    return x + 1.1 * s + width(st.face, st.size, label) + 5


def labelled(
    page: Page, st: Style, x: float, y: float, label: str, value: str, line: float = 0.0
) -> float:
    """`label：` then `value` in the entry face on a rule `line` mm long (a blank filled
    in); returns the end of the blank."""
    page.text(x, y, label + "：", st.face, st.size)
    vx = x + width(st.face, st.size, label + "：") + 1
    w = max(line, width(st.entry, st.entry_size, value) + 6)
    page.rule(vx, y + 1.2, vx + w, y + 1.2, lw=0.6)
    page.text(vx + 3, y - 0.3, value, st.entry, st.entry_size)
    return vx + w


def footer(page: Page, st: Style, y: float, notes: list[str]) -> None:
    for note in notes:
        y = page.lines(LEFT, y, note, st.face, st.small, RIGHT - LEFT, lead=1.45)


def seal(page: Page, rng: random.Random, x: float, y: float, words: str, bottom: str = "") -> None:
    page.ops.append(
        Seal(
            x + rng.uniform(-3, 3),
            y + rng.uniform(-3, 3),
            20.0,
            words,
            bottom,
            rng.uniform(-12, 12),
        )
    )


def code_block(rng: random.Random, cells: int = 25) -> tuple[tuple[bool, ...], ...]:
    bits = [[rng.random() < 0.5 for _ in range(cells)] for _ in range(cells)]
    for oi, oj in ((0, 0), (0, cells - 7), (cells - 7, 0)):
        for i in range(-1, 8):
            for j in range(-1, 8):
                if 0 <= oi + i < cells and 0 <= oj + j < cells:
                    ring = max(abs(i - 3), abs(j - 3))
                    bits[oi + i][oj + j] = ring in (0, 1, 3)
    return tuple(tuple(r) for r in bits)


def _sign_date(page: Page, st: Style, y: float, who: str, name: str, when: str) -> None:
    labelled(page, st, 108, y, who, name, 40)
    page.text(RIGHT, y + 10, when, st.entry, st.entry_size, ha="right")


def getihu(rng: random.Random) -> Page:
    """个体工商户登记（备案）申请书: a ruled table with spans and a wrapped scope."""
    st, page = style(rng), Page("getihu-apply")
    p = d.person(rng)
    name = d.shop(rng, p.place[2])
    title(page, st, 30, "个体工商户登记（备案）申请书")
    x = 42.0
    for k, opt in enumerate(("设立登记", "变更登记", "备案")):
        x = check(page, st, x, 44, opt, k == 0)
    w = [34.0, 52.0, 30.0, 54.0]
    born = d.cn_date(p.birth)
    staff = rng.randrange(1, 9)
    y = table(
        page,
        st,
        LEFT,
        52,
        w,
        [
            [L("个体工商户名称"), V(name, 3)],
            [L("经营者姓名"), V(p.name), L("性别"), C("男" if p.male else "女")],
            [L("身份证件号码"), V(p.id_number), L("联系电话"), V(p.phone)],
            [L("民族"), C(p.ethnic + "族"), L("出生日期"), V(born)],
            [L("经营者住所"), V(p.address, 3)],
            [L("经营场所"), V(d.address(rng, p.place), 3)],
            [L("组成形式"), V(rng.choice(("个人经营", "家庭经营")), 3)],
            [L("经营范围"), V(d.scope(rng, rng.randrange(3, 6)), 3)],
            [
                L("从业人数"),
                C(f"{staff}人"),
                L("资金数额"),
                V(d.amount(rng.randrange(2, 60) * 5000)),
            ],
            [L("电子邮箱"), V(d.email(rng), 3)],
        ],
        min_h=11,
    )
    y = page.lines(
        LEFT,
        y + 10,
        "本人承诺：所提交的申请材料真实、合法、有效，复印件与原件一致，如有虚假，"
        "愿承担相应的法律责任。",
        st.face,
        st.size,
        RIGHT - LEFT,
    )
    _sign_date(page, st, y + 8, "经营者签字", p.name, d.cn_date(d.date(rng)))
    footer(
        page,
        st,
        266,
        [
            "注：1.本申请书应当使用黑色钢笔或签字笔填写，字迹工整，不得涂改。",
            "2.经营范围按照《国民经济行业分类》填写；涉及许可项目的，取得许可后方可经营。",
        ],
    )
    page.field("enterprise_name", name)
    page.field("person_name", p.name)
    page.field("id_number", p.id_number)
    page.field("phone", p.phone)
    return page


def shebao(rng: random.Random) -> Page:
    """社会保险参保登记表: the unit's block, then a table of the insured with wrapped
    cells."""
    st, page = style(rng), Page("shebao-enroll")
    boss, *staff = d.people(rng, rng.randrange(4, 7))
    place = rng.choice(d.PLACES)
    ent = d.enterprise(rng, place[1])
    code = d.credit_code(rng, place[0])
    title(page, st, 28, "社会保险参保登记表（单位）")
    labelled(page, st, LEFT, 42, "填报单位（盖章）", ent)
    page.text(RIGHT, 50, "填报日期：" + d.cn_date(d.date(rng)), st.face, st.size, ha="right")
    y = table(
        page,
        st,
        LEFT,
        56,
        [36.0, 58.0, 28.0, 48.0],
        [
            [L("单位名称"), V(ent, 3)],
            [L("统一社会信用代码"), V(code), L("单位类型"), C("企业")],
            [L("法定代表人"), V(boss.name), L("联系电话"), V(boss.phone)],
            [L("单位地址"), V(d.address(rng, place), 3)],
            [
                L("开户银行"),
                V(rng.choice(("农业银行", "建设银行", "邮储银行")) + place[2] + "支行"),
                L("缴费方式"),
                C("银行代扣"),
            ],
        ],
    )
    page.text(LEFT, y + 10, "参保人员名单", st.face, st.size + 1)
    rows = [
        [H("序号"), H("姓名"), H("公民身份号码"), H("参保险种"), H("参保日期"), H("月缴费基数")]
    ]
    for i, p in enumerate(staff, 1):
        kinds = rng.choice(
            ("养老、医疗、失业、工伤", "养老、医疗、工伤", "养老、医疗、失业、工伤、生育")
        )
        rows.append(
            [
                C(str(i)),
                C(p.name),
                V(p.id_number),
                V(kinds),
                C(d.dot_date(d.date(rng))),
                V(d.amount(rng.randrange(40, 160) * 50)),
            ]
        )
    y = table(page, st, LEFT, y + 14, [12.0, 22.0, 50.0, 34.0, 24.0, 28.0], rows, min_h=10)
    page.text(LEFT, y + 10, "经办人：", st.face, st.size)
    page.text(LEFT + 20, y + 10, staff[0].name, st.entry, st.entry_size)
    page.text(110, y + 10, "联系电话：", st.face, st.size)
    page.text(
        110 + width(st.face, st.size, "联系电话："), y + 10, staff[0].phone, st.entry, st.entry_size
    )
    footer(
        page,
        st,
        270,
        ["说明：参保日期为本单位为职工办理参保的起始日期；月缴费基数按职工上年度月平均工资核定。"],
    )
    page.field("enterprise_name", ent)
    page.field("credit_code", code)
    page.field("person_name", boss.name)
    page.field("phone", boss.phone)
    for p in staff:
        page.field("person_name", p.name)
        page.field("id_number", p.id_number)
    page.field("phone", staff[0].phone)
    return page


MATTERS = (
    "营业执照变更登记",
    "不动产转移登记",
    "社会保险参保登记",
    "食品经营许可证申请",
    "个体工商户设立登记",
    "税务登记信息变更",
)


def proxy(rng: random.Random) -> Page:
    """授权委托书: blanks filled in, then prose that wraps with names in it."""
    st, page = style(rng), Page("proxy-letter")
    a, b = d.people(rng, 2)
    matter = rng.choice(MATTERS)
    title(page, st, 34, "授权委托书", st.title_size + 4)
    y = 56.0
    for who, p in (("委托人", a), ("受托人", b)):
        labelled(page, st, LEFT, y, who, p.name, 30)
        labelled(page, st, 95, y, "身份证号码", p.id_number, 60)
        labelled(page, st, LEFT, y + 10, "联系电话", p.phone, 40)
        labelled(page, st, LEFT, y + 20, "住址", p.address, 100)
        y += 36
    start = d.date(rng)
    end = (start[0] + (start[1] + 2) // 12, (start[1] + 2) % 12 + 1, start[2])
    y = page.lines(
        LEFT + 2 * st.size * PT,
        y + 6,
        f"现委托受托人{b.name}代表委托人前往{a.place[1]}{a.place[2]}政务服务中心办理{matter}"
        f"事宜。受托人在办理上述事项过程中所签署的有关文件，委托人均予以认可，"
        f"并承担相应的法律责任。",
        st.face,
        st.size,
        RIGHT - LEFT - 2 * st.size * PT,
        lead=1.9,
    )
    y = page.lines(
        LEFT + 2 * st.size * PT,
        y + 4,
        f"委托期限：自{d.cn_date(start)}起至{d.cn_date(end)}止。",
        st.face,
        st.size,
        RIGHT - LEFT,
    )
    page.text(LEFT + 2 * st.size * PT, y + 4, "受托人无转委托权。", st.face, st.size)
    labelled(page, st, 108, y + 30, "委托人（签字）", a.name, 30)
    labelled(page, st, 108, y + 44, "受托人（签字）", b.name, 30)
    page.text(RIGHT, y + 58, d.cn_date(start), st.entry, st.entry_size, ha="right")
    footer(page, st, 272, ["附：委托人、受托人身份证复印件各一份。"])
    for p in (a, b):
        page.field("person_name", p.name)
        page.field("id_number", p.id_number)
        page.field("phone", p.phone)
    return page


def budongchan(rng: random.Random) -> Page:
    """不动产登记申请书: a multi-row table of owners with shares."""
    st, page = style(rng), Page("budongchan-apply")
    owners = d.people(rng, rng.randrange(2, 4))
    agent = d.person(rng)
    place = owners[0].place
    title(page, st, 26, "不动产登记申请书")
    page.text(LEFT, 38, f"收件编号：{place[0]}{rng.randrange(10**7, 10**8)}", st.face, st.small + 1)
    page.text(RIGHT, 38, "收件日期：" + d.cn_date(d.date(rng)), st.face, st.small + 1, ha="right")
    x = 24.0
    for k, opt in enumerate(("首次登记", "转移登记", "变更登记", "抵押登记")):
        x = check(page, st, x, 48, opt, k == 1)
    shares = [50, 50] if len(owners) == 2 else [40, 30, 30]
    joint = rng.random() < 0.4
    rows = [
        [H("权利人姓名"), H("证件种类"), H("证件号码"), H("共有方式"), H("份额"), H("联系电话")]
    ]
    for p, s in zip(owners, shares, strict=False):
        rows.append(
            [
                C(p.name),
                C("居民身份证"),
                V(p.id_number),
                C("共同共有" if joint else "按份共有"),
                C("—" if joint else f"{s}%"),
                V(p.phone),
            ]
        )
    y = table(page, st, LEFT, 54, [22.0, 24.0, 52.0, 22.0, 14.0, 36.0], rows, min_h=11, size=11)
    unit = (
        f"{place[0]}{rng.randrange(100, 999)}{rng.randrange(100, 999)}"
        f"GB{rng.randrange(10000, 99999)}F{rng.randrange(10**7, 10**8)}"
    )
    cert = f"{rng.randrange(2012, 2024)}）{place[1]}不动产权第{rng.randrange(10**6, 10**7)}号"
    prov = d.PROVINCES[place[0][:2]]
    abbr = {
        "浙江省": "浙",
        "四川省": "川",
        "福建省": "闽",
        "湖南省": "湘",
        "甘肃省": "甘",
        "广西壮族自治区": "桂",
        "河南省": "豫",
        "辽宁省": "辽",
        "山西省": "晋",
        "江西省": "赣",
    }[prov]
    y = table(
        page,
        st,
        LEFT,
        y + 6,
        [34.0, 62.0, 28.0, 46.0],
        [
            [L("坐落"), V(d.address(rng, place), 3)],
            [L("不动产单元号"), V(unit, 3)],
            [
                L("面积"),
                V(f"{rng.randrange(45, 180)}.{rng.randrange(10, 99)}平方米"),
                L("用途"),
                C(rng.choice(("住宅", "商业", "办公"))),
            ],
            [
                L("原不动产权证书号"),
                V(
                    f"{abbr}（{cert}",
                    3,
                ),
            ],
            [L("代理人姓名"), V(agent.name), L("联系电话"), V(agent.phone)],
            [L("代理人证件号码"), V(agent.id_number, 3)],
            [L("备注"), V("共有人一致同意申请本次登记，所附材料均为真实有效。", 3)],
        ],
        min_h=11,
    )
    page.lines(
        LEFT,
        y + 10,
        "本申请人对填写的上述内容及提交的申请材料的真实性负责。如有不实，申请人愿承担法律责任。",
        st.face,
        st.size,
        RIGHT - LEFT,
    )
    _sign_date(page, st, y + 30, "申请人（签章）", owners[0].name, d.cn_date(d.date(rng)))
    footer(page, st, 276, ["本申请书一式两份，登记机构留存一份，申请人留存一份。"])
    for p in owners:
        page.field("person_name", p.name)
        page.field("id_number", p.id_number)
        page.field("phone", p.phone)
    page.field("person_name", agent.name)
    page.field("phone", agent.phone)
    page.field("id_number", agent.id_number)
    return page


def id_copy(rng: random.Random) -> Page:
    """居民身份证复印件: front and back boxes, an overprint that says what it is for."""
    st, page = style(rng), Page("id-copy")
    p = d.person(rng, 18, 70)
    title(page, st, 24, "居民身份证复印件", st.title_size - 2)
    x0, y0, w, h = 62.0, 36.0, 85.6, 54.0
    blue = "#2b4c7e"
    page.box(x0, y0, w, h, lw=0.9, radius=3)
    lab, sz = "hei", 9.0
    page.ops.append(Portrait(x0 + 56, y0 + 9, 25, 31))
    page.text(x0 + 5, y0 + 10, "姓名", lab, sz, color=blue)
    page.text(x0 + 16, y0 + 10, p.name, "hei", 11)
    page.text(x0 + 5, y0 + 18, "性别", lab, sz, color=blue)
    page.text(x0 + 16, y0 + 18, "男" if p.male else "女", "hei", 10)
    page.text(x0 + 26, y0 + 18, "民族", lab, sz, color=blue)
    page.text(x0 + 37, y0 + 18, p.ethnic, "hei", 10)
    page.text(x0 + 5, y0 + 26, "出生", lab, sz, color=blue)
    page.text(x0 + 16, y0 + 26, f"{p.birth[0]}年{p.birth[1]}月{p.birth[2]}日", "hei", 10)
    page.text(x0 + 5, y0 + 33, "住址", lab, sz, color=blue)
    yy = y0 + 33
    for line in wrap("hei", 9.5, p.address, 38):
        page.text(x0 + 16, yy, line, "hei", 9.5)
        yy += 4.4
    page.text(x0 + 5, y0 + 49.5, "公民身份号码", lab, sz, color=blue)
    page.text(x0 + 30, y0 + 49.5, p.id_number, "hei", 11)
    y1 = y0 + h + 14
    page.box(x0, y1, w, h, lw=0.9, radius=3)
    page.ops.append(Seal(x0 + 13, y1 + 13, 8, "", "", 0))
    page.text(x0 + 52, y1 + 16, "中华人民共和国", "title", 12, ha="center")
    page.text(x0 + 52, y1 + 28, "居民身份证", "title", 16, ha="center")
    authority = p.place[1] + p.place[2] + "分局" if rng.random() < 0.5 else p.place[2] + "公安局"
    page.text(x0 + 8, y1 + 42, "签发机关", lab, sz, color=blue)
    page.text(x0 + 26, y1 + 42, authority, "hei", 9.5)
    start = (rng.randrange(2012, 2025), rng.randrange(1, 13), rng.randrange(1, 29))
    span = 20 if 2026 - p.birth[0] < 46 else 0
    page.text(x0 + 8, y1 + 49, "有效期限", lab, sz, color=blue)
    until = d.dot_date((start[0] + span, start[1], start[2])) if span else "长期"
    page.text(x0 + 26, y1 + 49, f"{d.dot_date(start)}-{until}", "hei", 9.5)
    purpose = rng.choice(MATTERS)
    page.text(
        105,
        y0 + h + 7,
        f"仅供办理{purpose}使用，他用无效",
        st.entry,
        16,
        ha="center",
        va="center",
        rotation=rng.uniform(18, 28),
        color="#555555",
        alpha=0.65,
    )
    y = y1 + h + 22
    page.text(LEFT + 22, y, "本人承诺以上复印件与原件一致。", st.face, st.size)
    labelled(page, st, LEFT + 22, y + 14, "本人签名", p.name, 36)
    labelled(page, st, LEFT + 22, y + 28, "联系电话", p.phone, 36)
    page.text(LEFT + 22, y + 42, "日期：" + d.cn_date(d.date(rng)), st.face, st.size)
    page.field("person_name", p.name)
    page.field("id_number", p.id_number)
    page.field("phone", p.phone)
    return page


def licence(rng: random.Random) -> Page:
    """营业执照（副本）: a framed page, two columns, a QR-like block and a seal over the
    authority."""
    st, page = style(rng), Page("licence-copy")
    place = rng.choice(d.PLACES)
    boss = d.person(rng)
    ent = d.enterprise(rng, place[1])
    code = d.credit_code(rng, place[0])
    page.box(12, 12, 186, 273, lw=2.4, edge="#8a6d3b")
    page.box(15, 15, 180, 267, lw=0.8, edge="#8a6d3b")
    page.text(LEFT + 4, 34, "统一社会信用代码", st.face, st.size)
    page.text(LEFT + 4, 42, code, "hei", 13)
    page.ops.append(Code(158, 24, 26, code_block(rng)))
    for i, line in enumerate(
        (
            "扫描二维码登录",
            "“国家企业信用",
            "信息公示系统”",
            "了解更多登记、",
            "备案、许可、监管信息",
        )
    ):
        page.text(171, 55 + i * 4.2, line, "hei", 7.5 if i else 8, ha="center")
    title(page, st, 62, "营 业 执 照", 32)
    page.text(105, 75, "（副　　本）", st.face, 14, ha="center")
    capital = rng.randrange(10, 2000) * 10
    established = (rng.randrange(2008, 2026), rng.randrange(1, 13), rng.randrange(1, 29))
    left_col = [
        ("名\u3000\u3000称", ent),
        (
            "类\u3000\u3000型",
            rng.choice(
                ("有限责任公司（自然人投资或控股）", "其他有限责任公司", "股份有限公司（非上市）")
            ),
        ),
        ("法定代表人", boss.name),
        ("经营范围", d.scope(rng, rng.randrange(4, 7))),
    ]
    right_col = [
        ("注册资本", f"人民币{capital}万元整"),
        ("成立日期", d.cn_date(established)),
        ("营业期限", f"{d.cn_date(established)}至长期"),
        ("住\u3000\u3000所", d.address(rng, place)),
    ]
    size = st.size
    for col, (x, vw) in ((left_col, (LEFT + 4, 58)), (right_col, (112, 52))):
        y = 98.0
        for label, value in col:
            page.text(x, y, label, st.face, size)
            y = page.lines(x + 25, y, value, st.face, size, vw, lead=1.55) + 5
    auth = place[1] + place[2] + "市场监督管理局"
    page.text(130, 236, "登记机关", st.face, st.size)
    seal(page, rng, 152, 242, auth, "")
    page.text(150, 248, d.cn_date(d.date(rng)), st.face, st.size, ha="center")
    page.text(
        LEFT + 4, 262, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", st.face, st.small
    )
    page.lines(
        LEFT + 4,
        267,
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
        st.face,
        st.small,
        160,
    )
    page.text(105, 278, "国家市场监督管理总局监制", st.face, st.small, ha="center")
    page.field("credit_code", code)
    page.field("enterprise_name", ent)
    page.field("person_name", boss.name)
    return page


ITEMS = (
    "经全体股东签字的公司章程原件",
    "法定代表人、董事、监事和经理的任职文件及身份证件复印件（须本人签字确认）",
    "住所使用证明：自有房产提交房屋产权证明复印件；租赁房屋提交租赁协议原件及出租方的产权证明复印件",
    "委托代理人办理的，提交授权委托书及代理人身份证件复印件",
    "股东会决议原件（须由代表三分之二以上表决权的股东签署）",
    "前置审批文件或许可证件复印件",
)


def notice(rng: random.Random) -> Page:
    """补正材料通知书 (一次性告知): prose, a numbered list with hanging indents, contacts."""
    st, page = style(rng), Page("correction-notice")
    place = rng.choice(d.PLACES)
    ent = d.enterprise(rng, place[1])
    clerk = d.person(rng)
    title(page, st, 30, rng.choice(("补正材料通知书", "一次性告知单")))
    page.text(
        RIGHT,
        42,
        f"{place[2][0]}市监补字〔2026〕第{rng.randrange(10, 999):04d}号",
        st.face,
        st.size,
        ha="right",
    )
    page.text(LEFT, 56, ent + "：", st.face, st.size)
    indent = 2 * st.size * PT
    y = page.lines(
        LEFT + indent,
        66,
        f"你（单位）于{d.cn_date(d.date(rng))}提交的{rng.choice(MATTERS)}申请材料收悉。经审查，"
        "申请材料不齐全（不符合法定形式），请在收到本通知书之日起三十日内补正以下材料：",
        st.face,
        st.size,
        RIGHT - LEFT - indent,
        lead=1.8,
    )
    y += 2
    for i, item in enumerate(rng.sample(ITEMS, rng.randrange(3, 6)), 1):
        num = f"{i}."
        page.text(LEFT + indent, y, num, st.face, st.size)
        y = (
            page.lines(
                LEFT + indent + 6,
                y,
                item + "；",
                st.face,
                st.size,
                RIGHT - LEFT - indent - 6,
                lead=1.7,
            )
            + 2
        )
    y = page.lines(
        LEFT + indent,
        y + 4,
        "补正材料齐全后，本机关将在五个工作日内作出是否受理的决定。逾期不补正的，视为放弃申请。",
        st.face,
        st.size,
        RIGHT - LEFT - indent,
        lead=1.8,
    )
    y += 6
    page.text(LEFT, y, "经办人：", st.face, st.size)
    page.text(LEFT + width(st.face, st.size, "经办人："), y, clerk.name, st.entry, st.entry_size)
    page.text(100, y, "联系电话：", st.face, st.size)
    page.text(100 + width(st.face, st.size, "联系电话："), y, clerk.phone, st.entry, st.entry_size)
    mail = d.email(rng)
    page.text(LEFT, y + 9, "电子邮箱：" + mail, st.face, st.size)
    page.text(
        LEFT,
        y + 18,
        "网上查询：https://zwfw.example.gov.cn/bz/" + str(rng.randrange(10**5, 10**6)),
        st.face,
        st.size,
    )
    auth = place[1] + place[2] + "市场监督管理局"
    page.text(RIGHT, y + 42, auth, st.face, st.size, ha="right")
    seal(page, rng, RIGHT - 28, y + 46, auth, "")
    page.text(RIGHT, y + 52, d.cn_date(d.date(rng)), st.face, st.size, ha="right")
    footer(page, st, 276, ["本通知书一式两份，一份交申请人，一份存档。"])
    page.field("enterprise_name", ent)
    page.field("person_name", clerk.name)
    page.field("phone", clerk.phone)
    return page


def shareholders(rng: random.Random) -> Page:
    """股东出资情况表: people and companies, amounts, dates, percentages and a total."""
    st, page = style(rng), Page("shareholders")
    place = rng.choice(d.PLACES)
    ent = d.enterprise(rng, place[1])
    code = d.credit_code(rng, place[0])
    title(page, st, 30, "股东（发起人）出资情况表")
    page.text(LEFT, 46, "公司名称：" + ent, st.face, st.size)
    page.text(LEFT, 55, "统一社会信用代码：" + code, st.face, st.size)
    n = rng.randrange(3, 6)
    cuts = sorted(rng.sample(range(1, 100), n - 1))
    pcts = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    capital = rng.randrange(10, 500) * 10000
    rows = [
        [
            H("序号"),
            H("股东名称或姓名"),
            H("证件类型"),
            H("证件号码"),
            H("认缴出资额"),
            H("出资方式"),
            H("出资期限"),
            H("持股比例"),
        ]
    ]
    people, firms = [], []
    for i, pct in enumerate(pcts, 1):
        if rng.random() < 0.3:
            pl = rng.choice(d.PLACES)
            who, kind, num = d.enterprise(rng, pl[1]), "营业执照", d.credit_code(rng, pl[0])
            firms.append((who, num))
        else:
            p = d.person(rng)
            who, kind, num = p.name, "居民身份证", p.id_number
            people.append((who, num))
        rows.append(
            [
                C(str(i)),
                V(who),
                C(kind),
                V(num),
                V(d.amount(capital * pct / 100)),
                C(rng.choice(("货币", "货币", "实物", "知识产权"))),
                C(d.cn_date(d.date(rng, rng.randrange(2027, 2031)))),
                C(f"{pct:.2f}%"),
            ]
        )
    rows.append([C("合计", 4), V(d.amount(capital)), C("", 2), C("100.00%")])
    widths = [8.0, 27.0, 14.0, 42.0, 28.0, 12.0, 22.0, 17.0]
    y = table(page, st, LEFT, 64, widths, rows, min_h=12, pad=1.2, size=10)
    page.text(LEFT, y + 12, "全体股东签字（盖章）：", st.face, st.size)
    page.text(RIGHT, y + 40, d.cn_date(d.date(rng)), st.entry, st.entry_size, ha="right")
    footer(page, st, 272, ["注：出资期限不得超过公司成立之日起五年；持股比例保留两位小数。"])
    page.field("enterprise_name", ent)
    page.field("credit_code", code)
    for who, num in people:
        page.field("person_name", who)
        page.field("id_number", num)
    for who, num in firms:
        page.field("enterprise_name", who)
        page.field("credit_code", num)
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "getihu-apply": getihu,
    "shebao-enroll": shebao,
    "proxy-letter": proxy,
    "budongchan-apply": budongchan,
    "id-copy": id_copy,
    "licence-copy": licence,
    "correction-notice": notice,
    "shareholders": shareholders,
}
