"""Lines and text frames of a page PDF, from its characters.

Characters on one baseline make a row. A gap of more than about a character splits a row
into runs, and neighbouring runs are joined again unless they stand in different columns.
Lines stacked with the same face, size and leading, sharing a left edge (give or take a
paragraph's indent) or a centre, make a text frame.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TypeVar

from .pdf_document import Box, PdfChar
from .radicals import unify_char

T = TypeVar("T", float, str)


@dataclass
class LayoutLine:
    text: str
    box: Box
    size: float
    bold: bool
    font: str
    kind: str = "body"
    frame: int = -1  # index into PageLayout.frames
    char_boxes: list[Box] = field(default_factory=list, repr=False)  # one per character of text
    baseline: float = 0.0
    faces: frozenset[str] = frozenset()  # every font the line is set in (a byline's face at its head)


# -- lines -----------------------------------------------------------------------------

_WIDE_RANGES = ((0x1100, 0x115F), (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF),
                (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE30, 0xFE4F),
                (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x20000, 0x3FFFD))


def is_wide(ch: str) -> bool:
    """A character set on a full em in CJK text (ideographs, kana, full-width forms)."""
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF:  # most of a Chinese page
        return True
    return code >= 0x1100 and any(lo <= code <= hi for lo, hi in _WIDE_RANGES)


def _rows(chars: list[PdfChar]) -> list[list[PdfChar]]:
    """Characters grouped by baseline, each row left to right."""
    rows: list[list[PdfChar]] = []
    for c in sorted(chars, key=lambda c: (c.baseline, c.left)):
        if rows:
            row = rows[-1]
            ref = row[0]
            if abs(c.baseline - ref.baseline) <= 0.3 * min(c.size, ref.size):
                row.append(c)
                continue
        rows.append([c])
    for row in rows:
        row.sort(key=lambda c: c.left)
    return rows


def _split_row(row: list[PdfChar]) -> list[list[PdfChar]]:
    """A row cut at every gap wider than about a character."""
    ink = [c for c in row if not c.char.isspace()]
    gaps = sorted(b.left - a.right for a, b in zip(ink, ink[1:], strict=False))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    # A letter-spaced row (SONG HE RI BAO under a masthead) is cut only at its word spaces.
    reach = 3 * usual if usual > 0.5 * max(c.size for c in ink) else 0.0
    runs: list[list[PdfChar]] = []
    last: PdfChar | None = None
    for c in row:
        if c.char.isspace():
            if runs and last is not None:
                runs[-1].append(c)
            continue
        if last is None or c.left - last.right > max(reach, 0.6 * max(c.size, last.size)) \
                or abs(c.size - last.size) > 0.5 * max(c.size, last.size):
            runs.append([c])
        else:
            runs[-1].append(c)
        last = c
    return runs


def mode(values: list[T]) -> T:
    """The most common value (the largest of those as common)."""
    counts: dict[T, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], v))


def _make_line(run: list[PdfChar], simplified: bool) -> LayoutLine:
    ink = [c for c in run if not c.char.isspace()]
    size = mode([round(c.size * 4) / 4 for c in ink])
    bold = sum(c.weight >= 600 for c in ink) * 2 > len(ink)
    font = max(sorted({c.font for c in ink}), key=lambda f: sum(c.font == f for c in ink))
    gaps = sorted(b.left - a.right for a, b in zip(ink, ink[1:], strict=False))
    usual = max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0  # letter-spacing, when set wide
    text: list[str] = []
    boxes: list[Box] = []
    prev: PdfChar | None = None
    spaced = False
    for c in run:
        if c.char.isspace():
            spaced = prev is not None
            continue
        if prev is not None:
            gap = c.left - prev.right - usual
            if spaced or (gap > 0.15 * size and gap > _space_gap(prev.char, c.char) * size):
                text.append(" ")
                boxes.append((prev.right, min(prev.top, c.top), c.left, max(prev.bottom, c.bottom)))
        if c.char in _WIDE_DASHES:  # a dash set as one glyph two or three ems wide: ——
            n = _WIDE_DASHES[c.char]
            step = (c.right - c.left) / n
            text.extend("—" * n)
            boxes.extend((c.left + k * step, c.top, c.left + (k + 1) * step, c.bottom)
                         for k in range(n))
        else:
            text.append(unify_char(c.char, simplified))
            boxes.append((c.left, c.top, c.right, c.bottom))
        prev, spaced = c, False
    box = (min(c.left for c in ink), min(c.top for c in ink),
           max(c.right for c in ink), max(c.bottom for c in ink))
    return LayoutLine("".join(text), box, size, bold, font, char_boxes=boxes,
                      baseline=mode([round(c.baseline, 1) for c in ink]),
                      faces=frozenset(c.font for c in ink))


# Qt's writer (and others) put the two- and three-em dashes where a Chinese text has —— (a
# subtitle's lead, a dash in a sentence): the text is the pair of em dashes, as typed.
_WIDE_DASHES = {"\u2e3a": 2, "\u2e3b": 3}


_MARKER_AT_END = re.compile(r"^[（(]\s*(?:下转|下轉|转|轉)[^（()）]{1,8}[)）]$")


_CJK_QUOTES = set("“”‘’")  # set on a full em in a CJK font


def _space_gap(left: str, right: str) -> float:
    """The gap, in ems beyond the line's usual letter-spacing, that stands for a space
    between two characters. A CJK font's space is about a fifth of an em; between an
    ideograph and a Latin word a typesetter often adds spacing of its own (or spreads a
    justified line's slack there), which is no space in the text."""
    wide = sum(is_wide(ch) or ch in _CJK_QUOTES for ch in (left, right))
    return (0.2, 0.6, 0.15)[wide]


def build_lines(chars: list[PdfChar], simplified: bool = True) -> list[LayoutLine]:
    """The page's lines, with radicals read as ideographs. Neighbouring runs of a row are
    joined again unless the gap
    between them is a column's gutter (lines above and below stop short of it on both sides,
    and none crosses it), the right one starts where other lines start (a column's left edge),
    or the left one ends where others end (a justified column's right edge)."""
    rows = [runs for runs in (_split_row(row) for row in _rows(chars)) if runs]
    made = [[_make_line(run, simplified) for run in row] for row in rows]
    every = _ByBaseline([ln for row in made for ln in row])

    def apart(a: LayoutLine, b: LayoutLine) -> bool:
        if abs(a.size - b.size) > 0.15 * max(a.size, b.size):
            return True
        others = [o for o in every.within(a.baseline, 12 * a.size) if o.baseline != a.baseline]
        alike = [o for o in others if abs(o.size - a.size) <= 0.1 * a.size]
        tol = 0.3 * a.size
        if _MARKER_AT_END.match(b.text) and any(
                abs(o.box[0] - a.box[0]) <= 3 * a.size and abs(o.box[2] - b.box[2]) <= tol
                for o in alike):
            return False  # a column's last line with its 下转 marker set at the measure's end
        if a.font != b.font:
            return True
        if any(abs(o.box[0] - b.box[0]) <= tol for o in alike) \
                or any(abs(o.box[2] - a.box[2]) <= tol for o in alike):
            return True
        if alike:
            return _gutter_in(a.box[2], b.box[0], alike, a.size)
        # a line alone in its size (two headlines side by side) stands over the columns below
        return bool(others) and _gutter_in(a.box[2], b.box[0], others, min(o.size for o in others))

    out: list[LayoutLine] = []
    for k, row in enumerate(made):
        joined: list[list[PdfChar]] = [rows[k][0]]
        for j in range(1, len(row)):
            if apart(row[j - 1], row[j]):
                joined.append(rows[k][j])
            else:
                joined[-1] = joined[-1] + rows[k][j]
        out.extend(_make_line(run, simplified) if len(joined) != len(row) else row[n]
                   for n, run in enumerate(joined))
    return out


class _ByBaseline:
    """Lines looked up by baseline: what lies within a distance above or below one."""

    def __init__(self, lines: list[LayoutLine]) -> None:
        self.lines = sorted(lines, key=lambda ln: ln.baseline)
        self.keys = [ln.baseline for ln in self.lines]

    def within(self, baseline: float, reach: float) -> list[LayoutLine]:
        lo = bisect.bisect_left(self.keys, baseline - reach)
        hi = bisect.bisect_right(self.keys, baseline + reach)
        return self.lines[lo:hi]


def _gutter_in(start: float, end: float, others: list[LayoutLine], size: float) -> bool:
    """Whether white space that the lines above and below leave open runs through the gap
    (start, end): lines stand on both sides of it, with an edge at it on at least one side
    (the line's own ends stand for the other)."""
    spans = sorted((max(o.box[0], start), min(o.box[2], end)) for o in others
                   if o.box[0] < end and o.box[2] > start)
    x = start
    for lo, hi in spans + [(end, end)]:
        if lo - x >= 0.5 * size:  # open from x to lo
            ends_at = any(abs(o.box[2] - x) <= size for o in others)
            starts_at = any(abs(o.box[0] - lo) <= size for o in others)
            if (ends_at or x == start) and (starts_at or lo == end) and (ends_at or starts_at):
                return True
        x = max(x, hi)
    return False


def overlap(a: Box, b: Box) -> float:
    """How far two boxes overlap left to right (negative: the gap between them)."""
    return min(a[2], b[2]) - max(a[0], b[0])


def build_frames(lines: list[LayoutLine]) -> list[list[int]]:
    """Text frames: stacks of lines (indexes, top to bottom) with the same face, size and
    leading, one above the other, sharing a left edge (give or take a paragraph's indent)
    or, for headings, a centre."""
    order = sorted(range(len(lines)), key=lambda i: (lines[i].baseline, lines[i].box[0]))
    index = _ByBaseline(lines)
    stacks: list[list[int]] = []
    pitch: list[float] = []
    lefts: list[float] = []
    rights: list[float] = []
    open_ends: dict[int, int] = {}  # stack -> index of its last line
    for i in order:
        ln = lines[i]
        best, best_dist = None, 0.0
        for s, last in open_ends.items():
            up = lines[last]
            step = ln.baseline - up.baseline
            if step <= 0.5 * ln.size or step > 2.2 * ln.size:
                continue
            if abs(up.size - ln.size) > 0.1 * max(up.size, ln.size):
                continue
            if not _same_face(up, ln):
                continue  # another face: a byline set atop a column is a frame of its own
            if pitch[s] and abs(step - pitch[s]) > 0.2 * pitch[s]:
                continue
            in_column = min(ln.box[2], rights[s]) - max(ln.box[0], lefts[s]) > 0
            flush = abs(ln.box[0] - lefts[s]) <= 3 * ln.size \
                or abs(ln.box[2] - rights[s]) <= ln.size  # a signature set flush right
            centred = abs((ln.box[0] + ln.box[2]) - (up.box[0] + up.box[2])) <= 2 * ln.size
            if not ((flush and in_column) or (centred and overlap(ln.box, up.box) > 0)):
                continue
            if best is None or step < best_dist:
                best, best_dist = s, step
        if best is not None and _shares_row(index, ln, lines[open_ends[best]]):
            best = None  # the line above spans what are now columns: the layout changes here
        if best is None:
            stacks.append([i])
            pitch.append(0.0)
            lefts.append(ln.box[0])
            rights.append(ln.box[2])
            open_ends[len(stacks) - 1] = i
        else:
            if not pitch[best]:
                pitch[best] = best_dist
            stacks[best].append(i)
            lefts[best] = min(lefts[best], ln.box[0])
            rights[best] = max(rights[best], ln.box[2])
            open_ends[best] = i
        # a stack is closed once the lines have gone well below it
        for s in [s for s, last in open_ends.items() if ln.baseline - lines[last].baseline > 3 * ln.size
                  and lines[last].size <= ln.size]:
            del open_ends[s]
    return stacks


def _same_face(up: LayoutLine, ln: LayoutLine) -> bool:
    """Whether two lines are set in one face: the same, or one of them opens in another face
    and goes on in the other's (a column's first line with its byline: 本报讯(记者 …))."""
    if up.font == ln.font and up.bold == ln.bold:
        return True
    return up.font in ln.faces or ln.font in up.faces


def _shares_row(index: _ByBaseline, ln: LayoutLine, up: LayoutLine) -> bool:
    """Whether another line on ln's baseline also sits under ``up``."""
    return any(o is not ln and overlap(o.box, up.box) > 0.5 * (o.box[2] - o.box[0])
               and abs(o.size - ln.size) <= 0.1 * ln.size
               for o in index.within(ln.baseline, 0.3 * ln.size))


def bbox(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))
