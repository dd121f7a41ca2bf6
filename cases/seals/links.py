"""Signed links for the public progress page (办件进度查询).

Every notice carries a QR code that promises "扫码…查询进度". The link names the case and
carries a compact payload signed with the hall's own key (the verification service seal,
the way a license QR payload is signed with the issuing department's seal): only someone
holding the notice can open the case's progress without its ID number, and a case number
cannot be guessed into a working link. Acceptance builds the link; the public page checks it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from sqlalchemy.orm import Session

from cases.seals.registry import SERVICE_SEAL, Pki, seal_by_code, signer_for
from signing import BadPayload, sign_payload, verify_payload

PURPOSE = "progress"  # so no other signed payload of the hall opens a progress page


def progress_token(session: Session, pki: Pki, case_number: str) -> str:
    seal = seal_by_code(session, SERVICE_SEAL)
    return sign_payload(
        signer_for(pki, seal), {"k": PURPOSE, "c": case_number, "s": seal.cert_sha256[:16]}
    )


def progress_url(base_url: str, case_number: str, token: str) -> str:
    return f"{base_url}/progress?{urlencode({'case': case_number, 'p': token})}"


def token_opens(session: Session, token: str, case_number: str) -> bool:
    """Whether `token` is the hall's signed progress link for `case_number`."""
    seal = seal_by_code(session, SERVICE_SEAL)
    try:
        payload = verify_payload(token, seal.cert_pem.encode())
    except BadPayload:
        return False
    return payload.get("k") == PURPOSE and payload.get("c") == case_number
