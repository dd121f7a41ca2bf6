"""The `blend` corpus's six layouts of service-hall materials, each drawn top to bottom
(left column before right, table rows left to right) so that the truth is in reading
order: a red-head notice of a county market regulation bureau (关于…的通知, document
number 〔2026〕N号, a table of enterprises, seal over the date); a social security card
application with a photo box and entries by hand; a power of attorney between an
enterprise and an agent with check boxes; a food business licence in two columns with a
QR-like block and a seal; a roster of a farmers' cooperative's members with ID numbers;
a resident pension enrolment form with contribution grades and the clerk's note by hand."""

from __future__ import annotations

import random
from collections.abc import Callable

from reporting_corpora import blend_data as data
from reporting_corpora.blend_draw import RED, Page, width_mm

Cell = tuple[str, str]  # (text, face)


def _grid(
    page: Page,
    x: float,
    y: float,
    widths: list[float],
    height: float,
    rows: list[list[Cell]],
    size: float = 10.5,
) -> float:
    """A ruled table, rows top to bottom, cells left to right; an empty text leaves the
    cell blank; returns the bottom edge."""
    total = sum(widths)
    page.rule(x, y, x + total, y, 0.35)
    for row in rows:
        cx = x
        for (text, face), w in zip(row, widths, strict=True):
            if text:
                cell_size = size
                while width_mm(face, cell_size, text) > w - 2.5 and cell_size > 6.5:
                    cell_size -= 0.5
                page.text(cx + 1.5, y + height / 2 + cell_size * 0.13, cell_size, text, face)
            cx += w
        y += height
        page.rule(x, y, x + total, y, 0.25)
    cx = x
    for w in [0.0, *widths]:
        cx += w
        page.rule(cx, y - height * len(rows), cx, y, 0.35 if w in (0.0, widths[-1]) else 0.25)
    return y


def _date_cn(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


def _hand_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]}.{d[1]}.{d[2]}"


def notice(rng: random.Random) -> Page:
    page = Page("notice")
    where = data.county(rng)
    bureau = f"{where[2]}市场监督管理局"
    num = rng.randint(3, 148)
    page.text(105, 42, 30, bureau + "文件", "title", RED, align="center")
    page.text(105, 60, 13, f"{where[2][:2]}市监发〔2026〕{num}号", align="center")
    page.rule(22, 65, 188, 65, 0.8, RED)
    ents = [data.enterprise(rng) for _ in range(rng.randint(4, 6))]
    topic = rng.choice(
        ("开展经营主体年度报告公示", "做好歇业备案信息核查", "规范食品小作坊登记管理")
    )
    page.text(105, 84, 18, f"关于{topic}工作的通知", "title", align="center")
    y = page.wrap(22, 104, 166, 12, "各乡镇人民政府、街道办事处，局属各市场监管所：")
    body = (
        f"根据上级部署，现就{topic}有关事项通知如下。经核查，下列经营主体登记信息与实际"
        "经营情况不符，请所在地市场监管所于接到本通知之日起十五个工作日内逐户核实，"
        "并将核查结果、整改情况书面报送我局登记注册股。对拒不配合的，依法列入经营异常名录。"
    )
    y = page.wrap(22, y + 2, 166, 12, body, indent=2)
    rows = [[("序号", "print"), ("经营主体名称", "print"), ("统一社会信用代码", "print")]]
    for i, e in enumerate(ents, 1):
        rows.append([(str(i), "print"), (e.name, "print"), (e.credit_code, "print")])
        page.field("enterprise_name", e.name)
        page.field("credit_code", e.credit_code)
    y = _grid(page, 22, y + 2, [14, 92, 60], 10, rows, 10.5) + 10
    y = page.wrap(22, y, 166, 12, "特此通知。", indent=2)
    contact = data.person(rng)
    y = page.wrap(
        22,
        y,
        166,
        12,
        f"联系人：{contact.name}，联系电话：{contact.phone}。",
        indent=2,
    )
    page.field("person_name", contact.name)
    page.field("phone", contact.phone)
    d = data.date(rng)
    page.text(170, y + 22, 12, bureau, align="right")
    page.text(165, y + 32, 12, _date_cn(d), align="right")
    page.seal(148, y + 24, 21, bureau)
    page.rule(22, 270, 188, 270, 0.3)
    page.text(22, 277, 9, f"抄送：{where[1]}市场监督管理局。")
    page.text(22, 284, 9, f"{bureau}办公室")
    page.text(188, 284, 9, f"{_date_cn(d)}印发", align="right")
    return page


