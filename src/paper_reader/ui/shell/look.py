"""How the paper is shown: theme, script (OpenCC), text size and display punctuation, with
the faces to match.

Every change goes through ``Look.change``: it announces ``changed`` with what changed,
once. ``Look.version`` names the look as it is now: prepared documents are kept under it,
so that switching back (to simplified, to the light theme) finds them made. What follows a change
(the views shown again, the search results converted, the menu's checks) subscribes to
that signal in ``ui.shell.wiring``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QObject, Signal

from ...core.reading.script import SCRIPTS, ScriptConverter
from ...core.reading.typography import full_width_punctuation
from ..views.article_html import DARK, LIGHT, Palette

TEXT_SIZES = [10.0, 11.0, 12.5, 14.0, 16.0, 18.0, 21.0, 24.0]
DEFAULT_SIZE = 12.5
TRADITIONAL = {"traditional", "taiwan", "hongkong"}
THEMES = ("light", "dark")
# What ``changed`` names: the aspects of the look that changed.
SCRIPT, SIZE, THEME, PUNCTUATION, DIM = "script", "size", "theme", "punctuation", "dim"


class Look(QObject):
    """(Not a dataclass: it compiles generated methods at every start-up.)

    ``theme`` is None until the window first sets one: that first setting is a change, so
    its subscribers (the application's style, the views) run at start-up too.
    """

    changed = Signal(object)  # frozenset of SCRIPT, SIZE, THEME, PUNCTUATION, DIM

    def __init__(self, text_font: str | None = None, text_font_tc: str | None = None,
                 text_size: float = DEFAULT_SIZE, script: str = "original") -> None:
        super().__init__()
        self.theme: str | None = None
        self.text_font = text_font  # simplified-Chinese face
        self.text_font_tc = text_font_tc  # traditional face
        self.text_size = text_size
        self.script = script
        self.full_width = True  # half-width marks among Chinese shown full-width
        # The page image in a dark theme: paper colours as printed (False), or dimmed.
        self.dim_image = False
        self.converter = ScriptConverter()

    @property
    def version(self) -> tuple[object, ...]:
        """What a prepared document depends on: the same look, the same document."""
        return (self.theme, self.script, self.text_size, self.full_width, self.text_font,
                self.text_font_tc)

    @property
    def palette(self) -> Palette:
        return DARK if self.theme == "dark" else LIGHT

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

    def change(self, script: str | None = None, text_size: float | None = None,
               theme: str | None = None, full_width: bool | None = None,
               dim_image: bool | None = None) -> frozenset[str]:
        """Set what is given; when anything is different, announce ``changed`` once, with
        what changed (also returned)."""
        what = set()
        if script is not None:
            script = script if script in SCRIPTS else "original"
            if script != self.script:
                self.script = script
                what.add(SCRIPT)
        if text_size is not None and text_size != self.text_size:
            self.text_size = text_size
            what.add(SIZE)
        if theme is not None:
            theme = theme if theme in THEMES else "light"
            if theme != self.theme:
                self.theme = theme
                what.add(THEME)
        if full_width is not None and full_width != self.full_width:
            self.full_width = full_width
            what.add(PUNCTUATION)
        if dim_image is not None and dim_image != self.dim_image:
            self.dim_image = dim_image
            what.add(DIM)
        done = frozenset(what)
        if done:
            self.changed.emit(done)  # the one place: every change comes through here
        return done

    def set_script(self, script: str) -> None:
        self.change(script=script)

    def set_full_width(self, on: bool) -> None:
        self.change(full_width=on)

    def set_dim_image(self, on: bool) -> None:
        self.change(dim_image=on)

    def set_theme(self, theme: str) -> None:
        self.change(theme=theme)

    def step_size(self, step: int) -> None:
        """One size up or down the ladder; 0 goes back to the default."""
        size = self.text_size
        if step == 0:
            size = DEFAULT_SIZE
        else:
            bigger = [s for s in TEXT_SIZES if s > self.text_size]
            smaller = [s for s in TEXT_SIZES if s < self.text_size]
            if step > 0 and bigger:
                size = bigger[0]
            elif step < 0 and smaller:
                size = smaller[-1]
        self.change(text_size=size)


def _identity(text: str) -> str:
    return text


def _shown_punctuation(text: str) -> str:
    return _kept_punctuation(text) if len(text) < 4096 else full_width_punctuation(text)


@lru_cache(maxsize=8192)  # the same titles and paragraphs are shown again and again
def _kept_punctuation(text: str) -> str:
    return full_width_punctuation(text)
