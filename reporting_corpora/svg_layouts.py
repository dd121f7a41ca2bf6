"""The `svg` corpus's six layouts of service-hall documents, each drawn on a Sheet in
reading order (top to bottom, left column before right, table rows left to right), so the
sheet's lines are the page's truth."""

from __future__ import annotations

import random
from collections.abc import Callable

from reporting_corpora import svg_data as data
from reporting_corpora.svg_draw import PT, PX_H, PX_W, Sheet, width, wrap

L, R = 230.0, 2250.0  # margins
BODY = 10.5 * PT
SMALL = 8.5 * PT
HAND = 12 * PT
TITLE = 20 * PT

Cell = tuple[str, str] | None  # (text, style)


def _title(s: Sheet, y: float, text: str, size: float = TITLE, spacing: float = 0.15) -> None:
    s.text((L + R) / 2, y, text, size, "title", anchor="middle", spacing=spacing)


def _jitter(rng: random.Random) -> float:
    return rng.uniform(-6, 6)


def table(
    s: Sheet,
    rng: random.Random,
    y: float,
    widths: list[float],
    rows: list[list[Cell]],
    size: float = BODY,
    pad: float = 22.0,
    min_h: float = 110.0,
) -> float:
    """A ruled table from y; cells wrapped in their widths and centred vertically; a
    cell of None merges into the cell to its left. Returns the y under the table."""
    x0 = L
    for row in rows:
        spans: list[tuple[float, float, Cell]] = []  # (x, width, cell)
        x = x0
        for w, cell in zip(widths, row, strict=True):
            if cell is None and spans:
                px, pw, pc = spans[-1]
                spans[-1] = (px, pw + w, pc)
            else:
                spans.append((x, w, cell))
            x += w
        wrapped = []
        for _, w, cell in spans:
            text, style = cell if cell is not None else ("", "print")
            sz = HAND if style == "hand" else size
            wrapped.append((wrap(text, sz, style, w - 2 * pad) if text else [], sz, style))
        h = max(min_h, *(len(ls) * sz * 1.45 + 2 * pad for ls, sz, _ in wrapped))
        for (x, w, _), (ls, sz, style) in zip(spans, wrapped, strict=True):
            top = y + (h - len(ls) * sz * 1.45) / 2 + sz * 1.1
            for i, ln in enumerate(ls):
                jy = _jitter(rng) if style == "hand" else 0.0
                if style == "hand" or len(ls) > 1:
                    s.text(x + pad, top + i * sz * 1.45 + jy, ln, sz, style)
                else:
                    s.text(x + w / 2, top, ln, sz, style, anchor="middle")
            s.line(x, y, x, y + h)
        s.line(x0, y, x0 + sum(widths), y, 4)
        s.line(x0 + sum(widths), y, x0 + sum(widths), y + h)
        y += h
    s.line(x0, y, x0 + sum(widths), y, 4)
    return y


def _blank(
    s: Sheet, rng: random.Random, x: float, y: float, label: str, value: str, room: float
) -> float:
    """A printed label, then a value by hand over an underline `room` wide; returns the
    x after the blank."""
    x += s.text(x, y, label, BODY)
    s.line(x, y + 12, x + room, y + 12, 2.5)
    s.text(x + 18, y - 4 + _jitter(rng), value, HAND, "hand")
    return x + room


def _date_line(s: Sheet, y: float, d: tuple[int, int, int], style: str = "print") -> None:
    s.text(R - 60, y, data.ymd(d), HAND if style == "hand" else BODY, style, anchor="end")


