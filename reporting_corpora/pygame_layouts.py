"""The `pygame` corpus's layouts, each a function of a seeded Random giving a `Page` whose
runs are added in reading order (top to bottom, a left block before a right one, a table
row left to right): an individual business licence duplicate in two blocks with a QR-like
block and a seal over the date; a copy of both sides of a resident ID card under a light
diagonal overprint with a note by hand; a real-estate registration application with check
boxes and a ruled table of the two parties; an enterprise change registration form with a
before/after table; the first page of a house lease with the parties filled in by hand."""

from __future__ import annotations

import random
from collections.abc import Callable

from reporting_corpora import pygame_data as data
from reporting_corpora.pygame_draw import BLUE, INK, Page

LEFT, RIGHT = 22.0, 188.0  # mm: the print area of the forms


def _person_fields(page: Page, p: data.Person, phone: bool = False) -> None:
    page.field("person_name", p.name)
    page.field("id_number", p.id_number)
    if phone:
        page.field("phone", p.phone)


def _rows(
    page: Page,
    y: float,
    rows: list[tuple[str, str]],
    label_w: float = 38.0,
    h: float = 11.0,
    face: str = "hand",
) -> float:
    """A ruled table of label | value rows (values by hand unless `face`); returns its
    bottom."""
    page.rule(LEFT, y, RIGHT, y, 0.35)
    for label, value in rows:
        page.text(LEFT + 2, y + h / 2 - 2.2, 10.5, label)
        if value:
            page.text(
                LEFT + label_w + 3,
                y + h / 2 - 2.6,
                12,
                value,
                face,
                BLUE if face != "song" else INK,
            )
        y += h
        page.rule(LEFT, y, RIGHT, y, 0.25)
    top = y - h * len(rows)
    page.rule(LEFT, top, LEFT, y, 0.35)
    page.rule(LEFT + label_w, top, LEFT + label_w, y, 0.25)
    page.rule(RIGHT, top, RIGHT, y, 0.35)
    return y


def individual_licence(rng: random.Random) -> Page:
    page = Page("individual_licence")
    ent = data.enterprise(rng, individual=True)
    owner = data.person(rng)
    d = ent.district
    page.text(24, 22, 9.5, "统一社会信用代码")
    page.text(24, 28, 11, ent.credit_code)
    page.field("credit_code", ent.credit_code)
    page.text(105, 34, 40, "营业执照", align="center")
    page.text(105, 54, 14, "（副　本）", align="center")
    page.text(
        105, 63, 9, f"编号：{rng.randint(10, 99)}{rng.randint(10**8, 10**9 - 1)}", align="center"
    )
    page.qr(160, 18, 28, rng)
    page.text(174, 48, 7, "扫描二维码登录“国家企业", align="center")
    page.text(174, 52, 7, "信用信息公示系统”了解更多", align="center")
    page.text(174, 56, 7, "登记、备案、许可、监管信息", align="center")
    # left block
    y = 84.0
    left = [
        ("名　　称", ent.name),
        ("类　　型", "个体工商户"),
        ("经 营 者", owner.name),
        ("组成形式", rng.choice(("个人经营", "家庭经营"))),
    ]
    for label, value in left:
        page.text(24, y, 11, label)
        page.text(48, y, 11, value)
        y += 12
    page.field("enterprise_name", ent.name)
    page.field("person_name", owner.name)
    # right block
    y = 84.0
    opened = f"{rng.randint(2012, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    page.text(112, y, 11, "经营场所")
    y = page.wrap(136, y, 54, 11, ent.address, lead=1.5)
    y += 12 - 11 * 1.5 * 25.4 / 72
    page.text(112, y, 11, "注册日期")
    page.text(136, y, 11, opened)
    y += 12
    page.text(112, y, 11, "经营范围")
    y = page.wrap(
        136,
        y,
        54,
        11,
        ent.trade + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        lead=1.5,
    )
    # issuer and date, seal over the date
    page.text(150, 232, 12, "登记机关", align="center")
    issued = data.date_cn(rng)
    page.text(150, 242, 12, issued, align="center")
    page.seal(150 + rng.uniform(-6, 6), 236 + rng.uniform(-4, 4), 21, f"{d[3]}市场监督管理局", rng)
    page.rule(20, 262, 190, 262, 0.3)
    page.text(105, 266, 7.5, "市场主体应当于每年1月1日至6月30日通过", align="center")
    page.text(105, 270, 7.5, "国家企业信用信息公示系统报送上一年度年度报告。", align="center")
    page.text(105, 276, 7.5, "国家市场监督管理总局监制", align="center")
    page.box(14, 12, 182, 272, 0.8)
    return page


