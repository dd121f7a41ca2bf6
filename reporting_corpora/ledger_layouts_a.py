"""`ledger` layouts, first half: real-estate registration application and approval form,
social insurance contribution certificate, individual business licence (original, with
QR block and seal), power of attorney (signatures, thumbprint). Each draws one A4 page
and writes its truth in reading order as it draws."""

from __future__ import annotations

from reporting_corpora import ledger_data as d
from reporting_corpora.ledger_draw import KAI, KAI_BOLD, MING, MONO, SANS, Page

NOTE = 8.5  # small print, points


def notes(
    p: Page, top: float, head: str, items: list[str], x: float = 20, width: float = 170
) -> float:
    """A heading and numbered items, `1．` as printed forms number them."""
    h = p.para(x, top, width, head, SANS, NOTE + 0.5)
    for k, item in enumerate(items, 1):
        h += p.para(x + 2, top + h + 0.6, width - 2, f"{k}．{item}", MING, NOTE, NOTE * 1.45)
    return h


def realty_application(p: Page) -> None:
    rng = p.rng
    owner, agent = d.make_person(rng), d.make_person(rng)
    seller = d.make_enterprise(rng)
    place = d.county(rng)
    received = d.some_date(rng)
    area = f"{rng.randint(55, 160)}.{rng.randint(10, 99)}"
    p.text(105, 24, "不动产登记申请审批表", SANS, 19, "center", spacing=2)
    p.text(20, 34, f"收件编号：{received[0]}{rng.randint(10**8, 10**9 - 1)}", MING, 9.5)
    p.text(190, 34, f"收件日期：{d.date_zh(received)}", MING, 9.5, "right")
    p.text(190, 39.5, "面积单位：平方米", MING, 9, "right")
    unit = (
        f"{place[0]} {rng.randint(1, 999):03d}{rng.randint(1, 999):03d} "
        f"GB{rng.randint(10000, 99999)} F{rng.randint(10**7, 10**8 - 1)}"
    )
    contract = f"{received[0]}-{rng.randint(100000, 999999)}"
    sign = d.date_zh((received[0], received[1], received[2]))
    rows: list[list[str | tuple[str, str]]] = [
        ["申请登记事项", ("v", "国有建设用地使用权及房屋所有权转移登记"), "", ""],
        ["权利人姓名", ("v", owner.name), "证件种类", ("v", "居民身份证")],
        ["证件号码", ("v", owner.id_number), "联系电话", ("v", owner.phone)],
        ["通讯地址", ("v", owner.address), "", ""],
        ["义务人名称", ("v", seller.name), "统一社会信用代码", ("v", seller.credit_code)],
        ["代理人姓名", ("v", agent.name), "联系电话", ("v", agent.phone)],
        ["坐落", ("v", d.address(rng, place)), "", ""],
        ["不动产单元号", ("p", unit), "", ""],
        ["权利类型", ("p", "国有建设用地使用权／房屋所有权"), "用途", ("p", "城镇住宅用地／住宅")],
        ["建筑面积", ("p", area), "房屋结构", ("p", rng.choice(("钢筋混凝土结构", "混合结构")))],
        ["登记原因及证明", ("p", f"买卖；《存量房买卖合同》（合同编号：{contract}）"), "", ""],
        ["申请人签章", ("v", f"{owner.name}　{sign}"), "", ""],
    ]  # fmt: skip
    spans = [((1, r), (3, r)) for r in (0, 3, 6, 7, 10, 11)]
    h = p.table(20, 44, rows, [30, 58, 30, 56], 10, spans=spans, shade_labels=True)
    for name, value in (
        ("person_name", owner.name), ("id_number", owner.id_number), ("phone", owner.phone),
        ("enterprise_name", seller.name), ("credit_code", seller.credit_code),
        ("person_name", agent.name), ("phone", agent.phone),
    ):  # fmt: skip
        p.field(name, value)
    top = 44 + h
    review: list[list[str | tuple[str, str]]] = [
        ["初审意见", ("p", "申请材料齐全，符合法定形式，权属清楚，建议予以登记。")],
        ["复审意见", ("p", "同意初审意见，准予登记。")],
    ]
    h2 = p.table(20, top, review, [30, 144], 10, heights=[22, 22], shade_labels=True)
    clerk = d.person_name(rng)
    p.text(120, top + h2 - 4, f"审核人：{clerk}", KAI, 10.5)
    p.text(190, top + h2 - 4, d.date_zh(d.some_date(rng)), KAI, 10.5, "right")
    p.seal(150, top + h2 - 12, f"{place[2]}{place[3]}不动产登记中心", "登记专用章", r=19)
    notes(
        p,
        top + h2 + 8,
        "填表说明：",
        [
            "本表由申请人如实填写，申请人为多人的，应当逐一填写并签章；",
            "证件种类填写居民身份证、护照、营业执照等，证件号码应与证件一致；",
            "坐落填写不动产所在的行政区划、道路、门牌号及幢、层、室号；",
            "委托他人申请的，应当提交授权委托书及代理人身份证明。",
        ],
    )


