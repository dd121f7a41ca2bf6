"""Store fixtures: one contract, three implementations (S3 against real SeaweedFS)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from archive import InMemoryStore, LocalFolderStore, ObjectStore
from archive.s3 import S3Store
from tests.servers import S3Server


def make_s3_store(server: S3Server, bucket: str, **kwargs: object) -> S3Store:
    return S3Store(
        endpoint=server.endpoint,
        access_key=server.access_key,
        secret_key=server.secret_key,
        bucket=bucket,
        timeout=5.0,
        **kwargs,  # type: ignore[arg-type]
    )


def drop_bucket(server: S3Server, bucket: str) -> None:
    """Best effort: retained versions may refuse deletion; the server dies at session end."""
    from minio import Minio

    client = Minio(server.endpoint, server.access_key, server.secret_key, secure=False)
    with contextlib.suppress(Exception):
        for obj in client.list_objects(bucket, recursive=True, include_version=True):
            with contextlib.suppress(Exception):
                client.remove_object(bucket, obj.object_name or "", version_id=obj.version_id)
        client.remove_bucket(bucket)


@pytest.fixture
def s3_bucket(s3_server: S3Server) -> Iterator[str]:
    bucket = f"t-{uuid.uuid4().hex[:20]}"
    yield bucket
    drop_bucket(s3_server, bucket)


@pytest.fixture
def s3_store(s3_server: S3Server, s3_bucket: str) -> S3Store:
    return make_s3_store(s3_server, s3_bucket)


@pytest.fixture(
    params=[
        "memory",
        "local",
        pytest.param("s3", marks=pytest.mark.s3),
    ]
)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    if request.param == "memory":
        return InMemoryStore()
    if request.param == "local":
        return LocalFolderStore(tmp_path / "archive")
    s3: S3Store = request.getfixturevalue("s3_store")
    return s3


@pytest.fixture
def db_sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """A migrated SQLite database for tests of the archive's domain side."""
    from cases.db import make_engine, make_sessionmaker
    from models.migrate import upgrade
    from tests.sqlite_template import migrated_sqlite_url

    url = migrated_sqlite_url(tmp_path / "archive-test.sqlite")
    upgrade(url)
    engine = make_engine(url)
    yield make_sessionmaker(engine)
    engine.dispose()
