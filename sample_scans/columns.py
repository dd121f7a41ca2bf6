"""Held-out development pages for reading order and fields: layouts the tuning corpus
does not have (text in two columns, side-by-side blocks, a licence in two columns, ID
card copies next to each other) next to look-alikes that must keep row order (a grid of
"label: value" fields, a table with horizontal rules only), drawn with fonts and a
resolution the other generators do not use (AR PL UMing TW MBE and WenQuanYi Zen Hei Mono,
150 dpi), and company names of many legal forms.

Ground truth is the order a person reads: blocks side by side and columns one after the
other, each block top to bottom; grids and tables row by row.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr.fields import CREDIT_CHARSET, credit_code_check_char, id_number_check_char
from sample_scans.drawing import capture

A4_150DPI = (1240, 1754)
_INK = (25, 25, 30)
_SONG = ("/usr/share/fonts/truetype/arphic/uming.ttc", 3)  # AR PL UMing TW MBE
_HEI = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 1)  # WenQuanYi Zen Hei Mono
LAYOUTS = ("prose", "licence", "id_copies", "grid", "register")
DEV_CAPTURES = ("scanner", "copy", "phone", "camera")

COMPANIES = (
    "内蒙古草原之星乳业有限公司",
    "锡林郭勒盟远航物流有限责任公司",
    "北京华信（锡林浩特）科技有限公司",
    "锡林浩特市白马商贸有限公司第一分公司",
    "内蒙古金马律师事务所",
    "锡林浩特市牧歌农牧业专业合作社",
    "锡林浩特华泰股权投资合伙企业（有限合伙）",
    "蒙源（内蒙古）食品股份有限公司",
    "锡林浩特市阿尔泰建筑工程有限公司",
    "二连浩特市口岸国际贸易有限公司锡林浩特分公司",
)
_PEOPLE = ("乌云其木格", "张立新", "哈斯巴根", "刘佳怡", "图雅", "王建军", "斯琴高娃", "赵德胜")
_PROSE = (
    "一窗受理是政务服务大厅把多个部门的窗口合并为一个综合窗口的做法。申请人只需向一个窗口"
    "提交全部材料，由窗口人员统一审核后分送各部门办理，办结后在同一窗口领取结果。",
    "窗口人员收到材料后，先核对身份证件与营业执照等证照是否在有效期内，再对照清单逐项检查，"
    "材料齐全且符合法定形式的当场受理，并出具受理通知书；不齐全的一次性告知需要补正的内容。",
    "各部门应当在承诺时限内完成审查。需要现场核查的，由牵头部门统一组织，避免多次上门。"
    "审查通过后制作电子证照，加盖电子印章，并推送至档案系统长期保存。",
    "办理过程中产生的材料和结果一律电子归档，纸质材料扫描后按规定移交，档案利用时应当登记。",
)
_SCOPES = (
    "乳制品生产；食品销售；道路货物运输（不含危险货物）；仓储服务（不含危险化学品）",
    "技术服务、技术开发、技术咨询；软件开发；信息系统集成服务；计算机软硬件销售",
    "建设工程施工；住宅室内装饰装修；建筑材料销售；劳务服务（不含劳务派遣）",
)


@dataclass(frozen=True)
class DevPage:
    layout: str
    capture: str
    data: bytes  # JPEG
    truth_text: str
    truth_fields: tuple[tuple[str, str], ...]


@lru_cache(maxsize=32)
def _font(size: int, hei: bool) -> ImageFont.FreeTypeFont:
    path, index = _HEI if hei else _SONG
    return ImageFont.truetype(path, size, index=index)


class _Page:
    def __init__(self) -> None:
        self.image = Image.new("RGB", A4_150DPI, (252, 252, 250))
        self.draw = ImageDraw.Draw(self.image)
        self.truth: list[str] = []  # blocks' lines in reading order

    def width(self, s: str, size: int, hei: bool = False) -> float:
        return self.draw.textlength(s, font=_font(size, hei))

    def put(self, x: float, y: float, s: str, size: int = 24, hei: bool = False) -> float:
        self.draw.text((x, y), s, font=_font(size, hei), fill=_INK)
        return x + self.width(s, size, hei)

    def wrap(self, s: str, width: float, size: int) -> list[str]:
        lines, line = [], ""
        for ch in s:
            if self.width(line + ch, size) > width:
                lines.append(line)
                line = ""
            line += ch
        return [*lines, line] if line else lines

    def column(self, x: float, y: float, width: float, text: str, size: int = 24) -> float:
        """A paragraph wrapped at `width`; records its lines; returns the y below it."""
        for line in self.wrap(text, width, size):
            self.put(x, y, line, size)
            self.truth.append(line)
            y += size * 1.6
        return y + size * 0.6

    def entry(self, x: float, y: float, label: str, value: str, width: float) -> float:
        """A licence entry: label, then the value wrapped under itself."""
        self.put(x, y, label, 24, hei=True)
        lines = self.wrap(value, width - 130, 24)
        self.truth.append(label + (lines[0] if lines else ""))
        for k, line in enumerate(lines):
            self.put(x + 130, y, line, 24)
            if k:
                self.truth.append(line)
            y += 38
        return y + 22


def _prose(p: _Page, rng: random.Random) -> tuple[tuple[str, str], ...]:
    title = "关于推行一窗受理改革的说明"
    p.put((1240 - p.width(title, 40, True)) / 2, 110, title, 40, hei=True)
    p.truth.append(title)
    y = p.column(110, 220, 1020, _PROSE[0])
    paragraphs = list(_PROSE[1:])
    rng.shuffle(paragraphs)
    split = rng.choice((1, 2))
    gap = rng.choice((50, 70, 90))
    width = (1020 - gap) / 2
    yl = yr = y + 20
    for text in paragraphs[:split]:
        yl = p.column(110, yl, width, text)
    for text in paragraphs[split:]:
        yr = p.column(110 + width + gap, yr, width, text)
    date = "二〇二六年十一月"
    p.put(1130 - p.width(date, 24), max(yl, yr) + 60, date, 24)
    p.truth.append(date)
    return ()


def _licence(p: _Page, rng: random.Random) -> tuple[tuple[str, str], ...]:
    company, person = rng.choice(COMPANIES), rng.choice(_PEOPLE)
    for top, s, size in ((120, "营业执照", 64), (215, "（副本）", 28)):
        p.put(420, top, s, size, hei=True)
        p.truth.append(s)
    code = "91152502MA0" + "".join(rng.choice(CREDIT_CHARSET) for _ in range(6))
    code += credit_code_check_char(code)
    p.put(110, 290, "统一社会信用代码", 24, hei=True)
    p.put(110, 330, code, 24)
    p.truth += ["统一社会信用代码", code]
    for k, s in enumerate(
        ("扫描二维码登录国家企业", "信用信息公示系统了解更多", "登记、备案、许可、监管信息")
    ):
        p.put(900, 130 + 34 * k, s, 18)
        p.truth.append(s)
    y = 460.0
    left = (
        ("名称", company),
        ("类型", "有限责任公司（自然人投资或控股）"),
        ("法定代表人", person),
        ("经营范围", rng.choice(_SCOPES)),
    )
    for label, value in left:
        y = p.entry(110, y, label, value, 520)
    y = 460.0
    right = (
        ("注册资本", f"人民币{rng.choice(('伍拾', '壹佰', '叁佰'))}万元"),
        ("成立日期", f"20{rng.randint(10, 25)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"),
        ("营业期限", "长期"),
        ("住所", f"内蒙古自治区锡林浩特市那达慕大街{rng.randint(1, 199)}号"),
    )
    for label, value in right:
        y = p.entry(680, y, label, value, 450)
    for top, s in (
        (1300, "登记机关"),
        (1350, f"2026年{rng.randint(1, 11)}月{rng.randint(1, 28)}日"),
    ):
        p.put(820, top, s, 26)
        p.truth.append(s)
    seal = Image.new("RGB", A4_150DPI, (255, 255, 255))
    ImageDraw.Draw(seal).ellipse((800, 1220, 1020, 1440), outline=(220, 40, 40), width=7)
    p.image = Image.fromarray(np.minimum(np.asarray(p.image), np.asarray(seal)))
    p.draw = ImageDraw.Draw(p.image)
    return (("enterprise_name", company), ("person_name", person), ("credit_code", code))


def _id_copies(p: _Page, rng: random.Random) -> tuple[tuple[str, str], ...]:
    person = rng.choice(_PEOPLE)
    title = "身份证复印件（正反面）"
    p.put((1240 - p.width(title, 32, True)) / 2, 120, title, 32, hei=True)
    p.truth.append(title)
    framed = rng.random() < 0.5
    for x0 in (90, 650):
        if framed:
            p.draw.rounded_rectangle((x0, 240, x0 + 500, 560), 24, outline=(120, 120, 120), width=2)
    front = (
        ("姓名", person),
        ("性别", f"{rng.choice('男女')}  民族  蒙古"),
        ("出生", f"19{rng.randint(60, 99)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"),
        ("住址", "锡林浩特市希日塔拉街道"),
        ("", "额尔敦路18号"),
    )
    y = 270
    for label, value in front:
        if label:
            p.put(110, y, label, 22, hei=True)
        p.put(190, y, value, 22)
        p.truth.append(label + value)
        y += 44 if label != "住址" else 32
    first17 = f"152502{rng.randint(1960, 1999)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first17 += f"{rng.randrange(1000):03d}"
    number = first17 + id_number_check_char(first17)
    p.put(110, 500, "公民身份号码", 22, hei=True)
    p.put(260, 500, number, 24)
    p.truth.append("公民身份号码" + number)
    back = (
        ("", "中华人民共和国", 30),
        ("", "居民身份证", 38),
        ("签发机关", "锡林浩特市公安局", 22),
        ("有效期限", "2019.05.06-2039.05.06", 22),
    )
    y = 265
    for label, value, size in back:
        x = 690 if not label else 670
        if label:
            p.put(x, y, label, size, hei=True)
            x += 100
        p.put(x, y, value, size, hei=not label)
        p.truth.append(label + value)
        y += size + 44
    return (("person_name", person), ("id_number", number))


def _grid(p: _Page, rng: random.Random) -> tuple[tuple[str, str], ...]:
    company, person = rng.choice(COMPANIES), rng.choice(_PEOPLE)
    title = "市场主体登记申请表"
    p.put((1240 - p.width(title, 40, True)) / 2, 110, title, 40, hei=True)
    p.truth.append(title)
    rows = (
        (f"企业名称：{company}", None),
        (f"法定代表人：{person}", f"联系电话：13{rng.randrange(10**9):09d}"),
        ("注册资本：壹佰万元", "企业类型：有限责任公司"),
        ("从业人数：12人", "登记机关：锡林浩特市市场监督管理局"),
        ("申请日期：2026年11月20日", "经办人：苏和"),
    )
    y = 230
    for left, right in rows:
        p.put(110, y, left, 24)
        row = left
        if right:
            p.put(660, y, right, 24)
            row += " " + right
        p.truth.append(row)
        y += 64
    return (("enterprise_name", company), ("person_name", person))


def _register(p: _Page, rng: random.Random) -> tuple[tuple[str, str], ...]:
    title = "股东名册"
    p.put((1240 - p.width(title, 40, True)) / 2, 110, title, 40, hei=True)
    p.truth.append(title)
    xs = (110, 380, 760, 990)
    head = ("股东名称", "证件号码", "出资额（万元）", "出资比例")
    y = 220
    p.draw.line((100, y - 14, 1140, y - 14), fill=_INK, width=3)
    for x, s in zip(xs, head, strict=True):
        p.put(x, y, s, 24, hei=True)
    p.truth.append(" ".join(head))
    fields: list[tuple[str, str]] = []
    for k in range(4):
        y += 70
        p.draw.line((100, y - 22, 1140, y - 22), fill=_INK, width=1)
        name = rng.choice(_PEOPLE) if k % 2 else rng.choice(COMPANIES)
        row = [f"1525021980{rng.randrange(10**8):08d}", f"{rng.randint(5, 90)}.00", "25%"]
        lines = p.wrap(name, xs[1] - xs[0] - 20, 22)
        for x, s in zip(xs, [lines[0], *row], strict=True):
            p.put(x, y, s, 22)
        p.truth.append(" ".join([lines[0], *row]))
        for more in lines[1:]:  # a long name wraps inside its cell
            y += 32
            p.put(xs[0], y, more, 22)
            p.truth.append(more)
        if k % 2 == 0:
            fields.append(("enterprise_name", name))
    p.draw.line((100, y + 48, 1140, y + 48), fill=_INK, width=3)
    return tuple(fields)


_LAYOUT: dict[str, Callable[[_Page, random.Random], tuple[tuple[str, str], ...]]] = {
    "prose": _prose,
    "licence": _licence,
    "id_copies": _id_copies,
    "grid": _grid,
    "register": _register,
}


def dev_page(layout: str, capture_kind: str = "scanner", seed: int = 0) -> DevPage:
    """One held-out development page (`LAYOUTS`, captured as `DEV_CAPTURES`)."""
    rng = random.Random(f"columns:{seed}:{layout}:{capture_kind}")
    page = _Page()
    fields = _LAYOUT[layout](page, rng)
    image = cv2.cvtColor(np.asarray(page.image), cv2.COLOR_RGB2BGR)
    if capture_kind != "clean":
        image = capture(image, capture_kind, rng)
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 88])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return DevPage(layout, capture_kind, buf.tobytes(), "\n".join(page.truth), fields)
