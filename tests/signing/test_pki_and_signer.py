from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID

from signing import (
    BadPassphrase,
    CertificateProblem,
    SealSigner,
    create_ca_hierarchy,
    issue_seal_certificate,
)
from signing.pki import DEVELOPMENT_MARK

from .conftest import PASSPHRASE, Pki


def test_hierarchy_is_marked_development_and_chains(pki: Pki) -> None:
    root = x509.load_pem_x509_certificate(pki.root.cert_pem)
    issuing = x509.load_pem_x509_certificate(pki.issuing.cert_pem)
    for cert in (root, issuing):
        cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
        org = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
        assert DEVELOPMENT_MARK in str(cn) and DEVELOPMENT_MARK in str(org)
        assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert issuing.issuer == root.subject
    assert pki.issuing.chain_pem == (pki.root.cert_pem,)
    assert pki.seal.chain_pem == (pki.issuing.cert_pem, pki.root.cert_pem)
    assert b"ENCRYPTED PRIVATE KEY" in pki.seal.key_pem


def test_seal_certificate_fields(pki: Pki) -> None:
    cert = x509.load_pem_x509_certificate(pki.seal.cert_pem)
    get = cert.subject.get_attributes_for_oid
    assert get(NameOID.COMMON_NAME)[0].value == "锡林浩特市市场监督管理局 电子印章"
    assert get(NameOID.ORGANIZATION_NAME)[0].value == "锡林浩特市市场监督管理局"
    assert get(NameOID.SERIAL_NUMBER)[0].value == "11152502MB1234567X"
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca


def test_signer_names(pki: Pki) -> None:
    assert pki.signer.subject_common_name == "锡林浩特市市场监督管理局 电子印章"
    assert pki.signer.subject_organisation == "锡林浩特市市场监督管理局"


def test_wrong_passphrase(pki: Pki) -> None:
    with pytest.raises(BadPassphrase) as info:
        SealSigner.from_pem(pki.seal, b"wrong")
    assert info.value.code == "signing.bad_passphrase"
    assert "口令" in str(info.value) and " / " in str(info.value)
    with pytest.raises(BadPassphrase):
        issue_seal_certificate(
            pki.issuing,
            b"wrong",
            common_name="x",
            organisation="y",
            credit_code="11152502MB1234567X",
        )


def test_key_must_match_certificate(pki: Pki) -> None:
    mixed = type(pki.seal)(pki.issuing.key_pem, pki.seal.cert_pem, pki.seal.chain_pem)
    with pytest.raises(CertificateProblem):
        SealSigner.from_pem(mixed, PASSPHRASE)


@pytest.mark.parametrize("code", ["", "abc", "1115 2502"])
def test_bad_credit_code(pki: Pki, code: str) -> None:
    with pytest.raises(CertificateProblem):
        issue_seal_certificate(
            pki.issuing, PASSPHRASE, common_name="章", organisation="单位", credit_code=code
        )


def test_over_long_name_is_refused(pki: Pki) -> None:
    with pytest.raises(CertificateProblem):
        issue_seal_certificate(
            pki.issuing,
            PASSPHRASE,
            common_name="很" * 30,
            organisation="单位",
            credit_code="11152502MB1234567X",
        )


def test_empty_passphrase_refused() -> None:
    with pytest.raises(BadPassphrase):
        create_ca_hierarchy(organisation="x", passphrase=b"")
