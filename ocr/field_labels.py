"""The labels of person and enterprise names (and addresses), and how a value is parted
from its label and from the next field on its line.

The national standard labels of the materials a hall receives, longest first where one
begins another: the 2019 business licence (名称; 法定代表人, 执行事务合伙人, 经营者,
负责人, 投资人), licences of a trade (经营者名称), property certificates and registrations
(权利人, 义务人, 产权单位), powers of attorney (委托人, 受托人, 委托代理人, 代理人), leases
and contracts (出租人, 承租人, 出租方, 承租方, 甲方, 乙方), venue certificates (产权单位,
使用单位), tax and social insurance certificates (纳税人名称, 缴费单位, 参保单位, 参保人),
ID documents (姓名), a person named by a role (母亲姓名, 新生儿姓名) and forms (申请人,
申报人, 联系人, 经办人, 申请单位, 申报单位).
"""

from __future__ import annotations

import re

from ocr.engine import Line
from ocr.names import BUSINESS_END, name_shaped

# a contract's parties ("甲方（出租方）：", "乙方：某某有限公司"): labels only when a note or
# a separator follows ("甲方将坐落于…" is the contract's prose)
CONTRACT_PARTIES = ("甲方", "乙方", "丙方")
LABELS: dict[str, tuple[str, ...]] = {
    "person_name": (
        "法定代表人姓名",
        "负责人姓名",
        "经营者姓名",
        "申请人姓名",
        "执行事务合伙人",
        "法定代表人",
        "委托代理人",
        "负责人",
        "经营者",
        "投资人",
        "权利人",
        "义务人",
        "委托人",
        "受托人",
        "代理人",
        "出租人",
        "承租人",
        "出租方",
        "承租方",
        "甲方",
        "乙方",
        "丙方",
        "参保人",
        "申请人",
        "申报人",
        "联系人",
        "经办人",
        "日常监督管理人员",  # a food business licence's inspector
        "姓名",
    ),
    "enterprise_name": (
        "个体工商户名称",
        "市场主体名称",
        "纳税人名称",
        "企业名称",
        "公司名称",
        "单位名称",
        "委托单位",
        "缴费单位",
        "参保单位",
        "产权单位",
        "使用单位",
        "申请单位",
        "申报单位",
        # the agency a lease or a sale went through ("经纪机构 某某不动产代理店")
        "经纪机构",
        "中介机构",
        "代理机构",
        "名称",
    ),
    "address": ("经营场所", "住所", "住址", "地址"),
}
ALL_LABELS = tuple(label for group in LABELS.values() for label in group)
# labels of a party that may be a person or an enterprise (an investor, a right holder,
# a principal or agent, a lessor, an applicant): the value decides, a business name ends
# like one. A party's label with 名称 after it ("经营者名称", "投资人名称") is one too.
EITHER = frozenset(
    (
        "执行事务合伙人",
        "投资人",
        "权利人",
        "义务人",
        "委托人",
        "受托人",
        "出租人",
        "承租人",
        "出租方",
        "承租方",
        *CONTRACT_PARTIES,
        "申请人",
        "申报人",
    )
)
# what may follow a label as part of a longer label: "委托人姓名", "参保单位名称"
_LABEL_TAIL = ("姓名", "名称")
_ALTERNATIVE = re.compile(r"^[或/／](姓名|名称)")
# a label followed by another field's word is that field's label ("联系人电话")
_OTHER_FIELD = (
    *("电话", "手机", "签字", "签名", "签章", "盖章", "地址", "住址", "住所", "居所"),
    *("证件", "身份", "性别", "民族", "职务", "国籍", "出生"),
    # a heading of the party's part of a form: "申请人声明", "委托人信息"
    *("声明", "承诺", "须知", "信息", "情况"),
)
LABEL_PUNCT = " :：=\t"  # ("=": a faint colon on a yellowed copy, "姓名 = 臧永霞")
# a party's signing word with a name after its colon ("申请人签收：张三", "委托人签字：李四")
# or ending the line (the name beside it, in a box of its own: "受托人签名：" | "李四")
# (its second character misread on a poor copy: "法定代表人签予：方强")
_SIGNED_BY = re.compile(r"^签[\u4e00-\u9fff](?=[:：]\s*(?:[\u4e00-\u9fff]|$)|$)")
# a label of two fields, the party's and the way to reach them ("联系人及电话", "姓名/
# 手机号码"): the party's label, its value a name with the number after it
_JOINED_FIELD = re.compile(
    r"^[及和与/／、](?:(?:联系)?(?:电话|手机|方式)(?:号码)?|(?:身份证|证件)(?:号码?)?)"
)
# the end of a document's name, which no person's name glued to a label is: a table of
# materials lists "法定代表人任职文件", "委托代理人授权委托书"
_DOCUMENT_END = re.compile(r"(文件|委托书|申请书|证明|决议|章程|执照|复印件|原件|材料)$")
# a parenthesised note between a label and its value: "法定代表人（签字）：", "名称(章)";
# in a narrow cell the label wraps inside its note ("法定代表人（负责" / "人）")
_SPECK = re.compile(r"^[·.。]+(?=[（(])")
_LABEL_NOTE = re.compile(r"^[（(][^）)]{1,8}([）)]|$)")


