from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader, PdfWriter

from signing import Indication, NotAPdf, SigningFailed, VerificationReport, sign_pdf, verify_pdf

from .conftest import Pki

BOX = (350.0, 500.0, 469.0, 619.0)


def _sign(pdf: bytes, pki: Pki, **kwargs: object) -> bytes:
    options: dict[str, Any] = {
        "field_name": "Seal1",
        "page": 0,
        "box": BOX,
        "appearance_pdf": pki.appearance,
    }
    options.update(kwargs)
    signer = options.pop("signer", pki.signer)
    return sign_pdf(pdf, signer, **options)


@pytest.fixture(scope="module")
def signed(pki: Pki, plain_pdf: bytes) -> bytes:
    return _sign(plain_pdf, pki, reason="出具电子证照", location="锡林浩特市")


def _verify(pdf: bytes, pki: Pki) -> VerificationReport:
    return verify_pdf(pdf, trust_roots_pem=[pki.root.cert_pem])


def test_signed_pdf_passes(signed: bytes, pki: Pki) -> None:
    report = _verify(signed, pki)
    assert report.indication is Indication.TOTAL_PASSED, report.summary_zh()
    (sig,) = report.signatures
    assert sig.field_name == "Seal1"
    assert sig.signer_common_name == "锡林浩特市市场监督管理局 电子印章"
    assert sig.signer_organisation == "锡林浩特市市场监督管理局"
    assert sig.signer_serial == "11152502MB1234567X"
    assert sig.intact and sig.valid and sig.trusted
    assert sig.coverage == "ENTIRE_FILE"
    assert sig.claimed_signing_time is not None
    assert "验证通过" in report.summary_zh()
    d = report.to_dict()
    assert d["indication"] == "TOTAL-PASSED"
    assert d["signatures"][0]["signer_common_name"] == sig.signer_common_name


def test_signature_is_pades_with_visible_seal(signed: bytes) -> None:
    reader = PdfReader(io.BytesIO(signed))
    fields = reader.get_fields() or {}
    value = fields["Seal1"]["/V"]
    assert value["/SubFilter"] == "/ETSI.CAdES.detached"
    annots = [a.get_object() for a in cast(list[Any], reader.pages[0]["/Annots"])]
    widget = next(a for a in annots if a.get("/T") == "Seal1")
    rect = [float(v) for v in widget["/Rect"]]
    assert rect == pytest.approx(list(BOX), abs=1)
    assert "/AP" in widget


def test_pdfsig_cross_check(signed: bytes, tmp_pdf: Callable[..., Path]) -> None:
    out = subprocess.run(
        ["pdfsig", str(tmp_pdf(signed))], capture_output=True, text=True, check=False
    ).stdout
    assert "Signature is Valid" in out
    assert "ETSI.CAdES.detached" in out


def test_changed_byte_in_signed_range_fails(
    signed: bytes, pki: Pki, tmp_pdf: Callable[..., Path]
) -> None:
    at = signed.index(b"hello world")
    tampered = signed[:at] + b"jello world" + signed[at + 11 :]
    report = _verify(tampered, pki)
    assert report.indication is Indication.TOTAL_FAILED
    assert not report.signatures[0].intact
    assert report.signatures[0].reasons
    out = subprocess.run(
        ["pdfsig", str(tmp_pdf(tampered))], capture_output=True, text=True, check=False
    ).stdout
    assert "Signature is Valid" not in out


def test_incremental_update_adding_text_is_not_passed(signed: bytes, pki: Pki) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (forged: void) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    report = _verify(out.getvalue(), pki)
    assert report.indication is not Indication.TOTAL_PASSED
    assert report.indication is Indication.TOTAL_FAILED
    assert report.signatures[0].intact  # the signed revision itself is untouched


