"""Layouts of the `typst` reporting corpus: hall materials set the way Typst sets them
(ruled tables with merged cells, grids, justified paragraphs), each written in a person's
reading order so that the truth `Doc` collects is the page's text in that order."""

from __future__ import annotations

import random
from datetime import timedelta

from reporting_corpora.typst_data import (
    Business,
    business,
    cn_date,
    person,
    recent,
)
from reporting_corpora.typst_markup import Doc, cells, lit

GREY = "luma(232)"


def cell(content: str, colspan: int = 1, rowspan: int = 1, align: str = "", fill: str = "") -> str:
    args = []
    if colspan > 1:
        args.append(f"colspan: {colspan}")
    if rowspan > 1:
        args.append(f"rowspan: {rowspan}")
    if align:
        args.append(f"align: {align}")
    if fill:
        args.append(f"fill: {fill}")
    return f"table.cell({', '.join([*args, content])})"


def table(columns: str, items: list[str], size: str = "") -> str:
    code = f"table(columns: {columns}, align: horizon, {', '.join(items)})"
    return f"text(size: {size}, {code})" if size else code


def checks(d: Doc, options: tuple[str, ...], chosen: str) -> str:
    """Check boxes in one cell: ☑ before the chosen option, □ before the others."""
    pieces = [d.t(("☑" if o == chosen else "□") + o) for o in options]
    return "[" + "#h(1.2em)".join(f"#{p}" for p in pieces) + "]"


def qr_rows(rng: random.Random, n: int = 25) -> str:
    """A QR-like block: three finder squares and random modules, as a Typst array."""
    grid = [[rng.random() < 0.5 for _ in range(n)] for _ in range(n)]
    for oy, ox in ((0, 0), (0, n - 7), (n - 7, 0)):
        for y in range(-1, 8):
            for x in range(-1, 8):
                if 0 <= oy + y < n and 0 <= ox + x < n:
                    ring = max(abs(y - 3), abs(x - 3))
                    grid[oy + y][ox + x] = ring in (0, 1, 3) if 0 <= y < 7 and 0 <= x < 7 else False
    rows = ["".join("1" if b else "0" for b in row) for row in grid]
    return "(" + ", ".join(lit(r) for r in rows) + ")"


def seal(d: Doc, ring: str, middle: str = "", size: str = "4.2cm") -> str:
    """A red seal: its words are ink, not text to read."""
    d.ink("★")
    return f"seal({d.ink(ring)}, {d.ink(middle)}, size: {size})"


def authority(biz: Business) -> str:
    area = biz.address
    city = area.split("省")[-1].split("市")[0]
    if "自治区" in area:
        city = area.split("自治区")[1].split("市")[0]
    return f"{city}市市场监督管理局"