def social_card(rng: random.Random) -> Page:
    page = Page("social_card")
    p = data.person(rng)
    page.text(105, 30, 20, "社会保障卡申领登记表", "title", align="center")
    page.text(22, 42, 9, f"受理编号：SB{rng.randint(10**9, 10**10 - 1)}")
    page.text(188, 42, 9, "（个人申领用）", align="right")
    x, y = 22.0, 46.0
    label = [("姓名", "print"), (p.name, "hand"), ("性别", "print"), (p.sex, "hand")]
    rows = [
        label,
        [("民族", "print"), (p.ethnic, "hand"), ("出生日期", "print"), (p.born, "hand")],
        [("证件类型", "print"), ("居民身份证", "hand"), ("国籍", "print"), ("中国", "hand")],
        [("手机号码", "print"), (p.phone, "hand"), ("", "print"), ("", "print")],
    ]
    y = _grid(page, x, y, [24, 46, 24, 40], 12, rows)
    page.box(160, 46, 28, 48, 0.35)
    page.text(174, 68, 10, "照片", align="center")
    page.text(174, 75, 7.5, "（小二寸白底）", align="center")
    y = _grid(
        page,
        x,
        y,
        [24, 142],
        12,
        [
            [("身份证号", "print"), (p.id_number, "hand")],
            [("户籍地址", "print"), (p.address, "hand")],
            [("通讯地址", "print"), ("同户籍地址", "hand")],
        ],
    )
    page.field("person_name", p.name)
    page.field("id_number", p.id_number)
    page.field("phone", p.phone)
    y += 10
    page.text(22, y, 12, "申领事项", "title")
    y += 8
    x = 22.0
    choice = rng.randrange(4)
    for i, item in enumerate(("首次申领", "补领", "换领", "同时开通金融账户")):
        page.check(x, y - 3.3, 3.8, i == choice or (i == 3 and rng.random() < 0.5))
        x = page.text(x + 5, y, 10.5, item) + 9
    y += 10
    bank = rng.choice(("农业银行", "农村商业银行", "邮政储蓄银行", "建设银行"))
    y = _grid(
        page,
        22,
        y,
        [36, 130],
        12,
        [
            [("领卡网点", "print"), (f"{bank}{data.county(rng)[2]}支行", "hand")],
            [("代办人", "print"), ("无", "hand")],
        ],
    )
    y += 8
    page.text(22, y, 12, "申领人承诺", "title")
    y = page.wrap(
        22,
        y + 8,
        166,
        10.5,
        "本人承诺所填信息及提交的照片真实有效。社会保障卡仅限本人使用，不得出租、出借，"
        "遗失后及时挂失。如提供虚假信息，本人承担相应责任。",
        indent=2,
    )
    d = data.date(rng)
    x = page.text(110, y + 6, 10.5, "申领人签名：")
    page.text(x + 2, y + 7, 15, p.name, "sign", tilt=-2.0)
    x = page.text(110, y + 16, 10.5, "日期：")
    page.text(x + 2, y + 16, 12, _hand_date(d), "hand")
    y += 22
    page.rule(22, y, 188, y, 0.25)
    page.text(22, y + 8, 10.5, "经办机构审核意见：")
    page.text(60, y + 9, 13, rng.choice(("资料齐全，同意办理", "已核验，准予制卡")), "note")
    page.text(22, y + 20, 10.5, "经办人：")
    page.text(42, y + 20, 13, data.person(rng).name, "sign")
    notes = (
        "注：1.本表一式一份，由社会保险经办机构留存；2.照片须为近六个月内免冠正面彩色"
        "照片；3.十六周岁以下人员由监护人代为申领，监护人须携带本人身份证件。"
    )
    page.wrap(22, 276, 166, 7.5, notes, lead=1.5)
    return page


