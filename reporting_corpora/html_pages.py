"""Corpus `web-html`: pages laid out as HTML/CSS and rasterised by Chromium (Skia), at
200 dpi. Faces: AR PL UMing TW (body), WenQuanYi Zen Hei (headings), Liberation Serif and
DejaVu Sans Mono for Latin letters and digits. Layouts: a two-column business license
with a QR block beside the title and a seal over the registration authority, a copy of
both sides of an ID card, a flowing application form with underlined values, a
shareholder register without vertical rules.

The ground truth is built with the HTML, in reading order: a header row left to right,
then each column of a two-column block top to bottom, left column first; table cells row
by row. Wrapping is the browser's and does not matter (whitespace carries no meaning).
"""

from __future__ import annotations

import html
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import cv2
import numpy as np

from reporting_corpora.people import cn_date, company, person

CSS = """
@page { size: A4; margin: 0 }
* { box-sizing: border-box }
body { margin: 0; width: 794px; height: 1123px; position: relative; background: #fff;
  font-family: "Liberation Serif", "AR PL UMing TW", serif; color: #111; font-size: 15px }
.h { font-family: "WenQuanYi Zen Hei", sans-serif }
.code { font-family: "DejaVu Sans Mono", "WenQuanYi Zen Hei Mono", monospace }
.abs { position: absolute }
.small { font-size: 10px }
table { border-collapse: collapse }
"""


@dataclass
class Page:
    parts: list[str] = field(default_factory=list)  # HTML
    truth: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def add(self, markup: str, *texts: str) -> None:
        self.parts.append(markup)
        self.truth.extend(texts)


def _e(s: str) -> str:
    return html.escape(s)


def _seal(x: float, y: float, ring: str, rng: random.Random, r: float = 78) -> str:
    """A red seal as SVG, multiplied over the page at (x, y) (its centre, CSS px)."""
    n = len(ring)
    span = min(250.0, 21.0 * n)
    glyphs = []
    for i, ch in enumerate(ring):
        theta = math.radians(90 + span / 2 - i * span / max(1, n - 1))
        gx, gy = r + r * 0.74 * math.cos(theta), r - r * 0.74 * math.sin(theta)
        glyphs.append(
            f'<text x="{gx:.1f}" y="{gy:.1f}" font-size="{r * 0.24:.1f}" text-anchor="middle" '
            f'dominant-baseline="central" transform="rotate({90 - math.degrees(theta):.1f} '
            f'{gx:.1f} {gy:.1f})">{_e(ch)}</text>'
        )
    star = []
    for k in range(10):
        rad = r * (0.3 if k % 2 == 0 else 0.12)
        a = math.radians(90 + k * 36)
        star.append(f"{r + rad * math.cos(a):.1f},{r - rad * math.sin(a):.1f}")
    tilt = rng.uniform(-20, 20)
    return (
        f'<svg class="abs" style="left:{x - r:.0f}px;top:{y - r:.0f}px;mix-blend-mode:multiply;'
        f'opacity:{rng.uniform(0.8, 0.95):.2f};transform:rotate({tilt:.0f}deg)" width="{2 * r}" '
        f'height="{2 * r}" fill="#d42a2a" font-family="WenQuanYi Zen Hei">'
        f'<circle cx="{r}" cy="{r}" r="{r - 4}" fill="none" stroke="#d42a2a" stroke-width="5"/>'
        f'<polygon points="{" ".join(star)}"/>{"".join(glyphs)}</svg>'
    )


def _qr(text: str, size: int) -> str:
    import zxingcpp

    svg = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_svg()
    svg = svg[svg.index("<svg") :]
    return svg.replace(
        "<svg ", f'<svg style="width:{size}px;height:{size}px" viewBox="0 0 33 33" ', 1
    )