def registration_form(rng: random.Random) -> Doc:
    d = Doc("registration_form")
    taken: set[str] = set()
    biz, rep, agent = business(rng), person(rng, taken), person(rng, taken)
    day = recent(rng)
    d.par(d.t("公司设立登记申请书", size="18pt", bold=True), align="center")
    d.par(
        d.t("受理编号：", size="9pt"),
        d.t(f"SL{day:%Y%m%d}{rng.randint(1000, 9999)}", size="9pt"),
        align="right",
    )
    kinds = ("有限责任公司", "股份有限公司", "一人有限责任公司")
    chosen = "股份有限公司" if biz.form == "股份有限公司" else rng.choice(kinds[::2])
    term = rng.choice(("长期", "20年", "30年"))
    end = day + timedelta(days=365 * rng.choice((1, 2, 3)))
    items = [
        cell(cells(d.t("基本信息", bold=True)), colspan=4, fill=GREY),
        cells(d.t("名称")),
        cell(cells(d.hand(biz.name)), colspan=3),
        cells(d.t("住所")),
        cell(cells(d.hand(biz.address)), colspan=3),
        cells(d.t("法定代表人")),
        cells(d.hand(rep.name)),
        cells(d.t("身份证件号码")),
        cells(d.hand(rep.id_number)),
        cells(d.t("注册资本")),
        cells(d.hand(f"{biz.capital}万元")),
        cells(d.t("联系电话")),
        cells(d.hand(rep.phone)),
        cells(d.t("公司类型")),
        cell(checks(d, kinds, chosen), colspan=3),
        cells(d.t("经营范围")),
        cell(cells(d.hand(biz.scope + "。")), colspan=3),
        cells(d.t("营业期限")),
        cells(d.t(f"☑{term}" if term == "长期" else f"□长期 ☑{term}")),
        cells(d.t("执照副本")),
        cells(d.t(f"{rng.randint(1, 3)}份")),
        cell(cells(d.t("委托代理人", bold=True)), colspan=4, fill=GREY),
        cells(d.t("姓名")),
        cells(d.hand(agent.name)),
        cells(d.t("身份证件号码")),
        cells(d.hand(agent.id_number)),
        cells(d.t("联系电话")),
        cells(d.hand(agent.phone)),
        cells(d.t("委托期限")),
        cells(d.t(f"{day:%Y.%m.%d}至{end:%Y.%m.%d}")),
        cell(cells(d.t("申请人声明")), rowspan=2),
        cell(
            cells(
                d.t(
                    "本申请人和签字人承诺提交的材料文件和填报的信息真实有效，"
                    "并承担相应的法律责任；已知悉登记机关不对材料内容的真实性作实质审查。"
                )
            ),
            colspan=3,
        ),
        cell(
            cells(
                d.t("法定代表人签字："),
                d.hand(rep.name),
                "h(3em)",
                d.t("日期："),
                d.hand(cn_date(day)),
            ),
            colspan=3,
        ),
    ]
    d.add(table("(2.9cm, 1fr, 3.1cm, 1fr)", items))
    d.space("0.6em")
    d.par(
        d.t(
            "注：1.本申请书应当使用A4纸，用黑色钢笔或签字笔填写，字迹工整；"
            "2.“公司类型”栏在对应选项前的方框内打勾。",
            size="9pt",
        )
    )
    d.field("enterprise_name", biz.name)
    d.field("person_name", rep.name)
    d.field("id_number", rep.id_number)
    return d