# -- 1. enterprise establishment application ----------------------------------------------
def setup_application(rng: random.Random) -> Sheet:
    s = Sheet("setup_application")
    ent, rep = data.enterprise(rng), data.person(rng)
    contact = data.person(rng, {rep.name})
    s.text(L, 250, "附件1", BODY)
    _title(s, 400, "公司设立登记申请书")
    s.text(R, 500, f"申请编号：SL{rng.randint(10**9, 10**10 - 1)}", SMALL, "note", anchor="end")
    w = [420.0, 640.0, 380.0, 580.0]
    y = table(
        s,
        rng,
        540,
        w,
        [
            [("名称", "print"), (ent.name, "hand"), None, None],
            [("住所", "print"), (ent.address, "hand"), None, None],
            [
                ("法定代表人", "print"),
                (rep.name, "hand"),
                ("联系电话", "print"),
                (rep.phone, "hand"),
            ],
            [("身份证件号码", "print"), (rep.id_number, "hand"), None, None],
            [
                ("注册资本", "print"),
                (f"{ent.capital}万元", "hand"),
                ("联络员", "print"),
                (contact.name, "hand"),
            ],
            [("经营范围", "print"), (ent.scope, "print"), None, None],
        ],
    )
    y += 110
    x = L
    x += s.text(x, y, "公司类型：", BODY)
    for i, kind in enumerate(("有限责任公司", "股份有限公司", "一人有限责任公司")):
        s.checkbox(x + 10, y, BODY, i == rng.randrange(3), rng.uniform(-8, 8))
        x += BODY + 10
        x += s.text(x, y, kind, BODY) + 50
    y += 100
    x = L
    x += s.text(x, y, "领取执照方式：", BODY)
    for i, way in enumerate(("窗口领取", "邮寄送达")):
        s.checkbox(x + 10, y, BODY, i == 0, rng.uniform(-8, 8))
        x += BODY + 10
        x += s.text(x, y, way, BODY) + 50
    y += 130
    s.text(L, y, "申请人声明", BODY * 1.15, "title")
    y = s.para(
        L,
        y + 90,
        "本公司依照《中华人民共和国公司法》《中华人民共和国市场主体登记管理条例》申请设立登记，"
        "提交材料真实有效。通过联络员登录企业信用信息公示系统向登记机关报送、向社会公示的企业信息为本企业提供、发布的信息，"
        "信息真实、有效。",
        BODY,
        R - L,
    )
    y += 80
    _blank(s, rng, L, y, "法定代表人签字：", rep.name, 420)
    _blank(s, rng, L + 1100, y, "联络员签字：", contact.name, 420)
    y += 130
    _date_line(s, y, data.day(rng), "hand")
    y += 150
    s.text(
        L,
        y,
        "注：1.手工填写表格和签字请使用黑色或蓝黑色钢笔、签字笔，请勿使用圆珠笔。",
        SMALL,
        "note",
    )
    s.text(
        L, y + SMALL * 1.6, "2.本申请书适用于有限责任公司、股份有限公司设立登记。", SMALL, "note"
    )
    s.field("enterprise_name", ent.name)
    s.field("person_name", rep.name)
    s.field("phone", rep.phone)
    s.field("id_number", rep.id_number)
    s.field("person_name", contact.name)
    return s


