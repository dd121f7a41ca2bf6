"""Field extraction with check digits, so misread numbers go to the clerk.

Numbers are found by pattern and verified by their check characters (GB 11643 for the
citizen ID number, GB 32100 for the unified social credit code). Labelled fields (names,
addresses) are found by box geometry: the value follows the label in the same line or sits
in the box to its right in the same row, since line order is unreliable on skewed tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from ocr.engine import Box, Line
from ocr.field_labels import (
    ALL_LABELS,
    LABEL_PUNCT,
    LABELS,
    cut_at_next_field,
    is_either,
    role_label,
    split_label,
    starts_with_label,
)
from ocr.labels import join_spaced_labels
from ocr.name_readings import completed, repair_legal_form, surer_reading
from ocr.names import (
    BRANCH_TAIL,
    BUSINESS_END,
    FORM_WORD,
    NOT_NAME,
    addressed_people,
    column_names,
    column_people,
    cut_at_next_label,
    inline_businesses,
    is_header,
    join_wrapped_headers,
    last_header,
    name_shaped,
    sentence_names,
    several_people,
    standalone_businesses,
    value_below,
    without_opening,
)

if TYPE_CHECKING:
    from ocr.pipeline import PageReading

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

REVIEW_CONFIDENCE = 0.85


def id_number_check_char(first17: str) -> str:
    """GB 11643 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("expected 17 digits")
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def valid_id_number(s: str) -> bool:
    """True when `s` is an 18-character ID number with a valid birth date and check char."""
    s = s.strip().upper()
    if len(s) != 18 or not s[:17].isascii() or not s[:17].isdigit():
        return False
    try:
        birth = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    if birth.year < 1850 or birth > date.today():
        return False
    return id_number_check_char(s[:17]) == s[17]


def credit_code_check_char(first17: str) -> str:
    """GB 32100 check character for the first 17 characters."""
    if len(first17) != 17 or any(c not in CREDIT_CHARSET for c in first17):
        raise ValueError("expected 17 characters of the credit-code charset")
    total = sum(CREDIT_CHARSET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    check = 31 - total % 31
    return CREDIT_CHARSET[0 if check == 31 else check]


def valid_credit_code(s: str) -> bool:
    """True when `s` is an 18-character unified social credit code with a valid check."""
    s = s.strip().upper()
    if len(s) != 18 or any(c not in CREDIT_CHARSET for c in s):
        return False
    return credit_code_check_char(s[:17]) == s[17]


@dataclass(frozen=True)
class Field:
    name: str  # "id_number" | "credit_code" | "phone" | "person_name" | ...
    value: str
    valid: bool  # checksum / format passed
    confidence: float
    box: Box | None
    needs_review: bool  # low confidence or failed check: the clerk must look


_CODE18 = re.compile(r"(?<![0-9A-Za-z])([0-9A-Za-z]{17}[0-9A-Za-z])(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
_DATE = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
_D = r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?"
_PERIOD = re.compile(_D + r"\s*[-—~至到]+\s*(?:" + _D + r"|(长期))")
_NOTE_BEFORE = re.compile(r"^[（(][^（）()]{1,6}[）)][:：]")
# the last characters of a role's or a document's word, never of a name
_ROLE_ENDS = ("人", "方", "号", "码", "证", "名", "员", "者")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff·]{2,12}$")
LONG_NAME = 4  # Han characters of the longest name written without a middle dot

_FIGURES_ON = re.compile(r"(?<=[\u3400-\u9fff])\s*[0-9０-９].*$")
_MIN_LEN = {"person_name": 2, "enterprise_name": 4, "address": 5}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# letters that cannot occur in a credit code, and the digits OCR mistakes them for
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "Z": "2", "S": "5"})


def _classify_code(value: str, context: str) -> tuple[str, str, bool]:
    """Decide whether an 18-character code is an ID number or a credit code; letters the
    charset cannot contain are read as their look-alike digits (the check char decides)."""
    repaired = value.translate(_LOOKALIKES)
    for candidate in (value, repaired):
        if valid_id_number(candidate):
            return "id_number", candidate, True
        if valid_credit_code(candidate):
            return "credit_code", candidate, True
    if "信用代码" in context:
        return "credit_code", value, False
    if "身份" in context or repaired[:17].isdigit():
        return "id_number", value, False
    return "credit_code", value, False


def _valid_date(match: re.Match[str]) -> bool:
    try:
        date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return False
    return True


def _make(name: str, value: str, valid: bool, line: Line, conf: float | None = None) -> Field:
    confidence = line.confidence if conf is None else conf
    return Field(
        name=name,
        value=value,
        valid=valid,
        confidence=round(confidence, 4),
        box=line.box,
        needs_review=(not valid) or confidence < REVIEW_CONFIDENCE,
    )


