"""The `ft` corpus's five layouts, each a page model built from a seeded Random in
reading order: a construction project planning permit with a QR-like block and the
planning bureau's seal, a household registration transfer certificate with the police
station's seal, a notarisation application with check boxes, an individual business's
annual report with its tables, and an application for a road transport qualification
certificate with a photo box. Entries by hand are in the hand face."""

from __future__ import annotations

import random
from collections.abc import Callable

from reporting_corpora.ft_data import COUNTIES, date, enterprise, person
from reporting_corpora.ft_draw import PX_W, Page, px, width, wrap

LEFT, RIGHT = 210, PX_W - 210
BODY = 11.0  # pt
HAND = 12.5

Cell = tuple[int, str, str]  # (columns spanned, text, role)


def _row_height(cells: list[Cell], widths: list[float], size: float, min_h: float) -> float:
    h = min_h
    for w, (_, text, role) in zip(widths, cells, strict=True):
        n = len(wrap(role, text, _size(role, size), w - 48)) if text else 1
        h = max(h, n * px(_size(role, size)) * 1.45 + 40)
    return h


def _size(role: str, size: float) -> float:
    return size * HAND / BODY if role == "hand" else size


def table(
    page: Page,
    x: float,
    y: float,
    cols: list[float],
    rows: list[list[Cell]],
    size: float = BODY,
    min_h: float = 108,
    center: bool = False,
) -> float:
    """Rows of cells (each spanning some of `cols`), ruled; text wrapped inside its cell
    and centred vertically. Returns the bottom of the table."""
    total = sum(cols)
    page.line(x, y, x + total, y, 4)
    for cells in rows:
        widths, i = [], 0
        for span, _, _ in cells:
            widths.append(sum(cols[i : i + span]))
            i += span
        assert i == len(cols), cells
        h = _row_height(cells, widths, size, min_h)
        cx = x
        page.line(cx, y, cx, y + h, 4)
        for w, (_, text, role) in zip(widths, cells, strict=True):
            s = _size(role, size)
            lines = wrap(role, text, s, w - 48) if text else []
            lead = px(s) * 1.45
            base = y + h / 2 - (len(lines) - 1) * lead / 2 + px(s) * 0.36
            for line in lines:
                tx = cx + (w - width(role, line, s)) / 2 if center else cx + 24
                page.text(tx, base, line, s, role, jitter=3 if role == "hand" else 0)
                base += lead
            cx += w
            page.line(cx, y, cx, y + h, 4)
        y += h
        page.line(x, y, x + total, y, 4)
    return y


def _title(page: Page, y: float, text: str, size: float = 24, spacing: float = 18) -> None:
    page.centered(PX_W / 2, y, text, size, "title", spacing=spacing)


def _numbered(page: Page, y: float, items: list[str], size: float = 9.5) -> float:
    for i, item in enumerate(items, 1):
        lines = wrap("print", f"{i}．{item}", size, RIGHT - LEFT - 60)
        for j, line in enumerate(lines):
            page.text(LEFT + (0 if j == 0 else 62), y, line, size)
            y += px(size) * 1.6
    return y


def _ymd(born: tuple[int, int, int]) -> str:
    return f"{born[0]}年{born[1]}月{born[2]}日"


