"""Jinja2 templates with the helpers every page uses."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")

STATUS_ZH = {
    "receiving": "收件中",
    "correction": "待补正",
    "accepted": "已受理",
    "conditional": "容缺受理",
    "rejected": "不予受理",
    "approved": "已批准",
    "denied": "不予许可",
    "issued": "已出证",
}
ROLE_ZH = {"clerk": "综合受理", "reviewer": "部门审批", "admin": "管理员"}
NOTICE_ZH = {
    "acceptance": "受理通知书",
    "conditional_acceptance": "容缺受理通知书",
    "correction": "材料补正通知书",
    "rejection": "不予受理通知书",
}

FIELD_ZH = {
    "id_number": "公民身份号码",
    "credit_code": "统一社会信用代码",
    "person_name": "姓名",
    "enterprise_name": "名称",
    "birth_date": "出生日期",
    "sex": "性别",
    "phone": "联系电话",
    "address": "地址",
    "date": "日期",
    "validity_period": "有效期限",
}


def days_left(due: date | None) -> int | None:
    return (due - date.today()).days if due else None


templates.env.globals.update(
    status_zh=STATUS_ZH,
    role_zh=ROLE_ZH,
    field_zh=FIELD_ZH,
    notice_zh=NOTICE_ZH,
    days_left=days_left,
)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("user", getattr(request.state, "user", None))
    context["csrf_token"] = request.session.get("csrf", "")
    return templates.TemplateResponse(request, name, context, status_code=status_code)
