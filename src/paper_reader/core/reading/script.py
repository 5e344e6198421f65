"""Simplified/traditional script conversion with OpenCC, built on first use and cached.

Loading a converter's dictionaries costs tens of milliseconds, so nothing is loaded until a
reader (or the search index) first needs it.
"""

from __future__ import annotations

import json
from functools import cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:
    from pathlib import Path

# Display scripts: as printed, or converted with one of OpenCC's configurations.
SCRIPTS: dict[str, str | None] = {
    "original": None,
    "simplified": "t2s",
    "traditional": "s2t",
    "taiwan": "s2twp",
    "hongkong": "s2hk",
}


# The configurations whose converter is made (see fold).
_MADE: set[str] = set()


@cache
def converter(config: str):  # type: ignore[no-untyped-def]
    import opencc  # deferred: importing loads a shared library

    made = opencc.OpenCC(config)
    _MADE.add(config)
    return made


def _opencc(config: str, text: str) -> str:
    try:
        return str(converter(config).convert(text))
    except UnicodeEncodeError:
        # Lone surrogates (an argument that was not UTF-8, kept as surrogate escapes) have no
        # UTF-8 form for OpenCC: each stands for one unreadable character, shown as U+FFFD.
        clean = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
        return str(converter(config).convert(clean))


class ScriptConverter:
    """Converts text for display; keeps every converted string for instant switching.

    The strings of the last session can be kept on disk, so that a reader who reads in
    traditional script does not wait for OpenCC's dictionaries at the next start.
    """

    KEEP = 4000  # strings written to disk: a few pages' worth

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], str] = {}

    def convert(self, text: str, script: str) -> str:
        config = SCRIPTS.get(script)
        if not config or not text:
            return text
        key = (config, text)
        out = self._cache.get(key)
        if out is None:
            out = _opencc(config, text)
            self._cache[key] = out
        return out


    def load(self, path: Path) -> None:
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
            for config, text, out in entries:
                self._cache[(str(config), str(text))] = str(out)
        except (OSError, ValueError, TypeError):
            pass  # no cache, or an unreadable one: conversions are simply done again

    def save(self, path: Path) -> None:
        entries = [[c, t, o] for (c, t), o in list(self._cache.items())[-self.KEEP:]]
        if not entries:
            return
        try:
            from ..safe_file import write_atomic

            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, json.dumps(entries, ensure_ascii=False).encode("utf-8"), 0o644)
        except OSError:
            pass


# Longer texts always go to OpenCC: once loaded, it converts faster than they are looked up.
SHORT_TEXT = 40


def _unchanged_by_t2s(text: str) -> bool:
    """Whether OpenCC's t2s would give a short ``text`` back as it is: it holds none of the
    characters t2s changes (t2s_changes) and no lone surrogate (``_opencc`` shows those as
    U+FFFD)."""
    from .t2s_changes import CHANGED

    if any(ch in CHANGED for ch in text):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def fold(text: str) -> str:
    """The form text is indexed and searched in: simplified script, lower case.

    Until OpenCC is loaded, a short text with nothing t2s would change (a query typed in
    simplified script) is not given to it: loading OpenCC was most of the time of a search
    from the command line, and of a window's first search."""
    if not text:
        return text
    if "t2s" not in _MADE and len(text) <= SHORT_TEXT and _unchanged_by_t2s(text):
        return text.lower()
    return _opencc("t2s", text).lower()