def insurance_proof(p: Page) -> None:
    rng = p.rng
    who, employer = d.make_person(rng), d.make_enterprise(rng)
    city = d.county(rng)[2]
    printed = d.some_date(rng)
    p.text(105, 24, "社会保险参保缴费证明", SANS, 18, "center", spacing=1.5)
    p.text(105, 32, "（个人）", SANS, 11, "center")
    p.text(20, 41, f"证明编号：SB{printed[0]}{rng.randint(10**9, 10**10 - 1)}", MING, 9.5)
    p.text(190, 41, f"打印日期：{d.date_zh(printed)}", MING, 9.5, "right")
    first = (rng.randint(2008, 2020), rng.randint(1, 12))
    since = f"{first[0]}年{first[1]}月"
    info: list[list[str | tuple[str, str]]] = [
        ["姓名", ("p", who.name), "性别", ("p", who.sex)],
        ["公民身份号码", ("p", who.id_number), "参保状态", ("p", "正常参保")],
        ["参保单位", ("p", employer.name), "", ""],
        ["统一社会信用代码", ("p", employer.credit_code), "首次参保年月", ("p", since)],
    ]  # fmt: skip
    h = p.table(20, 45, info, [32, 62, 30, 50], 10, spans=[((1, 2), (3, 2))], shade_labels=True)
    for name, value in (
        ("person_name", who.name), ("id_number", who.id_number),
        ("enterprise_name", employer.name), ("credit_code", employer.credit_code),
    ):  # fmt: skip
        p.field(name, value)
    base = rng.randint(45, 140) * 100
    months = rng.randint(6, 9)
    year, month = printed[0], printed[1]
    rows: list[list[str | tuple[str, str]]] = [
        ["缴费年月", "险种", "缴费基数", "单位缴纳", "个人缴纳", "状态"]
    ]
    total_unit = total_own = 0.0
    for k in range(months):
        m = (month - 2 - k) % 12 + 1
        y = year - (1 if month - 2 - k < 0 else 0)
        unit, own = base * 0.14, base * 0.08
        total_unit, total_own = total_unit + unit, total_own + own
        rows.append(
            [("p", f"{y}{m:02d}"), ("p", "职工基本养老保险"), ("p", d.money(base)),
             ("p", d.money(unit)), ("p", d.money(own)), ("p", "已到账")]
        )  # fmt: skip
    rows.append(["合计", "", "", ("p", d.money(total_unit)), ("p", d.money(total_own)), ""])
    top = 45 + h + 6
    p.text(20, top, f"缴费明细（共{months}个月）：", SANS, 10.5)
    h = p.table(
        20, top + 3, rows, [26, 44, 28, 28, 28, 20], 9.5, spans=[((0, months + 1), (2, months + 1))]
    )
    top += 3 + h + 6
    office = f"{city}社会保险事业管理中心"
    notes(
        p,
        top,
        "说明：",
        [
            "本证明所列缴费记录以打印之日业务系统记载为准，补缴记录以实际到账为准；",
            "单位缴纳比例为16%，其中划入统筹基金14%，个人缴纳比例为8%；",
            f"可通过{city}人力资源和社会保障网上服务平台输入验证码"
            f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}核验本证明真伪；",
            "本证明涂改无效。",
        ],
    )
    p.text(188, 262, office, MING, 11, "right")
    p.text(188, 270, d.date_zh(printed), MING, 11, "right")
    p.seal(160, 262, office, "业务专用章", r=20)


