"""The `qt` corpus's six layouts of service-hall materials, each a `Page` of operations in
millimetres with its truth written in reading order as it is laid out."""

from __future__ import annotations

import random
from collections.abc import Callable

from reporting_corpora import qt_data as d
from reporting_corpora.qt_draw import CENTER, RED, RIGHT, Page

M = 20.0  # margin, mm
W = 210.0 - 2 * M


def _date(rng: random.Random) -> str:
    y, m, dd = d.day(rng)
    return f"{y}年{m}月{dd}日"


def _title(page: Page, y: float, s: str, size: float = 20) -> float:
    page.text(M, y, W, 12, s, "title", size, CENTER)
    return y + 16


def change_application(rng: random.Random) -> Page:
    """企业变更登记申请书: a ruled table with merged cells and check boxes."""
    page = Page("change_application")
    city = rng.choice(d.CITIES)
    y = _title(page, 22, "企业变更登记申请书")
    name = page.field("enterprise_name", d.enterprise(rng, city))
    code = page.field("credit_code", d.credit_code(rng, city))
    old_rep, new_rep = d.person(rng), page.field("person_name", d.person(rng))
    contact = page.field("person_name", d.person(rng))
    tel = page.field("phone", d.phone(rng))
    cols = [34.0, 30.0, 52.0, 54.0]
    cells = [
        (0, 0, 1, 1, "hei", "企业名称"),
        (0, 1, 1, 3, "kai", name),
        (1, 0, 1, 1, "hei", "统一社会信用代码"),
        (1, 1, 1, 3, "kai", code),
        (2, 0, 4, 1, "hei", "变更事项"),
        (2, 1, 1, 1, "hei", "项目"),
        (2, 2, 1, 1, "hei", "原登记内容"),
        (2, 3, 1, 1, "hei", "申请变更内容"),
        (3, 1, 1, 1, "song", "法定代表人"),
        (3, 2, 1, 1, "kai", old_rep),
        (3, 3, 1, 1, "kai", new_rep),
        (4, 1, 1, 1, "song", "注册资本"),
        (4, 2, 1, 1, "kai", d.money(rng)),
        (4, 3, 1, 1, "kai", d.money(rng)),
        (5, 1, 1, 1, "song", "住所"),
        (5, 2, 1, 1, "kai", d.address(rng, city)),
        (5, 3, 1, 1, "kai", d.address(rng, city)),
        (6, 0, 1, 1, "hei", "备案事项"),
        (6, 1, 1, 3, "song", ""),
        (7, 0, 1, 1, "hei", "联系人"),
        (7, 1, 1, 1, "kai", contact),
        (7, 2, 1, 1, "hei", "联系电话"),
        (7, 3, 1, 1, "kai", tel),
    ]
    rows = [12.0, 12.0, 10.0, 12.0, 12.0, 18.0, 14.0, 12.0]
    # the check boxes of the 备案事项 row, drawn in reading order after its label
    top = y
    ys = [top + sum(rows[:i]) for i in range(len(rows) + 1)]
    h = page.table(M, top, cols, rows, cells[:18])
    x = M + cols[0] + 3
    for item in ("章程修正案", "董事", "监事", "经理"):
        ticked = rng.random() < 0.5
        page.box(x, ys[6] + 5.2, ticked)
        page.text(x + 5, ys[6], 28, rows[6], item, "song", 10.5)
        x += 32
    page.table(M, top, cols, rows, cells[18:])
    y = top + h + 10
    page.text(
        M, y, W, 8, "本企业承诺所提交的文件、证件真实有效，谨此对真实性承担责任。", "song", 11
    )
    y += 16
    page.text(M + 90, y, 30, 8, "法定代表人签字：", "song", 11)
    page.text(M + 122, y, 40, 8, new_rep, "kai", 14)
    page.parts[-2:] = ["法定代表人签字：" + new_rep]
    page.text(M + 90, y + 12, 80, 8, _date(rng), "song", 11)
    return page


