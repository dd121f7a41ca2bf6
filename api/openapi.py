"""The OpenAPI document as the API really answers: every error status with the error
envelope, and downloads with their binary content types instead of JSON.

FastAPI documents only the success response (and 422 in its own validation shape, which
api/errors.py replaces with the envelope). Errors here are the ones api/errors.py,
api/body_limit.py and the rate limits produce: 401/403 where a token is needed, 404, 409,
413, 422, 429 and 503 anywhere, 400 where there is a body to parse.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel


class ErrorMessage(BaseModel):
    code: str
    message_zh: str
    message_en: str


class ErrorEnvelope(BaseModel):
    """Every error: a stable code and what to do, in Chinese and English."""

    error: ErrorMessage


ERRORS: dict[int, str] = {
    400: "the body cannot be parsed (malformed JSON or multipart)",
    401: "no bearer token, or a revoked one",
    403: "the role or the department may not do this",
    404: "no such case, document or address",
    409: "the case or document is not in a state that allows this",
    413: "the body is larger than this address takes",
    422: "invalid input: what is wrong and how to fix it",
    429: "too many requests; wait for Retry-After seconds",
    503: "the database, object store or OCR engine is unavailable; try again",
}
NEEDS_TOKEN = {401, 403}
NEEDS_BODY = {400}

_BINARY = {"type": "string", "format": "binary"}
PDF = ("application/pdf",)
DOWNLOADS: dict[tuple[str, str], tuple[str, ...]] = {
    ("get", "/api/v1/objects/{object_id}"): (
        "application/pdf",
        "image/jpeg",
        "image/png",
        "image/tiff",
        "application/octet-stream",
    ),
    ("get", "/api/v1/notices/{number}/pdf"): PDF,
    ("get", "/api/v1/licenses/{number}/pdf"): PDF,
    ("get", "/api/v1/decisions/{document_id}/pdf"): PDF,
    ("get", "/api/v1/cases/{number}/sheets"): PDF,
    ("get", "/api/v1/catalog/{code}/materials/{material}/sample"): ("image/png", "image/jpeg"),
}
REPORTS: dict[tuple[str, str], tuple[str, ...]] = {  # JSON by default, or a chosen format
    ("post", "/api/v1/verify"): ("text/html", "application/pdf"),
}


def document(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    envelope = ErrorEnvelope.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(envelope.pop("$defs", {}))
    components["ErrorEnvelope"] = envelope
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    for path, operations in schema.get("paths", {}).items():
        if not path.startswith("/api/"):
            continue
        for method, operation in operations.items():
            _errors(operation)
            content = operation["responses"].setdefault("200", {"description": "OK"})
            if (method, path) in DOWNLOADS:
                content["content"] = {t: {"schema": _BINARY} for t in DOWNLOADS[method, path]}
            for kind in REPORTS.get((method, path), ()):
                text = {"type": "string"} if kind.startswith("text/") else _BINARY
                content.setdefault("content", {})[kind] = {"schema": text}
    app.openapi_schema = schema
    return schema


def _errors(operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    for status, description in ERRORS.items():
        if status in NEEDS_TOKEN and not operation.get("security"):
            continue
        if status in NEEDS_BODY and "requestBody" not in operation:
            continue
        responses[str(status)] = {
            "description": description,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}
            },
        }
