"""Object lock against real SeaweedFS: retention refuses deletes (both modes), legal
hold, versioning; fixity finds objects tampered or removed directly in the bucket;
migration from the local store verifies every hash. Links of the embedded store."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from minio import Minio
from sqlalchemy.orm import Session, sessionmaker

from archive import (
    InMemoryStore,
    LocalFolderStore,
    ObjectStore,
    RetentionLocked,
    StoreAccessDenied,
    UrlSigner,
)
from archive.migrate import copy_store
from archive.s3 import S3Store
from cases.db import session_scope
from cases.records.fixity import run_fixity
from cases.records.storage import archive_bytes
from tests.servers import S3Server


def _raw(server: S3Server) -> Minio:
    return Minio(server.endpoint, server.access_key, server.secret_key, secure=False)


@pytest.mark.s3
@pytest.mark.parametrize("mode", ["COMPLIANCE", "GOVERNANCE"])
def test_delete_refused_under_retention(s3_server: S3Server, s3_store: S3Store, mode: str) -> None:
    until = datetime.now(UTC) + timedelta(days=1)
    s3_store.put("lic.pdf", b"%PDF license", retain_until=until, retention_mode=mode)  # type: ignore[arg-type]
    info = s3_store.stat("lic.pdf")
    assert info.retention_mode == mode and info.retain_until is not None
    with pytest.raises(RetentionLocked):
        s3_store.delete("lic.pdf")
    # not even the raw SDK deletes the retained version
    with pytest.raises(Exception, match=r"(?i)access|lock|retention"):
        _raw(s3_server).remove_object(s3_store.bucket, "lic.pdf", version_id=info.version_id)
    assert s3_store.get("lic.pdf") == b"%PDF license"


@pytest.mark.s3
def test_legal_hold_blocks_delete_until_released(s3_store: S3Store) -> None:
    s3_store.put("evidence.pdf", b"%PDF evidence", legal_hold=True)
    assert s3_store.stat("evidence.pdf").legal_hold
    with pytest.raises(RetentionLocked):
        s3_store.delete("evidence.pdf")
    assert not s3_store.set_legal_hold("evidence.pdf", False).legal_hold
    s3_store.delete("evidence.pdf")
    assert not s3_store.exists("evidence.pdf")


@pytest.mark.s3
def test_versioning_keeps_every_version(s3_store: S3Store) -> None:
    first = s3_store.put("form.json", b'{"v": 1}')
    second = s3_store.put("form.json", b'{"v": 2}')
    assert first.version_id and second.version_id and first.version_id != second.version_id
    versions = s3_store.versions("form.json")
    assert [v.version_id for v in versions] == [second.version_id, first.version_id]
    assert s3_store.get("form.json") == b'{"v": 2}'
    assert s3_store.get("form.json", version_id=first.version_id) == b'{"v": 1}'


@pytest.mark.parametrize("kind", ["memory", "local"])
def test_embedded_links_are_signed_and_expire(kind: str, tmp_path: Path) -> None:
    signer = UrlSigner(b"k" * 32, "http://hall/api/v1/archive/link")
    store: ObjectStore = (
        InMemoryStore(url_signer=signer)
        if kind == "memory"
        else LocalFolderStore(tmp_path / "s", url_signer=signer)
    )
    store.put("a/b.pdf", b"x")
    url = store.presign("a/b.pdf", expires=timedelta(seconds=60))
    query = dict(p.split("=", 1) for p in url.split("?", 1)[1].split("&"))
    expires = int(query["expires"])
    signer.verify("a/b.pdf", expires, query["sig"])
    with pytest.raises(StoreAccessDenied):
        signer.verify("a/other.pdf", expires, query["sig"])  # pointed elsewhere
    with pytest.raises(StoreAccessDenied):
        signer.verify("a/b.pdf", expires + 3600, query["sig"])  # stretched
    with pytest.raises(StoreAccessDenied):
        signer.verify("a/b.pdf", expires, query["sig"], now=expires + 1)  # expired


@pytest.mark.s3
def test_fixity_finds_objects_tampered_in_the_bucket(
    s3_server: S3Server, s3_store: S3Store, db_sessions: sessionmaker[Session]
) -> None:
    blobs = [os.urandom(50_000) for _ in range(4)]
    with session_scope(db_sessions) as s:
        rows = [
            archive_bytes(s, s3_store, b, content_type="image/jpeg", doc_class="page_image")
            for b in blobs
        ]
        keys = [r.key for r in rows]
    with session_scope(db_sessions) as s:
        assert run_fixity(s, s3_store).clean
    raw = _raw(s3_server)
    # a careful forger keeps the recorded SHA-256 header; a new version becomes current
    forged = b"forged" + blobs[0][6:]
    raw.put_object(
        s3_store.bucket,
        keys[0],
        io.BytesIO(forged),
        len(forged),
        metadata={"sha256": hashlib.sha256(blobs[0]).hexdigest()},
    )
    raw.put_object(s3_store.bucket, keys[1], io.BytesIO(b"plain overwrite"), 15)
    raw.remove_object(s3_store.bucket, keys[2])  # a delete marker hides it
    with session_scope(db_sessions) as s:
        report = run_fixity(s, s3_store)
        sample = run_fixity(s, s3_store, sample=2)
    assert report.checked == 4 and report.ok == 1
    assert sorted(report.mismatched) == sorted(keys[:2])
    assert report.missing == [keys[2]]
    assert sample.checked == 2


@pytest.mark.s3
def test_migrate_local_store_into_s3_verifies_every_hash(s3_store: S3Store, tmp_path: Path) -> None:
    local = LocalFolderStore(tmp_path / "embedded")
    until = datetime.now(UTC) + timedelta(days=2)
    for i in range(5):
        local.put(f"objects/{i:02d}", os.urandom(1000 + i), metadata={"case": str(i)})
    local.put("objects/lic", b"%PDF", retain_until=until)
    s3_store.put("objects/00", local.get("objects/00"))  # partly migrated before
    report = copy_store(local, s3_store)
    assert report.ok and report.verified == 6
    assert len(report.copied) == 5 and report.skipped == ["objects/00"]
    assert s3_store.stat("objects/03").metadata["case"] == "3"
    assert s3_store.stat("objects/lic").retain_until is not None
    again = copy_store(local, s3_store)
    assert again.ok and again.copied == [] and len(again.skipped) == 6


def test_legal_hold_contract(store: ObjectStore) -> None:
    store.put("held", b"x", legal_hold=True)
    with pytest.raises(RetentionLocked):
        store.delete("held")
    assert store.stat("held").legal_hold
    store.set_legal_hold("held", False)
    store.delete("held")
    assert not store.exists("held")
    store.put("one", b"1")
    assert [v.sha256 for v in store.versions("one")] == [hashlib.sha256(b"1").hexdigest()]
