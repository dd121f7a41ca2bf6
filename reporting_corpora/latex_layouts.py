"""The `latex` corpus's layouts: each builds a `Page` (TeX and truth in reading order) from
a seeded Random. TeX's own tables (ruled tabular with \\cline, labels centred over merged
rows, p-columns that wrap) and paragraph breaking."""

from __future__ import annotations

import random
from collections.abc import Callable

from reporting_corpora.latex_data import (
    capital_yuan,
    date,
    enterprise,
    money,
    person,
    phone,
    ymd,
)
from reporting_corpora.latex_doc import Page

Cell = str | tuple[str, str]  # print text, or (role, text)


class Row:
    """A table row being written: cells' TeX and the row's truth, left to right."""

    def __init__(self, page: Page, rng: random.Random) -> None:
        self.page, self.rng = page, rng
        self.tex: list[str] = []
        self.truth: list[str] = []

    def cell(self, *items: Cell, span: int = 0, spec: str = "|l|", raise_rows: int = 0) -> Row:
        tex, words = "", []
        for item in items:
            role, text = ("song", item) if isinstance(item, str) else item
            tex += (
                self.page.run(text, role, self.rng) if role == "hand" else self.page.run(text, role)
            )
            words.append(text)
        if raise_rows:  # a label centred over `raise_rows` merged rows, written in the first
            tex = r"\smash{\raisebox{-" + f"{(raise_rows - 1) / 2:.1f}" + r"\rowh}{" + tex + "}}"
        if span:
            tex = r"\multicolumn{" + str(span) + "}{" + spec + "}{" + tex + "}"
        self.tex.append(tex)
        self.truth.append("".join(words))
        return self

    def end(self, rule: str = r"\hline", strut: bool = False) -> None:
        """The row, its rule under it; `strut`: the row \\rowh high (rows a merged label
        is centred over), the strut in its first cell."""
        if strut:
            self.tex[0] = r"\rule[-0.33\rowh]{0pt}{\rowh}" + self.tex[0]
        self.page.add(" & ".join(self.tex) + r" \\ " + rule, " ".join(w for w in self.truth if w))


def title(page: Page, text: str, size: float = 20) -> None:
    page.add(
        r"{\centering\fontsize{" + f"{size}pt}}{{{size * 1.3:.1f}pt" + r"}\selectfont "
        + page.run(text, "title") + r"\par}\vspace{3mm}",
        text,
    )  # fmt: skip


def para(
    page: Page, rng: random.Random, *items: Cell, indent: bool = True, after: str = "2mm"
) -> None:
    tex, words = (r"\hspace*{2em}" if indent else ""), []
    for item in items:
        role, text = ("song", item) if isinstance(item, str) else item
        tex += page.run(text, role, rng) if role == "hand" else page.run(text, role)
        words.append(text)
    page.add(
        r"{\fontsize{12pt}{22pt}\selectfont " + tex + r"\par}\vspace{" + after + "}", "".join(words)
    )


def right(page: Page, rng: random.Random, *items: Cell, pad: float = 0) -> None:
    tex, words = "", []
    for item in items:
        role, text = ("song", item) if isinstance(item, str) else item
        tex += page.run(text, role, rng) if role == "hand" else page.run(text, role)
        words.append(text)
    tex += r"\hspace*{" + f"{pad}mm" + "}"
    page.add(r"{\raggedleft\fontsize{12pt}{22pt}\selectfont " + tex + r"\par}", "".join(words))


def spanw(*mm: float) -> str:
    """The width of a p-column spanning columns `mm` wide (their padding and rules)."""
    k = len(mm) - 1
    return f"p{{\\dimexpr {sum(mm)}mm+{2 * k}\\tabcolsep+{k}\\arrayrulewidth\\relax}}"


def H(text: str) -> tuple[str, str]:
    return ("hand", text)


