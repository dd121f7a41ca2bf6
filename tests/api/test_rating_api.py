"""好差评 by the applicant (issue 14, finding 1): the rating route must not tell a stranger
whether an ID number belongs to a case. A wrong ID on a real case and any ID on a case
that does not exist get the same answer; guessing is limited per client and per case."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from sample_scans.scans import sample_applicant
from tests.licensing import add_staff, sample_case


@dataclass
class Rated:
    hall: Hall
    app: FastAPI
    number: str
    applicant_id: str

    def client(self, address: str) -> TestClient:
        """A client whose socket address is `address` (no proxy is trusted)."""
        return TestClient(self.app, client=(address, 40000))


@pytest.fixture
def rated(tmp_path: Path) -> Iterator[Rated]:
    settings = Settings(data_dir=tmp_path, rating_per_case_per_hour=4, rating_per_hour=6)
    hall = Hall.open(settings)
    add_staff(hall)
    with session_scope(hall.sessions) as s:
        number = sample_case(s, 31).number
    app = create_app(hall=hall, worker=False)
    with TestClient(app):  # runs the lifespan once
        yield Rated(hall, app, number, sample_applicant(seed=31).id_number)
    hall.close()


def _other_number(number: str) -> str:
    """A well-formed case number that was never given (the next in the series)."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def _rate(client: TestClient, number: str, id_number: str, score: int = 5) -> tuple[int, dict]:  # type: ignore[type-arg]
    r = client.post(f"/api/v1/cases/{number}/rating", json={"id_number": id_number, "score": score})
    return r.status_code, r.json()


def test_wrong_id_and_unknown_case_get_the_same_answer(rated: Rated) -> None:
    stranger = "110105194912310037"
    wrong_id = _rate(rated.client("198.51.100.1"), rated.number, stranger)
    unknown_case = _rate(rated.client("198.51.100.2"), _other_number(rated.number), stranger)
    assert wrong_id == unknown_case
    status, body = wrong_id
    assert status == 404 and set(body["error"]) == {"code", "message_zh", "message_en"}
    # the rating itself is judged only once the identity matches: a bad score with the
    # wrong ID says nothing different either
    assert _rate(rated.client("198.51.100.3"), rated.number, stranger, score=9) == wrong_id
    # the right ID (any spelling of it) gets past the identity check: the case has no
    # result delivered yet, which only its applicant learns
    right_id = _rate(rated.client("198.51.100.4"), rated.number, f" {rated.applicant_id.lower()} ")
    assert right_id != wrong_id and "送达" in right_id[1]["error"]["message_zh"], right_id


def test_guesses_at_one_case_are_limited_from_any_number_of_clients(rated: Rated) -> None:
    stranger = "110105194912310037"
    answers = [
        _rate(rated.client(f"203.0.113.{i}"), rated.number, stranger)[0] for i in range(1, 5)
    ]
    assert answers == [404] * 4
    # the fifth guess at this case, from yet another address, is refused before any
    # identity check: even the right ID number learns nothing now
    r = rated.client("203.0.113.99").post(
        f"/api/v1/cases/{rated.number}/rating",
        json={"id_number": rated.applicant_id, "score": 5},
    )
    assert r.status_code == 429, r.text
    assert r.json()["error"]["code"] == "rate_limited"
    assert int(r.headers["Retry-After"]) > 0
    assert "过于频繁" in r.json()["error"]["message_zh"] and r.json()["error"]["message_en"]


def test_one_client_cannot_sweep_many_cases(rated: Rated) -> None:
    client = rated.client("192.0.2.50")
    base = int(rated.number[-4:])
    numbers = [f"{rated.number[:-4]}{(base + i) % 10000:04d}" for i in range(1, 8)]
    codes = [_rate(client, n, "110105194912310037")[0] for n in numbers]
    assert codes == [404] * 6 + [429]
