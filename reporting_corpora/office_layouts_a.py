"""`office` layouts: the forms (a table with merged cells, a form of underlined blanks, a
landscape certificate, a registration form with a table of officers)."""

from __future__ import annotations

import random

from reporting_corpora.office_data import (
    cn_date,
    date,
    later,
    person,
    place,
    relative,
    unit,
    years_after,
)
from reporting_corpora.office_model import (
    Cell,
    Page,
    Para,
    Row,
    Run,
    Seal,
    Table,
    boxes,
    entry,
    label,
    page_footer,
    page_header,
    para,
    title,
    value,
)

RELATIONS = ("配偶", "长子", "次子", "长女", "次女", "母亲", "父亲")
OCCUPATIONS = ("灵活就业", "在校学生", "无业", "务农", "退休", "学龄前")


def _note(lines: list[str]) -> list[Para]:
    """Small print under a form: 注：1．… 2．…"""
    out = [para(Run("注：" + lines[0], "small"), size=9, before=4)]
    out += [para(Run(line, "small"), size=9, indent=2) for line in lines[1:]]
    return out


def subsistence_allowance(rng: random.Random) -> Page:
    """最低生活保障申请审批表: applicant block, a table of the household, reasons in a tall
    cell, two opinions, a civil affairs seal over the approval."""
    taken: set[str] = set()
    head = person(rng, taken, years=(1960, 1985))
    where = place(rng)
    district = where.district
    filed = date(rng)
    # each member born when the relation says (a father before the applicant, a son after),
    # the elder son (daughter) before the younger one
    relations = sorted(rng.sample(RELATIONS, rng.randint(2, 4)), key=RELATIONS.index)
    members = [relative(rng, taken, head, r) for r in relations]
    for elder, younger in (("长子", "次子"), ("长女", "次女")):
        if elder in relations and younger in relations:
            i, j = relations.index(elder), relations.index(younger)
            if members[i].birth > members[j].birth:
                members[i], members[j] = members[j], members[i]
    incomes = [rng.choice((0, 0, 850, 1200, 1580, 2100)) for _ in members]
    own = rng.choice((0, 960, 1340))
    total = own + sum(incomes)
    widths = [22.0, 21.0, 12.0, 12.0, 20.0, 31.0, 20.0, 32.0]
    rows = [
        Row([label("申请人姓名"), value(head.name), label("性别"), value(head.sex),
             label("出生日期"), value(head.birth_text), label("健康状况"),
             value(rng.choice(("良好", "慢性病", "残疾")))], 10),
        Row([label("身份证号码"), value(head.id_number, colspan=3), label("联系电话"),
             value(head.phone), label("户籍性质"),
             Cell([para(*boxes(["城镇", "农村"], {rng.choice(["城镇", "农村"])}), size=10)])], 10),
        Row([label("家庭住址"), value(head.address, colspan=7, align="left")], 10),
        Row([label("申请类别"), Cell([para(*boxes(["城市低保", "农村低保", "单人户施保"],
             {rng.choice(["城市低保", "农村低保", "单人户施保"])}), size=10)], colspan=7)], 10),
        Row([label("家庭成员情况", rowspan=len(members) + 1), label("姓名"),
             label("与申请人关系", colspan=2), label("身份证号码", colspan=2),
             label("就业就学"), label("月收入（元）")], 9),
    ]  # fmt: skip
    for m, relation, income in zip(members, relations, incomes, strict=True):
        rows.append(
            Row([value(m.name), value(relation, colspan=2),
                 value(m.id_number, colspan=2), value(rng.choice(OCCUPATIONS)),
                 value(f"{income}.00")], 9)
        )  # fmt: skip
    per_head = total / (len(members) + 1)
    reasons = rng.choice((
        "本人患慢性病多年，常年服药，无法从事重体力劳动，配偶打零工收入不稳定，",
        "本人于去年下岗，至今未能重新就业，家中老人长期卧床需要照料，",
    )) + "子女尚在上学，家庭生活十分困难，特申请最低生活保障，请予审批。"  # fmt: skip
    # the street reviews after the application, the county approves after the review
    reviewer = person(rng, taken).name
    reviewed = later(rng, filed, 3, 20)
    amount = rng.randrange(380, 980, 10)
    approved = later(rng, reviewed, 3, 20)
    rows += [
        Row([label("家庭月总收入"), value(f"{total}.00元", colspan=3), label("人均月收入"),
             value(f"{per_head:.2f}元", colspan=3)], 10),
        Row([label("申请理由"), Cell([para(entry(reasons), size=10, indent=2, line=16),
             para(f"申请人签字：{head.name}　　{cn_date(filed)}", align="right", size=10,
                  before=4)], colspan=7, valign="top")], 30),
        Row([label("乡镇（街道）审核意见"), Cell([
            para("经入户调查、邻里访问和民主评议，该户家庭收入、财产状况属实，", size=10,
                 indent=2, line=16),
            para(*boxes(["符合", "不符合"], {"符合"}), "低保条件，建议", *boxes(
                ["批准", "不批准"], {"批准"}), size=10, line=16),
            para(f"审核人：{reviewer}　　{cn_date(reviewed)}", align="right",
                 size=10)], colspan=7, valign="top")], 24),
        Row([label("县级民政部门审批意见"), Cell([
            para(*boxes(["同意", "不同意"], {"同意"}), "自", entry(f"{filed[0]}年{filed[1]}月"),
                 "起享受最低生活保障，保障人数", entry(str(len(members) + 1)), "人，月保障金",
                 entry(str(amount)), "元。", size=10, line=16),
            para("（盖章）", align="right", size=10, before=6),
            para(cn_date(approved), align="right", size=10)], colspan=7, valign="top")], 26),
    ]  # fmt: skip
    city = where.region[-3:]
    blocks: list[Para | Table] = [
        title("最低生活保障申请审批表"),
        para(f"申请编号：DB{where.code}{filed[0]}{rng.randrange(10000):04d}",
             f"\t填表日期：{cn_date(filed)}", size=10, tabs=((169.0, "right"),), after=4),
        Table(widths, rows, borders="outer-thick"),
        *_note([
            "1．本表一式两份，乡镇（街道）、县级民政部门各存一份。",
            "2．家庭成员指共同生活的配偶、子女及其他法定赡养、抚养、扶养义务人。",
            "3．申请人对所填内容的真实性负责，虚报、隐瞒的，依法追回已领取的保障金。",
        ]),
    ]  # fmt: skip
    return Page(
        "subsistence_allowance",
        blocks,
        header=page_header("城乡最低生活保障业务表单", "表DB—01"),
        footer=page_footer(),
        seals=[Seal(f"{city}{district}民政局", "（盖章）")],
        fields=[("person_name", head.name), ("id_number", head.id_number), ("phone", head.phone)],
    )


