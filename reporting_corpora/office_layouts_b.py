"""`office` layouts: the authority's letters (a notice of acceptance or refusal, a decision
granting a licence: red masthead, document number, numbered paragraphs, seal over the
date) and a registration form for special equipment signed by the user's seal."""

from __future__ import annotations

import random

from reporting_corpora.office_data import (
    Place,
    cn_date,
    date,
    later,
    person,
    place,
    relative,
    unit,
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
    cell,
    entry,
    label,
    page_footer,
    page_header,
    para,
    title,
    value,
)

MATTERS = (
    ("营业性演出许可", "《营业性演出管理条例》第六条"),
    ("公共场所卫生许可", "《公共场所卫生管理条例》第八条"),
    ("道路货物运输经营许可", "《中华人民共和国道路运输条例》第二十四条"),
    ("建设工程规划许可", "《中华人民共和国城乡规划法》第四十条"),
)
RED = "C00000"


def _masthead(authority: str) -> list[Para]:
    """The red masthead of an official document and its rule."""
    return [
        Para([Run(authority, "title", color=RED)], align="center", size=24, after=4,
             rule_below=RED),
    ]  # fmt: skip


def _prose(text: str) -> Para:
    return para(text, size=12, indent=2, line=26, align="justify")


def _signature(authority: str, when: tuple[int, int, int]) -> list[Para]:
    return [
        para(authority, align="right", size=12, before=30),
        para(cn_date(when), align="right", size=12),
    ]


def _authority(where: Place) -> str:
    return f"{where.region[-3:]}{where.district}行政审批局"


def acceptance_notice(rng: random.Random) -> Page:
    """受理通知书 or 不予受理通知书, to a person, with what follows numbered 一、二、三."""
    taken: set[str] = set()
    where = place(rng)
    authority = _authority(where)
    applicant = person(rng, taken)
    clerk = person(rng, taken)
    matter, _ = rng.choice(MATTERS)
    filed = date(rng)
    decided = (filed[0], filed[1], min(28, filed[2] + rng.randint(1, 5)))
    accepted = rng.random() < 0.6
    kind = "受理" if accepted else "不予受理"
    serial = rng.randrange(1, 999)
    number = f"{where.district[0]}审{'受' if accepted else '不受'}字〔{filed[0]}〕第{serial:03d}号"
    blocks: list[Para | Table] = [
        *_masthead(authority),
        title(f"{kind}通知书", size=20, after=6),
        para(Run(number, "entry"), align="center", size=12, after=14),
        para(entry(applicant.name), "（身份证号码：", entry(applicant.id_number), "）：", size=12,
             line=26),
    ]  # fmt: skip
    if accepted:
        blocks += [
            _prose(f"你于{cn_date(filed)}提出的{matter}申请，经审查，申请材料齐全，符合法定形式。"
                   "根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理。"),
            _prose("现将有关事项告知如下："),
            _prose(f"一、本机关将自受理之日起{rng.choice(('二十', '十五', '十'))}个工作日内作出"
                   "行政许可决定，依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计算在内。"),
            _prose("二、审查过程中需要核实申请材料实质内容的，本机关将指派两名以上工作人员进行核查，"
                   "请予配合。"),
            _prose("三、你可凭本通知书查询办理进度，决定作出后将以短信方式通知你领取结果。"),
        ]  # fmt: skip
    else:
        blocks += [
            _prose(f"你于{cn_date(filed)}提出的{matter}申请，经审查，该申请事项依法不属于本机关"
                   "职权范围。根据《中华人民共和国行政许可法》第三十二条第一款第（二）项的规定，"
                   "本机关决定不予受理。"),
            _prose("一、请你向有管辖权的行政机关提出申请，所交申请材料已全部退回。"),
            _prose("二、如不服本决定，可以自收到本通知书之日起六十日内向"
                   f"{where.region[-3:]}人民政府申请行政复议，也可以在六个月内依法向人民法院提起行政诉讼。"),
        ]  # fmt: skip
    blocks += [
        para("联系人：", entry(clerk.name), "　　联系电话：", entry(clerk.phone), size=12,
             line=26, indent=2),
        *_signature(authority, decided),
        para(Run("（本通知书一式两份，一份交申请人，一份存档。）", "small"), size=9, before=40),
    ]  # fmt: skip
    return Page(
        "acceptance_notice",
        blocks,
        margins=(30.0, 26.0, 26.0, 28.0),
        seals=[Seal(authority, cn_date(decided), bottom="行政审批专用章")],
        fields=[("person_name", applicant.name), ("id_number", applicant.id_number)],
    )


