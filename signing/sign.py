"""Seal a PDF: a PAdES signature (ETSI.CAdES.detached) in a visible field that shows the
seal appearance; optionally a certification signature with DocMDP (fill forms only).

Levels: B-B (signature only), B-T (plus an RFC 3161 signature timestamp), B-LT (plus the
chain's OCSP/CRL answers in the DSS), B-LTA (plus a document timestamp over all of it).
"""

from __future__ import annotations

import binascii
import io
import logging
import uuid
from functools import lru_cache
from typing import Any

from pyhanko.pdf_utils import content, layout
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.stamp import StaticStampStyle
from pyhanko.stamp.base import BaseStampStyle
from pyhanko_certvalidator import ValidationContext

from signing.errors import NotAPdf, SigningError, SigningFailed
from signing.signer import SealSigner

logger = logging.getLogger(__name__)


class _ImportedPdfBytes(content.ImportedPdfPage):
    """pyHanko's ImportedPdfPage reads a file name; ours comes from memory."""

    def __init__(self, data: bytes, page_ix: int = 0) -> None:
        super().__init__(file_name="<memory>", page_ix=page_ix)
        self.data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        reader = PdfFileReader(io.BytesIO(self.data))
        xobj = writer.import_page_as_xobject(reader, page_ix=self.page_ix)
        resource_name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[resource_name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return resource_name + b" Do"


@lru_cache(maxsize=64)
def _check_appearance(appearance_pdf: bytes) -> None:
    """The same few seal images are used over and over: check each once."""
    _open(appearance_pdf, what_en="seal appearance", what_zh="印章外观")


def _stamp_style(appearance_pdf: bytes | None) -> BaseStampStyle | None:
    if appearance_pdf is None:
        return None
    _check_appearance(appearance_pdf)
    return StaticStampStyle(
        background=_ImportedPdfBytes(appearance_pdf),
        background_opacity=1.0,
        border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),
        ),
    )


def _open(pdf: bytes, *, what_en: str = "document", what_zh: str = "文件") -> int:
    """Check that `pdf` is a readable PDF; return its page count."""
    return _parse(pdf, PdfFileReader, what_en=what_en, what_zh=what_zh)[1]


def _parse(
    pdf: bytes, kind: Any, *, what_en: str = "document", what_zh: str = "文件"
) -> tuple[Any, int]:
    """Parse once with `kind` (a reader, or the incremental writer that signing needs)."""
    if not pdf.lstrip()[:5] == b"%PDF-":
        raise NotAPdf(f"the {what_en} is not a PDF file", f"{what_zh}不是 PDF 格式,请上传 PDF 文件")
    try:
        reader = kind(io.BytesIO(pdf), strict=False)
        page_count = int(reader.root["/Pages"]["/Count"])
        (reader if kind is PdfFileReader else reader.prev).find_page_for_modification(0)
    except Exception as e:  # pyHanko raises PdfReadError, KeyError, ValueError on junk
        raise NotAPdf(
            f"the {what_en} is a damaged PDF and cannot be read: {e}",
            f"{what_zh}已损坏,无法读取为 PDF",
        ) from e
    return reader, page_count


LEVELS = ("B-B", "B-T", "B-LT", "B-LTA")


def sign_pdf(
    pdf: bytes,
    signer: SealSigner,
    *,
    field_name: str,
    page: int,
    box: tuple[float, float, float, float],
    appearance_pdf: bytes | None,
    certify: bool = False,
    reason: str = "",
    location: str = "",
    timestamper_url: str | None = None,
    level: str = "B-B",
    trust_roots_pem: tuple[bytes, ...] = (),
) -> bytes:
    """Return the PDF with one more signature, appended as an incremental update.

    B-T and above need `timestamper_url`; B-LT and B-LTA fetch revocation data for the
    chain up to `trust_roots_pem` from the URLs in the certificates."""
    if level not in LEVELS:
        raise SigningFailed(f"unknown PAdES level {level!r}", f"未知的 PAdES 级别 {level!r}")
    if level != "B-B" and not timestamper_url:
        raise SigningFailed(
            f"PAdES {level} needs a timestamp authority (TSA) URL",
            f"PAdES {level} 级别签章需要配置时间戳服务(TSA)地址",
        )
    long_term = level in ("B-LT", "B-LTA")
    context = None
    if long_term:
        from signing.verify import trust_roots

        context = ValidationContext(trust_roots=trust_roots(trust_roots_pem), allow_fetching=True)
    writer, page_count = _parse(pdf, IncrementalPdfFileWriter)
    if not 0 <= page < page_count:
        raise SigningFailed(
            f"page index {page} is outside the document (it has {page_count} pages)",
            f"签章页码 {page + 1} 超出文件页数({page_count} 页)",
        )
    x1, y1, x2, y2 = box
    if x2 <= x1 or y2 <= y1:
        raise SigningFailed(f"the seal box {box} is empty", f"签章位置 {box} 无效")
    if not field_name or "." in field_name:
        raise SigningFailed(
            f"invalid signature field name {field_name!r}", f"签名域名称 {field_name!r} 无效"
        )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=certify,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
        reason=reason or None,
        location=location or None,
        name=signer.subject_common_name or None,
        embed_validation_info=long_term,
        use_pades_lta=level == "B-LTA",
        validation_context=context,
    )
    field_spec = fields.SigFieldSpec(
        sig_field_name=field_name,
        on_page=page,
        box=(round(x1), round(y1), round(x2), round(y2)),
    )
    timestamper = (
        timestamps.HTTPTimeStamper(timestamper_url) if timestamper_url and level != "B-B" else None
    )
    try:
        pdf_signer = signers.PdfSigner(
            meta,
            signer.pyhanko_signer,
            timestamper=timestamper,
            stamp_style=_stamp_style(appearance_pdf),
            new_field_spec=field_spec,
        )
        out = pdf_signer.sign_pdf(writer, output=io.BytesIO())
    except SigningError:
        raise
    except Exception as e:  # translate pyHanko's errors at the seam
        raise SigningFailed(f"signing failed: {e}", f"签章失败:{e}") from e
    logger.info("sealed field %s with %s", field_name, signer.subject_common_name)
    return bytes(out.getvalue())