def road_transport(rng: random.Random) -> Page:
    """道路货物运输经营申请表: underlined blanks on tab stops, scope check boxes, a table of
    vehicles and one of drivers, the company's seal over its signature line."""
    taken: set[str] = set()
    company = unit(rng, taken)
    contact = person(rng, taken)
    scopes = ["道路普通货物运输", "货物专用运输（集装箱）", "货物专用运输（冷藏保鲜设备）",
              "大型物件运输"]  # fmt: skip
    chosen = set(rng.sample(scopes, rng.randint(1, 2)))
    prefix = rng.choice(("赣A", "桂B", "冀F", "甘E", "黑C"))
    blank = {"size": 10.5, "line": 24.0, "tabs": ((28.0, "left"), (98.0, "left"), (126.0, "left"))}
    blocks: list[Para | Table] = [
        title("道路货物运输经营申请表", after=4),
        para(Run("（适用于道路货物运输经营申请）", "small"), align="center", size=9, after=8),
        para("申请人名称：", entry(f"　{company.name}　", True), **blank),
        para("统一社会信用代码：", entry(f"　{company.credit_code}　", True), **blank),
        para("负 责 人：\t", entry(f"　{company.legal.name}　", True), "\t经办人：\t",
             entry(f"　{contact.name}　", True), **blank),
        para("联系电话：\t", entry(f"　{contact.phone}　", True), "\t邮政编码：\t",
             entry(f"　{rng.randrange(100000, 999999)}　", True), **blank),
        para("经营地址：\t", entry(f"　{company.address}　", True), **blank),
        para("申请经营范围：", size=10.5, line=24.0),
        para(*boxes(scopes[:2], chosen), size=10.5, line=20.0, indent=2),
        para(*boxes(scopes[2:], chosen), size=10.5, line=20.0, indent=2, after=6),
        para(Run("一、拟投入车辆情况", "title"), size=11, after=4),
    ]  # fmt: skip
    rows = [Row([label(h) for h in ("序号", "车辆号牌", "厂牌型号", "车辆类型", "核定载质量（吨）",
                                    "车辆技术等级")], 10)]  # fmt: skip
    for i in range(rng.randint(3, 5)):
        plate = f"{prefix}{rng.randrange(10, 99)}{rng.choice('DFHJKLMPQ')}{rng.randrange(10, 99)}"
        model_name = rng.choice(("东风DFH1180", "解放CA1250", "重汽ZZ1167", "福田BJ1088"))
        rows.append(
            Row([value(str(i + 1)), value(plate), value(model_name),
                 value(rng.choice(("重型厢式货车", "中型普通货车", "重型仓栅式货车"))),
                 value(f"{rng.randrange(40, 180) / 10:.1f}"),
                 value(rng.choice(("一级", "二级")))], 9, exact=True)
        )  # fmt: skip
    blocks.append(Table([14.0, 28.0, 32.0, 38.0, 30.0, 28.0], rows))
    blocks.append(para(Run("二、拟聘用驾驶人员情况", "title"), size=11, before=8, after=4))
    rows = [Row([label(h) for h in ("姓名", "性别", "年龄", "身份证号码", "驾龄（年）")], 10)]
    for _ in range(2):
        d = person(rng, taken, years=(1970, 1995))
        age = 2026 - d.birth[0]  # licensed at 18 at the earliest
        rows.append(
            Row([value(d.name), value(d.sex), value(str(age)),
                 value(d.id_number), value(str(rng.randint(3, min(20, age - 18))))], 9,
                exact=True)
        )  # fmt: skip
    blocks.append(Table([28.0, 18.0, 18.0, 72.0, 34.0], rows))
    blocks += [
        para("申请人声明：本申请人承诺所提交的材料真实有效，并对其真实性承担法律责任。", size=10,
             before=10, indent=2, line=18),
        para("申请人（签章）：", entry(f"　{company.name}　"), size=10.5, before=14,
             tabs=((100.0, "left"),)),
        para(cn_date(date(rng)), align="right", size=10.5, before=6),
    ]  # fmt: skip
    return Page(
        "road_transport",
        blocks,
        header=page_header("道路运输行政许可", "申请表（货运）"),
        footer=page_footer(),
        seals=[Seal(company.name, company.name)],
        fields=[("enterprise_name", company.name), ("credit_code", company.credit_code),
                ("person_name", company.legal.name), ("phone", contact.phone)],
    )  # fmt: skip