def permit_decision(rng: random.Random) -> Page:
    """准予行政许可决定书 to an enterprise: the grounds in prose, the terms numbered, the
    seal over the date, a copy line under a rule."""
    taken: set[str] = set()
    where = place(rng)
    authority = _authority(where)
    holder = unit(rng, taken, where)
    matter, law = rng.choice(MATTERS)
    filed = date(rng)
    decided = (filed[0], filed[1], min(28, filed[2] + rng.randint(3, 9)))
    number = f"{where.district[0]}审许字〔{filed[0]}〕{rng.randrange(1, 999)}号"
    licence = f"{where.code}{filed[0]}{rng.randrange(10**5):05d}"
    years = rng.choice((3, 4, 5))
    blocks: list[Para | Table] = [
        *_masthead(authority),
        title("准予行政许可决定书", size=20, after=6),
        para(Run(number, "entry"), align="center", size=12, after=14),
        para(entry(holder.name), "：", size=12, line=26),
        _prose(f"你单位（统一社会信用代码：{holder.credit_code}，法定代表人：{holder.legal.name}）"
               f"于{cn_date(filed)}提出的{matter}申请，本机关已依法受理。经审查，你单位的申请"
               f"符合{law}规定的条件，根据《中华人民共和国行政许可法》第三十八条第一款的规定，"
               "本机关决定准予行政许可。具体事项如下："),
        _prose(f"一、许可事项：{matter}。"),
        _prose(f"二、许可证编号：{licence}。"),
        _prose(f"三、有效期限：自{cn_date(decided)}起{years}年。"),
        _prose("四、请于收到本决定书之日起十日内，持本决定书和身份证明到本机关综合窗口领取许可证件，"
               "或者选择邮寄送达。"),
        _prose("你单位应当按照许可的范围和条件从事相关活动，接受行政机关的监督检查。"),
        *_signature(authority, decided),
        para(Run(f"抄送：{where.region[-3:]}{where.district}市场监督管理局", "small"), size=10,
             before=40, rule_below="000000"),
    ]  # fmt: skip
    return Page(
        "permit_decision",
        blocks,
        margins=(30.0, 26.0, 26.0, 28.0),
        footer=page_footer("— ") if rng.random() < 0.5 else None,
        seals=[Seal(authority, cn_date(decided), bottom="行政审批专用章")],
        fields=[("enterprise_name", holder.name), ("credit_code", holder.credit_code),
                ("person_name", holder.legal.name)],
    )  # fmt: skip


