"""What the revisions appended after a signature change, in words a verifier can read.

pyHanko's difference analysis decides whether later revisions are *allowed* (its
modification level and the DocMDP check); it does not say what they changed, and it
allows some changes a person relying on a license must hear about: the document
properties (/Info, XMP metadata) are cleared at its lowest level, and form filling is
allowed on a certified document. This module compares each revision after the signed
one with the revision before it and names every change: a page added or removed, a
page's content, an annotation, a form field, a later signature, the document
properties, the catalog; PAdES long-term updates (DSS, document timestamps) are told
apart, as they change nothing a reader sees.

Streams are compared by their encoded bytes (never decompressed: a hostile file could be
a decompression bomb) and every walk is bounded, so an analysis costs little whatever
the file (`signing.diffing`); form fields and signatures: `signing.field_changes`.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader

from signing.diffing import VISIBLE, Change, ChangeKind, plain, quote, resolve, same
from signing.field_changes import field_changes, field_widgets

__all__ = ["VISIBLE", "Change", "ChangeKind", "changes_after"]

_MAX_PAGES = 5_000

_INFO_ZH = {
    "/Title": "标题",
    "/Author": "作者",
    "/Subject": "主题",
    "/Keywords": "关键词",
    "/Creator": "创建程序",
    "/Producer": "生成程序",
    "/CreationDate": "创建时间",
    "/ModDate": "修改时间",
    "/Trapped": "陷印",
}
# what a signature or a PAdES long-term update rewrites as it is added
_HOUSEKEEPING_INFO = frozenset({"/ModDate", "/Producer"})
# catalog entries that other checks here cover, or that long-term updates add
_CATALOG_COVERED = frozenset(
    {"/Pages", "/AcroForm", "/Metadata", "/DSS", "/Extensions", "/Version", "/Perms"}
)


def _info(resolver: HistoricalResolver) -> dict[str, str]:
    info = resolver.trailer_view.raw_get("/Info") if "/Info" in resolver.trailer_view else None
    if isinstance(info, generic.IndirectObject):  # the trailer's references resolve in
        info = resolver.get_object(info.reference)  # the latest revision, not this one
    if not isinstance(info, generic.DictionaryObject):
        return {}
    return {str(k): plain(v) for k, v in list(info.items())[:200]}


def _xmp(resolver: HistoricalResolver) -> str | None:
    stream = resolve(resolver.root.get("/Metadata"))
    if not isinstance(stream, generic.StreamObject):
        return None
    return hashlib.sha256(stream.encoded_data or b"").hexdigest()


def _pages(resolver: HistoricalResolver) -> list[generic.DictionaryObject]:
    pages: list[generic.DictionaryObject] = []
    seen: set[int] = set()

    def walk(node: Any, depth: int) -> None:
        if len(pages) >= _MAX_PAGES or depth > 64:
            return
        if isinstance(node, generic.IndirectObject):
            if node.idnum in seen:
                return
            seen.add(node.idnum)
        node = resolve(node)
        if not isinstance(node, generic.DictionaryObject):
            return
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            for kid in resolve(node.get("/Kids", generic.ArrayObject())) or ():
                walk(kid, depth + 1)
        else:
            pages.append(node)

    walk(resolver.root.raw_get("/Pages"), 0)
    return pages


def _annotations(page: generic.DictionaryObject) -> dict[Any, Any]:
    """The page's annotations by reference (or position, for direct ones)."""
    annots = resolve(page.get("/Annots"))
    if not isinstance(annots, generic.ArrayObject):
        return {}
    found: dict[Any, Any] = {}
    for i, entry in enumerate(list(annots)[:2_000]):
        if isinstance(entry, generic.IndirectObject):
            found[(entry.idnum, entry.generation)] = entry
        else:
            found[("direct", i)] = entry
    return found


def _describe_annotation(annot: Any) -> tuple[str, str]:
    annot = resolve(annot)
    subtype = str(annot.get("/Subtype", "/Annot")).lstrip("/")
    words = plain(annot.get("/Contents")) or plain(annot.get("/T")) or plain(annot.get("/V"))
    shown = f" {quote(words)}" if words else ""
    return f"{subtype}{shown}", f"{subtype}{shown}"


def _page_content(page: generic.DictionaryObject) -> generic.DictionaryObject:
    """What a page shows without its annotations (those are compared one by one)."""
    return generic.DictionaryObject(
        {k: v for k, v in page.items() if k not in ("/Annots", "/Parent")}
    )


