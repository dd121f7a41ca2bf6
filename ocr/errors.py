"""Errors raised by the OCR package.

Each carries a stable `code` and a message in Chinese and English that tells the clerk
what to do; the API maps codes to responses in one place.
"""

from __future__ import annotations


class OcrError(Exception):
    code = "ocr.error"

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.en = en
        self.zh = zh

    def __reduce__(self) -> tuple[type[OcrError], tuple[str, str]]:
        # raised in a worker process (the bench's, a pool's), the error crosses back whole
        return type(self), (self.en, self.zh)


class UnreadableImage(OcrError):
    """The bytes are not an image, are corrupt or empty."""

    code = "ocr.unreadable_image"


class ImageTooLarge(OcrError):
    """The image exceeds the byte or pixel limit."""

    code = "ocr.image_too_large"


class EngineUnavailable(OcrError):
    """The OCR engine could not be loaded."""

    code = "ocr.engine_unavailable"


class EngineFailed(OcrError):
    """The OCR engine raised while recognising a page."""

    code = "ocr.engine_failed"


class EngineTimeout(OcrError):
    """The OCR engine did not finish in time."""

    code = "ocr.engine_timeout"