def special_equipment(rng: random.Random) -> Page:
    """特种设备使用登记表: the equipment, its user and its safety officer in a grid of
    label and value cells, a declaration in small print, the user's seal."""
    taken: set[str] = set()
    where = place(rng)
    user = unit(rng, taken, where)
    officer = person(rng, taken)
    kind, variety, code = rng.choice((
        ("电梯", "曳引驱动乘客电梯", "3110"),
        ("锅炉", "承压蒸汽锅炉", "1110"),
        ("起重机械", "桥式起重机", "4110"),
        ("压力容器", "固定式压力容器", "2110"),
    ))  # fmt: skip
    maker = rng.choice(("通力电梯有限公司", "太原重工股份有限公司", "杭州锅炉集团股份有限公司"))
    made = date(rng, rng.randint(2019, 2025))
    eq_code = f"{code}{where.code}{made[0]}{rng.randrange(10**5):05d}"
    in_use = date(rng)
    widths = [34.0, 26.0, 28.0, 31.0, 24.0, 27.0]
    rows = [
        Row([label("设备基本情况", colspan=6, size=10.5)], 9),
        Row([label("设备类别"), value(kind), label("设备品种"), value(variety, colspan=3)], 10),
        Row([label("产品名称"), value(variety[-2:] if kind != "电梯" else "乘客电梯"),
             label("设备代码"), value(eq_code, colspan=3)], 10),
        Row([label("制造单位"), value(maker, colspan=3), label("制造日期"),
             value(f"{made[0]}年{made[1]}月")], 10),
        Row([label("设备使用情况", colspan=6, size=10.5)], 9),
        Row([label("使用单位名称"), value(user.name, colspan=5, align="left")], 10),
        Row([label("统一社会信用代码"), value(user.credit_code, colspan=2), label("邮政编码"),
             value(str(rng.randrange(100000, 999999)), colspan=2)], 10),
        Row([label("设备使用地点"), value(user.address, colspan=5, align="left")], 10),
        Row([label("单位内编号"), value(f"{rng.choice('ABCDT')}-{rng.randrange(1, 40):02d}"),
             label("投入使用日期"), value(cn_date(in_use)), label("使用状态"),
             Cell([para(*boxes(["在用", "停用"], {"在用"}), size=10)])], 10),
        Row([label("安全管理员"), value(officer.name), label("身份证号码"),
             value(officer.id_number, colspan=2), value(officer.phone)], 10),
    ]  # fmt: skip
    declaration = (
        "在此申明：所申报的内容真实；在使用过程中，将严格执行《中华人民共和国特种设备安全法》"
        "及其相关规定，并且接受特种设备安全监督管理部门的监督管理。"
    )
    rows += [
        Row([Cell([para(Run(declaration, "small"), size=9, indent=2, line=15),
                   para("使用单位（公章）：", entry(user.name), size=10, before=8),
                   # registered within 30 days of going into use (TSG 08)
                   para(cn_date(later(rng, in_use, 0, 30)), align="right", size=10)],
                  colspan=6, valign="top")], 32),
        Row([label("登记机关登记人员"), value("", colspan=2), label("登记日期"),
             cell("　　年　　月　　日", colspan=2, size=10, align="center")], 10),
        Row([label("使用登记证编号"), value("", colspan=5)], 10),
    ]  # fmt: skip
    return Page(
        "special_equipment",
        [
            title("特种设备使用登记表", after=2),
            para(Run(f"登记类别：{rng.choice(('新设备首次启用', '停用后启用', '使用单位变更'))}",
                     "small"), align="right", size=9, after=4),
            Table(widths, rows, borders="outer-thick"),
            para(Run("注：本表一式两份，一份由登记机关存档，一份由使用单位存入设备安全技术档案。",
                     "small"), size=9, before=4),
        ],
        header=page_header("特种设备使用登记", "TSG 08—2017 附件D"),
        footer=page_footer(),
        seals=[Seal(user.name, "使用单位（公章）")],
        fields=[("enterprise_name", user.name), ("credit_code", user.credit_code),
                ("person_name", officer.name), ("id_number", officer.id_number),
                ("phone", officer.phone)],
    )  # fmt: skip


