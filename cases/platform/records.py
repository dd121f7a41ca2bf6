"""Records for the platform: what each stage of a case and each issued e-license looks like
to the 一体化在线政务服务平台, queued in the transaction of the change they report.

One call per stage point (`stage` or `concluded`); each record is a snapshot of the case
as of that stage, numbered per case (`seq`, from the database's number counters, so two
transactions never get the same number and a rolled-back change takes its record and its
number with it). The fields follow the platform's 办件 tables; docs/platform-exchange.md
maps each to its Chinese name.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.numbering import allocate
from models import (
    Case,
    DecisionDocument,
    Delivery,
    DeliveryMethod,
    Department,
    License,
    Notice,
    NoticeKind,
    PlatformRecord,
    PlatformRecordKind,
    ReviewTask,
    StoredObject,
    TaskKind,
)

SCHEMA = "onewindow.platform/1"


class Stage(StrEnum):
    """环节: the stages a case reports, in the platform's words (`STAGE_NAMES`)."""

    ACCEPTANCE = "acceptance"
    CONDITIONAL = "conditional_acceptance"
    CORRECTION = "correction"
    REJECTION = "rejection"
    REVIEW = "review"
    CONCLUSION = "conclusion"
    IMMEDIATE = "immediate"
    DELIVERY = "delivery"
    RATING = "rating"
    PENDING_SUPPLIED = "pending_supplied"  # 容缺 materials brought in
    INFORMATION_SUPPLIED = "information_supplied"  # the answer to a return for information
    TERMINATION = "termination"  # 容缺 materials late: the case ends (超期处理)


STAGE_NAMES = {
    Stage.ACCEPTANCE: ("受理", "受理"),
    Stage.CONDITIONAL: ("受理", "容缺受理"),
    Stage.CORRECTION: ("受理", "补正告知"),
    Stage.REJECTION: ("受理", "不予受理"),
    Stage.REVIEW: ("审查", ""),  # the action is the department's outcome
    Stage.CONCLUSION: ("办结", ""),
    Stage.IMMEDIATE: ("办结", "当场办结"),
    Stage.DELIVERY: ("送达", "送达"),
    Stage.RATING: ("评价", "评价"),
    Stage.PENDING_SUPPLIED: ("受理", "容缺材料补齐"),
    Stage.INFORMATION_SUPPLIED: ("审查", "补充说明已提交"),
    Stage.TERMINATION: ("办结", "终止"),
}
OUTCOME_ACTIONS = {"approve": "同意", "deny": "不同意", "return": "退回补充说明"}


class ResultCode(StrEnum):
    """办结结果 (docs/platform-exchange.md)."""

    GRANTED = "1"  # 准予许可
    DENIED = "2"  # 不予许可
    NOT_ACCEPTED = "3"  # 不予受理
    TERMINATED = "4"  # 终止 (容缺 materials not brought in time)


RESULT_NAMES = {
    ResultCode.GRANTED: "准予许可",
    ResultCode.DENIED: "不予许可",
    ResultCode.NOT_ACCEPTED: "不予受理",
    ResultCode.TERMINATED: "终止",
}
ID_TYPES = {"person": ("111", "居民身份证"), "enterprise": ("001", "统一社会信用代码")}


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def digest_of(payload: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(payload)).hexdigest()


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _case_header(session: Session, case: Case, accepting: str | None) -> dict[str, Any]:
    """The 办件 fields every record repeats, as the case stands now."""
    id_type, id_type_name = ID_TYPES.get(case.applicant_type, ("999", "其他"))
    accepted = session.scalars(
        select(Notice)
        .where(
            Notice.case_id == case.id,
            Notice.kind.in_([NoticeKind.ACCEPTANCE, NoticeKind.CONDITIONAL]),
        )
        .order_by(Notice.id)
    ).first()
    accepted_by = session.scalars(
        select(PlatformRecord.payload)
        .where(
            PlatformRecord.case_id == case.id,
            PlatformRecord.stage.in_([Stage.ACCEPTANCE, Stage.CONDITIONAL]),
        )
        .order_by(PlatformRecord.seq)
    ).first()
    department, hall = case.department, case.hall
    deciding = department.hall or hall
    return {
        "case_number": case.number,
        "item_code": case.item.code,
        "item_name": case.item.name,
        "item_version": case.checklist.version,
        "applicant_name": case.applicant_name,
        "applicant_type": case.applicant_type,
        "applicant_id_type": id_type,
        "applicant_id_type_name": id_type_name,
        "applicant_id_number": case.applicant_id,
        "applied_at": _iso(case.created_at),
        "accepted_at": _iso(case.accepted_at),
        "promised_by": _iso(case.due_on),
        "accepting_department": department.name,
        "accepting_department_code": department.credit_code,
        "accepting_hall": hall.name,  # 受理大厅 (政务服务中心), where the result is handed out
        "accepting_hall_code": hall.credit_code,
        "deciding_hall": deciding.name,  # where the deciding department sits
        "cross_region": deciding.id != hall.id,  # 跨域通办: applied at another hall
        "accepted_by": accepted_by["stage"]["handled_by"] if accepted_by else accepting,
        "document_number": accepted.number if accepted else None,
    }


def _enqueue(
    session: Session,
    case: Case,
    kind: PlatformRecordKind,
    stage: str,
    body: dict[str, Any],
    files: list[dict[str, Any]] | None = None,
    accepting: str | None = None,
) -> PlatformRecord:
    seq = allocate(session, f"platform:{case.id}", first=lambda: 1)
    key = f"{case.number}/{seq}"
    payload = {
        "schema": SCHEMA,
        "kind": kind.value,
        "idempotency_key": key,
        "case_number": case.number,
        "seq": seq,
        "case": _case_header(session, case, accepting),
        **body,
    }
    payload = json.loads(canonical(payload))  # as the platform will read it back
    record = PlatformRecord(
        case_id=case.id,
        seq=seq,
        kind=kind.value,
        stage=stage,
        idempotency_key=key,
        payload=payload,
        digest=digest_of(payload),
        files=files or [],
    )
    session.add(record)
    session.flush()
    return record


