"""Small generated page images for scanner-driver tests."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def page(text: str = "page", size: tuple[int, int] = (200, 280), mode: str = "RGB") -> Image.Image:
    image = Image.new(mode, size, "white")
    ImageDraw.Draw(image).text((10, 10), text, fill="black")
    return image


def jpeg(text: str = "page") -> bytes:
    out = io.BytesIO()
    page(text).save(out, format="JPEG", quality=80)
    return out.getvalue()


def png(text: str = "page") -> bytes:
    out = io.BytesIO()
    page(text).save(out, format="PNG")
    return out.getvalue()


def tiff(pages: int = 1, compression: str = "group4") -> bytes:
    frames = [page(f"p{i}", mode="1") for i in range(pages)]
    out = io.BytesIO()
    frames[0].save(
        out,
        format="TIFF",
        save_all=True,
        append_images=frames[1:],
        compression=compression,
        dpi=(300, 300),
    )
    return out.getvalue()


PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