def power_of_attorney(rng: random.Random) -> Page:
    """授权委托书: prose with the blanks filled in by hand (QTextDocument)."""
    page = Page("power_of_attorney")
    city = rng.choice(d.CITIES)
    y = _title(page, 30, "授权委托书", 22)
    ent = page.field("enterprise_name", d.enterprise(rng, city))
    agent = page.field("person_name", d.person(rng))
    agent_id = page.field("id_number", d.id_number(rng, city))
    tel = page.field("phone", d.phone(rng))
    y += page.rich(M, y + 6, W, [("song", "委托人："), ("kai", ent)], 13, indent=False) + 10
    y += (
        page.rich(
            M,
            y,
            W,
            [
                ("song", "受托人姓名："),
                ("kai", agent),
                ("song", "，身份证件号码："),
                ("kai", agent_id),
                ("song", "，联系电话："),
                ("kai", tel),
                ("song", "。"),
            ],
            13,
            indent=False,
        )
        + 10
    )
    y += (
        page.rich(
            M,
            y,
            W,
            [
                ("song", "现委托上述受托人代表我单位前往"),
                ("kai", f"{city}市市场监督管理局"),
                ("song", "办理"),
                ("kai", rng.choice(("变更登记", "备案", "注销登记", "设立登记"))),
                (
                    "song",
                    "事宜，受托人在办理上述事项过程中所签署的有关文件，我单位均予以认可，"
                    "并承担相应的法律责任。",
                ),
            ],
            13,
        )
        + 8
    )
    y += (
        page.rich(
            M,
            y,
            W,
            [
                ("song", "委托期限：自"),
                ("kai", _date(rng)),
                ("song", "至"),
                ("kai", "2027年6月30日"),
                ("song", "止。"),
            ],
            13,
        )
        + 30
    )
    page.text(M + 80, y, 90, 9, "委托人（盖章）：", "song", 13)
    date = _date(rng)
    page.text(M + 80, y + 20, 90, 9, date, "song", 13)
    page.seal(M + 120, y + 12, 21, ent, "", rng.uniform(-15, 15))
    return page


def resolution(rng: random.Random) -> Page:
    """股东会决议: numbered items and a signature table."""
    page = Page("resolution")
    city = rng.choice(d.CITIES)
    ent = page.field("enterprise_name", d.enterprise(rng, city))
    y = _title(page, 22, ent, 16)
    y = _title(page, y - 6, "股东会决议", 20)
    holders = [d.person(rng) for _ in range(3)]
    page.field("person_name", holders[0])
    y += (
        page.text(
            M,
            y,
            W,
            8,
            f"会议时间：{_date(rng)}，会议地点：{d.address(rng, city)}。本次会议应到股东三名，"
            "实到股东三名，代表百分之百表决权，会议的召集和表决程序符合公司章程的规定。",
            "song",
            11.5,
            wrap=True,
        )
        + 4
    )
    items = [
        f"同意选举{holders[1]}为公司执行董事，任期三年。",
        f"同意公司注册资本由{d.money(rng)}增加至{d.money(rng)}，新增部分由各股东按原出资比例认缴。",
        f"同意公司住所变更为{d.address(rng, city)}。",
        "同意修改公司章程相应条款，并授权执行董事办理变更登记手续。",
    ]
    for k, s in enumerate(items, 1):
        page.text(M, y, 10, 8, f"{k}.", "song", 11.5)
        y += page.text(M + 8, y, W - 8, 8, s, "song", 11.5, wrap=True) + 3
        page.parts[-2:] = [page.parts[-2] + page.parts[-1]]
    y += 6
    shares = sorted(rng.sample(range(10, 80), 2))
    pcts = [shares[0], shares[1] - shares[0], 100 - shares[1]]
    cells = [
        (0, 0, 1, 1, "hei", "股东名称"),
        (0, 1, 1, 1, "hei", "出资比例"),
        (0, 2, 1, 1, "hei", "签字（盖章）"),
    ]
    for k, (who, pct) in enumerate(zip(holders, pcts, strict=True), 1):
        cells += [
            (k, 0, 1, 1, "song", who),
            (k, 1, 1, 1, "song", f"{pct}%"),
            (k, 2, 1, 1, "kai", who),
        ]
    y += page.table(M, y, [60.0, 50.0, 60.0], [11.0, 14.0, 14.0, 14.0], cells, 11) + 12
    page.text(M, y, W, 8, _date(rng), "song", 11.5, RIGHT)
    return page


