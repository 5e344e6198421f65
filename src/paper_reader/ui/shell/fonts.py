"""Chinese faces for the UI and the article text.

Qt falls back to the Japanese variant of Noto CJK when no language is asked for, which
draws some Chinese characters with Japanese glyph shapes; so the faces are named here.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QFont, QFontDatabase

SANS_SC = ["Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",
           "PingFang SC", "WenQuanYi Micro Hei", "Droid Sans Fallback"]
SERIF_SC = ["Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "SimSun",
            "Songti SC", "AR PL UMing CN"]
SANS_TC = ["Noto Sans CJK TC", "Noto Sans CJK HK", "Source Han Sans TC", "Microsoft JhengHei",
           "PingFang TC"]
SERIF_TC = ["Noto Serif CJK TC", "Noto Serif CJK HK", "Source Han Serif TC", "MingLiU", "Songti TC"]


class FontChoice(NamedTuple):
    ui: str | None
    text: str | None
    text_tc: str | None

    @property
    def has_chinese(self) -> bool:
        return self.ui is not None


def _first(families: set[str], wanted: list[str]) -> str | None:
    return next((f for f in wanted if f in families), None)


def choose_fonts() -> FontChoice:
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    families |= set(QFontDatabase.families())
    ui = _first(families, SANS_SC)
    text = _first(families, SERIF_SC) or ui
    text_tc = _first(families, SERIF_TC) or _first(families, SANS_TC) or text
    return FontChoice(ui, text, text_tc)


def ui_font(choice: FontChoice, point_size: float = 10.5) -> QFont:
    font = QFont()
    if choice.ui:
        font.setFamilies([choice.ui, *SANS_SC])
    font.setPointSizeF(point_size)
    return font