def planning_licence(rng: random.Random) -> Page:
    page = Page("planning_licence")
    county = rng.choice(COUNTIES)
    name, code, _ = enterprise(rng, county, individual=False)
    contact = person(rng, county)
    page.centered(PX_W / 2, 330, "中华人民共和国", 16, "title", spacing=10)
    _title(page, 500, "建设工程规划许可证", 28, 24)
    number = f"建字第{county[3]}{rng.randint(2024, 2026)}{rng.randint(10000, 99999)}号"
    page.text(RIGHT - width("print", number, BODY), 640, number, BODY)
    y = page.paragraph(
        LEFT + px(BODY) * 2,
        780,
        "根据《中华人民共和国城乡规划法》第四十条和国家有关规定，经审核，本建设工程符合"
        "国土空间规划和用地规划许可要求，颁发此证。",
        BODY,
        RIGHT - LEFT - px(BODY) * 2,
    )
    area = f"{rng.randint(1800, 48000)}.{rng.randint(10, 99)}"
    project = rng.choice(("综合楼", "厂房及配套用房", "农贸市场改造", "职工宿舍楼", "仓储中心"))
    town = rng.choice(("城关镇", "新市镇", "白沙镇", "柳林镇"))
    y = table(
        page,
        LEFT,
        y + 40,
        [560, RIGHT - LEFT - 560],
        [
            [(1, "建设单位（个人）", "print"), (1, name, "print")],
            [(1, "统一社会信用代码", "print"), (1, code, "print")],
            [
                (1, "建设项目名称", "print"),
                (1, f"{name.removesuffix('有限公司')}{project}", "print"),
            ],
            [
                (1, "建设位置", "print"),
                (
                    1,
                    f"{county[2]}{town}{rng.choice(('工业园区', '迎宾大道西侧', '滨河北路以南'))}",
                    "print",
                ),
            ],
            [
                (1, "建设规模", "print"),
                (1, f"总建筑面积{area}平方米，地上{rng.randint(3, 18)}层", "print"),
            ],
            [
                (1, "附图及附件名称", "print"),
                (1, "建设工程设计方案总平面图、建筑单体平立剖面图", "print"),
            ],
            [(1, "联系人", "print"), (1, contact.name, "print")],
            [(1, "联系电话", "print"), (1, contact.phone, "print")],
        ],
    )
    page.fields += [
        ("enterprise_name", name),
        ("credit_code", code),
        ("person_name", contact.name),
        ("phone", contact.phone),
    ]
    y += 110
    page.text(LEFT, y, "遵守事项：", 10, "title")
    y = _numbered(
        page,
        y + 80,
        [
            "本证是经自然资源主管部门依法审核，建设工程符合国土空间规划要求的法律凭证。",
            "依法应当取得本证，但未取得本证或违反本证规定的，均属违法行为。",
            "未经发证机关审核同意，本证的各项规定不得随意变更。",
            "自然资源主管部门依法有权查验本证，建设单位（个人）有责任提交查验。",
            "本证所需附图及附件由发证机关依法确定，与本证具有同等法律效力。",
        ],
    )
    qy = y + 220
    page.qr(LEFT + 20, qy, 360, rng)
    page.text(LEFT + 20, qy + 420, "扫码核验", 9)
    office = f"{county[2]}自然资源局"
    page.text(1400, qy + 120, "发证机关：", BODY)
    page.text(1400 + width("print", "发证机关：", BODY), qy + 120, office, BODY)
    when = date(rng)
    page.text(1400, qy + 260, "日期：", BODY)
    page.text(1400 + width("print", "日期：", BODY), qy + 260, when, BODY)
    page.seal(1820, qy + 160, 215, office, rng, "规划专用章")
    return page