def insurance_certificate(rng: random.Random) -> Page:
    """社会保险参保证明: the insured person and a table of months."""
    page = Page("insurance_certificate")
    city = rng.choice(d.CITIES)
    y = _title(page, 22, "社会保险参保缴费证明（个人）", 18)
    name = page.field("person_name", d.person(rng))
    pid = page.field("id_number", d.id_number(rng, city))
    unit = page.field("enterprise_name", d.enterprise(rng, city))
    cells = [
        (0, 0, 1, 1, "hei", "姓名"),
        (0, 1, 1, 1, "kai", name),
        (0, 2, 1, 1, "hei", "公民身份号码"),
        (0, 3, 1, 2, "song", pid),
        (1, 0, 1, 1, "hei", "参保单位"),
        (1, 1, 1, 4, "song", unit),
        (2, 0, 1, 1, "hei", "缴费年月"),
        (2, 1, 1, 1, "hei", "缴费基数"),
        (2, 2, 1, 1, "hei", "养老保险"),
        (2, 3, 1, 1, "hei", "医疗保险"),
        (2, 4, 1, 1, "hei", "失业保险"),
    ]
    base = rng.choice((4462, 5280, 6120, 7350))
    months = rng.randint(6, 12)
    start = rng.randint(1, 12 - months + 1)
    for k in range(months):
        r = 3 + k
        cells += [
            (r, 0, 1, 1, "song", f"2025年{start + k:02d}月"),
            (r, 1, 1, 1, "song", f"{base}.00"),
            (r, 2, 1, 1, "song", f"{base * 0.08:.2f}"),
            (r, 3, 1, 1, "song", f"{base * 0.02:.2f}"),
            (r, 4, 1, 1, "song", f"{base * 0.005:.2f}"),
        ]
    rows = [11.0, 11.0, 10.0] + [8.5] * months
    y += page.table(M, y, [30.0, 30.0, 36.0, 37.0, 37.0], rows, cells, 10.5) + 8
    page.text(M, y, W, 8, "以上信息由社会保险经办机构提供，仅证明参保缴费情况。", "song", 11)
    y += 18
    page.text(M + 90, y, 80, 8, f"{city}市社会保险事业管理中心", "song", 11, RIGHT)
    page.text(M + 90, y + 10, 80, 8, _date(rng), "song", 11, RIGHT)
    page.seal(
        M + 140, y + 6, 20, f"{city}市社会保险事业管理中心", "业务专用章", rng.uniform(-20, 20)
    )
    return page