def disability_card(rng: random.Random) -> Page:
    """残疾人证申请审批表: particulars beside a photo box spanning four rows, the kind of
    disability as check boxes, a guardian's block, the assessing hospital's and the
    federation's opinions; the federation's seal over its date."""
    taken: set[str] = set()
    where = place(rng)
    applicant = person(rng, taken, years=(1950, 2012))
    # a parent for a young applicant, a spouse for an adult, a grown child for an older one
    y = applicant.birth[0]
    relation = rng.choice(
        ("父亲", "母亲") * (y >= 1975) + ("配偶",) * (y <= 2000) + ("子女",) * (y <= 1980)
    )
    guardian = relative(rng, taken, applicant, relation, youngest=2026 - 20)
    kinds = ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]
    kind = rng.choice(kinds)
    grade = rng.choice(["一级", "二级", "三级", "四级"])
    hospital = f"{where.region[-3:]}第{rng.choice('一二三四')}人民医院"
    federation = f"{where.region[-3:]}{where.district}残疾人联合会"
    # applied, then assessed by the hospital, then approved by the federation
    applied = date(rng)
    assessed = later(rng, applied, 1, 30)
    approved = later(rng, assessed, 3, 30)
    serial = rng.randrange(10**5)
    widths = [24.0, 30.0, 16.0, 22.0, 22.0, 26.0, 30.0]
    photo = Cell([para(Run("（照片）", "small"), align="center", size=9)], rowspan=4)
    rows = [
        Row([label("姓名"), value(applicant.name), label("性别"), value(applicant.sex),
             label("出生日期"), value(applicant.birth_text), photo], 11),
        Row([label("身份证号码"), value(applicant.id_number, colspan=3), label("婚姻状况"),
             value(rng.choice(("未婚", "已婚", "离异", "丧偶")))], 11),
        Row([label("户籍地址"), value(applicant.address, colspan=5, align="left")], 11),
        Row([label("联系电话"), value(applicant.phone, colspan=2), label("文化程度"),
             value(rng.choice(("小学", "初中", "高中", "大专")), colspan=2)], 11),
        Row([label("残疾类别"), Cell([para(*boxes(kinds, {kind}), size=10)], colspan=6)], 11),
        Row([label("监护人", rowspan=2), label("姓名"), value(guardian.name, colspan=2),
             label("与本人关系"), value(relation, colspan=2)],
            10),
        Row([label("身份证号码"), value(guardian.id_number, colspan=2), label("联系电话"),
             value(guardian.phone, colspan=2)], 10),
        Row([label("评定机构意见"), Cell([
            para("经评定，该申请人属", entry(kind), "残疾，残疾等级为", entry(grade), "。",
                 size=10, line=18),
            para(f"评定医师：{person(rng, taken).name}　　评定机构：{hospital}", size=10,
                 line=18),
            para(cn_date(assessed), align="right", size=10)], colspan=6, valign="top")], 24),
        Row([label("县级残联审核意见"), Cell([
            para(*boxes(["同意发证", "不同意发证"], {"同意发证"}), size=10, line=18),
            para(f"{federation}（盖章）", align="right", size=10, before=6),
            para(cn_date(approved), align="right", size=10)], colspan=6, valign="top")], 26),
    ]  # fmt: skip
    return Page(
        "disability_card",
        [
            title("中华人民共和国残疾人证申请审批表", size=16, after=4),
            para(f"申请日期：{cn_date(applied)}", f"\t编号：CJ{where.code}{serial:05d}",
                 size=10, tabs=((169.0, "right"),), after=4),
            Table(widths, rows, borders="outer-thick"),
            para(Run("注：1．本表由申请人或其监护人如实填写，一式两份。", "small"), size=9,
                 before=4),
            para(Run("2．申请人须提交近期免冠二寸彩色照片三张及身份证、户口簿复印件。", "small"),
                 size=9, indent=2),
        ],
        header=page_header("残疾人证办理", "审批表"),
        footer=page_footer(),
        seals=[Seal(federation, f"{federation}（盖章）")],
        fields=[("person_name", applicant.name), ("id_number", applicant.id_number),
                ("phone", applicant.phone)],
    )  # fmt: skip


LAYOUTS = {
    "acceptance_notice": acceptance_notice,
    "permit_decision": permit_decision,
    "special_equipment": special_equipment,
    "disability_card": disability_card,
}
