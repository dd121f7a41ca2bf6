"""Corpus `forms-pdf`: pages drawn as PDF with reportlab and rasterised by poppler's
`pdftoppm` at 200 dpi. Faces: AR PL UMing HK (body), WenQuanYi Zen Hei Sharp (headings
and labels). Layouts: a four-column application form grid, a shareholder table with
wrapped header cells, a power of attorney, a lease with a two-column signature block.

The ground truth is the text in reading order: table cells row by row, each cell whole
(a wrapped cell is read to its end before the next cell); side-by-side blocks one after
the other, left first. Seal text (red ink) is not document text.
"""

from __future__ import annotations

import math
import random
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import cv2
import numpy as np
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from reporting_corpora.people import cn_date, company, person

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
BODY, HEAD = "RcUMingHK", "RcZenHeiSharp"
MM = 72 / 25.4


def _fonts() -> None:
    if BODY not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(BODY, UMING, subfontIndex=1))
        pdfmetrics.registerFont(TTFont(HEAD, ZENHEI, subfontIndex=2))


@dataclass
class Sheet:
    """A reportlab canvas with top-down millimetre coordinates, recording the truth."""

    canvas: Canvas
    truth: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def text(self, x: float, y: float, s: str, size: float, font: str = BODY) -> float:
        """Draw `s` with its top at `y` mm; returns the x (mm) where it ends."""
        c = self.canvas
        c.setFont(font, size)
        c.drawString(x * MM, A4[1] - y * MM - size * 0.88, s)
        self.truth.append(s)
        return x + pdfmetrics.stringWidth(s, font, size) / MM

    def centred(self, y: float, s: str, size: float, font: str = HEAD) -> None:
        width = pdfmetrics.stringWidth(s, font, size) / MM
        self.text((210 - width) / 2, y, s, size, font)

    def wrap(self, s: str, width: float, size: float, font: str = BODY) -> list[str]:
        lines, line = [], ""
        for ch in s:
            if pdfmetrics.stringWidth(line + ch, font, size) / MM > width and line:
                lines.append(line)
                line = ""
            line += ch
        return [*lines, line] if line else lines

    def paragraph(self, x: float, y: float, width: float, s: str, size: float) -> float:
        """A wrapped paragraph, first line indented two characters; returns y below it."""
        lead = size / MM * 1.75
        lines = self.wrap("\u3000\u3000" + s, width, size)
        for i, ln in enumerate(lines):
            self.canvas.setFont(BODY, size)
            self.canvas.drawString(x * MM, A4[1] - (y + i * lead) * MM - size * 0.88, ln)
        self.truth.append(s)
        return y + len(lines) * lead

    def cell(
        self, box: tuple[float, float, float, float], s: str, size: float, font: str = BODY
    ) -> None:
        """A ruled cell with `s` wrapped inside it, vertically centred."""
        x0, y0, x1, y1 = box
        c = self.canvas
        c.setLineWidth(0.8)
        c.rect(x0 * MM, A4[1] - y1 * MM, (x1 - x0) * MM, (y1 - y0) * MM)
        if not s:
            return
        lines = self.wrap(s, x1 - x0 - 4, size, font)
        lead = size / MM * 1.35
        top = y0 + ((y1 - y0) - len(lines) * lead) / 2 + lead * 0.12
        for i, ln in enumerate(lines):
            c.setFont(font, size)
            c.drawString((x0 + 2) * MM, A4[1] - (top + i * lead) * MM - size * 0.88, ln)
        self.truth.append(s)

    def seal(self, cx: float, cy: float, ring: str, rng: random.Random, r: float = 21) -> None:
        """A red company seal (ring, star, arc text) multiplied over what lies below."""
        c = self.canvas
        c.saveState()
        c.setBlendMode("Multiply")
        red = (0.82 + rng.uniform(-0.05, 0.05), 0.12, 0.14)
        c.setStrokeColorRGB(*red)
        c.setFillColorRGB(*red)
        x, y = cx * MM, A4[1] - cy * MM
        c.setLineWidth(1.6 * MM * 0.6)
        c.circle(x, y, r * MM)
        star = []
        for k in range(10):
            rad = (r * 0.3 if k % 2 == 0 else r * 0.12) * MM
            a = math.radians(90 + k * 36)
            star.append((x + rad * math.cos(a), y + rad * math.sin(a)))
        p = c.beginPath()
        p.moveTo(*star[0])
        for pt in star[1:]:
            p.lineTo(*pt)
        p.close()
        c.drawPath(p, fill=1, stroke=0)
        size = r * 0.24 * MM
        span = min(250.0, 21.0 * len(ring))
        for i, ch in enumerate(ring):
            theta = math.radians(90 + span / 2 - i * span / max(1, len(ring) - 1))
            c.saveState()
            c.translate(x + r * 0.74 * MM * math.cos(theta), y + r * 0.74 * MM * math.sin(theta))
            c.rotate(math.degrees(theta) - 90)
            c.setFont(HEAD, size)
            c.drawCentredString(0, -size * 0.4, ch)
            c.restoreState()
        c.restoreState()