# -- 1. food business licence application: ruled table, merged labels, check boxes ---------
def licence_application(rng: random.Random) -> Page:
    page = Page("licence-application")
    firm = enterprise(rng)
    boss, contact = person(rng), person(rng)
    d = date(rng)
    page.add(r"{\fontsize{10pt}{14pt}\selectfont " + page.run("附件1") + r"\par}", "附件1")
    title(page, "食品经营许可申请书")
    number = f"SP{d[0]}{rng.randint(10000, 99999)}"
    page.add(r"{\fontsize{11pt}{16pt}\selectfont " + page.run(f"申请日期：{ymd(d)}") + r"\hfill "
             + page.run(f"受理编号：{number}") + r"\par}\vspace{2mm}",
             f"申请日期：{ymd(d)} 受理编号：{number}")  # fmt: skip
    page.add(
        r"{\fontsize{10.5pt}{15pt}\selectfont\begin{tabular}{|>{\centering\arraybackslash}p{22mm}|p{30mm}|p{46mm}|p{22mm}|p{36mm}|}\hline",
        "",
    )
    r = Row(page, rng)
    r.cell("经营者信息", raise_rows=3).cell("经营者名称").cell(
        H(page.field("enterprise_name", firm.name)), span=3, spec=spanw(46, 22, 36) + "|"
    )
    r.end(r"\cline{2-5}", strut=True)
    r = Row(page, rng)
    r.cell("").cell("统一社会信用代码").cell(H(page.field("credit_code", firm.credit_code))).cell(
        "法定代表人"
    ).cell(H(page.field("person_name", boss.name)))
    r.end(r"\cline{2-5}", strut=True)
    r = Row(page, rng)
    r.cell("").cell("经营者类型").cell(H(firm.form), span=3, spec=spanw(46, 22, 36) + "|")
    r.end(strut=True)
    r = Row(page, rng)
    r.cell("住所", span=2, spec="|>{\\centering\\arraybackslash}" + spanw(22, 30) + "|").cell(
        H(firm.address), span=3, spec=spanw(46, 22, 36) + "|"
    )
    r.end()
    r = Row(page, rng)
    r.cell("联系人", raise_rows=2).cell("姓名").cell(
        H(page.field("person_name", contact.name))
    ).cell("移动电话").cell(H(page.field("phone", contact.phone)))
    r.end(r"\cline{2-5}", strut=True)
    r = Row(page, rng)
    r.cell("").cell("身份证号码").cell(
        H(page.field("id_number", contact.id_number)), span=3, spec=spanw(46, 22, 36) + "|"
    )
    r.end(strut=True)
    kinds = ["食品销售经营者", "餐饮服务经营者", "单位食堂"]
    pick = rng.randrange(3)
    r = Row(page, rng)
    r.cell("主体业态").cell(
        *[("song", ("☑" if i == pick else "☐") + k + "　") for i, k in enumerate(kinds)],
        span=4,
        spec=spanw(30, 46, 22, 36) + "|",
    )
    r.end()
    items = ["预包装食品销售", "散装食品销售", "热食类食品制售", "冷食类食品制售", "糕点类食品制售",
             "自制饮品制售", "保健食品销售", "特殊医学用途配方食品销售"]  # fmt: skip
    chosen = set(rng.sample(range(len(items)), 3))
    r = Row(page, rng)
    r.cell("经营项目").cell(
        *[("song", ("☑" if i in chosen else "☐") + k + "　") for i, k in enumerate(items)],
        span=4,
        spec=spanw(30, 46, 22, 36) + "|",
    )
    r.end()
    r = Row(page, rng)
    r.cell("经营场所").cell(H(firm.address), span=2, spec=spanw(30, 46) + "|").cell("面积").cell(
        H(f"{rng.randint(20, 400)}平方米")
    )
    r.end()
    r = Row(page, rng)
    r.cell("申请材料").cell(
        "1．食品经营许可申请书；2．营业执照复印件；3．与食品经营相适应的主要设备设施布局、操作流程等文件；4．食品安全自查、从业人员健康管理、进货查验记录等规章制度。",
        span=4,
        spec=spanw(30, 46, 22, 36) + "|",
    )
    r.end()
    page.add(r"\end{tabular}\par}\vspace{5mm}", "")
    para(
        page,
        rng,
        "本申请人承诺：所提交的申请材料真实、合法、有效，复印件与原件一致，并对因材料虚假所引发的一切后果承担法律责任。",
    )
    page.add(r"\vspace{6mm}", "")
    right(page, rng, "法定代表人（负责人）签字：", H(boss.name), pad=10)
    right(page, rng, f"{ymd(d)}")
    return page