def business_licence(rng: random.Random) -> Page:
    """营业执照: two columns, a QR-like block, a red seal over the date."""
    page = Page("business_licence")
    city = rng.choice(d.CITIES)
    page.rect(12, 12, 186, 273, 1.2)
    page.rect(15, 15, 180, 267, 0.4)
    code = page.field("credit_code", d.credit_code(rng, city))
    page.text(24, 26, 110, 8, f"统一社会信用代码 {code}", "hei", 10.5)
    page.qr(160, 24, 26, rng)
    page.text(20, 46, 170, 20, "营业执照", "title", 34, CENTER, color=RED)
    name = page.field("enterprise_name", d.enterprise(rng, city))
    rep = page.field("person_name", d.person(rng))
    y = 82.0
    left = [
        ("名称", name),
        ("类型", "有限责任公司（自然人投资或控股）"),
        ("法定代表人", rep),
        (
            "经营范围",
            f"一般项目：{rng.choice(d.TRADES)}的研发、销售；技术服务、技术开发、"
            "技术咨询；货物进出口。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）",
        ),
    ]
    ly = y
    for label, value in left:
        page.text(24, ly, 24, 8, label, "hei", 11)
        h = page.text(50, ly, 56, 8, value, "song", 11, wrap=True)
        ly += h + 5
    right = [
        ("注册资本", d.money(rng)),
        ("成立日期", _date(rng)),
        ("营业期限", "长期"),
        ("住所", d.address(rng, city)),
    ]
    ry = y
    for label, value in right:
        page.text(112, ry, 22, 8, label, "hei", 11)
        h = page.text(136, ry, 52, 8, value, "song", 11, wrap=True)
        ry += h + 5
    by = max(ly, ry, 190) + 20
    page.text(112, by, 30, 8, "登记机关", "hei", 12)
    date = _date(rng)
    page.text(112, by + 14, 70, 8, date, "song", 12, CENTER)
    page.seal(150, by + 12, 19, f"{city}市市场监督管理局", "", rng.uniform(-10, 10))
    page.text(20, 262, 170, 8, "国家企业信用信息公示系统网址：www.gsxt.gov.cn", "song", 9, CENTER)
    return page


def correction_notice(rng: random.Random) -> Page:
    """补正材料一次性告知书: a numbered list of what is missing."""
    page = Page("correction_notice")
    city = rng.choice(d.CITIES)
    y = _title(page, 22, "补正材料一次性告知书", 20)
    page.text(
        M, y, W, 8, f"编号：{city}市监补字〔2026〕第{rng.randint(100, 999)}号", "song", 11, RIGHT
    )
    y += 12
    ent = page.field("enterprise_name", d.enterprise(rng, city))
    page.text(M, y, W, 8, f"{ent}：", "kai", 13)
    y += 12
    y += (
        page.text(
            M,
            y,
            W,
            8,
            f"你单位于{_date(rng)}提交的{rng.choice(('变更登记', '注销登记', '备案'))}申请材料，"
            "经审查，申请材料不齐全或者不符合法定形式，请于十五个工作日内补正以下材料：",
            "song",
            12,
            wrap=True,
        )
        + 6
    )
    wanted = rng.sample(
        [
            "法定代表人签署的变更登记申请书原件",
            "股东会关于变更事项的决议，须由代表三分之二以上表决权的股东签署",
            "修改后的公司章程或者章程修正案",
            "新任法定代表人的任职文件及身份证件复印件",
            "住所使用证明（房屋产权证明复印件及租赁协议）",
            "指定代表或者共同委托代理人的证明及其身份证件复印件",
        ],
        4,
    )
    for k, s in enumerate(wanted, 1):
        y += page.text(M + 6, y, W - 6, 8, f"{k}、{s}；", "song", 12, wrap=True) + 4
    y += 6
    who = page.field("person_name", d.person(rng))
    tel = page.field("phone", d.phone(rng))
    page.text(M, y, W, 8, f"经办人：{who}    联系电话：{tel}", "song", 12)
    y += 26
    page.text(M + 80, y, 90, 8, f"{city}市市场监督管理局", "song", 12, RIGHT)
    page.text(M + 80, y + 12, 90, 8, _date(rng), "song", 12, RIGHT)
    page.seal(M + 140, y + 8, 20, f"{city}市市场监督管理局", "登记专用章", rng.uniform(-20, 20))
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "change_application": change_application,
    "power_of_attorney": power_of_attorney,
    "resolution": resolution,
    "insurance_certificate": insurance_certificate,
    "business_licence": business_licence,
    "correction_notice": correction_notice,
}
