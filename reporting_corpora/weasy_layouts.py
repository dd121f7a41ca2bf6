"""The six layouts of the `weasy` corpus: submissions at a service hall's counter, each a
page model (`weasy_model`) built from the page's random generator."""

from __future__ import annotations

import random

from reporting_corpora.weasy_data import date_cn, enterprise, landline, person
from reporting_corpora.weasy_model import (
    QR,
    Block,
    Grid,
    L,
    Page,
    Run,
    Seal,
    Side,
    Signed,
    Title,
    V,
    para,
)


def _amount(rng: random.Random) -> str:
    return f"{rng.choice((3, 5, 10, 30, 50, 100, 200, 500))}.00"


def getihu_form(rng: random.Random) -> Page:
    """个体工商户登记（备案）申请书: a grid with check boxes, entries by hand."""
    op, shop = person(rng), enterprise(rng, "个体工商户")
    family = rng.random() < 0.4
    page = Page("form")
    page.blocks += [
        Title("个体工商户登记（备案）申请书"),
        Grid(
            [
                [L("申请类别"), V("[x]设立登记　[ ]变更登记　[ ]注销登记　[ ]备案", 3)],
                [L("个体工商户名称"), V(shop.name, 3, "enterprise_name", hand=True)],
                [
                    L("经营者姓名"),
                    V(op.name, field="person_name", hand=True),
                    L("性别"),
                    V(op.sex, hand=True),
                ],
                [
                    L("公民身份号码"),
                    V(op.id_number, field="id_number", hand=True),
                    L("联系电话"),
                    V(op.phone, field="phone", hand=True),
                ],
                [L("经营者住所"), V(op.address, 3, hand=True)],
                [L("经营场所"), V(shop.address, 3, hand=True)],
                [
                    L("组成形式"),
                    V(
                        f"{'[ ]' if family else '[x]'}个人经营　"
                        f"{'[x]' if family else '[ ]'}家庭经营",
                        3,
                    ),
                ],
                [L("经营范围"), V(shop.scope, 3, hand=True)],
                [
                    L("从业人数"),
                    V(f"{rng.randint(1, 8)}人", hand=True),
                    L("资金数额"),
                    V(f"{_amount(rng)}万元", hand=True),
                ],
                [
                    L("电子邮箱"),
                    V(
                        f"{rng.choice(('shop', 'biz', 'kf'))}{rng.randint(10, 999)}"
                        f"@{rng.choice(('163.com', 'qq.com', '126.com'))}",
                        3,
                    ),
                ],
            ],
            widths=("20%", "32%", "16%", "32%"),
        ),
        para(
            "本人承诺：所提交的申请材料真实、合法、有效，复印件与原件一致，并对其真实性承担相应的法律责任。",
            cls="note",
        ),
        Signed(
            [
                [Run("经营者签字："), Run(op.name, hand=True)],
                [Run("日期："), Run(date_cn(rng), hand=True)],
            ]
        ),
    ]
    return page


def food_license(rng: random.Random) -> Page:
    """食品经营许可证: text beside a code, a table of items, an authority's seal."""
    firm = enterprise(rng, rng.choice(("有限公司", "分公司", "股份有限公司")))
    boss = person(rng)
    number = f"JY{rng.randint(1, 3)}{rng.randint(10**12, 10**13 - 1)}"
    items = rng.sample(
        [
            "预包装食品（含冷藏冷冻食品）销售",
            "散装食品（不含冷藏冷冻食品）销售",
            "热食类食品制售",
            "冷食类食品制售",
            "自制饮品制售",
            "保健食品销售",
            "特殊医学用途配方食品销售",
            "糕点类食品制售（含裱花蛋糕）",
        ],
        rng.randint(3, 5),
    )
    left: list[Block] = [
        Grid(
            [
                [L("经营者名称"), V(firm.name, field="enterprise_name")],
                [L("社会信用代码"), V(firm.credit_code, field="credit_code")],
                [L("法定代表人（负责人）"), V(boss.name, field="person_name")],
                [L("住　　所"), V(firm.address)],
                [L("经营场所"), V(firm.address)],
                [
                    L("主体业态"),
                    V(
                        rng.choice(
                            (
                                "食品销售经营者（便利店）",
                                "餐饮服务经营者（中型餐馆）",
                                "单位食堂（职工食堂）",
                            )
                        )
                    ),
                ],
            ],
            cls="grid plain",
            widths=("32%", "68%"),
        )
    ]
    right: list[Block] = [
        QR(rng.randint(0, 10**9)),
        para("扫一扫　查信息", cls="caption"),
        para(f"许可证编号：{number}", cls="caption"),
    ]
    page = Page("cert")
    page.blocks += [
        Title("食品经营许可证", "title big"),
        Side(left, right, "70%"),
        Grid(
            [
                [V(str(k + 1)), V(item), V(rng.choice(("", "仅限堂食", "不含网络经营")))]
                for k, item in enumerate(items)
            ],
            head=[L("序号"), L("经营项目"), L("备注")],
            widths=("12%", "58%", "30%"),
        ),
        para(
            f"日常监督管理机构：{firm.address[3:6]}市场监督管理局　投诉举报电话：12315", cls="note"
        ),
        para(
            f"有效期至：{rng.randint(2027, 2031)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            cls="note",
        ),
        Signed(
            [
                [Run(f"发证机关：{firm.address[3:6]}市场监督管理局")],
                [Run(f"签发人：{person(rng).name}")],
                [Run(date_cn(rng))],
            ],
            Seal(
                f"{firm.address[3:6]}市场监督管理局",
                "行政审批专用章",
                left="52%",
                top="-6mm",
                tilt=rng.randint(-12, 12),
            ),
            cls="signed right",
        ),
    ]
    return page


