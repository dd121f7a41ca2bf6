"""The six layouts of the `chromium` corpus: service-hall paperwork the other corpora do
not draw (medical insurance reimbursement, housing fund withdrawal, residence permit
registration, private non-enterprise unit registration, one-time correction notice,
individual income tax record)."""

from __future__ import annotations

import random
from collections.abc import Callable

from reporting_corpora import chromium_data as d
from reporting_corpora.chromium_model import Block, Cell, Line, Page, Side, Table, lab, p, v, val


def _box(options: tuple[str, ...], chosen: int) -> Cell:
    text = "  ".join(("☑" if i == chosen else "□") + o for i, o in enumerate(options))
    return Cell([p(text)])


def _footer(rng: random.Random, form: str) -> str:
    return f"{form}  第 1 页 共 1 页（{rng.randint(2023, 2025)}版）"


def _sign(rng: random.Random, who: str, day: str, office: str) -> Side:
    return Side(
        [[p(f"{who}（签字）："), v(d.person(rng))], [p("日期："), v(day)]],
        [[p(f"{office}（盖章）")], [p("经办人："), v(d.person(rng))], [p(day)]],
    )


def medical_claim(rng: random.Random) -> Page:
    division, city, district, street = d.place(rng)
    name, idn, phone = d.person(rng), d.id_number(rng, division), d.mobile(rng)
    hospital = f"{city[:-1]}{rng.choice(('第三', '第五', '中心', '中医'))}人民医院"
    total = d.amount(rng, 800, 26000)
    own = d.amount(rng, 100, 700)
    day = d.cn_date(d.date(rng))
    rows = [
        [
            lab("姓名"),
            val(name),
            lab("性别"),
            val(rng.choice(("男", "女"))),
            lab("参保类别"),
            val(rng.choice(("职工医保", "城乡居民"))),
        ],
        [lab("公民身份号码"), val(idn, 3), lab("联系电话"), val(phone)],
        [lab("现居住地址"), val(f"{city}{district}{street}", 5)],
        [
            lab("就诊类别"),
            _box(("门诊慢特病", "住院", "急诊抢救", "异地就医"), rng.randint(0, 3)),
        ],
        [lab("就诊医疗机构"), val(hospital, 3), lab("住院天数"), val(f"{rng.randint(2, 30)}天")],
        [lab("医疗费用总额"), val(f"{total}元", 2), lab("其中自付"), val(f"{own}元", 2)],
        [lab("收款账户", rowspan=2), lab("开户银行"), val(rng.choice(d.BANKS), 4)],
        [lab("账号"), val(d.account(rng), 4)],
    ]
    rows[3][1].colspan = 5
    notes = [
        Line([p("1．申请人应提供医疗费用原始票据、费用明细清单及出院小结（门诊病历）；")]),
        Line([p("2．委托他人办理的，须同时提供代办人身份证原件及复印件；")]),
        Line([p("3．报销款项将在受理之日起20个工作日内拨付至上述账户。")]),
    ]
    return Page(
        (f"{city}医疗保障局", f"表号：YB-{rng.randint(1, 9)}0{rng.randint(1, 9)}"),
        "医疗保险零星报销申请表",
        [
            Line([p("申请编号："), v(f"BX{rng.randint(10**9, 10**10 - 1)}")], align="right"),
            Table(rows, [16, 18, 14, 18, 16, 18]),
            Line([p("填表说明：")]),
            *notes,
            _sign(rng, "申请人", day, "受理窗口"),
        ],
        _footer(rng, "医保报销"),
        f"{city}医疗保障局业务专用章",
        [("person_name", name), ("id_number", idn), ("phone", phone)],
    )


