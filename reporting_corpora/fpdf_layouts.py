"""The `fpdf` corpus's eight service-hall documents, each drawn by fpdf2 with its truth
written in reading order as it is drawn: title, then a table's rows left to right with
each label before its value, a two-column page's left column before its right."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from fpdf.enums import WrapMode

from reporting_corpora.fpdf_data import (
    PLACES,
    Person,
    cn_date,
    date,
    firm,
    money,
    person,
    person_name,
    phone,
    shop,
    upper_amount,
)
from reporting_corpora.fpdf_doc import CHECKED, RED, UNCHECKED, C, Doc

Fields = tuple[tuple[str, str], ...]


def _box(on: bool, label: str) -> str:
    return f"{CHECKED if on else UNCHECKED}{label}"


def _boxes(rng: random.Random, labels: tuple[str, ...], pick: int | None = None) -> str:
    k = rng.randrange(len(labels)) if pick is None else pick
    return "  ".join(_box(i == k, label) for i, label in enumerate(labels))


def getihu_application(rng: random.Random) -> tuple[Doc, Fields]:
    """个体工商户登记（备案）申请书: a ruled form, merged cells, check boxes, wrapped
    business scope, the operator's declaration and signature."""
    place = rng.choice(PLACES)
    owner = person(rng, place)
    name = shop(rng, owner, place)
    d = Doc("getihu_application", palette=rng.randrange(2))
    d.line(16, "个体工商户登记（备案）申请书", "title", 19, "C")
    d.line(28, _boxes(rng, ("设立登记", "变更登记", "备案"), 0), "fang", 11, "C")
    scope = rng.choice(
        (
            "食品销售（仅销售预包装食品）；日用百货销售；烟草制品零售；文具用品零售",
            "餐饮服务；小餐饮、小食杂、食品小作坊经营；食品互联网销售（仅销售预包装食品）",
            "理发服务；生活美容服务；洗烫服务；家政服务；日用杂品销售；化妆品零售",
        )
    )
    workers = rng.randint(1, 8)
    capital = rng.choice((2, 3, 5, 8, 10, 20))
    rows = [
        [C("名称", bold=True), C(name, colspan=3, style="kai")],
        [
            C("经营者姓名", bold=True),
            C(owner.name, style="kai"),
            C("性别", bold=True),
            C(owner.sex, style="kai"),
        ],
        [
            C("身份证件类型", bold=True),
            C("居民身份证"),
            C("身份证件号码", bold=True),
            C(owner.id_number, style="kai"),
        ],
        [
            C("联系电话", bold=True),
            C(owner.phone, style="kai"),
            C("从业人数", bold=True),
            C(f"{workers}人", style="kai"),
        ],
        [C("经营场所", bold=True), C(owner.address, colspan=3, style="kai")],
        [C("组成形式", bold=True), C(_boxes(rng, ("个人经营", "家庭经营")), colspan=3)],
        [
            C("资金数额", bold=True),
            C(f"{capital}万元", style="kai"),
            C("邮政编码", bold=True),
            C(f"{rng.randint(100000, 859999)}", style="kai"),
        ],
        [
            C("经营范围", bold=True, rowspan=2),
            C("许可经营项目", bold=True),
            C(scope, colspan=2, style="kai"),
        ],
        [C("一般经营项目", bold=True), C("（以登记机关核定为准）", colspan=2, size=9)],
        [
            C("是否申请发放纸质营业执照", bold=True, colspan=2),
            C(_boxes(rng, ("是", "否")), colspan=2),
        ],
    ]
    y = d.table(36, (34, 52, 34, 54), rows, min_row=11)
    d.line(y + 6, "经营者声明", "hei", 12)
    y += 12
    y = d.para(
        y,
        "本人依照《个体工商户条例》《市场主体登记管理条例》申请个体工商户登记（备案），"
        "提交材料真实有效。通过联络员登录信息系统办理的，视为本人的行为，本人承担由此"
        "产生的法律责任。",
        "fang",
        11.5,
    )
    signed = date(rng)
    d.line(y + 14, f"经营者签字：{owner.name}", "kai", 13, x=110)
    d.line(y + 26, cn_date(signed), "fang", 12, x=130)
    d.line(
        282,
        "注：请仔细阅读本申请书《填写说明》，按要求填写；以上内容用黑色钢笔或签字笔填写。",
        "light",
        8,
    )
    fields = (
        ("person_name", owner.name),
        ("id_number", owner.id_number),
        ("enterprise_name", name),
    )
    return d, fields


