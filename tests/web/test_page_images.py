"""Page images at the counter and the desk: every page format a scanner writes gets a
thumbnail (security finding 3: a 16-bit TIFF gave a 500), and every thumbnail of an
applicant's scan is an audited read (finding 8: none was)."""

from __future__ import annotations

import io

import cv2
import numpy as np
import pytest
from PIL import Image
from sqlalchemy import func, select

from cases.db import session_scope
from models import AuditEvent, Page, StoredObject, Submission
from sample_scans.scans import SamplePage
from tests.api.conftest import Desk
from tests.web.test_pages import log_in


def _page(width: int = 1000, height: int = 1400) -> np.ndarray:
    page = np.full((height, width), 255, np.uint8)
    page[height // 4 : height // 2, width // 4 : width // 2] = 0
    return page


def _pil(image: Image.Image, fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def _grey16() -> bytes:
    grey = _page()
    h, w = grey.shape
    return _pil(Image.frombytes("I;16", (w, h), (grey.astype("<u2") * 257).tobytes()), "TIFF")


SCANS = {
    "grey-16bit.tif": _grey16,
    "colour-16bit.tif": lambda: cv2.imencode(
        ".tiff", cv2.cvtColor(_page(), cv2.COLOR_GRAY2BGR).astype(np.uint16) * 257
    )[1].tobytes(),
    "cmyk.tif": lambda: _pil(Image.fromarray(_page()).convert("CMYK"), "TIFF"),
    "bilevel-g4.tif": lambda: _pil(
        Image.fromarray(_page()).convert("1"), "TIFF", compression="group4"
    ),
    "cmyk.jpg": lambda: _pil(Image.fromarray(_page()).convert("CMYK"), "JPEG"),
    "grey-16bit.png": lambda: cv2.imencode(".png", _page().astype(np.uint16) * 257)[1].tobytes(),
    "rgba.png": lambda: _pil(Image.fromarray(_page()).convert("RGBA"), "PNG"),
    "palette.png": lambda: _pil(Image.fromarray(_page()).convert("P"), "PNG"),
    "grey.jpg": lambda: cv2.imencode(".jpg", _page())[1].tobytes(),
}


def _upload(desk: Desk, number: str, name: str, data: bytes) -> None:
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages",
        headers=desk.headers("clerk"),
        files=[("files", (name, data, "application/octet-stream"))],
    )
    assert r.status_code == 202, r.text


def _page_ids(desk: Desk, number: str) -> list[int]:
    from models import Case

    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        return list(
            s.scalars(
                select(Page.id)
                .join(Submission)
                .where(Submission.case_id == case.id)
                .order_by(Page.seq)
            )
        )


def _views(desk: Desk) -> list[AuditEvent]:
    with session_scope(desk.hall.sessions) as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "page.view").order_by(AuditEvent.seq)
        ).all()
        s.expunge_all()
        return list(events)


def test_every_scanner_format_gets_a_thumbnail(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = desk.open_case(41)["number"]
    for name, make in SCANS.items():
        _upload(desk, number, name, make())
    log_in(desk.client, "clerk")
    for page_id, name in zip(_page_ids(desk, number), SCANS, strict=True):
        r = desk.client.get(f"/web/pages/{page_id}/thumb", params={"w": 200})
        assert r.status_code == 200, (name, r.status_code, r.text[:300])
        assert r.headers["content-type"] == "image/jpeg"
        thumb = np.asarray(Image.open(io.BytesIO(r.content)).convert("L"))
        assert thumb.shape == (280, 200), name
        assert thumb[95, 75] < 60 and thumb[220, 160] > 200, name  # ink and paper kept


def test_every_thumbnail_read_is_audited(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    number = desk.open_case(42)["number"]
    form = sample_pages["application_form"]
    _upload(desk, number, form.filename, form.data)
    (page_id,) = _page_ids(desk, number)
    with session_scope(desk.hall.sessions) as s:
        page = s.get_one(Page, page_id)
        obj = s.get_one(StoredObject, page.image_object_id)
        target, sha256 = f"object:{obj.id}", obj.sha256
        total_before = s.scalar(select(func.count()).select_from(AuditEvent))

    log_in(desk.client, "clerk")
    for _ in range(2):
        r = desk.client.get(f"/web/pages/{page_id}/thumb")
        assert r.status_code == 200
        assert "no-store" in r.headers["cache-control"]  # no copy left on a shared PC
    desk.client.cookies.clear()
    log_in(desk.client, "reviewer")  # 市场监督管理局: the case's department
    assert desk.client.get(f"/web/pages/{page_id}/thumb?w=520").status_code == 200
    desk.client.cookies.clear()
    log_in(desk.client, "health")  # 卫生健康委员会: neither its case nor shared with it
    refused = desk.client.get(f"/web/pages/{page_id}/thumb")
    assert refused.status_code == 403 and "image" not in refused.headers["content-type"]

    views = _views(desk)
    assert [(v.actor, v.target, v.detail["basis"]) for v in views] == [
        ("clerk", target, "hall"),
        ("clerk", target, "hall"),
        ("reviewer", target, "own"),
    ]
    assert all(v.detail["sha256"] == sha256 and v.detail["page"] == page_id for v in views)
    with session_scope(desk.hall.sessions) as s:
        total_after = s.scalar(select(func.count()).select_from(AuditEvent))
    assert total_after == total_before + 3  # one event per read, none for the refusal


@pytest.mark.parametrize("width", [0, -5, 10**6])
def test_thumbnail_width_is_bounded(embedded_desk: Desk, width: int) -> None:
    desk = embedded_desk
    number = desk.open_case(43)["number"]
    _upload(desk, number, "grey.jpg", SCANS["grey.jpg"]())
    (page_id,) = _page_ids(desk, number)
    log_in(desk.client, "clerk")
    r = desk.client.get(f"/web/pages/{page_id}/thumb", params={"w": width})
    assert r.status_code == 200
    assert 80 <= Image.open(io.BytesIO(r.content)).size[0] <= 1000
