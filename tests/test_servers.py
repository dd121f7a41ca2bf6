"""The real-server fixtures themselves: they start, answer, and refuse strangers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests import servers
from tests.servers import S3Server, free_port


@pytest.mark.postgres
def test_postgres_select_1(postgres_url: str) -> None:
    from sqlalchemy import create_engine, text

    assert postgres_url.startswith("postgresql+psycopg://")
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("select 1")).scalar_one() == 1
            version = conn.execute(text("show server_version")).scalar_one()
            assert version.startswith("18")
    finally:
        engine.dispose()


@pytest.mark.s3
def test_seaweedfs_answers_and_checks_credentials(s3_server: S3Server) -> None:
    from minio import Minio
    from minio.error import S3Error

    assert s3_server.endpoint.startswith("127.0.0.1:")
    good = Minio(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, secure=False)
    good.make_bucket("fixture-check")
    good.put_object("fixture-check", "k", io.BytesIO(b"v"), 1)
    assert good.get_object("fixture-check", "k").read() == b"v"
    bad = Minio(s3_server.endpoint, s3_server.access_key, "wrong", secure=False)
    with pytest.raises(S3Error) as err:
        bad.get_object("fixture-check", "k")
    assert err.value.code in ("SignatureDoesNotMatch", "AccessDenied")
    good.remove_object("fixture-check", "k")
    good.remove_bucket("fixture-check")


def test_free_port_leaves_room_for_grpc() -> None:
    taken: set[int] = set()
    ports = [free_port(with_grpc=True, taken=taken) for _ in range(4)]
    assert len(set(ports)) == 4
    assert all(p + 10000 in taken for p in ports)


def test_seaweedfs_start_failure_raises_with_log_tail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "weed"
    fake.write_text("#!/bin/sh\necho 'bind: address already in use' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(servers, "weed_binary", lambda: fake)
    with pytest.raises(servers.ServerStartError, match="address already in use"):
        servers.start_seaweedfs(tmp_path / "work", timeout=10)