def entrust(rng: random.Random) -> Page:
    page = Page("entrust")
    e = data.enterprise(rng)
    boss, agent = data.person(rng), data.person(rng)
    page.text(105, 34, 22, "授权委托书", "title", align="center")
    y = 50.0
    y = _grid(
        page,
        22,
        y,
        [30, 136],
        11,
        [
            [("委托方（甲方）", "print"), (e.name, "print")],
            [("统一社会信用代码", "print"), (e.credit_code, "print")],
            [("法定代表人", "print"), (boss.name, "print")],
            [("住所", "print"), (e.address, "print")],
        ],
        10,
    )
    y += 6
    y = _grid(
        page,
        22,
        y,
        [30, 136],
        11,
        [
            [("受托方（乙方）", "print"), (agent.name, "hand")],
            [("身份证号", "print"), (agent.id_number, "hand")],
            [("联系电话", "print"), (agent.phone, "hand")],
            [("住址", "print"), (agent.address, "hand")],
        ],
        10,
    )
    for name, value in (
        ("enterprise_name", e.name),
        ("credit_code", e.credit_code),
        ("person_name", boss.name),
        ("person_name", agent.name),
        ("id_number", agent.id_number),
        ("phone", agent.phone),
    ):
        page.field(name, value)
    y += 12
    y = page.wrap(
        22,
        y,
        166,
        11,
        f"现委托乙方{agent.name}作为甲方代理人，代为向{e.county}市场监督管理局办理下列事项，"
        "代理人在权限内签署的文件甲方均予承认：",
        indent=2,
    )
    items = ("设立登记", "变更登记", "备案", "注销登记", "领取营业执照", "食品经营许可申请")
    ticked = set(rng.sample(range(len(items)), 2))
    for row in range(2):
        x = 30.0
        for col in range(3):
            i = row * 3 + col
            page.check(x, y - 3.3, 3.8, i in ticked)
            page.text(x + 5.5, y, 11, items[i])
            x += 52
        y += 9
    y += 2
    for clause in (
        "1.同意/不同意代理人核对登记材料中的复印件并签署核对意见；",
        "2.同意/不同意代理人修改企业自备文件的错误；",
        "3.同意/不同意代理人修改有关表格的填写错误；",
    ):
        y = page.wrap(30, y, 158, 10.5, clause)
    start, end = data.date(rng), data.date(rng)
    y = page.wrap(
        22,
        y + 4,
        166,
        11,
        f"委托期限：自{_date_cn(start)}至{_date_cn((end[0] + 1, end[1], end[2]))}。",
        indent=2,
    )
    y += 14
    page.text(22, y, 11, "委托方（盖章）：")
    page.text(110, y, 11, "受托方（签字）：")
    page.text(145, y + 2, 16, agent.name, "sign", tilt=-3.0)
    page.text(22, y + 14, 11, "法定代表人（签字）：")
    page.text(62, y + 15, 16, boss.name, "sign", tilt=2.0)
    d = data.date(rng)
    page.text(22, y + 28, 11, _date_cn(d))
    page.text(110, y + 28, 12, _hand_date(d), "hand")
    page.seal(48, y + 8, 20, e.name)
    page.wrap(
        22,
        276,
        166,
        7.5,
        "说明：受托方为自然人的，应提交本人身份证件复印件；委托事项应具体明确，"
        "勾选的事项与实际办理事项一致。",
        lead=1.5,
    )
    return page