def application_form(s: Sheet, rng: random.Random) -> None:
    co, rep, contact = company(rng), person(rng), person(rng)
    s.centred(22, "公司登记（备案）申请书", 20)
    s.text(22, 36, "注：请仔细阅读本申请书《填写说明》，按要求填写。", 9)
    s.text(150, 36, f"编号：{rng.randrange(10**6):06d}", 9)
    rows = [
        ("企业名称", co.name, "统一社会信用代码", co.credit_code),
        ("住所", co.address, "邮政编码", f"0{rng.randint(10000, 29999)}"),
        ("法定代表人", rep.name, "身份证件号码", rep.id_number),
        ("注册资本", f"{co.capital}万元", "公司类型", "有限责任公司（自然人投资或控股）"),
        ("成立日期", f"{co.founded:%Y-%m-%d}", "营业期限", "长期"),
        ("联络员", contact.name, "联系电话", contact.phone),
    ]
    y, x = 44.0, 18.0
    widths = (30.0, 58.0, 30.0, 56.0)
    for row in rows:
        height = 16.0 if any(len(v) > 14 for v in row) else 11.0
        cx = x
        for k, (w, value) in enumerate(zip(widths, row, strict=True)):
            s.cell((cx, y, cx + w, y + height), value, 10.5, HEAD if k % 2 == 0 else BODY)
            cx += w
        y += height
    s.cell((x, y, x + 30, y + 30), "经营范围", 10.5, HEAD)
    s.cell(
        (x + 30, y, x + 174, y + 30),
        co.scope + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        10.5,
    )
    y += 40
    y = s.paragraph(
        18,
        y,
        174,
        "本公司依照《中华人民共和国公司法》《中华人民共和国市场主体登记管理条例》申请登记，提交材料真实有效。通过联络员登录企业信用信息公示系统向登记机关报送、向社会公示的企业信息为本企业提交、发布的信息，信息真实、有效。",
        11,
    )
    s.text(110, y + 14, "法定代表人签字：", 11)
    s.text(110, y + 26, f"{cn_date(date(2026, rng.randint(1, 3), rng.randint(1, 28)))}", 11)
    s.text(
        18,
        280,
        "注：1．手工填写表格和签字请使用黑色或蓝黑色钢笔、签字笔，请勿使用圆珠笔。2．本申请书一式一份。",
        7.5,
    )
    s.fields += [
        ("enterprise_name", co.name),
        ("credit_code", co.credit_code),
        ("person_name", rep.name),
        ("id_number", rep.id_number),
    ]