def id_copy(rng: random.Random) -> Page:
    page = Page("id_copy")
    p = data.person(rng)
    d = p.address
    # front: a card 85.6 × 54 mm, copied at 1:1
    x, y = 62.0, 40.0
    page.box(x, y, 85.6, 54, 0.3)
    page.photo(x + 58, y + 8, 24, 30)
    page.text(x + 5, y + 7, 9, "姓名", color=(60, 90, 150))
    page.text(x + 15, y + 6.5, 10.5, p.name)
    page.text(x + 5, y + 14, 9, "性别", color=(60, 90, 150))
    page.text(x + 15, y + 13.5, 10, p.sex)
    page.text(x + 25, y + 14, 9, "民族", color=(60, 90, 150))
    page.text(x + 35, y + 13.5, 10, p.nation)
    page.text(x + 5, y + 21, 9, "出生", color=(60, 90, 150))
    yy, mm, dd = p.born
    page.text(x + 15, y + 20.5, 10, f"{yy}年{mm}月{dd}日")
    page.text(x + 5, y + 28, 9, "住址", color=(60, 90, 150))
    line, ly = "", y + 27.5
    for ch in d:
        if len(line) == 11:
            page.text(x + 15, ly, 10, line)
            line, ly = "", ly + 5
        line += ch
    page.text(x + 15, ly, 10, line)
    page.text(x + 5, y + 46, 9, "公民身份号码", color=(60, 90, 150))
    page.text(x + 28, y + 45.5, 11.5, p.id_number)
    _person_fields(page, p)
    # back
    x, y = 62.0, 112.0
    page.box(x, y, 85.6, 54, 0.3)
    page.text(x + 52, y + 8, 11, "中华人民共和国", align="center")
    page.text(x + 52, y + 15, 17, "居民身份证", align="center")
    start = rng.randint(2010, 2024)
    page.text(x + 8, y + 36, 9, "签发机关", color=(60, 90, 150))
    place = data.DISTRICTS[[q[0] for q in data.DISTRICTS].index(p.id_number[:6])]
    page.text(x + 25, y + 35.5, 10, f"{place[2]}公安局{place[3]}分局")
    page.text(x + 8, y + 43, 9, "有效期限", color=(60, 90, 150))
    page.text(
        x + 25,
        y + 42.5,
        10,
        f"{start}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}-"
        f"{start + 20}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}",
    )
    use = rng.choice(("办理个体工商户登记", "办理不动产登记", "办理社会保障卡", "办理企业变更登记"))
    page.overprint(105, 103, 22, f"仅供{use}使用，他用无效", 28)
    # the holder's note by hand
    page.text(62, 184, 14, "此复印件与原件一致", "hand", BLUE)
    page.text(62, 196, 12, "本人签字：", "hand", BLUE)
    page.text(90, 193, 18, p.name, "sign", BLUE)
    page.text(62, 210, 12, data.date_cn(rng), "hand", BLUE)
    page.text(105, 280, 7.5, "复印件须本人签字确认，复印不得缩放", align="center")
    return page