def food_licence(rng: random.Random) -> tuple[Doc, Fields]:
    """食品经营许可证（副本）: landscape, two columns of labelled values, a QR block with
    its caption under it at the right, the issuing office's seal over its name and date."""
    f = firm(rng)
    boss = person(rng, f.place)
    d = Doc("food_licence", landscape=True, palette=rng.randrange(2))
    pdf = d.pdf
    pdf.set_draw_color(150, 110, 40)
    pdf.set_line_width(1.6)
    pdf.rect(10, 10, 277, 190)
    pdf.set_line_width(0.4)
    pdf.rect(13, 13, 271, 184)
    pdf.set_draw_color(0, 0, 0)
    d.line(24, "食品经营许可证", "title", 30, "C", color=(160, 20, 20))
    d.line(40, "（副本）", "fang", 14, "C")
    number = (
        "JY"
        + str(rng.choice((1, 2, 3)))
        + f.place.code
        + "".join(str(rng.randint(0, 9)) for _ in range(7))
    )
    left = [
        ("经营者名称", f.name),
        ("统一社会信用代码", f.credit_code),
        ("法定代表人（负责人）", boss.name),
        ("住所", f.address),
        ("经营场所", f.address),
        (
            "主体业态",
            rng.choice(
                ("食品销售经营者（超市）", "餐饮服务经营者（小型餐馆）", "单位食堂（职工食堂）")
            ),
        ),
        (
            "经营项目",
            "预包装食品销售（含冷藏冷冻食品）；散装食品销售（不含冷藏冷冻食品）；"
            "热食类食品制售；冷食类食品制售；自制饮品制售（不含自酿酒）",
        ),
    ]
    y = 54.0
    for label, value in left:
        d.line(y, label + "：", "hei", 11, x=24, w=44)
        d.font(value, "ming", 11.5)
        pdf.set_xy(68, y - 0.8)
        pdf.multi_cell(112, 6.2, value, align="L", wrapmode=WrapMode.CHAR)
        d.lines.append(value)
        y = max(y + 11, pdf.get_y() + 4.5)
    issued = date(rng, dt.date(2024, 6, 1), 500)
    until = issued.replace(year=issued.year + 5) - dt.timedelta(days=1)
    officer = person_name(rng)
    authority = f"{f.place.city}{f.place.district}市场监督管理局"
    right = [
        ("许可证编号", number),
        ("日常监督管理机构", f"{f.place.district}市场监督管理局{rng.choice(f.place.streets)}所"),
        ("日常监督管理人员", f"{officer}、{person_name(rng)}"),
        ("投诉举报电话", "12315"),
        ("有效期至", cn_date(until)),
    ]
    y2 = 54.0
    for label, value in right:
        d.line(y2, label + "：", "hei", 11, x=188, w=40)
        d.font(value, "fang", 11)
        pdf.set_xy(228, y2 - 0.8)
        pdf.multi_cell(52, 6, value, align="L", wrapmode=WrapMode.CHAR)
        d.lines.append(value)
        y2 = max(y2 + 11, pdf.get_y() + 4.5)
    d.qr(220, 118, 30, rng)
    d.line(151, "扫描二维码", "sans", 8, "C", x=205, w=60)
    d.line(155.5, "查询许可信息", "sans", 8, "C", x=205, w=60)
    d.line(172, f"发证机关：{authority}", "fang", 12, x=160, w=120)
    d.line(181, f"签发人：{person_name(rng)}", "fang", 12, x=160, w=60)
    d.line(181, cn_date(issued), "fang", 12, x=222, w=60)
    d.seal(220, 174, authority, 20, "许可专用章", rng)
    d.line(194, "国家市场监督管理总局监制", "light", 8, "C")
    fields = (
        ("enterprise_name", f.name),
        ("credit_code", f.credit_code),
        ("person_name", boss.name),
    )
    return d, fields


