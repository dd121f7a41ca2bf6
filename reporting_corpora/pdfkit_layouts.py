"""The `pdfkit` corpus's five layouts, each a document a service hall receives:
房屋租赁登记备案证明 (lessor and lessee side by side, the house's table, the filing
office's seal over its date, a QR-like block to check it), 药品经营许可证 (a certificate's
duplicate: label and value lines, a QR-like block, the licensing bureau's seal over the
issuer, the signer by hand), 法律援助申请表 (a ruled table with spans, the applicant's
entries by hand, check boxes for the matter and the hardship, the case told by hand over
several lines, signature and date, the aid centre's seal), 养犬登记申请表 (the keeper and
the dog in two tables, a photo box, check boxes, a pledge in small print, the public
security bureau's seal) and 城镇污水排入排水管网许可证 (a permit with a table of
outfalls, small-print conditions, a QR-like block and the water authority's seal).

Text is added in reading order: a table row by row, left to right, each cell whole (a
cell spanning rows is read with the first of them); side-by-side blocks left then right,
each top to bottom; a tick before the option it ticks. Seal words are not text."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from reporting_corpora.pdfkit_data import (
    REGIONS,
    Person,
    capital_yuan,
    cn_date,
    credit_code,
    dotted,
    enterprise,
    landline,
    person,
    some_day,
    street_address,
)
from reporting_corpora.pdfkit_doc import BLUE, PAGE_W, PEN_BLACK, Page, measure

L, R = 52.0, PAGE_W - 52.0
BODY = 10.5
LABEL = "songb"


def _place(region: tuple[str, str, str, str]) -> str:
    """Province, city (unless the same) and district."""
    _, prov, city, county = region
    return prov + (city if city != prov else "") + county


def _ink(rng: random.Random) -> str:
    return rng.choice((BLUE, BLUE, PEN_BLACK))


def _hand_in(
    page: Page,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    s: str,
    rng: random.Random,
    ink: str,
    size: float = 13.0,
) -> None:
    """An entry by hand in a cell: one line, smaller until it fits, else two lines."""
    width = x1 - x0 - 10
    while measure(s, size, "kai") * 1.12 > width and size > 9.5:
        size *= 0.93
    lines = [s]
    if measure(s, size, "kai") * 1.12 > width:
        cut = len(s) // 2
        lines = [s[:cut], s[cut:]]
    top = (y0 + y1) / 2 - len(lines) * size * 1.25 / 2
    for i, line in enumerate(lines):
        page.hand(x0 + 5, top + i * size * 1.25 + size * 0.08, line, size, rng, ink)


def _row(
    page: Page,
    y: float,
    h: float,
    cells: list[tuple[float, float, str, str]],
    rng: random.Random | None = None,
    ink: str = BLUE,
) -> float:
    """A table row: (x0, x1, text, kind) with kind `label`, `print` or `hand`."""
    for x0, x1, s, kind in cells:
        page.rect(x0, y, x1, y + h)
        if kind == "label":
            page.box(x0, y, x1, y + h, s, BODY, LABEL)
        elif kind == "print":
            page.box(x0, y, x1, y + h, s, BODY, "song", align="left", pad=6)
        elif s:
            assert rng is not None
            _hand_in(page, x0, y, x1, y + h, s, rng, ink)
    return y + h


def _checks(
    page: Page,
    x: float,
    y: float,
    options: tuple[str, ...],
    ticked: set[int],
    rng: random.Random,
    ink: str,
    size: float = BODY,
    gap: float = 12.0,
    right: float = R,
) -> float:
    """Printed options each after a box, the ticked ones ticked by hand; wraps at
    `right`; returns the top of the next line."""
    x0 = x
    for i, opt in enumerate(options):
        w = size + 3 + measure(opt, size)
        if x + w > right - 4:
            x, y = x0, y + size * 1.9
        page.rect(x, y + 1, x + size - 1, y + size)
        if i in ticked:
            page.hand(x - 1.5, y - size * 0.25, "√", size * 1.2, rng, ink)
        page.text(x + size + 3, y, opt, size)
        x += w + gap
    return y + size * 1.9


def _sign(
    page: Page, x: float, y: float, label: str, who: str, when: date, rng: random.Random, ink: str
) -> None:
    w = page.text(x, y, label, BODY)
    page.hand(x + w + 4, y - 5, who, 16, rng, ink, slant=-4)
    w2 = page.text(x + w + 90, y, "日期：", BODY)
    page.hand(x + w + 94 + w2, y - 3, cn_date(when), 13, rng, ink)


# --- 房屋租赁登记备案证明


def lease_filing(rng: random.Random) -> Page:
    page = Page("lease_filing")
    region = rng.choice(REGIONS)
    lessor = person(rng, region, born_to=1988)
    lessee = person(rng, rng.choice(REGIONS), born_from=1975)
    agency = enterprise(rng, region, rng.choice(("房地产经纪", "不动产代理", "置业顾问")))
    agency_code = credit_code(rng, region[0])
    filed = some_day(rng)
    start = filed - timedelta(days=rng.randint(3, 20))
    years = rng.choice((1, 1, 2, 3))
    end = date(start.year + years, start.month, min(start.day, 28)) - timedelta(days=1)
    rent = rng.randrange(1800, 9800, 100)
    area = f"{rng.randint(38, 160)}.{rng.randint(10, 99)}"
    no = f"（{filed.year}）{region[3][:2]}住租备字第{rng.randint(10000, 99999)}号"

    page.rect(36, 36, PAGE_W - 36, 806, 1.6)
    page.text(PAGE_W / 2, 62, "房屋租赁登记备案证明", 22, "hei", "center")
    page.text(R - 8, 98, "备案编号：" + no, 9.5, "song", "right")
    # lessor and lessee side by side, each a small table of its own
    y0, mid = 118.0, PAGE_W / 2
    for x0, x1, head, who in ((L, mid - 6, "出租人", lessor), (mid + 6, R, "承租人", lessee)):
        page.fill(x0, y0, x1, y0 + 22)
        y = _row(page, y0, 22, [(x0, x1, head + "信息", "label")])
        for label, value in (
            ("姓名", who.name),
            ("证件类型", "居民身份证"),
            ("证件号码", who.id_number),
            ("联系电话", who.phone),
        ):
            y = _row(page, y, 24, [(x0, x0 + 64, label, "label"), (x0 + 64, x1, value, "print")])
    page.field("person_name", lessor.name)
    page.field("id_number", lessor.id_number)
    page.field("person_name", lessee.name)
    page.field("phone", lessee.phone)
    y = y0 + 22 + 4 * 24 + 14
    page.text(L, y, "一、房屋基本情况", 11.5, "hei")
    y += 20
    c = (L, L + 80, L + 250, L + 330, R)
    y = _row(
        page,
        y,
        34,
        [(c[0], c[1], "房屋坐落", "label"), (c[1], c[4], street_address(rng, region), "print")],
    )
    y = _row(
        page,
        y,
        24,
        [
            (c[0], c[1], "建筑面积", "label"),
            (c[1], c[2], area + "平方米", "print"),
            (c[2], c[3], "房屋用途", "label"),
            (c[3], c[4], rng.choice(("住宅", "住宅", "商业", "办公")), "print"),
        ],
    )
    y = _row(
        page,
        y,
        24,
        [
            (c[0], c[1], "租赁期限", "label"),
            (c[1], c[4], f"自{cn_date(start)}起至{cn_date(end)}止", "print"),
        ],
    )
    y = _row(
        page,
        y,
        24,
        [
            (c[0], c[1], "月租金", "label"),
            (c[1], c[2], f"{rent}元", "print"),
            (c[2], c[3], "大写", "label"),
            (c[3], c[4], capital_yuan(rent), "print"),
        ],
    )
    y = _row(page, y, 24, [(c[0], c[1], "经纪机构", "label"), (c[1], c[4], agency, "print")])
    y = _row(page, y, 24, [(c[0], c[1], "信用代码", "label"), (c[1], c[4], agency_code, "print")])
    page.field("enterprise_name", agency)
    page.field("credit_code", agency_code)
    y += 16
    page.text(L, y, "二、备案意见", 11.5, "hei")
    y = page.para(
        L,
        R,
        y + 22,
        "经审核，上述房屋租赁合同已依照《商品房屋租赁管理办法》的规定办理登记备案。"
        "租赁合同内容发生变更、续租或者终止的，当事人应当在三十日内到原备案机关办理变更、"
        "延续或者注销手续。",
        11,
    )
    office = f"{region[2]}{region[3]}住房和城乡建设委员会"
    y += 24
    page.text(R - 30, y, office, 11, "song", "right")
    page.text(R - 30, y + 22, cn_date(filed), 11, "song", "right")
    page.seal(R - 100, y + 8, 52, office, rng, "租赁备案专用章")
    # the clerk's initials and a QR-like block to check the filing
    page.qr(L, y - 4, 70, rng)
    page.text(L + 78, y + 10, "扫码查验备案信息", 8.5, "heil")
    page.text(L + 78, y + 24, "经办人：", 8.5, "heil")
    page.hand(
        L + 112, y + 20, rng.choice("王李张刘陈") + rng.choice("敏静军磊"), 12, rng, PEN_BLACK
    )
    y += 96
    page.line(L, y, R, y, 0.5)
    page.text(L, y + 8, "注：本证明仅证明房屋租赁合同已登记备案，不作为房屋权属证明。", 8.5, "heil")
    page.text(
        L,
        y + 22,
        "如需查询，请登录住房租赁服务平台或拨打咨询电话" + landline(rng) + "。",
        8.5,
        "heil",
    )
    return page


# --- 药品经营许可证 (副本)


def drug_licence(rng: random.Random) -> Page:
    page = Page("drug_licence")
    region = rng.choice(REGIONS)
    firm = enterprise(rng, region, rng.choice(("医药", "大药房", "药业", "药品零售连锁")))
    code = credit_code(rng, region[0])
    legal = person(rng, region, born_to=1985)
    chief = person(rng, region)
    quality = person(rng, region, born_from=1980)
    issued = some_day(rng)
    until = date(issued.year + 5, issued.month, min(issued.day, 28)) - timedelta(days=1)
    prov_short = region[1][:2] if region[1][:2] != "内蒙" else "蒙"
    licence_no = f"{prov_short}AA{rng.randint(1000000, 9999999)}"
    bureau = (
        f"{region[2]}市场监督管理局" if region[1] != region[2] else f"{region[1]}药品监督管理局"
    )

    page.rect(30, 30, PAGE_W - 30, 811, 2.4)
    page.rect(38, 38, PAGE_W - 38, 803, 0.8)
    page.text(PAGE_W / 2, 70, "药品经营许可证", 28, "hei", "center", spacing=4)
    page.text(PAGE_W / 2, 108, "（副  本）", 13, "song", "center")
    page.qr(R - 78, 60, 70, rng)
    page.text(R - 43, 134, "扫码查询", 8, "heil", "center")
    rows = (
        ("企业名称", firm),
        ("统一社会信用代码", code),
        ("注册地址", street_address(rng, region)),
        ("法定代表人", legal.name),
        ("企业负责人", chief.name),
        ("质量负责人", quality.name),
        ("仓库地址", street_address(rng, region) if rng.random() < 0.6 else "无"),
        ("经营方式", rng.choice(("药品零售", "药品零售（连锁）", "药品批发"))),
        (
            "经营范围",
            "、".join(
                rng.sample(
                    (
                        "中成药",
                        "化学药制剂",
                        "抗生素制剂",
                        "生化药品",
                        "生物制品（除疫苗）",
                        "中药饮片",
                        "第二类精神药品",
                        "蛋白同化制剂、肽类激素",
                    ),
                    rng.randint(3, 6),
                )
            )
            + "***",
        ),
        ("许可证编号", licence_no),
        ("有效期至", cn_date(until)),
        ("日常监管机构", f"{region[3]}市场监督管理局"),
        ("投诉举报电话", "12315"),
    )
    y = 160.0
    for label, value in rows:
        lw = measure(label, 12, LABEL)
        page.text(L + 100 - lw, y, label, 12, LABEL)
        page.text(L + 104, y, "：", 12)
        lines = max(1, -(-int(measure(value, 12) + 1) // int(R - L - 120)))
        page.box(L + 118, y - 3, R - 10, y - 3 + 18 * lines, value, 12, align="left", pad=0)
        y += 18 * lines + 12
    page.field("enterprise_name", firm)
    page.field("credit_code", code)
    page.field("person_name", legal.name)
    page.field("person_name", quality.name)
    y += 18
    page.text(L + 20, y, "签发人：", 12, LABEL)
    page.hand(
        L + 74,
        y - 4,
        rng.choice("孙周吴郑冯") + rng.choice(("国栋", "立新", "卫东", "海涛")),
        17,
        rng,
        PEN_BLACK,
    )
    page.text(R - 40, y, "发证机关：" + bureau, 12, "song", "right")
    page.text(R - 40, y + 26, "发证日期：" + cn_date(issued), 12, "song", "right")
    page.seal(R - 110, y + 6, 56, bureau, rng, "")
    y += 78
    page.line(L, y, R, y, 0.6)
    notes = (
        "1．本许可证分正本、副本，正本、副本具有同等法律效力。",
        "2．本许可证应当在经营场所醒目位置悬挂正本，不得伪造、变造、出租、出借、买卖。",
        "3．许可事项发生变更的，应当在变更前向发证机关申请变更登记。",
        f"4．有效期届满需要继续经营的，应当于{dotted(until - timedelta(days=180))}前申请重新发证。",
    )
    y += 8
    for note in notes:
        page.text(L + 6, y, note, 8.5, "heil")
        y += 14
    return page


# --- 法律援助申请表


def legal_aid(rng: random.Random) -> Page:
    page = Page("legal_aid")
    region = rng.choice(REGIONS)
    me = person(rng, region, born_to=1996)
    ink = _ink(rng)
    employer = enterprise(rng, region, rng.choice(("建筑劳务", "物业服务", "餐饮管理", "电子科技")))
    applied = some_day(rng)
    page.text(PAGE_W / 2, 44, "法律援助申请表", 20, "hei", "center", spacing=2)
    page.text(L, 78, f"受理编号：{region[3]}援申字〔{applied.year}〕{rng.randint(100, 999)}号", 9.5)
    w = page.text(R - 140, 78, "申请日期：", 9.5)
    page.hand(R - 140 + w + 2, 73, cn_date(applied), 12, rng, ink)
    x = (L, L + 26, L + 96, L + 196, L + 246, L + 316, L + 366, R)
    y = 94.0
    h = 26.0
    # the label spanning the applicant's six rows is the first cell of the first
    page.rect(x[0], y, x[1], y + 4 * h + 60)
    page.box(x[0], y, x[1], y + 4 * h + 60, "申请人基本情况", BODY, LABEL, pad=6)
    y = _row(
        page,
        y,
        h,
        [
            (x[1], x[2], "姓名", "label"),
            (x[2], x[3], me.name, "hand"),
            (x[3], x[4], "性别", "label"),
            (x[4], x[5], me.sex, "hand"),
            (x[5], x[6], "民族", "label"),
            (x[6], x[7], rng.choice(("汉族", "汉族", "回族", "蒙古族", "壮族")), "hand"),
        ],
        rng,
        ink,
    )
    y = _row(
        page,
        y,
        h,
        [
            (x[1], x[2], "身份证号", "label"),
            (x[2], x[5], me.id_number, "hand"),
            (x[5], x[6], "出生日期", "label"),
            (x[6], x[7], dotted(me.born), "hand"),
        ],
        rng,
        ink,
    )
    y = _row(
        page,
        y,
        h,
        [
            (x[1], x[2], "户籍所在地", "label"),
            (
                x[2],
                x[7],
                _place(me.region),
                "hand",
            ),
        ],
        rng,
        ink,
    )
    y = _row(
        page,
        y,
        30,
        [(x[1], x[2], "经常居住地", "label"), (x[2], x[7], me.address, "hand")],
        rng,
        ink,
    )
    y = _row(
        page,
        y,
        h,
        [
            (x[1], x[2], "联系电话", "label"),
            (x[2], x[4], me.phone, "hand"),
            (x[4], x[5], "邮政编码", "label"),
            (x[5], x[7], f"{me.region[0][:4]}00", "hand"),
        ],
        rng,
        ink,
    )
    y = _row(
        page, y, 30, [(x[1], x[2], "工作单位", "label"), (x[2], x[7], employer, "hand")], rng, ink
    )
    page.field("person_name", me.name)
    page.field("id_number", me.id_number)
    page.field("phone", me.phone)
    page.field("enterprise_name", employer)
    # agent, if any
    agent = person(rng, region)
    y = _row(
        page,
        y,
        h,
        [
            (x[0], x[2], "代理人姓名", "label"),
            (x[2], x[3], agent.name, "hand"),
            (x[3], x[5], "与申请人关系", "label"),
            (x[5], x[7], rng.choice(("配偶", "父亲", "母亲", "子女", "兄弟")), "hand"),
        ],
        rng,
        ink,
    )
    page.field("person_name", agent.name)
    # the matter and the hardship: printed options, ticked by hand
    matters = (
        "刑事辩护",
        "民事诉讼代理",
        "劳动争议仲裁",
        "行政诉讼代理",
        "国家赔偿",
        "法律咨询",
        "其他",
    )
    page.rect(x[0], y, x[2], y + 46)
    page.box(x[0], y, x[2], y + 46, "申请事项", BODY, LABEL)
    page.rect(x[2], y, x[7], y + 46)
    _checks(page, x[2] + 8, y + 8, matters, {rng.randrange(len(matters))}, rng, ink, right=x[7])
    y += 46
    hardship = (
        "城乡低保对象",
        "特困供养人员",
        "农民工追索劳动报酬",
        "残疾人",
        "退役军人",
        "其他经济困难",
    )
    page.rect(x[0], y, x[2], y + 46)
    page.box(x[0], y, x[2], y + 46, "经济困难状况", BODY, LABEL)
    page.rect(x[2], y, x[7], y + 46)
    _checks(
        page,
        x[2] + 8,
        y + 8,
        hardship,
        set(rng.sample(range(len(hardship)), rng.randint(1, 2))),
        rng,
        ink,
        right=x[7],
    )
    y += 46
    # the case, told by hand over ruled lines
    owed = rng.randrange(8000, 96000, 500)
    story = (
        f"本人于{dotted(some_day(rng, date(2021, 1, 1), 700))}起在{employer}务工，"
        f"单位拖欠本人工资共计{owed}元，多次催要未果，"
        "现申请法律援助，请求依法维护本人合法权益。"
    )
    page.rect(x[0], y, x[2], y + 130)
    page.box(x[0], y, x[2], y + 130, "案情及申请理由概述", BODY, LABEL, pad=8)
    page.rect(x[2], y, x[7], y + 130)
    per_line = 22
    for i in range(0, len(story), per_line):
        page.line(
            x[2] + 6,
            y + 26 + (i // per_line) * 24,
            x[7] - 6,
            y + 26 + (i // per_line) * 24,
            0.3,
            dash=1.5,
        )
        page.hand(x[2] + 8, y + 9 + (i // per_line) * 24, story[i : i + per_line], 13, rng, ink)
    y += 130
    # pledge, signature, date
    page.rect(x[0], y, x[7], y + 86)
    yy = page.para(
        x[0] + 8,
        x[7] - 8,
        y + 8,
        "本人承诺以上所填内容及所提交的证件、证明材料均真实有效，如有虚假，愿承担相应法律责任。",
        10.5,
        "fang",
    )
    _sign(page, x[0] + 150, yy + 22, "申请人（签名）：", me.name, applied, rng, ink)
    y += 86
    centre = f"{me.region[2]}{me.region[3]}法律援助中心"
    y = _row(page, y, 60, [(x[0], x[2], "受理意见", "label"), (x[2], x[7], "", "print")])
    page.text(
        x[2] + 12,
        y - 50,
        rng.choice(("材料齐全，予以受理。", "符合法律援助条件，予以受理。")),
        11,
        "song",
    )
    page.text(
        x[7] - 12,
        y - 22,
        centre + "    " + cn_date(applied + timedelta(days=rng.randint(0, 5))),
        10,
        "song",
        "right",
    )
    page.seal(x[7] - 110, y - 28, 42, centre, rng, "")
    page.text(
        L,
        y + 10,
        "注：申请人应如实填写本表，并提交身份证明、经济困难状况说明及与所申请事项有关的材料。",
        8.5,
        "heil",
    )
    return page


# --- 养犬登记申请表


def dog_register(rng: random.Random) -> Page:
    page = Page("dog_register")
    region = rng.choice(REGIONS)
    keeper = person(rng, region, born_to=1998)
    ink = _ink(rng)
    unit = rng.random() < 0.35
    firm = enterprise(rng, region, rng.choice(("安保服务", "物流", "仓储", "养殖")))
    firm_code = credit_code(rng, region[0])
    applied = some_day(rng)
    page.text(
        PAGE_W / 2,
        46,
        f"{region[2]}养犬登记申请表",
        19,
        "hei",
        "center",
    )
    page.text(
        R,
        80,
        "登记证号：" + f"{region[0][:4]}{applied.year}{rng.randint(100000, 999999)}",
        9.5,
        "song",
        "right",
    )
    x = (L, L + 84, L + 200, L + 270, L + 370, R - 96, R)
    y = 98.0
    page.fill(x[0], y, x[6], y + 22)
    y = _row(page, y, 22, [(x[0], x[6], "犬主信息", "label")])
    types = ("个人养犬", "单位养犬")
    page.rect(x[0], y, x[6], y + 26)
    page.text(x[0] + 8, y + 8, "养犬类型：", BODY, LABEL)
    _checks(page, x[0] + 70, y + 8, types, {1 if unit else 0}, rng, ink)
    y += 26
    if unit:
        y = _row(
            page, y, 28, [(x[0], x[1], "单位名称", "label"), (x[1], x[6], firm, "hand")], rng, ink
        )
        y = _row(
            page,
            y,
            26,
            [(x[0], x[1], "信用代码", "label"), (x[1], x[6], firm_code, "hand")],
            rng,
            ink,
        )
        page.field("enterprise_name", firm)
        page.field("credit_code", firm_code)
    photo_top = y
    y = _row(
        page,
        y,
        26,
        [
            (x[0], x[1], "犬主姓名" if not unit else "管理人", "label"),
            (x[1], x[2], keeper.name, "hand"),
            (x[2], x[3], "性别", "label"),
            (x[3], x[5], keeper.sex, "hand"),
        ],
        rng,
        ink,
    )
    # the photo box spans the keeper's four rows: read at the end of the first
    page.rect(x[5], photo_top, x[6], photo_top + 3 * 26 + 34)
    page.box(
        x[5], photo_top, x[6], photo_top + 3 * 26 + 34, "犬只正面照片粘贴处", 9, "heil", pad=14
    )
    y = _row(
        page,
        y,
        26,
        [(x[0], x[1], "身份证号", "label"), (x[1], x[5], keeper.id_number, "hand")],
        rng,
        ink,
    )
    y = _row(
        page,
        y,
        26,
        [(x[0], x[1], "手机号码", "label"), (x[1], x[5], keeper.phone, "hand")],
        rng,
        ink,
    )
    y = _row(
        page,
        y,
        34,
        [(x[0], x[1], "养犬地址", "label"), (x[1], x[5], keeper.address, "hand")],
        rng,
        ink,
    )
    page.field("person_name", keeper.name)
    page.field("id_number", keeper.id_number)
    page.field("phone", keeper.phone)
    y += 12
    page.fill(x[0], y, x[6], y + 22)
    y = _row(page, y, 22, [(x[0], x[6], "犬只信息", "label")])
    breed = rng.choice(
        (
            "中华田园犬",
            "柯基犬",
            "泰迪犬",
            "比熊犬",
            "金毛寻回犬",
            "拉布拉多犬",
            "柴犬",
            "边境牧羊犬",
        )
    )
    y = _row(
        page,
        y,
        26,
        [
            (x[0], x[1], "犬名", "label"),
            (
                x[1],
                x[2],
                rng.choice(("豆豆", "旺财", "球球", "小黑", "团子", "可乐", "大黄")),
                "hand",
            ),
            (x[2], x[3], "品种", "label"),
            (x[3], x[6], breed, "hand"),
        ],
        rng,
        ink,
    )
    y = _row(
        page,
        y,
        26,
        [
            (x[0], x[1], "毛色", "label"),
            (x[1], x[2], rng.choice(("黄色", "黑色", "白色", "棕白", "黑白", "灰色")), "hand"),
            (x[2], x[3], "犬龄", "label"),
            (x[3], x[6], f"{rng.randint(1, 12)}岁", "hand"),
        ],
        rng,
        ink,
    )
    vac = f"{region[0][:2]}{applied.year}{rng.randint(1000000, 9999999)}"
    chip = "".join(rng.choice("0123456789") for _ in range(15))
    y = _row(
        page,
        y,
        26,
        [
            (x[0], x[1], "免疫证号", "label"),
            (x[1], x[3], vac, "hand"),
            (x[3], x[4], "电子标识号", "label"),
            (x[4], x[6], chip, "hand"),
        ],
        rng,
        ink,
    )
    page.rect(x[0], y, x[6], y + 54)
    page.text(x[0] + 8, y + 8, "犬只性别：", BODY, LABEL)
    _checks(page, x[0] + 70, y + 8, ("公", "母"), {rng.randrange(2)}, rng, ink, right=x[3])
    page.text(x[3] + 8, y + 8, "是否绝育：", BODY, LABEL)
    _checks(page, x[3] + 70, y + 8, ("是", "否"), {rng.randrange(2)}, rng, ink)
    page.text(x[0] + 8, y + 32, "犬只体型：", BODY, LABEL)
    _checks(page, x[0] + 70, y + 32, ("小型犬", "中型犬", "大型犬"), {rng.randrange(3)}, rng, ink)
    y += 54 + 14
    page.text(L, y, "养犬人承诺", 11.5, "hei")
    pledges = (
        "一、携犬出户时，为犬只束犬链，由完全民事行为能力人牵领，主动避让他人。",
        "二、及时清除犬只在户外排泄的粪便，不在禁止区域内遛犬。",
        "三、按期为犬只注射狂犬病疫苗，犬只伤人的，立即将受害人送医并承担相应费用。",
        "四、不得虐待、遗弃所养犬只，变更养犬地址或犬只死亡的，及时办理变更、注销手续。",
    )
    y += 20
    for text in pledges:
        y = page.para(L + 4, R - 4, y, text, 9.5, "fang", gap=2, indent=False) + 2
    _sign(page, L + 170, y + 24, "申请人签名：", keeper.name, applied, rng, ink)
    y += 56
    bureau = f"{region[2]}公安局{region[3]}分局"
    y = _row(page, y, 64, [(x[0], x[1], "审核意见", "label"), (x[1], x[6], "", "print")])
    page.text(x[1] + 10, y - 54, "经审核，符合养犬登记条件，准予登记。", 10.5)
    page.text(
        x[6] - 12,
        y - 20,
        bureau + "  " + cn_date(applied + timedelta(days=rng.randint(1, 7))),
        10,
        "song",
        "right",
    )
    page.seal(x[6] - 100, y - 30, 44, bureau, rng, "养犬登记专用章")
    return page


# --- 城镇污水排入排水管网许可证


def drainage_permit(rng: random.Random) -> Page:
    page = Page("drainage_permit")
    region = rng.choice(REGIONS)
    firm = enterprise(
        rng, region, rng.choice(("食品", "洗涤服务", "酒店管理", "汽车维修", "印刷", "餐饮"))
    )
    code = credit_code(rng, region[0])
    legal = person(rng, region, born_to=1986)
    contact = person(rng, region, born_from=1978)
    issued = some_day(rng)
    until = date(issued.year + 5, issued.month, min(issued.day, 28)) - timedelta(days=1)
    authority = f"{region[2]}水务局"
    page.rect(34, 34, PAGE_W - 34, 808, 1.2)
    page.text(PAGE_W / 2, 60, "城镇污水排入排水管网许可证", 21, "hei", "center", spacing=1)
    page.text(
        PAGE_W / 2,
        92,
        f"许可证编号：{region[0][:2]}排字第{issued.year}{rng.randint(1000, 9999)}号",
        10.5,
        "song",
        "center",
    )
    page.qr(R - 64, 108, 60, rng)
    y = 120.0
    c = (L, L + 100, R - 80)
    for label, value in (
        ("排水户名称", firm),
        ("统一社会信用代码", code),
        ("法定代表人", legal.name),
        ("详细地址", street_address(rng, region)),
        ("联系人及电话", f"{contact.name}  {contact.phone}"),
    ):
        y = _row(page, y, 26, [(c[0], c[1], label, "label"), (c[1], c[2], value, "print")])
    page.field("enterprise_name", firm)
    page.field("credit_code", code)
    page.field("person_name", legal.name)
    page.field("person_name", contact.name)
    page.field("phone", contact.phone)
    y += 6
    kinds = ("餐饮", "宾馆", "洗涤", "汽车维修", "工业", "医疗", "其他")
    page.text(L, y + 4, "排水户类型：", BODY, LABEL)
    y = _checks(page, L + 70, y + 4, kinds, {rng.randrange(len(kinds))}, rng, PEN_BLACK) + 4
    page.text(L, y, "排放口情况", 11.5, "hei")
    y += 18
    cols = (L, L + 50, L + 190, L + 270, L + 390, R)
    page.fill(cols[0], y, cols[5], y + 24)
    y = _row(
        page,
        y,
        24,
        [
            (a, b, s, "label")
            for a, b, s in zip(
                cols,
                cols[1:],
                ("编号", "排放口位置", "排水量(吨/日)", "主要污染物", "执行标准"),
                strict=False,
            )
        ],
    )
    for i in range(rng.randint(2, 4)):
        y = _row(
            page,
            y,
            30,
            [
                (cols[0], cols[1], f"DW00{i + 1}", "print"),
                (
                    cols[1],
                    cols[2],
                    rng.choice(("厂区东侧", "厨房后门", "停车场西北角", "院内南侧", "车间北墙外"))
                    + "检查井",
                    "print",
                ),
                (cols[2], cols[3], f"{rng.randint(5, 480)}.{rng.randint(0, 9)}", "print"),
                (
                    cols[3],
                    cols[4],
                    "、".join(
                        rng.sample(
                            ("化学需氧量", "氨氮", "悬浮物", "动植物油", "总磷", "石油类"), 2
                        )
                    ),
                    "print",
                ),
                (cols[4], cols[5], "GB/T 31962", "print"),
            ],
        )
    y += 10
    page.text(L, y, f"有效期：自{cn_date(issued)}至{cn_date(until)}", 11)
    y += 30
    notes = (
        "1．排水户应当按照本许可证确定的排水类别、总量、时限、排放口位置和数量、排放的污染物项目和浓度等要求排放污水。",
        "2．排水户不得向城镇排水设施排放剧毒、易燃易爆、腐蚀性废液和废渣。",
        "3．本许可证有效期届满需要继续排放污水的，应当在有效期届满三十日前申请延续。",
    )
    page.text(L, y, "许可内容及要求：", 10.5, "hei")
    y += 18
    for note in notes:
        y = page.para(L + 4, R - 4, y, note, 9.5, "fang", gap=2, indent=False) + 3
    y += 30
    page.text(R - 30, y, "发证单位：" + authority, 11.5, "song", "right")
    page.text(R - 30, y + 24, "发证日期：" + cn_date(issued), 11.5, "song", "right")
    page.seal(R - 90, y + 10, 50, authority, rng, "行政审批专用章")
    page.text(L, y + 10, "经办人：", 10.5)
    page.hand(
        L + 44,
        y + 5,
        rng.choice("韩杨朱秦许") + rng.choice(("建军", "丽萍", "晓东", "红梅")),
        15,
        rng,
        PEN_BLACK,
    )
    return page


LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "lease_filing": lease_filing,
    "drug_licence": drug_licence,
    "legal_aid": legal_aid,
    "dog_register": dog_register,
    "drainage_permit": drainage_permit,
}
__all__ = ["LAYOUTS", "Person"]
