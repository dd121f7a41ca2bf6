"""Layouts of the `wand` corpus: service-hall documents of mainland residents and their
enterprises, in simplified characters. Each writes its runs in reading order (top to
bottom, the left column before the right, table rows left to right); seals and QR-like
blocks are not text."""

from __future__ import annotations

import random

from reporting_corpora.wand_data import DISTRICTS, Enterprise, Person, date
from reporting_corpora.wand_draw import Page

Ymd = tuple[int, int, int]


def _ymd(d: Ymd) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


def _office(area: str, what: str) -> str:
    """`兰州市城关区` + `what` from a district's full name."""
    full = DISTRICTS[area]
    return full.split("省")[-1].split("自治区")[-1] + what


def business_licence(rng: random.Random) -> Page:
    """营业执照 (duplicate): two columns, QR-like block, seal over the issuing date."""
    p = Page("business_licence")
    e, boss = Enterprise(rng), Person(rng)
    p.rect(12, 12, 186, 273, 0.8)
    p.rect(14.5, 14.5, 181, 268, 0.3)
    p.text(105, 44, "营业执照", "title", 32, align="center")
    p.text(105, 56, "（副本）", "display", 13, align="center")
    p.text(24, 72, "统一社会信用代码", "label", 10)
    p.text(24, 79, e.code, "latin", 12)
    p.field("credit_code", e.code)
    p.text(150, 72, f"副本编号：1-{rng.randint(1, 3)}", "print", 9)
    p.qr(158, 78, 26, rng.randrange(1 << 30))
    left = [("名称", e.name), ("类型", e.kind), ("法定代表人", boss.name)]
    established = date(rng)
    right = [
        ("注册资本", f"人民币{e.capital}万元整"),
        ("成立日期", _ymd(established)),
        ("营业期限", f"{_ymd(established)}至长期"),
        ("住所", e.address),
    ]
    y = 118.0
    for label, value in left:
        p.text(24, y, label, "label", 10.5)
        y = p.wrap(50, y, 56, value, "print", 10.5) + 5
    p.text(24, y, "经营范围", "label", 10.5)
    p.wrap(
        50, y, 56, f"一般项目：{e.scope}（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
    )
    y = 118.0
    for label, value in right:
        p.text(114, y, label, "label", 10.5)
        y = p.wrap(138, y, 50, value, "print", 10.5) + 5
    p.field("enterprise_name", e.name)
    p.field("person_name", boss.name)
    issued = date(rng, 2026)
    p.text(150, 238, "登记机关", "label", 11, align="center")
    p.text(150, 252, _ymd(issued), "print", 11, align="center")
    p.seal(150, 242, 19, _office(e.area, "市场监督管理局"))
    p.text(105, 268, "国家企业信用信息公示系统网址：", "label", 7.5, align="center")
    p.text(105, 273, "http://www.gsxt.gov.cn", "formno", 7.5, align="center")
    p.text(
        105,
        278,
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
        "label",
        7,
        align="center",
    )
    return p


def power_of_attorney(rng: random.Random) -> Page:
    """授权委托书: a table of the two people, items with check boxes, a signature."""
    p = Page("power_of_attorney")
    e, giver, agent = Enterprise(rng), Person(rng), Person(rng)
    p.text(105, 36, "授权委托书", "title", 24, align="center")
    rows = [
        ("委托人", giver.name, "hand"),
        ("身份证件号码", giver.id_number, "latin"),
        ("联系电话", giver.phone, "latin"),
        ("受托人", agent.name, "hand"),
        ("身份证件号码", agent.id_number, "latin"),
        ("联系电话", agent.phone, "latin"),
    ]
    y = 58.0
    p.grid(22, y - 7, [40, 126], [10.0] * len(rows))
    for label, value, face in rows:
        p.text(26, y, label, "label", 10.5)
        p.text(66, y, value, face, 12.5 if face == "hand" else 12)
        y += 10
    for person in (giver, agent):
        p.field("person_name", person.name)
        p.field("id_number", person.id_number)
        p.field("phone", person.phone)
    y += 8
    p.runs(
        22, y, [("print", "现委托受托人代表本人办理"), ("hand", e.name), ("print", "的设立登记，")]
    )
    y = p.wrap(22, y + 7.5, 166, "委托事项及权限如下（请在选项前的方框内打勾）：")
    p.field("enterprise_name", e.name)
    y += 2
    for i, label in enumerate(
        (
            "同意 不同意 核对登记材料中的复印件并签署核对意见",
            "同意 不同意 修改企业自备文件的错误",
            "同意 不同意 修改有关表格的填写错误",
            "同意 不同意 领取营业执照和有关文书",
        )
    ):
        yes = rng.random() < 0.8
        x = 22.0
        p.text(x, y, f"{i + 1}.", "print", 10.5)
        x += 6
        for j, word in enumerate(label.split(" ", 2)):
            if j < 2:
                p.box(x, y, yes == (j == 0))
                x += 4.5
            x += p.text(x, y, word, "print", 10.5) + 4
        y += 9
    d = date(rng, 2026)
    y = p.wrap(22, y + 4, 166, f"委托有效期限：自{_ymd(d)}至{_ymd((d[0], 12, 31))}")
    p.wrap(
        22,
        y + 2,
        166,
        "受托人应当核对申请材料的真实性，委托人对受托人在委托权限内办理的事项承担法律责任。",
        "label",
        8.5,
    )
    p.text(110, y + 28, "委托人签字：", "print", 10.5)
    p.text(136, y + 28, giver.name, "sign", 18)
    p.text(110, y + 42, "受托人签字：", "print", 10.5)
    p.text(136, y + 42, agent.name, "sign", 18)
    p.text(136, y + 56, _ymd(d), "hand", 12)
    return p