def fund_withdrawal(rng: random.Random) -> Page:
    division, city, district, street = d.place(rng)
    name, idn, phone = d.person(rng), d.id_number(rng, division), d.mobile(rng)
    unit, code = d.enterprise(rng, city), d.credit_code(rng, division)
    day = d.cn_date(d.date(rng))
    chosen = rng.randint(0, 4)
    reasons = ("购买自住住房", "偿还住房贷款本息", "租赁住房", "离休、退休", "出境定居")
    rows = [
        [lab("职工信息", rowspan=3), lab("职工姓名"), val(name), lab("手机号码"), val(phone)],
        [lab("证件号码"), val(idn, 3)],
        [
            lab("个人账号"),
            val(f"{rng.randint(10**11, 10**12 - 1)}"),
            lab("账户余额"),
            val(f"{d.amount(rng, 3000, 90000)}元"),
        ],
        [lab("单位信息", rowspan=2), lab("单位名称"), val(unit, 3)],
        [lab("统一社会信用代码"), val(code, 3)],
        [
            lab("提取原因"),
            Cell(
                [p("  ".join(("☑" if i == chosen else "□") + r for i, r in enumerate(reasons)))], 4
            ),
        ],
        [
            lab("本次提取金额"),
            val(f"{d.amount(rng, 5000, 60000)}元", 2),
            lab("提取方式"),
            val(rng.choice(("按月提取", "一次性提取"))),
        ],
        [lab("房屋坐落"), val(f"{city}{district}{street}", 4)],
    ]
    return Page(
        (f"{city}住房公积金管理中心", f"{district}管理部"),
        "住房公积金提取申请表",
        [
            Line(
                [
                    p("业务流水号："),
                    v(f"GJJ{rng.randint(10**8, 10**9 - 1)}"),
                    p("    受理日期："),
                    v(day),
                ]
            ),
            Table(rows, [12, 20, 24, 18, 26]),
            Line(
                [
                    p(
                        "本人承诺：以上所填内容及提供的材料真实有效，如有虚假，愿承担相应法律责任，"
                        "并同意退回已提取的住房公积金。"
                    )
                ],
                indent=True,
            ),
            _sign(rng, "职工", day, "管理部"),
        ],
        _footer(rng, "公积金提取"),
        f"{city}住房公积金管理中心",
        [
            ("person_name", name),
            ("id_number", idn),
            ("phone", phone),
            ("enterprise_name", unit),
            ("credit_code", code),
        ],
    )


def residence_permit(rng: random.Random) -> Page:
    _, city, district, street = d.place(rng)
    home_div, home_city, home_district, _ = d.place(rng)
    name, idn, phone = d.person(rng), d.id_number(rng, home_div, 18, 45), d.mobile(rng)
    unit = d.enterprise(rng, city)
    day = d.cn_date(d.date(rng))
    rows = [
        [
            lab("姓名"),
            val(name),
            lab("民族"),
            val(rng.choice(("汉", "回", "土家", "壮"))),
            lab("照片", rowspan=3),
        ],
        [lab("公民身份号码"), val(idn, 3)],
        [
            lab("户籍地址"),
            val(
                f"{home_city}{home_district}{rng.choice(('新华', '光明', '解放'))}"
                f"街道{rng.randint(1, 99)}号",
                3,
            ),
        ],
        [lab("居住地址"), val(f"{city}{district}{street}", 4)],
        [lab("居住事由"), _box(("就业", "就读", "投靠亲属", "其他"), 0)],
        [lab("工作单位"), val(unit, 2), lab("联系电话"), val(phone)],
        [
            lab("来本市日期"),
            val(d.cn_date(d.date(rng, 2025))),
            lab("房屋性质"),
            val(rng.choice(("租赁", "自购", "单位宿舍")), 2),
        ],
    ]
    rows[4][1].colspan = 4
    return Page(
        (f"{city}公安局{district}分局", "居住证申领"),
        "居住证申领登记表",
        [
            Line(
                [
                    p("受理派出所："),
                    v(f"{rng.choice(('中南', '水果湖', '玉林', '翠苑'))}派出所"),
                    p("    受理号："),
                    v(f"JZ{rng.randint(10**7, 10**8 - 1)}"),
                ]
            ),
            Table(rows, [17, 25, 15, 23, 20]),
            Line(
                [
                    p(
                        "1．申领人须在居住地连续居住满半年，并符合有合法稳定就业、合法稳定住所、"
                        "连续就读条件之一；"
                    )
                ]
            ),
            Line([p("2．居住证有效期限为一年，期满前三十日内申请签注。")]),
            _sign(rng, "申领人", day, "受理单位"),
        ],
        _footer(rng, "居住证"),
        f"{city}公安局{district}分局",
        [("person_name", name), ("id_number", idn), ("phone", phone), ("enterprise_name", unit)],
    )