def health_licence(rng: random.Random) -> Page:
    """卫生许可证, landscape in a double frame: the holder's particulars in the left column,
    the issuing authority and its seal in the right one (read left column, then right)."""
    taken: set[str] = set()
    where = place(rng)
    holder = unit(rng, taken, where)
    issued = date(rng)
    until = years_after(issued, 4)
    authority = f"{where.region[-3:]}{where.district}卫生健康委员会"
    kind = rng.choice(("住宿场所（宾馆）", "公共浴室", "美容美发场所", "游泳场所"))
    number = f"{where.short}卫公证字〔{issued[0]}〕第{where.code}—{rng.randrange(10**6):06d}号"
    line = {"size": 14.0, "line": 34.0}
    left = Cell([
        para("单位名称：", entry(holder.name), **line),
        para("统一社会信用代码：", entry(holder.credit_code), **line),
        para("法定代表人（负责人）：", entry(holder.legal.name), **line),
        para("地　　址：", entry(holder.address), **line),
        para("许可项目：", entry(kind), **line),
        para("有效期限：", entry(f"{cn_date(issued)}至{cn_date(until)}"), **line),
    ], valign="top")  # fmt: skip
    right = Cell([
        para(Run("发证机关：", "body"), size=14, line=34, before=60),
        para(entry(authority), size=14, line=34),
        para("发证日期：", entry(cn_date(issued)), size=14, line=34),
        para(Run("本证有效期四年，期满前三十日内应向原发证机关申请延续。", "small"), size=9,
             before=30),
        para(Run("本证应悬挂于经营场所醒目位置，不得涂改、转让。", "small"), size=9),
    ], valign="top")  # fmt: skip
    blocks: list[Para | Table] = [
        para(Run(number, "small"), align="right", size=10, after=4),
        Para([Run("卫 生 许 可 证", "title", color="A01818")], align="center", size=30, after=18),
        Table([168.0, 89.0], [Row([left, right], 120)], borders="none"),
    ]
    return Page(
        "health_licence",
        blocks,
        landscape=True,
        frame=True,
        margins=(22.0, 20.0, 18.0, 20.0),
        seals=[Seal(authority, "发证日期", bottom="行政许可专用章")],
        fields=[("enterprise_name", holder.name), ("credit_code", holder.credit_code),
                ("person_name", holder.legal.name)],
    )  # fmt: skip


