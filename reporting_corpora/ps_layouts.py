"""The `ps` corpus's six service-hall layouts, each a function from a seeded rng to a
`ps_doc.Page`: runs in reading order, rules and boxes, seals, and the page's fields."""

from __future__ import annotations

import random

from reporting_corpora import ps_data as data
from reporting_corpora.ps_doc import Page, Seal
from reporting_corpora.ps_faces import face

BLUE = (0.08, 0.16, 0.55)
HALLS = ("政务服务中心", "行政审批服务局", "市场监督管理局")


def _hand_person(rng: random.Random) -> data.Person:
    return data.person(rng, carried=_hand_chars())


def _hand_chars() -> str:
    hand = face("hand")
    return "".join(
        c
        for c in data.SURNAMES + data.GIVEN + data.RARE_GIVEN + "".join(data.COMPOUND)
        if hand.has(c)
    )


def _jitter(page: Page, rng: random.Random) -> None:
    page.jitter = [
        (rng.uniform(-0.25, 0.25), rng.uniform(-0.35, 0.35), rng.uniform(-4.0, 4.0))
        for _ in range(97)
    ]


def _hall(e: data.Enterprise) -> str:
    return e.district.split("省")[-1].replace("广西壮族自治区", "")


def deregistration(rng: random.Random) -> Page:
    """企业注销登记申请书: a ruled table with merged cells and check boxes."""
    page = Page("deregistration")
    _jitter(page, rng)
    ent, liq, agent = data.enterprise(rng), data.person(rng), _hand_person(rng)
    page.centred("bold", 20, 105, 30, "企业注销登记申请书")
    page.text("print", 10, 140, 40, f"编号：ZX{rng.randint(10**7, 10**8 - 1)}")
    x0, x1, xl = 18.0, 192.0, 58.0
    rows: list[tuple[str, str, float]] = [
        ("企业名称", ent.name, 12),
        ("统一社会信用代码", ent.credit_code, 12),
        ("住所", ent.address, 16),
        ("注销原因", "", 26),
        ("清算组负责人", liq.name, 12),
        ("负责人身份证号码", liq.id_number, 12),
        ("联系电话", liq.phone, 12),
        ("债权债务清理情况", "", 22),
        ("委托代理人", agent.name, 12),
    ]
    y = 46.0
    page.line(x0, y, x1, y, 1.2)
    for label, value, h in rows:
        page.line(x0, y + h, x1, y + h, 0.8)
        page.line(xl, y, xl, y + h, 0.8)
        page.text("bold", 10.5, x0 + 2, y + h / 2 + 1.5, label)
        if label == "注销原因":
            reasons = (
                "决议解散",
                "章程规定的营业期限届满",
                "依法被吊销营业执照",
                "人民法院依法予以解散",
                "其他原因",
            )
            pick = rng.randrange(len(reasons))
            xx, yy = xl + 3, y + 8
            for k, r in enumerate(reasons):
                w = page.width("print", 10, r) + 9
                if xx + w > x1 - 2:
                    xx, yy = xl + 3, yy + 8
                page.checkbox(xx, yy + 0.6, k == pick)
                page.text("print", 10, xx + 5, yy, r)
                xx += w
        elif label == "债权债务清理情况":
            page.para(
                "print",
                10,
                xl + 3,
                y + 7,
                "企业债权债务已清理完结，清算报告已经股东会确认，"
                "并已通过国家企业信用信息公示系统公告，公告期满无异议。",
                x1 - xl - 6,
                6,
                False,
            )
        elif label == "委托代理人":
            page.text("hand", 12, xl + 4, y + h / 2 + 2, value, color=BLUE, hand=True)
        else:
            lines = page.wrap("print", 10.5, value, x1 - xl - 6)
            for k, ln in enumerate(lines):
                page.text(
                    "print", 10.5, xl + 3, y + h / 2 + 1.5 - 2.5 * (len(lines) - 1) + 5 * k, ln
                )
        y += h
    # merged cell: the signatures band spans the whole width
    page.line(x0, 46, x0, y + 40, 1.2)
    page.line(x1, 46, x1, y + 40, 1.2)
    page.line(x0, y + 40, x1, y + 40, 1.2)
    page.para(
        "print",
        10,
        x0 + 3,
        y + 7,
        "本企业承诺：申请注销登记前未发生债权债务或已将债权债务清算完结，"
        "不存在未结清清算费用、职工工资、社会保险费用、法定补偿金和未交清的应缴纳税款，"
        "所提交材料真实、合法、有效，并承担相应的法律责任。",
        x1 - x0 - 6,
        6.2,
    )
    sign = data.date(data.recent(rng))
    page.text("print", 10.5, 110, y + 33, "清算组负责人签字：")
    page.text(
        "hand",
        13,
        148,
        y + 33,
        liq.name if face("hand").carries(liq.name) else agent.name,
        color=BLUE,
        hand=True,
    )
    page.text("print", 10.5, 110, y + 38.5, sign)
    page.fields = [
        ("enterprise_name", ent.name),
        ("credit_code", ent.credit_code),
        ("person_name", liq.name),
        ("id_number", liq.id_number),
        ("phone", liq.phone),
        ("person_name", agent.name),
    ]
    return page