def stage(
    session: Session,
    case: Case,
    which: Stage,
    *,
    handled_by: str,
    document: str = "",
    opinion: str = "",
    task: ReviewTask | None = None,
    outcome: str = "",
    started_at: datetime | None = None,
    score: int | None = None,
) -> PlatformRecord:
    """Queue the record of one stage of `case` (受理 / 容缺受理 / 补正 / 不予受理 / a review
    step / 送达 / 评价), in the caller's transaction. `handled_by` is the acting staff
    member's display name (or "申请人"); `score` the 评价's 满意度, 1 (非常不满意) to 5."""
    name, action = STAGE_NAMES[which]
    now = datetime.now(UTC)
    detail: dict[str, Any] = {
        "name": name,
        "stage": which.value,
        "action": action,
        "started_at": _iso(started_at or now),
        "ended_at": _iso(now),
        "opinion": opinion,
        "handled_by": handled_by,
        "department": case.department.name,
        "department_code": case.department.credit_code,
        "document_number": document or None,
    }
    body: dict[str, Any] = {"stage": detail}
    if task is not None:
        department = session.get_one(Department, task.department_id)
        detail["name"] = f"{'决定' if task.kind == TaskKind.FINAL else '审查'}(第 {task.step} 步)"
        detail["action"] = OUTCOME_ACTIONS.get(outcome, outcome)
        detail["started_at"] = _iso(task.opened_at or task.created_at)
        detail["step"] = task.step
        detail["task_kind"] = task.kind
        detail["department"], detail["department_code"] = department.name, department.credit_code
    if which is Stage.REJECTION:
        body["result"] = _result(ResultCode.NOT_ACCEPTED, now)
    if which is Stage.TERMINATION:
        body["result"] = _result(ResultCode.TERMINATED, now)
    if which is Stage.DELIVERY:
        delivery = session.scalars(select(Delivery).where(Delivery.case_id == case.id)).one()
        body["result"] = {
            "delivered_at": _iso(delivery.delivered_at or now),
            "delivery_method": delivery.method,
            "by_post": delivery.method == DeliveryMethod.POST,
        }
    if which is Stage.RATING:
        body["result"] = {"satisfaction": score}
    accepting = handled_by if which in (Stage.ACCEPTANCE, Stage.CONDITIONAL) else None
    return _enqueue(session, case, PlatformRecordKind.STAGE, which.value, body, None, accepting)


def _result(code: ResultCode, at: datetime) -> dict[str, Any]:
    return {"concluded_at": _iso(at), "result_code": code.value, "result_name": RESULT_NAMES[code]}


def concluded(
    session: Session,
    case: Case,
    *,
    handled_by: str,
    license_: License | None = None,
    decision_document: DecisionDocument | None = None,
    opinion: str = "",
    immediate: bool = False,
) -> list[PlatformRecord]:
    """办结 (or 当场办结): the case's result, then, for a license, its record for the
    e-license library with the license's files (sent with their bytes)."""
    now = datetime.now(UTC)
    which = Stage.IMMEDIATE if immediate else Stage.CONCLUSION
    name, action = STAGE_NAMES[which]
    code = ResultCode.GRANTED if license_ is not None else ResultCode.DENIED
    result = _result(code, now)
    result["license_name"] = license_.title if license_ else None
    result["license_number"] = license_.number if license_ else None
    result["decision_document_number"] = decision_document.number if decision_document else None
    detail = {
        "name": name,
        "stage": which.value,
        "action": action or RESULT_NAMES[code],
        "started_at": _iso(now),
        "ended_at": _iso(now),
        "opinion": opinion,
        "handled_by": handled_by,
        "department": case.department.name,
        "department_code": case.department.credit_code,
        "document_number": (license_.number if license_ else None)
        or (decision_document.number if decision_document else None),
    }
    records = [
        _enqueue(
            session,
            case,
            PlatformRecordKind.STAGE,
            which.value,
            {"stage": detail, "result": result},
        )
    ]
    if license_ is not None:
        records.append(_license_record(session, case, license_))
    return records


def _license_record(session: Session, case: Case, license_: License) -> PlatformRecord:
    holder_type = ID_TYPES.get(case.applicant_type, ("999", "其他"))[0]
    catalogue: dict[str, Any] = {
        "number": license_.number,
        "identifier": license_.identifier,
        "name": license_.title,
        "type_code": license_.type_code,
        "version": license_.version,
        "holder": license_.holder,
        "holder_id_type": holder_type,
        "holder_id_number": license_.holder_id,
        "issuer": case.department.name,
        "issuer_code": case.department.credit_code,
        "issued_on": _iso(license_.issued_on),
        "valid_until": _iso(license_.valid_until),
        "status": license_.status,
        "core_metadata": license_.core_metadata,
    }
    files = []
    for fmt, object_id in (("pdf", license_.object_id), ("ofd", license_.ofd_object_id)):
        if object_id is None:
            continue
        stored = session.get_one(StoredObject, object_id)
        files.append(
            {
                "name": f"{license_.number}.{fmt}",
                "media_type": stored.content_type,
                "object_id": stored.id,
                "sha256": stored.sha256,
                "size": stored.size,
            }
        )
    catalogue["files"] = [
        {k: f[k] for k in ("name", "media_type", "sha256", "size")} for f in files
    ]
    return _enqueue(
        session, case, PlatformRecordKind.LICENSE, "license", {"license": catalogue}, files
    )
