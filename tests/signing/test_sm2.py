"""SM2 in signing/: the comb multiplication agrees with gmalg's generic one (edge scalars
included), signatures check with gmalg's verifier, and OpenSSL opens our SM2 key files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import gmalg
import pytest
from asn1crypto import keys, pem

from signing import sm2_fast
from signing.keyfile import ScryptCost
from signing.sm2 import DEFAULT_ID, Sm2Key, load_sm2_key, verify_sm2


@pytest.mark.parametrize(
    "k", [1, 2, 15, 16, 17, 255, 256, 2**252, 2**255 + 12345, sm2_fast.N - 2, sm2_fast.N - 1]
)
def test_comb_multiplication_agrees_with_gmalg(k: int) -> None:
    x, y = sm2_fast.base_multiply(k)
    expected = gmalg.SM2().generate_pk(k.to_bytes(32, "big"))
    assert b"\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big") == expected


def test_signatures_check_with_gmalg_and_ours() -> None:
    key = Sm2Key.generate()
    other = Sm2Key.generate()
    checker = gmalg.SM2(pk=key.point, uid=DEFAULT_ID)
    for i in range(40):
        message = f"message {i}".encode() * (i + 1)
        r, s = sm2_fast.sign(key.secret, key.point, message, DEFAULT_ID)
        assert checker.verify(message, r.to_bytes(32, "big"), s.to_bytes(32, "big"))
        der = key.sign(message)
        assert verify_sm2(key.public_key_info.dump(), message, der)
        assert not verify_sm2(other.public_key_info.dump(), message, der)
        assert not verify_sm2(key.public_key_info.dump(), message + b"!", der)


def test_openssl_opens_our_sm2_key_file(tmp_path: Path) -> None:
    key = Sm2Key.generate()
    path = tmp_path / "sm2.key.pem"
    path.write_bytes(key.to_pem(b"s3cret passphrase", ScryptCost(14)))
    assert load_sm2_key(path.read_bytes(), b"s3cret passphrase") == key
    public = subprocess.run(
        ["openssl", "pkey", "-in", str(path), "-passin", "pass:s3cret passphrase", "-pubout"],
        capture_output=True,
        check=True,
    ).stdout
    _, _, der = pem.unarmor(public)
    assert bytes(keys.PublicKeyInfo.load(der)["public_key"].native) == key.point