def change_table(rng: random.Random) -> Page:
    """变更登记事项对照表: before/after, long names and addresses wrapping in cells."""
    old = enterprise(rng, rng.choice(("有限公司", "股份有限公司", "合伙企业")))
    new = enterprise(rng, old.form)
    was, now = person(rng), person(rng)
    directors = [person(rng) for _ in range(rng.randint(2, 3))]
    page = Page("table")
    page.blocks += [
        Title("变更登记事项对照表"),
        para("企业名称：", Run(old.name, field="enterprise_name")),
        para("统一社会信用代码：", Run(old.credit_code, field="credit_code")),
        Grid(
            [
                [V("1"), V("名称"), V(old.name), V(new.name)],
                [V("2"), V("住所"), V(old.address), V(new.address)],
                [
                    V("3"),
                    V("执行事务合伙人" if old.form == "合伙企业" else "法定代表人"),
                    V(was.name),
                    V(now.name),
                ],
                [V("4"), V("注册资本"), V(f"{_amount(rng)}万元"), V(f"{_amount(rng)}万元")],
                [V("5"), V("经营范围"), V(old.scope), V(new.scope)],
            ],
            head=[L("序号"), L("变更事项"), L("原登记内容"), L("变更后内容")],
            widths=("8%", "16%", "38%", "38%"),
        ),
        para("新任董事、监事备案：", cls="note"),
        Grid(
            [
                [
                    V(p.name, field="person_name"),
                    V(rng.choice(("董事", "监事", "董事长"))),
                    V(p.id_number, field="id_number"),
                ]
                for p in directors
            ],
            head=[L("姓名"), L("职务"), L("公民身份号码")],
            widths=("25%", "25%", "50%"),
        ),
        para(
            "联系人：",
            Run(now.name, field="person_name"),
            "　联系电话：",
            Run(now.phone, field="phone"),
        ),
        Signed(
            [
                [Run("法定代表人签字："), Run(now.name, hand=True)],
                [Run("企业盖章："), Run("　")],
                [Run(date_cn(rng))],
            ],
            Seal(old.name, "", left="40%", top="-4mm", tilt=rng.randint(-20, 20)),
        ),
    ]
    return page


def hukou_card(rng: random.Random) -> Page:
    """户口簿 常住人口登记卡: a grid of label and value cells."""
    p, head = person(rng), person(rng)
    work = enterprise(rng)
    y, m, d = p.birth
    relation = rng.choice(("户主", "子", "女", "妻", "夫"))
    page = Page("hukou")
    page.blocks += [
        Title("常住人口登记卡"),
        Grid(
            [
                [L("姓名"), V(p.name, field="person_name"), L("户主或与户主关系"), V(relation)],
                [L("曾用名"), V(""), L("性别"), V(p.sex)],
                [L("出生地"), V(p.address[:6]), L("民族"), V(rng.choice(("汉", "回", "满", "畲")))],
                [L("籍贯"), V(p.address[:6]), L("出生日期"), V(f"{y}年{m}月{d}日")],
                [L("本市（县）其他住址"), V(p.address, 3)],
                [L("宗教信仰"), V(""), L("公民身份号码"), V(p.id_number, field="id_number")],
                [
                    L("身高"),
                    V(f"{rng.randint(152, 188)}cm"),
                    L("血型"),
                    V(rng.choice(("A", "B", "O", "AB"))),
                ],
                [
                    L("文化程度"),
                    V(rng.choice(("大学本科", "大学专科", "高中", "研究生"))),
                    L("婚姻状况"),
                    V(rng.choice(("已婚", "未婚"))),
                ],
                [
                    L("服务处所"),
                    V(work.name),
                    L("职业"),
                    V(rng.choice(("职员", "个体经营", "工程技术人员"))),
                ],
                [L("何时由何地迁来本市（县）"), V(f"{y + 20}年{m}月从{head.address[:6]}迁来", 3)],
                [L("何时由何地迁来本址"), V(f"{y + 24}年{d % 12 + 1}月本市迁来", 3)],
            ],
            widths=("22%", "30%", "22%", "26%"),
        ),
        Signed(
            [
                [Run("承办人签章："), Run(person(rng).name, hand=True)],
                [Run("登记日期："), Run(date_cn(rng, rng.randint(2010, 2025)))],
            ],
            Seal(
                f"{p.address[3:6]}公安局{rng.choice(('城东', '城西', '湖滨', '新桥'))}派出所",
                "户口专用章",
                left="50%",
                top="-10mm",
                size_mm=36,
            ),
        ),
    ]
    return page