def establishment_form(rng: random.Random) -> Page:
    """公司设立登记申请表: a ruled table with check boxes and a table of shareholders."""
    p = Page("establishment_form")
    e, boss = Enterprise(rng), Person(rng)
    holders = [boss] + [Person(rng) for _ in range(rng.randint(0, 3))]
    p.text(22, 20, "附表1", "print", 9)
    p.text(105, 32, "公司设立登记申请表", "title", 20, align="center")
    x0, lw, vw, rh = 20.0, 36.0, 134.0, 11.0
    rows: list[tuple[str, str, str]] = [
        ("名称", e.name, "hand"),
        ("住所", e.address, "hand"),
        ("法定代表人", boss.name, "hand"),
        ("注册资本", f"{e.capital}万元", "hand"),
        ("联系电话", boss.phone, "latin"),
    ]
    y = 44.0
    p.grid(x0, y, [lw, vw], [rh] * (len(rows) + 2) + [22.0])
    for label, value, face in rows:
        p.text(x0 + 3, y + 7.5, label, "label", 10)
        p.text(x0 + lw + 3, y + 7.5, value, face, 11 if len(value) < 30 else 9.5)
        y += rh
    p.field("enterprise_name", e.name)
    p.field("person_name", boss.name)
    p.field("phone", boss.phone)
    for label, options in (
        ("公司类型", ("一人有限责任公司", "有限责任公司", "股份有限公司")),
        ("设立方式", ("发起设立", "募集设立", "新设合并")),
    ):
        p.text(x0 + 3, y + 7.5, label, "label", 10)
        chosen = 0 if len(holders) == 1 or label == "设立方式" else 1
        x = x0 + lw + 3
        for k, option in enumerate(options):
            p.box(x, y + 7.5, k == chosen)
            x += 4.5 + p.text(x + 4.5, y + 7.5, option, "print", 10) + 6
        y += rh
    p.text(x0 + 3, y + 7.5, "经营范围", "label", 10)
    p.wrap(x0 + lw + 3, y + 7.5, vw - 6, e.scope, "print", 10, 1.5)
    y += 22 + 10
    p.text(x0, y, "股东（发起人）出资情况", "label", 11)
    y += 4
    cols = [32.0, 58.0, 30.0, 25.0, 25.0]
    p.grid(x0, y, cols, [10.0] * (len(holders) + 1))
    heads = ("股东名称或姓名", "证件号码", "认缴出资额（万元）", "出资方式", "出资比例")
    x = x0
    for head, w in zip(heads, cols, strict=True):
        p.text(x + w / 2, y + 6.5, head, "label", 8.5 if len(head) > 6 else 9.5, align="center")
        x += w
    shares = [rng.randint(10, 60) for _ in holders]
    total = sum(shares)
    amounts = [round(e.capital * s / total, 1) for s in shares]
    for h, amount in zip(holders, amounts, strict=True):
        y += 10
        cells = (
            (h.name, "hand"),
            (h.id_number, "latin"),
            (f"{amount:g}", "hand"),
            (rng.choice(("货币", "货币", "实物")), "hand"),
            (f"{amount / e.capital * 100:.1f}%", "hand"),
        )
        x = x0
        for (text, face), w in zip(cells, cols, strict=True):
            p.text(x + w / 2, y + 7, text, face, 10.5 if face == "latin" else 11.5, align="center")
            x += w
        p.field("person_name", h.name)
        p.field("id_number", h.id_number)
    y += 22
    y = p.wrap(
        x0,
        y,
        170,
        "本公司依照《中华人民共和国公司法》《中华人民共和国市场主体登记管理条例》申请设立登记，"
        "提交材料真实有效。通过联络员登录信息系统向登记机关提交的信息为本公司提交的信息。",
        "print",
        10,
    )
    p.text(110, y + 12, "法定代表人签字：", "print", 10.5)
    p.text(143, y + 12, boss.name, "sign", 18)
    p.text(143, y + 26, _ymd(date(rng, 2026)), "hand", 12)
    return p