def food_licence(rng: random.Random) -> Page:
    """Two columns: the holder's particulars on the left, the licence's on the right."""
    page = Page("food_licence")
    e = data.enterprise(rng, "有限公司")
    boss, keeper = data.person(rng), data.person(rng)
    page.box(12, 12, 186, 273, 1.2)
    page.box(14.5, 14.5, 181, 268, 0.3)
    page.text(105, 40, 34, "食品经营许可证", "title", align="center")
    page.text(105, 50, 11, "（副本）", align="center")
    page.rule(105, 60, 105, 230, 0.25)
    # left column
    y = 70.0
    for label, value, face in (
        ("经营者名称", e.name, "print"),
        ("统一社会信用代码", e.credit_code, "print"),
        ("法定代表人（负责人）", boss.name, "print"),
        ("住所", e.address, "print"),
        ("经营场所", e.address, "print"),
    ):
        page.text(22, y, 11, label + "：")
        y = page.wrap(24, y + 8, 76, 11, value, face) + 4
    page.field("enterprise_name", e.name)
    page.field("credit_code", e.credit_code)
    page.field("person_name", boss.name)
    # right column
    number = f"JY{rng.randint(1, 2)}{rng.randint(10**12, 10**13 - 1)}"
    start = data.date(rng)
    y = 70.0
    for label, value in (
        (
            "主体业态",
            rng.choice(("食品销售经营者（网络经营）", "餐饮服务经营者（小型餐馆）", "单位食堂")),
        ),
        ("经营项目", e.scope),
        ("许可证编号", number),
        ("日常监督管理机构", f"{e.county}市场监督管理局{rng.choice(data.TOWNS)}市场监管所"),
        ("日常监督管理人员", keeper.name),
        ("投诉举报电话", "12315"),
        ("有效期至", _date_cn((start[0] + 5, start[1], start[2]))),
    ):
        page.text(112, y, 11, label + "：")
        y = page.wrap(114, y + 8, 76, 11, value) + 4
    page.field("person_name", keeper.name)
    page.qr(24, 236, 30, rng.randrange(10**9))
    page.text(24, 272, 7.5, "扫码查询许可信息")
    d = start
    page.text(175, 250, 11, f"{e.county}市场监督管理局", align="right")
    page.text(170, 260, 11, "签发人：" + data.person(rng).name, align="right")
    page.text(170, 270, 11, _date_cn(d), align="right")
    page.seal(150, 254, 21, f"{e.county}市场监督管理局", "行政审批专用章")
    return page


def roster(rng: random.Random) -> Page:
    page = Page("roster")
    e = data.enterprise(rng, "专业合作社")
    page.text(105, 30, 20, "农民专业合作社成员名册", "title", align="center")
    y = page.wrap(18, 44, 174, 10.5, f"合作社名称：{e.name}")
    y = page.wrap(18, y, 174, 10.5, f"统一社会信用代码：{e.credit_code}")
    page.field("enterprise_name", e.name)
    page.field("credit_code", e.credit_code)
    used: set[str] = set()
    members = [data.person(rng, used) for _ in range(rng.randint(8, 11))]
    rows: list[list[Cell]] = [
        [
            ("序号", "print"),
            ("成员姓名", "print"),
            ("身份证号码", "print"),
            ("出资方式", "print"),
            ("出资额（万元）", "print"),
            ("签名", "print"),
        ]
    ]
    for i, m in enumerate(members, 1):
        way = rng.choice(("货币", "土地经营权", "实物", "货币"))
        amount = f"{rng.choice((0.5, 1, 1.5, 2, 3, 5, 8)):g}"
        rows.append(
            [
                (str(i), "print"),
                (m.name, "hand"),
                (m.id_number, "hand"),
                (way, "hand"),
                (amount, "hand"),
                (m.name, "sign"),
            ]
        )
        page.field("person_name", m.name)
        page.field("id_number", m.id_number)
    y = _grid(page, 18, y + 2, [12, 26, 60, 26, 26, 24], 13, rows, 10.5)
    y += 10
    page.text(18, y, 10.5, f"成员总数：{len(members)}人，其中农民成员{len(members)}人。")
    y += 14
    page.text(18, y, 10.5, "理事长（签字）：")
    page.text(52, y + 1, 15, members[0].name, "sign")
    d = data.date(rng)
    page.text(130, y, 10.5, _date_cn(d))
    page.seal(150, y - 6, 20, e.name)
    page.wrap(
        18,
        272,
        174,
        7.5,
        "注：成员名册应载明成员的姓名或名称、出资方式、出资额及成员入社、退社时间，"
        "农民成员至少应占成员总数的百分之八十。",
        lead=1.5,
    )
    return page


