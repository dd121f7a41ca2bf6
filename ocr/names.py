"""Business names: how they end, and where they stand without a label beside them.

A business name ends in its legal form or kind of business ("有限公司", "合作社", "店"),
sometimes followed by the form of a partnership in parentheses ("合伙企业（有限合伙）").
That ending tells a name wrapped onto a second line from a complete one, and a name from
the label of the next field when the detector merged the two into one box.

In a table of shareholders the names stand under their column's header ("股东名称"),
one per row, a long one wrapped inside its cell. A column headed by a person's or an
enterprise's name ("股东姓名", "姓名", "名称", "单位名称") holds people too: each cell
shaped like a person's name is one, down to the first cell that is neither.

A letter names its party in its opening sentence: a power of attorney its agent
("兹委托张三同志…"), a certificate the business it certifies ("兹证明某某有限公司（统一
社会信用代码：…）"), a pledge its signer ("本人张三，身份证号码…"). A business signs a
letter or heads its letterhead with its name on a line of its own ("某某有限公司（盖章）").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ocr.engine import Line, rect_box

BUSINESS_END = re.compile(
    r"(公司|店|部|馆|厂|中心|合作社|工作室|商行|门市|超市|宾馆|酒店|事务所|合伙企业|集团"
    r"|医院|诊所|药房|学校|幼儿园|农场|牧场|银行|分行|支行|旅行社|出版社|报社|研究院|设计院"
    r"|卫生院|研究所|卫生所|卫生室|服务站|养老院|敬老院|福利院|加油站|协会|商会)"
    r"(（[^（）]{1,6}）)?$"  # 合伙企业（有限合伙）
)
# the second line of a business name wrapped right after "公司": a branch or a partnership
BRANCH_TAIL = re.compile(
    r"^[\u4e00-\u9fff]{0,10}(分公司|分店|分厂|分部|分行|支行|营业部|办事处)$|^（[^（）]{1,6}）$"
)
# headers of a column of business names (or people: only values ending like a business
# are taken)
HEADERS = frozenset(
    (
        "股东名称",
        "股东（发起人）名称",
        "出资人名称",
        "投资人名称",
        "股东",
        "出资人",
        "发起人",
        "单位名称",
    )
)
# headers of a column of people or businesses, in a table's header row
PERSON_HEADERS = HEADERS | frozenset(("股东姓名", "出资人姓名", "投资人姓名", "姓名", "名称"))
# the words another column's header ends in: a header row is a row of them, where a
# label "姓名" has its value beside it
_HEADER_WORD = re.compile(
    r"(号码|证号|编号|序号|代码|额|方式|比例|日期|时间|期限|电话|地址|住所|类型|种类|职务|签字|签名|备注"
    r"|性别|民族|关系|名称|姓名)$"
)
# a table's own words where its rows of names end, and a form's labels of two characters
# in the row after them ("坐落" under the owners of a property)
_TABLE_WORDS = ("合计", "小计", "总计", "以下空白", "备注", "说明", "坐落", "用途", "面积", "事项")
_PERSON = re.compile(r"^([\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10})$")
_PERSON_TOKEN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# a name of five characters (乌云其木格): under its own label, not in a column of cells
# where five characters are as often a kind of document (居民身份证)
_LONG_NAME = re.compile(r"^[\u4e00-\u9fff]{5}$")
# labels of the fields that follow a business name on a licence or form
NEXT_LABELS = ("注册资本", "成立日期", "营业期限", "类型", "住所", "法定代表人", "经营场所")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


_HEADER_NOTE = re.compile(r"[（(][^（）()]{1,6}[）)]$")


def _header_text(line: Line) -> str:
    """A header's words without a note after them: "投资人名称（姓名）" → "投资人名称"."""
    return _HEADER_NOTE.sub("", _squash(line.text).rstrip(":："))


