"""The `typeset` corpus's layouts, part two: a legal representative's identity letter with
fill-in lines in Kai "handwriting", a power of attorney with a table of agents, a portrait
business license with credit code, QR code and a seal over its date, and an application
form with check boxes and multi-line cells. Check boxes are drawn as ■ (ticked) and □: the
corpus's fonts have no ☑."""

from __future__ import annotations

import random

from reporting_corpora import typeset_data as d
from reporting_corpora.typeset_doc import Cell, Page, Para, Qr, Run, Seal, Side, Table, runs
from reporting_corpora.typeset_layouts import Fields, kai, title

POSTS = ("执行董事", "董事长", "执行董事兼总经理", "执行事务合伙人", "负责人", "经营者")
MATTERS = (
    "企业变更登记",
    "营业执照副本领取",
    "食品经营许可证申请",
    "不动产抵押登记",
    "税务登记信息变更",
)
SCOPES = (
    "一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；"
    "计算机系统服务；办公设备销售；日用百货销售；会议及展览服务",
    "一般项目：农产品的生产、销售、加工、运输、贮藏及其他相关服务；农业机械服务；"
    "与农业生产经营有关的技术、信息、设施建设运营等服务",
    "许可项目：餐饮服务；食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
    "具体经营项目以相关部门批准文件或许可证件为准）",
    "律师业务：民事、商事诉讼代理；刑事辩护；行政诉讼代理；担任法律顾问；非诉讼法律事务",
)


def box(ticked: bool) -> str:
    return "■" if ticked else "□"


def choices(options: tuple[str, ...], pick: int) -> str:
    return "　".join(f"{box(k == pick)}{o}" for k, o in enumerate(options))


def legal_rep(rng: random.Random) -> tuple[Page, Fields]:
    rep = d.person(rng, 1960, 1992)
    company = d.enterprise(rng, rng.choice(("company", "company", "branch", "coop")))
    post = rng.choice(POSTS[:3])
    when = d.day(rng)
    age = when.year - rep.birth.year
    body = runs(
        "姓名：",
        kai(rep.name, fill=True),
        "　性别：",
        kai(rep.sex, fill=True),
        "　年龄：",
        kai(str(age), fill=True),
        "岁，身份证号码：",
        kai(rep.id_number, fill=True),
        "，系",
        kai(company.name, fill=True),
        "的",
        kai(post, fill=True),
        "，为本单位的法定代表人。",
    )
    page = Page(
        [
            title("法定代表人身份证明书", 20.0, above=10.0),
            Para(body, size=12.0, indent=True, above=14.0, leading=1.6),
            Para(runs("特此证明。"), size=12.0, indent=True, above=4.0),
            Para(
                runs("附：法定代表人身份证正反面复印件（加盖单位公章）。"),
                size=10.5,
                indent=True,
                above=6.0,
            ),
            Para(runs("单位名称（盖章）：", company.name), size=12.0, above=40.0),
            Para(runs("统一社会信用代码：", company.credit_code), size=12.0, above=3.0),
            Para(runs("单位地址：", company.address), size=12.0, above=3.0),
            Para(
                runs("日期：", kai(d.cn_date(when))),
                size=12.0,
                above=3.0,
                seal=Seal(company.name, 60.0, -16.0, 42.0),
            ),
        ],
        margin=(28.0, 24.0, 24.0, 24.0),
    )
    fields = [
        ("person_name", rep.name),
        ("id_number", rep.id_number),
        ("enterprise_name", company.name),
        ("credit_code", company.credit_code),
    ]
    return page, fields


