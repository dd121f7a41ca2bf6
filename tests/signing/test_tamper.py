"""The tamper suite: each mutation of a sealed, certified document must give the right
non-passing indication, never TOTAL-PASSED. Registry-level mutations (license revoked,
seal revoked in the registry, superseded version) are in tests/cases/test_licenses.py."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfWriter
from pypdf.annotations import FreeText

from signing import Indication, VerificationReport, issue_seal_certificate, sign_pdf, verify_pdf
from tests.pki import TestPki

from .conftest import PASSPHRASE, Pki

BOX = (350.0, 500.0, 469.0, 619.0)


@dataclass(frozen=True)
class Ctx:
    pki: Pki
    test_pki: TestPki
    plain: bytes
    certified: bytes  # dev PKI, certified B-B
    lta: bytes  # certomancer PKI, certified B-LTA


def _sign(pdf: bytes, signer: object, **kw: object) -> bytes:
    options: dict[str, object] = {
        "field_name": "Seal1",
        "page": 0,
        "box": BOX,
        "appearance_pdf": None,
        "certify": True,
    }
    options.update(kw)
    return sign_pdf(pdf, signer, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def ctx(pki: Pki, test_pki: TestPki, plain_pdf: bytes) -> Ctx:
    lta = _sign(
        plain_pdf,
        test_pki.signer(),
        level="B-LTA",
        timestamper_url=test_pki.tsa_url(),
        trust_roots_pem=(test_pki.root_pem,),
    )
    return Ctx(
        pki, test_pki, plain_pdf, _sign(plain_pdf, pki.signer, appearance_pdf=pki.appearance), lta
    )


def _dev(pdf: bytes, c: Ctx) -> VerificationReport:
    return verify_pdf(pdf, trust_roots_pem=[c.pki.root.cert_pem])


def _test(pdf: bytes, c: Ctx, *, online: bool = False) -> VerificationReport:
    return verify_pdf(pdf, trust_roots_pem=[c.test_pki.root_pem], online=online)


def _incremental(pdf: bytes, change: Callable[[IncrementalPdfFileWriter], None]) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _contents_span(pdf: bytes, which: int = 0) -> tuple[int, int]:
    match = list(re.finditer(rb"/Contents <([0-9a-fA-F]+)>", pdf))[which]
    return match.start(1), match.end(1)


def _flip(pdf: bytes, at: int) -> bytes:
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]


# --- the mutations: (pdf, ctx) -> (report, expected indication, expected sub-indications)


def flip_signed_text(c: Ctx) -> VerificationReport:
    at = c.certified.index(b"hello world")
    return _dev(c.certified[:at] + b"jello" + c.certified[at + 5 :], c)


def flip_page_dictionary(c: Ctx) -> VerificationReport:
    at = c.certified.index(b"/MediaBox [ 0 0 595")  # first revision, inside the signed range
    return _dev(c.certified[:at] + b"/MediaBox [ 0 0 596" + c.certified[at + 19 :], c)


def _flip_signature_value(pdf: bytes, which: int = 0) -> bytes:
    """Flip one bit in the middle of the CMS signature value (not in certificates)."""
    start, end = _contents_span(pdf, which)
    der = bytes.fromhex(pdf[start:end].decode())
    info = cms.ContentInfo.load(der, strict=False)
    sig = info["content"]["signer_infos"][0]["signature"].contents
    at = start + 2 * (der.index(sig) + len(sig) // 2)
    digit = b"1" if pdf[at : at + 1] == b"0" else b"0"  # stays a hex digit
    return pdf[:at] + digit + pdf[at + 1 :]


def flip_signature_value(c: Ctx) -> VerificationReport:
    return _dev(_flip_signature_value(c.certified), c)


def zero_signature(c: Ctx) -> VerificationReport:
    start, end = _contents_span(c.certified)
    return _dev(c.certified[:start] + b"0" * (end - start) + c.certified[end:], c)


def swap_certificate(c: Ctx) -> VerificationReport:
    """Replace the signer's certificate in the CMS by another seal of the same trusted CA."""
    other = issue_seal_certificate(
        c.pki.issuing,
        PASSPHRASE,
        common_name="锡林浩特市市场监督管理局 电子印章",
        organisation="锡林浩特市市场监督管理局",
        credit_code="11152502MB1234567X",
    )
    start, end = _contents_span(c.certified)
    info = cms.ContentInfo.load(bytes.fromhex(c.certified[start:end].decode()), strict=False)
    info = cms.ContentInfo.load(info.dump())
    cert = asn1_x509.Certificate.load(other.certificate.public_bytes(Encoding.DER))
    signed = info["content"]
    certs = [
        cert if c2.chosen.subject == cert.subject else c2.chosen for c2 in signed["certificates"]
    ]
    signed["certificates"] = cms.CertificateSet(
        [cms.CertificateChoices("certificate", x) for x in certs]
    )
    signed["signer_infos"][0]["sid"] = cms.SignerIdentifier(
        "issuer_and_serial_number",
        cms.IssuerAndSerialNumber({"issuer": cert.issuer, "serial_number": cert.serial_number}),
    )
    new_hex = info.dump(force=True).hex().encode()
    new_hex = new_hex + b"0" * (end - start - len(new_hex))
    assert len(new_hex) == end - start
    return _dev(c.certified[:start] + new_hex + c.certified[end:], c)


