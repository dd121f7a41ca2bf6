"""A scanned page over the page limits is refused from its header and recorded, before
separator-sheet and blank-page detection decode it (security finding 3: those decoded
any page whole, a 7700 x 7700 RGBA PNG from a hot folder included)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.intake import scanning
from cases.intake.pages import create_case
from models import Case, Role, ScanRecord, User
from sample_scans.scans import sample_applicant
from scanner_drivers import UploadDriver
from tests.scanning import sheets


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    hall = Hall.open(Settings(data_dir=tmp_path_factory.mktemp("limits-hall")))
    with session_scope(hall.sessions) as s:
        create_user(s, username="clerk", display_name="clerk", role=Role.CLERK, window_code="W01")
    yield hall
    hall.close()


def _case(hall: Hall) -> str:
    applicant = sample_applicant(8)
    with session_scope(hall.sessions) as s:
        clerk = s.scalars(select(User).where(User.username == "clerk")).one()
        return create_case(
            s,
            item_code="SCJG-GT-001",
            applicant_type="person",
            applicant_name=applicant.name,
            applicant_id=applicant.id_number,
            actor=clerk,
        ).number


def test_a_page_over_the_limits_is_refused_before_it_is_decoded(
    hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    buf = io.BytesIO()
    Image.new("RGBA", (7700, 7700), (255, 255, 255, 255)).save(buf, "PNG")
    bomb = buf.getvalue()
    decoded: list[int] = []

    def spy(real: Any) -> Any:
        def wrapper(data: bytes, *args: Any, **kwargs: Any) -> Any:
            decoded.append(len(data))
            return real(data, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(scanning, "read_control_sheet", spy(scanning.read_control_sheet))
    monkeypatch.setattr(scanning, "is_probably_blank", spy(scanning.is_probably_blank))
    number = _case(hall)
    good = sheets.page_jpeg(1)
    report = scanning.scan_into_case(
        hall,
        case_number=number,
        driver=UploadDriver([("bomb.png", bomb), ("p1.jpg", good)]),
        actor="clerk",
    )
    assert report.added == 1 and len(report.refused) == 1
    assert "bomb.png" in report.refused[0] and "7700x7700" in report.refused[0]
    assert "像素" in report.refused[0]
    assert len(bomb) not in decoded and decoded == [len(good), len(good)]
    with session_scope(hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        kinds = [r.kind for r in s.scalars(select(ScanRecord).where(ScanRecord.case_id == case.id))]
    assert sorted(kinds) == ["page", "refused"]
