"""Text for a terminal: stored text and file names are data, never terminal commands.

A title or a file name may carry an escape sequence (ESC, CSI, OSC …) that would retitle
the terminal, move the cursor or hide what follows; a bidi override would make a line read
backwards. Every such character is shown as a visible escape instead: C0 controls, DEL and
C1 controls as ``\\x1b``, the bidi embeddings, overrides and isolates as ``\\u202e``.
"""

from __future__ import annotations

import json

BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))

# Shown as \xNN: C0 (newline and tab included: each line the CLI prints is one record), DEL, C1.
_ESCAPES: dict[int, str] = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
_ESCAPES.update({c: f"\\u{c:04x}" for c in BIDI})

# In JSON, C0 is escaped by json itself; DEL, C1 and bidi become \u escapes, which a JSON
# reader decodes back to the very same characters: the data stays exact.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *BIDI)}


# The escapes without the characters a caller keeps, by what is kept (a few constants).
_KEEPING: dict[str, dict[int, str]] = {}


def for_terminal(text: object, keep: str = "") -> str:
    """``text`` with every control and bidi character shown as an escape; the characters
    in ``keep`` (the newlines of a help text, the search's hit markers) are left alone."""
    text = str(text)
    if keep:
        table = _KEEPING.get(keep)
        if table is None:  # made once per ``keep``: the search prints two lines a hit
            table = _KEEPING[keep] = {c: e for c, e in _ESCAPES.items() if chr(c) not in keep}
        return text.translate(table)
    return text.translate(_ESCAPES)


def json_for_terminal(data: object) -> str:
    """``data`` as indented JSON, exact as data and with nothing a terminal would obey."""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_ESCAPES)
