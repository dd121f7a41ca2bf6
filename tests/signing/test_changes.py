"""What was changed after a signature is named, and decides the indication (security
finding 13). pyHanko allows some changes (document properties at its lowest level, form
filling under a certification's DocMDP level 2); none of them may pass in silence."""

from __future__ import annotations

import hashlib
import io

from pypdf import PdfWriter
from reportlab.pdfgen.canvas import Canvas

from signing import Indication, VerificationReport, sign_pdf, verify_pdf
from tests.pki import TestPki

from .conftest import Pki

BOX = (350.0, 500.0, 469.0, 619.0)


def _certify(pdf: bytes, pki: Pki, **options: object) -> bytes:
    return sign_pdf(
        pdf,
        pki.signer,
        field_name="Seal1",
        page=0,
        box=BOX,
        appearance_pdf=pki.appearance,
        certify=True,
        **options,  # type: ignore[arg-type]
    )


def _verify(pdf: bytes, pki: Pki) -> VerificationReport:
    return verify_pdf(pdf, trust_roots_pem=[pki.root.cert_pem])


def _appended(pdf: bytes, change: object) -> bytes:
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    change(writer)  # type: ignore[operator]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _form_pdf() -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.drawString(72, 760, "holder:")
    canvas.acroForm.textfield(name="holder", value="Zhang San", x=140, y=750, width=200, height=20)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_changed_document_properties_are_indeterminate_and_named(
    pki: Pki, plain_pdf: bytes
) -> None:
    certified = _certify(plain_pdf, pki)
    changed = _appended(certified, lambda w: w.add_metadata({"/Subject": "forged subject"}))
    report = _verify(changed, pki)
    (seal,) = report.signatures
    assert seal.modification_level == "LTA_UPDATES" and seal.docmdp_ok  # pyHanko allows it
    assert report.indication is Indication.INDETERMINATE  # but it is not passed
    assert report.sub_indication == "METADATA_CHANGED"
    assert any("forged subject" in r and "主题" in r for r in seal.reasons), seal.reasons
    # the file as it was sealed can still be found in the registry
    assert hashlib.sha256(certified).hexdigest() in report.earlier_revisions


def test_form_filling_allowed_by_docmdp_still_fails_and_says_what(pki: Pki) -> None:
    certified = _certify(_form_pdf(), pki)
    assert _verify(certified, pki).indication is Indication.TOTAL_PASSED
    filled = _appended(
        certified,
        lambda w: w.update_page_form_field_values(
            w.pages[0], {"holder": "Li Si"}, auto_regenerate=False
        ),
    )
    report = _verify(filled, pki)
    (seal,) = report.signatures
    assert seal.modification_level == "FORM_FILLING" and seal.docmdp_ok  # allowed...
    assert report.indication is Indication.TOTAL_FAILED  # ...but a reader sees it
    assert report.sub_indication == "FORMAT_FAILURE"
    assert any("“Zhang San” 改为 “Li Si”" in r for r in seal.reasons), seal.reasons


def test_a_later_signature_is_named_but_judged_on_its_own(pki: Pki, plain_pdf: bytes) -> None:
    first = sign_pdf(
        plain_pdf, pki.signer, field_name="Seal1", page=0, box=BOX, appearance_pdf=None
    )
    second = sign_pdf(first, pki.signer, field_name="Seal2", page=1, box=BOX, appearance_pdf=None)
    report = _verify(second, pki)
    assert report.indication is Indication.TOTAL_PASSED, report.summary_zh()
    assert report.signatures[0].changes == (
        "追加了签名“Seal2”(单独验证) / signature 'Seal2' was added (verified on its own)",
    )  # its modification date and XMP, rewritten by the signing, are not reported


def test_long_term_updates_change_nothing_a_reader_sees(
    test_pki: TestPki, plain_pdf: bytes
) -> None:
    lta = sign_pdf(
        plain_pdf,
        test_pki.signer(),
        field_name="Seal1",
        page=0,
        box=BOX,
        appearance_pdf=None,
        certify=True,
        level="B-LTA",
        timestamper_url=test_pki.tsa_url(),
        trust_roots_pem=(test_pki.root_pem,),
    )
    report = verify_pdf(lta, trust_roots_pem=[test_pki.root_pem])
    assert report.indication is Indication.TOTAL_PASSED, report.summary_zh()
    assert all(not s.changes for s in report.signatures)
    changed = _appended(lta, lambda w: w.add_metadata({"/Title": "changed"}))
    report = verify_pdf(changed, trust_roots_pem=[test_pki.root_pem])
    assert report.indication is Indication.INDETERMINATE
    assert all(any("changed" in c for c in s.changes) for s in report.signatures)


def test_objects_too_large_to_compare_count_as_changed() -> None:
    """The comparison is bounded; past the bound it says "changed", never "same"."""
    from pyhanko.pdf_utils.generic import ArrayObject, NumberObject

    from signing.diffing import MAX_NODES, same

    small = ArrayObject([ArrayObject([NumberObject(i)]) for i in range(100)])
    huge = ArrayObject([ArrayObject([NumberObject(i)]) for i in range(MAX_NODES + 1)])
    assert same(small, ArrayObject(list(small)))
    assert not same(huge, ArrayObject(list(huge)))
