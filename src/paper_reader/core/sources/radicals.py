"""Clean the text layer of a page PDF: radical code points back to the ideographs meant.

A CJK font draws 日 and the Kangxi radical ⽇ with one glyph; a PDF writer that maps glyphs
back to text (Qt's among them) may then write ⽇ where the page has 日, or ⻝ for 食, ⼾ for 户.
Those characters are mapped back one for one (so every character keeps its box on the page),
from Unicode's Equivalent_Unified_Ideograph data (radicals_table.py), with the overrides
below for simplified-script pages. Nothing else is folded: NFKC would also turn full-width
punctuation into ASCII. Private-use characters (a font's own glyphs without a Unicode value)
are kept as they are and counted, for the import report.
"""

from __future__ import annotations

from typing import NamedTuple

from .radicals_table import EQUIVALENT_IDEOGRAPH

# Where a simplified-script font draws a radical with the glyph of another ideograph than
# the one Unicode names, that other ideograph is what the page shows, and what a writer that
# maps glyphs back to text had in its source. Found by comparing each radical's glyph with
# those of the unified ideographs in Noto Sans CJK SC and Noto Serif CJK SC (regular and bold);
# both agree on these two:
SIMPLIFIED_OVERRIDES: dict[int, int] = {
    0x2F3E: 0x6237,  # ⼾ KANGXI RADICAL DOOR: 户, not Unicode's 戶 (a traditional form)
    0x2E95: 0x5F50,  # ⺕ CJK RADICAL SNOUT TWO: 彐, not Unicode's 𫜹 (outside most fonts)
}
# Looked at and left as Unicode has them:
# - ⻓ 长, ⻔ 门, ⻋ 车, ⻅ 见, ⻝ 食, ⻠ 饣, ⻢ 马, ⻥ 鱼, ⻦ 鸟, ⻰ 龙 and the other "C-SIMPLIFIED"
#   radicals: Unicode already names the simplified ideograph.
# - ⺍ (drawn as 𭕄), ⺩ (as 𤣩), ⺫ (as 罒 in the serif): forms a character takes inside other
#   characters, never words of running text; the ideograph Unicode names (小, 王, 目) is the
#   one a reader searches for.
# A traditional-script page keeps Unicode's mapping throughout (⼾ is 戶 there).

_TRADITIONAL = dict(EQUIVALENT_IDEOGRAPH)
_SIMPLIFIED = {**EQUIVALENT_IDEOGRAPH, **SIMPLIFIED_OVERRIDES}


def is_radical(code: int) -> bool:
    return 0x2E80 <= code <= 0x2EFF or 0x2F00 <= code <= 0x2FDF


def is_private_use(code: int) -> bool:
    return 0xE000 <= code <= 0xF8FF or 0xF0000 <= code <= 0xFFFFD or 0x100000 <= code <= 0x10FFFD


def table(simplified: bool = True) -> dict[int, int]:
    """The mapping as used by str.translate (code point to code point)."""
    return _SIMPLIFIED if simplified else _TRADITIONAL


def unify_char(char: str, simplified: bool = True) -> str:
    """The ideograph a radical code point stands for; any other character unchanged."""
    target = table(simplified).get(ord(char)) if len(char) == 1 else None
    return chr(target) if target is not None else char


class Cleaned(NamedTuple):  # not a dataclass: the page image's marks use it
    text: str
    radicals: int  # radical code points mapped to ideographs
    private_use: int  # private-use characters, kept


def clean_text(text: str, simplified: bool = True) -> Cleaned:
    """``text`` with radicals mapped back; the same length, character for character."""
    radicals = private = 0
    for ch in text:
        code = ord(ch)
        if code < 0x2E80:
            continue
        if is_radical(code):
            radicals += code in _TRADITIONAL
        elif is_private_use(code):
            private += 1
    cleaned = text.translate(table(simplified)) if radicals else text
    return Cleaned(cleaned, radicals, private)