def shareholder_table(s: Sheet, rng: random.Random) -> None:
    co = company(rng)
    s.centred(24, "股东（发起人）出资情况", 20)
    s.text(18, 40, f"公司名称：{co.name}", 11)
    heads = (
        "序号",
        "股东（发起人）名称或姓名",
        "证件类型",
        "证件号码",
        "认缴出资额（万元）",
        "出资方式",
        "出资比例",
    )
    widths = (12.0, 32.0, 22.0, 44.0, 24.0, 20.0, 20.0)
    y, x = 50.0, 18.0
    cx = x
    for w, h in zip(widths, heads, strict=True):
        s.cell((cx, y, cx + w, y + 16), h, 9.5, HEAD)
        cx += w
    y += 16
    n = rng.randint(3, 5)
    shares = [rng.randint(5, 40) for _ in range(n)]
    total = sum(shares)
    for i in range(n):
        if i == n - 1 and rng.random() < 0.5:
            other = company(rng)
            row = (str(i + 1), other.name, "营业执照", other.credit_code)
            s.fields.append(("credit_code", other.credit_code))
        else:
            p = person(rng)
            row = (str(i + 1), p.name, "居民身份证", p.id_number)
            s.fields.append(("id_number", p.id_number))
        amount = co.capital * shares[i] / total
        cells = (
            *row,
            f"{amount:.2f}",
            rng.choice(("货币", "货币", "实物")),
            f"{100 * shares[i] / total:.2f}%",
        )
        cx = x
        for w, value in zip(widths, cells, strict=True):
            s.cell((cx, y, cx + w, y + 14), value, 9.5)
            cx += w
        y += 14
    cx = x
    for w, value in zip(
        widths, ("合计", "", "", "", f"{co.capital:.2f}", "", "100.00%"), strict=True
    ):
        s.cell((cx, y, cx + w, y + 12), value, 9.5, HEAD if value == "合计" else BODY)
        cx += w
    y += 24
    s.text(18, y, "注：根据公司章程的规定及实际出资情况填写，出资时间不晚于2045年12月31日。", 8)
    s.text(110, y + 30, "公司盖章：", 11)
    s.text(110, y + 44, cn_date(date(2026, rng.randint(1, 3), rng.randint(1, 28))), 11)
    s.seal(140, y + 38, co.name, rng)
    s.fields.append(("enterprise_name", co.name))


def power_of_attorney(s: Sheet, rng: random.Random) -> None:
    co, rep, agent = company(rng), person(rng), person(rng)
    s.centred(26, "授权委托书", 22)
    y = 46.0
    for label, value in (
        ("委托单位：", co.name),
        ("统一社会信用代码：", co.credit_code),
        ("法定代表人：", rep.name),
        ("受托人姓名：", agent.name),
        ("身份证号码：", agent.id_number),
        ("联系电话：", agent.phone),
    ):
        end = s.text(22, y, label, 12, HEAD)
        s.text(end + 1, y, value, 12)
        y += 10
    y += 6
    start = date(2026, rng.randint(1, 4), rng.randint(1, 28))
    y = s.paragraph(
        22,
        y,
        166,
        f"兹委托{agent.name}同志代表我单位前往市场监督管理部门办理{co.name}的变更登记事宜，"
        "包括：提交申请材料，核对、修改材料中的填写错误，签收并领取营业执照及有关文书。",
        12,
    )
    y = s.paragraph(
        22,
        y + 3,
        166,
        f"委托期限：自{cn_date(start)}至{cn_date(start + timedelta(days=90))}。"
        "受托人在上述权限内签署的文件，我单位均予以认可，由此产生的法律后果由我单位承担。",
        12,
    )
    s.text(110, y + 24, "委托单位（盖章）：", 12)
    s.text(110, y + 38, f"法定代表人（签字）：{rep.name}", 12)
    s.text(110, y + 52, cn_date(start), 12)
    s.seal(150, y + 34, co.name, rng)
    s.text(22, 282, "说明：受托人须持本人有效身份证件原件；委托书应由委托单位加盖公章。", 8)
    s.fields += [
        ("enterprise_name", co.name),
        ("credit_code", co.credit_code),
        ("id_number", agent.id_number),
        ("person_name", rep.name),
    ]


