"""Public verification: anyone holding a sealed document may check it, no account needed.

Routes are plain functions: FastAPI runs them in its thread pool, where pyHanko may run
its own event loop and CPU-bound work does not stall other requests."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, UploadFile

from api.deps import HallDep, SessionDep
from cases.errors import InvalidInput
from cases.verification import verify_document

router = APIRouter(prefix="/api/v1", tags=["verify"])
MAX_PDF = 50 * 1024 * 1024


@router.post("/verify")
def verify(file: UploadFile, session: SessionDep, hall: HallDep) -> dict[str, Any]:
    data = file.file.read(MAX_PDF + 1)
    if len(data) > MAX_PDF:
        raise InvalidInput("file larger than 50 MB", "文件超过 50 MB,无法验证")
    if not data:
        raise InvalidInput("empty file", "文件为空")
    return verify_document(session, hall, data).to_dict()
