"""Renderers of the individual sample materials (see `cases.samples`)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from cases.printing.fonts import FontKind
from sample_scans.drawing import Canvas, stamp_seal

if TYPE_CHECKING:
    from sample_scans.applicant import SampleApplicant

BLACK_QR = (30, 30, 30)


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _form_rows(item_name: str, a: SampleApplicant) -> list[list[tuple[str, str]]]:
    individual = "个体工商户" in item_name
    person = "经营者姓名" if individual else "法定代表人"
    rows: list[list[tuple[str, str]]] = [
        [(person, a.name), ("性别", a.sex)],
        [("公民身份号码", a.id_number), ("联系电话", a.phone)],
        [("住址", a.address)],
        [("个体工商户名称" if individual else "名称", a.enterprise_name)],
    ]
    if not individual:
        rows.append([("统一社会信用代码", a.credit_code)])
    rows.append([("经营场所", a.business_address)])
    if "食品经营" in item_name:
        rows += [[("主体业态", "餐饮服务经营者")], [("经营项目", "热食类食品制售；预包装食品销售")]]
    elif "公共场所" in item_name:
        rows += [[("场所类别", "住宿场所（宾馆）")], [("营业面积", "360平方米")]]
    else:
        rows += [[("组成形式", "个人经营")], [("经营范围", a.business_scope)]]
    return rows


def application_form(
    item_name: str, a: SampleApplicant, rng: random.Random, *, signed: bool = True
) -> Canvas:
    c = Canvas()
    c.centred(170, f"{item_name}申请书", 60)
    c.text((1080, 290), f"编号：XL{rng.randrange(10**6):06d}", 28)
    x0, x1, y = 150.0, 1504.0, 350.0
    label_w, row_h = 300.0, 110.0
    for row in _form_rows(item_name, a):
        if len(row) == 2:
            mid = 1000.0
            (l1, v1), (l2, v2) = row
            c.cell((x0, y, x0 + label_w, y + row_h), l1, 32, FontKind.HEI, centre=True)
            c.cell((x0 + label_w, y, mid, y + row_h), v1, 32)
            c.cell((mid, y, mid + 200, y + row_h), l2, 32, FontKind.HEI, centre=True)
            c.cell((mid + 200, y, x1, y + row_h), v2, 32)
        else:
            (label, value), size = row[0], 32 if len(row[0][1]) < 34 else 27
            c.cell((x0, y, x0 + label_w, y + row_h), label, 32, FontKind.HEI, centre=True)
            c.cell((x0 + label_w, y, x1, y + row_h), value, size)
        y += row_h
    c.rect((x0, 350, x1, y), 5)
    y += 70
    c.text((x0, y), "申请人声明：", 34, FontKind.HEI)
    y = c.wrapped(
        x0,
        y + 60,
        x1 - x0,
        "本人承诺所提交的申请材料真实、合法、有效，复印件与原件一致，"
        "并对因材料虚假所引发的一切后果承担相应的法律责任。",
    )
    y += 120
    c.text((x0 + 500, y), "申请人（签字）：", 34)
    if signed:
        c.text((x0 + 780, y - 6), a.name, 44, FontKind.HEI)
    c.line((x0 + 770, y + 44), (x1, y + 44), 2)
    c.text((x0 + 500, y + 100), "日期：" + _cn_date(date(2026, 3, rng.randint(2, 27))), 34)
    return c


def id_card(
    item_name: str, a: SampleApplicant, rng: random.Random, *, expires_on: date | None = None
) -> Canvas:
    c = Canvas()
    c.centred(150, "居民身份证复印件", 44)
    w, h = 842, 531
    x = (c.width - w) // 2
    grey = (92, 92, 92)
    # front: personal data
    y = 300
    c.draw.rounded_rectangle(
        (x, y, x + w, y + h), 36, outline=(60, 60, 60), width=3, fill=(238, 238, 238)
    )
    rows = [("姓名", a.name), ("性别", f"{a.sex}      民族  {a.ethnicity}")]
    rows.append(("出生", f"{a.birth.year}  年  {a.birth.month}  月  {a.birth.day}  日"))
    for i, (label, value) in enumerate(rows):
        c.text((x + 60, y + 60 + i * 70), label, 28, FontKind.HEI, fill=grey)
        c.text((x + 170, y + 56 + i * 70), value, 34, FontKind.HEI)
    c.text((x + 60, y + 270), "住址", 28, FontKind.HEI, fill=grey)
    addr = a.address
    c.text((x + 170, y + 266), addr[:13], 32, FontKind.HEI)
    c.text((x + 170, y + 314), addr[13:], 32, FontKind.HEI)
    c.text((x + 60, y + 440), "公民身份号码", 28, FontKind.HEI, fill=grey)
    c.text((x + 290, y + 434), a.id_number, 40, FontKind.HEI, spacing=4)
    c.draw.rectangle((x + 600, y + 60, x + 790, y + 300), fill=(200, 200, 200))
    c.draw.ellipse((x + 645, y + 90, x + 745, y + 200), fill=(150, 150, 150))
    c.draw.pieslice((x + 615, y + 200, x + 775, y + 380), 180, 360, fill=(150, 150, 150))
    # back: issuing authority
    y = 300 + h + 140
    c.draw.rounded_rectangle(
        (x, y, x + w, y + h), 36, outline=(60, 60, 60), width=3, fill=(238, 238, 238)
    )
    c.draw.ellipse((x + 50, y + 40, x + 200, y + 190), outline=(110, 110, 110), width=8)
    c.text((x + 300, y + 70), "中华人民共和国", 50, FontKind.HEI, spacing=6)
    c.text((x + 240, y + 170), "居民身份证", 76, FontKind.HEI, spacing=14)
    issued = date(a.birth.year + rng.randint(25, 40), rng.randint(1, 12), rng.randint(1, 28))
    issued = min(issued, date(2025, 6, 1))
    c.text((x + 130, y + 360), "签发机关", 28, FontKind.HEI, fill=grey)
    c.text((x + 300, y + 356), "锡林浩特市公安局", 32, FontKind.HEI)
    c.text((x + 130, y + 430), "有效期限", 28, FontKind.HEI, fill=grey)
    end = issued.replace(year=issued.year + 20)
    if expires_on is not None:  # scenario variant: an expired card
        end, issued = expires_on, expires_on.replace(year=expires_on.year - 10)
    term = f"{issued:%Y.%m.%d}-{end:%Y.%m.%d}"
    if expires_on is None and end < date(2027, 1, 1):
        term = f"{issued:%Y.%m.%d}-长期"  # a sample applicant's card is valid: long-term
    c.text((x + 300, y + 426), term, 32, FontKind.HEI)
    c.text((x + 120, 300 + 2 * h + 220), f"此复印件仅供办理{item_name}使用，再复印无效。", 34)
    return c


def lease(item_name: str, a: SampleApplicant, rng: random.Random) -> Canvas:
    c = Canvas()
    landlord = rng.choice(("锡林浩特市宏达物业管理有限公司", "锡林浩特市草原兴房地产开发有限公司"))
    c.centred(170, "房屋租赁合同", 64, spacing=8)
    c.text((1080, 290), f"合同编号：ZL-2026-{rng.randrange(10**4):04d}", 28)
    x, width = 150.0, 1354.0
    y = 370.0
    for label, value in (("出租方（甲方）：", landlord), ("承租方（乙方）：", a.name)):
        c.text((x, y), label, 36, FontKind.HEI)
        c.text((x + 300, y), value, 36)
        y += 70
    c.text((x, y), "乙方身份证号码：", 36, FontKind.HEI)
    c.text((x + 300, y), a.id_number, 36)
    y += 110
    start = date(2026, rng.randint(1, 3), 1)
    end = date(start.year + rng.randint(1, 3), start.month, 1) - timedelta(days=1)
    clauses = (
        f"第一条 甲方将位于{a.business_address}的房屋出租给乙方，建筑面积"
        f"{rng.randint(40, 300)}平方米，用途为商业经营（{a.enterprise_name}）。",
        f"第二条 租赁期限：自{_cn_date(start)}起至{_cn_date(end)}止。",
        f"第三条 年租金人民币{rng.randint(3, 12) * 10000}元，乙方于每年一月十日前一次性付清。",
        "第四条 租赁期间，水、电、暖气及物业费用由乙方承担；乙方不得擅自改变房屋结构和用途。",
        "第五条 租赁期满，乙方如需续租，应提前三十日书面通知甲方，同等条件下乙方享有优先承租权。",
        "第六条 本合同一式两份，甲乙双方各执一份，自双方签字（盖章）之日起生效。",
    )
    for clause in clauses:
        y = c.wrapped(x, y, width, clause, 34) + 20
    y += 80
    c.text((x, y), "出租方（盖章）：", 36, FontKind.HEI)
    c.text((x + 780, y), "承租方（签字）：", 36, FontKind.HEI)
    c.text((x + 1040, y - 6), a.name, 44, FontKind.HEI)
    c.text((x, y + 90), "日期：" + _cn_date(start - timedelta(days=10)), 34)
    c.text((x + 780, y + 90), "日期：" + _cn_date(start - timedelta(days=10)), 34)
    stamp_seal(c, (x + 330, y + 20), landlord, "合同专用章", 170, rng)
    return c


def business_license(
    item_name: str,
    a: SampleApplicant,
    rng: random.Random,
    *,
    sealed: bool = True,
    valid_until: date | None = None,
) -> Canvas:
    c = Canvas()
    gold = (170, 130, 40)
    c.draw.rectangle((70, 70, 1584, 2269), outline=gold, width=14)
    c.draw.rectangle((100, 100, 1554, 2239), outline=gold, width=4)
    c.draw.ellipse((757, 160, 897, 300), outline=gold, width=10)
    c.centred(340, "营业执照", 110, spacing=30)
    c.centred(480, "（副  本）", 40)
    c.text((180, 580), "统一社会信用代码", 36, FontKind.HEI)
    c.text((180, 630), a.credit_code, 38, FontKind.HEI, spacing=2)
    c.draw.rectangle((1290, 560, 1470, 740), outline=BLACK_QR, width=6)
    kind_company = a.enterprise_name.endswith("公司")
    rows = [
        ("名称", a.enterprise_name),
        ("类型", "有限责任公司" if kind_company else "个体工商户"),
        ("法定代表人" if kind_company else "经营者", a.name),
        ("组成形式", "个人经营"),
        ("注册日期", _cn_date(date(2026, 1, rng.randint(2, 28)))),
        *([("营业期限", f"至{_cn_date(valid_until)}")] if valid_until else []),
        ("经营场所" if not kind_company else "住所", a.business_address),
    ]
    y = 820.0
    for label, value in rows:
        c.text((200, y), label, 38, FontKind.HEI, spacing=8 if len(label) == 2 else 0)
        if len(value) > 24:
            c.text((480, y), value[:24], 36)
            y += 60
            value = value[24:]
        c.text((480, y), value, 36)
        y += 100
    c.text((200, y), "经营范围", 38, FontKind.HEI, spacing=8)
    c.wrapped(480, y, 960, a.business_scope, 36, indent=False)
    c.text((1000, 1900), "登记机关", 40, FontKind.HEI)
    c.text((1000, 1980), _cn_date(date(2026, 1, rng.randint(2, 28))), 36)
    if sealed:
        stamp_seal(c, (1150, 1950), "锡林浩特市市场监督管理局", "", 175, rng)
    c.centred(2150, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", 26, FontKind.SONG)
    return c


FOOD_RULES = (
    (
        "一、从业人员健康管理制度",
        "从业人员每年进行健康检查，取得健康证明后方可上岗；患有有碍食品安全疾病的人员"
        "应调离直接入口食品的工作岗位。每日开工前检查从业人员健康状况并记录。",
    ),
    (
        "二、进货查验记录制度",
        "采购食品及原料应查验供货者的许可证和产品合格证明，建立进货查验记录，"
        "如实记录名称、规格、数量、生产日期、供货者名称及联系方式，记录保存不少于二年。",
    ),
    (
        "三、食品贮存与加工管理",
        "食品与非食品分开存放，生熟分开，冷藏冷冻设施定期除霜清洁；"
        "加工前认真检查原料，发现腐败变质或者其他感官性状异常的不得加工使用。",
    ),
    (
        "四、餐用具清洗消毒制度",
        "餐用具使用后及时清洗消毒，消毒后存放于专用保洁柜内，消毒设施保持正常运转，并做好消毒记录。",
    ),
)
HYGIENE_RULES = (
    (
        "一、卫生管理组织",
        "本单位设立卫生管理小组，由负责人任组长，配备专（兼）职卫生管理员，"
        "负责日常卫生检查、记录和从业人员卫生知识培训。",
    ),
    (
        "二、公共用品用具消毒",
        "床上用品一客一换，茶具、洗漱用品一客一消毒，"
        "消毒后分类存放于保洁柜内，做好清洗消毒记录，不得重复使用一次性用品。",
    ),
    (
        "三、空气质量与通风",
        "经营场所保持自然通风或机械通风，集中空调通风系统定期清洗消毒，"
        "每年委托有资质的机构进行卫生检测。",
    ),
    ("四、从业人员健康管理", "从业人员取得有效健康合格证明后方可上岗，每年进行一次健康检查。"),
)


Renderer = Callable[[str, "SampleApplicant", random.Random], Canvas]


def rules(title: str, sections: tuple[tuple[str, str], ...]) -> Renderer:
    def render(item_name: str, a: SampleApplicant, rng: random.Random) -> Canvas:
        c = Canvas()
        c.centred(170, title, 58, spacing=6)
        c.centred(280, a.enterprise_name, 34, FontKind.SONG)
        y = 400.0
        for heading, paragraph in sections:
            c.text((150, y), heading, 38, FontKind.HEI)
            y = c.wrapped(150, y + 80, 1354, paragraph, 34) + 50
        c.text((900, y + 80), f"{a.enterprise_name[5:]}", 34)
        c.text((900, y + 150), _cn_date(date(2026, 2, rng.randint(2, 27))), 34)
        return c

    return render


def layout_plan(item_name: str, a: SampleApplicant, rng: random.Random) -> Canvas:
    c = Canvas()
    c.centred(170, "经营场所平面布局图", 58, spacing=4)
    c.centred(280, f"{a.enterprise_name}  地址：{a.business_address}", 28, FontKind.SONG)
    x0, y0, x1, y1 = 200, 420, 1454, 1820
    c.rect((x0, y0, x1, y1), 10)
    split_x = 820 + rng.randint(-60, 60)
    split_y = 1150 + rng.randint(-80, 80)
    c.line((split_x, y0), (split_x, y1), 6)
    c.line((x0, split_y), (split_x, split_y), 6)
    c.line((split_x, 820), (x1, 820), 6)
    c.line((split_x, 1380), (x1, 1380), 6)
    rooms = (
        ((x0 + split_x) / 2, (y0 + split_y) / 2, "就餐区"),
        ((x0 + split_x) / 2, (split_y + y1) / 2, "操作间"),
        ((split_x + x1) / 2, (y0 + 820) / 2, "仓库"),
        ((split_x + x1) / 2, (820 + 1380) / 2, "洗消间"),
        ((split_x + x1) / 2, (1380 + y1) / 2, "更衣室"),
    )
    for cx, cy, name in rooms:
        c.text((cx - c.width_of(name, 44, FontKind.HEI) / 2, cy - 22), name, 44, FontKind.HEI)
    c.draw.rectangle((x0 + 180, y1 - 8, x0 + 360, y1 + 8), fill=(255, 255, 255))
    c.text((x0 + 220, y1 + 30), "入口", 36, FontKind.HEI)
    c.text((200, 1980), "说明：操作间与就餐区分隔，生熟加工区域分开；比例 1:100", 32)
    c.text((200, 2050), f"绘制人：{a.name}    绘制日期：{_cn_date(date(2026, 2, 20))}", 32)
    return c


def test_report(item_name: str, a: SampleApplicant, rng: random.Random) -> Canvas:
    c = Canvas()
    lab = "锡林郭勒盟疾病预防控制中心"
    c.centred(160, "公共场所卫生检测报告", 58, spacing=4)
    c.text((1000, 270), f"报告编号：XLJK-2026-{rng.randrange(10**4):04d}", 28)
    x, y = 150.0, 360.0
    for label, value in (
        ("委托单位：", a.enterprise_name),
        ("检测地点：", a.business_address),
        ("检测日期：", _cn_date(date(2026, 2, rng.randint(2, 27)))),
    ):
        c.text((x, y), label, 34, FontKind.HEI)
        c.text((x + 190, y), value, 32)
        y += 70
    y += 40
    widths = (420.0, 300.0, 300.0, 334.0)
    rows = [("检测项目", "标准限值", "检测结果", "单项判定")]
    for item, limit, lo, hi, fmt in (
        ("室内温度（℃）", "16~20", 17.0, 20.0, "{:.1f}"),
        ("相对湿度（%）", "40~80", 42.0, 65.0, "{:.0f}"),
        ("二氧化碳（%）", "≤0.10", 0.04, 0.08, "{:.2f}"),
        ("甲醛（mg/m³）", "≤0.10", 0.02, 0.06, "{:.2f}"),
        ("细菌总数（CFU/m³）", "≤1500", 300.0, 900.0, "{:.0f}"),
        ("噪声（dB(A)）", "≤45", 32.0, 42.0, "{:.0f}"),
    ):
        rows.append((item, limit, fmt.format(rng.uniform(lo, hi)), "合格"))
    for r, row in enumerate(rows):
        cx = x
        for w, value in zip(widths, row, strict=True):
            c.cell(
                (cx, y, cx + w, y + 90), value, 30, FontKind.HEI if r == 0 else FontKind.SONG, True
            )
            cx += w
        y += 90
    y += 60
    c.text((x, y), "检测结论：", 36, FontKind.HEI)
    y = c.wrapped(
        x, y + 70, 1354, "所检项目均符合 GB 37488-2019《公共场所卫生指标及限值要求》的规定。", 34
    )
    c.text((950, y + 140), lab, 32)
    c.text((950, y + 210), _cn_date(date(2026, 3, rng.randint(2, 27))), 32)
    stamp_seal(c, (1160, y + 170), lab, "检验检测专用章", 160, rng)
    return c


def authorization(item_name: str, a: SampleApplicant, rng: random.Random) -> Canvas:
    c = Canvas()
    agent = rng.choice(("刘海燕", "包金山", "赵文博", "乌兰图雅"))
    c.centred(170, "授权委托书", 64, spacing=12)
    x, y = 150.0, 360.0
    for label, value in (
        ("委托人：", a.name),
        ("公民身份号码：", a.id_number),
        ("委托代理人：", agent),
        ("联系电话：", f"13{rng.randrange(10**9):09d}"),
    ):
        c.text((x, y), label, 36, FontKind.HEI)
        c.text((x + 280, y), value, 36)
        y += 80
    y += 40
    y = c.wrapped(
        x,
        y,
        1354,
        f"现委托{agent}为我的代理人，代为办理{a.enterprise_name}的{item_name}"
        "相关手续。委托事项：提交申请材料、核对并修改材料中的填写错误、领取相关文书。",
        34,
    )
    y = c.wrapped(
        x,
        y + 20,
        1354,
        "委托期限：自2026年3月1日至2026年6月30日。代理人在委托权限内"
        "签署的有关文件，委托人均予以承认。",
        34,
    )
    c.text((800, y + 160), f"委托人（签字）：{a.name}", 36)
    c.text((800, y + 240), "日期：" + _cn_date(date(2026, 3, rng.randint(1, 27))), 34)
    return c


def property_certificate(item_name: str, a: SampleApplicant, rng: random.Random) -> Canvas:
    """不动产权证书 （copy）： the alternative to a lease as proof of premises."""
    c = Canvas()
    c.centred(170, "不动产权证书", 64, spacing=8)
    c.text((1000, 290), f"蒙（2025）锡林浩特市不动产权第{rng.randrange(10**7):07d}号", 28)
    rows = (
        ("权利人", a.name),
        ("共有情况", "单独所有"),
        ("坐落", a.business_address),
        ("不动产单元号", f"152502{rng.randrange(10**6):06d}GB{rng.randrange(10**5):05d}F0001"),
        ("权利类型", "国有建设用地使用权/房屋所有权"),
        ("用途", "商业服务"),
        ("面积", f"房屋建筑面积{rng.randint(40, 300)}平方米"),
    )
    x0, x1, y = 150.0, 1504.0, 380.0
    for label, value in rows:
        c.cell((x0, y, x0 + 330, y + 110), label, 32, FontKind.HEI, centre=True)
        c.cell((x0 + 330, y, x1, y + 110), value, 30 if len(value) < 30 else 26)
        y += 110
    c.rect((x0, 380, x1, y), 5)
    c.text((x0 + 700, y + 200), "登记机构（章）", 36, FontKind.HEI)
    c.text((x0 + 700, y + 280), _cn_date(date(2025, rng.randint(1, 12), rng.randint(1, 28))), 34)
    stamp_seal(c, (x0 + 850, y + 240), "锡林浩特市不动产登记中心", "", 170, rng)
    return c
