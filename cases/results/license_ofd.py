"""The e-license as an OFD page (GB/T 33190), beside the PDF: the same facts in the same
order (title, number, identifier, the holder's rows, issuer and date, verification QR),
the GB/T 36903 core metadata in the document info, and the seal's place over the issuer.
"""

from __future__ import annotations

from typing import Any

from cases.printing.documents import zh_date
from cases.printing.qr import qr_png
from cases.results.license_document import LicenseContent
from signing.ofd import OfdDocument, OfdImage, OfdPage, OfdText

_RED = (140, 31, 26)
_LEFT = 25.0
_LABEL_WIDTH = 48.0


def _flat(record: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (
            key,
            ";".join(f"{k}={v}" for k, v in value.items())
            if isinstance(value, dict)
            else str(value),
        )
        for key, value in record.items()
    )


def license_ofd(content: LicenseContent, record: dict[str, Any]) -> OfdDocument:
    rows = content.rows()
    texts = [
        OfdText(88, 38, "中华人民共和国", size=5.0, font="hei"),
        OfdText(
            105 - len(content.title) * 5.0, 58, content.title, size=10.0, font="hei", colour=_RED
        ),
        OfdText(93, 68, "(电子证照)", size=4.2),
        OfdText(_LEFT, 82, f"编号:{content.number}", size=3.5),
        OfdText(_LEFT, 88, f"证照标识:{content.identifier}", size=3.0),
    ]
    y = 102.0
    for label, value in rows:
        texts.append(OfdText(_LEFT, y, label, size=3.6, font="hei"))
        for start in range(0, max(len(value), 1), 30):
            texts.append(OfdText(_LEFT + _LABEL_WIDTH, y, value[start : start + 30], size=3.6))
            y += 6.0
        y += 4.0
    issuer_y = max(y + 20, 205.0)
    texts += [
        OfdText(112, issuer_y, f"发证机关:{content.department_name}", size=4.2),
        OfdText(130, issuer_y + 8, zh_date(content.issued_on), size=4.2),
        OfdText(
            _LEFT, 282, "本电子证照与纸质证照具有同等法律效力,可扫描二维码或登录核验", size=2.8
        ),
    ]
    qr = OfdImage(_LEFT, issuer_y - 12, 32, 32, qr_png(content.verify_url))
    return OfdDocument(
        title=f"{content.title} {content.number}",
        author=content.department_name,
        pages=(OfdPage(texts=tuple(texts), images=(qr,)),),
        custom=_flat(record),
        created=content.issued_on,
        stamp_box=(0, 128.0, issuer_y - 26, 42.0, 42.0),
    )