def _heads(line: Line, headers: frozenset[str]) -> bool:
    """`line` is one of `headers`, or names two of them as alternatives ("股东名称或姓名");
    a column of people's names is headed by any role's 姓名 too ("权利人姓名")."""
    parts = _header_text(line).split("或")
    people = headers is PERSON_HEADERS
    return any(part in headers or (people and part.endswith("姓名")) for part in parts)


def join_wrapped_headers(lines: Sequence[Line]) -> list[Line]:
    """`lines` with each table header wrapped in its narrow cell written whole: a short
    line right under a line, within its width, that together make a header
    ("股东名称或姓" / "名", "证件类" / "型")."""
    out: list[Line | None] = list(lines)
    # (a header with a header beside it heads its own column: no tail of the one above)
    tails = [
        k
        for k, ln in enumerate(lines)
        if len(_squash(ln.text)) <= 3 and not (is_header(ln.text) and _header_row(ln, lines))
    ]
    joined: set[int] = set()  # heads written whole and the tails joined to them
    for k, line in enumerate(lines):
        if k in joined or is_header(line.text):
            continue
        h = line.bottom - line.top
        for j in tails:
            tail = lines[j]
            if j == k or j in joined:
                continue
            under = line.bottom - 0.6 * h <= tail.top <= line.bottom + 0.3 * h
            if under and line.left <= _centre_x(tail) <= line.right:
                # the first line's box: a line's height sets the column's reach
                whole = replace(line, text=line.text + tail.text)
                if is_header(whole.text):
                    out[k], out[j] = whole, None
                    joined |= {k, j}
                    break
    return [ln for ln in out if ln is not None]


def _centre_x(line: Line) -> float:
    return (line.left + line.right) / 2.0


def _in_column(header: Line, lines: Sequence[Line]) -> Callable[[Line], bool]:
    """Whether a line below `header` stands in its column: starting where the header
    starts, or, in a header row (a header centred over its column, its cells set left or
    centred), starting after the midpoint to the header on its left and centred before
    the midpoint to the header on its right."""
    h = header.bottom - header.top
    row = sorted(
        (ln for ln in lines if abs(ln.centre_y - header.centre_y) < 0.4 * h),
        key=_centre_x,
    )
    at = next(k for k, ln in enumerate(row) if ln is header)
    low, high = header.left - 1.5 * h, header.left + 1.5 * h
    middle = -1.0  # no header row: cells start where their header starts
    if len(row) > 1:
        low = min(low, (_centre_x(row[at - 1]) + _centre_x(header)) / 2 if at else low - 1.5 * h)
        middle = (_centre_x(row[at + 1]) + _centre_x(header)) / 2 if at + 1 < len(row) else 1e9

    def inside(line: Line) -> bool:
        left_aligned = header.left - 1.5 * h <= line.left <= high
        return left_aligned or (low <= line.left and _centre_x(line) < middle)

    return inside


def cut_at_next_label(value: str) -> str:
    """`value` without the next field merged onto it: "…有限公司注册资本…" → "…有限公司"."""
    for label in NEXT_LABELS:
        at = value.find(label, 4)
        while at > 0:
            if BUSINESS_END.search(value[:at]):
                return value[:at]
            at = value.find(label, at + 1)
    return value


_NAME_PART = re.compile(r"^[\u4e00-\u9fff（）·]+")
_PROSE_AFTER = tuple("：:，,。；;")  # after a name in a cell: a label's colon, a sentence's comma


def _name_part(line: Line) -> str:
    """The name at the start of a cell's line, without a neighbouring cell the detector
    merged onto it (an ID number, an amount)."""
    match = _NAME_PART.match(_squash(line.text))
    return match.group(0) if match else ""