# -- 2. business licence (duplicate) ----------------------------------------------------
def business_licence(rng: random.Random) -> Sheet:
    s = Sheet("business_licence")
    ent, rep = data.enterprise(rng), data.person(rng)
    s.rect(150, 150, PX_W - 300, PX_H - 300, stroke=14)
    s.rect(185, 185, PX_W - 370, PX_H - 370, stroke=4)
    s.text(300, 420, "统一社会信用代码", BODY, "print")
    s.text(300, 490, ent.credit_code, BODY * 1.05, "code")
    s.text(
        PX_W - 300, 420, f"证照编号：{rng.randint(10**13, 10**14 - 1)}", SMALL, "note", anchor="end"
    )
    _title(s, 760, "营业执照", 34 * PT, 0.5)
    s.text(PX_W / 2, 880, "（副本）", 14 * PT, "print", anchor="middle")
    left = [
        ("名称", ent.name),
        ("类型", ent.kind),
        ("法定代表人", rep.name),
    ]
    y = 1120.0
    lx, vx, room = 320.0, 640.0, 640.0
    for label, value in left:
        s.text(lx, y, label, BODY, spacing=0.0)
        lines = wrap(value, BODY, "print", room)
        for i, ln in enumerate(lines):
            s.text(vx, y + i * BODY * 1.6, ln, BODY)
        y += max(1, len(lines)) * BODY * 1.6 + 60
    s.text(lx, y, "经营范围", BODY)
    scope = ent.scope + "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
    for i, ln in enumerate(wrap(scope, BODY, "print", room)):
        s.text(vx, y + i * BODY * 1.6, ln, BODY)
    rx, rvx, rroom = 1340.0, 1620.0, 560.0
    y = 1120.0
    right = [
        ("注册资本", f"人民币{ent.capital}万元"),
        ("成立日期", data.ymd(ent.founded)),
        ("住所", ent.address),
    ]
    for label, value in right:
        s.text(rx, y, label, BODY)
        lines = wrap(value, BODY, "print", rroom)
        for i, ln in enumerate(lines):
            s.text(rvx, y + i * BODY * 1.6, ln, BODY)
        y += max(1, len(lines)) * BODY * 1.6 + 60
    s.qr(1850, 2250, 300, [rng.random() < 0.5 for _ in range(625)])
    s.text(2000, 2610, "扫描二维码登录", SMALL, "note", anchor="middle")
    s.text(2000, 2660, "国家企业信用信息公示系统", SMALL, "note", anchor="middle")
    s.text(1500, 2980, "登记机关", BODY * 1.2, "print")
    issued = data.day(rng)
    s.text(1500, 3130, data.ymd(issued), BODY * 1.1, "print")
    s.text(PX_W / 2, 3280, "国家市场监督管理总局监制", SMALL, "note", anchor="middle")
    district = ent.address[: ent.address.index("区") + 1]
    s.seal(1760, 3040, 230, f"{district}市场监督管理局", "登记专用章", rng.uniform(-12, 12))
    s.field("credit_code", ent.credit_code)
    s.field("enterprise_name", ent.name)
    s.field("person_name", rep.name)
    return s


# -- 3. power of attorney ---------------------------------------------------------------
def power_of_attorney(rng: random.Random) -> Sheet:
    s = Sheet("power_of_attorney")
    ent, rep = data.enterprise(rng), data.person(rng)
    agent = data.person(rng, {rep.name})
    _title(s, 380, "授权委托书", TITLE, 0.6)
    y = 560.0
    _blank(s, rng, L, y, "委托单位：", ent.name, 1400)
    y += 120
    _blank(s, rng, L, y, "统一社会信用代码：", ent.credit_code, 1000)
    y += 120
    x = _blank(s, rng, L, y, "受托人：", agent.name, 420)
    _blank(s, rng, x + 60, y, "联系电话：", agent.phone, 560)
    y += 120
    _blank(s, rng, L, y, "身份证件号码：", agent.id_number, 1000)
    y += 170
    y = s.para(
        L,
        y,
        f"现委托上述受托人代表本单位前往{ent.address[: ent.address.index('区') + 1]}"
        "政务服务中心办理下列事项，受托人在办理上述事项过程中所签署的有关文件，"
        "本单位均予以认可，并承担相应的法律责任。",
        BODY,
        R - L,
    )
    y += 30
    items = [
        "1.领取、补正、提交登记申请材料；",
        "2.核对登记信息并签收相关文书；",
        "3.领取营业执照正、副本及相关证照。",
    ]
    s.text(L, y, "委托事项：", BODY)
    y += BODY * 1.7
    for it in items:
        s.checkbox(L + 60, y, BODY, rng.random() < 0.8, rng.uniform(-8, 8))
        s.text(L + 60 + BODY * 1.2, y, it, BODY)
        y += BODY * 1.7
    start = data.day(rng)
    y += 30
    x = L + s.text(L, y, "委托期限：自", BODY)
    x += s.text(x + 10, y + _jitter(rng), data.ymd(start), HAND, "hand") + 20
    x += s.text(x, y, "至", BODY)
    s.text(x + 10, y + _jitter(rng), data.ymd((2027, start[1], start[2])), HAND, "hand")
    y += 250
    s.text(1300, y, "委托单位（盖章）：", BODY)
    y += 150
    _blank(s, rng, 1300, y, "法定代表人签字：", rep.name, 330)
    y += 150
    signed = data.day(rng)
    _date_line(s, y, signed, "hand")
    s.seal(1750, y - 220, 230, ent.name, "", rng.uniform(-15, 15))
    y += 200
    s.text(L, y, "（受托人身份证复印件粘贴处）", SMALL, "note")
    s.rect(L, y + 40, 1000, 620, stroke=2.5)
    s.field("enterprise_name", ent.name)
    s.field("credit_code", ent.credit_code)
    s.field("person_name", agent.name)
    s.field("phone", agent.phone)
    s.field("id_number", agent.id_number)
    s.field("person_name", rep.name)
    return s