def _page_changes(old: HistoricalResolver, new: HistoricalResolver) -> list[Change]:
    before, after = _pages(old), _pages(new)
    widgets = field_widgets(old) | field_widgets(new)
    changes: list[Change] = []
    for number in range(len(before) + 1, len(after) + 1):
        changes.append(Change(ChangeKind.PAGE_ADDED, f"新增第 {number} 页", f"page {number} added"))
    for number in range(len(after) + 1, len(before) + 1):
        changes.append(
            Change(ChangeKind.PAGE_REMOVED, f"删除了第 {number} 页", f"page {number} removed")
        )
    for number, (a, b) in enumerate(zip(before, after, strict=False), start=1):
        if not same(_page_content(a), _page_content(b)):
            changes.append(
                Change(
                    ChangeKind.PAGE_CONTENT,
                    f"第 {number} 页的内容(文字、图像、页面大小或方向)被改动",
                    f"the content of page {number} (text, images, size or rotation) changed",
                )
            )
        changes += _annotation_changes(number, _annotations(a), _annotations(b), widgets)
    return changes


def _annotation_changes(
    number: int, before: dict[Any, Any], after: dict[Any, Any], widgets: set[Any]
) -> list[Change]:
    """Annotations added, changed or removed; the widgets of form fields are reported
    with their field."""
    changes = []
    for key, annot in after.items():
        if key in widgets:
            continue
        zh, en = _describe_annotation(annot)
        if key not in before:
            changes.append(
                Change(
                    ChangeKind.ANNOTATION,
                    f"第 {number} 页新增注释 {zh}",
                    f"annotation added on page {number}: {en}",
                )
            )
        elif not same(before[key], annot):
            changes.append(
                Change(
                    ChangeKind.ANNOTATION,
                    f"第 {number} 页的注释被修改:{zh}",
                    f"annotation changed on page {number}: {en}",
                )
            )
    for key, annot in before.items():
        if key not in after and key not in widgets:
            zh, en = _describe_annotation(annot)
            changes.append(
                Change(
                    ChangeKind.ANNOTATION,
                    f"第 {number} 页删除了注释 {zh}",
                    f"annotation removed from page {number}: {en}",
                )
            )
    return changes


def _metadata_changes(
    old: HistoricalResolver, new: HistoricalResolver, *, housekeeping: bool
) -> list[Change]:
    before, after = _info(old), _info(new)
    changes = []
    for key in sorted(set(before) | set(after)):
        if before.get(key) == after.get(key):
            continue
        if housekeeping and key in _HOUSEKEEPING_INFO:
            continue
        label = _INFO_ZH.get(key, key.lstrip("/"))
        was, now = quote(before.get(key)), quote(after.get(key))
        changes.append(
            Change(
                ChangeKind.METADATA,
                f"文档属性“{label}”由 {was} 改为 {now}",
                f"document property {key.lstrip('/')} changed from {was} to {now}",
            )
        )
    if _xmp(old) != _xmp(new) and not housekeeping:
        changes.append(
            Change(
                ChangeKind.METADATA,
                "文档的 XMP 元数据被修改",
                "the document's XMP metadata changed",
            )
        )
    return changes


def _catalog_changes(old: HistoricalResolver, new: HistoricalResolver) -> list[Change]:
    before, after = old.root, new.root
    keys = sorted((set(before) | set(after)) - _CATALOG_COVERED)
    changed = [k for k in keys if not same(before.get(k), after.get(k))]
    if not changed:
        return []
    names = "、".join(str(k).lstrip("/") for k in changed[:8])
    return [
        Change(
            ChangeKind.CATALOG,
            f"文档级设置被修改({names},如打开时执行的动作、目录或附件)",
            f"document-level entries changed ({names.replace('、', ', ')}: e.g. actions run "
            "on opening, outlines or attachments)",
        )
    ]


def _revision_changes(old: HistoricalResolver, new: HistoricalResolver) -> list[Change]:
    changes = field_changes(old, new)
    dss_changed = not same(old.root.get("/DSS"), new.root.get("/DSS"))
    if dss_changed:
        changes.append(
            Change(
                ChangeKind.LONG_TERM,
                "追加了长期验证数据(证书、吊销信息)",
                "long-term validation data (certificates, revocation) was added",
            )
        )
    # a revision that adds validation data or a signature rewrites the modification
    # date, the producer and the XMP packet as a matter of course
    housekeeping = dss_changed or any(
        c.kind in (ChangeKind.LONG_TERM, ChangeKind.SIGNATURE) for c in changes
    )
    changes += _metadata_changes(old, new, housekeeping=housekeeping)
    changes += _page_changes(old, new)
    changes += _catalog_changes(old, new)
    return changes


def changes_after(reader: PdfFileReader, signed_revision: int) -> tuple[Change, ...]:
    """Every change the revisions after `signed_revision` made, each revision against
    the one before it (an intermediate change later undone is still named), without
    repeats."""
    found: list[Change] = []
    total = reader.xrefs.total_revisions
    for revision in range(signed_revision + 1, total):
        old = reader.get_historical_resolver(revision - 1)
        new = reader.get_historical_resolver(revision)
        for change in _revision_changes(old, new):
            if change not in found:
                found.append(change)
    return tuple(found)