def hukou_transfer(rng: random.Random) -> Page:
    page = Page("hukou_transfer")
    out_county, in_county = rng.sample(COUNTIES, 2)
    mover = person(rng, out_county)
    head = person(rng, in_county, 1950, 1985)
    _title(page, 360, "户口迁移证明", 26, 30)
    number = f"编号：{rng.randint(10**7, 10**8 - 1)}"
    page.text(RIGHT - width("print", number, BODY), 500, number, BODY)
    station = f"{out_county[2]}公安局{rng.choice(('城关', '河口', '新市', '柳林'))}派出所"
    page.text(LEFT, 500, f"签发机关：{station}", BODY)
    reason = rng.choice(("投靠亲属", "婚姻迁移", "务工落户", "购房落户", "随迁子女"))
    relation = rng.choice(
        ("子", "孙子", "外甥", "配偶") if mover.sex == "男" else ("女", "孙女", "儿媳", "配偶")
    )
    w = (RIGHT - LEFT) / 6
    y = table(
        page,
        LEFT,
        600,
        [w] * 6,
        [
            [
                (1, "姓名", "print"),
                (1, mover.name, "print"),
                (1, "性别", "print"),
                (1, mover.sex, "print"),
                (1, "民族", "print"),
                (1, "汉", "print"),
            ],
            [
                (1, "出生日期", "print"),
                (2, _ymd(mover.born), "print"),
                (1, "文化程度", "print"),
                (2, rng.choice(("高中", "大学本科", "初中", "大学专科")), "print"),
            ],
            [(1, "公民身份号码", "print"), (5, mover.id_number, "print")],
            [(1, "迁出地址", "print"), (5, mover.address, "print")],
            [(1, "迁入地址", "print"), (5, head.address, "print")],
            [
                (1, "迁移原因", "print"),
                (2, reason, "print"),
                (1, "与户主关系", "print"),
                (2, relation, "print"),
            ],
            [
                (1, "户主姓名", "print"),
                (2, head.name, "print"),
                (1, "联系电话", "print"),
                (2, mover.phone, "print"),
            ],
        ],
        center=True,
    )
    page.fields += [
        ("person_name", mover.name),
        ("id_number", mover.id_number),
        ("person_name", head.name),
        ("phone", mover.phone),
    ]
    y = page.paragraph(
        LEFT + px(BODY) * 2,
        y + 150,
        "兹证明上述人员已办理户口迁出手续，请迁入地公安机关凭本证明办理落户手续。"
        "本证明自签发之日起三十日内有效，涂改无效。",
        BODY,
        RIGHT - LEFT - px(BODY) * 2,
    )
    clerk = person(rng, out_county)
    y += 120
    page.text(LEFT, y, "承办人：", BODY)
    page.text(LEFT + width("print", "承办人：", BODY), y, clerk.name, HAND, "hand", jitter=3)
    page.fields.append(("person_name", clerk.name))
    page.text(1350, y, station, BODY)
    page.text(1350, y + 140, "（户口专用章）", BODY)
    page.text(1350, y + 280, date(rng), BODY)
    page.seal(1870, y + 110, 205, station, rng, "户口专用章")
    y += 560
    page.text(LEFT, y, "注：", 9.5, "title")
    _numbered(
        page,
        y + 70,
        [
            "本证明一式两联，第一联交迁移人员，第二联由签发机关存档。",
            "迁移人员须持本证明和居民身份证到迁入地派出所办理户口登记。",
            "本证明遗失的，由原签发机关出具证明后补办。",
        ],
    )
    return page