def sole_trader_license(p: Page) -> None:
    rng = p.rng
    shop, owner = d.make_enterprise(rng, shop=True), d.make_person(rng)
    registered = (rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28))
    issued = d.some_date(rng)
    c = p.c
    c.setStrokeColorRGB(0.62, 0.45, 0.2)
    p.box(10, 10, 190, 277, 2.4)
    p.box(13, 13, 184, 271, 0.7)
    c.setStrokeColorRGB(0, 0, 0)
    # top row: code block (left), title (centre), QR caption (right), read in that order
    p.text(20, 30, "统一社会信用代码", SANS, 10)
    p.text(20, 37, shop.credit_code, MING, 11.5)
    p.field("credit_code", shop.credit_code)
    p.text(105, 44, "营业执照", SANS, 32, "center", spacing=8)
    p.text(105, 56, "（正本）", SANS, 12, "center")
    p.qr(160, 22, 26, f"https://www.gsxt.gov.cn/{shop.credit_code}")
    p.para(
        152,
        50,
        42,
        "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。",
        MING,
        7.5,
        10.5,
    )
    # the registration items: a left block, then a right block
    left = [
        ("名称", shop.name),
        ("类型", shop.kind),
        ("经营者", owner.name),
        ("组成形式", "个人经营"),
    ]
    right = [("注册日期", d.date_zh(registered, pad=True)), ("经营场所", shop.address)]
    top = 78.0
    for label, value in left:
        p.text(24, top, label, SANS, 11, spacing=3 if len(label) == 2 else 0)
        top += max(p.para(48, top - 3.9, 56, value, MING, 11, 15), 6) + 5
    top = 78.0
    for label, value in right:
        p.text(112, top, label, SANS, 11)
        top += max(p.para(134, top - 3.9, 58, value, MING, 11, 15), 6) + 5
    p.field("enterprise_name", shop.name)
    p.field("person_name", owner.name)
    p.text(24, 132, "经营范围", SANS, 11)
    p.para(
        48,
        127.8,
        140,
        f"{shop.scope}。（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        MING,
        11,
        16,
    )
    authority = f"{shop.district}市场监督管理局"
    p.text(112, 218, "登记机关", SANS, 12, spacing=3)
    p.text(182, 232, d.date_zh(issued, pad=True), MING, 12, "right")
    p.seal(160, 222, authority, "", r=21)
    p.para(
        20, 252, 170,
        "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", MING, 8.5, 12,
    )  # fmt: skip
    p.para(
        20,
        258,
        170,
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
        MING,
        8.5,
        12,
    )
    p.text(105, 276, "国家市场监督管理总局监制", SANS, 8, "center")


def power_of_attorney(p: Page) -> None:
    rng = p.rng
    firm, boss, agent = d.make_enterprise(rng), d.make_person(rng), d.make_person(rng)
    start = d.some_date(rng)
    end = (start[0], 12, 31)
    p.text(105, 26, "授权委托书", SANS, 20, "center", spacing=4)
    top = 42.0
    for label, value, field in (
        ("委托人（单位）：", firm.name, "enterprise_name"),
        ("统一社会信用代码：", firm.credit_code, "credit_code"),
        ("法定代表人：", boss.name, "person_name"),
        ("住所：", firm.address, ""),
    ):
        w = p.text(20, top, label, SANS, 11)
        p.text(20 + w + 1, top, value, MING, 11)
        if field:
            p.field(field, value)
        top += 8
    top += 2
    for label, value, field in (
        ("受托人：", agent.name, "person_name"),
        ("性别：", agent.sex, ""),
        ("公民身份号码：", agent.id_number, "id_number"),
        ("联系电话：", agent.phone, "phone"),
    ):
        w = p.text(20, top, label, SANS, 11)
        p.text(20 + w + 1, top, value, KAI if field == "person_name" else MONO, 11.5)
        if field:
            p.field(field, value)
        top += 8
    task = rng.choice(
        ("个体工商户变更登记", "食品经营许可证申领", "不动产抵押登记", "营业执照遗失补领")
    )
    top += 2
    top += p.para(
        20,
        top,
        170,
        f"现委托上述受托人代表我单位前往政务服务中心办理{task}相关事宜，具体委托事项如下：",
        MING,
        11,
        indent=2,
    )
    for k, item in enumerate(
        (
            "代为提交、签收申请材料，核对并修改材料中的文字错误；",
            "代为填写有关表格，领取受理通知书、补正材料告知书等文书；",
            "代为领取办理结果（证照及批准文件）。",
        ),
        1,
    ):
        top += p.para(26, top + 1, 164, f"{k}．{item}", MING, 11)
    top += 3
    top += p.para(
        20, top, 170,
        f"委托期限：自{d.date_zh(start)}至{d.date_zh(end)}止。受托人在上述期限及权限内签署的文件，我单位均予以承认，由此产生的法律后果由我单位承担。",
        MING, 11, indent=2,
    )  # fmt: skip
    top += 14
    # signatures: the principal's block (left), then the agent's block (right)
    p.text(20, top, "委托人（盖章）：", SANS, 11)
    p.text(20, top + 12, "法定代表人（签字）：", SANS, 11)
    p.text(62, top + 12, boss.name, KAI_BOLD, 15)
    p.text(20, top + 24, d.date_zh(start), KAI, 11)
    p.seal(48, top + 6, firm.name, "", r=19)
    p.text(112, top, "受托人（签字）：", SANS, 11)
    p.text(146, top, agent.name, KAI_BOLD, 15)
    p.box(150, top + 5, 22, 22, 0.5)
    p.fingerprint(161, top + 16)
    p.text(112, top + 17, "（按指印）", SANS, 9)
    p.text(112, top + 34, d.date_zh(start), KAI, 11)
    p.rule(20, 262, 190, 0.4)
    p.para(
        20,
        265,
        170,
        "附：1．受托人居民身份证复印件；2．委托单位营业执照复印件（加盖公章）。",
        MING,
        NOTE,
        12,
    )