# -- 4. roster of insured employees -----------------------------------------------------
def insured_roster(rng: random.Random) -> Sheet:
    s = Sheet("insured_roster")
    ent = data.enterprise(rng)
    _title(s, 330, "职工参保增员花名册", TITLE * 0.9)
    y = 470.0
    s.text(L, y, "单位名称：", BODY)
    s.text(L + width("单位名称：", BODY, "print"), y, ent.name, BODY)
    y += 85
    s.text(L, y, "统一社会信用代码：", BODY)
    s.text(L + width("统一社会信用代码：", BODY, "print"), y, ent.credit_code, BODY, "code")
    s.text(R, y, f"填报月份：2026年{rng.randint(1, 11)}月", BODY, anchor="end")
    taken: set[str] = set()
    people = [data.person(rng, taken) for _ in range(rng.randint(6, 8))]
    head: list[Cell] = [
        (t, "print") for t in ("序号", "姓名", "性别", "公民身份号码", "联系电话", "参保险种")
    ]
    rows = [head]
    for i, p in enumerate(people, 1):
        rows.append(
            [
                (str(i), "print"),
                (p.name, "hand"),
                (p.sex, "hand"),
                (p.id_number, "hand"),
                (p.phone, "hand"),
                (rng.choice(("养老、医疗", "五险", "工伤、失业")), "print"),
            ]
        )
    y = table(s, rng, y + 60, [150.0, 330.0, 160.0, 640.0, 440.0, 300.0], rows, min_h=120.0)
    y += 100
    officer = data.person(rng, taken)
    x = _blank(s, rng, L, y, "单位经办人：", officer.name, 360)
    _blank(s, rng, x + 80, y, "联系电话：", officer.phone, 520)
    y += 130
    s.text(L, y, "单位（盖章）", BODY)
    _date_line(s, y, data.day(rng), "hand")
    s.seal(700, y - 40, 220, ent.name, "", rng.uniform(-15, 15))
    y += 170
    s.text(
        L,
        y,
        "说明：本表由参保单位填写，一式两份，社会保险经办机构和参保单位各留存一份。",
        SMALL,
        "note",
    )
    s.field("enterprise_name", ent.name)
    s.field("credit_code", ent.credit_code)
    for p in people:
        s.field("person_name", p.name)
        s.field("id_number", p.id_number)
    s.field("person_name", officer.name)
    return s