def shareholder_resolution(rng: random.Random) -> tuple[Doc, Fields]:
    """股东会决议: prose with numbered resolutions, a signature table, the company's seal
    over its name at the foot."""
    f = firm(rng)
    holders = [person(rng, f.place) for _ in range(rng.randint(2, 4))]
    new_rep = holders[rng.randrange(len(holders))]
    d = Doc("shareholder_resolution", palette=rng.randrange(2))
    d.line(20, f.name, "title", 16, "C")
    d.line(31, "股东会决议", "title", 20, "C")
    met = date(rng)
    y = d.para(
        44,
        f"根据《中华人民共和国公司法》及本公司章程的有关规定，{f.name}（统一社会信用代码："
        f"{f.credit_code}）于{cn_date(met)}在公司会议室召开股东会会议。本次会议由执行董事"
        f"召集和主持，会议通知已于会议召开十五日前以书面形式送达全体股东。应到股东"
        f"{len(holders)}名，实到股东{len(holders)}名，代表公司100%的表决权。经全体股东一致"
        "同意，形成决议如下：",
        "fang",
        12,
    )
    old = person_name(rng)
    items = [
        f"免去{old}公司执行董事、法定代表人职务；选举{new_rep.name}（身份证号码："
        f"{new_rep.id_number}）为公司执行董事，担任公司法定代表人，任期三年。",
        f"公司注册资本由{f.capital}万元增加至{f.capital * 2}万元，新增部分由原股东按原出资"
        "比例以货币认缴，于2030年12月31日前缴足。",
        "同意就上述事项修改公司章程相应条款，通过新的章程修正案。",
        "授权公司经办人员向公司登记机关申请办理变更登记手续。",
    ][: rng.randint(3, 4)]
    nums = "一二三四五"
    for i, text in enumerate(items):
        y = d.para(y + 1, f"{nums[i]}、{text}", "fang", 12)
    shares = [rng.randint(10, 60) for _ in holders]
    total = sum(shares)
    pct = [round(100 * s / total, 2) for s in shares]
    pct[-1] = round(100 - sum(pct[:-1]), 2)
    rows = [
        [
            C("股东姓名", bold=True, align="C"),
            C("出资额（万元）", bold=True, align="C"),
            C("持股比例", bold=True, align="C"),
            C("股东签字", bold=True, align="C"),
        ]
    ]
    for h, p in zip(holders, pct, strict=True):
        rows.append(
            [
                C(h.name, align="C"),
                C(money(f.capital * p / 100), align="C"),
                C(f"{p:.2f}%", align="C"),
                C(h.name, style="kai", size=14, align="C"),
            ]
        )
    y = d.table(y + 6, (44, 44, 40, 46), rows, min_row=10)
    d.line(y + 14, f"{f.name}（盖章）", "fang", 12, x=88, w=104, align="R")
    d.line(y + 25, cn_date(met), "fang", 12, x=88, w=104, align="R")
    d.seal(160, y + 16, f.name, 20, "", rng)
    fields = (
        ("enterprise_name", f.name),
        ("credit_code", f.credit_code),
        ("person_name", new_rep.name),
        ("id_number", new_rep.id_number),
    )
    return d, fields


def _id_card(d: Doc, x: float, y: float, p: Person, rng: random.Random, front: bool) -> None:
    pdf = d.pdf
    w, h = 85.6, 54.0
    pdf.set_fill_color(236, 241, 244)
    pdf.set_draw_color(120, 120, 120)
    pdf.rect(x, y, w, h, style="DF", round_corners=True, corner_radius=3.5)
    pdf.set_draw_color(0, 0, 0)
    if front:
        rows = [
            ("姓名", p.name),
            ("性别", f"{p.sex}    民族  汉"),
            ("出生", f"{p.born.year}年{p.born.month}月{p.born.day}日"),
        ]
        yy = y + 7
        for label, value in rows:
            d.line(yy, label, "sans", 8, x=x + 5, w=12, color=(70, 110, 160))
            d.line(yy, value, "hei" if label == "姓名" else "sans", 9.5, x=x + 17, w=40)
            yy += 7.5
        d.line(yy, "住址", "sans", 8, x=x + 5, w=12, color=(70, 110, 160))
        d.font(p.address, "sans", 8.5)
        pdf.set_xy(x + 16, yy - 1.5)
        pdf.multi_cell(40, 4.4, p.address, align="L", wrapmode=WrapMode.CHAR)
        d.lines.append(p.address)
        d.line(y + 46, "公民身份号码", "sans", 8, x=x + 5, w=22, color=(70, 110, 160))
        d.line(y + 46, p.id_number, "sans", 11, x=x + 28, w=56)
        pdf.set_fill_color(200, 200, 205)
        pdf.rect(x + 60, y + 8, 22, 28, style="F")
        pdf.set_fill_color(150, 150, 158)
        pdf.ellipse(x + 65, y + 11, 12, 14, style="F")
        pdf.ellipse(x + 61.5, y + 25, 19, 16, style="F")
        pdf.set_fill_color(236, 241, 244)
        pdf.rect(x + 60, y + 36, 22, 6, style="F")
    else:
        pdf.set_fill_color(*RED)
        pdf.circle(x + 14, y + 13, 8, style="F")
        d.line(y + 10, "中华人民共和国", "hei", 13, x=x + 26, w=56)
        d.line(y + 22, "居民身份证", "hei", 17, x=x + 26, w=56)
        issued = date(rng, dt.date(2012, 1, 1), 3600)
        d.line(y + 37, "签发机关", "sans", 8, x=x + 10, w=16)
        d.line(y + 37, f"{rng.choice(PLACES).city}公安局", "sans", 9, x=x + 27, w=52)
        d.line(y + 45, "有效期限", "sans", 8, x=x + 10, w=16)
        until = issued.replace(year=issued.year + 20)
        d.line(y + 45, f"{issued:%Y.%m.%d}-{until:%Y.%m.%d}", "sans", 9, x=x + 27, w=52)


