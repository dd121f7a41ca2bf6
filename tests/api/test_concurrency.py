"""Many clerks at once: every number distinct, nothing refused, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import delete, select, update

from cases.db import session_scope
from cases.numbering import allocate, next_case_number, next_notice_number, reservation_key
from models import Case, NumberCounter, Page, Submission
from sample_scans.scans import SamplePage
from tests.api.conftest import Desk

CLERKS = 8


def _all_at_once(work: Callable[[int], Any], n: int = CLERKS) -> list[Any]:
    """Run `work(i)` for i in range(n) on n threads released together."""
    start = threading.Barrier(n)

    def run(i: int) -> Any:
        start.wait()
        return work(i)

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(run, range(n)))


def test_simultaneous_case_creation_gives_distinct_numbers(desk: Desk) -> None:
    def open_three(i: int) -> list[str]:
        return [desk.open_case(seed=10 * i + k)["number"] for k in range(3)]

    numbers = [n for batch in _all_at_once(open_three) for n in batch]
    assert len(numbers) == 3 * CLERKS
    assert len(set(numbers)) == len(numbers)
    serials = sorted(int(n[-5:]) for n in numbers)
    assert serials == list(range(1, len(numbers) + 1))  # no gap: nothing was rolled back


def test_simultaneous_uploads_to_one_case_get_distinct_positions(
    desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    case = desk.open_case(seed=1)
    image = sample_pages["id_card"].data

    def upload(i: int) -> int:
        # distinct bytes (trailing data after the JPEG's end marker), so no de-duplication
        data = image + f"clerk-{i}".encode()
        r = desk.client.post(
            f"/api/v1/cases/{case['number']}/pages",
            headers=desk.headers("clerk"),
            files={"files": (f"p{i}.jpg", data, "image/jpeg")},
        )
        return r.status_code

    assert _all_at_once(upload) == [202] * CLERKS  # accepted; read in the background
    with session_scope(desk.hall.sessions) as s:
        seqs = s.scalars(
            select(Page.seq).join(Submission).join(Case).where(Case.number == case["number"])
        ).all()
    assert sorted(seqs) == list(range(1, CLERKS + 1))


def test_counter_serialises_many_sessions(desk: Desk) -> None:
    def take(i: int) -> list[int]:
        taken = []
        for _ in range(10):
            with session_scope(desk.hall.sessions) as s:
                taken.append(allocate(s, "test:series", first=lambda: 1))
        return taken

    values = [v for batch in _all_at_once(take) for v in batch]
    assert sorted(values) == list(range(1, 10 * CLERKS + 1))


def test_a_rolled_back_number_is_given_again_but_a_reserved_one_never(desk: Desk) -> None:
    hall = desk.hall
    s = hall.sessions()
    first_case = next_case_number(s)
    notice = next_notice_number(s, hall.store, "acceptance")
    s.rollback()  # the transaction dies after the notice PDF could have been archived
    s.close()
    with session_scope(hall.sessions) as s:
        assert next_case_number(s) == first_case  # nothing carried it: it is free again
        again = next_notice_number(s, hall.store, "acceptance")
    assert again != notice  # the first one may be printed on an orphan sealed PDF
    assert hall.store.exists(reservation_key(notice))
    assert int(again[-7:-1]) == int(notice[-7:-1]) + 1


def test_counters_start_after_numbers_given_before_them(desk: Desk) -> None:
    """A database numbered by counting (before the counters) goes on from its last number."""
    created = desk.open_case(seed=2)["number"]
    with session_scope(desk.hall.sessions) as s:
        s.execute(update(Case).values(number=created[:-5] + "00041"))
        s.execute(delete(NumberCounter))
    assert desk.open_case(seed=3)["number"].endswith("00042")
