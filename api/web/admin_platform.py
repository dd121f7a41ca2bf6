"""Administration: the exchange with the 一体化在线政务服务平台 (平台对接): what is queued,
what the platform accepted, and each rejection with the platform's reason."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import HallDep, SessionDep
from api.web.admin import AdminPage, render_tab
from cases.platform.status import exchange_status

router = APIRouter(include_in_schema=False)
STAGE_ZH = {
    "acceptance": "受理",
    "conditional_acceptance": "容缺受理",
    "correction": "补正告知",
    "rejection": "不予受理",
    "review": "审查",
    "conclusion": "办结",
    "immediate": "当场办结",
    "license": "电子证照",
    "delivery": "送达",
    "rating": "评价",
}


@router.get("/admin/platform")
def platform_page(
    request: Request, session: SessionDep, hall: HallDep, user: AdminPage
) -> Response:
    status = exchange_status(session, hall.settings, limit=50)
    return render_tab(
        request,
        "admin_platform.html",
        "/admin/platform",
        status=status,
        stage_zh=STAGE_ZH,
        status_zh={"queued": "待发送", "accepted": "已接收", "rejected": "拒收"},
    )