def column_names(lines: Sequence[Line]) -> list[tuple[Line, str]]:
    """Business names under a header of names, each with its (first) line."""
    out: list[tuple[Line, str]] = []
    for header in lines:
        if not _heads(header, HEADERS):
            continue
        h = header.bottom - header.top
        inside = _in_column(header, lines)
        below = sorted(
            (
                ln
                for ln in lines
                if ln.top > header.bottom - 0.3 * h
                and ln.top < header.bottom + 30 * h
                and inside(ln)
            ),
            key=lambda ln: ln.top,
        )
        used: set[int] = set()
        for k, line in enumerate(below):
            if id(line) in used:
                continue
            value = _name_part(line)
            if k + 1 < len(below) and below[k + 1].top - line.bottom < 0.8 * h:
                tail = _name_part(below[k + 1])
                # a long name wraps inside its cell: its first line is full, at least
                # as long as the rest (a short cell above a long one is another row's)
                if len(value) >= len(tail) and (
                    BRANCH_TAIL.search(tail)
                    or (not BUSINESS_END.search(value) and BUSINESS_END.search(value + tail))
                ):
                    value += tail
                    used.add(id(below[k + 1]))
            if len(value) >= 4 and BUSINESS_END.search(value):
                out.append((line, value))
    return out


def is_header(text: str) -> bool:
    """`text` is a table column's header ("职务", "证照类型", "公民身份号码", with a note
    after it: "认缴出资额（万元）"), no value."""
    word = _HEADER_NOTE.sub("", _squash(text).rstrip(":："))
    return len(word) <= 10 and bool(_HEADER_WORD.search(word))


def _header_row(header: Line, lines: Sequence[Line]) -> bool:
    """`header` heads a column: the nearest line right of it in its row is another
    column's header, not its value."""
    h = header.bottom - header.top
    right = [
        ln
        for ln in lines
        if ln.left > header.right - 0.2 * h and abs(ln.centre_y - header.centre_y) < 0.4 * h
    ]
    if not right:
        return False
    return is_header(min(right, key=lambda ln: ln.left).text)


def _join_wrapped_people(cells: list[Line]) -> list[Line]:
    """A narrow cell wraps a long name: one character right under a name (touching it)
    is its last ("欧阳泽" / "熙"); one character alone is nobody's name."""
    out: list[Line] = []
    for line in cells:
        last = out[-1] if out else None
        text = _squash(line.text)
        if (
            last is not None
            and re.fullmatch(r"[\u4e00-\u9fff]", text)
            and line.top < last.bottom + 0.3 * (last.bottom - last.top)
            and last.left <= _centre_x(line) <= last.right
            and _PERSON_TOKEN.match(_squash(last.text))
        ):
            box = rect_box(last.left, last.top, max(last.right, line.right), line.bottom)
            out[-1] = Line(_squash(last.text) + text, box, min(last.confidence, line.confidence))
            continue
        out.append(line)
    return out


def column_people(lines: Sequence[Line], labels: Sequence[str]) -> list[tuple[Line, str]]:
    """People under a header of names in a table's header row, each with its line: the
    cells below it shaped like a person's name, down to the first one that is not (a
    business name's cells are `column_names`' and are passed over). `labels` are the
    words that label a field: a label is no name."""
    out: list[tuple[Line, str]] = []
    for header in lines:
        if not _heads(header, PERSON_HEADERS):
            continue
        if not _header_row(header, lines):
            continue
        h = header.bottom - header.top
        inside = _in_column(header, lines)
        below = sorted(
            (ln for ln in lines if ln.top > header.bottom - 0.3 * h and inside(ln)),
            key=lambda ln: ln.top,
        )
        # a row's number ("1", "2" under 序号) set close to the names is no cell of theirs
        below = [ln for ln in below if not re.fullmatch(r"[\d.、]+", _squash(ln.text))]
        below = _join_wrapped_people(below)
        parts = [_name_part(ln) for ln in below]
        for k, (line, value) in enumerate(zip(below, parts, strict=True)):
            # a business name's cell, or a part of one wrapped onto two lines (whose
            # first line is full: a person's short cell above a business is no part)
            before = parts[k - 1] if k > 0 else ""
            after = parts[k + 1] if k + 1 < len(parts) else ""
            whole = [value]
            whole += [value + after] if len(value) >= len(after) else []
            whole += [before + value] if len(before) >= len(value) else []
            if any(len(v) >= 4 and BUSINESS_END.search(v) for v in whole):
                continue
            if re.fullmatch(r"[\u4e00-\u9fff]", value):
                continue  # the end of another cell's wrapped words, standing in the column
            if not _PERSON.match(value) or value.startswith((*labels, *_TABLE_WORDS)):
                break
            if _squash(line.text)[len(value) : len(value) + 1] in _PROSE_AFTER:
                break  # the words under the table ("本人承诺：以上…"), no cell
            out.append((line, value))
    return out


