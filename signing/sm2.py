"""SM2 signatures with SM3 (GB/T 32918, GB/T 32905), as GB/T 38540 e-seals use them.

pyca/cryptography has no SM2. Signing multiplies the fixed base point with a comb of
precomputed multiples (signing/sm2_fast.py: 64 additions, no doubling; 0.6 ms a
signature where gmalg's generic multiplication took 37 ms and dominated issuing an OFD);
verification is gmalg's (pure Python), a code path of its own. SM3 is OpenSSL's through
hashlib. Signatures are DER `SEQUENCE {r, s}` over the message with the default signer ID
1234567812345678 (GB/T 35276), the form OpenSSL's `pkeyutl -digest sm3` and other SM2
implementations check. Keys at rest are PKCS#8 (id-ecPublicKey on the SM2 curve),
encrypted like every other key here (signing/keyfile.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import gmalg
from asn1crypto import algos, keys

from signing import sm2_fast
from signing.errors import BadPassphrase, CertificateProblem
from signing.keyfile import STRONG, ScryptCost, decrypt_der, encrypt_der

SM2_CURVE = "1.2.156.10197.1.301"
SM3_WITH_SM2 = "1.2.156.10197.1.501"
SM3 = "1.2.156.10197.1.401"
DEFAULT_ID = b"1234567812345678"

keys.NamedCurve.register("sm2p256v1", SM2_CURVE, 32)


def sm3(data: bytes) -> bytes:
    return hashlib.new("sm3", data).digest()


def _point(public_key_info_der: bytes) -> bytes:
    try:
        info = keys.PublicKeyInfo.load(public_key_info_der)
        if info["algorithm"]["parameters"].chosen.native != "sm2p256v1":
            raise ValueError("not on the SM2 curve")
        return bytes(info["public_key"].native)
    except (ValueError, TypeError, KeyError) as e:
        raise CertificateProblem("not an SM2 public key", "不是 SM2 公钥") from e


def public_key_info(point: bytes) -> keys.PublicKeyInfo:
    return keys.PublicKeyInfo(
        {
            "algorithm": {
                "algorithm": "ec",
                "parameters": keys.ECDomainParameters("named", "sm2p256v1"),
            },
            "public_key": point,
        }
    )


@dataclass(frozen=True)
class Sm2Key:
    """An SM2 private key (the scalar) and its public point (04 || x || y)."""

    secret: bytes
    point: bytes

    @classmethod
    def generate(cls) -> Sm2Key:
        secret, point = sm2_fast.generate()
        return cls(secret, point)

    def sign(self, message: bytes) -> bytes:
        """DER SM2 signature of SM3(Z || message), Z for the default signer ID."""
        r, s = sm2_fast.sign(self.secret, self.point, message, DEFAULT_ID)
        return algos.DSASignature({"r": r, "s": s}).dump()

    @property
    def public_key_info(self) -> keys.PublicKeyInfo:
        return public_key_info(self.point)

    def to_pem(self, passphrase: bytes, cost: ScryptCost = STRONG) -> bytes:
        ec_key = keys.ECPrivateKey(
            {
                "version": "ecPrivkeyVer1",
                "private_key": int.from_bytes(self.secret, "big"),
                "public_key": self.point,
            }
        )
        info = keys.PrivateKeyInfo(
            {
                "version": 0,
                "private_key_algorithm": {
                    "algorithm": "ec",
                    "parameters": keys.ECDomainParameters("named", "sm2p256v1"),
                },
                "private_key": ec_key,
            }
        )
        if not passphrase:
            raise BadPassphrase("the passphrase must not be empty", "私钥保护口令不能为空")
        return encrypt_der(info.dump(), passphrase, cost)


def load_sm2_key(key_pem: bytes, passphrase: bytes) -> Sm2Key:
    """An SM2 key from its encrypted PKCS#8 file (remembered: scrypt costs half a second)."""
    return _load(key_pem, passphrase)


@lru_cache(maxsize=64)
def _load(key_pem: bytes, passphrase: bytes) -> Sm2Key:
    try:
        info = keys.PrivateKeyInfo.load(decrypt_der(key_pem, passphrase))
        ec_key = info["private_key"].parsed
        secret = int(ec_key["private_key"].native).to_bytes(32, "big")
        point = bytes(ec_key["public_key"].native)
    except (ValueError, TypeError, KeyError) as e:
        raise BadPassphrase(
            "the passphrase is wrong or the SM2 key file is damaged",
            "SM2 私钥口令错误或私钥文件已损坏,请核对口令",
        ) from e
    return Sm2Key(secret, point)


def rekey_sm2(key_pem: bytes, passphrase: bytes, cost: ScryptCost = STRONG) -> bytes:
    """The same SM2 key file, encrypted again at `cost`."""
    return load_sm2_key(key_pem, passphrase).to_pem(passphrase, cost)


def verify_sm2(public_key_info_der: bytes, message: bytes, signature_der: bytes) -> bool:
    """Whether `signature_der` is the SM2/SM3 signature of `message` by that public key."""
    point = _point(public_key_info_der)
    try:
        parsed = algos.DSASignature.load(signature_der)
        r, s = int(parsed["r"].native), int(parsed["s"].native)
        if parsed.dump() != signature_der:
            return False  # trailing or re-encoded bytes: not what was signed
    except (ValueError, TypeError):
        return False
    if not (0 < r < 2**256 and 0 < s < 2**256):
        return False
    try:
        return bool(
            gmalg.SM2(pk=point, uid=DEFAULT_ID).verify(
                message, r.to_bytes(32, "big"), s.to_bytes(32, "big")
            )
        )
    except Exception:  # gmalg raises its own errors on points off the curve
        return False


__all__ = [
    "DEFAULT_ID",
    "SM2_CURVE",
    "SM3",
    "SM3_WITH_SM2",
    "Sm2Key",
    "load_sm2_key",
    "public_key_info",
    "rekey_sm2",
    "sm3",
    "verify_sm2",
]