def poa_agents(rng: random.Random) -> tuple[Page, Fields]:
    company = d.enterprise(rng, rng.choice(("company", "shop", "lawfirm", "partnership")))
    boss = d.person(rng)
    agents = [d.person(rng) for _ in range(rng.randint(2, 3))]
    employer = d.enterprise(rng, "company", long=True)
    start = d.day(rng)
    end = d.day(rng, start, 365)
    header = ("序号", "姓名", "身份证号码", "联系电话", "工作单位", "委托权限")
    cells = [Cell(runs(h), label=True) for h in header]
    powers = (
        "代为提交、签收申请材料；代为领取证照",
        "代为查询办理进度",
        "代为签署申请书及相关文件",
    )
    for k, agent in enumerate(agents, 1):
        cells += [
            Cell(runs(str(k)), align="center"),
            Cell(runs(agent.name), align="center"),
            Cell(runs(agent.id_number)),
            Cell(runs(agent.phone)),
            Cell(runs(employer.name if k == 1 else company.name)),
            Cell(runs(rng.choice(powers))),
        ]
    page = Page(
        [
            title("授权委托书", 22.0, above=6.0),
            Para(runs("委托人（单位）：", company.name), above=10.0),
            Para(runs("统一社会信用代码：", company.credit_code)),
            Para(runs("法定代表人：", boss.name, "　联系电话：", boss.phone)),
            Para(
                runs(
                    f"现委托下列人员作为我单位代理人，代为办理{rng.choice(MATTERS)}事宜。"
                    f"委托期限自{d.iso(start)}至{d.iso(end)}。代理人在委托权限内签署的一切"
                    "文件和处理的有关事务，我单位均予以承认，由此产生的法律后果由我单位承担。"
                ),
                indent=True,
                above=4.0,
                leading=1.0,
            ),
            Table((0.6, 1.1, 2.6, 1.9, 2.4, 2.4), tuple(cells), size=9.5, inset=2.0, above=5.0),
            Para(runs("代理人无转委托权。"), indent=True, above=4.0),
            Para(runs("委托人（盖章）：", company.name), above=18.0),
            Para(
                runs("法定代表人（签字）：", kai(boss.name)),
                above=4.0,
                seal=Seal(company.name, 45.0, -8.0, 40.0),
            ),
            Para(runs("受托人（签字）：", *(kai(a.name + "　") for a in agents)), above=4.0),
            Para(runs(d.cn_date(start)), align="right", above=8.0),
        ]
    )
    fields: Fields = [("enterprise_name", company.name), ("credit_code", company.credit_code)]
    fields += [("person_name", boss.name), ("phone", boss.phone)]
    for agent in agents:
        fields += [("person_name", agent.name), ("id_number", agent.id_number)]
    return page, fields