def last_header(label: Line, lines: Sequence[Line]) -> bool:
    """`label` ends a table's header row: nothing to its right, a header to its left."""
    h = label.bottom - label.top
    level = [ln for ln in lines if ln is not label and abs(ln.centre_y - label.centre_y) < 0.4 * h]
    if any(ln.left > label.left for ln in level):
        return False
    left = [ln for ln in level if ln.right <= label.left + 0.2 * h]
    return bool(left) and is_header(max(left, key=lambda ln: ln.right).text)


def value_below(label: Line, lines: Sequence[Line], labels: Sequence[str]) -> Line | None:
    """The value set under its label: the next line down in the label's column, unless
    it is another label or a header (`labels` are the words that label a field)."""
    h = label.bottom - label.top
    inside = _in_column(label, lines)
    # padded boxes of lines set tight overlap: a line whose middle is below the label's
    # box is under it, though its top may be a third of a line above the label's bottom
    below = [
        ln
        for ln in lines
        if ln is not label
        and (label.bottom - 0.3 * h < ln.top or ln.centre_y > label.bottom)
        and ln.top < label.bottom + 1.2 * h
        and inside(ln)
    ]
    if not below:
        return None
    nearest = min(below, key=lambda ln: ln.top)
    text = _squash(nearest.text)
    if not text or text.startswith(tuple(labels)) or is_header(text):
        return None
    under = [
        ln
        for ln in lines
        if ln.top > nearest.top and inside(ln) and re.fullmatch(r"[\u4e00-\u9fff]", ln.text.strip())
    ]
    return _join_wrapped_people([nearest, *sorted(under, key=lambda ln: ln.top)[:1]])[0]


def several_people(raw: str, value: str) -> list[str]:
    """The people a signature line lists after its label, apart: "受托人（签字）：狄瀚皓
    计琛瑾 骆浔" → three agents, not one "狄瀚皓计琛瑾骆浔". `raw` is the value's text
    with its spaces, `value` the same without them. Two names of two characters ("王芳
    李娜") stay one value: a four-character name is as often spaced in the middle.
    Names listed with a separator ("冯鹭琛、童舟", a property's co-owners) are each one."""
    listed = re.split(r"[、，,；;]", value)
    if len(listed) >= 2 and all(_PERSON_TOKEN.match(t) for t in listed):
        return listed
    tokens = raw.split()
    if len(tokens) < 2 or "".join(tokens) != value:
        return []
    if not all(_PERSON_TOKEN.match(t) for t in tokens):
        return []
    return tokens if len(tokens) >= 3 or len(value) >= 5 else []


# words of a form's vocabulary that no person's name holds: a table's headers and the
# ends of labels wrapped in their cells ("医疗单位", "缴费状态", "与申请人关", "员名单")
FORM_WORD = re.compile(
    "单位|个人|状态|名单|关系|意见|身份|年月|地址|银行|机构|电话|号码|日期|金额|材料|项目"
    "|情况|证明|申请|登记|信息|类型|时间|编号|备注|合计|签字|签名|盖章"
)


def name_shaped(text: str) -> str | None:
    """ "person_name" or "enterprise_name" when `text` is shaped like one, else None."""
    if len(text) >= 4 and BUSINESS_END.search(text):
        return "enterprise_name"
    if FORM_WORD.search(text):
        return None
    return "person_name" if _PERSON.match(text) or _LONG_NAME.match(text) else None


