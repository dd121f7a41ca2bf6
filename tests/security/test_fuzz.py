"""Property-based fuzzing of the whole API with schemathesis, in process (ASGI), within a
fixed budget: requests built from the OpenAPI document, valid and deliberately invalid,
as an administrator (who passes every role check, so the requests reach the deepest
code), against a hall with cases of two departments. No answer may be a 5xx.

Deterministic (Hypothesis derandomized), so a failure is reproduced by running it again;
each failure is printed with the curl command that repeats it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from tests.security.conftest import SecureHall, accepted_case_with_page, open_secure_hall

# shared out evenly over operations x modes. 20 s sent 945 requests in 28.7 s (60 operations,
# the 5xx-free answers the same); 10 s sends about half, still every operation in both modes
# and several examples of most, in under 20 s
BUDGET_SECONDS = 10.0
EXAMPLES = 12  # at most, per operation and generation mode


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SecureHall, str]]:
    for secure in open_secure_hall(Path(tmp_path_factory.mktemp("fuzz"))):
        number, _, _ = accepted_case_with_page(secure, "SCJG-GT-001")
        yield secure, number


class _OutOfTime(BaseException):
    """Ends an operation's turn at once (Hypothesis lets a BaseException through instead
    of treating it as a failure to shrink), so no time goes into generating unsent cases."""


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    reached: Counter[str] = field(default_factory=Counter)  # requests per operation
    failures: list[str] = field(default_factory=list)
    impossible: list[str] = field(default_factory=list)


def _fuzz(strategy: Any, label: str, seconds: float, auth: dict[str, str], tally: Tally) -> None:
    """Up to EXAMPLES requests from `strategy`, for `seconds` (at least one request)."""
    deadline = time.monotonic() + seconds
    sent = 0

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
    )
    @given(case=strategy)
    def send(case: Any) -> None:
        nonlocal sent
        if sent and time.monotonic() > deadline:
            raise _OutOfTime
        sent += 1
        tally.reached[label] += 1
        try:
            response = case.call(headers=auth)
        except Exception as e:  # the app raised through the test client: a 500
            tally.statuses[500] += 1
            tally.failures.append(f"{case.method} {case.formatted_path}: {e!r}")
            return
        tally.statuses[response.status_code] += 1
        if response.status_code >= 500:
            tally.failures.append(
                f"{response.status_code} {case.as_curl_command()}\n    {response.text[:300]}"
            )

    try:
        send()
    except _OutOfTime:
        pass
    except Unsatisfiable:  # nothing to make invalid (an operation without inputs)
        tally.impossible.append(label)


def test_the_api_answers_no_5xx_to_generated_requests(fuzzed: tuple[SecureHall, str]) -> None:
    secure, number = fuzzed
    schema = schemathesis.openapi.from_asgi("/openapi.json", secure.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    share = BUDGET_SECONDS / (2 * len(operations))  # every operation gets its turn
    tally = Tally()
    started = time.monotonic()
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            known: dict[str, Any] = {}
            if mode is GenerationMode.POSITIVE and "number" in {
                p.name for p in operation.path_parameters
            }:
                known["number"] = number  # reach past the lookup, into the case's rules
            strategy = operation.as_strategy(generation_mode=mode, path_parameters=known or None)
            _fuzz(strategy, operation.label, share, secure.bearer("admin"), tally)
    elapsed = time.monotonic() - started
    total = sum(tally.statuses.values())
    print(  # the figures, in the -s / -rA output
        f"\nfuzz: {len(operations)} operations, {total} requests in {elapsed:.1f} s, statuses "
        f"{dict(sorted(tally.statuses.items()))}; no invalid request possible for "
        f"{len(tally.impossible)} operation(s)"
    )
    assert not tally.failures, f"{len(tally.failures)} server errors:\n" + "\n".join(
        tally.failures[:20]
    )
    assert len(operations) >= 55
    assert set(tally.reached) == {op.label for op in operations}
    assert total >= 3 * len(operations)