def pension(rng: random.Random) -> Page:
    page = Page("pension")
    p = data.person(rng)
    where = data.county(rng)
    page.text(105, 28, 18, "城乡居民基本养老保险参保登记表", "title", align="center")
    page.text(22, 40, 9, f"{where[2]}{rng.choice(data.TOWNS)}社会保障服务中心")
    page.text(188, 40, 9, f"编号：{rng.randint(10**7, 10**8 - 1)}", align="right")
    y = _grid(
        page,
        22,
        44,
        [28, 55, 28, 55],
        12,
        [
            [("姓名", "print"), (p.name, "hand"), ("性别", "print"), (p.sex, "hand")],
            [("民族", "print"), (p.ethnic, "hand"), ("出生日期", "print"), (p.born, "hand")],
            [
                ("公民身份号码", "print"),
                (p.id_number, "hand"),
                ("联系电话", "print"),
                (p.phone, "hand"),
            ],
        ],
    )
    y = _grid(
        page,
        22,
        y,
        [28, 138],
        12,
        [
            [("户籍所在地", "print"), (p.address, "hand")],
            [("户口性质", "print"), (rng.choice(("农业", "非农业", "居民户口")), "hand")],
        ],
    )
    page.field("person_name", p.name)
    page.field("id_number", p.id_number)
    page.field("phone", p.phone)
    y += 10
    page.text(22, y, 12, "缴费档次（每年）", "title")
    y += 9
    grades = ("200元", "300元", "500元", "800元", "1000元", "1500元", "2000元", "3000元")
    pick = rng.randrange(len(grades))
    for row in range(2):
        x = 26.0
        for col in range(4):
            i = row * 4 + col
            page.check(x, y - 3.3, 3.8, i == pick)
            page.text(x + 5.5, y, 10.5, grades[i])
            x += 40
        y += 9
    y += 4
    page.text(22, y, 12, "特殊群体标识", "title")
    y += 9
    x = 26.0
    special = rng.randrange(5)
    for i, item in enumerate(("无", "低保对象", "特困人员", "重度残疾人", "返贫致贫人口")):
        page.check(x, y - 3.3, 3.8, i == special)
        x = page.text(x + 5.5, y, 10.5, item) + 8
    y += 12
    y = page.wrap(
        22,
        y,
        166,
        10.5,
        "本人自愿参加城乡居民基本养老保险，按选定档次按时足额缴费，"
        "已知晓多缴多得、长缴多得的政策，所填信息真实准确。",
        indent=2,
    )
    d = data.date(rng)
    x = page.text(100, y + 8, 10.5, "参保人签字（按手印）：")
    page.text(x + 2, y + 9, 15, p.name, "sign", tilt=-2.5)
    page.text(100, y + 20, 10.5, "填表日期：")
    page.text(122, y + 20, 12, _hand_date(d), "hand")
    y += 32
    y = _grid(
        page,
        22,
        y,
        [36, 130],
        16,
        [
            [("村（居）协办员意见", "print"), (rng.choice(("情况属实", "已核实，属实")), "note")],
            [("经办机构审核", "print"), (rng.choice(("同意参保", "材料齐全，准予登记")), "note")],
        ],
    )
    page.text(22, y + 10, 10.5, "经办人：")
    page.text(42, y + 10, 14, data.person(rng).name, "sign")
    page.text(120, y + 10, 10.5, _date_cn(d))
    page.seal(150, y + 4, 19, f"{where[2]}社会保险事业管理局", "业务专用章")
    page.wrap(
        22,
        274,
        166,
        7.5,
        "注：已参加职工基本养老保险的人员不得重复参保；缴费档次每年可调整一次；"
        "本表由参保人户籍所在地乡镇（街道）社会保障服务中心留存。",
        lead=1.5,
    )
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "notice": notice,
    "social_card": social_card,
    "entrust": entrust,
    "food_licence": food_licence,
    "roster": roster,
    "pension": pension,
}