def realestate_application(rng: random.Random) -> Page:
    page = Page("realestate_application")
    owner, seller = data.person(rng), data.person(rng)
    page.text(105, 18, 20, "不动产登记申请书", align="center")
    page.text(LEFT, 32, 9, f"收件编号：{rng.randint(2026, 2026)}{rng.randint(10**7, 10**8 - 1)}")
    page.text(120, 32, 9, "收件人：")
    page.text(135, 31, 11, data.person(rng).name, "hand", BLUE)
    y = 40.0
    page.rule(LEFT, y, RIGHT, y, 0.35)
    page.text(LEFT + 2, y + 3, 10.5, "申请登记事项")
    x = LEFT + 32
    kind = rng.randrange(4)
    for i, item in enumerate(("土地所有权", "国有建设用地使用权", "房屋所有权", "宅基地使用权")):
        page.check(x, y + 3.6, i == kind)
        x += 8 + page.text(x + 4.5, y + 3, 10, item)
    y += 11
    page.rule(LEFT, y, RIGHT, y, 0.25)
    page.text(LEFT + 2, y + 3, 10.5, "登记类型")
    x = LEFT + 32
    kind = rng.randrange(5)
    for i, item in enumerate(("首次登记", "转移登记", "变更登记", "抵押登记", "更正登记")):
        page.check(x, y + 3.6, i == kind)
        x += 9 + page.text(x + 4.5, y + 3, 10, item)
    y += 11
    page.rule(LEFT, y, RIGHT, y, 0.25)
    page.rule(LEFT, 40, LEFT, y, 0.35)
    page.rule(RIGHT, 40, RIGHT, y, 0.35)
    page.text(LEFT, y + 5, 12, "申请人情况")
    y += 12
    # parties: label | 权利人 | 义务人
    cols = (LEFT, LEFT + 34, LEFT + 34 + 66, RIGHT)
    page.rule(LEFT, y, RIGHT, y, 0.35)
    page.text(cols[1] + 2, y + 3, 10.5, "登记申请人（权利人）")
    page.text(cols[2] + 2, y + 3, 10.5, "登记申请人（义务人）")
    top = y
    y += 10
    for label, a, b in (
        ("姓名（名称）", owner.name, seller.name),
        ("证件种类", "居民身份证", "居民身份证"),
        ("证件号", owner.id_number, seller.id_number),
        ("联系电话", owner.phone, seller.phone),
        ("份额", f"{rng.choice((50, 100))}%", "——"),
    ):
        page.rule(LEFT, y, RIGHT, y, 0.25)
        page.text(LEFT + 2, y + 3, 10, label)
        page.text(cols[1] + 2, y + 2.5, 11 if len(a) > 12 else 12, a, "hand", BLUE)
        page.text(cols[2] + 2, y + 2.5, 11 if len(b) > 12 else 12, b, "hand", BLUE)
        y += 10
    page.rule(LEFT, y, RIGHT, y, 0.35)
    for c in cols:
        page.rule(c, top, c, y, 0.3)
    _person_fields(page, owner, phone=True)
    _person_fields(page, seller, phone=True)
    page.text(LEFT, y + 5, 12, "不动产情况")
    y += 12
    unit = (
        f"{owner.id_number[:6]}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
        f"GB{rng.randint(10**4, 10**5 - 1)}F{rng.randint(10**7, 10**8 - 1)}"
    )
    y = _rows(
        page,
        y,
        [
            ("坐　　落", data.address(rng)),
            ("不动产单元号", unit),
            ("面　　积", f"{rng.randint(48, 188)}.{rng.randint(10, 99)}平方米"),
            ("用　　途", rng.choice(("住宅", "商业", "办公"))),
        ],
    )
    y = page.wrap(
        LEFT,
        y + 6,
        RIGHT - LEFT,
        10,
        "本申请人对填写的上述内容及提交的申请材料的真实性负责。如有不实，申请人愿承担法律责任。",
        indent=7,
    )
    page.text(LEFT, y + 6, 10.5, "申请人（签章）：")
    page.text(LEFT + 32, y + 3, 18, owner.name, "sign", BLUE)
    page.text(110, y + 6, 10.5, "申请人（签章）：")
    page.text(142, y + 3, 18, seller.name, "sign", BLUE)
    page.text(LEFT, y + 18, 12, data.date_cn(rng), "hand", BLUE)
    page.text(105, 284, 7.5, "注：申请登记事项在相应的选项前打“√”。", align="center")
    return page


