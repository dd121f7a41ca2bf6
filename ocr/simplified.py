"""Traditional characters read on a page printed in simplified ones.

The recogniser was trained on simplified and traditional text alike. On a page whose
strokes a black-and-white scan or a fax has thickened or broken, it reads some characters
in their traditional form (编 as 編, 镇 as 鎮, 参 as 參, 岛 as 島): characters a form
printed in mainland China never carries. On a page read mostly in simplified characters,
each character that only traditional text uses (outside GB 2312, the simplified set) is
put back to its simplified form (OpenCC's character tables, from the
`opencc-python-reimplemented` package), where that form is in GB 2312 and the character
is the first traditional form it stands for. Characters both sets use stay as read (乾,
於 and 著 are names and words of their own), so do characters a simplified one stands
for among others (濛, 髮: names use them), and a page read mostly in traditional
characters (a Hong Kong or Taiwan certificate) is left alone.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib.resources import files

# a page is simplified when at most this share of its Han characters are traditional only
TRADITIONAL_SHARE = 0.2


def _simplified_set(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@functools.cache
def traditional_only() -> dict[str, str]:
    """Traditional-only character → its simplified form, where the simplified form's
    first traditional form is that character (編 → 编, 後 → 后, not 濛 → 蒙: 蒙 stands
    for 濛 only among others, and 濛 is a name's character of its own)."""
    tables = files("opencc") / "dictionary"
    first: dict[str, str] = {}  # simplified → its first traditional form
    for row in (tables / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        simple, _, forms = row.partition("\t")
        first[simple] = forms.split(" ")[0]
    out: dict[str, str] = {}
    for row in (tables / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        traditional, _, forms = row.partition("\t")
        simple = forms.split(" ")[0]
        if (
            len(traditional) == 1
            and len(simple) == 1
            and simple != traditional
            and first.get(simple) == traditional
            and not _simplified_set(traditional)
            and _simplified_set(simple)
        ):
            out[traditional] = simple
    return out


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def simplified(texts: Sequence[str]) -> list[str]:
    """The page's line texts with traditional-only characters in their simplified form,
    when the page reads mostly simplified; as they are otherwise. Lengths never change."""
    table = traditional_only()
    han = [ch for text in texts for ch in text if _han(ch)]
    if not han:
        return list(texts)
    traditional = sum(ch in table for ch in han)
    if traditional == 0 or traditional > TRADITIONAL_SHARE * len(han):
        return list(texts)
    return ["".join(table.get(ch, ch) for ch in text) for text in texts]