def notary_application(rng: random.Random) -> Page:
    page = Page("notary_application")
    county = rng.choice(COUNTIES)
    applicant = person(rng, county)
    agent = person(rng, county)
    _title(page, 360, "公证申请表", 26, 30)
    office = f"{county[2]}公证处"
    page.text(LEFT, 500, f"受理机构：{office}", BODY)
    when = date(rng)
    label = "申请日期："
    page.text(1450, 500, label, BODY)
    page.text(1450 + width("print", label, BODY), 500, when, HAND, "hand", jitter=3)
    y = table(
        page,
        LEFT,
        590,
        [400, 330, 200, 200, 330, RIGHT - LEFT - 1460],
        [
            [
                (1, "申请人", "print"),
                (1, applicant.name, "hand"),
                (1, "性别", "print"),
                (1, applicant.sex, "hand"),
                (1, "出生日期", "print"),
                (1, _ymd(applicant.born), "hand"),
            ],
            [(1, "身份证号", "print"), (5, applicant.id_number, "hand")],
            [(1, "住址", "print"), (5, applicant.address, "hand")],
            [
                (1, "联系电话", "print"),
                (2, applicant.phone, "hand"),
                (1, "代理人", "print"),
                (2, agent.name, "hand"),
            ],
            [(1, "代理人身份证号", "print"), (5, agent.id_number, "hand")],
        ],
    )
    page.fields += [
        ("person_name", applicant.name),
        ("id_number", applicant.id_number),
        ("phone", applicant.phone),
        ("person_name", agent.name),
        ("id_number", agent.id_number),
    ]
    y += 130
    page.text(LEFT, y, "申办公证事项（请在□内打√）：", BODY, "title")
    matters = [
        "委托",
        "声明",
        "赠与",
        "继承",
        "学历",
        "学位",
        "无犯罪记录",
        "亲属关系",
        "出生",
        "婚姻状况",
        "驾驶证",
        "营业执照",
    ]
    ticked = rng.randrange(len(matters))
    y += 120
    for i, m in enumerate(matters):
        col, row = i % 4, i // 4
        x: float = LEFT + 40 + col * 520
        by = y + row * 110
        page.checkbox(x, by - 44, 48, i == ticked)
        page.text(x + 72, by, m, BODY)
    y += 3 * 110 + 60
    page.text(LEFT, y, "公证书使用地：", BODY, "title")
    abroad = rng.random() < 0.5
    x = float(LEFT + 560)
    for i, m in enumerate(("国内使用", "境外使用")):
        page.checkbox(x, y - 44, 48, (i == 1) == abroad)
        x = page.text(x + 72, y, m, BODY) + 90
    if abroad:
        x = page.text(x, y, "国家或地区：", BODY)
        page.text(
            x, y, rng.choice(("加拿大", "新加坡", "澳大利亚", "德国")), HAND, "hand", jitter=3
        )
    y += 130
    page.text(LEFT, y, "是否需要译文：", BODY, "title")
    x = float(LEFT + 560)
    translate = rng.random() < 0.5
    for i, m in enumerate(("需要", "不需要")):
        page.checkbox(x, y - 44, 48, (i == 0) == translate)
        x = page.text(x + 72, y, m, BODY) + 90
    x = page.text(x + 60, y, "所需份数：", BODY)
    page.text(x, y, f"{rng.randint(1, 4)}份", HAND, "hand", jitter=3)
    y = table(
        page,
        LEFT,
        y + 100,
        [560, RIGHT - LEFT - 560],
        [
            [
                (1, "提交的证明材料", "print"),
                (
                    1,
                    "居民身份证、户口簿、" + rng.choice(("委托书", "毕业证书", "房屋所有权证")),
                    "hand",
                ),
            ],
            [
                (1, "公证事项简述", "print"),
                (
                    1,
                    f"本人因{rng.choice(('出国留学', '办理房产手续', '探亲', '继承事宜'))}需要，"
                    "申请办理上述公证",
                    "hand",
                ),
            ],
        ],
    )
    y = page.paragraph(
        LEFT,
        y + 120,
        "申请人声明：本人保证所提交的证明材料真实、合法、充分，所述情况属实；如有虚假，"
        "愿承担由此引起的一切法律责任。",
        BODY,
        RIGHT - LEFT,
    )
    y += 60
    x = page.text(LEFT, y, "申请人（签名）：", BODY)
    page.text(x + 20, y, applicant.name, 15, "hand", jitter=4)
    x = page.text(1450, y, "受理公证员：", BODY)
    notary = person(rng, county)
    page.text(x + 20, y, notary.name, 14, "hand", jitter=3)
    page.fields.append(("person_name", notary.name))
    return page


