"""Where the CJK TrueType fonts live.

Notices, licenses and sample scans embed a TrueType font; reportlab cannot embed the
CFF-based Noto CJK fonts, so we use Debian's WenQuanYi Zen Hei (黑体-like) and AR PL
UMing (宋体-like), which `make` installs when they are missing.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from cases.errors import ConfigurationError


class FontKind(StrEnum):
    HEI = "hei"  # titles, labels
    SONG = "song"  # body text of official documents


_CANDIDATES: dict[FontKind, tuple[str, ...]] = {
    FontKind.HEI: (
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    ),
    FontKind.SONG: (
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/arphic-uming/uming.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    ),
}


def find_font(kind: FontKind = FontKind.SONG, override: Path | None = None) -> Path:
    """Return the font file for `kind`; `override` (from settings) wins when given."""
    if override is not None:
        if override.is_file():
            return override
        raise ConfigurationError(
            f"font file {override} does not exist",
            f"字体文件 {override} 不存在,请检查 ONEWINDOW_FONT_DIR 设置",
        )
    for candidate in _CANDIDATES[kind]:
        path = Path(candidate)
        if path.is_file():
            return path
    raise ConfigurationError(
        "no CJK TrueType font found; install fonts-wqy-zenhei and fonts-arphic-uming "
        "(make does this on Debian)",
        "未找到中文 TrueType 字体,请安装 fonts-wqy-zenhei 与 fonts-arphic-uming",
    )