def id_card_copy(rng: random.Random) -> Page:
    """身份证复印件: the card's two sides, a note by hand across them, a signature."""
    p = Page("id_card_copy")
    who = Person(rng)
    e = Enterprise(rng)
    p.text(105, 30, "居民身份证复印件", "label", 14, align="center")
    p.text(105, 38, "（正反面复印在同一页）", "print", 9, align="center")
    cw, ch = 85.6 * 1.25, 54.0 * 1.25
    x0, y0 = 105 - cw / 2, 52.0
    p.card(x0, y0, cw, ch)
    p.shade(x0 + cw - 36, y0 + 10, 28, 36, rng.randint(205, 230))
    p.text(x0 + 8, y0 + 12, "姓名", "label", 8.5)
    p.text(x0 + 22, y0 + 12, who.name, "print", 12)
    p.text(x0 + 8, y0 + 21, "性别", "label", 8.5)
    p.text(x0 + 22, y0 + 21, who.sex, "print", 11)
    p.text(x0 + 36, y0 + 21, "民族", "label", 8.5)
    p.text(x0 + 50, y0 + 21, who.ethnic, "print", 11)
    b = who.birth
    p.text(x0 + 8, y0 + 30, "出生", "label", 8.5)
    p.text(x0 + 22, y0 + 30, f"{b[0]} 年 {b[1]} 月 {b[2]} 日", "print", 11)
    p.text(x0 + 8, y0 + 39, "住址", "label", 8.5)
    p.wrap(x0 + 22, y0 + 39, 48, who.address, "print", 10.5, 1.45)
    p.text(x0 + 8, y0 + ch - 8, "公民身份号码", "label", 8.5)
    p.text(x0 + 34, y0 + ch - 8, who.id_number, "latin", 13.5)
    p.field("person_name", who.name)
    p.field("id_number", who.id_number)
    y1 = y0 + ch + 18
    p.card(x0, y1, cw, ch)
    p.text(x0 + cw / 2 + 8, y1 + 20, "中华人民共和国", "title", 15, align="center")
    p.text(x0 + cw / 2 + 8, y1 + 33, "居民身份证", "title", 20, align="center")
    issued = date(rng, rng.randint(2012, 2024))
    until = (issued[0] + 20, issued[1], issued[2])
    p.text(x0 + 14, y1 + ch - 17, "签发机关", "label", 8.5)
    p.text(x0 + 34, y1 + ch - 17, _office(who.area, "公安分局"), "print", 10.5)
    p.text(x0 + 14, y1 + ch - 8, "有效期限", "label", 8.5)
    span = "{}.{:02d}.{:02d}-{}.{:02d}.{:02d}".format(*issued, *until)
    p.text(x0 + 34, y1 + ch - 8, span, "latin", 10.5)
    y = y1 + ch + 24
    p.runs(
        30,
        y,
        [("hand", "此复印件仅供办理"), ("hand", e.name), ("hand", "设立登记使用")],
        16,
    )
    p.text(30, y + 12, "再次复印无效", "hand", 16)
    p.field("enterprise_name", e.name)
    p.text(112, y + 30, "本人签字：", "print", 10.5)
    p.text(133, y + 30, who.name, "sign", 20)
    p.text(133, y + 43, _ymd(date(rng, 2026)), "hand", 12)
    return p


_MISSING = (
    "全体股东签署的公司章程（原件）",
    "法定代表人、执行董事、监事的任职文件",
    "住所使用证明：房屋租赁合同及产权证明复印件",
    "股东身份证件复印件（需本人签字确认）",
    "经办人身份证件及授权委托书",
    "名称自主申报告知书",
    "申请表第二页缺少法定代表人签字",
    "经营范围涉及前置审批的，提交许可文件",
)


