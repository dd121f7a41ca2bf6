"""`ledger` layouts, second half: first page of a house lease (parties side by side),
certificate of no criminal record, birth medical certificate, employer's income
certificate on letterhead. Each draws one A4 page and writes its truth in reading order
as it draws."""

from __future__ import annotations

from reportlab.lib import colors

from reporting_corpora import ledger_data as d
from reporting_corpora.ledger_draw import KAI, KAI_BOLD, MING, MONO, SANS, Page
from reporting_corpora.ledger_layouts_a import NOTE, notes


def lease_first_page(p: Page) -> None:
    rng = p.rng
    landlord = d.make_person(rng)
    tenant_firm = rng.random() < 0.5
    firm, tenant = d.make_enterprise(rng), d.make_person(rng)
    place = d.county(rng)
    start = (2026 + (rng.random() < 0.3), rng.randint(1, 12), 1)
    months = rng.choice((12, 24, 36))
    end_year, end_month = start[0] + (start[1] - 1 + months) // 12, (start[1] - 1 + months) % 12
    end = (end_year - (end_month == 0), end_month or 12, 28)
    rent = rng.randint(18, 95) * 100
    p.text(105, 26, "房屋租赁合同", SANS, 20, "center", spacing=3)
    p.text(190, 36, f"合同编号：ZL-{start[0]}-{rng.randint(1000, 9999)}", MING, 9.5, "right")
    # the parties: the landlord's block (left), then the tenant's block (right)
    top = 48.0
    for label, value in (
        ("甲方（出租方）：", landlord.name), ("身份证号码：", landlord.id_number),
        ("联系电话：", landlord.phone),
    ):  # fmt: skip
        p.text(20, top, label, SANS, 10.5)
        p.text(20, top + 6, value, KAI if label.startswith("甲方") else MING, 11)
        top += 14
    p.field("person_name", landlord.name)
    p.field("id_number", landlord.id_number)
    p.field("phone", landlord.phone)
    right = (
        [
            ("乙方（承租方）：", firm.name),
            ("统一社会信用代码：", firm.credit_code),
            ("联系电话：", firm.phone),
        ]
        if tenant_firm
        else [
            ("乙方（承租方）：", tenant.name),
            ("身份证号码：", tenant.id_number),
            ("联系电话：", tenant.phone),
        ]
    )
    top = 48.0
    for label, value in right:
        p.text(110, top, label, SANS, 10.5)
        p.text(110, top + 6, value, KAI if label.startswith("乙方") else MING, 11)
        top += 14
    if tenant_firm:
        p.field("enterprise_name", firm.name)
        p.field("credit_code", firm.credit_code)
    else:
        p.field("person_name", tenant.name)
        p.field("id_number", tenant.id_number)
        p.field("phone", tenant.phone)
    top = 94.0
    premises = (
        f"甲方将坐落于{d.address(rng, place)}的房屋（建筑面积{rng.randint(40, 180)}."
        f"{rng.randint(10, 99)}平方米，不动产权证号：{d.PROVINCE_SHORT[place[1]]}"
        f"（{rng.randint(2015, 2025)}）{place[2]}不动产权第{rng.randint(10**6, 10**7 - 1)}号）"
        f"出租给乙方作{'办公' if tenant_firm else '居住'}使用。"
    )
    term = (
        f"租赁期自{d.date_zh(start)}起至{d.date_zh(end)}止，共计{months}个月。"
        "租赁期满，乙方需继续承租的，应于期满前三十日书面通知甲方。"
    )
    pay = (
        f"月租金为人民币{d.money(rent)}元（大写：人民币{d.amount_capital(rent)}），"
        "按季度支付，每季度首月5日前付清。乙方于签订本合同时向甲方支付押金人民币"
        f"{d.money(rent * 2)}元，租赁期满结清费用后无息退还。"
    )
    clauses = [
        (
            "",
            "根据《中华人民共和国民法典》及有关法律、法规的规定，甲乙双方在平等、自愿、"
            "协商一致的基础上，就乙方承租甲方房屋事宜，订立本合同。",
        ),
        ("第一条　房屋基本情况", premises),
        ("第二条　租赁期限", term),
        ("第三条　租金及支付方式", pay),
        (
            "第四条　其他费用",
            "租赁期内的水费、电费、燃气费、物业服务费、网络费由乙方承担；"
            "房屋的维修基金及不动产相关税费由甲方承担。",
        ),
        (
            "第五条　房屋维修",
            "甲方应保证房屋及附属设施处于正常可使用状态；"
            "因乙方使用不当造成损坏的，由乙方负责修复或赔偿。",
        ),
    ]
    for head, body in clauses:
        if head:
            p.text(20, top + 4, head, SANS, 11)
            top += 7
        top += p.para(20, top, 170, body, MING, 11, 18, indent=2) + 3
    p.text(105, 282, "第1页　共4页", MING, 9, "center")


