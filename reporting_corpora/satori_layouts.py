"""The `satori` corpus's layouts: service-hall paperwork built from flexbox rows and
columns, bordered boxes and tables of flex rows (`satori_doc.Page`). Each function takes a
seeded Random and returns a finished page; its runs are made in the order a person reads
the page (a table row left to right, a two-column block column by column)."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from reporting_corpora import satori_data as data
from reporting_corpora.satori_doc import A4_LANDSCAPE, El, Page

LINE = "2px solid #222"
HEAVY = "4px solid #111"
GREY = "#f1f1f1"
M = 170  # page margin, px at 300 ppi (about 14 mm)


def _cell(p: Page, *kids: El | None, w: int | None = None, grow: float = 0, **st: Any) -> El:
    style: dict[str, Any] = {
        "borderRight": LINE,
        "borderBottom": LINE,
        "padding": "16px 20px",
        "minHeight": 118,
        "alignItems": "center",
        "flexWrap": "wrap",
        "flexDirection": "row",
        **st,
    }
    if w is not None:
        style["width"] = w
        style["flexShrink"] = 0
    if grow:
        style["flexGrow"] = grow
        style["flexBasis"] = 0
    return p.box(*kids, **style)


def _label(p: Page, text: str, w: int | None = None, **st: Any) -> El:
    return _cell(p, p.t(text, size=40), w=w, backgroundColor=GREY, justifyContent="center", **st)


def _table(p: Page, *rows: El, **st: Any) -> El:
    return p.col(*rows, borderTop=LINE, borderLeft=LINE, **st)


def _title(p: Page, text: str, size: int = 78, **st: Any) -> El:
    el = p.row(p.t(text, "head", size, letterSpacing=6), justifyContent="center", **st)
    p.br()
    return el


def _date_hand(p: Page, rng: random.Random, ymd: tuple[int, int, int]) -> El:
    y, m, d = ymd
    return p.t(data.date_cn(y, m, d), "hand", 44 + rng.randint(-2, 3), color="#1f3a93")


# -- 1. minimum living allowance application ------------------------------------------


def allowance_application(rng: random.Random) -> Page:
    p = Page("allowance-application")
    app = data.person(rng, 25, 70)
    reg = data.region(rng)
    county = reg[3]
    title = _title(p, f"{reg[2]}{county}最低生活保障申请审批表", 72, marginBottom=14)
    ymd = data.rand_date(rng)
    head = p.row(
        p.t(f"申请编号：DB{ymd[0]}{rng.randint(100000, 999999)}", size=36),
        p.t(f"填表日期：{data.date_cn(*ymd)}", size=36),
        justifyContent="space-between",
        marginBottom=12,
    )
    p.br()
    p.field("person_name", app.name)
    r1 = p.row(
        _label(p, "申请人姓名", 300),
        _cell(p, p.hand(app.name, rng), grow=1.2),
        _label(p, "性别", 150),
        _cell(p, p.hand(app.sex, rng), w=160),
        _label(p, "出生日期", 240),
        _cell(p, p.hand(f"{app.birth[0]}.{app.birth[1]}.{app.birth[2]}", rng), grow=1),
    )
    p.br()
    p.field("id_number", app.id_number)
    p.field("phone", app.phone)
    r2 = p.row(
        _label(p, "身份证号码", 300),
        _cell(p, p.hand(app.id_number, rng, 44), grow=2),
        _label(p, "联系电话", 240),
        _cell(p, p.hand(app.phone, rng, 44), grow=1.3),
    )
    p.br()
    r3 = p.row(_label(p, "户籍地址", 300), _cell(p, p.hand(app.address, rng), grow=1))
    p.br()
    members = [data.person(rng, 1, 85) for _ in range(rng.randint(2, 4))]
    income = rng.choice((380, 420, 560, 615, 700, 820))
    kind = rng.choice(("城市", "农村"))
    r4 = p.row(
        _label(p, "家庭人口", 300),
        _cell(p, p.hand(f"{len(members) + 1}人", rng), grow=1),
        _label(p, "月人均收入", 300),
        _cell(p, p.hand(f"{income}元", rng), grow=1),
        _label(p, "保障类别", 240),
        _cell(p, p.hand(kind, rng), grow=1),
    )
    p.br()
    sec = p.row(
        _cell(p, p.t("家庭成员情况（不含申请人）", "head", 42), grow=1, justifyContent="center"),
    )
    p.br()
    widths = (280, 260, 640, 240, 0, 250)
    heads = ("姓名", "与申请人关系", "身份证号码", "健康状况", "就业情况", "月收入（元）")
    cells = [
        _label(p, h, w or None, **({"flexGrow": 1, "flexBasis": 0} if not w else {}))
        for h, w in zip(heads, widths, strict=True)
    ]
    hdr = p.row(*cells)
    p.br()
    rows = []
    for m in members:
        p.field("person_name", m.name)
        p.field("id_number", m.id_number)
        rel = rng.choice(("配偶", "儿子", "女儿", "父亲", "母亲", "孙子"))
        vals = (
            m.name,
            rel,
            m.id_number,
            rng.choice(("健康", "慢性病", "残疾")),
            rng.choice(("无业", "灵活就业", "在校学生", "务农")),
            str(rng.choice((0, 0, 300, 450, 800))),
        )
        rcells = []
        for v, w in zip(vals, widths, strict=True):
            run = p.hand(v, rng, 42)
            rcells.append(_cell(p, run, w=w or None, grow=0 if w else 1))
        rows.append(p.row(*rcells))
        p.br()
    reason = rng.choice(
        (
            "本人患病长期无法工作，配偶务农收入微薄，子女在校读书，家庭生活困难，特申请最低生活保障。",
            "家中主要劳动力因意外致残，丧失劳动能力，家庭无其他稳定收入来源，生活难以维持。",
            "本人失业多年，靠打零工维持生活，父母年迈多病，医疗支出较大，申请低保救助。",
        )
    )
    r5 = p.row(_label(p, "申请理由", 300), _cell(p, p.hand(reason, rng, 44), grow=1))
    p.br()
    lab6 = _label(p, "申请人声明", 300)
    declare = p.t(
        "本人承诺以上所填内容及提供的材料真实有效，同意民政部门依法核查家庭经济状况。"
        "如有虚报、隐瞒、伪造，愿承担相应法律责任。",
        size=38,
    )
    sign_label = p.t("申请人签字：", size=40)
    sign = p.hand(app.name, rng, 50)
    sign_date = _date_hand(p, rng, ymd)
    r6 = p.row(
        lab6,
        _cell(
            p,
            p.col(
                declare,
                p.row(
                    sign_label,
                    sign,
                    sign_date,
                    gap=30,
                    alignItems="center",
                    justifyContent="flex-end",
                    marginTop=16,
                ),
            ),
            grow=1,
        ),
    )
    p.br()
    lab7 = _label(p, "社区（村）意见", 300)
    opinion = p.t(
        "经入户调查和邻里访问，申请人家庭情况属实，同意上报。", "hand", 46, color="#222222"
    )
    seal = p.seal(
        f"{county}{rng.choice(data.COMMUNITIES)}社区居委会",
        400,
        rng,
        position="absolute",
        left=1150 + rng.randint(-60, 60),
        top=40,
    )
    r7 = p.row(
        lab7,
        _cell(
            p, opinion, seal, grow=1, minHeight=420, alignItems="flex-start", position="relative"
        ),
    )
    p.br()
    lab8 = _label(p, "街道（乡镇）审核意见", 300)
    r8 = p.row(lab8, _cell(p, grow=1, minHeight=300))
    p.br()
    lab9 = _label(p, "县级民政部门审批意见", 300)
    r9 = p.row(lab9, _cell(p, grow=1, minHeight=300))
    p.br()
    note = p.t("注：本表一式两份，乡镇（街道）、县级民政部门各存一份。", size=34, marginTop=18)
    p.br()
    body = p.col(
        title,
        head,
        _table(p, r1, r2, r3, r4, sec, hdr, *rows, r5, r6, r7, r8, r9),
        note,
        padding=f"{M}px {M}px",
    )
    return p.finish(body)


# -- 2. business licence, landscape, two columns --------------------------------------


def business_licence(rng: random.Random) -> Page:
    p = Page("business-licence", *A4_LANDSCAPE)
    ent = data.enterprise(rng)
    rep = data.person(rng, 28, 65)
    p.field("credit_code", ent.credit_code)
    p.field("enterprise_name", ent.name)
    p.field("person_name", rep.name)
    top = p.row(
        p.col(
            p.t("统一社会信用代码", size=38),
            p.t(ent.credit_code, size=52, letterSpacing=2),
            width=760,
        ),
        p.row(p.t("营业执照", "head", 150, letterSpacing=40), flexGrow=1, justifyContent="center"),
        p.col(
            p.t("（副　本）", size=52),
            p.t(
                f"证照编号：{rng.randint(10000000, 99999999)}{rng.randint(100000, 999999)}", size=34
            ),
            width=760,
            alignItems="flex-end",
        ),
        alignItems="center",
        marginBottom=60,
    )
    p.br()

    def kv(label: str, value: str, size: int = 58) -> El:
        el = p.row(
            p.t(label, size=58, width=360, flexShrink=0, justifyContent="space-between"),
            p.t(value, size=size, flexGrow=1, flexBasis=0),
            marginBottom=70,
        )
        p.br()
        return el

    left = p.col(
        kv("名　　称", ent.name),
        kv("类　　型", ent.form if ent.form != "个体工商户" else "个体工商户"),
        kv("法定代表人" if ent.form != "个体工商户" else "经 营 者", rep.name),
        kv(
            "经营范围", ent.scope + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）", 50
        ),
        flexGrow=1,
        flexBasis=0,
        marginRight=80,
    )
    start = (rng.randint(2008, 2025), rng.randint(1, 12), rng.randint(1, 28))
    cap = f"{data.capital_yuan(ent.capital)}" if ent.capital else "——"
    right = p.col(
        kv("注册资本", cap),
        kv("成立日期", data.date_cn(*start)),
        kv("营业期限", f"{data.date_cn(*start)}至长期"),
        kv("住　　所", ent.address),
        flexGrow=1,
        flexBasis=0,
    )
    body = p.row(left, right, flexGrow=1)
    qr = p.qr(360, rng)
    caption = p.t(
        "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。",
        size=34,
        width=560,
        marginLeft=30,
    )
    p.br()
    issue = (2026, rng.randint(1, 11), rng.randint(1, 28))
    authority = p.t("登记机关", "head", 56, marginRight=60)
    idate = p.t(data.date_cn(*issue), size=56)
    p.br()
    seal = p.seal(
        f"{ent.region[2]}{ent.region[3]}市场监督管理局",
        460,
        rng,
        position="absolute",
        left=180 + rng.randint(-40, 40),
        top=-230,
    )
    bottom = p.row(
        p.row(qr, caption, alignItems="center"),
        p.row(authority, idate, seal, alignItems="center", marginRight=120, position="relative"),
        justifyContent="space-between",
        alignItems="center",
    )
    foot1 = p.t("国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", size=36)
    p.br()
    foot2 = p.t(
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。", size=36
    )
    p.br()
    footer = p.row(foot1, foot2, justifyContent="space-between", marginTop=40)
    frame = p.col(
        top,
        body,
        bottom,
        footer,
        flexGrow=1,
        border="10px double #8a5a1c",
        padding="90px 120px 60px 120px",
    )
    return p.finish(frame, padding=70)


# -- 3. enterprise change registration, before / after ---------------------------------


def change_registration(rng: random.Random) -> Page:
    p = Page("change-registration")
    ent = data.enterprise(rng, rng.choice(("有限公司", "股份有限公司", "有限责任公司")))
    old_rep, new_rep = data.person(rng, 30, 65), data.person(rng, 28, 60)
    contact = data.person(rng, 22, 55)
    title = _title(p, "企业变更（备案）登记申请书", 76, marginBottom=40)
    p.field("enterprise_name", ent.name)
    p.field("credit_code", ent.credit_code)
    r1 = p.row(_label(p, "企业名称", 380), _cell(p, p.t(ent.name, size=44), grow=1))
    p.br()
    r2 = p.row(_label(p, "统一社会信用代码", 380), _cell(p, p.t(ent.credit_code, size=44), grow=1))
    p.br()
    hdr = p.row(
        _label(p, "变更事项", 380),
        _label(p, "原登记内容", grow=1),
        _label(p, "申请变更登记内容", grow=1),
    )
    p.br()
    trade = rng.choice([t for t in data.TRADE_NAMES if t not in ent.name])
    city = ent.region[2].removesuffix("市")
    new_name = ent.name.replace(city, "", 1)
    new_name = f"{city}{trade}{new_name[2:]}" if new_name[:2] in data.TRADE_NAMES else ent.name
    items: list[tuple[str, str, str, list[tuple[str, str]], list[tuple[str, str]]]] = []
    if new_name != ent.name:
        items.append(("名称", ent.name, new_name, [], [("enterprise_name", new_name)]))
    items.append(
        (
            "法定代表人",
            old_rep.name,
            new_rep.name,
            [("person_name", old_rep.name)],
            [("person_name", new_rep.name)],
        )
    )
    new_cap = ent.capital * rng.choice((2, 3, 5))
    items.append(("注册资本", f"{ent.capital // 10000}万元", f"{new_cap // 10000}万元", [], []))
    items.append(("住所", ent.address, data.address(rng, ent.region), [], []))
    rows = []
    for label, before, after, fb, fa in items:
        for f in fb + fa:
            p.field(*f)
        rows.append(
            p.row(
                _label(p, label, 380),
                _cell(p, p.t(before, size=42), grow=1),
                _cell(p, p.hand(after, rng, 44), grow=1),
            )
        )
        p.br()
    p.field("person_name", contact.name)
    p.field("phone", contact.phone)
    p.field("id_number", contact.id_number)
    c1 = p.row(
        _label(p, "联系人", 380),
        _cell(p, p.hand(contact.name, rng), grow=1),
        _label(p, "移动电话", 260),
        _cell(p, p.hand(contact.phone, rng), grow=1),
    )
    p.br()
    c2 = p.row(_label(p, "联系人身份证号码", 380), _cell(p, p.hand(contact.id_number, rng), grow=1))
    p.br()
    promise = p.t(
        "本企业承诺：本申请书所填内容及提交的文件、证件真实、合法、有效，复印件与原件一致，"
        "并对其真实性承担法律责任。",
        size=40,
        marginTop=40,
    )
    p.br()
    seal = p.seal(ent.name, 420, rng, position="absolute", left=rng.randint(1740, 1850), top=-170)
    sign = p.row(
        p.t("法定代表人签字：", size=44),
        p.hand(new_rep.name, rng, 56),
        p.t("企业盖章", size=44, marginLeft=160),
        seal,
        justifyContent="flex-end",
        alignItems="center",
        marginTop=160,
        gap=20,
        position="relative",
    )
    p.br()
    ymd = data.rand_date(rng)
    dline = p.row(_date_hand(p, rng, ymd), justifyContent="flex-end", marginTop=60, marginRight=40)
    p.br()
    note = p.t(
        "注：1. 变更事项按实际填写，未变更的事项不填；2. 提交材料须使用A4纸，用黑色或蓝色"
        "墨水钢笔、签字笔填写或打印，字迹工整。",
        size=34,
        marginTop=120,
    )
    p.br()
    body = p.col(
        title,
        _table(p, r1, r2, hdr, *rows, c1, c2),
        promise,
        sign,
        dline,
        note,
        padding=f"{M + 20}px {M}px",
    )
    return p.finish(body)


# -- 4. notice of acceptance with a numbered list of materials -------------------------

MATERIALS = (
    "《市场主体登记申请书》",
    "法定代表人签署的《授权委托书》",
    "经办人身份证件复印件",
    "股东会决议",
    "公司章程修正案",
    "住所使用证明（房屋租赁合同及产权证明复印件）",
    "营业执照正、副本原件",
    "经营场所平面布局图",
    "食品安全管理制度清单",
    "从业人员健康证明复印件",
)
MATTERS = ("企业变更登记", "食品经营许可", "个体工商户设立登记", "公共场所卫生许可", "企业注销登记")


def acceptance_notice(rng: random.Random) -> Page:
    p = Page("acceptance-notice")
    reg = data.region(rng)
    ent = data.enterprise(rng)
    agent = data.person(rng, 22, 60)
    clerk = data.full_name(rng)
    hall = p.row(p.t(f"{reg[2]}{reg[3]}政务服务中心", "head", 56), justifyContent="center")
    p.br()
    title = _title(p, "受 理 通 知 书", 90, marginTop=30, marginBottom=20)
    year = 2026
    no = p.row(
        p.t(f"{reg[3][:2]}政受字〔{year}〕第{rng.randint(100, 9999)}号", size=42),
        justifyContent="flex-end",
        marginBottom=50,
    )
    p.br()
    p.field("enterprise_name", ent.name)
    p.field("credit_code", ent.credit_code)
    to = p.row(p.t(f"{ent.name}：", size=50))
    p.br()
    ymd = data.rand_date(rng)
    matter = rng.choice(MATTERS)
    para = p.t(
        f"你（单位）于{data.date_cn(*ymd)}提交的{matter}申请（统一社会信用代码：{ent.credit_code}），"
        "经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，"
        "决定予以受理。",
        size=50,
        textIndent=100,
        lineHeight=1.8,
        marginTop=24,
    )
    p.br()
    lst = p.row(p.t("已收取材料清单：", "head", 46), marginTop=40, marginBottom=16)
    p.br()
    items = []
    for i, mat in enumerate(rng.sample(MATERIALS, rng.randint(4, 7)), 1):
        copies = rng.choice(("原件1份", "复印件1份", "原件1份、复印件1份", "2份"))
        items.append(
            p.row(
                p.t(f"{i}.", size=48, width=80, flexShrink=0),
                p.t(mat, size=48, flexGrow=1, flexBasis=0),
                p.t(copies, size=44, width=460, flexShrink=0, justifyContent="flex-end"),
                borderBottom="2px dashed #888",
                padding="20px 0",
            )
        )
        p.br()
    days = rng.choice((3, 5, 7, 10, 15, 20))
    limit = p.t(f"承诺办结时限：自受理之日起{days}个工作日内。", size=48, marginTop=50)
    p.br()
    p.field("person_name", agent.name)
    p.field("phone", agent.phone)
    p.field("id_number", agent.id_number)
    who = p.row(
        p.t("申请人（经办人）：", size=46),
        p.hand(agent.name, rng),
        p.t("联系电话：", size=46, marginLeft=60),
        p.hand(agent.phone, rng),
        alignItems="center",
        marginTop=40,
    )
    p.br()
    ident = p.row(
        p.t("经办人身份证号码：", size=46),
        p.hand(agent.id_number, rng),
        alignItems="center",
        marginTop=16,
    )
    p.br()
    p.field("person_name", clerk)
    clerk_row = p.row(
        p.t("受理人：", size=46), p.hand(clerk, rng), alignItems="center", marginTop=16
    )
    p.br()
    url = p.t(
        f"办件进度查询：https://zwfw.{rng.choice(('wh', 'cs', 'nc', 'gy', 'km'))}.gov.cn/query",
        size=38,
        marginTop=16,
    )
    p.br()
    seal = p.seal(
        f"{reg[2]}{reg[3]}行政审批局",
        430,
        rng,
        position="absolute",
        left=rng.randint(40, 200),
        top=-150,
    )
    stamp = p.col(
        p.t(f"{reg[2]}{reg[3]}行政审批局", size=50),
        p.t(data.date_cn(*data.rand_date(rng)), size=50, marginTop=24),
        seal,
        alignItems="center",
        alignSelf="flex-end",
        marginTop=180,
        marginRight=60,
        position="relative",
    )
    p.br()
    note = p.t(
        "（本通知书一式两联，第一联交申请人，第二联存档）",
        size=34,
        marginTop=90,
        alignSelf="center",
    )
    p.br()
    body = p.col(
        hall,
        title,
        no,
        to,
        para,
        lst,
        *items,
        limit,
        who,
        ident,
        clerk_row,
        url,
        stamp,
        note,
        padding=f"{M + 60}px {M + 40}px",
    )
    return p.finish(body)


# -- 5. housing provident fund contribution certificate --------------------------------


def fund_certificate(rng: random.Random) -> Page:
    p = Page("fund-certificate")
    emp = data.person(rng, 23, 58)
    ent = data.enterprise(rng, rng.choice(("有限公司", "股份有限公司")))
    city = ent.region[2]
    title = _title(p, "住房公积金缴存证明", 84, marginBottom=60)
    base = rng.randrange(3500, 18000, 50)
    rate = rng.choice((5, 7, 8, 10, 12))
    acct = "".join(str(rng.randint(0, 9)) for _ in range(12))
    start = (rng.randint(2012, 2022), rng.randint(1, 12))
    p.field("person_name", emp.name)
    p.field("id_number", emp.id_number)
    p.field("enterprise_name", ent.name)
    p.field("credit_code", ent.credit_code)
    para = p.t(
        f"兹证明{emp.name}（身份证号码：{emp.id_number}）系我单位职工，自{start[0]}年{start[1]}月起"
        f"在{city}住房公积金管理中心缴存住房公积金，个人账号{acct}，现缴存基数{data.yuan(base)}，"
        f"单位和个人缴存比例各为{rate}%。近十二个月缴存明细如下：",
        size=46,
        textIndent=92,
        lineHeight=1.6,
    )
    p.br()
    widths = (300, 0, 0, 0, 0, 230)
    heads = (
        "缴存年月",
        "缴存基数（元）",
        "单位缴存（元）",
        "个人缴存（元）",
        "月缴存额（元）",
        "状态",
    )

    def row(vals: tuple[str, ...], label: bool = False) -> El:
        cells = []
        for v, w in zip(vals, widths, strict=True):
            run = p.t(v, size=42)
            st: dict[str, Any] = {"justifyContent": "center", "minHeight": 96}
            if label:
                st["backgroundColor"] = GREY
            cells.append(_cell(p, run, w=w or None, grow=0 if w else 1, **st))
        el = p.row(*cells)
        p.br()
        return el

    rows = [row(heads, True)]
    y, m = 2026, rng.randint(1, 11)
    total = 0.0
    months = []
    for _ in range(12):
        months.append((y, m))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    for yy, mm in reversed(months):
        part = round(base * rate / 100, 2)
        total += 2 * part
        status = "正常" if rng.random() > 0.08 else "补缴"
        rows.append(
            row(
                (
                    f"{yy}年{mm:02d}月",
                    f"{base:,.2f}",
                    f"{part:,.2f}",
                    f"{part:,.2f}",
                    f"{2 * part:,.2f}",
                    status,
                )
            )
        )
    rows.append(row(("合计", "—", f"{total / 2:,.2f}", f"{total / 2:,.2f}", f"{total:,.2f}", "—")))
    tail = p.t(
        f"截至出具之日，该职工住房公积金账户余额为{data.yuan(rng.randrange(8000, 160000))}"
        "。特此证明。",
        size=46,
        marginTop=40,
        textIndent=92,
    )
    p.br()
    seal = p.seal(
        ent.name, 420, rng, position="absolute", right=rng.randint(60, 260), top=rng.randint(10, 90)
    )
    unit = p.col(
        p.t(f"单位名称（盖章）：{ent.name}", size=46),
        p.t(f"统一社会信用代码：{ent.credit_code}", size=46, marginTop=20),
        p.t(data.date_cn(*data.rand_date(rng)), size=46, marginTop=20),
        seal,
        alignItems="flex-end",
        marginTop=140,
        position="relative",
    )
    p.br()
    note = p.t(
        "本证明仅用于办理住房贷款、租房提取等业务，自出具之日起三十日内有效。",
        size=34,
        marginTop=80,
    )
    p.br()
    body = p.col(
        title, para, _table(p, *rows, marginTop=40), tail, unit, note, padding=f"{M + 40}px {M}px"
    )
    return p.finish(body)


# -- 6. power of attorney ----------------------------------------------------------------

POWERS = (
    "代为提交申请材料",
    "代为核对登记材料中的复印件并签署核对意见",
    "代为修改有关表格的填写错误",
    "代为领取相关文书及证照",
    "代为缴纳相关费用",
)


def _check(p: Page, ticked: bool) -> El:
    inner = p.box(width=24, height=24, backgroundColor="#1f3a93") if ticked else None
    return p.box(
        inner,
        width=40,
        height=40,
        border="3px solid #222",
        alignItems="center",
        justifyContent="center",
        marginRight=18,
        flexShrink=0,
    )


def power_of_attorney(rng: random.Random) -> Page:
    p = Page("power-of-attorney")
    ent = data.enterprise(rng)
    rep = data.person(rng, 30, 65)
    agent = data.person(rng, 22, 60)
    title = _title(p, "授 权 委 托 书", 90, marginBottom=70)
    p.field("enterprise_name", ent.name)
    p.field("credit_code", ent.credit_code)
    p.field("person_name", rep.name)
    p.field("person_name", agent.name)
    p.field("id_number", agent.id_number)
    p.field("phone", agent.phone)

    def line(label: str, value: Callable[[], El]) -> El:
        el = p.row(
            p.t(label, size=46, width=480, flexShrink=0),
            value(),
            borderBottom="2px solid #444",
            alignItems="flex-end",
            padding="18px 0 6px 0",
        )
        p.br()
        return el

    block1 = p.col(
        p.row(p.t("委托人", "head", 50), marginBottom=10),
        *[],
    )
    p.br()
    l1 = line("名称：", lambda: p.t(ent.name, size=46))
    l2 = line("统一社会信用代码：", lambda: p.t(ent.credit_code, size=46))
    l3 = line("法定代表人：", lambda: p.t(rep.name, size=46))
    block2 = p.row(p.t("受托人", "head", 50), marginTop=50, marginBottom=10)
    p.br()
    l4 = line("姓名：", lambda: p.hand(agent.name, rng))
    l5 = line("身份证号码：", lambda: p.hand(agent.id_number, rng))
    l6 = line("联系电话：", lambda: p.hand(agent.phone, rng))
    l7 = line("住址：", lambda: p.hand(agent.address, rng, 42))
    matter = rng.choice(MATTERS)
    para = p.t(
        f"现委托上列受托人代表我单位前往{ent.region[2]}{ent.region[3]}政务服务中心办理{matter}"
        "事宜，受托人在其权限范围内依法所作的一切行为，我单位均予以承认，由此产生的法律后果由"
        "我单位承担。委托权限如下：",
        size=46,
        textIndent=92,
        lineHeight=1.6,
        marginTop=50,
    )
    p.br()
    checks = []
    for power in POWERS:
        checks.append(
            p.row(
                _check(p, rng.random() < 0.75),
                p.t(power, size=44),
                alignItems="center",
                marginTop=18,
            )
        )
        p.br()
    a, b = data.rand_date(rng), data.rand_date(rng, 2027)
    period = p.row(
        p.t("委托期限：自", size=46),
        _date_hand(p, rng, a),
        p.t("至", size=46),
        _date_hand(p, rng, b),
        p.t("止。", size=46),
        alignItems="center",
        marginTop=40,
        gap=10,
    )
    p.br()
    seal = p.seal(ent.name, 420, rng, position="absolute", left=rng.randint(200, 380), top=-150)
    sig = p.row(
        p.col(
            p.t("委托人（盖章）：", size=46),
            p.row(p.t("法定代表人签字：", size=46), p.hand(rep.name, rng, 56), alignItems="center"),
            seal,
            gap=60,
            position="relative",
        ),
        p.col(p.t("受托人签字：", size=46), p.hand(agent.name, rng, 56)),
        justifyContent="space-between",
        marginTop=150,
    )
    p.br()
    dt = p.row(
        _date_hand(p, rng, data.rand_date(rng)),
        justifyContent="flex-end",
        marginTop=60,
        marginRight=60,
    )
    p.br()
    body = p.col(
        title,
        block1,
        l1,
        l2,
        l3,
        block2,
        l4,
        l5,
        l6,
        l7,
        para,
        *checks,
        period,
        sig,
        dt,
        padding=f"{M + 30}px {M + 40}px",
    )
    return p.finish(body)


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "allowance-application": allowance_application,
    "business-licence": business_licence,
    "change-registration": change_registration,
    "acceptance-notice": acceptance_notice,
    "fund-certificate": fund_certificate,
    "power-of-attorney": power_of_attorney,
}