def lease(s: Sheet, rng: random.Random) -> None:
    owner, co = person(rng), company(rng)
    rent = rng.randint(3, 20) * 10000
    start = date(2026, rng.randint(1, 6), 1)
    s.centred(22, "房屋租赁合同", 22)
    y = 40.0
    for label, value in (
        ("出租方（甲方）：", owner.name),
        ("身份证号码：", owner.id_number),
        ("承租方（乙方）：", co.name),
        ("统一社会信用代码：", co.credit_code),
    ):
        end = s.text(22, y, label, 11.5, HEAD)
        s.text(end + 1, y, value, 11.5)
        y += 9
    y += 4
    area = rng.randint(60, 400)
    until = start.replace(year=start.year + 3) - timedelta(days=1)
    for k, clause in enumerate(
        (
            f"甲方将位于{co.address}的房屋出租给乙方作为经营场所使用，建筑面积{area}平方米。",
            f"租赁期限自{cn_date(start)}起至{cn_date(until)}止，共三年。",
            f"年租金为人民币{rent:,}.00元（大写：{_capital(rent)}），"
            f"乙方应于每年{start.month}月10日前一次性支付。",
            "租赁期间，乙方应合理使用房屋及其附属设施，不得擅自改变房屋结构和用途；"
            "因乙方原因造成损坏的，由乙方负责修复或赔偿。",
            "本合同一式两份，甲乙双方各执一份，自双方签字（盖章）之日起生效。",
        )
    ):
        y = s.paragraph(22, y, 166, f"第{'一二三四五'[k]}条　{clause}", 11) + 2
    y += 10
    left = [
        f"甲方（签字）：{owner.name}",
        f"联系电话：{owner.phone}",
        cn_date(start - timedelta(days=rng.randint(3, 20))),
    ]
    right = [
        "乙方（盖章）：",
        f"委托代理人：{person(rng).name}",
        cn_date(start - timedelta(days=rng.randint(3, 20))),
    ]
    for block, x in ((left, 22.0), (right, 115.0)):
        for i, line in enumerate(block):
            s.text(x, y + i * 11, line, 11)
    s.seal(145, y + 10, co.name, rng)
    s.fields += [("id_number", owner.id_number), ("credit_code", co.credit_code)]


def _capital(n: int) -> str:
    digits = "零壹贰叁肆伍陆柒捌玖"
    wan, rest = divmod(n, 10000)
    out = ""
    if wan >= 10:
        out += digits[wan // 10] + "拾" + (digits[wan % 10] if wan % 10 else "")
    else:
        out += digits[wan]
    out += "万"
    if rest:
        out += digits[rest // 1000] + "仟"
    return out + "元整"


LAYOUTS: dict[str, Callable[[Sheet, random.Random], None]] = {
    "application_form": application_form,
    "shareholder_table": shareholder_table,
    "power_of_attorney": power_of_attorney,
    "lease": lease,
}


def render(layout: str, rng: random.Random) -> tuple[np.ndarray, str, list[tuple[str, str]]]:
    """The clean page (BGR, 200 dpi), its truth text and the fields on it."""
    _fonts()
    with tempfile.TemporaryDirectory(prefix="rc-pdf-") as tmp:
        pdf = Path(tmp) / "page.pdf"
        sheet = Sheet(Canvas(str(pdf), pagesize=A4))
        LAYOUTS[layout](sheet, rng)
        sheet.canvas.showPage()
        sheet.canvas.save()
        subprocess.run(
            ["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
        )
        image = cv2.imread(str(Path(tmp) / "page.png"), cv2.IMREAD_COLOR)
    if image is None:
        raise RuntimeError("pdftoppm produced no image")
    return image, "\n".join(sheet.truth), sheet.fields