# a letter's opening words before the party it is about: "兹委托张三同志…", "兹证明某某
# 有限公司（统一社会信用代码：…）…", and what follows the party's name
# (a comma or a colon may part them from the party: "兹证明，张三，性别男，…"; the
# letter's own unit, "兹证明，我单位…", is nobody's name)
_OPENING = r"(?:兹委托|兹授权|特委托|兹证明|兹有|兹推荐)[，,:：]?"
_OPENS = re.compile(_OPENING)


def without_opening(text: str) -> str:
    """`text` without a letter's opening words before it ("兹证明某某有限公司" → the name)."""
    return _OPENS.sub("", text, count=1) if _OPENS.match(text) else text


_SENTENCE_PERSON = re.compile(
    _OPENING
    + r"(?![我本该])([\u4e00-\u9fff]{2,4}?)(?=同志|先生|女士|（|\(|，|,|为我|为本|前往|代表|全权)"
)
# a pledge or statement in the first person: "本人张三，身份证号码：…", "本人李四（公民
# 身份号码…）" (the name is followed by the person's particulars, not by a verb)
_SELF = re.compile(r"本人[:：]?([\u4e00-\u9fff]{2,4}?)(?=[，,（(](?:公民身份|身份证|性别|证件))")
# a person named by role inside a sentence's particulars, after a bracket or a comma:
# "你单位（统一社会信用代码：…，法定代表人：张三）于…"
_PARTICULAR_PERSON = re.compile(
    r"[（(，,；;](?:法定代表人|执行事务合伙人|负责人|经营者|投资人|委托代理人|代理人|联系人|经办人)"
    r"[:：]([\u4e00-\u9fff·]{2,4})(?=[）)，,；;。]|$)"
)
# a certificate's person opening a line with their particulars, the opening words on the
# line above or before it: "兹证明：" / "肖子，性别女，壮族，…", "张三，男，汉族，…"
_PARTICULARS_FIRST = re.compile(
    r"^(?:" + _OPENING + r")?([\u4e00-\u9fff·]{2,4}?)[，,](?:性别[:：]?)?[男女][，,]"
)
# words of a person's particulars, which no name starts with
NOT_NAME = ("性别", "民族", "姓名", "出生", "住址", "有效", "本人", "证件", "身份")
_SENTENCE_BUSINESS = re.compile(_OPENING + r"([\u4e00-\u9fff（）]{4,40}?)(?=（|\(|，|,|将|为|系)")
# a certificate of a legal representative (the national template: "…身份证号码：…，系
# ____的____（职务），为本单位的法定代表人") names the unit the person serves
_SERVES = re.compile(r"系([\u4e00-\u9fff（）]{4,40}?)的")
# a notice about an application names the business it is for: "你（单位）于…提交的某某
# 有限公司变更登记申请材料，经审查，…" (a one-time correction notice, an acceptance)
_SUBMITTED = re.compile(
    r"提交的([\u4e00-\u9fff（）]{4,40}?)(?=(?:设立|变更|注销|备案|迁移|年度)?(?:登记|申请|报告))"
)


def sentence_names(lines: Sequence[Line]) -> list[tuple[Line, str, str]]:
    """People and businesses a letter names in its opening sentence (a power of
    attorney's agent, a certificate's party, the unit a legal representative serves, a
    decision's party's legal representative in brackets, the business a notice's
    application is for): (line, field name, value)."""
    out: list[tuple[Line, str, str]] = []
    for line in lines:
        text = _squash(line.text)
        businesses = (_SENTENCE_BUSINESS, _SERVES, _SUBMITTED)
        for match in [m for pattern in businesses for m in pattern.finditer(text)]:
            if BUSINESS_END.search(match.group(1)):
                out.append((line, "enterprise_name", match.group(1)))
        people = (_SENTENCE_PERSON, _SELF, _PARTICULAR_PERSON, _PARTICULARS_FIRST)
        for match in [m for pattern in people for m in pattern.finditer(text)]:
            if not BUSINESS_END.search(match.group(1)) and not match.group(1).startswith(NOT_NAME):
                out.append((line, "person_name", match.group(1)))
    return out


