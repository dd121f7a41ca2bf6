"""What the hall's admin sees of the exchange (`onewindow platform status`, /admin/platform),
and reconciliation: what the platform says it holds, against the hall's outbox."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cases.config import Settings
from cases.errors import ConfigurationError, OneWindowError
from models import Case, PlatformRecord, PlatformRecordStatus, utcnow


class PlatformUnavailable(OneWindowError):
    code = "platform.unavailable"


@dataclass(frozen=True)
class RecordLine:
    case_number: str
    seq: int
    stage: str
    status: str
    attempts: int
    created_at: datetime
    answered_at: datetime | None
    receipt: str
    reason: str
    last_error: str


@dataclass(frozen=True)
class ExchangeStatus:
    configured: bool
    counts: dict[str, int]
    waiting_since: datetime | None  # the oldest unanswered record
    rejected: list[RecordLine]
    failing: list[RecordLine]  # unanswered, with the reason the last try got no answer
    recent: list[RecordLine]


def _lines(session: Session, *where: Any, limit: int = 50) -> list[RecordLine]:
    rows = session.execute(
        select(PlatformRecord, Case.number)
        .join(Case, Case.id == PlatformRecord.case_id)
        .where(*where)
        .order_by(PlatformRecord.id.desc())
        .limit(limit)
    ).all()
    return [
        RecordLine(
            number,
            r.seq,
            r.stage,
            r.status,
            r.attempts,
            r.created_at,
            r.answered_at,
            r.receipt,
            r.reason,
            r.last_error,
        )
        for r, number in rows
    ]


def exchange_status(session: Session, settings: Settings, *, limit: int = 50) -> ExchangeStatus:
    counts = {s.value: 0 for s in PlatformRecordStatus}
    for status, n in session.execute(
        select(PlatformRecord.status, func.count()).group_by(PlatformRecord.status)
    ):
        counts[status] = n
    waiting = session.scalar(
        select(func.min(PlatformRecord.created_at)).where(
            PlatformRecord.status == PlatformRecordStatus.QUEUED
        )
    )
    return ExchangeStatus(
        configured=bool(settings.platform_url),
        counts=counts,
        waiting_since=waiting,
        rejected=_lines(
            session, PlatformRecord.status == PlatformRecordStatus.REJECTED, limit=limit
        ),
        failing=_lines(
            session,
            PlatformRecord.status == PlatformRecordStatus.QUEUED,
            PlatformRecord.last_error != "",
            limit=limit,
        ),
        recent=_lines(session, limit=limit),
    )


@dataclass
class Reconciliation:
    cases: int = 0
    records: int = 0
    acknowledged: int = 0
    unsent: int = 0  # queued here, not at the platform: the sender's work, not a difference
    differences: list[dict[str, Any]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.differences

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "records": self.records,
            "acknowledged": self.acknowledged,
            "unsent": self.unsent,
            "differences": self.differences,
            "clean": self.clean,
        }


def platform_holdings(client: httpx.Client, settings: Settings, case_number: str) -> dict[int, Any]:
    """What the platform holds of one case: seq -> {idempotency_key, digest, result, reason}."""
    if not settings.platform_url:
        raise ConfigurationError(
            "no platform receiver is configured (ONEWINDOW_PLATFORM_URL)",
            "未配置一体化平台接收地址(ONEWINDOW_PLATFORM_URL)",
        )
    headers = (
        {"Authorization": f"Bearer {settings.platform_token}"} if settings.platform_token else {}
    )
    try:
        response = client.get(
            settings.platform_url.rstrip("/") + "/records",
            params={"case_number": case_number},
            headers=headers,
        )
        response.raise_for_status()
        held = response.json()["records"]
    except (httpx.HTTPError, ValueError, KeyError, TypeError) as e:
        raise PlatformUnavailable(
            f"the platform did not answer the reconciliation query: {type(e).__name__}",
            f"一体化平台未响应对账查询:{type(e).__name__}",
        ) from e
    return {int(h["seq"]): h for h in held}


def reconcile(
    session: Session, settings: Settings, *, client: httpx.Client | None = None
) -> Reconciliation:
    """Every case with records: each record the hall holds, against the platform's."""
    report = Reconciliation()
    http = client or httpx.Client(timeout=settings.platform_timeout_seconds)
    try:
        case_ids = session.scalars(select(PlatformRecord.case_id).distinct()).all()
        for case_id in sorted(case_ids):
            number = session.get_one(Case, case_id).number
            records = session.scalars(
                select(PlatformRecord)
                .where(PlatformRecord.case_id == case_id)
                .order_by(PlatformRecord.seq)
            ).all()
            held = platform_holdings(http, settings, number)
            report.cases += 1
            report.records += len(records)
            for record in records:
                _compare(report, number, record, held.pop(record.seq, None))
            for seq, h in sorted(held.items()):
                report.differences.append(
                    {"kind": "unknown_here", "case_number": number, "seq": seq, "detail": h}
                )
    finally:
        if client is None:
            http.close()
    return report


def _compare(report: Reconciliation, number: str, record: PlatformRecord, held: Any) -> None:
    def differ(kind: str, detail: str) -> None:
        report.differences.append(
            {
                "kind": kind,
                "case_number": number,
                "seq": record.seq,
                "stage": record.stage,
                "detail": detail,
            }
        )

    if record.status == PlatformRecordStatus.REJECTED:
        differ("rejected", record.reason)
    elif held is None:
        if record.status == PlatformRecordStatus.ACCEPTED:
            differ("missing", "acknowledged, yet the platform does not hold it")
        else:
            report.unsent += 1
    elif (
        held.get("idempotency_key") != record.idempotency_key or held.get("digest") != record.digest
    ):
        differ("differing", "the platform holds other content under this number")
    elif held.get("result") != "accepted":
        differ("rejected", str(held.get("reason", "")))
    elif record.status != PlatformRecordStatus.ACCEPTED:
        differ("unsettled", "the platform accepted it; the hall has not recorded the answer yet")
    else:
        report.acknowledged += 1


def stale_since(status: ExchangeStatus) -> float | None:
    """Seconds the oldest unanswered record has waited."""
    if status.waiting_since is None:
        return None
    return (utcnow() - status.waiting_since).total_seconds()
