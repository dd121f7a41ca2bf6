"""Supervision (通报考核): per hall, window, department and item, how many cases, how many
decided on time, how long they took, how often the applicant had to correct, how many
conditional cases were completed, what is overdue, and what applicants thought.

One hall's report counts the cases that hall accepted (its staff's own work, whichever
department decided them); the league's counts every hall's, with one row per hall.
Numbers are computed from the records themselves (cases, notices, decisions, tasks,
deliveries, ratings), so a supervisor can trace every figure back to cases.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.acceptance.pending import delivery_allowed
from cases.clock import HALL_ZONE as CST
from cases.clock import utc_bounds
from cases.errors import NotFound
from cases.workdays import working_days_between
from models import (
    Case,
    ClockSuspension,
    Decision,
    Department,
    Notice,
    NoticeKind,
    Rating,
    ReviewTask,
    ServiceHall,
    ServiceItem,
    TaskKind,
    TaskStatus,
    Window,
)

DIMENSIONS = ("hall", "window", "department", "item")


@dataclass
class StatsRow:
    dimension: str
    key: str
    name: str
    volume: int = 0
    decided: int = 0
    on_time: int = 0
    late: int = 0  # decided after the due date, or still open past it
    handling_days_total: int = 0
    corrected: int = 0
    repeat_corrected: int = 0
    conditional: int = 0
    converted: int = 0
    overdue_open: int = 0
    ratings: int = 0
    rating_total: int = 0

    @property
    def on_time_rate(self) -> float | None:
        judged = self.on_time + self.late
        return self.on_time / judged if judged else None

    @property
    def mean_handling_days(self) -> float | None:
        return self.handling_days_total / self.decided if self.decided else None

    @property
    def correction_rate(self) -> float | None:
        return self.corrected / self.volume if self.volume else None

    @property
    def conversion_rate(self) -> float | None:
        return self.converted / self.conditional if self.conditional else None

    @property
    def satisfaction(self) -> float | None:
        return self.rating_total / self.ratings if self.ratings else None


@dataclass(frozen=True)
class OverdueTask:
    case_number: str
    department: str
    item: str
    due_on: date
    working_days_late: int


@dataclass
class Report:
    start: date
    end: date
    today: date
    rows: list[StatsRow] = field(default_factory=list)
    overdue: list[OverdueTask] = field(default_factory=list)
    hall: str | None = None  # the hall's code; None: the whole league

    def by(self, dimension: str) -> list[StatsRow]:
        return [r for r in self.rows if r.dimension == dimension]


def _local_day(moment: datetime) -> date:
    return moment.astimezone(CST).date()


def supervise(
    session: Session,
    start: date,
    end: date,
    *,
    today: date | None = None,
    hall: str | None = None,
) -> Report:
    """Cases created from `start` to `end` (inclusive, China time), accepted by the hall
    coded `hall` (None: every hall of the league)."""
    today = today or datetime.now(CST).date()
    lo, hi = utc_bounds(start, end)
    query = select(Case).where(Case.created_at >= lo, Case.created_at < hi)
    if hall is not None:
        found = session.scalars(select(ServiceHall.id).where(ServiceHall.code == hall)).first()
        if found is None:
            raise NotFound(f"unknown hall {hall!r}", f"未知的政务服务中心 {hall!r}")
        query = query.where(Case.hall_id == found)
    cases = list(session.scalars(query))
    ids = [c.id for c in cases]
    names = {
        "hall": {h.id: (h.code, h.name) for h in session.scalars(select(ServiceHall))},
        "window": {w.id: (w.code, w.name) for w in session.scalars(select(Window))},
        "department": {d.id: (d.code, d.short_name) for d in session.scalars(select(Department))},
        "item": {i.id: (i.code, i.name) for i in session.scalars(select(ServiceItem))},
    }
    notices: dict[int, list[str]] = defaultdict(list)
    finals: dict[int, datetime] = {}
    ratings: dict[int, int] = {}
    suspended: set[int] = set()
    open_tasks: list[ReviewTask] = []
    if ids:
        for n in session.scalars(select(Notice).where(Notice.case_id.in_(ids))):
            notices[n.case_id].append(n.kind)
        for d in session.scalars(
            select(Decision)
            .join(ReviewTask, ReviewTask.id == Decision.task_id)
            .where(Decision.case_id.in_(ids), ReviewTask.kind == TaskKind.FINAL)
        ):
            if d.outcome in ("approve", "deny"):
                finals[d.case_id] = d.created_at
        ratings = {
            r.case_id: r.score
            for r in session.scalars(select(Rating).where(Rating.case_id.in_(ids)))
        }
        suspended = set(
            session.scalars(
                select(ClockSuspension.case_id).where(
                    ClockSuspension.case_id.in_(ids), ClockSuspension.ended_on.is_(None)
                )
            )
        )
        open_tasks = list(
            session.scalars(
                select(ReviewTask).where(
                    ReviewTask.case_id.in_(ids), ReviewTask.status == TaskStatus.OPEN
                )
            )
        )
    rows: dict[tuple[str, int | None], StatsRow] = {}

    def rows_of(case: Case) -> Iterable[StatsRow]:
        for dim, ref in (
            ("hall", case.hall_id),
            ("window", case.window_id),
            ("department", case.department_id),
            ("item", case.item_id),
        ):
            if (dim, ref) not in rows:
                code, name = names[dim].get(ref, ("-", "(无)")) if ref else ("-", "(无)")
                rows[(dim, ref)] = StatsRow(dim, code, name)
            yield rows[(dim, ref)]

    by_id = {c.id: c for c in cases}
    for case in cases:
        kinds = notices.get(case.id, [])
        corrections = kinds.count(NoticeKind.CORRECTION)
        was_conditional = NoticeKind.CONDITIONAL in kinds or case.pending_due_on is not None
        converted = was_conditional and delivery_allowed(session, case)[0]
        decided_at = finals.get(case.id)
        for row in rows_of(case):
            row.volume += 1
            row.corrected += corrections >= 1
            row.repeat_corrected += corrections >= 2
            row.conditional += was_conditional
            row.converted += converted
            if case.id in ratings:
                row.ratings += 1
                row.rating_total += ratings[case.id]
            if decided_at is not None:
                row.decided += 1
                if case.accepted_at is not None:
                    row.handling_days_total += max(
                        0,
                        working_days_between(_local_day(case.accepted_at), _local_day(decided_at)),
                    )
                if case.due_on is not None:
                    if _local_day(decided_at) <= case.due_on:
                        row.on_time += 1
                    else:
                        row.late += 1
            elif case.due_on is not None and case.due_on < today and case.id not in suspended:
                row.late += 1
                row.overdue_open += 1
    report = Report(start=start, end=end, today=today, hall=hall)
    report.rows = sorted(rows.values(), key=lambda r: (DIMENSIONS.index(r.dimension), r.key))
    for task in open_tasks:
        case = by_id[task.case_id]
        if task.due_on and task.due_on < today and case.id not in suspended:
            report.overdue.append(
                OverdueTask(
                    case.number,
                    names["department"][task.department_id][1],
                    names["item"][case.item_id][1],
                    task.due_on,
                    working_days_between(task.due_on, today),
                )
            )
    report.overdue.sort(key=lambda o: (o.due_on, o.case_number))
    return report


_COLUMNS = (
    ("dimension", "维度"),
    ("key", "编码"),
    ("name", "名称"),
    ("volume", "办件量"),
    ("decided", "办结"),
    ("on_time_rate", "按时办结率"),
    ("mean_handling_days", "平均办理工作日"),
    ("correction_rate", "补正率"),
    ("repeat_corrected", "多次补正"),
    ("conversion_rate", "容缺转正率"),
    ("overdue_open", "超期未办"),
    ("satisfaction", "满意度(1-5)"),
    ("ratings", "评价数"),
)


def _cell(row: StatsRow, name: str) -> str:
    value = getattr(row, name)
    if value is None:
        return "-"
    if name.endswith("_rate"):
        return f"{value:.0%}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def table(report: Report) -> str:
    """A plain-text table for the terminal (CJK counts as two columns)."""
    header = [zh for _, zh in _COLUMNS]
    body = [[_cell(r, n) for n, _ in _COLUMNS] for r in report.rows]

    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)

    widths = [max(width(line[i]) for line in [header, *body]) for i in range(len(header))]

    def fmt(line: list[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(line, widths, strict=True))

    lines = [f"统计期间 {report.start} 至 {report.end}(截至 {report.today})", fmt(header)]
    lines.append("  ".join("-" * w for w in widths))
    lines += [fmt(line) for line in body]
    lines.append(f"超期未办结任务 {len(report.overdue)} 件")
    for o in report.overdue:
        lines.append(
            f"  {o.case_number}  {o.department}  {o.item}  应于 {o.due_on} 办结,"
            f"已超 {o.working_days_late} 个工作日"
        )
    return "\n".join(lines)


def to_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([n for n, _ in _COLUMNS])
    for row in report.rows:
        data = asdict(row)
        writer.writerow(
            [
                data[n]
                if n in data
                else ("" if getattr(row, n) is None else f"{getattr(row, n):.4f}")
                for n, _ in _COLUMNS
            ]
        )
    return out.getvalue()


def render_chart(report: Report, path: Path, *, font: Path | None = None) -> Path:
    """Three panels: volume per item, on-time rate per department, satisfaction per window."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["axes.unicode_minus"] = False  # the CJK font has no U+2212
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from cases.printing.fonts import FontKind, find_font

    prop = font_manager.FontProperties(fname=str(font or find_font(FontKind.HEI)))
    fig, axes = plt.subplots(1, 3, figsize=(15, 5.2))
    items, depts, windows = report.by("item"), report.by("department"), report.by("window")
    ax = axes[0]
    labels = [r.name for r in items]
    decided = [r.decided for r in items]
    pending = [r.volume - r.decided for r in items]
    ax.bar(labels, decided, color="#2e7d32", label="已办结")
    ax.bar(labels, pending, bottom=decided, color="#f9a825", label="在办")
    ax.set_title("各事项办件量", fontproperties=prop, fontsize=12)
    ax.set_ylim(0, max([r.volume for r in items], default=1) * 1.25 + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(prop=prop, loc="upper right")
    ax = axes[1]
    rates = [(r.on_time_rate or 0) * 100 for r in depts]
    bars = ax.bar([r.name for r in depts], rates, color="#1565c0")
    ax.set_ylim(0, 110)
    ax.set_title("各部门按时办结率(%)", fontproperties=prop, fontsize=12)
    for bar, row in zip(bars, depts, strict=True):
        label = "-" if row.on_time_rate is None else f"{row.on_time_rate:.0%}"
        ax.annotate(
            label, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom"
        )
    ax = axes[2]
    scores = [r.satisfaction or 0 for r in windows]
    bars = ax.bar([r.name for r in windows], scores, color="#6a1b9a")
    ax.set_ylim(0, 5.5)
    ax.set_title("各窗口满意度(1-5分)", fontproperties=prop, fontsize=12)
    for bar, row in zip(bars, windows, strict=True):
        ax.annotate(
            f"{row.satisfaction:.1f}({row.ratings}评)" if row.ratings else "无评价",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontproperties=prop,
        )
    for ax in axes:
        for label in ax.get_xticklabels():
            label.set_fontproperties(prop)
            label.set_rotation(15)
    fig.suptitle(
        f"一窗受理办件监督 {report.start} 至 {report.end}", fontproperties=prop, fontsize=14
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