def name_notice(rng: random.Random) -> Page:
    """企业名称自主申报告知书: the name and the applicant in prose and in a labelled block."""
    firm = enterprise(rng, rng.choice(("合伙企业", "农民专业合作社", "个人独资企业", "有限公司")))
    who = person(rng)
    investors = [person(rng) for _ in range(rng.randint(1, 2))]
    partner = enterprise(rng, rng.choice(("有限公司", "股份有限公司", "合伙企业")))
    day = date_cn(rng)
    number = f"（{firm.address[3:5]}）名称自告字〔2026〕第{rng.randint(1000, 99999)}号"
    page = Page("letter")
    page.blocks += [
        Title("企业名称自主申报告知书"),
        para(number, cls="center"),
        para(Run(who.name), "："),
        para(
            f"你于{day}通过企业名称自主申报系统申报的企业名称“",
            Run(firm.name),
            "”，经系统比对，未发现与同一登记机关已登记、在先申报的企业名称相同。"
            "该名称自申报之日起保留30日，请在保留期内办理企业设立登记；"
            "查询网址：https://amr.example.gov.cn/mcsb 。",
            cls="prose",
        ),
        Grid(
            [
                [L("企业名称"), V(firm.name, field="enterprise_name")],
                [L("申报人"), V(who.name, field="person_name")],
                [L("联系电话"), V(who.phone, field="phone")],
                [L("企业住所"), V(firm.address)],
            ],
            widths=("22%", "78%"),
        ),
        # investors: people and an enterprise, each under the one name heading
        Grid(
            [
                [V(i.name, field="person_name"), V("居民身份证"), V(i.id_number, field="id_number")]
                for i in investors
            ]
            + [
                [
                    V(partner.name, field="enterprise_name"),
                    V("营业执照"),
                    V(partner.credit_code, field="credit_code"),
                ]
            ],
            head=[L("投资人名称（姓名）"), L("证照类型"), L("证照号码")],
            widths=("38%", "20%", "42%"),
        ),
        para("本告知书不作为企业登记的依据，名称的使用以登记机关核准登记为准。", cls="note"),
        Signed(
            [[Run(f"{firm.address[3:6]}市场监督管理局")], [Run(day)]],
            Seal(
                f"{firm.address[3:6]}市场监督管理局",
                "企业登记专用章",
                left="48%",
                top="-14mm",
                tilt=rng.randint(-15, 15),
            ),
            cls="signed right",
        ),
    ]
    return page


def venue_cert(rng: random.Random) -> Page:
    """场地使用证明: the lessor company and its code, a seal over the signature line."""
    owner = enterprise(rng, rng.choice(("有限公司", "股份有限公司", "农民专业合作社")))
    user = enterprise(rng, rng.choice(("分公司", "个体工商户", "个人独资企业", "有限公司")))
    contact = person(rng)
    area = f"{rng.randint(18, 900)}.{rng.randint(0, 99):02d}"
    page = Page("letter")
    page.blocks += [
        Title("场地使用证明"),
        para(
            "兹证明",
            Run(owner.name),
            f"（统一社会信用代码：{owner.credit_code}）将位于{owner.address}的房屋（建筑面积{area}平方米）"
            f"{rng.choice(('无偿', '有偿'))}提供给",
            Run(user.name),
            f"作为经营场所使用，使用期限自{rng.randint(2025, 2026)}年{rng.randint(1, 12)}月1日起至"
            f"{rng.randint(2028, 2031)}年12月31日止，月租金人民币{rng.randint(2, 60) * 500}.00元。",
            cls="prose",
        ),
        para("特此证明。", cls="prose"),
        para("产权单位：", Run(owner.name, field="enterprise_name")),
        para("统一社会信用代码：", Run(owner.credit_code, field="credit_code")),
        para("使用单位：", Run(user.name, field="enterprise_name")),
        para("联系人：", Run(contact.name, field="person_name")),
        para("联系电话：", Run(contact.phone, field="phone"), f"　固定电话：{landline(rng)}"),
        Signed(
            [[Run("产权单位（盖章）："), Run("　")], [Run(date_cn(rng))]],
            Seal(owner.name, "", left="38%", top="-10mm", tilt=rng.randint(-25, 25)),
            cls="signed right",
        ),
    ]
    return page


LAYOUTS = {
    "getihu-form": getihu_form,
    "food-license": food_license,
    "change-table": change_table,
    "hukou-card": hukou_card,
    "name-notice": name_notice,
    "venue-cert": venue_cert,
}
