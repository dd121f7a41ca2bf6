"""The `java2d` corpus's six layouts, as a government service hall receives them: a landscape
business licence duplicate in two columns, an application form as a ruled table with merged
cells and check boxes, a roster of insured employees, a one-time correction notice with a
numbered list and a seal, a power of attorney in prose with entries by hand inline, and a
copy of both sides of a resident ID card with a note by hand. Positions, widths, row counts
and text vary with the seed; ops are added in reading order (it is the truth's order)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

from reporting_corpora import java2d_data
from reporting_corpora.java2d_data import Enterprise, Person, cn_date, make_mobile, recent_date
from reporting_corpora.java2d_doc import BLACK, PEN_BLACK, PEN_BLUE, Page, covers, width


def _ok(s: str) -> bool:
    """Every character printed in both print faces (Cactus and Chocolate lack a few)."""
    return covers("print", s) and covers("sans", s)


def _hand_ok(s: str) -> bool:
    return _ok(s) and covers("hand", s)


def make_person(rng: random.Random, ok: Callable[[str], bool] = _ok) -> Person:
    return java2d_data.make_person(rng, ok)


def make_name(rng: random.Random) -> str:
    return java2d_data.make_name(rng, _ok)


def make_enterprise(rng: random.Random, individual: bool = False) -> Enterprise:
    for _ in range(200):
        ent = java2d_data.make_enterprise(rng, individual)
        if _ok(ent.name + ent.address + ent.scope + ent.district + ent.city):
            return ent
    raise ValueError("no enterprise the faces can print")


def _hand(
    p: Page, rng: random.Random, s: str, x: float, y: float, size: float = 50, **kw: Any
) -> float:
    """An entry by hand: a little off the line, turned, in a pen's colour."""
    color = kw.pop("color", rng.choice((PEN_BLUE, PEN_BLACK)))
    return p.text(
        s, x + rng.uniform(-4, 8), y + rng.uniform(-6, 4), size * rng.uniform(0.95, 1.08), "hand",
        color=color, rot=rng.uniform(-1.8, 1.2), **kw,
    )  # fmt: skip


def _qr_rows(rng: random.Random, n: int = 29) -> list[str]:
    grid = [[1 if rng.random() < 0.5 else 0 for _ in range(n)] for _ in range(n)]
    for oy, ox in ((0, 0), (0, n - 7), (n - 7, 0)):
        for y in range(-1, 8):
            for x in range(-1, 8):
                yy, xx = oy + y, ox + x
                if 0 <= yy < n and 0 <= xx < n:
                    ring = max(abs(y - 3), abs(x - 3))
                    grid[yy][xx] = 1 if ring in (3, 1, 0) else 0
    return ["".join(str(v) for v in row) for row in grid]


Cell = tuple[int, int, int, int, Sequence[tuple[str, Any]]]  # row, col, rowspan, colspan, items


