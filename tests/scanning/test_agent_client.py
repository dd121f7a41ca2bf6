"""The Linux reference agent: SANE pages streamed to a server's page route, as they come."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.commands.scan import push_pages
from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from models import Role
from sample_scans.scans import sample_applicant
from scanner_drivers.base import ScanSettings
from scanner_drivers.sane import SaneBackend


def test_agent_streams_a_feeder_batch_to_the_server(sane_config: Path, tmp_path: Path) -> None:
    hall = Hall.open(Settings(data_dir=tmp_path))
    with session_scope(hall.sessions) as s:
        _, token = create_user(
            s, username="clerk", display_name="clerk", role=Role.CLERK, window_code="W01"
        )
    applicant = sample_applicant(5)
    with TestClient(create_app(hall=hall, worker=False)) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        created = client.post(
            "/api/v1/cases",
            json={
                "item_code": "SCJG-GT-001",
                "applicant_type": "person",
                "applicant_name": applicant.name,
                "applicant_id": applicant.id_number,
            },
        )
        assert created.status_code == 201, created.text
        number = created.json()["number"]
        job = SaneBackend(config_dir=sane_config).job("sane:test:0", ScanSettings(resolution=75))
        assert push_pages(job, client, case_number=number, job="agent-1") == 10
        pages = client.get(f"/api/v1/cases/{number}").json()["pages"]
        assert len(pages) == 10
    hall.close()