# -- 2. shareholders' contributions: a wide table of people and an enterprise -------------
def shareholders(rng: random.Random) -> Page:
    page = Page("shareholders")
    firm = enterprise(rng, "有限责任公司")
    title(page, "有限责任公司股东（发起人）出资情况表", 18)
    page.add(r"{\fontsize{11pt}{16pt}\selectfont " + page.run("公司名称：") + page.hand(page.field("enterprise_name", firm.name), rng) + r"\par}\vspace{2mm}",  # noqa: E501
             "公司名称：" + firm.name)  # fmt: skip
    page.add(
        r"{\fontsize{9pt}{13pt}\selectfont\begin{tabular}{|c|p{27mm}|p{40mm}|p{21mm}|p{23mm}|c|c|}\hline",
        "",
    )
    r = Row(page, rng)
    for head in (
        "序号",
        "股东名称或姓名",
        "证件号码",
        "联系电话",
        "认缴出资额（元）",
        "出资方式",
        "出资比例",
    ):
        r.cell(("bold", head))
    r.end()
    n = rng.randint(3, 5)
    amounts = [rng.randint(5, 300) * 10000 for _ in range(n)]
    total = sum(amounts)
    corp = rng.random() < 0.6
    for i in range(n):
        r = Row(page, rng)
        r.cell(str(i + 1))
        if corp and i == n - 1:
            holder = enterprise(rng)
            r.cell(H(page.field("enterprise_name", holder.name))).cell(
                H(page.field("credit_code", holder.credit_code))
            )
            r.cell(H(page.field("phone", phone(rng))))
        else:
            p = person(rng)
            r.cell(H(page.field("person_name", p.name))).cell(
                H(page.field("id_number", p.id_number))
            )
            r.cell(H(page.field("phone", p.phone)))
        r.cell(H(money(amounts[i]))).cell(rng.choice(("货币", "货币", "实物", "知识产权"))).cell(
            f"{amounts[i] * 100 / total:.2f}%"
        )
        r.end()
    r = Row(page, rng)
    r.cell("合计", span=4, spec="|c|").cell(H(money(total))).cell("").cell("100.00%")
    r.end()
    page.add(r"\end{tabular}\par}\vspace{4mm}", "")
    para(page, rng, "注册资本（大写）：", H(capital_yuan(total)), indent=False)
    para(
        page,
        rng,
        "说明：1．股东为自然人的填写居民身份证号码，股东为企业的填写统一社会信用代码；2．出资比例保留两位小数；3．本表不够填写的，可另附页。",
        indent=False,
    )
    page.add(r"\vspace{10mm}", "")
    d = date(rng)
    right(page, rng, "全体股东签字（盖章）：", pad=30)
    right(page, rng, ymd(d))
    return page