def legal_rep_certificate(rng: random.Random) -> tuple[Doc, Fields]:
    """法定代表人身份证明书 with a copy of the representative's ID card, front and back, and
    the copy's limiting note, the company seal over its name."""
    f = firm(rng)
    rep = person(rng, f.place)
    d = Doc("legal_rep_certificate", palette=rng.randrange(2))
    d.line(20, "法定代表人身份证明书", "title", 20, "C")
    y = d.para(
        36,
        f"{rep.name}（性别：{rep.sex}，身份证号码：{rep.id_number}）在我单位任执行董事职务，"
        f"系{f.name}（统一社会信用代码：{f.credit_code}）的法定代表人。",
        "fang",
        13,
    )
    y = d.para(y + 1, "特此证明。", "fang", 13)
    d.line(y + 8, f"单位名称（盖章）：{f.name}", "fang", 12.5, x=70)
    signed = date(rng)
    d.line(y + 18, cn_date(signed), "fang", 12.5, x=128)
    d.seal(148, y + 10, f.name, 19, "", rng)
    top = y + 34
    d.rule(18, top, 192, top, 0.2)
    d.line(top + 4, "附：法定代表人身份证复印件（正反面）", "hei", 11)
    _id_card(d, 62, top + 14, rep, rng, front=True)
    _id_card(d, 62, top + 76, rep, rng, front=False)
    d.line(top + 136, f"此复印件仅供{f.short}公司办理变更登记使用，他用无效。", "kai", 12, "C")
    d.line(top + 144, f"{rep.name}  {signed.year}.{signed.month}.{signed.day}", "kai", 12, "C")
    fields = (
        ("person_name", rep.name),
        ("id_number", rep.id_number),
        ("enterprise_name", f.name),
        ("credit_code", f.credit_code),
    )
    return d, fields