# -- 5. residence certificate -------------------------------------------------------------
def residence_certificate(rng: random.Random) -> Sheet:
    s = Sheet("residence_certificate")
    p = data.person(rng)
    _, where = data.address(rng)
    community = rng.choice(("望湖", "杉林", "翠屏", "泉山", "柳岸"))
    _title(s, 520, "居住证明", TITLE, 0.8)
    s.text(R, 650, f"编号：〔2026〕第{rng.randint(10, 999)}号", SMALL, "note", anchor="end")
    y = 820.0
    s.text(L, y, "市公安局出入境管理支队：", BODY)
    y += BODY * 1.8
    since = (rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28))
    y = s.para(
        L,
        y,
        f"兹证明{p.name}，{p.sex}，公民身份号码{p.id_number}，自{data.ymd(since)}起"
        f"实际居住在{where}，居住情况属实。",
        BODY,
        R - L,
        lead=1.9,
    )
    y = s.para(L, y + 20, "该居民现因办理相关证件需要，特此证明。", BODY, R - L, lead=1.9)
    y += 60
    s.text(L, y, "联系电话：", BODY)
    s.text(L + width("联系电话：", BODY, "print"), y, p.phone, BODY)
    y += 340
    s.text(R - 60, y, f"{community}社区居民委员会", BODY, anchor="end")
    y += 110
    _date_line(s, y, data.day(rng))
    s.seal(R - 380, y - 110, 240, f"{community}社区居民委员会", "", rng.uniform(-12, 12))
    y += 250
    s.text(L, y, "注：1.本证明自开具之日起三个月内有效，涂改无效。", SMALL, "note")
    s.text(L, y + SMALL * 1.6, "2.出具证明单位应当对证明内容的真实性负责。", SMALL, "note")
    s.field("person_name", p.name)
    s.field("id_number", p.id_number)
    s.field("phone", p.phone)
    return s


# -- 6. notice of acceptance --------------------------------------------------------------
def acceptance_notice(rng: random.Random) -> Sheet:
    s = Sheet("acceptance_notice")
    ent = data.enterprise(rng)
    officer = data.person(rng)
    district = ent.address[: ent.address.index("区") + 1]
    _title(s, 360, f"{district}行政审批局", TITLE * 0.85, 0.1)
    _title(s, 500, "受理通知书", TITLE, 0.5)
    s.text(
        (L + R) / 2, 600, f"审批受字〔2026〕第{rng.randint(1000, 9999)}号", BODY, anchor="middle"
    )
    y = 760.0
    s.text(L, y, f"{ent.name}：", BODY)
    y += BODY * 1.8
    got = data.day(rng)
    y = s.para(
        L,
        y,
        f"你单位（统一社会信用代码：{ent.credit_code}）于{data.ymd(got)}提交的变更登记申请，"
        "经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，"
        "决定予以受理。已收到下列材料：",
        BODY,
        R - L,
        lead=1.8,
    )
    mats = [
        "变更登记申请书",
        "股东会决议",
        "章程修正案",
        "法定代表人任职文件",
        "住所使用证明",
        "营业执照正、副本",
    ]
    for i, m in enumerate(rng.sample(mats, rng.randint(4, 6)), 1):
        s.text(L + 80, y, f"{i}.{m}（{rng.choice(('原件', '复印件'))}{rng.randint(1, 3)}份）", BODY)
        y += BODY * 1.7
    y += 20
    y = s.para(
        L, y, "我局将在法定期限内作出决定，请持本通知书按期领取审批结果。", BODY, R - L, lead=1.8
    )
    y += 60
    x = L + s.text(L, y, "经办人：", BODY)
    s.text(x, y, officer.name, BODY)
    s.text(L + 900, y, f"咨询电话：0{rng.randint(20, 29)}-{rng.randint(10**7, 10**8 - 1)}", BODY)
    y += 300
    s.text(R - 60, y, f"{district}行政审批局", BODY, anchor="end")
    y += 110
    _date_line(s, y, (got[0], got[1], min(got[2] + 2, 28)))
    s.seal(R - 330, y - 120, 230, f"{district}行政审批局", "受理专用章", rng.uniform(-12, 12))
    y += 250
    s.line(L, y - 60, R, y - 60, 2)
    s.text(L, y, "本通知书一式两份，一份交申请人，一份存档。受理不代表准予许可。", SMALL, "note")
    s.field("enterprise_name", ent.name)
    s.field("credit_code", ent.credit_code)
    s.field("person_name", officer.name)
    return s


LAYOUTS: dict[str, Callable[[random.Random], Sheet]] = {
    "setup_application": setup_application,
    "business_licence": business_licence,
    "power_of_attorney": power_of_attorney,
    "insured_roster": insured_roster,
    "residence_certificate": residence_certificate,
    "acceptance_notice": acceptance_notice,
}