def change_application(rng: random.Random) -> Page:
    page = Page("change_application")
    ent = data.enterprise(rng)
    old, new = data.person(rng), data.person(rng)
    page.text(105, 18, 20, "企业变更登记申请表", align="center")
    y = _rows(
        page,
        32,
        [("企业名称", ent.name), ("统一社会信用代码", ent.credit_code)],
        label_w=40,
        face="song",
    )
    page.field("enterprise_name", ent.name)
    page.field("credit_code", ent.credit_code)
    page.text(LEFT, y + 5, 12, "变更事项")
    y += 12
    cols = (LEFT, LEFT + 28, LEFT + 28 + 69, RIGHT)
    page.rule(LEFT, y, RIGHT, y, 0.35)
    for c, head in zip(cols[:3], ("事项", "原登记内容", "变更后内容"), strict=True):
        page.text(c + 2, y + 3, 10.5, head)
    top = y
    y += 10
    capital = rng.randint(5, 200) * 10
    rows = [
        ("法定代表人", old.name, new.name),
        ("注册资本", f"{capital}万元", f"{capital + rng.randint(1, 30) * 10}万元"),
        ("住所", data.address(rng, ent.district), data.address(rng, ent.district)),
    ]
    for label, a, b in rows:
        page.rule(LEFT, y, RIGHT, y, 0.25)
        page.text(cols[0] + 2, y + 3, 10, label)
        ya = page.wrap(cols[1] + 2, y + 2.5, 64, 10, a, lead=1.4)
        yb = page.wrap(cols[2] + 2, y + 2.5, 64, 10, b, lead=1.4)
        y = max(ya, yb, y + 10) + 1
    page.rule(LEFT, y, RIGHT, y, 0.35)
    for c in cols:
        page.rule(c, top, c, y, 0.3)
    page.field("person_name", old.name)
    page.field("person_name", new.name)
    page.text(LEFT, y + 5, 12, "备案事项")
    y += 12
    for i, item in enumerate(("董事、监事、经理", "章程修正案", "联络员", "财务负责人")):
        ticked = rng.random() < 0.5
        page.check(LEFT + 2 + (i % 2) * 80, y + 0.6, ticked)
        page.text(LEFT + 7 + (i % 2) * 80, y, 10.5, item)
        if i % 2:
            y += 8
    y = page.wrap(
        LEFT,
        y + 6,
        RIGHT - LEFT,
        10,
        "本企业承诺所提交的文件、证件真实有效，申请登记的内容合法，由此产生的法律责任由本企业承担。",
        indent=7,
    )
    page.text(LEFT, y + 8, 10.5, "法定代表人签字：")
    page.text(LEFT + 34, y + 5, 18, new.name, "sign", BLUE)
    page.text(115, y + 8, 10.5, "企业盖章")
    page.text(115, y + 20, 12, data.date_cn(rng), "hand", BLUE)
    page.seal(130, y + 14, 20, ent.name, rng)
    page.text(LEFT, 280, 7.5, "注：1.本表适用于有限责任公司变更登记；2.变更事项栏可另附页。")
    return page


def lease(rng: random.Random) -> Page:
    page = Page("lease")
    landlord = data.person(rng)
    ent = data.enterprise(rng)
    rep = data.person(rng)
    page.text(105, 20, 22, "房屋租赁合同", align="center")
    page.text(140, 34, 9.5, f"合同编号：ZL{rng.randint(10**6, 10**7 - 1)}")
    y = 44.0
    for label, value, face in (
        ("出租方（甲方）：", landlord.name, "hand"),
        ("身份证号码：", landlord.id_number, "hand"),
        ("联系电话：", landlord.phone, "hand"),
        ("承租方（乙方）：", ent.name, "hand"),
        ("统一社会信用代码：", ent.credit_code, "hand"),
        ("法定代表人：", rep.name, "hand"),
    ):
        w = page.text(LEFT, y, 11, label)
        page.text(LEFT + w + 1, y - 1, 12.5, value, face, BLUE)
        page.rule(LEFT + w, y + 5.4, RIGHT - 40, y + 5.4, 0.2)
        y += 9
    _person_fields(page, landlord, phone=True)
    page.field("enterprise_name", ent.name)
    page.field("credit_code", ent.credit_code)
    page.field("person_name", rep.name)
    area = f"{rng.randint(40, 260)}.{rng.randint(10, 99)}"
    rent = rng.randint(18, 120) * 100
    months = rng.choice((12, 24, 36))
    start = data.date_cn(rng)
    use = rng.choice(("办公", "商业经营", "仓储"))
    clauses = (
        f"第一条　房屋基本情况。甲方将其所有的位于{data.address(rng)}的房屋出租给乙方使用，"
        f"建筑面积{area}平方米，房屋用途为{use}。",
        f"第二条　租赁期限。租赁期共{months}个月，自{start}起计算。租赁期满，甲方有权收回房屋，"
        "乙方需继续承租的，应提前三十日书面提出，双方另行签订合同。",
        f"第三条　租金及支付方式。月租金为人民币{rent}元，按季度支付，"
        "乙方应于每季度首月五日前支付当季租金。",
        "第四条　押金。乙方于签订本合同之日向甲方支付相当于一个月租金的押金，"
        "租赁期满乙方交还房屋且无欠费的，甲方无息退还。",
        "第五条　房屋维修。租赁期内房屋及其附属设施的自然损坏由甲方负责维修；"
        "因乙方使用不当造成损坏的，由乙方负责修复或赔偿。",
    )
    y += 6
    for clause in clauses:
        y = page.wrap(LEFT, y, RIGHT - LEFT, 11, clause, lead=1.7, indent=8) + 2
    page.text(105, 284, 8, "第 1 页　共 3 页", align="center")
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "individual_licence": individual_licence,
    "id_copy": id_copy,
    "realestate_application": realestate_application,
    "change_application": change_application,
    "lease": lease,
}