def business_licence(rng: random.Random) -> Doc:
    d = Doc("business_licence", landscape=True, margin="(x: 2.4cm, y: 1.8cm)", size="12pt")
    biz, rep = business(rng), person(rng)
    d.par(d.t("营业执照", size="30pt", bold=True), align="center")
    d.par(d.t("（副本）", size="13pt"), align="center")
    d.add(
        "grid(columns: (1fr, 1fr), "
        + cells(
            d.t("统一社会信用代码", size="11pt"), "linebreak()", d.t(biz.credit_code, size="13pt")
        )
        + ", align(right, "
        + cells(
            d.t("证照编号：", size="11pt"), d.t(f"{rng.randint(10**13, 10**14 - 1)}", size="11pt")
        )
        + "))"
    )
    d.space("0.8em")

    def column(entries: list[tuple[str, str]]) -> str:
        pieces = []
        for label, value in entries:
            pieces += [cells(d.t(label)), cells(d.t(value))]
        return (
            "grid(columns: (5.2em, 1fr), column-gutter: 0.8em, row-gutter: 1.1em, "
            f"{', '.join(pieces)})"
        )

    left = column(
        [
            ("名称", biz.name),
            ("类型", f"{biz.form}（自然人投资或控股）" if "股份" not in biz.form else biz.form),
            ("法定代表人", rep.name),
            ("经营范围", biz.scope + "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
        ]
    )
    right = column(
        [
            ("注册资本", f"{biz.capital}万元整"),
            ("成立日期", cn_date(biz.founded)),
            ("营业期限", f"{cn_date(biz.founded)}至长期"),
            ("住所", biz.address),
        ]
    )
    qr = (
        "align(center, [#qr("
        + qr_rows(rng)
        + ")#v(0.3em)#"
        + d.t(
            "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。",
            size="8pt",
        )
        + "])"
    )
    d.add(f"grid(columns: (1fr, 1fr, 3.6cm), column-gutter: 1.4cm, {left}, {right}, {qr})")
    d.space("1fr")
    day = recent(rng)
    sign = cells(d.t("登记机关"), "linebreak()", d.t(cn_date(day)))
    d.add(
        "align(right, box(inset: (right: 2cm), ["
        f"{sign[1:-1]}#place(center + horizon, dx: -1cm, {seal(d, authority(biz), '', '3.8cm')})"
        "]))"
    )
    d.space("0.4em")
    d.par(
        d.t("国家企业信用信息公示系统网址：www.gsxt.gov.cn", size="9pt"),
        d.t("　国家市场监督管理总局监制", size="9pt"),
        align="center",
    )
    d.field("credit_code", biz.credit_code)
    d.field("enterprise_name", biz.name)
    d.field("person_name", rep.name)
    return d


def power_of_attorney(rng: random.Random) -> Doc:
    d = Doc("power_of_attorney", size="12pt", margin="(x: 2.8cm, y: 2.6cm)")
    taken: set[str] = set()
    principal, agent, biz = person(rng, taken), person(rng, taken), business(rng)
    day = recent(rng)
    d.par(d.t("授 权 委 托 书", size="20pt", bold=True), align="center")
    d.space("0.8em")
    for label, value in (
        ("委托人：", principal.name),
        ("身份证号码：", principal.id_number),
        ("住址：", principal.address),
        ("受托人：", agent.name),
        ("身份证号码：", agent.id_number),
        ("联系电话：", agent.phone),
    ):
        d.par(d.t(label), d.hand(value))
    d.par(d.t("企业名称："), d.hand(biz.name))
    matter = rng.choice(("设立登记", "变更登记", "备案", "注销登记"))
    d.par(
        d.t(
            f"现委托受托人代表本人向{authority(biz)}办理上述企业的{matter}事宜，"
            "具体委托事项及权限如下："
        ),
        indent=True,
    )
    for n, text in zip(
        "一二三四",
        (
            "代为提交、补正、更正有关申请材料；",
            "代为核对登记材料中的复印件并签署核对意见；",
            "代为修改企业自备文件中的文字错误；",
            "代为领取营业执照和有关文书。",
        ),
        strict=True,
    ):
        d.par(d.t(f"{n}、{text}"), indent=True)
    end = day + timedelta(days=rng.choice((30, 90, 180)))
    d.par(d.t(f"委托期限：自{cn_date(day)}至{cn_date(end)}。"), indent=True)
    d.par(
        d.t(
            "受托人在上述权限内签署的一切文件和办理的一切事务，委托人均予以承认，"
            "并承担相应的法律责任。受托人无转委托权。"
        ),
        indent=True,
    )
    d.space("2.5em")
    left = cells(
        d.t("委托人（签字）："),
        d.hand(principal.name, size="15pt"),
        "linebreak()",
        d.hand(cn_date(day)),
    )
    right = cells(
        d.t("受托人（签字）："),
        d.hand(agent.name, size="15pt"),
        "linebreak()",
        d.hand(cn_date(day)),
    )
    d.add(f"grid(columns: (1fr, 1fr), row-gutter: 1em, {left}, {right})")
    d.space("2em")
    d.par(d.t("附：委托人、受托人身份证件复印件各一份。", size="10pt"))
    d.field("person_name", principal.name)
    d.field("id_number", principal.id_number)
    d.field("enterprise_name", biz.name)
    return d


def shareholder_table(rng: random.Random) -> Doc:
    d = Doc("shareholder_table", size="10pt", margin="(x: 1.8cm, y: 2.2cm)")
    taken: set[str] = set()
    biz = business(rng)
    holders = [person(rng, taken) for _ in range(rng.randint(2, 4))]
    corporate = business(rng) if rng.random() < 0.6 else None
    count = len(holders) + (corporate is not None)
    units = biz.capital // 5
    cuts = (
        sorted(rng.sample(range(1, units), count - 1)) if units > count else list(range(1, count))
    )
    shares = [5 * (b - a) for a, b in zip([0, *cuts], [*cuts, units], strict=True)]
    shares[-1] += biz.capital - sum(shares)
    d.par(d.t("股东（发起人）出资情况表", size="17pt", bold=True), align="center")
    d.space("0.4em")
    d.par(d.t("企业名称："), d.hand(biz.name))
    d.par(d.t("统一社会信用代码："), d.hand(biz.credit_code))
    head = [
        "序号",
        "股东名称或姓名",
        "证件类型",
        "证件号码",
        "认缴出资额（万元）",
        "出资方式",
        "出资比例",
    ]
    items = [cell(cells(d.t(h, bold=True)), align="center", fill=GREY) for h in head]
    rows: list[tuple[str, str, str]] = [(p.name, "居民身份证", p.id_number) for p in holders]
    if corporate:
        rows.insert(rng.randint(0, len(rows)), (corporate.name, "营业执照", corporate.credit_code))
    way = rng.choice(("货币", "货币", "实物", "知识产权"))
    for i, ((name, kind, number), amount) in enumerate(zip(rows, shares, strict=True)):
        items += [
            cell(cells(d.t(str(i + 1))), align="center"),
            cells(d.hand(name)),
            cells(d.t(kind)),
            cells(d.hand(number)),
            cell(cells(d.hand(f"{amount}")), align="right"),
            cells(d.t(way)),
            cell(cells(d.t(f"{100 * amount / biz.capital:.2f}%")), align="right"),
        ]
    items += [
        cell(cells(d.t("合计")), colspan=4, align="center"),
        cell(cells(d.t(str(biz.capital))), align="right"),
        cells(d.t("—")),
        cell(cells(d.t("100%")), align="right"),
    ]
    d.add(table("(2.6em, 1fr, 6.2em, auto, 5.4em, 4.2em, 5.2em)", items))
    d.space("0.5em")
    d.par(
        d.t(
            "注：出资时间均为公司成立之日起二十年内；股东为企业的，证件号码填写统一社会信用代码。",
            size="9pt",
        )
    )
    d.space("1.2em")
    day = recent(rng)
    filler = holders[0]
    d.par(d.t("全体股东（签字、盖章）："))
    d.space("2.5em")
    d.add(
        "grid(columns: (1fr, 1fr), "
        + cells(d.t("填表人："), d.hand(filler.name))
        + ", "
        + cells(d.t("填表日期："), d.hand(cn_date(day)))
        + ")"
    )
    d.field("enterprise_name", biz.name)
    d.field("credit_code", biz.credit_code)
    d.field("person_name", filler.name)
    d.field("id_number", filler.id_number)
    return d


MATERIALS = (
    ("公司章程", "章程第十二条股东出资时间与申请书不一致，请修改后由全体股东签字"),
    ("法定代表人任职文件", "缺少股东会决议原件，复印件需注明“与原件一致”并签字"),
    ("住所使用证明", "租赁合同已过期，请提交有效期内的租赁合同及产权证明复印件"),
    ("股东身份证明", "身份证复印件模糊不清，请重新提交清晰的正反面复印件"),
    ("指定代表或者共同委托代理人授权委托书", "委托期限未填写，委托事项未勾选"),
    ("登记申请书", "经营范围表述不规范，请按经营范围规范目录重新填写"),
)


def correction_notice(rng: random.Random) -> Doc:
    d = Doc("correction_notice", size="11pt")
    biz, signer = business(rng), person(rng)
    day = recent(rng)
    d.par(d.t("补正材料一次性告知书", size="19pt", bold=True), align="center")
    d.par(d.t(f"编号：市监补字〔2026〕第{rng.randint(100, 999)}号", size="10pt"), align="right")
    matter = rng.choice(("变更登记", "设立登记", "备案"))
    d.add(
        table(
            "(2.8cm, 1fr, 3.4cm, 1fr)",
            [
                cells(d.t("申请人")),
                cell(cells(d.hand(biz.name)), colspan=3),
                cells(d.t("统一社会信用代码")),
                cells(d.hand(biz.credit_code)),
                cells(d.t("申请事项")),
                cells(d.t(f"企业{matter}")),
            ],
        )
    )
    d.space("0.4em")
    submitted = day - timedelta(days=rng.randint(1, 5))
    d.par(
        d.t(
            f"你（单位）于{cn_date(submitted)}提交的企业{matter}申请材料，经审查，"
            "申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条"
            "的规定，现一次性告知你（单位）需要补正的全部内容如下："
        ),
        indent=True,
    )
    chosen = rng.sample(MATERIALS, rng.randint(2, 4))
    items = [
        cell(cells(d.t(h, bold=True)), align="center", fill=GREY)
        for h in ("序号", "需补正的材料", "补正要求")
    ]
    for i, (name, need) in enumerate(chosen):
        items += [cell(cells(d.t(str(i + 1))), align="center"), cells(d.t(name)), cells(d.t(need))]
    d.add(table("(3em, 4.5cm, 1fr)", items))
    d.space("0.4em")
    d.par(
        d.t(
            "请于收到本告知书之日起三十日内补正。逾期未补正的，视为撤回申请；"
            "补正后的材料符合要求的，本机关将予以受理。"
        ),
        indent=True,
    )
    d.par(
        d.t(
            f"受理窗口：综合受理区{rng.randint(1, 24)}号窗口　"
            f"咨询电话：0{rng.randint(10, 99)}-{rng.randint(10**7, 10**8 - 1)}"
        ),
        indent=True,
    )
    d.space("1.5em")
    sign = cells(d.t(authority(biz)), "linebreak()", d.t(cn_date(day)))
    d.add(
        "align(right, box(inset: (right: 1cm), ["
        f"{sign[1:-1]}#place(center + horizon, dx: -0.5cm, "
        f"{seal(d, authority(biz), '行政审批专用章')})"
        "]))"
    )
    d.space("1.5em")
    d.add('line(length: 100%, stroke: (dash: "dashed", thickness: 0.6pt))')
    d.par(
        d.t("申请人签收："),
        d.hand(signer.name),
        "h(2em)",
        d.t("身份证号码："),
        d.hand(signer.id_number),
        "h(2em)",
        d.t("签收日期："),
        d.hand(cn_date(day)),
    )
    d.field("enterprise_name", biz.name)
    d.field("credit_code", biz.credit_code)
    d.field("person_name", signer.name)
    d.field("id_number", signer.id_number)
    return d


def lease(rng: random.Random) -> Doc:
    d = Doc("lease", size="11pt", margin="(x: 2.5cm, y: 2.3cm)")
    taken: set[str] = set()
    owner, rep, tenant = person(rng, taken), person(rng, taken), business(rng)
    day = recent(rng)
    years = rng.randint(1, 5)
    area = rng.randint(45, 680) + rng.choice((0, 0.5, 0.25))
    rent = rng.randint(30, 400) * 100
    d.par(d.t("房屋租赁合同", size="20pt", bold=True), align="center")
    d.par(d.t(f"合同编号：ZL-{day:%Y}-{rng.randint(1000, 9999)}", size="9.5pt"), align="right")
    for label, value, hand in (
        ("出租方（甲方）：", owner.name, True),
        ("身份证号码：", owner.id_number, True),
        ("联系电话：", owner.phone, True),
        ("承租方（乙方）：", tenant.name, True),
        ("统一社会信用代码：", tenant.credit_code, True),
        ("法定代表人：", rep.name, True),
    ):
        d.par(d.t(label), d.hand(value) if hand else d.t(value))
    d.par(
        d.t(
            "根据《中华人民共和国民法典》及有关法律法规的规定，甲、乙双方在平等、自愿、"
            "协商一致的基础上，就乙方承租甲方房屋事宜，订立本合同。"
        ),
        indent=True,
    )
    end = day.replace(year=day.year + years) - timedelta(days=1)
    clauses = (
        f"第一条　甲方将坐落于{owner.address}的房屋出租给乙方，建筑面积{area:g}平方米，"
        "房屋用途为办公，乙方不得擅自改变用途。",
        f"第二条　租赁期限自{cn_date(day)}起至{cn_date(end)}止，共{years}年。",
        f"第三条　月租金为人民币{rent}元，按季度支付，乙方应于每季度首月五日前支付当季租金。",
        f"第四条　乙方应于本合同签订之日向甲方支付押金人民币{rent * 2}元，"
        "租赁期满乙方交还房屋且无欠费的，甲方应如数退还。",
        "第五条　租赁期间，水、电、燃气、物业管理等费用由乙方承担；房屋主体结构的维修由甲方负责。",
        "第六条　本合同一式三份，甲、乙双方各执一份，登记备案机关存档一份，"
        "自双方签字盖章之日起生效。",
    )
    for text in clauses:
        d.par(d.t(text), indent=True)
    d.space("2em")
    left = cells(
        d.t("甲方（签字）："),
        d.hand(owner.name, size="14pt"),
        "linebreak()",
        d.t("日期："),
        d.hand(cn_date(day)),
    )
    right = cells(
        d.t("乙方（盖章）："),
        d.t(tenant.name),
        "linebreak()",
        d.t("法定代表人："),
        d.hand(rep.name, size="14pt"),
        "linebreak()",
        d.t("日期："),
        d.hand(cn_date(day)),
        f"place(center + horizon, dx: -1cm, {seal(d, tenant.name, '合同专用章', '4cm')})",
    )
    d.add(f"grid(columns: (1fr, 1.3fr), {left}, box({right}))")
    d.field("person_name", owner.name)
    d.field("id_number", owner.id_number)
    d.field("enterprise_name", tenant.name)
    d.field("credit_code", tenant.credit_code)
    return d