def nonprofit_registration(rng: random.Random) -> Page:
    division, city, district, street = d.place(rng)
    kind = rng.choice(("职业技能培训学校", "康复中心", "养老服务中心"))
    unit = f"{district}{rng.choice(d.TRADE_NAMES)}{kind}"
    sponsor, code = d.enterprise(rng, city), d.credit_code(rng, division)
    name, idn, phone = d.person(rng), d.id_number(rng, division, 30, 60), d.mobile(rng)
    scope = rng.choice((
        "职业技能培训（家政服务员、养老护理员、保育员），技能等级认定咨询服务，培训教材编写。",
        "为失能、半失能老年人提供生活照料、康复护理、精神慰藉、文化娱乐等服务。",
    ))  # fmt: skip
    rows = [
        [lab("拟设单位名称"), val(unit, 3)],
        [lab("住所"), val(f"{city}{district}{street}", 3)],
        [lab("举办者名称"), val(sponsor, 3)],
        [lab("举办者统一社会信用代码"), val(code, 3)],
        [lab("拟任法定代表人"), val(name), lab("联系电话"), val(phone)],
        [lab("法定代表人身份证号码"), val(idn, 3)],
        [
            lab("开办资金"),
            val(f"{rng.randint(10, 300)}万元"),
            lab("资金来源"),
            val(rng.choice(("举办者自有资金", "捐赠资金"))),
        ],
        [lab("业务范围"), val(scope, 3)],
        [
            lab("业务主管单位"),
            val(f"{city}{district}{rng.choice(('人力资源和社会保障局', '民政局'))}", 3),
        ],
    ]
    return Page(
        (f"{city}{district}民政局", f"登记编号：MF{rng.randint(100000, 999999)}"),
        "民办非企业单位（法人）登记申请表",
        [
            Table(rows, [22, 30, 18, 30]),
            Line(
                [
                    p(
                        "声明：本单位举办者保证所填写的内容及提交的材料真实、合法、有效，"
                        "并对其真实性承担责任。"
                    )
                ],
                indent=True,
            ),
            _sign(rng, "拟任法定代表人", d.cn_date(d.date(rng)), "举办单位"),
        ],
        _footer(rng, "民非登记"),
        sponsor,
        [
            ("enterprise_name", sponsor),
            ("credit_code", code),
            ("person_name", name),
            ("id_number", idn),
            ("phone", phone),
        ],
    )


