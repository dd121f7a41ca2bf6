"""The `typeset` corpus's layouts, part one: a shareholders' resolution, a real-estate
title certificate page, an excerpt of articles of association, a tax or social insurance
payment certificate. Each returns the page model and the fields drawn on it (labelled
values only: a name mentioned in running text is not a field)."""

from __future__ import annotations

import random

from reporting_corpora import typeset_data as d
from reporting_corpora.typeset_doc import Block, Cell, Page, Para, Run, Seal, Table, runs

Fields = list[tuple[str, str]]
NUMERALS = "一二三四五六七八九十"


def title(text: str, size: float = 20.0, above: float = 0.0) -> Para:
    return Para(runs(Run(text, bold=True)), size=size, align="center", above=above)


def kai(text: str, fill: bool = False) -> Run:
    return Run(text, font="kai", fill=fill, size=12.5)


def resolution(rng: random.Random) -> tuple[Page, Fields]:
    company = d.enterprise(rng, "company", long=rng.random() < 0.3)
    chair, new_director = d.person(rng), d.person(rng)
    owners = [chair, *(d.person(rng) for _ in range(rng.randint(1, 2)))]
    corporate = d.enterprise(rng, rng.choice(("company", "partnership")))
    held = sorted(rng.sample(range(5, 31), len(owners)), reverse=True)
    held.append(100 - sum(held))
    capital = rng.choice((100, 200, 500, 800, 1000)) * 10_000
    raised = capital + rng.choice((50, 100, 300)) * 10_000
    when = d.day(rng)
    moved = d.place(rng).address(rng)
    clauses = [
        f"同意将公司注册资本由{d.amount(capital)}元增加至{d.amount(raised)}元，新增注册资本"
        f"由股东{owners[-1].name}以货币方式认缴，于{d.iso(d.day(rng, when))}前缴足；",
        f"同意选举{new_director.name}为公司执行董事，任期三年，自本决议作出之日起计算；",
        f"同意公司住所变更为{moved}；",
        f"同意修改公司章程相应条款，并委托{chair.name}办理变更登记手续"
        f"（联系电话：{chair.phone}）。",
    ]
    header = ("股东名称或姓名", "认缴出资额（万元）", "持股比例", "签字（盖章）")
    cells = [Cell(runs(h), label=True) for h in header]
    members: list[d.Person | d.Enterprise] = [*owners, corporate]
    for who, share in zip(members, held, strict=True):
        is_person = isinstance(who, d.Person)
        cells += [
            Cell(runs(who.name)),
            Cell(runs(d.amount(capital / 10_000 * share / 100)), align="right"),
            Cell(runs(f"{share}%"), align="center"),
            Cell(runs(kai(who.name) if is_person else "（盖章）"), align="center"),
        ]
    page = Page(
        [
            title(company.name, 15.0),
            title("股东会决议", 22.0, above=2.0),
            Para(runs("公司名称：", company.name), above=6.0),
            Para(runs("统一社会信用代码：", company.credit_code)),
            Para(runs("会议时间：", d.cn_date(when), "　会议地点：公司会议室")),
            Para(
                runs(
                    f"{company.name}（以下简称“公司”）于{d.cn_date(when)}召开临时股东会。本次会议"
                    f"由执行董事{chair.name}召集并主持，应到股东{len(owners) + 1}名，实到股东"
                    f"{len(owners) + 1}名，代表公司100%的表决权，会议的召集、召开程序符合"
                    "《中华人民共和国公司法》及公司章程的规定。经与会股东审议，一致通过如下决议："
                ),
                indent=True,
                above=3.0,
                leading=1.0,
            ),
            *(
                Para(runs(f"{NUMERALS[k]}、{c}"), indent=True, leading=1.0)
                for k, c in enumerate(clauses)
            ),
            Para(runs("全体股东签字（盖章）："), above=4.0),
            Table((3.2, 1.6, 1.1, 1.6), tuple(cells), size=10.0),
            Para(
                runs(d.cn_date(when)),
                align="right",
                above=8.0,
                seal=Seal(corporate.name, 150.0, -10.0, 38.0),
            ),
        ],
    )
    fields = [("enterprise_name", company.name), ("credit_code", company.credit_code)]
    return page, fields


