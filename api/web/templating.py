"""Jinja2 templates with the helpers every page uses."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse, RedirectResponse

from cases.clock import HALL_ZONE as _CST

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
    "terminated": "已终止办理",
}
ROLE_ZH = {"clerk": "综合受理", "reviewer": "部门审批", "admin": "管理员"}
NOTICE_ZH = {
    "acceptance": "受理通知书",
    "conditional_acceptance": "容缺受理通知书",
    "correction": "材料补正通知书",
    "rejection": "不予受理通知书",
}


TASK_ZH = {"waiting": "未开始", "open": "办理中", "done": "已办结", "skipped": "无需办理"}
OPINION_ZH = {"approve": "同意", "deny": "不同意", "return": "退回补充说明"}
FINAL_ZH = {"approve": "准予许可", "deny": "不予许可", "return": "退回补充说明"}
RESULT_ZH = {"license": "电子证照", "decision": "决定文书"}
DELIVERY_ZH = {
    "at_window": "在窗口待领取",
    "in_locker": "在自助文件柜",
    "posted": "已邮寄",
    "delivered": "已送达",
    "returned": "邮件退回",
}
METHOD_ZH = {"window": "窗口领取", "locker": "自助文件柜", "post": "邮寄"}
POSTAL_ZH = {"posted": "已交寄", "in_transit": "运输中", "delivered": "已妥投", "returned": "退回"}
DOC_CLASS_ZH = {
    "page_image": "材料扫描件",
    "ocr_text": "识别文本",
    "notice": "通知书",
    "license": "电子证照",
    "license_metadata": "证照元数据",
}


def local_time(moment: datetime | None) -> str:
    """Beijing time for people; the database keeps UTC."""
    return f"{moment.astimezone(_CST):%Y-%m-%d %H:%M}" if moment else "—"


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def days_left(due: date | None) -> int | None:
    return (due - date.today()).days if due else None


templates.env.globals.update(
    status_zh=STATUS_ZH,
    role_zh=ROLE_ZH,
    notice_zh=NOTICE_ZH,
    days_left=days_left,
    result_zh=RESULT_ZH,
    task_zh=TASK_ZH,
    opinion_zh=OPINION_ZH,
    final_zh=FINAL_ZH,
    delivery_zh=DELIVERY_ZH,
    method_zh=METHOD_ZH,
    postal_zh=POSTAL_ZH,
    doc_class_zh=DOC_CLASS_ZH,
    local_time=local_time,
    pct=pct,
)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("user", getattr(request.state, "user", None))
    context["csrf_token"] = request.session.get("csrf", "")
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def see_other(url: str) -> RedirectResponse:
    """Redirect (303) after a form post. Nothing to commit here: the session dependency
    commits when the route returns, before the response is sent (`api.deps.SessionDep`),
    so the page the browser then asks for shows what was just saved."""
    return RedirectResponse(url, status_code=303)