def social_organisation(rng: random.Random) -> Page:
    """社会团体成立登记申请表: particulars in merged cells, the scope of business wrapped
    over several lines, a table of the officers to be appointed, the sponsor's signature."""
    taken: set[str] = set()
    society = unit(rng, taken, kind="society")
    city = society.name[: society.name.index("市") + 1]
    sponsor = city + rng.choice(("科学技术协会", "文学艺术界联合会", "农业农村局"))
    chair = society.legal
    capital = rng.choice(("3", "5", "10", "20"))
    scope = rng.choice((
        "组织会员开展学术交流、技术培训和科普宣传活动；编印会刊及有关资料；受政府部门委托"
        "承办相关工作；为会员提供信息咨询服务；维护会员的合法权益。",
        "开展作品创作、展览和理论研讨；组织采风和对外交流；举办培训班和公益讲座；"
        "发现和推荐优秀人才；承办业务主管单位交办的其他事项。",
    ))  # fmt: skip
    widths = [26.0, 24.0, 14.0, 22.0, 22.0, 38.0, 24.0]
    officers = [(chair, "会长")] + [(person(rng, taken), job) for job in ("副会长", "秘书长")]
    rows = [
        Row([label("社会团体名称"), value(society.name, colspan=6, align="left")], 11),
        Row([label("住所"), value(society.address, colspan=4, align="left"), label("邮政编码"),
             value(str(rng.randrange(100000, 999999)))], 11),
        Row([label("业务主管单位"), value(sponsor, colspan=4, align="left"), label("注册资金"),
             value(f"{capital}万元")], 11),
        Row([label("活动地域"), value(city + "行政区域内",
             colspan=4, align="left"), label("会员数"),
             value(f"单位{rng.randint(5, 30)}个，个人{rng.randint(50, 300)}名")], 11),
        Row([label("社会团体类别"), Cell([para(*boxes(["学术性", "行业性", "专业性", "联合性"],
             {rng.choice(["学术性", "专业性", "联合性"])}), size=10)], colspan=6)], 11),
        Row([label("业务范围"), Cell([para(entry(scope), size=10, line=17, indent=2)],
             colspan=6, valign="top")], 24),
        Row([label("拟任负责人", rowspan=4), label("姓名"), label("性别"), label("职务"),
             label("身份证号码", colspan=2), label("联系电话")], 10),
    ]  # fmt: skip
    for who, job in officers:
        rows.append(
            Row([value(who.name), value(who.sex), value(job), value(who.id_number, colspan=2),
                 value(who.phone)], 10)
        )  # fmt: skip
    rows += [
        Row([label("发起人意见"), Cell([
            para("我们自愿发起成立该社会团体，保证所提供的材料真实有效。", size=10, indent=2),
            para(f"发起人代表签字：{chair.name}", align="right", size=10, before=8),
            para(cn_date(date(rng)), align="right", size=10)], colspan=6, valign="top")], 26),
        Row([label("登记管理机关意见"), Cell([
            para("", size=10, line=40),
            para("经办人：　　　　　　负责人：　　　　　　　年　　月　　日", align="right",
                 size=10)], colspan=6, valign="top")], 22),
    ]  # fmt: skip
    return Page(
        "social_organisation",
        [
            title("社会团体成立登记申请表", after=2),
            para(Run("（由发起人代表填写）", "small"), align="center", size=9, after=6),
            Table(widths, rows, borders="outer-thick"),
            *_note(["1．填写内容须与章程一致，住所须提交使用证明。",
                    "2．拟任负责人须提交身份证复印件和简历；本表须用钢笔或签字笔填写。"]),
        ],
        header=page_header("社会组织登记申请材料", "社团登记表一"),
        footer=page_footer(),
        fields=[("person_name", chair.name), ("id_number", chair.id_number),
                ("phone", chair.phone)],
    )  # fmt: skip


LAYOUTS = {
    "subsistence_allowance": subsistence_allowance,
    "road_transport": road_transport,
    "health_licence": health_licence,
    "social_organisation": social_organisation,
}