def property_cert(rng: random.Random) -> tuple[Page, Fields]:
    owner, co_owner = d.person(rng), d.person(rng)
    where = d.place(rng)
    year = rng.randint(2018, 2025)
    shared = rng.random() < 0.5
    unit = (
        f"{where.code}{rng.randint(1, 20):03d}{rng.randint(1, 20):03d}GB"
        f"{rng.randint(1, 99999):05d}F{rng.randint(1, 99999999):08d}"
    )
    area, land = rng.uniform(58, 180), rng.uniform(2000, 30000)
    own = area * rng.uniform(0.78, 0.9)
    floors = rng.randint(6, 33)
    start = d.day(rng, d.date(2003, 1, 1), 6000)
    end = start.replace(year=start.year + 70)
    label = lambda text: Cell(runs(text), label=True)  # noqa: E731
    cells = [
        label("权利人"),
        Cell(runs(f"{owner.name}、{co_owner.name}" if shared else owner.name), colspan=3),
        label("共有情况"),
        Cell(runs("共同共有" if shared else "单独所有"), colspan=3),
        label("坐落"),
        Cell(runs(where.address(rng)), colspan=3),
        label("不动产单元号"),
        Cell(runs(unit), colspan=3),
        label("权利类型"),
        Cell(runs("国有建设用地使用权/房屋（构筑物）所有权"), colspan=3),
        label("权利性质"),
        Cell(runs("出让/市场化商品房")),
        label("用途"),
        Cell(runs("城镇住宅用地/住宅")),
        label("面积"),
        Cell(
            runs(f"共有宗地面积{land:,.2f}㎡/房屋建筑面积{area:.2f}㎡"),
            colspan=3,
        ),
        label("使用期限"),
        Cell(runs(f"国有建设用地使用权 {d.iso(start)}起{d.iso(end)}止"), colspan=3),
        Cell(runs("权利其他状况"), rowspan=2, label=True),
        Cell(
            runs(
                f"专有建筑面积：{own:.2f}㎡，分摊建筑面积：{area - own:.2f}㎡；房屋结构：钢筋混凝土"
                f"结构；房屋总层数：{floors}层，所在层：{rng.randint(1, floors)}层。"
            ),
            colspan=3,
        ),
        Cell(runs(f"房屋竣工时间：{start.year + rng.randint(2, 4)}年。"), colspan=3),
    ]
    province = where.province[0]
    number = f"{province}（{year}）{where.city}不动产权第{rng.randint(1, 9999999):07d}号"
    authority = f"{where.city}不动产登记局"
    page = Page(
        [
            Para(runs(number), align="right", size=11.0, above=4.0),
            Table((1.25, 2.2, 0.9, 2.2), tuple(cells), size=10.5, inset=3.2, above=5.0),
            Para(runs("附记："), above=6.0),
            Para(
                runs(f"该房屋已于{d.cn_date(d.day(rng))}办理不动产登记，登记簿记载为准。"),
                size=9.5,
            ),
            Para(
                runs("登记机构（章）：", authority),
                align="right",
                above=18.0,
                seal=Seal(authority, 135.0, 6.0, 40.0, line="不动产登记专用章"),
            ),
            Para(runs(d.cn_date(d.day(rng))), align="right", above=3.0),
        ],
        margin=(26.0, 22.0, 24.0, 22.0),
        border=True,
    )
    fields = [("person_name", owner.name)] if not shared else []
    return page, fields