def annual_report(rng: random.Random) -> Page:
    page = Page("annual_report")
    county = rng.choice(COUNTIES)
    owner = person(rng, county)
    name, code, scope = enterprise(rng, county, individual=True)
    year = rng.randint(2023, 2025)
    _title(page, 330, "个体工商户年度报告书", 24, 14)
    page.centered(PX_W / 2, 460, f"（{year}年度）", 13, "print")
    page.text(LEFT, 600, "一、基本信息", 12, "title")
    half = (RIGHT - LEFT) / 2
    y = table(
        page,
        LEFT,
        650,
        [440, half - 440, 440, half - 440],
        [
            [(1, "名称", "print"), (3, name, "hand")],
            [(1, "统一社会信用代码", "print"), (3, code, "hand")],
            [
                (1, "经营者姓名", "print"),
                (1, owner.name, "hand"),
                (1, "联系电话", "print"),
                (1, owner.phone, "hand"),
            ],
            [(1, "经营场所", "print"), (3, owner.address, "hand")],
            [
                (1, "从业人数", "print"),
                (1, f"{rng.randint(1, 9)}人", "hand"),
                (1, "资金数额（万元）", "print"),
                (1, f"{rng.randint(3, 80)}", "hand"),
            ],
            [(1, "经营范围", "print"), (3, scope, "hand")],
        ],
        min_h=100,
    )
    page.fields += [
        ("enterprise_name", name),
        ("credit_code", code),
        ("person_name", owner.name),
        ("phone", owner.phone),
    ]
    y += 130
    page.text(LEFT, y, "二、经营情况（单位：万元）", 12, "title")
    revenue = rng.randint(12, 380)
    money = [
        f"{revenue}.{rng.randint(0, 99):02d}",
        f"{revenue // rng.randint(2, 6)}.{rng.randint(0, 99):02d}",
        f"{rng.randint(0, 9)}.{rng.randint(0, 99):02d}",
        f"{rng.randint(0, 3)}.{rng.randint(0, 99):02d}",
    ]
    q = (RIGHT - LEFT) / 4
    y = table(
        page,
        LEFT,
        y + 50,
        [q] * 4,
        [
            [
                (1, "营业额或营业收入", "print"),
                (1, "其中：网络销售额", "print"),
                (1, "纳税总额", "print"),
                (1, "社会保险缴费", "print"),
            ],
            [
                (1, money[0], "hand"),
                (1, money[1], "hand"),
                (1, money[2], "hand"),
                (1, money[3], "hand"),
            ],
        ],
        center=True,
        min_h=100,
    )
    y += 130
    page.text(LEFT, y, "三、行政许可情况", 12, "title")
    licences = rng.sample(
        (
            "食品经营许可证",
            "排污登记回执",
            "烟草专卖零售许可证",
            "道路运输经营许可证",
            "特种设备使用登记证",
        ),
        2,
    )
    y = table(
        page,
        LEFT,
        y + 50,
        [180, 900, RIGHT - LEFT - 1080],
        [
            [(1, "序号", "print"), (1, "许可文件名称", "print"), (1, "有效期至", "print")],
            *[
                [(1, str(i), "print"), (1, lic, "hand"), (1, date(rng, 2027, 2031), "hand")]
                for i, lic in enumerate(licences, 1)
            ],
        ],
        center=True,
        min_h=100,
    )
    y += 130
    page.text(LEFT, y, "四、网站或网店信息", 12, "title")
    shop = rng.random() < 0.5
    y += 110
    x: float = LEFT + 40
    for i, m in enumerate(("有", "无")):
        page.checkbox(x, y - 44, 48, (i == 0) == shop)
        x = page.text(x + 72, y, m, BODY) + 110
    if shop:
        x = page.text(x, y, "网店名称：", BODY)
        page.text(
            x,
            y,
            f"{name.removesuffix('经营部')}{rng.choice(('小店', '直营店'))}",
            HAND,
            "hand",
            jitter=3,
        )
    y = page.paragraph(
        LEFT,
        y + 150,
        "经营者承诺：本年度报告内容真实、及时、准确，并对其真实性负责，"
        "同意市场监督管理部门依法向社会公示。",
        BODY,
        RIGHT - LEFT,
    )
    y += 80
    x = page.text(LEFT, y, "经营者签字：", BODY)
    page.text(x + 20, y, owner.name, 15, "hand", jitter=4)
    x = page.text(1450, y, "报送日期：", BODY)
    page.text(
        x, y, f"{year + 1}年{rng.randint(1, 6)}月{rng.randint(1, 28)}日", HAND, "hand", jitter=3
    )
    return page