# a notice's addressee, a person: "张三：" on a line of its own over the notice's first
# words, which speak to them ("你于2026年…提交的…", "您好")
_ADDRESSEE = re.compile(r"^([\u4e00-\u9fff·]{2,8})[:：]$")
# the heading of a form's own words to its reader, over "您…" ("温馨提示：", "填表说明：")
_TO_THE_READER = re.compile("提示|须知|说明|注意|通知|公告|声明|承诺|告知|事项")


def addressed_people(lines: Sequence[Line]) -> list[tuple[Line, str]]:
    """People a notice is addressed to (`_ADDRESSEE`): the line right under the name opens
    with 你 or 您."""
    out: list[tuple[Line, str]] = []
    for line in lines:
        match = _ADDRESSEE.match(_squash(line.text))
        if (
            match is None
            or name_shaped(match[1]) != "person_name"
            or _TO_THE_READER.search(match[1])
        ):
            continue
        h = line.bottom - line.top
        under = [
            ln
            for ln in lines
            if 0.4 * h < ln.centre_y - line.centre_y < 2.5 * h
            and ln.left < line.right + h
            and ln.right > line.left
        ]
        if under and _squash(min(under, key=lambda ln: ln.top).text).startswith(("你", "您")):
            out.append((line, match[1]))
    return out


# the legal forms a business signs with (the shorter kinds of business, "店", "中心",
# end the names of halls and offices too: "政务服务中心")
_LEGAL_END = re.compile(r"(公司|合作社|合伙企业|事务所|集团|商行)(（[^（）]{1,6}）)?$")
# a seal's or signature's note after the name, a signature's words before it
_SIGNED = re.compile(r"[（(](?:盖章|公章|签章|印章|章|单位盖章|公司盖章)[）)]$")
_SIGNING = re.compile(r"^(?:盖章|签章|落款|公司盖章|单位盖章|单位公章)[:：]")
# a document of the business titled with its name ("某某有限公司股东会决议")
_TITLED = re.compile(r"(?:股东会决议|股东大会决议|股东决定|董事会决议|章程修正案|章程)$")
# the words of a public body's name: a letter addressed to a hall ("某某政务服务中心：")
_PUBLIC_BODY = re.compile(r"政务|政府|人民|机关|管理|监督|税务|公安|社会保险|公积金|登记|服务中心")
FORM_WORDS = re.compile(r"(一人)?(有限责任|股份有限|有限)$")
_LINE_NAME = re.compile(r"[\u4e00-\u9fff（）]{6,40}")


# a business named among other words of its line: a table's row read as one line ("工作单位
# 某某有限公司 联系电话 …"), a sentence ("…，某某有限公司（统一社会信用代码：…）于…"), a
# name in quotes. The name starts after a mark or a space and ends in a legal form, with a
# mark, a bracket or a word that carries the sentence on after it.
_INLINE_BUSINESS = re.compile(
    r"(?:^|(?<=[\s:：，,；;。、“”\"「」《》☑□■]))"
    r"([\u4e00-\u9fff（）]{2,40}?"
    r"(?:有限责任公司|股份有限公司|有限公司|分公司|合伙企业（有限合伙）|合作社|事务所))"
    r"(?=$|[\s:：，,；;。、“”\"「」》（(的于将为在向与已系因拟提申])"
)


# a shop named in prose as the individual business it is ("提交的某某便利店个体工商户设立登记
# 申请材料"): any kind of business, right before "个体工商户", after a word of the sentence
_SOLE_TRADER = re.compile(
    r"(?:^|(?<=[\s:：，,；;。、“”\"「」《》的将为向与由及和]))"
    r"([\u4e00-\u9fff]{3,30}?(?:店|部|馆|厂|行|中心|工作室|门市|超市|宾馆|酒店|诊所|药房|农场))"
    r"(?=（?个体工商户)"
)


