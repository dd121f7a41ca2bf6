"""Incremental updates after a license is sealed are reported for what they change
(security finding 13: a metadata-only update verified as valid, with a note).

Each document is a license issued and sealed by the hall's own code, changed the way a
forger's PDF editor does it (pypdf's incremental writer: the sealed bytes stay, a
revision is appended). poppler's pdfsig checks each one too: it still says "Signature is
Valid" (it does not analyse what came after the signature), so the verdicts below rest on
the change analysis, not on broken cryptography.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfWriter
from pypdf.annotations import FreeText
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.verification.report import outcome_html
from cases.verification.status import Verdict, VerificationOutcome, verify_document
from tests.licensing import add_staff, issue_sample_license


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    hall = Hall.open(Settings(data_dir=tmp_path_factory.mktemp("tamper-hall")))
    add_staff(hall)
    yield hall
    hall.close()


@pytest.fixture(scope="module")
def license_pdf(hall: Hall) -> tuple[str, bytes]:
    return issue_sample_license(hall, 11)


def _appended(pdf: bytes, change: Callable[[PdfWriter], None]) -> bytes:
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    assert out.getvalue().startswith(pdf)  # the sealed bytes are untouched
    return out.getvalue()


def change_metadata(w: PdfWriter) -> None:
    w.add_metadata({"/Title": "营业执照 (已变更)", "/Author": "someone else"})


def add_annotation(w: PdfWriter) -> None:
    w.add_annotation(0, FreeText(text="已注销 VOID", rect=(50, 50, 250, 100)))


def add_page(w: PdfWriter) -> None:
    w.add_blank_page(width=595, height=842)


def _acroform(w: PdfWriter) -> DictionaryObject:
    return cast(DictionaryObject, w._root_object["/AcroForm"])


def add_form_field(w: PdfWriter) -> None:
    """A filled text field on the page, registered in the form: "status: 已注销"."""
    page = w.pages[0]
    field = DictionaryObject(
        {
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("status"),
            NameObject("/V"): TextStringObject("已注销"),
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (50, 700, 300, 730)]),
            NameObject("/P"): page.indirect_reference,
        }
    )
    ref = w._add_object(field)
    cast(ArrayObject, page["/Annots"]).append(ref)
    cast(ArrayObject, _acroform(w)["/Fields"]).append(ref)


def change_seal_field(w: PdfWriter) -> None:
    """The seal's own form field edited: renamed, as an editor does on "rename field"."""
    seal = cast(ArrayObject, _acroform(w)["/Fields"])[0].get_object()
    cast(DictionaryObject, seal)[NameObject("/T")] = TextStringObject("Seal-forged")


# (change, verdict, sub-indication, words the report must carry)
CASES: dict[str, tuple[Callable[[PdfWriter], None], Verdict, str, tuple[str, ...]]] = {
    "metadata": (
        change_metadata,
        Verdict.INDETERMINATE,
        "METADATA_CHANGED",
        ("文档属性“标题”", "营业执照 (已变更)", "Title", "文档属性“作者”", "someone else"),
    ),
    "annotation": (
        add_annotation,
        Verdict.INVALID,
        "FORMAT_FAILURE",
        ("第 1 页新增注释", "FreeText", "已注销 VOID", "annotation added on page 1"),
    ),
    "page": (add_page, Verdict.INVALID, "FORMAT_FAILURE", ("新增第 2 页", "page 2 added")),
    "form_field": (
        add_form_field,
        Verdict.INVALID,
        "FORMAT_FAILURE",
        ("新增表单域“status”", "已注销", "form field 'status' added"),
    ),
    "seal_field": (
        change_seal_field,
        Verdict.INVALID,
        "FORMAT_FAILURE",
        ("被改名为“Seal-forged”", "renamed 'Seal-forged'"),
    ),
}


def _verify(hall: Hall, pdf: bytes) -> VerificationOutcome:
    with session_scope(hall.sessions) as s:
        return verify_document(s, hall, pdf)


def _pdfsig(tmp_path: Path, pdf: bytes) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60)
    return run.stdout


def test_the_issued_license_is_valid(hall: Hall, license_pdf: tuple[str, bytes]) -> None:
    """The control: unchanged, the same license is valid, and no change is reported."""
    number, pdf = license_pdf
    outcome = _verify(hall, pdf)
    assert outcome.verdict is Verdict.VALID, outcome.reasons
    assert outcome.license is not None and outcome.license["number"] == number
    assert all(not s.changes for s in outcome.report.signatures)


@pytest.mark.parametrize("name", list(CASES))
def test_a_change_after_sealing_is_never_plain_valid(
    hall: Hall, license_pdf: tuple[str, bytes], tmp_path: Path, name: str
) -> None:
    number, pdf = license_pdf
    change, verdict, sub, words = CASES[name]
    tampered = _appended(pdf, change)

    pdfsig = _pdfsig(tmp_path, tampered)  # the cryptography still holds...
    assert "Signature is Valid." in pdfsig, pdfsig
    outcome = _verify(hall, tampered)  # ...but the document is not the one sealed
    assert outcome.verdict is verdict, outcome.reasons
    assert outcome.sub_indication == sub
    assert outcome.verdict_zh != "有效"
    text = "\n".join(outcome.reasons)
    for word in words:
        assert word in text, (word, text)
    # traced to the license the platform issued, not "never issued here"
    assert outcome.license is not None and outcome.license["number"] == number
    assert "签发后被追加修改" in text and "NOT_REGISTERED" not in str(outcome.sub_indication)
    # the report people read says it too, and its advice is not "rely on it"
    html = outcome_html(outcome)
    assert words[0] in html and "可以采信" not in outcome.advice_zh
    (seal,) = outcome.report.signatures
    assert seal.changes and any(words[0] in c for c in seal.changes)
    assert seal.to_dict()["changes"] == list(seal.changes)


def test_metadata_advice_says_what_to_do(hall: Hall, license_pdf: tuple[str, bytes]) -> None:
    outcome = _verify(hall, _appended(license_pdf[1], change_metadata))
    assert outcome.verdict_zh == "无法确定"
    assert "文件属性" in outcome.advice_zh and "原件" in outcome.advice_zh
