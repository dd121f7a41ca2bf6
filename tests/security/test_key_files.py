"""Finding 10: seal and CA keys are encrypted at rest with scrypt (N = 2^17, r = 8: 128 MiB
per guess) instead of PBKDF2 with 2,048 iterations; key files written by an earlier version
are re-encrypted when the hall opens, and keep working. `openssl asn1parse` is the
independent reader of what is in the files."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from cases.config import Settings
from cases.hall import Hall
from signing import BadPassphrase, ScryptCost
from signing.keyfile import encrypt_key
from signing.pki import load_private_key
from tests.licensing import add_staff, issue_sample_license

PASSPHRASE = "orbit-lemon-fjord-cactus-velvet-pylon"


def _kdf(path: Path) -> tuple[str, int]:
    """(KDF name, cost) as OpenSSL reads the file: scrypt's N, or PBKDF2's iterations."""
    dump = subprocess.run(
        ["openssl", "asn1parse", "-in", str(path)], capture_output=True, text=True, check=True
    ).stdout
    kdf = re.search(r"OBJECT\s+:(scrypt|PBKDF2)", dump)
    assert kdf, dump
    integers = re.findall(r"INTEGER\s+:([0-9A-F]+)", dump)
    return kdf.group(1), int(integers[0], 16)


def _key_files(pki: Path) -> list[Path]:
    files = sorted(pki.rglob("*.key.pem"))
    assert len(files) >= 5  # root, issuing CA and the seals
    return files


def _downgrade(path: Path, passphrase: bytes) -> None:
    """Write the key the way versions before this fix did (cryptography's default PKCS#8
    encryption: PBKDF2-SHA256, 2,048 iterations)."""
    key = load_private_key(path.read_bytes(), passphrase)
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase),
        )
    )


def test_key_files_use_scrypt_and_old_ones_are_migrated_on_open(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, key_passphrase=PASSPHRASE)
    Hall.open(settings).close()
    pki = settings.effective_pki_dir
    for path in _key_files(pki):
        assert _kdf(path) == ("scrypt", 2**17), path

    old = [pki / "issuing-ca.key.pem", next((pki / "seals").glob("dept-*.key.pem"))]
    for path in old:
        _downgrade(path, PASSPHRASE.encode())
        assert _kdf(path) == ("PBKDF2", 2048)

    hall = Hall.open(settings)
    try:
        for path in old:
            assert _kdf(path) == ("scrypt", 2**17), path
            assert path.stat().st_mode & 0o777 == 0o600
        add_staff(hall)
        number, pdf = issue_sample_license(hall, 7)  # the migrated keys still seal
        assert number and pdf.startswith(b"%PDF")
    finally:
        hall.close()
    with pytest.raises(BadPassphrase):
        load_private_key(old[0].read_bytes(), b"not the passphrase")


def test_openssl_reads_the_key_format(tmp_path: Path) -> None:
    """The hand-built PBES2/scrypt structure is the standard one: OpenSSL opens it (at a
    cost under the 32 MiB its command line allows)."""
    key = ec.generate_private_key(ec.SECP256R1())
    path = tmp_path / "k.pem"
    path.write_bytes(encrypt_key(key, b"s3cret passphrase", ScryptCost(14)))
    assert _kdf(path) == ("scrypt", 2**14)
    public = subprocess.run(
        ["openssl", "pkey", "-in", str(path), "-passin", "pass:s3cret passphrase", "-pubout"],
        capture_output=True,
        check=True,
    ).stdout
    assert public == key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def test_the_development_passphrase_gets_a_cheap_scrypt(tmp_path: Path) -> None:
    """The development passphrase is in the source code: no KDF cost protects it, so the
    development PKI does not pay one (still scrypt, never the old format)."""
    settings = Settings(data_dir=tmp_path)
    Hall.open(settings).close()
    for path in _key_files(settings.effective_pki_dir):
        assert _kdf(path) == ("scrypt", 2**12), path