def correction_notice(rng: random.Random) -> Page:
    """一次性告知书: a numbered list of what is missing, a seal over the date, a receipt."""
    p = Page("correction_notice")
    who, e, clerk = Person(rng), Enterprise(rng), Person(rng)
    hall = _office(e.area, "政务服务中心")
    p.text(105, 26, hall, "display", 14, align="center")
    p.text(105, 40, "一次性告知书", "title", 22, align="center")
    year = 2026
    p.text(188, 50, f"城审告字〔{year}〕第{rng.randint(100, 9999)}号", "print", 10, align="right")
    p.text(22, 62, f"{who.name}：", "print", 11)
    got = date(rng, year)
    y = p.wrap(
        30,
        71,
        158,
        f"您于{_ymd(got)}申请办理{e.name}设立登记，经审查，申请材料不齐全或不符合法定形式。"
        "根据《中华人民共和国行政许可法》第三十二条的规定，请补正以下材料：",
        "print",
        11,
        1.8,
    )
    p.field("person_name", who.name)
    p.field("enterprise_name", e.name)
    items = rng.sample(_MISSING, rng.randint(3, 6))
    y += 3
    for i, item in enumerate(items):
        p.text(30, y, f"{i + 1}.", "print", 11)
        y = p.wrap(37, y, 150, item, "print", 11, 1.8) + 1.5
    y += 4
    y = p.wrap(
        30,
        y,
        158,
        "请于收到本告知书之日起三十日内补齐上述材料，逾期未补正的，视为放弃申请。",
        "print",
        11,
        1.8,
    )
    tel = f"0{rng.randint(451, 951)}-{rng.randint(2000000, 8999999)}"
    p.text(30, y + 4, f"咨询电话：{tel}", "print", 11)
    p.text(30, y + 13, f"受理窗口：{rng.randint(1, 36)}号窗口", "print", 11)
    p.text(30, y + 22, "经办人：", "print", 11)
    p.text(48, y + 22, clerk.name, "sign", 17)
    out = date(rng, year)
    p.text(150, y + 36, hall, "print", 11, align="center")
    p.text(150, y + 45, _ymd(out), "print", 11, align="center")
    p.seal(150, y + 38, 20, _office(e.area, "行政审批局"))
    y += 62
    p.line(22, y, 188, y, 0.2)
    p.text(22, y + 10, "申请人签收：", "print", 11)
    p.text(47, y + 10, who.name, "sign", 18)
    p.text(110, y + 10, "签收日期：", "print", 11)
    p.text(130, y + 10, _ymd(out), "hand", 12)
    p.text(
        105,
        285,
        "本告知书一式两份，申请人与受理窗口各执一份。",
        "label",
        8,
        align="center",
    )
    return p


def shareholders_resolution(rng: random.Random) -> Page:
    """股东会决议: numbered resolutions and a table of the shareholders' signatures."""
    p = Page("shareholders_resolution")
    e = Enterprise(rng)
    holders = [Person(rng) for _ in range(rng.randint(2, 4))]
    boss, supervisor = holders[0], holders[-1]
    p.text(105, 34, e.name, "title", 16, align="center")
    p.text(105, 46, "股东会决议", "title", 22, align="center")
    p.field("enterprise_name", e.name)
    held = date(rng, 2026)
    y = p.wrap(
        22,
        64,
        166,
        f"会议时间：{_ymd(held)}　会议地点：{e.address}　"
        f"会议性质：首次股东会　出席人数：应到{len(holders)}人，实到{len(holders)}人",
        "print",
        11,
        1.8,
    )
    y = p.wrap(
        22,
        y + 2,
        166,
        "本次会议由全体股东出席，符合《中华人民共和国公司法》及公司章程的规定，"
        "经代表全部表决权的股东一致通过，作出决议如下：",
        "print",
        11,
        1.8,
    )
    resolutions = [
        f"同意设立{e.name}，注册资本{e.capital}万元，由全体股东按认缴额出资；",
        f"选举{boss.name}为公司执行董事，任期三年，担任公司法定代表人；",
        f"选举{supervisor.name}为公司监事，任期三年；",
        "通过公司章程，章程自全体股东签字之日起生效；",
        f"委托{boss.name}办理公司设立登记的有关事宜。",
    ]
    numbers = "一二三四五"
    y += 3
    for n, text in zip(numbers, resolutions, strict=False):
        p.text(22, y, f"{n}、", "print", 11)
        y = p.wrap(31, y, 157, text, "print", 11, 1.8) + 1.5
    for h in holders:
        p.field("person_name", h.name)
    y += 8
    p.text(22, y, "全体股东签字（盖章）：", "label", 11)
    y += 5
    cols = [50.0, 58.0, 58.0]
    p.grid(22, y, cols, [11.0] + [15.0] * len(holders))
    for head, x in zip(("股东", "认缴出资额（万元）", "签字"), (47, 101, 159), strict=True):
        p.text(x, y + 7.5, head, "label", 10, align="center")
    y += 11
    for h in holders:
        share = round(e.capital / len(holders), 1)
        p.text(47, y + 10, h.name, "print", 11, align="center")
        p.text(101, y + 10, f"{share:g}", "latin", 11, align="center")
        p.text(159, y + 10.5, h.name, "sign", 18, align="center")
        y += 15
    p.text(188, y + 16, _ymd(held), "print", 11, align="right")
    p.seal(165, y + 12, 19, e.name)
    return p


LAYOUTS = {
    "business_licence": business_licence,
    "power_of_attorney": power_of_attorney,
    "establishment_form": establishment_form,
    "id_card_copy": id_card_copy,
    "correction_notice": correction_notice,
    "shareholders_resolution": shareholders_resolution,
}