def articles(rng: random.Random) -> tuple[Page, Fields]:
    company = d.enterprise(rng, "company")
    capital = rng.choice((50, 100, 300, 1000, 5000)) * 10_000
    owners = [d.person(rng) for _ in range(rng.randint(2, 3))]
    texts = [
        "为规范公司的组织和行为，保护公司、股东和债权人的合法权益，根据《中华人民共和国公司法》"
        "（以下简称《公司法》）和有关法律、行政法规的规定，制定本章程。",
        f"公司名称：{company.name}（以下简称“公司”）。",
        f"公司住所：{company.address}，邮政编码：{rng.randint(100000, 859999)}。",
        f"公司注册资本为人民币{d.amount(capital)}元，全部由股东以货币方式认缴。",
        "公司是企业法人，有独立的法人财产，享有法人财产权。公司以其全部财产对公司的债务"
        "承担责任；股东以其认缴的出资额为限对公司承担责任。",
        "公司的经营范围：一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术"
        "推广；软件开发；信息系统集成服务；会议及展览服务（除依法须经批准的项目外，凭营业"
        "执照依法自主开展经营活动）。公司可以修改公司章程，改变经营范围，但应当办理变更登记。",
        "股东的姓名、认缴出资额、出资方式和出资日期如下："
        + "；".join(
            f"{p.name}，认缴出资{d.amount(capital * share / 100)}元，货币出资，"
            f"{d.iso(d.day(rng, d.date(2028, 1, 1), 1500))}前缴足"
            for p, share in zip(owners, (60, 30, 10) if len(owners) == 3 else (70, 30), strict=True)
        )
        + "。",
        "股东会由全体股东组成，是公司的权力机构。股东会会议由股东按照认缴出资比例行使表决权；"
        "股东会对修改公司章程、增加或者减少注册资本作出决议，必须经代表三分之二以上表决权的"
        "股东通过。",
        f"公司设执行董事一名，由{owners[0].name}担任，执行董事为公司的法定代表人，任期三年，"
        "任期届满，可以连任。",
        "公司不设监事会，设监事一名，由股东会选举产生。监事的任期每届为三年，监事任期届满，"
        "连选可以连任。董事、高级管理人员不得兼任监事。",
        "公司应当在每一会计年度终了时编制财务会计报告，并依法经会计师事务所审计。财务会计"
        "报告应当在召开股东会年会的二十日前置备于本公司，供股东查阅。",
    ]
    numbers = d.words("一 二 三 四 五 六 七 八 九 十 十一 十二")
    blocks: list[Block] = [
        title(f"{company.name}章程", 16.0),
        Para(runs(Run("第一章　总则", bold=True)), align="center", above=4.0, size=11.0),
    ]
    for k, text in enumerate(texts):
        if k == 7:
            blocks.append(
                Para(runs(Run("第二章　组织机构", bold=True)), align="center", above=3.0, size=11.0)
            )
        blocks.append(
            Para(
                runs(Run(f"第{numbers[k]}条", bold=True), "　" + text),
                size=9.5,
                indent=True,
                leading=0.9,
                above=1.0,
            )
        )
    blocks.append(
        Para(
            runs(
                f"注：本章程于{d.cn_date(d.day(rng))}经全体股东签署生效，共{rng.randint(6, 12)}章"
                f"{rng.randint(30, 48)}条，本页为第1页。本章程复印件须加盖公司印章方为有效。"
            ),
            size=7.5,
            above=8.0,
            seal=Seal(company.name, 135.0, -14.0, 40.0),
        )
    )
    page = Page(blocks, size=9.5)
    return page, [("enterprise_name", company.name)]


