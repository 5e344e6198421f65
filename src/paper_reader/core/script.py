"""Simplified/traditional script conversion with OpenCC, built on first use and cached.

Loading a converter's dictionaries costs tens of milliseconds, so nothing is loaded until a
reader (or the search index) first needs it.
"""

from __future__ import annotations

from functools import cache

# Display scripts: as printed, or converted with one of OpenCC's configurations.
SCRIPTS: dict[str, str | None] = {
    "original": None,
    "simplified": "t2s",
    "traditional": "s2t",
    "taiwan": "s2twp",
    "hongkong": "s2hk",
}


@cache
def converter(config: str):  # type: ignore[no-untyped-def]
    import opencc  # deferred: importing loads a shared library

    return opencc.OpenCC(config)


class ScriptConverter:
    """Converts text for display; keeps every converted string for instant switching."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], str] = {}

    def convert(self, text: str, script: str) -> str:
        config = SCRIPTS.get(script)
        if not config or not text:
            return text
        key = (config, text)
        out = self._cache.get(key)
        if out is None:
            out = converter(config).convert(text)
            self._cache[key] = out
        return out


def fold(text: str) -> str:
    """The form text is indexed and searched in: simplified script, lower case."""
    return converter("t2s").convert(text).lower() if text else text