def license_portrait(rng: random.Random) -> tuple[Page, Fields]:
    firm = d.enterprise(rng)
    boss = d.person(rng)
    founded = d.day(rng, d.date(2005, 1, 1), 7000)
    issued = d.day(rng, founded, 2000)
    kind = firm.kind
    who, seat = "法定代表人", "住所"
    scope = rng.choice(SCOPES[:2])
    if kind == "个体工商户":
        who, seat, scope = "经营者", "经营场所", SCOPES[2]
    elif kind.endswith("合伙企业") or "分公司" in kind:
        who, seat = ("执行事务合伙人", "主要经营场所") if "合伙" in kind else ("负责人", "营业场所")
    elif kind == "农民专业合作社":
        seat = "住所"
    elif "律师" in kind:
        who, seat, scope = "负责人", "执业场所", SCOPES[3]
    lines: list[tuple[str, str]] = [("名　　称", firm.name), ("类　　型", kind), (who, boss.name)]
    if "公司" in kind and "分公司" not in kind:
        capital = rng.choice((10, 50, 100, 500, 1000, 3000))
        lines.append(("注册资本", f"人民币{capital}万元整"))
    lines += [
        ("成立日期", d.cn_date(founded)),
        ("营业期限", f"{d.cn_date(founded)}至{'长期' if rng.random() < 0.6 else '2045年12月31日'}"),
        (seat, firm.address),
        ("经营范围", scope + "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
    ]
    authority = f"{firm.place.city}{firm.place.district}市场监督管理局"
    serial = f"{rng.randint(10**11, 10**12 - 1)}"
    head = Side(
        (
            (
                Para(runs("统一社会信用代码"), size=11.0, above=6.0),
                Para(runs(firm.credit_code), size=13.0, above=1.0),
                Para(runs(f"证照编号：{serial}"), size=9.0, above=2.0),
            ),
            (
                Qr(f"https://www.gsxt.gov.cn/id/{firm.credit_code}", size=24.0),
                Para(runs("扫码查询企业信用信息"), size=7.0, above=1.0),
            ),
        ),
        (3.0, 1.0),
    )
    body = [
        Para(
            runs(Run(label, bold=True), "　" + value),
            size=11.5,
            above=3.5,
            leading=0.9,
        )
        for label, value in lines
    ]
    page = Page(
        [
            head,
            title("营业执照", 36.0, above=6.0),
            Para(runs("（副　本）"), align="center", size=12.0, above=1.0),
            *body,
            Para(runs("登记机关"), align="right", size=12.0, above=22.0),
            Para(
                runs(d.cn_date(issued)),
                align="right",
                size=12.0,
                above=3.0,
                seal=Seal(authority, 150.0, -6.0, 44.0),
            ),
            Para(
                runs("国家企业信用信息公示系统网址：www.gsxt.gov.cn"),
                align="center",
                size=8.0,
                above=14.0,
            ),
            Para(runs("国家市场监督管理总局监制"), align="center", size=8.0, above=1.0),
        ],
        margin=(24.0, 24.0, 22.0, 24.0),
        border=True,
    )
    fields = [
        ("credit_code", firm.credit_code),
        ("enterprise_name", firm.name),
        ("person_name", boss.name),
    ]
    return page, fields


def application(rng: random.Random) -> tuple[Page, Fields]:
    who = d.person(rng)
    shop = d.enterprise(rng, rng.choice(("shop", "shop", "coop")))
    staff = rng.randint(1, 12)
    funds = rng.choice((3, 5, 10, 20, 50)) * 10_000
    label = lambda text: Cell(runs(text), label=True)  # noqa: E731
    wide = lambda *parts: Cell(runs(*parts), colspan=3)  # noqa: E731
    cells = [
        label("申请事项"),
        wide(choices(("设立登记", "变更登记", "注销登记", "备案"), rng.choice((0, 0, 1, 3)))),
        label("名称"),
        wide(kai(shop.name)),
        label("申请人姓名"),
        Cell(runs(kai(who.name))),
        label("联系电话"),
        Cell(runs(kai(who.phone))),
        label("证件类型"),
        Cell(runs(choices(("居民身份证", "其他"), 0))),
        label("证件号码"),
        Cell(runs(kai(who.id_number))),
        label("经营场所"),
        wide(kai(shop.address)),
        label("经营范围"),
        wide(kai(SCOPES[2] if "合作社" not in shop.name else SCOPES[1])),
        label("从业人数"),
        Cell(runs(kai(f"{staff}人"))),
        label("资金数额"),
        Cell(runs(kai(f"{d.amount(funds)}元"))),
        label("是否申领发票"),
        Cell(runs(choices(("是", "否"), rng.randint(0, 1)))),
        label("领取方式"),
        Cell(runs(choices(("窗口领取", "邮寄送达"), rng.randint(0, 1)))),
        label("申请人声明"),
        wide(
            "本人承诺所提交的申请材料真实有效，复印件与原件一致，所填写的信息真实准确；"
            "如有虚假，本人愿意承担相应的法律责任。本人同意登记机关通过短信、电子邮件"
            "等方式向本人送达相关文书。"
        ),
        label("申请人签字"),
        Cell(runs(kai(who.name))),
        label("日期"),
        Cell(runs(kai(d.iso(d.day(rng))))),
    ]
    page = Page(
        [
            title(f"{shop.kind}登记申请书", 18.0, above=4.0),
            Para(
                runs(f"受理编号：{rng.randint(10**7, 10**8 - 1)}（由登记机关填写）"),
                align="right",
                size=9.0,
                above=4.0,
            ),
            Table((1.3, 2.2, 1.1, 2.2), tuple(cells), size=10.5, inset=3.0, above=3.0),
            Para(
                runs(
                    "填表说明：1.“申请事项”请在□内打“■”；2.名称、经营场所须与证明材料一致；"
                    "3.本表一式两份，使用黑色签字笔填写，字迹清晰。"
                ),
                size=8.0,
                above=5.0,
            ),
        ]
    )
    fields = [
        ("enterprise_name", shop.name),
        ("person_name", who.name),
        ("phone", who.phone),
        ("id_number", who.id_number),
    ]
    return page, fields