def business_license(p: Page, rng: random.Random) -> None:
    co, rep = company(rng), person(rng)
    serial = f"{rng.randrange(10**11):011d}"
    p.add(
        '<div class="abs" style="left:60px;top:70px;width:240px;font-size:14px">'
        f'<div class="h">统一社会信用代码</div><div class="code" style="font-size:16px">'
        f"{co.credit_code}</div></div>",
        "统一社会信用代码",
        co.credit_code,
    )
    p.add(
        '<div class="abs h" style="left:0;width:794px;top:95px;text-align:center;'
        'font-size:52px;letter-spacing:18px">营业执照</div>'
        '<div class="abs" style="left:0;width:794px;top:170px;text-align:center;font-size:16px">'
        "（副　本）</div>",
        "营业执照",
        "（副本）",
    )
    caption = "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息"
    p.add(
        f'<div class="abs" style="left:600px;top:60px;width:130px;text-align:center">'
        f"{_qr('http://www.gsxt.gov.cn/' + co.credit_code, 100)}"
        f'<div class="small" style="line-height:1.35">{_e(caption)}</div></div>',
        caption,
    )
    p.add(
        f'<div class="abs small" style="left:60px;top:215px">编号：S{serial}</div>',
        f"编号：S{serial}",
    )
    left = [
        ("名　　称", co.name),
        ("类　　型", "有限责任公司（自然人投资或控股）"),
        ("法定代表人", rep.name),
        ("经营范围", co.scope + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
    ]
    right = [
        ("注册资本", f"{co.capital}万元"),
        ("成立日期", cn_date(co.founded)),
        ("营业期限", f"{cn_date(co.founded)}至长期"),
        ("住　　所", co.address),
    ]
    for col, x, width in ((left, 60, 330), (right, 420, 320)):
        rows = "".join(
            f'<div style="display:flex;margin-bottom:16px"><div class="h" style="width:92px;'
            f'flex:none">{_e(k)}</div><div style="flex:1;line-height:1.5">{_e(v)}</div></div>'
            for k, v in col
        )
        p.add(
            f'<div class="abs" style="left:{x}px;top:270px;width:{width}px;font-size:16px">'
            f"{rows}</div>",
            *[t for kv in col for t in kv],
        )
    issued = date(2026, rng.randint(1, 4), rng.randint(1, 28))
    p.add(
        '<div class="abs" style="left:470px;top:800px;font-size:17px;text-align:center">'
        f'<div class="h">登记机关</div><div style="margin-top:14px">{cn_date(issued)}</div></div>',
        "登记机关",
        cn_date(issued),
    )
    p.add(_seal(520, 830, f"{co.city}市场监督管理局", rng))
    foot = (
        "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn",
        "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。",
    )
    p.add(
        '<div class="abs small" style="left:0;width:794px;top:1030px;text-align:center;'
        f'line-height:1.6"><div>{_e(foot[0])}</div><div>{_e(foot[1])}</div></div>',
        *foot,
    )
    p.fields += [
        ("credit_code", co.credit_code),
        ("enterprise_name", co.name),
        ("person_name", rep.name),
    ]


def id_copy(p: Page, rng: random.Random) -> None:
    who = person(rng)
    b = who.birth
    card = (
        "position:absolute;left:170px;width:454px;height:286px;border:1px solid #888;"
        "border-radius:16px;background:linear-gradient(135deg,#f4f6f8,#e6ecf1);font-size:15px"
    )
    label = 'class="h" style="color:#3a5a80;font-size:13px;margin-right:12px;flex:none"'
    p.add(
        f'<div style="{card};top:110px"><div class="abs" style="left:28px;top:26px;'
        f'width:290px;line-height:1.45">'
        f"<div><span {label}>姓名</span>{_e(who.name)}</div>"
        f'<div style="margin-top:10px"><span {label}>性别</span>{who.sex}'
        f"&emsp;&emsp;&emsp;<span {label}>民族</span>汉</div>"
        f'<div style="margin-top:10px"><span {label}>出生</span>{b.year} 年 {b.month} 月 '
        f"{b.day} 日</div>"
        f'<div style="margin-top:10px;display:flex"><span {label}>住址</span>'
        f"<span>{_e(who.address)}</span></div></div>"
        '<div class="abs" style="left:330px;top:30px;width:100px;height:126px;'
        'background:#c9d3dc;border-radius:4px"></div>'
        '<div class="abs" style="left:28px;top:236px"><span '
        f'{label}>公民身份号码</span><span class="code" style="font-size:18px;letter-spacing:2px">'
        f"{who.id_number}</span></div></div>",
        "姓名",
        who.name,
        f"性别{who.sex}民族汉",
        f"出生{b.year}年{b.month}月{b.day}日",
        "住址",
        who.address,
        "公民身份号码",
        who.id_number,
    )
    start = date(2016 + rng.randint(0, 9), rng.randint(1, 12), rng.randint(1, 28))
    city = who.city
    period = f"{start:%Y.%m.%d}-{start.replace(year=start.year + 20):%Y.%m.%d}"
    p.add(
        f'<div style="{card};top:470px"><div class="abs h" style="left:150px;top:40px;'
        'font-size:24px;letter-spacing:4px">中华人民共和国</div><div class="abs h" '
        'style="left:130px;top:86px;font-size:34px;letter-spacing:8px">居民身份证</div>'
        f'<div class="abs" style="left:60px;top:190px"><span {label}>签发机关</span>'
        f"{_e(city)}公安局</div>"
        f'<div class="abs" style="left:60px;top:226px"><span {label}>有效期限</span>'
        f'<span class="code">{period}</span></div></div>',
        "中华人民共和国",
        "居民身份证",
        "签发机关",
        f"{city}公安局",
        "有效期限",
        period,
    )
    purpose = rng.choice(("公司设立登记", "变更登记", "食品经营许可"))
    note = f"此复印件仅供办理{purpose}使用，再复印无效。"
    p.add(
        f'<div class="abs" style="left:170px;top:840px;font-size:17px;transform:rotate(-2deg)">'
        f"{_e(note)}</div>",
        note,
    )
    p.fields += [("person_name", who.name), ("id_number", who.id_number)]


def application_form(p: Page, rng: random.Random) -> None:
    who, co = person(rng), company(rng)
    p.add(
        '<div class="abs h" style="left:0;width:794px;top:70px;text-align:center;font-size:28px">'
        "个体工商户登记（备案）申请表</div>",
        "个体工商户登记（备案）申请表",
    )
    p.add(
        '<div class="abs" style="left:70px;top:130px;font-size:15px">'
        "申请类型：☑设立　□变更　□注销</div>",
        "申请类型：☑设立□变更□注销",
    )
    shop = rng.choice(("便利店", "小吃部", "五金建材商店", "汽车修理部", "烧烤店", "水果店"))
    name = f"{co.city}{co.name[len(co.city) : len(co.city) + 2]}{shop}"
    pairs = [
        ("名称", name),
        ("经营者姓名", who.name),
        ("身份证件号码", who.id_number),
        ("移动电话", who.phone),
        ("经营场所", co.address),
        ("从业人数", f"{rng.randint(1, 8)}人"),
        ("资金数额", f"{rng.randint(2, 50)}万元"),
        ("组成形式", "个人经营"),
    ]
    rows = "".join(
        f'<div style="display:flex;margin:0 0 18px"><div class="h" style="width:130px;'
        f'flex:none">{_e(k)}：</div><div style="flex:1;border-bottom:1px solid #333;'
        f'padding:0 6px 2px">{_e(v)}</div></div>'
        for k, v in pairs
    )
    p.add(
        f'<div class="abs" style="left:70px;top:180px;width:650px;font-size:16px">{rows}</div>',
        *[f"{k}：{v}" for k, v in pairs],
    )
    scope = co.scope
    p.add(
        '<div class="abs" style="left:70px;top:560px;width:650px;font-size:16px;line-height:1.6">'
        f'<span class="h">经营范围：</span>{_e(scope)}</div>',
        f"经营范围：{scope}",
    )
    decl = (
        "本人承诺：所提交的申请材料真实、合法、有效，复印件与原件一致，并对申请材料的真实性"
        "承担法律责任。"
    )
    p.add(
        '<div class="abs" style="left:70px;top:680px;width:650px;font-size:15px;line-height:1.7;'
        f'text-indent:2em">{_e(decl)}</div>',
        decl,
    )
    signed = cn_date(date(2026, rng.randint(1, 4), rng.randint(1, 28)))
    p.add(
        '<div class="abs" style="left:430px;top:800px;font-size:16px;line-height:2.4">'
        f"<div>经营者签字：</div><div>{signed}</div></div>",
        "经营者签字：",
        signed,
    )
    notes = (
        "填表说明：1．本表适用于个体工商户设立、变更、注销登记和备案。"
        "2．“经营场所”应填写详细地址，精确到门牌号。3．联系电话请填写11位手机号码。"
    )
    p.add(
        f'<div class="abs small" style="left:70px;top:1010px;width:650px;line-height:1.6">'
        f"{_e(notes)}</div>",
        notes,
    )
    p.fields += [("enterprise_name", name), ("person_name", who.name), ("id_number", who.id_number)]


def shareholder_register(p: Page, rng: random.Random) -> None:
    co = company(rng)
    p.add(
        '<div class="abs h" style="left:0;width:794px;top:80px;text-align:center;font-size:30px;'
        'letter-spacing:6px">股东名册</div>',
        "股东名册",
    )
    p.add(
        '<div class="abs" style="left:60px;top:150px;font-size:15px">'
        f"公司名称：{_e(co.name)}　　注册资本：{co.capital}万元</div>",
        f"公司名称：{co.name}",
        f"注册资本：{co.capital}万元",
    )
    head = ("股东姓名或名称", "证件号码", "认缴出资额（万元）", "出资日期", "持股比例")
    n = rng.randint(3, 6)
    shares = [rng.randint(5, 40) for _ in range(n)]
    cell = "padding:9px 6px;border-bottom:1px solid #555;text-align:left"
    body = []
    truth = list(head)
    for i in range(n):
        who = person(rng)
        paid = date(2026, 1, 1) + timedelta(days=rng.randrange(3650))
        row = (
            who.name,
            who.id_number,
            f"{co.capital * shares[i] / sum(shares):.2f}",
            f"{paid:%Y-%m-%d}",
            f"{100 * shares[i] / sum(shares):.1f}%",
        )
        truth += row
        p.fields.append(("id_number", who.id_number))
        body.append(
            "<tr>"
            + "".join(
                f'<td style="{cell}"{" class=code" if k == 1 else ""}>{_e(v)}</td>'
                for k, v in enumerate(row)
            )
            + "</tr>"
        )
    p.add(
        '<table class="abs" style="left:60px;top:200px;width:674px;font-size:14px">'
        "<tr>"
        + "".join(
            f'<th class="h" style="{cell};border-bottom:2px solid #111;font-weight:normal">'
            f"{_e(h)}</th>"
            for h in head
        )
        + "</tr>"
        + "".join(body)
        + "</table>",
        *truth,
    )
    made = date(2026, rng.randint(1, 4), rng.randint(1, 28))
    p.add(
        '<div class="abs" style="left:460px;top:760px;font-size:16px;line-height:2.2">'
        f"<div>{_e(co.name)}（盖章）</div><div>{cn_date(made)}</div></div>",
        f"{co.name}（盖章）",
        cn_date(made),
    )
    p.add(_seal(560, 790, co.name, rng))
    p.add(
        '<div class="abs small" style="left:60px;top:1040px">注：股东名册由公司置备于住所，'
        "股东依法转让股权后，公司应当及时变更股东名册。</div>",
        "注：股东名册由公司置备于住所，股东依法转让股权后，公司应当及时变更股东名册。",
    )


LAYOUTS: dict[str, Callable[[Page, random.Random], None]] = {
    "business_license": business_license,
    "id_copy": id_copy,
    "application_form": application_form,
    "shareholder_register": shareholder_register,
}

SCALE = 1654 / 794  # CSS px to 200 dpi pixels


def render_all(
    jobs: list[tuple[str, random.Random]],
) -> list[tuple[np.ndarray, str, list[tuple[str, str]]]]:
    """Each (layout, rng) as a clean page (BGR, 200 dpi), its truth text and fields; one
    Chromium for all of them."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            tab = browser.new_page(
                viewport={"width": 794, "height": 1123}, device_scale_factor=SCALE
            )
            for layout, rng in jobs:
                page = Page()
                LAYOUTS[layout](page, rng)
                tab.set_content(
                    f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}</style>"
                    f"</head><body>{''.join(page.parts)}</body></html>"
                )
                png = tab.screenshot(type="png")
                image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
                if image is None:
                    raise RuntimeError("Chromium produced no image")
                image = cv2.resize(image, (1654, 2339), interpolation=cv2.INTER_AREA)
                out.append((image, "\n".join(page.truth), page.fields))
        finally:
            browser.close()
    return out
