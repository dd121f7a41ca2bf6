"""GB/T 36904 license identifiers (证照标识): layout, check character, issue and lookup.

The check character is recomputed here by a second implementation of ISO 7064 MOD 37,36
that shares nothing with cases.numbering: it searches the one character that makes the
whole string, check character included, satisfy the standard's validation rule (the last
remainder of the hybrid system is 1), instead of computing it forward."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.numbering import (
    gbt_type_code,
    license_identifier,
    valid_license_identifier,
    valid_license_number,
)
from cases.results.licenses import change_license, find_license
from cases.verification.status import Verdict, lookup_license, verify_document
from models import License, Role
from tests.licensing import issue_sample_license, user

REAL = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"
LAYOUT = re.compile(
    r"^1\.2\.156\.3005\.2\.([0-9A-Z]{21})\.([0-9A-Z]{18})\.(\d+)\.(\d{3})\.([0-9A-Z])$"
)


def _passes_iso7064_hybrid(text: str, modulus: int = 36) -> bool:
    """ISO 7064 hybrid system validation: P1 = M; S_j = (P_j + a_j) mod M (0 read as M);
    P_{j+1} = 2 * S_j mod (M + 1); the string is valid when the last S equals 1."""
    value = {ch: i for i, ch in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
    p = modulus
    s = 0
    for ch in text:
        s = (p + value[ch]) % modulus or modulus
        p = (2 * s) % (modulus + 1)
    return s == 1


def independent_check(payload: str) -> str:
    (check,) = [
        c for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" if _passes_iso7064_hybrid(payload + c)
    ]
    return check


def _independently_valid(identifier: str) -> bool:
    match = LAYOUT.match(identifier)
    assert match, identifier
    return independent_check("".join(match.groups()[:4])) == match.group(5)


def test_the_independent_check_agrees_with_a_real_identifier() -> None:
    assert _independently_valid(REAL)
    assert valid_license_identifier(REAL)


@pytest.mark.parametrize("serial", [1, 45, 9_999_999])
def test_issued_layout_and_check_character(serial: int) -> None:
    identifier = license_identifier("11152500011609534E001", "11152500011609534E", 2026, serial, 3)
    assert identifier.startswith("1.2.156.3005.2.11152500011609534E001.11152500011609534E.2026")
    assert identifier.split(".")[-2] == "003"
    assert _independently_valid(identifier) and valid_license_identifier(identifier)


@pytest.mark.parametrize("position", [16, 40, 57, 66, 70, 72])
def test_a_single_changed_character_is_refused(position: int) -> None:
    wrong = "7" if REAL[position] != "7" else "8"
    typo = REAL[:position] + wrong + REAL[position + 1 :]
    assert not valid_license_identifier(typo)
    assert not _independently_valid(typo)


def test_malformed_identifiers_are_refused() -> None:
    assert not valid_license_identifier(REAL.replace("3005", "3006"))
    assert not valid_license_identifier(REAL.replace(".001.", ".01."))
    assert not valid_license_identifier(REAL.lower())
    assert not valid_license_identifier("")


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    hall = Hall.open(Settings(data_dir=tmp_path_factory.mktemp("hall")))
    with session_scope(hall.sessions) as s:
        create_user(s, username="id-c", display_name="c", role=Role.CLERK, window_code="W01")
        create_user(
            s, username="id-r", display_name="r", role=Role.REVIEWER, department_code="scjgj"
        )
    yield hall
    hall.close()


def test_issued_license_carries_an_identifier_that_resolves_beside_its_number(
    hall: Hall,
) -> None:
    number, pdf = issue_sample_license(hall, 31, clerk="id-c", reviewer="id-r")
    with session_scope(hall.sessions) as s:
        license_ = find_license(s, number)
        identifier = license_.identifier
        assert identifier is not None and _independently_valid(identifier)
        assert find_license(s, identifier).id == license_.id
        type_code = gbt_type_code(s, "11152500011609534E", "GTGSH")  # registered, stable
        outcome = verify_document(s, hall, pdf)
        by_identifier = lookup_license(s, hall, identifier, None)
        by_number = lookup_license(s, hall, number, None)
    assert valid_license_number(number)
    _, _, year_serial, _ = number.split("-")
    assert (
        identifier.split(".")[5] == type_code and identifier.split(".")[6] == "11152500011609534E"
    )
    assert identifier.split(".")[7] == f"{year_serial[:4]}0{year_serial[4:]}"
    assert outcome.verdict is Verdict.VALID and outcome.license is not None
    assert outcome.license["identifier"] == identifier and outcome.license["identifier_check_ok"]
    for found in (by_identifier, by_number):
        assert found.entry is not None and found.verdict is Verdict.VALID
        assert found.entry["number"] == number and found.entry["identifier"] == identifier
    typo = identifier[:-1] + ("A" if identifier[-1] != "A" else "B")
    with session_scope(hall.sessions) as s:
        refused = lookup_license(s, hall, typo, None)
    assert not refused.number_check_ok and refused.entry is None


def test_a_change_keeps_the_serial_and_raises_the_identifiers_version(hall: Hall) -> None:
    number, _ = issue_sample_license(hall, 32, clerk="id-c", reviewer="id-r")
    with session_scope(hall.sessions) as s:
        old = find_license(s, number)
        new = change_license(s, hall, old, actor=user(s, "id-r"), reason="名称变更", holder="新名")
        old_id, new_id = old.identifier, new.identifier
    assert old_id is not None and new_id is not None
    assert old_id.split(".")[:8] == new_id.split(".")[:8]
    assert (old_id.split(".")[8], new_id.split(".")[8]) == ("001", "002")
    assert _independently_valid(new_id)


def test_licenses_from_before_identifiers_still_resolve_by_number(hall: Hall) -> None:
    number, pdf = issue_sample_license(hall, 33, clerk="id-c", reviewer="id-r")
    with session_scope(hall.sessions) as s:
        # as a license issued before migration 0014 is stored: a number, no identifier
        s.scalars(select(License).where(License.number == number)).one().identifier = None
    with session_scope(hall.sessions) as s:
        found = lookup_license(s, hall, number, None)
        outcome = verify_document(s, hall, pdf)
    assert found.entry is not None and found.verdict is Verdict.VALID
    assert found.entry["identifier"] is None
    assert outcome.verdict is Verdict.VALID, outcome.reasons
