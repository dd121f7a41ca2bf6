"""XMP metadata in a PDF (ISO 16684): written into the rendered document before it is
sealed, so that the certification signature covers it; read back by verifiers."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import NameObject, StreamObject

from signing.errors import NotAPdf


def with_xmp(pdf: bytes, xmp: bytes) -> bytes:
    """The same document with `xmp` as its catalog's /Metadata stream."""
    try:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    except (PdfReadError, ValueError, KeyError) as e:
        raise NotAPdf(f"the document cannot be read: {e}", "文件无法读取为 PDF") from e
    writer.xmp_metadata = xmp
    stream = writer.root_object["/Metadata"].get_object()
    assert isinstance(stream, StreamObject)  # the setter just wrote it
    stream[NameObject("/Type")] = NameObject("/Metadata")  # as ISO 32000 requires; and
    stream[NameObject("/Subtype")] = NameObject("/XML")  # pyHanko then updates, not replaces
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def xmp_of(pdf: bytes) -> bytes | None:
    """The document's XMP packet as the latest revision has it, or None."""
    try:
        metadata = PdfReader(io.BytesIO(pdf)).root_object.get("/Metadata")
    except (PdfReadError, ValueError, KeyError) as e:
        raise NotAPdf(f"the document cannot be read: {e}", "文件无法读取为 PDF") from e
    return None if metadata is None else bytes(metadata.get_object().get_data())