def transport_qualification(rng: random.Random) -> Page:
    page = Page("transport_qualification")
    county = rng.choice(COUNTIES)
    driver = person(rng, county, 1965, 2000)
    company, code, _ = enterprise(rng, county, individual=False)
    _title(page, 330, "道路运输从业资格证申请表", 22, 10)
    page.text(LEFT, 470, f"受理机关：{county[2]}交通运输局", BODY)
    label = "填表日期："
    page.text(1500, 470, label, BODY)
    page.text(1500 + width("print", label, BODY), 470, date(rng), HAND, "hand", jitter=3)
    photo_w = 380
    main = RIGHT - LEFT - photo_w
    cols = [430, main / 2 - 350, 280, main / 2 - 360]
    top = 560
    y = table(
        page,
        LEFT,
        top,
        cols,
        [
            [
                (1, "姓名", "print"),
                (1, driver.name, "hand"),
                (1, "性别", "print"),
                (1, driver.sex, "hand"),
            ],
            [
                (1, "出生日期", "print"),
                (1, _ymd(driver.born), "hand"),
                (1, "文化程度", "print"),
                (1, rng.choice(("高中", "中专", "初中", "大专")), "hand"),
            ],
            [(1, "身份证号", "print"), (3, driver.id_number, "hand")],
            [
                (1, "联系电话", "print"),
                (1, driver.phone, "hand"),
                (1, "准驾车型", "print"),
                (1, rng.choice(("A1", "A2", "B2", "A2D")), "hand"),
            ],
        ],
        min_h=118,
    )
    page.photo(LEFT + main, top, photo_w, y - top)
    page.line(LEFT + main, top, RIGHT, top, 4)
    page.line(LEFT + main, y, RIGHT, y, 4)
    page.centered(LEFT + main + photo_w / 2, (top + y) / 2 - 20, "一寸免冠", 9.5)
    page.centered(LEFT + main + photo_w / 2, (top + y) / 2 + 60, "彩色照片", 9.5)
    y = table(
        page,
        LEFT,
        y,
        [430, main - 430, photo_w],
        [
            [(1, "住址", "print"), (2, driver.address, "hand")],
            [(1, "驾驶证初领日期", "print"), (2, date(rng, 1988, 2020), "hand")],
            [(1, "工作单位", "print"), (2, company, "hand")],
            [(1, "统一社会信用代码", "print"), (2, code, "hand")],
        ],
        min_h=118,
    )
    page.fields += [
        ("person_name", driver.name),
        ("id_number", driver.id_number),
        ("phone", driver.phone),
        ("enterprise_name", company),
        ("credit_code", code),
    ]
    y += 130
    page.text(LEFT, y, "申请从业资格类别（在□内打√）：", BODY, "title")
    kinds = [
        "经营性道路旅客运输驾驶员",
        "道路货物运输驾驶员",
        "道路危险货物运输驾驶员",
        "道路危险货物运输装卸管理人员",
        "道路危险货物运输押运人员",
        "机动车驾驶培训教练员",
    ]
    ticked = rng.randrange(len(kinds))
    y += 120
    for i, k in enumerate(kinds):
        x: float = LEFT + 40 + (i % 2) * 1040
        by = y + (i // 2) * 110
        page.checkbox(x, by - 44, 48, i == ticked)
        page.text(x + 72, by, k, BODY)
    y += 3 * 110 + 40
    page.text(LEFT, y, "申请方式：", BODY, "title")
    x = float(LEFT + 330)
    mode = rng.randrange(3)
    for i, m in enumerate(("初次申领", "增加类别", "补证换证")):
        page.checkbox(x, y - 44, 48, i == mode)
        x = page.text(x + 72, y, m, BODY) + 100
    y = page.paragraph(
        LEFT,
        y + 150,
        "申请人承诺：本人近三年内无重大以上交通责任事故，所填内容及提交材料真实有效，"
        "如有虚假，自愿承担相应法律责任。",
        BODY,
        RIGHT - LEFT,
    )
    y += 60
    x = page.text(LEFT, y, "申请人签名：", BODY)
    page.text(x + 20, y, driver.name, 15, "hand", jitter=4)
    y += 150
    y = table(
        page,
        LEFT,
        y,
        [330, RIGHT - LEFT - 330],
        [
            [(1, "受理意见", "print"), (1, "材料齐全，符合受理条件，同意受理。经办人：", "print")],
        ],
        min_h=300,
    )
    clerk = person(rng, county)
    page.text(
        LEFT + 330 + 24 + width("print", "材料齐全，符合受理条件，同意受理。经办人：", BODY),
        y - 150 + px(BODY) * 0.36,
        clerk.name,
        HAND,
        "hand",
        jitter=3,
    )
    page.fields.append(("person_name", clerk.name))
    page.text(1250, y - 50, date(rng), BODY)
    page.seal(1910, y - 160, 180, f"{county[2]}交通运输局", rng, "业务专用章")
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "planning_licence": planning_licence,
    "hukou_transfer": hukou_transfer,
    "notary_application": notary_application,
    "annual_report": annual_report,
    "transport_qualification": transport_qualification,
}