def incremental_text(c: Ctx) -> VerificationReport:
    def change(w: IncrementalPdfFileWriter) -> None:
        stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (VOID) Tj ET")
        w.add_stream_to_page(0, w.add_object(stream))

    return _dev(_incremental(c.certified, change), c)


def incremental_mediabox(c: Ctx) -> VerificationReport:
    def change(w: IncrementalPdfFileWriter) -> None:
        page_ref = w.root["/Pages"]["/Kids"][0]
        page = page_ref.get_object()
        page["/MediaBox"] = generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, 300, 300)])
        w.update_container(page)

    return _dev(_incremental(c.certified, change), c)


def added_page(c: Ctx) -> VerificationReport:
    writer = PdfWriter(io.BytesIO(c.certified), incremental=True)
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return _dev(out.getvalue(), c)


def added_annotation(c: Ctx) -> VerificationReport:
    writer = PdfWriter(io.BytesIO(c.certified), incremental=True)
    writer.add_annotation(0, FreeText(text="已作废 VOID", rect=(50, 50, 250, 100)))
    out = io.BytesIO()
    writer.write(out)
    return _dev(out.getvalue(), c)


def removed_signature_field(c: Ctx) -> VerificationReport:
    def change(w: IncrementalPdfFileWriter) -> None:
        acroform = w.root["/AcroForm"]
        acroform["/Fields"] = generic.ArrayObject()
        w.update_container(acroform)
        page = w.root["/Pages"]["/Kids"][0].get_object()
        page["/Annots"] = generic.ArrayObject()
        w.update_container(page)

    return _dev(_incremental(c.certified, change), c)


def rewritten_file(c: Ctx) -> VerificationReport:
    """A full (non-incremental) rewrite keeps the signature dictionary but moves bytes."""
    writer = PdfWriter(clone_from=io.BytesIO(c.certified))
    out = io.BytesIO()
    writer.write(out)
    return _dev(out.getvalue(), c)


def appended_junk(c: Ctx) -> VerificationReport:
    return _dev(c.certified + b"\n% appended after signing\n", c)


