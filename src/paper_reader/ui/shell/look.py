"""How the paper is shown: theme, script (OpenCC) and text size, with the faces to match.

Changing any of them bumps ``Look.version`` so that prepared documents are made anew.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ...core.reading.script import SCRIPTS, ScriptConverter
from ...core.reading.typography import full_width_punctuation
from ..views.article_html import DARK, LIGHT, Palette

TEXT_SIZES = [10.0, 11.0, 12.5, 14.0, 16.0, 18.0, 21.0, 24.0]
DEFAULT_SIZE = 12.5
TRADITIONAL = {"traditional", "taiwan", "hongkong"}


class Look:
    """(A plain class: a dataclass compiles generated methods at every start-up.)"""

    def __init__(self, text_font: str | None = None, text_font_tc: str | None = None,
                 text_size: float = DEFAULT_SIZE, script: str = "original") -> None:
        self.palette: Palette = LIGHT
        self.text_font = text_font  # simplified-Chinese face
        self.text_font_tc = text_font_tc  # traditional face
        self.text_size = text_size
        self.script = script
        self.full_width = True  # half-width marks among Chinese shown full-width
        self.version = 0
        self.converter = ScriptConverter()

    @property
    def script_convert(self) -> Callable[[str], str]:
        """Text in the display script, and nothing else changed (citations use this)."""
        if self.script == "original":
            return _identity
        script, converter = self.script, self.converter
        return lambda text: converter.convert(text, script)

    @property
    def convert(self) -> Callable[[str], str]:
        """Text as shown: the display script, then the display punctuation."""
        script = self.script_convert
        if not self.full_width:
            return script
        if script is _identity:
            return _shown_punctuation
        return lambda text: _shown_punctuation(script(text))

    @property
    def face(self) -> str | None:
        """Traditional script is set in a traditional face: glyph shapes differ by region."""
        return self.text_font_tc if self.script in TRADITIONAL else self.text_font

    @property
    def list_scale(self) -> float:
        """The article list's titles follow the text size, within bounds: the list is narrow."""
        return min(1.6, max(0.85, self.text_size / DEFAULT_SIZE))

    def set_dark(self, dark: bool) -> None:
        self.palette = DARK if dark else LIGHT
        self.version += 1

    def set_full_width(self, on: bool) -> None:
        self.full_width = on
        self.version += 1

    def set_script(self, script: str) -> None:
        self.script = script if script in SCRIPTS else "original"
        self.version += 1

    def step_size(self, step: int) -> None:
        """One size up or down the ladder; 0 goes back to the default."""
        if step == 0:
            self.text_size = DEFAULT_SIZE
        else:
            bigger = [s for s in TEXT_SIZES if s > self.text_size]
            smaller = [s for s in TEXT_SIZES if s < self.text_size]
            if step > 0 and bigger:
                self.text_size = bigger[0]
            elif step < 0 and smaller:
                self.text_size = smaller[-1]
        self.version += 1


def _identity(text: str) -> str:
    return text


def _shown_punctuation(text: str) -> str:
    return _kept_punctuation(text) if len(text) < 4096 else full_width_punctuation(text)


@lru_cache(maxsize=8192)  # the same titles and paragraphs are shown again and again
def _kept_punctuation(text: str) -> str:
    return full_width_punctuation(text)