def _pattern_fields(lines: tuple[Line, ...]) -> list[Field]:
    found: list[Field] = []
    for i, line in enumerate(lines):
        text = _squash(line.text)
        context = text + (_squash(lines[i - 1].text) if i > 0 else "")
        for m in _CODE18.finditer(text):
            value = m.group(1).upper()
            kind, value, ok = _classify_code(value, context)
            found.append(_make(kind, value, ok, line))
        code_spans = [m.span(1) for m in _CODE18.finditer(text)]
        for m in _PHONE.finditer(text):
            # digits inside an ID number or credit code are not a phone number
            if any(a <= m.start(1) < b for a, b in code_spans):
                continue
            found.append(_make("phone", m.group(1), True, line))
        for kind, value, ok in _id_details(found, line):
            found.append(_make(kind, value, ok, line))
        for m in _PERIOD.finditer(line.text):
            found.append(_period(m, line))
        for m in _DATE.finditer(line.text):
            value = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            found.append(_make("date", value, _valid_date(m), line))
    return found


_CODE_TAIL = re.compile(r"(?<![0-9A-Za-z])([0-9A-Za-z]{1,17})$")
_CODE_HEAD = re.compile(r"^([0-9A-Za-z]{1,17})(?![0-9A-Za-z])")


def _wrapped_codes(lines: tuple[Line, ...]) -> list[Field]:
    """ID numbers and credit codes wrapped from the end of one line of running text to
    the start of the next ("选举史丽明（身份证号码：4501031986" / "01027140）为公司…"):
    the two pieces make 18 characters and their check character holds."""
    found: list[Field] = []
    for line, after in pairwise(lines):
        tail = _CODE_TAIL.search(_squash(line.text))
        head = _CODE_HEAD.match(_squash(after.text))
        if tail is None or head is None or len(tail.group(1)) + len(head.group(1)) != 18:
            continue
        kind, value, ok = _classify_code((tail.group(1) + head.group(1)).upper(), line.text)
        if ok:
            found.append(_make(kind, value, ok, line, min(line.confidence, after.confidence)))
    return found


# a person named right before their ID number, a business right before its credit code:
# a table's row read as one line ("张三 110101…"), a party in a contract's prose ("张三
# （身份证号码：110101…）", "某某有限公司（统一社会信用代码：91…）"), a person after a
# role's word ("你单位（经办人张三，身份证号码110101…）")
_BEFORE = r"(?:^|(?<=[\s:：，,；;、（(人]))"
_PERSON_BEFORE_ID = re.compile(
    _BEFORE + r"([\u4e00-\u9fff]{2,4})[\s，,]*"
    r"(?:[（(]?(?:公民身份号码|身份证号码|身份证号|身份证|证件号码)[:：]?\s*)?(\d{17}[\dXx])(?![0-9A-Za-z])"
)
_BUSINESS_BEFORE_CODE = re.compile(
    _BEFORE + r"([\u4e00-\u9fff（）]{4,40}?)[\s，,]*"
    r"(?:[（(]?(?:统一社会信用代码|社会信用代码|信用代码)[:：]?\s*)?([0-9A-Z]{18})(?![0-9A-Za-z])"
)


def _names_before_numbers(lines: tuple[Line, ...], page_text: str) -> list[Field]:
    found = []
    for line in lines:
        for m in _PERSON_BEFORE_ID.finditer(line.text):
            found += _person(m, line)
        for m in _BUSINESS_BEFORE_CODE.finditer(line.text):
            found += _business(m, line)
    # a table's row opening with a person and their ID number, each cell a line of its
    # own, its document type between them ("3 甘竣恺 居民身份证 411302…", "居民身" over
    # "份证" joined in the page's text)
    for row in page_text.splitlines():
        opening = _ROW_PERSON.match(row)
        if opening is not None:
            name = opening.group(1)
            cell = next((ln for ln in lines if name == _squash(ln.text)), None)
            if cell is not None and not _goes_on_below(cell, lines):
                found += _person(opening, cell)
        # a business's row, its name wrapped in its cell, its document's cell between
        # ("2 某某电子商务股份有限公司 营业执照 91…", "营业执" over "照")
        opening = _ROW_BUSINESS.match(row)
        if opening is not None:
            name = _squash(opening.group(1))
            first = (
                ln
                for ln in lines
                if len(_squash(ln.text)) > 1 and name.startswith(_squash(ln.text))
            )
            cell = next(first, None)
            if cell is not None:
                found += _business(opening, cell)
    return found