def correction_notice(rng: random.Random) -> Page:
    division, city, district, _ = d.place(rng)
    name, idn = d.person(rng), d.id_number(rng, division)
    unit = d.enterprise(rng, city)
    day = d.cn_date(d.date(rng))
    matter = rng.choice(("道路运输经营许可", "食品经营许可变更", "建筑垃圾处置核准"))
    missing = rng.sample([
        "企业法定代表人签署的申请书原件（须加盖公章）；",
        "经营场所的产权证明或租赁合同复印件，租期不少于一年；",
        "主要负责人、安全管理人员的考核合格证明；",
        "车辆行驶证、车辆技术等级评定证明复印件（验原件）；",
        "安全生产管理制度文本，包括岗位责任、隐患排查、应急处置等内容；",
        "委托代理人的授权委托书及代理人身份证复印件。",
    ], 4)  # fmt: skip
    window = d.landline(rng, city)
    blocks: list[Block] = [
        Line([p("编号："), v(f"〔{d.date(rng)[0]}〕第{rng.randint(100, 999)}号")], align="right"),
        Line([v(unit), p("：")]),
        Line(
            [
                p("你单位（经办人"),
                v(name),
                p("，身份证号码"),
                v(idn),
                p(
                    f"）于{day}申请办理{matter}事项，经审查，申请材料不齐全（不符合法定形式），"
                    "请补正以下材料："
                ),
            ],
            indent=True,
        ),
        *[Line([p(f"{i}．{m}")], indent=True) for i, m in enumerate(missing, 1)],
        Line(
            [
                p("补正材料齐全后，请到"),
                v(f"{city}{district}政务服务中心{rng.randint(2, 40)}号窗口"),
                p("提交。如有疑问，请致电："),
                v(window),
                p("。"),
            ],
            indent=True,
        ),
        _sign(rng, "经办人", day, "审批科室"),
    ]
    return Page(
        (f"{city}{district}政务服务中心", "一次性告知"),
        "补正材料一次性告知书",
        blocks,
        _footer(rng, "本告知书一式两联"),
        f"{district}行政审批局",
        [("enterprise_name", unit), ("person_name", name), ("id_number", idn)],
    )


def tax_record(rng: random.Random) -> Page:
    division, city, district, _ = d.place(rng)
    name, idn = d.person(rng), d.id_number(rng, division)
    unit, code = d.enterprise(rng, city), d.credit_code(rng, division)
    year = rng.choice((2024, 2025))
    start = rng.randint(1, 6)
    rows = [[lab("所属期"), lab("所得项目"), lab("收入额"), lab("已缴税额"), lab("入库日期")]]
    total = 0.0
    for m in range(start, start + 6):
        tax = rng.randint(3000, 90000) / 100
        total += tax
        rows.append(
            [
                Cell([v(f"{year}-{m:02d}")], align="center"),
                val("工资薪金所得"),
                Cell([v(d.amount(rng, 6000, 28000))], align="right"),
                Cell([v(f"{tax:.2f}")], align="right"),
                Cell([v(f"{year}-{m + 1:02d}-{rng.randint(10, 15)}")], align="center"),
            ]
        )
    rows.append([lab("合计", 3), Cell([v(f"{total:.2f}")], align="right"), val("")])
    head = Table([
        [lab("纳税人姓名"), val(name), lab("身份证件号码"), val(idn)],
        [lab("扣缴义务人"), val(unit, 3)],
        [lab("扣缴义务人识别号"), val(code, 3)],
    ], [18, 24, 20, 38])  # fmt: skip
    return Page(
        (f"国家税务总局{city}{district}税务局", f"证明编号：{rng.randint(10**15, 10**16 - 1)}"),
        "个人所得税纳税记录",
        [
            head,
            Table(rows, [16, 26, 20, 18, 20]),
            Line(
                [
                    p(
                        "说明：本记录仅证明纳税人在上述期间的个人所得税缴纳情况；"
                        "可通过电子税务局输入证明编号查验真伪。"
                    )
                ],
                indent=True,
            ),
            Side([[p("打印日期："), v(d.cn_date(d.date(rng)))]], [[p("税务机关（盖章）")]]),
        ],
        _footer(rng, "纳税记录"),
        f"国家税务总局{city}{district}税务局",
        [
            ("person_name", name),
            ("id_number", idn),
            ("enterprise_name", unit),
            ("credit_code", code),
        ],
    )


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "medical_claim": medical_claim,
    "fund_withdrawal": fund_withdrawal,
    "residence_permit": residence_permit,
    "nonprofit_registration": nonprofit_registration,
    "correction_notice": correction_notice,
    "tax_record": tax_record,
}
