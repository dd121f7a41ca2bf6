"""Punctuation as printed: full width in Chinese text, half width in numbers and codes.

The recogniser's dictionary has both forms and it often returns the half-width comma,
colon, semicolon and parentheses where a Chinese page prints "，：；（）" (and now and then
the reverse inside a number). Chinese typesetting decides by context, so this does too:
a mark touching a Chinese character is full width; a mark between digits ("60,000",
"1:100", "10:30"), in a URL ("http://") or between Latin letters and digits is half
width. Parentheses go in pairs: a pair that encloses, follows or precedes Chinese text is
full width.

`tidy` also puts back what the recogniser is known to confuse where the document type
leaves no doubt: "曰" (classical "says", absent from administrative papers) for "日"
(dates, names such as 乌日娜), "申方" heading a contract's party for "甲方", a URL's
"ww." for "www.", a document number's year in round brackets ("字（2025）") for
"字〔2025〕", a scheme missing letters or a slash ("htt:/", "hp:/") for "http://",
the Greek "ζ" opening a parenthesis that closes further on for "（", and the full-width
point of a numbered item ("1．同意"; the recogniser returns "." for both, and GB/T 9704
sets "1．").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_HALF = {v: k for k, v in _FULL.items()}


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch in "、。《》“”"


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _pairs(text: str) -> dict[int, int]:
    """Positions of matching parentheses (either width), both ways."""
    stack: list[int] = []
    out: dict[int, int] = {}
    for i, ch in enumerate(text):
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            j = stack.pop()
            out[i], out[j] = j, i
    return out


_WWW = re.compile(r"(?<=//)ww\.(?!w)")
# a web address's scheme in small print loses letters and a slash ("htt:/", "hp:/",
# "htp:/www."); "http" or "https" is the only scheme before "//" on administrative papers
_SCHEME = re.compile(r"(?<![A-Za-z])h[tp]{1,3}(s?):/{1,2}(?=[A-Za-z0-9])")


# A form's empty check box ("□") blurred or faint reads as the character 口; on a line that
# has boxes, a 口 outside a word is one of them ("☑城镇口农村" is "☑城镇□农村")
CHECK_BOX = re.compile(r"[☑☒□☐■]")  # a form's check box, ticked or not
# two characters each
_KOU_WORDS = frozenset(
    re.findall(
        "..",
        "人口户口出口进口入口窗口路口港口口岸接口口腔口径口头口罩口味关口渡口口袋口号口述"
        "口令口语伤口缺口开口端口门口街口河口海口闸口风口道口口碑口服口粮口子",
    )
)


def _boxes(text: str) -> str:
    if "口" not in text or not CHECK_BOX.search(text):
        return text
    out = list(text)
    for i, ch in enumerate(text):
        word = text[max(0, i - 1) : i + 1] in _KOU_WORDS or text[i : i + 2] in _KOU_WORDS
        if ch == "口" and not word:
            out[i] = "□"
    return "".join(out)


def boxes_opening_lines(texts: Sequence[str]) -> list[str]:
    """The page's lines with a 口 opening a line read as the check box it is, when the
    page has boxes elsewhere: a form's options stand one to a detected line ("口委托"
    among "□学位", "☑营业执照"), and a line of its own holds no box to tell by."""
    if not any(CHECK_BOX.search(t) for t in texts):
        return list(texts)
    return [
        "□" + t[1:] if t[:1] == "口" and t[:2] not in _KOU_WORDS and len(t) > 1 else t
        for t in texts
    ]


# the line a blank is filled in on reads as "_" before or after the entry ("委托人：_莫旻",
# "籍铎歆_"); between two letters or digits it is the text's own ("kf_403@qq.com")
_UNDERLINE = re.compile(r"_+")


def _without_underlines(text: str) -> str:
    def keep(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        return (
            m.group(0)
            if before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
            else ""
        )

    return _UNDERLINE.sub(keep, text)


# an opening parenthesis read as the Greek "ζ" (its hook) after a Chinese character,
# closed by a parenthesis further on ("代理人ζ签字）：")
_ZETA = re.compile(r"(?<=[\u3400-\u9fff])ζ(?=[^（()）]*[)）])")

# a figure read as a letter of like shape inside a number ("1991I182321", a phone): in a
# run of six or more figures and such letters, the letters standing between figures
_NUMBER = re.compile(r"(?<![0-9A-Za-z|])[0-9IlO|]{6,}(?![0-9A-Za-z|])")
_AMONG_FIGURES = re.compile(r"(?<=[0-9])[IlO|](?=[0-9])")
_AS_FIGURES = str.maketrans({"I": "1", "l": "1", "|": "1", "O": "0"})


# a contract's first party with the top of 甲 lost ("申方（出租方）："): no paper names a
# party 申方, and the parties' blocks are read as columns by their headings
_JIA_FANG = re.compile(r"申方(?=\s*[（(:：]|\s*$)")


# a numbered item in Chinese text ("1．同意", "委托权限：2．"): the recogniser returns the
# half-width point (or a middle dot, "1·食品") for the full-width one GB/T 9704 sets after
# the figure (1．, not 1.)
_NUMBERING = re.compile(r"(?<![0-9.A-Za-z])([0-9]{1,2})[.．·](?=\s*[\u3400-\u9fff])")


# an amount's decimal point read as a colon or a comma ("7350:00", "7350,00" on a fax):
# three or more figures before it and two after, which no time (10:30), ratio (1:500) or
# thousands group (7,350) is
_DECIMAL = re.compile(r"(?<![0-9.,:：，])([0-9]{3,})[:,：，]([0-9]{2})(?![0-9.,:：，])")


# a document number's year ("援申字〔2025〕7号"): GB/T 9704 sets it in hexagonal brackets,
# which the recogniser reads as round or square ones
_DOC_YEAR = re.compile(r"(?<=字)[（(〔\[【［]([12][0-9]{3})[）)〕\]】］]")


def _figures(text: str) -> str:
    text = _DOC_YEAR.sub(r"〔\1〕", _DECIMAL.sub(r"\1.\2", text))
    return _NUMBER.sub(
        lambda m: _AMONG_FIGURES.sub(lambda c: c.group().translate(_AS_FIGURES), m.group()),
        text,
    )


def tidy(text: str) -> str:
    """One recognised line with its punctuation restored and known confusions undone."""
    text = _SCHEME.sub(lambda m: f"http{m.group(1)}://", text.replace("曰", "日"))
    text = _JIA_FANG.sub("甲方", text)
    text = _NUMBERING.sub(r"\1．", _ZETA.sub("（", text))
    return restore(_boxes(_without_underlines(_figures(_WWW.sub("www.", text)))))


def restore(text: str) -> str:
    """`text` (one recognised line) with each mark in the width its context asks for."""
    if not any(ch in _FULL or ch in _HALF for ch in text):
        return text
    pairs = _pairs(text)
    out = list(text)
    for i, ch in enumerate(text):
        half = _HALF.get(ch, ch)
        if half not in _FULL:
            continue
        # what precedes as already restored: "（签字）:" follows a full-width parenthesis
        before, after = _neighbour("".join(out[:i]), i, -1), _neighbour(text, i, 1)
        if half in "()":
            j = pairs.get(i)
            if j is None:
                chinese = _cjk(before) or _cjk(after)
            else:
                lo, hi = min(i, j), max(i, j)
                inner = text[lo + 1 : hi]
                left, right = _neighbour(text, lo, -1), _neighbour(text, hi, 1)
                # "（2025）海淀住租备字", "编号：（2025）": a year in Chinese text
                chinese = any(_cjk(c) for c in inner) or _cjk(left) or left in "：，；"
                chinese = chinese or (right != "" and _cjk(right))
            out[i] = _FULL[half] if chinese else half
            continue
        if before.isdigit() and after.isdigit():
            out[i] = half  # 60,000  1:100  10:30
        elif half == ":" and after == "/":
            out[i] = half  # http://
        elif _cjk(before) or (half != ":" and _cjk(after)) or before in "）":
            out[i] = _FULL[half]
        elif before.isascii() and before.isalnum() and (not after or after.isascii()):
            out[i] = half
    return "".join(out)