def no_crime_record(p: Page) -> None:
    rng = p.rng
    who = d.make_person(rng, (19, 55))
    place = d.county(rng)
    bureau = f"{place[2]}公安局{place[3]}分局"
    issued = d.some_date(rng)
    since = (who.birth[0] + 16, who.birth[1], who.birth[2])
    p.text(
        190,
        24,
        f"{place[2][0]}公{place[3][0]}证字〔{issued[0]}〕第{rng.randint(100, 9999):04d}号",
        MING,
        10,
        "right",
    )
    p.text(105, 46, "无犯罪记录证明", SANS, 22, "center", spacing=4)
    top = 66.0
    body = (
        f"兹证明，{who.name}，性别{who.sex}，公民身份号码{who.id_number}，"
        f"于{d.date_zh(since)}至{d.date_zh(issued)}期间，在全国公安机关违法犯罪人员信息系统中未发现有犯罪记录。"
    )
    top += p.para(22, top, 166, body, MING, 14, 28, indent=2)
    top += p.para(22, top + 4, 166, "特此证明。", MING, 14, 28, indent=2) + 4
    p.field("person_name", who.name)
    p.field("id_number", who.id_number)
    use = rng.choice(("出国（境）留学", "入职审查", "办理签证", "从事教育培训工作"))
    p.text(22, top + 8, f"申请用途：{use}", MING, 12)
    p.text(186, 150, bureau, MING, 14, "right")
    p.text(186, 160, d.date_capital(issued), MING, 14, "right")
    p.seal(160, 150, place[2] + "公安局" + place[3] + "分局", "", r=21)
    p.box(20, 196, 170, 52, 0.6)
    notes(
        p,
        200,
        "注意事项：",
        [
            "本证明仅证明被证明人在上述期间内无犯罪记录，不证明其无违法记录；",
            "本证明自开具之日起三个月内有效，仅用于申请用途所列事项；",
            "本证明涂改、复印无效，转借他人使用的，由使用人承担相应责任；",
            f"如需核实，请拨打{d.landline(rng, place[0])}或登录公安政务服务平台输入证明编号查询。",
        ],
        x=24,
        width=162,
    )


def birth_certificate(p: Page) -> None:
    rng = p.rng
    mother = d.make_person(rng, (24, 40), "女")
    father = d.make_person(rng, (25, 45), "男")
    baby_sex = rng.choice("男女")
    surname = father.name[:2] if father.name[:2] in d.COMPOUND_SURNAMES else father.name[0]
    baby = surname + "".join(rng.sample(d.GIVEN, 2 if len(surname) == 1 else 1))
    born = (2026, rng.randint(1, 10), rng.randint(1, 28))
    place = d.county(rng)
    hospital = f"{place[2]}{place[3]}妇幼保健院"
    p.text(
        190, 22, f"编号：{rng.choice('NOPQR')}{rng.randint(10**8, 10**9 - 1)}", MONO, 11, "right"
    )
    p.text(105, 36, "出生医学证明", SANS, 22, "center", spacing=4)
    p.text(105, 44, "（第一联）", SANS, 10.5, "center")
    age_m, age_f = born[0] - mother.birth[0], born[0] - father.birth[0]
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    at = f"{born[0]}年{born[1]:02d}月{born[2]:02d}日{hour:02d}时{minute:02d}分"
    weeks, health = f"{rng.randint(37, 41)}周", rng.choice(("良好", "良好", "一般"))
    weight, length = f"{rng.randint(2800, 4100)}克", f"{rng.randint(47, 54)}厘米"
    rows: list[list[str | tuple[str, str]]] = [
        ["新生儿姓名", ("v", baby), "性别", ("v", baby_sex)],
        ["出生时间", ("v", at), "", ""],
        ["出生地点", ("v", f"{place[1]}{place[2]}{place[3]}"), "", ""],
        ["出生孕周", ("v", weeks), "健康状况", ("v", health)],
        ["出生体重", ("v", weight), "出生身长", ("v", length)],
        ["母亲姓名", ("v", mother.name), "年龄", ("v", f"{age_m}岁")],
        ["国籍", ("v", "中国"), "民族", ("v", f"{mother.nation}族")],
        ["有效身份证件号码", ("v", mother.id_number), "", ""],
        ["父亲姓名", ("v", father.name), "年龄", ("v", f"{age_f}岁")],
        ["国籍", ("v", "中国"), "民族", ("v", f"{father.nation}族")],
        ["有效身份证件号码", ("v", father.id_number), "", ""],
        ["出生地分类", ("v", "医院"), "接生机构名称", ("v", hospital)],
    ]  # fmt: skip
    spans = [((1, r), (3, r)) for r in (1, 2, 7, 10)]
    h = p.table(20, 52, rows, [36, 58, 32, 48], 11, heights=[12] * len(rows), spans=spans)
    for name, value in (
        ("person_name", baby), ("person_name", mother.name), ("id_number", mother.id_number),
        ("person_name", father.name), ("id_number", father.id_number),
    ):  # fmt: skip
        p.field(name, value)
    top = 52 + h + 14
    p.text(24, top, "签证机构（出生医学证明专用章）", SANS, 11)
    issued = (born[0], born[1], min(28, born[2] + rng.randint(2, 9)))
    p.text(24, top + 31, f"签发日期：{d.date_zh(issued, pad=True)}", SANS, 11)
    p.seal(60, top + 10, hospital, "出生医学证明专用章", r=20)
    p.text(188, top, "医疗保健机构负责人：", SANS, 11, "right")
    p.text(188, top + 10, d.person_name(rng), KAI_BOLD, 14, "right")
    notes(
        p,
        258,
        "注：",
        [
            "本证明是新生儿的出生医学证明文件，请妥善保管，不得涂改；",
            "遗失的，可凭有关证明向原签发机构申请补发。",
        ],
    )