def truncated(c: Ctx) -> VerificationReport:
    return _dev(c.certified[: len(c.certified) * 2 // 3], c)


def rogue_ca_same_names(c: Ctx) -> VerificationReport:
    return _dev(_sign(c.plain, c.pki.rogue_signer), c)


def unknown_trust_root(c: Ctx) -> VerificationReport:
    return verify_pdf(c.certified, trust_roots_pem=[c.test_pki.root_pem])


def rogue_second_signature(c: Ctx) -> VerificationReport:
    return _dev(_sign(c.certified, c.pki.rogue_signer, field_name="Seal2", certify=False), c)


def revoked_seal(c: Ctx) -> VerificationReport:
    pdf = _sign(c.plain, c.test_pki.signer("revoked"))
    return _test(pdf, c, online=True)


def revoked_before_timestamped_signing(c: Ctx) -> VerificationReport:
    """Revoked in 2021, timestamped 2025: the timestamp cannot save it."""
    pdf = _sign(
        c.plain,
        c.test_pki.signer("revoked"),
        level="B-T",
        timestamper_url=c.test_pki.past_tsa_url(),
    )
    return _test(pdf, c, online=True)


def revoked_after_timestamped_signing(c: Ctx) -> VerificationReport:
    """Timestamped 2025 (fake time), revoked 2026: never a pass, never 'forged'."""
    pdf = _sign(
        c.plain, c.test_pki.signer("late"), level="B-T", timestamper_url=c.test_pki.past_tsa_url()
    )
    return _test(pdf, c, online=True)


def expired_seal(c: Ctx) -> VerificationReport:
    pdf = _sign(c.plain, c.test_pki.signer("expired"))
    return _test(pdf, c, online=True)


def untrusted_tsa(c: Ctx) -> VerificationReport:
    pdf = _sign(
        c.plain, c.test_pki.signer(), level="B-T", timestamper_url=c.test_pki.tsa_url("rogue")
    )
    return _test(pdf, c, online=True)


def offline_without_revocation_data(c: Ctx) -> VerificationReport:
    pdf = _sign(c.plain, c.test_pki.signer(), level="B-T", timestamper_url=c.test_pki.tsa_url())
    return _test(pdf, c, online=False)


def lta_flip_in_signed_range(c: Ctx) -> VerificationReport:
    at = c.lta.index(b"hello world")
    return _test(c.lta[:at] + b"jello" + c.lta[at + 5 :], c)


def lta_flip_document_timestamp(c: Ctx) -> VerificationReport:
    return _test(_flip_signature_value(c.lta, which=-1), c)


def lta_added_page(c: Ctx) -> VerificationReport:
    writer = PdfWriter(io.BytesIO(c.lta), incremental=True)
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return _test(out.getvalue(), c)


F, U = Indication.TOTAL_FAILED, Indication.INDETERMINATE
MUTATIONS: list[tuple[Callable[[Ctx], VerificationReport], Indication, set[str]]] = [
    (flip_signed_text, F, {"HASH_FAILURE"}),
    (flip_page_dictionary, F, {"HASH_FAILURE"}),
    (flip_signature_value, F, {"SIG_CRYPTO_FAILURE", "FORMAT_FAILURE"}),
    (zero_signature, F, {"FORMAT_FAILURE"}),
    (swap_certificate, U, {"NO_SIGNING_CERTIFICATE_FOUND"}),
    (incremental_text, F, {"FORMAT_FAILURE"}),
    (incremental_mediabox, F, {"FORMAT_FAILURE"}),
    (added_page, F, {"FORMAT_FAILURE"}),
    (added_annotation, F, {"FORMAT_FAILURE"}),
    (removed_signature_field, F, {"FORMAT_FAILURE", "SIGNED_DATA_NOT_FOUND"}),
    (rewritten_file, F, {"FORMAT_FAILURE", "HASH_FAILURE", "SIGNED_DATA_NOT_FOUND"}),
    (appended_junk, F, {"FORMAT_FAILURE"}),
    (truncated, F, {"FORMAT_FAILURE", "SIGNED_DATA_NOT_FOUND"}),
    (rogue_ca_same_names, U, {"NO_CERTIFICATE_CHAIN_FOUND"}),
    (unknown_trust_root, U, {"NO_CERTIFICATE_CHAIN_FOUND"}),
    (rogue_second_signature, F, {"FORMAT_FAILURE"}),  # new field breaks DocMDP too
    (revoked_seal, F, {"REVOKED"}),
    (revoked_before_timestamped_signing, F, {"REVOKED"}),
    (revoked_after_timestamped_signing, U, {"REVOKED_AFTER_SIGNING"}),
    (expired_seal, U, {"OUT_OF_BOUNDS_NO_POE", "EXPIRED", "OUT_OF_BOUNDS_NOT_REVOKED"}),
    (untrusted_tsa, U, {"NO_POE"}),
    (offline_without_revocation_data, U, {"CERTIFICATE_CHAIN_GENERAL_FAILURE", "TRY_LATER"}),
    (lta_flip_in_signed_range, F, {"HASH_FAILURE"}),
    (lta_flip_document_timestamp, F, {"SIG_CRYPTO_FAILURE", "FORMAT_FAILURE", "HASH_FAILURE"}),
    (lta_added_page, F, {"FORMAT_FAILURE"}),
]


@pytest.mark.parametrize(
    ("mutate", "indication", "subs"), MUTATIONS, ids=[m[0].__name__ for m in MUTATIONS]
)
def test_mutation_is_not_passed(
    ctx: Ctx, mutate: Callable[[Ctx], VerificationReport], indication: Indication, subs: set[str]
) -> None:
    report = mutate(ctx)
    assert report.indication is indication, report.summary_zh()
    assert report.sub_indication in subs, (report.sub_indication, report.summary_zh())
    assert report.indication is not Indication.TOTAL_PASSED


def test_unmutated_baselines_pass(ctx: Ctx) -> None:
    """The controls: without mutation both documents pass (so the suite can fail)."""
    assert _dev(ctx.certified, ctx).indication is Indication.TOTAL_PASSED
    lta = _test(ctx.lta, ctx)
    assert lta.indication is Indication.TOTAL_PASSED, lta.summary_zh()
    levels = {s.type.value: s.pades_level for s in lta.signatures}
    assert levels == {"certification": "B-LTA", "document_timestamp": "DOC-TS"}
    assert all(s.proven_signing_time is not None for s in lta.signatures)
    assert len(MUTATIONS) >= 20
