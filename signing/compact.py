"""A compact signed payload for the QR code, checkable offline with the seal certificate.

Format: `<base64url(canonical JSON)>.<base64url(ECDSA-SHA256 DER signature)>`. The JSON
names the seal certificate by the first 16 hex digits of its SHA-256 so a verifier can pick
the certificate from the published seal registry (or the PDF itself) without a network.
"""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import load_der_public_key

from signing.errors import SigningError
from signing.signer import SealSigner


class BadPayload(SigningError):
    code = "signing.bad_payload"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def pem_to_der(data: bytes) -> bytes:
    if pem.detect(data):
        _, _, der = pem.unarmor(data)
        return bytes(der)
    return data


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign_payload(signer: SealSigner, payload: dict[str, Any]) -> str:
    body = canonical(payload)
    signature = asyncio.run(signer.pyhanko_signer.async_sign_raw(body, "sha256"))
    return f"{_b64(body)}.{_b64(signature)}"


def read_payload(token: str) -> dict[str, Any]:
    """Decode without checking the signature (to find which certificate to check with)."""
    try:
        body, _ = token.split(".", 1)
        data = json.loads(_unb64(body))
    except Exception as e:
        raise BadPayload("the QR payload is damaged", "二维码数据已损坏,无法读取") from e
    if not isinstance(data, dict):
        raise BadPayload("the QR payload is not an object", "二维码数据格式不正确")
    return data


def verify_payload(token: str, certificate: asn1_x509.Certificate | bytes) -> dict[str, Any]:
    """Return the payload if `certificate` (or its PEM) signed it; raise BadPayload
    otherwise."""
    data = read_payload(token)
    if isinstance(certificate, bytes):
        certificate = asn1_x509.Certificate.load(pem_to_der(certificate))
    try:
        body, signature = (_unb64(part) for part in token.split(".", 1))
        key = load_der_public_key(certificate.public_key.dump())
        if not isinstance(key, ec.EllipticCurvePublicKey):
            raise BadPayload("unsupported key type", "不支持的密钥类型")
        key.verify(signature, body, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError) as e:
        raise BadPayload(
            "the QR payload signature does not match the seal",
            "二维码数据的签名与印章不符,数据可能被篡改",
        ) from e
    return data
