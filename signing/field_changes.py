"""Changes to a document's form after signing: fields added, filled, edited or removed,
signature fields renamed, and later signatures and document timestamps."""

from __future__ import annotations

from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver

from signing.diffing import Change, ChangeKind, plain, quote, resolve, same

MAX_FIELDS = 5_000


def field_widgets(resolver: HistoricalResolver) -> set[Any]:
    """The form fields' widgets as (object number, generation): an annotation that is a
    field's widget is reported with its field, not as an annotation."""
    keys: set[Any] = set()
    for field, ref in _fields(resolver).values():
        if ref is not None:
            keys.add(ref)
        for kid in resolve(field.get("/Kids")) or ():
            if isinstance(kid, generic.IndirectObject):
                keys.add((kid.idnum, kid.generation))
    return keys


def _fields(
    resolver: HistoricalResolver,
) -> dict[str, tuple[generic.DictionaryObject, tuple[int, int] | None]]:
    """Terminal form fields by fully qualified name, with their own reference."""
    form = resolve(resolver.root.get("/AcroForm"))
    found: dict[str, tuple[generic.DictionaryObject, tuple[int, int] | None]] = {}
    if not isinstance(form, generic.DictionaryObject):
        return found
    seen: set[int] = set()

    def walk(node: Any, prefix: str, depth: int) -> None:
        if len(found) >= MAX_FIELDS or depth > 32:
            return
        ref = None
        if isinstance(node, generic.IndirectObject):
            if node.idnum in seen:
                return
            seen.add(node.idnum)
            ref = (node.idnum, node.generation)
        field = resolve(node)
        if not isinstance(field, generic.DictionaryObject):
            return
        part = plain(field.get("/T"))
        name = f"{prefix}.{part}" if prefix and part else part or prefix
        kids = resolve(field.get("/Kids"))
        named_kids = isinstance(kids, generic.ArrayObject) and any(
            "/T" in resolve(k) for k in kids if isinstance(resolve(k), generic.DictionaryObject)
        )
        if named_kids:
            for kid in kids:
                walk(kid, name, depth + 1)
        else:
            found[name or f"#{len(found) + 1}"] = (field, ref)

    for node in resolve(form.get("/Fields", generic.ArrayObject())) or ():
        walk(node, "", 0)
    return found


def _field_type(field: generic.DictionaryObject) -> str:
    return str(field.get("/FT", "")) or str(resolve(field.get("/Parent", {})).get("/FT", ""))


def _signature_value(field: generic.DictionaryObject) -> tuple[int, int] | None:
    value = field.raw_get("/V") if "/V" in field else None
    return (value.idnum, value.generation) if isinstance(value, generic.IndirectObject) else None


def field_changes(old: HistoricalResolver, new: HistoricalResolver) -> list[Change]:
    before = {name: field for name, (field, _) in _fields(old).items()}
    after = {name: field for name, (field, _) in _fields(new).items()}
    signed_as = {
        _signature_value(f): name for name, f in before.items() if _field_type(f) == "/Sig"
    }
    signed_as.pop(None, None)
    renamed = set()
    changes = []
    for name, field in after.items():
        if _field_type(field) == "/Sig":
            was_named = signed_as.get(_signature_value(field))
            if name not in before and was_named is not None and was_named not in after:
                renamed.add(was_named)
                changes.append(
                    Change(
                        ChangeKind.FORM_FIELD,
                        f"签名域“{was_named}”被改名为“{name}”",
                        f"signature field '{was_named}' was renamed '{name}'",
                    )
                )
                continue
            changes += _signature_field_change(name, before.get(name), field)
            continue
        if name not in before:
            changes.append(
                Change(
                    ChangeKind.FORM_FIELD,
                    f"新增表单域“{name}”,值为 {quote(field.get('/V'))}",
                    f"form field '{name}' added with the value {quote(field.get('/V'))}",
                )
            )
            continue
        was = before[name]
        if plain(was.get("/V")) != plain(field.get("/V")):
            changes.append(
                Change(
                    ChangeKind.FORM_FIELD,
                    f"表单域“{name}”的值由 {quote(was.get('/V'))} 改为 {quote(field.get('/V'))}",
                    f"form field '{name}' changed from {quote(was.get('/V'))} "
                    f"to {quote(field.get('/V'))}",
                )
            )
        elif not same(was, field):
            changes.append(
                Change(
                    ChangeKind.FORM_FIELD,
                    f"表单域“{name}”的属性或外观被修改",
                    f"the properties or appearance of form field '{name}' changed",
                )
            )
    for name in before:
        if name not in after and name not in renamed:
            changes.append(
                Change(
                    ChangeKind.FORM_FIELD, f"删除了表单域“{name}”", f"form field '{name}' removed"
                )
            )
    return changes


def _signature_field_change(
    name: str, was: generic.DictionaryObject | None, field: generic.DictionaryObject
) -> list[Change]:
    value = resolve(field.get("/V"))
    signed_now = isinstance(value, generic.DictionaryObject)
    signed_before = was is not None and isinstance(resolve(was.get("/V")), generic.DictionaryObject)
    if signed_now and not signed_before:
        if value.get("/Type") == "/DocTimeStamp":
            return [
                Change(ChangeKind.LONG_TERM, "追加了文档时间戳", "a document timestamp was added")
            ]
        return [
            Change(
                ChangeKind.SIGNATURE,
                f"追加了签名“{name}”(单独验证)",
                f"signature '{name}' was added (verified on its own)",
            )
        ]
    if was is None:
        return [
            Change(ChangeKind.FORM_FIELD, f"新增签名域“{name}”", f"signature field '{name}' added")
        ]
    if not same(was, field):
        return [
            Change(
                ChangeKind.FORM_FIELD,
                f"签名域“{name}”的属性或外观被修改",
                f"the properties or appearance of signature field '{name}' changed",
            )
        ]
    return []