def _business(m: re.Match[str], line: Line) -> list[Field]:
    """The business named by group 1 of `m` before the credit code of group 2."""
    name = repair_legal_form(without_opening(m.group(1)))
    shaped = name_shaped(name) == "enterprise_name"
    if shaped and valid_credit_code(m.group(2)) and not name.startswith(ALL_LABELS):
        return [_make("enterprise_name", name, True, line)]
    return []


def _goes_on_below(line: Line, lines: tuple[Line, ...]) -> bool:
    """A line of a character or two stands right under `line`, within its width: the
    rest of a name its narrow cell wrapped ("欧阳泽" / "熙")."""
    height = line.bottom - line.top
    return any(
        other is not line
        and line.top + 0.3 * height < other.top < line.bottom
        and line.left <= (other.left + other.right) / 2.0 <= line.right
        and len(_squash(other.text)) <= 2
        for other in lines
    )


# a row of a table of businesses: its number, the name, the document, the credit code
_ROW_BUSINESS = re.compile(
    r"(?:\d{1,3}\s+)?([\u4e00-\u9fff（）]{4,40}?)\s*(?:营业执照)?\s+([0-9A-Z]{18})(?![0-9A-Za-z])"
)
# a row of a table of people: its number, the person's name, the document, the number
_ROW_PERSON = re.compile(
    r"(?:\d{1,3}\s+)?([\u4e00-\u9fff]{2,4})\s+(?:居民身份证|身份证)?\s*(\d{17}[\dXx])(?![0-9A-Za-z])"
)


def _person(m: re.Match[str], line: Line | None) -> list[Field]:
    """The person named by group 1 of `m` before the ID number of group 2."""
    name = m.group(1)
    if line is None or not valid_id_number(m.group(2).upper()):
        return []
    if name.startswith((*ALL_LABELS, *NOT_NAME)) or name.endswith(_ROLE_ENDS):
        return []
    return [_make("person_name", name, True, line)] if name_shaped(name) == "person_name" else []


def _id_details(found: list[Field], line: Line) -> list[tuple[str, str, bool]]:
    """Birth date and sex encoded in a valid ID number read from `line`."""
    out: list[tuple[str, str, bool]] = []
    for f in found:
        if f.name == "id_number" and f.valid and f.box == line.box:
            v = f.value
            out.append(("birth_date", f"{v[6:10]}-{v[10:12]}-{v[12:14]}", True))
            out.append(("sex", "男" if int(v[16]) % 2 else "女", True))
    return out


def _period(m: re.Match[str], line: Line) -> Field:
    """A validity period "start/end" (end "长期" = no expiry); invalid when end < start."""
    g = m.groups()
    try:
        start = date(int(g[0]), int(g[1]), int(g[2]))
        end = None if g[6] else date(int(g[3]), int(g[4]), int(g[5]))
    except (TypeError, ValueError):
        return _make("validity_period", m.group(0), False, line)
    ok = end is None or end > start
    value = f"{start.isoformat()}/{end.isoformat() if end else '长期'}"
    return _make("validity_period", value, ok, line)


def _same_row_right(label: Line, lines: tuple[Line, ...]) -> Line | None:
    """The nearest line to the right of `label` whose vertical extent overlaps it.

    Detected boxes are padded, so a value written right after its label may start a
    little before the label's box ends: what counts is that its middle lies beyond it.
    """
    best: Line | None = None
    for other in lines:
        if other is label or (other.left + other.right) / 2.0 <= label.right:
            continue
        if other.left < label.left + 0.5 * (label.right - label.left):
            continue
        overlap = min(label.bottom, other.bottom) - max(label.top, other.top)
        height = min(label.bottom - label.top, other.bottom - other.top)
        if height <= 0 or overlap < 0.5 * height:
            continue
        if best is None or other.left < best.left:
            best = other
    return best


def _below(label: Line, lines: tuple[Line, ...], name: str, either: bool) -> Line | None:
    """The name under `label` (of field `name`; `either`: a person or a business),
    shaped like one."""
    if name == "address":
        return None
    below = value_below(label, lines, ALL_LABELS)
    if below is None:
        return None
    shape = name_shaped(cut_at_next_field(_squash(below.text)))
    return below if shape is not None and (shape == name or either) else None


def _value_valid(name: str, value: str) -> bool:
    if len(value) < _MIN_LEN[name]:
        return False
    if name == "person_name":
        # five Han characters or more without a middle dot: two names whose separator
        # was lost ("米敏竹景博芳"), or a misreading; a clerk confirms it
        long = len(value) > LONG_NAME and "·" not in value
        return bool(_NAME_CHARS.match(value)) and not FORM_WORD.search(value) and not long
    return True


