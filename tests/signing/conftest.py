from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from signing import (
    CertifiedKey,
    SealSigner,
    create_ca_hierarchy,
    issue_seal_certificate,
    seal_appearance_pdf,
)
from tests.pki import TestPki, serve_test_pki

PASSPHRASE = b"correct horse battery staple"
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


@dataclass(frozen=True)
class Pki:
    root: CertifiedKey
    issuing: CertifiedKey
    seal: CertifiedKey
    signer: SealSigner
    rogue_signer: SealSigner  # same names, issued by an untrusted CA
    appearance: bytes


@pytest.fixture(scope="session")
def pki() -> Pki:
    root, issuing = create_ca_hierarchy(organisation="锡林浩特市政务服务局", passphrase=PASSPHRASE)
    seal = issue_seal_certificate(
        issuing,
        PASSPHRASE,
        common_name="锡林浩特市市场监督管理局 电子印章",
        organisation="锡林浩特市市场监督管理局",
        credit_code="11152502MB1234567X",
    )
    _, rogue_issuing = create_ca_hierarchy(organisation="锡林浩特市政务服务局", passphrase=b"x1")
    rogue = issue_seal_certificate(
        rogue_issuing,
        b"x1",
        common_name="锡林浩特市市场监督管理局 电子印章",
        organisation="锡林浩特市市场监督管理局",
        credit_code="11152502MB1234567X",
    )
    return Pki(
        root=root,
        issuing=issuing,
        seal=seal,
        signer=SealSigner.from_pem(seal, PASSPHRASE),
        rogue_signer=SealSigner.from_pem(rogue, b"x1"),
        appearance=seal_appearance_pdf(
            "锡林浩特市市场监督管理局", font_path=FONT, subtitle="电子印章"
        ),
    )


@pytest.fixture(scope="session")
def plain_pdf() -> bytes:
    """An uncompressed two-page PDF, so tests can find and change text bytes."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=0)
    canvas.drawString(100, 700, "hello world: licence body")
    canvas.showPage()
    canvas.drawString(100, 700, "second page")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture
def tmp_pdf(tmp_path: Path) -> Callable[..., Path]:
    def write(data: bytes, name: str = "doc.pdf") -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestPki]:
    """certomancer serving CRL, OCSP and a TSA on loopback for the whole session."""
    yield from serve_test_pki(tmp_path_factory.mktemp("certomancer"))
