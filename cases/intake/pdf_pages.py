"""A PDF the applicant uploads (网上申报) becomes page images, one per page, each then
taken like a scan (`cases.intake.pages.add_page`, with the page limits and messages of
the counter). poppler's `pdftoppm` renders them in a child process with a time limit, so
a hostile PDF costs a bounded wait, never the server's memory."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from cases.errors import InvalidInput

RENDER_DPI = 200  # what the window's scanner uses
RENDER_SECONDS = 60


def is_pdf(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def pdf_page_images(data: bytes, *, filename: str, max_pages: int) -> list[tuple[str, bytes]]:
    """(file name, JPEG) of each page; InvalidInput for a PDF that is unreadable,
    encrypted or has more than `max_pages` pages."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InvalidInput(
                f"{filename}: the PDF is password-protected; upload it without a password",
                f"{filename}:该PDF文件已加密,请取消密码后重新上传",
            )
        count = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise InvalidInput(
            f"{filename}: not a readable PDF ({e})", f"{filename}:PDF文件已损坏或无法读取"
        ) from e
    if count == 0:
        raise InvalidInput(f"{filename}: the PDF has no page", f"{filename}:PDF文件没有页面")
    if count > max_pages:
        raise InvalidInput(
            f"{filename}: {count} pages; at most {max_pages} pages in one upload",
            f"{filename}:共 {count} 页,一次最多上传 {max_pages} 页,请分批上传",
        )
    with tempfile.TemporaryDirectory(prefix="ow-pdf-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        try:
            subprocess.run(
                [
                    "pdftoppm",
                    "-jpeg",
                    "-jpegopt",
                    "quality=90",
                    "-r",
                    str(RENDER_DPI),
                    "-l",
                    str(max_pages),
                    str(source),
                    str(Path(folder) / "p"),
                ],
                check=True,
                capture_output=True,
                timeout=RENDER_SECONDS,
            )
        except (subprocess.SubprocessError, OSError) as e:
            raise InvalidInput(
                f"{filename}: the PDF could not be rendered",
                f"{filename}:PDF文件无法转换为页面图像",
            ) from e
        rendered = sorted(Path(folder).glob("p-*.jpg"), key=lambda p: int(p.stem.split("-")[-1]))
        stem = Path(filename).stem or "pdf"
        return [(f"{stem}-{i}.jpg", path.read_bytes()) for i, path in enumerate(rendered, 1)]