def licence(rng: random.Random) -> Page:
    """营业执照（副本）, landscape: two columns, a QR-like block, the seal over the date."""
    page = Page("licence", landscape=True)
    ent, rep = data.enterprise(rng), data.person(rng)
    page.box(10, 10, 277, 190, 2.2)
    page.box(13, 13, 271, 184, 0.6)
    page.centred("bold", 34, 148.5, 42, "营业执照")
    page.centred("print", 14, 148.5, 52, "（副本）")
    page.text("print", 10, 22, 30, f"副本编号：{rng.randint(1, 3)}-{rng.randint(1, 9)}")
    page.text("print", 11, 22, 62, "统一社会信用代码")
    page.text("print", 11, 22, 69, ent.credit_code)
    bits = [rng.random() < 0.5 for _ in range(29 * 29)]
    page.qr(244, 22, 30, bits)
    page.text("print", 8, 238, 58, "扫描二维码登录国家企业")
    page.text("print", 8, 238, 62, "信用信息公示系统了解更多")
    y0 = 86.0
    left = [
        ("名称", ent.name),
        ("类型", "有限责任公司（自然人投资或控股）"),
        ("法定代表人", rep.name),
        ("经营范围", ent.scope + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
    ]
    right = [
        ("注册资本", f"{ent.capital}万元整"),
        ("成立日期", data.date(ent.founded)),
        ("营业期限", f"{data.date(ent.founded)}至长期"),
        ("住所", ent.address),
    ]
    for col, items in ((0, left), (1, right)):
        x, y = 24.0 + col * 136, y0
        for label, value in items:
            page.text("bold", 12, x, y, label)
            lines = page.wrap("print", 12, value, 90)
            for ln in lines:
                page.text("print", 12, x + 31, y, ln)
                y += 8
            y += 3
    issue = data.recent(rng)
    page.text("bold", 12, 190, 168, "登记机关")
    page.text("print", 13, 200, 182, data.date(issue))
    hall = _hall(ent).split("市")[0] + "市市场监督管理局"
    page.seals.append(Seal(222, 172, 20, hall))
    page.text("print", 9, 24, 190, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn")
    page.fields = [
        ("enterprise_name", ent.name),
        ("credit_code", ent.credit_code),
        ("person_name", rep.name),
    ]
    return page


def attorney(rng: random.Random) -> Page:
    """授权委托书 in prose, the entries by hand inline."""
    page = Page("attorney")
    _jitter(page, rng)
    ent = data.enterprise(rng)
    boss, agent = data.person(rng), _hand_person(rng)
    page.centred("bold", 22, 105, 34, "授权委托书")
    y = 52.0
    page.text("print", 12, 22, y, "委托人（单位）：")
    page.text("print", 12, 56, y, ent.name)
    y += 9
    page.text("print", 12, 22, y, "法定代表人：")
    page.text("print", 12, 50, y, boss.name)
    y += 9
    page.text("print", 12, 22, y, "受托人姓名：")
    page.text("hand", 14, 52, y, agent.name, color=BLUE, hand=True)
    page.text("print", 12, 100, y, "性别：")
    page.text("hand", 14, 114, y, "男" if agent.sex == "男" else "女", color=BLUE, hand=True)
    y += 9
    page.text("print", 12, 22, y, "受托人身份证号码：")
    page.text("hand", 13, 64, y, agent.id_number, color=BLUE, hand=True)
    y += 9
    page.text("print", 12, 22, y, "受托人联系电话：")
    page.text("hand", 13, 60, y, agent.phone, color=BLUE, hand=True)
    y += 14
    y = page.para(
        "print",
        12,
        22,
        y,
        f"现委托上述受托人代表本单位前往{_hall(ent)}政务服务中心办理"
        f"{ent.name}的变更登记、备案及领取执照等相关事宜。受托人在办理上述事项过程中"
        "所签署的有关文件，我单位均予以承认，并承担相应的法律责任。",
        166,
        8.5,
    )
    y = page.para(
        "print",
        12,
        22,
        y + 2,
        "委托期限：自签署之日起至上述事项办结之日止。受托人无转委托权。",
        166,
        8.5,
    )
    y += 6
    page.text("print", 12, 22, y, "委托事项（请在方框内打勾）：")
    y += 9
    items = ("设立登记", "变更登记", "备案", "注销登记", "领取营业执照")
    picks = {rng.randrange(len(items)), rng.randrange(len(items))}
    x = 26.0
    for k, it in enumerate(items):
        page.checkbox(x, y + 0.6, k in picks)
        page.text("print", 12, x + 5, y, it)
        x += page.width("print", 12, it) + 12
    y += 32
    page.text("print", 12, 110, y, "委托人（盖章）：")
    page.seals.append(Seal(166, y - 2, 19, ent.name, "公章"))
    y += 22
    page.text("print", 12, 110, y, "受托人签字：")
    page.text("hand", 15, 138, y, agent.name, color=BLUE, hand=True)
    y += 12
    page.text("print", 12, 110, y, data.date(data.recent(rng)))
    page.fields = [
        ("enterprise_name", ent.name),
        ("person_name", boss.name),
        ("person_name", agent.name),
        ("id_number", agent.id_number),
        ("phone", agent.phone),
    ]
    return page


def roster(rng: random.Random) -> Page:
    """参保人员花名册: a ruled table of 12-20 people with ID numbers."""
    page = Page("roster")
    ent = data.enterprise(rng)
    n = rng.randint(12, 20)
    people = [data.person(rng) for _ in range(n)]
    page.centred("bold", 18, 105, 26, "单位参保人员花名册")
    page.text("print", 10, 16, 38, "单位名称：")
    page.text("print", 10, 36, 38, ent.name)
    page.text("print", 10, 16, 44, "统一社会信用代码：")
    page.text("print", 10, 52, 44, ent.credit_code)
    cols = [
        ("序号", 14),
        ("姓名", 26),
        ("性别", 14),
        ("公民身份号码", 52),
        ("参保险种", 34),
        ("参保日期", 38),
    ]
    x0, y = 14.0, 50.0
    xs = [x0]
    for _, w in cols:
        xs.append(xs[-1] + w)
    rh = 10.5 if n <= 16 else 9.5
    page.line(x0, y, xs[-1], y, 1.2)
    for (label, w), x in zip(cols, xs, strict=False):
        page.centred("bold", 10.5, x + w / 2, y + rh / 2 + 1.5, label)
    for k, p in enumerate(people):
        yy = y + rh * (k + 1)
        page.line(x0, yy, xs[-1], yy, 0.9 if k == 0 else 0.5)
        kind = rng.choice(("养老、医疗、失业", "养老、工伤", "医疗、生育", "五险"))
        start = data.date((rng.randint(2015, 2026), rng.randint(1, 12), 1))
        cells = [str(k + 1), p.name, p.sex, p.id_number, kind, start]
        for (_, w), x, v in zip(cols, xs, cells, strict=False):
            page.centred("print", 10, x + w / 2, yy + rh / 2 + 1.5, v)
    yb = y + rh * (n + 1)
    page.line(x0, yb, xs[-1], yb, 1.2)
    for x in xs:
        page.line(x, y, x, yb, 1.2 if x in (xs[0], xs[-1]) else 0.5)
    page.text("print", 10, 16, yb + 10, f"合计：{n}人")
    page.text("print", 10, 110, yb + 10, f"制表日期：{data.date(data.recent(rng))}")
    page.seals.append(Seal(150, yb + 24, 18, ent.name, "社保专用章"))
    page.fields = [("enterprise_name", ent.name), ("credit_code", ent.credit_code)]
    for p in people[:4]:
        page.fields += [("person_name", p.name), ("id_number", p.id_number)]
    return page


def notice(rng: random.Random) -> Page:
    """一次性告知书 with a numbered list, the hall's seal."""
    page = Page("notice")
    _jitter(page, rng)
    ent, who = data.enterprise(rng), data.person(rng)
    hall = _hall(ent) + rng.choice(HALLS)
    page.centred("bold", 20, 105, 30, "一次性告知书")
    page.text("print", 10.5, 140, 40, f"编号：GZ{rng.randint(2025, 2026)}{rng.randint(1000, 9999)}")
    y = 52.0
    page.text("print", 12, 22, y, f"{who.name}：")
    y = page.para(
        "print",
        12,
        22,
        y + 9,
        f"您于{data.date(data.recent(rng))}提交的{ent.name}"
        f"（统一社会信用代码：{ent.credit_code}）变更登记申请材料，经审查，"
        "尚需补正以下材料：",
        166,
        8.5,
    )
    items = [
        "法定代表人签署的《变更登记申请书》原件一份；",
        "股东会关于变更事项的决议，须由全体股东签字或盖章；",
        "修改后的公司章程或者章程修正案，须由法定代表人签字；",
        "新任法定代表人的身份证件复印件，并注明与原件一致；",
        "住所使用证明，租赁的须提交租赁合同及产权证明复印件；",
        "委托代理人办理的，须提交授权委托书及代理人身份证件复印件；",
    ]
    rng.shuffle(items)
    for k, it in enumerate(items[: rng.randint(4, 6)]):
        page.text("print", 12, 26, y + 2, f"{k + 1}.")
        y = page.para("print", 12, 33, y + 2, it, 155, 8.5, False)
    y = page.para(
        "print",
        12,
        22,
        y + 6,
        "请您补齐上述材料后，到窗口或通过网上办事大厅提交。"
        f"如有疑问，请拨打咨询电话{who.phone[:3]}{rng.randint(10**7, 10**8 - 1)}。",
        166,
        8.5,
    )
    y += 14
    page.text("print", 12, 118, y, hall)
    page.text("print", 12, 126, y + 9, data.date(data.recent(rng)))
    page.seals.append(Seal(118 + page.width("print", 12, hall) + 6, y + 2, 20, hall, "审批专用章"))
    page.text("print", 11, 22, y + 28, "申请人签收：")
    hand = face("hand")
    signer = who if hand.carries(who.name) else _hand_person(rng)
    page.text("hand", 14, 50, y + 28, signer.name, color=(0.05, 0.05, 0.1), hand=True)
    page.fields = [
        ("person_name", who.name),
        ("enterprise_name", ent.name),
        ("credit_code", ent.credit_code),
        ("person_name", signer.name),
    ]
    return page


def idcopy(rng: random.Random) -> Page:
    """A copy of both sides of a resident ID card, a note by hand."""
    page = Page("idcopy")
    _jitter(page, rng)
    p = _hand_person(rng)
    x, y, w, h = 52.0, 36.0, 106.0, 67.0
    page.ops.append(f"0.93 setgray {x:.1f} {y:.1f} {w:.1f} {h:.1f} B fill 0 setgray")
    page.box(x, y, w, h, 0.6)
    yy = y + 12
    for label, value in (("姓名", p.name), ("性别", p.sex), ("出生", data.date(p.birth))):
        page.text("print", 9, x + 6, yy, label)
        page.text("bold", 11, x + 18, yy, value)
        yy += 9
    page.text("print", 9, x + 6, yy, "住址")
    for ln in page.wrap(
        "bold", 10.5, p.district + rng.choice(data.ROADS) + f"{rng.randint(1, 99)}号", 60
    ):
        page.text("bold", 10.5, x + 18, yy, ln)
        yy += 6.5
    page.text("print", 9, x + 6, y + h - 7, "公民身份号码")
    page.text("bold", 12, x + 30, y + h - 7, p.id_number)
    page.ops.append(f"0.7 setgray {x + 74:.1f} {y + 9:.1f} 26 32 B fill 0 setgray")
    y2 = y + h + 20
    page.ops.append(f"0.93 setgray {x:.1f} {y2:.1f} {w:.1f} {h:.1f} B fill 0 setgray")
    page.box(x, y2, w, h, 0.6)
    page.centred("bold", 15, x + w / 2, y2 + 18, "中华人民共和国")
    page.centred("bold", 17, x + w / 2, y2 + 30, "居民身份证")
    year = rng.randint(2016, 2024)
    page.text("print", 9, x + 14, y2 + 48, "签发机关")
    page.text(
        "bold",
        10.5,
        x + 32,
        y2 + 48,
        p.district.split("市")[0][-2:] + "市公安局" + p.district.split("市")[-1] + "分局",
    )
    page.text("print", 9, x + 14, y2 + 57, "有效期限")
    page.text(
        "bold",
        10.5,
        x + 32,
        y2 + 57,
        f"{year}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}-{year + 20}.01.01",
    )
    note_y = y2 + h + 22
    page.text(
        "hand",
        16,
        60,
        note_y,
        rng.choice(("此复印件与原件一致", "复印件与原件相符")),
        color=BLUE,
        hand=True,
    )
    page.text(
        "hand",
        15,
        80,
        note_y + 12,
        rng.choice(("限本次使用", "另作他用无效", "此件由本人提供")),
        color=BLUE,
        hand=True,
    )
    page.text("hand", 16, 100, note_y + 26, p.name, color=BLUE, hand=True)
    page.text(
        "hand",
        14,
        100,
        note_y + 37,
        f"{rng.randint(2025, 2026)}.{rng.randint(1, 12)}.{rng.randint(1, 28)}",
        color=BLUE,
        hand=True,
    )
    page.fields = [("person_name", p.name), ("id_number", p.id_number)]
    return page


LAYOUTS = {
    "deregistration": deregistration,
    "licence": licence,
    "attorney": attorney,
    "roster": roster,
    "notice": notice,
    "idcopy": idcopy,
}
