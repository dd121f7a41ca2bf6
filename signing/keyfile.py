"""Private keys at rest: PKCS#8 encrypted with PBES2, scrypt and AES-256-CBC (RFC 8018,
RFC 7914) - the standard format that `openssl pkcs8 -topk8 -scrypt` writes.

cryptography's BestAvailableEncryption writes PBES2 with PBKDF2-HMAC-SHA256 at 2,048
iterations, which a graphics card tests at millions of passphrases a second. scrypt with
N = 2^17, r = 8 makes every guess cost 128 MiB of memory and about half a second, the
minimum OWASP recommends. cryptography reads these files back; the OpenSSL 3.0 command
line refuses scrypt above 32 MiB (its default memory cap), so inspect them with
`openssl asn1parse`, not `openssl pkey`.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding, serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

_PBES2 = "1.2.840.113549.1.5.13"
_PBKDF2 = "1.2.840.113549.1.5.12"
_SCRYPT = "1.3.6.1.4.1.11591.4.11"
_AES256_CBC = "2.16.840.1.101.3.4.1.42"
_PEM = "ENCRYPTED PRIVATE KEY"


@dataclass(frozen=True)
class ScryptCost:
    log2_n: int  # memory and time grow as 2^log2_n * r * 128 bytes
    r: int = 8
    p: int = 1

    @property
    def n(self) -> int:
        return 2**self.log2_n


STRONG = ScryptCost(17)


@dataclass(frozen=True)
class Protection:
    """How a key file is protected: kdf "scrypt" (cost = N), "pbkdf2" (cost = iterations),
    or "other" (unencrypted, a legacy PEM, or an unknown scheme; cost 0)."""

    kdf: str
    cost: int


def encrypt_key(key: PrivateKeyTypes, passphrase: bytes, cost: ScryptCost = STRONG) -> bytes:
    """The key as PEM, encrypted with `passphrase` through scrypt at `cost`."""
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return encrypt_der(der, passphrase, cost)


def encrypt_der(der: bytes, passphrase: bytes, cost: ScryptCost = STRONG) -> bytes:
    """A PKCS#8 PrivateKeyInfo (DER) as encrypted PEM: for keys cryptography cannot hold
    (SM2), written in the same format as `encrypt_key`."""
    salt, iv = os.urandom(16), os.urandom(16)
    secret = Scrypt(salt=salt, length=32, n=cost.n, r=cost.r, p=cost.p).derive(passphrase)
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(secret), modes.CBC(iv)).encryptor()
    sealed = encryptor.update(padder.update(der) + padder.finalize()) + encryptor.finalize()
    kdf = _seq(_oid(_SCRYPT), _seq(_octets(salt), _int(cost.n), _int(cost.r), _int(cost.p)))
    algorithm = _seq(_oid(_PBES2), _seq(kdf, _seq(_oid(_AES256_CBC), _octets(iv))))
    return _pem(_seq(algorithm, _octets(sealed)))


def decrypt_der(key_pem: bytes, passphrase: bytes) -> bytes:
    """The PrivateKeyInfo (DER) inside a file written by `encrypt_der`; ValueError when the
    passphrase is wrong or the file is not one."""
    algorithm, sealed = _items(_unpem(key_pem))
    scheme, params = _items(algorithm)
    kdf, cipher = _items(params)
    kdf_oid, kdf_params = _items(kdf)
    cipher_oid, iv = _items(cipher)
    if (_read_oid(scheme), _read_oid(kdf_oid), _read_oid(cipher_oid)) != (
        _PBES2,
        _SCRYPT,
        _AES256_CBC,
    ):
        raise ValueError("not a scrypt/AES-256-CBC PKCS#8 file")
    salt, n, r, p = _items(kdf_params)[:4]
    secret = Scrypt(
        salt=_value(salt, 0x04),
        length=32,
        n=_read_int(n),
        r=_read_int(r),
        p=_read_int(p),
    ).derive(passphrase)
    decryptor = Cipher(algorithms.AES(secret), modes.CBC(_value(iv, 0x04))).decryptor()
    padded = decryptor.update(_value(sealed, 0x04)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()  # ValueError on a wrong passphrase


def protection(key_pem: bytes) -> Protection:
    try:
        algorithm, _ = _items(_unpem(key_pem))  # EncryptedPrivateKeyInfo
        scheme, params = _items(algorithm)  # AlgorithmIdentifier
        if _read_oid(scheme) != _PBES2:
            return Protection("other", 0)
        kdf, _ = _items(params)  # PBES2-params: key derivation, then the cipher
        kdf_oid, kdf_params = _items(kdf)
        name = {_SCRYPT: "scrypt", _PBKDF2: "pbkdf2"}.get(_read_oid(kdf_oid))
        if name is not None:  # both begin with the salt, then N or the iteration count
            return Protection(name, _read_int(_items(kdf_params)[1]))
    except (ValueError, IndexError):
        pass
    return Protection("other", 0)


def needs_rekey(key_pem: bytes, cost: ScryptCost = STRONG) -> bool:
    """True unless the file is scrypt-encrypted at `cost` or more."""
    found = protection(key_pem)
    return found.kdf != "scrypt" or found.cost < cost.n


# --- the few DER shapes needed (EncryptedPrivateKeyInfo and its PBES2 parameters) ------


def _len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def _tlv(tag: int, body: bytes) -> bytes:
    return bytes([tag]) + _len(len(body)) + body


def _seq(*items: bytes) -> bytes:
    return _tlv(0x30, b"".join(items))


def _octets(data: bytes) -> bytes:
    return _tlv(0x04, data)


def _int(n: int) -> bytes:
    return _tlv(0x02, n.to_bytes(n.bit_length() // 8 + 1, "big"))


def _oid(dotted: str) -> bytes:
    first, second, *rest = (int(x) for x in dotted.split("."))
    body = bytearray([40 * first + second])
    for arc in rest:
        chunk = [arc & 0x7F]
        while arc := arc >> 7:
            chunk.append(0x80 | (arc & 0x7F))
        body += bytes(reversed(chunk))
    return _tlv(0x06, bytes(body))


def _pem(der: bytes) -> bytes:
    body = b"\n".join(base64.encodebytes(der).split())
    return f"-----BEGIN {_PEM}-----\n".encode() + body + f"\n-----END {_PEM}-----\n".encode()


def _unpem(pem: bytes) -> bytes:
    text = pem.decode("ascii", errors="replace")
    begin, end = f"-----BEGIN {_PEM}-----", f"-----END {_PEM}-----"
    if begin not in text or end not in text:
        raise ValueError("not an encrypted PKCS#8 PEM")
    return base64.b64decode(text.split(begin, 1)[1].split(end, 1)[0])


def _read(data: bytes, pos: int) -> tuple[int, bytes, int]:
    """(tag, value, position after) of the element at `pos`."""
    tag, size = data[pos], data[pos + 1]
    pos += 2
    if size & 0x80:
        count = size & 0x7F
        size = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    if pos + size > len(data):
        raise ValueError("truncated DER")
    return tag, data[pos : pos + size], pos + size


def _value(element: bytes, tag: int) -> bytes:
    found, value, end = _read(element, 0)
    if found != tag or end != len(element):
        raise ValueError("unexpected DER element")
    return value


def _items(element: bytes) -> list[bytes]:
    """The elements inside a SEQUENCE, each as its own DER bytes."""
    body = _value(element, 0x30)
    items, pos = [], 0
    while pos < len(body):
        _, _, end = _read(body, pos)
        items.append(body[pos:end])
        pos = end
    return items


def _read_oid(raw: bytes) -> str:
    body = _value(raw, 0x06)
    arcs = [body[0] // 40, body[0] % 40]
    value = 0
    for byte in body[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    return ".".join(str(a) for a in arcs)


def _read_int(raw: bytes) -> int:
    return int.from_bytes(_value(raw, 0x02), "big")
