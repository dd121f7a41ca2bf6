"""OCR of scanned paper materials: engines, the page pipeline, classification, fields.

The searchable PDF (`ocr.pdf`) and the PaddleOCR engine (`ocr.paddle`) are imported on
demand: they pull in reportlab and paddleocr.

A leaf library: it imports nothing from the application and reads no environment.
"""

from ocr.classify import Classification, MaterialHint, PageGroup, classify, group_pages
from ocr.decode import (
    PAGE_LIMITS,
    ImageHeader,
    PageLimits,
    inspect_page,
    page_preview,
    read_header,
)
from ocr.engine import Box, Engine, Line, Point
from ocr.errors import (
    EngineFailed,
    EngineTimeout,
    EngineUnavailable,
    ImageTooLarge,
    OcrError,
    UnreadableImage,
)
from ocr.fields import (
    Field,
    credit_code_check_char,
    extract_fields,
    id_number_check_char,
    valid_credit_code,
    valid_id_number,
)
from ocr.pipeline import PageReading, read_page, reading_order
from ocr.pool import EnginePool
from ocr.preprocess import (
    Quality,
    decode_image,
    deskew,
    find_red_seals,
    is_blank,
    quality,
    suppress_red,
)
from ocr.rapid import RapidOcrEngine

__all__ = [
    "PAGE_LIMITS",
    "Box",
    "Classification",
    "Engine",
    "EngineFailed",
    "EnginePool",
    "EngineTimeout",
    "EngineUnavailable",
    "Field",
    "ImageHeader",
    "ImageTooLarge",
    "Line",
    "MaterialHint",
    "OcrError",
    "PageGroup",
    "PageLimits",
    "PageReading",
    "Point",
    "Quality",
    "RapidOcrEngine",
    "UnreadableImage",
    "classify",
    "credit_code_check_char",
    "decode_image",
    "deskew",
    "extract_fields",
    "find_red_seals",
    "group_pages",
    "id_number_check_char",
    "inspect_page",
    "is_blank",
    "page_preview",
    "quality",
    "read_header",
    "read_page",
    "reading_order",
    "suppress_red",
    "valid_credit_code",
    "valid_id_number",
]
