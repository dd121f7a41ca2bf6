"""A service item that is in no catalog directory, for the tests of publishing."""

from __future__ import annotations

from datetime import date

NEW = "SCJG-DZ-003"


def new_item(effective: date, *, version: int = 1) -> str:
    """A service item that is in no catalog directory: it exists only once published."""
    return f"""\
code: {NEW}
name: 个人独资企业设立登记
department: scjgj
kind: promised
time_limit_days: 5
license: {{type_code: GRDZ, title: 营业执照, validity_years: 0}}
version: {version}
effective_from: {effective.isoformat()}
guide: 投资人本人到综合受理窗口申请。
faq:
  - q: 个人独资企业可以委托他人办理设立登记吗?
    a: 可以,受托人须提交投资人签字的委托书。
materials:
  - code: application_form
    name: 个人独资企业设立登记申请书
    required: true
    form: original
    role: form
    hints:
      keywords: [申请书, 登记申请书, 申请人]
  - code: id_card
    name: 投资人身份证复印件
    required: true
    form: copy
    must_be_valid: true
    role: person_id
    hints:
      keywords: [居民身份证, 公民身份号码]
      patterns: ['\\d{{17}}[\\dXx]']
"""