def income_certificate(p: Page) -> None:
    rng = p.rng
    firm, worker, contact = d.make_enterprise(rng), d.make_person(rng), d.make_person(rng)
    joined = (rng.randint(2012, 2024), rng.randint(1, 12))
    issued = d.some_date(rng)
    pay = rng.randint(60, 320) * 100
    bank = rng.choice(("中国建设银行", "中国工商银行", "招商银行", "交通银行"))
    p.text(105, 22, firm.name, SANS, 16, "center", color=colors.Color(0.12, 0.23, 0.48))
    p.text(105, 29, f"统一社会信用代码：{firm.credit_code}", MING, 9, "center")
    p.c.setStrokeColorRGB(0.12, 0.23, 0.48)
    p.rule(18, 33, 192, 1.6)
    p.rule(18, 34.2, 192, 0.5)
    p.c.setStrokeColorRGB(0, 0, 0)
    p.field("enterprise_name", firm.name)
    p.field("credit_code", firm.credit_code)
    p.text(105, 52, "收入证明", SANS, 20, "center", spacing=4)
    p.text(20, 68, f"致：{bank}股份有限公司{d.county(rng)[3]}支行：", MING, 12)
    dept, title = rng.choice(
        (("市场部", "经理"), ("财务部", "会计"), ("技术部", "工程师"), ("行政部", "主管"))
    )
    body = (
        f"兹证明{worker.name}（公民身份号码：{worker.id_number}）系我单位正式员工，"
        f"自{joined[0]}年{joined[1]}月起在我单位{dept}担任{title}职务，"
        f"劳动合同期限至{max(joined[0] + rng.randint(3, 9), issued[0] + 1)}年6月30日。"
        f"该员工近十二个月平均月收入（税前）为人民币{d.money(pay)}元（大写：人民币{d.amount_capital(pay)}）。"
    )
    top = 76 + p.para(20, 76, 170, body, MING, 12, 24, indent=2)
    top += p.para(
        20,
        top + 2,
        170,
        "我单位承诺以上情况属实，如有虚假，愿承担由此引起的一切法律责任。",
        MING,
        12,
        24,
        indent=2,
    )
    top += p.para(20, top + 2, 170, "特此证明。", MING, 12, 24, indent=2) + 14
    p.field("person_name", worker.name)
    p.field("id_number", worker.id_number)
    for label, value, font in (
        ("单位名称（盖章）：", firm.name, MING), ("单位地址：", firm.address, MING),
        ("联系人：", contact.name, KAI), ("联系电话：", contact.phone, MONO),
        ("人力资源部负责人（签字）：", d.person_name(rng), KAI_BOLD),
    ):  # fmt: skip
        w = p.text(70, top, label, SANS, 11)
        if font is MING and len(value) > 22:
            p.para(71 + w, top - 3.9, 118 - w, value, font, 11, 15)
            top += 5
        else:
            p.text(71 + w, top, value, font, 12)
        top += 10
    p.field("person_name", contact.name)
    p.field("phone", contact.phone)
    p.text(188, top + 4, d.date_capital(issued), MING, 12, "right")
    p.seal(150, top - 38, firm.name, "人事专用章" if rng.random() < 0.5 else "", r=20)
    p.rule(18, 272, 192, 0.4)
    p.para(
        20,
        274,
        170,
        "本证明仅用于申请个人住房贷款，复印件无效；有效期自开具之日起一个月。",
        MING,
        NOTE,
        12,
    )