def lease_contract(rng: random.Random) -> tuple[Doc, Fields]:
    """房屋租赁合同, first page: the parties (a person lets to a company), numbered
    clauses, rent in capitals and in figures."""
    f = firm(rng)
    owner = person(rng, f.place)
    d = Doc("lease_contract", palette=rng.randrange(2))
    d.line(18, "房屋租赁合同", "title", 20, "C")
    d.line(
        29, f"合同编号：ZL-{rng.randint(2025, 2026)}-{rng.randint(1, 9999):04d}", "fang", 10, "R"
    )
    rows = [
        [
            C("出租方（甲方）", bold=True),
            C(owner.name, style="kai"),
            C("身份证号码", bold=True),
            C(owner.id_number, style="kai"),
        ],
        [
            C("联系电话", bold=True),
            C(owner.phone, style="kai"),
            C("联系地址", bold=True),
            C(owner.address, style="kai", size=9.5),
        ],
        [C("承租方（乙方）", bold=True), C(f.name, colspan=3, style="kai")],
        [
            C("统一社会信用代码", bold=True),
            C(f.credit_code, style="kai"),
            C("联系电话", bold=True),
            C(phone(rng), style="kai"),
        ],
    ]
    y = d.table(36, (34, 50, 30, 60), rows, min_row=10)
    area = round(rng.uniform(45, 380), 2)
    rent = rng.choice((1800, 2600, 3500, 4800, 6200, 8500, 12000, 15600))
    start = date(rng, dt.date(2025, 6, 1), 400).replace(day=1)
    years = rng.choice((1, 2, 3, 5))
    end = start.replace(year=start.year + years) - dt.timedelta(days=1)
    clauses = [
        "根据《中华人民共和国民法典》及有关规定，甲、乙双方在平等、自愿、协商一致的"
        "基础上，就乙方承租甲方房屋事宜订立本合同。",
        f"第一条  房屋坐落于{f.place.city}{f.place.district}{rng.choice(f.place.streets)}"
        f"{rng.randint(1, 300)}号，建筑面积{area}平方米，用途为办公（经营）。",
        f"第二条  租赁期限自{cn_date(start)}起至{cn_date(end)}止，共{years}年。",
        f"第三条  月租金为人民币{upper_amount(rent)}（¥{money(rent)}），按季度支付，"
        "乙方应于每季度首月5日前将租金转入甲方指定账户。",
        f"第四条  乙方于合同签订之日向甲方支付押金人民币{upper_amount(rent * 2)}"
        f"（¥{money(rent * 2)}）；合同期满乙方无违约的，甲方应于五个工作日内无息退还。",
        "第五条  租赁期间，水、电、燃气、物业管理等费用由乙方承担；房屋及附属设施的"
        "自然损坏由甲方负责维修。",
        "第六条  未经甲方书面同意，乙方不得转租、转借承租房屋，不得改变房屋用途。",
    ]
    y += 6
    for text in clauses:
        y = d.para(y, text, "ming", 11.5, lh=1.55) + 1.5
    d.line(y + 8, "甲方（签字）：", "fang", 12, x=22, w=40)
    d.line(y + 8, owner.name, "kai", 14, x=52, w=40)
    d.line(y + 8, "乙方（盖章）：", "fang", 12, x=112, w=40)
    signed = start - dt.timedelta(days=rng.randint(3, 20))
    d.line(y + 20, cn_date(signed), "fang", 12, x=22, w=60)
    d.line(y + 20, cn_date(signed), "fang", 12, x=112, w=60)
    d.seal(150, y + 12, f.name, 19, "合同专用章", rng)
    fields = (
        ("person_name", owner.name),
        ("id_number", owner.id_number),
        ("enterprise_name", f.name),
        ("credit_code", f.credit_code),
    )
    return d, fields


def insurance_certificate(rng: random.Random) -> tuple[Doc, Fields]:
    """社会保险个人参保缴费证明: a dense table of months, bases and amounts, small print,
    the insurance centre's seal over the foot."""
    f = firm(rng)
    p = person(rng, f.place)
    d = Doc("insurance_certificate", palette=rng.randrange(2))
    d.line(16, "社会保险个人参保缴费证明", "title", 17, "C")
    printed = date(rng, dt.date(2026, 1, 5), 300)
    d.line(
        27,
        f"打印日期：{printed:%Y-%m-%d}    验证码：{rng.randint(10**11, 10**12 - 1)}",
        "light",
        8.5,
        "R",
    )
    head = [
        [
            C("姓名", bold=True, size=9.5),
            C(p.name, size=9.5),
            C("公民身份号码", bold=True, size=9.5),
            C(p.id_number, colspan=3, size=9.5),
        ],
        [
            C("参保单位", bold=True, size=9.5),
            C(f.name, colspan=3, size=9.5),
            C("统一社会信用代码", bold=True, size=9),
            C(f.credit_code, size=9),
        ],
    ]
    y = d.table(33, (16, 28, 24, 34, 28, 44), head, line_height=4.6, min_row=8)
    base = rng.randint(4200, 16800)
    rows = [
        [
            C(t, bold=True, size=8.5, align="C")
            for t in (
                "费款所属期",
                "缴费基数",
                "养老单位",
                "养老个人",
                "医疗单位",
                "医疗个人",
                "失业个人",
                "缴费状态",
            )
        ]
    ]
    months = rng.randint(14, 20)
    end = printed.replace(day=1) - dt.timedelta(days=1)
    ym = end.year * 12 + end.month - 1 - months + 1
    for k in range(months):
        year, month = divmod(ym + k, 12)
        if k and k % 12 == 0:
            base = int(base * rng.uniform(1.0, 1.08))
        status = "已实缴" if k < months - 1 or rng.random() < 0.6 else "欠缴"
        rows.append(
            [
                C(x, size=8, align="C", style="ming")
                for x in (
                    f"{year}{month + 1:02d}",
                    money(base),
                    money(base * 0.16),
                    money(base * 0.08),
                    money(base * 0.08),
                    money(base * 0.02),
                    money(base * 0.005),
                    status,
                )
            ]
        )
    y = d.table(y + 4, (24, 24, 22, 22, 22, 22, 20, 18), rows, line_height=3.8, min_row=6.2)
    notes = [
        "说明：1. 本证明记录截至打印日期前一个月的缴费情况，“已实缴”指已足额到账；",
        "2. 本证明可通过扫描二维码或登录社会保险网上服务平台核验真伪，涂改无效；",
        f"3. 参保人首次参加养老保险时间：{p.born.year + 22}年{rng.randint(1, 12)}月。",
    ]
    for i, text in enumerate(notes):
        d.line(y + 4 + i * 4.5, text, "light", 7.5)
    centre = f"{f.place.city}社会保险事业管理中心"
    d.line(y + 22, f"经办机构：{centre}", "fang", 11, x=100, w=92)
    d.seal(150, y + 24, centre, 18, "业务专用章", rng)
    fields = (
        ("person_name", p.name),
        ("id_number", p.id_number),
        ("enterprise_name", f.name),
        ("credit_code", f.credit_code),
    )
    return d, fields