# the words of a sentence before the business it is about, which no business name holds:
# "…同志代表我单位前往…办理某某有限公司的…", "…，系某某有限公司的…"
_ABOUT = re.compile(r"^.*(?:同志|代表|前往|办理|委托|根据|依据|关于|部门|我|你|您)|^系")


def inline_businesses(lines: Sequence[Line], labels: Sequence[str]) -> list[tuple[Line, str]]:
    """Business names inside lines of other words (`_INLINE_BUSINESS`), a label or a
    letter's opening words (`labels`, "兹证明") before one taken off, and shops named as
    the individual business they are (`_SOLE_TRADER`). A line that is all name is
    `standalone_businesses`' to judge."""
    out: list[tuple[Line, str]] = []
    for line in lines:
        text = line.text.strip()
        out += [(line, m.group(1)) for m in _SOLE_TRADER.finditer(text)]
        for match in _INLINE_BUSINESS.finditer(text):
            if match.group(1) == text:
                continue
            name = _ABOUT.sub("", without_opening(match.group(1)))
            name = name[len(next((x for x in labels if name.startswith(x)), "")) :]
            end = _LEGAL_END.search(name)
            if end is not None and len(FORM_WORDS.sub("", name[: end.start()])) >= 3:
                out.append((line, name))
    return out


def standalone_businesses(lines: Sequence[Line], labels: Sequence[str]) -> list[tuple[Line, str]]:
    """Business names on a line of their own: a letterhead, a signature ("某某有限公司
    （盖章）", "公司盖章：某某有限公司"), a party under its heading, an addressee ("某某有限
    公司："), the title of the business's own document ("某某有限公司股东会决议"). Only a
    legal form's ending counts; a line starting with a label (`labels`) is a field's."""
    out: list[tuple[Line, str]] = []
    for line in lines:
        squashed = _squash(line.text)
        text = _SIGNING.sub("", _SIGNED.sub("", squashed.rstrip(":：")))
        text = _TITLED.sub("", text)
        if text.startswith((*labels, *NEXT_LABELS)) or not _LINE_NAME.fullmatch(text):
            continue
        end = _LEGAL_END.search(text)
        if end is None and squashed.endswith(("：", ":")) and not _PUBLIC_BODY.search(text):
            end = BUSINESS_END.search(text)  # an addressee: "某某花卉工作室：", "某某超市："
        if end is None or len(FORM_WORDS.sub("", text[: end.start()])) < 3:
            continue  # a legal form alone ("有限责任公司") is a licence's type
        if not _wraps_onto(line, lines) and not _wraps_below(line, lines):
            out.append((line, text))
    return out


def _wraps_below(line: Line, lines: Sequence[Line]) -> bool:
    """A branch's name or a partnership's form goes on under `line` ("…有限公司" /
    "第一分公司")."""
    h = line.bottom - line.top
    return any(
        0.4 * h < other.centre_y - line.centre_y < 1.6 * h
        and abs(other.left - line.left) < h
        and BRANCH_TAIL.search(_squash(other.text))
        for other in lines
    )


def _wraps_onto(line: Line, lines: Sequence[Line]) -> bool:
    """`line` ends a name wrapped in its cell: a line of words without an ending of its
    own stands right above it, starting where it starts or centred over it, and as wide
    as it or wider (a text wraps where its line is full: a short line over a name, "盖章
    单位" over the business signing, is no first half of it)."""
    h = line.bottom - line.top
    for other in lines:
        text = _squash(other.text)
        if other is line or not re.search(r"[\u4e00-\u9fff]$", text) or _LEGAL_END.search(text):
            continue
        if other.right - other.left < line.right - line.left - h:
            continue
        aligned = abs(other.left - line.left) < h or abs(_centre_x(other) - _centre_x(line)) < h
        # padded boxes of lines set tight overlap: their middles are a line apart
        if 0.4 * h < line.centre_y - other.centre_y < 1.6 * h and aligned:
            return True
    return False