# -- 3. business licence duplicate, landscape, two columns, QR-like block and seal ---------
def business_licence(rng: random.Random) -> Page:
    page = Page("business-licence", landscape=True)
    firm = enterprise(rng)
    boss = person(rng)
    d = date(rng, rng.randint(2016, 2025))
    page.add(r"{\centering\fontsize{30pt}{38pt}\selectfont " + page.run("营业执照", "title") + r"\par}"  # noqa: E501
             r"{\centering\fontsize{14pt}{18pt}\selectfont " + page.run("（副　本）") + r"\par}\vspace{2mm}",  # noqa: E501
             "营业执照（副本）")  # fmt: skip
    page.add(
        r"{\fontsize{11pt}{16pt}\selectfont "
        + page.run("统一社会信用代码　")
        + page.run(page.field("credit_code", firm.credit_code))
        + r"\hfill "
        + page.run(f"证照编号：{rng.randint(10**13, 10**14 - 1)}")
        + r"\par}\vspace{6mm}",
        "统一社会信用代码　" + firm.credit_code + " " + page.runs[-1][1],
    )
    capital = rng.randint(10, 900) * 10000
    left = [("名　　称", page.field("enterprise_name", firm.name)),
            ("类　　型", "有限责任公司（自然人投资或控股）" if "有限" in firm.form else firm.form),
            ("法定代表人", page.field("person_name", boss.name)),
            ("经营范围", firm.scope + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）")]  # fmt: skip  # noqa: E501
    rightc = [("注册资本", f"{capital_yuan(capital)}"), ("成立日期", ymd(d)),
              ("营业期限", f"{ymd(d)}至长期"), ("住　　所", firm.address)]  # fmt: skip
    col = []
    for side in (left, rightc):
        rows = []
        for label, value in side:
            rows.append(page.run(label, "bold") + " & " + page.run(value) + r" \\[3mm]")
            page.lines.append(label + value)
        col.append(r"\begin{tabular}[t]{@{}p{26mm}p{80mm}@{}}" + "\n".join(rows) + r"\end{tabular}")
    page.body.append(
        r"{\fontsize{12pt}{19pt}\selectfont "
        + col[0]
        + r"\hspace{12mm}"
        + col[1]
        + r"\par}\vspace{10mm}"
    )
    page.add(r"\begin{minipage}[t]{60mm}" + page.qr(rng, 26) + r"\par\vspace{1mm}{\fontsize{9pt}{12pt}\selectfont "  # noqa: E501
             + page.run("扫描二维码登录国家企业信用信息公示系统了解更多登记、备案、许可、监管信息。") + r"\par}\end{minipage}\hfill",  # noqa: E501
             "扫描二维码登录国家企业信用信息公示系统了解更多登记、备案、许可、监管信息。")  # fmt: skip  # noqa: E501
    city = firm.region[2]
    issue = date(rng)
    page.add(
        r"\begin{minipage}[t]{80mm}{\fontsize{13pt}{20pt}\selectfont "
        + page.run("登记机关")
        + r"\par\vspace{4mm}"
        + page.seal(f"{city}{firm.region[3]}市场监督管理局", "", rng, 38, 4, 19)
        + page.run(ymd(issue))
        + r"\par}\end{minipage}",
        "登记机关 " + ymd(issue),
    )
    page.add(r"\vfill{\centering\fontsize{9pt}{12pt}\selectfont " + page.run("国家市场监督管理总局监制") + r"\par}",  # noqa: E501
             "国家市场监督管理总局监制")  # fmt: skip
    return page


# -- 4. power of attorney in prose with blanks filled in -----------------------------------
def power_of_attorney(rng: random.Random) -> Page:
    page = Page("power-of-attorney")
    firm = enterprise(rng)
    boss, agent = person(rng), person(rng)
    d = date(rng)
    title(page, "授权委托书", 22)
    page.add(r"\vspace{4mm}", "")
    para(
        page,
        rng,
        "委托人：",
        H(page.field("enterprise_name", firm.name)),
        indent=False,
        after="0mm",
    )
    para(
        page,
        rng,
        "统一社会信用代码：",
        H(page.field("credit_code", firm.credit_code)),
        indent=False,
        after="0mm",
    )
    para(
        page,
        rng,
        "法定代表人：",
        H(page.field("person_name", boss.name)),
        "　　联系电话：",
        H(page.field("phone", boss.phone)),
        indent=False,
        after="4mm",
    )
    para(
        page,
        rng,
        "受托人：",
        H(page.field("person_name", agent.name)),
        "　　性别：",
        H(agent.sex),
        "　　出生日期：",
        H(agent.birth),
        indent=False,
        after="0mm",
    )
    para(
        page,
        rng,
        "身份证号码：",
        H(page.field("id_number", agent.id_number)),
        indent=False,
        after="0mm",
    )
    para(page, rng, "住址：", H(agent.address), indent=False, after="0mm")
    para(page, rng, "联系电话：", H(page.field("phone", agent.phone)), indent=False, after="5mm")
    matters = rng.choice(
        (
            "办理企业变更登记",
            "申领食品经营许可证",
            "办理税务登记信息确认",
            "办理社会保险单位参保登记",
        )
    )
    para(page, rng, "现委托上述受托人代表我单位前往", H(f"{firm.region[2]}{firm.region[3]}政务服务中心"),  # noqa: E501
         "，", H(matters), "。受托人在办理上述事项过程中所签署的有关文件，我单位均予以承认，并承担相应的法律责任。")  # fmt: skip  # noqa: E501
    para(
        page,
        rng,
        "委托权限：☑代为提交申请材料　☑代为核对、修改申请材料中的填写错误　☐代为领取相关证照及文书　☑代为签收行政机关出具的文书。",  # noqa: E501
    )
    end = (d[0] + 1, d[1], d[2])
    para(page, rng, "委托期限：自", H(ymd(d)), "至", H(ymd(end)), "止。受托人无转委托权。")
    page.add(r"\vspace{16mm}", "")
    right(page, rng, "委托人（盖章）：", pad=30)
    page.add(page.seal(firm.name, "", rng, 140, 6, 20), "")
    right(page, rng, "法定代表人（签字）：", H(boss.name), pad=10)
    right(page, rng, ymd(d))
    return page


# -- 5. one-time notice of materials to supply, numbered list and seal --------------------
def correction_notice(rng: random.Random) -> Page:
    page = Page("correction-notice")
    applicant = person(rng)
    firm = enterprise(rng, "个体工商户")
    d = date(rng)
    office = f"{firm.region[2]}{firm.region[3]}行政审批局"
    title(page, office, 16)
    title(page, "补正材料一次性告知书", 20)
    number = f"{firm.region[3][:2]}审补字〔{d[0]}〕第{rng.randint(100, 999)}号"
    page.add(
        r"{\centering\fontsize{11pt}{16pt}\selectfont " + page.run(number) + r"\par}\vspace{4mm}",
        number,
    )
    para(page, rng, H(page.field("person_name", applicant.name)), "：", indent=False)
    para(page, rng, "你（单位）于", H(ymd(d)), "提交的", H(page.field("enterprise_name", firm.name)),  # noqa: E501
         "个体工商户设立登记申请材料，经审查，申请材料不齐全或者不符合法定形式。依据《中华人民共和国行政许可法》第三十二条的规定，请你（单位）补正以下材料：")  # fmt: skip  # noqa: E501
    missing = ["经营者本人签署的《个体工商户登记（备案）申请书》原件；",
               "经营者居民身份证复印件（正反面复印在同一页）；",
               "经营场所使用证明，租赁场所需提交租赁合同及产权人的产权证明复印件；",
               "委托代理人办理的，提交经营者签署的授权委托书及代理人身份证明；",
               "经营范围涉及前置许可的，提交有关许可证件或者批准文件；",
               "申请表中联系电话与实名登记信息不一致，请核实后重新填写。"]  # fmt: skip
    picks = sorted(rng.sample(range(len(missing)), rng.randint(3, 5)))
    for k, i in enumerate(picks, 1):
        page.add(
            r"\hangindent=3em\hangafter=1{\fontsize{12pt}{21pt}\selectfont\hspace*{2em}"
            + page.run(f"{k}．{missing[i]}")
            + r"\par}",
            f"{k}．{missing[i]}",
        )
    page.add(r"\vspace{2mm}", "")
    para(
        page,
        rng,
        "请于收到本告知书之日起",
        H(str(rng.choice((5, 10, 15)))),
        "个工作日内补正上述材料。逾期不补正的，视为放弃申请。",
    )
    para(
        page,
        rng,
        "经办人：",
        H(f"{rng.choice('王李张刘陈')}{rng.choice('敏军华')}"),
        "　　咨询电话：",
        f"0{rng.randint(200, 999)}-{rng.randint(1000000, 9999999)}",
        indent=False,
    )
    page.add(r"\vspace{12mm}", "")
    right(page, rng, office, pad=6)
    page.add(page.seal(office, "", rng, 138, 10, 20), "")
    right(page, rng, ymd(d), pad=8)
    page.add(r"\vspace{10mm}", "")
    para(page, rng, "申请人签收：", H(applicant.name), "　　签收日期：", H(ymd(d)), indent=False)
    return page


# -- 6. first page of a house lease: parties in a borderless table, numbered articles ------
def lease(rng: random.Random) -> Page:
    page = Page("lease")
    landlord = person(rng)
    company = rng.random() < 0.5
    tenant_firm = enterprise(rng) if company else None
    tenant = person(rng)
    d = date(rng)
    no = f"ZL-{d[0]}-{rng.randint(1000, 9999)}"
    page.add(
        r"{\raggedleft\fontsize{10pt}{14pt}\selectfont " + page.run(f"合同编号：{no}") + r"\par}",
        f"合同编号：{no}",
    )
    title(page, "房屋租赁合同", 22)
    page.add(
        r"{\fontsize{11pt}{20pt}\selectfont\begin{tabular}{@{}p{30mm}p{56mm}p{26mm}p{50mm}@{}}",
        "",
    )
    r = Row(page, rng)
    r.cell(("bold", "出租方（甲方）：")).cell(H(page.field("person_name", landlord.name)))
    r.cell("联系电话：").cell(H(page.field("phone", landlord.phone)))
    r.end("")
    r = Row(page, rng)
    r.cell("身份证号码：").cell(H(page.field("id_number", landlord.id_number))).cell("").cell("")
    r.end("")
    r = Row(page, rng)
    if tenant_firm is not None:
        r.cell(("bold", "承租方（乙方）：")).cell(
            H(page.field("enterprise_name", tenant_firm.name))
        )
        r.cell("信用代码：").cell(H(page.field("credit_code", tenant_firm.credit_code)))
        r.end("")
        r = Row(page, rng)
        r.cell("委托代理人：").cell(H(page.field("person_name", tenant.name)))
    else:
        r.cell(("bold", "承租方（乙方）：")).cell(H(page.field("person_name", tenant.name)))
        r.cell("身份证号码：").cell(H(page.field("id_number", tenant.id_number)))
        r.end("")
        r = Row(page, rng)
        r.cell("").cell("")
    r.cell("联系电话：").cell(H(page.field("phone", tenant.phone)))
    r.end("")
    page.add(r"\end{tabular}\par}\vspace{3mm}", "")
    para(
        page,
        rng,
        "根据《中华人民共和国民法典》及有关规定，甲、乙双方在平等、自愿、协商一致的基础上，就乙方承租甲方房屋事宜，订立本合同。",
    )
    area = rng.randint(45, 260) + rng.choice((0.0, 0.25, 0.5, 0.86))
    rent = rng.randint(12, 160) * 50
    months = rng.choice((12, 24, 36))
    start = (d[0], d[1], 1)
    end_year, end_month = start[0] + months // 12, start[1]
    use = "办公" if company else "居住"
    para(page, rng, ("bold", "第一条　房屋基本情况。"), "甲方出租的房屋坐落于", H(landlord.address),
         "，建筑面积", H(f"{area:.2f}"), "平方米，房屋用途为", H(use), "。")  # fmt: skip
    para(page, rng, ("bold", "第二条　租赁期限。"), "租赁期自", H(ymd(start)), "起至",
         H(f"{end_year}年{end_month}月{28 if end_month == 2 else 30}日"), "止，共计",
         H(str(months)), "个月。")  # fmt: skip
    para(page, rng, ("bold", "第三条　租金及支付方式。"), "月租金为人民币", H(money(rent)),
         "（大写：", H(capital_yuan(rent)), "），按", H(rng.choice(("月", "季度", "半年"))),
         "支付，乙方应于每期开始前五日内支付当期租金。")  # fmt: skip
    para(page, rng, ("bold", "第四条　押金。"), "乙方于签订本合同之日向甲方支付押金", H(money(rent * 2)),  # noqa: E501
         "，租赁期满乙方结清各项费用并交还房屋后，甲方应将押金无息退还乙方。")  # fmt: skip
    para(page, rng, ("bold", "第五条　相关费用。"), "租赁期内，水费、电费、燃气费、物业管理费由",
         H("乙方"), "承担；房屋及附属设施的自然损耗维修由甲方负责。")  # fmt: skip
    para(
        page,
        rng,
        ("bold", "第六条　转租。"),
        "未经甲方书面同意，乙方不得将房屋转租、转借他人，不得擅自改变房屋结构和用途。",
    )
    para(page, rng, "（下接第二页）", indent=False)
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "licence-application": licence_application,
    "shareholders": shareholders,
    "business-licence": business_licence,
    "power-of-attorney": power_of_attorney,
    "correction-notice": correction_notice,
    "lease": lease,
}