def payment_proof(rng: random.Random) -> tuple[Page, Fields]:
    payer = d.enterprise(rng, rng.choice(("company", "company", "branch", "partnership")))
    where = payer.place
    issued = d.day(rng, d.date(2025, 6, 1), 300)
    if rng.random() < 0.5:
        office = f"国家税务总局{where.city}{where.district}税务局"
        heading = "纳税证明"
        head = ("原凭证号", "税种", "品目名称", "税款所属时期", "入（退）库日期", "实缴（退）金额")
        kinds: tuple[tuple[str, str], ...] = (
            ("增值税", "商品销售"),
            ("企业所得税", "应纳税所得额"),
            ("城市维护建设税", "市区"),
        )
        kinds += (("印花税", "买卖合同"), ("教育费附加", "增值税附加"))
        rows: list[tuple[str | float, ...]] = []
        for _ in range(rng.randint(4, 7)):
            tax, item = rng.choice(kinds)
            month = d.day(rng, d.date(2025, 1, 1), 150).replace(day=1)
            rows.append(
                (
                    f"3{rng.randint(10**16, 10**17 - 1)}",
                    tax,
                    item,
                    f"{d.iso(month)}至{month:%Y-%m}-28",
                    d.iso(d.day(rng, month, 40)),
                    round(rng.uniform(80, 250_000), 2),
                )
            )
        widths: tuple[float, ...] = (2.6, 1.5, 1.5, 2.6, 1.6, 1.7)
        note = (
            "说明：本证明仅作为纳税人已经缴纳税款的证明，不作为纳税人记账、抵扣凭证；"
            f"可登录https://etax.{where.province_web}.chinatax.gov.cn输入凭证号查验真伪。"
        )
    else:
        office = f"{where.city}{where.district}社会保险事业管理中心"
        heading = "社会保险参保缴费证明（单位）"
        head = ("缴费年月", "养老保险", "医疗保险", "失业保险", "工伤保险", "缴费人数")
        rows = []
        start = d.day(rng, d.date(2025, 1, 1), 60).replace(day=1)
        staff = rng.randint(3, 60)
        for k in range(rng.randint(5, 8)):
            month = start.replace(month=(start.month + k - 1) % 12 + 1)
            base = staff * rng.uniform(4000, 9000)
            rows.append(
                (
                    f"{month:%Y-%m}",
                    d.amount(base * 0.24),
                    d.amount(base * 0.095),
                    d.amount(base * 0.01),
                    d.amount(base * 0.004),
                    str(staff),
                )
            )
        widths = (1.4, 1.6, 1.6, 1.4, 1.4, 1.1)
        note = (
            "说明：1.本证明记载本单位在本中心的参保缴费情况，不含补缴记录；2.本证明自出具之日"
            f"起三个月内有效；3.可登录rsj.{where.city_web}.gov.cn扫码或输入验证码查验。"
        )
    cells = [Cell(runs(h), label=True) for h in head]
    total = 0.0
    for row in rows:
        for k, value in enumerate(row):
            if isinstance(value, float):
                total += value
                value = d.amount(value)
            cells.append(Cell(runs(value), align="right" if k == len(row) - 1 else "center"))
    if total:
        cells += [
            Cell(runs("金额合计"), colspan=5, label=True),
            Cell(runs(d.amount(total)), align="right"),
        ]
    page = Page(
        [
            title(heading, 18.0),
            Para(
                runs(f"填发日期：{d.iso(issued)}　　编号：{rng.randint(10**9, 10**10 - 1)}"),
                align="center",
                size=9.5,
                above=3.0,
            ),
            Para(runs("单位（纳税人）名称：", payer.name), above=6.0),
            Para(runs("统一社会信用代码：", payer.credit_code)),
            Para(runs("地址：", payer.address)),
            Table(widths, tuple(cells), size=8.5 if total else 9.5, inset=2.0, above=4.0),
            Para(
                runs(f"出具单位：{office}"),
                align="right",
                above=12.0,
                seal=Seal(office, 128.0, 7.0, 40.0, line="业务专用章"),
            ),
            Para(runs(d.cn_date(issued)), align="right", above=2.0),
            Para(runs(note), size=7.5, above=14.0),
        ],
    )
    return page, [("enterprise_name", payer.name), ("credit_code", payer.credit_code)]