def _continuation(
    value_line: Line, lines: tuple[Line, ...], value_left: float, label: Line
) -> Line | None:
    """The line just below `value_line` starting where its value starts (`value_left`),
    as a wrapped address or name continues. Detected boxes are padded, so the two may
    overlap a little; a line with a label before it in its own row (standing right of
    the value's own `label`) is the next field's value, not a continuation. The value's
    own label, set centred beside a value wrapped onto two lines, stands level with the
    second line too: it is no other label."""
    height = value_line.bottom - value_line.top
    for other in lines:
        if other is value_line or abs(other.left - value_left) >= 0.8 * height:
            continue
        if not (
            other.top > value_line.top + 0.5 * height
            and other.top - value_line.bottom < 0.8 * height
        ):
            continue
        if starts_with_label(other) or any(
            label.left - 1 <= ln.right <= other.left + 0.5 * height
            and ln.top < other.centre_y < ln.bottom
            for ln in lines
            if ln is not other and ln is not label
        ):
            continue
        return other
    return None


def _value_left(line: Line, value: str) -> float:
    """Where `value` starts within `line` (its end), in proportion to the characters."""
    text = _squash(line.text)
    if not text or not value or value not in text:
        return line.left
    share = text.rindex(value) / len(text)
    return line.left + share * (line.right - line.left)


def _wrapped(
    rest: str, source: Line, lines: tuple[Line, ...], label: Line, conf: float, address: bool
) -> tuple[str, float]:
    """`rest` with its continuation on the next line, if it has one, and the confidence."""
    start = _value_left(source, rest)
    more = _continuation(source, lines, start, label)
    tail = _squash(more.text) if more is not None else ""
    # a business name is complete when it ends like one, unless a branch or a
    # partnership's form follows on the next line; a wrapped line is full, as long as
    # its continuation at least (a short name above a long one is another's)
    wrapped = not BUSINESS_END.search(rest) or bool(BRANCH_TAIL.search(tail))
    wrapped = wrapped and len(rest) >= len(tail)
    if more is not None and (address or wrapped):
        return rest + tail, min(conf, more.confidence)
    return rest, conf


def _label_of(line: Line) -> tuple[str, str, bool, bool] | None:
    """(field name, the value on the label's line, whether the value decides
    between a person and a business, whether only a name's shape makes it a value) of a
    line starting with a field's label: one the table lists, else a party's role
    (`role_label`), whose value must be shaped like a name."""
    for name, labels in LABELS.items():
        split = split_label(line, labels)
        if split is not None:
            return name, split[1], is_either(name, split[0]), False
    role = role_label(line)
    if role is None:
        return None
    kind, value = role
    return kind, value, kind == "person_name", True


def _labelled_value(
    line: Line,
    lines: tuple[Line, ...],
    name: str,
    rest: str,
    either: bool,
    shaped: bool,
) -> list[Field]:
    """The field a label on `line` labels: its value after it on the line, in the cell
    beside it, or under it."""
    source = line
    conf = line.confidence
    if not rest:
        right = _same_row_right(line, lines)
        # a table's header row: the cell beside is the next column's header
        header = is_header(right.text) if right else last_header(line, lines)
        # another label beside (the next party's, "甲方（出租方）： 乙方（承租方）："
        # over their names; the other half's "主体业态：" beside "负责人：") is no value
        if right is not None and (
            starts_with_label(right) or right.text.rstrip().endswith((":", "："))
        ):
            right = None
        if right is None or header:
            # the value set under its label: a header's cell, or a label ending
            # in a colon with nothing beside it
            colon = line.text.rstrip().endswith((":", "："))
            right = _below(line, lines, name, either) if header or colon else None
        if right is None:
            return []
        # the label's note may stand in the cell with the value ("乙方" / "（盖章）：某某公司")
        rest = _NOTE_BEFORE.sub("", _squash(right.text).lstrip(LABEL_PUNCT))
        source = right
        conf = min(line.confidence, right.confidence)
    if name != "address":
        rest = repair_legal_form(cut_at_next_field(rest))
    if either and rest:
        business, business_conf = _wrapped(rest, source, lines, line, conf, False)
        if BUSINESS_END.search(cut_at_next_label(business)):
            name, rest, conf = "enterprise_name", business, business_conf
    elif name in ("address", "enterprise_name") and rest:
        rest, conf = _wrapped(rest, source, lines, line, conf, name == "address")
    if name == "person_name":
        # the date or number written on after a signature ("经办人：张三2025年11月8日"):
        # no figure is part of a person's name
        rest = _FIGURES_ON.sub("", rest)
    if name == "enterprise_name":
        rest = completed(repair_legal_form(cut_at_next_label(rest)), lines)
        rest = surer_reading(rest, conf, lines) if len(rest) >= 6 else rest
    raw = source.text if source is not line else re.split(r"[:：]", line.text)[-1]
    if name == "person_name" and (people := several_people(raw, rest)):
        return [_make(name, person, True, source, conf) for person in people]
    if not rest or (shaped and name_shaped(rest) != name):
        return []
    return [_make(name, rest, _value_valid(name, rest), source, conf)]


