"""The words and the comparison that `signing.changes` builds on: a change after
signing, its kind, and bounded, cycle-safe comparison of PDF objects."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pyhanko.pdf_utils import generic


class ChangeKind(StrEnum):
    METADATA = "metadata"  # document properties: not on any page, shown by PDF readers
    PAGE_ADDED = "page_added"
    PAGE_REMOVED = "page_removed"
    PAGE_CONTENT = "page_content"  # a page's text and images, resources, size, rotation
    ANNOTATION = "annotation"  # notes, stamps, links, drawn marks over a page
    FORM_FIELD = "form_field"
    CATALOG = "catalog"  # document-level entries: open actions, names, outlines, ...
    SIGNATURE = "signature"  # a later signature: judged in its own report
    LONG_TERM = "long_term"  # PAdES validation data and document timestamps


# what a reader sees on the pages or that acts when the file is opened
VISIBLE = frozenset(
    {
        ChangeKind.PAGE_ADDED,
        ChangeKind.PAGE_REMOVED,
        ChangeKind.PAGE_CONTENT,
        ChangeKind.ANNOTATION,
        ChangeKind.FORM_FIELD,
        ChangeKind.CATALOG,
    }
)


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    zh: str
    en: str

    @property
    def visible(self) -> bool:
        return self.kind in VISIBLE

    @property
    def text(self) -> str:
        return f"{self.zh} / {self.en}"


_BACK_LINKS = frozenset({"/Parent", "/P"})
MAX_NODES = 20_000  # dictionaries, arrays and streams per object compared
SHOWN = 60  # characters of a value quoted in a change


def resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, generic.IndirectObject) else obj


def quote(value: Any) -> str:
    text = plain(value)
    return f"“{text[:SHOWN]}{'…' if len(text) > SHOWN else ''}”" if text else "(空 empty)"


def plain(value: Any) -> str:
    value = resolve(value)
    if value is None:
        return ""
    if isinstance(value, generic.TextStringObject | generic.NameObject):
        return str(value)
    if isinstance(value, generic.ByteStringObject):
        return value.original_bytes.decode("latin-1", "replace")
    if isinstance(value, generic.ArrayObject):
        return ", ".join(plain(v) for v in list(value)[:8])
    return str(value)


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_NODES

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


def _canon(obj: Any, budget: _Budget, path: frozenset[tuple[int, int]] = frozenset()) -> Any:
    """A comparable value of `obj` and all it refers to: streams by the digest of their
    encoded bytes, back links left out, cycles cut. Numbers, names and strings cost
    nothing; past `MAX_NODES` containers the budget runs out and the rest is cut."""
    if isinstance(obj, generic.IndirectObject):
        key = (obj.idnum, obj.generation)
        if key in path:
            return ("ref", key)
        return _canon(obj.get_object(), budget, path | {key})
    if not isinstance(obj, generic.DictionaryObject | generic.ArrayObject):
        return repr(obj)
    if not budget.spend():
        return "…"
    if isinstance(obj, generic.StreamObject):
        header = {k: v for k, v in obj.items() if k not in ("/Length", "/Filter", "/DecodeParms")}
        digest = hashlib.sha256(obj.encoded_data or b"").hexdigest()
        return ("stream", digest, _canon(generic.DictionaryObject(header), budget, path))
    if isinstance(obj, generic.DictionaryObject):
        return tuple(
            (str(k), _canon(v, budget, path))
            for k, v in sorted(obj.items())
            if k not in _BACK_LINKS
        )
    return tuple(_canon(v, budget, path) for v in obj)


def same(a: Any, b: Any) -> bool:
    """True when `a` and `b` (and all they refer to) are equal; False when they differ,
    and when they are too large to tell (a change is never missed)."""
    budget_a, budget_b = _Budget(), _Budget()
    equal = _canon(a, budget_a) == _canon(b, budget_b)
    return bool(equal) and budget_a.left >= 0 and budget_b.left >= 0
