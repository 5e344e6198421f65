"""Full-width punctuation for display: a half-width ``,`` ``?`` ``:`` ``;`` ``!`` ``(`` ``)``
set among Chinese characters (as digitized text often has it) looks cramped; Chinese type
uses ，？：；！（）. Only what is shown changes: stored text and search keep the marks as printed.

A mark changes when it stands next to a Chinese character (spaces and quotation marks
between them do not count); never inside a Latin run (``Hello, world``), a number
(``3,500``, ``10:30``) or a web or mail address. A pair of parentheses changes together,
when either side of it or anything inside is Chinese. Every character maps to one
character, so positions in the text stay the same.
"""

from __future__ import annotations

import re

FULL_WIDTH = {",": "，", "?": "？", ":": "：", ";": "；", "!": "！", "(": "（", ")": "）"}
_MARKS = re.compile(r"[,?:;!()]")
# A cluster: marks (either width), spaces and quotation marks between two other characters.
# Every mark in it is settled by those two, so a second pass over shown text changes nothing.
_CLUSTER = re.compile("[ \u00a0\u3000'\"\u2018\u2019\u201c\u201d,?:;!()，？：；！（）]+")
# Addresses keep their marks; trailing punctuation is the sentence's, not the address's.
# Bounded repeats: a 100,000-letter word must not cost quadratic time.
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]{0,30}://|www\.)[!-~]*[A-Za-z0-9/#=_~-]")
_MAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,24}")
_DIGIT_JOINERS = ",:"  # 3,500 and 10:30


# Compared by code point, not by a character class: re builds a class of the 28,000 code
# points below one by one, in Python (2.4 ms of every start, before the first page shows).
def _is_chinese_code(code: int) -> bool:
    """U+3000–303F, 3400–4DBF, 4E00–9FFF, F900–FAFF, FF00–FFEF and 20000–323AF."""
    if code <= 0x9FFF:
        return code >= 0x4E00 or 0x3000 <= code <= 0x303F or 0x3400 <= code <= 0x4DBF
    return 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x323AF


def is_chinese(ch: str) -> bool:
    """Han characters, CJK punctuation (。、《》…) and the full-width forms (，０Ａ…)."""
    return len(ch) == 1 and _is_chinese_code(ord(ch))


def _has_chinese(text: str, start: int, end: int) -> bool:
    # In Chinese text the first character usually is: the scan stops there.
    return any(_is_chinese_code(ord(ch)) for ch in text[start:end])


def _addresses(text: str) -> bytes:
    """1 at each position inside a web or mail address."""
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        spans += [m.span() for m in _URL.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in _MAIL.finditer(text)]
    if not spans:
        return b""
    inside = bytearray(len(text))
    for start, end in spans:
        inside[start:end] = b"\1" * (end - start)
    return bytes(inside)


def full_width_punctuation(text: str) -> str:
    """``text`` with the half-width marks among Chinese shown full-width (see the module)."""
    if not text or not _MARKS.search(text):
        return text
    protected = _addresses(text)
    out = list(text)
    # (position, whether a Chinese character stands beside the "(", clusters seen before it)
    opened: list[tuple[int, bool, int]] = []
    chinese_sides: list[bool] = []  # per cluster so far: a Chinese character on either side
    chinese_runs = [0]  # stretches between clusters that hold a Chinese character, so far
    last_end = 0
    for m in _CLUSTER.finditer(text):
        start, end = m.span()
        chinese_runs.append(chinese_runs[-1] + _has_chinese(text, last_end, start))
        last_end = end
        left, right = text[start - 1] if start else "", text[end] if end < len(text) else ""
        near = is_chinese(left) or is_chinese(right)
        chinese_sides.append(near)
        if not _MARKS.search(m.group()):
            continue
        for i in range(start, end):
            ch = text[i]
            if ch not in FULL_WIDTH or (protected and protected[i]):
                continue
            if ch == "(":
                opened.append((i, near, len(chinese_runs)))
            elif ch == ")":
                if opened:
                    at, open_near, runs_then = opened.pop()
                    # Chinese inside: between the two clusters (a pair within one has none)
                    inside = chinese_runs[-1] > chinese_runs[runs_then - 1]
                    if open_near or near or inside:
                        out[at], out[i] = "（", "）"
                elif near:
                    out[i] = "）"
            elif near and not (ch in _DIGIT_JOINERS and end - start == 1
                               and left.isascii() and left.isdigit()
                               and right.isascii() and right.isdigit()):
                out[i] = FULL_WIDTH[ch]
    for at, open_near, _runs in opened:  # an unclosed "(" changes when Chinese stands beside it
        if open_near:
            out[at] = "（"
    return "".join(out)
