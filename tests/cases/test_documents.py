from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from cases.printing.documents import (
    NoticeContent,
    NoticeKind,
    NoticeLine,
    RenderedDocument,
    render_notice,
)
from cases.printing.fonts import FontKind, find_font
from cases.results.license_document import LicenseContent, render_license
from signing import (
    Indication,
    SealSigner,
    create_ca_hierarchy,
    issue_seal_certificate,
    seal_appearance_pdf,
    sign_pdf,
    verify_pdf,
)

LINES = tuple(
    NoticeLine(f"申请材料{i}号:营业执照副本复印件", f"缺少第{i}页,且复印件未加盖公章,请补正第{i}项")
    for i in range(1, 10)
)
BASE = {
    "number": "锡政服受字〔2026〕第000123号",
    "case_number": "XLHT-2026-000123",
    "hall_name": "锡林浩特市政务服务中心",
    "window_name": "综合受理窗口",
    "department_name": "锡林浩特市市场监督管理局",
    "item_name": "食品经营许可(新办)",
    "applicant_name": "锡林浩特市草原鲜奶店",
    "issued_on": date(2026, 3, 5),
    "verify_url": "https://zwfw.example.gov.cn/v/XLHT-2026-000123",
}
LICENSE = LicenseContent(
    title="个体工商户登记证明",
    number="XLHT-GT-2026-000045",
    identifier="1.2.156.3005.2.11152500011609534E001.11152500011609534E.20260000045.001.9",
    holder="锡林浩特市草原鲜奶店",
    holder_id="92152502MA0ABCDE1X",
    item_name="个体工商户设立登记",
    department_name="锡林浩特市市场监督管理局",
    issued_on=date(2026, 3, 5),
    valid_until=None,
    details=(
        ("经营场所", "锡林浩特市宝力根街道团结路18号"),
        ("经营范围", "乳制品零售;预包装食品销售"),
    ),
    verify_url="https://zwfw.example.gov.cn/l/XLHT-GT-2026-000045",
)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def _notice(
    kind: NoticeKind, lines: tuple[NoticeLine, ...] = LINES[:3], **extra: object
) -> RenderedDocument:
    return render_notice(NoticeContent(kind=kind, lines=lines, **BASE, **extra))  # type: ignore[arg-type]


def _check_seal_box(doc: RenderedDocument) -> None:
    reader = PdfReader(io.BytesIO(doc.pdf))
    assert 0 <= doc.seal_page < len(reader.pages)
    x1, y1, x2, y2 = doc.seal_box
    page = reader.pages[doc.seal_page].mediabox
    assert 0 <= x1 < x2 <= float(page.width) and 0 <= y1 < y2 <= float(page.height)
    assert x2 - x1 == pytest.approx(42 / 25.4 * 72, abs=1)


def test_acceptance_notice_text() -> None:
    doc = _notice(NoticeKind.ACCEPTANCE, time_limit_days=10, due_on=date(2026, 3, 19))
    text = _text(doc.pdf)
    for expected in (
        "锡林浩特市政务服务中心",
        "锡政服受字〔2026〕第000123号",
        "受理通知书",
        "锡林浩特市草原鲜奶店:",
        "《中华人民共和国行政许可法》第三十二条",
        "决定予以受理",
        "10个工作日",
        "2026年3月19日",
        "2026年3月5日",
        "XLHT-2026-000123",
    ):
        assert expected in text, expected
    _check_seal_box(doc)


def test_correction_notice_lists_every_line() -> None:
    doc = _notice(NoticeKind.CORRECTION, LINES)
    text = _text(doc.pdf)
    assert "申请材料补正通知书" in text
    assert "请一次性补正以下全部材料(共9项)" in text
    for line in LINES:
        assert line.material in text
        assert line.detail in text
    _check_seal_box(doc)
    # nine rows do not fit one page: the seal goes on the last page, with the issuer
    assert doc.seal_page == len(PdfReader(io.BytesIO(doc.pdf)).pages) - 1


def test_conditional_notice_has_commitment() -> None:
    doc = _notice(NoticeKind.CONDITIONAL, LINES[:2], pending_due_on=date(2026, 3, 20))
    text = _text(doc.pdf)
    assert "容缺受理通知书" in text
    assert "承诺书" in text
    assert "2026年3月20日前补齐" in text
    assert "终止办理" in text and "撤销" in text
    assert "申请人(签字/盖章)" in text
    assert len(PdfReader(io.BytesIO(doc.pdf)).pages) == 1


def test_rejection_notice_reason_and_remedy() -> None:
    doc = _notice(NoticeKind.REJECTION, (), reason="申请事项依法不需要取得行政许可")
    text = _text(doc.pdf)
    assert "不予受理通知书" in text
    assert "申请事项依法不需要取得行政许可" in text
    assert "行政复议" in text


def test_markup_in_content_is_escaped() -> None:
    doc = _notice(NoticeKind.CORRECTION, (NoticeLine("A<b>&C", "x<y"),))
    text = _text(doc.pdf)
    assert "A<b>&C" in text and "x<y" in text


def test_fonts_are_embedded(tmp_path: Path) -> None:
    path = tmp_path / "n.pdf"
    path.write_bytes(_notice(NoticeKind.ACCEPTANCE).pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    cjk = [row for row in rows if "Helvetica" not in row]  # reportlab's unused initial font
    assert cjk and all(row.split()[-5] == "yes" for row in cjk)
    names = " ".join(cjk)
    assert "UMing" in names or "WenQuanYi" in names


def test_license_text_and_seal_box() -> None:
    doc = render_license(LICENSE)
    text = _text(doc.pdf)
    for expected in (
        "个体工商户登记证明",
        "XLHT-GT-2026-000045",
        "锡林浩特市草原鲜奶店",
        "92152502MA0ABCDE1X",
        "经营场所",
        "长期",
        "锡林浩特市市场监督管理局",
        "2026年3月5日",
    ):
        assert expected in text, expected
    _check_seal_box(doc)


def test_sealed_license_verifies(tmp_path: Path) -> None:
    root, issuing = create_ca_hierarchy(organisation="测试政务服务局", passphrase=b"pw")
    seal = issue_seal_certificate(
        issuing,
        b"pw",
        common_name="锡林浩特市市场监督管理局 电子印章",
        organisation="锡林浩特市市场监督管理局",
        credit_code="11152502MB1234567X",
    )
    doc = render_license(LICENSE)
    appearance = seal_appearance_pdf(
        "锡林浩特市市场监督管理局", font_path=str(find_font(FontKind.HEI)), subtitle="电子印章"
    )
    sealed = sign_pdf(
        doc.pdf,
        SealSigner.from_pem(seal, b"pw"),
        field_name="DepartmentSeal",
        page=doc.seal_page,
        box=doc.seal_box,
        appearance_pdf=appearance,
        certify=True,
        reason="出具电子证照",
    )
    report = verify_pdf(sealed, trust_roots_pem=[root.cert_pem])
    assert report.indication is Indication.TOTAL_PASSED, report.summary_zh()
    assert report.signatures[0].signer_organisation == "锡林浩特市市场监督管理局"
    path = tmp_path / "license.pdf"
    path.write_bytes(sealed)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" in out.stdout
    qpdf = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert qpdf.returncode == 0, qpdf.stdout + qpdf.stderr