# an article's number before its clause ("第二条 公司名称：…") in articles of association
_CLAUSE = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]{1,5}条\s*")
# the office a person is to take or has left, before its label: "拟任法定代表人",
# "原法定代表人", "新任负责人"
_QUALIFIER = re.compile(r"^\s*(?:拟任|拟设|现任|新任|原任|原)\s*")
# a party's qualifier inside its label: "单位（纳税人）名称" is 单位名称 and 纳税人名称
_INNER_NOTE = re.compile(r"^([\u4e00-\u9fff]{1,6})[（(]([\u4e00-\u9fff]{1,6})[）)](名称|姓名)")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# a person's name labelled by the role the person has on the document: a birth
# certificate's "母亲姓名", "新生儿姓名", a form's "配偶姓名", "监护人姓名"
_ROLE_NAME = re.compile(r"^\s*(?:[\u4e00-\u9fff]\s*){1,5}?姓\s*名")


def _label_text(raw: str, labels: tuple[str, ...]) -> str:
    """`raw` with an article's number and an office's qualifier ("拟任") before its
    label taken off, a label with a qualifier inside it ("单位（纳税人）名称") written as
    the label it stands for, and a role's name ("母亲姓名") as 姓名."""
    raw = _CLAUSE.sub("", raw)
    qualified = _QUALIFIER.match(raw)
    if qualified is not None and _squash(raw[qualified.end() :]).startswith(labels):
        raw = raw[qualified.end() :]
    inner = _INNER_NOTE.match(_squash(raw))
    if inner is not None:
        for label in (inner[1] + inner[3], inner[2] + inner[3]):
            if label in labels:
                return label + _squash(raw)[inner.end() :]
    role = _ROLE_NAME.match(raw)
    if role is not None and "姓名" in labels and not _squash(raw).startswith(labels):
        return "姓名" + raw[role.end() :]
    return raw


def starts_with_label(line: Line) -> bool:
    return _squash(_label_text(line.text, ALL_LABELS)).startswith(ALL_LABELS)


def _spaced_after(label: str, raw: str) -> bool:
    """`raw` opens with `label` (spaces may stand between its characters) and a space
    after it: the space separates the label from its value."""
    return re.match(r"\s*".join(re.escape(ch) for ch in label) + r"\s+", raw) is not None


def split_label(line: Line, labels: tuple[str, ...]) -> tuple[str, str] | None:
    """(label, rest) when the line starts with a label followed by a separator or nothing.

    A label glued to further text ("经营场所平面布局图", "名称、规格") is prose, not a field;
    only a short name may follow its label directly (the detector merged the two boxes).
    A person's label with 名称 after it is returned whole ("经营者名称"): a party's name,
    which its value decides (`is_either`).
    """
    raw = _label_text(line.text.strip(), labels)
    text = _squash(raw)
    for label in labels:
        if not text.startswith(label):
            continue
        rest = text[len(label) :]
        base = label
        tail = next((t for t in _LABEL_TAIL if rest.startswith(t)), "")
        label, rest = label + tail, rest[len(tail) :]
        # a column of people and businesses: "姓名或名称", "名称或姓名"
        rest = _ALTERNATIVE.sub("", rest)
        if tail == "名称" and base in LABELS["person_name"]:
            base = label  # a party's name: "经营者名称" is a business's
        # the party's signature with its name written after it: "申请人签收：张三"
        signed = _SIGNED_BY.match(rest)
        if signed is not None:
            rest = rest[signed.end() :]
        rest = _JOINED_FIELD.sub("", rest)
        if rest.startswith(_OTHER_FIELD):
            return None
        # a speck read as a dot before the note: "委托人·（签字）：葛锴"
        rest = _SPECK.sub("", rest)
        note = _LABEL_NOTE.match(rest)
        # a closed note goes even when the colon after it was lost ("委托人（盖章）某某公司")
        if note and (note[1] or len(rest) == note.end() or rest[note.end()] in LABEL_PUNCT):
            rest = rest[note.end() :]
        if not rest:
            return base, ""
        if rest[0] in LABEL_PUNCT:
            return base, rest.lstrip(LABEL_PUNCT)
        if _spaced_after(label, raw):
            return base, rest
        if base in CONTRACT_PARTIES:
            return None
        if (
            base in LABELS["person_name"]
            and re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", rest)
            and not _DOCUMENT_END.search(rest)
        ):
            return base, rest
        # the detector merged a label and a business name: the name ends like one
        business = base in LABELS["enterprise_name"] or base in EITHER
        if business and len(rest) >= 4 and BUSINESS_END.search(rest):
            return base, rest
        return None
    return None