def power_of_attorney(rng: random.Random) -> tuple[Doc, Fields]:
    """指定代表或者共同委托代理人授权委托书: a ruled form of the agent's particulars, check
    boxes for what the agent may do, the company's seal."""
    f = firm(rng)
    agent = person(rng, f.place)
    d = Doc("power_of_attorney", palette=rng.randrange(2))
    d.line(18, "指定代表或者共同委托代理人授权委托书", "title", 17, "C")
    d.line(32, f"申请人：{f.name}", "fang", 12)
    d.line(40, f"统一社会信用代码：{f.credit_code}", "fang", 12)
    d.line(48, f"指定代表或者委托代理人：{agent.name}", "fang", 12)
    valid_from = date(rng)
    valid_to = valid_from + dt.timedelta(days=rng.choice((30, 60, 90)))
    rows = [
        [
            C("委托事项", bold=True, rowspan=2, align="C"),
            C(_boxes(rng, ("设立", "变更", "注销", "备案")), colspan=3),
        ],
        [
            C(
                "其他：" + rng.choice(("变更法定代表人", "变更住所", "增加注册资本", "修改章程")),
                colspan=3,
            )
        ],
        [
            C("委托权限", bold=True, rowspan=3, align="C"),
            C(
                "1．同意"
                + UNCHECKED
                + "不同意"
                + CHECKED
                + "核对登记材料中的复印件并签署核对意见；",
                colspan=3,
                size=10,
            ),
        ],
        [
            C(
                "2．同意" + CHECKED + "不同意" + UNCHECKED + "修改企业自备文件的错误；",
                colspan=3,
                size=10,
            )
        ],
        [
            C(
                "3．同意" + CHECKED + "不同意" + UNCHECKED + "领取营业执照和有关文书。",
                colspan=3,
                size=10,
            )
        ],
        [
            C("有效期限", bold=True, align="C"),
            C(f"自{cn_date(valid_from)}至{cn_date(valid_to)}", colspan=3),
        ],
        [
            C("姓名", bold=True, align="C"),
            C(agent.name, style="kai"),
            C("固定电话", bold=True, align="C"),
            C(f"0{rng.randint(10, 999)}-{rng.randint(2000000, 8999999)}", style="kai"),
        ],
        [
            C("身份证件号码", bold=True, align="C"),
            C(agent.id_number, style="kai"),
            C("移动电话", bold=True, align="C"),
            C(agent.phone, style="kai"),
        ],
    ]
    y = d.table(58, (30, 58, 28, 58), rows, min_row=10)
    d.line(y + 5, "（指定代表或者委托代理人身份证件复、影印件粘贴处）", "light", 10, "C")
    d.pdf.set_draw_color(150, 150, 150)
    d.pdf.set_dash_pattern(dash=1.5, gap=1.2)
    d.pdf.rect(40, y + 12, 130, 50)
    d.pdf.set_dash_pattern()
    d.pdf.set_draw_color(0, 0, 0)
    d.line(y + 72, "申请人签字或者盖章：", "fang", 12, x=90)
    d.line(y + 84, cn_date(valid_from), "fang", 12, x=128)
    d.seal(150, y + 76, f.name, 19, "", rng)
    fields = (
        ("enterprise_name", f.name),
        ("credit_code", f.credit_code),
        ("person_name", agent.name),
        ("id_number", agent.id_number),
    )
    return d, fields