def test_incremental_update_adding_page_is_not_passed(signed: bytes, pki: Pki) -> None:
    writer = PdfWriter(io.BytesIO(signed), incremental=True)
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    assert out.getvalue().startswith(signed[:100])
    report = _verify(out.getvalue(), pki)
    assert report.indication is not Indication.TOTAL_PASSED


def test_appended_bytes_are_not_passed(signed: bytes, pki: Pki) -> None:
    report = _verify(signed + b"\n% trailing junk\n", pki)
    assert report.indication is not Indication.TOTAL_PASSED


def test_untrusted_ca_is_indeterminate(pki: Pki, plain_pdf: bytes) -> None:
    rogue = _sign(plain_pdf, pki, signer=pki.rogue_signer)
    report = _verify(rogue, pki)
    assert report.indication is Indication.INDETERMINATE
    sig = report.signatures[0]
    assert sig.intact and sig.valid and not sig.trusted
    assert any("受信任" in r for r in sig.reasons)


def test_no_trust_roots_is_indeterminate(signed: bytes) -> None:
    report = verify_pdf(signed, trust_roots_pem=[])
    assert report.indication is Indication.INDETERMINATE


@pytest.mark.parametrize(
    "data",
    [b"", b"not a pdf at all", b"\x00\xff" * 100, b"%PDF-1.7\n garbage without structure"],
)
def test_garbage_is_failed_with_problem(pki: Pki, data: bytes) -> None:
    report = _verify(data, pki)
    assert report.indication is Indication.TOTAL_FAILED
    assert report.problem
    assert report.problem in report.summary_zh()


def test_truncated_pdf_is_failed(signed: bytes, pki: Pki) -> None:
    report = _verify(signed[: len(signed) // 2], pki)
    assert report.indication is Indication.TOTAL_FAILED


def test_unsigned_pdf_is_failed(plain_pdf: bytes, pki: Pki) -> None:
    report = _verify(plain_pdf, pki)
    assert report.indication is Indication.TOTAL_FAILED
    assert report.problem and "没有电子签章" in report.problem


def test_certification_signature_has_docmdp(pki: Pki, plain_pdf: bytes) -> None:
    certified = _sign(plain_pdf, pki, certify=True)
    reader = PdfReader(io.BytesIO(certified))
    perms = cast(dict[str, Any], reader.trailer["/Root"])["/Perms"]
    assert "/DocMDP" in perms
    report = _verify(certified, pki)
    assert report.indication is Indication.TOTAL_PASSED
    assert report.signatures[0].docmdp_ok is True


def test_second_seal_after_first_passes(signed: bytes, pki: Pki) -> None:
    twice = _sign(signed, pki, field_name="Seal2", page=1)
    report = _verify(twice, pki)
    assert [s.field_name for s in report.signatures] == ["Seal1", "Seal2"]
    assert report.signatures[0].coverage == "ENTIRE_REVISION"
    assert report.indication is Indication.TOTAL_PASSED, report.summary_zh()


def test_sign_rejects_non_pdf(pki: Pki) -> None:
    with pytest.raises(NotAPdf) as info:
        _sign(b"GIF89a...", pki)
    assert info.value.code == "signing.not_a_pdf"
    with pytest.raises(NotAPdf):
        _sign(b"%PDF-1.4 broken", pki)


def test_sign_rejects_bad_page_and_box(pki: Pki, plain_pdf: bytes) -> None:
    with pytest.raises(SigningFailed):
        _sign(plain_pdf, pki, page=5)
    with pytest.raises(SigningFailed):
        _sign(plain_pdf, pki, box=(10.0, 10.0, 5.0, 50.0))


def test_existing_field_cannot_be_signed_twice(signed: bytes, pki: Pki) -> None:
    with pytest.raises(SigningFailed):
        _sign(signed, pki)


def test_invisible_signature_without_appearance(pki: Pki, plain_pdf: bytes) -> None:
    out = _sign(plain_pdf, pki, appearance_pdf=None)
    assert _verify(out, pki).indication is Indication.TOTAL_PASSED