# A party the table above does not list: the national forms name more roles than any list
# holds ("财务负责人", "项目负责人", "受让方", "发包方", "建设单位", "分支机构名称").
# a company's officers, labels of a person only with a colon after them ("监事：张三")
_OFFICER = re.compile(r"(?:执行)?董事长?|监事|总?经理")
# A label of a few characters ending like a party's ("…人", an officer's "…员", a
# contract's "…方", "…单位", "…企业", "…名称", "…全称") or a company's officer, a note in brackets
# and a signing word after it, then a colon: the value is a name only when it is shaped
# like one (`name_shaped`), a business when it ends like one.
_ROLE_LABEL = re.compile(
    r"^((?:[\u4e00-\u9fff]{1,6}?(?:单位|名称|全称|企业)(?:名称|全称)?|[\u4e00-\u9fff]{1,5}?[人员]"
    r"|[\u4e00-\u9fff]{0,3}[甲乙丙丁让租包托卖买售购借贷保供需款资货]方|" + _OFFICER.pattern + "))"
    r"(?:[（(][^）)]{1,8}[）)])?(?:签收|签字|签名)?"
)
# words ending in 人 that name nobody's role; the authority that issues a document
# ("出具单位：某某社会保险管理中心", "发证单位") is no applicant's business
_NO_ROLE = ("个人", "本人", "他人", "每人", "法人", "自然人")
# nor do members ("组织会员开展…", "从业人员"); an officer ("安全管理员") is a person,
# never a business glued to the label
_NO_OFFICER = ("人员", "成员", "会员", "委员")
_AUTHORITY = ("出具", "发证", "颁发", "核发", "登记", "审批", "受理", "主管", "监管", "执法")


def role_label(line: Line) -> tuple[str, str] | None:
    """(field name, value) when `line` starts with a party's label the table does
    not list: "person_name" for a person's role (its value may be a business:
    `is_either`), "enterprise_name" for a unit's or a name's label.

    The label is followed by a colon, or stands alone (a form's label cell, the value in
    the cell beside), or is parted from its value by a space; glued to what follows it,
    it labels only a business name ("扣缴义务人重庆某某有限公司": the detector merged a
    label cell and its value), never a person (prose: "委托他人办理的")."""
    raw = _CLAUSE.sub("", line.text).strip()
    text = _squash(raw)
    match = _ROLE_LABEL.match(text)
    if match is None or match[1] in _NO_ROLE or match[1].startswith(ALL_LABELS):
        return None
    unit = match[1].endswith(("单位", "名称", "全称", "企业"))
    kind = "enterprise_name" if unit else "person_name"
    if match[1].endswith(_NO_OFFICER):
        return None
    if kind == "enterprise_name" and any(word in match[1] for word in _AUTHORITY):
        return None  # the authority's unit; its official ("受理人", "审批人") is a person
    rest = text[match.end() :]
    if _OFFICER.fullmatch(match[1]) and not rest.startswith((":", "：")):
        return None  # the offices a form ticks ("□董事 □监事 ☑经理"), no label
    if not rest or rest[0] in LABEL_PUNCT:
        return kind, rest.lstrip(LABEL_PUNCT)
    glued_business = name_shaped(cut_at_next_field(rest)) == "enterprise_name"
    if _spaced_after(text[: match.end()], raw) or (glued_business and match[1][-1] != "员"):
        return kind, rest
    return None


def is_either(kind: str, label: str) -> bool:
    """The label of a party that may be a person or an enterprise."""
    return label in EITHER or (kind == "person_name" and label.endswith("名称"))


# labels of the fields that share a line with a name in a form's sentence ("联系人：张三
# 联系电话：138…"), beside the labels above
_NEXT_FIELD = tuple(
    sorted(
        {
            *ALL_LABELS,
            *("联系电话", "固定电话", "电话", "手机号码", "手机", "性别", "民族", "职务"),
            *("公民身份号码", "身份证号码", "身份证号", "证件号码", "证件类型", "出生日期"),
            *("统一社会信用代码", "社会信用代码", "信用代码", "邮政编码", "邮编", "电子邮箱"),
            *("日期", "传真"),
        },
        key=len,
        reverse=True,
    )
)


# the short name a document gives its party after the name: "…有限公司（以下简称“公司”）"
_ALIAS = re.compile(r"[（(](?:以下简称|以下称|下称|简称)")


def cut_at_next_field(value: str) -> str:
    """A name without the next field of its line merged onto it: "张三联系电话：138…" →
    "张三" (the next field's label ends just before the first colon; nor the comma before
    it: "张三，联系电话：…"), nor the short name given after it ("…有限公司（以下简称
    “公司”）。" → "…有限公司")."""
    alias = _ALIAS.search(value)
    if alias is not None:
        value = value[: alias.start()]
    colon = re.search(r"[:：=]", value)
    if colon is None:
        return value
    head = value[: colon.start()]
    for label in _NEXT_FIELD:
        if head.endswith(label) and len(head) > len(label):
            return head[: -len(label)].rstrip("，,、；; ")
    return value