def correction_notice(rng: random.Random) -> tuple[Doc, Fields]:
    """补正材料一次性告知书: addressed to the applicant, the list of what to correct, the
    window's contact, the hall's seal, a receipt for the applicant's signature."""
    f = firm(rng)
    agent = person(rng, f.place)
    d = Doc("correction_notice", palette=rng.randrange(2))
    hall = f"{f.place.city}{f.place.district}政务服务中心"
    d.line(16, hall, "title", 14, "C")
    d.line(27, "补正材料一次性告知书", "title", 20, "C")
    received = date(rng)
    d.line(
        39, f"编号：{f.place.code}-{received:%Y%m%d}-{rng.randint(1, 999):03d}", "fang", 10.5, "R"
    )
    d.line(47, f"{f.name}：", "fang", 13)
    y = d.para(
        56,
        f"你单位（经办人{agent.name}，身份证号码{agent.id_number}）于{cn_date(received)}提交的"
        f"“{rng.choice(('变更登记', '备案', '设立登记'))}”申请材料，经审查，材料不齐全或者不符合"
        "法定形式，根据《中华人民共和国行政许可法》第三十二条规定，请补正下列材料：",
        "fang",
        12.5,
    )
    problems = rng.sample(
        [
            "《公司登记（备案）申请书》第3页“法定代表人签字”处未签字；",
            "股东会决议未载明会议召开时间，且表决比例与章程规定不一致；",
            "住所使用证明中产权人姓名与房屋租赁合同出租方不一致，请补充说明；",
            "章程修正案未经全体股东签字（盖章）；",
            "委托书有效期限已过，请重新出具；",
            "身份证件复印件不清晰，请提交清晰的复印件并由本人签字确认；",
        ],
        rng.randint(3, 5),
    )
    for i, text in enumerate(problems):
        y = d.para(y + 1, f"{i + 1}．{text}", "fang", 12.5, indent=True)
    y = d.para(
        y + 2,
        "请于收到本告知书之日起30日内补正。逾期未补正的，视为放弃本次申请。",
        "fang",
        12.5,
    )
    clerk = person_name(rng)
    d.line(
        y + 6,
        f"受理人：{clerk}    联系电话：0{rng.randint(100, 999)}-{rng.randint(6000000, 8999999)}",
        "fang",
        12,
    )
    d.line(y + 18, hall, "fang", 12, x=112, w=80, align="R")
    d.line(y + 27, cn_date(received), "fang", 12, x=112, w=80, align="R")
    d.seal(158, y + 20, hall, 19, "业务专用章", rng)
    cut = y + 40
    d.pdf.set_dash_pattern(dash=2, gap=1.5)
    d.rule(12, cut, 198, cut, 0.25)
    d.pdf.set_dash_pattern()
    d.line(cut + 6, "回    执", "hei", 14, "C")
    d.line(cut + 16, f"本人已收到{hall}出具的补正材料一次性告知书。", "fang", 12)
    d.line(cut + 28, "签收人：", "fang", 12, x=100, w=20)
    d.line(cut + 28, agent.name, "kai", 14, x=120, w=40)
    d.line(cut + 38, "签收日期：", "fang", 12, x=100, w=26)
    d.line(cut + 38, cn_date(received), "kai", 12, x=126, w=50)
    fields = (
        ("enterprise_name", f.name),
        ("person_name", agent.name),
        ("id_number", agent.id_number),
    )
    return d, fields


LAYOUTS: dict[str, Callable[[random.Random], tuple[Doc, Fields]]] = {
    "getihu_application": getihu_application,
    "food_licence": food_licence,
    "shareholder_resolution": shareholder_resolution,
    "legal_rep_certificate": legal_rep_certificate,
    "lease_contract": lease_contract,
    "insurance_certificate": insurance_certificate,
    "power_of_attorney": power_of_attorney,
    "correction_notice": correction_notice,
}