# a labelled value after the end of a sentence on its line: an officer's opinion signed
# on its own line ("同意受理。经办人：张三 2025年11月8日")
_SENTENCE_END = re.compile(r"[。；;]\s*(?=[\u4e00-\u9fff（()）]{2,12}[:：]\s*[^\s:：])")


def _sentence_tail(line: Line) -> Line | None:
    """The rest of `line` after its last sentence that a label opens, or None."""
    ends = list(_SENTENCE_END.finditer(line.text))
    return replace(line, text=line.text[ends[-1].end() :]) if ends else None


# the header of a change registration's table ("变更事项 | 原登记内容 | 申请变更内容"): a
# row's label labels the value before the change, beside it, and the value after it, in
# the next cell of its row
_CHANGE_HEADER = re.compile(r"原登记内容|变更前|变更后|申请变更内容")


def _changed_value(
    line: Line, lines: tuple[Line, ...], label: tuple[str, str, bool, bool]
) -> list[Field]:
    """The name after the change that `line`'s label (of a change table's row) labels:
    the next cell of the row read as if the cell beside the label (the name before the
    change, wrapped or not) were not there."""
    if label[1] or not any(
        ln.bottom <= line.top and _CHANGE_HEADER.search(_squash(ln.text)) for ln in lines
    ):
        return []
    before = _same_row_right(line, lines)
    if before is None or is_header(before.text) or starts_with_label(before):
        return []  # (the table's header row: "姓名 | 职务")
    h = line.bottom - line.top
    after = tuple(
        ln
        for ln in lines
        if ln is line or abs(ln.centre_y - line.centre_y) > h or ln.left >= before.right
    )
    return [
        f
        for f in _labelled_value(line, after, *label)
        if f.name in ("person_name", "enterprise_name") and name_shaped(f.value) == f.name
    ]


def _labelled_fields(lines: tuple[Line, ...]) -> list[Field]:
    found: list[Field] = []
    for line in lines:
        label = _label_of(line)
        if label is not None:
            found += _labelled_value(line, lines, *label)
            found += _changed_value(line, lines, label)
            continue
        if (tail := _sentence_tail(line)) and (label := _label_of(tail)) and label[1]:
            found += _labelled_value(tail, lines, *label)
    headed = join_wrapped_headers(lines)
    for line, value in column_names(headed):
        found.append(_make("enterprise_name", repair_legal_form(value), True, line))
    for line, value in column_people(headed, ALL_LABELS):
        found.append(_make("person_name", value, True, line))
    for line, name, value in sentence_names(lines):
        found.append(_make(name, value, True, line))
    for line, value in addressed_people(lines):
        found.append(_make("person_name", value, True, line))
    for line, value in standalone_businesses(lines, ALL_LABELS):
        if role_label(line) is not None:
            continue  # a party's label with the name glued on ("扣缴义务人某某有限公司")
        value = surer_reading(repair_legal_form(value), line.confidence, lines)
        found.append(_make("enterprise_name", value, True, line))
    named = {f.value for f in found if f.name == "enterprise_name"}
    for line, value in inline_businesses(lines, ALL_LABELS):
        value = surer_reading(repair_legal_form(value), line.confidence, lines)
        if not any(value in x or x in value for x in named):
            found.append(_make("enterprise_name", value, True, line))
    return found


def extract_fields(reading: PageReading) -> list[Field]:
    """All fields found on a page, numbers first; duplicates (same name and value) once."""
    return fields_of(reading.lines, reading.text)


def fields_of(read: tuple[Line, ...], text: str) -> list[Field]:
    """All fields found in lines in reading order and the page text made of them."""
    lines = tuple(join_spaced_labels(read, ALL_LABELS))
    fields = (
        _pattern_fields(read)
        + _wrapped_codes(read)
        + _labelled_fields(lines)
        + _names_before_numbers(lines, text)
    )
    seen: set[tuple[str, str]] = set()
    unique: list[Field] = []
    for f in fields:
        key = (f.name, f.value)
        if key in seen:
            continue
        seen.add(key)
        unique.append(f)
    return unique