def _table(
    p: Page, rng: random.Random, x: float, y: float, cols: Sequence[float], rows: Sequence[float],
    cells: Sequence[Cell], size: float = 42,
) -> float:  # fmt: skip
    """A ruled table; cells are added row by row (the reading order) and each cell's items
    are ("text", role) runs, ("box", on) check boxes or ("hand", text) entries by hand.
    Returns the table's bottom."""
    xs = [x]
    for c in cols:
        xs.append(xs[-1] + c)
    ys = [y]
    for r in rows:
        ys.append(ys[-1] + r)
    p.rect(x, y, xs[-1] - x, ys[-1] - y, stroke=5)
    for row, col, rs, cs, items in sorted(cells, key=lambda c: (c[0], c[1])):
        x0, x1, y0, y1 = xs[col], xs[col + cs], ys[row], ys[row + rs]
        p.rect(x0, y0, x1 - x0, y1 - y0, stroke=2.5)
        pad = 18
        texts = [(t, r) for t, r in items if t != "box"]
        need = sum(width("hand" if r == "hand" else r, t, size) + 16 for t, r in texts)
        need += sum(size + 30 for t, _ in items if t == "box")
        if need > x1 - x0 - 2 * pad and not any(t == "box" for t, _ in items):
            segs = [(t, "hand" if r == "hand" else r) for t, r in texts]
            lines = max(1, int((y1 - y0 - 20) // (size * 1.5)))
            p.para(
                segs,
                x0 + pad,
                y0 + 10,
                x1 - x0 - 2 * pad,
                size,
                lineh=size * 1.5,
                h=lines * size * 1.5,
            )
            continue
        cx = x0 + pad
        base = (y0 + y1) / 2 + size * 0.36
        for t, r in items:
            if t == "box":
                p.check(cx, base - size * 0.85, bool(r), size * 0.9)
                cx += size + 14
            elif r == "hand":
                cx += _hand(p, rng, t, cx, base, size * 1.1, maxw=x1 - cx - 4) + 16
            else:
                cx += p.text(t, cx, base, size, r, maxw=x1 - cx - 4) + 16
    return ys[-1]


def licence(rng: random.Random) -> Page:
    """Landscape business licence duplicate in two columns, QR-like block, seal over the date."""
    p = Page("licence", width=3508, height=2480)
    ent = make_enterprise(rng)
    boss = make_person(rng)
    m = rng.randint(150, 210)
    p.rect(m, m, p.width - 2 * m, p.height - 2 * m, stroke=14, color=[150, 110, 40])
    p.rect(
        m + 30, m + 30, p.width - 2 * m - 60, p.height - 2 * m - 60, stroke=4, color=[150, 110, 40]
    )
    top = m + rng.randint(250, 320)
    serial = "".join(rng.choice("0123456789") for _ in range(12))
    p.text(f"编号：{serial}", m + 120, top - 120, 40, "print")  # above the title's baseline
    p.text("营业执照", p.width / 2, top, rng.randint(170, 200), "display", anchor="c")
    p.text("（副本）", p.width / 2, top + 120, 60, "sans", anchor="c")
    code_y = top + 230
    p.text(f"统一社会信用代码：{ent.credit_code}", m + 140, code_y, 52, "sans", bold=True)
    qx = p.width - m - rng.randint(420, 520)
    qy = m + rng.randint(130, 200)
    p.qr(qx, qy, _qr_rows(rng), 10)
    cap = "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。"
    p.para([(cap, "print")], qx - 40, qy + 320, 380, 30, lineh=44)
    size = 50
    col_w = (p.width - 2 * m - 400) / 2
    lx = m + 180
    rx = lx + col_w + 120
    y0 = code_y + rng.randint(200, 260)
    step = rng.randint(150, 175)
    y = y0
    founded = cn_date(*ent.founded)
    left = [
        ("名称", ent.name),
        ("类型", "有限责任公司（自然人投资或控股）"),
        ("法定代表人", boss.name),
    ]
    for label, value in left:
        spaced = "".join(c + "  " for c in label[:-1]) + label[-1] if len(label) < 4 else label
        p.text(spaced, lx, y, size, "print", bold=True)
        p.text(value, lx + 320, y, size, "print", maxw=col_w - 330)
        y += step
    p.text("经营范围", lx, y, size, "print", bold=True)
    p.para(
        [(ent.scope, "print")],
        lx + 320,
        y - size * 0.9,
        col_w - 330,
        size,
        lineh=size * 1.55,
        h=5 * size * 1.55,
    )
    y = y0
    right = [
        ("注册资本", f"人民币{ent.capital_wan}万元整"),
        ("成立日期", founded),
        ("营业期限", f"{founded}至长期"),
    ]
    for label, value in right:
        p.text(label, rx, y, size, "print", bold=True)
        p.text(value, rx + 260, y, size, "print", maxw=col_w - 270)
        y += step
    p.text("住    所", rx, y, size, "print", bold=True)
    p.para(
        [(ent.address, "print")],
        rx + 260,
        y - size * 0.9,
        col_w - 270,
        size,
        lineh=size * 1.55,
        h=3 * size * 1.55,
    )
    fields = [
        ("credit_code", ent.credit_code),
        ("enterprise_name", ent.name),
        ("person_name", boss.name),
    ]
    ay = p.height - m - rng.randint(330, 380)
    ax = p.width - m - rng.randint(900, 1000)
    p.text("登记机关", ax, ay, 50, "print", bold=True)
    d = cn_date(*ent.founded) if rng.random() < 0.3 else cn_date(*recent_date(rng))
    p.text(d, ax + 140, ay + 120, 50, "print")
    p.text(
        "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn",
        m + 140,
        p.height - m - 110,
        34,
        "print",
    )
    p.text("市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
           m + 140, p.height - m - 60, 30, "print")  # fmt: skip
    authority = f"{ent.city.split('省')[-1].split('区')[-1]}{ent.district}市场监督管理局"
    p.seal(
        ax + 380 + rng.uniform(-40, 40),
        ay + 60 + rng.uniform(-30, 30),
        authority,
        r=230,
        rot=rng.uniform(-12, 12),
    )
    p.fields = fields
    return p


def application(rng: random.Random) -> Page:
    """Application form as a ruled table with merged cells, label and value cells, check boxes."""
    p = Page("application")
    ent = make_enterprise(rng, individual=True)
    who = make_person(rng, _hand_ok)
    m = rng.randint(170, 230)
    p.text("个体工商户设立登记申请书", p.width / 2, m + 120, 78, "sans", anchor="c", bold=True)
    p.text(
        f"受理编号：{rng.randint(10**9, 10**10 - 1)}", p.width - m, m + 230, 36, "print", anchor="r"
    )
    w = p.width - 2 * m
    c0 = rng.randint(330, 380)
    c2 = rng.randint(300, 340)
    c1 = (w - c0 - c2) * rng.uniform(0.45, 0.55)
    c3 = w - c0 - c1 - c2
    rh = rng.randint(150, 178)
    forms = rng.choice(("个人经营", "家庭经营"))
    y, mo, d = recent_date(rng)
    cells: list[Cell] = [
        (0, 0, 1, 1, [("名称", "print")]),
        (0, 1, 1, 3, [(ent.name, "sans")]),
        (1, 0, 1, 1, [("经营者姓名", "print")]),
        (1, 1, 1, 1, [(who.name, "hand")]),
        (1, 2, 1, 1, [("性别", "print")]),
        (1, 3, 1, 1, [("box", who.male), ("男", "print"), ("box", not who.male), ("女", "print")]),
        (2, 0, 1, 1, [("身份证号码", "print")]),
        (2, 1, 1, 3, [(who.id_number, "hand")]),
        (3, 0, 1, 1, [("联系电话", "print")]),
        (3, 1, 1, 1, [(who.phone, "hand")]),
        (3, 2, 1, 1, [("邮政编码", "print")]),
        (3, 3, 1, 1, [(f"{rng.randint(100000, 699999)}", "hand")]),
        (4, 0, 1, 1, [("经营场所", "print")]),
        (4, 1, 1, 3, [(ent.address, "sans")]),
        (5, 0, 1, 1, [("组成形式", "print")]),
        (5, 1, 1, 3, [("box", forms == "个人经营"), ("个人经营", "print"),
                      ("box", forms == "家庭经营"), ("家庭经营", "print")]),
        (6, 0, 2, 1, [("经营范围", "print")]),
        (6, 1, 2, 3, [(ent.scope, "sans")]),
        (8, 0, 1, 1, [("从业人数", "print")]),
        (8, 1, 1, 1, [(f"{rng.randint(1, 9)}人", "hand")]),
        (8, 2, 1, 1, [("资金数额", "print")]),
        (8, 3, 1, 1, [(f"{rng.choice((3, 5, 8, 10, 20))}万元", "hand")]),
        (9, 0, 2, 1, [("申请人声明", "print")]),
        (9, 1, 2, 3, [(PLEDGE, "print")]),
        (11, 0, 1, 1, [("申请人签字", "print")]),
        (11, 1, 1, 1, [(who.name, "hand")]),
        (11, 2, 1, 1, [("日期", "print")]),
        (11, 3, 1, 1, [(f"{y}.{mo}.{d}", "hand")]),
    ]  # fmt: skip
    rows = [rh] * 12
    bottom = _table(p, rng, m, m + 300, [c0, c1, c2, c3], rows, cells, size=46)
    p.para([("注：请用黑色或蓝色钢笔、签字笔填写，字迹工整；在对应方框内打“√”。", "print")],
           m, bottom + 40, w, 34, lineh=52)  # fmt: skip
    p.fields = [
        ("enterprise_name", ent.name), ("person_name", who.name),
        ("id_number", who.id_number), ("phone", who.phone),
    ]  # fmt: skip
    return p


def roster(rng: random.Random) -> Page:
    """A roster of insured employees: a table of many rows."""
    p = Page("roster")
    ent = make_enterprise(rng)
    m = rng.randint(150, 200)
    p.text("参保职工花名册", p.width / 2, m + 110, 76, "sans", anchor="c", bold=True)
    p.text(f"单位名称：{ent.name}", m, m + 240, 42, "print")
    p.text(f"统一社会信用代码：{ent.credit_code}", m, m + 310, 42, "print")
    y, mo, _ = recent_date(rng)
    p.text(f"所属期：{y}年{mo:02d}月", p.width - m, m + 310, 42, "print", anchor="r")
    w = p.width - 2 * m
    cols = [130, rng.randint(300, 340), rng.randint(620, 660), rng.randint(330, 360)]
    cols.append(w - sum(cols))
    n = rng.randint(15, 22)
    rh = min(rng.randint(125, 150), 2650 // (n + 1))
    cells: list[Cell] = [
        (0, 0, 1, 1, [("序号", "print")]), (0, 1, 1, 1, [("姓名", "print")]),
        (0, 2, 1, 1, [("公民身份号码", "print")]), (0, 3, 1, 1, [("参保年月", "print")]),
        (0, 4, 1, 1, [("月缴费基数（元）", "print")]),
    ]  # fmt: skip
    people = []
    for i in range(n):
        who = make_person(rng)
        people.append(who)
        start = f"{rng.randint(2010, 2025)}.{rng.randint(1, 12):02d}"
        base = f"{rng.randint(4200, 15800)}.00"
        cells += [
            (i + 1, 0, 1, 1, [(str(i + 1), "sans")]), (i + 1, 1, 1, 1, [(who.name, "sans")]),
            (i + 1, 2, 1, 1, [(who.id_number, "sans")]), (i + 1, 3, 1, 1, [(start, "sans")]),
            (i + 1, 4, 1, 1, [(base, "sans")]),
        ]  # fmt: skip
    bottom = _table(p, rng, m, m + 370, cols, [rh] * (n + 1), cells, size=40)
    clerk = make_name(rng)
    p.text(f"制表人：{clerk}", m, bottom + 100, 42, "print")
    p.text(
        f"制表日期：{cn_date(*recent_date(rng))}",
        p.width - m,
        bottom + 100,
        42,
        "print",
        anchor="r",
    )
    p.fields = [
        ("enterprise_name", ent.name),
        ("credit_code", ent.credit_code),
        ("person_name", clerk),
    ]
    for who in people[: rng.randint(2, 4)]:
        p.fields += [("person_name", who.name), ("id_number", who.id_number)]
    return p


PLEDGE = "本人承诺所提交的材料真实有效，经营场所合法使用，如有不实，愿承担相应的法律责任。"
WHERE = "补正材料可通过网上办事大厅提交，也可到中心综合受理窗口提交。如有疑问，请与经办人联系。"
ENDORSE = (
    "事宜。代理人在办理上述事项过程中所签署的有关文件，我单位均予以认可，并承担相应的法律责任。"
)
ITEMS = (
    "股东会决议未载明表决情况，请补充全体股东签字的决议原件。",
    "住所使用证明中产权人签字与产权证明不一致，请重新提交。",
    "经办人身份证明复印件不清晰，请提交清晰的复印件并由本人签字。",
    "公司章程第七条出资时间填写有误，请修改后由全体股东签字确认。",
    "授权委托书未注明委托事项及权限，请重新出具。",
    "申请书中经营范围表述不规范，请参照经营范围规范表述目录填写。",
    "法定代表人任职文件缺少任免机构的盖章，请补正。",
    "租赁合同已过期，请提交有效期内的租赁合同及产权证明复印件。",
)


def notice(rng: random.Random) -> Page:
    """One-time correction notice with a numbered list and the hall's seal over the date."""
    p = Page("notice")
    ent = make_enterprise(rng)
    who = make_person(rng)
    m = rng.randint(200, 260)
    w = p.width - 2 * m
    hall = f"{ent.district}政务服务中心"
    p.text(hall, p.width / 2, m + 60, 54, "sans", anchor="c")
    p.text("一次性告知书", p.width / 2, m + 200, 84, "sans", anchor="c", bold=True)
    year, serial = rng.choice((2025, 2026)), rng.randint(10, 999)
    number = f"{ent.district.removesuffix('区')}政告字〔{year}〕第{serial}号"
    p.text(number, p.width / 2, m + 300, 40, "print", anchor="c")
    y: float = m + 420
    p.text(f"{who.name}：", m, y, 52, "print")
    y += 50
    intro = (
        f"你（单位）于{cn_date(*recent_date(rng))}提交的{ent.name}变更登记申请材料，经审查，"
        "尚需补正以下材料。请按本告知书的要求一次性补齐后重新提交："
    )
    y += p.para([(intro, "print")], m, y, w, 52, indent=92) + 30
    for k, item in enumerate(rng.sample(ITEMS, rng.randint(3, 6)), 1):
        y += p.para([(f"{k}．{item}", "print")], m + 60, y, w - 60, 52) + 24
    y += 40
    y += p.para([(WHERE, "print")], m, y, w, 52, indent=92) + 60
    clerk = make_name(rng)
    phone = make_mobile(rng)
    p.text(f"经办人：{clerk}", m, y, 52, "print")
    p.text(f"联系电话：{phone}", m + w / 2, y, 52, "print")
    y += 200
    p.text(hall, p.width - m - 60, y, 52, "print", anchor="r")
    p.text(cn_date(*recent_date(rng)), p.width - m - 60, y + 90, 52, "print", anchor="r")
    p.seal(p.width - m - 330 + rng.uniform(-50, 40), y + 20 + rng.uniform(-40, 30), hall, r=220,
           rot=rng.uniform(-15, 15), bottom="业务专用章")  # fmt: skip
    p.fields = [
        ("person_name", who.name),
        ("enterprise_name", ent.name),
        ("person_name", clerk),
        ("phone", phone),
    ]
    return p


def attorney(rng: random.Random) -> Page:
    """Power of attorney in prose with entries by hand inline."""
    p = Page("attorney")
    ent = make_enterprise(rng)
    boss = make_person(rng)
    agent = make_person(rng, _hand_ok)
    m = rng.randint(220, 280)
    w = p.width - 2 * m
    size = rng.choice((52, 54, 56))
    p.text("授权委托书", p.width / 2, m + 160, 90, "sans", anchor="c", bold=True)
    y: float = m + 360
    ink = rng.choice((PEN_BLUE, PEN_BLACK))
    lines: list[list[tuple[Any, ...]]] = [
        [("委托人（单位）：", "print"), (ent.name, "print")],
        [("统一社会信用代码：", "print"), (ent.credit_code, "print")],
        [("法定代表人：", "print"), (boss.name, "print")],
        [("受托人：", "print"), (agent.name, "hand", ink)],
        [("身份证号码：", "print"), (agent.id_number, "hand", ink)],
        [("联系电话：", "print"), (agent.phone, "hand", ink)],
    ]
    for segs in lines:
        y += p.para(segs, m, y, w, size, lineh=size * 1.9)
    y += 40
    matter = rng.choice(("变更登记", "备案", "注销登记", "营业执照换发", "年度报告更正"))
    prose = [
        ("现委托", "print"), (agent.name, "hand", ink), ("（身份证号码：", "print"),
        (agent.id_number, "hand", ink), ("）作为我单位的代理人，前往", "print"),
        (f"{ent.district}市场监督管理局", "print"), ("办理", "print"), (ent.name, "print"),
        ("的", "print"), (matter, "print"),
        (ENDORSE, "print"),
    ]  # fmt: skip
    y += p.para(prose, m, y, w, size, lineh=size * 1.9, indent=2 * size) + 30
    y0, mo0, d0 = recent_date(rng)
    term = [
        ("委托期限：自", "print"), (f"{y0}年{mo0}月{d0}日", "hand", ink),
        ("至", "print"), (f"{y0}年{min(12, mo0 + 3)}月{d0}日", "hand", ink), ("止。", "print"),
    ]  # fmt: skip
    y += p.para(term, m, y, w, size, lineh=size * 1.9, indent=2 * size) + 160
    p.text("委托人（盖章）：", m + w * 0.45, y, size, "print")
    y += 130
    p.text("法定代表人（签字）：", m + w * 0.45, y, size, "print")
    _hand(
        p,
        rng,
        boss.name if covers("hand", boss.name) else "",
        m + w * 0.45 + 10 * size,
        y,
        size * 1.2,
        color=ink,
    )
    y += 130
    p.text(cn_date(y0, mo0, d0), m + w * 0.45 + 4 * size, y, size, "print")
    p.seal(m + w * 0.45 + 7 * size + rng.uniform(-40, 40), y - 200 + rng.uniform(-30, 30),
           ent.name, r=210, rot=rng.uniform(-20, 20))  # fmt: skip
    p.fields = [
        ("enterprise_name", ent.name), ("credit_code", ent.credit_code),
        ("person_name", agent.name), ("id_number", agent.id_number), ("phone", agent.phone),
        ("person_name", boss.name),
    ]  # fmt: skip
    return p


def id_copy(rng: random.Random) -> Page:
    """Copy of both sides of a resident ID card with a note by hand."""
    p = Page("id_copy")
    who: Person = make_person(rng, _hand_ok)
    cw, ch = 1280, 810
    x = rng.randint(300, p.width - cw - 300)
    ys = (rng.randint(320, 480), 0)
    ys = (ys[0], ys[0] + ch + rng.randint(160, 260))
    # front: name, sex and nation, birth, address, number
    fx, fy = x, ys[0]
    p.rect(fx, fy, cw, ch, stroke=4, round=60, color=[90, 90, 90])
    p.rect(fx + cw - 400, fy + 110, 320, 400, stroke=0, fill=[205, 205, 205])
    lx, size = fx + 70, 40
    p.text("姓名", lx, fy + 130, size, "sans", color=(70, 90, 130))
    p.text(who.name, lx + 130, fy + 130, 50, "print")
    p.text("性别", lx, fy + 230, size, "sans", color=(70, 90, 130))
    p.text("男" if who.male else "女", lx + 130, fy + 230, 46, "print")
    p.text("民族", lx + 300, fy + 230, size, "sans", color=(70, 90, 130))
    p.text(rng.choice(("汉", "汉", "汉", "回", "壮", "满", "苗")), lx + 430, fy + 230, 46, "print")
    by, bm, bd = who.birth
    p.text("出生", lx, fy + 330, size, "sans", color=(70, 90, 130))
    p.text(f"{by}年{bm}月{bd}日", lx + 130, fy + 330, 46, "print")
    p.text("住址", lx, fy + 430, size, "sans", color=(70, 90, 130))
    address = f"{who.province}{who.city}{who.district}{who.address}"
    p.para([(address, "print")], lx + 130, fy + 390, 620, 44, lineh=66, h=4 * 66)
    p.text("公民身份号码", lx, fy + 720, size, "sans", color=(70, 90, 130))
    p.text(who.id_number, lx + 300, fy + 722, 54, "sans", maxw=cw - 400)
    # back: the state's name, the card's name, issuing authority, validity
    bx, by_ = x, ys[1]
    p.rect(bx, by_, cw, ch, stroke=4, round=60, color=[90, 90, 90])
    p.text("中华人民共和国", bx + cw / 2 + 80, by_ + 210, 70, "sans", anchor="c", bold=True)
    p.text("居民身份证", bx + cw / 2 + 80, by_ + 360, 96, "sans", anchor="c", bold=True)
    p.text("签发机关", bx + 160, by_ + 620, size, "sans", color=(70, 90, 130))
    p.text(f"{who.city}公安局{who.district}分局", bx + 380, by_ + 620, 44, "print")
    p.text("有效期限", bx + 160, by_ + 710, size, "sans", color=(70, 90, 130))
    s = rng.randint(2016, 2024)
    mo, d = rng.randint(1, 12), rng.randint(1, 28)
    p.text(f"{s}.{mo:02d}.{d:02d}-{s + 20}.{mo:02d}.{d:02d}", bx + 380, by_ + 710, 44, "print")
    ny = ys[1] + ch + rng.randint(170, 260)
    note = rng.choice(("此复印件与原件一致", "复印件与原件相符", "本复印件仅用于办理登记"))
    if not covers("hand", note):
        note = "与原件一致"
    ink = rng.choice((PEN_BLUE, PEN_BLACK))
    nx = x + rng.randint(0, 200)
    _hand(p, rng, note, nx, ny, 64, color=ink)
    _hand(p, rng, who.name, nx + 120, ny + 120, 64, color=ink)
    y, mo, d = recent_date(rng)
    _hand(p, rng, f"{y}.{mo}.{d}", nx + 520, ny + 120, 56, color=ink)
    p.fields = [("person_name", who.name), ("id_number", who.id_number)]
    _ = BLACK
    return p
