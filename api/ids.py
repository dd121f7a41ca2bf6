"""Integers that reach the database from a URL, a query or a form.

SQLite and PostgreSQL hold 64-bit signed integers; a larger number overflows in the driver
and became a plain-text 500. Declaring the range on the parameter turns it into the usual
422 envelope (and documents it in OpenAPI) before any handler runs.
"""

from __future__ import annotations

from typing import Annotated

from annotated_types import Interval

MAX_ROW_ID = 2**63 - 1

RowId = Annotated[int, Interval(ge=1, le=MAX_ROW_ID)]
"""A row id (object, grant, handover, user, seal, ...) or a version number."""

Timestamp = Annotated[int, Interval(ge=1, le=MAX_ROW_ID)]
"""Seconds since the epoch, e.g. when a link expires."""
